// Import boundaries are enforced here, not by memory:
//   shared/   pure domain: no electron, react, dexie, DOM globals or node:* modules
//   renderer/ may take only types from electron/
//   electron/ may not import the renderer
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const runtimeModules = [
  { group: ['electron', 'electron/*'], message: 'shared/ is framework-free: inject what you need from electron/.' },
  { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'shared/ is framework-free: UI lives in renderer/.' },
  { group: ['dexie', 'dexie-*', 'fake-indexeddb', 'fake-indexeddb/*'], message: 'shared/ is framework-free: storage lives in renderer/.' },
  { group: ['node:*'], message: 'shared/ may not use Node built-ins: inject them.' },
  { group: ['tesseract.js', 'pdfjs-dist', 'pdfjs-dist/*', 'pngjs', 'jpeg-js'], message: 'shared/ talks to engines through interfaces; adapters live at the edges.' },
  { group: ['**/renderer/**', '**/electron/**'], message: 'shared/ may not import the outer layers.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'renderer/public/**', 'test-results/**', 'release/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: runtimeModules,
        paths: ['fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'url', 'stream', 'buffer', 'util', 'module']
          .map((name) => ({ name, message: 'shared/ may not use Node built-ins: inject them.' })),
      }],
      'no-restricted-globals': ['error',
        ...['window', 'document', 'navigator', 'localStorage', 'indexedDB', 'fetch', 'XMLHttpRequest', 'process', 'Buffer', 'require', '__dirname']
          .map((name) => ({ name, message: 'shared/ is runtime-free: inject it.' })),
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*', 'node:*'], message: 'renderer/ runs in the sandboxed page: talk to main through window.dossier.' },
          { group: ['**/electron/**'], allowTypeImports: true, message: 'renderer/ may take only types from electron/.' },
        ],
      }],
    },
  },
  {
    files: ['electron/**/*.ts', 'electron/**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**', 'react', 'react-dom', 'dexie'], message: 'electron/ may not import the renderer.' }] }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.tsx', '*.config.*', 'electron/build/**/*.mjs', 'test/**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Never import electron in a test: it would try to download its binary.' }] }],
    },
  },
);

// Builds the Node-side bundles: Electron main and preload (CommonJS, as Electron's sandboxed preload
// requires) and the headless CLI (ESM, code-split so each command loads only what it needs).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({ ...common, entryPoints: { main: 'electron/main.ts' }, outdir: 'dist/electron', format: 'cjs', outExtension: { '.js': '.cjs' }, external: ['electron'] }),
  build({ ...common, entryPoints: { preload: 'electron/preload.ts' }, outdir: 'dist/electron', format: 'cjs', outExtension: { '.js': '.cjs' }, external: ['electron'] }),
  build({
    ...common,
    entryPoints: { dossier: 'electron/cli/dossier.ts' },
    outdir: 'dist/cli',
    format: 'esm',
    splitting: true,
    outExtension: { '.js': '.mjs' },
    packages: 'external',
    chunkNames: 'chunks/[name]-[hash]',
  }),
]);

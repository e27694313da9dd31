// Builds the Node-side bundles: Electron main and preload (CommonJS, as Electron's sandboxed preload
// requires) and the headless CLI (ESM, code-split so each command loads only what it needs).
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };

// Chunk names carry content hashes: start from an empty folder so old chunks do not pile up.
rmSync('dist/cli', { recursive: true, force: true });

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

// The CLI's OCR worker thread is plain JavaScript loaded by path: it sits next to the chunk that
// starts it. The OCR language data is decompressed once here (dist/tessdata) so no run pays for
// gunzip; the engine falls back to the packages' .gz files when this folder is missing.
{
  const { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } = await import('node:fs');
  const { gunzipSync } = await import('node:zlib');
  const { createRequire } = await import('node:module');
  const { dirname, join } = await import('node:path');
  const require = createRequire(import.meta.url);
  mkdirSync('dist/cli/chunks', { recursive: true });
  copyFileSync('electron/ocr/tesseract-worker.mjs', 'dist/cli/chunks/tesseract-worker.mjs');
  mkdirSync('dist/tessdata', { recursive: true });
  for (const lang of ['chi_tra', 'chi_sim', 'eng']) {
    const src = join(dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`)), '4.0.0_best_int', `${lang}.traineddata.gz`);
    const dest = join('dist/tessdata', `${lang}.traineddata`);
    if (existsSync(dest) && statSync(dest).mtimeMs >= statSync(src).mtimeMs) continue;
    // Written under a temporary name and renamed: a reader never sees a half-written file.
    writeFileSync(`${dest}.tmp`, gunzipSync(readFileSync(src)));
    renameSync(`${dest}.tmp`, dest);
  }
}

// The OCR engine initialised for the CLI's language sets, saved next to the language data: a run
// copies it into its engine instead of initialising one (see electron/ocr/tesseract-worker.mjs).
// Run from a bundle next to the worker script it starts.
await build({ ...common, entryPoints: { 'save-engine-states': 'electron/build/save-engine-states.ts' }, outdir: 'dist/cli/chunks', format: 'esm', outExtension: { '.js': '.mjs' }, packages: 'external' });
{
  const { spawnSync } = await import('node:child_process');
  const run = spawnSync(process.execPath, ['dist/cli/chunks/save-engine-states.mjs'], { stdio: 'inherit' });
  if (run.status !== 0) throw new Error('saving the initialised OCR engines failed');
}

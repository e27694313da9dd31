// Copies the offline engines' data into the renderer's public folder at build time, so the app
// serves them itself and never fetches anything at run time. Nothing copied here is committed.
import { cpSync, mkdirSync, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const pkgDir = (name) => dirname(require.resolve(`${name}/package.json`));
const out = 'renderer/public/vendor';

/** Copy when the target is missing or older than the source. */
function copy(src, dest) {
  if (existsSync(dest) && statSync(dest).mtimeMs >= statSync(src).mtimeMs) return;
  mkdirSync(dirname(dest), { recursive: true });
  cpSync(src, dest);
}

const tess = pkgDir('tesseract.js');
copy(join(tess, 'dist/worker.min.js'), join(out, 'tesseract/worker.min.js'));
const core = pkgDir('tesseract.js-core');
// The builds shared/ocr/core-build.ts chooses from.
for (const f of ['tesseract-core-lstm.wasm.js', 'tesseract-core-simd-lstm.wasm.js']) {
  copy(join(core, f), join(out, 'tesseract-core', f));
}
for (const lang of ['chi_tra', 'chi_sim', 'eng']) {
  copy(join(pkgDir(`@tesseract.js-data/${lang}`), '4.0.0_best_int', `${lang}.traineddata.gz`), join(out, 'lang', `${lang}.traineddata.gz`));
}
for (const [pkg, file] of [
  ['@expo-google-fonts/noto-sans-tc', '400Regular/NotoSansTC_400Regular.ttf'],
  ['@expo-google-fonts/noto-sans-tc', '700Bold/NotoSansTC_700Bold.ttf'],
  ['@expo-google-fonts/noto-sans-sc', '400Regular/NotoSansSC_400Regular.ttf'],
  ['@expo-google-fonts/noto-sans-sc', '700Bold/NotoSansSC_700Bold.ttf'],
]) {
  copy(join(pkgDir(pkg), file), join(out, 'fonts', file.split('/').pop()));
}
const pdfjs = pkgDir('pdfjs-dist');
copy(join(pdfjs, 'build/pdf.worker.min.mjs'), join(out, 'pdfjs/pdf.worker.min.mjs'));

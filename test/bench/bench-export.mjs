// Export benchmark: a 100-exhibit case made by repeating the fixture images, built with the real
// dossier code, against the floor of merely embedding the same images into a PDF with pdf-lib in the
// same process. Prints the time ratio (target ≤ 2×) and the size overhead (target ≤ image bytes + 2 MB).
//
// How it runs the TypeScript: esbuild bundles shared/dossier/compose.ts and the Node helpers into one
// ESM file, dist/bench/export-bundle.mjs (node_modules stay external and resolve from the repository),
// then this script imports it.
// Run: npm run bench:export   (optional: BENCH_EXHIBITS=200, BENCH_RUNS=3)
import { build } from 'esbuild';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDocument } from 'pdf-lib';

const root = join(import.meta.dirname, '..', '..');
const exhibits = Number(process.env.BENCH_EXHIBITS ?? 100);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const tmp = mkdtempSync(join(tmpdir(), 'bench-export-'));

const entry = join(tmp, 'entry.ts');
writeFileSync(entry, [
  `export { buildDossierReport } from ${JSON.stringify(join(root, 'shared/dossier/compose.ts'))};`,
  `export { loadCaseFolder, loadDossierFonts } from ${JSON.stringify(join(root, 'electron/dossier/load-case.ts'))};`,
  `export { redactImage } from ${JSON.stringify(join(root, 'electron/dossier/redact-image.ts'))};`,
].join('\n'));
const bundlePath = join(root, 'dist', 'bench', 'export-bundle.mjs');
await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', target: 'node20', packages: 'external', outfile: bundlePath, logLevel: 'warning', absWorkingDir: root });
const { buildDossierReport, loadCaseFolder, loadDossierFonts, redactImage } = await import(pathToFileURL(bundlePath).href);

const fixture = await loadCaseFolder(join(root, 'test/fixtures/cases/tw-mpro'));
const cn = await loadCaseFolder(join(root, 'test/fixtures/cases/cn-broadband'));
const pool = [...fixture.case.evidence.map((e) => [e, fixture.originals.get(e.id)]), ...cn.case.evidence.map((e) => [e, cn.originals.get(e.id)])];
const originals = new Map();
const evidence = Array.from({ length: exhibits }, (_, i) => {
  const [ev, bytes] = pool[i % pool.length];
  const id = `ex${i + 1}`;
  originals.set(id, bytes);
  return { ...ev, id, title: `${ev.title} (${i + 1})` };
});
const bigCase = {
  ...fixture.case,
  // Redaction off: the floor embeds the originals as they are, so the build must too.
  redact: { pii: false },
  evidence,
  events: fixture.case.events.map((e, i) => ({ ...e, evidence: [evidence[i % evidence.length].id] })),
  claims: fixture.case.claims.map((c) => ({ ...c, evidence: [evidence[0].id, evidence[1].id] })),
};
const imageBytes = evidence.reduce((a, e) => a + originals.get(e.id).length, 0);
const fonts = await loadDossierFonts();

async function floor() {
  const doc = await PDFDocument.create();
  for (const ev of evidence) {
    const bytes = originals.get(ev.id);
    const img = bytes[0] === 0xff ? await doc.embedJpg(bytes) : await doc.embedPng(bytes);
    const page = doc.addPage([595.28, 841.89]);
    const s = Math.min(523 / img.width, 700 / img.height);
    page.drawImage(img, { x: 36, y: 60, width: img.width * s, height: img.height * s });
  }
  return doc.save();
}
async function dossier() {
  const report = await buildDossierReport({
    case: bigCase, audience: 'regulator', originals: async (ev) => originals.get(ev.id), fonts, now: new Date('2024-11-20T02:00:00Z'), redactImage,
  });
  return report;
}

const time = async (fn) => { const t = performance.now(); const r = await fn(); return [performance.now() - t, r]; };
// Warm up both paths once (JIT, font parsing caches), then take the best of `runs`, interleaved.
await floor();
await dossier();
let floorBest = Infinity;
let buildBest = Infinity;
let floorBytes = 0;
let report;
for (let i = 0; i < runs; i++) {
  const [tf, f] = await time(floor);
  const [tb, r] = await time(dossier);
  floorBest = Math.min(floorBest, tf);
  buildBest = Math.min(buildBest, tb);
  floorBytes = f.length;
  report = r;
}
writeFileSync(join(tmp, 'bench-dossier.pdf'), report.bytes);
const ratio = buildBest / floorBest;
const overhead = report.bytes.length - imageBytes;
console.log(`exhibits: ${exhibits}, pages: ${report.pageCount}, image bytes: ${imageBytes}`);
console.log(`floor (embed images only): ${floorBest.toFixed(0)} ms, ${floorBytes} bytes`);
console.log(`buildDossier:              ${buildBest.toFixed(0)} ms, ${report.bytes.length} bytes  (${join(tmp, 'bench-dossier.pdf')})`);
console.log(`time ratio build/floor: ${ratio.toFixed(2)}x (target <= 2x) ${ratio <= 2 ? 'OK' : 'OVER'}`);
console.log(`size: ${(report.bytes.length / imageBytes).toFixed(3)}x image bytes, overhead ${(overhead / 1048576).toFixed(2)} MB (target <= 2 MB) ${overhead <= 2 * 1048576 ? 'OK' : 'OVER'}`);
process.exitCode = ratio <= 2 && overhead <= 2 * 1048576 ? 0 : 1;

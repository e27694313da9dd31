// The `ocr` command as outside tools call it: the built CLI in a child process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'dossier-ocr-cli-'));
const run = (...args: string[]) => spawnSync(process.execPath, ['dist/cli/dossier.mjs', 'ocr', ...args], { encoding: 'utf8', timeout: 60_000 });

beforeAll(() => {
  const build = spawnSync(process.execPath, ['electron/build/build-node.mjs'], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(build.stderr);
  const png = readFileSync('test/fixtures/evidence/sms_tw_addon.png');
  const jpg = readFileSync('test/fixtures/evidence/callog_tw.jpg');
  writeFileSync(join(dir, 'empty.png'), '');
  writeFileSync(join(dir, 'truncated.png'), png.subarray(0, 4000));
  writeFileSync(join(dir, 'truncated.jpg'), jpg.subarray(0, 30000));
  writeFileSync(join(dir, 'random.bin'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) & 255)));
  writeFileSync(join(dir, 'notes.txt'), '這不是圖片\n');
  const huge = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]).copy(huge);
  huge.writeUInt32BE(30000, 16);
  huge.writeUInt32BE(30000, 20);
  writeFileSync(join(dir, 'huge.png'), huge);
  writeFileSync(join(dir, 'broken.pdf'), '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ngarbage\n');
  copyFileSync('test/fixtures/ocr-extra/encrypted.pdf', join(dir, 'encrypted.pdf'));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dossier ocr: bad input', () => {
  it.each([
    ['missing.png', /no such file/],
    ['empty.png', /empty file/],
    ['truncated.png', /truncated or corrupt PNG/],
    ['truncated.jpg', /truncated JPEG/],
    ['random.bin', /not an image/],
    ['notes.txt', /not an image/],
    ['huge.png', /too large/],
    ['broken.pdf', /broken or unreadable PDF/],
    ['encrypted.pdf', /password-protected/],
  ])('%s → exit 2 and one line naming the file', (name, reason) => {
    const file = join(dir, name);
    const t = performance.now();
    const r = run(file);
    expect(r.status).toBe(2);
    expect(performance.now() - t).toBeLessThan(10_000);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(file);
    expect(lines[0]).toMatch(reason);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });

  it.each([
    [['--lang', 'jpn', 'x.png'], /unknown OCR language/],
    [['--lang', 'chi_tra+chi_tra', 'x.png'], /given twice/],
    [[], /missing input file/],
    [['a.png', 'b.png'], /one input file/],
    [['--bogus', 'x.png'], /unknown option/],
  ])('arguments %j → exit 2', (args, reason) => {
    const r = run(...args);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(reason);
  });
});

describe('dossier ocr: output', () => {
  it('prints JSON with pages, words and boxes', () => {
    const r = run('test/fixtures/evidence/sms_cn_broadband.png', '--lang', 'chi_sim+eng', '--json');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { text: string; confidence: number; lang: string; pages: Array<{ page: number; width: number; height: number; words: Array<{ text: string; confidence: number; box: { x: number; y: number; w: number; h: number } }> }> };
    expect(out.lang).toBe('chi_sim+eng');
    expect(out.text).toContain('54.00');
    expect(out.pages[0]).toMatchObject({ page: 1, width: 780, height: 1120 });
    expect(out.pages[0]!.words.length).toBeGreaterThan(10);
    expect(Object.keys(out.pages[0]!.words[0]!.box)).toEqual(['x', 'y', 'w', 'h']);
  }, 60_000);
});

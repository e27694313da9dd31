/**
 * The built CLI end to end: `build` writes a dossier that `verify` accepts; bad input gives one line
 * on stderr, exit 2, and no output file.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'dist', 'cli', 'dossier.mjs');
const out = mkdtempSync(join(tmpdir(), 'dossier-cli-'));
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });

describe('dossier build / verify CLI', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [join(root, 'electron', 'build', 'build-node.mjs')], { cwd: root });
  }, 120_000);

  it.each([
    ['tw-mpro', 'regulator', 4, []],
    ['tw-mpro', 'company', 4, ['--no-ocr']],
    ['cn-broadband', 'regulator', 1, ['--no-ocr']],
  ])('builds %s for the %s and verifies it', (name, audience, exhibits, flags) => {
    const pdf = join(out, `${name}-${audience}.pdf`);
    const built = run('build', join('test', 'fixtures', 'cases', name), '-o', pdf, '--audience', audience, ...flags);
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    expect(built.stdout).toContain(`${exhibits} exhibits`);
    const verified = run('verify', pdf);
    expect(verified.status).toBe(0);
    const report = JSON.parse(verified.stdout) as { isOk: boolean; outline: { exhibitEntries: number }; links: { broken: number }; activeContent: string[] };
    expect(report).toMatchObject({ isOk: true, outline: { exhibitEntries: exhibits }, links: { broken: 0 }, activeContent: [] });
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('recognises image exhibits so their text is searchable and the ID in the contract image is redacted', () => {
    const pdf = join(out, 'tw-mpro-regulator.pdf');
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    for (const recognised of ['本期應繳總金額', '客服經理來電', '提前終止契約者']) expect(text, recognised).toContain(recognised);
    expect(text.replace(/\s+/g, '')).not.toContain('A123456789');
  });

  it('accepts the case.json path as well as the folder', () => {
    const pdf = join(out, 'by-manifest.pdf');
    expect(run('build', join('test', 'fixtures', 'cases', 'cn-broadband', 'case.json'), '-o', pdf, '--no-ocr').status).toBe(0);
    expect(existsSync(pdf)).toBe(true);
  });

  it.each([
    ['a missing original', (dir: string) => rmSync(join(dir, 'sms_tw_addon.png')), 'sms_tw_addon.png'],
    ['a missing case folder', (dir: string) => rmSync(dir, { recursive: true }), 'no such file or folder'],
  ])('reports %s in one line, exit 2, no output', (_, breakIt, expected) => {
    const dir = mkdtempSync(join(out, 'case-'));
    cpSync(join(root, 'test', 'fixtures', 'cases', 'tw-mpro'), dir, { recursive: true });
    breakIt(dir);
    const pdf = join(out, `broken-${Date.now()}.pdf`);
    const r = run('build', dir, '-o', pdf);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(expected);
    expect(existsSync(pdf)).toBe(false);
  });

  it.each([
    [['build', 'case.dossier', '-o', 'x.pdf'], 'case.dossier: no such file'],
    [['build', 'test/fixtures/cases/tw-mpro'], 'missing -o'],
    [['build', 'test/fixtures/cases/tw-mpro', '-o', 'x.pdf', '--audience', 'court'], '--audience must be company or regulator'],
    [['verify', 'case.zip'], 'case.zip: no such file'],
    [['verify', 'package.json'], 'not a PDF'],
  ])('rejects %j', (args, expected) => {
    const r = run(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(expected);
    expect(existsSync(join(root, 'x.pdf'))).toBe(false);
  });
});

/**
 * The built CLI's `extract` command, run as a child process the way outside scripts call it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const CLI = join(ROOT, 'dist/cli/dossier.mjs');
const EVIDENCE = join(ROOT, 'test/fixtures/evidence');

function dossier(args: string[], input?: string | Uint8Array): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, input, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

interface Output {
  dates: { iso: string; raw: string }[];
  amounts: { value: number; currency: string | null; raw: string }[];
  phones: { digits: string; raw: string }[];
  ids: { value: string }[];
  tickets: { value: string }[];
}

beforeAll(() => {
  execFileSync(process.execPath, ['electron/build/build-node.mjs'], { cwd: ROOT, stdio: 'pipe' });
}, 120_000);

describe('dossier extract', () => {
  const gts = readdirSync(EVIDENCE).filter((f) => f.endsWith('.gt.txt'));

  it.each(gts)('%s: prints the facts of the fixture', (name) => {
    const facts = JSON.parse(readFileSync(join(EVIDENCE, name.replace('.gt.txt', '.facts.json')), 'utf8')) as {
      dates: string[]; amounts: number[]; phones?: string[]; ids?: string[]; tickets?: string[];
    };
    const r = dossier(['extract', join(EVIDENCE, name)]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Output;
    expect(out.dates.map((d) => d.iso).filter((iso) => iso.length === 10)).toEqual(facts.dates);
    expect(out.amounts.map((a) => a.value)).toEqual(facts.amounts);
    for (const digits of facts.phones ?? []) expect(out.phones.map((p) => p.digits)).toContain(digits);
    for (const id of facts.ids ?? []) expect(out.ids.map((i) => i.value)).toContain(id);
    expect(out.tickets.map((t) => t.value)).toEqual(facts.tickets ?? []);
  });

  it('has the contract shape on the example of the design', () => {
    const out = JSON.parse(dossier(['extract', join(EVIDENCE, 'sms_tw_addon.gt.txt')]).stdout) as Output;
    expect(out.dates).toContainEqual(expect.objectContaining({ iso: '2024-09-30', raw: '113/09/30' }));
    expect(out.amounts).toContainEqual(expect.objectContaining({ value: 649, currency: 'TWD', raw: 'NT$649元' }));
    expect(out.phones).toContainEqual(expect.objectContaining({ digits: '0912345678', raw: '0912-345-678' }));
  });

  it('reads standard input for - and honours --lang', () => {
    const r = dossier(['extract', '-', '--lang', 'zh-CN'], '欠费54.00元，计费0.1元/分钟');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Output;
    expect(out.amounts.map((a) => [a.value, a.currency])).toEqual([[54, 'CNY'], [0.1, 'CNY']]);
    const tw = JSON.parse(dossier(['extract', '-', '--lang', 'zh-TW'], '共649元').stdout) as Output;
    expect(tw.amounts[0]!.currency).toBe('TWD');
  });

  it('rejects bad input with one line on stderr and exit code 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-extract-'));
    const latin1 = join(dir, 'latin1.txt');
    writeFileSync(latin1, Uint8Array.from([0x4e, 0x54, 0x24, 0xa3, 0x36, 0x34, 0x39]));
    const cases: [string[], RegExp][] = [
      [['extract', join(dir, 'missing.txt')], /missing\.txt: no such file/],
      [['extract', dir], /is a directory/],
      [['extract', join(EVIDENCE, 'sms_tw_addon.png')], /sms_tw_addon\.png: not a text file/],
      [['extract', latin1], /latin1\.txt: not a UTF-8 text file/],
      [['extract', join(EVIDENCE, 'sms_tw_addon.gt.txt'), '--lang', 'fr'], /--lang must be/],
      [['extract'], /expected one/],
    ];
    for (const [args, message] of cases) {
      const r = dossier(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/^dossier: /);
    }
  });
});

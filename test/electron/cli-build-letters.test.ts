/**
 * The CLI build uses the same letter templates as the app, picked from the manifest's
 * jurisdiction and audience: a mainland regulator cut carries the fields of
 * 电信用户申诉处理办法 Art. 12, a Taiwanese one the advocate's authorisation.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'cli-letters-'));
const cli = (...args: string[]) => execFileSync('node', ['dist/cli/dossier.mjs', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const text = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });

beforeAll(() => {
  execFileSync('node', ['electron/build/build-node.mjs']);
}, 60_000);

describe('CLI build letters', () => {
  it('mainland regulator cut: the 12300 complaint with every Art. 12 field, postcode included', () => {
    const out = join(dir, 'cn.pdf');
    cli('build', 'test/fixtures/cases/cn-broadband', '-o', out, '--audience', 'regulator');
    const t = text(out);
    for (const field of ['李明', '湖南省湘潭市岳塘区某路8号', '139-0731-5566', '邮政编码：411100', '中国电信湘潭分公司', '湖南省湘潭市雨湖区某路1号', '申诉要求', '事实根据', '申诉日期', '退还按分钟计费产生的费用254元']) {
      expect(t, field).toContain(field);
    }
  });

  it('company cut: the operator letter, no regulator form', () => {
    const out = join(dir, 'cn-company.pdf');
    cli('build', 'test/fixtures/cases/cn-broadband', '-o', out, '--audience', 'company');
    const t = text(out);
    expect(t).toContain('中国电信湘潭分公司');
    expect(t).not.toContain('申诉日期');
  });

  it('Taiwanese regulator cut with an advocate: NCC petition and 委任書, ID number kept out', () => {
    const folder = join(dir, 'tw');
    cpSync('test/fixtures/cases/tw-mpro', folder, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(folder, 'case.json'), 'utf8'));
    manifest.agent = { name: '陳大文', relation: '朋友', phone: '0922-111-222', authorisation: { matter: 'mPro加值服務收費爭議', scope: '代為申訴、陳情及協商', from: '2024-10-01', until: '2025-03-31' } };
    writeFileSync(join(folder, 'case.json'), JSON.stringify(manifest));
    const out = join(dir, 'tw.pdf');
    cli('build', folder, '-o', out, '--audience', 'regulator');
    const t = text(out);
    for (const field of ['陳情書', '國家通訊傳播委員會', '委任書', '陳大文', '代為申訴、陳情及協商', '中華電信股份有限公司', 'CHT-112-0512-7781']) {
      expect(t, field).toContain(field);
    }
    expect(t).not.toContain('A123456789');
  });
});

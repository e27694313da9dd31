import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CaseSchema, PartialDateSchema, SCHEMA_VERSION } from '../../shared/case/schema';
import { CaseFormatError, migrateCase, versionOf } from '../../shared/case/migrate';
import { readManifest, safeRelativePath } from '../../shared/case/manifest';

let n = 0;
const ctx = { newId: () => `id${++n}`, now: () => '2026-01-02T03:04:05.000Z' };

describe('PartialDateSchema', () => {
  it.each([
    ['2024', true], ['2024-10', true], ['2024-10-08', true], ['2024-02-29', true],
    ['2023-02-29', false], ['2024-13', false], ['2024-00-10', false], ['2024-1-8', false], ['113/10/08', false], ['', false],
  ])('%s → %s', (input, ok) => {
    expect(PartialDateSchema.safeParse(input).success).toBe(ok);
  });
});

describe('migrateCase', () => {
  it('upgrades an unversioned manifest and gives ids to events, claims and demands', () => {
    const raw = JSON.parse(readFileSync('test/fixtures/cases/tw-mpro/case.json', 'utf8'));
    expect(versionOf(raw)).toBe(0);
    const c = migrateCase(raw, ctx);
    expect(c.schemaVersion).toBe(SCHEMA_VERSION);
    expect(c.complainant.name).toBe('王小明');
    expect(c.evidence.map((e) => e.fileName)).toEqual(['contract_tw_scan.jpg', 'sms_tw_addon.png', 'bill_tw_monthly.png', 'callog_tw.jpg']);
    expect(c.events).toHaveLength(4);
    expect(new Set(c.events.map((e) => e.id)).size).toBe(4);
    expect(c.demands[0]).toMatchObject({ text: '退還試用期滿後收取之mPro月租共新台幣100元' });
    expect(c.claims[0]).toMatchObject({ amount: 100, currency: 'TWD', calculation: '50元 × 2個月' });
    expect(c.redact.pii).toBe(true);
    // A migrated case is a valid current case and survives a second pass unchanged.
    expect(migrateCase(JSON.parse(JSON.stringify(c)), ctx)).toEqual(c);
  });

  it.each([
    [[], 'a case must be a JSON object'],
    [{ schemaVersion: 99 }, 'newer than this app supports'],
    [{ schemaVersion: 'one' }, 'schemaVersion must be a whole number'],
    [{ title: 'x', jurisdiction: 'US', language: 'zh-TW' }, 'jurisdiction'],
    [{ title: 'x', jurisdiction: 'TW', language: 'zh-TW', complainant: { name: 5 } }, 'complainant.name'],
    [{ title: 'x', jurisdiction: 'TW', language: 'zh-TW', events: [{ date: '113/10/08', title: 'a' }] }, 'events[0].date'],
    [{ title: 'x', jurisdiction: 'TW', language: 'zh-TW', claims: [{ title: 'a', amount: 'lots' }] }, 'claims[0].amount'],
  ])('rejects %j naming the problem', (raw, message) => {
    expect(() => migrateCase(raw, ctx)).toThrow(CaseFormatError);
    expect(() => migrateCase(raw, ctx)).toThrow(message);
  });

  it('lets a hand-written manifest leave the language to its jurisdiction', () => {
    expect(migrateCase({ title: 'x', jurisdiction: 'CN' }, ctx).language).toBe('zh-CN');
    expect(migrateCase({ title: 'x', jurisdiction: 'HK', language: 'zh-TW' }, ctx).language).toBe('zh-TW');
    expect(() => migrateCase({ title: 'x' }, ctx)).toThrow('jurisdiction');
  });

  it('parses the current shape directly', () => {
    const c = CaseSchema.parse({
      schemaVersion: SCHEMA_VERSION, id: 'c1', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
      jurisdiction: 'CN', language: 'zh-CN',
    });
    expect(c.evidence).toEqual([]);
    expect(c.account.ticketNos).toEqual([]);
    expect(c.redact.pii).toBe(false);
  });
});

describe('readManifest', () => {
  it('maps evidence ids to relative files', () => {
    const raw = JSON.parse(readFileSync('test/fixtures/cases/cn-broadband/case.json', 'utf8'));
    const { case: c, files } = readManifest(raw, ctx);
    expect(c.jurisdiction).toBe('CN');
    expect(c.complainant.postcode).toBe('411100');
    expect([...files.entries()]).toEqual([['sms', 'sms_cn_broadband.png']]);
  });

  it.each([
    ['../secret.png', 'outside the case folder'],
    ['a/../../b.png', 'outside the case folder'],
    ['/etc/passwd', 'relative'],
    ['C:\\Windows\\x.png', 'relative'],
    ['..\\x.png', 'outside the case folder'],
    ['a\0b', 'NUL'],
    ['./', 'empty'],
  ])('refuses evidence file %j', (file, message) => {
    expect(() => safeRelativePath(file)).toThrow(message);
  });

  it('refuses references to unknown evidence and duplicate ids', () => {
    const base = { title: 'x', jurisdiction: 'TW', language: 'zh-TW', evidence: [{ id: 'a', file: 'a.png' }] };
    expect(() => readManifest({ ...base, events: [{ date: '2024-01-01', evidence: ['b'] }] }, ctx)).toThrow('unknown evidence "b"');
    expect(() => readManifest({ ...base, evidence: [{ id: 'a', file: 'a.png' }, { id: 'a', file: 'b.png' }] }, ctx)).toThrow('used twice');
  });
});

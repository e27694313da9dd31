/**
 * The case archive: a deterministic writer and a strict reader. Every refusal is checked on real
 * bytes and must name the entry at fault; random and mutated bytes never crash the reader and
 * never make it return anything but the case that was written.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArchiveError, canonicalJson } from '../../../shared/archive/format';
import { readArchive } from '../../../shared/archive/read-archive';
import { writeArchive } from '../../../shared/archive/write-archive';
import { CaseFormatError, migrateCase } from '../../../shared/case/migrate';
import type { Case } from '../../../shared/case/schema';
import { loadCaseFolder } from '../../../electron/dossier/load-case';
import { buildZip, type RawEntry } from './zip-builder';

const sha256 = async (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const hex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
let n = 0;
const migration = { newId: () => `id${++n}`, now: () => '2025-01-01T00:00:00.000Z' };
const read = (bytes: Uint8Array, limits = {}) => readArchive(bytes, { sha256, migration, limits });

let tw: Case;
let originals: Map<string, Uint8Array>;
let archive: Uint8Array;

/** The entries of a valid archive, as raw entries that tests can alter. */
function validEntries(c: Case, origs: Map<string, Uint8Array>): RawEntry[] {
  const caseBytes = strToU8(canonicalJson(c));
  const sums: Record<string, string> = { 'case.json': hex(caseBytes) };
  const out: RawEntry[] = [{ name: 'case.json', data: caseBytes }];
  for (const [h, b] of origs) { sums[`originals/${h}`] = h; out.push({ name: `originals/${h}`, data: b, method: 0 }); }
  out.push({ name: 'checksums.json', data: strToU8(canonicalJson(sums)) });
  return out;
}

beforeAll(async () => {
  const loaded = await loadCaseFolder(join(import.meta.dirname, '../../fixtures/cases/tw-mpro'));
  tw = {
    ...loaded.case,
    evidence: loaded.case.evidence.map((e, i) => (i === 0 ? { ...e, ocr: { status: 'done', lang: 'chi_tra+eng', rawText: '契約', confidence: 88, pages: [{ page: 1, width: 100, height: 50, text: '契約', confidence: 88, source: 'ocr', words: [{ text: '契約', confidence: 88, box: { x: 1, y: 2, w: 30, h: 12 }, line: 0 }] }] } } : e)),
  };
  originals = new Map([...loaded.originals.values()].map((b) => [hex(b), b]));
  archive = await writeArchive({ case: tw, originals }, sha256);
});

describe('writeArchive', () => {
  it('writes the same bytes every time, and again after a read', async () => {
    const again = await writeArchive({ case: structuredClone(tw), originals }, sha256);
    expect(Buffer.from(again).equals(Buffer.from(archive))).toBe(true);
    const back = await read(archive);
    const third = await writeArchive({ case: back.case, originals: back.originals }, sha256);
    expect(hex(third)).toBe(hex(archive));
  });

  it('keeps every original byte-identical and the OCR words', async () => {
    const back = await read(archive);
    expect(back.case).toEqual(tw);
    expect(back.case.evidence[0]!.ocr!.pages[0]!.words[0]!.box).toEqual({ x: 1, y: 2, w: 30, h: 12 });
    for (const ev of tw.evidence) expect(hex(back.originals.get(ev.sha256!)!)).toBe(ev.sha256);
    expect(Object.keys(back.checksums).sort()).toEqual(['case.json', ...tw.evidence.map((e) => `originals/${e.sha256}`).sort()]);
  });

  it('refuses a missing original or one whose bytes changed', async () => {
    const first = tw.evidence[0]!.sha256!;
    const missing = new Map(originals);
    missing.delete(first);
    await expect(writeArchive({ case: tw, originals: missing }, sha256)).rejects.toThrow(`originals/${first}: the original is missing`);
    const changed = new Map(originals);
    changed.set(first, new Uint8Array([1, 2, 3]));
    await expect(writeArchive({ case: tw, originals: changed }, sha256)).rejects.toThrow(/changed since import/);
  });
});

describe('readArchive refuses', () => {
  const cases: Array<[string, () => RawEntry[] | Uint8Array, RegExp]> = [
    ['an empty file', () => new Uint8Array(), /empty file/],
    ['random bytes', () => Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 256), /not a case archive/],
    ['a truncated archive', () => archive.subarray(0, archive.length - 100), /not a case archive/],
    ['a ../ path', () => [...validEntries(tw, originals), { name: '../evil.sh', data: strToU8('rm -rf') }], /^\.\.\/evil\.sh: path points outside/],
    ['a nested ../ path', () => [{ name: 'originals/../../x', data: strToU8('x') }], /originals\/\.\.\/\.\.\/x: path points outside/],
    ['an absolute path', () => [{ name: '/etc/passwd', data: strToU8('x') }], /^\/etc\/passwd: absolute path/],
    ['a drive path', () => [{ name: 'C:/x', data: strToU8('x') }], /^C:\/x: absolute path/],
    ['a backslash path', () => [{ name: 'originals\\x', data: strToU8('x') }], /backslash/],
    ['a duplicate name', () => { const e = validEntries(tw, originals); return [...e, e[0]!]; }, /^case\.json: appears twice/],
    ['an entry outside the format', () => [...validEntries(tw, originals), { name: 'notes.txt', data: strToU8('hi') }], /^notes\.txt: is not part of a case archive/],
    ['an original not named by a hash', () => [...validEntries(tw, originals), { name: 'originals/photo.jpg', data: strToU8('x') }], /^originals\/photo\.jpg: is not part/],
    ['a missing case.json', () => validEntries(tw, originals).filter((e) => e.name !== 'case.json'), /^case\.json: missing/],
    ['a missing checksums.json', () => validEntries(tw, originals).filter((e) => e.name !== 'checksums.json'), /^checksums\.json: missing/],
    ['a missing original', () => { const e = validEntries(tw, originals); const drop = e.find((x) => x.name.startsWith('originals/'))!; return e.filter((x) => x !== drop).map((x) => (x.name === 'checksums.json' ? { ...x, data: strToU8(canonicalJson(Object.fromEntries(Object.entries(JSON.parse(new TextDecoder().decode(x.data)) as Record<string, string>).filter(([k]) => k !== drop.name)))) } : x)); }, /^originals\/[0-9a-f]{64}: missing: the original of exhibit/],
    ['a wrong hash', () => validEntries(tw, originals).map((e) => (e.name.startsWith('originals/') ? { ...e, data: Uint8Array.from(e.data, (b, i) => (i === 100 ? b ^ 1 : b)) } : e)), /^originals\/[0-9a-f]{64}: SHA-256 is [0-9a-f]{64}, checksums\.json says/],
    ['an entry without a checksum', () => validEntries(tw, originals).map((e) => (e.name === 'checksums.json' ? { ...e, data: strToU8('{}') } : e)), /^case\.json: has no checksum/],
    ['a checksum of nothing', () => validEntries(tw, originals).map((e) => (e.name === 'checksums.json' ? { ...e, data: strToU8(JSON.stringify({ ...JSON.parse(new TextDecoder().decode(e.data)) as object, 'ghost.txt': '0'.repeat(64) })) } : e)), /^checksums\.json: names "ghost\.txt"/],
    ['case.json of the wrong types', () => { const bad = strToU8(JSON.stringify({ ...JSON.parse(canonicalJson(tw)) as object, jurisdiction: 42 })); return [{ name: 'case.json', data: bad }, { name: 'checksums.json', data: strToU8(JSON.stringify({ 'case.json': hex(bad) })) }]; }, /^case\.json: invalid case: jurisdiction/],
    ['case.json that is not JSON', () => { const bad = strToU8('{"title": '); return [{ name: 'case.json', data: bad }, { name: 'checksums.json', data: strToU8(JSON.stringify({ 'case.json': hex(bad) })) }]; }, /^case\.json: invalid JSON/],
    ['a declared size over the limit', () => [{ name: 'case.json', data: strToU8('{}'), declaredSize: 80 * 1024 * 1024 }], /^case\.json: too large/],
    ['data that inflates past its declared size (zip bomb)', () => [{ name: 'case.json', data: new Uint8Array(10_000_000), declaredSize: 1000 }, { name: 'checksums.json', data: strToU8('{"case.json":"' + '0'.repeat(64) + '"}') }], /^case\.json: inflates past its declared size/],
    ['an encrypted entry', () => [{ name: 'case.json', data: strToU8('{}'), flags: 1 }], /^case\.json: encrypted entry/],
  ];
  it.each(cases)('%s', async (_label, make, message) => {
    const made = make();
    const bytes = made instanceof Uint8Array ? made : buildZip(made);
    const error = await read(bytes).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ArchiveError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('a total size over the limit, before inflating anything', async () => {
    const entries = validEntries(tw, originals);
    const total = entries.reduce((s, e) => s + e.data.length, 0);
    await expect(read(buildZip(entries), { maxTotalBytes: total - 1 })).rejects.toThrow(/the archive is too large uncompressed/);
    await expect(read(buildZip(entries), { maxOriginalBytes: 1000 })).rejects.toThrow(/^originals\/[0-9a-f]{64}: too large/);
  });

  it('accepts a valid archive built by another zip tool, folder entry included', async () => {
    const files: Record<string, Uint8Array> = { 'originals/': new Uint8Array() };
    for (const e of validEntries(tw, originals)) files[e.name] = e.data;
    const back = await read(zipSync(files));
    expect(back.case.id).toBe(tw.id);
  });
});

describe('property: the reader', () => {
  const same = async (bytes: Uint8Array) => {
    try {
      const back = await read(bytes);
      // Accepting is fine only when what comes out is exactly what was written.
      expect(canonicalJson(back.case)).toBe(canonicalJson(tw));
      for (const h of originals.keys()) expect(hex(back.originals.get(h)!)).toBe(h);
      return 'accepted';
    } catch (e) {
      expect(e).toBeInstanceOf(ArchiveError);
      return 'refused';
    }
  };

  it('never crashes on random bytes', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => {
      await expect(read(bytes)).rejects.toBeInstanceOf(ArchiveError);
    }), { numRuns: 300 });
  });

  it('never accepts a corrupted archive: byte flips and truncation', async () => {
    const outcomes = { accepted: 0, refused: 0 };
    await fc.assert(fc.asyncProperty(
      fc.array(fc.record({ at: fc.nat({ max: archive.length - 1 }), xor: fc.integer({ min: 1, max: 255 }) }), { minLength: 1, maxLength: 4 }),
      fc.option(fc.nat({ max: archive.length }), { nil: undefined }),
      async (flips, cut) => {
        const bytes = archive.slice(0, cut ?? archive.length);
        for (const f of flips) if (f.at < bytes.length) bytes[f.at] = bytes[f.at]! ^ f.xor;
        outcomes[await same(bytes)]++;
      },
    ), { numRuns: 400 });
    // Most mutations land in the originals' data and must be caught by the hashes.
    expect(outcomes.refused).toBeGreaterThan(outcomes.accepted);
  });

  it('never crashes on a valid ZIP of random entries', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.record({ name: fc.oneof(fc.constantFrom('case.json', 'checksums.json', 'originals/', '../a', 'originals/' + '0'.repeat(64)), fc.string({ minLength: 1, maxLength: 20 })), data: fc.uint8Array({ maxLength: 200 }), method: fc.constantFrom(0 as const, 8 as const) }), { maxLength: 6 }),
      async (entries) => {
        await expect(read(buildZip(entries))).rejects.toBeInstanceOf(ArchiveError);
      },
    ), { numRuns: 300 });
  });
});

describe('property: the case schema', () => {
  const ctx = { newId: () => 'x', now: () => '2025-01-01T00:00:00.000Z' };
  it('random JSON is either a valid case or a CaseFormatError', () => {
    let valid = 0;
    const caseLike = fc.record({
      schemaVersion: fc.oneof(fc.constant(1), fc.constant(0), fc.jsonValue()),
      id: fc.oneof(fc.string(), fc.jsonValue()),
      createdAt: fc.oneof(fc.constant('2024-01-01T00:00:00.000Z'), fc.jsonValue()),
      updatedAt: fc.oneof(fc.constant('2024-01-01T00:00:00.000Z'), fc.jsonValue()),
      jurisdiction: fc.oneof(fc.constantFrom('TW', 'CN', 'HK'), fc.jsonValue()),
      language: fc.oneof(fc.constantFrom('zh-TW', 'zh-CN', 'en'), fc.jsonValue()),
      evidence: fc.oneof(fc.array(fc.record({ id: fc.string(), sha256: fc.oneof(fc.constant('a'.repeat(64)), fc.string()) }, { requiredKeys: [] })), fc.jsonValue()),
      demands: fc.oneof(fc.array(fc.oneof(fc.string(), fc.jsonValue())), fc.jsonValue()),
      events: fc.oneof(fc.array(fc.jsonValue()), fc.jsonValue()),
    }, { requiredKeys: [] });
    fc.assert(fc.property(fc.oneof(fc.jsonValue(), caseLike), (raw) => {
      try {
        const c = migrateCase(raw, ctx);
        expect(c.schemaVersion).toBe(1);
        valid++;
      } catch (e) {
        expect(e).toBeInstanceOf(CaseFormatError);
      }
    }), { numRuns: 2000 });
    expect(valid).toBeGreaterThan(0);
  });
});

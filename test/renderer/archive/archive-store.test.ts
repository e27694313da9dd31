/**
 * Case archives through the real Dexie store (fake-indexeddb): export → import → export gives the
 * same bytes; an existing case id comes in as a copy; a bad archive writes nothing at all.
 */
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { archiveFileName, exportCaseArchive, importCaseArchive } from '../../../renderer/src/archive/archive-store';
import { addEvidence, createCase, listCases, listEvidence, loadCase, updateCase, updateEvidence, type StoreEnv } from '../../../renderer/src/store/case-store';
import { openDb, type DossierDb } from '../../../renderer/src/store/db';
import { ArchiveError } from '../../../shared/archive/format';
import { EvidenceIdSchema, Sha256Schema, type RedactionId } from '../../../shared/case/schema';

const FIX = join(import.meta.dirname, '..', '..', 'fixtures', 'evidence');
const hex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
let tick = 0;
let ids = 0;
const env: StoreEnv = { now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)).toISOString(), newId: () => `id-${++ids}` };
const copyTitle = (title: string) => `${title}（匯入）`;
const dbs: DossierDb[] = [];
const fresh = () => { const db = openDb(`archive-${Math.random()}`); dbs.push(db); return db; };

afterEach(async () => { for (const db of dbs.splice(0)) await db.delete(); });

let db: DossierDb;
let caseId: Awaited<ReturnType<typeof createCase>>['id'];

beforeEach(async () => {
  db = fresh();
  const row = await createCase(db, env, { title: 'mPro 加值服務/試用期滿', jurisdiction: 'TW' });
  caseId = row.id;
  for (const name of ['sms_tw_addon.png', 'callog_tw.jpg']) {
    const bytes = new Uint8Array(readFileSync(join(FIX, name)));
    await addEvidence(db, caseId, {
      id: EvidenceIdSchema.parse(`ev-${name}`), title: name, kind: 'sms', fileName: name, mimeType: name.endsWith('.png') ? 'image/png' : 'image/jpeg',
      size: bytes.length, sha256: Sha256Schema.parse(hex(bytes)), isKey: true, importedAt: '2026-01-01T00:00:00.000Z',
    }, bytes, { mimeType: 'image/jpeg', bytes: new Uint8Array([1]) });
  }
  await updateEvidence(db, caseId, EvidenceIdSchema.parse('ev-sms_tw_addon.png'), (e) => ({
    ...e, ocr: { status: 'done', lang: 'chi_tra+eng', rawText: '身分證 A123456789', confidence: 91, pages: [{ page: 1, width: 640, height: 480, text: '身分證 A123456789', confidence: 91, source: 'ocr', words: [{ text: 'A123456789', confidence: 93, box: { x: 120, y: 40, w: 160, h: 22 }, line: 0 }] }] },
  }));
  await updateCase(db, env, caseId, (r) => ({
    ...r, complainant: { ...r.complainant, name: '王小明' },
    redactions: [{ id: 'r1' as RedactionId, evidence: EvidenceIdSchema.parse('ev-sms_tw_addon.png'), page: 1, box: { x: 120, y: 40, w: 160, h: 22 }, kind: 'national-id', status: 'accepted' }],
  }));
});

describe('case archive in the store', () => {
  it('export → import → export is byte-identical, OCR and redactions included', async () => {
    const first = await exportCaseArchive(db, caseId);
    expect(first.fileName).toBe('mPro 加值服務_試用期滿.dossier');
    const other = fresh();
    const imported = await importCaseArchive(other, env, first.bytes, copyTitle);
    expect(imported).toMatchObject({ isCopy: false, evidenceCount: 2 });
    expect(imported.header.id).toBe(caseId);
    const second = await exportCaseArchive(other, caseId);
    expect(second.bytes.length).toBe(first.bytes.length);
    expect(hex(second.bytes)).toBe(hex(first.bytes));
    const back = await loadCase(other, caseId);
    expect(back).toEqual(await loadCase(db, caseId));
    expect(back.redactions[0]!.box).toEqual({ x: 120, y: 40, w: 160, h: 22 });
    const evidence = await listEvidence(other, caseId);
    expect(evidence.map((e) => e.order)).toEqual([1, 2]);
    for (const e of evidence) expect(hex((await other.originals.get([caseId, e.sha256!]))!.bytes)).toBe(e.sha256);
  });

  it('an existing case id comes in as a copy with a new id and a marked title', async () => {
    const { bytes } = await exportCaseArchive(db, caseId);
    const result = await importCaseArchive(db, env, bytes, copyTitle);
    expect(result.isCopy).toBe(true);
    expect(result.header.id).not.toBe(caseId);
    expect(result.header.title).toBe('mPro 加值服務/試用期滿（匯入）');
    expect((await listCases(db)).length).toBe(2);
    expect((await listEvidence(db, result.header.id)).length).toBe(2);
    expect(await db.originals.where('caseId').equals(result.header.id).count()).toBe(2);
    // The original case is untouched.
    expect((await listEvidence(db, caseId)).length).toBe(2);
  });

  it('a damaged archive writes nothing', async () => {
    const { bytes } = await exportCaseArchive(db, caseId);
    const damaged = bytes.slice();
    // Flip a byte inside the stored PNG original (the ZIP structure stays valid).
    const png = new Uint8Array(readFileSync(join(FIX, 'sms_tw_addon.png')));
    const at = Buffer.from(damaged).indexOf(Buffer.from(png.subarray(2000, 2032)));
    damaged[at] = damaged[at]! ^ 0x01;
    const other = fresh();
    const error = await importCaseArchive(other, env, damaged, copyTitle).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArchiveError);
    expect((error as Error).message).toMatch(/^originals\/[0-9a-f]{64}: (CRC-32|SHA-256)/);
    expect(await other.cases.count()).toBe(0);
    expect(await other.evidence.count()).toBe(0);
    expect(await other.originals.count()).toBe(0);
  });

  it.each([
    ['a/b:c*?"<>|', 'a_b_c______.dossier'],
    ['', 'case.dossier'],
    ['..hidden', 'hidden.dossier'],
    ['x'.repeat(300), `${'x'.repeat(100)}.dossier`],
  ])('file name of %j is %j', (title, expected) => {
    expect(archiveFileName(title)).toBe(expected);
  });
});

import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type DossierDb } from '../../../renderer/src/store/db';
import {
  addEvidence, createCase, deleteCase, duplicateCase, getOriginal, listCases, listEvidence, loadCase, removeEvidence,
  renameCase, StoreError, updateCase, updateEvidence, getSetting, setSetting, type StoreEnv,
} from '../../../renderer/src/store/case-store';
import { EvidenceIdSchema, Sha256Schema, type Evidence, type Sha256 } from '../../../shared/case/schema';

let db: DossierDb;
let tick = 0;
let ids = 0;
const env: StoreEnv = {
  now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)).toISOString(),
  newId: () => `id-${++ids}`,
};

const hash = (c: string) => Sha256Schema.parse(c.repeat(64));
const exhibit = (id: string, sha256: Sha256): Evidence & { sha256: Sha256 } => ({
  id: EvidenceIdSchema.parse(id), title: `證物 ${id}`, kind: 'sms', fileName: `${id}.png`, mimeType: 'image/png', size: 3, sha256, isKey: true,
});

beforeEach(() => { db = openDb(`test-${Math.random()}`); });
afterEach(async () => { await db.delete(); });

describe('case store', () => {
  it('creates, renames, lists newest first and survives reopening', async () => {
    const a = await createCase(db, env, { title: 'mPro 加值服務', jurisdiction: 'TW' });
    const b = await createCase(db, env, { title: '宽带套餐', jurisdiction: 'CN' });
    expect(a.language).toBe('zh-TW');
    expect(b.language).toBe('zh-CN');
    await renameCase(db, env, a.id, 'mPro 試用期滿仍收費');
    const list = await listCases(db);
    expect(list.map((s) => s.header.title)).toEqual(['mPro 試用期滿仍收費', '宽带套餐']);
    const name = db.name;
    db.close();
    db = openDb(name);
    expect((await listCases(db)).map((s) => s.header.id)).toEqual([a.id, b.id]);
  });

  it('saves party fields and refuses changes that break the schema', async () => {
    const c = await createCase(db, env, { title: 'x', jurisdiction: 'TW' });
    await updateCase(db, env, c.id, (row) => ({ ...row, complainant: { ...row.complainant, name: '王小明', phone: '0912-345-678' } }));
    expect((await loadCase(db, c.id)).complainant).toMatchObject({ name: '王小明', phone: '0912-345-678' });
    await expect(updateCase(db, env, c.id, (row) => ({ ...row, jurisdiction: 'US' as never }))).rejects.toThrow(StoreError);
    expect((await loadCase(db, c.id)).jurisdiction).toBe('TW');
  });

  it('stores originals byte-identical, refuses a second copy of the same bytes', async () => {
    const c = await createCase(db, env, { title: 'x', jurisdiction: 'TW' });
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255]);
    const first = await addEvidence(db, c.id, exhibit('sms1', hash('a')), bytes);
    expect(first.status).toBe('added');
    const again = await addEvidence(db, c.id, exhibit('sms2', hash('a')), bytes);
    expect(again).toMatchObject({ status: 'duplicate', existing: { id: 'sms1' } });
    expect(await db.originals.count()).toBe(1);
    expect(Array.from(await getOriginal(db, c.id, hash('a')))).toEqual(Array.from(bytes));
    await addEvidence(db, c.id, exhibit('bill', hash('b')), new Uint8Array([1]));
    expect((await listEvidence(db, c.id)).map((e) => [e.id, e.order])).toEqual([['sms1', 1], ['bill', 2]]);
  });

  it('keeps the original when metadata changes and drops it with its exhibit', async () => {
    const c = await createCase(db, env, { title: 'x', jurisdiction: 'TW' });
    await addEvidence(db, c.id, exhibit('sms1', hash('a')), new Uint8Array([7]));
    await updateEvidence(db, c.id, EvidenceIdSchema.parse('sms1'), (e) => ({ ...e, title: '到期通知', sha256: hash('f') }));
    const [row] = await listEvidence(db, c.id);
    expect(row).toMatchObject({ title: '到期通知', sha256: hash('a') });
    await removeEvidence(db, c.id, EvidenceIdSchema.parse('sms1'));
    expect(await db.originals.count()).toBe(0);
  });

  it('duplicates and deletes a case with everything in it', async () => {
    const c = await createCase(db, env, { title: '原案', jurisdiction: 'TW' });
    await addEvidence(db, c.id, exhibit('sms1', hash('a')), new Uint8Array([7]), { mimeType: 'image/png', bytes: new Uint8Array([1]) });
    const copy = await duplicateCase(db, env, c.id, '原案（副本）');
    expect((await loadCase(db, copy.id)).evidence.map((e) => e.id)).toEqual(['sms1']);
    expect(await db.originals.count()).toBe(2);
    await deleteCase(db, c.id);
    expect(await db.cases.count()).toBe(1);
    expect(await db.originals.count()).toBe(1);
    expect(await db.thumbnails.count()).toBe(1);
    expect(Array.from(await getOriginal(db, copy.id, hash('a')))).toEqual([7]);
  });

  it('rolls back a multi-table write that fails half-way', async () => {
    const c = await createCase(db, env, { title: 'x', jurisdiction: 'TW' });
    await addEvidence(db, c.id, exhibit('sms1', hash('a')), new Uint8Array([7]));
    // A copy whose id collides with an existing case fails on the first insert of the transaction…
    const collide: StoreEnv = { ...env, newId: () => c.id };
    await expect(duplicateCase(db, collide, c.id, 'copy')).rejects.toThrow(StoreError);
    // …and a failure after some rows were written leaves none of them behind.
    // (the case and exhibit rows go in, then the original collides with a stray row).
    await db.originals.add({ caseId: 'id-999' as never, sha256: hash('a'), bytes: new Uint8Array([9]) });
    await expect(duplicateCase(db, { ...env, newId: () => 'id-999' }, c.id, 'copy')).rejects.toThrow(StoreError);
    expect(await db.cases.count()).toBe(1);
    expect(await db.evidence.where('caseId').equals('id-999').count()).toBe(0);
    expect(await db.originals.count()).toBe(2);
  });

  it('remembers settings', async () => {
    expect(await getSetting(db, 'ui.language', 'zh-TW')).toBe('zh-TW');
    await setSetting(db, 'ui.language', 'en');
    expect(await getSetting(db, 'ui.language', 'zh-TW')).toBe('en');
  });
});

/**
 * Case persistence on top of {@link openDb}. Every function validates what it writes against the
 * case schema, and every write that touches several tables is one transaction: a reload in the
 * middle leaves either all of it or none of it.
 */
import {
  CaseHeaderSchema, CaseIdSchema, CaseSchema, newCase,
  type Case, type CaseId, type Evidence, type EvidenceId, type Jurisdiction, type Language, type Sha256,
} from '../../../shared/case/schema';
import type { CaseRow, DossierDb, EvidenceRow } from './db';

/** Clock and id source of the store (injected so tests are deterministic). */
export interface StoreEnv {
  now: () => string;
  newId: () => string;
}

/** The browser's clock and UUIDs. */
export const browserEnv: StoreEnv = {
  now: () => new Date().toISOString(),
  newId: () => crypto.randomUUID(),
};

/** A case in the list, with how many exhibits it holds. */
export interface CaseSummary {
  header: CaseRow;
  evidenceCount: number;
}

/** A write was refused because the data does not fit the schema or storage failed. */
export class StoreError extends Error {
  override name = 'StoreError';
  constructor(message: string, readonly kind: 'not-found' | 'invalid' | 'quota' | 'storage') {
    super(message);
  }
}

function classify(error: unknown): never {
  if (error instanceof StoreError) throw error;
  const name = error instanceof Error ? error.name : '';
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') throw new StoreError('storage is full', 'quota');
  throw new StoreError(error instanceof Error ? error.message : String(error), 'storage');
}

function validateHeader(row: unknown): CaseRow {
  const parsed = CaseHeaderSchema.safeParse(row);
  if (!parsed.success) throw new StoreError(parsed.error.issues[0]?.message ?? 'invalid case', 'invalid');
  return parsed.data;
}

/** All cases, most recently changed first. */
export async function listCases(db: DossierDb): Promise<CaseSummary[]> {
  const headers = await db.cases.orderBy('updatedAt').reverse().toArray();
  return Promise.all(headers.map(async (header) => ({ header, evidenceCount: await db.evidence.where('caseId').equals(header.id).count() })));
}

/** Creates an empty case. */
export async function createCase(db: DossierDb, env: StoreEnv, options: { title: string; jurisdiction: Jurisdiction; language?: Language }): Promise<CaseRow> {
  const { evidence: _evidence, ...header } = newCase({ id: CaseIdSchema.parse(env.newId()), now: env.now(), ...options });
  try {
    await db.cases.add(header);
  } catch (error) {
    classify(error);
  }
  return header;
}

/** The metadata of one case. */
export async function getCaseHeader(db: DossierDb, id: CaseId): Promise<CaseRow> {
  const row = await db.cases.get(id);
  if (!row) throw new StoreError('case not found', 'not-found');
  return row;
}

/**
 * Applies `change` to a case's metadata and saves it if it still fits the schema.
 * Returns the saved row.
 */
export async function updateCase(db: DossierDb, env: StoreEnv, id: CaseId, change: (row: CaseRow) => CaseRow): Promise<CaseRow> {
  try {
    return await db.transaction('rw', db.cases, async () => {
      const current = await getCaseHeader(db, id);
      const next = validateHeader({ ...change(structuredClone(current)), id, updatedAt: env.now() });
      await db.cases.put(next);
      return next;
    });
  } catch (error) {
    return classify(error);
  }
}

/** Renames a case. */
export function renameCase(db: DossierDb, env: StoreEnv, id: CaseId, title: string): Promise<CaseRow> {
  return updateCase(db, env, id, (row) => ({ ...row, title }));
}

/** Copies a case with all its exhibits, originals and thumbnails under a new id. */
export async function duplicateCase(db: DossierDb, env: StoreEnv, id: CaseId, title: string): Promise<CaseRow> {
  try {
    return await db.transaction('rw', [db.cases, db.evidence, db.originals, db.thumbnails], async () => {
      const source = await getCaseHeader(db, id);
      const copyId = CaseIdSchema.parse(env.newId());
      const now = env.now();
      const copy = validateHeader({ ...structuredClone(source), id: copyId, title, createdAt: now, updatedAt: now });
      await db.cases.add(copy);
      const evidence = await db.evidence.where('caseId').equals(id).toArray();
      await db.evidence.bulkAdd(evidence.map((e) => ({ ...e, caseId: copyId })));
      const originals = await db.originals.where('caseId').equals(id).toArray();
      await db.originals.bulkAdd(originals.map((o) => ({ ...o, caseId: copyId })));
      const thumbnails = await db.thumbnails.where('caseId').equals(id).toArray();
      await db.thumbnails.bulkAdd(thumbnails.map((t) => ({ ...t, caseId: copyId })));
      return copy;
    });
  } catch (error) {
    return classify(error);
  }
}

/** Deletes a case and everything that belongs to it. */
export async function deleteCase(db: DossierDb, id: CaseId): Promise<void> {
  try {
    await db.transaction('rw', [db.cases, db.evidence, db.originals, db.thumbnails], async () => {
      await db.cases.delete(id);
      await db.evidence.where('caseId').equals(id).delete();
      await db.originals.where('caseId').equals(id).delete();
      await db.thumbnails.where('caseId').equals(id).delete();
    });
  } catch (error) {
    classify(error);
  }
}

/** The exhibits of a case in order. */
export async function listEvidence(db: DossierDb, caseId: CaseId): Promise<EvidenceRow[]> {
  return db.evidence.where('[caseId+order]').between([caseId, -Infinity], [caseId, Infinity]).toArray();
}

/** The whole case (metadata and exhibits), validated. */
export async function loadCase(db: DossierDb, id: CaseId): Promise<Case> {
  const header = await getCaseHeader(db, id);
  const evidence = (await listEvidence(db, id)).map(({ caseId: _c, order: _o, ...e }) => e);
  return CaseSchema.parse({ ...header, evidence });
}

/** Outcome of adding an original. */
export type AddEvidenceResult = { status: 'added'; evidence: EvidenceRow } | { status: 'duplicate'; existing: EvidenceRow };

/**
 * Stores a new exhibit and its original bytes in one transaction. When the case already holds an
 * original with the same hash, nothing is stored and the existing exhibit is returned.
 */
export async function addEvidence(db: DossierDb, caseId: CaseId, evidence: Evidence & { sha256: Sha256 }, bytes: Uint8Array, thumbnail?: { mimeType: string; bytes: Uint8Array }): Promise<AddEvidenceResult> {
  try {
    return await db.transaction('rw', [db.cases, db.evidence, db.originals, db.thumbnails], async () => {
      await getCaseHeader(db, caseId);
      const existing = await db.evidence.where('[caseId+sha256]').equals([caseId, evidence.sha256]).first();
      if (existing) return { status: 'duplicate', existing } as const;
      const last = await db.evidence.where('[caseId+order]').between([caseId, -Infinity], [caseId, Infinity]).last();
      const row: EvidenceRow = { ...evidence, caseId, order: (last?.order ?? 0) + 1 };
      await db.evidence.add(row);
      await db.originals.put({ caseId, sha256: evidence.sha256, bytes });
      if (thumbnail) await db.thumbnails.put({ caseId, evidenceId: evidence.id, ...thumbnail });
      await db.cases.update(caseId, { updatedAt: new Date().toISOString() });
      return { status: 'added', evidence: row } as const;
    });
  } catch (error) {
    return classify(error);
  }
}

/** Applies a change to one exhibit's metadata (the original never changes). */
export async function updateEvidence(db: DossierDb, caseId: CaseId, id: EvidenceId, change: (e: EvidenceRow) => EvidenceRow): Promise<EvidenceRow> {
  try {
    return await db.transaction('rw', db.evidence, async () => {
      const current = await db.evidence.get([caseId, id]);
      if (!current) throw new StoreError('exhibit not found', 'not-found');
      const next = change(structuredClone(current));
      await db.evidence.put({ ...next, caseId, id, sha256: current.sha256 });
      return next;
    });
  } catch (error) {
    return classify(error);
  }
}

/** Removes an exhibit, and its original unless another exhibit of the case shares it. */
export async function removeEvidence(db: DossierDb, caseId: CaseId, id: EvidenceId): Promise<void> {
  try {
    await db.transaction('rw', [db.evidence, db.originals, db.thumbnails], async () => {
      const row = await db.evidence.get([caseId, id]);
      if (!row) return;
      await db.evidence.delete([caseId, id]);
      await db.thumbnails.delete([caseId, id]);
      if (row.sha256 && (await db.evidence.where('[caseId+sha256]').equals([caseId, row.sha256]).count()) === 0) {
        await db.originals.delete([caseId, row.sha256]);
      }
    });
  } catch (error) {
    classify(error);
  }
}

/** The original bytes of an exhibit. */
export async function getOriginal(db: DossierDb, caseId: CaseId, sha256: Sha256): Promise<Uint8Array> {
  const row = await db.originals.get([caseId, sha256]);
  if (!row) throw new StoreError('original not found', 'not-found');
  return row.bytes;
}

/** A remembered setting. */
export async function getSetting<T>(db: DossierDb, key: string, fallback: T): Promise<T> {
  const row = await db.settings.get(key);
  return row === undefined ? fallback : (row.value as T);
}

/** Remembers a setting. */
export async function setSetting(db: DossierDb, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}

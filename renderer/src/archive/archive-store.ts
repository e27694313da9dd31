/**
 * Case archives in the app: export a case from the store as one `.dossier` file, and import one
 * back — checked by the strict shared reader (every hash recomputed) before anything is written,
 * then stored in ONE transaction so a failure leaves nothing behind. A case whose id already
 * exists comes in as a copy with a new id.
 */
import { writeArchive } from '../../../shared/archive/write-archive';
import { readArchive } from '../../../shared/archive/read-archive';
import { CaseHeaderSchema, CaseIdSchema, type Case, type Sha256 } from '../../../shared/case/schema';
import { loadCase, StoreError, type StoreEnv } from '../store/case-store';
import type { CaseRow, DossierDb, EvidenceRow } from '../store/db';

/** SHA-256 as lower-case hex with Web Crypto. */
export async function webSha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A file name for a case's archive: its title without characters file systems refuse. */
export function archiveFileName(title: string): string {
  const clean = [...title].map((c) => (c.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(c) ? '_' : c)).join('').trim().replace(/^\.+/, '');
  return `${[...clean].slice(0, 100).join('') || 'case'}.dossier`;
}

/** The archive bytes of a stored case. */
export async function exportCaseArchive(db: DossierDb, caseId: CaseRow['id']): Promise<{ bytes: Uint8Array; fileName: string; case: Case }> {
  const c = await loadCase(db, caseId);
  const rows = await db.originals.where('caseId').equals(caseId).toArray();
  const originals = new Map<string, Uint8Array>(rows.map((r) => [r.sha256, r.bytes]));
  const bytes = await writeArchive({ case: c, originals }, webSha256);
  return { bytes, fileName: archiveFileName(c.title), case: c };
}

/** Outcome of an import. */
export interface ImportedArchive {
  header: CaseRow;
  evidenceCount: number;
  /** True when the case id existed and the archive came in under a new id. */
  isCopy: boolean;
}

/**
 * Verifies an archive and stores its case, exhibits and originals in one transaction.
 * @param copyTitle the title a copy gets when the case id already exists.
 * @throws ArchiveError (from the reader) naming the first bad entry, or StoreError.
 */
export async function importCaseArchive(db: DossierDb, env: StoreEnv, bytes: Uint8Array, copyTitle: (title: string) => string): Promise<ImportedArchive> {
  // Everything slow (inflating, hashing) happens before the transaction: IndexedDB transactions
  // close when they wait on anything but the database.
  const archive = await readArchive(bytes, { sha256: webSha256, migration: env });
  const { evidence, ...header } = archive.case;
  try {
    return await db.transaction('rw', [db.cases, db.evidence, db.originals], async () => {
      const exists = (await db.cases.get(header.id)) !== undefined;
      const id = exists ? CaseIdSchema.parse(env.newId()) : header.id;
      const row = CaseHeaderSchema.parse(exists ? { ...header, id, title: copyTitle(header.title) } : header);
      await db.cases.add(row);
      const rows: EvidenceRow[] = evidence.map((e, i) => ({ ...e, caseId: id, order: i + 1 }));
      await db.evidence.bulkAdd(rows);
      await db.originals.bulkPut([...archive.originals].map(([sha256, data]) => ({ caseId: id, sha256: sha256 as Sha256, bytes: data })));
      return { header: row, evidenceCount: rows.length, isCopy: exists };
    });
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
    if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') throw new StoreError('storage is full', 'quota');
    throw error instanceof StoreError ? error : new StoreError(error instanceof Error ? error.message : String(error), 'storage');
  }
}

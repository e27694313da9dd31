/**
 * The IndexedDB database of the app (Dexie). Case metadata, evidence metadata and original bytes
 * live in separate tables so that listing and editing never loads an original; every write that
 * touches more than one table runs in one transaction.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { CaseHeader, CaseId, Evidence, EvidenceId, Sha256 } from '../../../shared/case/schema';

/** A case's metadata row: everything except its evidence list. */
export type CaseRow = CaseHeader;

/** An exhibit's metadata row. */
export type EvidenceRow = Evidence & {
  caseId: CaseId;
  /** Position in the exhibit list (labels … follow it). */
  order: number;
};

/** An original, byte-identical to what the user imported; never modified. */
export interface OriginalRow {
  caseId: CaseId;
  sha256: Sha256;
  bytes: Uint8Array;
}

/** A small preview image of an exhibit. */
export interface ThumbnailRow {
  caseId: CaseId;
  evidenceId: EvidenceId;
  mimeType: string;
  bytes: Uint8Array;
}

/** A remembered setting (UI language, last opened case…). */
export interface SettingRow {
  key: string;
  value: unknown;
}

export type DossierDb = Dexie & {
  cases: EntityTable<CaseRow, 'id'>;
  evidence: Dexie.Table<EvidenceRow, [CaseId, EvidenceId]>;
  originals: Dexie.Table<OriginalRow, [CaseId, Sha256]>;
  thumbnails: Dexie.Table<ThumbnailRow, [CaseId, EvidenceId]>;
  settings: EntityTable<SettingRow, 'key'>;
};

/** Opens (creating or upgrading) the app database. */
export function openDb(name = 'dossier'): DossierDb {
  const db = new Dexie(name) as DossierDb;
  db.version(1).stores({
    cases: '&id, updatedAt',
    evidence: '&[caseId+id], caseId, [caseId+sha256], [caseId+order]',
    originals: '&[caseId+sha256], caseId',
    thumbnails: '&[caseId+evidenceId], caseId',
    settings: '&key',
  });
  return db;
}

/**
 * The case archive format (`.dossier`): one ZIP file holding
 *   - `case.json`      the whole case (schema-validated, OCR results included), canonical JSON;
 *   - `originals/<h>`  each original, byte-identical, named by its lower-case hex SHA-256;
 *   - `checksums.json` the SHA-256 of every other entry.
 * Nothing else. The writer is deterministic, the reader strict and bounded.
 */

/** Name of the case entry. */
export const CASE_ENTRY = 'case.json';
/** Name of the checksum entry. */
export const CHECKSUMS_ENTRY = 'checksums.json';
/** Folder of the originals. */
export const ORIGINALS_DIR = 'originals/';
/** An original's entry name: the folder and its 64-digit hash. */
export const ORIGINAL_ENTRY = /^originals\/[0-9a-f]{64}$/;

/** Size limits the reader enforces before and while inflating (zip bombs, memory). */
export interface ArchiveLimits {
  /** Most entries an archive may hold. */
  maxEntries: number;
  /** Largest uncompressed original (bytes). */
  maxOriginalBytes: number;
  /** Largest uncompressed case.json or checksums.json (bytes). */
  maxJsonBytes: number;
  /** Largest sum of uncompressed entry sizes (bytes). */
  maxTotalBytes: number;
}

/**
 * Default limits: an original may be as large as the importer accepts (200 MB) plus headroom;
 * the total stays well inside what a renderer can hold in memory.
 */
export const DEFAULT_LIMITS: ArchiveLimits = {
  maxEntries: 10_000,
  maxOriginalBytes: 256 * 1024 * 1024,
  maxJsonBytes: 64 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
};

/** A case archive that cannot be written or read; `entry` names the archive entry at fault. */
export class ArchiveError extends Error {
  override name = 'ArchiveError';
  /** @param entry the entry the problem is about, when there is one. */
  constructor(message: string, readonly entry?: string) {
    super(entry ? `${entry}: ${message}` : message);
  }
}

/** SHA-256 of bytes as lower-case hex (injected: shared/ has no crypto). */
export type Sha256Fn = (bytes: Uint8Array) => Promise<string>;

/**
 * JSON with object keys sorted at every level and two-space indentation, ending in a newline: the
 * same value always gives the same bytes, whatever order its keys were built in.
 */
export function canonicalJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (typeof v === 'object' && v !== null) {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(v).sort()) {
        const item = (v as Record<string, unknown>)[key];
        if (item !== undefined) out[key] = sort(item);
      }
      return out;
    }
    return v;
  };
  return `${JSON.stringify(sort(value), null, 2)}\n`;
}

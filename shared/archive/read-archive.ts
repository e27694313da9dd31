/**
 * Reads a case archive strictly: only the three kinds of entry of the format, each named once,
 * within size limits, every hash recomputed, and case.json valid against the case schema (older
 * shapes are migrated). The first problem stops the read with an {@link ArchiveError} naming the entry.
 */
import { CaseFormatError, migrateCase, type MigrationContext } from '../case/migrate';
import type { Case } from '../case/schema';
import {
  ArchiveError, CASE_ENTRY, CHECKSUMS_ENTRY, DEFAULT_LIMITS, ORIGINALS_DIR, ORIGINAL_ENTRY,
  type ArchiveLimits, type Sha256Fn,
} from './format';
import { listZipEntries, readZipEntry, type ZipEntry } from './zip-read';

/** Options of {@link readArchive}. */
export interface ReadArchiveOptions {
  sha256: Sha256Fn;
  /** Ids and clock for migrating an older case shape. */
  migration: MigrationContext;
  limits?: Partial<ArchiveLimits>;
  /** Called with each entry name as it is checked (for progress). */
  onEntry?: (name: string, done: number, total: number) => void;
}

/** A case read from an archive. */
export interface ArchiveCase {
  case: Case;
  /** Original bytes by their SHA-256. */
  originals: Map<string, Uint8Array>;
  /** Entry name → SHA-256, as verified. */
  checksums: Record<string, string>;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function parseJson(bytes: Uint8Array, name: string): unknown {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new ArchiveError('is not UTF-8 text', name);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ArchiveError(`invalid JSON (${e instanceof Error ? e.message : String(e)})`, name);
  }
}

/** Refuses names outside the format; the folder entry `originals/` that zip tools add is allowed. */
function checkFormatName(name: string): void {
  if (name === CASE_ENTRY || name === CHECKSUMS_ENTRY || name === ORIGINALS_DIR || ORIGINAL_ENTRY.test(name)) return;
  throw new ArchiveError(`is not part of a case archive (expected only ${CASE_ENTRY}, ${CHECKSUMS_ENTRY} and ${ORIGINALS_DIR}<sha256>)`, name);
}

/**
 * Reads and verifies a case archive.
 * @throws ArchiveError naming the first bad entry.
 */
export async function readArchive(bytes: Uint8Array, options: ReadArchiveOptions): Promise<ArchiveCase> {
  const limits: ArchiveLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const entries = listZipEntries(bytes, limits.maxEntries);
  const byName = new Map<string, ZipEntry>();
  let total = 0;
  for (const e of entries) {
    checkFormatName(e.name);
    if (byName.has(e.name)) throw new ArchiveError('appears twice in the archive', e.name);
    byName.set(e.name, e);
    if (e.name === ORIGINALS_DIR) {
      if (e.size !== 0) throw new ArchiveError('folder entry with content', e.name);
      continue;
    }
    const limit = e.name.startsWith(ORIGINALS_DIR) ? limits.maxOriginalBytes : limits.maxJsonBytes;
    if (e.size > limit) throw new ArchiveError(`too large (${e.size} bytes uncompressed; the limit is ${limit})`, e.name);
    total += e.size;
    if (total > limits.maxTotalBytes) throw new ArchiveError(`the archive is too large uncompressed (over ${limits.maxTotalBytes} bytes)`, e.name);
  }
  const caseEntry = byName.get(CASE_ENTRY);
  const sumEntry = byName.get(CHECKSUMS_ENTRY);
  if (!caseEntry) throw new ArchiveError('missing: this is not a case archive', CASE_ENTRY);
  if (!sumEntry) throw new ArchiveError('missing: the archive cannot be verified', CHECKSUMS_ENTRY);

  const sums = parseJson(readZipEntry(bytes, sumEntry), CHECKSUMS_ENTRY);
  if (typeof sums !== 'object' || sums === null || Array.isArray(sums)) throw new ArchiveError('expected an object of entry name → SHA-256', CHECKSUMS_ENTRY);
  const checksums: Record<string, string> = {};
  for (const [name, value] of Object.entries(sums)) {
    if (typeof value !== 'string' || !/^[0-9a-f]{64}$/.test(value)) throw new ArchiveError(`the checksum of ${JSON.stringify(name)} is not a SHA-256`, CHECKSUMS_ENTRY);
    if (!byName.has(name) || name === CHECKSUMS_ENTRY || name === ORIGINALS_DIR) throw new ArchiveError(`names ${JSON.stringify(name)}, which is not in the archive`, CHECKSUMS_ENTRY);
    checksums[name] = value;
  }

  const names = [...byName.keys()].filter((n) => n !== CHECKSUMS_ENTRY && n !== ORIGINALS_DIR).sort();
  const data = new Map<string, Uint8Array>();
  for (const [i, name] of names.entries()) {
    options.onEntry?.(name, i, names.length);
    const expected = checksums[name];
    if (!expected) throw new ArchiveError(`has no checksum in ${CHECKSUMS_ENTRY}`, name);
    const content = readZipEntry(bytes, byName.get(name)!);
    const actual = await options.sha256(content);
    if (actual !== expected) throw new ArchiveError(`SHA-256 is ${actual}, ${CHECKSUMS_ENTRY} says ${expected}: the entry was altered or damaged`, name);
    if (name.startsWith(ORIGINALS_DIR) && name.slice(ORIGINALS_DIR.length) !== actual) {
      throw new ArchiveError(`SHA-256 is ${actual}, not the hash it is named by`, name);
    }
    data.set(name, content);
  }

  let c: Case;
  try {
    c = migrateCase(parseJson(data.get(CASE_ENTRY)!, CASE_ENTRY), options.migration);
  } catch (e) {
    if (e instanceof CaseFormatError) throw new ArchiveError(`invalid case: ${e.message}`, CASE_ENTRY);
    throw e;
  }
  checkReferences(c);
  const originals = new Map<string, Uint8Array>();
  for (const ev of c.evidence) {
    if (!ev.sha256) throw new ArchiveError(`invalid case: exhibit ${JSON.stringify(ev.id)} has no SHA-256`, CASE_ENTRY);
    const content = data.get(`${ORIGINALS_DIR}${ev.sha256}`);
    if (!content) throw new ArchiveError(`missing: the original of exhibit ${JSON.stringify(ev.id)}`, `${ORIGINALS_DIR}${ev.sha256}`);
    originals.set(ev.sha256, content);
  }
  for (const name of names) {
    if (name.startsWith(ORIGINALS_DIR) && !originals.has(name.slice(ORIGINALS_DIR.length))) throw new ArchiveError('no exhibit of the case uses this original', name);
  }
  return { case: c, originals, checksums };
}

/**
 * Exhibit ids are unique (the store keys exhibits by case and id). References from events, claims
 * and redactions to an exhibit removed later are tolerated: the app itself leaves them behind.
 */
function checkReferences(c: Case): void {
  const ids = new Set<string>();
  for (const ev of c.evidence) {
    if (ids.has(ev.id)) throw new ArchiveError(`invalid case: exhibit id ${JSON.stringify(ev.id)} is used twice`, CASE_ENTRY);
    ids.add(ev.id);
  }
}

/**
 * Writes a case archive. The output depends only on the case and its originals: entries are
 * sorted, timestamps fixed and case.json canonical, so export → import → export gives the same bytes.
 */
import { zipSync, type Zippable } from 'fflate';
import { CaseSchema, type Case } from '../case/schema';
import { formatZodError } from '../util/zod-error';
import { ArchiveError, CASE_ENTRY, CHECKSUMS_ENTRY, ORIGINALS_DIR, canonicalJson, type Sha256Fn } from './format';

/** What goes into an archive. */
export interface ArchiveContent {
  case: Case;
  /** Original bytes by their lower-case hex SHA-256. */
  originals: ReadonlyMap<string, Uint8Array>;
}

/**
 * The fixed modification time of every entry. DOS timestamps are local time, so the date is built
 * from local fields: it encodes the same in every time zone.
 */
const FIXED_TIME = new Date(2000, 0, 1, 0, 0, 0);

/**
 * Builds the archive bytes. Every exhibit must name its original by SHA-256 and that original must
 * be given with exactly that hash; originals no exhibit uses are left out.
 * @throws ArchiveError naming the exhibit or original at fault.
 */
export async function writeArchive(content: ArchiveContent, sha256: Sha256Fn): Promise<Uint8Array> {
  const parsed = CaseSchema.safeParse(content.case);
  if (!parsed.success) throw new ArchiveError(`the case is not valid: ${formatZodError(parsed.error)}`, CASE_ENTRY);
  const c = parsed.data;
  const needed = new Set<string>();
  for (const ev of c.evidence) {
    if (!ev.sha256) throw new ArchiveError(`exhibit ${JSON.stringify(ev.id)} has no SHA-256, so its original cannot be archived`, CASE_ENTRY);
    needed.add(ev.sha256);
  }
  const caseBytes = new TextEncoder().encode(canonicalJson(c));
  const checksums: Record<string, string> = { [CASE_ENTRY]: await sha256(caseBytes) };
  const originals: Array<[string, Uint8Array]> = [];
  for (const hash of [...needed].sort()) {
    const name = `${ORIGINALS_DIR}${hash}`;
    const bytes = content.originals.get(hash);
    if (!bytes) throw new ArchiveError('the original is missing', name);
    const actual = await sha256(bytes);
    if (actual !== hash) throw new ArchiveError(`the original's SHA-256 is ${actual}: it changed since import`, name);
    checksums[name] = actual;
    originals.push([name, bytes]);
  }
  const files: Zippable = {
    [CASE_ENTRY]: [caseBytes, { level: 6 }],
    [CHECKSUMS_ENTRY]: [new TextEncoder().encode(canonicalJson(checksums)), { level: 6 }],
  };
  // Originals are mostly JPEG, PNG and PDF, already compressed: store them as they are.
  for (const [name, bytes] of originals) files[name] = [bytes, { level: 0 }];
  return zipSync(files, { mtime: FIXED_TIME, os: 3, attrs: 0o100644 << 16 });
}

/**
 * Reads a case for the CLI, from a folder (or its case.json) or from a case archive. A folder's
 * manifest goes through the shared reader, then every original — size, SHA-256 and media type from
 * its magic bytes — so the dossier's integrity appendix states what is really on disk. An archive
 * goes through the strict archive reader, which recomputes every hash.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { readManifest } from '../../shared/case/manifest';
import { CaseFormatError } from '../../shared/case/migrate';
import { Sha256Schema, type Case, type Evidence } from '../../shared/case/schema';
import type { DossierFontBytes } from '../../shared/dossier/fonts';
import { ArchiveError, DEFAULT_LIMITS } from '../../shared/archive/format';
import { readArchive, type ArchiveCase } from '../../shared/archive/read-archive';
import { CliError } from '../cli/errors';
import { ImageInputError } from '../../shared/evidence/image-header';
import { checkOriginal, MAX_ORIGINAL_BYTES } from './check-original';

/** A case read from disk with its originals' bytes, keyed by exhibit id. */
export interface LoadedCase {
  case: Case;
  /** The manifest's path (or the archive's), as the user wrote it. */
  manifestPath: string;
  originals: Map<string, Uint8Array>;
  /** Where the case came from. */
  source: 'folder' | 'archive';
  /** For a folder: exhibit id → path of its original relative to the manifest's folder. */
  files?: Map<string, string>;
}

/** Media type from magic bytes (what the file is, whatever its name says). */
export function sniffMime(bytes: Uint8Array): string {
  const b = (i: number) => bytes[i];
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'image/jpeg';
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return 'image/png';
  if (Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-')) return 'application/pdf';
  if (b(0) === 0x47 && b(1) === 0x49 && b(2) === 0x46) return 'image/gif';
  if (Buffer.from(bytes.subarray(8, 12)).toString('latin1') === 'WEBP') return 'image/webp';
  if (bytes.length > 0 && !bytes.subarray(0, 4096).includes(0)) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      return 'text/plain';
    } catch {
      return 'application/octet-stream';
    }
  }
  return 'application/octet-stream';
}

/** SHA-256 of bytes as lower-case hex. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** True for paths that name a case archive rather than a folder or manifest. */
export function isArchivePath(path: string): boolean {
  return /\.(dossier|zip)$/i.test(path);
}

/**
 * Loads a case folder or case.json with every original.
 * @throws CliError naming the file for a missing folder, invalid JSON or manifest, a missing original,
 *   or an original whose bytes do not match the hash the manifest states.
 */
export async function loadCaseFolder(input: string): Promise<LoadedCase> {
  const target = resolve(input);
  const info = await stat(target).catch(() => undefined);
  if (!info) throw new CliError('no such file or folder', input);
  // Messages name files the way the user wrote them, not as absolute paths.
  const manifestPath = info.isDirectory() ? join(input, 'case.json') : input;
  const text = await readFile(manifestPath, 'utf8').catch(() => {
    throw new CliError('cannot read the case manifest', manifestPath);
  });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new CliError(`invalid JSON: ${e instanceof Error ? e.message : String(e)}`, manifestPath);
  }
  let parsed;
  try {
    parsed = readManifest(raw, { newId: () => randomUUID().slice(0, 8), now: () => new Date().toISOString() });
  } catch (e) {
    if (e instanceof CaseFormatError) throw new CliError(`invalid case: ${e.message}`, manifestPath);
    throw e;
  }
  const folder = dirname(manifestPath);
  const originals = new Map<string, Uint8Array>();
  const evidence: Evidence[] = [];
  for (const ev of parsed.case.evidence) {
    const rel = parsed.files.get(ev.id);
    if (!rel) throw new CliError(`evidence ${JSON.stringify(ev.id)} names no file`, manifestPath);
    const path = join(folder, ...rel.split('/'));
    const st = await stat(path).catch(() => undefined);
    if (!st || !st.isFile()) throw new CliError(`original of evidence ${JSON.stringify(ev.id)} is missing`, path);
    // Checked before reading, so an oversized file is never loaded into memory.
    if (st.size > MAX_ORIGINAL_BYTES) throw new CliError(`file too large (${Math.round(st.size / 1048576)} MB; the limit is ${MAX_ORIGINAL_BYTES / 1048576} MB)`, path);
    const bytes = await readFile(path).catch(() => {
      throw new CliError(`original of evidence ${JSON.stringify(ev.id)} cannot be read`, path);
    });
    const data = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    checked(data, basename(path), path);
    const sha256 = sha256Hex(data);
    if (ev.sha256 && ev.sha256 !== sha256) throw new CliError(`SHA-256 is ${sha256}, the case says ${ev.sha256}: the original changed`, path);
    originals.set(ev.id, data);
    evidence.push({
      ...ev,
      fileName: ev.fileName || basename(path),
      size: data.length,
      sha256: Sha256Schema.parse(sha256),
      mimeType: sniffMime(data),
      // A manifest has no import record: the file's modification time is when it entered the folder.
      importedAt: ev.importedAt ?? st.mtime.toISOString(),
    });
  }
  return { case: { ...parsed.case, evidence }, manifestPath, originals, source: 'folder', files: parsed.files };
}

/** Runs {@link checkOriginal}, reporting a refusal as a CliError naming `shown`. */
function checked(bytes: Uint8Array, fileName: string, shown: string): void {
  try {
    checkOriginal(bytes, fileName);
  } catch (e) {
    if (e instanceof ImageInputError) throw new CliError(e.message, shown);
    throw e;
  }
}

/** Largest archive file read (bytes): the archive's own uncompressed limit bounds it anyway. */
export const MAX_ARCHIVE_FILE_BYTES = DEFAULT_LIMITS.maxTotalBytes;

/**
 * Reads and verifies a case archive file.
 * @throws CliError naming the archive and, in the reason, the first bad entry.
 */
export async function readArchiveFile(input: string): Promise<ArchiveCase> {
  const info = await stat(input).catch(() => undefined);
  if (!info) throw new CliError('no such file', input);
  if (info.isDirectory()) throw new CliError('is a folder, not a case archive', input);
  if (info.size === 0) throw new CliError('empty file', input);
  if (info.size > MAX_ARCHIVE_FILE_BYTES) throw new CliError(`file too large for a case archive (${Math.round(info.size / 1048576)} MB)`, input);
  const bytes = await readFile(input).catch((e: unknown) => {
    throw new CliError(`cannot read (${(e as { code?: string }).code ?? String(e)})`, input);
  });
  try {
    return await readArchive(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      sha256: async (b) => sha256Hex(b),
      migration: { newId: () => randomUUID().slice(0, 8), now: () => new Date().toISOString() },
    });
  } catch (e) {
    if (e instanceof ArchiveError) throw new CliError(e.message, input);
    throw e;
  }
}

/** Loads a case archive with every original, keyed by exhibit id like {@link loadCaseFolder}. */
export async function loadCaseArchive(input: string): Promise<LoadedCase> {
  const archive = await readArchiveFile(input);
  const originals = new Map<string, Uint8Array>();
  for (const ev of archive.case.evidence) {
    const bytes = archive.originals.get(ev.sha256!)!;
    checked(bytes, ev.fileName, `${input}: originals/${ev.sha256} (${ev.fileName})`);
    originals.set(ev.id, bytes);
  }
  return { case: archive.case, manifestPath: input, originals, source: 'archive' };
}

/** Loads a case from whatever the user named: archive, folder or case.json. */
export function loadCase(input: string): Promise<LoadedCase> {
  return isArchivePath(input) ? loadCaseArchive(input) : loadCaseFolder(input);
}

/** The four Noto Sans fonts from node_modules (the same files the app copies for the renderer). */
export async function loadDossierFonts(): Promise<DossierFontBytes> {
  const require = createRequire(import.meta.url);
  const file = (pkg: string, rel: string) => readFile(join(dirname(require.resolve(`${pkg}/package.json`)), rel));
  const [tcRegular, tcBold, scRegular, scBold] = await Promise.all([
    file('@expo-google-fonts/noto-sans-tc', '400Regular/NotoSansTC_400Regular.ttf'),
    file('@expo-google-fonts/noto-sans-tc', '700Bold/NotoSansTC_700Bold.ttf'),
    file('@expo-google-fonts/noto-sans-sc', '400Regular/NotoSansSC_400Regular.ttf'),
    file('@expo-google-fonts/noto-sans-sc', '700Bold/NotoSansSC_700Bold.ttf'),
  ]);
  return { tcRegular: tcRegular!, tcBold: tcBold!, scRegular: scRegular!, scBold: scBold! };
}

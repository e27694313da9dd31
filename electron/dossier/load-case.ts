/**
 * Reads a case folder (or its case.json) for the CLI: the manifest through the shared reader, then
 * every original — size, SHA-256 and media type from its magic bytes — so the dossier's integrity
 * appendix states what is really on disk.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { readManifest } from '../../shared/case/manifest';
import { CaseFormatError } from '../../shared/case/migrate';
import { Sha256Schema, type Case, type Evidence } from '../../shared/case/schema';
import type { DossierFontBytes } from '../../shared/dossier/fonts';
import { CliError } from '../cli/errors';

/** A case read from disk with its originals' bytes, keyed by exhibit id. */
export interface LoadedCase {
  case: Case;
  /** The manifest's path. */
  manifestPath: string;
  originals: Map<string, Uint8Array>;
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
  const manifestPath = info.isDirectory() ? join(target, 'case.json') : target;
  const text = await readFile(manifestPath, 'utf8').catch(() => {
    throw new CliError('cannot read the case manifest', info.isDirectory() ? join(input, 'case.json') : input);
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
    const [bytes, st] = await Promise.all([readFile(path), stat(path)]).catch(() => {
      throw new CliError(`original of evidence ${JSON.stringify(ev.id)} is missing`, path);
    });
    const data = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
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
  return { case: { ...parsed.case, evidence }, manifestPath, originals };
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

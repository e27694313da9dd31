/**
 * A strict, bounded ZIP reader for case archives. It reads the central directory itself (rather
 * than trusting a general-purpose unzipper) so that it can refuse what such tools silently accept:
 * duplicate names, overlapping entries, sizes that lie, encrypted or ZIP64 entries, and data that
 * inflates past its declared size. Every refusal is an {@link ArchiveError} naming the entry.
 */
import { Inflate } from 'fflate';
import { ArchiveError } from './format';

/** One entry as the central directory describes it. */
export interface ZipEntry {
  name: string;
  method: 0 | 8;
  crc32: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's data (after its local header). */
  dataStart: number;
}

const EOCD_SIG = 0x06054b50;
const CD_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Refuses names that could point outside a folder if the archive were ever extracted. */
export function checkEntryName(name: string): void {
  if (name.includes('\\')) throw new ArchiveError('backslash in entry name (not a portable path)', name);
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) throw new ArchiveError('absolute path', name);
  if (name.split('/').some((part) => part === '..')) throw new ArchiveError('path points outside the archive (../)', name);
  if ([...name].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) throw new ArchiveError('control character in entry name', name);
}

/**
 * Lists the entries of a ZIP file from its central directory, checking every structural field.
 * @throws ArchiveError for anything that is not a plain, consistent ZIP.
 */
export function listZipEntries(b: Uint8Array, maxEntries: number): ZipEntry[] {
  if (b.length < 22) throw new ArchiveError(b.length === 0 ? 'empty file' : 'not a case archive (too short to be a ZIP file)');
  // The end-of-central-directory record: its comment must run exactly to the end of the file.
  let eocd = -1;
  for (let o = b.length - 22; o >= Math.max(0, b.length - 22 - 0xffff); o--) {
    if (u32(b, o) === EOCD_SIG && o + 22 + u16(b, o + 20) === b.length) { eocd = o; break; }
  }
  if (eocd < 0) throw new ArchiveError('not a case archive (no ZIP directory; the file is not a ZIP or is truncated)');
  const disk = u16(b, eocd + 4);
  const cdDisk = u16(b, eocd + 6);
  const onDisk = u16(b, eocd + 8);
  const count = u16(b, eocd + 10);
  const cdSize = u32(b, eocd + 12);
  const cdOffset = u32(b, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw new ArchiveError('ZIP64 archives are not supported');
  if (disk !== 0 || cdDisk !== 0 || onDisk !== count) throw new ArchiveError('multi-part ZIP archives are not supported');
  if (count > maxEntries) throw new ArchiveError(`too many entries (${count}; the limit is ${maxEntries})`);
  if (cdOffset + cdSize !== eocd) throw new ArchiveError('corrupt ZIP directory (its size or position is wrong)');

  const entries: ZipEntry[] = [];
  const ranges: Array<{ start: number; end: number; name: string }> = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || u32(b, p) !== CD_SIG) throw new ArchiveError(`corrupt ZIP directory (entry ${i + 1} of ${count})`);
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    const crc32 = u32(b, p + 16);
    const compressedSize = u32(b, p + 20);
    const size = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    const localOffset = u32(b, p + 42);
    const next = p + 46 + nameLen + extraLen + commentLen;
    if (next > eocd) throw new ArchiveError(`corrupt ZIP directory (entry ${i + 1} of ${count} runs past its end)`);
    let name: string;
    try {
      name = utf8.decode(b.subarray(p + 46, p + 46 + nameLen));
    } catch {
      throw new ArchiveError(`entry ${i + 1} has a name that is not UTF-8`);
    }
    if (name === '') throw new ArchiveError(`entry ${i + 1} has no name`);
    checkEntryName(name);
    if (flags & 0x41) throw new ArchiveError('encrypted entry (archives are never password-protected)', name);
    if (method !== 0 && method !== 8) throw new ArchiveError(`unsupported compression method ${method}`, name);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) throw new ArchiveError('ZIP64 entries are not supported', name);
    if (method === 0 && compressedSize !== size) throw new ArchiveError('stored entry whose sizes disagree', name);

    // The local header must agree with the directory.
    const l = localOffset;
    if (l + 30 > cdOffset || u32(b, l) !== LOCAL_SIG) throw new ArchiveError('corrupt ZIP entry (no local header where the directory says)', name);
    const lNameLen = u16(b, l + 26);
    const lExtraLen = u16(b, l + 28);
    const dataStart = l + 30 + lNameLen + lExtraLen;
    if (u16(b, l + 8) !== method || u16(b, l + 6) !== flags) throw new ArchiveError('corrupt ZIP entry (local header disagrees with the directory)', name);
    if (lNameLen !== nameLen || b.subarray(l + 30, l + 30 + lNameLen).some((byte, k) => byte !== b[p + 46 + k])) {
      throw new ArchiveError('corrupt ZIP entry (local name differs from the directory name)', name);
    }
    if (!(flags & 0x08) && (u32(b, l + 14) !== crc32 || u32(b, l + 18) !== compressedSize || u32(b, l + 22) !== size)) {
      throw new ArchiveError('corrupt ZIP entry (local sizes or checksum disagree with the directory)', name);
    }
    if (dataStart + compressedSize > cdOffset) throw new ArchiveError('corrupt ZIP entry (data runs past the end)', name);
    ranges.push({ start: l, end: dataStart + compressedSize, name });
    entries.push({ name, method: method as 0 | 8, crc32, compressedSize, size, dataStart });
    p = next;
  }
  if (p !== eocd) throw new ArchiveError('corrupt ZIP directory (trailing bytes)');
  // Overlapping entries are the classic way to make a small archive inflate to a huge one.
  ranges.sort((x, y) => x.start - y.start);
  for (let i = 1; i < ranges.length; i++) {
    if (ranges[i]!.start < ranges[i - 1]!.end) throw new ArchiveError('entry overlaps another entry', ranges[i]!.name);
  }
  return entries;
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (the ZIP polynomial) of bytes. */
export function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * The uncompressed bytes of an entry. Inflation stops as soon as the output would exceed the
 * declared size, so a lying header cannot make the reader allocate more than it announced.
 */
export function readZipEntry(b: Uint8Array, entry: ZipEntry): Uint8Array {
  const data = b.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  let out: Uint8Array;
  if (entry.method === 0) {
    out = data.slice();
  } else {
    out = new Uint8Array(entry.size);
    let filled = 0;
    let isOver = false;
    const inflater = new Inflate((chunk) => {
      if (filled + chunk.length > entry.size) { isOver = true; throw new ArchiveError('inflates past its declared size', entry.name); }
      out.set(chunk, filled);
      filled += chunk.length;
    });
    const step = 1 << 20;
    try {
      for (let o = 0; o < data.length || o === 0; o += step) {
        inflater.push(data.subarray(o, o + step), o + step >= data.length);
        if (o + step >= data.length) break;
      }
    } catch (e) {
      if (isOver || e instanceof ArchiveError) throw new ArchiveError('inflates past its declared size (a zip bomb or a corrupt entry)', entry.name);
      throw new ArchiveError(`corrupt compressed data (${e instanceof Error ? e.message : String(e)})`, entry.name);
    }
    if (filled !== entry.size) throw new ArchiveError(`inflates to ${filled} bytes, the archive says ${entry.size}`, entry.name);
  }
  if (crc32(out) !== entry.crc32) throw new ArchiveError('CRC-32 does not match (the entry is damaged)', entry.name);
  return out;
}

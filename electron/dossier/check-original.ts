/**
 * Checks an exhibit's original before a build uses it, so that damaged or disguised files stop the
 * build with the file's name and a plain reason instead of failing deep inside the PDF writer:
 * empty and oversized files, programs, files whose name promises an image or PDF they are not,
 * image headers over the size limits, PNGs whose chunks are cut short or damaged, JPEGs without an
 * end marker. Only headers and chunk checksums are read; nothing is decoded.
 */
import { ImageInputError, readImageHeader, sniffFormat } from '../../shared/evidence/image-header';
import { crc32 } from '../../shared/archive/zip-read';

/** Largest original a build accepts (the importer's limit). */
export const MAX_ORIGINAL_BYTES = 200 * 1024 * 1024;

const PROGRAM_MAGIC: Array<[string, number[]]> = [
  ['Windows program', [0x4d, 0x5a]],
  ['Linux program', [0x7f, 0x45, 0x4c, 0x46]],
  ['macOS program', [0xcf, 0xfa, 0xed, 0xfe]],
  ['macOS program', [0xca, 0xfe, 0xba, 0xbe]],
  ['script', [0x23, 0x21]],
];

const IMAGE_OR_PDF_NAME = /\.(png|jpe?g|gif|bmp|webp|pdf)$/i;

/** Walks a PNG's chunks: every length inside the file, every CRC right, ending in IEND. */
function checkPngChunks(b: Uint8Array): void {
  let o = 8;
  while (o + 12 <= b.length) {
    const len = ((b[o]! << 24) >>> 0) + (b[o + 1]! << 16) + (b[o + 2]! << 8) + b[o + 3]!;
    if (o + 12 + len > b.length) throw new ImageInputError('truncated or corrupt PNG (a chunk runs past the end of the file)');
    const type = String.fromCharCode(...b.subarray(o + 4, o + 8));
    const crc = ((b[o + 8 + len]! << 24) >>> 0) + (b[o + 9 + len]! << 16) + (b[o + 10 + len]! << 8) + b[o + 11 + len]!;
    if (crc32(b.subarray(o + 4, o + 8 + len)) !== crc) throw new ImageInputError(`truncated or corrupt PNG (${type} chunk is damaged)`);
    if (type === 'IEND') return;
    o += 12 + len;
  }
  throw new ImageInputError('truncated or corrupt PNG (no end chunk)');
}

/**
 * Throws an {@link ImageInputError} with a user-facing reason when an original cannot go into a
 * dossier. Files that are neither image nor PDF nor text pass: the build shows them as unsupported.
 */
export function checkOriginal(bytes: Uint8Array, fileName: string): void {
  if (bytes.length === 0) throw new ImageInputError('empty file');
  if (bytes.length > MAX_ORIGINAL_BYTES) throw new ImageInputError(`file too large (${Math.round(bytes.length / 1048576)} MB; the limit is ${MAX_ORIGINAL_BYTES / 1048576} MB)`);
  for (const [what, magic] of PROGRAM_MAGIC) {
    if (magic.every((m, i) => bytes[i] === m)) throw new ImageInputError(`is a ${what}, not a document`);
  }
  const format = sniffFormat(bytes);
  if (!format) {
    if (IMAGE_OR_PDF_NAME.test(fileName)) throw new ImageInputError('not an image or PDF (its content does not match its name)');
    return;
  }
  if (format === 'pdf') return; // PDFs are parsed by the build, which names the file when it cannot.
  readImageHeader(bytes);
  if (format === 'png') checkPngChunks(bytes);
  if (format === 'jpeg') {
    let end = bytes.length - 1;
    while (end > 1 && bytes[end] === 0) end--;
    let hasEoi = false;
    for (let i = end; i > Math.max(1, end - 4096); i--) if (bytes[i - 1] === 0xff && bytes[i] === 0xd9) { hasEoi = true; break; }
    if (!hasEoi) throw new ImageInputError('truncated JPEG (no end-of-image marker)');
  }
}

/**
 * Runs `work` with pdf-lib's console chatter ("Trying to parse invalid object…") silenced: the CLI
 * promises one line on stderr, and the reason is reported by the caller.
 */
export async function quietly<T>(work: () => Promise<T>): Promise<T> {
  const { log, warn } = console;
  console.log = () => undefined;
  console.warn = () => undefined;
  try {
    return await work();
  } finally {
    console.log = log;
    console.warn = warn;
  }
}

/**
 * What a file really is, from its first bytes rather than its name: an executable renamed `.jpg`
 * is not an image.
 */
import { ImageInputError, readImageHeader, sniffFormat } from './image-header';

/** File types the importer accepts. */
export type EvidenceFileType = 'png' | 'jpeg' | 'webp' | 'bmp' | 'gif' | 'pdf' | 'text';

/** MIME type of each accepted file type. */
export const MIME_OF: Record<EvidenceFileType, string> = {
  png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp', bmp: 'image/bmp', gif: 'image/gif', pdf: 'application/pdf', text: 'text/plain',
};

/** Outcome of sniffing a file. */
export type SniffResult =
  | { ok: true; type: EvidenceFileType; mimeType: string }
  | { ok: false; reason: 'empty' | 'unsupported' | 'executable' };

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((v, i) => b[at + i] === v);

function isLikelyUtf8Text(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 65536);
  let i = 0;
  while (i < sample.length) {
    const c = sample[i]!;
    if (c === 0) return false;
    if (c < 0x80) { if (c < 0x09 || (c > 0x0d && c < 0x20 && c !== 0x1b)) return false; i += 1; continue; }
    const extra = c >= 0xf0 && c <= 0xf4 ? 3 : c >= 0xe0 ? 2 : c >= 0xc2 && c < 0xe0 ? 1 : -1;
    if (extra < 0) return false;
    for (let k = 1; k <= extra; k++) {
      const n = sample[i + k];
      // A multi-byte sequence cut by the sample's end is fine.
      if (n === undefined) return true;
      if ((n & 0xc0) !== 0x80) return false;
    }
    i += extra + 1;
  }
  return true;
}

/** Identifies a file from its bytes. */
export function sniffFile(bytes: Uint8Array): SniffResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  const format = sniffFormat(bytes);
  if (format) return { ok: true, type: format, mimeType: MIME_OF[format] };
  if (startsWith(bytes, [0x4d, 0x5a]) || startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46]) || startsWith(bytes, [0xcf, 0xfa, 0xed, 0xfe]) || startsWith(bytes, [0xfe, 0xed, 0xfa, 0xcf])) {
    return { ok: false, reason: 'executable' };
  }
  if (isLikelyUtf8Text(bytes)) return { ok: true, type: 'text', mimeType: MIME_OF.text };
  return { ok: false, reason: 'unsupported' };
}

/**
 * Whether an image's header announces more pixels than the app will decode (checked before any
 * decoding, so a 30000×30000 PNG costs nothing). Undefined for non-images.
 */
export function imageSizeProblem(bytes: Uint8Array): 'too-large' | 'unreadable' | undefined {
  try {
    readImageHeader(bytes);
    return undefined;
  } catch (error) {
    if (!(error instanceof ImageInputError)) throw error;
    return /too large/.test(error.message) ? 'too-large' : 'unreadable';
  }
}

/** Lower-case hex of a digest. */
export function toHex(digest: ArrayBuffer | Uint8Array): string {
  const b = digest instanceof Uint8Array ? digest : new Uint8Array(digest);
  let out = '';
  for (const v of b) out += v.toString(16).padStart(2, '0');
  return out;
}

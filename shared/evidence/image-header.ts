/**
 * Recognises an image format from its first bytes and reads its dimensions from the header, so
 * oversized images are refused before any pixel is decoded.
 */

/** Formats the importer knows. */
export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'bmp' | 'webp' | 'pdf';

/** Format and (for images) dimensions read from the header. */
export interface ImageHeader {
  format: ImageFormat;
  width: number;
  height: number;
}

/** Largest image accepted, in pixels (decoded RGBA would need 4 bytes each). */
export const MAX_IMAGE_PIXELS = 100_000_000;
/** Largest accepted side in pixels. */
export const MAX_IMAGE_SIDE = 30_000;

/** An input that cannot be read as an image; `message` is the user-facing reason. */
export class ImageInputError extends Error {
  override name = 'ImageInputError';
}

const u16be = (b: Uint8Array, o: number) => (b[o]! << 8) | b[o + 1]!;
const u16le = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32be = (b: Uint8Array, o: number) => ((b[o]! << 24) >>> 0) + (b[o + 1]! << 16) + (b[o + 2]! << 8) + b[o + 3]!;
const i32le = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24);

/** The format by magic bytes, or undefined. */
export function sniffFormat(b: Uint8Array): ImageFormat | undefined {
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a) return 'png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 6 && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38) return 'gif';
  if (b.length >= 2 && b[0] === 0x42 && b[1] === 0x4d) return 'bmp';
  if (b.length >= 12 && String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...b.subarray(8, 12)) === 'WEBP') return 'webp';
  // PDF: "%PDF-" within the first KiB (some writers put junk before it).
  const head = String.fromCharCode(...b.subarray(0, Math.min(1024, b.length)));
  if (head.includes('%PDF-')) return 'pdf';
  return undefined;
}

function jpegSize(b: Uint8Array): { width: number; height: number } {
  let o = 2;
  while (o + 4 <= b.length) {
    if (b[o] !== 0xff) throw new ImageInputError('corrupt JPEG (bad marker)');
    const marker = b[o + 1]!;
    if (marker === 0xff) { o++; continue; }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) { o += 2; continue; }
    if (marker === 0xd9 || marker === 0xda) break;
    const len = u16be(b, o + 2);
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (o + 9 > b.length) break;
      return { height: u16be(b, o + 5), width: u16be(b, o + 7) };
    }
    o += 2 + len;
  }
  throw new ImageInputError('truncated or corrupt JPEG (no frame header)');
}

function webpSize(b: Uint8Array): { width: number; height: number } {
  const chunk = String.fromCharCode(...b.subarray(12, 16));
  if (chunk === 'VP8X' && b.length >= 30) return { width: 1 + (b[24]! | (b[25]! << 8) | (b[26]! << 16)), height: 1 + (b[27]! | (b[28]! << 8) | (b[29]! << 16)) };
  if (chunk === 'VP8 ' && b.length >= 30) return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  if (chunk === 'VP8L' && b.length >= 25) {
    const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >>> 14) & 0x3fff) };
  }
  throw new ImageInputError('truncated or corrupt WebP header');
}

/**
 * Reads the format and dimensions from the header and enforces the size limits.
 * @throws ImageInputError for unknown formats, unreadable headers and oversized images.
 */
export function readImageHeader(b: Uint8Array): ImageHeader {
  if (b.length === 0) throw new ImageInputError('empty file');
  const format = sniffFormat(b);
  if (!format) throw new ImageInputError('not an image or PDF (unrecognised format; expected PNG, JPEG, GIF, BMP, WebP or PDF)');
  let size: { width: number; height: number };
  switch (format) {
    case 'pdf':
      return { format, width: 0, height: 0 };
    case 'png':
      if (b.length < 24 || String.fromCharCode(...b.subarray(12, 16)) !== 'IHDR') throw new ImageInputError('truncated or corrupt PNG (no IHDR header)');
      size = { width: u32be(b, 16), height: u32be(b, 20) };
      break;
    case 'jpeg':
      size = jpegSize(b);
      break;
    case 'gif':
      if (b.length < 13) throw new ImageInputError('truncated GIF header');
      size = { width: u16le(b, 6), height: u16le(b, 8) };
      break;
    case 'bmp':
      if (b.length < 26) throw new ImageInputError('truncated BMP header');
      size = { width: Math.abs(i32le(b, 18)), height: Math.abs(i32le(b, 22)) };
      break;
    case 'webp':
      size = webpSize(b);
      break;
  }
  if (size.width <= 0 || size.height <= 0) throw new ImageInputError(`corrupt ${format.toUpperCase()} header (size ${size.width}×${size.height})`);
  if (size.width > MAX_IMAGE_SIDE || size.height > MAX_IMAGE_SIDE || size.width * size.height > MAX_IMAGE_PIXELS) {
    throw new ImageInputError(`image too large (${size.width}×${size.height} px; the limit is ${MAX_IMAGE_PIXELS / 1e6} megapixels and ${MAX_IMAGE_SIDE} px per side)`);
  }
  return { format, ...size };
}

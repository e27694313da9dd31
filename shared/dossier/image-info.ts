/**
 * What an original is, from its first bytes, and how an EXIF orientation maps the stored pixels onto
 * the upright image. Pure byte parsing: no decoder needed.
 */

import { sniffFormat } from '../evidence/image-header';

/** Content kinds the dossier knows how to place. */
export type ContentKind = 'jpeg' | 'png' | 'pdf' | 'text' | 'other';

/** Sniffs the kind of an original from its magic bytes (text: valid UTF-8 without NUL bytes). */
export function sniffKind(bytes: Uint8Array, mimeType = ''): ContentKind {
  const format = sniffFormat(bytes);
  if (format === 'jpeg' || format === 'png' || format === 'pdf') return format;
  if (mimeType.startsWith('text/') || /\.(txt|md|csv)$/i.test(mimeType)) return 'text';
  if (bytes.length > 0 && !bytes.subarray(0, 4096).includes(0)) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      return 'text';
    } catch {
      return 'other';
    }
  }
  return 'other';
}

/**
 * EXIF orientation (1–8) of a JPEG, read from its APP1 segment; 1 when absent or unreadable.
 */
export function jpegOrientation(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let i = 2;
  while (i + 4 <= bytes.length && bytes[i] === 0xff) {
    const marker = bytes[i + 1]!;
    if (marker === 0xda || marker === 0xd9) break; // start of scan: no more metadata
    const len = view.getUint16(i + 2);
    if (marker === 0xe1 && len >= 16 && String.fromCharCode(...bytes.subarray(i + 4, i + 8)) === 'Exif') {
      const tiff = i + 10;
      if (tiff + 8 > bytes.length) return 1;
      const little = bytes[tiff] === 0x49;
      const u16 = (o: number) => view.getUint16(o, little);
      const u32 = (o: number) => view.getUint32(o, little);
      const ifd = tiff + u32(tiff + 4);
      if (ifd + 2 > bytes.length) return 1;
      const count = u16(ifd);
      for (let k = 0; k < count; k++) {
        const entry = ifd + 2 + k * 12;
        if (entry + 12 > bytes.length) return 1;
        if (u16(entry) === 0x0112) {
          const v = u16(entry + 8);
          return v >= 1 && v <= 8 ? v : 1;
        }
      }
      return 1;
    }
    i += 2 + len;
  }
  return 1;
}

/** True when an orientation swaps width and height (rotated by 90° or transposed). */
export function swapsAxes(orientation: number): boolean {
  return orientation >= 5 && orientation <= 8;
}

/**
 * The PDF image matrix `[a b c d e f]` that draws stored pixels so the upright image fills the box
 * (x, y, width, height) in page space. An image XObject maps the unit square to the page: (0,0) is
 * the stored image's bottom-left; this composes that with the EXIF orientation, mirrors included,
 * which pdf-lib's `drawImage` (rotation only) cannot express.
 */
export function orientationMatrix(orientation: number, x: number, y: number, width: number, height: number): [number, number, number, number, number, number] {
  // Upright (display) coordinates, top-down and normalised, of a stored pixel (xr, yr), also top-down.
  const toDisplay = (xr: number, yr: number): [number, number] => {
    switch (orientation) {
      case 2: return [1 - xr, yr];
      case 3: return [1 - xr, 1 - yr];
      case 4: return [xr, 1 - yr];
      case 5: return [yr, xr];
      case 6: return [1 - yr, xr];
      case 7: return [1 - yr, 1 - xr];
      case 8: return [yr, 1 - xr];
      default: return [xr, yr];
    }
  };
  // Unit square (u up-right) → stored top-down (u, 1 - v) → display → page.
  const page = (u: number, v: number): [number, number] => {
    const [dx, dy] = toDisplay(u, 1 - v);
    return [x + dx * width, y + (1 - dy) * height];
  };
  const [e, f] = page(0, 0);
  const [ux, uy] = page(1, 0);
  const [vx, vy] = page(0, 1);
  return [ux - e, uy - f, vx - e, vy - f, e, f];
}

/**
 * Node implementation of the dossier's image redactor: decodes a JPEG or PNG (pure JS, jpeg-js and
 * pngjs), turns it upright according to its EXIF orientation, fills every box with black pixels and
 * encodes it again — JPEG as JPEG (quality 92), PNG as PNG. Only images that a redaction touches go
 * through here; every other JPEG is embedded byte for byte.
 */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { RedactImage, RedactImageInput } from '../../shared/dossier/types';

interface Rgba {
  width: number;
  height: number;
  data: Uint8Array;
}

function decode(input: RedactImageInput): Rgba {
  if (input.kind === 'jpeg') {
    const img = jpeg.decode(input.bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 1024 });
    return { width: img.width, height: img.height, data: img.data };
  }
  const png = PNG.sync.read(Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength));
  return { width: png.width, height: png.height, data: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength) };
}

/** Rotates/mirrors stored pixels into the upright image an EXIF orientation describes. */
export function applyOrientation(img: Rgba, orientation: number): Rgba {
  if (orientation <= 1 || orientation > 8) return img;
  const swap = orientation >= 5;
  const W = swap ? img.height : img.width;
  const H = swap ? img.width : img.height;
  const out = new Uint8Array(W * H * 4);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      // Stored pixel shown at upright (x, y); inverse of the mapping in shared/dossier/image-info.ts.
      let sx: number;
      let sy: number;
      switch (orientation) {
        case 2: sx = img.width - 1 - x; sy = y; break;
        case 3: sx = img.width - 1 - x; sy = img.height - 1 - y; break;
        case 4: sx = x; sy = img.height - 1 - y; break;
        case 5: sx = y; sy = x; break;
        case 6: sx = y; sy = img.height - 1 - x; break;
        case 7: sx = img.width - 1 - y; sy = img.height - 1 - x; break;
        default: sx = img.width - 1 - y; sy = x; break; // 8
      }
      const from = (sy * img.width + sx) * 4;
      const to = (y * W + x) * 4;
      out[to] = img.data[from]!;
      out[to + 1] = img.data[from + 1]!;
      out[to + 2] = img.data[from + 2]!;
      out[to + 3] = img.data[from + 3]!;
    }
  }
  return { width: W, height: H, data: out };
}

/** Burns boxes black (a pixel of margin on every side, so antialiased edges go too). */
export function burnBoxes(img: Rgba, boxes: RedactImageInput['boxes']): void {
  for (const b of boxes) {
    const x0 = Math.max(0, Math.floor(b.x) - 1);
    const y0 = Math.max(0, Math.floor(b.y) - 1);
    const x1 = Math.min(img.width, Math.ceil(b.x + b.w) + 1);
    const y1 = Math.min(img.height, Math.ceil(b.y + b.h) + 1);
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const i = (y * img.width + x) * 4;
        img.data[i] = 0;
        img.data[i + 1] = 0;
        img.data[i + 2] = 0;
        img.data[i + 3] = 255;
      }
    }
  }
}

/** The redactor the CLI injects into `buildDossier`. */
export const redactImage: RedactImage = async (input) => {
  const upright = applyOrientation(decode(input), input.orientation);
  burnBoxes(upright, input.boxes);
  if (input.kind === 'jpeg') {
    const out = jpeg.encode({ width: upright.width, height: upright.height, data: upright.data }, 92);
    return { bytes: new Uint8Array(out.data.buffer, out.data.byteOffset, out.data.byteLength), kind: 'jpeg' };
  }
  const png = new PNG({ width: upright.width, height: upright.height });
  png.data = Buffer.from(upright.data.buffer, upright.data.byteOffset, upright.data.byteLength);
  const out = PNG.sync.write(png);
  return { bytes: new Uint8Array(out.buffer, out.byteOffset, out.byteLength), kind: 'png' };
};

import { describe, expect, it } from 'vitest';
import { boxesOnce, createGray, cropRgba, deblurColumns, deblurRows, encodePgm, histogram, orientGray, overlapArea, resizeGray, resizeRgba, rotateGray, shearGray, unrotatePoint, type GrayRaster } from '../../../shared/ocr/raster';

// Stored 3×2 image:  a b c / d e f  (values 1…6)
const stored: GrayRaster = { width: 3, height: 2, data: Uint8ClampedArray.from([1, 2, 3, 4, 5, 6]) };

describe('orientGray (EXIF 1–8)', () => {
  const cases: Array<[number, number, number, number[]]> = [
    [1, 3, 2, [1, 2, 3, 4, 5, 6]],
    [2, 3, 2, [3, 2, 1, 6, 5, 4]],
    [3, 3, 2, [6, 5, 4, 3, 2, 1]],
    [4, 3, 2, [4, 5, 6, 1, 2, 3]],
    [5, 2, 3, [1, 4, 2, 5, 3, 6]],
    [6, 2, 3, [4, 1, 5, 2, 6, 3]],
    [7, 2, 3, [6, 3, 5, 2, 4, 1]],
    [8, 2, 3, [3, 6, 2, 5, 1, 4]],
  ];
  it.each(cases)('orientation %i shows the picture upright', (orientation, w, h, pixels) => {
    const out = orientGray(stored, orientation);
    expect([out.width, out.height]).toEqual([w, h]);
    expect(Array.from(out.data)).toEqual(pixels);
  });
});

describe('rotateGray / unrotatePoint', () => {
  it('maps a rotated point back to where it came from', () => {
    const g: GrayRaster = { width: 101, height: 51, data: new Uint8ClampedArray(101 * 51).fill(255) };
    g.data[25 * 101 + 80] = 0;
    const r = rotateGray(g, 10);
    let best = { v: 256, x: 0, y: 0 };
    for (let y = 0; y < r.height; y++) for (let x = 0; x < r.width; x++) if (r.data[y * r.width + x]! < best.v) best = { v: r.data[y * r.width + x]!, x, y };
    const [sx, sy] = unrotatePoint(best.x, best.y, 10, 101, 51);
    expect(Math.abs(sx - 80)).toBeLessThan(1.5);
    expect(Math.abs(sy - 25)).toBeLessThan(1.5);
    // Counter-clockwise on screen: a point right of the centre moves up.
    expect(best.y).toBeLessThan(25);
  });
});

describe('overlapArea', () => {
  it('is the area two boxes share, 0 when they only touch or lie apart', () => {
    expect(overlapArea({ x: 0, y: 0, w: 10, h: 10 }, { x: 5, y: 6, w: 10, h: 10 })).toBe(20);
    expect(overlapArea({ x: 0, y: 0, w: 10, h: 10 }, { x: 2, y: 2, w: 3, h: 3 })).toBe(9);
    expect(overlapArea({ x: 0, y: 0, w: 10, h: 10 }, { x: 10, y: 0, w: 5, h: 5 })).toBe(0);
    expect(overlapArea({ x: 0, y: 0, w: 10, h: 10 }, { x: 30, y: 30, w: 5, h: 5 })).toBe(0);
  });
});

describe('encodePgm', () => {
  it('writes a P5 header followed by the pixels', () => {
    const bytes = encodePgm(stored);
    const header = 'P5\n3 2\n255\n';
    expect(String.fromCharCode(...bytes.subarray(0, header.length))).toBe(header);
    expect(Array.from(bytes.subarray(header.length))).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('resizeRgba', () => {
  it('averages each channel over the pixels a shrunk pixel covers, alpha included', () => {
    // 4×2: a red and a blue 2×2 square side by side, the blue one half transparent.
    const data = new Uint8ClampedArray(4 * 2 * 4);
    for (let y = 0; y < 2; y++) for (let x = 0; x < 4; x++) data.set(x < 2 ? [255, 0, 0, 255] : [0, 0, 255, 128], (y * 4 + x) * 4);
    data.set([0, 0, 0, 255], 0); // one black pixel in the red square
    const out = resizeRgba({ width: 4, height: 2, data }, 0.5);
    expect([out.width, out.height]).toEqual([2, 1]);
    expect(Array.from(out.data)).toEqual([191, 0, 0, 255, 0, 0, 255, 128]);
  });

  it('shrinks every channel by an uneven factor exactly as resizeGray shrinks it alone', () => {
    const w = 37, h = 23;
    const data = new Uint8ClampedArray(w * h * 4);
    let s = 7;
    for (let i = 0; i < data.length; i++) { s = (s * 1103515245 + 12345) % 2147483648; data[i] = s % 256; }
    for (const scale of [0.3, 0.61, 0.93]) {
      const out = resizeRgba({ width: w, height: h, data }, scale);
      for (let c = 0; c < 4; c++) {
        const channel = { width: w, height: h, data: data.filter((_, i) => i % 4 === c) };
        const alone = resizeGray(channel, scale);
        expect([out.width, out.height]).toEqual([alone.width, alone.height]);
        expect(Array.from(out.data.filter((_, i) => i % 4 === c))).toEqual(Array.from(alone.data));
      }
    }
  });
});

describe('shearGray', () => {
  it('stands a stroke leaning right upright, on white, wider by its largest move each side', () => {
    // A stroke 2 px wide leaning right by 0.25 px per row over 21 rows (x 20 at the middle row).
    const g = createGray(40, 21);
    for (let y = 0; y < 21; y++) {
      const x = 20 + Math.round(0.25 * (10 - y));
      g.data.fill(0, y * 40 + x, y * 40 + x + 2);
    }
    const { raster, pad } = shearGray(g, 0.25);
    expect(pad).toBe(3);
    expect([raster.width, raster.height]).toEqual([46, 21]);
    for (let y = 0; y < 21; y++) {
      const row = Array.from(raster.data.subarray(y * 46, (y + 1) * 46));
      const darkest = row.indexOf(Math.min(...row));
      expect(Math.abs(darkest - (20 + pad))).toBeLessThanOrEqual(1);
      // The columns moved in from beyond the source are white.
      expect(row[0]).toBe(255);
      expect(row[45]).toBe(255);
    }
    // Unsheared: the same raster, its edge columns too.
    g.data[0] = 0;
    g.data[39] = 0;
    expect(shearGray(g, 0)).toEqual({ raster: g, pad: 0 });
  });
});

describe('resizeGray (downscaling)', () => {
  /** The area average written out per pixel: every source pixel added to the cell it floors to. */
  function reference(g: GrayRaster, scale: number, scaleY = scale): number[] {
    const ow = Math.max(1, Math.round(g.width * scale)), oh = Math.max(1, Math.round(g.height * scaleY));
    const sums = new Array<number>(ow * oh).fill(0), counts = new Array<number>(ow * oh).fill(0);
    for (let y = 0; y < g.height; y++) {
      for (let x = 0; x < g.width; x++) {
        const t = Math.min(oh - 1, Math.floor(y * scaleY)) * ow + Math.min(ow - 1, Math.floor(x * scale));
        sums[t]! += g.data[y * g.width + x]!;
        counts[t]!++;
      }
    }
    return Array.from(new Uint8ClampedArray(sums.map((s, i) => (counts[i] ? s / counts[i]! : 255))));
  }

  it.each<[number, number, number]>([[101, 67, 0.5], [900, 640, 1 / 1.7], [33, 250, 0.31], [64, 64, 0.97], [7, 5, 0.2], [1000, 3, 0.05]])(
    'averages a %i×%i raster scaled by %f exactly as a per-pixel area average',
    (w, h, scale) => {
      let seed = w * 7919 + h;
      const g: GrayRaster = { width: w, height: h, data: new Uint8ClampedArray(w * h) };
      for (let i = 0; i < g.data.length; i++) { seed = (seed * 1103515245 + 12345) >>> 0; g.data[i] = seed >>> 24; }
      const out = resizeGray(g, scale);
      expect([out.width, out.height]).toEqual([Math.max(1, Math.round(w * scale)), Math.max(1, Math.round(h * scale))]);
      expect(Array.from(out.data)).toEqual(reference(g, scale));
    },
  );

  it.each<[number, number, number, number]>([[101, 67, 0.5, 1], [120, 40, 1, 0.5], [90, 33, 0.5, 0.75]])(
    'averages a %i×%i raster scaled by %f across and %f down exactly as a per-pixel area average',
    (w, h, scale, scaleY) => {
      let seed = w * 31 + h;
      const g: GrayRaster = { width: w, height: h, data: new Uint8ClampedArray(w * h) };
      for (let i = 0; i < g.data.length; i++) { seed = (seed * 1103515245 + 12345) >>> 0; g.data[i] = seed >>> 24; }
      const out = resizeGray(g, scale, scaleY);
      expect([out.width, out.height]).toEqual([Math.round(w * scale), Math.round(h * scaleY)]);
      expect(Array.from(out.data)).toEqual(reference(g, scale, scaleY));
    },
  );
});

describe('histogram', () => {
  it('counts every pixel in its tone\'s bin, whatever the raster\'s length', () => {
    for (let n = 0; n <= 9; n++) {
      const g = createGray(n, 1);
      for (let i = 0; i < n; i++) g.data[i] = [255, 255, 0, 7, 255, 7, 128, 0, 255][i]!;
      const want = new Uint32Array(256);
      for (const v of g.data) want[v]!++;
      expect(Array.from(histogram(g))).toEqual(Array.from(want));
    }
    const page = createGray(101, 37);
    for (let i = 0; i < page.data.length; i++) page.data[i] = i % 13 ? 255 : i % 256;
    const h = histogram(page);
    expect(h[255]).toBe(page.data.filter((v) => v === 255).length);
    expect(h.reduce((a, b) => a + b, 0)).toBe(101 * 37);
  });
});

describe('boxesOnce', () => {
  it('looks for the boxes of one raster once per key, and gives each call boxes of its own', () => {
    const g = createGray(40, 30);
    let looked = 0;
    const find = () => { looked++; return [{ x: 1, y: 2, w: 3, h: 4 }]; };
    const first = boxesOnce(g, 'rules', find);
    first[0]!.x = 99;
    expect(boxesOnce(g, 'rules', find)).toEqual([{ x: 1, y: 2, w: 3, h: 4 }]);
    expect(looked).toBe(1);
    // Another search, or another raster (even of the same size and pixels), is looked for anew.
    boxesOnce(g, 'rules across', find);
    boxesOnce(createGray(40, 30), 'rules', find);
    expect(looked).toBe(3);
  });
});

describe('cropRgba', () => {
  it('keeps the pixels of a box, four channels each', () => {
    const r = { width: 4, height: 3, data: Uint8ClampedArray.from({ length: 48 }, (_, i) => i) };
    const out = cropRgba(r, { x: 1, y: 1, w: 2, h: 2 });
    expect([out.width, out.height]).toEqual([2, 2]);
    expect(Array.from(out.data)).toEqual([20, 21, 22, 23, 24, 25, 26, 27, 36, 37, 38, 39, 40, 41, 42, 43]);
  });
});

describe('deblurRows', () => {
  it('undoes most of a blur along the rows (strokes 2 px wide, 4 px apart, smeared over 5 px)', () => {
    const w = 80, h = 6;
    const sharp = createGray(w, h);
    for (let y = 0; y < h; y++) for (let x = 10; x < 70; x++) if (x % 6 < 2) sharp.data[y * w + x] = 20;
    const blurred = createGray(w, h);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
      let sum = 0;
      for (let d = -2; d <= 2; d++) sum += sharp.data[y * w + Math.min(w - 1, Math.max(0, x + d))]!;
      blurred.data[y * w + x] = Math.round(sum / 5);
    }
    const error = (g: GrayRaster) => g.data.reduce((n, v, i) => n + Math.abs(v - sharp.data[i]!), 0) / g.data.length;
    const restored = deblurRows(blurred, 5);
    expect(error(blurred)).toBeGreaterThan(40);
    expect(error(restored)).toBeLessThan(error(blurred) / 2);
    // The strokes stand apart again: dark on a stroke, light between two.
    expect(restored.data[2 * w + 30]).toBeLessThan(90);
    expect(restored.data[2 * w + 33]).toBeGreaterThan(200);
    // Columns stay where they were: a blur of one pixel is none.
    expect(deblurRows(sharp, 1).data).toEqual(sharp.data);
    // The same blur down the columns of the page turned a quarter is undone by deblurColumns.
    const down = orientGray(blurred, 5);
    expect(deblurColumns(down, 5).data).toEqual(orientGray(restored, 5).data);
  });
});

/**
 * Raw rasters shared by the OCR pipeline on every runtime: decoders (Node or browser) produce an
 * {@link RgbaRaster}; preprocessing works on {@link GrayRaster}s. Pure functions over typed arrays.
 */

/** A decoded image: 4 bytes per pixel (R, G, B, A), rows top to bottom, no padding. */
export interface RgbaRaster {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** A single-channel 8-bit image (0 black … 255 white), rows top to bottom, no padding. */
export interface GrayRaster {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** An axis-aligned rectangle in pixels. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Whether boxes `a` and `b` share some area. */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** The area `a` and `b` share (0 when apart). */
export function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x), h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** The smallest box enclosing `boxes` (at least one). */
export function unionBox(boxes: readonly Box[]): Box {
  const x0 = Math.min(...boxes.map((b) => b.x)), y0 = Math.min(...boxes.map((b) => b.y));
  const x1 = Math.max(...boxes.map((b) => b.x + b.w)), y1 = Math.max(...boxes.map((b) => b.y + b.h));
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** `b` grown by `mx` across and `my` down on each side, within `r`. */
export function grownBox(b: Box, mx: number, my: number, r: { width: number; height: number }): Box {
  return clampBox({ x: b.x - mx, y: b.y - my, w: b.w + 2 * mx, h: b.h + 2 * my }, r);
}

/** The part of `b` within `r`. */
export function clampBox(b: Box, r: { width: number; height: number }): Box {
  const x = Math.max(0, b.x), y = Math.max(0, b.y);
  return { x, y, w: Math.max(0, Math.min(r.width, b.x + b.w) - x), h: Math.max(0, Math.min(r.height, b.y + b.h) - y) };
}

/** A blank grey raster filled with `fill` (white by default). */
export function createGray(width: number, height: number, fill = 255): GrayRaster {
  const data = new Uint8ClampedArray(width * height);
  if (fill !== 0) data.fill(fill);
  return { width, height, data };
}

/** Copies a grey raster. */
export function cloneGray(g: GrayRaster): GrayRaster {
  return { width: g.width, height: g.height, data: new Uint8ClampedArray(g.data) };
}

/**
 * Luma (BT.601) of an RGBA raster. Transparent pixels are composited over white, as a viewer
 * would show them (screenshots with alpha would otherwise turn black).
 */
export function rgbaToGray(r: RgbaRaster): GrayRaster {
  const n = r.width * r.height;
  const out = new Uint8ClampedArray(n);
  const d = r.data;
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    const a = d[j + 3]!;
    let y = (d[j]! * 299 + d[j + 1]! * 587 + d[j + 2]! * 114) / 1000;
    if (a !== 255) y = (y * a + 255 * (255 - a)) / 255;
    out[i] = y;
  }
  return { width: r.width, height: r.height, data: out };
}

/**
 * The brightest and the least channel of the RGBA pixel at `j` of `d` into `into` (0 and 1), as
 * {@link rgbaToChannelExtreme} takes them: over white where the pixel is translucent.
 */
export function channelExtremes(d: Uint8ClampedArray, j: number, into: Uint8ClampedArray): void {
  const r0 = d[j]!, g0 = d[j + 1]!, b0 = d[j + 2]!, a = d[j + 3]!;
  let most = r0 > g0 ? r0 : g0, least = r0 < g0 ? r0 : g0;
  if (b0 > most) most = b0;
  if (b0 < least) least = b0;
  into[0] = a === 255 ? most : (most * a + 255 * (255 - a)) / 255;
  into[1] = a === 255 ? least : (least * a + 255 * (255 - a)) / 255;
}

/**
 * Per-pixel minimum or maximum of R, G, B (alpha composited over white). On rendered UIs the
 * maximum turns any saturated fill (green or yellow bubbles) nearly white while dark text stays
 * dark; the minimum does the same for light text on saturated dark fills once inverted.
 */
export function rgbaToChannelExtreme(r: RgbaRaster, which: 'min' | 'max'): GrayRaster {
  const n = r.width * r.height;
  const out = new Uint8ClampedArray(n);
  const d = r.data;
  // One loop per extreme, with plain comparisons: this runs over every pixel of a screenshot.
  if (which === 'max') {
    for (let i = 0, j = 0; i < n; i++, j += 4) {
      const r0 = d[j]!, g0 = d[j + 1]!, b0 = d[j + 2]!, a = d[j + 3]!;
      let v = r0 > g0 ? r0 : g0;
      if (b0 > v) v = b0;
      out[i] = a === 255 ? v : (v * a + 255 * (255 - a)) / 255;
    }
  } else {
    for (let i = 0, j = 0; i < n; i++, j += 4) {
      const r0 = d[j]!, g0 = d[j + 1]!, b0 = d[j + 2]!, a = d[j + 3]!;
      let v = r0 < g0 ? r0 : g0;
      if (b0 < v) v = b0;
      out[i] = a === 255 ? v : (v * a + 255 * (255 - a)) / 255;
    }
  }
  return { width: r.width, height: r.height, data: out };
}

/** Expands a grey raster to opaque RGBA (for encoders and canvases that want RGBA). */
export function grayToRgba(g: GrayRaster): RgbaRaster {
  const n = g.width * g.height;
  const out = new Uint8ClampedArray(n * 4);
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    const v = g.data[i]!;
    out[j] = v; out[j + 1] = v; out[j + 2] = v; out[j + 3] = 255;
  }
  return { width: g.width, height: g.height, data: out };
}

/** Mean colour saturation (max−min channel) per pixel, 0…255: tells coloured UIs from paper. */
export function colourfulness(r: RgbaRaster, step = 4): number {
  let sum = 0;
  let count = 0;
  const d = r.data;
  for (let y = 0; y < r.height; y += step) {
    for (let x = 0; x < r.width; x += step) {
      const j = (y * r.width + x) * 4;
      const a = d[j]!, b = d[j + 1]!, c = d[j + 2]!;
      sum += Math.max(a, b, c) - Math.min(a, b, c);
      count++;
    }
  }
  return count ? sum / count : 0;
}

/** True when the EXIF orientation swaps width and height (5–8). */
export function orientationSwapsAxes(orientation: number): boolean {
  return orientation >= 5 && orientation <= 8;
}

/**
 * Where the pixel at (x, y) of an image stored with EXIF `orientation` lands once displayed
 * upright. `w`/`h` are the stored dimensions. Orientation values outside 1–8 count as 1.
 */
export function orientPoint(orientation: number, x: number, y: number, w: number, h: number): [number, number] {
  switch (orientation) {
    case 2: return [w - 1 - x, y];
    case 3: return [w - 1 - x, h - 1 - y];
    case 4: return [x, h - 1 - y];
    case 5: return [y, x];
    case 6: return [h - 1 - y, x];
    case 7: return [h - 1 - y, w - 1 - x];
    case 8: return [y, w - 1 - x];
    default: return [x, y];
  }
}

function orientData<T extends Uint8ClampedArray>(src: T, w: number, h: number, channels: number, orientation: number): { data: Uint8ClampedArray; width: number; height: number } {
  if (orientation < 2 || orientation > 8) return { data: new Uint8ClampedArray(src), width: w, height: h };
  const swap = orientationSwapsAxes(orientation);
  const ow = swap ? h : w;
  const oh = swap ? w : h;
  const out = new Uint8ClampedArray(ow * oh * channels);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const [tx, ty] = orientPoint(orientation, x, y, w, h);
      const si = (y * w + x) * channels;
      const di = (ty * ow + tx) * channels;
      for (let c = 0; c < channels; c++) out[di + c] = src[si + c]!;
    }
  }
  return { data: out, width: ow, height: oh };
}

/** Applies an EXIF orientation (1–8) to an RGBA raster so it reads upright. */
export function orientRgba(r: RgbaRaster, orientation: number): RgbaRaster {
  return orientData(r.data, r.width, r.height, 4, orientation);
}

/** Applies an EXIF orientation (1–8) to a grey raster so it reads upright. */
export function orientGray(g: GrayRaster, orientation: number): GrayRaster {
  return orientData(g.data, g.width, g.height, 1, orientation);
}

/**
 * For shrinking `w` columns to `ow` by `scale`: the first source column of each output column
 * (those whose scaled position floors to it; the last takes the rest), and `w` after them.
 */
function shrunkColumns(w: number, ow: number, scale: number): Int32Array {
  const start = new Int32Array(ow + 1).fill(w);
  for (let x = w - 1; x >= 0; x--) start[Math.min(ow - 1, Math.floor(x * scale))] = x;
  // A column no source column reaches starts where the next one does: it is empty.
  for (let t = ow - 1; t >= 0; t--) start[t] = Math.min(start[t]!, start[t + 1]!);
  return start;
}

/**
 * An RGBA raster resized by `scale` on both axes, each channel as {@link resizeGray} resizes a
 * grey one (area average when shrinking).
 */
export function resizeRgba(r: RgbaRaster, scale: number): RgbaRaster {
  if (scale < 1) return shrinkRgba(r, scale);
  const n = r.width * r.height;
  const channel = { width: r.width, height: r.height, data: new Uint8ClampedArray(n) };
  let out: Uint8ClampedArray | undefined;
  let width = 0, height = 0;
  for (let c = 0; c < 4; c++) {
    for (let i = 0, j = c; i < n; i++, j += 4) channel.data[i] = r.data[j]!;
    const resized = resizeGray(channel, scale);
    if (!out) { width = resized.width; height = resized.height; out = new Uint8ClampedArray(width * height * 4); }
    for (let i = 0, j = c; i < resized.data.length; i++, j += 4) out[j] = resized.data[i]!;
  }
  return { width, height, data: out! };
}

/**
 * {@link resizeGray}'s area average on all four channels at once: each channel comes out as
 * `resizeGray` would shrink it alone. (One loop for any number of channels, serving both, was
 * 2.5 times as slow on a 16-MP photo, 1.5 times on a grey page: the four sums stay in registers.)
 */
function shrinkRgba(r: RgbaRaster, scale: number): RgbaRaster {
  const { width: w, height: h, data } = r;
  const ow = Math.max(1, Math.round(w * scale));
  const oh = Math.max(1, Math.round(h * scale));
  const out = new Uint8ClampedArray(ow * oh * 4);
  if (ow === w && oh === h) { out.set(data); return { width: w, height: h, data: out }; }
  const colStart = shrunkColumns(w, ow, scale);
  const sums = new Uint32Array(ow * 4);
  let y = 0;
  for (let ty = 0; ty < oh; ty++) {
    sums.fill(0);
    let rows = 0;
    for (; y < h && Math.min(oh - 1, Math.floor(y * scale)) === ty; y++, rows++) {
      for (let x = 0, k = 0; x < ow; x++, k += 4) {
        let r = 0, g = 0, b = 0, a = 0;
        for (let i = (y * w + colStart[x]!) * 4, end = (y * w + colStart[x + 1]!) * 4; i < end; i += 4) {
          r += data[i]!; g += data[i + 1]!; b += data[i + 2]!; a += data[i + 3]!;
        }
        sums[k]! += r; sums[k + 1]! += g; sums[k + 2]! += b; sums[k + 3]! += a;
      }
    }
    for (let x = 0, o = ty * ow * 4; x < ow; x++, o += 4) {
      const n = (colStart[x + 1]! - colStart[x]!) * rows;
      const k = x * 4;
      if (n) {
        out[o] = sums[k]! / n; out[o + 1] = sums[k + 1]! / n; out[o + 2] = sums[k + 2]! / n; out[o + 3] = sums[k + 3]! / n;
      } else out.fill(255, o, o + 4);
    }
  }
  return { width: ow, height: oh, data: out };
}

/**
 * Resizes by `scale` (and by `scaleY` vertically when given): bilinear when enlarging (keeps
 * stroke edges smooth for the recogniser), box-averaging when shrinking (no aliasing).
 */
export function resizeGray(g: GrayRaster, scale: number, scaleY = scale): GrayRaster {
  const ow = Math.max(1, Math.round(g.width * scale));
  const oh = Math.max(1, Math.round(g.height * scaleY));
  if (ow === g.width && oh === g.height) return cloneGray(g);
  const out = new Uint8ClampedArray(ow * oh);
  const { width: w, height: h, data } = g;
  if (scale > 1 || scaleY > 1) {
    const fx = w / ow;
    const fy = h / oh;
    // Each output column's source columns and weight, the same on every row.
    const xs0 = new Int32Array(ow), xs1 = new Int32Array(ow), wxs = new Float64Array(ow);
    for (let x = 0; x < ow; x++) {
      const sx = Math.min(w - 1, Math.max(0, (x + 0.5) * fx - 0.5));
      const x0 = Math.floor(sx);
      xs0[x] = x0;
      xs1[x] = Math.min(w - 1, x0 + 1);
      wxs[x] = sx - x0;
    }
    for (let y = 0; y < oh; y++) {
      const sy = Math.min(h - 1, Math.max(0, (y + 0.5) * fy - 0.5));
      const y0 = Math.floor(sy);
      const y1 = Math.min(h - 1, y0 + 1);
      const wy = sy - y0;
      const r0 = y0 * w, r1 = y1 * w;
      for (let x = 0, o = y * ow; x < ow; x++, o++) {
        const x0 = xs0[x]!, x1 = xs1[x]!, wx = wxs[x]!;
        const a = data[r0 + x0]!, b = data[r0 + x1]!, c = data[r1 + x0]!, d = data[r1 + x1]!;
        out[o] = (a * (1 - wx) + b * wx) * (1 - wy) + (c * (1 - wx) + d * wx) * wy;
      }
    }
  } else {
    // Area average: output pixel (tx, ty) is the mean of the source pixels whose scaled
    // position floors to it (a cell no source pixel reaches stays white). Source rows are
    // summed into one output row at a time; sums are integers, so the means are exact.
    const colStart = shrunkColumns(w, ow, scale);
    const rowSums = new Uint32Array(ow);
    let y = 0;
    for (let ty = 0; ty < oh; ty++) {
      rowSums.fill(0);
      let rows = 0;
      for (; y < h && Math.min(oh - 1, Math.floor(y * scaleY)) === ty; y++, rows++) {
        const row = y * w;
        for (let x = 0; x < ow; x++) {
          let sum = 0;
          for (let i = row + colStart[x]!, end = row + colStart[x + 1]!; i < end; i++) sum += data[i]!;
          rowSums[x]! += sum;
        }
      }
      const o = ty * ow;
      for (let x = 0; x < ow; x++) { const n = (colStart[x + 1]! - colStart[x]!) * rows; out[o + x] = n ? rowSums[x]! / n : 255; }
    }
  }
  return { width: ow, height: oh, data: out };
}

/**
 * Rotates by `degrees` (counter-clockwise positive, as seen on screen) about the centre with
 * bilinear sampling; the canvas keeps its size and uncovered corners take `fill`.
 */
export function rotateGray(g: GrayRaster, degrees: number, fill = 255): GrayRaster {
  const { width: w, height: h, data } = g;
  const out = new Uint8ClampedArray(w * h);
  const t = (degrees * Math.PI) / 180;
  const cos = Math.cos(t);
  const sin = Math.sin(t);
  const cx = (w - 1) / 2;
  const cy = (h - 1) / 2;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      // Inverse mapping: for each output pixel find its source (screen y points down).
      const dx = x - cx;
      const dy = y - cy;
      const sx = cos * dx - sin * dy + cx;
      const sy = sin * dx + cos * dy + cy;
      // Inside, the source is never negative: truncation floors it.
      if (!(sx >= 0 && sy >= 0 && sx < w - 1 && sy < h - 1)) { out[y * w + x] = fill; continue; }
      const x0 = sx | 0;
      const y0 = sy | 0;
      const wx = sx - x0;
      const wy = sy - y0;
      const i = y0 * w + x0;
      out[y * w + x] = (data[i]! * (1 - wx) + data[i + 1]! * wx) * (1 - wy) + (data[i + w]! * (1 - wx) + data[i + w + 1]! * wx) * wy;
    }
  }
  return { width: w, height: h, data: out };
}

/** Maps a point of a raster rotated by {@link rotateGray} back to the unrotated raster. */
export function unrotatePoint(x: number, y: number, degrees: number, w: number, h: number): [number, number] {
  const t = (degrees * Math.PI) / 180;
  const cx = (w - 1) / 2;
  const cy = (h - 1) / 2;
  const dx = x - cx;
  const dy = y - cy;
  return [Math.cos(t) * dx - Math.sin(t) * dy + cx, Math.sin(t) * dx + Math.cos(t) * dy + cy];
}

/** Boxes found in a raster's pixels, by what was looked for (see {@link boxesOnce}). */
const foundBoxes = new WeakMap<Uint8ClampedArray, Map<string, readonly Box[]>>();

/**
 * The boxes `find()` finds in `g`, looked for once per `key` (what is looked for and how) as long
 * as `g`'s pixels are the same array: a page's rules are looked for alike by several steps after
 * its reading, which leave its pixels as they are. Each call gets boxes of its own.
 */
export function boxesOnce(g: GrayRaster, key: string, find: () => Box[]): Box[] {
  let known = foundBoxes.get(g.data);
  if (!known) foundBoxes.set(g.data, (known = new Map()));
  const full = `${g.width}×${g.height} ${key}`;
  let boxes = known.get(full);
  if (!boxes) known.set(full, (boxes = find()));
  return boxes.map((b) => ({ x: b.x, y: b.y, w: b.w, h: b.h }));
}

/** Copies the rectangle `box` (clamped to the raster) into a new raster. */
export function cropGray(g: GrayRaster, box: Box): GrayRaster {
  const x0 = Math.max(0, Math.min(g.width - 1, Math.round(box.x)));
  const y0 = Math.max(0, Math.min(g.height - 1, Math.round(box.y)));
  const w = Math.max(1, Math.min(g.width - x0, Math.round(box.w)));
  const h = Math.max(1, Math.min(g.height - y0, Math.round(box.h)));
  const out = new Uint8ClampedArray(w * h);
  for (let y = 0; y < h; y++) out.set(g.data.subarray((y0 + y) * g.width + x0, (y0 + y) * g.width + x0 + w), y * w);
  return { width: w, height: h, data: out };
}

/** The pixels of `r` in `box` (whole pixels, inside `r`). */
export function cropRgba(r: RgbaRaster, box: Box): RgbaRaster {
  const out = new Uint8ClampedArray(box.w * box.h * 4);
  for (let y = 0; y < box.h; y++) out.set(r.data.subarray(((box.y + y) * r.width + box.x) * 4, ((box.y + y) * r.width + box.x + box.w) * 4), y * box.w * 4);
  return { width: box.w, height: box.h, data: out };
}

/**
 * `g` with a blur along its rows undone: a box blur `length` pixels long (a hand that moved along
 * the lines while the photo was taken), by `iterations` of Richardson–Lucy deconvolution on the
 * ink (white 0). Edges of rows repeat their last pixel. `length` odd: an even box is not centred
 * on its pixel, and the ink it restores shifts.
 */
export function deblurRows(g: GrayRaster, length: number, iterations = 20): GrayRaster {
  const { width: w, height: h } = g;
  const out = new Uint8ClampedArray(w * h);
  // Rows are undone one by one (each depends on itself alone): buffers of a row, not of the page.
  const observed = new Float32Array(w), x = new Float32Array(w), blurred = new Float32Array(w), ratio = new Float32Array(w);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    // Ink, never 0: the ratios divide by it.
    for (let i = 0; i < w; i++) observed[i] = x[i] = 256 - g.data[row + i]!;
    for (let k = 0; k < iterations; k++) {
      boxRow(x, length, blurred);
      for (let i = 0; i < w; i++) ratio[i] = observed[i]! / blurred[i]!;
      boxRow(ratio, length, blurred);
      for (let i = 0; i < w; i++) x[i] = x[i]! * blurred[i]!;
    }
    for (let i = 0; i < w; i++) out[row + i] = 256 - x[i]!;
  }
  return { width: w, height: h, data: out };
}

/** `g` with a blur down its columns undone (a hand that moved down the page), as {@link deblurRows} undoes one along its rows. */
export function deblurColumns(g: GrayRaster, length: number, iterations = 20): GrayRaster {
  // Orientation 5 swaps x and y, and is its own inverse.
  return orientGray(deblurRows(orientGray(g, 5), length, iterations), 5);
}

/** The mean of each `length` pixels of the row `src` centred on each pixel, into `out`; its ends repeat their last pixel. */
function boxRow(src: Float32Array, length: number, out: Float32Array): void {
  const w = src.length;
  const before = Math.floor((length - 1) / 2), after = length - 1 - before;
  let sum = 0;
  for (let x = -before; x <= after; x++) sum += src[x < 0 ? 0 : x < w ? x : w - 1]!;
  for (let x = 0; x < w; x++) {
    out[x] = sum / length;
    const enter = x + after + 1, leave = x - before;
    sum += src[enter < w ? enter : w - 1]! - src[leave > 0 ? leave : 0]!;
  }
}

/**
 * `g` sheared across: each row moved by `slope` pixels per row it lies above the middle one (to
 * the left for a positive slope: text leaning right stands upright), on white, wider by the
 * largest move on each side (`pad`). Returns the raster and `pad`.
 */
export function shearGray(g: GrayRaster, slope: number): { raster: GrayRaster; pad: number } {
  const { width: w, height: h, data } = g;
  const pad = Math.ceil((Math.abs(slope) * h) / 2);
  const out = createGray(w + 2 * pad, h);
  const middle = (h - 1) / 2;
  for (let y = 0; y < h; y++) {
    // The output pixel x shows the source at x − pad + the row's move.
    const move = slope * (middle - y);
    // Beyond the source's edges, white.
    const at = (x: number) => (x >= 0 && x < w ? data[y * w + x]! : 255);
    for (let x = 0; x < out.width; x++) {
      const sx = x - pad + move, x0 = Math.floor(sx), f = sx - x0;
      if (x0 < -1 || x0 >= w) continue;
      out.data[y * out.width + x] = at(x0) * (1 - f) + at(x0 + 1) * f;
    }
  }
  return { raster: out, pad };
}

/** Summed-area tables of values and squared values, (w+1)×(h+1), for O(1) window statistics. */
export interface IntegralImages {
  width: number;
  height: number;
  sum: Float64Array;
  sq: Float64Array;
}

/** Builds the summed-area tables of a grey raster. */
export function integralImages(g: GrayRaster): IntegralImages {
  const W = g.width + 1;
  const sum = new Float64Array(W * (g.height + 1));
  const sq = new Float64Array(W * (g.height + 1));
  for (let y = 0; y < g.height; y++) {
    let rs = 0;
    let rq = 0;
    for (let x = 0; x < g.width; x++) {
      const v = g.data[y * g.width + x]!;
      rs += v;
      rq += v * v;
      sum[(y + 1) * W + x + 1] = sum[y * W + x + 1]! + rs;
      sq[(y + 1) * W + x + 1] = sq[y * W + x + 1]! + rq;
    }
  }
  return { width: g.width, height: g.height, sum, sq };
}

/** Mean and standard deviation of the window [x0,x1)×[y0,y1) (clamped). */
export function windowStats(ii: IntegralImages, x0: number, y0: number, x1: number, y1: number): { mean: number; std: number } {
  const W = ii.width + 1;
  const a = Math.max(0, x0), b = Math.max(0, y0), c = Math.min(ii.width, x1), d = Math.min(ii.height, y1);
  const n = Math.max(1, (c - a) * (d - b));
  const s = ii.sum[d * W + c]! - ii.sum[b * W + c]! - ii.sum[d * W + a]! + ii.sum[b * W + a]!;
  const q = ii.sq[d * W + c]! - ii.sq[b * W + c]! - ii.sq[d * W + a]! + ii.sq[b * W + a]!;
  const mean = s / n;
  return { mean, std: Math.sqrt(Math.max(0, q / n - mean * mean)) };
}

/**
 * 256-bin histogram of a grey raster. Four pixels in a row are counted in four histograms summed
 * at the end: a page is mostly one tone (its paper), and counting every pixel into one bin waits
 * on the count before.
 */
export function histogram(g: GrayRaster): Uint32Array {
  const bins = new Uint32Array(1024), d = g.data, n = d.length, whole = n - (n % 4);
  let i = 0;
  for (; i < whole; i += 4) { bins[d[i]!]!++; bins[256 + d[i + 1]!]!++; bins[512 + d[i + 2]!]!++; bins[768 + d[i + 3]!]!++; }
  for (; i < n; i++) bins[d[i]!]!++;
  const h = new Uint32Array(256);
  for (let v = 0; v < 256; v++) h[v] = bins[v]! + bins[256 + v]! + bins[512 + v]! + bins[768 + v]!;
  return h;
}

/** Otsu's threshold of a histogram: values ≤ the result are "dark". */
export function otsuThreshold(hist: ArrayLike<number>): number {
  let total = 0;
  let sumAll = 0;
  for (let i = 0; i < 256; i++) { total += hist[i]!; sumAll += i * hist[i]!; }
  let wB = 0;
  let sumB = 0;
  let best = 0;
  let bestT = 127;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB;
    const mF = (sumAll - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > best) { best = between; bestT = t; }
  }
  return bestT;
}

/** The middle one of `values` (the upper middle one of an even count); 0 for none. */
export function median(values: readonly number[]): number {
  return values.length ? [...values].sort((a, b) => a - b)[values.length >> 1]! : 0;
}

/** The value below which `fraction` of the pixels lie. */
export function percentile(hist: ArrayLike<number>, fraction: number): number {
  let total = 0;
  for (let i = 0; i < 256; i++) total += hist[i]!;
  const target = total * fraction;
  let acc = 0;
  for (let i = 0; i < 256; i++) {
    acc += hist[i]!;
    if (acc >= target) return i;
  }
  return 255;
}

/**
 * Binary PGM (P5) encoding: every engine build (Leptonica in tesseract) reads it, and it costs
 * nothing to produce, unlike PNG.
 */
export function encodePgm(g: GrayRaster): Uint8Array {
  const head = `P5\n${g.width} ${g.height}\n255\n`;
  const header = Uint8Array.from(head, (ch) => ch.charCodeAt(0));
  const out = new Uint8Array(header.length + g.data.length);
  out.set(header, 0);
  out.set(g.data, header.length);
  return out;
}

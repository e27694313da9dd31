/**
 * Image preprocessing before recognition, chosen per image from measured statistics: screenshots
 * (flat colours, chat bubbles, dark date bars, small text) and photos or scans of paper (uneven
 * light, noise, skew) need different treatment. Every step taken is recorded, with the geometry
 * needed to map word boxes back to the upright original.
 */
import {
  colourfulness,
  createGray,
  cropGray,
  cropRgba,
  grownBox,
  histogram,
  integralImages,
  median,
  orientRgba,
  otsuThreshold,
  percentile,
  resizeGray,
  resizeRgba,
  channelExtremes,
  rgbaToChannelExtreme,
  rgbaToGray,
  rotateGray,
  unrotatePoint,
  windowStats,
  type Box,
  type GrayRaster,
  type RgbaRaster,
} from './raster';

/** What the statistics say the picture is. */
export type ImageClass = 'screenshot' | 'photo';

/** Statistics measured on the upright image that drive the choice of steps. */
export interface ImageStats {
  width: number;
  height: number;
  /** Mean luma 0…255. */
  meanLuma: number;
  /**
   * Among neighbouring pixel pairs of similar, not-clipped grey, the fraction that are exactly
   * equal: rendered UIs have flat fills (near 1), camera and scanner noise makes it low.
   */
  flatness: number;
  /**
   * Share of 16×16 tiles of one exact grey level other than black and white: a UI's fills (a
   * bubble, a date pill, a dark-mode panel); camera and scanner noise leaves none (a scanner's
   * clipped white is pure white).
   */
  uniformTiles: number;
  /** Mean max−min channel spread, 0…255. */
  colourfulness: number;
  /** Fraction of pixels darker than the Otsu threshold. */
  darkFraction: number;
  /** Spread (p90−p10 over blocks) of the local background level: uneven lighting in photos. */
  backgroundSpread: number;
  classification: ImageClass;
}

/** A geometric step, in the order applied; used to map boxes back. */
export type GeometryStep =
  | { kind: 'crop'; box: Box }
  | { kind: 'rotate'; degrees: number; width: number; height: number }
  /** A quarter or half turn (as EXIF `orientation` 6, 3 or 8 turns a picture) of a raster `width` × `height`. */
  | { kind: 'turn'; orientation: number; width: number; height: number }
  | { kind: 'scale'; factor: number }
  /** A projective map `h` (3×3 row-major) from the new raster's pixels to the previous one's. */
  | { kind: 'warp'; h: number[] }
  /** Lines straightened: the new raster's pixel (x, y) lies at (x, y + curlAt(curl, x, y)) in the previous one. */
  | { kind: 'curl'; curl: LineCurl };

/** One recorded preprocessing step (for the OCR record and for debugging choices). */
export interface PreprocessStep {
  name: 'orientation' | 'grayscale' | 'denoise' | 'colour-fills' | 'local-contrast' | 'gamma' | 'flatten-illumination' | 'invert-dark-regions' | 'whiten-background' | 'erase-shapes' | 'erase-pictures' | 'erase-seals' | 'remove-speckles' | 'normalise-contrast' | 'deskew' | 'crop-border' | 'upscale' | 'downscale' | 'binarise' | 'whiten-surround' | 'whiten-wallpaper' | 'rectify' | 'ellipses' | 'erase-leaders' | 'erase-icons' | 'erase-outlines' | 'erase-codes' | 'darken-light-text' | 'read-unprocessed' | 'read-panes' | 'level-bands' | 'join-dots' | 'lift-highlights' | 'erase-leading-marks' | 'erase-timelines' | 'erase-comb-boxes' | 'straighten-lines' | 'crop-sheet' | 'deblur';
  detail: string;
}

/** Options: everything defaults to "decide from the statistics". */
export interface PreprocessOptions {
  /** EXIF orientation of the stored pixels (1–8); 1 when absent. */
  orientation?: number;
  /** Force Sauvola binarisation on or off (default: photos only). */
  binarise?: boolean;
  /** Undo the perspective of a sheet photographed on a darker surface (default on). */
  rectify?: boolean;
  /** Crop to the content's bounding box (default off: the engine ignores white margins). */
  cropBorder?: boolean;
  /** Contrast normalisation: local min–max (default for screenshots) or global stretch only. */
  contrast?: 'local' | 'gamma' | 'global';
  /** Allow deskew (default: photos only). */
  deskew?: boolean;
  /** Upper bound on the processed image's pixel count (default 12 MP). */
  maxPixels?: number;
  /**
   * Rendered text lines shorter than this are upscaled (default {@link MIN_LINE_HEIGHT}; Latin-only
   * pages read well from smaller lines, see {@link MIN_LATIN_LINE_HEIGHT}).
   */
  minLineHeight?: number;
}

/** Result: the raster to recognise, what was done, and the geometry back to the upright original. */
export interface PreprocessResult {
  raster: GrayRaster;
  steps: PreprocessStep[];
  geometry: GeometryStep[];
  /** Overall scale factor processed/original (1 when not resized). */
  scale: number;
  stats: ImageStats;
  /** Median text line height in upright-original pixels (0 when no text was found). */
  lineHeight: number;
  /** Width and height of the upright original. */
  sourceWidth: number;
  sourceHeight: number;
}

// ---------------------------------------------------------------------------------------------
// Statistics

/** Measures the statistics that choose the steps (on a subsample: cheap on large photos). */
export function measureImage(rgba: RgbaRaster, gray: GrayRaster = rgbaToGray(rgba)): ImageStats {
  const hist = histogram(gray);
  const total = gray.width * gray.height;
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * hist[i]!;
  const t = otsuThreshold(hist);
  let dark = 0;
  for (let i = 0; i <= t; i++) dark += hist[i]!;
  const flatness = exactNeighbourRatio(gray);
  const uniformTiles = uniformTileShare(gray);
  const backgroundSpread = measureBackgroundSpread(gray);
  // Rendered UIs repeat a handful of exact grey levels; camera pictures almost never do. A chat
  // over a photo wallpaper is mostly noisy mid-tones, but its bubbles and bars are exactly flat.
  const classification: ImageClass = flatness > 0.6 || uniformTiles >= UI_FILL_SHARE ? 'screenshot' : 'photo';
  return {
    width: gray.width,
    height: gray.height,
    meanLuma: sum / Math.max(1, total),
    flatness,
    uniformTiles,
    colourfulness: colourfulness(rgba),
    darkFraction: dark / Math.max(1, total),
    backgroundSpread,
    classification,
  };
}

function exactNeighbourRatio(g: GrayRaster): number {
  let equal = 0;
  let similar = 0;
  const step = Math.max(1, Math.floor(g.height / 300));
  for (let y = 0; y < g.height; y += step) {
    const row = y * g.width;
    for (let x = 1; x < g.width; x++) {
      const a = g.data[row + x - 1]!, b = g.data[row + x]!;
      if (a > 250 || b > 250 || a < 5 || b < 5) continue;
      const d = a > b ? a - b : b - a;
      if (d > 10) continue;
      similar++;
      if (d === 0) equal++;
    }
  }
  // A page of pure black on pure white has no mid-tones to judge: call it rendered.
  return similar < 100 ? 1 : equal / similar;
}

/** The share of 16×16 tiles holding one exact grey level other than 0 and 255 (see {@link ImageStats.uniformTiles}). */
function uniformTileShare(g: GrayRaster): number {
  const T = 16;
  let tiles = 0, uniform = 0;
  for (let ty = 0; ty + T <= g.height; ty += T) {
    for (let tx = 0; tx + T <= g.width; tx += T) {
      tiles++;
      const v = g.data[ty * g.width + tx]!;
      if (v === 0 || v === 255) continue;
      let same = true;
      for (let y = ty; y < ty + T && same; y++) {
        for (let i = y * g.width + tx, end = i + T; i < end; i++) if (g.data[i] !== v) { same = false; break; }
      }
      if (same) uniform++;
    }
  }
  return tiles ? uniform / tiles : 0;
}

/** At least this share of uniform tiles (see {@link ImageStats.uniformTiles}) makes a picture a screenshot. */
const UI_FILL_SHARE = 0.02;

function measureBackgroundSpread(gray: GrayRaster): number {
  const block = Math.max(16, Math.round(Math.max(gray.width, gray.height) / 24));
  const levels: number[] = [];
  for (let by = 0; by + block <= gray.height; by += block) {
    for (let bx = 0; bx + block <= gray.width; bx += block) {
      const h = new Uint32Array(256);
      for (let y = by; y < by + block; y += 2) for (let x = bx; x < bx + block; x += 2) h[gray.data[y * gray.width + x]!]!++;
      levels.push(percentile(h, 0.9));
    }
  }
  if (levels.length < 4) return 0;
  levels.sort((a, b) => a - b);
  return levels[Math.floor(levels.length * 0.9)]! - levels[Math.floor(levels.length * 0.1)]!;
}

// ---------------------------------------------------------------------------------------------
// Steps

/**
 * Divides by a smooth estimate of the paper's brightness (a grey-level dilation over about
 * twice the text height, then blurred, and no darker than {@link DARK_AREA_SHARE} of the paper's)
 * so shadows and vignetting become white paper again. `mask`, when given, marks the paper (a
 * photo's sheet or screen): only there is a dark area taken for a fill rather than a shadow.
 */
export function flattenIllumination(g: GrayRaster, window = 0, mask?: Uint8Array): GrayRaster {
  const factor = Math.max(1, Math.round(Math.max(g.width, g.height) / 400));
  const small = factor > 1 ? resizeGray(g, 1 / factor) : g;
  const radius = Math.max(2, Math.round((window || Math.max(g.width, g.height) / 40) / factor));
  const dilated = maxFilter(small, radius);
  let bg = boxBlur(dilated, radius);
  const paper = quantile(histogram(bg), 0.9);
  // A dark area wider than the window (a scanned bill's navy header band) is no shadow: the
  // background is kept from falling below a share of the paper's (its upper decile), so that the
  // area stays dark with its light text, instead of turning into noise as light as the paper.
  const floor = DARK_AREA_SHARE * paper;
  // On the paper, where the dilation found nothing lighter than that (a title bar more than two
  // windows tall), the background is the paper's own: held at the floor, a bar a third as light
  // as the page was lifted to grey noise where it lay two windows from the page, and kept dark
  // beside it ("TR AR ho :" read along a photographed web page's blue bar). Off the paper, the
  // desk is left as it was.
  const onPaper = (i: number) => !mask || !!mask[Math.min(g.height - 1, Math.floor(i / small.width) * factor) * g.width + Math.min(g.width - 1, (i % small.width) * factor)];
  let filled = false;
  for (let i = 0; i < dilated.data.length; i++) {
    if (dilated.data[i]! < floor && onPaper(i)) { dilated.data[i] = paper; filled = true; }
  }
  if (filled) bg = boxBlur(dilated, radius);
  for (let i = 0; i < bg.data.length; i++) if (bg.data[i]! < floor) bg.data[i] = floor;
  return divideByBackground(g, bg, factor);
}

/**
 * Lifts the shadow of a fold across a photographed sheet: a band of rows (or columns) whose paper
 * ({@link BAND_PAPER} of its tones, `margin` pixels from each end left out) is darker than the
 * paper around it, within {@link BAND_REACH} of the raster's longer side, is scaled up to it. The
 * illumination flattening, working over a window of two lines, leaves such a band where the
 * shadow ends at the crease's sharp highlight. Bands darker than {@link BAND_LEAST} of the paper
 * around them are dark areas (a header's fill), left as they are; those within
 * {@link BAND_STEP} of it are no shadow.
 */
export function levelShadowBands(g: GrayRaster, margin = 0): { raster: GrayRaster; rows: number; columns: number } {
  const { width: w, height: h } = g;
  const reach = Math.max(4, Math.round(Math.max(w, h) * BAND_REACH));
  const rowPaper = linePaper(g.data, h, w, w, 1, margin);
  const columnPaper = linePaper(g.data, w, h, 1, w, margin);
  // A band is as wide as a shadow: a table's rule (a few rows darker across the sheet) is none.
  const least = Math.max(4, Math.round(Math.max(w, h) * SHADOW_BAND_WIDTH));
  const gains = (paper: Float64Array) => {
    const out = new Float64Array(paper.length).fill(1);
    let n = 0, start = -1;
    for (let i = 0; i <= paper.length; i++) {
      let share = 1;
      if (i < paper.length) {
        let around = 0;
        for (let j = Math.max(0, i - reach); j <= Math.min(paper.length - 1, i + reach); j++) around = Math.max(around, paper[j]!);
        share = paper[i]! / Math.max(1, around);
      }
      if (share >= BAND_LEAST && share < BAND_STEP) {
        if (start < 0) start = i;
        out[i] = 1 / share;
        continue;
      }
      if (start >= 0 && i - start < least) out.fill(1, start, i);
      else if (start >= 0) n += i - start;
      start = -1;
    }
    return { gain: out, n };
  };
  const rows = gains(rowPaper), columns = gains(columnPaper);
  if (!rows.n && !columns.n) return { raster: g, rows: 0, columns: 0 };
  const out = new Uint8ClampedArray(g.data.length);
  for (let y = 0, i = 0; y < h; y++) for (let x = 0; x < w; x++, i++) out[i] = g.data[i]! * rows.gain[y]! * columns.gain[x]!;
  return { raster: { width: w, height: h, data: out }, rows: rows.n, columns: columns.n };
}

/**
 * The paper ({@link BAND_PAPER}) of each of `lines` lines of `data`, `next` apart, each `count`
 * pixels `step` apart, leaving out `margin` pixels at either end: rows (next = width, step = 1)
 * or columns (next = 1, step = width).
 */
function linePaper(data: Uint8ClampedArray, lines: number, count: number, next: number, step: number, margin: number): Float64Array {
  const paper = new Float64Array(lines);
  const hist = new Uint32Array(256);
  for (let k = 0; k < lines; k++) {
    hist.fill(0);
    for (let j = margin, i = k * next + margin * step; j < count - margin; j++, i += step) hist[data[i]!]!++;
    paper[k] = quantile(hist, BAND_PAPER);
  }
  return paper;
}

/** The paper of a row or column: this quantile of its tones (dense bold print leaves more than the rest). */
const BAND_PAPER = 0.97;
/** A shadow band is looked for against the paper within this share of the raster's longer side. */
const BAND_REACH = 1 / 25;
/** A shadow band is at least this share of the raster's longer side wide (4 px at the least). */
const SHADOW_BAND_WIDTH = 1 / 150;
/** A band at least this share of the paper around it is a shadow (darker, a dark area). */
const BAND_LEAST = 0.55;
/** A band darker than this share of the paper around it is lifted. */
const BAND_STEP = 0.94;

/** A shadow leaves paper at least this share of its light: a background darker is a dark area. */
const DARK_AREA_SHARE = 0.4;

/**
 * Each pixel of `g` divided by the background `bg` (`factor` times smaller), bilinearly
 * interpolated, scaled so that the background becomes white.
 */
function divideByBackground(g: GrayRaster, bg: GrayRaster, factor: number): GrayRaster {
  const out = new Uint8ClampedArray(g.width * g.height);
  const sw = bg.width;
  const sh = bg.height;
  // Column interpolation positions are the same on every row: computed once.
  const cx0 = new Int32Array(g.width);
  const cx1 = new Int32Array(g.width);
  const cwx = new Float64Array(g.width);
  for (let x = 0; x < g.width; x++) {
    const fx = Math.min(sw - 1, Math.max(0, (x + 0.5) / factor - 0.5));
    const x0 = Math.floor(fx);
    cx0[x] = x0;
    cx1[x] = Math.min(sw - 1, x0 + 1);
    cwx[x] = fx - x0;
  }
  // Horizontal interpolation of a background row, computed once per background row and reused
  // by every output row that reads it (the same arithmetic as interpolating per pixel).
  let rowA = new Float64Array(g.width), rowB = new Float64Array(g.width);
  let haveA = -1, haveB = -1;
  for (let y = 0; y < g.height; y++) {
    const fy = Math.min(sh - 1, Math.max(0, (y + 0.5) / factor - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(sh - 1, y0 + 1);
    const wy = fy - y0;
    if (haveA !== y0) {
      if (haveB === y0) { const t = rowA; rowA = rowB; rowB = t; haveA = y0; haveB = -1; }
      else { interpolateRow(bg.data, y0 * sw, cx0, cx1, cwx, rowA); haveA = y0; }
    }
    if (haveB !== y1) { interpolateRow(bg.data, y1 * sw, cx0, cx1, cwx, rowB); haveB = y1; }
    divideRow(g.data, y * g.width, rowA, rowB, wy, out);
  }
  return { width: g.width, height: g.height, data: out };
}

function interpolateRow(bd: Uint8ClampedArray, r0: number, cx0: Int32Array, cx1: Int32Array, cwx: Float64Array, into: Float64Array): void {
  for (let x = 0; x < into.length; x++) {
    const wx = cwx[x]!;
    into[x] = bd[r0 + cx0[x]!]! * (1 - wx) + bd[r0 + cx1[x]!]! * wx;
  }
}

function divideRow(gd: Uint8ClampedArray, row: number, rowA: Float64Array, rowB: Float64Array, wy: number, out: Uint8ClampedArray): void {
  for (let x = 0; x < rowA.length; x++) {
    const b = rowA[x]! * (1 - wy) + rowB[x]! * wy;
    const v = gd[row + x]!;
    out[row + x] = b > 8 ? (v * 255) / b : 255;
  }
}

/** Grey-level dilation: each pixel becomes the maximum of its (2r+1)² window, clamped to the raster. */
export function maxFilter(g: GrayRaster, r: number): GrayRaster {
  const { width: w, height: h } = g;
  const tmp = new Uint8ClampedArray(w * h);
  const out = new Uint8ClampedArray(w * h);
  // Van Herk / Gil-Werman running maximum: three comparisons per pixel whatever the radius.
  // Pixels outside the raster count as 0, which never wins a maximum: the same result as
  // clamping the window to the raster.
  const span = 2 * r + 1;
  const n = Math.max(w, h);
  const padded = Math.ceil((n + 2 * r) / span) * span;
  const line = new Uint8Array(padded);
  const pre = new Uint8Array(padded);
  const suf = new Uint8Array(padded);
  // The window of output x is line[x … x+2r] (the line is shifted by r): max(suf[x], pre[x+2r]).
  for (let y = 0; y < h; y++) {
    line.fill(0);
    line.set(g.data.subarray(y * w, (y + 1) * w), r);
    runningMax(line, pre, suf, span);
    windowMax(pre, suf, r, tmp, y * w, 1, w);
  }
  // Down the columns, whole rows at a time: a column's pixels lie a row apart in memory, and
  // reading them one column after another misses the cache at every pixel.
  columnsMax(tmp, w, h, r, out);
  return { width: w, height: h, data: out };
}

/**
 * The running maximum of {@link maxFilter} down the columns of `src` (`w`×`h`) into `out`: the
 * rows, shifted down by `r` with rows of 0 around them, are cut into blocks of 2r+1 rows; within
 * each block the prefix and suffix maxima are taken row by row, and each output row is the
 * maximum of a suffix row and the prefix row 2r below it.
 */
function columnsMax(src: Uint8ClampedArray, w: number, h: number, r: number, out: Uint8ClampedArray): void {
  const span = 2 * r + 1;
  const rows = Math.ceil((h + 2 * r) / span) * span;
  const pre = new Uint8Array(rows * w);
  const suf = new Uint8Array(rows * w);
  for (let start = 0; start < rows; start += span) {
    for (let p = start; p < start + span; p++) maxRowInto(pre, p * w, p > start ? (p - 1) * w : -1, src, p - r, w, h);
    for (let p = start + span - 1; p >= start; p--) maxRowInto(suf, p * w, p < start + span - 1 ? (p + 1) * w : -1, src, p - r, w, h);
  }
  for (let y = 0; y < h; y++) maxOfRows(suf, y * w, pre, (y + 2 * r) * w, out, y * w, w);
}

/** Row `at` of `acc` becomes the maximum of its row `from` (none when negative) and row `y` of `src` (0 outside its `h` rows). */
function maxRowInto(acc: Uint8Array, at: number, from: number, src: Uint8ClampedArray, y: number, w: number, h: number): void {
  const inside = y >= 0 && y < h;
  if (from < 0) {
    if (inside) acc.set(src.subarray(y * w, y * w + w), at);
    return;
  }
  if (!inside) { acc.copyWithin(at, from, from + w); return; }
  for (let x = 0, s = y * w; x < w; x++) { const a = acc[from + x]!, b = src[s + x]!; acc[at + x] = a > b ? a : b; }
}

/** `w` maxima of row `a` of `aa` and row `b` of `bb` into `out` from `at`. */
function maxOfRows(aa: Uint8Array, a: number, bb: Uint8Array, b: number, out: Uint8ClampedArray, at: number, w: number): void {
  for (let x = 0; x < w; x++) { const u = aa[a + x]!, v = bb[b + x]!; out[at + x] = u > v ? u : v; }
}

/** Prefix and suffix maxima of `line` within consecutive blocks of `span`. */
function runningMax(line: Uint8Array, pre: Uint8Array, suf: Uint8Array, span: number): void {
  for (let start = 0; start < line.length; start += span) {
    let m = 0;
    for (let i = start; i < start + span; i++) { const v = line[i]!; if (v > m) m = v; pre[i] = m; }
    m = 0;
    for (let i = start + span - 1; i >= start; i--) { const v = line[i]!; if (v > m) m = v; suf[i] = m; }
  }
}

/** `count` window maxima into `out` from index `at`, `stride` apart. */
function windowMax(pre: Uint8Array, suf: Uint8Array, r: number, out: Uint8ClampedArray, at: number, stride: number, count: number): void {
  for (let k = 0, o = at; k < count; k++, o += stride) { const a = suf[k]!, b = pre[k + 2 * r]!; out[o] = a > b ? a : b; }
}

function boxBlur(g: GrayRaster, r: number): GrayRaster {
  const sum = summedArea(g);
  const { width: w, height: h } = g;
  const W = w + 1;
  const out = new Uint8ClampedArray(w * h);
  // The clamped window mean of windowStats, inlined: no object per pixel.
  for (let y = 0; y < h; y++) {
    const b = y - r > 0 ? y - r : 0, d = y + r + 1 < h ? y + r + 1 : h;
    for (let x = 0; x < w; x++) {
      const a = x - r > 0 ? x - r : 0, c = x + r + 1 < w ? x + r + 1 : w;
      const n = Math.max(1, (c - a) * (d - b));
      out[y * w + x] = (sum[d * W + c]! - sum[b * W + c]! - sum[d * W + a]! + sum[b * W + a]!) / n;
    }
  }
  return { width: w, height: h, data: out };
}

/** Summed-area table of the values, (w+1)·(h+1) (integralImages also builds the squares). */
function summedArea(g: GrayRaster): Float64Array {
  const { width: w, height: h, data } = g;
  const W = w + 1;
  const sum = new Float64Array(W * (h + 1));
  for (let y = 0; y < h; y++) {
    let rs = 0;
    const row = y * w, above = y * W, at = (y + 1) * W;
    for (let x = 0; x < w; x++) {
      rs += data[row + x]!;
      sum[at + x + 1] = sum[above + x + 1]! + rs;
    }
  }
  return sum;
}

/** Stretches grey levels so the 0.5th percentile becomes black and the 99.5th white. */
export function normaliseContrast(g: GrayRaster): { raster: GrayRaster; low: number; high: number } {
  const hist = histogram(g);
  const low = percentile(hist, 0.005);
  const high = percentile(hist, 0.995);
  if (high - low < 16 || (low <= 2 && high >= 253)) return { raster: g, low, high };
  const lut = new Uint8ClampedArray(256);
  for (let i = 0; i < 256; i++) lut[i] = ((i - low) * 255) / (high - low);
  return { raster: mapThroughLut(g, lut), low, high };
}

/**
 * Local min–max contrast normalisation: each pixel is stretched between the darkest and
 * lightest grey of its neighbourhood (about `radius` px), so light-grey timestamps become as dark
 * as body text, faint print on photos is strengthened, and areas without real contrast (bubble
 * fills, uniform bars, paper texture below `minContrast`) become white. Estimated on blocks and
 * interpolated, so it costs a few passes over the image.
 */
export function normaliseLocalContrast(g: GrayRaster, radius: number, minContrast = 40): GrayRaster {
  const { width: w, height: h, data } = g;
  const block = Math.max(4, Math.round(radius / 2));
  const bw = Math.ceil(w / block);
  const bh = Math.ceil(h / block);
  const bmin = new Uint8Array(bw * bh).fill(255);
  const bmax = new Uint8Array(bw * bh);
  for (let y = 0; y < h; y++) {
    const by = Math.floor(y / block) * bw;
    for (let x = 0; x < w; x++) {
      const v = data[y * w + x]!;
      const k = by + Math.floor(x / block);
      if (v < bmin[k]!) bmin[k] = v;
      if (v > bmax[k]!) bmax[k] = v;
    }
  }
  // Grow each block's range over its neighbours (radius ≈ 2 blocks).
  const lo = new Float32Array(bw * bh);
  const hi = new Float32Array(bw * bh);
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      let mn = 255, mx = 0;
      for (let dy = -2; dy <= 2; dy++) {
        const yy = by + dy;
        if (yy < 0 || yy >= bh) continue;
        for (let dx = -2; dx <= 2; dx++) {
          const xx = bx + dx;
          if (xx < 0 || xx >= bw) continue;
          const k = yy * bw + xx;
          if (bmin[k]! < mn) mn = bmin[k]!;
          if (bmax[k]! > mx) mx = bmax[k]!;
        }
      }
      lo[by * bw + bx] = mn;
      hi[by * bw + bx] = mx;
    }
  }
  const out = new Uint8ClampedArray(w * h);
  for (let y = 0; y < h; y++) {
    const fy = Math.min(bh - 1, Math.max(0, (y + 0.5) / block - 0.5));
    const y0 = Math.floor(fy), y1 = Math.min(bh - 1, y0 + 1), wy = fy - y0;
    for (let x = 0; x < w; x++) {
      const fx = Math.min(bw - 1, Math.max(0, (x + 0.5) / block - 0.5));
      const x0 = Math.floor(fx), x1 = Math.min(bw - 1, x0 + 1), wx = fx - x0;
      const k00 = y0 * bw + x0, k01 = y0 * bw + x1, k10 = y1 * bw + x0, k11 = y1 * bw + x1;
      const l = (lo[k00]! * (1 - wx) + lo[k01]! * wx) * (1 - wy) + (lo[k10]! * (1 - wx) + lo[k11]! * wx) * wy;
      const u = (hi[k00]! * (1 - wx) + hi[k01]! * wx) * (1 - wy) + (hi[k10]! * (1 - wx) + hi[k11]! * wx) * wy;
      const v = data[y * w + x]!;
      out[y * w + x] = u - l < minContrast ? 255 : ((v - l) * 255) / (u - l);
    }
  }
  return { width: w, height: h, data: out };
}

/**
 * Darkens mid-tones with a power curve (white stays white, black stays black): light-grey UI
 * text (timestamps, captions) moves well below the engine's global threshold while light bubble
 * fills stay light, and anti-aliased edges keep their shape.
 */
export function applyGamma(g: GrayRaster, gamma: number): GrayRaster {
  const lut = new Uint8ClampedArray(256);
  for (let i = 0; i < 256; i++) lut[i] = 255 * Math.pow(i / 255, gamma);
  return mapThroughLut(g, lut);
}

/** A dark-background region that was inverted, in the raster's pixels. */
export interface InvertedRegion {
  box: Box;
  /** Grey level of the region's background before inversion. */
  background: number;
}

/**
 * Finds regions where light text sits on a dark, uniform background (date bars, dark-mode
 * screens, saturated chat bubbles with white text) and inverts them in place, renormalising
 * their background to white, so the whole page reads dark-on-light.
 *
 * A region is a large connected component of "dark" pixels (below Otsu's threshold) that is
 * mostly solid, uniform in tone (dark text on a mid-tone bubble is not uniform and is left
 * alone) and encloses lighter pixels (the text). Its inside is the component plus its holes.
 *
 * Holes thick in both directions are not text but panels (the white and green bubbles on LINE's
 * blue-grey background). A dark background around light panels is inverted without them. A
 * mid-tone background around panels is a page background, not a dark region: it is brightened
 * to white with its dark text kept and its light text darkened (a translucent date pill's, see
 * liftLightText) (`backgrounds`), and the darker regions it holds (the date bars on it) are
 * looked for again with a threshold of its own. A mid-tone background too uneven
 * for that (a wallpaper with a gradient and a doodle pattern) is looked into the same way, its
 * regions found without their thin parts (the doodles that touch them), and lifted to white.
 * Regions holding only solid shapes (an avatar) are painted white rather than inverted.
 * With `open`, regions are looked for without their thin parts from the start (photos, where
 * blur joins the letters of bold print into blobs).
 * `mask` marks the pixels whose values come from here.
 */
export function invertDarkRegions(g: GrayRaster, minSize = 0, tone?: GrayRaster, lightRegions = false, open = false): { raster: GrayRaster; regions: InvertedRegion[]; backgrounds: InvertedRegion[]; pictures: Box[]; mask: Uint8Array } {
  const { width: w, height: h } = g;
  // Uniformity and the inverted values come from `tone` when given (the per-pixel minimum
  // channel on colour screenshots: a blue bubble and a black background are both "dark").
  const found: FoundRegions = {
    values: tone?.data ?? g.data,
    luma: g.data,
    min: minSize || Math.max(14, Math.round(Math.min(w, h) / 50)),
    thick: Math.max(16, Math.round(Math.min(w, h) / 25)),
    out: new Uint8ClampedArray(g.data),
    mask: new Uint8Array(w * h),
    regions: [],
    backgrounds: [],
    pictures: [],
  };
  const pageHist = histogram(g);
  const t = otsuThreshold(pageHist);
  invertRegionsBelow(g.data, w, h, t, found, true, false, open);
  if (lightRegions) {
    // The light tones are taken once when the light regions' search inverts nothing (it only
    // reads them; they depend on the mask of what was inverted, and on the page, which stays).
    const tones = lightTones(g, t, found.mask, pageHist);
    const mask = new Uint8Array(found.mask);
    invertLightRegions(g, t, found, tones);
    darkenLightText(g, t, found, sameBytes(mask, found.mask) ? tones : lightTones(g, t, found.mask, pageHist));
  }
  return { raster: { width: w, height: h, data: found.out }, regions: found.regions, backgrounds: found.backgrounds, pictures: found.pictures, mask: found.mask };
}

/**
 * The regions among the light tones (above `t`): pale date pills with white text on a chat's
 * wallpaper, too light to fall below Otsu's threshold of the whole page: regions of the pixels
 * darker than the commonest light tone (the page's background; pixels inverted already count as
 * white), inverted only when they hold thin text clearly lighter than themselves. `tones`: the
 * page's {@link lightTones} under the mask.
 */
function invertLightRegions(g: GrayRaster, t: number, f: FoundRegions, { data, mode }: ReturnType<typeof lightTones>): void {
  const { width: w, height: h } = g;
  // Just below the commonest light tone, the page's own background.
  const t2 = mode - LIGHT_REGION_MARGIN;
  if (t2 <= t) return;
  invertRegionsBelow(data, w, h, t2, f, false, true);
}

/**
 * Light text straight on a tinted page background (the times, 已讀 and sender names in white on a
 * chat's coloured wallpaper, beside its white bubbles): the page background is the largest region,
 * a fifth of the page at least, of the pixels no lighter than its commonest tone (a little above
 * it), or than near white when that tone is white (a photo wallpaper has no common tone: its
 * bubbles' white is the commonest). When that region encloses thin parts clearly lighter than
 * itself (text rather than the bubbles, which are thick both ways), the background and those
 * parts are mapped against the background's tone around them: the background turns white,
 * lighter text dark, darker text (printed on the wallpaper) stays dark. Bubbles lighter than the
 * background (thick holes in it) are left as they are; a bubble of the background's own luma
 * (LINE's green) is part of it and turns white with its dark text kept. Without light text, a
 * tinted background is scaled to white by its tone; a photo wallpaper is left as it is. Tones are
 * luma here: white text is far lighter than a coloured wallpaper in luma, not in the channel
 * extremes. `tones`: the page's {@link lightTones} under the mask.
 */
function darkenLightText(g: GrayRaster, t: number, f: FoundRegions, { data, mode, hist }: ReturnType<typeof lightTones>): void {
  const { width: w, height: h } = g;
  // The commonest light tone is the page's background, or the white of the bubbles on a
  // wallpaper of many tones (a photo), none of them common.
  const tinted = mode <= TINTED_BACKGROUND_TONE;
  // Everything not near white: a gradient wallpaper's lighter patches belong to it too.
  const cut = Math.max(tinted ? mode + LIGHT_REGION_MARGIN : 0, 255 - LIGHT_TEXT_STEP);
  // A white page has too few such pixels for a background among them, and where the commonest
  // light tone is white, they are a wallpaper only in many tones (one tone holding most of them
  // is a page dimmed behind a dialog, below the light tones): neither is labelled.
  let under = 0, top = 0;
  for (let v = 0; v <= cut; v++) { under += hist[v]!; top = Math.max(top, hist[v]!); }
  if (under < (w * h) / 5 || (!tinted && top >= under * WALLPAPER_TONE_SHARE)) return;
  const labelling = labelDarkPixels(data, w, h, cut);
  const { labels } = labelling;
  const c = measureComponents(labelling, g.data, w);
  let label = -1;
  for (const r of c.roots) if (c.n[r]! >= (w * h) / 5 && (label < 0 || c.n[r]! > c.n[label]!)) label = r;
  if (label < 0) return;
  const box = { x: c.x0[label]!, y: c.y0[label]!, w: c.x1[label]! - c.x0[label]! + 1, h: c.y1[label]! - c.y0[label]! + 1 };
  const outside = outsideOfComponent(labels, w, label, box);
  // Light text is among the region's holes, and there is as much of it as liftLightText asks for
  // at least: with fewer holes (a page dimmed behind a dialog, all of it darker) the search is spared.
  const lifted = countInside(labels, g.data, w, label, box, outside).holes >= f.min * f.min && liftLightText(g.data, w, h, labels, label, box, outside, f);
  // Without light text, the tinted page is scaled to white, its dark text kept: beside white
  // panels (bubbles), a tinted page is taken for ink by the engine's threshold of the whole page.
  // Saturated colours on it (a read count in yellow, a yellow bubble of its luma) are left to
  // the colour step, which keeps coloured text dark and turns pale fills white. A wallpaper of
  // many tones is left as it is: one tone cannot scale it to white.
  if (!lifted && !tinted) return;
  if (!lifted) whitenComponent(f, g.data, labels, w, label, box, mode);
  f.backgrounds.push({ box, background: tinted ? mode : Math.round(c.sum[label]! / c.n[label]!) });
}

/**
 * Lifts to white the page background `label` (over `box`, `outside` its outside) of tones
 * `values` when it holds light text, and darkens that text (see {@link darkenLightText});
 * false, changing nothing, when it holds none: thin parts clearly lighter than the background
 * around them (the mean of its own pixels near them, without those clearly darker). Holes thick
 * both ways are panels (bubbles), with the rest of the holes they join (their rounded ends), and
 * are left as they are.
 */
function liftLightText(values: Uint8ClampedArray, w: number, h: number, labels: Int32Array, label: number, box: Box, outside: Uint8Array, f: FoundRegions): boolean {
  const panels = joinedHoles(thickHoles(labels, w, label, box, outside, f.thick).mask, labels, w, label, box, outside);
  const g = { width: w, height: h, data: values };
  const own = (i: number) => labels[i] === label && !f.mask[i];
  let tone = meanAround(g, (i) => own(i), f.thick);
  tone = meanAround(g, (i) => own(i) && values[i]! >= tone[i]! - LIGHT_TEXT_STEP, f.thick);
  const text = new Uint8Array(w * h);
  let lit = 0;
  for (let y = 0, k = 0; y < box.h; y++) {
    for (let x = 0, i = (box.y + y) * w + box.x; x < box.w; x++, k++, i++) {
      if (outside[k] || panels[k] || f.mask[i] || labels[i] === label || !tone[i] || values[i]! < tone[i]! + LIGHT_TEXT_STEP) continue;
      text[i] = 1;
      lit++;
    }
  }
  // Specks are not text (a JPEG's ringing around a bubble): pieces of fewer pixels are dropped.
  lit -= dropSmallPieces(text, w, h, box, LIGHT_TEXT_PIECE, LIGHT_TEXT_REACH);
  if (lit < f.min * f.min) return false;
  for (let y = 0, k = 0; y < box.h; y++) {
    for (let x = 0, i = (box.y + y) * w + box.x; x < box.w; x++, k++, i++) {
      const bg = tone[i]!;
      if (outside[k] || panels[k] || f.mask[i] || !bg) continue;
      const v = values[i]!;
      // Lighter pixels are text, or its anti-aliased edge (beside text), or background (a
      // bubble's edge, a wallpaper's lighter patch).
      const edge = text[i] || (x > 0 && text[i - 1]) || (x < box.w - 1 && text[i + 1]) || (y > 0 && text[i - w]) || (y < box.h - 1 && text[i + w]);
      f.out[i] = v <= bg ? (v * 255) / bg : edge ? 255 - ((v - bg) * 255) / Math.max(1, 255 - bg) : 255;
      f.mask[i] = 1;
    }
  }
  return true;
}

/** Light text fills at least this share of a region among the light tones (a pale date pill's white text). */
const LIGHT_TEXT_SHARE = 0.02;

/** Fewest pixels (8-connected) of a piece of light text, unless within {@link LIGHT_TEXT_REACH} px of a larger one. */
const LIGHT_TEXT_PIECE = 12;
/** How near (px) a smaller piece of light text must be to a larger one to be kept. */
const LIGHT_TEXT_REACH = 5;

/**
 * Clears (in place) the 8-connected pieces of `marks` (over `box` of a raster `w` wide) of fewer
 * than `least` pixels, except those within `near` px of a larger piece (a colon's dots, the short
 * strokes of a small glyph's radical, beside the rest of their text); how many pixels it cleared.
 */
function dropSmallPieces(marks: Uint8Array, w: number, h: number, box: Box, least: number, near = 0): number {
  const seen = new Uint8Array(marks.length);
  const small: number[][] = [];
  const large = new Uint8ClampedArray(near ? box.w * box.h : 0);
  const piece: number[] = [];
  for (let y = box.y; y < box.y + box.h; y++) {
    for (let i = y * w + box.x, end = i + box.w; i < end; i++) {
      if (!marks[i] || seen[i]) continue;
      piece.length = 0;
      piece.push(i);
      seen[i] = 1;
      for (let p = 0; p < piece.length; p++) {
        const j = piece[p]!, x = j % w, yy = (j - x) / w;
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            const nx = x + dx, ny = yy + dy;
            if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
            const n = ny * w + nx;
            if (marks[n] && !seen[n]) { seen[n] = 1; piece.push(n); }
          }
        }
      }
      if (piece.length < least) small.push(piece.slice());
      else if (near) for (const j of piece) large[(Math.floor(j / w) - box.y) * box.w + (j % w) - box.x] = 255;
    }
  }
  const reach = near ? maxFilter({ width: box.w, height: box.h, data: large }, near).data : undefined;
  let cleared = 0;
  for (const p of small) {
    if (reach && p.some((j) => reach[(Math.floor(j / w) - box.y) * box.w + (j % w) - box.x])) continue;
    for (const j of p) marks[j] = 0;
    cleared += p.length;
  }
  return cleared;
}

/**
 * The holes of component `label` (over `box`) joined to those of `seeds` through other holes
 * (4-connected), seeds included: a mask over `box`.
 */
function joinedHoles(seeds: Uint8Array, labels: Int32Array, w: number, label: number, box: Box, outside: Uint8Array): Uint8Array {
  const joined = new Uint8Array(seeds);
  const stack = new Int32Array(joined.length);
  let top = 0;
  for (let k = 0; k < joined.length; k++) if (joined[k]) stack[top++] = k;
  const push = (x: number, y: number) => {
    const k = y * box.w + x;
    if (joined[k] || outside[k] || labels[(box.y + y) * w + box.x + x] === label) return;
    joined[k] = 1;
    stack[top++] = k;
  };
  while (top > 0) {
    const k = stack[--top]!;
    const x = k % box.w, y = (k - x) / box.w;
    if (x > 0) push(x - 1, y);
    if (x < box.w - 1) push(x + 1, y);
    if (y > 0) push(x, y - 1);
    if (y < box.h - 1) push(x, y + 1);
  }
  return joined;
}

/**
 * The mean of `g` over the pixels that pass `take`, within `r` of each pixel (a square window);
 * 0 where none is that near.
 */
function meanAround(g: GrayRaster, take: (i: number) => boolean, r: number): Uint8ClampedArray {
  const { width: w, height: h } = g;
  const values = new Uint8ClampedArray(w * h), ones = new Uint8ClampedArray(w * h);
  for (let i = 0; i < values.length; i++) if (take(i)) { values[i] = g.data[i]!; ones[i] = 1; }
  const sums = summedArea({ width: w, height: h, data: values }), counts = summedArea({ width: w, height: h, data: ones });
  const out = new Uint8ClampedArray(w * h);
  const W = w + 1;
  for (let y = 0; y < h; y++) {
    const b = Math.max(0, y - r), d = Math.min(h, y + r + 1);
    for (let x = 0; x < w; x++) {
      const a = Math.max(0, x - r), e = Math.min(w, x + r + 1);
      const n = counts[d * W + e]! - counts[b * W + e]! - counts[d * W + a]! + counts[b * W + a]!;
      if (n) out[y * w + x] = Math.max(1, (sums[d * W + e]! - sums[b * W + e]! - sums[d * W + a]! + sums[b * W + a]!) / n);
    }
  }
  return out;
}

/** A page background at or below this tone (0–255) is tinted (a chat's wallpaper), not white or light grey. */
const TINTED_BACKGROUND_TONE = 225;
/** A wallpaper of many tones has no tone holding this share of its pixels (a photo: 6 %, a gradient: 20 %). */
const WALLPAPER_TONE_SHARE = 0.5;

/**
 * `g` with the pixels of `mask` (inverted or whitened already) turned white, the commonest tone
 * above `t` among the others (t + 1 when there is none), and the histogram of the others.
 */
function lightTones(g: GrayRaster, t: number, mask: Uint8Array, pageHist: Uint32Array): { data: Uint8ClampedArray; mode: number; hist: Uint32Array } {
  const data = new Uint8ClampedArray(g.data);
  // Nothing inverted (most pages): the page's own histogram (`pageHist`, of `g`).
  const masked = anySet(mask);
  const hist = masked ? new Uint32Array(256) : Uint32Array.from(pageHist);
  if (masked) {
    for (let i = 0; i < data.length; i++) {
      if (mask[i]) data[i] = 255;
      else hist[data[i]!]!++;
    }
  }
  let mode = t + 1;
  for (let v = t + 1; v < 256; v++) if (hist[v]! > hist[mode]!) mode = v;
  return { data, mode, hist };
}

/**
 * The first `count` groups of four bytes of `a` as 32-bit words, to be compared four bytes at a
 * time; undefined when `a` does not start on a word (a mask does, from its own buffer).
 */
function asWords(a: Uint8Array | Uint8ClampedArray, count = a.length >> 2): Uint32Array | undefined {
  return a.byteOffset % 4 === 0 ? new Uint32Array(a.buffer, a.byteOffset, count) : undefined;
}

/** Whether any byte of `a` is not 0. */
function anySet(a: Uint8Array): boolean {
  const a4 = asWords(a);
  let i = 0;
  if (a4) {
    for (let k = 0; k < a4.length; k++) if (a4[k]) return true;
    i = a4.length << 2;
  }
  for (; i < a.length; i++) if (a[i]) return true;
  return false;
}

/** Whether two byte arrays hold the same bytes. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  const a4 = asWords(a), b4 = asWords(b);
  let i = 0;
  if (a4 && b4) {
    for (let k = 0; k < a4.length; k++) if (a4[k] !== b4[k]) return false;
    i = a4.length << 2;
  }
  for (; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** How much darker (0–255) than the page's background a light region's pixels are. */
const LIGHT_REGION_MARGIN = 12;

/** How much lighter (0–255) than a light region its text must be for it to be inverted. */
const LIGHT_TEXT_STEP = 30;

/** A tone (0–255) above which a region around panels is a page background, not a dark one. */
const PANEL_BACKGROUND_TONE = 96;
/** Most standard deviation of a dark region's tones (0–255), on a rendered page and on a photo. */
const REGION_SPREAD = 28;
const PHOTO_REGION_SPREAD = 36;
/** Least share of the picture a sparse dark region's box covers to be taken for a frame around a page. */
const FRAME_AREA = 0.5;
/** Least share of the picture's width a sparse dark region spans to be taken for a band across a sheet. */
const BAND_WIDTH = 0.4;
/** Least share of a frame's or band's pixels at the centre of a solid square of them (see {@link solidShare}). */
const SOLID_FRAME = 0.6;
/** Panels of a dark background lighter than this on average (0–255) are left as they are. */
const LIGHT_PANEL_TONE = 160;

/** What {@link invertDarkRegions} reads (`values`), its size limits, and what it writes. */
interface FoundRegions {
  values: Uint8ClampedArray;
  /** The page's luma (`values` itself on grey pages). */
  luma: Uint8ClampedArray;
  min: number;
  thick: number;
  out: Uint8ClampedArray;
  mask: Uint8Array;
  regions: InvertedRegion[];
  backgrounds: InvertedRegion[];
  /** Regions holding only solid shapes (an avatar's head and shoulders, a camera icon's lens): painted white. */
  pictures: Box[];
}

/** Half the width (px) of the dark lines that {@link openDark} removes from regions. */
const THIN_DARK = 2;

/**
 * Morphological opening of the dark parts of `g` with a square of side 2r + 1: dark lines and
 * specks narrower than that turn light, larger dark areas keep their shape (and their light holes).
 */
export function openDark(g: GrayRaster, r: number): GrayRaster {
  const eroded = maxFilter(g, r);
  // The dilation of dark is a minimum filter: a maximum filter of the negative.
  for (let i = 0; i < eroded.data.length; i++) eroded.data[i] = 255 - eroded.data[i]!;
  const dilated = maxFilter(eroded, r);
  for (let i = 0; i < dilated.data.length; i++) dilated.data[i] = 255 - dilated.data[i]!;
  return dilated;
}

/**
 * The pixels of `g` at most `t` that an opening with a square of side 2r + 1 keeps, as 0 in a
 * raster of 255 elsewhere (r < 32): the same pixels as {@link openDark} thresholded at `t` (a flat
 * opening and a threshold commute), found on bits, 32 pixels to a word. A pixel is kept when a
 * square within which every pixel inside the raster is dark covers it.
 */
export function openDarkMask(g: GrayRaster, t: number, r: number): Uint8ClampedArray {
  const { width: w, height: h, data } = g;
  const words = (w + 31) >>> 5;
  // The bits of the last word of a row that lie inside the raster.
  const inside = w & 31 ? (1 << (w & 31)) - 1 : -1;
  const dark = new Int32Array(words * h);
  for (let y = 0; y < h; y++) packDark(data, y * w, w, t, dark, y * words);
  // Eroded across, then down: pixels outside the raster count as dark.
  const across = new Int32Array(words * h);
  for (let at = 0; at < dark.length; at += words) shiftedAnd(dark, at, words, inside, r, across);
  const eroded = new Int32Array(words * h);
  for (let y = 0; y < h; y++) {
    const from = Math.max(0, y - r), to = Math.min(h - 1, y + r);
    for (let k = 0; k < words; k++) {
      let v = -1;
      for (let yy = from; yy <= to; yy++) v &= across[yy * words + k]!;
      eroded[y * words + k] = k === words - 1 ? v & inside : v;
    }
  }
  // Dilated down, then across: pixels outside count as light.
  const down = new Int32Array(words * h);
  for (let y = 0; y < h; y++) {
    const from = Math.max(0, y - r), to = Math.min(h - 1, y + r);
    for (let k = 0; k < words; k++) {
      let v = 0;
      for (let yy = from; yy <= to; yy++) v |= eroded[yy * words + k]!;
      down[y * words + k] = v;
    }
  }
  const out = new Uint8ClampedArray(w * h).fill(255);
  for (let y = 0; y < h; y++) unpackOr(down, y * words, words, r, out, y * w, w);
  return out;
}

/** Row `at` of `into` (`words` words): bit b of word k set when pixel 32k + b of the row of `data` from `from` (`w` wide) is at most `t`. */
function packDark(data: Uint8ClampedArray, from: number, w: number, t: number, into: Int32Array, at: number): void {
  for (let k = 0, x0 = 0; x0 < w; k++, x0 += 32) {
    let v = 0;
    for (let b = 0, n = Math.min(32, w - x0), i = from + x0; b < n; b++, i++) if (data[i]! <= t) v |= 1 << b;
    into[at + k] = v;
  }
}

/** Row `at` of `bits` eroded across (each bit ANDed with the `r` on either side; bits outside the row, beyond `inside` of its last word, set) into `out`. */
function shiftedAnd(bits: Int32Array, at: number, words: number, inside: number, r: number, out: Int32Array): void {
  const word = (k: number) => (k < 0 || k >= words ? -1 : k === words - 1 ? bits[at + k]! | ~inside : bits[at + k]!);
  for (let k = 0; k < words; k++) {
    const m = word(k), prev = word(k - 1), next = word(k + 1);
    let v = m;
    for (let s = 1; s <= r; s++) v &= ((m >>> s) | (next << (32 - s))) & ((m << s) | (prev >>> (32 - s)));
    out[at + k] = v;
  }
}

/** Row `at` of `bits` dilated across (ORed with the `r` bits on either side; none outside the row) and written as 0 into `out` from `from` (`w` pixels). */
function unpackOr(bits: Int32Array, at: number, words: number, r: number, out: Uint8ClampedArray, from: number, w: number): void {
  for (let k = 0; k < words; k++) {
    const m = bits[at + k]!, prev = k > 0 ? bits[at + k - 1]! : 0, next = k + 1 < words ? bits[at + k + 1]! : 0;
    let v = m;
    for (let s = 1; s <= r; s++) v |= (m >>> s) | (next << (32 - s)) | (m << s) | (prev >>> (32 - s));
    for (let x = k << 5; v !== 0 && x < w; x++, v >>>= 1) if (v & 1) out[from + x] = 0;
  }
}

/** Inverts the regions among the components of pixels ≤ `t` (see {@link invertDarkRegions}). */
function invertRegionsBelow(data: Uint8ClampedArray, w: number, h: number, t: number, f: FoundRegions, nested: boolean, lightTextOnly = false, open = false): void {
  // One pixel loop per function below: each loop is optimised on its own while it runs, and a
  // small function is compiled much sooner than one holding every loop.
  // `open`: components of the dark pixels without their thin parts (a patterned wallpaper's
  // doodles, which touch the bubbles and would join them into one non-uniform component).
  const labelling = open ? labelDarkPixels(openDarkMask({ width: w, height: h, data }, t, THIN_DARK), w, h, 0) : labelDarkPixels(data, w, h, t);
  const { labels } = labelling;
  const c = measureComponents(labelling, f.values, w);
  for (const label of c.roots) {
    const x0 = c.x0[label]!, y0 = c.y0[label]!;
    const bw = c.x1[label]! - x0 + 1;
    const bh = c.y1[label]! - y0 + 1;
    const n = c.n[label]!;
    if (bw < f.min * 2 || bh < f.min) continue;
    const mean = c.sum[label]! / n;
    const std = Math.sqrt(Math.max(0, c.sumSq[label]! / n - mean * mean));
    const box = { x: x0, y: y0, w: bw, h: bh };
    // Sparse: strokes, a table's rules. A frame around a light page (a PDF viewer's dark
    // surround) and a band across a photographed sheet, slanted, are sparse over their boxes too,
    // but solid: most of their pixels lie amid more of them.
    if (n / (bw * bh) < 0.45 && !((bw * bh >= w * h * FRAME_AREA || bw >= w * BAND_WIDTH) && solidShare(labels, w, label, box, SOLID_RADIUS) >= SOLID_FRAME)) continue;
    // On photos, light falls off across a region (a header band in the light's gradient).
    if (std > (open ? PHOTO_REGION_SPREAD : REGION_SPREAD)) {
      // A mid-tone page background too uneven to be one region (a wallpaper with a gradient and
      // a pattern): the darker regions on it (blue bubbles with white text) are looked for alone.
      if (nested && mean > PANEL_BACKGROUND_TONE && bw * bh >= w * h * 0.25) {
        invertRegionsWithin(data, labels, w, h, label, box, f, true);
        f.backgrounds.push({ box, background: liftUnevenBackground(f, labels, w, label, box) });
      }
      continue;
    }
    const outside = outsideOfComponent(labels, w, label, box);
    const { inside, holes, holeTone } = countInside(labels, f.values, w, label, box, outside);
    // No enclosed lighter pixels means no light text: nothing to gain from inverting.
    if (holes < inside * 0.004) continue;
    // Pictures are small: an avatar or an icon, not a screen.
    if (bw * bh <= w * h * PICTURE_AREA && holdsOnlyShapes(f.values, w, box, outside, (mean + holeTone) / 2)) {
      fillInside(f.out, f.mask, w, box, outside, 255);
      whitenRim(f.out, f.mask, data, w, h, box, t);
      f.pictures.push(box);
      continue;
    }
    const panels = thickHoles(labels, w, label, box, outside, f.thick);
    if (lightTextOnly) {
      // Among light tones, only a region holding thin text clearly lighter than itself, and
      // enough of it: a green bubble with black text has for holes only the inside of a
      // wallpaper's doodle ring joined to its edge (under 1 %).
      if (panels.count > holes * 0.3 || holes > inside * 0.6 || holes < inside * LIGHT_TEXT_SHARE || holeTone < mean + LIGHT_TEXT_STEP) continue;
    } else if (panels.count > holes * 0.3) {
      if (mean > PANEL_BACKGROUND_TONE) {
        if (!nested) continue;
        // Light text on it (a date pill's, a time's) is darkened, or the page is scaled to white.
        if (!liftLightText(f.values, w, h, labels, label, box, outside, f)) whitenComponent(f, f.values, labels, w, label, box, mean);
        f.backgrounds.push({ box, background: Math.round(mean) });
        invertRegionsWithin(data, labels, w, h, label, box, f);
        continue;
      }
      keepLightPanels(f, labels, w, label, box, panels.mask, outside);
    } else if (holes > inside * 0.6) continue;
    // Strokes (a bold glyph whose counters look like light text in a dark blob) are not a
    // background: hardly any of their pixels is the centre of a small square of them.
    if (solidShare(labels, w, label, box, SOLID_RADIUS) < SOLID_REGION) continue;
    fillInverted(f.out, f.mask, f.values, w, box, outside, Math.max(1, 255 - mean));
    if (bw * bh <= w * h * FAINT_MARK_REGION) whitenFaintMarks(f.out, w, box, outside);
    whitenRim(f.out, f.mask, data, w, h, box, t);
    invertLighterParts(f, w, box, mean, (_, i) => labels[i] === label);
    f.regions.push({ box, background: Math.round(mean) });
  }
}

/**
 * The darker regions inside a mid-tone page background (component `label`): its pixels alone,
 * thresholded by Otsu's method over their own values; without their thin parts when `open`, and
 * then the threshold is taken without them too (the black text of the bubbles on a wallpaper
 * pulled it below a date pill's tone, and the pill was not found).
 */
function invertRegionsWithin(data: Uint8ClampedArray, labels: Int32Array, w: number, h: number, label: number, box: Box, f: FoundRegions, open = false): void {
  const only = new Uint8ClampedArray(w * h).fill(255);
  for (let y = box.y; y < box.y + box.h; y++) {
    for (let i = y * w + box.x, end = i + box.w; i < end; i++) if (labels[i] === label) only[i] = data[i]!;
  }
  const tones = open ? openDark({ width: w, height: h, data: only }, THIN_DARK).data : only;
  const hist = new Uint32Array(256);
  for (let y = box.y; y < box.y + box.h; y++) {
    for (let i = y * w + box.x, end = i + box.w; i < end; i++) if (labels[i] === label) hist[tones[i]!]!++;
  }
  invertRegionsBelow(only, w, h, otsuThreshold(hist), f, false, false, open);
}

/**
 * Lifts to white an uneven mid-tone page background (component `label`, outside the regions found
 * on it already): each pixel against the background's light tone around it (the lightest of it
 * within {@link UNEVEN_BACKGROUND_RADIUS}, at most its 90th percentile). Pixels within
 * {@link UNEVEN_BACKGROUND_STEP} of that tone (a wallpaper's gradient and faint pattern) become
 * white, darker ones (text printed on it) are scaled by the same gain. Returns the background's
 * median tone.
 * Pixels of a saturated colour (see {@link SATURATED_LUMA_STEP}) are no part of it, nor what
 * they enclose: they are left to the colour step, which turns a pale fill white and keeps its
 * text dark. LINE's green bubbles (least channel 106) on a purple gradient wallpaper (150–163)
 * were lifted with it, against the wallpaper's tone near their edges and their own further in:
 * each was left white inside a grey frame, read as marks, and the text in them read badly.
 */
function liftUnevenBackground(f: FoundRegions, labels: Int32Array, w: number, label: number, box: Box): number {
  // The background's pixels (0 in `plain`), in parts: those parts mostly enclosed by saturated
  // pixels of the component (the text in a green bubble) are the bubbles', not the background's.
  const plain = new Uint8ClampedArray(box.w * box.h).fill(255);
  for (let y = 0, k = 0; y < box.h; y++) {
    for (let x = 0, i = (box.y + y) * w + box.x; x < box.w; x++, k++, i++) {
      if (labels[i] === label && !f.mask[i] && f.luma[i]! - f.values[i]! <= SATURATED_LUMA_STEP) plain[k] = 0;
    }
  }
  const parts = labelDarkPixels(plain, box.w, box.h, 0);
  // (Measuring the parts resolves each pixel's label to its part's root.)
  measureComponents(parts, plain, box.w);
  // Each part's rim (its pixels' sides on pixels of no part) and how much of it is saturated.
  const rim = new Uint32Array(parts.count), saturated = new Uint32Array(parts.count);
  for (let y = 0, k = 0; y < box.h; y++) {
    for (let x = 0; x < box.w; x++, k++) {
      if (plain[k]) continue;
      const r = parts.labels[k]!;
      for (const [dx, dy] of SIDES) {
        const nx = x + dx, ny = y + dy;
        const inside = nx >= 0 && ny >= 0 && nx < box.w && ny < box.h;
        if (inside && !plain[ny * box.w + nx]) continue;
        rim[r]!++;
        const i = (box.y + ny) * w + box.x + nx;
        if (inside && labels[i] === label && !f.mask[i]) saturated[r]!++;
      }
    }
  }
  const background = (k: number) => !plain[k] && saturated[parts.labels[k]!]! < ENCLOSED_SHARE * rim[parts.labels[k]!]!;
  const own = cropGray({ width: w, height: f.out.length / w, data: f.values }, box);
  const hist = new Uint32Array(256);
  for (let k = 0; k < own.data.length; k++) {
    if (background(k)) hist[own.data[k]!]!++;
    else own.data[k] = 0;
  }
  // Lighter outliers (a rule along its edge) do not count: tones above its 90th percentile are clipped.
  const top = quantile(hist, 0.9);
  for (let k = 0; k < own.data.length; k++) if (own.data[k]! > top) own.data[k] = top;
  const light = maxFilter(own, UNEVEN_BACKGROUND_RADIUS);
  for (let y = 0, k = 0; y < box.h; y++) {
    for (let x = 0, i = (box.y + y) * w + box.x; x < box.w; x++, k++, i++) {
      if (!background(k)) continue;
      const v = f.values[i]!, bg = Math.max(1, light.data[k]!);
      f.out[i] = v >= bg * UNEVEN_BACKGROUND_STEP ? 255 : (v * 255) / bg;
      f.mask[i] = 1;
    }
  }
  return quantile(hist, 0.5);
}

/** The four sides of a pixel. */
const SIDES = [[1, 0], [-1, 0], [0, 1], [0, -1]] as const;
/** A part of an uneven background whose rim lies this much on saturated pixels is enclosed by them. */
const ENCLOSED_SHARE = 0.9;
/** Radius (px) of the neighbourhood whose lightest pixel is an uneven background's light tone. */
const UNEVEN_BACKGROUND_RADIUS = 24;
/** Tones of an uneven background above this fraction of its light tone count as background. */
const UNEVEN_BACKGROUND_STEP = 0.7;

/**
 * Judges each panel of a dark region (the connected parts of `panels`, a mask over `box`) on its
 * own: light panels (a white picture on a dark screen) and panels holding dark text (LINE's green
 * bubbles with black text, in the region's tones or, a saturated fill, in luma) are left out of
 * the region's inversion (marked in `outside`), the latter brought to white with their text kept
 * dark (both scaled by the fill's tone). Darker panels with light text (a saturated bubble with
 * white text) are inverted against their own fill, pictures (an avatar) painted white, and
 * glyph-sized parts inverted with the region. One by one: a dark-mode chat's green bubbles with
 * black text sit beside avatars whose white figures, judged together with them, outweighed their
 * text. A panel kept out of the inversion takes in the holes it joins (its round ends), and a
 * round one (a quick settings tile and its icon) is a picture.
 */
function keepLightPanels(f: FoundRegions, labels: Int32Array, w: number, label: number, box: Box, panels: Uint8Array, outside: Uint8Array): void {
  const marks = new Uint8ClampedArray(panels.length);
  for (let k = 0; k < marks.length; k++) marks[k] = panels[k] ? 0 : 255;
  const parts = labelDarkPixels(marks, box.w, box.h, 0);
  const tones = cropGray({ width: w, height: f.out.length / w, data: f.values }, box).data;
  const c = measureComponents(parts, tones, box.w);
  const luma = cropGray({ width: w, height: f.out.length / w, data: f.luma }, box).data;
  const hists = new Map<number, Uint32Array>(), lumaHists = new Map<number, Uint32Array>();
  for (const r of c.roots) { hists.set(r, new Uint32Array(256)); lumaHists.set(r, new Uint32Array(256)); }
  for (let k = 0; k < tones.length; k++) if (parts.labels[k]! >= 0) { hists.get(parts.labels[k]!)![tones[k]!]!++; lumaHists.get(parts.labels[k]!)![luma[k]!]!++; }
  // Panels whose dark text shows in luma only: a saturated fill (dark-mode LINE's green, its least
  // channel 6) hides black text (17) in the channel the region is judged in.
  const byLuma = new Set<number>();
  // Per part: 0 inverted with the region, LEFT as it is, PICTURE painted white, else the fill
  // scaled to white. A picture (an avatar's disc and the white figure on it) inverted with the
  // region is a dark figure on grey, read as "2" or "@". Parts under twice the panels' least
  // thickness both ways are inverted with the region: bold glyphs of light text, whose strokes
  // and counters are all holes, were lost when left light.
  const LEFT = -1, PICTURE = -2;
  const fills = new Map<number, number>();
  // A panel with light text (a blue bubble on a black page) is inverted against its own fill,
  // which then turns white as the region's background does (against the region's, it stayed
  // grey): its fill's negative, the fill being its median tone.
  const own = new Map<number, number>();
  const before = f.pictures.length;
  for (const r of c.roots) {
    const tone = c.sum[r]! / c.n[r]!;
    const small = c.x1[r]! - c.x0[r]! + 1 < 2 * f.thick && c.y1[r]! - c.y0[r]! + 1 < 2 * f.thick;
    let fill = small ? 0 : tone > LIGHT_PANEL_TONE ? LEFT : darkTextFill(hists.get(r)!);
    if (!small && !fill) {
      fill = darkTextFill(lumaHists.get(r)!);
      if (fill) byLuma.add(r);
    }
    const part = { x: c.x0[r]!, y: c.y0[r]!, w: c.x1[r]! - c.x0[r]! + 1, h: c.y1[r]! - c.y0[r]! + 1 };
    const at = { x: box.x + part.x, y: box.y + part.y, w: part.w, h: part.h };
    if (!fill && tone <= LIGHT_PANEL_TONE && at.w * at.h <= f.out.length * PICTURE_AREA && holdsOnlyShapes(f.values, w, at, outsideOfComponent(parts.labels, box.w, r, part), (tone + 255) / 2)) {
      fill = PICTURE;
      f.pictures.push(at);
    }
    // A round button (a quick settings tile, its icon dark on a light disc) is a picture too.
    if (fill && fill !== PICTURE && at.w * at.h <= f.out.length * PICTURE_AREA && Math.abs(at.w - at.h) <= DISC_SLACK * Math.max(at.w, at.h) && isDisc(parts.labels, r, labels, w, label, box, outside)) {
      fill = PICTURE;
      f.pictures.push(at);
    }
    if (!fill && !small) own.set(r, Math.max(1, 255 - quantile(hists.get(r)!, 0.5)));
    fills.set(r, fill);
  }
  // A panel kept out of the inversion takes with it the holes it joins: its round ends, not
  // thick both ways, were inverted with the region into dark crescents read as "(" (a
  // brightness slider's cap) or joined to the text beside them.
  spreadIntoHoles(parts.labels, (r) => !!fills.get(r) && fills.get(r) !== PICTURE, labels, w, label, box, outside);
  // A picture is painted white whole: with the holes it joins (the rounded caps of a disc, not
  // thick both ways) and its anti-aliased rim, which left grey made a ring read as "{t".
  let pictures: Uint8ClampedArray | undefined;
  if (f.pictures.length > before) {
    const seeds = new Uint8Array(parts.labels.length);
    for (let k = 0; k < seeds.length; k++) if (parts.labels[k]! >= 0 && fills.get(parts.labels[k]!) === PICTURE) seeds[k] = 1;
    const joined = joinedHoles(seeds, labels, w, label, box, outside);
    const marks = new Uint8ClampedArray(joined.length);
    for (let k = 0; k < marks.length; k++) marks[k] = joined[k]! ? 255 : 0;
    pictures = maxFilter({ width: box.w, height: box.h, data: marks }, PICTURE_RIM).data;
  }
  for (let y = 0, k = 0; y < box.h; y++) {
    for (let x = 0, i = (box.y + y) * w + box.x; x < box.w; x++, k++, i++) {
      const r = parts.labels[k]!;
      const fill = pictures?.[k] ? PICTURE : r >= 0 ? fills.get(r)! : 0;
      if (!fill && r >= 0 && own.has(r)) {
        outside[k] = 1;
        f.out[i] = ((255 - tones[k]!) * 255) / own.get(r)!;
        f.mask[i] = 1;
        continue;
      }
      if (!fill) continue;
      outside[k] = 1;
      if (fill === LEFT) continue;
      f.out[i] = fill === PICTURE ? 255 : ((byLuma.has(r) ? luma[k]! : tones[k]!) * 255) / fill;
      f.mask[i] = 1;
    }
  }
}

/**
 * Whether part `r` of `parts` (labels over `box`), with the holes of component `label` it joins
 * (its round edge, not thick both ways), is a disc: as wide as tall and filling about π/4 of its
 * box, as a round button does (a quick settings tile) and a panel of text (a bubble, a card) does not.
 */
function isDisc(parts: Int32Array, r: number, labels: Int32Array, w: number, label: number, box: Box, outside: Uint8Array): boolean {
  const seeds = new Uint8Array(parts.length);
  for (let k = 0; k < seeds.length; k++) if (parts[k] === r) seeds[k] = 1;
  const joined = joinedHoles(seeds, labels, w, label, box, outside);
  let n = 0, x0 = box.w, y0 = box.h, x1 = -1, y1 = -1;
  for (let k = 0; k < joined.length; k++) {
    if (!joined[k]) continue;
    const x = k % box.w, y = (k - x) / box.w;
    n++;
    x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
  }
  const dw = x1 - x0 + 1, dh = y1 - y0 + 1;
  return Math.abs(dw - dh) <= DISC_SLACK * Math.max(dw, dh) && Math.abs(n / (dw * dh) - Math.PI / 4) <= DISC_SLACK;
}

/** How far a disc's width may differ from its height (a share of the larger) and its fill of its box from π/4. */
const DISC_SLACK = 0.06;

/**
 * Gives the holes of component `label` (over `box`) joined (4-connected, through other holes) to
 * a part of `parts` (labels over `box`, -1 for none) that `take` accepts the label of that part,
 * in place; the nearest part's, by steps, where two reach the same hole.
 */
function spreadIntoHoles(parts: Int32Array, take: (r: number) => boolean, labels: Int32Array, w: number, label: number, box: Box, outside: Uint8Array): void {
  const queue = new Int32Array(parts.length);
  let head = 0, tail = 0;
  for (let k = 0; k < parts.length; k++) if (parts[k]! >= 0 && take(parts[k]!)) queue[tail++] = k;
  const visit = (k: number, from: number) => {
    if (parts[k]! >= 0 || outside[k] || labels[(box.y + Math.floor(k / box.w)) * w + box.x + (k % box.w)] === label) return;
    parts[k] = parts[from]!;
    queue[tail++] = k;
  };
  while (head < tail) {
    const k = queue[head++]!;
    const x = k % box.w;
    if (x > 0) visit(k - 1, k);
    if (x < box.w - 1) visit(k + 1, k);
    if (k >= box.w) visit(k - box.w, k);
    if (k + box.w < parts.length) visit(k + box.w, k);
  }
}

/** How far (px) around a picture painted white its rim is painted too. */
const PICTURE_RIM = 2;

/**
 * The fill tone of a panel of tones `hist` when it holds dark text, else 0: its median tone is
 * its fill (a hollow light glyph's fill is its inside, the region's own tone), and more of its
 * pixels are {@link PANEL_TEXT_STEP} darker than the fill than are that much lighter.
 */
function darkTextFill(hist: Uint32Array): number {
  const fill = quantile(hist, 0.5);
  let darker = 0, lighter = 0;
  for (let v = 0; v < 256; v++) {
    if (v < fill - PANEL_TEXT_STEP) darker += hist[v]!;
    else if (v > fill + PANEL_TEXT_STEP) lighter += hist[v]!;
  }
  return darker > lighter ? fill : 0;
}

/** Text differs from its panel's fill (median tone) by at least this. */
const PANEL_TEXT_STEP = 40;

/**
 * The holes of a component (pixels inside it, not in it) that lie in runs of at least `size`
 * holes both across and down: panels rather than the strokes of light text. A mask over `box`
 * and its count.
 */
function thickHoles(labels: Int32Array, w: number, label: number, box: Box, outside: Uint8Array, size: number): { mask: Uint8Array; count: number } {
  const across = holeRunsAcross(labels, w, label, box, outside);
  const down = holeRunsDown(labels, w, label, box, outside);
  const mask = new Uint8Array(box.w * box.h);
  let count = 0;
  for (let k = 0; k < mask.length; k++) {
    if (across[k]! < size || down[k]! < size) continue;
    mask[k] = 1;
    count++;
  }
  return { mask, count };
}

/**
 * Inverts again, against its own tone, each large part of an inverted region that is lighter
 * than the region's background (`background`): the dark grey bubbles of a dark-mode chat, which
 * the region's inversion leaves grey behind their text, turn white. The region is the pixels of
 * `box` that `member` takes (by their index in `box` and on the page). With `nested`, what each
 * part encloses is looked into the same way in turn: a segmented control's selected segment,
 * lighter still than its dark pill, was left mid-grey under its text ("C3]" for 全部).
 */
function invertLighterParts(f: FoundRegions, w: number, box: Box, background: number, member: (k: number, i: number) => boolean, nested = true): void {
  const marks = new Uint8ClampedArray(box.w * box.h).fill(255);
  const tones = new Uint8ClampedArray(box.w * box.h);
  const inRegion = new Uint8Array(box.w * box.h);
  const hist = new Uint32Array(256);
  for (let y = 0, k = 0; y < box.h; y++) {
    for (let x = 0, i = (box.y + y) * w + box.x; x < box.w; x++, k++, i++) {
      tones[k] = f.values[i]!;
      if (member(k, i)) { inRegion[k] = 1; hist[tones[k]!]!++; }
    }
  }
  // Against the region's commonest tone, not its mean: large lighter parts (a dark-mode SMS's
  // grey bubble, 44 on a black page) raise the mean to nearly their own tone.
  let mode = 0;
  for (let v = 1; v < 256; v++) if (hist[v]! > hist[mode]!) mode = v;
  const step = Math.min(background, mode) + LIGHTER_PART_STEP;
  for (let k = 0; k < tones.length; k++) if (inRegion[k] && tones[k]! > step) marks[k] = 0;
  const parts = labelDarkPixels(marks, box.w, box.h, 0);
  const c = measureComponents(parts, tones, box.w);
  for (const r of c.roots) {
    const part = { x: c.x0[r]!, y: c.y0[r]!, w: c.x1[r]! - c.x0[r]! + 1, h: c.y1[r]! - c.y0[r]! + 1 };
    if (part.w < f.min * 2 || part.h < f.min || c.n[r]! < part.w * part.h * 0.45) continue;
    // Within a part, only solid panels: light glyphs run together are as large.
    if (!nested && solidShare(parts.labels, box.w, r, part, SOLID_RADIUS) < NESTED_PANEL_SOLID) continue;
    const tone = c.sum[r]! / c.n[r]!;
    const outside = outsideOfComponent(parts.labels, box.w, r, part);
    const at = { x: box.x + part.x, y: box.y + part.y, w: part.w, h: part.h };
    // A picture (an avatar's grey disc and the white figure on it, in a dark title bar) is
    // painted white: inverted, its figure was read with the name beside it ("om" for 阿傑).
    if (at.w * at.h <= f.out.length * PICTURE_AREA && holdsOnlyShapes(f.values, w, at, outside, (tone + 255) / 2)) {
      fillInside(f.out, f.mask, w, at, outside, 255);
      f.pictures.push(at);
      continue;
    }
    fillInverted(f.out, f.mask, f.values, w, at, outside, Math.max(1, 255 - tone));
    if (nested) invertLighterParts(f, w, at, tone, (k) => !outside[k], false);
  }
}

/**
 * Whether the lighter pixels a region encloses (`values` above `t` inside `box`) form only a few
 * solid shapes, none thin like the strokes of text and none holding anything (a bubble holds its
 * text): an avatar's head and shoulders, a camera icon's lens. Inverted, they would be dark blobs
 * the engine reads as "TN" or "[J".
 */
function holdsOnlyShapes(values: Uint8ClampedArray, w: number, box: Box, outside: Uint8Array, t: number): boolean {
  const marks = new Uint8ClampedArray(box.w * box.h).fill(255);
  for (let y = 0, k = 0; y < box.h; y++) {
    for (let x = 0, i = (box.y + y) * w + box.x; x < box.w; x++, k++, i++) if (!outside[k] && values[i]! > t) marks[k] = 0;
  }
  const parts = labelDarkPixels(marks, box.w, box.h, 0);
  const c = measureComponents(parts, marks, box.w);
  let shapes = 0;
  for (const r of c.roots) {
    const pw = c.x1[r]! - c.x0[r]! + 1, ph = c.y1[r]! - c.y0[r]! + 1;
    if (c.n[r]! < SPECK) continue;
    if (pw < SHAPE_SIDE || ph < SHAPE_SIDE || c.n[r]! < pw * ph * 0.6 || ++shapes > 3) return false;
    // A shape holds nothing: a light panel with text in it (a bubble) is not one.
    const part = { x: c.x0[r]!, y: c.y0[r]!, w: pw, h: ph };
    let enclosed = 0;
    const around = outsideOfComponent(parts.labels, box.w, r, part);
    for (let k = 0; k < around.length; k++) if (!around[k]) enclosed++;
    if (enclosed - c.n[r]! >= SPECK) return false;
  }
  return shapes > 0;
}

/** Most share of the picture's area a region painted white as a picture can cover. */
const PICTURE_AREA = 0.05;
/** Enclosed light specks of fewer pixels than this are noise, neither text nor shape. */
const SPECK = 6;
/** A solid shape inside a region is at least this many pixels across and down. */
const SHAPE_SIDE = 10;

/** Sets the inside of `box` (pixels not `outside`) to `value` in `out` and marks it in `mask`. */
function fillInside(out: Uint8ClampedArray, mask: Uint8Array, w: number, box: Box, outside: Uint8Array, value: number): void {
  for (let y = 0; y < box.h; y++) {
    for (let x = 0, i = (box.y + y) * w + box.x; x < box.w; x++, i++) {
      if (outside[y * box.w + x]) continue;
      out[i] = value;
      mask[i] = 1;
    }
  }
}

/**
 * Paints white the anti-aliased rim of a region just inverted or painted over (`mask` 1), on both
 * sides of its edge: its own pixels within two pixels of an unmarked one, and the unmarked pixels
 * within two pixels of it that are lighter than `t` (text beside the region is darker and kept);
 * the latter are marked 2 in `mask`. Left as they are, the rim's mid tones make a faint dashed
 * outline that the engine reads as brackets and strokes ("TN" around an avatar).
 */
function whitenRim(out: Uint8ClampedArray, mask: Uint8Array, values: Uint8ClampedArray, w: number, h: number, box: Box, t: number): void {
  const x0 = Math.max(0, box.x - 2), x1 = Math.min(w - 1, box.x + box.w + 1);
  const y0 = Math.max(0, box.y - 2), y1 = Math.min(h - 1, box.y + box.h + 1);
  const marked = (x: number, y: number) => x < 0 || y < 0 || x >= w || y >= h ? 0 : mask[y * w + x] === 1 ? 1 : -1;
  const near = (x: number, y: number, want: number) =>
    marked(x - 1, y) === want || marked(x + 1, y) === want || marked(x, y - 1) === want || marked(x, y + 1) === want
    || marked(x - 2, y) === want || marked(x + 2, y) === want || marked(x, y - 2) === want || marked(x, y + 2) === want
    || marked(x - 1, y - 1) === want || marked(x + 1, y - 1) === want || marked(x - 1, y + 1) === want || marked(x + 1, y + 1) === want;
  const rim: number[] = [];
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const i = y * w + x;
      if (mask[i] === 1 ? near(x, y, -1) : !mask[i] && values[i]! > t && near(x, y, 1)) rim.push(i);
    }
  }
  for (const i of rim) { out[i] = 255; if (!mask[i]) mask[i] = 2; }
}

/** How much lighter (0–255) than its region's background a part must be to be inverted on its own. */
const LIGHTER_PART_STEP = 25;
/** Least share of a panel's pixels within a part at the centre of a solid square of them (see {@link solidShare}). */
const NESTED_PANEL_SOLID = 0.5;

/**
 * Brightens the pixels of component `label` (tones `values`) so that its mean tone becomes white;
 * darker text on it stays darker. Pixels of a saturated colour (least channel more than
 * {@link SATURATED_LUMA_STEP} below luma: a yellow bubble of the page's luma, a read count in
 * yellow) are left unmarked to the colour step, which turns pale fills white and keeps coloured
 * text dark.
 */
function whitenComponent(f: FoundRegions, values: Uint8ClampedArray, labels: Int32Array, w: number, label: number, box: Box, mean: number): void {
  const gain = 255 / Math.max(1, mean);
  const { out, mask, luma, values: least } = f;
  for (let y = box.y; y < box.y + box.h; y++) {
    for (let i = y * w + box.x, end = i + box.w; i < end; i++) {
      if (labels[i] !== label || luma[i]! - least[i]! > SATURATED_LUMA_STEP) continue;
      out[i] = values[i]! * gain;
      mask[i] = 1;
    }
  }
}

/** A pixel whose least channel is this far below its tone is of a saturated colour. */
const SATURATED_LUMA_STEP = 50;

/** For each hole pixel of `box`, the length of the horizontal run of holes it lies in (0 elsewhere). */
function holeRunsAcross(labels: Int32Array, w: number, label: number, box: Box, outside: Uint8Array): Uint16Array {
  const runs = new Uint16Array(box.w * box.h);
  for (let y = 0; y < box.h; y++) {
    let start = -1;
    for (let x = 0; x <= box.w; x++) {
      const k = y * box.w + x;
      const hole = x < box.w && !outside[k] && labels[(box.y + y) * w + box.x + x] !== label;
      if (hole) { if (start < 0) start = x; continue; }
      if (start >= 0) { runs.fill(Math.min(65535, x - start), y * box.w + start, k); start = -1; }
    }
  }
  return runs;
}

/** For each hole pixel of `box`, the length of the vertical run of holes it lies in (0 elsewhere). */
function holeRunsDown(labels: Int32Array, w: number, label: number, box: Box, outside: Uint8Array): Uint16Array {
  const runs = new Uint16Array(box.w * box.h);
  const start = new Int32Array(box.w).fill(-1);
  for (let y = 0; y <= box.h; y++) {
    for (let x = 0; x < box.w; x++) {
      const k = y * box.w + x;
      const hole = y < box.h && !outside[k] && labels[(box.y + y) * w + box.x + x] !== label;
      if (hole) { if (start[x]! < 0) start[x] = y; continue; }
      const s = start[x]!;
      if (s < 0) continue;
      const len = Math.min(65535, y - s);
      for (let yy = s; yy < y; yy++) runs[yy * box.w + x] = len;
      start[x] = -1;
    }
  }
  return runs;
}

/**
 * Paints white the solid shapes of a rendered page that are not text: avatars beside chat
 * bubbles, filled icons and markers. The engine reads them as characters ("@" for a round
 * avatar) and, set beside a line, they can pull the line's box over two lines of text. A shape is
 * a connected component of pixels darker than {@link SHAPE_TONE} at least `size` pixels across
 * and down, at least 70% solid and uniform in tone; text is never that solid at that size. One
 * that holds lighter text (strokes, not a few solid shapes like an avatar's figure) is a pill, a
 * translucent date pill over a wallpaper: it is inverted instead, its text turned dark. One that
 * holds text darker than itself ({@link SHAPE_TEXT_SHARE} of its pixels) is a panel, a page dimmed
 * behind a dialog (erased with it, its text was lost): its tone is scaled to white, the text kept
 * dark. The count of all three.
 */
export function eraseSolidShapes(g: GrayRaster, size = Math.max(24, Math.round(Math.min(g.width, g.height) / 25))): { raster: GrayRaster; count: number } {
  const { width: w, height: h } = g;
  const labelling = labelDarkPixels(g.data, w, h, SHAPE_TONE);
  const { labels, count } = labelling;
  const c = measureComponents(labelling, g.data, w);
  const erase: number[] = [];
  const pills: Array<{ box: Box; outside: Uint8Array; mean: number }> = [];
  const panels = new Map<number, number>();
  for (const label of c.roots) {
    const bw = c.x1[label]! - c.x0[label]! + 1, bh = c.y1[label]! - c.y0[label]! + 1;
    if (bw < size || bh < size) continue;
    const n = c.n[label]!;
    if (n < bw * bh * 0.7) continue;
    const mean = c.sum[label]! / n;
    if (c.sumSq[label]! / n - mean * mean > 20 * 20) continue;
    // A shape holds nothing but shapes (an avatar's figure): a pill holding light text (a
    // translucent date pill's white 12月1日 over a wallpaper) is inverted instead, as a date bar.
    const box = { x: c.x0[label]!, y: c.y0[label]!, w: bw, h: bh };
    // Dark text on it: a page dimmed behind a dialog is a panel, lifted to white with its text.
    if (darkerPixels(g.data, labels, w, label, box, mean - PANEL_TEXT_STEP) >= n * SHAPE_TEXT_SHARE) { panels.set(label, mean); continue; }
    const outside = outsideOfComponent(labels, w, label, box);
    if (countInside(labels, g.data, w, label, box, outside).holes >= SPECK && !holdsOnlyShapes(g.data, w, box, outside, (mean + 255) / 2)) pills.push({ box, outside, mean });
    else erase.push(label);
  }
  if (!erase.length && !pills.length && !panels.size) return { raster: g, count: 0 };
  const out = new Uint8ClampedArray(g.data);
  const mask = new Uint8Array(w * h);
  for (const p of pills) fillInverted(out, mask, g.data, w, p.box, p.outside, Math.max(1, 255 - p.mean));
  const marked = new Uint8Array(count);
  for (const label of erase) marked[label] = 1;
  for (let i = 0; i < out.length; i++) {
    const label = labels[i]!;
    if (label < 0) continue;
    if (marked[label]) { out[i] = 255; mask[i] = 1; }
    else if (panels.has(label)) out[i] = (g.data[i]! * 255) / panels.get(label)!;
  }
  for (const label of erase) whitenRim(out, mask, g.data, w, h, { x: c.x0[label]!, y: c.y0[label]!, w: c.x1[label]! - c.x0[label]! + 1, h: c.y1[label]! - c.y0[label]! + 1 }, SHAPE_TONE);
  for (const p of pills) whitenRim(out, mask, g.data, w, h, p.box, SHAPE_TONE);
  return { raster: { width: w, height: h, data: out }, count: erase.length + pills.length + panels.size };
}

/** The pixels of component `label` (over `box`) darker than `below`. */
function darkerPixels(values: Uint8ClampedArray, labels: Int32Array, w: number, label: number, box: Box, below: number): number {
  let n = 0;
  for (let y = box.y; y < box.y + box.h; y++) {
    for (let i = y * w + box.x, end = i + box.w; i < end; i++) if (labels[i] === label && values[i]! < below) n++;
  }
  return n;
}

/** Least share of a shape's pixels in dark text (see {@link PANEL_TEXT_STEP}) that makes it a panel holding text. */
const SHAPE_TEXT_SHARE = 0.005;

/**
 * Marks 255 in `red` the pixels of `d` (RGBA, w × h) red enough for a seal's (`warm`: or brown,
 * orange; see {@link eraseSeals}); their count and box. A loop of its own, over every pixel of
 * every image: V8 compiles it alone, not the whole seal search around it.
 */
function redPixels(d: Uint8ClampedArray, w: number, h: number, warm: boolean, red: Uint8ClampedArray): { count: number; x0: number; y0: number; x1: number; y1: number } {
  let count = 0;
  let x0 = w, y0 = h, x1 = -1, y1 = -1;
  for (let i = 0, j = 0; i < w * h; i++, j += 4) {
    // redness(i), written out: this loop runs over every pixel of every image.
    const r = d[j]!, gr = d[j + 1]!, b = d[j + 2]!;
    if (r > SEAL_RED && (warm ? (gr > r ? 0 : r - b) : r - (gr > b ? gr : b)) > SEAL_REDNESS) {
      red[i] = 255;
      count++;
      const x = i % w, y = (i - x) / w;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      y1 = y;
    }
  }
  return { count, x0, y0, x1, y1 };
}

/**
 * Lifts red seals (公章) off a page so that the text under them reads: a seal is a red component
 * (red exceeding both other channels by {@link SEAL_REDNESS}) at least `size` pixels across and
 * down and at most {@link SEAL_SHARE} of the picture's width and of its height, round, square or
 * oblong (at most {@link SEAL_ASPECT} to 1: a "已付款" stamp) and hollow (its ring; a solid red
 * card is not a seal), with the red parts inside its box (the star, the characters along the
 * ring). The ring with its blurred edges, and the reddish pixels within its box, take their red
 * channel, in which the seal's ink is as light as paper and black text printed over it stays
 * dark. Red text (a bill's red total) is glyph-sized and left alone. With `hues` 'warm', a ring
 * of any warm hue (red over blue by {@link SEAL_REDNESS}, green between them) is lifted the same
 * way: a coffee cup's brown ring over a bill's amounts (read ".00" for "$45.00") is as light as
 * paper in the red channel too. `g` is changed in place; the count of seals.
 */
export function eraseSeals(rgba: RgbaRaster, g: GrayRaster, size = Math.max(40, Math.round(Math.min(g.width, g.height) / 15)), hues: 'red' | 'warm' = 'red'): number {
  const { width: w, height: h } = g;
  const d = rgba.data;
  // Red: red over both other channels. Warm: red over blue, green between them (brown, orange).
  const redness = hues === 'red'
    ? (i: number) => { const j = i * 4; return d[j]! - Math.max(d[j + 1]!, d[j + 2]!); }
    : (i: number) => { const j = i * 4; return d[j + 1]! > d[j]! ? 0 : d[j]! - d[j + 2]!; };
  const red = new Uint8ClampedArray(w * h);
  const { count: count0, x0, y0, x1, y1 } = redPixels(d, w, h, hues === 'warm', red);
  // A ring `size` across holds a tenth of its box at the least; fewer red pixels (a badge, red
  // text) cannot make one, and the search is not worth its time.
  if (count0 < size * size * 0.1 || !spansBothWays(red, w, h, size, SEAL_GAP)) return 0;
  // Grown by a stroke's width, so that the text stamped over a ring does not cut it apart; in
  // the red pixels' box with a margin as wide as they grow (outside it, nothing is red).
  const box = grownBox({ x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 }, SEAL_GAP, SEAL_GAP, g);
  const grown = maxFilter(cropGray({ width: w, height: h, data: red }, box), SEAL_GAP);
  for (let i = 0; i < grown.data.length; i++) grown.data[i] = 255 - grown.data[i]!;
  const inBox = labelDarkPixels(grown.data, box.w, box.h, 0);
  const c = measureComponents(inBox, grown.data, box.w);
  // A seal is a few centimetres across, a fraction of a page; a red-brown desk is not one.
  const maxW = w * SEAL_SHARE, maxH = h * SEAL_SHARE;
  const seals: Array<Box & { label: number }> = [];
  for (const r of c.roots) {
    const bw = c.x1[r]! - c.x0[r]! + 1, bh = c.y1[r]! - c.y0[r]! + 1;
    // Round, square or oblong, not a long red rule; a ring, not a solid red card or button.
    if (bw >= size && bh >= size && bw <= maxW && bh <= maxH && bw < bh * SEAL_ASPECT && bh < bw * SEAL_ASPECT && c.n[r]! < bw * bh * 0.5) seals.push({ x: box.x + c.x0[r]!, y: box.y + c.y0[r]!, w: bw, h: bh, label: r });
  }
  if (!seals.length) return 0;
  const labels = new Int32Array(w * h).fill(-1);
  for (let y = 0; y < box.h; y++) labels.set(inBox.labels.subarray(y * box.w, (y + 1) * box.w), (box.y + y) * w + box.x);
  // A seal is ink on paper: its ring darker than the paper inside it and around it. A warm cast's
  // speckles on a wooden desk are the desk's own tone, and the brown rim where a receipt's paper
  // meets the desk is lighter than the desk outside it: lifting either faded the receipt's text.
  const inked = seals.filter((b) => sealIsInk(g, red, labels, b));
  if (!inked.length) return 0;
  // The lightest tone near each pixel that is neither red nor a seal's (what a seal lies on: a
  // pen's ring drawn across a white chat bubble and the grey page around it lies on both), in each
  // seal's box: looked for in the box grown by the reach of "near", the only pixels it depends on.
  const reach = SEAL_GAP * 2;
  const sealLabels = new Set(inked.map((s) => s.label));
  const lightestNear = (b: Box) => {
    const crop = grownBox(b, reach, reach, g);
    const around = new Uint8ClampedArray(crop.w * crop.h);
    for (let y = 0; y < crop.h; y++) {
      for (let x = 0, i = (crop.y + y) * w + crop.x; x < crop.w; x++, i++) {
        if (!red[i] && redness(i) <= SEAL_REDNESS / 4 && !sealLabels.has(labels[i]!)) around[y * crop.w + x] = g.data[i]!;
      }
    }
    return { near: maxFilter({ width: crop.w, height: crop.h, data: around }, reach).data, crop };
  };
  for (const b of inked) {
    const { near, crop } = lightestNear(b);
    // The paper's tone around the seal (the upper quartile of the pixels in its box that are not
    // the seal's: pink paper is reddish too, and without it only the text was left to measure)
    // and the red of its ink (the median red channel of its red pixels).
    const paperHist = new Uint32Array(256), inkHist = new Uint32Array(256);
    for (let y = b.y; y < b.y + b.h; y++) {
      for (let i = y * w + b.x, end = i + b.w; i < end; i++) {
        if (red[i]) inkHist[d[i * 4]!]!++;
        else if (labels[i] !== b.label) paperHist[g.data[i]!]!++;
      }
    }
    const paper = quantile(paperHist, 0.75), ink = Math.max(1, quantile(inkHist, SEAL_INK_QUANTILE));
    // The ring with its blurred edges (the grown component) and the reddish pixels in the box take
    // their red channel, scaled so that the seal's ink becomes paper, and no lighter than paper.
    for (let y = b.y; y < b.y + b.h; y++) {
      for (let i = y * w + b.x, end = i + b.w, k = (y - crop.y) * crop.w + b.x - crop.x; i < end; i++, k++) {
        const local = near[k]!;
        const under = local ? Math.min(paper, local) : paper;
        if (labels[i] === b.label || redness(i) > SEAL_REDNESS / 4) g.data[i] = Math.max(g.data[i]!, Math.min(under, (d[i * 4]! * under) / ink));
      }
    }
  }
  return inked.length;
}

/**
 * Whether the ring of seal `b` (its red pixels of component `b.label` in `labels`) is darker in
 * `g` by {@link SEAL_CONTRAST} than both the rest of its box (the paper inside the ring, with the
 * text on it) and a band around its box, each by its median tone.
 */
function sealIsInk(g: GrayRaster, red: Uint8ClampedArray, labels: Int32Array, b: Box & { label: number }): boolean {
  const w = g.width;
  const ring = new Uint32Array(256), inside = new Uint32Array(256), around = new Uint32Array(256);
  const o = grownBox(b, SEAL_GAP * 4, SEAL_GAP * 4, g);
  for (let y = o.y; y < o.y + o.h; y++) {
    const rowInside = y >= b.y && y < b.y + b.h;
    for (let x = o.x, i = y * w + o.x; x < o.x + o.w; x++, i++) {
      if (!rowInside || x < b.x || x >= b.x + b.w) around[g.data[i]!]!++;
      else if (labels[i] !== b.label) inside[g.data[i]!]!++;
      else if (red[i]) ring[g.data[i]!]!++;
    }
  }
  const ink = quantile(ring, 0.5);
  // A box at the picture's edge may have no band around it: the paper inside decides alone.
  return ink + SEAL_CONTRAST <= quantile(inside, 0.5) && ink + SEAL_CONTRAST <= quantile(around, 0.5);
}

/**
 * Whether the marked pixels of `mask` (non-zero) could make a component `size` or more across in
 * both directions once grown by `grow` pixels: some `size` rows in a row, and some `size` columns,
 * each within `grow` of a marked one (what a grown component spans, it covers so). Cheap where
 * marked pixels lie scattered about (a chat's red badges and yellow bubbles' orange edges).
 */
export function spansBothWays(mask: Uint8ClampedArray, w: number, h: number, size: number, grow: number): boolean {
  const rows = new Uint8Array(h), cols = new Uint8Array(w);
  for (let y = 0; y < h; y++) {
    for (let i = y * w, x = 0; x < w; x++, i++) if (mask[i]) { rows[y] = 1; cols[x] = 1; }
  }
  return longestCoveredRun(rows, grow) >= size && longestCoveredRun(cols, grow) >= size;
}

/** The longest run of places each within `grow` of a marked one (`marked` non-zero). */
function longestCoveredRun(marked: Uint8Array, grow: number): number {
  let best = 0, start = -1, lastMarked = -Infinity;
  for (let i = 0; i < marked.length; i++) {
    if (marked[i]) {
      // Covered from i - grow; the run goes on when that touches the run so far.
      if (start < 0 || i - grow > lastMarked + grow + 1) start = Math.max(0, i - grow);
      lastMarked = i;
      best = Math.max(best, Math.min(marked.length - 1, i + grow) - start + 1);
    }
  }
  return best;
}

/**
 * Lifts a highlighter's bands off a photographed or scanned page: a line marked with a pink or
 * yellow pen is a band of light colour the engine takes for a picture, its text left unread (two
 * lines of a letter lost, 37 % CER). A band is a component of light, strongly coloured pixels
 * (luma ≥ {@link HIGHLIGHT_LUMA}, brightest channel ≥ {@link HIGHLIGHT_BRIGHT}, channels
 * {@link HIGHLIGHT_CHROMA} apart) at least
 * {@link HIGHLIGHT_HEIGHT} px tall, {@link HIGHLIGHT_LENGTH} times as wide as tall, filling
 * {@link HIGHLIGHT_FILL} of its box (solid around the text it marks: a line of orange text is
 * strokes, a fifth to a third of its box). In its box, coloured pixels take their brightest
 * channel, in which the pen's ink is as light as paper and the text under it stays dark. On a
 * page whose light pixels are mostly of such colour ({@link HIGHLIGHT_PAPER_SHARE}), the colour
 * is the paper's and nothing is lifted. `g` is changed in place; the count of bands.
 */
export function liftHighlights(rgba: RgbaRaster, g: GrayRaster): number {
  const { width: w, height: h } = g;
  const d = rgba.data;
  // Marked pixels dark (0) for the component search: light, bright and coloured. The channels'
  // extremes are taken where they are needed, in one pass over the light pixels.
  const marks = new Uint8ClampedArray(w * h).fill(255);
  const extremes = new Uint8ClampedArray(2);
  // On paper of a highlighter's colour (a carbonless form's yellow sheet), the colour is the
  // paper's, not a pen's: its cells, lifted where their pixels are coloured enough, turned grainy.
  let light = 0, marked = 0;
  for (let i = 0; i < w * h; i++) {
    if (g.data[i]! < HIGHLIGHT_LUMA) continue;
    light++;
    channelExtremes(d, i * 4, extremes);
    if (extremes[0]! - extremes[1]! >= HIGHLIGHT_CHROMA && extremes[0]! >= HIGHLIGHT_BRIGHT) { marks[i] = 0; marked++; }
  }
  if (marked >= HIGHLIGHT_PAPER_SHARE * light) return 0;
  const bands = inkComponents(marks, w, h, 0).filter(({ box, n }) => box.h >= HIGHLIGHT_HEIGHT && box.h <= h / 4 && box.w >= HIGHLIGHT_LENGTH * box.h && n >= HIGHLIGHT_FILL * box.w * box.h);
  for (const { box } of bands) {
    for (let y = box.y; y < box.y + box.h; y++) {
      for (let i = y * w + box.x, end = i + box.w; i < end; i++) {
        channelExtremes(d, i * 4, extremes);
        if (extremes[0]! - extremes[1]! >= HIGHLIGHT_CHROMA / 2) g.data[i] = Math.max(g.data[i]!, extremes[0]!);
      }
    }
  }
  return bands.length;
}

/** Share of a page's light pixels in a highlighter's colour beyond which the colour is the paper's (see {@link liftHighlights}). */
const HIGHLIGHT_PAPER_SHARE = 0.5;
/** Least brightest channel (0–255) of a highlighter's ink (see {@link liftHighlights}). */
const HIGHLIGHT_BRIGHT = 180;
/** Least spread of its channels. */
const HIGHLIGHT_CHROMA = 40;
/** Least luma: a pen's ink is light (pink 193, yellow 230); a red banner under white text (luma 80) is no mark. */
const HIGHLIGHT_LUMA = 150;
/** Least height (px) of a band. */
const HIGHLIGHT_HEIGHT = 12;
/** How many times as wide as tall a band is at least. */
const HIGHLIGHT_LENGTH = 3;
/** Share of its box a band fills at least. */
const HIGHLIGHT_FILL = 0.5;

/** How much a seal's red exceeds its green and blue (0–255). */
const SEAL_REDNESS = 40;
/** A seal spans at most this share of the picture's width and of its height. */
const SEAL_SHARE = 0.4;
/** A seal is at most this many times as wide as tall, or as tall as wide (a round 公章, an oblong 已付款 stamp). */
const SEAL_ASPECT = 3.5;
/** How much darker (0–255) a seal's ring is at least than the paper inside it and around it. */
const SEAL_CONTRAST = 12;
/** Half the widest gap (px) that text stamped over a seal's ring can cut into it. */
const SEAL_GAP = 3;
/** Least red channel of a seal's ink (0–255). */
const SEAL_RED = 120;
/**
 * The quantile of a seal's red channel taken as its ink's: its ink at or above it becomes paper.
 * The ink's red varies (a JPEG's blocks, a stamp's uneven pressure): scaled by its median, half of
 * it stayed grey, a ring drawn in outline the gamma step then darkened.
 */
const SEAL_INK_QUANTILE = 0.2;

/** The value below which a fraction `q` of the counts of `hist` lie. */
function quantile(hist: Uint32Array, q: number): number {
  let n = 0;
  for (const c of hist) n += c;
  for (let v = 0, seen = 0; v < 256; v++) { seen += hist[v]!; if (seen > n * q) return v; }
  return 255;
}

/**
 * Cleans the salt-and-pepper noise of a black-and-white image (a fax, a scan saved in two
 * colours): a black speck of one or two pixels with no other black pixel around it becomes white,
 * a lone white pixel inside black becomes black. Upscaled for reading, the specks turned into
 * blots the engine took for text (a faxed letter's CER 21 % against 5 % without them). Only on
 * images whose pixels are nearly all pure black or white ({@link BILEVEL_SHARE}): anti-aliased
 * text has no such specks, and its full stops are larger. Returns the number of pixels changed.
 */
export function removeSpeckles(g: GrayRaster): number {
  const { width: w, height: h, data: d } = g;
  let extreme = 0;
  for (let i = 0; i < d.length; i++) if (d[i]! <= 8 || d[i]! >= 247) extreme++;
  if (w < 3 || h < 3 || extreme < BILEVEL_SHARE * d.length) return 0;
  const dark = (i: number) => d[i]! < 128;
  const flips: number[] = [];
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x, k = dark(i);
      // Neighbours of the same colour, and the one there is when exactly one.
      let same = 0, other = -1;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
        if ((dx || dy) && dark(i + dy * w + dx) === k) { same++; other = i + dy * w + dx; }
      }
      if (same === 0) flips.push(i);
      // A black pair: the two, each with the other as its only black neighbour.
      else if (k && same === 1 && other > i) {
        let pair = 0;
        const ox = other % w, oy = (other - ox) / w;
        if (ox > 0 && ox < w - 1 && oy > 0 && oy < h - 1) {
          for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) if ((dx || dy) && dark(other + dy * w + dx)) pair++;
          if (pair === 1) flips.push(i, other);
        }
      }
    }
  }
  for (const i of flips) d[i] = dark(i) ? 255 : 0;
  return flips.length;
}

/**
 * The grain of a photo: the mean distance (0–255) of a pixel from the median of its 3 × 3
 * neighbourhood, over every fourth row and every other column. Phone photos read well run 3–7;
 * one taken in dim light (the sensor's gain turned up) 11, whose grain, stretched with the
 * contrast, hid all its text from the engine's layout analysis.
 */
export function grainLevel(g: GrayRaster): number {
  const { width: w, height: h, data } = g;
  let sum = 0, n = 0;
  for (let y = 1; y < h - 1; y += 4) {
    for (let x = 1, i = y * w + 1; x < w - 1; x += 2, i += 2) {
      sum += Math.abs(data[i]! - medianAt(data, i, w));
      n++;
    }
  }
  return n ? sum / n : 0;
}

/** Grain above which a photo is smoothed with {@link median3} before anything else. */
const GRAIN_LEVEL = 9;

/** The 3 × 3 median of each pixel (the border as it is). */
export function median3(g: GrayRaster): GrayRaster {
  const { width: w, height: h, data } = g;
  const out = new Uint8ClampedArray(data);
  for (let y = 1; y < h - 1; y++) for (let x = 1, i = y * w + 1; x < w - 1; x++, i++) out[i] = medianAt(data, i, w);
  return { width: w, height: h, data: out };
}

/** The median of the 3 × 3 pixels around `i` (a raster `w` wide, not on its border): a sorting network of 19 exchanges. */
function medianAt(d: Uint8ClampedArray, i: number, w: number): number {
  let p0 = d[i - w - 1]!, p1 = d[i - w]!, p2 = d[i - w + 1]!, p3 = d[i - 1]!, p4 = d[i]!, p5 = d[i + 1]!, p6 = d[i + w - 1]!, p7 = d[i + w]!, p8 = d[i + w + 1]!, t: number;
  if (p1 > p2) { t = p1; p1 = p2; p2 = t; }
  if (p4 > p5) { t = p4; p4 = p5; p5 = t; }
  if (p7 > p8) { t = p7; p7 = p8; p8 = t; }
  if (p0 > p1) { t = p0; p0 = p1; p1 = t; }
  if (p3 > p4) { t = p3; p3 = p4; p4 = t; }
  if (p6 > p7) { t = p6; p6 = p7; p7 = t; }
  if (p1 > p2) { t = p1; p1 = p2; p2 = t; }
  if (p4 > p5) { t = p4; p4 = p5; p5 = t; }
  if (p7 > p8) { t = p7; p7 = p8; p8 = t; }
  if (p0 > p3) { p3 = p0; }
  if (p5 > p8) { p5 = p8; }
  if (p4 > p7) { t = p4; p4 = p7; p7 = t; }
  if (p3 > p6) { p6 = p3; }
  if (p1 > p4) { p4 = p1; }
  if (p2 > p5) { p2 = p5; }
  if (p4 > p7) { p4 = p7; }
  if (p4 > p2) { t = p4; p4 = p2; p2 = t; }
  if (p6 > p4) { p4 = p6; }
  if (p4 > p2) { p4 = p2; }
  return p4;
}

/** Share of pure black or white pixels (within 8 of either) that makes an image black and white. */
const BILEVEL_SHARE = 0.98;

/**
 * The least-channel tone of a colour screenshot (`least`, changed in place) with the thin strokes
 * of bright saturated colour set to their brightest channel (`brightest`): in the least channel a
 * blue bubble is as dark as a dark screen (so that its white text is inverted with it), but so is
 * a blue link written on a dark screen (#0a84ff: least channel 10 on #1c1c1e's 28), whose
 * text vanished. Saturated pixels ({@link SATURATED_BRIGHT} or more in their brightest channel,
 * {@link SATURATED_STEP} less in their least) that an opening of {@link COLOURED_STROKE} pixels
 * removes, that lie beside dark pixels and make glyphs in a row of {@link COLOURED_RUN} or more
 * (not an icon drawn in the app's colour), are text; larger areas (bubbles, cards) and the thin
 * parts of them between their white letters keep the least channel.
 */
export function keepColouredStrokes(least: GrayRaster, brightest: GrayRaster): GrayRaster {
  const w = least.width;
  let x0 = w, y0 = least.height, x1 = -1, y1 = -1;
  for (let i = 0; i < least.data.length; i++) {
    if (brightest.data[i]! >= SATURATED_BRIGHT && brightest.data[i]! - least.data[i]! >= SATURATED_STEP) {
      const x = i % w, y = (i - x) / w;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      y1 = y;
    }
  }
  if (x1 < 0) return least;
  // Everything below happens in the saturated pixels' box, with a margin as wide as an opening
  // reaches: outside it, nothing is saturated and nothing changes. (What the colour encloses is
  // judged in the box too: a part touching the box's edge reaches the image's border through the
  // unsaturated pixels all around the box.)
  const m = 2 * COLOURED_STROKE + 1;
  const box = grownBox({ x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 }, m, m, least);
  const lo = cropGray(least, box), hi = cropGray(brightest, box);
  const n = lo.data.length, bw = box.w, bh = box.h;
  const marks = new Uint8ClampedArray(n).fill(255);
  for (let i = 0; i < n; i++) if (hi.data[i]! >= SATURATED_BRIGHT && hi.data[i]! - lo.data[i]! >= SATURATED_STEP) marks[i] = 0;
  const opened = openDarkMask({ width: bw, height: bh, data: marks }, 0, COLOURED_STROKE);
  // Written on a dark screen: dark pixels close by (a red total on white paper keeps its tone).
  const dark = new Uint8ClampedArray(n);
  for (let i = 0; i < n; i++) dark[i] = marks[i] !== 0 && hi.data[i]! < DARK_SURROUND ? 255 : 0;
  const onDark = maxFilter({ width: bw, height: bh, data: dark }, COLOURED_STROKE);
  const strokes = new Uint8ClampedArray(n).fill(255);
  for (let i = 0; i < n; i++) if (marks[i] === 0 && opened[i] !== 0 && onDark.data[i] === 255) strokes[i] = 0;
  addBoldGlyphs(marks, strokes, hi);
  // Text, not an icon drawn in the app's colour: glyphs in a row, at least COLOURED_RUN of them.
  const { labels, components } = labelledInkComponents(strokes, bw, bh, 0);
  const enclosed = components.length ? enclosedByColour(opened, bw, bh, labels) : new Set<number>();
  const glyphs = components.filter((c) => c.n >= 4 && !enclosed.has(c.label));
  const parent = Int32Array.from(glyphs, (_, k) => k);
  const root = (k: number) => findRoot(parent, k);
  const byX = glyphs.map((_, k) => k).sort((a, b) => glyphs[a]!.box.x - glyphs[b]!.box.x);
  for (let a = 0; a < byX.length; a++) {
    const p = glyphs[byX[a]!]!.box;
    for (let b = a + 1; b < byX.length; b++) {
      const q = glyphs[byX[b]!]!.box;
      const reach = 1.5 * Math.max(p.h, q.h);
      if (q.x - (p.x + p.w) > reach) break;
      const overlap = Math.min(p.y + p.h, q.y + q.h) - Math.max(p.y, q.y);
      if (overlap >= 0.5 * Math.min(p.h, q.h)) parent[root(byX[a]!)] = root(byX[b]!);
    }
  }
  const size = new Map<number, number>();
  glyphs.forEach((_, k) => size.set(root(k), (size.get(root(k)) ?? 0) + 1));
  const text = new Set(glyphs.filter((_, k) => size.get(root(k))! >= COLOURED_RUN).map((c) => c.label));
  if (!text.size) return least;
  for (let y = 0; y < bh; y++) {
    for (let x = 0, i = y * bw, j = (box.y + y) * w + box.x; x < bw; x++, i++, j++) if (labels[i]! >= 0 && text.has(labels[i]!)) least.data[j] = brightest.data[j]!;
  }
  return least;
}

/**
 * Marks in `strokes` (0) the glyphs of bold coloured text on a dark screen, whose strokes an
 * opening does not remove (a 64 px amount in orange on a dark card, its least channel as dark as
 * the card): components of saturated pixels (`marks` 0) of a glyph's size ({@link BOLD_GLYPH}
 * px tall at most, at most twice as wide as tall) whose box around them is mostly dark (a small
 * bubble's box is its fill and its white letters).
 */
function addBoldGlyphs(marks: Uint8ClampedArray, strokes: Uint8ClampedArray, brightest: GrayRaster): void {
  const { width: w, height: h } = brightest;
  const { labels, components } = labelledInkComponents(marks, w, h, 0);
  for (const c of components) {
    const { x, y, w: bw, h: bh } = c.box;
    if (bh < 8 || bh > BOLD_GLYPH || bw > 2 * bh || c.n < 4 * COLOURED_STROKE * COLOURED_STROKE) continue;
    let dark = 0, rest = 0;
    for (let yy = y; yy < y + bh; yy++) for (let i = yy * w + x, end = i + bw; i < end; i++) {
      if (labels[i] === c.label) continue;
      rest++;
      if (brightest.data[i]! < DARK_SURROUND) dark++;
    }
    if (!rest || dark < rest * 0.5) continue;
    for (let yy = y; yy < y + bh; yy++) for (let i = yy * w + x, end = i + bw; i < end; i++) if (labels[i] === c.label) strokes[i] = 0;
  }
}

/** Tallest (px) a glyph of bold coloured text is taken to be. */
const BOLD_GLYPH = 160;

/**
 * The labels (of `labels`) of the strokes that an area of saturated colour encloses (`thick`: 0
 * over the areas thick enough to survive the opening): the slivers of a green bubble between and
 * inside its black letters, dark pixels close by, are the bubble's fill, not coloured text. What
 * the areas enclose is a component of the pixels outside them that does not reach the image's
 * border; a link on a dark screen lies in the screen, which does.
 */
function enclosedByColour(thick: Uint8ClampedArray, w: number, h: number, labels: Int32Array): Set<number> {
  const rest = new Uint8ClampedArray(thick.length);
  for (let i = 0; i < rest.length; i++) rest[i] = thick[i] === 0 ? 255 : 0;
  const parts = labelledInkComponents(rest, w, h, 0);
  const inner = new Set(parts.components.filter((c) => c.box.x > 0 && c.box.y > 0 && c.box.x + c.box.w < w && c.box.y + c.box.h < h).map((c) => c.label));
  const enclosed = new Set<number>();
  if (!inner.size) return enclosed;
  for (let i = 0; i < labels.length; i++) if (labels[i]! >= 0 && inner.has(parts.labels[i]!)) enclosed.add(labels[i]!);
  return enclosed;
}

/** The brightest channel of a saturated colour's pixels, at least. */
const SATURATED_BRIGHT = 150;
/** How much darker than its brightest channel a saturated colour's least channel is, at least. */
const SATURATED_STEP = 100;
/** Half the width (px) of the coloured strokes that {@link keepColouredStrokes} finds. */
const COLOURED_STROKE = 4;
/** Coloured glyphs in a row that make text rather than icons, at least. */
const COLOURED_RUN = 4;
/** The brightest channel of a dark screen's pixels, at most. */
const DARK_SURROUND = 90;

/**
 * Joins the dots of dot-matrix print into strokes: a machine-printed invoice's values, printed by
 * a dot-matrix printer over its form, are glyphs of separate dots the engine does not see as text
 * (none of them read: 61 % CER). Print is dot-matrix when at least {@link DOT_MIN} of the ink's
 * components, and {@link DOT_SHARE} of them, are dots (at most {@link DOT_SIZE} px across, two
 * pixels or more) with two or more other dots within {@link DOT_PITCH} px, most of them
 * ({@link DOT_SAME}) of one size and at one distance from their nearest: a glyph's grid (a photo's
 * grain comes in all sizes at all distances, the dots of 灬 are a few among a page's strokes).
 * Around the dots alone (elsewhere the page is left as it is), the page is blurred and its tones
 * stretched ({@link DOT_LEVEL}), only ever darkened: the dots run into strokes of about their own
 * weight (a darkest-of-neighbours filter made them too bold to read, 20 % CER). Returns the raster
 * (a copy) and the count of dots, or the same raster and 0.
 */
export function joinDots(g: GrayRaster): { raster: GrayRaster; dots: number } {
  const { width: w, height: h, data } = g;
  // A blurred print's dots run together at the ink's usual threshold and break up at darker ones:
  // the threshold finding the most is kept.
  const otsu = Math.min(DOT_INK, otsuThreshold(histogram(g)));
  let gridded: Array<{ box: Box }> = [];
  for (const share of DOT_THRESHOLDS) {
    const found = griddedDots(data, w, h, Math.round(otsu * share));
    if (found.length > gridded.length) gridded = found;
  }
  if (!gridded.length) return { raster: g, dots: 0 };
  // Where the dots are (each dot's box grown by a glyph's width: dots too light to count lie
  // amid them).
  const near = new Uint8Array(w * h), r = DOT_PITCH * 3;
  for (const d of gridded) {
    for (let y = Math.max(0, d.box.y - r); y < Math.min(h, d.box.y + d.box.h + r); y++) near.fill(1, y * w + Math.max(0, d.box.x - r), y * w + Math.min(w, d.box.x + d.box.w + r));
  }
  // Blurred (two 3 × 3 means) and stretched, the dots run into strokes of their own weight.
  const blurred = boxBlur(boxBlur(g, 1), 1).data;
  const out = new Uint8ClampedArray(data);
  // Only darkened: the paper's grain and a rule through the dots stay as they were.
  for (let i = 0; i < out.length; i++) if (near[i]) out[i] = Math.min(data[i]!, ((blurred[i]! - DOT_LEVEL[0]) * 255) / (DOT_LEVEL[1] - DOT_LEVEL[0]));
  return { raster: { width: w, height: h, data: out }, dots: gridded.length };
}

/**
 * The dots of dot-matrix print among the ink ≤ `t` of `data` (w × h), each with two or more other
 * dots within {@link DOT_PITCH} px; none unless at least {@link DOT_MIN} of them make up
 * {@link DOT_SHARE} of the ink's components (see {@link joinDots}).
 */
function griddedDots(data: Uint8ClampedArray, w: number, h: number, t: number): Array<{ box: Box }> {
  const components = inkComponents(data, w, h, t).filter((c) => c.n >= 2);
  // Dots, and dots run together in twos or threes.
  const dots = components.filter((c) => c.box.w <= DOT_SIZE && c.box.h <= DOT_SIZE && c.n <= DOT_AREA);
  if (dots.length < DOT_MIN) return [];
  // Dot centres bucketed by cells of the pitch: the neighbours of a dot lie in the 3 × 3 cells around its own.
  const cw = Math.ceil(w / DOT_PITCH), ch = Math.ceil(h / DOT_PITCH);
  const cells = new Map<number, Array<[number, number]>>();
  const centre = (c: { box: Box }): [number, number] => [c.box.x + c.box.w / 2, c.box.y + c.box.h / 2];
  for (const d of dots) {
    const [x, y] = centre(d);
    const k = Math.floor(y / DOT_PITCH) * cw + Math.floor(x / DOT_PITCH);
    const list = cells.get(k);
    if (list) list.push([x, y]); else cells.set(k, [[x, y]]);
  }
  // Each dot's nearest dot (half-pixel steps) and its size, for the dots with two neighbours.
  const pitches = new Map<number, number>(), sizes = new Map<number, number>();
  const gridded = dots.filter((d) => {
    const [x, y] = centre(d);
    const cx = Math.floor(x / DOT_PITCH), cy = Math.floor(y / DOT_PITCH);
    let n = 0, nearest = Infinity;
    for (let j = Math.max(0, cy - 1); j <= Math.min(ch - 1, cy + 1); j++) {
      for (let i = Math.max(0, cx - 1); i <= Math.min(cw - 1, cx + 1); i++) {
        for (const [px, py] of cells.get(j * cw + i) ?? []) {
          const r = Math.hypot(px - x, py - y);
          if ((px !== x || py !== y) && r <= DOT_PITCH) { n++; nearest = Math.min(nearest, r); }
        }
      }
    }
    if (n < 2) return false;
    const p = Math.round(nearest * 2), z = d.box.w * 16 + d.box.h;
    pitches.set(p, (pitches.get(p) ?? 0) + 1);
    sizes.set(z, (sizes.get(z) ?? 0) + 1);
    return true;
  });
  if (gridded.length < DOT_MIN || gridded.length < components.length * DOT_SHARE) return [];
  // A printer's dots are alike and evenly spaced; grain comes in all sizes at all distances.
  const most = (m: Map<number, number>) => Math.max(...m.values()) / gridded.length;
  return most(pitches) >= DOT_SAME && most(sizes) >= DOT_SAME ? gridded : [];
}

/** Least count of dots in a glyph's grid for print to be dot-matrix (see {@link joinDots}). */
const DOT_MIN = 150;
/** Widest and tallest (px) a printer's dot, or a few of them run together, is. */
const DOT_SIZE = 6;
/** Most pixels such a dot holds. */
const DOT_AREA = 16;
/** Share of the ink's components that are dots in a glyph's grid. */
const DOT_SHARE = 0.5;
/** Farthest (px) from a dot its neighbours in a glyph lie. */
const DOT_PITCH = 6;
/** Share of the dots of one size, and share at one distance (to half a pixel) from their nearest dot. */
const DOT_SAME = 0.4;
/** The thresholds dots are looked for at, as shares of the ink's (see {@link joinDots}). */
const DOT_THRESHOLDS = [1, 0.8, 0.6] as const;
/** The blurred dots' tones stretched from the first (black) to the second (white). */
const DOT_LEVEL = [51, 230] as const;
/** Darkest threshold for ink when looking for dots (an Otsu threshold above it is capped). */
const DOT_INK = 160;

/** Pixels darker than this can belong to a shape {@link eraseSolidShapes} paints white. */
const SHAPE_TONE = 200;

/** A connected component of ink: its box and its count of pixels. */
export type InkComponent = { box: Box; n: number };

/** The 4-connected components of the pixels ≤ `t` of `data` (w × h): bounding box and pixel count of each. */
export function inkComponents(data: Uint8ClampedArray, w: number, h: number, t: number): InkComponent[] {
  // Without a label per pixel: only the components are wanted (a page's worth of labels is 4
  // bytes a pixel, every one of them written).
  const c = measureComponents(labelDarkPixels(data, w, h, t, false), data, w);
  return componentsOf(c);
}

/**
 * Like {@link inkComponents}, with each pixel's component: `labels` holds, per pixel, the `label`
 * of its component (−1 for light pixels).
 */
export function labelledInkComponents(data: Uint8ClampedArray, w: number, h: number, t: number): { labels: Int32Array; components: Array<{ label: number; box: Box; n: number }> } {
  const labelling = labelDarkPixels(data, w, h, t);
  const { labels } = labelling;
  return { labels, components: componentsOf(measureComponents(labelling, data, w)) };
}

/** The components measured by {@link measureComponents}: label, box and count of pixels of each. */
function componentsOf(c: ReturnType<typeof measureComponents>): Array<{ label: number; box: Box; n: number }> {
  return c.roots.map((r) => ({ label: r, box: { x: c.x0[r]!, y: c.y0[r]!, w: c.x1[r]! - c.x0[r]! + 1, h: c.y1[r]! - c.y0[r]! + 1 }, n: c.n[r]! }));
}

/** Root of `a` in a union-find forest, halving the path on the way. */
function findRoot(parent: Int32Array, a: number): number {
  while (parent[a] !== a) { parent[a] = parent[parent[a]!]!; a = parent[a]!; }
  return a;
}

/**
 * 4-connected labelling of the pixels ≤ `t` with union-find over runs: each row's runs of dark
 * pixels take the label of the runs above that they touch (joining those), or a new one; a run's
 * pixels get its label with one fill. Provisional labels (−1 for light pixels) and the forest
 * joining them; a label's parent is never larger than itself. Each dark run's label is kept with
 * it; without `perPixel`, the labels are not written out per pixel (`labels` is empty).
 */
function labelDarkPixels(data: Uint8ClampedArray, w: number, h: number, t: number, perPixel = true): { labels: Int32Array; parent: Int32Array; count: number; runs: DarkRuns } {
  // With `perPixel`, every pixel is written once, light runs −1 as they are passed. The dark runs
  // are counted first, so the arrays are sized once: the loop (in a function of its own, compiled
  // on its own) never grows them. (Sized for the most a row can hold, ⌈w/2⌉, they took 32 bytes a
  // pixel to clear, slower than counting.)
  const labels = new Int32Array(perPixel ? w * h : 0);
  const most = Math.max(1, countDarkRuns(data, w, h, Math.floor(t)));
  const parent = new Int32Array(most), runAt = new Int32Array(most), runLength = new Int32Array(most), runLabel = new Int32Array(most);
  const total = new Int32Array(1);
  // The pixels are whole numbers: a threshold's fraction changes nothing, and a whole one keeps
  // the loop's comparisons on small integers (one threshold with a fraction, and it was compiled again).
  const count = labelRuns(data, w, h, Math.floor(t), labels, parent, runAt, runLength, runLabel, total);
  return { labels, parent, count, runs: { at: runAt, length: runLength, label: runLabel, count: total[0]! } };
}

/** How many runs of pixels ≤ `t` the rows of a raster w × h hold. */
function countDarkRuns(data: Uint8ClampedArray, w: number, h: number, t: number): number {
  let n = 0;
  for (let y = 0; y < h; y++) {
    let light = true;
    for (let i = y * w, end = i + w; i < end; i++) {
      const dark = data[i]! <= t;
      if (dark && light) n++;
      light = !dark;
    }
  }
  return n;
}

/**
 * The loop of {@link labelDarkPixels}: labels, parents and dark runs into the arrays given, the
 * count of runs into `runs` (as each is found: no step after the loop, which V8 can compile
 * while the loop runs, before that step has ever run); returns the count of labels.
 */
function labelRuns(data: Uint8ClampedArray, w: number, h: number, t: number, labels: Int32Array, parent: Int32Array, runAt: Int32Array, runLength: Int32Array, runLabel: Int32Array, runs: Int32Array): number {
  // Labels per pixel only into a labels array of the raster's size (an empty one: none).
  const perPixel = labels.length > 0;
  let count = 0, total = 0;
  // The previous row's runs and the current row's: start, end (exclusive) and label.
  let prevStart = new Int32Array(w), prevEnd = new Int32Array(w), prevLabel = new Int32Array(w);
  let curStart = new Int32Array(w), curEnd = new Int32Array(w), curLabel = new Int32Array(w);
  let prevRuns = 0;
  for (let y = 0; y < h; y++) {
    const row = y * w;
    let inRow = 0, j = 0;
    for (let x = 0; x < w; ) {
      if (data[row + x]! > t) {
        const light = x;
        while (x < w && data[row + x]! > t) x++;
        if (perPixel) labels.fill(-1, row + light, row + x);
        continue;
      }
      const start = x;
      while (x < w && data[row + x]! <= t) x++;
      // Runs above that share a column with [start, x); the last of them can reach under the
      // next run too, so j stays on the first.
      while (j < prevRuns && prevEnd[j]! <= start) j++;
      let label = -1;
      for (let k = j; k < prevRuns && prevStart[k]! < x; k++) {
        const r = findRoot(parent, prevLabel[k]!);
        if (label < 0) label = r;
        else if (r !== label) {
          const a = findRoot(parent, label);
          if (a !== r) parent[Math.max(a, r)] = Math.min(a, r);
          label = Math.min(a, r);
        }
      }
      if (label < 0) {
        label = count;
        parent[count] = count;
        count++;
      }
      if (perPixel) labels.fill(label, row + start, row + x);
      curStart[inRow] = start; curEnd[inRow] = x; curLabel[inRow] = label;
      inRow++;
      runAt[total] = row + start; runLength[total] = x - start; runLabel[total] = label;
      runs[0] = ++total;
    }
    // Swapped by hand: a destructuring swap goes through the iteration protocol.
    const start = prevStart, end = prevEnd, label = prevLabel;
    prevStart = curStart; prevEnd = curEnd; prevLabel = curLabel;
    curStart = start; curEnd = end; curLabel = label;
    prevRuns = inRow;
  }
  return count;
}

/** The dark runs of a labelling: each one's first pixel's index in the raster, its length and its (provisional) label. */
interface DarkRuns {
  at: Int32Array;
  length: Int32Array;
  label: Int32Array;
  count: number;
}

/**
 * Resolves every label to its component's root (in place, when the labelling kept them per
 * pixel) and measures each component: bounds, pixel count, sum and sum of squares of `values`;
 * roots in order of first appearance. Only the dark runs of `labelling` ({@link labelDarkPixels},
 * of a raster `w` wide) are visited.
 */
function measureComponents({ labels, parent, count, runs }: ReturnType<typeof labelDarkPixels>, values: Uint8ClampedArray, w: number) {
  const x0 = new Int32Array(count), y0 = new Int32Array(count), x1 = new Int32Array(count), y1 = new Int32Array(count);
  const n = new Float64Array(count), sum = new Float64Array(count), sumSq = new Float64Array(count);
  const roots: number[] = [];
  // Each provisional label's root, resolved once: a parent is always a smaller label.
  const root = new Int32Array(count);
  for (let k = 0; k < count; k++) root[k] = parent[k] === k ? k : root[parent[k]!]!;
  for (let k = 0; k < runs.count; k++) {
    const at = runs.at[k]!, length = runs.length[k]!;
    const y = Math.floor(at / w), start = at - y * w, end = start + length - 1;
    const l = runs.label[k]!, r = root[l]!;
    if (r !== l && labels.length) labels.fill(r, at, at + length);
    let s = 0, sq = 0;
    for (let i = at; i < at + length; i++) {
      const v = values[i]!;
      s += v;
      sq += v * v;
    }
    if (n[r] === 0) { roots.push(r); x0[r] = start; y0[r] = y; x1[r] = end; }
    else {
      if (start < x0[r]!) x0[r] = start;
      if (end > x1[r]!) x1[r] = end;
    }
    y1[r] = y;
    n[r]! += length; sum[r]! += s; sumSq[r]! += sq;
  }
  return { roots, x0, y0, x1, y1, n, sum, sumSq };
}

/**
 * The pixels of `box` reachable from its border without crossing component `label`, as a mask
 * over the box. Each pixel is pushed at most once (marked when pushed): a typed stack of the
 * box's size.
 */
function outsideOfComponent(labels: Int32Array, w: number, label: number, box: Box): Uint8Array {
  const bw = box.w, bh = box.h;
  const outside = new Uint8Array(bw * bh);
  const stack = new Int32Array(bw * bh);
  let top = 0;
  const push = (x: number, y: number) => {
    const k = y * bw + x;
    if (outside[k] || labels[(box.y + y) * w + box.x + x] === label) return;
    outside[k] = 1;
    stack[top++] = k;
  };
  for (let x = 0; x < bw; x++) { push(x, 0); push(x, bh - 1); }
  for (let y = 0; y < bh; y++) { push(0, y); push(bw - 1, y); }
  while (top > 0) {
    const k = stack[--top]!;
    const x = k % bw, y = (k - x) / bw;
    if (x > 0) push(x - 1, y);
    if (x < bw - 1) push(x + 1, y);
    if (y > 0) push(x, y - 1);
    if (y < bh - 1) push(x, y + 1);
  }
  return outside;
}

/** Pixels of `box` not outside the component (its inside), how many of them are not in it (holes), and the holes' mean value. */
function countInside(labels: Int32Array, values: Uint8ClampedArray, w: number, label: number, box: Box, outside: Uint8Array): { inside: number; holes: number; holeTone: number } {
  let inside = 0;
  let holes = 0;
  let holeTone = 0;
  for (let y = 0; y < box.h; y++) {
    for (let x = 0; x < box.w; x++) {
      if (outside[y * box.w + x]) continue;
      inside++;
      const i = (box.y + y) * w + box.x + x;
      if (labels[i] !== label) { holes++; holeTone += values[i]!; }
    }
  }
  return { inside, holes, holeTone: holes ? holeTone / holes : 0 };
}

/** Inverts the inside of a region into `out` (its background renormalised to white) and marks it in `mask`. */
function fillInverted(out: Uint8ClampedArray, mask: Uint8Array, values: Uint8ClampedArray, w: number, box: Box, outside: Uint8Array, bgInv: number): void {
  for (let y = 0; y < box.h; y++) {
    for (let x = 0; x < box.w; x++) {
      if (outside[y * box.w + x]) continue;
      const i = (box.y + y) * w + box.x + x;
      out[i] = ((255 - values[i]!) * 255) / bgInv;
      mask[i] = 1;
    }
  }
}

/**
 * In a dark region inverted into `out` (its `box`, pixels not `outside`), whitens what stands
 * faint and apart from its text: more than {@link FAINT_MARK_REACH} px from any pixel darker than
 * halfway between the region's darkest and white. A see-through date bar over a chat's wallpaper
 * shows the wallpaper's shapes a little lighter than itself; inverted, they are grey rings under
 * its text, which the engine read with it ("1月16日" for 11月16日, the circle under 11). The text's
 * own soft edges lie beside its strokes and stay.
 */
function whitenFaintMarks(out: Uint8ClampedArray, w: number, box: Box, outside: Uint8Array): void {
  let darkest = 255;
  for (let y = 0; y < box.h; y++) for (let x = 0; x < box.w; x++) if (!outside[y * box.w + x]) darkest = Math.min(darkest, out[(box.y + y) * w + box.x + x]!);
  const dark = (darkest + 255) / 2;
  const r = FAINT_MARK_REACH;
  const near = new Uint8Array(box.w * box.h);
  for (let y = 0; y < box.h; y++) for (let x = 0; x < box.w; x++) {
    if (outside[y * box.w + x] || out[(box.y + y) * w + box.x + x]! >= dark) continue;
    for (let yy = Math.max(0, y - r); yy <= Math.min(box.h - 1, y + r); yy++) near.fill(1, yy * box.w + Math.max(0, x - r), yy * box.w + Math.min(box.w, x + r + 1));
  }
  for (let y = 0; y < box.h; y++) for (let x = 0; x < box.w; x++) if (!outside[y * box.w + x] && !near[y * box.w + x]) out[(box.y + y) * w + box.x + x] = 255;
}

/** Faint marks are whitened only in dark regions of at most this share of the page (a date bar, not a dark-mode page, whose grey text is faint too). */
const FAINT_MARK_REGION = 0.02;
/** How far (px) from the strokes of a dark region's text its soft edges reach. */
const FAINT_MARK_REACH = 2;

/**
 * The sheet of paper in a photo of a document lying on a darker surface (a desk): the largest
 * connected region of light pixels (Otsu's threshold on a reduced copy) with everything it
 * encloses (the text), as a mask over the full raster (1 = paper). Undefined when the picture is
 * not a sheet on a darker surround: the light region touches nearly everything, covers too little,
 * or what lies outside it is not clearly darker. With the photo's colours (`rgba`), a hand's
 * light skin is left out of the paper and a coloured band along the sheet's edge is taken in.
 */
export function findPaperMask(g: GrayRaster, rgba?: RgbaRaster): PaperOutline | undefined {
  const { factor, small, sat } = paperInputs(g, rgba);
  const first = paperOn(g, small, factor, sat, rgba);
  // An outline of which three sides show no edge followed the light, not the sheet (lit from a
  // window at its upper left, a pale bed sheet there was lighter than the paper's far side): it
  // is looked for again without the light's slope, and without a better one there, no sheet is
  // taken (its text is not whitened with the surround). One of which two sides show no edge is
  // looked for again too, and kept without a better one: a certificate's outline ran along a
  // lit grey desk at its upper right, its shaded left third and its table left out and whitened
  // with the desk; without the light's slope, all four sides of the sheet show its edge.
  if (!first || first.weak < RETRY_SIDES) return first?.outline;
  const again = paperOn(g, withoutLightSlope(small), factor, sat, rgba);
  if (again && again.weak < first.weak) return again.outline;
  return first.weak < UNSURE_SIDES ? first.outline : undefined;
}

/**
 * The box of a small sheet in a photo (a receipt on a desk photographed from standing height):
 * a sheet as {@link findPaperMask} finds it, covering less than {@link PAPER_LEAST} of the
 * picture but at least {@link SMALL_SHEET_LEAST}, its edge seen on three sides at least; grown by
 * a tenth of its larger side (its edge and a little of the desk). Cropped to it, the page is
 * measured as the sheet: the desk's grain no longer fills every row, and its text's height sets
 * the magnification.
 */
export function findSmallSheet(g: GrayRaster, rgba: RgbaRaster): Box | undefined {
  const { factor, small, sat } = paperInputs(g, rgba);
  const found = paperOn(g, small, factor, sat, rgba, SMALL_SHEET_LEAST, PAPER_LEAST);
  if (!found || found.weak > 1) return undefined;
  const { mask } = found.outline;
  let x0 = g.width, y0 = g.height, x1 = -1, y1 = -1;
  for (let y = 0; y < g.height; y++) {
    for (let x = 0, i = y * g.width; x < g.width; x++, i++) {
      if (!mask[i]) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      y1 = y;
    }
  }
  const margin = Math.round(Math.max(x1 - x0 + 1, y1 - y0 + 1) / 10);
  return grownBox({ x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 }, margin, margin, g);
}

/** `g` reduced to about 500 px (by `factor`) for the sheet's search, and the saturation of `rgba` reduced as much. */
function paperInputs(g: GrayRaster, rgba?: RgbaRaster): { factor: number; small: GrayRaster; sat: GrayRaster | undefined } {
  const factor = Math.max(1, Math.round(Math.max(g.width, g.height) / 500));
  const small = factor > 1 ? resizeGray(g, 1 / factor) : g;
  const colour = rgba ? saturation(rgba) : undefined;
  return { factor, small, sat: colour && factor > 1 ? resizeGray(colour, 1 / factor) : colour };
}

/** A sheet covers at least this share of a photo to be taken as the page's paper (see {@link findPaperMask}). */
const PAPER_LEAST = 0.2;
/** A smaller sheet covering at least this share is cropped to (see {@link findSmallSheet}). */
const SMALL_SHEET_LEAST = 0.02;

/**
 * The sheet (see {@link findPaperMask}) found on `small`, `g` reduced by `factor` (or its tones
 * without the light's slope), `sat` its saturation; with how many sides of it show no edge. A
 * sheet covering less than `least` of the picture, or `most` or more, is none.
 */
function paperOn(g: GrayRaster, small: GrayRaster, factor: number, sat: GrayRaster | undefined, rgba: RgbaRaster | undefined, least = PAPER_LEAST, most = 1): { outline: PaperOutline; weak: number } | undefined {
  const { width: w, height: h } = small;
  const t = otsuThreshold(histogram(small));
  // Light pixels labelled as the "dark" ones of the negative. Paper is white or nearly (pink
  // carbonless, yellowed, under warm light): light but strongly coloured pixels are not paper (a
  // hand holding the sheet, its palm beside the sheet's edge, joined it and bent its outline).
  const neg = new Uint8ClampedArray(w * h);
  for (let i = 0; i < neg.length; i++) neg[i] = 255 - small.data[i]!;
  if (sat) leaveOutColouredAreas(neg, sat, t);
  const labelling = labelDarkPixels(neg, w, h, 254 - t);
  const { labels, count } = labelling;
  if (!count) return undefined;
  const c = measureComponents(labelling, small.data, w);
  let best = -1;
  for (const r of c.roots) if (best < 0 || c.n[r]! > c.n[best]!) best = r;
  let outside = outsideOfComponent(labels, w, best, { x: 0, y: 0, w, h });
  let nOut = 0, sumOut = 0;
  for (let i = 0; i < outside.length; i++) if (outside[i]) { nOut++; sumOut += small.data[i]!; }
  const total = w * h;
  if (nOut < total * 0.04 || total - nOut < total * least || total - nOut >= total * most) return undefined;
  // A surround runs along most of the picture's edge; a dark band across the top of a sheet
  // photographed edge to edge (a bill's header, with its text) does not.
  let edge = 0;
  for (let x = 0; x < w; x++) edge += outside[x]! + outside[(h - 1) * w + x]!;
  for (let y = 1; y < h - 1; y++) edge += outside[y * w]! + outside[y * w + w - 1]!;
  if (edge < (2 * w + 2 * h - 4) * 0.6) return undefined;
  const paper = c.sum[best]! / c.n[best]!;
  // The surround must be clearly darker than the paper, not a light desk with dark things on it.
  if (sumOut / nOut > paper - 40) return undefined;
  // A sheet's edge is a step in brightness; where light merely falls off (a vignette darkening
  // the paper's corners) the threshold crosses a gentle slope, and cutting there would cut text.
  if (meanStepAcross(small, outside, 2) < PAPER_EDGE_STEP) return undefined;
  if (sat) outside = withColouredBands(outside, sat, hueSectors(rgba!, factor, w, h), w, h);
  // Paper left darker than the threshold by the light (a sheet's far corner in shade) is taken in
  // when that makes the sheet a quadrilateral whose sides all show its edge, or more of them than
  // before (see withShadedPaper). So is paper in a soft shadow across a corner, though the sheet
  // without it fills a quadrilateral too: cut off along the shadow's straight edge, a bill's lower
  // left corner was taken 170 px up its side, and the page was squared askew.
  let sheet = sheetCorners(outside, w, h);
  const shaded = withShadedPaper(small, outside, sheet, sat, t);
  if (shaded) ({ outside, sheet } = shaded);
  const print = shaded ? printInShade(boxBlur(small, 1).data, outside, w, h, sheet.corners) : undefined;
  // One reduced pixel more of surround: the blurred edge of the sheet belongs to it.
  const grown = new Uint8Array(outside);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    if (!outside[y * w + x]) continue;
    if (x > 0) grown[y * w + x - 1] = 1;
    if (x < w - 1) grown[y * w + x + 1] = 1;
    if (y > 0) grown[(y - 1) * w + x] = 1;
    if (y < h - 1) grown[(y + 1) * w + x] = 1;
  }
  // Each reduced pixel's value spread over the pixels of `g` it stands for: a row of `g` is
  // made once per reduced row and copied down the rows that share it.
  const columns = new Int32Array(g.width);
  for (let x = 0; x < g.width; x++) columns[x] = Math.min(w - 1, Math.floor(x / factor));
  const enlarged = (value: (i: number) => number) => {
    const out = new Uint8Array(g.width * g.height);
    let last = -1;
    for (let y = 0; y < g.height; y++) {
      const sy = Math.min(h - 1, Math.floor(y / factor));
      const row = y * g.width;
      if (sy === last) { out.copyWithin(row, row - g.width, row); continue; }
      last = sy;
      for (let x = 0; x < g.width; x++) out[row + x] = value(sy * w + columns[x]!);
    }
    return out;
  };
  const mask = enlarged((i) => (grown[i] ? 0 : 1));
  // Print in the shade, and one reduced pixel round it (the surround was grown over its edge).
  let shade: Uint8Array | undefined;
  if (print) {
    const near = maxFilter({ width: w, height: h, data: new Uint8ClampedArray(print.buffer, print.byteOffset, print.length) }, 1).data;
    shade = enlarged((i) => (near[i] && grown[i] ? 1 : 0));
  }
  const found = mendLeakedCorner(small, sheet.corners);
  const corners = found.map(([x, y]) => [x * factor, y * factor] as [number, number]);
  const [tl, tr, br, bl] = found as [[number, number], [number, number], [number, number], [number, number]];
  // Sides within 20° of upright: beyond, the diagonal extremes may name the wrong corners and
  // turn the page on its side.
  const tilt = (a: number[], b: number[], vertical: boolean) => {
    const dx = b[0]! - a[0]!, dy = b[1]! - a[1]!;
    return (Math.atan2(Math.abs(vertical ? dx : dy), Math.abs(vertical ? dy : dx)) * 180) / Math.PI;
  };
  const upright = Math.max(tilt(tl, tr, false), tilt(bl, br, false), tilt(tl, bl, true), tilt(tr, br, true)) <= 20;
  const weak = edgeShares(small, found).filter((share) => share < EDGE_SIDE_WEAK).length;
  return { outline: { mask, corners, quadrilateral: upright && fillsQuadrilateral(sheet), ...(shade ? { shade } : {}) }, weak };
}

/**
 * A sheet's corners (the extreme points of the pixels not `outside` along the two diagonals:
 * sheets turned by less than about 30°), its area and its quadrilateral's area.
 */
function sheetCorners(outside: Uint8Array, w: number, h: number): { corners: Array<[number, number]>; area: number; quad: number } {
  let tl: [number, number] = [0, 0], tr: [number, number] = [0, 0], br: [number, number] = [0, 0], bl: [number, number] = [0, 0];
  let sTl = Infinity, sTr = -Infinity, sBr = -Infinity, sBl = -Infinity, area = 0;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    if (outside[y * w + x]) continue;
    area++;
    if (x + y < sTl) { sTl = x + y; tl = [x, y]; }
    if (x - y > sTr) { sTr = x - y; tr = [x + 1, y]; }
    if (x + y > sBr) { sBr = x + y; br = [x + 1, y + 1]; }
    if (y - x > sBl) { sBl = y - x; bl = [x, y + 1]; }
  }
  const corners = [tl, tr, br, bl];
  return { corners, area, quad: Math.abs(polygonArea(corners)) };
}

/** A sheet's outline with this many sides showing no edge is not sure. */
const UNSURE_SIDES = 3;
/** A sheet's outline with this many sides showing no edge is looked for again without the light's slope (see {@link findPaperMask}). */
const RETRY_SIDES = 2;

/**
 * `g` divided by the plane that fits its tones best (least squares), scaled back to its mean: the
 * light falling off across a whole picture (a window at its upper left) is taken out, and a
 * sheet's step from its surround kept.
 */
function withoutLightSlope(g: GrayRaster): GrayRaster {
  const { width: w, height: h, data } = g;
  // Centred coordinates make the normal equations diagonal.
  const cx = (w - 1) / 2, cy = (h - 1) / 2;
  let sum = 0, sx = 0, sy = 0, xx = 0, yy = 0;
  for (let y = 0, i = 0; y < h; y++) for (let x = 0; x < w; x++, i++) {
    const v = data[i]!, dx = x - cx, dy = y - cy;
    sum += v; sx += v * dx; sy += v * dy; xx += dx * dx; yy += dy * dy;
  }
  const mean = sum / (w * h), bx = sx / xx, by = sy / yy;
  const out = new Uint8ClampedArray(w * h);
  for (let y = 0, i = 0; y < h; y++) for (let x = 0; x < w; x++, i++) out[i] = (data[i]! * mean) / Math.max(1, mean + bx * (x - cx) + by * (y - cy));
  return { width: w, height: h, data: out };
}

/**
 * `outside` (the surround of a sheet on `g`, reduced) without the paper the threshold left out of
 * the sheet where the light falls off (a sheet lit from one corner: its far corner's paper, grey
 * 156, darker than a lit desk's 166, was cut out of the sheet, which then filled no
 * quadrilateral and was not squared). The sheet grows into the surround over pixels where the
 * grey changes by at most {@link SHADED_PAPER_GRADIENT} per pixel, as paper shades; a sheet's
 * edge is a step and stops it. Kept only when the sheet then fills its quadrilateral and every
 * side shows the edge along {@link EDGE_SIDE_SURE} of it at least (where a sheet lies on a desk
 * lit as evenly, the growing runs on over the desk), or more of its sides show it than of
 * `sheet` (the sheet as the threshold found it): a receipt curled away from the light, its right
 * side's paper as grey as the desk's lightest part, was cut off along the shade with the amounts
 * printed there; its top bows and shows its edge along a part of the straight side only.
 *
 * Where growing from the whole sheet runs on over the desk, the sheet grows again from its inner
 * pixels only (those whose eight neighbours are all in it): a corner's tip, a wedge of a pixel or
 * two blurred as grey as the desk beside it, let it out. What that sheet encloses is paper too
 * (the text printed on the shaded part, which it grew round). Grown from the whole sheet, what it
 * encloses stays out, whitened with the surround: a fold's shadow across a sheet, kept, was read
 * as a row of marks.
 *
 * With the photo's saturation (`sat`, reduced as `g`), the sheet last grows over the surround's
 * pixels that are nearly grey ({@link PAPER_SATURATION} at most) and no darker than half the
 * threshold `t` that found it, however sharply their tones change, and what it then encloses is
 * paper too: the shadows of a window's frame crossed a contract's shaded part with sharp edges, and
 * its right third (grey 163–190, saturation 20–23, against a wooden desk's 101–106) was whitened
 * with the desk, its text with it. A grey desk is grown over as well, and the sheet then shows no
 * edge.
 */
function withShadedPaper(g: GrayRaster, outside: Uint8Array, sheet: ReturnType<typeof sheetCorners>, sat?: GrayRaster, t = 0): { outside: Uint8Array; sheet: ReturnType<typeof sheetCorners> } | undefined {
  const { width: w, height: h } = g;
  const s = boxBlur(g, 1).data;
  const sure = (corners: Array<[number, number]>) => edgeShares(g, corners).filter((share) => share >= EDGE_SIDE_SURE).length;
  const before = sure(sheet.corners);
  const grown = [() => grownSheet(s, w, h, outside, false), () => grownSheet(s, w, h, outside, true)];
  if (sat) grown.push(() => greySheet(g, sat, outside, t / 2));
  for (const grow of grown) {
    const surround = grow();
    const next = sheetCorners(surround, w, h);
    if (!fillsQuadrilateral(next)) continue;
    const sides = sure(next.corners);
    if (sides === 4 || sides > before) return { outside: surround, sheet: next };
  }
  return undefined;
}

/**
 * The surround of the sheet (not `outside`, on `g` reduced, `sat` its saturation) grown over as
 * {@link withShadedPaper} tells: over its nearly grey pixels no darker than `floor`, the sheet then
 * taking in all it encloses.
 */
function greySheet(g: GrayRaster, sat: GrayRaster, outside: Uint8Array, floor: number): Uint8Array {
  const { width: w, height: h } = g;
  const sheet = new Int32Array(w * h);
  const queue: number[] = [];
  for (let i = 0; i < sheet.length; i++) if (!outside[i]) { sheet[i] = 1; queue.push(i); }
  for (let q = 0; q < queue.length; q++) {
    const i = queue[q]!;
    const x = i % w, y = (i / w) | 0;
    for (const [dx, dy] of SIDES) {
      const nx = x + dx, ny = y + dy;
      if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
      const j = ny * w + nx;
      if (sheet[j] || sat.data[j]! > PAPER_SATURATION || g.data[j]! < floor) continue;
      sheet[j] = 1;
      queue.push(j);
    }
  }
  return outsideOfComponent(sheet, w, 1, { x: 0, y: 0, w, h });
}

/**
 * The surround of the sheet (not `outside`, on a picture w × h whose blurred tones are `s`) grown
 * as {@link withShadedPaper} tells: from all its pixels, or from its `inner` ones only and without
 * what it encloses.
 */
function grownSheet(s: Uint8ClampedArray, w: number, h: number, outside: Uint8Array, inner: boolean): Uint8Array {
  const grown = new Uint8Array(outside);
  const queue: number[] = [];
  const inSheet = (x: number, y: number) => x >= 0 && y >= 0 && x < w && y < h && !outside[y * w + x];
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    if (!inSheet(x, y)) continue;
    let seed = true;
    if (inner) for (let dy = -1; dy <= 1 && seed; dy++) for (let dx = -1; dx <= 1 && seed; dx++) seed = inSheet(x + dx, y + dy);
    // The sheet's outline is grown into again like the surround, and kept in the sheet after.
    if (seed) queue.push(y * w + x);
    else grown[y * w + x] = 1;
  }
  for (let q = 0; q < queue.length; q++) {
    const i = queue[q]!;
    const x = i % w, y = (i / w) | 0;
    for (const [dx, dy] of SIDES) {
      const nx = x + dx, ny = y + dy;
      if (nx < 1 || ny < 1 || nx >= w - 1 || ny >= h - 1) continue;
      const j = ny * w + nx;
      // The gradient at the pixel itself: stepping along a blurred edge, each step can be small.
      if (!grown[j] || Math.max(Math.abs(s[j + 1]! - s[j - 1]!), Math.abs(s[j + w]! - s[j - w]!)) > 2 * SHADED_PAPER_GRADIENT) continue;
      grown[j] = 0;
      queue.push(j);
    }
  }
  if (!inner) return grown;
  const labels = new Int32Array(w * h);
  for (let i = 0; i < labels.length; i++) labels[i] = grown[i] && outside[i] ? 0 : 1;
  return outsideOfComponent(labels, w, 1, { x: 0, y: 0, w, h });
}

/**
 * What is printed on a sheet's paper in shade, as a mask over the reduced picture (w × h, blurred
 * tones `s`): the parts of `outside` (the surround, grown into the shaded paper by
 * {@link withShadedPaper}) inside the sheet's quadrilateral (`corners`, drawn in by
 * {@link PRINT_IN_SHADE_INSET} of the way to its centre) whose darkest pixel is at least
 * {@link PRINT_IN_SHADE_CONTRAST} darker than the paper round them; undefined when there are
 * none. Growing stops at the strokes of text as at an edge: a letterhead's address block under a
 * shadow across the sheet's corner, and a company's name and date beside a seal in that shadow,
 * were whitened with the desk. A fold's shadow, the same grey as the paper round it, is not print.
 */
function printInShade(s: Uint8ClampedArray, outside: Uint8Array, w: number, h: number, corners: ReadonlyArray<readonly [number, number]>): Uint8Array | undefined {
  const [cx, cy] = quadCentre(corners);
  const inset = corners.map(([x, y]) => [cx + (x - cx) * (1 - PRINT_IN_SHADE_INSET), cy + (y - cy) * (1 - PRINT_IN_SHADE_INSET)] as const);
  // Corners run clockwise on the picture (y down): inside lies on the right of each side.
  const inside = (x: number, y: number) => inset.every((a, k) => {
    const b = inset[(k + 1) % 4]!;
    return (b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]) >= 0;
  });
  const print = new Uint8Array(w * h);
  const seen = new Uint8Array(w * h);
  const part: number[] = [];
  let any = false;
  for (let start = 0; start < w * h; start++) {
    if (!outside[start] || seen[start] || !inside(start % w, (start / w) | 0)) continue;
    part.length = 0;
    part.push(start);
    seen[start] = 1;
    let darkest = 255, ring = 0, rn = 0;
    for (let q = 0; q < part.length; q++) {
      const i = part[q]!;
      const x = i % w, y = (i / w) | 0;
      darkest = Math.min(darkest, s[i]!);
      for (const [dx, dy] of SIDES) {
        const nx = x + dx, ny = y + dy;
        if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
        const j = ny * w + nx;
        if (!outside[j]) { ring += s[j]!; rn++; }
        else if (!seen[j] && inside(nx, ny)) { seen[j] = 1; part.push(j); }
      }
    }
    if (!rn || ring / rn - darkest < PRINT_IN_SHADE_CONTRAST) continue;
    for (const i of part) print[i] = 1;
    any = true;
  }
  return any ? print : undefined;
}

/**
 * The ink of print in shade (`shade`, over `g`, whose illumination is flattened): pixels at least
 * {@link INK_IN_SHADE_STEP} darker than the mean of the square round them (a fiftieth of the
 * raster's longer side wide). The shade's own soft edge, which flattening leaves as a grey
 * smudge, is not that much darker than the mean round it, and is whitened with the surround.
 */
function inkInShade(g: GrayRaster, shade: Uint8Array): Uint8Array {
  const { width: w, height: h, data } = g;
  const r = Math.max(4, Math.round(Math.max(w, h) / INK_IN_SHADE_WINDOW));
  const ii = integralImages(g);
  const ink = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const i = y * w + x;
    if (shade[i] && data[i]! < windowStats(ii, x - r, y - r, x + r + 1, y + r + 1).mean - INK_IN_SHADE_STEP) ink[i] = 1;
  }
  return ink;
}

/** The window in which ink in shade is told from its paper reaches the raster's longer side over this each way (see {@link inkInShade}). */
const INK_IN_SHADE_WINDOW = 100;
/** How much darker (grey, 0–255) than the mean round it a pixel of ink in shade is (see {@link inkInShade}). */
const INK_IN_SHADE_STEP = 30;

/** How far in (a share of the way to its centre) a sheet's quadrilateral is drawn before print in its shade is looked for (see {@link printInShade}). */
const PRINT_IN_SHADE_INSET = 0.03;
/** How much darker (grey, 0–255) than the paper round it print in the shade is at its darkest (see {@link printInShade}). */
const PRINT_IN_SHADE_CONTRAST = 15;

/** Most change in grey (0–255) per reduced pixel of paper in shade (see {@link withShadedPaper}). */
const SHADED_PAPER_GRADIENT = 3;

/**
 * `corners` (a sheet's, top-left first, clockwise, on `g`) with one mended where the paper's
 * mask leaked into a desk lit as brightly as the paper: the mask's corner then lies out on the
 * desk (a sheet photographed at a steep angle under a lamp had its top-right corner taken at
 * the picture's corner, and was squared askew). Such a corner's two sides show no edge (no
 * step in brightness from the surround into the paper along {@link EDGE_SIDE_WEAK} of them at
 * least) while the other two do ({@link EDGE_SIDE_SURE}). Each of its sides is turned about its
 * other corner (up to {@link EDGE_TURN}°) to where it runs along an edge, and the corner moves
 * to where the two meet. It is kept when all four sides then show their edge
 * ({@link EDGE_SIDE_MENDED}).
 */
export function mendLeakedCorner(g: GrayRaster, corners: ReadonlyArray<[number, number]>): Array<[number, number]> {
  const centre = quadCentre(corners);
  const sides = edgeShares(g, corners);
  const at = (k: number) => sides[(k + 4) % 4]!;
  for (let k = 0; k < 4; k++) {
    // Corner k ends side k − 1 and starts side k.
    if (!(at(k - 1) < EDGE_SIDE_WEAK && at(k) < EDGE_SIDE_WEAK && at(k + 1) >= EDGE_SIDE_SURE && at(k + 2) >= EDGE_SIDE_SURE)) continue;
    const before = corners[(k + 3) % 4]!, after = corners[(k + 1) % 4]!;
    const met = meetingPoint(before, edgeDirection(g, before, corners[k]!, centre), after, edgeDirection(g, after, corners[k]!, centre));
    if (!met) continue;
    const mended = corners.map((c, i): [number, number] => (i === k ? [Math.round(met[0]), Math.round(met[1])] : c));
    if (edgeShares(g, mended).every((share) => share >= EDGE_SIDE_MENDED)) return mended;
  }
  return [...corners];
}

/** The middle of a quadrilateral's four corners. */
function quadCentre(corners: ReadonlyArray<readonly [number, number]>): [number, number] {
  return [corners.reduce((a, c) => a + c[0], 0) / 4, corners.reduce((a, c) => a + c[1], 0) / 4];
}

/** For each side of the quadrilateral `corners` (side k from corner k to k + 1), the share of it along which {@link edgeAlong} finds the paper's edge. */
function edgeShares(g: GrayRaster, corners: ReadonlyArray<readonly [number, number]>): number[] {
  const centre = quadCentre(corners);
  return corners.map((a, k) => edgeAlong(g, a, corners[(k + 1) % 4]!, centre, EDGE_SPAN).share);
}

/** Share of a side's length that must show the paper's edge for the side to be one, or none. */
const EDGE_SIDE_SURE = 0.9;
const EDGE_SIDE_WEAK = 0.5;
/** Share of each side's length that must show the edge once a corner is mended. */
const EDGE_SIDE_MENDED = 0.7;
/** How far (degrees) a side is turned about its other corner to find its edge. */
const EDGE_TURN = 15;
/** The stretch of a side that is measured (its ends, near corners that may be wrong, are not). */
const EDGE_SPAN: [number, number] = [0.1, 0.9];
/** The stretch measured from a side's sure corner while it is turned: the other end may lie short of the corner's true place. */
const EDGE_TURN_SPAN: [number, number] = [0.05, 0.8];

/**
 * Along the segment from `a` to `b` (over the `span` of its length, at 40 points), the share of
 * points where the paper is {@link PAPER_EDGE_STEP} lighter than the surround (3–5 px on either
 * side, the paper towards `centre`), and the mean step. Points whose samples leave `g` are not
 * counted; fewer than 5 counted make no edge.
 */
function edgeAlong(g: GrayRaster, a: readonly [number, number], b: readonly [number, number], centre: readonly [number, number], span: readonly [number, number]): { share: number; step: number } {
  const { width: w, height: h, data } = g;
  const value = (x: number, y: number) => {
    const xi = Math.round(x), yi = Math.round(y);
    return xi < 0 || yi < 0 || xi >= w || yi >= h ? -1 : data[yi * w + xi]!;
  };
  const dx = b[0] - a[0], dy = b[1] - a[1], len = Math.hypot(dx, dy);
  if (len < 1) return { share: 0, step: 0 };
  let nx = -dy / len, ny = dx / len;
  if ((centre[0] - (a[0] + b[0]) / 2) * nx + (centre[1] - (a[1] + b[1]) / 2) * ny < 0) { nx = -nx; ny = -ny; }
  let stepped = 0, sum = 0, n = 0;
  for (let i = 0; i <= 40; i++) {
    const s = span[0] + ((span[1] - span[0]) * i) / 40;
    const px = a[0] + dx * s, py = a[1] + dy * s;
    let step = 0;
    for (let d = 3; d <= 5; d++) {
      const inner = value(px + nx * d, py + ny * d), outer = value(px - nx * d, py - ny * d);
      if (inner < 0 || outer < 0) { step = NaN; break; }
      step += (inner - outer) / 3;
    }
    if (Number.isNaN(step)) continue;
    n++;
    sum += step;
    if (step >= PAPER_EDGE_STEP) stepped++;
  }
  return n < 5 ? { share: 0, step: 0 } : { share: stepped / n, step: sum / n };
}

/** The unit direction, from `from` towards about `towards` (within {@link EDGE_TURN}°, by quarter degrees), along which the paper's edge runs best: most points on it, then the sharpest step. */
function edgeDirection(g: GrayRaster, from: readonly [number, number], towards: readonly [number, number], centre: readonly [number, number]): [number, number] {
  const len = Math.hypot(towards[0] - from[0], towards[1] - from[1]);
  const a0 = Math.atan2(towards[1] - from[1], towards[0] - from[0]);
  let best = { share: -1, step: -Infinity }, angle = a0;
  for (let turn = -EDGE_TURN; turn <= EDGE_TURN; turn += 0.25) {
    const a = a0 + (turn * Math.PI) / 180;
    const e = edgeAlong(g, from, [from[0] + Math.cos(a) * len, from[1] + Math.sin(a) * len], centre, EDGE_TURN_SPAN);
    if (e.share > best.share || (e.share === best.share && e.step > best.step)) { best = e; angle = a; }
  }
  return [Math.cos(angle), Math.sin(angle)];
}

/** Where the line through `p` along `u` meets the line through `q` along `v` (none when they run alike). */
function meetingPoint(p: readonly [number, number], u: readonly [number, number], q: readonly [number, number], v: readonly [number, number]): [number, number] | undefined {
  const den = u[0] * v[1] - u[1] * v[0];
  if (Math.abs(den) < 0.05) return undefined;
  const t = ((q[0] - p[0]) * v[1] - (q[1] - p[1]) * v[0]) / den;
  return [p[0] + u[0] * t, p[1] + u[1] * t];
}

/** Whether a sheet fills its quadrilateral (a flat rectangle in perspective), not a curled or torn shape whose corners say little about its lines. */
function fillsQuadrilateral(sheet: { area: number; quad: number }): boolean {
  return sheet.quad > 0 && sheet.area / sheet.quad > 0.95 && sheet.area / sheet.quad < 1.05;
}

/**
 * `outside` (the surround of a sheet, on a reduced picture w × h) without the strongly coloured
 * areas along the sheet's edge that are part of it: a bill's blue header band, darker than the
 * threshold of paper, lies between the paper and the desk. An area is taken when it touches no
 * border of the picture and the sheet with it (and what they enclose: the band's white text)
 * still fills its quadrilateral, a larger one whose sides turn by {@link BAND_SIDE_TURN} at most:
 * a hand beside the sheet fills a quadrilateral too, its corner far out and a side turned.
 */
function withColouredBands(outside: Uint8Array, sat: GrayRaster, hues: Uint8Array, w: number, h: number): Uint8Array {
  let current = sheetCorners(outside, w, h);
  // Areas of one hue, or of two neighbouring sectors: a blue band beside a brown wooden desk is
  // not part of the desk; a band whose blue lies on the border of the cyan and blue sectors falls
  // in both, and each half of it alone is too short for the sheet's edge.
  for (let hue = 0; hue < HUE_SECTORS; hue++) {
    const neighbour = (hue + 1) % HUE_SECTORS;
    const marks = new Uint8ClampedArray(w * h).fill(255);
    for (let i = 0; i < marks.length; i++) if (outside[i] && sat.data[i]! > PAPER_SATURATION && (hues[i] === hue || hues[i] === neighbour)) marks[i] = 0;
    const labelling = labelDarkPixels(marks, w, h, 0);
    const { labels, count } = labelling;
    if (!count) continue;
    const c = measureComponents(labelling, marks, w);
    for (const r of c.roots) {
      if (c.x0[r] === 0 || c.y0[r] === 0 || c.x1[r] === w - 1 || c.y1[r] === h - 1 || c.n[r]! < current.area * COLOURED_BAND_SHARE) continue;
      const sheet = new Int32Array(w * h);
      for (let i = 0; i < sheet.length; i++) sheet[i] = !outside[i] || labels[i] === r ? 1 : 0;
      const without = outsideOfComponent(sheet, w, 1, { x: 0, y: 0, w, h });
      const next = sheetCorners(without, w, h);
      if (fillsQuadrilateral(next) && next.quad > current.quad && sideTurn(current.corners, next.corners) <= BAND_SIDE_TURN) { outside = without; current = next; }
    }
  }
  return outside;
}

/** Sectors the hue circle is cut into when coloured areas are told apart. */
const HUE_SECTORS = 6;

/** The hue sector (0 to {@link HUE_SECTORS} − 1, red first) of the pixel at the centre of each `factor` × `factor` block of `rgba`, on a w × h grid. */
function hueSectors(rgba: RgbaRaster, factor: number, w: number, h: number): Uint8Array {
  const out = new Uint8Array(w * h);
  const d = rgba.data;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const sx = Math.min(rgba.width - 1, x * factor + (factor >> 1)), sy = Math.min(rgba.height - 1, y * factor + (factor >> 1));
    const j = (sy * rgba.width + sx) * 4;
    const r = d[j]!, g = d[j + 1]!, b = d[j + 2]!;
    const max = Math.max(r, g, b), min = Math.min(r, g, b);
    if (max === min) continue;
    let hue = max === r ? (g - b) / (max - min) : max === g ? 2 + (b - r) / (max - min) : 4 + (r - g) / (max - min);
    if (hue < 0) hue += 6;
    // Sectors centred on red, yellow, green, cyan, blue and magenta.
    out[y * w + x] = Math.floor((hue + 0.5) % 6);
  }
  return out;
}

/** Least size of a coloured band along a sheet's edge, as a share of the sheet's area. */
const COLOURED_BAND_SHARE = 0.02;
/**
 * Most turn (degrees) of any side of a sheet's quadrilateral when a coloured band joins it: a band
 * along one edge lengthens the two sides beside it, turning none; a palm beside the sheet turned
 * its left side by 15°.
 */
const BAND_SIDE_TURN = 3;

/** The largest change of direction (degrees) between the sides of two quadrilaterals. */
function sideTurn(a: ReadonlyArray<[number, number]>, b: ReadonlyArray<[number, number]>): number {
  let most = 0;
  for (let k = 0; k < 4; k++) {
    const angle = (q: ReadonlyArray<[number, number]>) => Math.atan2(q[(k + 1) % 4]![1] - q[k]![1], q[(k + 1) % 4]![0] - q[k]![0]);
    let d = Math.abs(angle(a) - angle(b));
    if (d > Math.PI) d = 2 * Math.PI - d;
    most = Math.max(most, (d * 180) / Math.PI);
  }
  return most;
}

/** Most saturation (see {@link saturation}) of paper: yellowed paper under warm light reaches 64, skin 90 and more. */
const PAPER_SATURATION = 80;

/**
 * Marks (in `neg`, the negative of a reduced photo, in place) as dark the areas of light pixels
 * (lighter than `t`) of strong colour ({@link PAPER_SATURATION}) large enough to be a hand
 * ({@link COLOURED_AREA_SHARE} of the picture): the blend of a sheet's edge with a coloured desk,
 * thin, is left as it was, and the sheet's outline with it.
 */
function leaveOutColouredAreas(neg: Uint8ClampedArray, sat: GrayRaster, t: number): void {
  const { width: w, height: h } = sat;
  const marks = new Uint8ClampedArray(w * h).fill(255);
  for (let i = 0; i < marks.length; i++) if (255 - neg[i]! > t && sat.data[i]! > PAPER_SATURATION) marks[i] = 0;
  const labelling = labelDarkPixels(marks, w, h, 0);
  const { labels, count } = labelling;
  if (!count) return;
  const c = measureComponents(labelling, marks, w);
  const large = new Uint8Array(count);
  for (const r of c.roots) if (c.n[r]! >= w * h * COLOURED_AREA_SHARE) large[r] = 1;
  for (let i = 0; i < neg.length; i++) if (labels[i]! >= 0 && large[labels[i]!]) neg[i] = 255;
}

/** Least share of a photo a light, strongly coloured area covers to be left out of the paper. */
const COLOURED_AREA_SHARE = 0.01;

/** Each pixel's saturation: its channels' spread over its brightest channel (0–255). */
function saturation(rgba: RgbaRaster): GrayRaster {
  const n = rgba.width * rgba.height, d = rgba.data;
  const out = new Uint8ClampedArray(n);
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    const r = d[j]!, gr = d[j + 1]!, b = d[j + 2]!;
    const max = Math.max(r, gr, b), min = Math.min(r, gr, b);
    out[i] = max ? ((max - min) * 255) / max : 0;
  }
  return { width: rgba.width, height: rgba.height, data: out };
}

/** Least mean rise in brightness (0–255) from the surround into the paper across its edge. */
const PAPER_EDGE_STEP = 20;

/**
 * The mean brightness difference between pixels `gap` apart across the border of the `outside`
 * mask: inside pixel minus outside pixel, over every border pixel of the outside.
 */
function meanStepAcross(g: GrayRaster, outside: Uint8Array, gap: number): number {
  const { width: w, height: h, data } = g;
  let sum = 0, n = 0;
  for (let y = gap; y < h - gap; y++) {
    for (let x = gap; x < w - gap; x++) {
      const i = y * w + x;
      if (!outside[i]) continue;
      for (const d of [1, -1, w, -w]) {
        if (outside[i + d]) continue;
        // A border pixel of the surround: compare the paper `gap` pixels on with the surround `gap` pixels back.
        sum += data[i + d * gap]! - data[i - d * (gap - 1)]!;
        n++;
      }
    }
  }
  return n ? sum / n : 0;
}

/** The paper found by {@link findPaperMask}. */
export interface PaperOutline {
  /** 1 on the paper, 0 on the surround, over the full raster. */
  mask: Uint8Array;
  /** Top-left, top-right, bottom-right, bottom-left corners in raster pixels. */
  corners: Array<[number, number]>;
  /** Whether the paper is a quadrilateral (so its corners can undo the perspective). */
  quadrilateral: boolean;
  /** 1 where the surround holds print on the paper in shade (see {@link printInShade}): its ink is kept when the surround is whitened. */
  shade?: Uint8Array;
}

function polygonArea(p: Array<[number, number]>): number {
  let a = 0;
  for (let i = 0; i < p.length; i++) { const [x0, y0] = p[i]!, [x1, y1] = p[(i + 1) % p.length]!; a += x0 * y1 - x1 * y0; }
  return a / 2;
}

/**
 * The projective map (3×3, row-major, h[8] = 1) taking the four points `from` to the four
 * points `to`.
 */
export function homography(from: Array<[number, number]>, to: Array<[number, number]>): number[] {
  const a: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = from[i]!, [u, v] = to[i]!;
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  // Gaussian elimination with partial pivoting on the 8×9 augmented matrix.
  for (let c = 0; c < 8; c++) {
    let p = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r;
    [a[c], a[p]] = [a[p]!, a[c]!];
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const f = a[r]![c]! / a[c]![c]!;
      for (let k = c; k < 9; k++) a[r]![k]! -= f * a[c]![k]!;
    }
  }
  return [...Array.from({ length: 8 }, (_, i) => a[i]![8]! / a[i]![i]!), 1];
}

/** `h` applied to a point. */
export function applyHomography(h: readonly number[], x: number, y: number): [number, number] {
  const d = h[6]! * x + h[7]! * y + h[8]!;
  return [(h[0]! * x + h[1]! * y + h[2]!) / d, (h[3]! * x + h[4]! * y + h[5]!) / d];
}

/**
 * A `width`×`height` raster whose pixel (x, y) is `g` at `h`(x, y) (bilinear; `fill` outside).
 */
export function warpGray(g: GrayRaster, h: readonly number[], width: number, height: number, fill = 255): GrayRaster {
  const out = new Uint8ClampedArray(width * height);
  const d = g.data, W = g.width, H = g.height;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const cx = x + 0.5, cy = y + 0.5;
      const den = h[6]! * cx + h[7]! * cy + h[8]!;
      const sx = (h[0]! * cx + h[1]! * cy + h[2]!) / den - 0.5, sy = (h[3]! * cx + h[4]! * cy + h[5]!) / den - 0.5;
      const x0 = Math.floor(sx), y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= W || y0 + 1 >= H) { out[y * width + x] = fill; continue; }
      const fx = sx - x0, fy = sy - y0, i = y0 * W + x0;
      out[y * width + x] = (d[i]! * (1 - fx) + d[i + 1]! * fx) * (1 - fy) + (d[i + W]! * (1 - fx) + d[i + W + 1]! * fx) * fy;
    }
  }
  return { width, height, data: out };
}

/**
 * Undoes the perspective of a photographed sheet: its quadrilateral becomes an upright rectangle
 * (sides the mean of the opposite sides' lengths) with a white margin of `margin` px. Returns the
 * warped raster and the map from its pixels to `g`'s.
 */
export function rectifyPaper(g: GrayRaster, corners: Array<[number, number]>, margin: number): { raster: GrayRaster; h: number[] } {
  const [tl, tr, br, bl] = corners as [[number, number], [number, number], [number, number], [number, number]];
  const dist = (a: [number, number], b: [number, number]) => Math.hypot(a[0] - b[0], a[1] - b[1]);
  const w = Math.round((dist(tl, tr) + dist(bl, br)) / 2), ht = Math.round((dist(tl, bl) + dist(tr, br)) / 2);
  const rect: Array<[number, number]> = [[margin, margin], [margin + w, margin], [margin + w, margin + ht], [margin, margin + ht]];
  const h = homography(rect, corners);
  const raster = warpGray(g, h, w + 2 * margin, ht + 2 * margin);
  // The margin lies off the sheet: what the surround left there (the light squares of a checked
  // tablecloth, joined to the sheet's light region) is not text. A few pixels of it are kept: the
  // corners are found on a reduced copy.
  const x0 = margin - SHEET_EDGE, x1 = margin + w + SHEET_EDGE, y0 = margin - SHEET_EDGE, y1 = margin + ht + SHEET_EDGE;
  for (let y = 0, i = 0; y < raster.height; y++) {
    for (let x = 0; x < raster.width; x++, i++) if (x < x0 || x >= x1 || y < y0 || y >= y1) raster.data[i] = 255;
  }
  return { raster, h };
}

/** How far (px) beyond a rectified sheet's outline its margin keeps what was photographed. */
const SHEET_EDGE = 4;

/**
 * Sauvola's adaptive threshold (integral images, O(1) per pixel): dark where
 * v ≤ mean·(1 + k·(std/R − 1)). Robust to uneven light and faint print.
 */
export function sauvola(g: GrayRaster, window = 0, k = 0.2, R = 128): GrayRaster {
  const r = Math.max(7, Math.round((window || Math.min(g.width, g.height) / 30) / 2));
  const ii = integralImages(g);
  const out = new Uint8ClampedArray(g.width * g.height);
  for (let y = 0; y < g.height; y++) {
    for (let x = 0; x < g.width; x++) {
      const { mean, std } = windowStats(ii, x - r, y - r, x + r + 1, y + r + 1);
      out[y * g.width + x] = g.data[y * g.width + x]! <= mean * (1 + k * (std / R - 1)) ? 0 : 255;
    }
  }
  return { width: g.width, height: g.height, data: out };
}

/** Dark pixels of a raster by Otsu's threshold, as a 0/1 mask. */
function darkMask(g: GrayRaster): Uint8Array {
  const t = otsuThreshold(histogram(g));
  const m = new Uint8Array(g.data.length);
  for (let i = 0; i < m.length; i++) m[i] = g.data[i]! <= t ? 1 : 0;
  return m;
}

/**
 * Every pixel through a 256-entry table. One kernel for all the tone curves (gamma, contrast
 * stretch): a pixel loop runs slowly until the engine has optimised it, once per distinct loop.
 */
function mapThroughLut(g: GrayRaster, lut: Uint8ClampedArray): GrayRaster {
  const out = new Uint8ClampedArray(g.data.length);
  const d = g.data;
  for (let i = 0; i < out.length; i++) out[i] = lut[d[i]!]!;
  return { width: g.width, height: g.height, data: out };
}

/**
 * Skew of the text lines in degrees (positive: lines rise to the right, i.e. the content is
 * rotated counter-clockwise), by maximising the sharpness of the horizontal projection profile
 * over a coarse-then-fine angle search within ±`maxDegrees`.
 */
export function findSkewAngle(g: GrayRaster, maxDegrees = 15): number {
  const factor = Math.max(1, Math.max(g.width, g.height) / 900);
  const small = factor > 1 ? resizeGray(g, 1 / factor) : g;
  // Dark pixels (Otsu) listed row by row (x only; row y's points are xs[rowStart[y] …
  // rowStart[y+1]]), and integer bins: the score runs ~80 times over them. The coarse search
  // reads every other row and column at half the bin resolution (a quarter of the points); the
  // fine search and the final choice read every dark pixel.
  const w = small.width, h = small.height;
  const t = otsuThreshold(histogram(small));
  const sd = small.data;
  const all = new Uint16Array(w * h);
  const rowStart = new Int32Array(h + 1);
  const coarseRowStart = new Int32Array(h + 1);
  let count = 0;
  let coarseCount = 0;
  for (let y = 0; y < h; y++) {
    const row = y * w;
    rowStart[y] = count;
    coarseRowStart[y] = coarseCount;
    for (let x = 0; x < w; x++) {
      if (sd[row + x]! > t) continue;
      all[count++] = x;
      if (!((x | y) & 1)) coarseCount++;
    }
  }
  rowStart[h] = count;
  coarseRowStart[h] = coarseCount;
  // A page that is mostly dark pixels has no line structure to measure.
  if (count < 50 || count > w * h * 0.5) return 0;
  const xs = all.subarray(0, count);
  const coarseXs = new Uint16Array(coarseCount);
  for (let y = 0, k = 0; y < h; y += 2) for (let i = rowStart[y]!; i < rowStart[y + 1]!; i++) if (!(xs[i]! & 1)) coarseXs[k++] = xs[i]!;
  const diag = Math.ceil(Math.hypot(w, h));
  const bins = new Int32Array(diag * 2 + 2);
  const xsin = new Float64Array(w);
  const score = (deg: number, px: Uint16Array, starts: Int32Array, rowStep: number, unit: number) => projectionScore(deg, px, starts, rowStep, unit, h, diag, bins, xsin);
  let coarse = 0;
  if (coarseCount >= 50) {
    let coarseScore = score(0, coarseXs, coarseRowStart, 2, 2);
    for (let d = -maxDegrees; d <= maxDegrees; d += 0.5) {
      const sc = score(d, coarseXs, coarseRowStart, 2, 2);
      if (sc > coarseScore) { coarseScore = sc; coarse = d; }
    }
  } else {
    let coarseScore = score(0, xs, rowStart, 1, 1);
    for (let d = -maxDegrees; d <= maxDegrees; d += 0.5) {
      const sc = score(d, xs, rowStart, 1, 1);
      if (sc > coarseScore) { coarseScore = sc; coarse = d; }
    }
  }
  let best = coarse;
  let bestScore = score(coarse, xs, rowStart, 1, 1);
  for (let d = coarse - 0.5; d <= coarse + 0.5 + 1e-9; d += 0.05) {
    const sc = score(d, xs, rowStart, 1, 1);
    if (sc > bestScore) { bestScore = sc; best = d; }
  }
  return Math.round(best * 100) / 100;
}

/** Share of a strip's line-high square that must be ink for its profile to be matched (about a character's worth). */
const CURL_INK = 0.15;
/** Most a strip's text is taken to move from the next strip's, as a share of a line's height per strip. */
const CURL_STEP = 0.35;
/** Most two strips with text are taken to differ by, as a share of a line's height, however far apart. */
const CURL_REACH = 0.6;
/** Least rise and fall of the lines over the page, as a share of a line's height, worth straightening. */
const CURL_LEAST = 0.2;
/** How much sharper the straightened profiles must be than the page's as it is. */
const CURL_GAIN = 1.1;
/** A band's bend this far (in line heights) from its neighbours' somewhere stands out (see findLineCurl). */
const CURL_OUTLIER = 0.25;
/** Height of the bands whose lines' bend is measured on their own, in line heights; bands overlap by half. */
const CURL_BAND = 8;

/**
 * How a photographed sheet's lines bend: for bands of rows (their middles at `rows`), how far each
 * column x's text is displaced (`dy[band][x]`, pixels; add to a row to find where its text lies),
 * between bands drawn straight down. See {@link findLineCurl}.
 */
export interface LineCurl {
  rows: number[];
  dy: Float32Array[];
}

/** The displacement of `curl` at (x, y): its bands' at column x, drawn straight between the bands' middles. */
export function curlAt(curl: LineCurl, x: number, y: number): number {
  const { rows, dy } = curl;
  const col = Math.max(0, Math.min(dy[0]!.length - 1, Math.round(x)));
  if (y <= rows[0]!) return dy[0]![col]!;
  for (let b = 1; b < rows.length; b++) {
    if (y <= rows[b]!) {
      const f = (y - rows[b - 1]!) / (rows[b]! - rows[b - 1]!);
      return dy[b - 1]![col]! + (dy[b]![col]! - dy[b - 1]![col]!) * f;
    }
  }
  return dy[dy.length - 1]![col]!;
}

/**
 * How a photographed sheet's text lines bend (see {@link LineCurl}) when the sheet waves or
 * curls so that they are curves rather than straight (a receipt folded and crumpled, a page
 * bending); undefined when the lines are straight (after deskew) or too little text shows it.
 * The page is cut into vertical strips a line high wide, and into bands of {@link CURL_BAND}
 * lines: a crumpled sheet bends one way at its top and another lower down. In a band, each
 * strip's profile of dark rows is matched with the next strip holding text, within
 * {@link CURL_STEP} of a line's height (more across strips without text), and the offsets are
 * added up across the page. Taken only when the whole page's lines rise and fall by at least
 * {@link CURL_LEAST} of a line's height over the width and the strips' profiles, each moved by
 * its offset, add up to a profile {@link CURL_GAIN} times sharper than as they are: text that
 * lines up does not need it, and a page whose strips matched by chance (columns of unrelated
 * text side by side) gains little. Its bands then follow their own bend where that lines up
 * their text better; a flat page's sparse band (two fields of a form a little apart in height)
 * is not straightened on its own.
 */
export function findLineCurl(g: GrayRaster, lineHeight: number): LineCurl | undefined {
  const { width: w, height: h, data } = g;
  if (lineHeight < 8) return undefined;
  const strip = Math.round(lineHeight);
  const n = Math.floor(w / strip);
  if (n < 8) return undefined;
  const t = otsuThreshold(histogram(g));
  // Ink per row and strip.
  const ink = Array.from({ length: n }, () => new Float64Array(h));
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let k = 0; k < n; k++) {
      let c = 0;
      for (let x = row + k * strip, end = x + strip; x < end; x++) if (data[x]! <= t) c++;
      ink[k]![y] = c;
    }
  }
  // The whole page's bend, then each band's where it lines up the text in the band's middle half
  // better: a line the band's edge cuts, or little text, can make a band's own bend a poor one.
  const page = bandCurl(ink, 0, h, strip, lineHeight);
  const range = (c: Float64Array) => Math.max(...c) - Math.min(...c);
  if (!page || range(page.curve) < CURL_LEAST * lineHeight || page.sharpness(page.curve) < CURL_GAIN * page.sharpness()) return undefined;
  const band = Math.round(CURL_BAND * lineHeight);
  const count = Math.max(1, Math.round((h - band) / (band / 2)) + 1);
  const rows: number[] = [], curves: Float64Array[] = [];
  let straightened = 0, asIs = 0;
  for (let b = 0; b < count && count > 1; b++) {
    const y0 = Math.round(((h - band) * b) / (count - 1));
    const own = bandCurl(ink, y0, y0 + band, strip, lineHeight);
    if (!own) continue;
    const from = Math.round(band / 4), to = from + Math.round(band / 2);
    const mine = own.sharpness(own.curve, from, to), whole = own.sharpness(page.curve, from, to);
    rows.push(y0 + band / 2);
    curves.push(mine > whole ? own.curve : page.curve);
    straightened += Math.max(mine, whole);
    asIs += own.sharpness(undefined, from, to);
  }
  if (!curves.length) {
    rows.push(h / 2);
    curves.push(page.curve);
    straightened = page.sharpness(page.curve);
    asIs = page.sharpness();
  }
  if (straightened < CURL_GAIN * asIs) return undefined;
  // A sheet's bend changes slowly down the page. A band whose bend stands out from the median of
  // its own and the bands' above and below (the page's beside an end band) by more than
  // {@link CURL_OUTLIER} of a line somewhere took it by chance (a grey table header's fill lining
  // up at a tilt of its own): it follows that median instead.
  const steady = curves.map((curve, b) => {
    const median = curve.map((v, k) => {
      const above = (curves[b - 1] ?? page.curve)[k]!, below = (curves[b + 1] ?? page.curve)[k]!;
      return Math.max(Math.min(v, above), Math.min(Math.max(v, above), below));
    });
    return curve.some((v, k) => Math.abs(v - median[k]!) > CURL_OUTLIER * lineHeight) ? median : curve;
  });
  // Per column, between the strips' middles drawn straight.
  const dy = steady.map((curve) => {
    const out = new Float32Array(w);
    for (let x = 0; x < w; x++) {
      const c = (x - strip / 2) / strip, k0 = Math.max(0, Math.min(n - 1, Math.floor(c))), k1 = Math.min(n - 1, k0 + 1);
      out[x] = curve[k0]! + (curve[k1]! - curve[k0]!) * Math.max(0, Math.min(1, c - k0));
    }
    return out;
  });
  return { rows, dy };
}

/**
 * The bend of the lines in rows y0–y1 (see {@link findLineCurl}): per strip, its offset, mean
 * zero; and how sharp the band's profile is (over its rows `from`–`to`) with its strips moved by
 * a curve's offsets (as it is without one). Undefined when fewer than six strips hold text.
 */
function bandCurl(ink: readonly Float64Array[], y0: number, y1: number, strip: number, lineHeight: number): { curve: Float64Array; sharpness: (curve?: Float64Array, from?: number, to?: number) => number } | undefined {
  const n = ink.length, h = y1 - y0;
  const profiles = ink.map((p) => p.subarray(y0, y1));
  // Smoothed over a third of a line: matching tolerates strokes that differ from strip to strip.
  const r = Math.max(1, Math.round(lineHeight / 6));
  const smooth = profiles.map((p) => {
    const out = new Float64Array(h);
    let acc = 0;
    for (let y = 0; y < h + r; y++) {
      if (y < h) acc += p[y]!;
      if (y - 2 * r - 1 >= 0) acc -= p[y - 2 * r - 1]!;
      if (y - r >= 0) out[y - r] = acc;
    }
    return out;
  });
  // A strip holds text when it has ink of about a character's worth, and is not mostly dark.
  const usable = profiles.map((p, k) => [k, p.reduce((a, v) => a + v, 0)] as const).filter(([, total]) => total >= CURL_INK * strip * lineHeight && total <= 0.5 * strip * h).map(([k]) => k);
  if (usable.length < 6) return undefined;
  // Each strip with text against the one before it: the shift (to a fraction of a pixel, by the
  // parabola through the best match and its neighbours) that lines their profiles up best.
  const offsets = new Float64Array(n);
  for (let i = 1; i < usable.length; i++) {
    const k0 = usable[i - 1]!, k = usable[i]!;
    const reach = Math.ceil(Math.min(CURL_REACH, CURL_STEP * (k - k0)) * lineHeight);
    const a = smooth[k0]!, b = smooth[k]!;
    const scores = new Float64Array(2 * reach + 1);
    let best = 0;
    for (let s = -reach; s <= reach; s++) {
      let e = 0;
      for (let y = Math.max(0, -s); y < h && y + s < h; y++) e += a[y]! * b[y + s]!;
      scores[s + reach] = e;
      if (e > scores[best + reach]!) best = s;
    }
    const l = scores[best + reach - 1], m = scores[best + reach]!, r1 = scores[best + reach + 1];
    const bend = l !== undefined && r1 !== undefined ? l + r1 - 2 * m : 0;
    offsets[k] = offsets[k0]! + best + (bend < 0 ? (0.5 * (l! - r1!)) / bend : 0);
  }
  // Between strips with text, offsets are drawn straight; before the first and after the last they stay.
  const d = new Float64Array(n);
  for (let k = 0, i = 0; k < n; k++) {
    while (i < usable.length && usable[i]! < k) i++;
    const k1 = usable[Math.min(i, usable.length - 1)]!, k0 = usable[Math.max(0, i - 1)]!;
    d[k] = k >= k1 || k0 === k1 ? offsets[k1]! : k <= k0 ? offsets[k0]! : offsets[k0]! + ((offsets[k1]! - offsets[k0]!) * (k - k0)) / (k1 - k0);
  }
  // Smoothed over three strips: a curl bends slowly.
  const curve = d.map((v, k) => (d[Math.max(0, k - 1)]! + v + d[Math.min(n - 1, k + 1)]!) / 3);
  const mean = curve.reduce((a, v) => a + v, 0) / n;
  for (let k = 0; k < n; k++) curve[k] = curve[k]! - mean;
  const at = (p: Float64Array, y: number) => {
    const i = Math.floor(y), f = y - i;
    const a = i >= 0 && i < h ? p[i]! : 0, b = i + 1 >= 0 && i + 1 < h ? p[i + 1]! : 0;
    return a + (b - a) * f;
  };
  return { curve, sharpness: (shift = new Float64Array(n), from = 0, to = h) => {
    let e = 0;
    for (let y = from; y < to; y++) {
      let sum = 0;
      for (const k of usable) sum += at(profiles[k]!, y + shift[k]!);
      e += sum * sum;
    }
    return e;
  } };
}

/** `g` with each pixel (x, y) read from (x, y + curlAt(curl, x, y)), linearly between rows; white beyond the edges. */
export function straightenColumns(g: GrayRaster, curl: LineCurl): GrayRaster {
  const { width: w, height: h, data } = g;
  const out = createGray(w, h, 255);
  const { rows, dy } = curl;
  for (let y = 0, b = 0; y < h; y++) {
    // The bands around the row, and how far it lies from the first to the second (see curlAt).
    while (b < rows.length && rows[b]! < y) b++;
    const above = dy[Math.max(0, b - 1)]!, below = dy[Math.min(rows.length - 1, b)]!;
    const t = b === 0 || b === rows.length ? 0 : (y - rows[b - 1]!) / (rows[b]! - rows[b - 1]!);
    for (let x = 0; x < w; x++) {
      const sy = y + above[x]! + (below[x]! - above[x]!) * t, y0 = Math.floor(sy), f = sy - y0;
      if (y0 < 0 || y0 + 1 >= h) continue;
      const a = data[y0 * w + x]!, b = data[(y0 + 1) * w + x]!;
      out.data[y * w + x] = a + (b - a) * f;
    }
  }
  return out;
}

/**
 * Sharpness of the projection profile of the points (see findSkewAngle) at `deg`: bins of
 * `unit` pixels over the rows `rowStep` apart; `bins` and `xsin` are scratch arrays.
 */
function projectionScore(deg: number, px: Uint16Array, starts: Int32Array, rowStep: number, unit: number, h: number, diag: number, bins: Int32Array, xsin: Float64Array): number {
  const a = (deg * Math.PI) / 180;
  const s = Math.sin(a) / unit, c = Math.cos(a) / unit;
  bins.fill(0);
  for (let x = 0; x < xsin.length; x++) xsin[x] = x * s;
  for (let y = 0; y < h; y += rowStep) {
    // Math.round(v) + diag with an integer index: v + diag + 0.5 is never negative, so
    // truncation is the floor.
    const yc = y * c + diag + 0.5;
    for (let i = starts[y]!, end = starts[y + 1]!; i < end; i++) bins[(xsin[px[i]!]! + yc) | 0]!++;
  }
  let e = 0;
  for (let i = 1; i < bins.length; i++) { const d = bins[i]! - bins[i - 1]!; e += d * d; }
  return e;
}

/**
 * Median height of text lines from the horizontal projection profile of dark pixels (runs of
 * inked rows), in pixels; 0 when nothing looks like text. Dark pixels that are no text are left
 * out: columns dark in nearly every row (a document viewer's grey frame around the page, a
 * sidebar), which inked every row and made the whole picture one "line", and runs down a column
 * longer than {@link LONG_RULE} (a table's vertical rules, which made its rows' pitch the line
 * height). The profile is also taken in {@link LINE_STRIPS} vertical strips: when their lines are
 * much shorter ({@link JOINED_LINES}), the whole width's runs were lines joined by what stands
 * beside them (an icon at a row's end as tall as its two lines and the gap between them, columns
 * whose lines do not align), and the strips' median is taken; else the whole width's, whose runs
 * hold a line's ascenders and descenders (a strip's piece of a line may have none).
 */
export function estimateLineHeight(g: GrayRaster): number {
  const { width: w, height: h } = g;
  // Each pixel loop is a function of its own, compiled on its own while it runs (this runs once
  // or twice an image: compiled whole, the function was thrown away at each loop it came to).
  const ink = darkMask(g);
  // Rules: long runs down a column, thin across (a dark area, a desk beside a photographed
  // sheet, is no rule: its pixels have ink RULE_WIDTH px to both sides).
  const rule = new Uint8Array(w * h);
  markColumnRules(ink, w, h, Math.max(LONG_RULE, h * LONG_RULE_SHARE), rule);
  clearMarked(ink, rule);
  const minInk = Math.max(2, w * 0.003);
  const step = Math.ceil(w / LINE_STRIPS);
  const strips = Math.ceil(w / step);
  // Ink per row and strip; strip `strips` is the whole width.
  const rows = Array.from({ length: strips + 1 }, () => new Uint32Array(h));
  for (let s = 0; s < strips; s++) stripInk(ink, w, h, s * step, Math.min(w, (s + 1) * step), rows[s]!, rows[strips]!);
  const runsOf = (s: number): number[] => {
    const width = s === strips ? w : Math.min(w, (s + 1) * step) - s * step;
    const runs: number[] = [];
    let run = 0;
    for (let y = 0; y <= h; y++) {
      const n = y < h ? rows[s]![y]! : 0;
      if (n >= minInk && n < width * 0.9) run++;
      else { if (run >= MIN_TEXT_ROWS) runs.push(run); run = 0; }
    }
    return runs;
  };
  const whole = median(runsOf(strips));
  const parts = median(Array.from({ length: strips }, (_, s) => runsOf(s)).flat());
  return parts && parts < whole * JOINED_LINES ? parts : whole;
}

/**
 * Marks in `rule` the rules among `ink` (`w` × `h`) for {@link estimateLineHeight}: columns inked
 * down {@link SOLID_COLUMN} of their rows, and runs down a column at least `longRule` long but
 * for their pixels with ink {@link RULE_WIDTH} px to both sides.
 */
function markColumnRules(ink: Uint8Array, w: number, h: number, longRule: number, rule: Uint8Array): void {
  for (let x = 0; x < w; x++) {
    let n = 0;
    for (let i = x; i < ink.length; i += w) n += ink[i]!;
    if (n >= h * SOLID_COLUMN) { for (let i = x; i < ink.length; i += w) rule[i] = 1; continue; }
    for (let y = 0; y < h; ) {
      if (!ink[y * w + x]) { y++; continue; }
      const start = y;
      while (y < h && ink[y * w + x]) y++;
      if (y - start < longRule) continue;
      for (let i = start * w + x, end = y * w + x; i < end; i += w) {
        if (!(x >= RULE_WIDTH && ink[i - RULE_WIDTH] && x + RULE_WIDTH < w && ink[i + RULE_WIDTH])) rule[i] = 1;
      }
    }
  }
}

/** Clears `ink` where `marked` is set. */
function clearMarked(ink: Uint8Array, marked: Uint8Array): void {
  for (let i = 0; i < ink.length; i++) if (marked[i]) ink[i] = 0;
}

/** The ink of each row of `ink` (`w` × `h`) from column `x0` up to `x1` into `into`, and added to `whole`. */
function stripInk(ink: Uint8Array, w: number, h: number, x0: number, x1: number, into: Uint32Array, whole: Uint32Array): void {
  for (let y = 0; y < h; y++) {
    let n = 0;
    for (let i = y * w + x0, end = y * w + x1; i < end; i++) n += ink[i]!;
    into[y] = n;
    whole[y]! += n;
  }
}

/** Vertical strips {@link estimateLineHeight} also measures lines in. */
const LINE_STRIPS = 3;
/** Lines in strips shorter than this share of the whole width's are lines the whole width joined. */
const JOINED_LINES = 0.7;
/** A run of dark pixels down a column at least this long (px), and {@link LONG_RULE_SHARE} of the picture's height, is a rule, not a stroke. */
const LONG_RULE = 100;
const LONG_RULE_SHARE = 0.2;
/** A rule is thinner than twice this (px). */
const RULE_WIDTH = 4;

/**
 * Fewest rows of a run counted as a line of text: thinner runs are rules and bars (a viewer's
 * page thumbnails, drawn as bars 3–4 px tall, outnumbered the lines of the page beside them and
 * made its 18 px text "4 px", enlarged three times).
 */
const MIN_TEXT_ROWS = 6;

/** A column dark in at least this share of the rows is a frame, not text (see {@link estimateLineHeight}). */
const SOLID_COLUMN = 0.9;

/** Bounding box of the inked content with a margin, or the whole raster when empty. */
export function findContentBox(g: GrayRaster, margin = 16): Box {
  const mask = darkMask(g);
  let x0 = g.width, y0 = g.height, x1 = -1, y1 = -1;
  for (let y = 0; y < g.height; y++) {
    for (let x = 0; x < g.width; x++) {
      if (!mask[y * g.width + x]) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  if (x1 < 0) return { x: 0, y: 0, w: g.width, h: g.height };
  return grownBox({ x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 }, margin, margin, g);
}

// ---------------------------------------------------------------------------------------------
// Orchestration

/** Line height (px) at which the recogniser reads CJK and Latin text best; smaller is upscaled. */
export const TARGET_LINE_HEIGHT = 34;
/** Rendered (screenshot) lines shorter than this are upscaled towards {@link TARGET_LINE_HEIGHT}. */
export const MIN_LINE_HEIGHT = 22;
/**
 * Latin letters have far fewer strokes than CJK characters: the recogniser reads rendered English
 * from ~16 px lines as well as from upscaled ones (same CER on the fixtures), and upscaling them
 * only adds pixels for the layout analysis to walk.
 */
export const MIN_LATIN_LINE_HEIGHT = 16;
/**
 * Photos carry noise and blur that interpolation does not undo: enlarge only small text. Lines
 * of 16 px were once left as they were; a contract page scanned grey at low resolution (taken
 * for a photo by its noise) read at 16 px lost characters in most lines (8.50 % CER), and
 * enlarged read 1.21 %.
 */
export const MIN_PHOTO_LINE_HEIGHT = 18;

/**
 * Photos of this many pixels or more (a phone camera's: 12 MP) are shrunk when their text is
 * large: the recogniser reads their lines no better than at {@link PHOTO_LINE_HEIGHT}, and every
 * step, the reading included, takes time by the pixel.
 */
export const LARGE_PHOTO_PIXELS = 4_000_000;
/** Line height (px) a large photo is shrunk to: its text read best there (26 px too small, 34 and 40 px no better). */
export const PHOTO_LINE_HEIGHT = 30;
/** A large photo is shrunk no further than this many pixels along its longer side. */
const PHOTO_MIN_SIDE = 640;
/**
 * A large photo is shrunk when its lines are more than this many times {@link PHOTO_LINE_HEIGHT}
 * tall. At twice, a 16-MP certificate with lines of 60 px was read at its size: 11.68 % CER in
 * 20.3 s, and shrunk to 30 px lines 6.97 % in 10.5 s; a letter with lines of 55 px 4.31 % in
 * 9.8 s, and shrunk 3.05 % in 6.4 s (held-out set 91).
 */
const PHOTO_SHRINK_ABOVE = 1.5;

/**
 * The long side (px) of the copy of a large photo its lines are measured on: the measure's
 * thresholds (a rule's width, a line's fewest rows) are set for pictures of this size, and on a
 * 12 MP photo it found the strokes of 100 px lines for lines 16 px tall.
 */
const PHOTO_PROBE_SIDE = 1400;

/**
 * The factor (below 1) a large photo ({@link LARGE_PHOTO_PIXELS}) whose lines are more than
 * {@link PHOTO_SHRINK_ABOVE} times {@link PHOTO_LINE_HEIGHT} tall is shrunk by to bring them to
 * it, or 1. Its lines are measured on its reduced copy's sheet turned level ({@link levelSheet}).
 */
function largePhotoScale(g: GrayRaster): number {
  if (g.width * g.height < LARGE_PHOTO_PIXELS) return 1;
  const probe = PHOTO_PROBE_SIDE / Math.max(g.width, g.height);
  return photoShrink(estimateLineHeight(levelSheet(resizeGray(g, probe))) / probe, g.width, g.height);
}

/**
 * The factor (below 1) a large photo w × h whose lines are `lineHeight` tall is shrunk by (see
 * {@link largePhotoScale}), or 1.
 */
function photoShrink(lineHeight: number, w: number, h: number): number {
  if (lineHeight <= PHOTO_SHRINK_ABOVE * PHOTO_LINE_HEIGHT) return 1;
  return Math.min(1, Math.max(PHOTO_LINE_HEIGHT / lineHeight, PHOTO_MIN_SIDE / Math.max(w, h)));
}

/**
 * `g` (a photo) with what lies round its sheet ({@link findPaperMask}) whitened and its lines
 * turned level ({@link findSkewAngle}), for its lines to be measured: as taken, a sheet turned 6°
 * on a 16-MP photo had its lines measured over twice as tall as they are (each line's rows ran
 * into the next one's), and a letter lying level on a wooden desk nearly three times, measured
 * with the desk round it; shrunk to bring such lines to {@link PHOTO_LINE_HEIGHT}, their text was
 * left 12–13 px tall.
 */
function levelSheet(g: GrayRaster): GrayRaster {
  const sheet = findPaperMask(g);
  const page = sheet ? { width: g.width, height: g.height, data: g.data.map((v, i) => (sheet.mask[i] ? v : 255)) } : g;
  const angle = findSkewAngle(page);
  return Math.abs(angle) >= DESKEW_LEAST ? rotateGray(page, -angle, 255) : page;
}

/** A page whose lines lean by less than this (degrees) is not turned. */
const DESKEW_LEAST = 0.3;

/** Sums over (2r+1)² windows clamped to a raster w × h, from its {@link summedArea} `sum`. */
function windowSums(sum: Float64Array, w: number, h: number, r: number): Float64Array {
  const W = w + 1;
  const out = new Float64Array(w * h);
  for (let y = 0; y < h; y++) {
    const top = Math.max(0, y - r) * W, bottom = Math.min(h, y + r + 1) * W;
    for (let x = 0; x < w; x++) {
      const x0 = Math.max(0, x - r), x1 = Math.min(w, x + r + 1);
      out[y * w + x] = sum[bottom + x1]! - sum[top + x1]! - sum[bottom + x0]! + sum[top + x0]!;
    }
  }
  return out;
}

/**
 * A light photo set as a chat's wallpaper (a pale sky behind LINE's bubbles), divided away:
 * each of its pixels is scaled, channel by channel, by the wallpaper's mean around it so that it
 * becomes white, as a photographed sheet's paper is flattened. Green bubbles as light as the sky
 * were otherwise taken for it and whitened with their text, or the sky for a dark region.
 * A photo's grain tells the wallpaper apart: rendered fills are flat (a pixel equals its four
 * neighbours) and text's edges step far more, while a photo's pixels differ from their
 * neighbours by at most {@link WALLPAPER_GRAIN}. It is a wallpaper when that grain covers
 * {@link WALLPAPER_SHARE} of the screen at least and its mean grey is {@link WALLPAPER_LIGHT} or
 * more: on darker wallpapers, the time stamps are light and the wallpaper is left to the dark
 * regions' inversion. Grain pixels, and all within {@link WALLPAPER_REACH} of the width where
 * grain is {@link WALLPAPER_DENSITY} of the pixels (the flat cores of the time stamps' strokes,
 * the wallpaper between them that happened to be flat), are divided, unless darker than
 * {@link WALLPAPER_INK} of the wallpaper (text, a translucent date chip) and left as they are.
 * The mean is over grain pixels within {@link WALLPAPER_WINDOW} of the width. Returns a new
 * raster, or undefined when there is no such wallpaper.
 */
export function whitenLightWallpaper(rgba: RgbaRaster): { raster: RgbaRaster; whitened: number } | undefined {
  const { width: w, height: h, data: d } = rgba;
  const n = w * h;
  // Measured first on every other pixel of every other row.
  const { count, light, sampled } = sampleGrain(d, w, h);
  if (!count || count < WALLPAPER_SHARE * sampled || light / count < WALLPAPER_LIGHT) return undefined;
  const grain = new Uint8ClampedArray(n);
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const most = grainStep(d, w, y * w + x);
      if (most > 0 && most <= WALLPAPER_GRAIN) grain[y * w + x] = 1;
    }
  }
  const reach = Math.max(2, Math.round(w * WALLPAPER_REACH));
  const grainSum = summedArea({ width: w, height: h, data: grain });
  const density = windowSums(grainSum, w, h, reach);
  const window = Math.max(4, Math.round(w * WALLPAPER_WINDOW));
  const grains = windowSums(grainSum, w, h, window);
  const channel = new Uint8ClampedArray(n);
  const means = [0, 1, 2].map((c) => {
    for (let i = 0; i < n; i++) channel[i] = grain[i] ? d[4 * i + c]! : 0;
    return windowSums(summedArea({ width: w, height: h, data: channel }), w, h, window);
  });
  const out = new Uint8ClampedArray(d);
  const dense = WALLPAPER_DENSITY * (2 * reach + 1) ** 2;
  let whitened = 0;
  for (let i = 0; i < n; i++) {
    const k = grains[i]!;
    if (!k || (!grain[i] && density[i]! < dense)) continue;
    const p = 4 * i;
    const r = means[0]![i]! / k, g = means[1]![i]! / k, b = means[2]![i]! / k;
    if (0.299 * d[p]! + 0.587 * d[p + 1]! + 0.114 * d[p + 2]! < WALLPAPER_INK * (0.299 * r + 0.587 * g + 0.114 * b)) continue;
    out[p] = (d[p]! * 255) / Math.max(1, r);
    out[p + 1] = (d[p + 1]! * 255) / Math.max(1, g);
    out[p + 2] = (d[p + 2]! * 255) / Math.max(1, b);
    whitened++;
  }
  return { raster: { width: w, height: h, data: out }, whitened };
}

/** The grain's step at pixel `i` of `d` (RGBA, `w` wide, not on its edge): the most change of a channel to one of its four neighbours. */
function grainStep(d: Uint8ClampedArray, w: number, i: number): number {
  const p = 4 * i;
  let most = 0;
  for (let k = 0; k < 4; k++) {
    const q = k === 0 ? p - 4 : k === 1 ? p + 4 : k === 2 ? p - 4 * w : p + 4 * w;
    const r = Math.abs(d[p]! - d[q]!), g = Math.abs(d[p + 1]! - d[q + 1]!), b = Math.abs(d[p + 2]! - d[q + 2]!);
    if (r > most) most = r;
    if (g > most) most = g;
    if (b > most) most = b;
  }
  return most;
}

/**
 * The grain on every other pixel of every other row of `d` (RGBA, w × h, its edge left out): how
 * many pixels were looked at, how many step to their neighbours by at most {@link WALLPAPER_GRAIN}
 * (and at all), and the sum of those pixels' grey.
 */
function sampleGrain(d: Uint8ClampedArray, w: number, h: number): { count: number; light: number; sampled: number } {
  let count = 0, light = 0, sampled = 0;
  // A pixel whose four bytes equal each neighbour's steps by 0: told by four comparisons of
  // whole pixels (a rendered page is mostly such), the channels looked at only where one differs.
  const pixels = asWords(d, w * h);
  for (let y = 1; y < h - 1; y += 2) {
    for (let x = 1; x < w - 1; x += 2) {
      const i = y * w + x;
      if (pixels) {
        const v = pixels[i]!;
        if (v === pixels[i - 1] && v === pixels[i + 1] && v === pixels[i - w] && v === pixels[i + w]) { sampled++; continue; }
      }
      const most = grainStep(d, w, i);
      sampled++;
      if (most === 0 || most > WALLPAPER_GRAIN) continue;
      count++;
      light += 0.299 * d[4 * i]! + 0.587 * d[4 * i + 1]! + 0.114 * d[4 * i + 2]!;
    }
  }
  return { count, light, sampled };
}

/** Most change of a channel to a neighbour in a wallpaper photo's grain (see {@link whitenLightWallpaper}). */
const WALLPAPER_GRAIN = 6;
/** Least share of a screen's pixels in grain for a wallpaper. */
const WALLPAPER_SHARE = 0.3;
/** Least mean grey (0–255) of the grain for a light wallpaper. */
const WALLPAPER_LIGHT = 175;
/** Reach (share of the width) within which grain makes a pixel part of the wallpaper. */
const WALLPAPER_REACH = 1 / 180;
/** Least share of grain within that reach. */
const WALLPAPER_DENSITY = 0.35;
/** Reach (share of the width) of the wallpaper's mean colour. */
const WALLPAPER_WINDOW = 1 / 27;
/** A pixel darker than this share of the wallpaper's grey is ink, and left as it is. */
const WALLPAPER_INK = 0.5;

/**
 * Runs the preprocessing chosen from the image's statistics. `rgba` is the decoded, stored
 * raster; `options.orientation` (EXIF) is applied first.
 *
 * A large photo is shrunk by its lines as measured on a reduced copy ({@link largePhotoScale}).
 * When its page then has lines so short that they are magnified again, that measure joined lines
 * (a receipt curling away, a glare across an invoice: lines of about 50 px measured over 140, the
 * photo shrunk to a fifth and its 10-px text magnified three times, read at 43–72 % CER where
 * the photo at half its size read 0.4–8.7 %); it is preprocessed again, shrunk by the lines
 * measured on its page, which come out of the rectified, levelled sheet.
 */
export function preprocess(rgba: RgbaRaster, options: PreprocessOptions = {}): PreprocessResult {
  const first = preprocessAt(rgba, options);
  // The photo's shrinking is its first scale step, the magnifying its last.
  const shrunk = first.geometry.find((step): step is Extract<GeometryStep, { kind: 'scale' }> => step.kind === 'scale');
  if (!shrunk || shrunk.factor >= 1 || !first.steps.some((step) => step.name === 'upscale')) return first;
  const again = photoShrink(first.lineHeight, first.sourceWidth, first.sourceHeight);
  return again > shrunk.factor ? preprocessAt(rgba, options, again) : first;
}

/** {@link preprocess} once, a large photo shrunk by `shrinkTo` when given, else by {@link largePhotoScale}. */
function preprocessAt(rgba: RgbaRaster, options: PreprocessOptions, shrinkTo?: number): PreprocessResult {
  const steps: PreprocessStep[] = [];
  const geometry: GeometryStep[] = [];
  const orientation = options.orientation ?? 1;
  const source = orientation > 1 && orientation <= 8 ? orientRgba(rgba, orientation) : rgba;
  if (source !== rgba) steps.push({ name: 'orientation', detail: `EXIF ${orientation}` });
  let upright = source;
  let g = rgbaToGray(upright);
  steps.push({ name: 'grayscale', detail: 'BT.601 luma' });
  // On paper (a photo or a scan), a brown coffee ring is lifted like a seal; a screenshot's warm
  // wallpaper is not paper, and only a red ring (a pen's, drawn over it) is.
  let stats = measureImage(upright, g);
  const wallpaper = stats.classification === 'photo' ? undefined : whitenLightWallpaper(upright);
  if (wallpaper) {
    upright = wallpaper.raster;
    g = rgbaToGray(upright);
    stats = measureImage(upright, g);
    steps.push({ name: 'whiten-wallpaper', detail: `${Math.round((wallpaper.whitened / g.data.length) * 100)}% of the screen` });
  }
  // A phone camera's photo of paper, shrunk first to the size its text reads best at.
  const shrink = stats.classification === 'photo' ? shrinkTo ?? largePhotoScale(g) : 1;
  if (shrink < 1) {
    upright = resizeRgba(upright, shrink);
    g = rgbaToGray(upright);
    stats = measureImage(upright, g);
    geometry.push({ kind: 'scale', factor: shrink });
    steps.push({ name: 'downscale', detail: `×${shrink.toFixed(2)} (a photo of ${source.width}×${source.height})` });
  }
  // A small sheet in a photo is looked at alone. Only a picture at least four fifths dark can
  // hold one: a sheet is light, and covers less than a fifth.
  const sheet = stats.classification === 'photo' && stats.darkFraction > 1 - PAPER_LEAST ? findSmallSheet(g, upright) : undefined;
  if (sheet) {
    upright = cropRgba(upright, sheet);
    g = cropGray(g, sheet);
    stats = measureImage(upright, g);
    geometry.push({ kind: 'crop', box: sheet });
    steps.push({ name: 'crop-sheet', detail: `${sheet.w}×${sheet.h} at ${sheet.x},${sheet.y}` });
  }
  // Where warm hues find no seal on a photo, red ones may: a fapiao's brown rules and title, warm
  // too, joined its red seal into one shape as wide as the sheet, which no seal is.
  const seals = stats.classification === 'photo' ? eraseSeals(upright, g, undefined, 'warm') || eraseSeals(upright, g, undefined, 'red') : eraseSeals(upright, g, undefined, 'red');
  if (seals) steps.push({ name: 'erase-seals', detail: `${seals} seal(s)` });
  const specks = removeSpeckles(g);
  if (specks) steps.push({ name: 'remove-speckles', detail: `${specks} speck(s)` });
  // Measured again only when those steps changed the grey.
  if (seals || specks) stats = measureImage(upright, g);
  const photo = stats.classification === 'photo';
  if (photo) {
    const marked = liftHighlights(upright, g);
    if (marked) steps.push({ name: 'lift-highlights', detail: `${marked} highlighter band(s)` });
    const noise = grainLevel(g);
    if (noise > GRAIN_LEVEL) {
      g = median3(g);
      steps.push({ name: 'denoise', detail: `median 3×3 (grain ${noise.toFixed(1)})` });
    }
  }

  const paper = photo ? findPaperMask(g, upright) : undefined;
  if (photo && stats.backgroundSpread > 12) {
    g = flattenIllumination(g, 0, paper?.mask);
    steps.push({ name: 'flatten-illumination', detail: `background spread ${stats.backgroundSpread}` });
  }
  if (paper) {
    const ink = paper.shade ? inkInShade(g, paper.shade) : undefined;
    const d = g.data;
    let n = 0;
    for (let i = 0; i < d.length; i++) if (!paper.mask[i] && !ink?.[i]) { d[i] = 255; n++; }
    steps.push({ name: 'whiten-surround', detail: `${Math.round((n / d.length) * 100)}% outside the paper` });
  }
  // On rendered colour UIs, tone comes from the channel extremes instead of luma (see
  // rgbaToChannelExtreme); photos keep luma, whose channel noise is lower.
  const colour = !photo && stats.colourfulness > 2;
  const brightest = colour ? rgbaToChannelExtreme(upright, 'max') : undefined;
  const least = colour ? liftPaleColours(keepColouredStrokes(rgbaToChannelExtreme(upright, 'min'), brightest!), brightest!, g) : undefined;
  // On photos, blur joins the letters of bold print into blobs that look like dark regions: they
  // are looked for without their thin parts.
  const inverted = invertDarkRegions(g, 0, least, !photo, photo);
  if (least) {
    fillColourTone(inverted.raster.data, brightest!.data, least.data, inverted.mask, upright.width);
    g = inverted.raster;
    steps.push({ name: 'colour-fills', detail: 'light colours by their brightest channel outside dark regions, least channel inside' });
  }
  if (inverted.backgrounds.length) {
    g = inverted.raster;
    steps.push({ name: 'whiten-background', detail: inverted.backgrounds.map((b) => `tone ${b.background}`).join(', ') });
  }
  if (inverted.regions.length) {
    g = inverted.raster;
    steps.push({ name: 'invert-dark-regions', detail: `${inverted.regions.length} region(s)` });
  }
  if (inverted.pictures.length) {
    g = inverted.raster;
    steps.push({ name: 'erase-pictures', detail: `${inverted.pictures.length} region(s) holding only shapes` });
  }
  if (!photo) {
    const erased = eraseSolidShapes(g);
    if (erased.count) {
      g = erased.raster;
      steps.push({ name: 'erase-shapes', detail: `${erased.count} shape(s)` });
    }
  }
  const mode = options.contrast ?? (photo ? 'global' : 'gamma');
  if (mode === 'local') {
    const lh = estimateLineHeight(g) || 24;
    g = normaliseLocalContrast(g, lh);
    steps.push({ name: 'local-contrast', detail: `radius ${lh}px` });
  } else if (mode === 'gamma') {
    g = applyGamma(g, 2.2);
    steps.push({ name: 'gamma', detail: 'γ 2.2' });
  }
  const contrast = normaliseContrast(g);
  if (contrast.raster !== g) {
    g = contrast.raster;
    steps.push({ name: 'normalise-contrast', detail: `${contrast.low}–${contrast.high} → 0–255` });
  }
  // Dot-matrix print is paper's (a scan or a photo), never a screen's.
  const dotted = photo ? joinDots(g) : { raster: g, dots: 0 };
  if (dotted.dots) {
    g = dotted.raster;
    steps.push({ name: 'join-dots', detail: `${dotted.dots} dots of dot-matrix print joined` });
  }
  const rectified = !!paper?.quadrilateral && (options.rectify ?? true);
  if (rectified) {
    const margin = Math.round(Math.max(g.width, g.height) / 40);
    const r = rectifyPaper(g, paper.corners, margin);
    geometry.push({ kind: 'warp', h: r.h });
    g = r.raster;
    steps.push({ name: 'rectify', detail: paper.corners.map((c) => c.join(',')).join(' ') });
  }
  if (photo) {
    const levelled = levelShadowBands(g, rectified ? Math.round(Math.max(g.width, g.height) / 40) : 0);
    if (levelled.rows + levelled.columns) {
      g = levelled.raster;
      steps.push({ name: 'level-bands', detail: `${levelled.rows} row(s), ${levelled.columns} column(s) lifted` });
    }
  }
  if (options.deskew ?? photo) {
    const angle = findSkewAngle(g);
    if (Math.abs(angle) >= DESKEW_LEAST) {
      geometry.push({ kind: 'rotate', degrees: -angle, width: g.width, height: g.height });
      g = rotateGray(g, -angle, 255);
      steps.push({ name: 'deskew', detail: `${angle}°` });
    }
  }
  // A sheet that waves or curls (a crumpled receipt) has curved lines; photos only: a screen is flat.
  // The lines' height the curl is measured with is the page's too when the page stays as it is.
  const measured = photo ? { raster: g, lineHeight: estimateLineHeight(g) } : undefined;
  if (measured) {
    const curl = findLineCurl(g, measured.lineHeight);
    if (curl) {
      geometry.push({ kind: 'curl', curl });
      g = straightenColumns(g, curl);
      steps.push({ name: 'straighten-lines', detail: `${curl.dy.length} band(s), up to ${Math.round(Math.max(...curl.dy.map((d) => Math.max(...d) - Math.min(...d))))} px` });
    }
  }
  if (options.cropBorder) {
    const box = findContentBox(g);
    if (box.w < g.width || box.h < g.height) {
      geometry.push({ kind: 'crop', box });
      g = cropGray(g, box);
      steps.push({ name: 'crop-border', detail: `${box.w}×${box.h} at ${box.x},${box.y}` });
    }
  }
  const lineHeight = measured?.raster === g ? measured.lineHeight : estimateLineHeight(g);
  const maxPixels = options.maxPixels ?? 12_000_000;
  let scale = 1;
  const minLineHeight = photo ? MIN_PHOTO_LINE_HEIGHT : options.minLineHeight ?? MIN_LINE_HEIGHT;
  if (lineHeight > 0 && lineHeight < minLineHeight) {
    scale = Math.min(3, TARGET_LINE_HEIGHT / lineHeight, Math.sqrt(maxPixels / (g.width * g.height)));
    if (scale > 1.05) {
      g = resizeGray(g, scale);
      geometry.push({ kind: 'scale', factor: scale });
      steps.push({ name: 'upscale', detail: `×${scale.toFixed(2)} (line height ${lineHeight}px)` });
    } else scale = 1;
  }
  if (options.binarise ?? false) {
    g = sauvola(g);
    steps.push({ name: 'binarise', detail: 'Sauvola k=0.2' });
  }
  // Line height and scale relate the processed raster to the upright original.
  return { raster: g, steps, geometry, scale: scale * shrink, stats, lineHeight: Math.round(lineHeight / shrink), sourceWidth: source.width, sourceHeight: source.height };
}

/**
 * `least` (in place) with pale colours whose least channel is as weak as ink's lifted towards
 * their brightest channel, fully from luma {@link COLOUR_PALE_LUMA}: a yellow bubble (luma 210,
 * least channel 0) is no dark region, and the colour step turns it white. Pale colours with a
 * fair least channel (LINE's green) are left as they are.
 */
function liftPaleColours(least: GrayRaster, brightest: GrayRaster, luma: GrayRaster): GrayRaster {
  for (let i = 0; i < least.data.length; i++) {
    if (least.data[i]! >= COLOUR_FILL_LEAST) continue;
    const pale = Math.min(1, Math.max(0, (luma.data[i]! - COLOUR_PALE_FROM) / (COLOUR_PALE_LUMA - COLOUR_PALE_FROM)));
    if (pale > 0) least.data[i] = least.data[i]! + pale * (brightest.data[i]! - least.data[i]!);
  }
  return least;
}

/**
 * Outside the regions of `mask`, replaces luma (`tone`, in place) by a tone that whitens light
 * colours and keeps coloured text dark: the brightest channel for a light fill (a green bubble,
 * luma 195, becomes 236, as light as the page around it), luma for ink, blended linearly in
 * between so anti-aliased edges stay smooth. Ink is dark (red text, luma 71, whose brightest
 * channel of 230 would vanish on white: luma 100–160 blends) or strongly coloured, with a weak
 * least channel (orange text, luma 153 but least channel 0: least channel 40–80 blends);
 * fills are pale, all their channels fairly strong. Long straight runs of such colour (a button's
 * green outline around its green label, a coloured rule) are not ink: they turn light. A fill is
 * never darkened: a seal's ink already lifted to the paper's tone stays there (its brightest
 * channel, 190–250 in a JPEG, left a grey ring the gamma step then darkened).
 */
function fillColourTone(tone: Uint8ClampedArray, brightest: Uint8ClampedArray, least: Uint8ClampedArray, mask: Uint8Array, width: number): void {
  // Pixels kept dark for their colour alone (not their luma): ink, unless they make up a long
  // straight run (the outline of a button, a coloured rule), which turns as light as a fill.
  const inked = new Uint8Array(tone.length);
  for (let i = 0; i < tone.length; i++) {
    if (mask[i]) continue;
    const luma = tone[i]!;
    if (luma <= COLOUR_TEXT_LUMA) continue;
    const byLuma = luma >= COLOUR_FILL_LUMA ? 1 : (luma - COLOUR_TEXT_LUMA) / (COLOUR_FILL_LUMA - COLOUR_TEXT_LUMA);
    const l = least[i]!;
    const byLeast = l >= COLOUR_FILL_LEAST ? 1 : l <= COLOUR_TEXT_LEAST ? 0 : (l - COLOUR_TEXT_LEAST) / (COLOUR_FILL_LEAST - COLOUR_TEXT_LEAST);
    if (byLeast < byLuma) inked[i] = 1;
    tone[i] = luma + Math.min(byLuma, byLeast) * Math.max(0, brightest[i]! - luma);
  }
  const length = Math.max(60, Math.round(width / 12));
  const height = tone.length / width;
  const across = inkRuns(inked, width, height, 1), down = inkRuns(inked, width, height, width);
  // Long one way and thin the other: a rule or an outline, not a coloured area (a banner).
  for (let k = 0; k < tone.length; k++) {
    if (inked[k] && ((across[k]! >= length && down[k]! <= THIN_RULE) || (down[k]! >= length && across[k]! <= THIN_RULE))) tone[k] = brightest[k]!;
  }
}

/** Thickest (px) a coloured rule or outline can be. */
const THIN_RULE = 4;

/**
 * For each marked pixel of `marks` (width × height), the length of the run of marked pixels it
 * lies in along `step` (1: across, width: down); 0 elsewhere.
 */
function inkRuns(marks: Uint8Array, width: number, height: number, step: number): Uint16Array {
  const runs = new Uint16Array(marks.length);
  const lines = step === 1 ? height : width, along = step === 1 ? width : height, next = step === 1 ? width : 1;
  for (let l = 0; l < lines; l++) {
    let start = -1;
    for (let a = 0; a <= along; a++) {
      const k = l * next + a * step;
      if (a < along && marks[k]) { if (start < 0) start = a; continue; }
      if (start >= 0) { const n = Math.min(65535, a - start); for (let b = start; b < a; b++) runs[l * next + b * step] = n; }
      start = -1;
    }
  }
  return runs;
}

/** Luma at or below which a coloured pixel keeps its luma (text), and at or above which it takes its brightest channel (a fill). */
const COLOUR_TEXT_LUMA = 100;
const COLOUR_FILL_LUMA = 160;
/**
 * Luma from which a strongly coloured pixel starts to count as a fill, and at or above which it
 * is one: yellow (#fee500, luma 210) is never text on a light page; orange (luma 165–175, white
 * text on a transfer card) stays below.
 */
const COLOUR_PALE_FROM = 185;
const COLOUR_PALE_LUMA = 200;
/** Least channel at or below which a coloured pixel is ink, and at or above which it can be a fill. */
const COLOUR_TEXT_LEAST = 40;
const COLOUR_FILL_LEAST = 80;

/**
 * Maps a box in the processed raster back to the upright original (orientation applied,
 * nothing else), clamped to the original's bounds.
 */
export function mapBoxToSource(box: Box, result: Pick<PreprocessResult, 'geometry' | 'sourceWidth' | 'sourceHeight'>): Box {
  let pts: Array<[number, number]> = [[box.x, box.y], [box.x + box.w, box.y], [box.x, box.y + box.h], [box.x + box.w, box.y + box.h]];
  for (let i = result.geometry.length - 1; i >= 0; i--) {
    const step = result.geometry[i]!;
    if (step.kind === 'scale') pts = pts.map(([x, y]) => [x / step.factor, y / step.factor]);
    else if (step.kind === 'crop') pts = pts.map(([x, y]) => [x + step.box.x, y + step.box.y]);
    else if (step.kind === 'warp') pts = pts.map(([x, y]) => applyHomography(step.h, x, y));
    else if (step.kind === 'curl') pts = pts.map(([x, y]) => [x, y + curlAt(step.curl, x, y)]);
    else if (step.kind === 'turn') pts = pts.map(([x, y]) => unturnPoint(x, y, step.orientation, step.width, step.height));
    else pts = pts.map(([x, y]) => unrotatePoint(x, y, step.degrees, step.width, step.height));
  }
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const x0 = Math.max(0, Math.floor(Math.min(...xs)));
  const y0 = Math.max(0, Math.floor(Math.min(...ys)));
  const x1 = Math.min(result.sourceWidth, Math.ceil(Math.max(...xs)));
  const y1 = Math.min(result.sourceHeight, Math.ceil(Math.max(...ys)));
  return { x: x0, y: y0, w: Math.max(0, x1 - x0), h: Math.max(0, y1 - y0) };
}

/**
 * The x of the lines that part a screenshot into panes side by side (a tablet's list of chats
 * beside the open chat, a web page's menu beside its text): columns of one tone, a rule or the
 * edge of a panel, that nothing crosses: within {@link PANE_TONE} of their commonest tone, and
 * {@link PANE_STEP} or more from the pixel 2 px to one side, in {@link PANE_HEIGHT} of the rows
 * from top to bottom, or in one unbroken run of {@link PANE_RUN} of them (the line starts below
 * a title bar that spans both panes). Adjacent such columns make one line (their middle). Left
 * and right tenths of the picture are not looked at: a page's margin is no pane.
 */
export function findPaneSeparators(g: GrayRaster): number[] {
  return findPanes(g).separators;
}

/**
 * The edge of a panel set beside a screenshot's text, shorter than a line between panes (a web
 * page's menu in a card at the left of its content): the column of the left half (past its first
 * tenth) that looks like such a line (see paneLineAt) in the longest unbroken run, at least
 * `least` rows long; its x and the rows of that run. Undefined when there is none.
 */
export function findSidePanelEdge(g: GrayRaster, least: number): PanelEdge | undefined {
  return findPanes(g, least).edge;
}

/** The edge of a panel beside a page's text (see findSidePanelEdge): its x, and the rows it runs down. */
export interface PanelEdge {
  x: number;
  y0: number;
  y1: number;
}

/**
 * The lines between panes (see findPaneSeparators) and, with `least`, the edge of a panel beside
 * the text (see findSidePanelEdge), from one look at the columns.
 */
export function findPanes(g: GrayRaster, least = Infinity): { separators: number[]; edge?: PanelEdge } {
  const { width: w, height: h } = g;
  const found: number[] = [];
  let edge: PanelEdge | undefined;
  for (let x = Math.max(2, Math.round(w * 0.1)); x < Math.min(w - 2, w * 0.9); x++) {
    // Columns that cannot make a line (nor, in the left half, a panel's edge) are left early.
    const line = paneLineAt(g, x, Math.min(h * PANE_RUN, x < w * 0.5 ? least : Infinity));
    if (!line) continue;
    if (line.rows >= h * PANE_HEIGHT || line.run >= h * PANE_RUN) found.push(x);
    if (x < w * 0.5 && line.run >= least && (!edge || line.run > edge.y1 - edge.y0)) edge = { x, y0: line.start, y1: line.start + line.run };
  }
  const separators: number[] = [];
  for (let k = 0; k < found.length; ) {
    let end = k;
    while (end + 1 < found.length && found[end + 1]! - found[end]! <= 2) end++;
    separators.push(Math.round((found[k]! + found[end]!) / 2));
    k = end + 1;
  }
  return edge ? { separators, edge } : { separators };
}

/**
 * The first row of the panes parted at `separators` (see {@link findPaneSeparators}): where the
 * first of their lines starts its longest unbroken run. Above it lies a band that spans the panes
 * (a mail client's title bar and toolbar), read across: cut into panes, its centred title was
 * read in two pieces after the list of folders ("Inbo;" and "X - jordan…"). 0 when a line runs
 * from the top.
 */
export function panesTop(g: GrayRaster, separators: readonly number[]): number {
  const top = Math.min(...separators.map((x) => paneLineAt(g, x)?.start ?? 0));
  return separators.length && top >= PANES_BAND ? top : 0;
}

/** Fewest rows (px) of a band above panes read on its own. */
const PANES_BAND = 16;

/**
 * The rows of column `x` of `g` that look like a line between panes: within {@link PANE_TONE} of
 * the column's commonest tone and {@link PANE_STEP} or more from a pixel 2 px to one side. How
 * many (`rows`), the longest unbroken run of them (`run`) and where it starts; undefined when
 * the commonest tone covers under half of {@link PANE_RUN} of the column, or (with `wanted`) when
 * the column holds neither {@link PANE_HEIGHT} of its rows nor a run `wanted` rows long.
 */
function paneLineAt(g: GrayRaster, x: number, wanted = 0): { rows: number; run: number; start: number } | undefined {
  const { width: w, height: h, data } = g;
  const rowsWanted = h * PANE_HEIGHT;
  if (wanted) {
    // A line's rows step from the pixels beside them: a column with too few such rows is left
    // before its tones are counted (a page's text columns, white beside white).
    const spare = h - Math.min(rowsWanted, wanted);
    for (let y = 0, i = x, flat = 0; y < h; y++, i += w) {
      const v = data[i]!;
      if (Math.abs(v - data[i - 2]!) < PANE_STEP && Math.abs(v - data[i + 2]!) < PANE_STEP && ++flat > spare) return undefined;
    }
  }
  const hist = new Uint32Array(256);
  for (let y = 0, i = x; y < h; y++, i += w) hist[data[i]!]!++;
  let mode = 0;
  for (let v = 1; v < 256; v++) if (hist[v]! > hist[mode]!) mode = v;
  if (hist[mode]! < h * PANE_RUN * 0.5) return undefined;
  let rows = 0, run = 0, longest = 0, start = 0;
  for (let y = 0, i = x; y < h; y++, i += w) {
    const v = data[i]!;
    if (Math.abs(v - mode) <= PANE_TONE && (Math.abs(v - data[i - 2]!) >= PANE_STEP || Math.abs(v - data[i + 2]!) >= PANE_STEP)) {
      rows++;
      if (++run > longest) { longest = run; start = y - run + 1; }
    } else {
      run = 0;
      // With `wanted`, given up once neither PANE_HEIGHT of the rows nor a run of `wanted` can be reached.
      const left = h - 1 - y;
      if (wanted && rows + left < rowsWanted && Math.max(longest, left) < wanted) return undefined;
    }
  }
  return { rows, run: longest, start };
}

/** Share of the rows a pane's dividing line runs down, at least. */
const PANE_HEIGHT = 0.97;
/** Share of the rows a pane's dividing line runs down in one piece, at least, when it runs down fewer in all. */
const PANE_RUN = 0.85;
/** How far (0–255) from its commonest tone a dividing line's pixels lie, at most. */
const PANE_TONE = 4;
/** How much (0–255) a dividing line differs from the pixels 2 px beside it, at least. */
const PANE_STEP = 8;

/** Maps a point of a raster turned as EXIF `orientation` (6, 3 or 8) turns it back to the raster (`w` × `h`) it was turned from. */
export function unturnPoint(x: number, y: number, orientation: number, w: number, h: number): [number, number] {
  if (orientation === 6) return [y, h - x];
  if (orientation === 8) return [w - y, x];
  if (orientation === 3) return [w - x, h - y];
  return [x, y];
}

/** Radius of the square a dark region's own pixels are tested with (see {@link solidShare}). */
const SOLID_RADIUS = 3;
/**
 * Least share of a dark region's pixels that are solid, at the centre of a 7 × 7 square of them:
 * a date bar or a dark screen has most of its pixels so, a bold glyph (strokes ≤ 6 px) almost none.
 */
const SOLID_REGION = 0.02;

/** The share of component `label`'s pixels (in `box`) at the centre of a (2r+1)² square lying wholly in it. */
export function solidShare(labels: Int32Array, w: number, label: number, box: Box, r: number): number {
  const across = new Uint8Array(box.w * box.h);
  let n = 0;
  for (let y = 0; y < box.h; y++) {
    let run = 0;
    for (let x = 0; x < box.w; x++) {
      const own = labels[(box.y + y) * w + box.x + x] === label;
      if (own) n++;
      run = own ? run + 1 : 0;
      // A run of 2r + 1 ending at x: the pixel r before it has r own pixels each side.
      if (run >= 2 * r + 1) across[y * box.w + x - r] = 1;
    }
  }
  // Down each column, row by row (each column's run kept): the pixels in memory order.
  let solid = 0;
  const down = new Int32Array(box.w);
  for (let y = 0; y < box.h; y++) {
    for (let x = 0, i = y * box.w; x < box.w; x++, i++) {
      const run = across[i] ? down[x]! + 1 : 0;
      down[x] = run;
      if (run >= 2 * r + 1) solid++;
    }
  }
  return n ? solid / n : 0;
}

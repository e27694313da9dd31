/**
 * Splitting a page into horizontal bands that can be recognised in parallel (one engine per
 * band) and merging the bands' results back into one page. A band boundary only ever falls in
 * a run of blank rows, so no text line is cut; the cut that best halves the ink is chosen, since
 * recognition time follows the amount of text rather than the area.
 */
import type { OcrLine, OcrResult, OcrWord } from './engine';
import { cropGray, histogram, otsuThreshold, type Box, type GrayRaster } from './raster';

/** A band of rows `[y, y + h)` of the page. */
export interface Band {
  y: number;
  h: number;
}

/** Options of {@link splitIntoBands}. */
export interface BandOptions {
  /** Fewest consecutive blank rows a cut may fall in (default 4). */
  minGap?: number;
  /** Least share of the page's ink each band must get (default 0.25). */
  minShare?: number;
}

/**
 * Cuts the page into two bands at a run of blank rows (which both bands keep), choosing the run that
 * splits the ink most evenly; returns the whole page as one band when no run gives each side
 * at least `minShare` of the ink (a page that is one block of text, or nearly blank).
 */
export function splitIntoBands(g: GrayRaster, options: BandOptions = {}): Band[] {
  const whole: Band[] = [{ y: 0, h: g.height }];
  const minGap = options.minGap ?? 4;
  const minShare = options.minShare ?? 0.25;
  const t = otsuThreshold(histogram(g));
  // A row is blank when next to nothing in it is darker than the page's threshold (a stray
  // speck of noise does not make a text line).
  const noise = Math.max(2, Math.floor(g.width * 0.005));
  const ink = new Float64Array(g.height);
  const down = new Float64Array(g.width);
  let total = 0;
  for (let y = 0; y < g.height; y++) {
    let n = 0;
    const row = y * g.width;
    for (let x = 0; x < g.width; x++) if (g.data[row + x]! <= t) { n++; down[x]!++; }
    ink[y] = n;
    total += n;
  }
  if (total === 0) return whole;
  // Text in columns side by side is read column by column: bands cut across them would read
  // each column's top half, then the other's, then the bottom halves.
  if (hasTextColumns(g, t, down, total)) return whole;
  let best: { start: number; end: number; score: number; gap: number } | undefined;
  let above = 0;
  let runStart = -1;
  let inkBeforeRun = 0;
  for (let y = 0; y <= g.height; y++) {
    const blank = y < g.height && ink[y]! <= noise;
    if (blank && runStart < 0) { runStart = y; inkBeforeRun = above; }
    if (!blank && runStart >= 0) {
      const gap = y - runStart;
      // Runs touching the page's top or bottom edge are margins, not gaps between lines.
      if (gap >= minGap && runStart > 0 && y < g.height) {
        const share = inkBeforeRun / total;
        const score = Math.abs(share - 0.5);
        if (share >= minShare && share <= 1 - minShare && (!best || score < best.score - 0.02 || (Math.abs(score - best.score) <= 0.02 && gap > best.gap))) {
          best = { start: runStart, end: y, score, gap };
        }
      }
      runStart = -1;
    }
    if (y < g.height) above += ink[y]!;
  }
  if (!best) return whole;
  // Both bands keep the whole blank gap as their margin: the engine reads a line next to a
  // band's edge best with the same white space around it as on the page.
  return [{ y: 0, h: best.end }, { y: best.start, h: g.height - best.start }];
}

/**
 * Whether the ink of `g` (pixels ≤ `t`; `down` its counts down each column, `total` in all)
 * stands in columns of text side by side: a gutter, a run of columns in the picture's middle
 * three fifths nearly without ink ({@link GUTTER_INK} of the ink's mean per column at most: a
 * title across both columns crosses it), {@link GUTTER_LEAST} to {@link GUTTER_MOST} of the
 * width wide, with ink down most columns over {@link COLUMN_SPAN} of the width at least on each
 * side; and rows of text on both sides at once, the right one's starting flush after it
 * ({@link FLUSH} of the width), as running text does. A bill's labels and amounts, and a chat's
 * bubbles on either side, are no such columns.
 */
function hasTextColumns(g: GrayRaster, t: number, down: Float64Array, total: number): boolean {
  const width = g.width;
  const mean = total / width;
  const inked = (x: number) => down[x]! > GUTTER_INK * mean;
  let first = 0, last = width - 1;
  while (first < width && !inked(first)) first++;
  while (last > first && !inked(last)) last--;
  for (let x = Math.round(width * 0.2); x < width * 0.8; x++) {
    if (inked(x)) continue;
    let end = x;
    while (end < width && !inked(end)) end++;
    const wide = end - x;
    if (wide >= Math.max(4, GUTTER_LEAST * width) && wide <= GUTTER_MOST * width && x - first >= COLUMN_SPAN * width && last - end >= COLUMN_SPAN * width) {
      let left = 0, right = 0;
      for (let k = first; k < x; k++) if (inked(k)) left++;
      for (let k = end; k <= last; k++) if (inked(k)) right++;
      if (left >= COLUMN_FILL * (x - first) && right >= COLUMN_FILL * (last - end + 1) && runsSideBySide(g, t, x, end)) return true;
    }
    x = end;
  }
  return false;
}

/**
 * Whether {@link BOTH_SIDES} of the rows inked on either side of the gutter `[x0, x1)` of `g`
 * are inked on both, the right side's ink starting within {@link FLUSH} of the width after the
 * gutter in {@link FLUSH_ROWS} of them (lines of text start flush with their column; the left
 * column's end is ragged).
 */
function runsSideBySide(g: GrayRaster, t: number, x0: number, x1: number): boolean {
  const { width: w, height: h, data } = g;
  const reach = FLUSH * w;
  let rows = 0, both = 0, flush = 0;
  for (let y = 0; y < h; y++) {
    const row = y * w;
    let lastLeft = -1, firstRight = -1;
    for (let x = x0 - 1; x >= 0; x--) if (data[row + x]! <= t) { lastLeft = x; break; }
    for (let x = x1; x < w; x++) if (data[row + x]! <= t) { firstRight = x; break; }
    if (lastLeft < 0 && firstRight < 0) continue;
    rows++;
    if (lastLeft < 0 || firstRight < 0) continue;
    both++;
    if (firstRight - x1 <= reach) flush++;
  }
  return both >= BOTH_SIDES * rows && flush >= FLUSH_ROWS * both;
}

/** A gutter's columns of pixels hold at most this share of the ink's mean per column. */
const GUTTER_INK = 0.1;
/** A gutter between columns of text is at least this share of the picture's width… */
const GUTTER_LEAST = 0.01;
/** …and at most this share. */
const GUTTER_MOST = 0.1;
/** Each column of text spans at least this share of the picture's width… */
const COLUMN_SPAN = 0.25;
/** …with ink down this share of its columns of pixels at least. */
const COLUMN_FILL = 0.9;
/** Rows of the right column of text start within this share of the width after the gutter. */
const FLUSH = 0.03;
/** At least this share of the inked rows of pixels hold both columns' text (lines of two columns need not stand level)… */
const BOTH_SIDES = 0.3;
/** …and in this share of those, the right column's starts flush with the gutter. */
const FLUSH_ROWS = 0.5;

/**
 * The rows of `g` worth giving the engine: from {@link TRIM_MARGIN} rows above its first row with
 * any ink to as far below its last, or undefined when that would leave out less than
 * {@link TRIM_LEAST} of the page. The engine's layout analysis costs time on blank paper too
 * (a bill whose lower half is blank was read 0.1 s sooner without it, of 0.7 s); leaving out
 * less saves little and can change how the engine lays out what is left. Ink here is anything
 * {@link FAINT_STEP} levels darker than the paper (its commonest tone lighter than the page's
 * threshold), so faint grey text (a footer, a watermark's notice) keeps its rows; more than a
 * photo's grain in a row ({@link NOISE_SHARE} of its width) makes it a row of ink. A photo
 * deskewed within its frame, with a grey band along its edges (callog_tw's, 184-200 and 19 px
 * wide, inked every row), is looked into inside that band.
 */
export function textRows(g: GrayRaster): Band | undefined {
  const hist = histogram(g);
  const t = otsuThreshold(hist);
  let paper = t + 1;
  for (let v = t + 1; v < 256; v++) if (hist[v]! > hist[paper]!) paper = v;
  if (paper > 255) return undefined;
  const faint = paper - FAINT_STEP;
  const noise = Math.max(2, Math.floor(g.width * NOISE_SHARE));
  const inkIn = (y: number, x0: number, x1: number, most: number): boolean => {
    let n = 0;
    const row = y * g.width;
    for (let x = x0; x < x1; x++) if (g.data[row + x]! <= faint && ++n > most) return true;
    return false;
  };
  // A photo deskewed within its frame keeps a grey band along its edges, inked on every row: its
  // outer strips are then not looked at, nor the rows of its band above and below the sheet.
  const side = Math.round(g.width * FRAME_SHARE), band = Math.round(g.height * FRAME_SHARE);
  let framed = 0;
  for (let y = 0; y < g.height; y++) if (inkIn(y, 0, side, FRAME_INK - 1) && inkIn(y, g.width - side, g.width, FRAME_INK - 1)) framed++;
  const frame = side > 0 && framed >= FRAME_ROWS * g.height;
  const inked = frame ? (y: number) => y >= band && y < g.height - band && inkIn(y, side, g.width - side, noise) : (y: number) => inkIn(y, 0, g.width, noise);
  let first = 0, last = g.height - 1;
  while (first < g.height && !inked(first)) first++;
  if (first === g.height) return undefined;
  while (last > first && !inked(last)) last--;
  const margin = Math.max(TRIM_MARGIN, Math.round(g.width * 0.02));
  const y = Math.max(0, first - margin), end = Math.min(g.height, last + 1 + margin);
  return g.height - (end - y) >= TRIM_LEAST * g.height ? { y, h: end - y } : undefined;
}

/** A frame's band along the edges of a photo is at most this share of its width (and height) wide. */
const FRAME_SHARE = 0.03;
/** A frame holds at least this many inked pixels in both side strips of a row… */
const FRAME_INK = 3;
/** …on this share of the rows at least. */
const FRAME_ROWS = 0.75;

/** Rows of blank paper kept above and below the text (or a fiftieth of the width when more). */
const TRIM_MARGIN = 32;
/** The blank rows left out must come to this share of the page at least. */
const TRIM_LEAST = 0.25;
/** Ink is at least this many levels darker than the paper. */
const FAINT_STEP = 24;
/** A row with more dark pixels than this share of its width is inked. */
const NOISE_SHARE = 0.005;

/** The rows of one band as a raster of their own. */
export function bandRaster(g: GrayRaster, band: Band): GrayRaster {
  return band.y === 0 && band.h === g.height ? g : cropGray(g, { x: 0, y: band.y, w: g.width, h: band.h });
}

/** The lines of `result` with their boxes and their words' boxes moved by `dx`, `dy` (a part's reading placed back in its page). */
export function movedLines(result: OcrResult, dx: number, dy: number): OcrLine[] {
  const move = (box: Box): Box => ({ x: box.x + dx, y: box.y + dy, w: box.w, h: box.h });
  return result.lines.map((line) => ({ ...line, box: move(line.box), words: line.words.map((w) => ({ ...w, box: move(w.box) })) }));
}

/**
 * Merges the results of bands (top to bottom) into one page: boxes moved down by the band's
 * offset, lines and words in reading order, the text joined by line breaks, and the confidence
 * averaged over all words.
 */
export function mergeBandResults(parts: ReadonlyArray<{ band: Band; result: OcrResult }>): OcrResult {
  if (parts.length === 1 && parts[0]!.band.y === 0) return parts[0]!.result;
  const lines: OcrLine[] = [];
  const words: OcrWord[] = [];
  const texts: string[] = [];
  for (const { band, result } of parts) {
    for (const line of movedLines(result, 0, band.y)) {
      lines.push(line);
      words.push(...line.words);
    }
    const text = result.text.replace(/\s+$/, '');
    if (text) texts.push(text);
  }
  const confidence = words.length
    ? words.reduce((s, w) => s + w.confidence, 0) / words.length
    : parts.reduce((s, p) => s + p.result.confidence, 0) / Math.max(1, parts.length);
  return { text: texts.length ? `${texts.join('\n')}\n` : '', confidence, words, lines };
}

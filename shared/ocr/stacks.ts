/**
 * Small text stacked in two rows beside a line: a chat's read receipt over its time at the side
 * of a sent message's last line (LINE's grey 已讀 over 下午2:16). The engine's layout analysis
 * takes both rows into the message's line and misreads them across ("_, 副 一直關閉漫遊", the
 * receipt and the time over 補貼款收了 read "上唔"), or reads them as words boxed over both rows,
 * which then stand on the message's row in the page's reading order.
 */
import { readsChinese, throwIfCancelled, type CancelSignal, type OcrEngine, type OcrLine, type OcrResult, type OcrWord } from './engine';
import { HAN, LETTER_OR_DIGIT, lineOf, meanConfidence, medianHeight, resultOf } from './lines';
import { boxesOverlap, clampBox, grownBox, unionBox, type Box, type GrayRaster } from './raster';
import { centreIn, INK_TONE, inkRows, LATIN_LETTERS, LATIN_ONLY, readStacked, REREAD_TEXT, sureText } from './rereading';

/**
 * Reads again, row by row, the stacks of small text beside the lines of a screenshot
 * ({@link stacksBeside}). Every row of a page's stacks is cut out without the ink above and
 * below it, on a white ground, enlarged to {@link REREAD_TEXT} pixels and read in one engine
 * call; on a Chinese page a row read as Latin letters alone and unsure is read once more with
 * those letters barred. A stack's rows replace the words whose ink lies in it
 * ({@link STACK_INK_SHARE}) when every row reads at least {@link STACK_SURE} and they hold as
 * much sure text as those words ({@link sureText}): the upper row joins the line it stands
 * beside and the lower one is a line after it, as they are read on the screen.
 */
export async function readSideStacks(result: OcrResult, raster: GrayRaster, engine: OcrEngine, lang: string, signal?: CancelSignal): Promise<OcrResult> {
  const stacks: Array<{ line: OcrLine; rows: Box[] }> = [];
  for (const line of result.lines) {
    // The line's own text: its words of letters or figures read fairly surely and not much less
    // tall than most of them (a stack's words read into the line are smaller).
    const sure = line.words.filter((w) => LETTER_OR_DIGIT.test(w.text) && w.confidence >= STACK_BODY_SURE);
    if (!sure.length) continue;
    const tall = medianHeight(sure);
    const body = sure.filter((w) => w.box.h > STACK_SMALL * tall);
    if (Array.from(body.map((w) => w.text.trim()).join('')).length < 2) continue;
    for (const rows of stacksBeside(raster, body)) {
      if (!stacks.some((s) => s.rows.some((r) => rows.some((q) => centreIn(q, r) || centreIn(r, q))))) stacks.push({ line, rows });
    }
  }
  if (!stacks.length) return result;
  throwIfCancelled(signal);
  const rows = stacks.flatMap((s) => s.rows);
  const unit = Math.max(...rows.map((r) => r.h));
  const scale = Math.min(3, Math.max(1, REREAD_TEXT / unit));
  const bare = rows.map(() => true);
  const readings = await readStacked(raster, rows, unit, engine, lang, signal, { scale, bare, whiten: true });
  // A read receipt read as Latin letters ("aa", "BA") is read once more with them barred.
  const latin = readsChinese(lang) ? rows.flatMap((_, k) => (isLatinAlone(readings[k]!) ? [k] : [])) : [];
  if (latin.length) {
    const again = await readStacked(raster, latin.map((k) => rows[k]!), unit, engine, lang, signal, { scale, bare: latin.map(() => true), whiten: true, blacklist: LATIN_LETTERS });
    latin.forEach((k, i) => {
      if (again[i]!.some((w) => HAN.test(w.text)) && meanConfidence(again[i]!) >= STACK_SURE) readings[k] = again[i]!;
    });
  }
  let lines = result.lines;
  let at = 0;
  for (const { line, rows: own } of stacks) {
    const read = readings.slice(at, (at += own.length));
    if (read.some((r) => !r.length || meanConfidence(r) < STACK_SURE)) continue;
    const region = own.map((r) => grownBox(r, STACK_MARGIN, STACK_MARGIN, raster));
    const old = lines.flatMap((l) => l.words).filter((w) => w.text.trim() && region.some((r) => boxesOverlap(r, w.box)) && inkShareIn(raster, w.box, region) >= STACK_INK_SHARE);
    const fresh = read.flat();
    if (sureText(fresh) < sureText(old)) continue;
    // The upper row joins the line it stands beside; the lower one is a line after it.
    const gone = new Set(old);
    const [upper, ...lower] = read;
    lines = lines.flatMap((l) => {
      const left = l.words.filter((w) => !gone.has(w));
      if (l === line) {
        const words = [...left, ...upper!].sort((a, b) => a.box.x - b.box.x);
        return [lineOf(words, meanConfidence(words)), ...lower.map((r) => lineOf(r, meanConfidence(r)))];
      }
      return left.length === l.words.length ? [l] : left.some((w) => w.text.trim()) ? [lineOf(left, meanConfidence(left))] : [];
    });
  }
  return lines === result.lines ? result : resultOf(lines, result.confidence);
}

/** Least confidence of the words of a line that tell where its text stands. */
const STACK_BODY_SURE = 60;
/** Least mean confidence of each row of a stack read again. */
const STACK_SURE = 70;
/** A word whose ink lies in a stack by at least this share is the stack's (boxed over its rows). */
const STACK_INK_SHARE = 0.6;
/** Pixels around a stack's rows that still hold its ink. */
const STACK_MARGIN = 2;

/** Latin letters alone, read less than surely: a read receipt in Chinese misread. */
function isLatinAlone(words: readonly OcrWord[]): boolean {
  return LATIN_ONLY.test(words.map((w) => w.text.trim()).join('')) && meanConfidence(words) < STACK_LATIN_SURE;
}

/** Below this, Latin letters alone in a stack on a Chinese page are read again as Chinese. */
const STACK_LATIN_SURE = 80;

/**
 * The stacks of small text beside the text of `body` (sure words of one line): along the rows
 * of their text (the longest run of inked rows across their boxes, `h` tall), the runs of
 * columns holding ink, parted by blanks at least {@link STACK_GAP} × `h` wide, are the line's
 * parts; the part next to the first or last one holding a word of `body`, at most
 * {@link STACK_REACH} × `h` from it, is a stack when its ink, followed up and down, makes
 * exactly two rows of text set at most {@link STACK_ROW_GAP} × `h` apart, each between
 * {@link STACK_LEAST} and {@link STACK_SMALL} times as tall as `h`, neither reaching farther
 * than `h` above or below the line. Each stack as its rows' boxes, top first: a row is as wide
 * as its ink goes on along it (blanks at most {@link STACK_BLANK} of its height), short of the
 * line's text, and as tall as that ink reaches, short of the other row.
 */
export function stacksBeside(raster: GrayRaster, body: readonly OcrWord[]): Box[][] {
  const { width } = raster;
  // The rows of the text by its ink: a second reading's boxes can reach far above their glyphs.
  const { y: top, h } = inkRows(raster, unionBox(body.map((w) => w.box)));
  const bottom = top + h;
  if (h < STACK_LEAST_HEIGHT) return [];
  const inked = inkedColumns(raster, top, bottom);
  const parts: Array<[number, number]> = [];
  const gap = Math.max(2, Math.round(STACK_GAP * h));
  let start = -1, end = -1;
  for (let x = 0; x < width; x++) {
    if (!inked[x]) continue;
    if (start < 0 || x - end >= gap) { if (start >= 0) parts.push([start, end]); start = x; }
    end = x + 1;
  }
  if (start >= 0) parts.push([start, end]);
  const holds = ([a, b]: [number, number]) => body.some((w) => w.box.x + w.box.w / 2 >= a && w.box.x + w.box.w / 2 < b);
  const first = parts.findIndex(holds), last = parts.findLastIndex(holds);
  if (first < 0) return [];
  const stacks: Box[][] = [];
  for (const k of [first - 1, last + 1]) {
    const part = parts[k];
    if (!part) continue;
    const before = k < first;
    const edge = before ? parts[first]![0] : parts[last]![1];
    if ((before ? edge - part[1] : part[0] - edge) > STACK_REACH * h) continue;
    // A row's ink may go on along it (a time wider than the receipt over it), not into the line's text.
    const room: [number, number] = before ? [0, edge - gap] : [edge + gap, width];
    const rows = stackRows(raster, part, top, bottom, room);
    if (rows) stacks.push(rows);
  }
  return stacks;
}

/**
 * 1 for each column of `raster` with ink (darker than {@link INK_TONE}) in rows `top` up to
 * `bottom`. A loop of its own, compiled on its own: {@link stacksBeside} runs for each line.
 */
function inkedColumns(raster: GrayRaster, top: number, bottom: number): Uint8Array {
  const { width, height, data } = raster;
  const inked = new Uint8Array(width);
  for (let y = Math.max(0, top); y < Math.min(height, bottom); y++) for (let x = 0, i = y * width; x < width; x++, i++) if (data[i]! < INK_TONE) inked[x] = 1;
  return inked;
}

/** Least height of a line's text that stacks are looked for beside (pixels). */
const STACK_LEAST_HEIGHT = 8;
/** A blank at least this many of the line's text heights wide parts a stack from the line. */
const STACK_GAP = 0.8;
/** A stack stands at most this many of the line's text heights from its text. */
const STACK_REACH = 3;
/** The rows of a stack are at most this many of the line's text heights apart. */
const STACK_ROW_GAP = 0.5;
/** Each row of a stack is at least this share of the line's text height tall, */
const STACK_LEAST = 0.35;
/** and at most this share. */
const STACK_SMALL = 0.8;
/** Widest blank within a row of a stack, in the row's heights. */
const STACK_BLANK = 0.8;

/** The two rows of a stack in the columns `part` of the line from `top` to `bottom` (see {@link stacksBeside}), or undefined. */
function stackRows(raster: GrayRaster, [a, b]: [number, number], top: number, bottom: number, room: [number, number]): Box[] | undefined {
  const { width, height, data } = raster;
  const h = bottom - top;
  const from = Math.max(0, top - h), to = Math.min(height, bottom + h);
  const inkedRow = (y: number) => {
    for (let i = y * width + a, e = y * width + b; i < e; i++) if (data[i]! < INK_TONE) return true;
    return false;
  };
  const runs: Array<{ y: number; h: number }> = [];
  let start = -1, end = -1;
  for (let y = from; y < to; y++) {
    if (!inkedRow(y)) continue;
    if (start < 0 || y - end > ROW_BLANK) { if (start >= 0) runs.push({ y: start, h: end - start }); start = y; }
    end = y + 1;
  }
  if (start >= 0) runs.push({ y: start, h: end - start });
  // The runs chained to the line's rows, a row's gap apart.
  const level = runs.findIndex((r) => r.y < bottom && r.y + r.h > top);
  if (level < 0) return undefined;
  let lo = level, hi = level;
  const near = (p: { y: number; h: number }, q: { y: number; h: number }) => q.y - (p.y + p.h) <= STACK_ROW_GAP * h;
  while (lo > 0 && near(runs[lo - 1]!, runs[lo]!)) lo--;
  while (hi < runs.length - 1 && near(runs[hi]!, runs[hi + 1]!)) hi++;
  const chain = runs.slice(lo, hi + 1);
  if (chain.length !== 2 || chain[0]!.y <= from || chain[1]!.y + chain[1]!.h >= to) return undefined;
  if (chain.some((r) => r.h < STACK_LEAST * h || r.h > STACK_SMALL * h)) return undefined;
  // Each row grown along its ink, then over the rows that ink reaches (a time's top cut off
  // where only the receipt over it stood in the line's columns), short of the other row.
  const [upper, lower] = chain as [{ y: number; h: number }, { y: number; h: number }];
  const limits = [[from, lower.y], [upper.y + upper.h, to]] as const;
  return chain.map((r, k) => {
    const inkedColumn = (x: number) => {
      for (let y = r.y; y < r.y + r.h; y++) if (data[y * width + x]! < INK_TONE) return true;
      return false;
    };
    const blank = Math.max(2, Math.round(STACK_BLANK * r.h));
    let left = a, right = b;
    for (let x = left - 1, run = 0; x >= room[0] && run <= blank; x--) if (inkedColumn(x)) { left = x; run = 0; } else run++;
    for (let x = right, run = 0; x < room[1] && run <= blank; x++) if (inkedColumn(x)) { right = x + 1; run = 0; } else run++;
    const inkedAcross = (y: number) => {
      for (let i = y * width + left, e = y * width + right; i < e; i++) if (data[i]! < INK_TONE) return true;
      return false;
    };
    let y0 = r.y, y1 = r.y + r.h;
    while (y0 - 1 > limits[k]![0] && inkedAcross(y0 - 1)) y0--;
    while (y1 < limits[k]![1] - 1 && inkedAcross(y1)) y1++;
    return { x: left, y: y0, w: right - left, h: y1 - y0 };
  });
}

/** Blank rows within one row of a stack's text, at most. */
const ROW_BLANK = 2;

/** The share of the ink (darker than {@link INK_TONE}) in `box` that lies in `region`; for a box without ink, 1 when it is centred in the region. */
function inkShareIn(raster: GrayRaster, box: Box, region: readonly Box[]): number {
  const b = clampBox(box, raster);
  let all = 0, inside = 0;
  for (let y = b.y; y < b.y + b.h; y++) {
    for (let x = b.x; x < b.x + b.w; x++) {
      if (raster.data[y * raster.width + x]! >= INK_TONE) continue;
      all++;
      if (region.some((r) => x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h)) inside++;
    }
  }
  return all ? inside / all : region.some((r) => centreIn(box, r)) ? 1 : 0;
}

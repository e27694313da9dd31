/**
 * The engine's page (tesseract's blocks of paragraphs of lines of words, each with its box) as
 * the engine-neutral {@link OcrResult}, for the Node and the browser engines alike.
 */
import type { OcrLine, OcrResult, OcrWord } from './engine';
import { HAN, medianRow } from './lines';
import { median, type Box } from './raster';

/** A box as the engine gives it: its left, top, right and bottom edges. */
export interface EngineBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The parts of tesseract's page that are read (structurally, so that shared/ needs no engine). */
export interface EnginePage {
  text: string;
  confidence: number;
  blocks: Array<{
    paragraphs: Array<{
      lines: Array<{
        text: string;
        confidence: number;
        bbox: EngineBox;
        words: Array<{ text: string; confidence: number; bbox: EngineBox; symbols?: Array<{ text?: string; bbox: EngineBox }> | null }>;
      }>;
    }>;
  }> | null;
}

const toBox = (b: EngineBox): Box => ({ x: b.x0, y: b.y0, w: Math.max(0, b.x1 - b.x0), h: Math.max(0, b.y1 - b.y0) });

/** Converts the engine's page into an {@link OcrResult}, the boxes of collapsed words mended (see {@link mendCollapsedWords}). */
export function pageToResult(page: EnginePage): OcrResult {
  const lines: OcrLine[] = [];
  for (const block of page.blocks ?? []) {
    for (const para of block.paragraphs) {
      for (const line of para.lines) {
        const box = toBox(line.bbox);
        const words = mendCollapsedWords(line.words.map((w) => ({ text: withoutLettersReadTwice(w.text, w.symbols), confidence: w.confidence, box: toBox(w.bbox), collapsed: isCollapsed(w.symbols) })), box);
        lines.push({ text: line.text.trim(), confidence: line.confidence, box, words });
      }
    }
  }
  return { text: page.text, confidence: page.confidence, words: lines.flatMap((l) => l.words), lines };
}

/**
 * A word's text without a letter the engine read twice from one glyph, once in each case: "mpPro"
 * for mPro, its p boxed over the left half of the P and down the whole height of the word. Of
 * two symbols side by side that are one letter in both cases and overlap by {@link TWICE_OVERLAP}
 * of the narrower's width at least, the one boxed taller goes (the first when as tall). The text
 * stays as read unless it is its symbols' texts one after the other.
 */
export function withoutLettersReadTwice(text: string, symbols: ReadonlyArray<{ text?: string; bbox: EngineBox }> | null | undefined): string {
  if (!symbols || symbols.length < 2 || symbols.map((s) => s.text ?? '').join('') !== text) return text;
  const dropped = new Set<number>();
  for (let i = 0; i + 1 < symbols.length; i++) {
    const a = symbols[i]!, b = symbols[i + 1]!;
    const x = a.text ?? '', y = b.text ?? '';
    if (!/^[A-Za-z]$/u.test(x) || x === y || x.toLowerCase() !== y.toLowerCase()) continue;
    const overlap = Math.min(a.bbox.x1, b.bbox.x1) - Math.max(a.bbox.x0, b.bbox.x0);
    if (overlap < TWICE_OVERLAP * Math.min(a.bbox.x1 - a.bbox.x0, b.bbox.x1 - b.bbox.x0)) continue;
    dropped.add(b.bbox.y1 - b.bbox.y0 > a.bbox.y1 - a.bbox.y0 ? i + 1 : i);
    i++;
  }
  return dropped.size ? symbols.filter((_, i) => !dropped.has(i)).map((s) => s.text).join('') : text;
}

/**
 * Least overlap of a letter read twice with itself, in its narrower box's width: one glyph's two
 * readings overlapped by 0.33–0.56 of it (mPro, eight readings); two glyphs of a word, "ApP" for
 * App, stood 3 px apart.
 */
const TWICE_OVERLAP = 0.25;

/**
 * Whether a word's symbols are collapsed: the engine can give all but the last of a word's
 * characters boxes a pixel wide at the place of its last one ("$168，" boxed as its comma alone,
 * 6 × 11 px, beside the wider text it reads).
 */
function isCollapsed(symbols: ReadonlyArray<{ bbox: EngineBox }> | null | undefined): boolean {
  if (!symbols || symbols.length < 3) return false;
  const thin = symbols.slice(0, -1).filter((s) => s.bbox.x1 - s.bbox.x0 <= 1);
  return thin.length >= 2 && thin.length * 2 >= symbols.length;
}

/**
 * Gives each word the engine boxed on its last mark the place it must have held: a collapsed word
 * ({@link isCollapsed}), or Chinese characters boxed less than {@link SHORT_HAN} as tall as the
 * line's other Chinese and as narrow per character (月 boxed 8 × 14 px on the comma after it,
 * among characters 38 tall: the place of 月 then looked like text left out, and the "character"
 * 14 px tall like small text set apart). The word then reaches from the end of the word before it
 * (or at most {@link COLLAPSED_REACH} of its height a character back, and one more for the mark)
 * to its own right edge, on the rows of the line's other words. Its reading is kept.
 */
export function mendCollapsedWords(words: ReadonlyArray<OcrWord & { collapsed: boolean }>, line: Box): OcrWord[] {
  const hanHeights = words.filter((w) => HAN.test(w.text)).map((w) => w.box.h);
  const hanHeight = hanHeights.length >= 3 ? median(hanHeights) : 0;
  // Small both ways: a time's 下午 at 20 px beside text at 38 is small text, as wide as its characters.
  const misplaced = words.map((w) => w.collapsed || (HAN_ONLY.test(w.text.trim()) && w.box.h < SHORT_HAN * hanHeight && w.box.w < SHORT_HAN * hanHeight * Array.from(w.text.trim()).length));
  if (!misplaced.some(Boolean)) return words.map(({ collapsed: _, ...w }) => w);
  // Rows: the median top and bottom of the line's other words (a line's box can reach into the
  // line above or below a cut out part), else the line's.
  const others = words.filter((w, i) => !misplaced[i] && w.box.h > 0);
  const { top, bottom } = others.length ? medianRow(others) : { top: line.y, bottom: line.y + line.h };
  return words.map(({ collapsed: _, ...w }, i) => {
    if (!misplaced[i]) return w;
    const right = w.box.x + w.box.w;
    const before = words[i - 1];
    const reach = right - Math.round(COLLAPSED_REACH * (bottom - top) * (Array.from(w.text.trim()).length + 1));
    const left = Math.max(line.x, reach, before ? before.box.x + before.box.w : -Infinity);
    if (left >= w.box.x) return w;
    return { ...w, box: { x: left, y: top, w: right - left, h: bottom - top } };
  });
}

const HAN_ONLY = /^\p{Script=Han}+$/u;
/** Chinese characters boxed less than this share of the height of the line's others (median), tall and wide, are boxed on a mark. */
const SHORT_HAN = 0.4;
/** A collapsed word reaches back at most this many times its height per character. */
const COLLAPSED_REACH = 0.7;

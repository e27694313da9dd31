/**
 * Chinese characters between figures read as figures or Latin letters: 2024年8月1日 alone in a
 * table cell read "202448818", 24个月 read "247A", 599元 read "5997". The Latin model, read with
 * the Chinese one, takes a character standing among figures for one more of them. The ink tells
 * them apart: a Chinese character stands taller than the figures beside it, and wider.
 */
import { readsChinese, throwIfCancelled, type CancelSignal, type OcrEngine, type OcrResult, type OcrWord } from './engine';
import { HAN, rewriteLines } from './lines';
import { glyphsIn, type Glyph } from './marks';
import { median, overlapArea, type Box, type GrayRaster } from './raster';
import { LATIN_LETTERS, readStacked, REREAD_TEXT } from './rereading';

/**
 * `result` with the Chinese characters read as figures or letters in a word of figures put back.
 * A word of ASCII characters holding at least {@link LEAST_FIGURES} figures is cut into glyphs
 * ({@link glyphsIn}, one per character, or the word is left); a glyph at least
 * {@link HAN_TALLER} times as tall and {@link HAN_WIDER} times as wide as the word's figures (their
 * medians) is read again alone, with the Chinese models alone and figures and Latin letters
 * barred, all of a page's in one engine call ({@link readStacked}). A glyph read as one Chinese
 * character at least {@link HAN_SURE} sure takes its place in the word; the word's other
 * characters stay as read.
 */
export async function readHanAmongFigures(result: OcrResult, raster: GrayRaster, engine: OcrEngine, lang: string, signal?: CancelSignal): Promise<OcrResult> {
  const chinese = lang.split('+').filter((l) => l.startsWith('chi_')).join('+');
  if (!readsChinese(lang) || !chinese) return result;
  const found = new Map<OcrWord, { chars: string[]; glyphs: Glyph[]; at: Array<{ glyph: number; char: number }> }>();
  for (const line of result.lines) {
    for (const w of line.words) {
      const wide = wideGlyphs(raster, w);
      // A glyph under another word of the line is read there already (a figure's glyph joined
      // to the 年 after it, boxed as a word of its own).
      const at = wide?.at.filter(({ glyph }) => {
        const box = glyphBox(wide.glyphs[glyph]!);
        return !line.words.some((o) => o !== w && o.text.trim() && overlapArea(o.box, box) > UNDER_OTHER * box.w * box.h);
      });
      if (wide && at?.length) found.set(w, { ...wide, at });
    }
  }
  if (!found.size) return result;
  throwIfCancelled(signal);
  const boxes: Box[] = [];
  for (const { glyphs, at } of found.values()) for (const { glyph } of at) boxes.push(glyphBox(glyphs[glyph]!));
  const unit = Math.max(...boxes.map((b) => b.h));
  const scale = Math.min(3, Math.max(1, REREAD_TEXT / unit));
  const readings = await readStacked(raster, boxes, unit, engine, chinese, signal, { scale, alone: true, blacklist: FIGURES + LATIN_LETTERS });
  const texts = new Map<OcrWord, string>();
  let next = 0;
  for (const [w, { chars, at }] of found) {
    const out = [...chars];
    for (const { char: k } of at) {
      const read = readings[next++]!;
      const text = read.map((r) => r.text.trim()).join('');
      if (read.length === 1 && Array.from(text).length === 1 && HAN.test(text) && read[0]!.confidence >= HAN_SURE) out[k] = text;
    }
    if (out.some((c, k) => c !== chars[k])) texts.set(w, `${w.text.slice(0, w.text.length - w.text.trimStart().length)}${out.join('')}`);
  }
  if (!texts.size) return result;
  return rewriteLines(result, (line) => (line.some((w) => texts.has(w)) ? line.map((w) => (texts.has(w) ? { ...w, text: texts.get(w)! } : w)) : undefined));
}

/**
 * The characters of `w`, its glyphs and the places of those that stand as a Chinese character
 * among its figures (see {@link readHanAmongFigures}); undefined when it has none, holds other
 * than ASCII or too few figures, or its glyphs are not one per character.
 */
function wideGlyphs(raster: GrayRaster, w: OcrWord): { chars: string[]; glyphs: Glyph[]; at: Array<{ glyph: number; char: number }> } | undefined {
  const chars = Array.from(w.text.trim());
  if (!chars.length || !chars.every((c) => ASCII_MARK.test(c))) return undefined;
  // The characters with a glyph each: points and commas have no ink on the middle row.
  const slots = chars.flatMap((c, k) => (OFF_MIDDLE.test(c) ? [] : [k]));
  const figures = slots.flatMap((k, j) => (FIGURE.test(chars[k]!) ? [j] : []));
  if (figures.length < LEAST_FIGURES) return undefined;
  // The word's glyphs, and any that reach into its box from beside it: a glyph cut by the box's
  // edge (a Chinese character after the word, boxed over in part) leaves the word as it is.
  const reach = Math.round(w.box.h / 2), slack = Math.max(1, Math.round(GLYPH_SLACK * w.box.h));
  const glyphs = glyphsIn(raster, { x: w.box.x - reach, y: w.box.y, w: w.box.w + 2 * reach, h: w.box.h }).filter((g) => g.x1 > w.box.x && g.x0 < w.box.x + w.box.w);
  if (glyphs.length !== slots.length || glyphs.some((g) => g.x0 < w.box.x - slack || g.x1 > w.box.x + w.box.w + slack)) return undefined;
  const tall = median(figures.map((k) => glyphs[k]!.bottom - glyphs[k]!.top));
  const wide = median(figures.map((k) => glyphs[k]!.x1 - glyphs[k]!.x0));
  // A glyph wider than a Chinese character is two joined (blurred figures): the glyphs are not
  // the characters one by one.
  if (glyphs.some((g) => g.x1 - g.x0 > HAN_WIDEST * tall)) return undefined;
  const at = glyphs.flatMap((g, k) => (g.bottom - g.top >= HAN_TALLER * tall && g.x1 - g.x0 >= HAN_WIDER * wide ? [k] : []));
  // The figures measured must be mostly figures.
  if (!at.length || figures.filter((k) => !at.includes(k)).length < LEAST_FIGURES) return undefined;
  return { chars, glyphs, at: at.map((j) => ({ glyph: j, char: slots[j]! })) };
}

/** A glyph's box. */
function glyphBox(g: Glyph): Box {
  return { x: g.x0, y: g.top, w: g.x1 - g.x0, h: g.bottom - g.top };
}

/** ASCII letters, figures and marks. */
const ASCII_MARK = /^[!-~]$/u;
/** Marks whose ink stays off a line's middle row ({@link glyphsIn} leaves them out). */
const OFF_MIDDLE = /^[.,_'"`^]$/u;
/** An ASCII figure. */
const FIGURE = /^[0-9]$/u;
/** The figures, barred from the second reading. */
const FIGURES = '0123456789';
/** Fewest figures a word holds (besides the glyphs read again) to be looked into. */
const LEAST_FIGURES = 2;
/** A Chinese character stands at least this many times as tall as the figures beside it… */
const HAN_TALLER = 1.12;
/** …and at least this many times as wide. */
const HAN_WIDER = 1.3;
/** A Chinese character is at most this many times as wide as the figures beside it are tall. */
const HAN_WIDEST = 1.4;
/** How far (a share of its height) a word's glyph may reach out of its box. */
const GLYPH_SLACK = 0.15;
/** A glyph this much of whose area another word's box covers is that word's. */
const UNDER_OTHER = 0.3;
/** Least confidence of a glyph's second reading as a Chinese character. */
const HAN_SURE = 70;

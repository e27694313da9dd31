/**
 * Lines of an OCR result as the engine gave them, put right: words read from pictures removed,
 * lines in reading order row by row. Pure functions of the result's words and boxes.
 */
import type { OcrLine, OcrResult, OcrWord } from './engine';
import { median, overlapArea, unionBox, type Box } from './raster';
import type { PanelEdge } from './preprocess';

/**
 * Removes what the engine read from pictures rather than text:
 * - a table's vertical rule read as "|", unless `isTextBar` finds it a separator set in text;
 * - an avatar or icon beside a chat bubble read as one or two unsure characters ("@" for a
 *   round avatar, "国" or "BH" for a square one): a word of at most two characters without a
 *   digit, read with confidence below 75, at least 1.6 times as tall as the page's median word
 *   and set apart from the rest of its line by at least half its height; or of up to
 *   {@link LOGO_CHARACTERS} such characters with a Latin letter among them, none Chinese, at
 *   either end of its line, standing beside two lines (a logo before a letterhead's name and
 *   address read "[ea": see besideLines); however sure the engine, when the word is
 *   {@link PICTURE_HEIGHT} times as tall as that median and as wide as that per character (a
 *   photo's thumbnail in a chat read "de" at 79 over 301 × 141 px);
 * - one dash or tilde read below 75 over a box at least {@link SMEARED_DASH} times as wide as the
 *   page's median word is tall, wherever it stands: the engine boxes one character about as wide
 *   as tall, and a long box is a shape's edge (the light end of a banner's gradient read "一一一",
 *   each 一 boxed over 190–240 × 77–118 px in 38 px text; a signature's stroke read 一 over
 *   321 × 52 px).
 * Lines left without words are dropped; the others get their box again.
 */
export function dropGraphicWords(result: OcrResult, isTextBar: (w: OcrWord, line: OcrLine) => boolean = () => false): OcrResult {
  const read = result.lines.flatMap((l) => l.words).filter((w) => w.text.trim());
  const heights = read.map((w) => w.box.h).sort((a, b) => a - b);
  const median = heights[heights.length >> 1] ?? 0;
  const graphic = (w: OcrWord, line: OcrLine): boolean => {
    const t = w.text.trim();
    if (isRule(t)) return !isTextBar(w, line);
    if (heights.length >= 5 && DASH.test(t) && w.confidence < 75 && w.box.w >= SMEARED_DASH * median) return true;
    const n = Array.from(t).length;
    if (heights.length < 5 || n > LOGO_CHARACTERS || /\p{Nd}/u.test(t)) return false;
    const picture = n <= 2 && w.box.h >= PICTURE_HEIGHT * median && w.box.w >= n * w.box.h;
    if (!picture && (w.confidence >= 75 || w.box.h < 1.6 * median)) return false;
    if (n <= 2 && nearestGap(w, line.words) >= w.box.h / 2) return true;
    // A logo read as Latin letters (read as Chinese characters, a label boxed tall is text; a
    // colon after it can be boxed as tall).
    const read = line.words.filter((o) => o.text.trim());
    return /\p{L}/u.test(t) && !HAN.test(t) && (w === leftmost(read) || w === rightmost(read)) && besideLines(w, result.lines, median);
  };
  return withoutWords(result, (w, line) => w.text.trim() !== '' && graphic(w, line));
}

/**
 * Whether two lines or more of `lines` start beside `w` (or end, with `w` after them) within its
 * height, level with it (a word of each shares at least half its own height with `w`'s rows),
 * their edges nearest `w` within `align` of each other: a logo before (or after) a letterhead's
 * name and address, ranged on it. A glyph stands on one line.
 */
function besideLines(w: OcrWord, lines: readonly OcrLine[], align: number): boolean {
  const rightOf = (o: OcrWord) => o.box.x >= w.box.x + w.box.w / 2;
  // Each line's edge nearest `w`, on its right side (`right`) or its left.
  const edges = (right: boolean) => lines.flatMap((l) => {
    const level = l.words.filter((o) => o !== w && o.text.trim() !== '' && verticalOverlap(o.box, w.box) >= o.box.h / 2 && rightOf(o) === right);
    const edge = right ? Math.min(...level.map((o) => o.box.x)) : Math.max(...level.map((o) => o.box.x + o.box.w));
    return level.length && (right ? edge - (w.box.x + w.box.w) : w.box.x - edge) <= w.box.h ? [edge] : [];
  });
  return [edges(true), edges(false)].some((e) => e.length >= 2 && Math.max(...e) - Math.min(...e) <= align);
}

/** Most characters a logo beside two lines is read as (see {@link dropGraphicWords}). */
const LOGO_CHARACTERS = 3;

/** The gap across from `w` to the nearest other word of `words` read as text (0 where they overlap; Infinity for none). */
function nearestGap(w: OcrWord, words: readonly OcrWord[]): number {
  return Math.min(Infinity, ...words.filter((o) => o !== w && o.text.trim()).map((o) => Math.max(o.box.x - (w.box.x + w.box.w), w.box.x - (o.box.x + o.box.w), 0)));
}

/**
 * Removes the words the engine read down a column of short lines as one vertical word: a word of
 * two or more characters, a letter or digit among them (punctuation read twice over a comma is
 * not a line), at least {@link VERTICAL_WORD} times as tall as wide, read with
 * confidence below {@link VERTICAL_CONFIDENCE} (a bill's amounts 0, 86, 300 and 450 stacked at its
 * right edge, read "282." at 26 over 55 × 218 px). Their ink is left for the reading of text left
 * out (readMissedText), which reads it row by row beside its labels. A page of vertical lines is
 * turned before (turnUpright), and text read surely down a column is kept.
 */
export function dropVerticalMisreads(result: OcrResult): OcrResult {
  return withoutWords(result, (w) => w.confidence < VERTICAL_CONFIDENCE && Array.from(w.text.trim()).length >= 2 && LETTER_OR_DIGIT.test(w.text) && w.box.h >= VERTICAL_WORD * w.box.w);
}

/** A Chinese character. */
export const HAN = /\p{Script=Han}/u;

/** How many Chinese characters `text` holds. */
function hanCount(text: string): number {
  return text.match(/\p{Script=Han}/gu)?.length ?? 0;
}

/** The word of `words` that stands farthest left (the first of those level with it), if any. */
export function leftmost<W extends OcrWord>(words: readonly W[]): W | undefined {
  return words.reduce<W | undefined>((a, w) => (!a || w.box.x < a.box.x ? w : a), undefined);
}

/** The word of `words` that stands farthest right (the first of those level with it), if any. */
export function rightmost<W extends OcrWord>(words: readonly W[]): W | undefined {
  return words.reduce<W | undefined>((a, w) => (!a || w.box.x > a.box.x ? w : a), undefined);
}

/** A letter of any script or a digit: text rather than punctuation or a mark. */
export const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** How many times as tall as wide a word read down a column is (see {@link dropVerticalMisreads}). */
const VERTICAL_WORD = 2;
/** Below this confidence, such a word is a misreading. */
const VERTICAL_CONFIDENCE = 50;

/** One dash or tilde (see {@link dropGraphicWords}). */
const DASH = /^[一\-－—–~～_＿]$/u;
/** A dash boxed this many times as wide as the page's median word is tall is read from a shape (see {@link dropGraphicWords}). */
const SMEARED_DASH = 3;

/** A word this many times as tall as the page's median word (see {@link dropGraphicWords}) is a picture if as wide per character. */
const PICTURE_HEIGHT = 3;

/**
 * Removes what the engine read twice: an unsure word of Latin letters or symbols (no digit, no
 * Chinese; confidence below {@link OVERLAID_CONFIDENCE}) whose box lies within the box of a
 * well-read Chinese word (of any line: the engine can set the two on lines of their own), at
 * least {@link OVERLAID_SHARE} of it (the top of 意 read
 * once more as "=r" over the 意 read at 90).
 */
export function dropOverlaidWords(result: OcrResult): OcrResult {
  const sure = result.lines.flatMap((l) => l.words).filter((o) => o.confidence >= 80 && /\p{Script=Han}/u.test(o.text));
  const overlaid = (w: OcrWord): boolean => {
    const t = w.text.trim();
    if (!t || w.confidence >= OVERLAID_CONFIDENCE || /[\p{N}\p{Script=Han}]/u.test(t)) return false;
    const area = w.box.w * w.box.h;
    return area > 0 && sure.some((o) => o !== w && overlapArea(o.box, w.box) >= OVERLAID_SHARE * area);
  };
  return withoutWords(result, overlaid);
}

/** Below this, a word within a well-read Chinese word is read twice (see {@link dropOverlaidWords}). */
const OVERLAID_CONFIDENCE = 60;
/** The share of such a word's box inside the other's. */
const OVERLAID_SHARE = 0.8;

/**
 * Gives back the English pronoun I that the engine read as a vertical bar ("Hi, | bought"): a
 * "|" between two words of Latin letters on its line, no farther from either than its own height,
 * the word after it starting in lower case; or first on its line, before three words or more
 * of English at least, all of them ({@link ENGLISH_WORD}: "| was never told it had stopped.").
 * A table's rule stands in a wider gap, between cells.
 */
export function barsAsPronoun(result: OcrResult): OcrResult {
  return rewriteLines(result, (all) => {
    const words = all.filter((w) => w.text.trim());
    const fixed = words.map((w, k) => {
      const before = words[k - 1], after = words[k + 1];
      if (!isRule(w.text) || !after) return w;
      // First on its line, it starts a sentence of English words (a bubble's "| was never told").
      const opens = !before && k === 0 && words.length >= 4 && words.slice(1).every((o) => ENGLISH_WORD.test(o.text.trim()));
      if (!before && !opens) return w;
      const near = (!before || w.box.x - (before.box.x + before.box.w) <= w.box.h) && after.box.x - (w.box.x + w.box.w) <= w.box.h;
      if (!near || (before && !/[A-Za-z][,.!?]?$/u.test(before.text.trim())) || !/^[a-z]/u.test(after.text.trim())) return w;
      return { ...w, text: 'I' };
    });
    return fixed.every((w, k) => w === words[k]) ? undefined : fixed;
  });
}

/** A word of English: Latin letters with an apostrophe, or an amount or a time, and the punctuation or read receipt after them (stopped., £64.40., 18:14»). */
const ENGLISH_WORD = /^(?:[A-Za-z][A-Za-z']*|[£$€]?\d[\d,.:]*)[,.!?:;»]{0,2}$/u;

/**
 * Puts right a chat's time read with a dot for its colon ("15.02" for 15:02, ticks after it read
 * as "»"): the last word of a line (before its read receipt), a time of day with a dot, smaller than the line's other words
 * (at most {@link TIME_SHARE} of their median height) and set apart from them by half its height,
 * but no more than {@link TIME_GAP} of it. An amount in the text (HK$15.02) is as tall as the text
 * around it; an amount in a bill's column (代收费 … 20.00, digits a little shorter than the
 * Chinese label) stands 9 to 50 of its heights right of its label, where a chat's time follows
 * its message by about 1.5.
 */
export function chatTimeColons(result: OcrResult): OcrResult {
  return rewriteLines(result, (line) => {
    const all = line.filter((w) => w.text.trim());
    // Read receipts after the time are left for dropReadReceipts.
    const ticks = all.length && TICKS.test(all.at(-1)!.text.trim()) ? all.slice(-1) : [];
    const words = all.slice(0, all.length - ticks.length);
    const last = words.at(-1), rest = words.slice(0, -1);
    const m = last?.text.trim().match(/^((?:[01]?\d|2[0-3]))\.([0-5]\d)[»›]*$/u);
    if (!last || !m || rest.length < 2) return undefined;
    const gap = last.box.x - (rest.at(-1)!.box.x + rest.at(-1)!.box.w);
    if (last.box.h > TIME_SHARE * medianHeight(rest) || gap < last.box.h / 2 || gap > TIME_GAP * last.box.h) return undefined;
    return [...rest, { ...last, text: `${m[1]}:${m[2]}` }, ...ticks];
  });
}

/** Read receipts (two ticks) as the engine reads them. */
const TICKS = /^[wWvV✓✔»][wWvVy✓✔»]?$/u;
/** A chat's time is at most this share of the height of its message's words. */
const TIME_SHARE = 0.8;
/** …and at most this many of its own heights after them: a bill's amount stands far right of its label. */
const TIME_GAP = 4;

/**
 * Whether a word's text is a table's vertical rule read as a character ("|"), with a quote mark
 * where the rule meets a cross rule or jogs in a photo ("“|").
 */
export function isRule(text: string): boolean {
  return /^[“”"'‘’]?[|¦]+[“”"'‘’]?$/u.test(text.trim());
}

/**
 * Removes the icons of a phone screenshot's status bar (signal, Wi-Fi, battery read as "all",
 * "atl", "EE", "@", read again as "ull" at 80): when the topmost word of the page is a clock (16:08),
 * the unsure short words without digits on its row (confidence below {@link STATUS_ICON_CONFIDENCE},
 * at most four characters). A lock screen's
 * status bar has no clock (the clock stands large below it): there, given the page's height, a
 * topmost row of such words alone, without Chinese, within the page's top
 * {@link STATUS_BAR_SHARE}, is dropped whole.
 */
export function dropStatusBarIcons(result: OcrResult, pageHeight?: number): OcrResult {
  const read = result.lines.flatMap((l) => l.words).filter((w) => w.text.trim());
  if (!read.length) return result;
  const top = read.reduce((a, w) => (w.box.y < a.box.y ? w : a));
  const clock = read.find((w) => CLOCK.test(w.text.trim()) && w.box.y <= top.box.y + top.box.h);
  const iconLike = (w: OcrWord) => {
    const t = w.text.trim();
    return t !== '' && w.confidence < STATUS_ICON_CONFIDENCE && Array.from(t).length <= 4 && !/\p{Nd}/u.test(t);
  };
  if (!clock) {
    if (!pageHeight) return result;
    const row = read.filter((w) => sameRow(top.box, w.box));
    if (row.some((w) => w.box.y + w.box.h > pageHeight * STATUS_BAR_SHARE)) return result;
    const icon = (w: OcrWord) => iconLike(w) && !/\p{Script=Han}/u.test(w.text);
    if (row.every(icon)) return withoutWords(result, (w) => row.includes(w));
    // The operator's name in place of the clock (中国移动), the icons far to its right.
    const name = row.filter((w) => !icon(w));
    const end = Math.max(...name.map((w) => w.box.x + w.box.w));
    const after = row.filter((w) => w.box.x >= end);
    if (!name.every((w) => /^\p{Script=Han}+$/u.test(w.text.trim())) || !after.length || !after.every(icon) || Math.min(...after.map((w) => w.box.x)) - end < STATUS_BAR_GAP * top.box.h) return result;
    return withoutWords(result, (w) => after.includes(w));
  }
  // A date after the clock (11月24日 週日, its 日 read at 83) runs on from a kept word without a
  // blank: Chinese touching the word before it is text, however unsure.
  const drop = new Set<OcrWord>();
  let before: OcrWord | undefined;
  for (const w of read.filter((v) => sameRow(clock.box, v.box)).sort((a, b) => a.box.x - b.box.x)) {
    const runsOn = before && !drop.has(before) && w.box.x - (before.box.x + before.box.w) <= STATUS_DATE_GAP * before.box.h && /\p{Script=Han}/u.test(w.text);
    if (w !== clock && iconLike(w) && !runsOn) drop.add(w);
    before = w;
  }
  return withoutWords(result, (w) => drop.has(w));
}

/** Status bar icons are read with less confidence than this. */
const STATUS_ICON_CONFIDENCE = 85;
/** Chinese after a kept word on a clock's row, less than this many of that word's heights after it, runs on from it. */
const STATUS_DATE_GAP = 0.25;
/** A phone's status bar lies within this share of the screenshot's height from its top. */
const STATUS_BAR_SHARE = 0.08;
/** A status bar's icons stand at least this many of its rows' heights right of the operator's name. */
const STATUS_BAR_GAP = 8;

/**
 * Removes the icons of a phone screenshot's app bar read as text: on the row under a status bar
 * whose clock is the page's topmost word, lying within the page's top {@link APP_BAR_SHARE}, the row
 * of the page's title or the name a thread is with,
 * - the words right of the page's middle after a blank of {@link APP_BAR_GAP} of the row's height
 *   (from the word before them or the page's left edge), when each run of them less than half
 *   the row's height apart is one or two marks that make no word: a search glass read 以 or Q, a
 *   menu's bars "=", a video call's camera "口4" (text buttons, 完成 or Edit, and a page count,
 *   1/3, stay), or holds no Chinese and stands less than {@link APP_BAR_FLAT} of the row's height
 *   tall (a menu's three dots read "cee") or is read below {@link APP_BAR_MARK_CONFIDENCE} (a
 *   video call's camera and a call's handset read "O«\\" at 28);
 * - a back arrow at the page's left edge read as one mark: set apart from the word after it by
 *   the row's height (an arrow read 所 before the number 10010), or a symbol read below
 *   {@link APP_BAR_MARK_CONFIDENCE} ("《" and "”" hugging 遠傳電信), or a 《 (or «) that nothing on
 *   the row closes however sure ("《" at 81 hugging 收件匣), or alone on its row (所, the page's
 *   title set large below it);
 * - a badge after the title read as one Chinese character below {@link GARBLED_ARROW_CONFIDENCE}
 *   (a green shield read 史 at 0), or below {@link BADGE_CONFIDENCE} when set apart from the title,
 *   or as one symbol {@link SYMBOL_BADGE_GAP} of the row's height apart from it however sure (a
 *   verified tick read "©" at 87).
 * `page` is the screenshot's size; without it (a photo or a scan) nothing is dropped.
 */
export function dropAppBarIcons(result: OcrResult, page?: { width: number; height: number }): OcrResult {
  const read = result.lines.flatMap((l) => l.words).filter((w) => w.text.trim());
  if (!page || !read.length) return result;
  const topmost = (ws: readonly OcrWord[]) => ws.reduce((a, w) => (w.box.y < a.box.y ? w : a));
  const clock = topmost(read);
  if (!CLOCK.test(clock.text.trim())) return result;
  const below = read.filter((w) => w.box.y > clock.box.y && !sameRow(w.box, clock.box));
  if (!below.length) return result;
  const first = topmost(below);
  if (first.box.y + first.box.h > page.height * APP_BAR_SHARE) return result;
  // The row, and a subtitle under it: an app bar's icons stand in the middle of the two.
  const h = medianHeight(below.filter((w) => sameRow(w.box, first.box)), true);
  const bottom = first.box.y + first.box.h + h * APP_BAR_SUBTITLE;
  const row = below.filter((w) => w.box.y + w.box.h / 2 <= bottom).sort((a, b) => a.box.x - b.box.x);
  const glyphs = (w: OcrWord) => Array.from(w.text.trim());
  const drop = new Set<OcrWord>();
  const far = row.findIndex((w, k) => w.box.x >= page.width / 2 && w.box.x - (k ? row[k - 1]!.box.x + row[k - 1]!.box.w : 0) >= APP_BAR_GAP * h);
  const title = far < 0 ? row : row.slice(0, far);
  // Far right, each run of words less than half a row's height apart is one icon, or a word (a
  // button's 完成 can be read as 完 and 成).
  const runs: OcrWord[][] = [];
  row.slice(far < 0 ? row.length : far).forEach((w, k, ws) => {
    if (k && w.box.x - (ws[k - 1]!.box.x + ws[k - 1]!.box.w) < h / 2) runs[runs.length - 1]!.push(w);
    else runs.push([w]);
  });
  // A menu's three dots (read "cee") are as flat as no text of the row.
  const mark = (run: readonly OcrWord[]) => {
    const text = run.map((w) => w.text.trim()).join('');
    const n = Array.from(text).length;
    return n === 1 || (n === 2 && !/^(?:\p{Script=Han}{2}|[A-Za-z]{2}|\d{2})$/u.test(text)) || (!/\p{Script=Han}/u.test(text) && (run.every((w) => w.box.h < APP_BAR_FLAT * h) || meanConfidence(run) < APP_BAR_MARK_CONFIDENCE));
  };
  if (runs.length && runs.every(mark)) for (const w of row.slice(far)) drop.add(w);
  // The back arrow, read as one mark or as two side by side.
  let k = 0;
  while (k < title.length - 1 && k < 2 && glyphs(title[k]!).length === 1) {
    const w = title[k]!, next = title[k + 1]!;
    if (k === 0 && w.box.x >= h * APP_BAR_EDGE) break;
    const symbol = !/[\p{L}\p{N}]/u.test(w.text);
    // A title in an app bar is one line: a book-title mark opening it that nothing on the row closes is an arrow.
    const unclosed = k === 0 && /^[《«]$/u.test(w.text.trim()) && !title.some((o) => /[》»]/u.test(o.text));
    if (!(next.box.x - (w.box.x + w.box.w) >= h || (symbol && w.confidence < APP_BAR_MARK_CONFIDENCE) || unclosed)) break;
    drop.add(w);
    k++;
  }
  // A back arrow alone on its row (the page's title large below it), read as one mark.
  if (row.length === 1 && glyphs(row[0]!).length === 1 && row[0]!.box.x < h * APP_BAR_EDGE && below.length > 1) drop.add(row[0]!);
  const last = title.at(-1);
  // Read a little surer, a badge is still set apart from the title (a blue shield read 已 at 19,
  // half a row's height after 中華電信; a title's own last character follows it closely).
  const before = title.at(-2);
  const apart = last !== undefined && before !== undefined && last.box.x - (before.box.x + before.box.w) >= BADGE_GAP * h;
  // A symbol alone after a blank is a badge however sure ("©" for a verified tick); a mark
  // touching the title (a brand's ®) is its own.
  const symbol = last !== undefined && before !== undefined && /^\p{S}$/u.test(last.text.trim()) && last.box.x - (before.box.x + before.box.w) >= SYMBOL_BADGE_GAP * h;
  if (last && title.length > k + 1 && ((/^\p{Script=Han}$/u.test(last.text.trim()) && (last.confidence < GARBLED_ARROW_CONFIDENCE || (apart && last.confidence < BADGE_CONFIDENCE))) || symbol)) drop.add(last);
  return drop.size ? withoutWords(result, (w) => drop.has(w)) : result;
}

/**
 * Removes the icons of a chat's input bar read as text (an attachment's plus read 十 or "+", a
 * sticker's face "©", a camera "O"): on the page's bottom row, lying within the screenshot's
 * bottom {@link INPUT_BAR_SHARE}, the words from its start at the page's left edge
 * ({@link APP_BAR_EDGE} of the row's height) that are each one mark, last on the row or set apart
 * from the word after them by {@link INPUT_BAR_GAP} of the height of the row's text (its words of
 * more than one character); and likewise from its end at the page's right edge, where two
 * symbols count as one mark. A field's placeholder after them (说点什么...) stays, and so does a
 * send button (發送). `page` is the screenshot's size.
 */
export function dropInputBarIcons(result: OcrResult, page?: { width: number; height: number }): OcrResult {
  const read = result.lines.flatMap((l) => l.words).filter((w) => w.text.trim());
  if (!page || !read.length) return result;
  const lowest = read.reduce((a, w) => (w.box.y + w.box.h > a.box.y + a.box.h ? w : a));
  if (lowest.box.y < page.height * (1 - INPUT_BAR_SHARE)) return result;
  const row = read.filter((w) => sameRow(w.box, lowest.box)).sort((a, b) => a.box.x - b.box.x);
  // The row's height is its text's, without the icons' boxes (taller than the placeholder's glyphs).
  const text = row.filter((w) => Array.from(w.text.trim()).length > 1);
  const h = medianHeight(text.length ? text : row, true);
  // Near the edge: by the row's height, or by the page's width where the row holds icons alone
  // (an iPhone's plus button 58 px in, its icons 29 px tall).
  const edge = Math.max(h * APP_BAR_EDGE, page.width * INPUT_BAR_EDGE);
  const drop = new Set<OcrWord>();
  for (let k = 0; k < row.length; k++) {
    const w = row[k]!, next = row[k + 1];
    if (Array.from(w.text.trim()).length !== 1 || (k === 0 && w.box.x >= edge)) break;
    if (next && next.box.x - (w.box.x + w.box.w) < INPUT_BAR_GAP * h) break;
    drop.add(w);
  }
  // From the row's end at the page's right edge too (a microphone read "$", the field's emoji
  // button "©)"): there, two symbols are one mark as well.
  const mark = (t: string) => { const n = Array.from(t).length; return n === 1 || (n === 2 && !/[\p{L}\p{N}]/u.test(t)); };
  for (let k = row.length - 1; k >= 0; k--) {
    const w = row[k]!, before = row[k - 1];
    if (drop.has(w) || !mark(w.text.trim()) || (k === row.length - 1 && page.width - (w.box.x + w.box.w) >= edge)) break;
    if (before && w.box.x - (before.box.x + before.box.w) < INPUT_BAR_GAP * h) break;
    drop.add(w);
  }
  return drop.size ? withoutWords(result, (w) => drop.has(w)) : result;
}

/** A chat's input bar lies within this share of the screenshot's height from its foot. */
const INPUT_BAR_SHARE = 0.12;
/** An input bar's icons at its ends stand within this share of the page's width from its edge (or {@link APP_BAR_EDGE} of the row's height). */
const INPUT_BAR_EDGE = 0.06;
/** An input bar's icons stand this many of its row's heights apart from the word after them. */
const INPUT_BAR_GAP = 0.75;

/**
 * Removes a browser's icons read as text from its tab strip and address bar (the ✕ after each
 * tab's title read "X", the new-tab + and the window's □ read 十 and 口, the back, forward and
 * reload arrows read "&~ G0", the padlock before the address read 台): the address bar is the
 * first line within {@link APP_BAR_SHARE} of the screenshot's height from its top that holds a
 * web address; on it and the lines above it, a word of one character, or of two or three
 * without Chinese read below {@link CHROME_SURE}, is an icon when it stands at least
 * {@link CHROME_GAP} of its line's text's height apart from each of its line's other words.
 * Figures alone stay (a mobile browser's count of tabs). `page` is the screenshot's size.
 */
export function dropBrowserChromeIcons(result: OcrResult, page?: { width: number; height: number }): OcrResult {
  if (!page) return result;
  const address = result.lines.find((l) => l.box.y + l.box.h / 2 <= APP_BAR_SHARE * page.height && l.words.some((w) => WEB_ADDRESS.test(w.text.trim())));
  if (!address) return result;
  const bottom = address.box.y + address.box.h;
  const short = (w: OcrWord) => {
    const t = w.text.trim(), n = Array.from(t).length;
    return n > 0 && !/^\p{N}+$/u.test(t) && (n === 1 || (n <= 3 && !HAN.test(t) && w.confidence < CHROME_SURE));
  };
  const tabs = new Set(result.lines.filter((l) => l.box.y + l.box.h / 2 < address.box.y).flatMap(tabStripIcons));
  return withoutWords(result, (w, line) => {
    if (tabs.has(w)) return true;
    if (line.box.y + line.box.h / 2 > bottom || !short(w)) return false;
    // The height of the line's text, without the icons' boxes.
    const read = line.words.filter((o) => o.text.trim()), text = read.filter((o) => !short(o));
    return nearestGap(w, read) >= CHROME_GAP * medianHeight(text.length ? text : read);
  });
}

/**
 * The icons of a browser's tab strip (`line`, above its address bar) however close they stand to
 * a title that fills its tab: each tab is its favicon, its title and its ✕. The strip is told by
 * a ✕ read as a close mark ("X", "x", "×", "_X") that ends the line or stands at least
 * {@link TAB_CLOSE_GAP} of its height before the next tab. Then every close mark is an icon; so
 * is a symbol (no letter, figure or Chinese) that starts the line or a tab (a favicon read "©"),
 * stands between tabs (a divider "|") or ends the line, and the new-tab + (read 十 or "+") after
 * the last tab's close mark or a divider.
 */
function tabStripIcons(line: OcrLine): OcrWord[] {
  const words = line.words.filter((w) => w.text.trim()).sort((a, b) => a.box.x - b.box.x);
  const close = (w: OcrWord) => TAB_CLOSE.test(w.text.trim());
  const gapAfter = (k: number) => (k + 1 < words.length ? words[k + 1]!.box.x - (words[k]!.box.x + words[k]!.box.w) : Infinity);
  if (!words.some((w, k) => close(w) && gapAfter(k) >= TAB_CLOSE_GAP * w.box.h)) return [];
  const symbol = (w: OcrWord) => { const t = w.text.trim(); return Array.from(t).length === 1 && !/[\p{L}\p{N}]/u.test(t); };
  return words.filter((w, k) => {
    if (close(w)) return true;
    const afterTab = k > 0 && (close(words[k - 1]!) || symbol(words[k - 1]!));
    return (symbol(w) && (k === 0 || k === words.length - 1 || afterTab)) || (/^[十+]$/u.test(w.text.trim()) && afterTab);
  });
}

/** A tab's close button as the engine reads it. */
const TAB_CLOSE = /^_?[Xx×✕]$/u;
/** A tab's close button stands at least this many of its heights before the next tab's favicon. */
const TAB_CLOSE_GAP = 2;

/** A web address, with or without its scheme: a host of two or more names and what follows it. */
const WEB_ADDRESS = /^(?:https?:\/\/)?(?:[\p{L}\p{N}-]+\.)+[a-z]{2,}(?:[/:?#]\S*)?$/iu;
/** Two or three characters without Chinese read at least this surely in a browser's bars are text. */
const CHROME_SURE = 90;
/** A browser's icon stands at least this many of its line's text's heights apart from the words beside it. */
const CHROME_GAP = 0.7;

/** An app bar lies within this share of the screenshot's height from its top. */
const APP_BAR_SHARE = 0.15;
/** A subtitle under an app bar's title has its middle within this many of the title's heights below it. */
const APP_BAR_SUBTITLE = 1.5;
/** An app bar's icons stand at least this many of its row's heights right of the title. */
const APP_BAR_GAP = 6;
/** Right of an app bar's title, a run of words less tall than this share of the row's height is an icon of dots, whatever its length. */
const APP_BAR_FLAT = 0.5;
/** A back arrow starts within this many of its row's heights from the page's left edge. */
const APP_BAR_EDGE = 1.5;
/** A back arrow read as a symbol hugging the title is read below this confidence. */
const APP_BAR_MARK_CONFIDENCE = 50;

/**
 * Removes the icons of an app's tab bar read as text (a house read 合, a gear 一, a barcode
 * "Im"): the page's last line, within its bottom {@link TAB_BAR_SHARE}, holding three labels or
 * more of at most {@link TAB_LABEL} characters each, set apart by their text's height or more (a
 * label's characters read apart, closer than that, are one label);
 * above it, within {@link TAB_ICON_REACH} of that height, words of at most two characters, each
 * centred over a label (within half the label's width or the text's height). Any other word there
 * leaves them all. `page` is the screenshot's size; without it nothing is dropped.
 */
export function dropTabBarIcons(result: OcrResult, page?: { width: number; height: number }): OcrResult {
  if (!page) return result;
  const lines = result.lines.filter((l) => l.words.some((w) => w.text.trim()));
  const last = lines.reduce<OcrLine | undefined>((a, l) => (!a || l.box.y + l.box.h / 2 > a.box.y + a.box.h / 2 ? l : a), undefined);
  if (!last || last.box.y < page.height * (1 - TAB_BAR_SHARE)) return result;
  const words = last.words.filter((w) => w.text.trim()).sort((a, b) => a.box.x - b.box.x);
  const h = medianHeight(words);
  // A label's characters can be read as words of their own (載 and 具), closer than the text's height.
  const labels: OcrWord[][] = [];
  words.forEach((w, k) => {
    if (k && w.box.x - (words[k - 1]!.box.x + words[k - 1]!.box.w) < h) labels.at(-1)!.push(w);
    else labels.push([w]);
  });
  if (labels.length < 3 || labels.some((l) => Array.from(l.map((w) => w.text.trim()).join('')).length > TAB_LABEL)) return result;
  const top = Math.min(...words.map((w) => w.box.y));
  const above = result.words.filter((w) => w.text.trim() && !words.includes(w) && midRow(w) < top && midRow(w) >= top - TAB_ICON_REACH * h);
  const centre = (b: Box) => b.x + b.w / 2;
  const icon = (w: OcrWord) => Array.from(w.text.trim()).length <= 2 && labels.some((l) => { const b = unionBox(l.map((x) => x.box)); return Math.abs(centre(w.box) - centre(b)) <= Math.max(b.w / 2, h); });
  if (!above.length || !above.every(icon)) return result;
  return withoutWords(result, (w) => above.includes(w));
}

/**
 * Removes the round logos before the items of an app's list read as text (a carrier's red disc
 * read "Oo" at 53, "0" at 48): the first word of a line, of one to three round marks
 * ({@link ROUND_MARKS}) read below {@link LIST_ICON_CONFIDENCE}, set apart from the next word by
 * half the page's text height or more, in {@link LIST_ICONS} lines or more whose first words
 * start within that half height of one x. `page` is the screenshot's size; without it nothing is
 * dropped.
 * Also one picture repeated down a list's items (a mail client's folder icons, read "£3", "[3",
 * "3" and "[0" at 30–77): first words of one to three characters, set apart as above, read below
 * {@link SAME_ICON_CONFIDENCE}, in {@link SAME_ICONS} lines or more, one under another and each
 * boxed as the others (within {@link SAME_ICON_SLACK} px across and down), read as two texts at
 * least: the same ink read differently is no text. A numbered list's figures are boxed apart by
 * their shapes and read surely.
 */
export function dropListIcons(result: OcrResult, page?: { width: number; height: number }): OcrResult {
  const read = result.words.filter((w) => w.text.trim());
  if (!page || !read.length) return result;
  const h = medianHeight(read);
  const icons = leadingMarks(result.lines, h, (w) => ROUND_MARKS.test(w.text.trim()) && w.confidence < LIST_ICON_CONFIDENCE).filter((w): w is OcrWord => w !== undefined);
  const x = median(icons.map((w) => w.box.x));
  const aligned = icons.filter((w) => Math.abs(w.box.x - x) <= h / 2);
  const same = sameIcons(leadingMarks(result.lines, h, (w) => Array.from(w.text.trim()).length <= 3 && w.confidence < SAME_ICON_CONFIDENCE).filter((w): w is OcrWord => w !== undefined), h);
  const dropped = [...(aligned.length >= LIST_ICONS ? aligned : []), ...same];
  if (!dropped.length) return result;
  return withoutWords(result, (w) => dropped.includes(w));
}

/** Of `marks` (first words of list items, text `h` px tall), the copies of one picture (see {@link dropListIcons}). */
function sameIcons(marks: OcrWord[], h: number): OcrWord[] {
  if (marks.length < SAME_ICONS) return [];
  const x = median(marks.map((w) => w.box.x)), bw = median(marks.map((w) => w.box.w)), bh = median(marks.map((w) => w.box.h));
  const same = marks.filter((w) => Math.abs(w.box.x - x) <= h / 2 && Math.abs(w.box.w - bw) <= SAME_ICON_SLACK && Math.abs(w.box.h - bh) <= SAME_ICON_SLACK);
  return same.length >= SAME_ICONS && new Set(same.map((w) => w.text.trim())).size >= 2 ? same : [];
}

/** A round logo read as text: one to three of O, o, 0, Q, @, ©, ®, 〇 and brackets. */
const ROUND_MARKS = /^[Oo0Q@©®〇()[\]]{1,3}$/u;
/** A list's logo is read below this confidence. */
const LIST_ICON_CONFIDENCE = 60;
/** Fewest lines with such a logo for the logos to be dropped. */
const LIST_ICONS = 3;
/** Fewest lines with one picture before their items for the pictures to be dropped (see {@link dropListIcons}). */
const SAME_ICONS = 4;
/** Copies of one picture are boxed within this many pixels of each other's width and height. */
const SAME_ICON_SLACK = 1;
/** A picture before a list's items is read below this confidence. */
const SAME_ICON_CONFIDENCE = 80;

/** A tab bar lies within this share of a screenshot's height from its bottom. */
const TAB_BAR_SHARE = 0.15;
/** A tab's label is at most this many characters long. */
const TAB_LABEL = 4;
/** A tab's icon stands within this many of its label's text heights above it. */
const TAB_ICON_REACH = 2.5;

/**
 * Removes a chat's read receipts (two ticks after a message's time, read as "w", "Ww", "vv", "wy" or "»"):
 * a word of one or two of those letters that follows a time of day (8:15, 下午8:15) on its line,
 * or lower-case ticks after a time whose colon the engine missed (2110 w: a small time is read
 * again once its ticks are gone); and ticks that are no letters read into the time's word
 * ("18:14»").
 */
export function dropReadReceipts(result: OcrResult): OcrResult {
  const kept = withoutWords(result, (w, line) => isReadReceipt(w, line.words));
  // Ticks read into the time's own word ("18:14»").
  return rewriteLines(kept, (line) =>
    line.map((w) => {
      const bare = w.text.trim().replace(TICKS_AFTER_TIME, '');
      return bare === w.text.trim() ? w : { ...w, text: bare };
    }),
  );
}

/** Ticks that are no letters ("»", "✓✓") read at the end of a time's word. */
const TICKS_AFTER_TIME = /(?<=\d{1,2}:\d{2})(?:»{1,2}|[✓✔]{1,2})$/u;

/** Whether `w` is read-receipt ticks after a time among the words of its line (see {@link dropReadReceipts}). */
export function isReadReceipt(w: OcrWord, words: readonly OcrWord[]): boolean {
  const t = w.text.trim();
  if (!TICKS.test(t)) return false;
  const before = words.filter((o) => o !== w && o.text.trim() && o.box.x < w.box.x);
  const last = rightmost(before)?.text.trim();
  if (last === undefined) return false;
  if (/\d{1,2}:\d{2}$/u.test(last)) return true;
  return /(?:^|\D)(?:[01]?\d|2[0-3])[0-5]\d$/u.test(last) && /^[wv✓✔]{1,2}$/u.test(t);
}

/**
 * Removes specks read as characters: a letter or digit read below {@link SPECK_CONFIDENCE}
 * whose box lies within a well-read word of another line, less than {@link SPECK_SHARE} of that
 * word's height both ways (the dots of the i's in a letterhead's "Communications" read "2" and
 * set on the line of the address beside it; punctuation, as small as a speck, is left to the
 * rules below); and a word of one of / \\ | < > ^ ~ = + * #, read below
 * {@link SPECK_CONFIDENCE}, boxed less than a quarter of its line's height both ways (a 2 × 2 px
 * "/" at a chat bubble's tail, beside a 20 px time). Such a symbol is drawn as tall as a digit
 * or as wide as one; dots, commas and quotation marks can be that small and stay.
 */
export function dropSpecks(result: OcrResult): OcrResult {
  const sure = result.lines.flatMap((line) => line.words.filter((o) => o.confidence >= SURE_WORD && o.text.trim()).map((word) => ({ word, line })));
  return withoutWords(result, (w, line) => {
    if (w.confidence >= SPECK_CONFIDENCE) return false;
    const t = w.text.trim();
    const area = w.box.w * w.box.h;
    if (Array.from(t).length === 1 && /[\p{L}\p{N}]/u.test(t) && area > 0 && sure.some((s) => s.line !== line && overlapArea(s.word.box, w.box) >= area && Math.max(w.box.w, w.box.h) < SPECK_SHARE * s.word.box.h)) return true;
    if (!/^[/\\|<>^~=+*#]$/u.test(t)) return false;
    const h = medianHeight(line.words.filter((o) => o !== w && o.text.trim()));
    return h > 0 && w.box.w < SPECK_SHARE * h && w.box.h < SPECK_SHARE * h;
  });
}

/** Confidence from which a word holding a speck of another line is read surely (see {@link dropSpecks}). */
const SURE_WORD = 80;

/** Confidence below which a tiny symbol is a speck. */
const SPECK_CONFIDENCE = 70;
/** Share of the line's height below which a symbol's box, both ways, is a speck's. */
const SPECK_SHARE = 0.25;

/**
 * Removes icons and strokes read as a few Latin letters spread wide: a word of two to five
 * letters read below {@link SPREAD_CONFIDENCE}, boxed at least {@link SPREAD_WIDTH} times as wide
 * per letter as it is tall (an email app's archive, bin and envelope icons read "BUX"; a
 * signature's stroke "Or"), set apart from the words beside it by {@link SPREAD_APART} of its
 * height. Letters are narrower than they are tall; the widest, set in a word ("me", "now"), take
 * at most 1.4 times their height.
 */
export function dropSpreadLetters(result: OcrResult): OcrResult {
  return withoutWords(result, (w, line) => {
    const t = w.text.trim();
    if (!/^[A-Za-z]{2,5}$/u.test(t) || w.confidence >= SPREAD_CONFIDENCE || w.box.w < SPREAD_WIDTH * t.length * w.box.h) return false;
    // Letters set close to the text beside them (SIM卡, 3元GB计费) are a word of it, boxed over
    // part of its neighbour.
    return nearestGap(w, line.words.filter((o) => o !== w && o.text.trim())) >= SPREAD_APART * w.box.h;
  });
}

/** Letters spread wide read at least this surely are text. */
const SPREAD_CONFIDENCE = 90;
/** Letters spread at least this many times their height apart (box width per letter) are no word's. */
const SPREAD_WIDTH = 1.5;
/** …when set at least this many times their height apart from the words beside them. */
const SPREAD_APART = 0.3;

/**
 * Removes the chevrons of an app's controls read as letters: a back arrow before a page's title
 * ("< 我的账单"), a disclosure arrow after a link ("点此联系在线客服 >"), a drop-down's arrow after
 * its value ("2024年10月 v"). A word that is one such mark alone, first or last on a line of
 * Chinese (two characters or more) or on any line when set apart from the text beside it (a back
 * arrow before the number a thread is with, "< 10086"), or alone on its row (a back arrow above a
 * title); a breadcrumb's ">" between words stays, and so does a less-than sign before a number.
 * A drop-down's filled triangle read as a flat character after its value goes too.
 * A "more" menu's dots read as an ellipsis ("。。。"), last on a line and {@link MENU_GAP} of its
 * height right of the word before them, go too.
 */
export function dropChevrons(result: OcrResult): OcrResult {
  // Lines after one that opens a book title it does not close: a 》 there can close it.
  const continued = new Set(result.lines.filter((l, k) => k > 0 && opensTitle(result.lines[k - 1]!.text)));
  const chevron = (w: OcrWord, line: OcrLine) => {
    const t = w.text.trim();
    const read = line.words.filter((o) => o.text.trim());
    // An app bar's "more" menu (⋯) read as an ellipsis, last on its line far right of the title.
    if (MENU_DOTS.test(t) && read.length > 1 && read.at(-1) === w) {
      const before = read.at(-2)!;
      return w.box.x - (before.box.x + before.box.w) >= MENU_GAP * Math.max(...read.map((o) => o.box.h));
    }
    if (!CHEVRON.test(t)) return loneTitleMark(w, read, continued.has(line)) || garbledBackArrow(w, read, line) || dropDownTriangle(w, read);
    // A back arrow on a row of its own (above a page's title); a lone v can be a letter.
    if (read.length === 1) return !DOWN_CHEVRON.test(t);
    if (read[0] !== w && read.at(-1) !== w) return false;
    if (hanCount(line.text) >= 2) return true;
    // Before a title without Chinese ("< 10086"), set apart from it as a back arrow is.
    return !DOWN_CHEVRON.test(t) && setApart(w, read, read[0] === w);
  };
  return withoutWords(result, chevron);
}

/**
 * Whether `w`, first (`first`) or last among the words `read` on its line, is set apart from the
 * word next to it by at least {@link TITLE_MARK_GAP} of the taller one's height: an arrow, not a
 * mark that hugs its text.
 */
function setApart(w: OcrWord, read: readonly OcrWord[], first: boolean): boolean {
  const other = first ? read[1]! : read.at(-2)!;
  const gap = first ? other.box.x - (w.box.x + w.box.w) : w.box.x - (other.box.x + other.box.w);
  return gap >= TITLE_MARK_GAP * Math.max(w.box.h, other.box.h);
}

/**
 * Whether `w`, among the words `read` on its line, is a back or disclosure arrow read as a title
 * mark: a 《 (or «) first on its line or a 》 (or ») last, without its partner on the line and set
 * apart from the next (or previous) word by at least {@link TITLE_MARK_GAP} of its height. A
 * book-title mark hugs the title it opens or closes. A 》 (or ») that hugs the word before it is
 * an arrow too when nothing opened a title before it, on its line or at the end of the line
 * before (`continued`): a contact's name with the arrow that opens its details ("台灣大哥大 ›").
 * A title can start on the line before, so a lone 《 first on a line needs the blank.
 */
function loneTitleMark(w: OcrWord, read: readonly OcrWord[], continued: boolean): boolean {
  const t = w.text.trim();
  const opening = /^[《«]$/u.test(t), closing = /^[》»]$/u.test(t);
  if (read.length < 2 || !(opening ? read[0] === w : closing && read.at(-1) === w)) return false;
  if (read.some((o) => o !== w && (opening ? /[》»]/u : /[《«]/u).test(o.text))) return false;
  return (closing && !continued) || setApart(w, read, opening);
}

/** Whether `text` opens a book title (《 or «) after the last one it closes. */
function opensTitle(text: string): boolean {
  return Math.max(text.lastIndexOf('《'), text.lastIndexOf('«')) > Math.max(text.lastIndexOf('》'), text.lastIndexOf('»'));
}

/**
 * Whether `w`, first among the words `read` on a line of Chinese, is a back arrow read as a
 * character it does not look like at all: one Chinese character read below
 * {@link GARBLED_ARROW_CONFIDENCE}, set apart from the title after it (a white < on a dark app bar
 * read 人 at 0 before 亞太電信客服).
 */
function garbledBackArrow(w: OcrWord, read: readonly OcrWord[], line: OcrLine): boolean {
  if (read.length < 2 || read[0] !== w || w.confidence >= GARBLED_ARROW_CONFIDENCE || !/^\p{Script=Han}$/u.test(w.text.trim())) return false;
  return hanCount(line.text) >= 3 && setApart(w, read, true);
}

/**
 * Whether `w`, last among the words `read` on its line, is a drop-down's filled triangle read as
 * a character (2024年10月 ▾ read "2024年10月 了" at 85): one Chinese character, not 一, boxed
 * wider than tall and at most {@link TRIANGLE_HEIGHT} as tall as the words before it, and no
 * further from the value than their height; a character is about as tall as they are, and a
 * list's date far right of a name is no drop-down's arrow.
 */
function dropDownTriangle(w: OcrWord, read: readonly OcrWord[]): boolean {
  const last = /^\p{Script=Han}$/u.test(w.text.trim()) && w.text.trim() !== '一' ? lastMark(w, read) : undefined;
  return !!last && w.box.w >= w.box.h && w.box.h <= TRIANGLE_HEIGHT * last.height && last.gap <= last.height;
}

/**
 * When `w` is the last of two or more words `read` on a line: the blank between it and the word
 * before it, and the median height of the others (the text it follows).
 */
function lastMark(w: OcrWord, read: readonly OcrWord[]): { gap: number; height: number } | undefined {
  if (read.length < 2 || read.at(-1) !== w) return undefined;
  const before = read.at(-2)!;
  return { gap: w.box.x - (before.box.x + before.box.w), height: medianHeight(read.filter((o) => o !== w)) };
}

/** A drop-down's triangle is at most this share of its value's height (see dropDownTriangle). */
const TRIANGLE_HEIGHT = 0.6;

/** Confidence below which a lone character before a title is a garbled back arrow. */
const GARBLED_ARROW_CONFIDENCE = 10;
/** Confidence below which a character after a title, set apart from it by {@link BADGE_GAP} of its row's height, is a badge. */
const BADGE_CONFIDENCE = 30;
const BADGE_GAP = 0.5;
/** A badge read as a symbol stands at least this share of its row's height after the title. */
const SYMBOL_BADGE_GAP = 0.25;

/** A title mark set apart from its line's text by this share of the line's height is an arrow. */
const TITLE_MARK_GAP = 1;
/** Three dots read as an ellipsis, or one: a "more" menu's ⋯ (see dropChevrons). */
const MENU_DOTS = /^(?:[。．.·・•]{3}|[…⋯])$/u;
/** A "more" menu's dots stand at least this many line heights right of the word before them. */
const MENU_GAP = 4;

/** A downward chevron read as letters, which can be a word of its own. */
const DOWN_CHEVRON = /^[vV∨]?[v∨]$/u;

/**
 * A chevron read as a character: < > ‹ › 〈 〉 or a brace ({ for a back arrow), or a lower-case v
 * for a downward one; a thick one read as two marks of its direction, one of them of those ("《<"
 * for a back arrow, "Vv" for a drop-down's).
 */
const CHEVRON = /^(?:[<>‹›〈〉{v∨]|[<‹〈][<‹〈《«]|[《«][<‹〈]|[>›〉][>›〉》»]|[》»][>›〉]|[vV∨][v∨])$/u;

/**
 * Removes the quotation marks the engine reads in a wide blank (an ideographic space): a closing
 * ” (or ") starting a word of Chinese with no opening “ before it on its line (第六条 [ideographic
 * space] 协议期限 read as "第六条 ”协议期限"); and, read below {@link STRAY_QUOTE_CONFIDENCE}, a
 * mark standing alone as a word (林志豪 ” 門號, ” at 0) or an opening “ starting a word of
 * Chinese with no closing ” after it on its line ("15日 “逾期", at 18). A closing mark follows
 * the text it closes; the engine's word split can set it before the next word ("“中国电信 ”App"),
 * where the line holds the opening one; quoted text is read surer ("张伟" at 57 and 72). So is an
 * opening “ before a figure with no closing ” after it, read below
 * {@link STRAY_FIGURE_QUOTE_CONFIDENCE}: a form field's left edge before its value (受理日期
 * “2024-11-12 at 56, 联系电话 “138****2756 at 47); quoted figures were read at 81 and more.
 * However sure the engine, an opening “ with no closing ” after it is dropped where `markInk`
 * finds no ink of the mark's own before the word's first character (an ideographic space before
 * 消費 read "“消費" at 41, the dots of 氵 taken for the mark; "10086 “本告知书" at 53).
 */
export function dropStrayQuotes(result: OcrResult, markInk: (w: OcrWord) => boolean = () => true): OcrResult {
  const kept = withoutWords(result, (w) => /^[“”"]$/u.test(w.text.trim()) && w.confidence < STRAY_QUOTE_CONFIDENCE);
  return rewriteLines(kept, (line) => {
    let open = false;
    const words = line.map((w, k) => {
      const t = w.text.trim();
      const closes = line.slice(k + 1).some((o) => o.text.includes('”')) || t.slice(1).includes('”');
      const opening = /^“[\p{Script=Han}\d]/u.test(t) && !closes;
      const stray = (!open && /^[”"]\p{Script=Han}/u.test(t)) || (opening && w.confidence < (/^“\d/u.test(t) ? STRAY_FIGURE_QUOTE_CONFIDENCE : STRAY_QUOTE_CONFIDENCE)) || (opening && !markInk(w));
      if (/[“]/u.test(t)) open = true;
      if (/[”]/u.test(t) && t.lastIndexOf('”') > t.lastIndexOf('“')) open = false;
      return stray ? { ...w, text: t.slice(1) } : w;
    });
    return words;
  });
}

/** A quotation mark read less surely than this, alone or opening Chinese without a close, is a blank misread. */
const STRAY_QUOTE_CONFIDENCE = 30;
/** An opening quotation mark before a figure without a closing one, read less surely than this, is a field's edge misread. */
const STRAY_FIGURE_QUOTE_CONFIDENCE = 60;

/**
 * Removes a handwritten signature read as text. After a signature's label (客户签名：, 申訴人簽章：,
 * 簽收：) the engine reads the scrawl as a run of strokes with a glyph or two: "人 一 一 一",
 * ":和 一 一 一", "汪汪 一 一", "全 一 一". From the label's colon on, the words of one or two
 * characters that are strokes (一, —, -) or read below {@link SCRAWL_CONFIDENCE} or boxed
 * {@link SCRAWL_HEIGHT} times as tall as the label's tallest word make the run; it ends at the first other word
 * (中華民國 after the scrawl, 受理员工号 beside it). The run is dropped when it holds two strokes
 * at least; a colon read with the scrawl (":和") is kept. A name typed after the label is read
 * sure, at the label's height, and stays.
 */
export function dropSignatureScrawls(result: OcrResult): OcrResult {
  return rewriteLines(result, (line) => {
    const drop = new Set<number>();
    const colons = new Map<number, OcrWord>();
    let before = '';
    for (let k = 0; k < line.length; k++) {
      before += line[k]!.text.trim();
      if (!SIGNATURE_LABEL.test(before)) continue;
      // The label's height: its tallest word (a character of it can be boxed short, 章 16 px among 26).
      const labelHeight = Math.max(...line.slice(0, k + 1).map((w) => w.box.h));
      let j = k + 1;
      if (j < line.length && /^[:：]$/u.test(line[j]!.text.trim())) j++;
      const run: number[] = [];
      let strokes = 0;
      for (; j < line.length; j++) {
        const w = line[j]!;
        const text = w.text.trim().replace(/^[:：]/u, '');
        const stroke = /^[一—–\-_~]{1,2}$/u.test(text);
        if (!text || Array.from(text).length > 2 || !(stroke || w.confidence < SCRAWL_CONFIDENCE || w.box.h >= SCRAWL_HEIGHT * labelHeight)) break;
        if (stroke) strokes++;
        run.push(j);
      }
      if (strokes < 2) continue;
      for (const i of run) {
        const colon = line[i]!.text.trim().match(/^[:：]/u);
        if (colon) colons.set(i, { ...line[i]!, text: colon[0] });
        else drop.add(i);
      }
      k = run.at(-1)!;
      before = '';
    }
    return line.flatMap((w, i) => (drop.has(i) ? [] : [colons.get(i) ?? w]));
  });
}

/** The end of a signature's label (签名, 簽章, 签字, 簽收), with its colon or not. */
const SIGNATURE_LABEL = /[签簽][名章字收][:：]?$/u;
/** A word of a signature's scrawl read less surely than this (see {@link dropSignatureScrawls}). */
const SCRAWL_CONFIDENCE = 60;
/** A word of a signature's scrawl boxed this many times as tall as its label at least. */
const SCRAWL_HEIGHT = 1.4;

/**
 * Removes stray underscores: a word of underscores boxed more than half as tall as wide (an
 * underscore is a flat stroke; "下_午9:36", the "_" boxed 16 × 16 px, read from a sliver of the
 * glyphs beside it), and a single one between two Chinese characters of a word. A form's blank
 * ("姓名：____") stays.
 */
export function dropStrayUnderscores(result: OcrResult): OcrResult {
  const kept = withoutWords(result, (w) => /^[_＿]+$/u.test(w.text.trim()) && 2 * w.box.h > w.box.w);
  return rewriteLines(kept, (line) =>
    line.map((w) => {
      const text = w.text.replace(BETWEEN_HAN, '');
      return text === w.text ? w : { ...w, text };
    }),
  );
}

/** A single underscore between two Chinese characters. */
const BETWEEN_HAN = /(?<=\p{Script=Han})[_＿](?=\p{Script=Han})/gu;

/**
 * Removes the 和 (and unsure 有 or 了, see {@link UNSURE_FILLER}) the engine reads where no
 * character stands: in the gap between two characters (中国电信股份 read "中国电信和股份", 尊敬
 * read "尊和敬") or over the blank after one, boxed far taller than the glyph of a character —
 * at least {@link FILLER_HEIGHT} times the median height of the other Chinese words on its line
 * (two at least). A 和 alone, or the first or last character of a word of two (the box is the
 * word's then). A 和 that is printed is as tall as the characters beside it, and is kept; so is
 * one after 上 or 下 (a chat time's small 午 misread, which the text's clean-up puts right).
 */
export function dropTallFillers(result: OcrResult): OcrResult {
  return rewriteLines(result, (line) => {
    const words = line.flatMap((w, k) => {
      const t = w.text.trim();
      // After 上 or 下, it is a time's small 午 misread, put right with the text (下和2:05).
      const filler = FILLER.test(t) || (UNSURE_FILLER.test(t) && w.confidence < FILLER_CONFIDENCE);
      if (!filler || /[上下]$/u.test(t.length === 1 ? (line[k - 1]?.text.trim() ?? '') : t[0]!)) return [w];
      const others = line.filter((o) => o !== w && HAN.test(o.text));
      if (others.length < 2 || w.box.h < FILLER_HEIGHT * medianHeight(others)) return [w];
      const text = t.length === 1 ? '' : t.replace(/^和|和$/u, '');
      return text ? [{ ...w, text }] : [];
    });
    return words;
  });
}

/** 和 alone, or before or after one other Chinese character. */
const FILLER = /^(?:和|和\p{Script=Han}|\p{Script=Han}和)$/u;
/**
 * 有 and 了 are read so too (请帮我 read "请帮有我" at 58–66, 了 after 有 at 61), but printed ones
 * are often boxed as tall (了 at 86–96 beside a comma, 有 at 91–97): taken alone, and below
 * {@link FILLER_CONFIDENCE}.
 */
const UNSURE_FILLER = /^[有了]$/u;
const FILLER_CONFIDENCE = 70;
/** How many times as tall as its line's Chinese a 和 read where none stands is boxed (see {@link dropTallFillers}). */
const FILLER_HEIGHT = 1.5;

/**
 * Gives back the comma the engine read as a full stop: a 。 read below {@link STOP_AS_COMMA}
 * boxed narrower than {@link COMMA_SHAPE} of its height, and no taller than
 * {@link COMMA_HEIGHT} of the median height of its line's Chinese (two words at least). A full
 * stop is a ring, as wide as it is tall; a comma has a tail (the centred comma of a Taiwanese
 * serif face read 。 at 27, boxed 3 × 6 px in 22 px text, where the full stops were read at 93,
 * boxed 6 × 6).
 * Also a full-width comma ending a line read as a guillemet: a » last on its line, right after
 * the word before it (less than a line's height apart), no taller than {@link COMMA_HEIGHT} of
 * the line's other words (a chat's "FET-R1131105-2231，" read with » boxed 8 × 13 px after 28 px
 * text). A guillemet or a disclosure arrow is as tall as the text's small letters or taller.
 */
export function commasReadAsStops(result: OcrResult): OcrResult {
  return rewriteLines(result, (line) => {
    const read = line.filter((o) => o.text.trim());
    const words = line.map((w) => {
      const t = w.text.trim();
      const last = t === '»' ? lastMark(w, read) : undefined;
      if (last) return last.gap < last.height && w.box.h <= COMMA_HEIGHT * last.height ? { ...w, text: '，' } : w;
      if (t !== '。' || w.confidence >= STOP_AS_COMMA || w.box.w > COMMA_SHAPE * w.box.h) return w;
      const han = line.filter((o) => o !== w && HAN.test(o.text));
      return han.length >= 2 && w.box.h <= COMMA_HEIGHT * medianHeight(han) ? { ...w, text: '，' } : w;
    });
    return words;
  });
}

/** A full stop read below this may be a comma (see {@link commasReadAsStops}). */
const STOP_AS_COMMA = 65;
/** …when its box is at most this wide for its height, */
const COMMA_SHAPE = 0.7;
/** …and at most this tall for its line's Chinese. */
const COMMA_HEIGHT = 0.6;

/**
 * `result` with the words of each line (given in order across) that `rewrite` returns in their
 * place; the same object when it returns none (undefined), or the very words it was given, for
 * every line.
 */
export function rewriteLines(result: OcrResult, rewrite: (words: OcrWord[]) => OcrWord[] | undefined): OcrResult {
  let changed = false;
  const lines = result.lines.map((line) => {
    const given = [...line.words].sort((a, b) => a.box.x - b.box.x);
    const words = rewrite(given);
    if (!words || (words.length === given.length && words.every((w, k) => w === given[k]))) return line;
    changed = true;
    return lineOf(words, line.confidence);
  });
  return changed ? resultOf(lines, result.confidence) : result;
}

/**
 * `result` without the words `drop` picks (the same object when it picks none): lines left
 * without words are dropped, the others get their box again.
 */
export function withoutWords(result: OcrResult, drop: (w: OcrWord, line: OcrLine) => boolean): OcrResult {
  if (!result.lines.some((l) => l.words.some((w) => drop(w, l)))) return result;
  const lines: OcrLine[] = [];
  for (const line of result.lines) {
    const kept = line.words.filter((w) => !drop(w, line));
    if (kept.length === line.words.length) lines.push(line);
    else if (kept.some((w) => w.text.trim())) lines.push(lineOf(kept, line.confidence));
  }
  return resultOf(lines, result.confidence);
}

/** A status bar's clock. */
const CLOCK = /^\d{1,2}:\d{2}$/u;

/**
 * Puts the lines in reading order pane by pane, left to right (see {@link findPaneSeparators}),
 * each pane row by row ({@link orderByRows}): a line the engine read across the line between two
 * panes (sparse text has no blocks) is cut there. Lines above `top` (the band over the panes, a
 * title bar and toolbar: see panesTop) come first.
 */
export function orderByPanes(result: OcrResult, separators: readonly number[], top = 0): OcrResult {
  if (!separators.length) return orderByRows(result);
  // Pane 0 is the band above the panes (their `top`), read across first.
  const pane = (w: OcrWord) => (w.box.y + w.box.h / 2 < top ? 0 : 1 + separators.filter((x) => w.box.x + w.box.w / 2 > x).length);
  const panes: OcrLine[][] = Array.from({ length: separators.length + 2 }, () => []);
  for (const line of result.lines) {
    const groups = new Map<number, OcrWord[]>();
    for (const w of line.words) {
      const k = pane(w);
      const group = groups.get(k);
      if (group) group.push(w);
      else groups.set(k, [w]);
    }
    if (groups.size === 1) panes[[...groups.keys()][0]!]!.push(line);
    else for (const [k, ws] of groups) panes[k]!.push(lineOf(ws, meanConfidence(ws)));
  }
  const lines = panes.flatMap((ls) => (ls.length ? orderByRows(resultOf(ls, result.confidence)).lines : []));
  return resultOf(lines, result.confidence);
}

/**
 * The lines with a panel's words read before the text beside it (a web page's menu in a card at
 * the left, `edge` its right edge: see findSidePanelEdge): of the words level with the edge, those
 * left of it come after the words above it and before all others, each part row by row. The engine
 * reads a menu's items between the rows of the form beside them, and can read an item with the
 * row level with it as one line. Left as it is when a word level with the edge crosses it (text,
 * not a panel's edge), when fewer than {@link PANEL_LINES} lines lie on either side, or when more
 * than a third of the left side's lines pair up row for row with the right side's (a table's first
 * column and a form's labels beside a rule).
 */
export function orderBesidePanel(result: OcrResult, edge: PanelEdge): OcrResult {
  const level = (w: OcrWord) => midRow(w) >= edge.y0 && midRow(w) <= edge.y1;
  if (result.words.some((w) => w.text.trim() && level(w) && w.box.x < edge.x && w.box.x + w.box.w > edge.x)) return result;
  const { above, first: panel, rest } = partsBeside(result.lines.map((l) => l.words), edge.y0, (w) => level(w) && w.box.x + w.box.w <= edge.x);
  const beside = rest.filter((l) => l.words.some(level));
  if (panel.length < PANEL_LINES || beside.length < PANEL_LINES) return result;
  if (3 * panel.filter((l) => beside.some((r) => sameRow(l.box, r.box))).length > panel.length) return result;
  return inOrderOfParts([above, withoutItemIcons(panel), rest], result.confidence);
}

/**
 * A menu's lines without the icons before their items, read as a glyph or two (以 at 96, B, (?@,
 * ™): a first word of {@link ITEM_ICON} set apart from the item's text by half the menu's text
 * height or more, in {@link ITEM_ICONS} lines or more, one under another (within half that height
 * of one x). Figures are no icons (a numbered list).
 */
function withoutItemIcons(lines: OcrLine[]): OcrLine[] {
  if (!lines.length) return lines;
  // The menu's text height: a line's box can be stretched by a word boxed tall (我們 boxed 31 px in 20 px text).
  const h = median(lines.map((l) => coreBand(l).h));
  const icons = leadingMarks(lines, h, (w) => ITEM_ICON.test(w.text.trim()));
  const found = icons.filter((w): w is OcrWord => w !== undefined);
  if (found.length < ITEM_ICONS) return lines;
  const x = median(found.map((w) => w.box.x));
  if (found.some((w) => Math.abs(w.box.x - x) > h / 2)) return lines;
  return lines.map((l, k) => (icons[k] ? lineOf(l.words.filter((w) => w !== icons[k]), l.confidence) : l));
}

/** For each of `lines`, its first word when `mark` takes it and it stands half of `h` or more before the next word (an icon before an item's text). */
function leadingMarks(lines: readonly OcrLine[], h: number, mark: (w: OcrWord) => boolean): Array<OcrWord | undefined> {
  return lines.map((l) => {
    const [a, b] = l.words.filter((w) => w.text.trim());
    return a && b && mark(a) && b.box.x - (a.box.x + a.box.w) >= h / 2 ? a : undefined;
  });
}

/** A menu item's icon read as text: one to three characters, no figure. */
const ITEM_ICON = /^[^\p{N}\s]{1,3}$/u;
/** Fewest items with such an icon for the icons to be dropped. */
const ITEM_ICONS = 3;

/** The middle row of a word's box. */
const midRow = (w: OcrWord) => w.box.y + w.box.h / 2;

/**
 * The words of `lines` (each a line's words) in three parts, each part's words of a line made a
 * line: those above row `y0`, those `first` picks (left of a rule or a panel's edge, level with
 * it), and the rest. Lines with no word read in a part are left out of it.
 */
function partsBeside(lines: readonly OcrWord[][], y0: number, first: (w: OcrWord) => boolean): { above: OcrLine[]; first: OcrLine[]; rest: OcrLine[] } {
  const part = (pick: (w: OcrWord) => boolean) => lines.map((ws) => ws.filter(pick)).filter((ws) => ws.some((w) => w.text.trim())).map((ws) => lineOf(ws, meanConfidence(ws)));
  return { above: part((w) => midRow(w) < y0), first: part(first), rest: part((w) => midRow(w) >= y0 && !first(w)) };
}

/** The parts one after the other, each row by row (see orderByRows). */
function inOrderOfParts(parts: readonly OcrLine[][], confidence: number): OcrResult {
  return resultOf(parts.flatMap((ls) => (ls.length ? orderByRows(resultOf([...ls], confidence)).lines : [])), confidence);
}

/** Fewest lines on each side of a panel's edge for its words to be read apart (see orderBesidePanel). */
const PANEL_LINES = 3;

/**
 * The lines of a form of two stubs parted by a dashed rule (a payment slip's 客戶收執聯 beside its
 * 代收機構收執聯) read stub by stub: the engine reads each row across the rule, its dashes as
 * marks ("客戶收執聯 ! 代收機構收執聯", "i121506000002176"). At least {@link DASH_MARKS} such marks
 * (a word "!", "i" or "¦", or a word starting with "!" or "¦", or with "i" before a figure), within a
 * third of a line's height (`height`) of one x in the middle half of the text and spread down
 * {@link DASH_ROWS} lines' heights at least, make the rule. The marks go; the words level with it
 * left of it are read after those above it and before the rest, each part row by row. A solid rule
 * (a table's, read "|" or "l") is no such rule: its rows are read across.
 */
export function orderAtDashedRule(result: OcrResult, height: number): OcrResult {
  const words = result.words.filter((w) => w.text.trim());
  if (!words.length || height <= 0) return result;
  const left = Math.min(...words.map((w) => w.box.x)), right = Math.max(...words.map((w) => w.box.x + w.box.w));
  const marks: Array<{ w: OcrWord; x: number }> = [];
  for (const w of words) {
    const t = w.text.trim();
    if (DASH_MARK.test(t)) marks.push({ w, x: w.box.x + w.box.w / 2 });
    else if (DASH_LEADING.test(t)) marks.push({ w, x: w.box.x + Math.min(w.box.w, height / 3) / 2 });
  }
  let rule: Array<{ w: OcrWord; x: number }> = [];
  for (const m of marks) {
    const near = marks.filter((o) => Math.abs(o.x - m.x) <= height / 3);
    if (near.length > rule.length) rule = near;
  }
  if (rule.length < DASH_MARKS) return result;
  const x = median(rule.map((m) => m.x));
  const y0 = Math.min(...rule.map((m) => m.w.box.y)), y1 = Math.max(...rule.map((m) => m.w.box.y + m.w.box.h));
  if (y1 - y0 < DASH_ROWS * height || x < left + (right - left) / 4 || x > right - (right - left) / 4) return result;
  const onRule = new Set(rule.map((m) => m.w));
  const cleaned = (w: OcrWord): OcrWord | undefined => {
    if (!onRule.has(w)) return w;
    const t = w.text.trim();
    if (DASH_MARK.test(t)) return undefined;
    const cut = Math.min(w.box.w, height / 3);
    return { ...w, text: t.slice(1), box: { ...w.box, x: w.box.x + cut, w: w.box.w - cut } };
  };
  const kept = result.lines.map((l) => l.words.map(cleaned).filter((w): w is OcrWord => w !== undefined));
  const parts = partsBeside(kept, y0, (w) => midRow(w) >= y0 && midRow(w) <= y1 && w.box.x + w.box.w / 2 < x);
  return inOrderOfParts([parts.above, parts.first, parts.rest], result.confidence);
}

/** A dash of a dashed rule read as a word of its own. */
const DASH_MARK = /^[!i¦]$/u;
/** A dash read at the start of the word after it ("!繳費", "i121506000002176"). */
const DASH_LEADING = /^(?:[!¦]|i(?=\d))\S/u;
/** Fewest dashes read as marks that make a dashed rule. */
const DASH_MARKS = 5;
/** Fewest lines' heights a dashed rule runs down. */
const DASH_ROWS = 5;

/**
 * Puts the lines in reading order row by row: top to bottom, and lines side by side on one row
 * (a label and its amount, a time beside a chat bubble, a title and "INVOICE" at the right
 * margin, a clause number the layout analysis set apart as a block of its own) joined left to
 * right into one line. The engine orders blocks, which puts such pieces after the block they
 * sit beside. Left as it is when long lines share many rows in a row: columns of running text
 * are read column by column.
 */
export function orderByRows(result: OcrResult): OcrResult {
  const lines = result.lines.filter((l) => l.words.some((w) => w.text.trim()));
  if (lines.length < 2) return result;
  const long = (l: OcrLine) => Array.from(l.text.replace(/\s+/gu, '')).length >= ROW_COLUMN_TEXT;
  // Lines top to bottom; a line much taller than most (stray marks read as one line across
  // several rows) joins none. Tall by the band of its words (see coreBand): a few words boxed
  // twice as tall as their glyphs (写 and ) in an invoice's 价税合计（大写）) stretch the line's
  // box, and its amount level with it at the right was read as a row of its own.
  const heights = lines.map((l) => l.box.h).sort((a, b) => a - b);
  const height = heights[heights.length >> 1]!;
  const bands = new Map(lines.map((l) => [l, coreBand(l)]));
  const tall = (l: OcrLine) => bands.get(l)!.h > TALL_LINE * height;
  const byTop = tallBeforeLevel([...lines].sort(byMiddle), tall, (l) => bands.get(l)!, height);
  const rowsBy = (box: (l: OcrLine) => Box, of: readonly OcrLine[] = byTop) => rowsOf(of, box, tall);
  let run = 0;
  for (const r of rowsBy((l) => l.box)) {
    run = r.filter(long).length >= 2 ? run + 1 : 0;
    if (run >= COLUMN_ROWS) return result;
  }
  // Blocks side by side are read one after the other, the rest row by row.
  const blocks = findSideBlocks(lines, height);
  const inBlocks = new Set(blocks.flatMap((b) => b.lines));
  const rest = blocks.length ? byTop.filter((l) => !inBlocks.has(l)) : byTop;
  // Rows are joined by each line's band (see coreBand): a few boxes of a second reading can
  // reach far above or below their glyphs (並 boxed 55 px tall in a line of 36) and over the
  // small time under a chat message.
  const rows = splitSideColumns(rowsBy((l) => bands.get(l)!, rest), height);
  for (const block of blocks) {
    const at = rows.findIndex((r) => rowTop(r) > block.top);
    rows.splice(at < 0 ? rows.length : at, 0, ...block.rows);
  }
  // The words of a row, left to right: a line read across a table's row can reach over a cell
  // read as a line of its own (an item and its amount, with the billing period between).
  const ordered = rows.map((r) => (r.length === 1 ? r[0]! : lineOf(r.flatMap((l) => l.words).sort((a, b) => a.box.x - b.box.x), meanConfidence(r.flatMap((l) => l.words)))));
  if (ordered.length === result.lines.length && ordered.every((l, i) => l === result.lines[i])) return result;
  return resultOf(ordered, result.confidence);
}

/**
 * `lines` (top to bottom by their middles) with each `tall` line put before the lines just above it
 * that stand right of it with the tops of their bands (see coreBand) level with its own, within
 * half of `height`: an invoice's title set large and its code at the right margin start on one
 * row, and the title, whose middle is lower, is read first.
 */
function tallBeforeLevel(lines: readonly OcrLine[], tall: (l: OcrLine) => boolean, band: (l: OcrLine) => Box, height: number): OcrLine[] {
  const out = [...lines];
  for (let i = 1; i < out.length; i++) {
    const t = out[i]!;
    if (!tall(t)) continue;
    let j = i;
    for (; j > 0; j--) {
      const l = out[j - 1]!;
      if (tall(l) || Math.abs(band(l).y - band(t).y) > height / 2 || l.box.x < t.box.x + t.box.w) break;
    }
    if (j < i) out.splice(j, 0, ...out.splice(i, 1));
  }
  return out;
}

/**
 * `lines` (top to bottom) in rows: each line joins the row above when it shares a row (see sameRow)
 * with that row's first line, both by `box`; a `tall` line joins none.
 */
function rowsOf(lines: readonly OcrLine[], box: (l: OcrLine) => Box, tall: (l: OcrLine) => boolean): OcrLine[][] {
  const rows: OcrLine[][] = [];
  for (const line of lines) {
    const row = rows.at(-1);
    const first = row?.[0];
    if (row && first && !tall(first) && !tall(line) && sameRow(box(first), box(line))) row.push(line);
    else rows.push([line]);
  }
  return rows;
}

/**
 * Blocks side by side among `lines` (see sideBlocks), looked for in their parts: the engine reads a
 * letterhead's name and the address level with it as lines across the gutter between them. For
 * each: the lines it takes, its top, and its rows (the left block's, then the right one's). A
 * block's rows start after a gap of {@link BLOCK_GAP} line heights or more (or at the top).
 */
function findSideBlocks(lines: readonly OcrLine[], height: number): Array<{ lines: OcrLine[]; top: number; rows: OcrLine[][] }> {
  const whole = new Map<OcrLine, OcrLine>();
  const parts = lines.flatMap((l) => {
    const ps = partAtGutters(l, COLUMN_GUTTER * height);
    for (const p of ps) whole.set(p, l);
    return ps;
  });
  const bands = new Map(parts.map((p) => [p, coreBand(p)]));
  const rows = rowsOf([...parts].sort(byMiddle), (p) => bands.get(p)!, (p) => bands.get(p)!.h > TALL_LINE * height);
  const found: Array<{ lines: OcrLine[]; top: number; rows: OcrLine[][] }> = [];
  for (let i = 0; i < rows.length; i++) {
    if (i > 0 && rowTop(rows[i]!) - rowBottom(rows[i - 1]!) < BLOCK_GAP * height) continue;
    const block = sideBlocks(rows, i, height);
    if (!block) continue;
    const span = rows.slice(i, block.bottom + 1);
    const taken = [...new Set(span.flat().map((p) => whole.get(p)!))];
    // A line with a part outside the rows is no block's.
    const inside = new Set(span.flat());
    if (parts.some((p) => !inside.has(p) && taken.includes(whole.get(p)!))) continue;
    const west = (l: OcrLine) => l.box.x + l.box.w / 2 < block.middle;
    found.push({ lines: taken, top: rowTop(span.flat()), rows: [...span.map((r) => r.filter(west)), ...span.map((r) => r.filter((l) => !west(l)))].filter((r) => r.length) });
    i = block.bottom;
  }
  return found;
}

/** `line` parted where its words stand `gutter` or more apart (itself when they do not). */
function partAtGutters(line: OcrLine, gutter: number): OcrLine[] {
  const words = line.words.filter((w) => w.text.trim());
  const groups: OcrWord[][] = [];
  for (const w of [...words].sort((a, b) => a.box.x - b.box.x)) {
    const group = groups.at(-1);
    if (group && w.box.x - Math.max(...group.map((g) => g.box.x + g.box.w)) < gutter) group.push(w);
    else groups.push([w]);
  }
  return groups.length < 2 ? [line] : groups.map((ws) => lineOf(ws, meanConfidence(ws)));
}

/**
 * `rows` (top to bottom, each the lines side by side on it) with the rows of a column set beside
 * another (a web page's menu beside its content) read column by column: the left column's parts
 * of those rows first, then the right one's. A column is found where a row's lines are far apart
 * (at least {@link COLUMN_GUTTER} × `height`): the gutter between them, and the rows around it
 * that no line crosses. Beside each other, a label and its value, a bubble and its time, pair up
 * row for row; a menu and a page's text do not: rows with a line on one side only, on both sides
 * and outnumbering the rows with both (on the right, starting where the right column starts: a
 * title centred over a form is no column's; and holding words, not figures alone).
 */
export function splitSideColumns(rows: OcrLine[][], height: number): OcrLine[][] {
  const out: OcrLine[][] = [];
  const right = (l: OcrLine) => l.box.x + l.box.w;
  let next = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = [...rows[i]!].sort((a, b) => a.box.x - b.box.x);
    let found: { top: number; bottom: number; middle: number } | undefined;
    for (let k = 1; k < row.length && !found; k++) {
      const g0 = Math.max(...row.slice(0, k).map(right)), g1 = row[k]!.box.x;
      if (g1 - g0 < COLUMN_GUTTER * height) continue;
      // Lines of a column do not start or end exactly together: the gutter is narrowed by a line's height.
      const clear = (r: OcrLine[]) => r.every((l) => right(l) <= g0 + height || l.box.x >= g1 - height);
      let top = i, bottom = i;
      while (top > next && clear(rows[top - 1]!)) top--;
      while (bottom + 1 < rows.length && clear(rows[bottom + 1]!)) bottom++;
      let left = 0, only = 0, both = 0;
      for (let j = top; j <= bottom; j++) {
        const l = rows[j]!.some((x) => right(x) <= g0 + height), r = rows[j]!.some((x) => x.box.x >= g1 - height);
        if (l && r) both++;
        else if (l) left++;
        // A second column's lines start at its left edge; a title centred over the page does not.
        // And they hold words: figures alone are the values of the rows beside them (an app's list
        // of payments, each amount level with neither its payee nor its date under it).
        else if (rows[j]!.some((x) => Math.abs(x.box.x - g1) <= COLUMN_ALIGN * height && /\p{L}/u.test(x.text))) only++;
      }
      if (left && only && left + only > both) found = { top, bottom, middle: (g0 + g1) / 2 };
    }
    if (!found) continue;
    out.push(...rows.slice(next, found.top));
    const span = rows.slice(found.top, found.bottom + 1);
    const side = (r: OcrLine[], west: boolean) => r.filter((l) => l.box.x + l.box.w / 2 < found.middle === west);
    out.push(...span.map((r) => side(r, true)).filter((r) => r.length), ...span.map((r) => side(r, false)).filter((r) => r.length));
    next = found.bottom + 1;
    i = found.bottom;
  }
  out.push(...rows.slice(next));
  return out;
}

/**
 * Two blocks side by side (a letterhead's name at the left and its address at the right, in
 * smaller type and ranged right) in `rows[i..]`: the rows down from `i`, each less than
 * {@link BLOCK_GAP} line heights below the one above, parted by a gutter at least
 * {@link COLUMN_GUTTER} line heights wide that no line crosses, each side's lines a block of two
 * or more (each less than BLOCK_GAP line heights below the one before on its side: a chat's
 * bubbles at the left and the right follow one another down the page; a title and the time
 * beside it are no blocks), the right side's holding words, one side's type
 * {@link BLOCK_TYPE} times the other's or larger (an address beside a box of account details, in
 * the same type, is read row by row); and the two blocks' lines do not pair up row for row, as
 * labels and their values do: the sides hold different numbers of lines, and more rows hold one
 * side's lines alone than both sides' (a label boxed tall stands on a row of its own beside its
 * value). Returns the last row and where the gutter runs.
 */
function sideBlocks(rows: OcrLine[][], i: number, height: number): { bottom: number; middle: number } | undefined {
  let bottom = i;
  while (bottom + 1 < rows.length && rowTop(rows[bottom + 1]!) - rowBottom(rows[bottom]!) < BLOCK_GAP * height) bottom++;
  if (bottom === i) return undefined;
  const lines = rows.slice(i, bottom + 1).flat().sort((a, b) => a.box.x - b.box.x);
  // The widest gap between the lines' spans across the page.
  let reach = -Infinity, gutter = { from: 0, to: 0 };
  for (const l of lines) {
    if (reach > -Infinity && l.box.x - reach > gutter.to - gutter.from) gutter = { from: reach, to: l.box.x };
    reach = Math.max(reach, l.box.x + l.box.w);
  }
  if (gutter.to - gutter.from < COLUMN_GUTTER * height) return undefined;
  const west = (l: OcrLine) => l.box.x + l.box.w <= gutter.from;
  const block = (side: OcrLine[]) => side.sort((a, b) => a.box.y - b.box.y).every((l, k) => !k || l.box.y - side[k - 1]!.box.y - side[k - 1]!.box.h < BLOCK_GAP * height);
  const sides = [lines.filter(west), lines.filter((l) => !west(l))];
  if (sides.some((side) => side.length < 2 || !block(side)) || sides[0]!.length === sides[1]!.length || !sides[1]!.some((l) => /\p{L}/u.test(l.text))) return undefined;
  const [a, b] = sides.map((side) => medianHeight(side.flatMap((l) => l.words.filter((w) => w.text.trim()))));
  if (Math.max(a!, b!) < BLOCK_TYPE * Math.min(a!, b!)) return undefined;
  // Rows that hold a line on each side (a label and its value) and rows that hold one side's alone.
  let both = 0, one = 0;
  for (let j = i; j <= bottom; j++) {
    if (rows[j]!.some(west) && rows[j]!.some((l) => !west(l))) both++;
    else one++;
  }
  return one > both ? { bottom, middle: (gutter.from + gutter.to) / 2 } : undefined;
}

/** Lines top to bottom by their middles. */
function byMiddle(a: OcrLine, b: OcrLine): number {
  return a.box.y + a.box.h / 2 - (b.box.y + b.box.h / 2);
}

/** The top of a row's lines. */
function rowTop(row: readonly OcrLine[]): number {
  return Math.min(...row.map((l) => l.box.y));
}

/** The bottom of a row's lines. */
function rowBottom(row: readonly OcrLine[]): number {
  return Math.max(...row.map((l) => l.box.y + l.box.h));
}

/** Least ratio of the two blocks' type sizes (their words' median heights) for blocks side by side. */
const BLOCK_TYPE = 1.4;
/** Most gap (in line heights) between the rows of a block. */
const BLOCK_GAP = 1.5;
/** Least gap (in line heights) between the lines of a row across which a second column is looked for. */
const COLUMN_GUTTER = 3;
/** A line of a second column alone on its row starts at most this many line heights from the column's edge. */
const COLUMN_ALIGN = 2;

/**
 * A line's box cut down to the band from the median top to the median bottom of its words (of
 * `words` when given). The engine's own line box is tight where its word boxes can reach far
 * above or below their glyphs (a majority of 38 px boxes in a line of 22 px text); a line put
 * together from words read again (a union of their boxes) is not.
 */
export function coreBand(line: OcrLine, words = line.words.filter((w) => w.text.trim())): Box {
  if (!words.length) return line.box;
  const row = medianRow(words);
  const top = Math.max(line.box.y, row.top), bottom = Math.min(line.box.y + line.box.h, row.bottom);
  return bottom > top ? { x: line.box.x, y: top, w: line.box.w, h: bottom - top } : line.box;
}

/** A line whose words' band is this many times the median line's height is tall: it joins no row. */
const TALL_LINE = 1.8;

/**
 * Columns of running text: at least {@link COLUMN_ROWS} rows in a row, each holding two lines of
 * at least {@link ROW_COLUMN_TEXT} characters (two boxes of label: value pairs side by side have
 * fewer).
 */
const ROW_COLUMN_TEXT = 12;
const COLUMN_ROWS = 8;

/** How many pixel rows two boxes share (negative: the gap between them). */
export function verticalOverlap(a: Box, b: Box): number {
  return Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
}

/** Whether two boxes share a row: they overlap by half the height of the shorter one. */
export function sameRow(a: Box, b: Box): boolean {
  return verticalOverlap(a, b) >= 0.5 * Math.min(a.h, b.h);
}

/** The median height of the boxes of `words`, at least one (of an even count, the upper one, or the lower one when `lower`). */
export function medianHeight(words: readonly OcrWord[], lower = false): number {
  return words.map((w) => w.box.h).sort((a, b) => a - b)[lower ? (words.length - 1) >> 1 : words.length >> 1]!;
}

/** The row of `words`: the median of their boxes' tops and of their bottoms. */
export function medianRow(words: readonly OcrWord[]): { top: number; bottom: number } {
  return { top: median(words.map((w) => w.box.y)), bottom: median(words.map((w) => w.box.y + w.box.h)) };
}

/** The mean confidence of `words` (NaN for none). */
export function meanConfidence(words: readonly OcrWord[]): number {
  return words.reduce((a, w) => a + w.confidence, 0) / words.length;
}

/** A line of `words` (joined with spaces) whose box encloses theirs. */
export function lineOf(words: OcrWord[], confidence: number): OcrLine {
  return { text: words.map((w) => w.text).join(' '), confidence, box: unionBox(words.map((w) => w.box)), words };
}

/** A result made of `lines`: its text, words and their mean confidence (`fallback` without words). */
export function resultOf(lines: OcrLine[], fallback: number): OcrResult {
  const words = lines.flatMap((l) => l.words);
  return { text: lines.map((l) => l.text).join('\n'), confidence: words.length ? meanConfidence(words) : fallback, words, lines };
}

/**
 * Second readings: what the engine read badly or left out on a page is cut out of the page's
 * raster and read again, and taken only when the new reading is clearly better.
 */
import { mapInOrder, readsChinese, throwIfCancelled, type CancelSignal, type OcrEngine, type OcrLine, type OcrResult, type OcrWord } from './engine';
import { coreBand, HAN, isReadReceipt, isRule, leftmost, LETTER_OR_DIGIT, lineOf, meanConfidence, medianHeight, medianRow, resultOf, rightmost, sameRow, verticalOverlap, withoutWords } from './lines';
import { inkComponents, type InkComponent } from './preprocess';
import { boxesOnce, boxesOverlap, clampBox, overlapArea, createGray, cropGray, grownBox, histogram, median, otsuThreshold, percentile, resizeGray, shearGray, unionBox, type Box, type GrayRaster } from './raster';

/**
 * A line the engine read with less confidence than this (0–100) is read a second time (see
 * {@link rereadWeakLines}). On the benchmark images no line of correct text falls below 80;
 * failed lines come out as a few letters at 1–45.
 */
export const WEAK_LINE_CONFIDENCE = 50;
/** Scales of second readings, relative to the raster the page was read from, in order of trial. */
export const REREAD_SCALES = [0.75, 1] as const;
/** At most this much of the engine's confidence counts in an English reading that says nothing (see rereadWeakLines). */
const UNTRUSTED_CONFIDENCE = WEAK_LINE_CONFIDENCE - 15;
/**
 * A word of digits alone read with less confidence than this on a Chinese page is read again,
 * and only a Chinese reading replaces it (see rereadWeakLines): a date's 月 and 日 read as digits
 * ("118268" at 50 for 11月26日 on a dark date bar); a number read again stays a number.
 */
const DIGITS_GARBLED_CONFIDENCE = 60;
/** A second reading at least this confident is taken without trying the next scale. */
const SURE_READING_CONFIDENCE = 80;
/** A word read at this confidence or less is no reading at all (see rereadWeakLines). */
const NO_CONFIDENCE = 5;

/**
 * Gives what the engine could not read a second chance, each part cut out with a margin and read
 * on its own as a single line at the scales of {@link REREAD_SCALES}; a new reading replaces the
 * old one only when it is clearly more confident:
 * - a line below {@link WEAK_LINE_CONFIDENCE}: the engine's line finding and its reading depend on
 *   the pixel size of the text, and a line of widely spaced full-width digits that upscaling made
 *   30 px tall can come out as "9 do ddw" (confidence 2) yet read "0936－555－789。" (82) at three
 *   quarters of the size;
 * - on pages read with a Chinese model, a word with Latin letters, no Chinese nor digit, alone or
 *   mixed with symbols ("=m", "(B=)"), below {@link ODD_WORD_CONFIDENCE}: with
 *   chi_tra+eng the engine tries first whichever language read the previous word, so after an
 *   amount read as English an English dictionary word can stand for a Chinese one ("BER" for
 *   繳費期限 at 36, "[EEF]" for 【中華電信】 at 1). Read alone, such a word is replaced only by a
 *   reading that contains Chinese, or, for a masked number with asterisks read as letters
 *   ("4403**rxwxxrwzy2817"), by its figures around asterisks alone; when it still reads as English alone (it has no Chinese
 *   before it to start from), its whole line is read once more and the words under it are taken
 *   if they contain Chinese ("HER" for 繳費期限 at 14 px);
 * - on such pages, a word of digits alone read with almost no confidence (below
 *   {@link DIGITS_GARBLED_CONFIDENCE}): a small grey date read "118188" at 0 for 11月18日. Like an
 *   English word, it is replaced only by a reading that contains Chinese; so is a word of capitals
 *   and digits read unsure and boxed taller than its line's figures ({@link tallerThanFigures}).
 * Costs nothing when everything reads well; boxes stay in the coordinates of `raster`.
 */
export async function rereadWeakLines(result: OcrResult, raster: GrayRaster, engine: OcrEngine, lang: string, signal?: CancelSignal): Promise<OcrResult> {
  const chinese = readsChinese(lang);
  // Latin letters without Chinese or digits, alone or mixed with symbols ("(B=)" for （週三））.
  // Codes (0O936, TK1131008) are not second-guessed; digits alone read unsure are, and only Chinese replaces them.
  // A lone letter must be glyph-sized: a full stop read as "o" is not a Chinese word misread.
  // Lower-case letters without ascenders or descenders ("me", "ne") are half as tall as Chinese
  // characters of the same size: read from a box as tall as those, they are Chinese misread
  // ("me" for 訊息 at 78, "ne" for 找零 at 91), however sure the engine is.
  const hanHeights = result.lines.flatMap((l) => l.words).filter((w) => HAN.test(w.text)).map((w) => w.box.h).sort((a, b) => a - b);
  const hanHeight = hanHeights.length >= 5 ? hanHeights[hanHeights.length >> 1]! : Infinity;
  const tooTall = (w: OcrWord) => chinese && X_HEIGHT_WORD.test(w.text.trim()) && w.box.h >= X_HEIGHT_SHARE * hanHeight;
  // The engine's confidence in such a word says nothing: a Chinese reading needs the usual bar only.
  const trust = (w: OcrWord) => (tooTall(w) ? Math.min(w.confidence, UNTRUSTED_CONFIDENCE) : w.confidence);
  const suspect = (w: OcrWord, line: OcrLine) => {
    const t = w.text.trim();
    if (chinese && UNPAIRED_BRACKET.test(t) && w.confidence < ODD_WORD_CONFIDENCE) return true;
    if (tooTall(w)) return true;
    // Digits read unsure can be Chinese read as digits (11月18日 as "118188" at 0); five or more,
    // read less than surely, too (11月3日 as "11838" at 76; a year read so, 113, can be read with
    // the 年 after it).
    if (chinese && /^\p{N}{3,}$/u.test(t) && w.confidence < DIGITS_GARBLED_CONFIDENCE) return true;
    if (chinese && /^\p{N}{5,}$/u.test(t) && w.confidence < SURE_READING_CONFIDENCE) return true;
    if (!chinese || !LATIN_LETTER.test(t) || HAN.test(t)) return false;
    if (CAPITALS_AND_DIGITS.test(t) && w.confidence < ODD_WORD_CONFIDENCE && tallerThanFigures(w, line)) return true;
    if (FIGURE.test(t) && (w.confidence >= GARBLED_CONFIDENCE || (!/[A-Za-z]{3}/u.test(t) && !INTERLEAVED.test(t)))) return false;
    if (w.confidence >= ODD_WORD_CONFIDENCE) return false;
    return /[A-Za-z]{2}/.test(t) || w.box.h >= 0.6 * line.box.h;
  };
  // A word of Latin letters alone as wide per letter as Chinese, though read surely, is read
  // alone too ("BEER" at 84 for a title 遠傳客服 in bold after a status bar's icons read as "@"):
  // alone, the engine reads the Chinese. English read alone stays English, and a sure reading of
  // the word alone is needed to replace it.
  const wide = (w: OcrWord) => {
    const letters = LATIN_WORD.exec(w.text.trim())?.[1];
    return chinese && letters !== undefined && w.confidence < WIDE_WORD_CONFIDENCE && w.box.w >= WIDE_WORD_WIDTH * w.box.h * letters.length;
  };
  if (!result.lines.some((l) => isWeak(l) || l.words.some((w) => isWeakWord(w) || suspect(w, l) || wide(w) || isUnsureAmount(w)))) return result;
  const at: Rereader = { raster, engine, lang, ...(signal ? { signal } : {}) };
  // A reading far more confident than a garbled one (a Chinese reading at 55 for "2ERBRHTE" at 0)
  // is taken below the usual bar.
  const better = (r: Reading | undefined, old: number): r is Reading => r !== undefined && r.confidence >= Math.min(WEAK_LINE_CONFIDENCE + 10, old + 30) && r.confidence >= old + 15;
  const hasHan = (ws: readonly OcrWord[]) => ws.some((x) => HAN.test(x.text));
  // A reading proves a misread word wrong with Chinese, or, for a masked number whose asterisks
  // were read as letters ("4403**rxwxxrwzy2817" at 0), with the same figures around asterisks alone.
  const proven = (w: OcrWord, ws: readonly OcrWord[]) => hasHan(ws) || masksSameNumber(w.text, ws);

  // Each line is read again on its own, as many at once as the engine reads side by side.
  const lines = (await mapInOrder(result.lines, engine.parallelism ?? 1, async (read): Promise<OcrLine[]> => {
    let line = read;
    if (isWeak(line)) {
      // Read from its core band: a garbled word's box can reach into the next line (【遠傳】 read
      // "[EM]" at 15 boxed 50 px tall in a line of 34 px text 50 px apart), and the cut's margin
      // with it; the next line's glyphs in the cut garble the second reading too.
      const core = coreBand(line);
      const again = await reread(at, core, core.h, () => true);
      // The line read again can still hold a word misread as English ("ERE:" at 82 for 王先生：,
      // read "ThE:" at 49 at first): its words are looked at like any line's.
      if (better(again, line.confidence)) line = lineOf(again.words, again.confidence);
    } else {
      // Words the engine tangled are read with their whole line; what that reading has across
      // their columns (give or take half the line's height: its boxes are loose, a single line's
      // first word can be boxed across it) and over none of the line's other words replaces them
      // when clearly surer. The other words stay.
      const tangled = tangledWords(line);
      if (tangled.length) {
        const rest = line.words.filter((w) => !tangled.includes(w)), restRead = rest.filter((w) => w.text.trim());
        const span = boxOf(tangled), slack = line.box.h / 2;
        const across = (x: OcrWord) => x.box.x + x.box.w / 2 >= span.x - slack && x.box.x + x.box.w / 2 <= span.x + span.w + slack;
        const over = (ws: readonly OcrWord[]) => notOver(ws.filter(across), restRead);
        const core = coreBand(line);
        const again = await reread(at, core, core.h, (ws) => over(ws).length > 0);
        const inside = again ? over(again.words) : [];
        if (inside.length && better({ words: inside, confidence: meanConfidence(inside) }, meanConfidence(tangled))) {
          line = lineOf([...rest, ...inside].sort((a, b) => a.box.x - b.box.x), line.confidence);
        }
      }
    }
    // Unsure English words: first each read alone; those still English, in a reading of their
    // whole line, where the Chinese before them sets the language the engine tries first.
    // A reading is cut down to the words not over the line's other words: an engine's word box
    // can reach over the words after it, and they were read already.
    const replaced = new Map<OcrWord, OcrWord[]>();
    const own = (w: OcrWord, words: OcrWord[]) => notOver(words, line.words.filter((o) => o !== w));
    // Once a word of the line read as digits or letters proved Chinese, a short word of letters
    // and symbols after it as wide as Chinese is doubted however sure the engine was: reading on
    // in English, it misreads the Chinese after it too ("118268 B=" for 11月26日 週二, B= at 85).
    let misread = false;
    const take = (w: OcrWord, kept: OcrWord[]) => { replaced.set(w, kept); misread = true; };
    for (const w of line.words) {
      const follows = misread && isShortLatin(w);
      const odd = suspect(w, line) || follows;
      const amount = !odd && !wide(w) && isUnsureAmount(w);
      if (!odd && !amount && !wide(w)) continue;
      const row = withinRow(w, line);
      const rowHeight = row === w.box ? line.box.h : row.h;
      // An amount with a separator read a little unsure is read alone, and a surer reading of one
      // such figure alone replaces it (2,451 read "2.450" at 79 at the end of a bill's row, read
      // alone 2,451).
      if (amount) {
        const figure = (ws: OcrWord[]) => { const k = own(w, ws); return k.length === 1 && AMOUNT.test(k[0]!.text.trim()); };
        const again = await reread(at, row, rowHeight, figure);
        const kept = again && own(w, again.words);
        if (kept?.length === 1 && kept[0]!.confidence >= Math.max(SURE_READING_CONFIDENCE, w.confidence + AMOUNT_GAIN)) replaced.set(w, kept);
        continue;
      }
      const accept = (ws: OcrWord[]) => proven(w, own(w, ws));
      if (!odd) {
        const again = await reread(at, row, rowHeight, accept);
        const kept = again && own(w, again.words);
        if (kept?.length && meanConfidence(kept) >= Math.max(SURE_READING_CONFIDENCE, w.confidence)) take(w, kept);
        continue;
      }
      // Still English alone, a word as wide per letter as Chinese characters are is read once more
      // with Latin letters barred: the engine then reads the Chinese it took them for ("AiR" at 38
      // for 月租費, "REAR" at 65 for 蔡明宏 at 64), and its confidence in the English reading, as
      // wide as Chinese, says nothing.
      // Read alone as Chinese, such a word is judged the same way ("BE:" at 68 for 台鑒：, read
      // alone 台鑒： at 75). So is a word of letters read at almost no confidence, however narrow
      // its letters: bold Chinese after a mark the engine took for a letter ("OEERILHIEE" at 0
      // for a fapiao's ⊗壹佰贰拾捌圆整, read so alone too; barred, @壹佰贰拾抽圆整).
      let again = await reread(at, row, rowHeight, accept);
      const trusted = follows || isHanWide(w) ? Math.min(trust(w), UNTRUSTED_CONFIDENCE) : trust(w);
      if (!again && (isHanWide(w) || isGarbledLatin(w))) again = await reread(at, row, rowHeight, accept, false, LATIN_LETTERS);
      const kept = again && own(w, again.words);
      if (!kept?.length) continue;
      // Read alone, without the English before it to start from, the engine chose Chinese, and
      // surely: taken even when not far more confident ("TRE" at 74 for 王建国 at 88).
      const confidence = meanConfidence(kept);
      // A word read at no confidence at all is no reading: a Chinese one holding a character read
      // surely replaces it, however unsure the rest ("ELE" at 0 for a small receipt's 謝謝光臨,
      // read with letters barred 姓謝光坊 at 0, 0, 91 and 18).
      const sureCharacter = trusted <= NO_CONFIDENCE && kept.some((k) => HAN.test(k.text) && k.confidence >= SURE_READING_CONFIDENCE);
      if (better({ words: kept, confidence }, trusted) || confidence >= Math.max(SURE_READING_CONFIDENCE, trusted) || sureCharacter) take(w, kept);
    }
    const left = line.words.filter((w) => suspect(w, line) && !replaced.has(w));
    for (const scale of left.length ? REREAD_SCALES : []) {
      const reading = await readAlone(at, line.box, line.box.h, scale);
      for (const w of left) {
        if (replaced.has(w)) continue;
        const inside = own(w, reading.filter((x) => within(x.box, w.box)));
        if (proven(w, inside) && better({ words: inside, confidence: meanConfidence(inside) }, trust(w))) replaced.set(w, inside);
      }
      if (left.every((w) => replaced.has(w))) break;
    }
    // Unsure words of a line otherwise read well spread wider than their characters (full-width
    // digits, each an em apart), read alone (each run of them close together as one), also
    // squeezed (see SPACED_SQUEEZE).
    for (const run of weakRuns(line.words.filter((w) => !replaced.has(w)), line.box.h)) {
      const box = unionBox(run.map((w) => w.box));
      const others = line.words.filter((o) => !run.includes(o) && o.text.trim());
      // Spread over the run's width at its words' (lower median) height: a misread dash can be
      // boxed far taller. Or spread by its ink, its text read with more characters than it has
      // ("0OO0O。" for ０００。). A box reaching over the words beside it is the engine's mistake,
      // not spaced text; so is a word beside it boxed over others besides the run (查詢 boxed
      // 297 px wide over 請致電 and the digits after them), which is no bar.
      const h = medianHeight(run, true);
      // Words the engine put in other lines on the run's row are beside it too (a chat's time
      // beside a bubble's last line: 下午 read "和" with the bubble's text, 7:42 a line apart).
      const onRow = result.lines.filter((l) => l !== read).flatMap((l) => l.words).filter((o) => o.text.trim() && sameRow(o.box, box));
      const beside = [...others.filter((o) => others.filter((x) => x !== o && boxesOverlap(x.box, o.box)).length < 2), ...onRow];
      if (!(isSpread(run.map((w) => w.text.trim()).join(''), { ...box, h }) || isInkSpread(raster, box, h)) || beside.some((o) => boxesOverlap(o.box, box))) continue;
      // Read without the words beside it: a cut's margin reaches into them (the ０ after a dash
      // read with its run, "0800-0"; 元 read "7" after a number).
      const span = { x0: Math.max(-Infinity, ...beside.filter((o) => o.box.x < box.x).map((o) => o.box.x + o.box.w)), x1: Math.min(Infinity, ...beside.filter((o) => o.box.x > box.x).map((o) => o.box.x)) };
      const again = await reread(at, box, line.box.h, () => true, true, undefined, span);
      const kept = again && notOver(again.words, beside);
      if (!kept?.some((w) => LETTER_OR_DIGIT.test(w.text)) || !better({ words: kept, confidence: meanConfidence(kept) }, meanConfidence(run))) continue;
      run.forEach((w, i) => replaced.set(w, i ? [] : kept));
    }
    return replaced.size ? withReadings(line, line.words.flatMap((w) => replaced.get(w) ?? [w])) : [line];
  })).flat();
  // Nothing taken: the reading as it was.
  if (lines.length === result.lines.length && lines.every((l, k) => l === result.lines[k])) return result;
  return resultOf(lines, result.confidence);
}

/**
 * Whether `words` read a masked number (figures, asterisks, figures: 4403**********2817) with the
 * figures that `text` starts and ends with, where `text` read some of its asterisks as letters.
 */
export function masksSameNumber(text: string, words: readonly OcrWord[]): boolean {
  const again = words.filter((x) => x.text.trim());
  const m = again.length === 1 ? MASKED_NUMBER.exec(again[0]!.text.trim()) : null;
  const old = /^(\p{Nd}+)\*[^\s]*?(\p{Nd}+)$/u.exec(text.trim());
  return m !== null && old !== null && LATIN_LETTER.test(text) && old[1] === m[1] && old[2] === m[2];
}

/** A masked number: figures, three asterisks or more, figures. */
const MASKED_NUMBER = /^(\p{Nd}{2,})\*{3,}(\p{Nd}{2,})$/u;

/**
 * Finds the punctuation a word of Chinese read unsure (below {@link WEAK_LINE_CONFIDENCE}) took
 * in: the engine can box a line's last characters and the full stop after them as one word and
 * read only the characters, unsure (公司 at 24 for 公司。, its box reaching over the 。). Such a
 * word ending a line not weak as a whole is read alone; a sure reading (at least
 * {@link SURE_READING_CONFIDENCE}) of the same characters with a sentence's marks added
 * ({@link SENTENCE_MARKS}) replaces it.
 * Other readings are left alone: the characters were read already.
 */
export async function readPunctuationOfWeakWords(result: OcrResult, raster: GrayRaster, engine: OcrEngine, lang: string, signal?: CancelSignal): Promise<OcrResult> {
  const unsure = (w: OcrWord) => HAN.test(w.text) && w.confidence < WEAK_LINE_CONFIDENCE;
  // The line's last word: a mark read into a word before the line's end is the next word's (告知书 read "告知：书").
  const last = (l: OcrLine) => rightmost(l.words.filter((w) => w.text.trim()));
  const weakLast = (l: OcrLine) => { const w = last(l); return !isWeak(l) && w !== undefined && unsure(w) ? w : undefined; };
  if (!result.lines.some(weakLast)) return result;
  const at: Rereader = { raster, engine, lang, ...(signal ? { signal } : {}) };
  const characters = (ws: readonly OcrWord[]) => ws.map((w) => w.text.replace(MARKS_AND_SPACES, '')).join('');
  let changed = false;
  const lines = await mapInOrder(result.lines, engine.parallelism ?? 1, async (line) => {
    const w = weakLast(line);
    if (!w) return line;
    const others = line.words.filter((o) => o !== w);
    const same = (ws: OcrWord[]) => { const k = notOver(ws, others); return characters(k) === characters([w]) && k.some((x) => SENTENCE_MARKS.test(x.text)); };
    // Without the word before it: a cut's margin takes in part of its glyph (本 read "“").
    const span = { x0: Math.max(-Infinity, ...others.map((o) => o.box.x + o.box.w).filter((x) => x <= w.box.x + w.box.w / 2)), x1: Infinity };
    const again = await reread(at, w.box, line.box.h, same, false, undefined, span);
    if (!again || again.confidence < SURE_READING_CONFIDENCE) return line;
    changed = true;
    return lineOf(line.words.flatMap((o) => (o === w ? notOver(again.words, others) : [o])), line.confidence);
  });
  return changed ? resultOf(lines, result.confidence) : result;
}

/**
 * Takes out the 7 the engine reads between an amount's last 0 and the 元 after it (新臺幣450元
 * read "4507元", 费用356.80元 "356.807元", 120元 "1207元"): in a page's reading, 元's first
 * stroke after a 0 passes for a 7. A line with an amount ending in 07 right before 元 is read
 * again alone; when that reading has the amount without the 7 before its 元, the 7 goes. An
 * amount that does end in 07 is read so again, and stays.
 */
export async function readAmountsBeforeYuan(result: OcrResult, raster: GrayRaster, engine: OcrEngine, lang: string, signal?: CancelSignal): Promise<OcrResult> {
  // Per line, each word holding an amount ending in 07 with 元 after it (in the word or the next
  // one): the amount without the 7, and the word's text without it.
  const found = result.lines.map((line) => ordered(line).flatMap((w, i, words) => {
    const parts = /^(.*\d0)7(元.*)?$/u.exec(w.text.trim());
    return parts && (parts[2] || words[i + 1]?.text.trim().startsWith('元')) ? [{ w, amount: parts[1]!, text: parts[1]! + (parts[2] ?? '') }] : [];
  }));
  if (!found.some((f) => f.length)) return result;
  const at: Rereader = { raster, engine, lang, ...(signal ? { signal } : {}) };
  let changed = false;
  const lines: OcrLine[] = [];
  for (const [k, line] of result.lines.entries()) {
    if (!found[k]!.length) { lines.push(line); continue; }
    const core = coreBand(line);
    const again = await reread(at, core, core.h, () => true);
    const read = again ? again.words.map((w) => w.text.trim()).join(' ') : '';
    const fixed = found[k]!.filter(({ amount }) => new RegExp(`(?:^|[^\\d,.])${escapeRegExp(amount)}\\s?元`, 'u').test(read));
    if (!fixed.length) { lines.push(line); continue; }
    changed = true;
    lines.push(lineOf(line.words.map((w) => {
      const f = fixed.find((x) => x.w === w);
      return f ? { ...w, text: f.text } : w;
    }), line.confidence));
  }
  return changed ? resultOf(lines, result.confidence) : result;
}

/** A line's words with text, left to right. */
function ordered(line: OcrLine): OcrWord[] {
  return line.words.filter((w) => w.text.trim()).sort((a, b) => a.box.x - b.box.x);
}

/** `text` with the characters a regular expression reads as syntax escaped. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** The marks that end or part a sentence or clause, Chinese and ASCII (not #, not brackets). */
const SENTENCE_MARK_LIST = '。，、；：？！,.;:?!';
const SENTENCE_MARKS = new RegExp(`[${SENTENCE_MARK_LIST}]`, 'u');
const MARKS_AND_SPACES = new RegExp(`[\\s${SENTENCE_MARK_LIST}]+`, 'gu');

/** Where a second reading reads: the page's raster, by the engine, in the languages of `lang`. */
interface Rereader {
  raster: GrayRaster;
  engine: OcrEngine;
  lang: string;
  signal?: CancelSignal;
}

/**
 * Readings of cuts already made, by engine and raster: the steps that read a line again ask for
 * the same cut more than once (a table cell read again as a weak line's part, then as a cell's),
 * and the engine reads a cut the same way each time.
 */
const cutReadings = new WeakMap<OcrEngine, WeakMap<GrayRaster, Map<string, Promise<OcrWord[]>>>>();

/**
 * Reads `given` (with a margin from the line's height) alone at `scale`; boxes in the raster's
 * frame. A cut read before on the same raster by the same engine is not read again.
 */
async function readAlone(at: Rereader, given: Box, lineHeight: number, scale: number, squeeze = 1, blacklist?: string, span?: Span): Promise<OcrWord[]> {
  let byRaster = cutReadings.get(at.engine);
  if (!byRaster) cutReadings.set(at.engine, (byRaster = new WeakMap()));
  let readings = byRaster.get(at.raster);
  if (!readings) byRaster.set(at.raster, (readings = new Map()));
  const key = [at.lang, given.x, given.y, given.w, given.h, lineHeight, scale, squeeze, blacklist ?? '', span ? `${span.x0}-${span.x1}` : ''].join('|');
  let reading = readings.get(key);
  if (!reading) {
    reading = readCut(at, given, lineHeight, scale, squeeze, blacklist, span);
    readings.set(key, reading);
    // A reading cancelled or failed is not kept: the next ask reads again.
    reading.catch(() => readings.delete(key));
  }
  return (await reading).map((w) => ({ ...w, box: { ...w.box } }));
}

async function readCut({ raster, engine, lang, signal }: Rereader, given: Box, lineHeight: number, scale: number, squeeze: number, blacklist?: string, span?: Span): Promise<OcrWord[]> {
  // A box far taller than its ink, for a rule above or below the text boxed with it, is cut
  // down to the text's rows and read without the ink above and below them (宽带提速 read "Po"
  // at 7, boxed from a receipt's separator down).
  const rows = textBetweenRules(raster, given);
  // Ink no thicker than a rule between rules is a rule too: a box around a table's rules alone
  // (a word read over them) holds no text. Read with a pixel of margin, such a sliver cost the
  // engine up to 3 s and gave junk ("EE RRR RRR").
  if (rows && rows.h <= RULE_ROWS) return [];
  const box = rows ? { ...given, y: rows.y, h: rows.h } : given;
  const margin = Math.round((rows ? rows.h : lineHeight) * 0.6);
  const cut = grownBox(box, margin, margin, raster);
  // Nor does a cut no taller than a rule, margin and all (a word boxed 1 px tall over a rule, its
  // line taken as 1 px: 0.4–0.5 s of the engine's for nothing, four times on one photo).
  if (!cut.w || cut.h <= RULE_ROWS) return [];
  const cutOut = cropGray(raster, cut);
  // A table's rules down the cut are left blank: no glyph reaches through the margins above and
  // below its line, nor a cut's height beyond them (a cell's date read "113/o8/o1|" with the
  // cell's border).
  const down = ruleColumns(cropGray(raster, clampBox({ x: cut.x, y: cut.y - cut.h, w: cut.w, h: 3 * cut.h }, raster)));
  if (rows) for (let row = 0; row < cut.h; row++) if (cut.y + row < box.y - INK_ROW_GAP || cut.y + row >= box.y + box.h + INK_ROW_GAP) cutOut.data.fill(255, row * cut.w, (row + 1) * cut.w);
  // Columns outside `span` (the words beside it) are left blank.
  if (span) {
    const from = Math.min(cut.w, Math.max(0, span.x0 - cut.x)), to = Math.min(cut.w, Math.max(from, span.x1 - cut.x));
    for (let row = 0; row < cut.h; row++) cutOut.data.fill(255, row * cut.w, row * cut.w + from).fill(255, row * cut.w + to, (row + 1) * cut.w);
  }
  for (const x of down) for (let row = 0; row < cut.h; row++) cutOut.data[row * cut.w + x] = 255;
  liftDarkCut(cutOut);
  // Text on a tinted ground (a date chip left grey) is set on white.
  whitenTintedGround(cutOut);
  throwIfCancelled(signal);
  const image = scale === 1 && squeeze === 1 ? cutOut : resizeGray(cutOut, scale * squeeze, scale);
  const again = await engine.recognize({ kind: 'raster', raster: image }, { lang, psm: 'single-line', dpi: 300, ...(blacklist ? { blacklist } : {}), ...(signal ? { signal } : {}) });
  // The reading's boxes, from the scaled cut-out back into the raster.
  const sx = image.width / cut.w, sy = image.height / cut.h;
  const back = (b: Box): Box => ({ x: Math.round(cut.x + b.x / sx), y: Math.round(cut.y + b.y / sy), w: Math.round(b.w / sx), h: Math.round(b.h / sy) });
  return again.lines.flatMap((l) => l.words).filter((w) => w.text.trim()).map((w) => ({ ...w, box: back(w.box) }));
}

/**
 * Turns a cut negative, in place, when most of it is darker than {@link INK_TONE}: its text is
 * light on a dark ground the preprocessing left dark (a chat's white time over a photo
 * wallpaper, read "Teo: 52" for 下午10:52). A cut of text on paper is mostly paper, however
 * bold the text. Returns the cut.
 */
export function liftDarkCut(cut: GrayRaster): GrayRaster {
  const hist = histogram(cut);
  let below = 0;
  for (let v = 0; v < INK_TONE; v++) below += hist[v]!;
  if (below * 2 > cut.data.length) for (let i = 0; i < cut.data.length; i++) cut.data[i] = 255 - cut.data[i]!;
  return cut;
}

/**
 * Sets the text of a cut on white when it stands on a tinted ground: a date chip the
 * preprocessing left mid-grey, shaded from its edges in, its 2024年11月5日 read "Goze 580" (alone
 * on white, at 92). The cut's tones are parted into ink, a ground and paper ({@link threeTones});
 * a ground at least {@link GROUND_SHARE} times the ink, {@link GROUND_STEP} tones lighter, and
 * solid ({@link GROUND_SOLID} of it in runs across at least as long as the cut is tall: grey
 * text, a time beside a dark badge, is strokes) is made white, and so are the cut's rows that it
 * spans less than {@link GROUND_ROWS} of (the tops of the next line's glyphs in the cut's
 * margin). Returns the cut.
 */
export function whitenTintedGround(cut: GrayRaster): GrayRaster {
  const hist = histogram(cut);
  const [dark, light] = threeTones(hist);
  let ink = 0, ground = 0;
  for (let v = 0; v <= light; v++) if (v <= dark) ink += hist[v]!; else ground += hist[v]!;
  if (ground < GROUND_SHARE * ink || light - dark < GROUND_STEP) return cut;
  const { width: w, height: h, data } = cut;
  const isGround = (v: number) => v > dark && v <= light;
  let solid = 0;
  const rows: boolean[] = [];
  for (let y = 0; y < h; y++) {
    let run = 0, n = 0;
    for (let x = 0; x <= w; x++) {
      if (x < w && isGround(data[y * w + x]!)) { run++; n++; continue; }
      if (run >= h) solid += run;
      run = 0;
    }
    rows.push(n >= GROUND_ROWS * w);
  }
  if (solid < GROUND_SOLID * ground) return cut;
  for (let y = 0; y < h; y++) for (let i = y * w, end = i + w; i < end; i++) if (!rows[y] || data[i]! > dark) data[i] = 255;
  return cut;
}

/**
 * The two thresholds that part a histogram's tones into three classes (ink, a ground, paper)
 * with the most variance between them (Otsu's method for three classes): the last tone of the
 * first class and of the second.
 */
export function threeTones(hist: ArrayLike<number>): [number, number] {
  const n = new Float64Array(257), sum = new Float64Array(257);
  for (let v = 0; v < 256; v++) { n[v + 1] = n[v]! + hist[v]!; sum[v + 1] = sum[v]! + v * hist[v]!; }
  const part = (from: number, to: number) => {
    const count = n[to + 1]! - n[from]!;
    return count ? (sum[to + 1]! - sum[from]!) ** 2 / count : 0;
  };
  let best = -1, tones: [number, number] = [0, 255];
  for (let a = 0; a < 254; a++) {
    for (let b = a + 1; b < 255; b++) {
      const between = part(0, a) + part(a + 1, b) + part(b + 1, 255);
      if (between > best) { best = between; tones = [a, b]; }
    }
  }
  return tones;
}

/** A tinted ground holds at least this many times as many pixels as the ink on it, */
const GROUND_SHARE = 3;
/** is at least this many tones lighter than the ink (Otsu's thresholds apart), */
const GROUND_STEP = 30;
/** and lies in runs across as long as its cut is tall for at least this share of it. */
const GROUND_SOLID = 0.3;
/** A cut's rows that a tinted ground spans less than this share of are blanked. */
const GROUND_ROWS = 0.2;

/**
 * The most confident acceptable reading of `box` over the scales, stopping at a sure one; text
 * `spaced` far apart is also read squeezed to half its width. Ink outside `span` is not read.
 */
async function reread(at: Rereader, box: Box, lineHeight: number, accept: (words: OcrWord[]) => boolean, spaced = false, blacklist?: string, span?: Span): Promise<Reading | undefined> {
  let best: Reading | undefined;
  const trials: Array<[number, number]> = REREAD_SCALES.map((scale) => [scale, 1]);
  if (spaced) trials.push([1, SPACED_SQUEEZE]);
  for (const [scale, squeeze] of trials) {
    const words = await readAlone(at, box, lineHeight, scale, squeeze, blacklist, span);
    if (!words.length || !accept(words)) continue;
    const confidence = meanConfidence(words);
    if (best && best.confidence >= confidence) continue;
    best = { words, confidence };
    // A reading as confident as a well-read line needs no other, unless a figure in it was read
    // unsure: a digit misread at one size is often read right at the next (2024年11月28日 on a
    // date pill read with 25 at 71 at ¾ of its size, with 28 at 88 at its own).
    if (confidence >= SURE_READING_CONFIDENCE && !words.some((w) => FIGURE.test(w.text) && w.confidence < SURE_READING_CONFIDENCE)) break;
  }
  return best;
}

/**
 * Reads again, from rule to rule, each part of a line in a ruled table that was read unsure: the
 * engine reads a table's row as one line across its cells, and figures in a cell beside a rule
 * come out garbled or short of a digit (１，２４８ read "， 248" with its 1 left out, ２，５６７
 * read "20 567"). A line's words are parted by the rules down the page across its rows
 * ({@link verticalRules}, at least {@link TABLE_RULE} lines of text long); a part beside such a
 * rule with a word read below {@link SURE_READING_CONFIDENCE}, or boxed far taller than its line
 * ({@link TABLE_TALL_WORD}, its rules read with it), is read alone over its cell's width, also
 * squeezed, and its new reading taken as a part's is ({@link takenReading}). A bar read over such
 * a rule is dropped. Lines in the rows `done` (read cell by cell already, see readRuledCells) are
 * left as they are: parted by the rules found here (its grey rules not among them), a row's name
 * read from its cell, 林冠宇, was read again with the cell beside it and lost.
 */
export async function readTableCells(result: OcrResult, raster: GrayRaster, engine: OcrEngine, lang: string, signal?: CancelSignal, done: readonly Box[] = []): Promise<OcrResult> {
  const read = result.lines.flatMap((l) => l.words).filter((w) => w.text.trim());
  if (read.length < 3) return result;
  const rules = verticalRules(raster, Math.round(TABLE_RULE * medianHeight(read)));
  if (!rules.length) return result;
  // A bar read over a rule is the rule (a table's border read with its first cell, "| 购买方").
  const cleared = withoutWords(result, (w) => isRule(w.text) && rules.some((r) => Math.abs(w.box.x + w.box.w / 2 - (r.x + r.w / 2)) <= r.w / 2 + 1 && verticalOverlap(w.box, r) > 0));
  const at: Rereader = { raster, engine, lang, ...(signal ? { signal } : {}) };
  const figures = (ws: readonly OcrWord[]) => ws.reduce((n, w) => n + (w.text.match(/\p{N}/gu)?.length ?? 0), 0);
  // Each line is read again on its own, as many at once as the engine reads side by side.
  const lines = (await mapInOrder(cleared.lines, engine.parallelism ?? 1, async (line): Promise<OcrLine[]> => {
    const words = line.words.filter((w) => w.text.trim());
    const band = coreBand(line, words);
    const down = rules.filter((r) => r.y <= band.y && r.y + r.h >= band.y + band.h).sort((a, b) => a.x - b.x);
    if (!down.length || done.some((d) => centreIn(band, d))) return [line];
    // The row's words the engine read as other lines (a table's header parted in three): a part
    // read again over its cell's width reads them too, and they are not taken twice.
    const mates = cleared.lines.filter((l) => l !== line).flatMap((l) => l.words).filter((w) => w.text.trim() && sameRow(w.box, band));
    const replaced = new Map<OcrWord, OcrWord[]>();
    for (let k = 0; k <= down.length; k++) {
      const before = down[k - 1], after = down[k];
      const part = words.filter((w) => {
        const cx = w.box.x + w.box.w / 2;
        return (!before || cx >= before.x + before.w / 2) && (!after || cx < after.x + after.w / 2);
      });
      if (!part.some((w) => w.confidence < SURE_READING_CONFIDENCE || w.box.h > TABLE_TALL_WORD * band.h)) continue;
      const span = { x0: before ? before.x + before.w : -Infinity, x1: after ? after.x : Infinity };
      const own = boxOf(part);
      const x0 = before ? span.x0 : own.x, x1 = after ? span.x1 : own.x + own.w;
      // The cell's rows with a margin: rules across it there are cut away (textBetweenRules).
      const cell = grownBox({ x: x0, y: band.y, w: x1 - x0, h: band.h }, 0, Math.round(band.h * 0.6), raster);
      const again = await reread(at, cell, band.h, () => true, true, undefined, span);
      if (!again) continue;
      // Taken as a part's reading is, only when at least as sure (not for punctuation it adds: a
      // cell's "Top-up" read "‘Top-up") and holding as many figures as the part's sure words (日本3日
      // read 日本日, surer than with its last 日 at 13).
      const taken = takenReading(part, again.words, cell, [...words.filter((w) => !part.includes(w)), ...mates]);
      if (taken === part || meanConfidence(taken) < meanConfidence(part) || figures(taken) < figures(part.filter((w) => w.confidence >= SURE_READING_CONFIDENCE))) continue;
      part.forEach((w, i) => replaced.set(w, i ? [] : taken));
    }
    return replaced.size ? withReadings(line, line.words.flatMap((w) => replaced.get(w) ?? [w])) : [line];
  })).flat();
  if (lines.length === cleared.lines.length && lines.every((l, k) => l === cleared.lines[k])) return cleared;
  return resultOf(lines, result.confidence);
}
/** A rule down a table is at least this many times the page's text tall. */
const TABLE_RULE = 2.5;
/** A word of a table's row boxed this many times as tall as the row's text holds the rules above and below it. */
const TABLE_TALL_WORD = 1.6;

/**
 * The rules down `g`, each at least `least` rows long: runs of adjacent columns inked (darker than
 * {@link INK_TONE}, a column or the one on either side: a rule's soft edge, a rule drifting a
 * pixel along its length) down at least `least` rows in one piece, breaks of up to
 * {@link RULE_BREAK} rows bridged, and at most `thick` (by default {@link RULE_ROWS}) columns of
 * them inked down {@link RULE_DOWN} of its rows — thin, as a rule is, and a dark area is not. No
 * glyph is that tall, nor a column of lines of text, broken by the gaps between them. Boxes reach
 * a column beyond the ink on either side.
 */
export function verticalRules(g: GrayRaster, least: number, tone = INK_TONE, thick = RULE_ROWS): Box[] {
  return boxesOnce(g, `rules down ${least} ${tone} ${thick}`, () => findVerticalRules(g, least, tone, thick));
}

function findVerticalRules(g: GrayRaster, least: number, tone: number, thick: number): Box[] {
  // The rules that each column's runs (found row by row, in the raster's order, for all columns
  // at once) make, the thin ones only.
  return [...mergeColumnRuns(columnRuns(g, least, tone))].filter((b) => inkedDown(g, b, tone) <= thick);
}

/**
 * The rules that the runs down each column (`columns[x]`, see {@link columnRuns}) make, left to
 * right: each run joins the rules it overlaps in the column before or in its own (merging them:
 * the first of them takes the others in, which are left out), or starts one. In the order each
 * was last taken up. (Loops of its own, in plain steps: it runs once per page and is compiled.)
 */
function mergeColumnRuns(columns: ReadonlyArray<ReadonlyArray<{ y0: number; y1: number }>>): Set<Box> {
  const all = new Set<Box>();
  const touching: Box[] = [];
  let open: Box[] = [];
  for (let x = 0; x < columns.length; x++) {
    const runs = columns[x]!;
    const now: Box[] = [];
    for (let k = 0; k < runs.length; k++) {
      const r = runs[k]!;
      // The rules the run overlaps: those of the column before, then this column's, each once.
      touching.length = 0;
      addOverlapping(open, r, touching);
      addOverlapping(now, r, touching);
      const rule = touching.length ? touching[0]! : { x, y: r.y0, w: 1, h: r.y1 - r.y0 + 1 };
      all.add(rule);
      let y0 = r.y0, y1 = r.y1, x0 = rule.x;
      for (let i = 0; i < touching.length; i++) {
        const b = touching[i]!;
        if (i > 0) all.delete(b);
        y0 = Math.min(y0, b.y);
        y1 = Math.max(y1, b.y + b.h - 1);
        x0 = Math.min(x0, b.x);
      }
      rule.x = x0; rule.y = y0; rule.w = x - x0 + 1; rule.h = y1 - y0 + 1;
      if (!now.includes(rule)) now.push(rule);
      let kept = 0;
      for (let i = 0; i < open.length; i++) {
        const b = open[i]!;
        if (b === rule || !touching.includes(b)) open[kept++] = b;
      }
      open.length = kept;
    }
    open = now;
  }
  return all;
}

/** Adds to `touching` the rules of `rules` that share a row with run `r`, those not in it already, in their order. */
function addOverlapping(rules: readonly Box[], r: { y0: number; y1: number }, touching: Box[]): void {
  for (let i = 0; i < rules.length; i++) {
    const b = rules[i]!;
    if (r.y0 < b.y + b.h && r.y1 >= b.y && !touching.includes(b)) touching.push(b);
  }
}

/** How many columns of `b` are inked (darker than `tone`) down at least {@link RULE_DOWN} of its rows. */
function inkedDown(g: GrayRaster, b: Box, tone: number): number {
  const { width: w, data } = g;
  let n = 0;
  for (let x = Math.max(0, b.x); x < Math.min(w, b.x + b.w); x++) {
    let inked = 0;
    for (let y = b.y, i = b.y * w + x; y < b.y + b.h; y++, i += w) if (data[i]! < tone) inked++;
    if (inked >= RULE_DOWN * b.h) n++;
  }
  return n;
}

/**
 * The runs down each column of `g` (for {@link verticalRules}) at least `least` rows long: rows
 * where the column or one beside it is darker than `tone`, breaks of up to {@link RULE_BREAK}
 * rows bridged; first and last row of each, top to bottom.
 */
function columnRuns(g: GrayRaster, least: number, tone: number): Array<Array<{ y0: number; y1: number }>> {
  const { width: w, height: h, data } = g;
  const columns = Array.from({ length: w }, (): Array<{ y0: number; y1: number }> => []);
  const start = new Int32Array(w).fill(-1), end = new Int32Array(w).fill(-1);
  const dark = new Uint8Array(w);
  let marked = false;
  for (let y = 0; y <= h; y++) {
    if (marked) dark.fill(0);
    marked = false;
    if (y < h) {
      for (let x = 0, i = y * w; x < w; x++, i++) {
        if (data[i]! >= tone) continue;
        if (x > 0) dark[x - 1] = 1;
        dark[x] = 1;
        if (x + 1 < w) dark[x + 1] = 1;
        marked = true;
      }
      // A row without ink neither starts nor ends a run (its breaks are measured at the next ink).
      if (!marked) continue;
    }
    for (let x = 0; x < w; x++) {
      const s = start[x]!;
      if (dark[x] && s >= 0 && y - end[x]! - 1 <= RULE_BREAK) { end[x] = y; continue; }
      if (s >= 0 && (dark[x] || y === h)) { if (end[x]! - s + 1 >= least) columns[x]!.push({ y0: s, y1: end[x]! }); start[x] = -1; }
      if (dark[x]) { start[x] = y; end[x] = y; }
    }
  }
  return columns;
}

/** Breaks of at most this many rows in a rule down a page are bridged (a scan's faded pixels). */
const RULE_BREAK = 2;

/**
 * Reads text the engine's layout analysis left out: its page segmentation can drop short runs of
 * text that stand apart, such as the amounts right-aligned across from their labels on an app's
 * bill (行動上網超量費 … 0, 加值服務 … 800). Ink outside every word read so far is grouped into
 * line-sized clusters, which are stacked into one strip and read as a block (one engine call;
 * on a Chinese page, one more for the clusters read as unsure Latin letters alone, enlarged; one
 * for those read as unsure figures, without the ink above and below them; on a photo, one for
 * those read in part, enlarged).
 * A word is kept when read with confidence ≥ {@link MISSED_TEXT_CONFIDENCE} and holding a letter,
 * digit or ideograph; it joins the line beside it, or becomes a line of its own. The places
 * `ignore` names (of words dropped as pictures, of table rows read cell by cell) are not looked
 * at; on a `photo`, ink barely darker than the threshold (a desk's grain) is not text.
 */
export async function readMissedText(result: OcrResult, raster: GrayRaster, engine: OcrEngine, lang: string, signal?: CancelSignal, ignore: readonly Box[] = [], photo = false): Promise<OcrResult> {
  const read = result.lines.flatMap((l) => l.words).filter((w) => w.text.trim());
  // One word read is enough to size the rest by: on a small receipt's page, grainy paper all
  // round it, the layout analysis kept its date and time alone ("2024-11-21 10.45").
  if (!read.length) return result;
  const unit = medianHeight(read);
  const clusters = missedClusters(raster, [...read.map((w) => w.box), ...ignore], unit, photo);
  if (!clusters.length) return result;
  // A cut's margin can reach words already read: those are not read twice.
  const kept = (words: readonly OcrWord[]) => notOver(words.filter((w) => w.confidence >= MISSED_TEXT_CONFIDENCE && LETTER_OR_DIGIT.test(w.text)), read);
  const first = await readStacked(raster, clusters, unit, engine, lang, signal);
  const readings = first.map(kept);
  // On a Chinese page, clusters read as unsure Latin letters alone are read once more, enlarged:
  // the engine's reading changes with the size of the text (a bold name read "Pf" at 47, 阿傑 at
  // 86 and 80 a third larger).
  const chinese = readsChinese(lang);
  const unread = chinese ? clusters.flatMap((c, k) => (!readings[k]!.length && first[k]!.some((w) => LATIN_LETTER.test(w.text)) && !first[k]!.some((w) => HAN.test(w.text)) ? [k] : [])) : [];
  if (unread.length) {
    const again = await readStacked(raster, unread.map((k) => clusters[k]!), unit, engine, lang, signal, { scale: MISSED_TEXT_RETRY_SCALE });
    unread.forEach((k, i) => { readings[k] = kept(again[i]!); });
    // Those still read as nothing sure are read at twice their size, their strokes stood upright
    // (see slantOf): on a crumpled receipt, 滯納金 read "TAS", then "Ma" a third larger, then
    // 滯納金 at twice its size; 市話月租費, leaning, read "hEAEE", and itself stood upright.
    const still = unread.filter((k) => !readings[k]!.length);
    if (still.length) {
      const larger = await readStacked(raster, still.map((k) => clusters[k]!), unit, engine, lang, signal, { scale: MISSED_TEXT_LAST_SCALE, upright: true });
      still.forEach((k, i) => { readings[k] = kept(larger[i]!); });
    }
  }
  // Clusters read as unsure figures are read once more without the ink above and below them: a
  // table's faint rule in a cut's margin is read as a stroke ("_999" at 50 for 999 under it).
  // (Not any cluster: an app's outlined tab icon read without its label under it reads 品.)
  const unsure = clusters.flatMap((c, k) => (!readings[k]!.length && !unread.includes(k) && first[k]!.some((w) => FIGURE.test(w.text)) ? [k] : []));
  if (unsure.length) {
    const again = await readStacked(raster, unsure.map((k) => clusters[k]!), unit, engine, lang, signal, { bare: unsure.map(() => true) });
    unsure.forEach((k, i) => { readings[k] = kept(again[i]!); });
  }
  // On a photo, clusters read in part (words of them read unsure and left out) are read once more
  // enlarged, and the reading that keeps more letters and figures is taken: a phone screen's pale
  // time line, 11月18日 下午2:05, kept only "18 下午" at its size and "18日 下午2:05" half as large
  // again. (On a screenshot, the words of a row read again stay lines of their own, and a name
  // read "中国联" came back as "国联", "通", "中".)
  const partial = photo ? clusters.flatMap((c, k) => (readings[k]!.length && first[k]!.some((w) => w.confidence < MISSED_TEXT_CONFIDENCE && LETTER_OR_DIGIT.test(w.text)) ? [k] : [])) : [];
  if (partial.length) {
    const again = await readStacked(raster, partial.map((k) => clusters[k]!), unit, engine, lang, signal, { scale: MISSED_TEXT_PART_SCALE });
    const count = (words: readonly OcrWord[]) => lettersAndFigures(words.map((w) => w.text).join(''));
    partial.forEach((k, i) => {
      const words = kept(again[i]!);
      if (count(words) > count(readings[k]!)) readings[k] = words;
    });
  }
  // Clusters of which nothing at all was read are read once more side by side as one line: read
  // as a block, a short word alone in its cut can give no line at all (a bold sender's name of
  // two capitals, "EE"). Of that reading, words of one letter or digit are not taken unless the
  // cluster reads as a run of text ({@link MISSED_RUN} letters and figures at least): a small
  // icon read as nothing in the block is read as one (a chat's avatar beside a message seen, "2"
  // at 96), and the engine gives Chinese a word to each character (a reply's quoted line, grey
  // in a box inside the bubble, kept only "工作" of "3 個 工作 天 內 回 覆 您").
  const blank = clusters.flatMap((c, k) => (!first[k]!.length ? [k] : []));
  if (blank.length) {
    const again = await readStacked(raster, blank.map((k) => clusters[k]!), unit, engine, lang, signal, { across: true });
    blank.forEach((k, i) => {
      const words = kept(again[i]!);
      const run = lettersAndFigures(words.map((w) => w.text).join('')) >= MISSED_RUN;
      readings[k] = run ? words : words.filter((w) => lettersAndFigures(w.text) >= 2);
    });
  }
  // On a photo, clusters still read as nothing are read once more under a line of the page read
  // for sure, which is then left out: alone, a line of heavy print (a bold heading whose strokes
  // the photo's blur has filled in) gives no line at all, the engine having no text beside it to
  // size it by; under text it has read, it is read (帳單明細查詢 under 帳單月份). Of a cluster,
  // one letter or figure alone is not taken. (On a screenshot, print is sharp, and what is still
  // read as nothing there is an icon: a status bar's battery read "C3]".)
  const still = photo ? clusters.flatMap((c, k) => (!readings[k]!.length ? [k] : [])) : [];
  const reference = still.length ? referenceLine(result, unit) : undefined;
  if (reference) {
    const again = await readStacked(raster, [reference.box, ...still.map((k) => clusters[k]!)], unit, engine, lang, signal);
    still.forEach((k, i) => {
      const words = kept(again[i + 1]!);
      readings[k] = lettersAndFigures(words.map((w) => w.text).join('')) >= 2 ? words : [];
    });
  }
  // Clusters' cuts can overlap: a word read twice, the same text in the same place, keeps its
  // surer reading ("11:20" at 68 in one cut, at 96 in the next).
  const found = withoutRepeats(readings.flat());
  if (!found.length) return result;
  // Each word joins the line it overlaps most in height, or starts a line after the last one
  // above it; on a photo, the words of a row read again (a large title's characters) make one.
  const joining = result.lines.map((): OcrWord[] => []);
  const alone: OcrLine[] = [];
  for (const w of found) {
    let best = -1, bestOverlap = 0;
    result.lines.forEach((l, k) => {
      const overlap = verticalOverlap(l.box, w.box);
      if (overlap > bestOverlap && sameRow(l.box, w.box)) { best = k; bestOverlap = overlap; }
    });
    const row = best < 0 && photo ? alone.find((l) => sameRow(l.box, w.box)) : undefined;
    if (best >= 0) joining[best]!.push(w);
    else if (row) alone.splice(alone.indexOf(row), 1, lineOf([...row.words, w].sort((a, b) => a.box.x - b.box.x), row.confidence));
    else alone.push(lineOf([w], w.confidence));
  }
  // A word read whole over the end or the start of a word read before is that word, read in
  // part at first, which goes ("Telecommunications" found over the "ications" read first).
  const whole = (w: OcrWord, part: OcrWord) => {
    const a = w.text.trim(), b = part.text.trim();
    return a.length > b.length && (a.endsWith(b) || a.startsWith(b)) && centreIn(part.box, w.box);
  };
  const parts = new Set(read.filter((o) => found.some((w) => whole(w, o))));
  const merged = result.lines.flatMap((l, k) => {
    const own = parts.size ? l.words.filter((w) => !parts.has(w)) : l.words;
    if (!joining[k]!.length && own.length === l.words.length) return [l];
    const words = [...own, ...joining[k]!].sort((a, b) => a.box.x - b.box.x);
    return words.some((w) => w.text.trim()) ? [lineOf(words, l.confidence)] : [];
  });
  for (const l of alone) {
    // After the last line whose middle lies above this one's.
    const cy = l.box.y + l.box.h / 2;
    const above = merged.findLastIndex((m) => m.box.y + m.box.h / 2 <= cy);
    merged.splice(above + 1, 0, l);
  }
  return resultOf(merged, result.confidence);
}

/**
 * The components of a page's ink at Otsu's threshold, which {@link inkCoverage} weighs: they
 * depend on the page alone, so the pipeline finds them while the engine reads it.
 */
export function pageInk(raster: GrayRaster): InkComponent[] {
  return inkComponents(raster.data, raster.width, raster.height, otsuThreshold(histogram(raster)));
}

/**
 * The share of a page's text-like ink that the words of `result` cover: connected components of
 * ink (Otsu's threshold) between a quarter of the median word height and twice it, weighted by
 * their pixels, counted as covered when their centre lies in a word's box. Near 1 on pages read
 * well; low when the engine's layout analysis lost whole blocks of text. `ink` is
 * {@link pageInk} of `raster`.
 */
export function inkCoverage(result: OcrResult, raster: GrayRaster, ink: readonly InkComponent[] = pageInk(raster)): number {
  const read = result.lines.flatMap((l) => l.words).filter((w) => w.text.trim());
  if (!read.length) return 0;
  const unit = medianHeight(read);
  const sure = read.filter((w) => w.confidence >= MISSED_TEXT_CONFIDENCE);
  let all = 0, covered = 0;
  for (const c of ink) {
    if (c.box.h < unit / 4 || c.box.h > unit * 2 || c.box.w > unit * 4 || c.n < 4) continue;
    all += c.n;
    if (sure.some((w) => centreIn(c.box, w.box))) covered += c.n;
  }
  return all ? covered / all : 1;
}

/** Least confidence of a word read by {@link readMissedText}. */
export const MISSED_TEXT_CONFIDENCE = 60;
/** The scale a cluster of ink left out is read again at when its first reading gave nothing. */
const MISSED_TEXT_RETRY_SCALE = 1.3;
/** Scale a cluster read in part on a photo is read again at (see {@link readMissedText}). */
const MISSED_TEXT_PART_SCALE = 1.5;
/** The size, then, of such a cluster read as nothing sure at {@link MISSED_TEXT_RETRY_SCALE}. */
const MISSED_TEXT_LAST_SCALE = 2;

/** How much `words` found for sure: their characters read with at least {@link MISSED_TEXT_CONFIDENCE}, weighted by confidence. */
export function sureText(words: readonly OcrWord[]): number {
  return words.filter((w) => w.confidence >= MISSED_TEXT_CONFIDENCE).reduce((n, w) => n + (Array.from(w.text.trim()).length * w.confidence) / 100, 0);
}

/**
 * How {@link readStacked} reads its strip: enlarged by `scale`, with the characters of `blacklist`
 * barred, each box whose flag in `bare` is set without the ink above and below it; `across`, the
 * parts set side by side (centred on one row) and read as one line instead of stacked.
 */
interface StackedReading {
  scale?: number;
  blacklist?: string;
  bare?: readonly boolean[];
  /** Every box is cut out without the ink around it on any side (a glyph without its neighbours). */
  alone?: boolean;
  across?: boolean;
  /** Each cut's strokes are stood upright first ({@link slantOf}). */
  upright?: boolean;
  /** Each cut's ground is made white: its pixels lighter than its Otsu threshold. */
  whiten?: boolean;
}

/**
 * Reads the parts `boxes` of `raster` in one engine call: each cut out with a margin of half of
 * `unit` (a line's height), stacked into one strip a line's height apart, enlarged by `scale`,
 * and read as a block. The words read in each part, boxes in the raster's frame.
 */
export async function readStacked(raster: GrayRaster, boxes: readonly Box[], unit: number, engine: OcrEngine, lang: string, signal?: CancelSignal, { scale = 1, blacklist, bare = [], alone = false, across = false, upright = false, whiten = false }: StackedReading = {}): Promise<OcrWord[][]> {
  const margin = Math.max(4, Math.round(unit * 0.5));
  const cuts = boxes.map((b) => grownBox(b, margin, margin, raster));
  const images = cuts.map((c, i) => {
    const cut = liftDarkCut(cropGray(raster, c));
    const box = boxes[i]!;
    // A `bare` box's margins above and below it are left blank (ink there belongs to other lines).
    if (bare[i] || alone) for (let row = 0; row < c.h; row++) if (c.y + row < box.y || c.y + row >= box.y + box.h) cut.data.fill(255, row * c.w, (row + 1) * c.w);
    if (alone) {
      for (let row = 0; row < c.h; row++) {
        cut.data.fill(255, row * c.w, row * c.w + Math.max(0, Math.min(c.w, box.x - c.x)));
        cut.data.fill(255, row * c.w + Math.max(0, Math.min(c.w, box.x + box.w - c.x)), (row + 1) * c.w);
      }
    }
    if (whiten) {
      const t = otsuThreshold(histogram(cut));
      for (let k = 0; k < cut.data.length; k++) if (cut.data[k]! > t) cut.data[k] = 255;
    }
    const slope = upright ? slantOf(cut) : 0;
    return slope ? shearGray(cut, slope) : { raster: cut, pad: 0 };
  });
  // Each cut's place in the strip: one under the other a line's height apart, or side by side.
  const tallest = Math.max(...cuts.map((c) => c.h));
  const places: Array<{ x: number; y: number }> = [];
  let end = unit;
  for (const { raster: image } of images) {
    places.push(across ? { x: end, y: (tallest - image.height) >> 1 } : { x: 0, y: end });
    end += (across ? image.width : image.height) + unit;
  }
  const strip = across ? createGray(end, tallest) : createGray(Math.max(...images.map((m) => m.raster.width)), end);
  images.forEach(({ raster: image }, i) => {
    for (let row = 0; row < image.height; row++) strip.data.set(image.data.subarray(row * image.width, (row + 1) * image.width), (places[i]!.y + row) * strip.width + places[i]!.x);
  });
  throwIfCancelled(signal);
  const image = scale === 1 ? strip : resizeGray(strip, scale);
  const again = await engine.recognize({ kind: 'raster', raster: image }, { lang, psm: across ? 'single-line' : 'single-block', dpi: 300, ...(blacklist ? { blacklist } : {}), ...(signal ? { signal } : {}) });
  const sx = image.width / strip.width, sy = image.height / strip.height;
  const parts = cuts.map((): OcrWord[] => []);
  for (const w of again.lines.flatMap((l) => l.words)) {
    if (!w.text.trim()) continue;
    const b = { x: Math.round(w.box.x / sx), y: Math.round(w.box.y / sy), w: Math.round(w.box.w / sx), h: Math.round(w.box.h / sy) };
    const cx = b.x + b.w / 2, cy = b.y + b.h / 2;
    const i = places.findIndex((p, k) => (across ? cx >= p.x && cx < p.x + images[k]!.raster.width : cy >= p.y && cy < p.y + images[k]!.raster.height));
    if (i < 0) continue;
    parts[i]!.push({ ...w, box: { x: b.x - places[i]!.x - images[i]!.pad + cuts[i]!.x, y: b.y - places[i]!.y + cuts[i]!.y, w: b.w, h: b.h } });
  }
  return parts;
}

/**
 * The slope ({@link shearGray}) that stands the strokes of the ink of `cut` most upright (text
 * leaning on a crumpled or curled sheet, read as Latin letters: 市話月租費 read "PSA"), or 0: the
 * one of slopes up to {@link SLANT_MOST} either way that makes the columns of ink most uneven
 * (the sum of squares of their counts), when that is at least {@link SLANT_GAIN} times as uneven
 * as upright and the slope at least {@link SLANT_LEAST}.
 */
export function slantOf(cut: GrayRaster): number {
  const { width: w, height: h, data } = cut;
  const t = otsuThreshold(histogram(cut));
  const xs: number[] = [], ys: number[] = [];
  // The left edges of strokes: a vertical stroke gives one down its length, a horizontal one one.
  for (let y = 0; y < h; y++) for (let x = 1; x < w; x++) if (data[y * w + x]! <= t && data[y * w + x - 1]! > t) { xs.push(x); ys.push((h - 1) / 2 - y); }
  if (xs.length < SLANT_INK) return 0;
  const pad = Math.ceil((SLANT_MOST * h) / 2) + 1;
  const columns = new Float64Array(w + 2 * pad);
  const unevenness = (slope: number) => {
    columns.fill(0);
    for (let k = 0; k < xs.length; k++) columns[Math.round(xs[k]! - slope * ys[k]!) + pad]!++;
    let sum = 0;
    for (const c of columns) sum += c * c;
    return sum;
  };
  const upright = unevenness(0);
  let best = 0, most = upright;
  for (let slope = -SLANT_MOST; slope <= SLANT_MOST + 1e-9; slope += SLANT_STEP) {
    const u = unevenness(slope);
    if (u > most) { most = u; best = slope; }
  }
  return Math.abs(best) >= SLANT_LEAST - 1e-9 && most >= SLANT_GAIN * upright ? Math.round(best * 100) / 100 : 0;
}

/** Most slope tried by {@link slantOf}, in pixels across per pixel down. */
const SLANT_MOST = 0.4;
const SLANT_STEP = 0.05;
/** Least slope {@link slantOf} undoes. */
const SLANT_LEAST = 0.1;
/** How much more uneven the columns must be at the slope found than upright. */
const SLANT_GAIN = 1.1;
/** Least ink (pixels) a cut's slant is measured on. */
const SLANT_INK = 40;

/**
 * Reads again, each on its own, the two parts of a line that are two texts set side by side: a
 * chat's small timestamp printed beside the last line of a bubble ("下午3:12" and "1,399元。"),
 * which the engine takes for one line and misreads across ("下午3:12 1,39975T ©", "查一下。320").
 * A line is split where a gap between its words is at least {@link SIDE_BY_SIDE_GAP} times the
 * taller part's height ({@link SIDE_BY_SIDE_SMALLER_GAP} times the shorter's when it is at most
 * {@link SIDE_BY_SIDE_SMALLER} as tall), one part is at most {@link SIDE_BY_SIDE_HEIGHTS} times as
 * tall as the other (the lower median heights of their words), and one of its words was read with
 * less confidence than {@link SIDE_BY_SIDE_SURE}. The unsure parts of a page are read in one engine call. A part's
 * new reading (the words in the part's box) replaces the old one when it is at least as confident
 * and not much shorter; the line keeps its place.
 */
export async function rereadSideBySide(result: OcrResult, raster: GrayRaster, engine: OcrEngine, lang: string, signal?: CancelSignal): Promise<OcrResult> {
  const splits = new Map<OcrLine, [OcrWord[], OcrWord[]]>();
  for (const line of result.lines) {
    const words = ordered(line);
    if (words.every((w) => w.confidence >= SIDE_BY_SIDE_SURE)) continue;
    // Of the places a line can be split, the widest gap: the one between a message and its time
    // rather than a narrow one within the message (a ？ or 。 before the time belongs to the
    // message). A lone character last (a time's read receipt read as "0", 字 or "w") is split
    // off only where no other place will do.
    let widest = -Infinity, lone = false;
    for (let k = 1; k < words.length; k++) {
      const left = words.slice(0, k), right = words.slice(k);
      const lb = boxOf(left), rb = boxOf(right);
      // Heights of glyphs, not of boxes: a word's box can reach a line above or below (read
      // receipts beside a time make a tall box: of two words, the shorter counts). A part's box
      // can also be far taller than its ink (a read receipt's 已讀 at 20 px beside a message at
      // 34, boxed 36 tall as "aa"): the parts are apart by their words' heights or by their ink's.
      const gap = rb.x - (lb.x + lb.w);
      const apart = (lh: number, rh: number) => {
        const tall = Math.max(lh, rh), short = Math.min(lh, rh);
        // Texts of clearly different sizes are apart at a gap ¾ as wide as the smaller is tall.
        const least = short <= SIDE_BY_SIDE_SMALLER * tall ? SIDE_BY_SIDE_SMALLER_GAP * short : SIDE_BY_SIDE_GAP * tall;
        return gap >= least && short <= SIDE_BY_SIDE_HEIGHTS * tall;
      };
      if (!apart(medianHeight(left, true), medianHeight(right, true)) && !apartByInk(raster, left, lb, right, rb, apart)) continue;
      const last = right.length === 1 && Array.from(right[0]!.text.trim()).length === 1;
      if (splits.has(line) && !((lone && !last) || (last === lone && gap > widest))) continue;
      splits.set(line, [left, right]);
      widest = gap;
      lone = last;
    }
  }
  if (!splits.size) return result;
  // Only the unsure side of each line is read again: read alone, the other would read the same.
  const parts = [...splits.values()].flat().filter((part) => part.some((w) => w.confidence < SIDE_BY_SIDE_SURE));
  // A part is cut down to the rows of its ink when they are fewer than its words' heights (the
  // time under a read receipt boxed with it is left out).
  // A part that ends its line is read with the ink that goes on from it along its row, which no
  // word holds (a chat's time of which the engine read only the first glyph, 下 as "¥": read
  // from that glyph alone, "TF"; read on over the rest, 下午2:20).
  const words = result.lines.flatMap((l) => l.words).filter((w) => w.text.trim());
  // Each part's line and its split.
  const owners = parts.map((part) => [...splits].find(([, split]) => split.includes(part))!);
  const boxes = parts.map((part, k) => {
    const box = boxOf(part), rows = inkSpan(raster, box);
    const own = rows.h && rows.h < INK_SHARE * medianHeight(part, true) ? { ...box, y: rows.y, h: rows.h } : box;
    return part.includes(ordered(owners[k]![0]).at(-1)!) ? grownOverInk(raster, own, words.filter((w) => !part.includes(w))) : own;
  });
  // Such a part is read without the ink above and below it.
  const cut = parts.map((part, k) => boxes[k]!.h < boxOf(part).h);
  const readings = await readStacked(raster, boxes, medianHeight(parts.flat()), engine, lang, signal, { bare: cut });
  // Each part's line's other words, read already.
  const beside = parts.map((part, k) => owners[k]![1].flat().filter((w) => !part.includes(w)));
  const taken = parts.map((old, k) => takenReading(old, readings[k]!, boxes[k]!, beside[k]));
  // Small parts still unread (a read receipt's 已讀 at 22 px, read "璜" at 0, then "BH") are read
  // again enlarged, to the height small text is read at and to 1.6 times that (the engine's
  // reading of small Chinese changes from one size to the next), and the most confident reading
  // taken.
  // Heights of the parts by their ink: a part boxed over two rows (a read receipt over a time,
  // boxed as one word 46 px tall) is as tall as its taller row (20 px), and read again enlarged
  // as text of that size.
  const heights = parts.map((part, k) => Math.min(inkHeight(raster, part, boxes[k]!), boxes[k]!.h));
  const retry = parts.flatMap((old, k) => (meanConfidence(taken[k]!) < SIDE_BY_SIDE_RETRY && heights[k]! < REREAD_TEXT && old.some((w) => LETTER_OR_DIGIT.test(w.text)) ? [k] : []));
  if (retry.length) {
    const unit = Math.max(...retry.map((k) => heights[k]!));
    for (const factor of [1, 1.6]) {
      const again = await readStacked(raster, retry.map((k) => boxes[k]!), unit, engine, lang, signal, { scale: Math.min(3, (factor * REREAD_TEXT) / unit), bare: retry.map((k) => cut[k]!) });
      retry.forEach((k, i) => {
        const reading = takenReading(parts[k]!, again[i]!, boxes[k]!, beside[k]);
        if (reading !== parts[k] && (taken[k] === parts[k] || meanConfidence(reading) > meanConfidence(taken[k]!))) taken[k] = reading;
      });
    }
  }
  // Still unsure Latin letters alone on a Chinese page, as wide per letter as Chinese (a read
  // receipt's 已讀 in white on a wallpaper read "aa", "EE" or "Ba" at every size): read once more
  // with Latin letters barred, and a sure Chinese reading taken.
  const letters = (k: number) => taken[k]!.map((w) => w.text.trim()).join('');
  const readBarred = (cuts: Box[], unit: number, bare: boolean[]) => readStacked(raster, cuts, unit, engine, lang, signal, { scale: Math.min(3, Math.max(1, REREAD_TEXT / unit)), blacklist: LATIN_LETTERS, bare });
  const sureChinese = (reading: readonly OcrWord[]) => reading.some((w) => HAN.test(w.text)) && meanConfidence(reading) >= BARRED_SURE;
  const barred = readsChinese(lang) ? parts.flatMap((_, k) => (LATIN_ONLY.test(letters(k)) && meanConfidence(taken[k]!) < ODD_WORD_CONFIDENCE && boxes[k]!.w >= HAN_WIDTH * heights[k]! * Array.from(letters(k)).length ? [k] : [])) : [];
  if (barred.length) {
    const unit = Math.max(...barred.map((k) => heights[k]!));
    const again = await readBarred(barred.map((k) => boxes[k]!), unit, barred.map((k) => cut[k]!));
    barred.forEach((k, i) => {
      const reading = takenReading(parts[k]!, again[i]!, boxes[k]!, beside[k]);
      if (sureChinese(reading)) taken[k] = reading;
    });
  }
  // A word of such letters in a part read otherwise surely (a read receipt's 已讀 read "om" at
  // 33 over its time read at 91, the two boxed as one part) is read alone so, its cut without
  // the ink above and below it, and a sure Chinese reading taken in its place.
  const latinForHan = (w: OcrWord) => LATIN_ONLY.test(w.text.trim()) && w.confidence < ODD_WORD_CONFIDENCE && w.box.w >= HAN_WIDTH * w.box.h * w.text.trim().length;
  const odd = readsChinese(lang) ? parts.flatMap((_, k) => (barred.includes(k) ? [] : taken[k]!.filter(latinForHan).map((w) => ({ k, w })))) : [];
  if (odd.length) {
    const unit = Math.max(...odd.map(({ w }) => w.box.h));
    const again = await readBarred(odd.map(({ w }) => w.box), unit, odd.map(() => true));
    odd.forEach(({ k, w }, i) => {
      if (sureChinese(again[i]!)) taken[k] = taken[k]!.flatMap((x) => (x === w ? again[i]! : [x]));
    });
  }
  const lines = result.lines.flatMap((line) => {
    const split = splits.get(line);
    if (!split) return [line];
    // Both parts read again: the row is the taller one's, by its ink.
    const both = split.map((old) => parts.indexOf(old));
    const row = both.every((k) => k >= 0) ? boxes[heights[both[0]!]! >= heights[both[1]!]! ? both[0]! : both[1]!] : undefined;
    return withReadings(line, split.flatMap((old) => {
      const k = parts.indexOf(old);
      return k < 0 ? old : taken[k]!;
    }), row);
  });
  return resultOf(lines, result.confidence);
}

/**
 * `box` grown right over the ink that goes on from it along its rows: over columns with ink
 * (darker than {@link INK_TONE}) and blanks at most {@link GROW_BLANK} of its height wide, up to
 * {@link GROW_MOST} heights, stopping at the box of any of `others` on its rows. Rows inked over
 * nearly all of that stretch (a table's rule along the row) do not count. `box` itself when the
 * ink goes on for less than its height (the edge of the next glyph).
 */
function grownOverInk(raster: GrayRaster, box: Box, others: readonly OcrWord[]): Box {
  const { width, data } = raster;
  const from = box.x + box.w, to = Math.min(width, from + GROW_MOST * box.h);
  const rows: number[] = [];
  for (let y = box.y; y < box.y + box.h; y++) {
    let n = 0;
    for (let x = from; x < to; x++) if (data[y * width + x]! < INK_TONE) n++;
    if (n <= GROW_RULE * (to - from)) rows.push(y);
  }
  const inked = (x: number) => rows.some((y) => data[y * width + x]! < INK_TONE);
  const held = (x: number) => others.some((w) => x >= w.box.x && x < w.box.x + w.box.w && verticalOverlap(w.box, box) > 0);
  let end = from, blank = 0;
  for (let x = from; x < to && !held(x); x++) {
    if (inked(x)) { end = x + 1; blank = 0; } else if (++blank > GROW_BLANK * box.h) break;
  }
  return end - from >= box.h ? { ...box, w: end - box.x } : box;
}

/** Most a part is grown over the ink that goes on from it, in its heights (see {@link grownOverInk}). */
const GROW_MOST = 8;
/** Widest blank within the ink a part is grown over, in its heights. */
const GROW_BLANK = 0.6;
/** A row inked over more than this share of the stretch a part could grow over is a rule. */
const GROW_RULE = 0.9;

/**
 * The runs of rows of `box` of `raster` that hold ink (a pixel darker than {@link INK_TONE}), top
 * to bottom; `cut` tells a run at the box's top or bottom edge whose ink goes on past it (a line
 * above or below that the box reaches into).
 */
function inkRuns(raster: GrayRaster, box: Box): Array<{ y: number; h: number; cut: boolean }> {
  const b = clampBox(box, raster);
  const inked = (y: number) => {
    if (y < 0 || y >= raster.height) return false;
    for (let i = y * raster.width + b.x, end = i + b.w; i < end; i++) if (raster.data[i]! < INK_TONE) return true;
    return false;
  };
  // Runs {@link INK_ROW_GAP} blank rows apart or less are one (a faint row across a glyph).
  const runs: Array<{ y: number; h: number; cut: boolean }> = [];
  let start = -1, end = -1;
  const close = () => {
    if (start >= 0) runs.push({ y: start, h: end - start, cut: (start === b.y && inked(b.y - 1)) || (end === b.y + b.h && inked(end)) });
  };
  for (let y = b.y; y < b.y + b.h; y++) {
    if (!inked(y)) continue;
    if (start < 0 || y - end > INK_ROW_GAP) { close(); start = y; }
    end = y + 1;
  }
  close();
  return runs;
}

/** Blank rows within one run of inked rows, at most. */
const INK_ROW_GAP = 2;

/** The longest run of inked rows of `box` ({@link inkRuns}): the height of its text. */
export function inkRows(raster: GrayRaster, box: Box): { y: number; h: number } {
  return inkRuns(raster, box).reduce((best, r) => (r.h > best.h ? { y: r.y, h: r.h } : best), { y: box.y, h: 0 });
}

/**
 * The rows of the text of `box` when its other ink is rules: its longest run of inked rows
 * ({@link inkRuns}), under {@link INK_SHARE} of the box's height, the others thin (at most
 * {@link RULE_ROWS} rows, or a fifth of the text's) and inked across the whole box, as a rule is
 * and a stroke of 三 is not. Undefined otherwise.
 */
export function textBetweenRules(raster: GrayRaster, box: Box): { y: number; h: number } | undefined {
  const runs = inkRuns(raster, box);
  const text = runs.reduce((best, r) => (r.h > best.h ? r : best), { y: box.y, h: 0, cut: false });
  if (!text.h || text.h >= INK_SHARE * box.h) return undefined;
  const b = clampBox(box, raster);
  const across = (r: { y: number; h: number }) => {
    let first = -1, last = -1;
    for (let x = b.x; x < b.x + b.w; x++) {
      for (let y = r.y; y < r.y + r.h; y++) if (raster.data[y * raster.width + x]! < INK_TONE) { if (first < 0) first = x; last = x; break; }
    }
    return first >= 0 && last - first + 1 >= RULE_ACROSS * b.w;
  };
  return runs.every((r) => r === text || (r.h <= Math.max(RULE_ROWS, 0.2 * text.h) && across(r))) ? { y: text.y, h: text.h } : undefined;
}

/**
 * The columns of `g` that are a rule down it: runs of at most {@link RULE_ROWS} columns each
 * inked (darker than {@link INK_TONE}) in at least {@link RULE_DOWN} of its rows — thin, as a
 * rule is and a dark background is not — with the column on either side (a rule's soft edge).
 */
export function ruleColumns(g: GrayRaster): number[] {
  const inked = new Int32Array(g.width);
  for (let y = 0; y < g.height; y++) for (let x = 0, i = y * g.width; x < g.width; x++, i++) if (g.data[i]! < INK_TONE) inked[x]!++;
  const down = (x: number) => x >= 0 && x < g.width && inked[x]! >= RULE_DOWN * g.height;
  const out: number[] = [];
  for (let x = 0; x < g.width; x++) {
    if (!down(x) || down(x - 1)) continue;
    let end = x;
    while (down(end + 1)) end++;
    if (end - x + 1 > RULE_ROWS) continue;
    for (let c = Math.max(0, x - 1, (out.at(-1) ?? -1) + 1); c <= Math.min(g.width - 1, end + 1); c++) out.push(c);
  }
  return out;
}
const RULE_DOWN = 0.9;

/** A rule is at most this many pixels thick (rows across a box, columns down a cut)… */
export const RULE_ROWS = 3;
/** …and inked across at least this share of the box it lies in. */
const RULE_ACROSS = 0.9;

/** The rows of `box` from its first to its last run of ink, without runs cut by its edges ({@link inkRuns}); none when it has no other. */
export function inkSpan(raster: GrayRaster, box: Box): { y: number; h: number } {
  const whole = inkRuns(raster, box).filter((r) => !r.cut);
  if (!whole.length) return { y: box.y, h: 0 };
  const last = whole[whole.length - 1]!;
  return { y: whole[0]!.y, h: last.y + last.h - whole[0]!.y };
}

/**
 * The height of a part of a line (`words` over `box`) by its ink: its ink's rows when fewer than
 * {@link INK_SHARE} of its words' height (the lower median of their boxes), else its words'
 * height (a glyph's own gaps between strokes can leave a row blank; an engine's box cannot make
 * text much taller than its ink).
 */
function inkHeight(raster: GrayRaster, words: readonly OcrWord[], box: Box): number {
  const h = medianHeight(words, true), ink = inkRows(raster, box).h;
  return ink && ink < INK_SHARE * h ? ink : h;
}

/**
 * Whether two parts of a line (`left` over `lb`, `right` over `rb`) are `apart` by the heights of
 * their ink ({@link inkHeight}), the smaller of them unsure and of two characters or more (a
 * single character's ink can have a blank row across it: 台, 二).
 */
function apartByInk(raster: GrayRaster, left: readonly OcrWord[], lb: Box, right: readonly OcrWord[], rb: Box, apart: (lh: number, rh: number) => boolean): boolean {
  const lh = inkHeight(raster, left, lb), rh = inkHeight(raster, right, rb);
  const small = lh < rh ? left : right;
  return meanConfidence(small) < SIDE_BY_SIDE_SURE && Array.from(small.map((w) => w.text.trim()).join('')).length >= 2 && apart(lh, rh);
}

/** A part's ink rows count for its height when fewer than this share of its words' height. */
const INK_SHARE = 0.75;

/** Pixels darker than this are ink on a preprocessed page. */
export const INK_TONE = 128;

/**
 * The words of a part read again that replace `old` (those of `again` in `box`: a cut's margin
 * can reach the lines above and below; without a table's rules, bars but those `old` holds, or a
 * chat's read receipts) when at least as confident and not much shorter, or when they differ
 * only in punctuation and are nearly as confident (a time's colon found: 1405 at 91, 14:05 at
 * 90); else `old`. Chinese is not replaced by Latin letters alone, nor a number.
 */
function takenReading(old: OcrWord[], again: readonly OcrWord[], box: Box, beside: readonly OcrWord[] = []): OcrWord[] {
  // Not the words read already beside the part: those its words lie over, and the word next to
  // it read again at its end (a box can reach over the next word: "0O912" boxed across a whole
  // number, 318 read again from under it, its own word boxed on its full stop alone).
  const bare = (t: string) => t.replace(/[\s\p{P}]+/gu, '');
  // A bar is kept where the part held one that was kept (a separator set in text, see isTextBar).
  const barKept = (w: OcrWord) => old.some((o) => isRule(o.text) && Math.abs(o.box.x + o.box.w / 2 - (w.box.x + w.box.w / 2)) <= Math.max(o.box.h, w.box.h) / 2);
  const inPart = notOver(again.filter((w) => centreIn(w.box, box) && (!isRule(w.text) || barKept(w))), beside);
  const first = leftmost(inPart), last = rightmost(inPart);
  const left = rightmost(beside.filter((o) => o.box.x < box.x));
  const right = leftmost(beside.filter((o) => o.box.x >= box.x + box.w));
  const repeats = (w: OcrWord | undefined, o: OcrWord | undefined) => !!w && !!o && Array.from(bare(w.text)).length >= 2 && bare(w.text) === bare(o.text);
  const within = inPart.filter((w) => !(w === first && repeats(w, left)) && !(w === last && repeats(w, right)));
  const inside = within.filter((w) => !isReadReceipt(w, within));
  // Chinese read again as Latin letters alone is a glyph cut badly (月 boxed on the comma after it, read "J").
  if (!inside.length || (old.some((w) => HAN.test(w.text)) && !inside.some((w) => HAN.test(w.text)) && inside.some((w) => LATIN_LETTER.test(w.text)))) return old;
  // So is a number read again as Latin letters alone (113/09/30 read "[omen [sion").
  if (old.some((w) => NUMBER_RUN.test(w.text)) && !inside.some((w) => FIGURE.test(w.text)) && inside.some((w) => LATIN_LETTER.test(w.text))) return old;
  const length = (ws: readonly OcrWord[]) => ws.reduce((n, w) => n + Array.from(w.text.replace(/\s+/gu, '')).length, 0);
  const letters = (ws: readonly OcrWord[]) => bare(ws.map((w) => w.text).join(''));
  const confidence = meanConfidence(inside), before = meanConfidence(old);
  // Boxes within the part and the band of its old words (of two or more): the engine's boxes of
  // a second reading can reach far below the glyphs (並, 退還 and 990 boxed 54 px tall in a
  // message of 36 px, which then took in the row of the time under it).
  const band = old.length >= 2 ? coreBand(lineOf(old, 0)) : box;
  const top0 = Math.max(box.y, band.y), bottom0 = Math.min(box.y + box.h, band.y + band.h);
  const kept = inside.map((w) => {
    const top = Math.max(w.box.y, top0), bottom = Math.min(w.box.y + w.box.h, bottom0);
    return bottom > top && (top > w.box.y || bottom < w.box.y + w.box.h) ? { ...w, box: { ...w.box, y: top, h: bottom - top } } : w;
  });
  if (confidence >= before && length(inside) >= 0.6 * length(old)) return kept;
  return confidence >= before - PUNCTUATION_SLACK && letters(inside) === letters(old) && length(inside) > length(old) ? kept : old;
}

/** A number in a word: three digits in a row. */
const NUMBER_RUN = /\p{N}{3}/u;
/** A reading that adds punctuation to the same characters may be this much less confident. */
const PUNCTUATION_SLACK = 5;

/**
 * Reads small text again, enlarged: the engine reads text under {@link SMALL_TEXT} pixels tall
 * badly (a list's grey dates beside larger names: 週三 read as "週", 週二 as "B="), and a page is
 * enlarged as a whole only when most of its text is small. The runs of words of a line (set apart
 * by a gap as wide as their text is tall, or half as wide where the size changes) whose median height is below that, and below
 * {@link SMALL_TEXT_SHARE} of the page's median, are stacked into one strip, enlarged to
 * {@link REREAD_TEXT} pixels and read in one engine call; each run's new reading replaces the old
 * one when at least as confident and not much shorter.
 */
export async function rereadSmallText(result: OcrResult, raster: GrayRaster, engine: OcrEngine, lang: string, signal?: CancelSignal): Promise<OcrResult> {
  const read = result.lines.flatMap((l) => l.words).filter((w) => w.text.trim());
  if (read.length < 3) return result;
  const pageMedian = medianHeight(read);
  // Flat characters (一, 、, dashes) are small whatever the size of their text.
  const isSmall = (run: readonly OcrWord[]) => {
    if (run.every((w) => FLAT.test(w.text.trim()))) return false;
    const h = medianHeight(run.filter((w) => !FLAT.test(w.text.trim())));
    return h < SMALL_TEXT && h < SMALL_TEXT_SHARE * pageMedian;
  };
  // Each line's runs of words set apart by a gap as wide as their text is tall (a name and the
  // small date beside it), and the small ones among them.
  const runs = new Map<OcrLine, OcrWord[][]>();
  const small: OcrWord[][] = [];
  for (const line of result.lines) {
    const words = ordered(line);
    if (!words.length) continue;
    const split: OcrWord[][] = [[words[0]!]];
    for (const w of words.slice(1)) {
      const run = split.at(-1)!, last = run.at(-1)!;
      const gap = w.box.x - (last.box.x + last.box.w), tall = Math.max(medianHeight(run), w.box.h);
      // Apart: a gap as wide as the text is tall, or with a change of size half that (a name
      // and the small date beside it). A word of a few small characters (a chat's time printed
      // close after the message's last word) is apart at half its own height; a single
      // character's box can be much smaller than its glyph, and needs the wider gap.
      const shorter = Math.min(medianHeight(run), w.box.h);
      const resized = !FLAT.test(w.text.trim()) && shorter * SIZE_CHANGE <= tall;
      const few = Array.from(w.text.trim()).length >= 3 && w.box.h < medianHeight(run);
      if (gap >= tall || (resized && gap >= (few ? shorter : tall) / 2)) split.push([w]);
      else run.push(w);
    }
    runs.set(line, split);
    small.push(...split.filter(isSmall));
  }
  if (!small.length) return result;
  const boxes = small.map(boxOf);
  const unit = medianHeight(small.flat());
  const readings = await readStacked(raster, boxes, unit, engine, lang, signal, { scale: Math.min(3, REREAD_TEXT / unit) });
  const lines = result.lines.flatMap((line) => {
    const split = runs.get(line);
    if (!split?.some((run) => small.includes(run))) return [line];
    const words = split.flatMap((run) => {
      const k = small.indexOf(run);
      return k < 0 ? run : takenReading(run, readings[k]!, boxes[k]!);
    });
    return words.every((w, i) => w === line.words[i]) && words.length === line.words.length ? [line] : withReadings(line, words);
  });
  return resultOf(lines, result.confidence);
}

/** Words of flat characters only: punctuation, symbols, 一 and dashes. */
const FLAT = /^[\p{P}\p{S}一ー]+$/u;
/** Text less tall than this (px, glyph boxes) is read again enlarged. */
const SMALL_TEXT = 18;
/** Two texts whose heights differ by this factor are of different sizes. */
const SIZE_CHANGE = 1.6;
/** …when also less tall than this share of the page's median glyph height. */
const SMALL_TEXT_SHARE = 0.8;
/** The height (px) small text is enlarged to for its second reading. */
export const REREAD_TEXT = 28;

/** A line whose words are all read with at least this confidence is not read again in parts. */
const SIDE_BY_SIDE_SURE = 80;
/** A small part read again side by side and still this unsure is read once more, enlarged. */
const SIDE_BY_SIDE_RETRY = 40;
/** Latin letters alone. */
export const LATIN_ONLY = /^[A-Za-z]+$/u;
/** A reading of a small part with Latin letters barred is taken when at least this sure. */
const BARRED_SURE = 70;
/** Least gap, in heights of the taller part, between two texts set side by side on one line. */
const SIDE_BY_SIDE_GAP = 1;
/** Most height of the shorter of two texts side by side, as a fraction of the taller one's. */
const SIDE_BY_SIDE_HEIGHTS = 0.8;
/** …and below this fraction, the gap between them is at least {@link SIDE_BY_SIDE_SMALLER_GAP} of the shorter one's height. */
const SIDE_BY_SIDE_SMALLER = 0.65;
const SIDE_BY_SIDE_SMALLER_GAP = 0.75;

/**
 * `line` with its words now `words`, some read again: a part read again can hold two rows (a
 * read receipt over a time, boxed as one word beside a message's last line), and the new words
 * off the row of the line's words not read again make a line of their own, after it. When every
 * word was read again, the row is `row` (the ink's rows of the message, the taller part: boxes
 * read again can reach far below their glyphs).
 */
function withReadings(line: OcrLine, read: OcrWord[], row?: Box): OcrLine[] {
  // Second readings of two parts of a line can each hold the mark between them (a comma read
  // with the word before it and again with the word after it): it is kept once.
  // (Boxed alike: a reading's first 謝 of 謝謝 can be boxed over both.)
  const fresh = withoutRepeats(read.filter((w) => !line.words.includes(w)), true);
  const words = read.filter((w) => line.words.includes(w) || fresh.includes(w));
  // The row of the words kept, by their letters and digits (a full stop's box is a dot).
  const kept = words.filter((w) => line.words.includes(w) && LETTER_OR_DIGIT.test(w.text));
  const band = kept.length ? coreBand(line, kept) : row;
  const off = words.filter((w) => band && !line.words.includes(w) && !sameRow(w.box, band));
  const on = words.filter((w) => !off.includes(w));
  return off.length ? [lineOf(on, line.confidence), lineOf(off, meanConfidence(off))] : [lineOf(on, line.confidence)];
}

/**
 * `words` without repeats: of words of the same text, one's middle in the other's box (one text
 * read twice, in cuts or readings that overlap), the surer (the first of equals) is kept.
 * `alike`: only words boxed alike (sharing at least {@link REPEAT_SHARE} of the area of their
 * boxes together).
 */
function withoutRepeats(words: readonly OcrWord[], alike = false): OcrWord[] {
  const shared = (a: Box, b: Box) => { const both = overlapArea(a, b); return both / (a.w * a.h + b.w * b.h - both); };
  const repeats = (w: OcrWord, o: OcrWord) => o.text.trim() === w.text.trim() && centreIn(w.box, o.box) && (!alike || shared(w.box, o.box) >= REPEAT_SHARE);
  return words.filter((w, i) => !words.some((o, j) => j !== i && (o.confidence > w.confidence || (o.confidence === w.confidence && j < i)) && repeats(w, o)));
}

/** The share of their area together that two readings of one text boxed alike share (see {@link withoutRepeats}). */
const REPEAT_SHARE = 0.7;

/** The words of `words` whose middle lies in none of the boxes of `others` (read already). */
function notOver(words: readonly OcrWord[], others: readonly OcrWord[]): OcrWord[] {
  return words.filter((x) => !others.some((o) => centreIn(x.box, o.box)));
}

/** The box enclosing the boxes of `words`. */
function boxOf(words: readonly OcrWord[]): Box {
  return unionBox(words.map((w) => w.box));
}

/**
 * Line-sized clusters of ink outside the boxes `read` (grown by `unit`, the median word
 * height, across and a third of it down), found without the long straight lines of rules and
 * borders: components between a quarter and 1.6 units tall, joined when side by side within a
 * unit; clusters half a unit to 1.8 units tall and a quarter of one wide, at most 40; then pale
 * text with paper all round it, looked for at a lighter level. Large text is looked at in half
 * resolution (the darker pixel of each 2×2 block keeps thin strokes).
 */
function missedClusters(raster: GrayRaster, read: readonly Box[], unit: number, photo: boolean): Box[] {
  const f = unit >= 24 ? 2 : 1;
  const page = f === 2 ? halfByMinimum(raster) : raster;
  const free = { width: page.width, height: page.height, data: new Uint8ClampedArray(page.data) };
  const { width: W, height: H } = free;
  const u = unit / f;
  // Ink within a unit beside a word or a third of one above or below is part of what was read
  // (a glyph's edge outside its box), not text left out.
  const padX = unit, padY = Math.round(unit / 3);
  for (const box of read) {
    const x0 = Math.max(0, Math.floor((box.x - padX) / f)), x1 = Math.min(W, Math.ceil((box.x + box.w + padX) / f));
    const y0 = Math.max(0, Math.floor((box.y - padY) / f)), y1 = Math.min(H, Math.ceil((box.y + box.h + padY) / f));
    for (let row = y0; row < y1; row++) if (x1 > x0) free.data.fill(255, row * W + x0, row * W + x1);
  }
  const hist = histogram(raster);
  const t = otsuThreshold(hist);
  // Pale text is looked for halfway between the threshold and the paper (see below), in the
  // page as it is before the threshold's long runs are erased.
  const light = Math.round((t + percentile(hist, 0.5)) / 2);
  const unread = light - t >= PALE_MARGIN ? new Uint8ClampedArray(free.data) : undefined;
  /** Clusters of the ink of `data` (≤ `threshold`), its long runs erased. */
  const clustersAt = (data: Uint8ClampedArray, threshold: number) => {
    eraseLongRuns(data, W, H, threshold, u * 3);
    const parts = inkComponents(data, W, H, threshold)
      .filter((c) => c.n >= 6 && c.box.w >= 2 && c.box.h >= u * 0.25 && c.box.h <= u * (photo ? PHOTO_PART_TALLEST : 1.6) && c.box.w <= u * 8)
      .map((c) => c.box)
      .sort((a, b) => a.x - b.x);
    const clusters: Array<Box & { parts: number }> = [];
    for (const p of parts) {
      const near = clusters.find((c) => sameRow(c, p) && p.x - (c.x + c.w) <= u);
      if (!near) { clusters.push({ ...p, parts: 1 }); continue; }
      const x1 = Math.max(near.x + near.w, p.x + p.w), y1 = Math.max(near.y + near.h, p.y + p.h);
      near.x = Math.min(near.x, p.x); near.y = Math.min(near.y, p.y);
      near.w = x1 - near.x; near.h = y1 - near.y;
      near.parts++;
    }
    return clusters;
  };
  const clusters = clustersAt(free.data, t);
  // On a photo, text is printed dark; the speckles of a desk's grain beside the page are barely
  // darker than the threshold. (A screenshot's pale grey times are text.)
  const darkest = (c: Box) => {
    let m = 255;
    for (let y = c.y; y < c.y + c.h; y++) for (let x = c.x; x < c.x + c.w; x++) m = Math.min(m, free.data[y * W + x]!);
    return m;
  };
  const sized = (c: Box) => c.h >= u * 0.5 && c.h <= u * (photo ? PHOTO_CLUSTER_TALLEST : 1.8) && c.w >= u * 0.25;
  const found: Box[] = clusters.filter((c) => sized(c) && (!photo || darkest(c) <= MISSED_INK * t));
  // Pale text, its strokes grey and soft (a phone's time line photographed on its screen, grey
  // 126 at its darkest on a page whose threshold is 151), breaks at the threshold into specks too
  // small to be looked at. It is looked for again halfway between the threshold and the paper:
  // a row of at least three pieces, part of it darker than the threshold, with paper all round it
  // (most of a ring half a unit wide lighter than that), where no ink was found at the threshold.
  // (Without the paper round it, a chat's grainy wallpaper beside a bubble's edge was read "A".)
  if (unread) {
    const ringInk = (c: Box) => {
      const m = Math.round(u / 2);
      let n = 0, ink = 0;
      for (let y = Math.max(0, c.y - m); y < Math.min(H, c.y + c.h + m); y++) {
        for (let x = Math.max(0, c.x - m); x < Math.min(W, c.x + c.w + m); x++) {
          if (y >= c.y && y < c.y + c.h && x >= c.x && x < c.x + c.w) continue;
          n++;
          if (page.data[y * W + x]! <= light) ink++;
        }
      }
      return n ? ink / n : 0;
    };
    // On a photo, part of it clearly darker than the threshold: grain on dim paper clumps into
    // rows of specks as dark as the threshold or nearly (137 where it is 142), and read as text it
    // came back as nonsense three times over, each larger (1.4 s).
    const dark = photo ? t - PALE_PHOTO_DEPTH : t;
    found.push(...clustersAt(unread, light).filter((c) => sized(c) && c.parts >= PALE_PARTS && !clusters.some((d) => boxesOverlap(c, d)) && darkest(c) <= dark && ringInk(c) <= PALE_RING_INK));
  }
  return found
    .slice(0, 40)
    .map((c) => clampBox({ x: c.x * f, y: c.y * f, w: c.w * f, h: c.h * f }, raster));
}

/**
 * On a photo, pieces of ink left out are looked at up to this many text lines tall (a form's
 * title set large, its glyphs 1.7 lines tall, was left out; on a screenshot, icons that large
 * came in with it)…
 */
const PHOTO_PART_TALLEST = 2.6;
/** …and their clusters up to this many. */
const PHOTO_CLUSTER_TALLEST = 2.8;

/** Pale text is looked for only when the level it is looked for at is this much lighter than the threshold (grey levels). */
const PALE_MARGIN = 20;
/** On a photo, part of pale text is at least this much darker than the threshold (grey levels; the time line it is looked for by: 25). */
const PALE_PHOTO_DEPTH = 10;
/** Pale text is a row of at least this many pieces. */
const PALE_PARTS = 3;
/** At most this share of the ring round pale text is ink. */
const PALE_RING_INK = 0.1;

/** Fewest letters and figures in a cluster's reading side by side for its words of one to be taken (see {@link readMissedText}). */
const MISSED_RUN = 4;

/** How many letters and figures `text` holds. */
function lettersAndFigures(text: string): number {
  return text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
}

/** The surest line of `result` whose height is near `unit`, its words read at least {@link REFERENCE_CONFIDENCE}. */
function referenceLine(result: OcrResult, unit: number): OcrLine | undefined {
  let best: OcrLine | undefined;
  for (const l of result.lines) {
    const words = l.words.filter((w) => w.text.trim());
    if (words.length < 2 || l.box.h < unit * 0.8 || l.box.h > unit * 1.25 || words.some((w) => w.confidence < REFERENCE_CONFIDENCE)) continue;
    if (!best || l.confidence > best.confidence) best = l;
  }
  return best;
}

/** A reference line's words are all read at least this sure. */
const REFERENCE_CONFIDENCE = 80;

/** Ink left out on a photo is at least this much darker than the page's threshold (a share of it). */
const MISSED_INK = 0.6;

/** Half the size, each pixel the darkest of its 2×2 block. */
function halfByMinimum(g: GrayRaster): GrayRaster {
  const w = g.width >> 1, h = g.height >> 1;
  const out = new Uint8ClampedArray(w * h);
  const d = g.data, W = g.width;
  for (let y = 0; y < h; y++) {
    const a = 2 * y * W, b = a + W;
    for (let x = 0; x < w; x++) {
      const i = a + 2 * x, j = b + 2 * x;
      out[y * w + x] = Math.min(d[i]!, d[i + 1]!, d[j]!, d[j + 1]!);
    }
  }
  return { width: w, height: h, data: out };
}

/**
 * Paints white the runs of ink (≤ `t`) at least `length` long across or down: table rules,
 * underlines and borders, never strokes of text. A run is followed in a band three pixels wide
 * (a rule on a rectified photo drifts by a pixel every few dozen) and over breaks of up to
 * {@link RUN_BREAK} pixels (it fades in places): the pieces of such a rule, a few pixels long,
 * were taken for text left out and read as 上.
 */
function eraseLongRuns(data: Uint8ClampedArray, w: number, h: number, t: number, length: number): void {
  const runs: Array<[number, number, number, number]> = []; // start, end (exclusive), step along, step across
  /**
   * Whether a run across (positions `from`…`to` along) is a rule, not a row of text whose
   * strokes line up: ink two pixels beyond its band on either side along at most
   * {@link RUN_CROSSED} of it (text's strokes cross it).
   */
  const thin = (first: number, from: number, to: number, step: number, side: number) => {
    if (!side) return true;
    let crossed = 0;
    for (let k = from; k < to; k++) {
      const i = first + k * step;
      const a = i - 3 * side, b = i + 3 * side;
      if ((a >= 0 && data[a]! <= t) || (b < data.length && data[b]! <= t)) crossed++;
    }
    return crossed <= RUN_CROSSED * (to - from);
  };
  // Where the ink lies: each row's and each column's first and last pixel of it. A run reaches
  // from ink to ink, so a row or column whose ink (with the rows or columns beside it) spans less
  // than `length` holds none, and the rest are looked at between their first and last ink alone:
  // most of a page, once the words read are whitened, is passed over.
  const rowFirst = new Int32Array(h).fill(w), rowLast = new Int32Array(h).fill(-1);
  const colFirst = new Int32Array(w).fill(h), colLast = new Int32Array(w).fill(-1);
  inkExtents(data, w, h, t, rowFirst, rowLast, colFirst, colLast);
  /** Runs along the pixels from `first`, `step` apart, between positions `from` and `to` (inclusive), ink looked for `side` either way across. */
  const scan = (first: number, from: number, to: number, step: number, side: number) => {
    const ink = (i: number) => data[i]! <= t || (side !== 0 && (data[i - side]! <= t || data[i + side]! <= t));
    let start = -1, last = -1;
    for (let k = from; k <= to + 1; k++) {
      if (k <= to && ink(first + k * step)) { if (start < 0) start = k; last = k; continue; }
      if (start >= 0 && (k > to || k - last > RUN_BREAK)) {
        if (last + 1 - start >= length && (step !== 1 || thin(first, start, last + 1, step, side))) runs.push([first + start * step, first + (last + 1) * step, step, side]);
        start = -1;
      }
    }
  };
  for (let y = 0; y < h; y++) {
    const side = y > 0 && y < h - 1 ? w : 0;
    const from = side ? Math.min(rowFirst[y - 1]!, rowFirst[y]!, rowFirst[y + 1]!) : rowFirst[y]!;
    const to = side ? Math.max(rowLast[y - 1]!, rowLast[y]!, rowLast[y + 1]!) : rowLast[y]!;
    if (to - from + 1 >= length) scan(y * w, from, to, 1, side);
  }
  for (let x = 0; x < w; x++) {
    const side = x > 0 && x < w - 1 ? 1 : 0;
    const from = side ? Math.min(colFirst[x - 1]!, colFirst[x]!, colFirst[x + 1]!) : colFirst[x]!;
    const to = side ? Math.max(colLast[x - 1]!, colLast[x]!, colLast[x + 1]!) : colLast[x]!;
    if (to - from + 1 >= length) scan(x, from, to, w, side);
  }
  for (const [from, to, step, side] of runs) {
    for (let i = from; i < to; i += step) {
      data[i] = 255;
      if (side) { data[i - side] = 255; data[i + side] = 255; }
    }
  }
}

/**
 * Each row's and each column's first and last pixel of ink (≤ `t`) into the arrays given (left
 * as they are where there is none). A loop of its own: in {@link eraseLongRuns}, V8 compiled the
 * whole function while this loop ran, and threw it away at the first step after it.
 */
function inkExtents(data: Uint8ClampedArray, w: number, h: number, t: number, rowFirst: Int32Array, rowLast: Int32Array, colFirst: Int32Array, colLast: Int32Array): void {
  for (let y = 0; y < h; y++) {
    for (let x = 0, i = y * w; x < w; x++, i++) {
      if (data[i]! > t) continue;
      if (rowLast[y]! < 0) rowFirst[y] = x;
      rowLast[y] = x;
      if (colLast[x]! < 0) colFirst[x] = y;
      colLast[x] = y;
    }
  }
}

/** Breaks in a rule (px) that {@link eraseLongRuns} bridges. */
const RUN_BREAK = 2;
/** The share of a rule's length that text may cross. */
const RUN_CROSSED = 0.3;

/**
 * The box of word `w` cut down to its line's row when it is much taller than the line's other
 * words and reaches past them above and below (a misread word whose box reaches into the lines
 * above and below: "RAGES" 63 px tall on a row of 26 px): the rows between the median tops and bottoms of the other words. Cut down, it
 * is read with a margin from the row's height, not the line's (which the word made tall).
 */
function withinRow(w: OcrWord, line: OcrLine): Box {
  const others = line.words.filter((o) => o !== w && o.text.trim());
  if (!others.length) return w.box;
  const { top, bottom } = medianRow(others);
  // Reaching past the row both above and below: a smaller text beside larger (a time beside a
  // bubble's line) has larger words above it only.
  const reach = (bottom - top) / 4;
  if (w.box.h <= 1.5 * (bottom - top) || w.box.y > top - reach || w.box.y + w.box.h < bottom + reach) return w.box;
  return { x: w.box.x, y: top, w: w.box.w, h: bottom - top };
}

/** A second reading: its words (boxes in the page raster's frame) and their mean confidence. */
interface Reading {
  words: OcrWord[];
  confidence: number;
}

/** Whether the centre of `inner` lies within `outer`. */
export function centreIn(inner: Box, outer: Box): boolean {
  const cx = inner.x + inner.w / 2, cy = inner.y + inner.h / 2;
  return cx >= outer.x && cx <= outer.x + outer.w && cy >= outer.y && cy <= outer.y + outer.h;
}

/** Whether the horizontal centre of `inner` lies within `outer`'s span and the two overlap vertically. */
function within(inner: Box, outer: Box): boolean {
  const cx = inner.x + inner.w / 2;
  return cx >= outer.x && cx <= outer.x + outer.w && inner.y < outer.y + outer.h && inner.y + inner.h > outer.y;
}

export const LATIN_LETTER = /[A-Za-z]/u;
/** A figure (any script's digit). */
export const FIGURE = /\p{N}/u;
/** The Latin letters, barred from a reading of a word taken for Chinese misread as English. */
export const LATIN_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** Whether `w`'s box gives each of its characters at least `share` ({@link HAN_WIDTH}) of its height: the width of Chinese characters, not of letters. */
function isHanWide(w: OcrWord, share = HAN_WIDTH): boolean {
  return w.box.w >= share * w.box.h * Array.from(w.text.trim()).length;
}
/** A word of {@link GARBLED_LETTERS} Latin letters or more read with less confidence than {@link GARBLED_CONFIDENCE}. */
function isGarbledLatin(w: OcrWord): boolean {
  return w.confidence < GARBLED_CONFIDENCE && (w.text.match(/[A-Za-z]/gu)?.length ?? 0) >= GARBLED_LETTERS;
}
const GARBLED_LETTERS = 4;
/** A word of at most {@link SHORT_LATIN} characters, letters and symbols without digits or Chinese, each as wide as Chinese ({@link isHanWide}). */
function isShortLatin(w: OcrWord): boolean {
  const t = w.text.trim();
  return LATIN_LETTER.test(t) && !FIGURE.test(t) && !HAN.test(t) && Array.from(t).length <= SHORT_LATIN && isHanWide(w);
}
const SHORT_LATIN = 3;
/** Latin letters alone, three or more (the first group), a colon after them at most (a label or a salutation, 王先生： read "ERE:"). */
const LATIN_WORD = /^([A-Za-z]{3,})[:：]?$/u;
/**
 * A word of {@link LATIN_WORD} at least this wide per letter (in its height) and less sure than
 * {@link WIDE_WORD_CONFIDENCE} is read alone. Lower-case words are narrower; capitals of a wide
 * bold face reach it, and read alone stay English.
 */
const WIDE_WORD_WIDTH = 0.9;
const WIDE_WORD_CONFIDENCE = 90;
/** A Chinese character is about as wide as tall; Latin letters average about half their height (a word read from Chinese can have more letters than it had characters). */
const HAN_WIDTH = 0.6;
/**
 * Below this, a word of Latin letters on a Chinese page, alone or mixed with symbols, is read
 * again: English read surely stays ("Roaming Data Pass"); Chinese misread as English comes out
 * at 30–75 ("REAR" for 帳單代繳 at 60, "AE:" for 大写： at 72 on a photographed receipt). Only a
 * reading with Chinese can replace it.
 */
const ODD_WORD_CONFIDENCE = 80;
/** Words of lower-case letters within the x-height only. */
const X_HEIGHT_WORD = /^[acemnorsuvwxz]{2,}$/u;
/** Such a word at least this share of the page's Chinese characters tall is Chinese misread. */
const X_HEIGHT_SHARE = 0.75;
/** A square bracket before digits or letters with no bracket closing it ("[11、" for 三、 in a serif face). */
const UNPAIRED_BRACKET = /^\[[^\]\s\p{Script=Han}]+$/u;
/** Capital letters and digits, at least one of each. */
const CAPITALS_AND_DIGITS = /^(?=.*[A-Z])(?=.*\d)[A-Z\d]+$/u;
/**
 * Whether `w` is boxed clearly taller (by {@link FIGURES_TALLER}) than the words of digits alone
 * of its line: capitals and digits stand as tall as each other, Chinese taller ("S15" at 57 for
 * 号码, 23 px tall, before 186 1023 5577, 19 px).
 */
function tallerThanFigures(w: OcrWord, line: OcrLine): boolean {
  const figures = line.words.filter((o) => o !== w && /^\d+$/u.test(o.text.trim()));
  return figures.length > 0 && w.box.h >= FIGURES_TALLER * medianHeight(figures);
}
const FIGURES_TALLER = 1.15;
/**
 * Below this, letters mixed with digits on a Chinese page are read again: three letters in a row
 * ("2ERBRHTE" for 叁佰贰拾捌元整 at 0), or letters between figures or symbols twice
 * ({@link INTERLEAVED}: "2R/E" for a name, 吳佩君, at 0); a code of a digit and a letter (5G) is not.
 */
const GARBLED_CONFIDENCE = 20;
/** Letters, then a figure or symbol, then letters again, or the other way round. */
const INTERLEAVED = /[A-Za-z][^A-Za-z\s]+[A-Za-z]|[^A-Za-z\s][A-Za-z]+[^A-Za-z\s]/u;

/**
 * Text spread over more than this share of its width (per character, in line heights: about 1
 * for a Chinese character, about 0.6 for a digit) is read again squeezed to
 * {@link SPACED_SQUEEZE} of its width: a run of full-width digits and slashes (１１３／１０／０１),
 * each an em apart, read "1131041510722" at 2 (its slashes read as digits) or as one character
 * over the whole run ("和" at 15), reads right when narrowed to half.
 */
const SPREAD = { han: 1.6, other: 1.1 } as const;
const SPACED_SQUEEZE = 0.5;

/**
 * The words of a line the engine tangled: an unsure word ({@link isWeakWord}) boxed over the
 * middle of narrower words of the same line, all read unsure too (below
 * {@link SURE_READING_CONFIDENCE}), and those words; none when there is no such word. Reading
 * on from an amount, the engine can read the Chinese after it as letters and symbols, box them
 * with the amount and again as words of their own ("NTS$1,2865R4" at 31 boxed over "»" at 73
 * and "©H" at 41, for NT$1,286未繳，今日): read alone, each such word is cut by the others'
 * boxes, and only the line read again as a whole gives its text back. A wide box over words
 * read surely is the engine's box alone, not its reading (【中 at 16 boxed over 国 and 移动
 * read at 92 and 93).
 */
function tangledWords(line: OcrLine): OcrWord[] {
  const words = line.words.filter((w) => w.text.trim());
  const tangled = new Set<OcrWord>();
  for (const w of words) {
    if (!isWeakWord(w)) continue;
    const under = words.filter((o) => o !== w && o.box.w <= w.box.w && centreIn(o.box, w.box));
    if (!under.length || under.some((o) => o.confidence >= SURE_READING_CONFIDENCE)) continue;
    for (const o of [w, ...under]) tangled.add(o);
  }
  return [...tangled];
}

/** A word the engine was unsure of, holding a letter, digit or ideograph. */
function isWeakWord(w: OcrWord): boolean {
  return w.confidence < WEAK_LINE_CONFIDENCE && w.box.h >= 6 && LETTER_OR_DIGIT.test(w.text);
}

/** An amount: digits with a separator (a thousands comma, a decimal point), a currency sign before them at most. */
const AMOUNT = /^\p{Sc}?\p{N}+(?:[.,]\p{N}+)+$/u;
/** An amount read with confidence from {@link DIGITS_GARBLED_CONFIDENCE} up to {@link SURE_READING_CONFIDENCE} is read alone again. */
function isUnsureAmount(w: OcrWord): boolean {
  return w.confidence >= DIGITS_GARBLED_CONFIDENCE && w.confidence < SURE_READING_CONFIDENCE && AMOUNT.test(w.text.trim());
}
/** A reading of an amount alone replaces it when this much surer (and sure). */
const AMOUNT_GAIN = 5;

/** The runs of consecutive weak words ({@link isWeakWord}) of a line and the figures read below {@link DIGITS_GARBLED_CONFIDENCE} after them, each less than `gap` from the one before. */
function weakRuns(words: readonly OcrWord[], gap: number): OcrWord[][] {
  const runs: OcrWord[][] = [];
  let run: OcrWord[] = [];
  for (const w of words) {
    const last = run[run.length - 1];
    const near = !!last && w.box.x - (last.box.x + last.box.w) < gap;
    // A figure read a little surer goes on a run it follows: the rest of the same number
    // (１１３／０７／０１ read "1018 40.7 40:1", the last at 56).
    if (near && (isWeakWord(w) || (FIGURE.test(w.text) && w.confidence < DIGITS_GARBLED_CONFIDENCE))) { run.push(w); continue; }
    if (run.length) runs.push(run);
    run = isWeakWord(w) ? [w] : [];
  }
  if (run.length) runs.push(run);
  return runs;
}

/**
 * Whether `text` read over `box` is far wider than its characters need ({@link SPREAD}). Latin
 * letters are left out: spread, they are small Chinese misread (a chat's time), read again as such
 * by {@link rereadSmallText}.
 */
function isSpread(text: string, box: Box): boolean {
  const n = Array.from(text).length;
  // 一 beside a digit is a dash misread (０９３３－５１８ read "933一518").
  const han = HAN.test(text.replace(/(?<=\p{N})一|一(?=\p{N})/gu, '-'));
  return n > 0 && !LATIN_LETTER.test(text) && box.w >= n * box.h * (han ? SPREAD.han : SPREAD.other);
}

/**
 * Whether the ink of `box` (text `h` tall) lies in glyphs set an em apart: three pieces or more
 * (runs of inked columns), the median narrower than {@link INK_SPREAD.width} of `h` and the
 * median blank between them at least {@link INK_SPREAD.gap} of it. Full-width digits are half an
 * em wide, an em apart; Chinese characters fill their em, letters stand close.
 */
export function isInkSpread(raster: GrayRaster, box: Box, h: number): boolean {
  const b = clampBox(box, raster);
  const pieces: Array<[number, number]> = [];
  for (let x = b.x; x < b.x + b.w; x++) {
    let inked = false;
    for (let y = b.y; y < b.y + b.h && !inked; y++) inked = raster.data[y * raster.width + x]! < INK_TONE;
    if (!inked) continue;
    const last = pieces[pieces.length - 1];
    if (last && last[1] === x) last[1] = x + 1;
    else pieces.push([x, x + 1]);
  }
  if (pieces.length < 3 || !h) return false;
  const widths = pieces.map(([a, c]) => c - a), gaps = pieces.slice(1).map(([a], k) => a - pieces[k]![1]);
  return median(widths) <= INK_SPREAD.width * h && median(gaps) >= INK_SPREAD.gap * h;
}

/** A stretch of columns, from `x0` up to `x1`. */
interface Span {
  x0: number;
  x1: number;
}

/** See {@link isInkSpread}. */
const INK_SPREAD = { width: 0.7, gap: 0.3 } as const;

function isWeak(line: OcrLine): boolean {
  return line.confidence < WEAK_LINE_CONFIDENCE && line.box.w > 0 && line.box.h >= 6 && line.words.some((w) => w.text.trim());
}


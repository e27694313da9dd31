/**
 * The OCR pipeline shared by the app (browser Web Worker) and the CLI (Node):
 * decode (injected) → orientation → preprocessing → engine → post-processing, with progress
 * and cancellation. Word boxes come back in the upright original's pixels.
 */
import {
  choosePageSegMode,
  guessKind,
  mapInOrder,
  readsChinese,
  throwIfCancelled,
  type CancelSignal,
  type EvidenceKindGuess,
  type OcrEngine,
  type OcrLine,
  type OcrProgress,
  type OcrResult,
  type OcrWord,
  type PageSegMode,
} from './engine';
import { barsAsPronoun, chatTimeColons, commasReadAsStops, dropChevrons, dropGraphicWords, dropOverlaidWords, dropReadReceipts, dropSpecks, dropSpreadLetters, dropVerticalMisreads, dropStatusBarIcons, dropAppBarIcons, dropInputBarIcons, dropBrowserChromeIcons, dropSignatureScrawls, dropStrayQuotes, dropStrayUnderscores, dropListIcons, dropTabBarIcons, dropTallFillers, lineOf, meanConfidence, orderAtDashedRule, orderBesidePanel, orderByPanes, resultOf } from './lines';
import { commasAbsorbed, slashesUnread, rulesReadIntoWords, commasReadAsFullStops, dollarSignsReadAsDigits, middleDotsMisread, dropBlankWords, yuanSignsUnread, dropEmoji, isTextBar, leadingMarkInk, joinCombFigures, placeEllipses, setMarksApart } from './marks';
import { movedLines, textRows } from './bands';
import { orderRuledCells, readRuledCells } from './cells';
import { readSideStacks } from './stacks';
import { correctKnownNames } from './names';
import { readHanAmongFigures } from './figures';
import { blankBetweenIn, postprocess } from './postprocess';
import { findPanes, MIN_LATIN_LINE_HEIGHT, panesTop, mapBoxToSource, preprocess, type PreprocessOptions, type PreprocessResult, type PreprocessStep } from './preprocess';
import { boxesOverlap, cropGray, deblurColumns, deblurRows, orientGray, orientRgba, resizeGray, rgbaToGray, type GrayRaster, type RgbaRaster } from './raster';
import { inkCoverage, readAmountsBeforeYuan, pageInk, sureText, readMissedText, readPunctuationOfWeakWords, readTableCells, rereadSideBySide, rereadSmallText, rereadWeakLines } from './rereading';

/** A decoded image and the EXIF orientation of its stored pixels (1 when none). */
export interface DecodedImage {
  raster: RgbaRaster;
  orientation: number;
}

/** Decodes encoded image bytes (PNG, JPEG…) on the current runtime. */
export type ImageDecoder = (bytes: Uint8Array, signal?: CancelSignal) => Promise<DecodedImage>;

/** The OCR of one image or page. */
export interface PageOcr {
  /** Upright width and height in pixels (the frame of the word boxes). */
  width: number;
  height: number;
  text: string;
  confidence: number;
  words: OcrWord[];
  lines: OcrLine[];
  lang: string;
  psm: PageSegMode;
  kind: EvidenceKindGuess;
  preprocessing: PreprocessStep[];
  /** Processed/original scale factor used for recognition. */
  scale: number;
}

/** Options of one pipeline run. */
export interface PipelineOptions {
  lang: string;
  psm?: PageSegMode;
  preprocess?: PreprocessOptions;
  signal?: CancelSignal;
  onProgress?: (p: OcrProgress) => void;
  /** Page number reported with progress (PDF pages). */
  page?: number;
}

/** Runs the pipeline on encoded bytes, decoding them with the injected decoder. */
export async function ocrImageBytes(bytes: Uint8Array, decode: ImageDecoder, engine: OcrEngine, options: PipelineOptions): Promise<PageOcr> {
  const report = (stage: OcrProgress['stage'], progress: number) => options.onProgress?.({ stage, progress, ...(options.page !== undefined ? { page: options.page } : {}) });
  throwIfCancelled(options.signal);
  report('decode', 0);
  const decoded = await decode(bytes, options.signal);
  return ocrRaster(decoded, engine, options);
}

/** Runs the pipeline on an already decoded raster. */
export async function ocrRaster(image: DecodedImage, engine: OcrEngine, options: PipelineOptions): Promise<PageOcr> {
  const report = (stage: OcrProgress['stage'], progress: number) => options.onProgress?.({ stage, progress, ...(options.page !== undefined ? { page: options.page } : {}) });
  throwIfCancelled(options.signal);
  report('preprocess', 0.05);
  // Pages read without a CJK model need less magnification (see MIN_LATIN_LINE_HEIGHT).
  const latinOnly = !readsChinese(options.lang);
  const pre = preprocess(image.raster, {
    ...(latinOnly ? { minLineHeight: MIN_LATIN_LINE_HEIGHT } : {}),
    ...options.preprocess,
    orientation: image.orientation,
  });
  // What the engine misreads as text is kept from it: ellipses (put back after reading), icons,
  // codes and the outlines of fields.
  const marks = setMarksApart(pre.raster, pre.lineHeight * pre.scale, { lightText: pre.stats.classification === 'screenshot' });
  pre.steps.push(...marks.steps);
  throwIfCancelled(options.signal);
  const psm = options.psm ?? choosePageSegMode(pre.stats);
  report('recognize', 0.15);
  const read = (raster: GrayRaster, from: number, to: number) => engine.recognize({ kind: 'raster', raster }, {
    lang: options.lang,
    psm,
    // Upscaled screenshots are rendered at ~96 dpi × scale; scans and photos at ~300.
    dpi: 300,
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: (p) => report('recognize', from + (to - from) * p),
  });
  let raster = pre.raster, ellipses = marks.ellipses, combs = marks.combs;
  const screenshot = pre.stats.classification === 'screenshot';
  // Panes side by side, or a panel beside the text (a web page's menu at its left, read before it).
  const panelLeast = PANEL_EDGE_LINES * pre.lineHeight * pre.scale;
  const layout = screenshot ? findPanes(raster, panelLeast) : { separators: [] };
  const separators = layout.separators;
  const top = panesTop(raster, separators);
  const readText = (r: GrayRaster, from: number, to: number) => readTextRows(r, (part) => read(part, from, to));
  const reading = separators.length ? readByPanes(raster, separators, readText, 0.15, 0.95, top) : readText(raster, 0.15, 0.95);
  // The engine reads in its own thread: meanwhile, the page's ink is measured here.
  const ink = pageInk(raster);
  let raw = await reading;
  if (separators.length) pre.steps.push({ name: 'read-panes', detail: `${separators.length + 1} panes read one by one, parted at x = ${separators.join(', ')}${top ? `, below a band ${top} px tall read across` : ''}` });
  throwIfCancelled(options.signal);
  // A page turned a quarter (its lines read as vertical text) or upside down (read as unsure
  // nonsense) without an EXIF orientation to say so (a messaging app strips it) is turned and
  // read again; the turn is kept when that reading is upright and sure.
  const turned = await turnUpright(raw, raster, (r) => read(r, 0.95, 0.955), options.signal);
  if (turned) {
    pre.geometry.push({ kind: 'turn', orientation: turned.orientation, width: raster.width, height: raster.height });
    pre.steps.push({ name: 'orientation', detail: `turned ${TURN_NAMES[turned.orientation]} (read ${Math.round(turned.result.confidence)} against ${Math.round(raw.confidence)})` });
    raster = turned.raster;
    raw = turned.result;
    ellipses = [];
    combs = [];
  }
  // When the reading covers little of the page's text, the preprocessing lost it (a lock
  // screen's wallpaper turned into grey blots that hid its notifications from the engine's
  // layout analysis): the page is read once more as it is, in grey, and each line of that
  // reading replaces what the first one read in its place when it holds more sure text.
  const coverage = inkCoverage(raw, raster, raster === pre.raster ? ink : pageInk(raster));
  const plain = coverage < LOW_COVERAGE ? plainRendition(image, pre) : undefined;
  if (plain) {
    const again = await read(plain, 0.95, 0.955);
    throwIfCancelled(options.signal);
    const merged = mergeReadings(raw, again);
    if (merged.taken) {
      // Second readings cut from the rendition most of the text now comes from.
      if (merged.taken > characters(merged.result.words) / 2) { raster = plain; ellipses = []; combs = []; }
      raw = merged.result;
      pre.steps.push({ name: 'read-unprocessed', detail: `${merged.taken} characters read without preprocessing (the processed page's reading covered ${Math.round(coverage * 100)}% of its text)` });
    }
  }
  // A photo read unsure may be blurred by the hand's movement: read again sharpened, it may read surer.
  const sharpened = pre.stats.classification === 'photo' && !turned ? await readDeblurred(raw, raster, pre.scale, (r) => read(r, 0.955, 0.96), options.signal) : undefined;
  if (sharpened) {
    pre.steps.push({ name: 'deblur', detail: `a blur of ${sharpened.length} px ${sharpened.along === 'rows' ? 'along the rows' : 'down the columns'} undone (read ${Math.round(sharpened.result.confidence)} against ${Math.round(raw.confidence)})` });
    raster = sharpened.raster;
    raw = sharpened.result;
  }
  const kept = dropStatusBarIcons(dropGraphicWords(dropOverlaidWords(barsAsPronoun(dropBlankWords(raw, raster))), (w, line) => isTextBar(raster, w, line)), screenshot ? raster.height : undefined);
  // Short lines read down as one word are not pictures: their ink is read again below. A ruled
  // table's rows the layout analysis garbled are read cell by cell first.
  const cells = await readRuledCells(dropVerticalMisreads(kept), raster, engine, options.lang, options.signal);
  const weak = await readPunctuationOfWeakWords(await rereadWeakLines(cells.result, raster, engine, options.lang, options.signal), raster, engine, options.lang, options.signal);
  // On a screenshot, a read receipt stacked over a time beside a message is read row by row.
  const stacked = screenshot ? await readSideStacks(weak, raster, engine, options.lang, options.signal) : weak;
  // Read receipts go before small text is read again: ticks beside a time make it look tall.
  const small = await rereadSmallText(dropReadReceipts(await rereadSideBySide(stacked, raster, engine, options.lang, options.signal)), raster, engine, options.lang, options.signal);
  // An amount's last 0 and the 元 after it read "07元" are read again as a line.
  // The rows read cell by cell are not parted again, nor looked into for text left out.
  // Chinese characters between figures read as more figures (2024年8月1日 read "202448818") are read alone.
  const reread = await readHanAmongFigures(await readAmountsBeforeYuan(await readTableCells(small, raster, engine, options.lang, options.signal, cells.rows), raster, engine, options.lang, options.signal), raster, engine, options.lang, options.signal);
  throwIfCancelled(options.signal);
  // What was dropped as pictures is not looked for again as text left out; status-bar icons
  // the first reading missed can be found there, and are dropped again.
  const dropped = raw.words.filter((w) => !kept.words.includes(w));
  const found = placeEllipses(await readMissedText(reread, raster, engine, options.lang, options.signal, [...dropped.map((w) => w.box), ...cells.rows], pre.stats.classification === 'photo'), ellipses);
  // Second readings can read a character twice again (a reading of part of it over the whole),
  // a 和 where none stands, and a comma read as a full stop.
  // An app's bars are judged on what the page's reading found in the end: a back arrow beside a
  // title makes the line weak, and it is read again whole.
  const page = screenshot ? { width: raster.width, height: raster.height } : undefined;
  const bars = (r: OcrResult) => dropListIcons(dropTabBarIcons(dropBrowserChromeIcons(dropInputBarIcons(dropAppBarIcons(dropStatusBarIcons(r, page?.height), page), page), page), page), page);
  const laid = raster === pre.raster ? layout : screenshot ? findPanes(raster, panelLeast) : { separators: [] };
  const panes = laid.separators;
  // Stray underscores go before the bars' icons are judged: a microphone's circle read "_" beside its "息" kept both.
  const ordered = orderByPanes(dropSignatureScrawls(dropStrayQuotes(dropReadReceipts(chatTimeColons(bars(dropStrayUnderscores(commasReadAsStops(dropTallFillers(middleDotsMisread(rulesReadIntoWords(commasAbsorbed(slashesUnread(commasReadAsFullStops(yuanSignsUnread(dollarSignsReadAsDigits(dropSpreadLetters(dropSpecks(dropOverlaidWords(found))), raster), raster), raster), raster), raster), raster), raster))))))), (w) => leadingMarkInk(raster, w.box))), panes, raster === pre.raster ? top : panesTop(raster, panes));
  // A ruled table's taller rows are read cell by cell.
  const rows = orderRuledCells(!panes.length && laid.edge ? orderBesidePanel(ordered, laid.edge) : orderAtDashedRule(ordered, pre.lineHeight * pre.scale), raster);
  // Chevrons are judged on whole rows: an amount and its disclosure arrow can be a line apart from their label.
  // Emoji are judged in the picture's colours.
  const upright = () => (image.orientation > 1 && image.orientation <= 8 ? orientRgba(image.raster, image.orientation) : image.raster);
  const checked = correctKnownNames(joinCombFigures(dropChevrons(dropEmoji(rows, upright, (box) => mapBoxToSource(box, pre))), combs));
  throwIfCancelled(options.signal);
  report('postprocess', 0.96);
  const clean = postprocess(checked, (box) => mapBoxToSource(box, pre), blankBetweenIn(raster));
  report('postprocess', 1);
  return {
    width: pre.sourceWidth,
    height: pre.sourceHeight,
    text: clean.text,
    confidence: clean.confidence,
    words: clean.words,
    lines: clean.lines,
    lang: options.lang,
    psm,
    kind: guessKind(clean.text, pre.stats),
    preprocessing: pre.steps,
    scale: pre.scale,
  };
}

/**
 * Reads a screenshot parted into panes side by side (at `separators`, see findPaneSeparators)
 * pane by pane, each cut out without its dividing line, the words placed back in the page's
 * frame: the engine's layout analysis, given the whole page, joins into one line the rows of
 * panes that stand level (a mail client's list of messages and the open message, in small text)
 * and reads them across. Progress runs from `from` to `to` over the panes by their widths.
 */
export async function readByPanes(raster: GrayRaster, separators: readonly number[], read: (r: GrayRaster, from: number, to: number) => Promise<OcrResult>, from: number, to: number, top = 0): Promise<OcrResult> {
  const edges = [-PANE_MARGIN - 1, ...separators, raster.width + PANE_MARGIN];
  const lines: OcrLine[] = [];
  // The band above the panes (a title bar and toolbar across them) is read whole, first.
  const band = top / raster.height;
  if (top > 0) lines.push(...(await read(cropGray(raster, { x: 0, y: 0, w: raster.width, h: top }), from, from + (to - from) * band)).lines);
  const start = from + (to - from) * band;
  for (let k = 0; k + 1 < edges.length; k++) {
    const x0 = Math.max(0, edges[k]! + PANE_MARGIN + 1), x1 = Math.min(raster.width, edges[k + 1]! - PANE_MARGIN);
    if (x1 <= x0) continue;
    const result = await read(cropGray(raster, { x: x0, y: top, w: x1 - x0, h: raster.height - top }), start + ((to - start) * x0) / raster.width, start + ((to - start) * x1) / raster.width);
    lines.push(...movedLines(result, x0, top));
  }
  // Its confidence: its words' mean (none read: 0).
  return resultOf(lines, 0);
}

/**
 * Reads `raster` without its blank paper above and below the text (see {@link textRows}), the
 * words placed back in its frame.
 */
export async function readTextRows(raster: GrayRaster, read: (r: GrayRaster) => Promise<OcrResult>): Promise<OcrResult> {
  const rows = textRows(raster);
  if (!rows) return read(raster);
  const result = await read(cropGray(raster, { x: 0, y: rows.y, w: raster.width, h: rows.h }));
  const lines = movedLines(result, 0, rows.y);
  return { ...result, lines, words: lines.flatMap((l) => l.words) };
}

/** Pixels left out each side of a line between panes (its anti-aliased edge). */
const PANE_MARGIN = 2;

/**
 * The page turned upright when its first reading says it is not: most of its characters in lines
 * much taller than wide (the engine reads a page turned a quarter as vertical text, in the wrong
 * order), or a reading less sure than {@link UPSIDE_DOWN_CONFIDENCE} (a page upside down). The
 * turns that would right it are read in turn; the first whose reading is upright and about as
 * sure as the first one (a quarter turn) or far surer (a half turn) is returned.
 */
export async function turnUpright(first: OcrResult, raster: GrayRaster, read: (r: GrayRaster) => Promise<OcrResult>, signal?: CancelSignal): Promise<{ orientation: number; raster: GrayRaster; result: OcrResult } | undefined> {
  const total = characters(first.words);
  if (total < TURN_MIN_TEXT) return undefined;
  const sideways = verticalShare(first) > 0.5;
  const tries = sideways ? [8, 6] : first.confidence < UPSIDE_DOWN_CONFIDENCE ? [3] : [];
  for (const orientation of tries) {
    throwIfCancelled(signal);
    const turned = orientGray(raster, orientation);
    const result = await read(turned);
    const sure = sideways ? result.confidence >= first.confidence - TURN_SLACK : result.confidence >= first.confidence + UPSIDE_DOWN_GAIN;
    if (sure && verticalShare(result) <= 0.5 && characters(result.words) >= total / 2) return { orientation, raster: turned, result };
  }
  return undefined;
}

/** A page read again with a blur undone: its raster, the reading, and the blur's direction and length in the raster. */
interface Deblurred { raster: GrayRaster; result: OcrResult; along: 'rows' | 'columns'; length: number }

/**
 * A photo's page read unsure (mean confidence under {@link BLUR_CONFIDENCE}) may be blurred by
 * the hand's movement while it was taken (a letter whose strokes smear 5 px across read at 59,
 * "FORET TASER," for 款项将于下月账单中抵扣). It is read again with such a blur undone along its
 * rows ({@link deblurRows}) and down its columns ({@link deblurColumns}), for each of
 * {@link BLUR_LENGTHS} px of the photo (`scale`: the raster's scale to it); the reading that finds
 * the most sure text ({@link sureText}), and {@link BLUR_GAIN} times the first reading's at least,
 * is returned with its raster, the blur's direction and its length in the raster. A wrong length
 * or direction reads worse, not surer: the ink rings.
 */
export async function readDeblurred(first: OcrResult, raster: GrayRaster, scale: number, read: (r: GrayRaster) => Promise<OcrResult>, signal?: CancelSignal): Promise<Deblurred | undefined> {
  if (first.confidence >= BLUR_CONFIDENCE || !first.words.length) return undefined;
  // Odd lengths, so that the box is centred on its pixel.
  const trials = (['rows', 'columns'] as const).flatMap((along) => BLUR_LENGTHS.map((blur) => ({ along, length: 2 * Math.round((blur * scale - 1) / 2) + 1 })));
  // Two at a time: one page is sharpened here while the engine reads the one before (each took
  // 0.3–0.45 s of a blurred letter's 1.6–2.1 s per trial, one after the other).
  const readings = await mapInOrder(trials, DEBLUR_AT_ONCE, async ({ along, length }): Promise<Deblurred> => {
    throwIfCancelled(signal);
    const sharp = along === 'rows' ? deblurRows(raster, length) : deblurColumns(raster, length);
    return { raster: sharp, result: await read(sharp), along, length };
  });
  let best: Deblurred | undefined;
  let most = sureText(first.words) * BLUR_GAIN;
  for (const reading of readings) {
    const sure = sureText(reading.result.words);
    if (sure > most) { best = reading; most = sure; }
  }
  return best;
}

/** How many sharpened pages {@link readDeblurred} has under way at once. */
const DEBLUR_AT_ONCE = 2;

/** Below this mean confidence, a photo's first reading is read again with a blur undone (see {@link readDeblurred}). */
const BLUR_CONFIDENCE = 65;
/** The lengths (px of the photo) of the blur undone in turn along the rows and down the columns. */
const BLUR_LENGTHS = [3, 5, 7];
/** How many times the first reading's sure text a reading of a sharpened page finds at least to be taken. */
const BLUR_GAIN = 1.2;

/** The share of a reading's characters in lines of two or more of them at least 1.5 times as tall as wide. */
function verticalShare(result: OcrResult): number {
  let all = 0, vertical = 0;
  for (const line of result.lines) {
    const n = characters(line.words);
    all += n;
    if (n >= 2 && line.box.h >= 1.5 * line.box.w) vertical += n;
  }
  return all ? vertical / all : 0;
}

/** Fewest characters a first reading holds for its page's orientation to be judged. */
const TURN_MIN_TEXT = 6;
/** Below this mean confidence, a page is read upside down once. */
const UPSIDE_DOWN_CONFIDENCE = 50;
/** How much surer a page read upside down must read to be kept so. */
const UPSIDE_DOWN_GAIN = 20;
/** How much less sure than its vertical reading a page turned a quarter may read. */
const TURN_SLACK = 10;
/** The turns as the preprocessing steps name them. */
const TURN_NAMES: Record<number, string> = { 3: 'half a turn', 6: 'a quarter clockwise', 8: 'a quarter anticlockwise' };

/** Fewest text lines' heights a panel's edge runs down to be looked at (see findSidePanelEdge). */
const PANEL_EDGE_LINES = 6;

/** Below this share of its text covered by a page's first reading, the page is read again unprocessed (see {@link inkCoverage}). */
export const LOW_COVERAGE = 0.5;

/**
 * The page in grey as it is (luma, upright, at the processed raster's scale), in the processed
 * raster's frame; undefined when the preprocessing moved the page (rotated, cropped, straightened
 * it), whose words then could not be placed.
 */
function plainRendition(image: DecodedImage, pre: Pick<PreprocessResult, 'geometry' | 'scale' | 'raster'>): GrayRaster | undefined {
  if (pre.geometry.some((g) => g.kind !== 'scale')) return undefined;
  const grey = orientGray(rgbaToGray(image.raster), image.orientation > 1 && image.orientation <= 8 ? image.orientation : 1);
  const plain = pre.scale === 1 ? grey : resizeGray(grey, pre.scale);
  return plain.width === pre.raster.width && plain.height === pre.raster.height ? plain : undefined;
}

/** The characters of `words`, white space left out. */
function characters(words: readonly OcrWord[]): number {
  return words.reduce((n, w) => n + Array.from(w.text.trim()).length, 0);
}

/**
 * The first reading of a page with the lines of a second one (of another rendition, same frame)
 * put in where they hold more sure text ({@link sureText}) than the first reading's words they
 * overlap, which they replace; `taken`, the characters so taken from the second.
 */
export function mergeReadings(first: OcrResult, second: OcrResult): { result: OcrResult; taken: number } {
  let words = first.lines.flatMap((l) => l.words.map((w) => ({ w, line: l })));
  const added: OcrLine[] = [];
  let taken = 0;
  for (const line of second.lines) {
    const read = line.words.filter((w) => w.text.trim());
    if (!read.length) continue;
    const under = words.filter(({ w }) => boxesOverlap(w.box, line.box));
    if (sureText(read) <= sureText(under.map(({ w }) => w))) continue;
    words = words.filter((x) => !under.includes(x));
    added.push(line);
    taken += characters(read);
  }
  if (!taken) return { result: first, taken: 0 };
  const kept = first.lines.map((l) => words.filter((x) => x.line === l).map(({ w }) => w)).filter((ws) => ws.length).map((ws) => lineOf(ws, meanConfidence(ws)));
  const lines = [...kept, ...added].sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x);
  return { result: resultOf(lines, first.confidence), taken };
}

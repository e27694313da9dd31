/**
 * The OCR pipeline shared by the app (browser Web Worker) and the CLI (Node):
 * decode (injected) → orientation → preprocessing → engine → post-processing, with progress
 * and cancellation. Word boxes come back in the upright original's pixels.
 */
import {
  choosePageSegMode,
  guessKind,
  throwIfCancelled,
  type CancelSignal,
  type EvidenceKindGuess,
  type OcrEngine,
  type OcrLine,
  type OcrProgress,
  type OcrWord,
  type PageSegMode,
} from './engine';
import { barsAsPronoun, chatTimeColons, dropChevrons, dropGraphicWords, dropOverlaidWords, dropReadReceipts, dropStatusBarIcons, dropStrayClosingQuotes, orderByRows } from './lines';
import { dropBlankWords, placeEllipses, setMarksApart } from './marks';
import { correctKnownNames } from './names';
import { postprocess } from './postprocess';
import { MIN_LATIN_LINE_HEIGHT, mapBoxToSource, preprocess, type PreprocessOptions, type PreprocessStep } from './preprocess';
import type { RgbaRaster } from './raster';
import { readMissedText, rereadSideBySide, rereadSmallText, rereadWeakLines } from './rereading';

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
  const latinOnly = !options.lang.split('+').some((l) => l.startsWith('chi_'));
  const pre = preprocess(image.raster, {
    ...(latinOnly ? { minLineHeight: MIN_LATIN_LINE_HEIGHT } : {}),
    ...options.preprocess,
    orientation: image.orientation,
  });
  // What the engine misreads as text is kept from it: ellipses (put back after reading), icons,
  // codes and the outlines of fields.
  const { ellipses, steps } = setMarksApart(pre.raster, pre.lineHeight * pre.scale, { lightText: pre.stats.classification === 'screenshot' });
  pre.steps.push(...steps);
  throwIfCancelled(options.signal);
  const psm = options.psm ?? choosePageSegMode(pre.stats);
  report('recognize', 0.15);
  const raw = await engine.recognize({ kind: 'raster', raster: pre.raster }, {
    lang: options.lang,
    psm,
    // Upscaled screenshots are rendered at ~96 dpi × scale; scans and photos at ~300.
    dpi: 300,
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: (p) => report('recognize', 0.15 + 0.8 * p),
  });
  throwIfCancelled(options.signal);
  const kept = dropStatusBarIcons(dropGraphicWords(dropOverlaidWords(barsAsPronoun(dropBlankWords(raw, pre.raster)))));
  const weak = await rereadWeakLines(kept, pre.raster, engine, options.lang, options.signal);
  // Read receipts go before small text is read again: ticks beside a time make it look tall.
  const reread = await rereadSmallText(dropReadReceipts(await rereadSideBySide(weak, pre.raster, engine, options.lang, options.signal)), pre.raster, engine, options.lang, options.signal);
  throwIfCancelled(options.signal);
  // What was dropped as pictures is not looked for again as text left out; status-bar icons
  // the first reading missed can be found there, and are dropped again.
  const dropped = raw.words.filter((w) => !kept.words.includes(w));
  const found = placeEllipses(await readMissedText(reread, pre.raster, engine, options.lang, options.signal, dropped, pre.stats.classification === 'photo'), ellipses);
  // Second readings can read a character twice again (a reading of part of it over the whole).
  const rows = orderByRows(dropStrayClosingQuotes(dropReadReceipts(chatTimeColons(dropStatusBarIcons(dropOverlaidWords(found))))));
  // Chevrons are judged on whole rows: an amount and its disclosure arrow can be a line apart from their label.
  const checked = correctKnownNames(dropChevrons(rows));
  throwIfCancelled(options.signal);
  report('postprocess', 0.96);
  const clean = postprocess(checked, (box) => mapBoxToSource(box, pre));
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

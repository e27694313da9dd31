/**
 * OCR of one file under Node (CLI, benchmarks): images go through the shared pipeline, PDFs give
 * their embedded text per page and have pages without text rendered and recognised.
 */
import { readFile, stat } from 'node:fs/promises';
import { ocrRaster, type PageOcr } from '../../shared/ocr/pipeline';
import type { CancelSignal, OcrProgress } from '../../shared/ocr/engine';
import { cleanText } from '../../shared/ocr/postprocess';
import { decodeImage } from './decode';
import { ImageInputError, readImageHeader } from '../../shared/evidence/image-header';
import { openPdf } from './pdf';
import type { NodeOcrEngine } from './tesseract-node';
import { mark, profiling } from './profile';

/** Largest input file accepted (bytes). */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
/** Pages whose text layer has fewer non-space characters than this are treated as scans. */
export const MIN_TEXT_LAYER_CHARS = 8;

/** One page of a file's OCR; `source` tells embedded PDF text from recognition. */
export type FilePage = PageOcr & { page: number; source: 'ocr' | 'pdf-text' };

/** The OCR of a whole file. */
export interface FileOcr {
  text: string;
  confidence: number;
  lang: string;
  pages: FilePage[];
}

/** Options of {@link ocrFile}. */
export interface OcrFileOptions {
  lang: string;
  signal?: CancelSignal;
  onProgress?: (p: OcrProgress) => void;
}

/** Reads a file fully, refusing directories, empty and oversized files with clear reasons. */
export async function readInputFile(path: string): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new ImageInputError(code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? String(e)})`);
  }
  if (info.isDirectory()) throw new ImageInputError('is a directory, not a file');
  if (info.size === 0) throw new ImageInputError('empty file');
  if (info.size > MAX_FILE_BYTES) throw new ImageInputError(`file too large (${Math.round(info.size / 1048576)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB)`);
  try {
    return new Uint8Array(await readFile(path));
  } catch (e) {
    throw new ImageInputError(`cannot read (${(e as { code?: string }).code ?? String(e)})`);
  }
}

/** OCRs an image or PDF given as bytes. Invalid input fails with {@link ImageInputError}. */
export async function ocrBytes(bytes: Uint8Array, engine: NodeOcrEngine, options: OcrFileOptions): Promise<FileOcr> {
  const header = readImageHeader(bytes);
  const pages: FilePage[] = [];
  const base = { lang: options.lang, ...(options.signal ? { signal: options.signal } : {}) };
  if (header.format !== 'pdf') {
    // Load the engine while the image is decoded and preprocessed.
    engine.prepare(options.lang, header.width * header.height);
    mark('decode: start');
    const decoded = await decodeImage(bytes);
    mark(`decode: done (${decoded.raster.width}×${decoded.raster.height})`);
    const onProgress = profiling() ? profileStages(options.onProgress) : options.onProgress;
    const page = await ocrRaster(decoded, engine, { ...base, ...(onProgress ? { onProgress } : {}) });
    pages.push({ ...page, page: 1, source: 'ocr' });
  } else {
    const pdf = await openPdf(bytes);
    try {
      for (let n = 1; n <= pdf.pageCount; n++) {
        const src = await pdf.page(n);
        if (src.text.replace(/\s+/g, '').length >= MIN_TEXT_LAYER_CHARS) {
          const text = cleanText(src.text);
          pages.push({
            page: n, source: 'pdf-text', width: Math.round(src.widthPt), height: Math.round(src.heightPt), text, confidence: 100,
            words: [], lines: [], lang: options.lang, psm: 'auto', kind: 'note', preprocessing: [], scale: 1,
          });
          continue;
        }
        // The page is rendered at 300 dpi: its size tells whether a second recogniser pays.
        engine.prepare(options.lang, Math.round(src.widthPt * src.heightPt * (300 / 72) ** 2));
        options.onProgress?.({ stage: 'render-page', progress: (n - 1) / pdf.pageCount, page: n });
        const raster = await src.render(300);
        const page = await ocrRaster({ raster, orientation: 1 }, engine, {
          ...base,
          page: n,
          ...(options.onProgress ? { onProgress: (p: OcrProgress) => options.onProgress?.({ ...p, progress: (n - 1 + p.progress) / pdf.pageCount }) } : {}),
        });
        pages.push({ ...page, page: n, source: 'ocr' });
      }
    } finally {
      await pdf.close();
    }
  }
  const text = pages.map((p) => p.text).join('\n\n');
  const confidence = pages.length ? pages.reduce((s, p) => s + p.confidence, 0) / pages.length : 0;
  return { text, confidence: Math.round(confidence * 10) / 10, lang: options.lang, pages };
}

/** Wraps a progress callback so each pipeline stage change is marked in the profile. */
function profileStages(inner: ((p: OcrProgress) => void) | undefined): (p: OcrProgress) => void {
  let stage = '';
  return (p) => {
    if (p.stage !== stage) { stage = p.stage; mark(`pipeline: ${p.stage}`); }
    inner?.(p);
  };
}

/** OCRs an image or PDF file. */
export async function ocrFile(path: string, engine: NodeOcrEngine, options: OcrFileOptions): Promise<FileOcr> {
  const bytes = await readInputFile(path);
  mark('input read');
  return ocrBytes(bytes, engine, options);
}

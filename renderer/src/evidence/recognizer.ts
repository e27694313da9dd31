/**
 * Connects the OCR queue to the recognition engine: a small pool of OCR Web Workers (each holds
 * its language data in memory), with PDFs split into their embedded text and rendered scans.
 */
import type { OcrPage } from '../../../shared/case/schema';
import type { PageOcr } from '../../../shared/ocr/pipeline';
import { createOcrClient, type OcrClient } from '../ocr/ocr-client';
import type { Recognizer } from './ocr-queue';

function toPage(page: number, r: PageOcr): OcrPage {
  return {
    page, width: r.width, height: r.height, text: r.text, confidence: r.confidence, source: 'ocr',
    words: r.words.map((w) => ({ text: w.text, confidence: w.confidence, box: w.box })),
  };
}

/** A recognizer backed by up to `workers` OCR workers, started on first use. */
export function createRecognizer(workers: number, baseUrl: string = document.baseURI): Recognizer {
  const pool: Array<{ client: OcrClient; busy: number }> = [];
  const pick = () => {
    if (pool.length < workers && pool.every((p) => p.busy > 0)) pool.push({ client: createOcrClient(baseUrl), busy: 0 });
    return pool.reduce((a, b) => (b.busy < a.busy ? b : a));
  };
  const run = async (bytes: Uint8Array, mimeType: string, lang: string, signal: AbortSignal, onProgress: (p: number) => void) => {
    const slot = pick();
    slot.busy += 1;
    try {
      return await slot.client.recognize({ bytes, mimeType, lang }, { signal, onProgress: (p) => onProgress(p.progress) });
    } finally {
      slot.busy -= 1;
    }
  };

  return async ({ bytes, mimeType, lang }, { signal, onProgress }) => {
    if (mimeType === 'application/pdf') {
      const { readPdfPages } = await import('./pdf-pages');
      const pdfPages = await readPdfPages(bytes, baseUrl, signal);
      const pages: OcrPage[] = [];
      for (const [i, p] of pdfPages.entries()) {
        if (p.kind === 'text') pages.push(p.ocr);
        else pages.push(toPage(p.page, await run(p.png, 'image/png', lang, signal, (x) => onProgress((i + x) / pdfPages.length))));
        onProgress((i + 1) / pdfPages.length);
      }
      const confidence = pages.length ? pages.reduce((n, p) => n + p.confidence, 0) / pages.length : 0;
      return { lang, pages, rawText: pages.map((p) => p.text).join('\n\f\n'), confidence };
    }
    const result = await run(bytes, mimeType, lang, signal, onProgress);
    return { lang, pages: [toPage(1, result)], rawText: result.text, confidence: result.confidence, kindGuess: result.kind };
  };
}

/**
 * PDFs in the app: a digital page gives its own text; a scanned page (little or no text) is
 * rendered to an image for OCR. pdf.js runs its parser in its own worker served by the app and
 * never evaluates scripts embedded in a PDF.
 */
import type { OcrPage } from '../../../shared/case/schema';

/** A page of a PDF: either its embedded text, or an image to recognise. */
export type PdfPage =
  | { page: number; kind: 'text'; ocr: OcrPage }
  | { page: number; kind: 'image'; png: Uint8Array; width: number; height: number };

/** Fewer embedded characters than this and the page is treated as scanned. */
const MIN_TEXT_CHARS = 20;
/** Rendering scale for scanned pages (≈ 216 dpi for A4 at 72 pt per inch). */
const RENDER_SCALE = 3;

/** Reads every page of a PDF; `signal` stops between pages. */
export async function readPdfPages(bytes: Uint8Array, baseUrl: string, signal?: AbortSignal): Promise<PdfPage[]> {
  const pdfjs = await import('pdfjs-dist');
  pdfjs.GlobalWorkerOptions.workerSrc = new URL('vendor/pdfjs/pdf.worker.min.mjs', baseUrl).href;
  const task = pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, enableXfa: false, stopAtErrors: false });
  const doc = await task.promise;
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      if (signal?.aborted) throw new DOMException('cancelled', 'AbortError');
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items = content.items.filter((i): i is Extract<typeof i, { str: string }> => 'str' in i);
      const text = items.map((i) => i.str + (i.hasEOL ? '\n' : '')).join('');
      if (text.replace(/\s+/g, '').length >= MIN_TEXT_CHARS) {
        pages.push({
          page: n,
          kind: 'text',
          ocr: {
            page: n, width: viewport.width, height: viewport.height, text, confidence: 100, source: 'embedded',
            words: items.filter((i) => i.str.trim()).map((i) => ({
              text: i.str,
              confidence: 100,
              box: { x: Math.max(0, i.transform[4]), y: Math.max(0, viewport.height - i.transform[5] - i.height), w: Math.max(0, i.width), h: Math.max(0, i.height) },
            })),
          },
        });
      } else {
        const scaled = page.getViewport({ scale: RENDER_SCALE });
        const canvas = new OffscreenCanvas(Math.ceil(scaled.width), Math.ceil(scaled.height));
        const ctx = canvas.getContext('2d');
        if (!ctx) throw new Error('no 2D canvas');
        ctx.fillStyle = '#fff';
        ctx.fillRect(0, 0, canvas.width, canvas.height);
        await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: ctx as unknown as CanvasRenderingContext2D, viewport: scaled }).promise;
        const blob = await canvas.convertToBlob({ type: 'image/png' });
        pages.push({ page: n, kind: 'image', png: new Uint8Array(await blob.arrayBuffer()), width: canvas.width, height: canvas.height });
      }
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

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

async function openPdf(bytes: Uint8Array, baseUrl: string) {
  const pdfjs = await import('pdfjs-dist');
  pdfjs.GlobalWorkerOptions.workerSrc = new URL('vendor/pdfjs/pdf.worker.min.mjs', baseUrl).href;
  return pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, enableXfa: false, stopAtErrors: false }).promise;
}

type PdfDoc = Awaited<ReturnType<typeof openPdf>>;

/** Renders one page to an image of about `width` pixels (for previews and scans). */
async function renderPage(doc: PdfDoc, n: number, scale: number, type: 'image/png' | 'image/jpeg'): Promise<{ bytes: Uint8Array; width: number; height: number }> {
  const page = await doc.getPage(n);
  const viewport = page.getViewport({ scale });
  const canvas = new OffscreenCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: ctx as unknown as CanvasRenderingContext2D, viewport }).promise;
  page.cleanup();
  const blob = await canvas.convertToBlob(type === 'image/jpeg' ? { type, quality: 0.82 } : { type });
  return { bytes: new Uint8Array(await blob.arrayBuffer()), width: canvas.width, height: canvas.height };
}

/** Page count and a JPEG of the first page about `side` pixels wide, for the exhibit list. */
export async function pdfThumbnail(bytes: Uint8Array, baseUrl: string, side = 360): Promise<{ pageCount: number; mimeType: string; bytes: Uint8Array }> {
  const doc = await openPdf(bytes, baseUrl);
  try {
    const first = await doc.getPage(1);
    const scale = side / Math.max(first.getViewport({ scale: 1 }).width, 1);
    const image = await renderPage(doc, 1, scale, 'image/jpeg');
    return { pageCount: doc.numPages, mimeType: 'image/jpeg', bytes: image.bytes };
  } finally {
    await doc.destroy();
  }
}

/** PNG images of the first `maxPages` pages, for the exhibit view. */
export async function pdfPreview(bytes: Uint8Array, baseUrl: string, maxPages = 12): Promise<Array<{ page: number; bytes: Uint8Array; width: number; height: number }>> {
  const doc = await openPdf(bytes, baseUrl);
  try {
    const out = [];
    for (let n = 1; n <= Math.min(doc.numPages, maxPages); n++) out.push({ page: n, ...(await renderPage(doc, n, 1.5, 'image/png')) });
    return out;
  } finally {
    await doc.destroy();
  }
}

/** Reads every page of a PDF; `signal` stops between pages. */
export async function readPdfPages(bytes: Uint8Array, baseUrl: string, signal?: AbortSignal): Promise<PdfPage[]> {
  const doc = await openPdf(bytes, baseUrl);
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
        const image = await renderPage(doc, n, RENDER_SCALE, 'image/png');
        pages.push({ page: n, kind: 'image', png: image.bytes, width: image.width, height: image.height });
      }
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/**
 * PDF input for OCR under Node (pdfjs-dist legacy build): pages with an embedded text layer give
 * that text; pages without one (scans) are rendered — pdfjs-dist 5 renders in Node through
 * @napi-rs/canvas, which it brings along as an optional dependency — and go through the same
 * OCR pipeline as images.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ImageInputError } from '../../shared/evidence/image-header';
import type { RgbaRaster } from '../../shared/ocr/raster';

const require = createRequire(import.meta.url);

/** One page: its embedded text, and a renderer for when that text is missing. */
export interface PdfPageSource {
  page: number;
  /** Page size in PDF points. */
  widthPt: number;
  heightPt: number;
  /** Embedded text (lines joined with \n), possibly empty. */
  text: string;
  /** Renders the page to RGBA at `dpi` (bounded to `maxPixels`). */
  render(dpi: number, maxPixels?: number): Promise<RgbaRaster>;
}

/** An opened PDF. */
export interface PdfSource {
  pageCount: number;
  page(n: number): Promise<PdfPageSource>;
  close(): Promise<void>;
}

interface TextItemLike { str?: string; hasEOL?: boolean }

/**
 * Opens a PDF. Password-protected and unreadable files fail with an {@link ImageInputError}
 * carrying the user-facing reason.
 */
export async function openPdf(bytes: Uint8Array): Promise<PdfSource> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const root = dirname(require.resolve('pdfjs-dist/package.json'));
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  try {
    doc = await pdfjs.getDocument({
      // pdfjs takes ownership of (detaches) the buffer it is given: hand it a copy.
      data: new Uint8Array(bytes),
      cMapUrl: join(root, 'cmaps') + '/',
      cMapPacked: true,
      standardFontDataUrl: join(root, 'standard_fonts') + '/',
      isEvalSupported: false,
      disableFontFace: true,
      stopAtErrors: false,
      verbosity: 0,
    }).promise;
  } catch (e) {
    const name = e instanceof Error ? e.name : '';
    if (name === 'PasswordException') throw new ImageInputError('PDF is password-protected (encrypted); remove the password first');
    const message = e instanceof Error ? e.message : String(e);
    throw new ImageInputError(`broken or unreadable PDF (${message})`);
  }
  return {
    pageCount: doc.numPages,
    async page(n) {
      const page = await doc.getPage(n);
      const view = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items as TextItemLike[]) {
        text += item.str ?? '';
        if (item.hasEOL) text += '\n';
      }
      return {
        page: n,
        widthPt: view.width,
        heightPt: view.height,
        text: text.replace(/[ \t]+\n/g, '\n').trim(),
        async render(dpi, maxPixels = 12_000_000) {
          let scale = dpi / 72;
          const px = view.width * view.height * scale * scale;
          if (px > maxPixels) scale *= Math.sqrt(maxPixels / px);
          const viewport = page.getViewport({ scale });
          const w = Math.max(1, Math.ceil(viewport.width));
          const h = Math.max(1, Math.ceil(viewport.height));
          const factory = doc.canvasFactory as { create(w: number, h: number): { canvas: unknown; context: { fillStyle: string; fillRect(x: number, y: number, w: number, h: number): void; getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } } };
          let made: ReturnType<typeof factory.create>;
          try {
            made = factory.create(w, h);
          } catch (e) {
            throw new ImageInputError(`cannot render scanned PDF pages here: @napi-rs/canvas is not available (${e instanceof Error ? e.message : String(e)})`);
          }
          made.context.fillStyle = '#ffffff';
          made.context.fillRect(0, 0, w, h);
          await page.render({ canvasContext: made.context as never, canvas: made.canvas as never, viewport }).promise;
          const data = made.context.getImageData(0, 0, w, h).data;
          return { width: w, height: h, data: new Uint8ClampedArray(data) };
        },
      };
    },
    close: () => doc.destroy(),
  };
}

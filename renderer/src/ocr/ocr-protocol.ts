/** Messages between the page and the OCR Web Worker. */
import type { OcrProgress } from '../../../shared/ocr/engine';
import type { PageOcr } from '../../../shared/ocr/pipeline';

/** Page → worker. */
export type ToOcrWorker =
  | {
      type: 'recognize';
      id: number;
      /** Encoded image (PNG, JPEG, GIF, BMP, WebP); transferred, not copied. */
      bytes: ArrayBuffer;
      mimeType: string;
      lang: string;
      /** The page's base URL: vendor paths are relative to the page, not to the worker script. */
      baseUrl: string;
    }
  | { type: 'cancel'; id: number };

/** Worker → page. */
export type FromOcrWorker =
  | { type: 'progress'; id: number; progress: OcrProgress }
  | { type: 'done'; id: number; result: PageOcr }
  | { type: 'error'; id: number; message: string; cancelled: boolean };

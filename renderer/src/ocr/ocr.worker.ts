/// <reference lib="webworker" />
/**
 * The OCR Web Worker: decodes images with createImageBitmap/OffscreenCanvas (EXIF orientation
 * applied by the browser) and runs the shared pipeline with tesseract.js, so the page never
 * freezes. Jobs run one at a time; a worker-wide engine is reused between them.
 */
import { OcrCancelledError } from '../../../shared/ocr/engine';
import { ocrRaster, type DecodedImage } from '../../../shared/ocr/pipeline';
import type { FromOcrWorker, ToOcrWorker } from './ocr-protocol';
import { createBrowserOcrEngine } from './tesseract-browser';

declare const self: DedicatedWorkerGlobalScope;

let engine: ReturnType<typeof createBrowserOcrEngine> | undefined;
const controllers = new Map<number, AbortController>();
let queue: Promise<void> = Promise.resolve();

const post = (message: FromOcrWorker) => self.postMessage(message);

async function decode(bytes: ArrayBuffer, mimeType: string): Promise<DecodedImage> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([bytes], { type: mimeType }), { imageOrientation: 'from-image' });
  } catch {
    throw new Error('not a readable image (truncated, corrupt or unsupported format)');
  }
  try {
    if (bitmap.width * bitmap.height > 100_000_000) throw new Error(`image too large (${bitmap.width}×${bitmap.height} px)`);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('no 2D canvas in this browser');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, bitmap.width, bitmap.height);
    ctx.drawImage(bitmap, 0, 0);
    const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    // The bitmap is already upright ('from-image'), so the pipeline must not rotate it again.
    return { raster: { width: bitmap.width, height: bitmap.height, data }, orientation: 1 };
  } finally {
    bitmap.close();
  }
}

async function recognize(message: Extract<ToOcrWorker, { type: 'recognize' }>): Promise<void> {
  const controller = controllers.get(message.id);
  if (!controller || controller.signal.aborted) {
    post({ type: 'error', id: message.id, message: 'cancelled', cancelled: true });
    return;
  }
  try {
    engine ??= createBrowserOcrEngine(message.baseUrl);
    engine.prepare(message.lang);
    post({ type: 'progress', id: message.id, progress: { stage: 'decode', progress: 0 } });
    const image = await decode(message.bytes, message.mimeType);
    const result = await ocrRaster(image, engine, {
      lang: message.lang,
      signal: controller.signal,
      onProgress: (progress) => post({ type: 'progress', id: message.id, progress }),
    });
    post({ type: 'done', id: message.id, result });
  } catch (e) {
    const cancelled = e instanceof OcrCancelledError || controller.signal.aborted;
    post({ type: 'error', id: message.id, message: cancelled ? 'cancelled' : e instanceof Error ? e.message : String(e), cancelled });
  } finally {
    controllers.delete(message.id);
  }
}

self.onmessage = (event: MessageEvent<ToOcrWorker>) => {
  const message = event.data;
  if (message.type === 'cancel') {
    controllers.get(message.id)?.abort();
    return;
  }
  controllers.set(message.id, new AbortController());
  queue = queue.then(() => recognize(message));
};

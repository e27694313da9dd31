/**
 * Typed client of the OCR Web Worker: `recognize` posts one image and resolves with the page's
 * OCR; progress arrives through the callback; aborting the signal cancels the job (the worker
 * stops its engine at once and stays usable for the next job).
 */
import type { OcrProgress } from '../../../shared/ocr/engine';
import type { PageOcr } from '../../../shared/ocr/pipeline';
import type { FromOcrWorker, ToOcrWorker } from './ocr-protocol';

/** A job failed (not cancelled): `message` says why, in the worker's words. */
export class OcrJobError extends Error {
  override name = 'OcrJobError';
}

/** One OCR Web Worker and its jobs. */
export interface OcrClient {
  recognize(
    image: { bytes: Uint8Array; mimeType: string; lang: string },
    options?: { signal?: AbortSignal; onProgress?: (p: OcrProgress) => void },
  ): Promise<PageOcr>;
  /** Stops the worker; pending jobs reject. */
  terminate(): void;
}

/** Starts an OCR worker. `baseUrl` defaults to the page's base URL (vendor files live there). */
export function createOcrClient(baseUrl: string = document.baseURI): OcrClient {
  const worker = new Worker(new URL('./ocr.worker.ts', import.meta.url), { type: 'module' });
  let nextId = 1;
  const jobs = new Map<number, { resolve: (r: PageOcr) => void; reject: (e: unknown) => void; onProgress?: (p: OcrProgress) => void }>();

  worker.onmessage = (event: MessageEvent<FromOcrWorker>) => {
    const message = event.data;
    const job = jobs.get(message.id);
    if (!job) return;
    if (message.type === 'progress') { job.onProgress?.(message.progress); return; }
    jobs.delete(message.id);
    if (message.type === 'done') job.resolve(message.result);
    else job.reject(message.cancelled ? new DOMException('cancelled', 'AbortError') : new OcrJobError(message.message));
  };
  worker.onerror = (event) => {
    for (const job of jobs.values()) job.reject(new OcrJobError(event.message || 'the OCR worker stopped'));
    jobs.clear();
  };

  return {
    recognize(image, options = {}) {
      const id = nextId++;
      return new Promise<PageOcr>((resolve, reject) => {
        if (options.signal?.aborted) { reject(new DOMException('cancelled', 'AbortError')); return; }
        jobs.set(id, { resolve, reject, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
        options.signal?.addEventListener('abort', () => worker.postMessage({ type: 'cancel', id } satisfies ToOcrWorker), { once: true });
        // Copy into a buffer of our own so transferring it cannot detach the caller's bytes.
        const bytes = image.bytes.slice().buffer;
        worker.postMessage({ type: 'recognize', id, bytes, mimeType: image.mimeType, lang: image.lang, baseUrl } satisfies ToOcrWorker, [bytes]);
      });
    },
    terminate() {
      worker.terminate();
      for (const job of jobs.values()) job.reject(new DOMException('cancelled', 'AbortError'));
      jobs.clear();
    },
  };
}

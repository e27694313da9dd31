/**
 * tesseract.js in the browser as an {@link OcrEngine}: the engine's own worker, wasm core and
 * language data are served by the app itself (copied into vendor/ at build time), never fetched
 * from a CDN, never cached in IndexedDB. The page's tesseract worker is reused while its language
 * list stays the same.
 */
import { createWorker, type Worker as TesseractWorker } from 'tesseract.js';
import { OcrCancelledError, PSM_CODE, type OcrEngine, type OcrInput, type OcrResult, type RecognizeOptions } from '../../../shared/ocr/engine';
import { encodePgm } from '../../../shared/ocr/raster';
import { pageToResult } from '../../../shared/ocr/engine-page';
import { tesseractCoreBuild, WASM_SIMD_PROBE } from '../../../shared/ocr/core-build';

/** Where the vendor files live, relative to the page. */
export const VENDOR_PATHS = { workerPath: 'vendor/tesseract/worker.min.js', corePath: 'vendor/tesseract-core', langPath: 'vendor/lang' } as const;

/**
 * Creates the browser engine; `baseUrl` is the page's URL the vendor paths are relative to.
 * `create` starts a tesseract.js worker (tesseract.js's own; another only in tests).
 */
export function createBrowserOcrEngine(baseUrl: string, create: typeof createWorker = createWorker): OcrEngine & { prepare(lang: string): void } {
  const url = (path: string) => new URL(path, baseUrl).href;
  /**
   * Workers by language: the page's and one other's. Second readings in a language of their own
   * (a table cell read again with the Chinese model alone) get a worker beside the page's rather
   * than one that replaces it: the page's would be started again, language data and all, for its
   * next reading.
   */
  const workers = new Map<string, Promise<TesseractWorker>>();
  /** The page's languages: the last prepared for, else the first read in. */
  let pageLang: string | undefined;
  let progressSink: ((p: number) => void) | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  /** Stops the workers of languages other than `keep`. */
  const stopAllBut = (keep: string) => {
    for (const [lang, worker] of [...workers]) {
      if (lang === keep) continue;
      workers.delete(lang);
      void worker.then((w) => w.terminate()).catch(() => {});
    }
  };

  const start = (lang: string): Promise<TesseractWorker> => {
    pageLang ??= lang;
    const running = workers.get(lang);
    if (running) return running;
    // One other language at a time beside the page's.
    stopAllBut(pageLang);
    const worker = (async () => {
      const w = await create(lang, 1, {
        workerPath: url(VENDOR_PATHS.workerPath),
        // One named build rather than the folder: tesseract.js would pick relaxed SIMD where the
        // CPU has it, whose results vary between machines (see shared/ocr/core-build.ts).
        corePath: url(`${VENDOR_PATHS.corePath}/${tesseractCoreBuild(WebAssembly.validate(WASM_SIMD_PROBE))}.wasm.js`),
        langPath: url(VENDOR_PATHS.langPath),
        workerBlobURL: false,
        cacheMethod: 'none',
        gzip: true,
        logger: (m) => { if (m.status === 'recognizing text') progressSink?.(m.progress); },
        errorHandler: () => {},
      }, { debug_file: '/dev/null' } as unknown as Partial<Tesseract.InitOptions>);
      await w.setParameters({ preserve_interword_spaces: '1', tessedit_do_invert: '0' } as Partial<Tesseract.WorkerParams>);
      return w;
    })();
    workers.set(lang, worker);
    return worker;
  };

  const kill = async () => {
    const all = [...workers.values()];
    workers.clear();
    pageLang = undefined;
    await Promise.all(all.map(async (w) => (await w.catch(() => undefined))?.terminate()));
  };

  return {
    prepare(lang) {
      // A page in other languages: the last page's workers are stopped.
      stopAllBut(lang);
      pageLang = lang;
      void start(lang).catch(() => {});
    },
    recognize(input, options) {
      // One at a time: a call's parameters are set on the worker before its image is sent, and
      // a call overlapping it would set its own in between.
      const turn = queue.then(() => recognizeNow(input, options));
      queue = turn.catch(() => {});
      return turn;
    },
    dispose: kill,
  };

  async function recognizeNow(input: OcrInput, options: RecognizeOptions): Promise<OcrResult> {
    if (options.signal?.aborted) throw new OcrCancelledError();
    const worker = await start(options.lang);
    await worker.setParameters({
      tessedit_pageseg_mode: PSM_CODE[options.psm ?? 'auto'] as Tesseract.PSM,
      ...(options.dpi ? { user_defined_dpi: String(options.dpi) } : {}),
      // Set on every call: a worker keeps its parameters from one page to the next.
      tessedit_char_blacklist: options.blacklist ?? '',
    });
    const bytes = input.kind === 'raster' ? encodePgm(input.raster) : input.bytes;
    progressSink = options.onProgress;
    let onAbort: (() => void) | undefined;
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => { void kill(); reject(new OcrCancelledError()); };
      options.signal?.addEventListener('abort', onAbort, { once: true });
    });
    try {
      const { data } = await Promise.race([worker.recognize(bytes as unknown as Tesseract.ImageLike, {}, { text: true, blocks: true }), aborted]);
      return pageToResult(data);
    } finally {
      progressSink = undefined;
      if (onAbort) options.signal?.removeEventListener('abort', onAbort);
    }
  }
}

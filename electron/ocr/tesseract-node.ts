/**
 * tesseract.js-core under Node as an {@link OcrEngine}: one worker thread (tesseract-worker.mjs)
 * reused across pages (re-created only when the language list changes) that loads the wasm core,
 * the bundled 4.0.0_best_int language data and initialises the recogniser on its own as soon as
 * it starts, while the main thread decodes and preprocesses. Language data is read decompressed
 * from dist/tessdata when the build prepared it, else from the @tesseract.js-data packages' gzip.
 * Nothing is cached or written next to the user's files; the engine's diagnostics stay off stderr.
 */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Page, Bbox } from 'tesseract.js';
import {
  OcrCancelledError,
  PSM_CODE,
  parseOcrLang,
  type OcrEngine,
  type OcrInput,
  type OcrLine,
  type OcrResult,
  type RecognizeOptions,
} from '../../shared/ocr/engine';
import { encodePgm, type Box } from '../../shared/ocr/raster';
import { mark, recordSpan } from './profile';

const require = createRequire(import.meta.url);

/** Folder holding `<lang>.traineddata.gz` for one bundled language. */
export function langDataDir(lang: string): string {
  return join(dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`)), '4.0.0_best_int');
}

/**
 * Folders where the build leaves decompressed language data (see electron/build/build-node.mjs):
 * dist/tessdata seen from the bundled CLI (dist/cli/chunks) and from the sources (electron/ocr).
 */
const DECOMPRESSED_DIRS = ['../../tessdata', '../../dist/tessdata'].map((rel) => fileURLToPath(new URL(rel, import.meta.url)));

/**
 * The traineddata file to load for a language: the build's decompressed copy when present (saves
 * a gunzip per run), else the package's gzip file.
 */
export function langDataFile(lang: string): string {
  for (const dir of DECOMPRESSED_DIRS) {
    const file = join(dir, `${lang}.traineddata`);
    if (existsSync(file)) return file;
  }
  return join(langDataDir(lang), `${lang}.traineddata.gz`);
}

// Feature probes (the same tiny modules wasm-feature-detect validates).
const RELAXED_SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 15, 1, 13, 0, 65, 1, 253, 15, 65, 2, 253, 15, 253, 128, 2, 11]);
const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);

/** The fastest LSTM-only core this runtime can run (relaxed SIMD, SIMD, plain). */
export function coreFile(): string {
  const variant = WebAssembly.validate(RELAXED_SIMD_PROBE) ? 'relaxedsimd-lstm' : WebAssembly.validate(SIMD_PROBE) ? 'simd-lstm' : 'lstm';
  return require.resolve(`tesseract.js-core/tesseract-core-${variant}.js`);
}

/** The worker script: next to this module in the sources, copied next to the chunk by the build. */
function workerFile(): string {
  const file = fileURLToPath(new URL('./tesseract-worker.mjs', import.meta.url));
  if (!existsSync(file)) throw new Error(`OCR worker script missing: ${file} (run node electron/build/build-node.mjs)`);
  return file;
}

/**
 * Init-time parameters: engine diagnostics such as "Estimating resolution…" would otherwise reach
 * our stderr.
 */
const INIT_CONFIG = { debug_file: '/dev/null' };
/**
 * Parameters for every page. Inverted (light-on-dark) regions are turned around in preprocessing,
 * so the engine's own second pass over every doubtful line with inverted colours is wasted time.
 */
const PAGE_PARAMS = { preserve_interword_spaces: '1', tessedit_do_invert: '0' };

const toBox = (b: Bbox): Box => ({ x: b.x0, y: b.y0, w: Math.max(0, b.x1 - b.x0), h: Math.max(0, b.y1 - b.y0) });

/** Converts tesseract's page (its JSON blocks) into the engine-neutral result. */
export function pageToResult(page: Pick<Page, 'text' | 'confidence' | 'blocks'>): OcrResult {
  const lines: OcrLine[] = [];
  for (const block of page.blocks ?? []) {
    for (const para of block.paragraphs) {
      for (const line of para.lines) {
        lines.push({
          text: line.text.trim(),
          confidence: line.confidence,
          box: toBox(line.bbox),
          words: line.words.map((w) => ({ text: w.text, confidence: w.confidence, box: toBox(w.bbox) })),
        });
      }
    }
  }
  return { text: page.text, confidence: page.confidence, words: lines.flatMap((l) => l.words), lines };
}

/** Messages of tesseract-worker.mjs. */
type WorkerTiming = { name: string; start: number; end: number };
type WorkerMessage =
  | { type: 'ready'; timings: WorkerTiming[] }
  | { type: 'failed'; error: string }
  | { type: 'progress'; id: number; progress: number }
  | { type: 'result'; id: number; text: string; confidence: number; blocks: Page['blocks']; timings: WorkerTiming[] }
  | { type: 'error'; id: number; error: string };

/** One started worker thread and its pending recognitions. */
interface EngineThread {
  lang: string;
  ready: Promise<void>;
  recognize(image: Uint8Array, params: Record<string, string>, onProgress?: (p: number) => void): Promise<Pick<Page, 'text' | 'confidence' | 'blocks'>>;
  terminate(): Promise<void>;
}

function startThread(lang: string): EngineThread {
  const parsed = parseOcrLang(lang);
  if (!parsed.ok) throw new Error(parsed.error);
  mark('engine: worker spawn');
  const worker = new Worker(workerFile(), {
    workerData: {
      corePath: coreFile(),
      langs: parsed.langs.map((code) => ({ code, file: langDataFile(code) })),
      config: INIT_CONFIG,
      params: PAGE_PARAMS,
    },
    // The engine writes nothing worth showing; keep its stdout/stderr away from ours.
    stdout: true,
    stderr: true,
  });
  const pending = new Map<number, { resolve: (page: Pick<Page, 'text' | 'confidence' | 'blocks'>) => void; reject: (e: Error) => void; onProgress?: (p: number) => void }>();
  let nextId = 1;
  let fatal: Error | undefined;
  let markReady: () => void = () => {};
  let failReady: (e: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => { markReady = resolve; failReady = reject; });
  ready.catch(() => {});
  const failAll = (e: Error) => {
    fatal ??= e;
    failReady(e);
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  const toMs = (t: number) => t - performance.timeOrigin;
  worker.on('message', (m: WorkerMessage) => {
    if ('timings' in m) for (const t of m.timings) recordSpan(`engine: ${t.name}`, toMs(t.start), toMs(t.end));
    if (m.type === 'ready') { mark('engine: ready (seen by main thread)'); markReady(); }
    else if (m.type === 'failed') failAll(new Error(m.error));
    else if (m.type === 'progress') pending.get(m.id)?.onProgress?.(m.progress);
    else {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.type === 'result') p?.resolve({ text: m.text, confidence: m.confidence, blocks: m.blocks });
      else p?.reject(new Error(m.error));
    }
  });
  worker.on('error', (e) => failAll(e));
  worker.on('exit', (code) => failAll(new Error(`OCR worker stopped (exit code ${code})`)));
  return {
    lang,
    ready,
    recognize(image, params, onProgress) {
      if (fatal) return Promise.reject(fatal);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, ...(onProgress ? { onProgress } : {}) });
        worker.postMessage({ id, image, params }, [image.buffer as ArrayBuffer]);
      });
    },
    async terminate() {
      fatal ??= new OcrCancelledError();
      await worker.terminate();
    },
  };
}

/** The Node engine; also offers {@link NodeOcrEngine.prepare} to start the worker early. */
export interface NodeOcrEngine extends OcrEngine {
  /** Starts loading the worker and language data for `lang` (overlaps decoding/preprocessing). */
  prepare(lang: string): void;
}

/** Creates the Node tesseract engine. */
export function createNodeOcrEngine(): NodeOcrEngine {
  let current: EngineThread | undefined;

  const start = (lang: string): EngineThread => {
    if (current?.lang === lang) return current;
    const previous = current;
    current = undefined;
    void previous?.terminate();
    current = startThread(lang);
    return current;
  };

  const kill = async () => {
    const c = current;
    current = undefined;
    await c?.terminate();
  };

  return {
    prepare(lang) {
      start(lang);
    },
    async recognize(input: OcrInput, options: RecognizeOptions): Promise<OcrResult> {
      if (options.signal?.aborted) throw new OcrCancelledError();
      const thread = start(options.lang);
      const bytes = input.kind === 'raster' ? encodePgm(input.raster) : input.bytes.slice();
      let onAbort: (() => void) | undefined;
      const aborted = new Promise<never>((_, reject) => {
        onAbort = () => { void kill(); reject(new OcrCancelledError()); };
        options.signal?.addEventListener('abort', onAbort, { once: true });
      });
      aborted.catch(() => {});
      try {
        const job = thread.recognize(bytes, {
          tessedit_pageseg_mode: PSM_CODE[options.psm ?? 'auto'],
          ...(options.dpi ? { user_defined_dpi: String(options.dpi) } : {}),
        }, options.onProgress);
        const page = await Promise.race([job, aborted]);
        return pageToResult(page);
      } finally {
        if (onAbort) options.signal?.removeEventListener('abort', onAbort);
      }
    },
    dispose: kill,
  };
}

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
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Page } from 'tesseract.js';
import {
  OcrCancelledError,
  PSM_CODE,
  parseOcrLang,
  type OcrEngine,
  type OcrInput,
  type OcrResult,
  type RecognizeOptions,
} from '../../shared/ocr/engine';
import { pageToResult } from '../../shared/ocr/engine-page';
import { bandRaster, mergeBandResults, splitIntoBands, type Band } from '../../shared/ocr/bands';
import { tesseractCoreBuild, WASM_SIMD_PROBE } from '../../shared/ocr/core-build';
import { encodePgm } from '../../shared/ocr/raster';
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

/**
 * Where the build saves the initialised engine for `lang` ("chi_tra+eng"), next to the
 * decompressed language data: undefined when that folder is not there. The file is named after
 * the core build (a state holds that build's memory) and used only when it exists and was made
 * from the files and parameters the worker is given (tesseract-worker.mjs checks).
 */
export function engineStateFile(lang: string): string | undefined {
  const dir = DECOMPRESSED_DIRS.find((d) => existsSync(d));
  if (!dir) return undefined;
  const core = basename(coreFile()).replace(/\.js$/, '');
  return join(dir, `${core}.${lang}.state`);
}

/** The wasm core to load (see shared/ocr/core-build.ts: the same build as the app's). */
export function coreFile(): string {
  return require.resolve(`tesseract.js-core/${tesseractCoreBuild(WebAssembly.validate(WASM_SIMD_PROBE))}.js`);
}

/** The worker script: next to this module in the sources, copied next to the chunk by the build. */
export function workerFile(): string {
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

/** Messages of tesseract-worker.mjs. */
type WorkerTiming = { name: string; start: number; end: number };
type WorkerMessage =
  | { type: 'ready'; timings: WorkerTiming[]; from: 'saved' | 'init' }
  | { type: 'failed'; error: string }
  | { type: 'progress'; id: number; progress: number }
  | { type: 'result'; id: number; text: string; confidence: number; blocks: Page['blocks']; timings: WorkerTiming[] }
  | { type: 'error'; id: number; error: string };

/** One started worker thread and its pending recognitions. */
interface EngineThread {
  lang: string;
  ready: Promise<void>;
  recognize(image: Uint8Array, params: Record<string, string>, onProgress?: (p: number) => void): Promise<Pick<Page, 'text' | 'confidence' | 'blocks'>>;
  /** Recognitions sent and not yet answered. */
  busy(): number;
  /** Stops the thread once the recognitions sent to it are answered (at once when there are none). */
  retire(): void;
  terminate(): Promise<void>;
}

/**
 * How a thread's engine starts: `saved`, from the state the build saved when there is a usable
 * one (else it initialises); `init`, always by initialising; `save`, by initialising and saving
 * its state for later threads (the build).
 */
export type EngineStart = 'saved' | 'init' | 'save';

/** What tesseract-worker.mjs is started with for `lang`, its engine started as `start` says. */
export function engineWorkerData(lang: string, start: EngineStart = 'saved') {
  const parsed = parseOcrLang(lang);
  if (!parsed.ok) throw new Error(parsed.error);
  const state = start === 'init' ? undefined : engineStateFile(parsed.langs.join('+'));
  return {
    corePath: coreFile(),
    langs: parsed.langs.map((code) => ({ code, file: langDataFile(code) })),
    config: INIT_CONFIG,
    params: PAGE_PARAMS,
    ...(state ? (start === 'save' ? { saveState: state } : { state }) : {}),
  };
}

function startThread(lang: string, start: EngineStart = 'saved'): EngineThread {
  const workerData = engineWorkerData(lang, start);
  mark('engine: worker spawn');
  const worker = new Worker(workerFile(), {
    workerData,
    // The engine writes nothing worth showing; keep its stdout/stderr away from ours.
    stdout: true,
    stderr: true,
  });
  const pending = new Map<number, { resolve: (page: Pick<Page, 'text' | 'confidence' | 'blocks'>) => void; reject: (e: Error) => void; onProgress?: (p: number) => void }>();
  let nextId = 1;
  let fatal: Error | undefined;
  let retiring = false;
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
    if (m.type === 'ready') { mark(`engine: ready from ${m.from === 'saved' ? 'the saved state' : 'init'} (seen by main thread)`); markReady(); }
    else if (m.type === 'failed') failAll(new Error(m.error));
    else if (m.type === 'progress') pending.get(m.id)?.onProgress?.(m.progress);
    else {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.type === 'result') p?.resolve({ text: m.text, confidence: m.confidence, blocks: m.blocks });
      else p?.reject(new Error(m.error));
      if (retiring && !pending.size) void worker.terminate();
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
        // Copied, not transferred: detaching an ArrayBuffer (a transfer does) tells V8 that any
        // typed array may lose its memory, which throws away every optimised function reading
        // one (preprocessing's, and the labelling and rule searches used after the reading) and
        // makes them compile again. A page's image is a few megabytes: copying it takes a few ms.
        worker.postMessage({ id, image, params });
      });
    },
    busy: () => pending.size,
    retire() {
      retiring = true;
      if (!pending.size) void worker.terminate();
    },
    async terminate() {
      fatal ??= new OcrCancelledError();
      await worker.terminate();
    },
  };
}

/** The Node engine; also offers {@link NodeOcrEngine.prepare} to start the worker early. */
export interface NodeOcrEngine extends OcrEngine {
  /**
   * Starts loading the worker(s) and language data for `lang` (overlaps decoding and
   * preprocessing); `pixels`, the image's size when known, tells whether a second worker for
   * parallel bands will be worth starting. Until the next call, pages are cut into bands only
   * when it was: how a page is read depends on its image alone, not on what was read before.
   */
  prepare(lang: string, pixels?: number): void;
}

/** Options of {@link createNodeOcrEngine}. */
export interface NodeOcrEngineOptions {
  /** Most worker threads one page may use (default: 2 when the machine has 2 cores or more). */
  threads?: number;
  /**
   * Images with at least this many pixels get a second recogniser started by
   * {@link NodeOcrEngine.prepare} and are recognised as two bands in parallel (their processed
   * raster from a third of this size on: a sheet cut out of a large photo). Measured on the
   * fixtures (2 cores): smaller pages do not repay the second recogniser's start-up, which
   * competes with decoding and preprocessing for the same cores.
   */
  minParallelPixels?: number;
  /**
   * Start recognisers from the state the build saved (see {@link engineStateFile}) when it is
   * usable (default true); false: always initialise them.
   */
  savedState?: boolean;
  /** Called with its languages each time a recogniser thread is started. */
  onThreadStart?: (lang: string) => void;
}

/** Default for {@link NodeOcrEngineOptions.minParallelPixels}. */
export const MIN_PARALLEL_PIXELS = 600_000;

/** Creates the Node tesseract engine. */
export function createNodeOcrEngine(options: NodeOcrEngineOptions = {}): NodeOcrEngine {
  const maxThreads = Math.max(1, Math.min(2, options.threads ?? availableParallelism()));
  const minParallelPixels = options.minParallelPixels ?? MIN_PARALLEL_PIXELS;
  /** The page's languages: the last prepared for, else the first read in. */
  let lang: string | undefined;
  /**
   * Recognisers by language: the page's (up to `maxThreads`) and one other's. Second readings in
   * a language of their own (a table cell read again with the Chinese model alone) get a thread
   * beside the page's: stopping the page's threads for it, and starting them again for the next
   * reading in the page's languages, cost a photo 0.5–0.9 s.
   */
  const pools = new Map<string, EngineThread[]>();
  /** Whether the image last prepared for is large enough to be read in bands. */
  let large = false;

  /** Stops the threads of languages other than `keep` once they have answered what they were sent. */
  const retireAllBut = (keep: readonly string[]) => {
    for (const [l, pool] of pools) {
      if (keep.includes(l)) continue;
      for (const t of pool) t.retire();
      pools.delete(l);
    }
  };

  /** The first `count` threads for `wanted`, starting the missing ones. */
  const use = (wanted: string, count: number): EngineThread[] => {
    lang ??= wanted;
    let pool = pools.get(wanted);
    if (!pool) {
      // One other language at a time beside the page's.
      retireAllBut([lang, wanted]);
      pools.set(wanted, (pool = []));
    }
    const most = wanted === lang ? maxThreads : 1;
    while (pool.length < Math.min(count, most)) {
      pool.push(startThread(wanted, options.savedState === false ? 'init' : 'saved'));
      options.onThreadStart?.(wanted);
    }
    return pool.slice(0, count);
  };

  const kill = async () => {
    const old = [...pools.values()].flat();
    pools.clear();
    lang = undefined;
    await Promise.all(old.map((t) => t.terminate()));
  };

  return {
    // Recognisers started for the page in hand (a small page's one, a large page's two).
    get parallelism() {
      return Math.max(1, (lang ? pools.get(lang)?.length : 0) ?? 0);
    },
    prepare(wanted, pixels) {
      large = pixels !== undefined && pixels >= minParallelPixels;
      // A page in other languages: the last page's threads stop once they have answered.
      retireAllBut([wanted]);
      lang = wanted;
      use(wanted, large ? 2 : 1);
    },
    async recognize(input: OcrInput, options: RecognizeOptions): Promise<OcrResult> {
      if (options.signal?.aborted) throw new OcrCancelledError();
      // Bands only for a large image, with its second recogniser already under way: one started
      // now would still be loading when the first band is done. Its smaller rasters (a sheet cut
      // out of the photo) are worth splitting too. A small page read after a large one, with the
      // second recogniser still running, is read whole: cut, the band under the cut can read
      // otherwise than the page read whole (an e-invoice's 門號月租費 read "全號月和還").
      const parallel = large && lang === options.lang && (pools.get(lang)?.length ?? 0) > 1;
      const bands: Band[] = input.kind === 'raster' && parallel && input.raster.width * input.raster.height >= minParallelPixels / 3
        ? splitIntoBands(input.raster)
        : [{ y: 0, h: 0 }];
      // A page read whole goes to the least busy recogniser: second readings asked for at once
      // (see OcrEngine.parallelism) are read side by side.
      const started = use(options.lang, bands.length);
      const pool = pools.get(options.lang)!;
      const workers = bands.length > 1 ? started : [pool.reduce((a, b) => (b.busy() < a.busy() ? b : a))];
      let onAbort: (() => void) | undefined;
      const aborted = new Promise<never>((_, reject) => {
        onAbort = () => { void kill(); reject(new OcrCancelledError()); };
        options.signal?.addEventListener('abort', onAbort, { once: true });
      });
      aborted.catch(() => {});
      const params = {
        tessedit_pageseg_mode: PSM_CODE[options.psm ?? 'auto'],
        ...(options.dpi ? { user_defined_dpi: String(options.dpi) } : {}),
        // Set on every call: a worker keeps its parameters from one page to the next.
        tessedit_char_blacklist: options.blacklist ?? '',
      };
      const progress = bands.map(() => 0);
      try {
        const jobs = bands.map(async (band, i) => {
          const bytes = input.kind === 'raster' ? encodePgm(bandRaster(input.raster, band.h ? band : { y: 0, h: input.raster.height })) : input.bytes.slice();
          const onProgress = options.onProgress
            ? (p: number) => { progress[i] = p; options.onProgress?.(progress.reduce((a, b) => a + b, 0) / progress.length); }
            : undefined;
          const page = await workers[i]!.recognize(bytes, params, onProgress);
          return { band: { y: band.y, h: band.h }, result: pageToResult(page) };
        });
        const parts = await Promise.race([Promise.all(jobs), aborted]);
        if (bands.length > 1) mark(`engine: ${bands.length} bands, cut at row ${bands[1]!.y}`);
        return mergeBandResults(parts);
      } finally {
        if (onAbort) options.signal?.removeEventListener('abort', onAbort);
      }
    },
    dispose: kill,
  };
}

/**
 * Initialises an engine for `lang` and saves its state where {@link engineStateFile} says, for
 * later engines to start from (the build does this for the CLI's languages). Does nothing when
 * the state saved there is still usable, or when the build has no folder for it.
 */
export async function saveEngineState(lang: string): Promise<void> {
  const thread = startThread(lang, 'save');
  try {
    await thread.ready;
  } finally {
    await thread.terminate();
  }
}

/**
 * tesseract.js under Node as an {@link OcrEngine}: one worker thread reused across pages (and
 * re-created only when the language list changes), language data read from the bundled
 * @tesseract.js-data packages (4.0.0_best_int, gzip), nothing cached or written next to the
 * user's files, and the engine's diagnostics kept off stderr.
 */
import { createRequire } from 'node:module';
import { copyFileSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createWorker, type Worker as TesseractWorker, type Page, type Bbox } from 'tesseract.js';
import type Tesseract from 'tesseract.js';
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

const require = createRequire(import.meta.url);

/** Folder holding `<lang>.traineddata.gz` for one bundled language. */
export function langDataDir(lang: string): string {
  return join(dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`)), '4.0.0_best_int');
}

/**
 * tesseract.js reads every language from one `langPath` folder; the bundled packages keep each
 * language in its own. A single language uses its package folder directly; a combination gets a
 * short-lived temporary folder of links (copies where links are not allowed), removed as soon as
 * the worker has loaded the data.
 */
function langFolder(langs: string[]): { path: string; cleanup: () => void } {
  if (langs.length === 1) return { path: langDataDir(langs[0]!), cleanup: () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'dossier-ocr-lang-'));
  for (const lang of langs) {
    const src = join(langDataDir(lang), `${lang}.traineddata.gz`);
    const dest = join(dir, `${lang}.traineddata.gz`);
    try { symlinkSync(src, dest); } catch { copyFileSync(src, dest); }
  }
  return { path: dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Init-time parameters (tesseract.js passes them as a config file): engine diagnostics such as
 * "Estimating resolution…" would otherwise reach our stderr.
 */
const QUIET_INIT = { debug_file: '/dev/null' } as unknown as Partial<Tesseract.InitOptions>;

const toBox = (b: Bbox): Box => ({ x: b.x0, y: b.y0, w: Math.max(0, b.x1 - b.x0), h: Math.max(0, b.y1 - b.y0) });

/** Converts tesseract.js's page into the engine-neutral result. */
export function pageToResult(page: Page): OcrResult {
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

/** The Node engine; also offers {@link NodeOcrEngine.prepare} to start the worker early. */
export interface NodeOcrEngine extends OcrEngine {
  /** Starts loading the worker and language data for `lang` (overlaps decoding/preprocessing). */
  prepare(lang: string): void;
}

/** Creates the Node tesseract.js engine. */
export function createNodeOcrEngine(): NodeOcrEngine {
  let current: { lang: string; worker: Promise<TesseractWorker> } | undefined;
  let progressSink: ((p: number) => void) | undefined;

  const start = (lang: string): Promise<TesseractWorker> => {
    if (current?.lang === lang) return current.worker;
    const previous = current;
    const parsed = parseOcrLang(lang);
    if (!parsed.ok) throw new Error(parsed.error);
    const worker = (async () => {
      if (previous) await (await previous.worker.catch(() => undefined))?.terminate();
      const folder = langFolder(parsed.langs);
      try {
        const w = await createWorker(parsed.langs.join('+'), 1, {
          langPath: folder.path,
          gzip: true,
          cacheMethod: 'none',
          logger: (m) => { if (m.status === 'recognizing text') progressSink?.(m.progress); },
          errorHandler: () => {},
        }, QUIET_INIT);
        // Inverted (light-on-dark) regions are turned around in preprocessing, so the engine's
        // own second pass over every doubtful line with inverted colours is wasted time.
        await w.setParameters({ preserve_interword_spaces: '1', tessedit_do_invert: '0' } as Partial<Tesseract.WorkerParams>);
        return w;
      } finally {
        folder.cleanup();
      }
    })();
    current = { lang, worker };
    return worker;
  };

  const kill = async () => {
    const c = current;
    current = undefined;
    if (c) await (await c.worker.catch(() => undefined))?.terminate();
  };

  return {
    prepare(lang) {
      void start(lang).catch(() => {});
    },
    async recognize(input: OcrInput, options: RecognizeOptions): Promise<OcrResult> {
      if (options.signal?.aborted) throw new OcrCancelledError();
      const worker = await start(options.lang);
      const bytes = input.kind === 'raster' ? encodePgm(input.raster) : input.bytes;
      await worker.setParameters({
        tessedit_pageseg_mode: PSM_CODE[options.psm ?? 'auto'] as never,
        ...(options.dpi ? { user_defined_dpi: String(options.dpi) } : {}),
      });
      progressSink = options.onProgress;
      let onAbort: (() => void) | undefined;
      const aborted = new Promise<never>((_, reject) => {
        onAbort = () => { void kill(); reject(new OcrCancelledError()); };
        options.signal?.addEventListener('abort', onAbort, { once: true });
      });
      try {
        const job = worker.recognize(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {}, { text: true, blocks: true });
        const { data } = await Promise.race([job, aborted]);
        return pageToResult(data);
      } finally {
        progressSink = undefined;
        if (onAbort) options.signal?.removeEventListener('abort', onAbort);
      }
    },
    dispose: kill,
  };
}

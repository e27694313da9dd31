// The OCR worker started from a saved engine state (electron/ocr/tesseract-worker.mjs): real
// tesseract.js-core, real language data, the state the build saved and states saved here.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { createNodeOcrEngine, engineStateFile, engineWorkerData, workerFile } from '../../../electron/ocr/tesseract-node';

const dir = mkdtempSync(join(tmpdir(), 'dossier-engine-state-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const image = readFileSync('test/fixtures/evidence/sms_tw_addon.png');

type Reading = { from: string; text?: string; confidence?: number; blocks?: unknown };

/** Starts the worker with `data`, reads the SMS screenshot when `read`, and stops it. */
function start(data: ReturnType<typeof engineWorkerData>, read = true): Promise<Reading> {
  const worker = new Worker(workerFile(), { workerData: data, stdout: true, stderr: true });
  return new Promise<Reading>((resolve, reject) => {
    let from = '';
    worker.on('error', reject);
    worker.on('message', (m: { type: string; from?: string; text?: string; confidence?: number; blocks?: unknown; error?: string }) => {
      if (m.type === 'ready') {
        from = m.from ?? '';
        if (read) worker.postMessage({ id: 1, image, params: { tessedit_pageseg_mode: '3', tessedit_char_blacklist: '' } });
        else resolve({ from });
      } else if (m.type === 'result') resolve({ from, text: m.text, confidence: m.confidence, blocks: m.blocks });
      else if (m.type === 'failed' || m.type === 'error') reject(new Error(m.error));
    });
  }).finally(() => worker.terminate());
}

describe('engine state saved by the build', () => {
  it('is there for the CLI\'s languages, and a worker starts from it and reads as one that initialised', async () => {
    for (const lang of ['chi_tra+eng', 'chi_sim+eng', 'eng', 'chi_tra', 'chi_sim']) expect(existsSync(engineStateFile(lang)!)).toBe(true);
    const [saved, init] = await Promise.all([start(engineWorkerData('chi_tra+eng')), start(engineWorkerData('chi_tra+eng', 'init'))]);
    expect(saved.from).toBe('saved');
    expect(init.from).toBe('init');
    expect(saved.text).toContain('0912-345-678');
    expect(saved).toEqual({ ...init, from: 'saved' });
  }, 60_000);

  it('is saved by a worker asked to, used by the next one, and not used once it no longer matches its files or is cut short', async () => {
    const file = join(dir, 'eng.state');
    const data = { ...engineWorkerData('eng', 'init') };
    expect((await start({ ...data, saveState: file }, false)).from).toBe('init');
    expect(existsSync(file) && existsSync(`${file}.json`)).toBe(true);
    // Already saved under the same key: kept, not made again.
    expect((await start({ ...data, saveState: file }, false)).from).toBe('saved');
    const fresh = await start({ ...data, state: file });
    expect(fresh.from).toBe('saved');

    // A description naming other files (an older core, say): the worker initialises instead.
    const meta = JSON.parse(readFileSync(`${file}.json`, 'utf8')) as { key: string; api: number; bytes: number };
    const stale = join(dir, 'stale.state');
    copyFileSync(file, stale);
    writeFileSync(`${stale}.json`, JSON.stringify({ ...meta, key: meta.key.replace('"eng"', '"eng2"') }));
    // A state file shorter than its description says.
    const cut = join(dir, 'cut.state');
    writeFileSync(cut, readFileSync(file).subarray(0, meta.bytes - 65536));
    writeFileSync(`${cut}.json`, JSON.stringify(meta));
    const [a, b, c] = await Promise.all([start({ ...data, state: stale }), start({ ...data, state: cut }), start({ ...data, state: join(dir, 'missing.state') })]);
    for (const r of [a, b, c]) expect(r).toEqual({ ...fresh, from: 'init' });
  }, 90_000);
});

describe('the Node engine\'s threads', () => {
  it('reads a second reading\'s own language beside the page\'s threads, and stops the last page\'s threads for a page in other languages', async () => {
    const started: string[] = [];
    const engine = createNodeOcrEngine({ onThreadStart: (lang) => started.push(lang) });
    try {
      engine.prepare('chi_tra+eng');
      const read = (lang: string) => engine.recognize({ kind: 'encoded', bytes: image }, { lang, psm: 'auto' });
      const first = await read('chi_tra+eng');
      expect(first.text).toContain('0912-345-678');
      expect((await read('chi_tra')).text).toContain('0912-345-678');
      // The page's thread was not stopped for the Chinese model alone, nor started again.
      const again = await read('chi_tra+eng');
      expect(again.text).toBe(first.text);
      expect(started).toEqual(['chi_tra+eng', 'chi_tra']);
      expect(engine.parallelism).toBe(1);
      engine.prepare('eng');
      expect((await read('eng')).text).toContain('0912-345-678');
      expect(started).toEqual(['chi_tra+eng', 'chi_tra', 'eng']);
    } finally {
      await engine.dispose();
    }
  }, 60_000);
});

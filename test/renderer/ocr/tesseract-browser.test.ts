// The app's OCR engine over tesseract.js workers (renderer/src/ocr/tesseract-browser.ts): which
// workers it starts and stops as pages and second readings ask for languages. The workers are
// stand-ins that record what they are asked; the engine's reading itself is tested in Chromium
// (test/e2e/evidence.test.ts).
import { describe, expect, it } from 'vitest';
import type { createWorker } from 'tesseract.js';
import { createBrowserOcrEngine } from '../../../renderer/src/ocr/tesseract-browser';
import { createGray } from '../../../shared/ocr/raster';

function workers() {
  const log: string[] = [];
  const create = (async (lang: string) => {
    log.push(`start ${lang}`);
    return {
      setParameters: async () => ({}),
      recognize: async () => {
        log.push(`read ${lang}`);
        return { data: { text: lang, confidence: 90, blocks: [] } };
      },
      terminate: async () => { log.push(`stop ${lang}`); },
    };
  }) as unknown as typeof createWorker;
  return { log, create };
}

const page = { kind: 'raster' as const, raster: createGray(40, 20) };

describe('the app\'s OCR engine', () => {
  it('reads a second reading\'s own language on a worker beside the page\'s, and stops the last page\'s for a page in other languages', async () => {
    const { log, create } = workers();
    const engine = createBrowserOcrEngine('http://app.test/', create);
    engine.prepare('chi_tra+eng');
    await engine.recognize(page, { lang: 'chi_tra+eng' });
    await engine.recognize(page, { lang: 'chi_tra' });
    await engine.recognize(page, { lang: 'chi_tra+eng' });
    expect(log).toEqual(['start chi_tra+eng', 'read chi_tra+eng', 'start chi_tra', 'read chi_tra', 'read chi_tra+eng']);
    // One other language at a time beside the page's.
    await engine.recognize(page, { lang: 'eng' });
    await new Promise((done) => setTimeout(done, 0));
    expect(log.slice(5).toSorted()).toEqual(['read eng', 'start eng', 'stop chi_tra']);
    log.length = 0;
    engine.prepare('chi_sim+eng');
    await engine.recognize(page, { lang: 'chi_sim+eng' });
    await new Promise((done) => setTimeout(done, 0));
    expect(log.toSorted()).toEqual(['read chi_sim+eng', 'start chi_sim+eng', 'stop chi_tra+eng', 'stop eng']);
    log.length = 0;
    await engine.dispose();
    expect(log).toEqual(['stop chi_sim+eng']);
  });
});

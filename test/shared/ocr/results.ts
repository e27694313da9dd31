/** OCR results built by hand for the tests of what runs on the engine's output. */
import type { OcrEngine, OcrInput, OcrLine, OcrResult, OcrWord, RecognizeOptions } from '../../../shared/ocr/engine';
import type { GrayRaster } from '../../../shared/ocr/raster';

export const word = (text: string, confidence: number, x: number, y = 100, w = 40, h = 20): OcrWord => ({ text, confidence, box: { x, y, w, h } });
export const line = (words: OcrWord[], confidence: number): OcrLine => ({
  text: words.map((w) => w.text).join(' '),
  confidence,
  box: { x: words[0]!.box.x, y: words[0]!.box.y, w: words.at(-1)!.box.x + words.at(-1)!.box.w - words[0]!.box.x, h: words[0]!.box.h },
  words,
});
export const page = (lines: OcrLine[]): OcrResult => ({ text: lines.map((l) => l.text).join('\n'), confidence: 80, words: lines.flatMap((l) => l.words), lines });

/** An engine that answers each second reading from a script: (call index, input size) → words. Each call's input is kept. */
export function scripted(answer: (call: number, width: number, height: number, options: RecognizeOptions) => OcrWord[]) {
  const calls: Array<{ width: number; height: number; options: RecognizeOptions; raster: GrayRaster }> = [];
  const engine: OcrEngine = {
    recognize(input: OcrInput, options: RecognizeOptions) {
      if (input.kind !== 'raster') throw new Error('raster expected');
      const { width, height } = input.raster;
      const words = answer(calls.length, width, height, options);
      calls.push({ width, height, options, raster: input.raster });
      return Promise.resolve(page(words.length ? [line(words, words.reduce((a, w) => a + w.confidence, 0) / words.length)] : []));
    },
    dispose: () => Promise.resolve(),
  };
  return { engine, calls };
}

/** OCR results built by hand for the tests of what runs on the engine's output. */
import type { OcrLine, OcrResult, OcrWord } from '../../../shared/ocr/engine';

export const word = (text: string, confidence: number, x: number, y = 100, w = 40, h = 20): OcrWord => ({ text, confidence, box: { x, y, w, h } });
export const line = (words: OcrWord[], confidence: number): OcrLine => ({
  text: words.map((w) => w.text).join(' '),
  confidence,
  box: { x: words[0]!.box.x, y: words[0]!.box.y, w: words.at(-1)!.box.x + words.at(-1)!.box.w - words[0]!.box.x, h: words[0]!.box.h },
  words,
});
export const page = (lines: OcrLine[]): OcrResult => ({ text: lines.map((l) => l.text).join('\n'), confidence: 80, words: lines.flatMap((l) => l.words), lines });

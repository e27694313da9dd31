import { describe, expect, it } from 'vitest';
import { pageToResult, withoutLettersReadTwice, type EngineBox, type EnginePage } from '../../../shared/ocr/engine-page';

const bbox = (x: number, y: number, w: number, h: number): EngineBox => ({ x0: x, y0: y, x1: x + w, y1: y + h });
/** A word whose characters have the boxes `symbols` (its box their union). */
const word = (text: string, confidence: number, symbols: EngineBox[]) => ({
  text,
  confidence,
  bbox: { x0: Math.min(...symbols.map((s) => s.x0)), y0: Math.min(...symbols.map((s) => s.y0)), x1: Math.max(...symbols.map((s) => s.x1)), y1: Math.max(...symbols.map((s) => s.y1)) },
  symbols: symbols.map((b) => ({ bbox: b })),
});
const pageOf = (lineBox: EngineBox, words: ReturnType<typeof word>[]): EnginePage => ({
  text: words.map((w) => w.text).join(' '),
  confidence: 80,
  blocks: [{ paragraphs: [{ lines: [{ text: words.map((w) => w.text).join(' '), confidence: 80, bbox: lineBox, words }] }] }],
});

describe('pageToResult', () => {
  it('keeps the engine\'s lines, words, texts and boxes', () => {
    const page = pageOf(bbox(10, 20, 200, 30), [word('繳費', 91, [bbox(10, 20, 30, 30), bbox(40, 20, 30, 30)]), word('1,285', 88, [bbox(90, 25, 10, 20), bbox(100, 25, 5, 20), bbox(105, 25, 10, 20), bbox(115, 25, 10, 20), bbox(125, 25, 10, 20)])]);
    const r = pageToResult(page);
    expect(r.lines).toHaveLength(1);
    expect(r.words.map((w) => [w.text, w.confidence, w.box])).toEqual([
      ['繳費', 91, { x: 10, y: 20, w: 60, h: 30 }],
      ['1,285', 88, { x: 90, y: 25, w: 45, h: 20 }],
    ]);
    expect(r.lines[0]!.box).toEqual({ x: 10, y: 20, w: 200, h: 30 });
  });

  it('gives a word whose characters the engine collapsed onto its last one ("$168，" boxed as its comma) the place before it, up to the word before', () => {
    // 收 ends at 888; "$168," is boxed 994…1000 × 353…364, its $, 1, 6, 8 a pixel wide at 994.
    const thin = bbox(994, 353, 1, 11);
    const page = pageOf(bbox(590, 340, 420, 50), [word('收', 92, [bbox(857, 343, 31, 30)]), word('$168,', 77, [thin, thin, thin, thin, bbox(994, 353, 6, 11)])]);
    const [, mended] = pageToResult(page).words;
    // On the rows of the line's other words (343–373), not the line's (340–390), from the end of 收.
    expect(mended).toEqual({ text: '$168,', confidence: 77, box: { x: 888, y: 343, w: 112, h: 30 } });
    // Alone on its line, on the line's rows, it reaches back 0.7 of their height a character at
    // most, and one more for its mark (6 × 35 px).
    const alone = pageToResult(pageOf(bbox(590, 340, 420, 50), [word('$168,', 77, [thin, thin, thin, thin, bbox(994, 353, 6, 11)])])).words[0]!;
    expect(alone.box).toEqual({ x: 1000 - 210, y: 340, w: 210, h: 50 });
  });

  it('gives a Chinese character boxed on the comma after it (月 boxed 8 × 14 px among characters 38 tall) the place before the comma', () => {
    const page = pageOf(bbox(67, 537, 470, 59), [
      word('約', 91, [bbox(366, 541, 34, 38)]),
      word('24', 93, [bbox(399, 537, 16, 59), bbox(409, 537, 33, 59)]),
      word('個', 93, [bbox(443, 543, 46, 36)]),
      word('月', 46, [bbox(526, 554, 8, 14)]),
    ]);
    // From the end of 個 (489) to the comma's right edge (534), on rows 541–579.
    expect(pageToResult(page).words[3]!.box).toEqual({ x: 489, y: 541, w: 45, h: 38 });
    // Boxed at least half as tall as the line's other Chinese (20 px among 36 and 38), it stays.
    const tall = pageOf(bbox(67, 537, 470, 59), [word('個', 93, [bbox(443, 543, 46, 36)]), word('約', 91, [bbox(366, 541, 34, 38)]), word('。', 90, [bbox(300, 560, 10, 10)]), word('月', 46, [bbox(500, 545, 30, 20)])]);
    expect(pageToResult(tall).words[3]!.box).toEqual({ x: 500, y: 545, w: 30, h: 20 });
  });

  it('leaves narrow characters alone: a "1" or a full stop a pixel wide is no collapse', () => {
    const page = pageOf(bbox(0, 0, 300, 30), [word('111', 90, [bbox(10, 0, 1, 20), bbox(20, 0, 8, 20), bbox(30, 0, 8, 20)]), word('a.b', 90, [bbox(50, 0, 10, 20), bbox(61, 18, 1, 2), bbox(63, 0, 10, 20)])]);
    expect(pageToResult(page).words.map((w) => w.box)).toEqual([{ x: 10, y: 0, w: 28, h: 20 }, { x: 50, y: 0, w: 23, h: 20 }]);
  });
});

describe('withoutLettersReadTwice', () => {
  const symbol = (text: string, x0: number, y0: number, x1: number, y1: number) => ({ text, bbox: { x0, y0, x1, y1 } });

  it('drops a letter read twice from one glyph, once in each case: the one boxed down the whole word', () => {
    // As the engine gave mPro on an SMS screenshot: the p boxed over the P's left half, 34 px tall.
    const read = [symbol('m', 116, 248, 144, 269), symbol('p', 145, 238, 156, 272), symbol('P', 150, 241, 169, 269), symbol('r', 173, 248, 185, 269), symbol('o', 185, 248, 204, 269)];
    expect(withoutLettersReadTwice('mpPro', read)).toBe('mPro');
    // Read again from a cut of its line: the p over a third of the P's width.
    expect(withoutLettersReadTwice('mpPro', [symbol('m', 189, 51, 207, 65), symbol('p', 207, 38, 213, 79), symbol('P', 211, 46, 224, 65), symbol('r', 227, 51, 235, 65), symbol('o', 236, 51, 250, 65)])).toBe('mPro');
  });

  it('keeps two glyphs side by side, a pair of the same case, and a text that is not its symbols', () => {
    // "ApP" for App: two p, each its own glyph (their case is not this function's business).
    expect(withoutLettersReadTwice('ApP', [symbol('A', 0, 0, 14, 20), symbol('p', 16, 5, 28, 26), symbol('P', 30, 5, 42, 26)])).toBe('ApP');
    expect(withoutLettersReadTwice('mppro', [symbol('m', 0, 5, 20, 20), symbol('p', 20, 0, 28, 26), symbol('p', 24, 5, 36, 26), symbol('r', 38, 5, 46, 20), symbol('o', 47, 5, 60, 20)])).toBe('mppro');
    expect(withoutLettersReadTwice('mPro', [symbol('m', 0, 5, 20, 20), symbol('p', 20, 0, 28, 26), symbol('P', 24, 5, 36, 26)])).toBe('mPro');
  });
});

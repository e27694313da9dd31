import { describe, expect, it } from 'vitest';
import { correctKnownNames } from '../../../shared/ocr/names';
import { line, page, word } from './results';

describe('correctKnownNames', () => {
  it('puts right one unsure character inside an operator\'s name, across words', () => {
    const result = page([
      line([word('袁', 33, 20, 20, 20, 20), word('傳電信', 90, 40, 20, 60, 20), word('中壢', 92, 110, 20, 40, 20)], 70),
      line([word('3', 90, 20, 60, 10, 20), word('天', 92, 40, 60, 20, 20), word('辟', 0, 60, 60, 20, 20), word('云盘', 93, 80, 60, 40, 20)], 80),
    ]);
    const out = correctKnownNames(result);
    expect(out.lines.map((l) => l.text)).toEqual(['遠 傳電信 中壢', '3 天 翼 云盘']);
    expect(out.lines[0]!.words[0]).toMatchObject({ text: '遠', confidence: 33, box: { x: 20, y: 20, w: 20, h: 20 } });
    expect(out.lines[0]!.words[1]).toBe(result.lines[0]!.words[1]);
  });

  it('puts right a symbol read inside a name, however sure', () => {
    const result = page([line([word('台', 86, 20, 20, 30, 30), word('灣', 88, 50, 20, 30, 30), word('大', 80, 80, 20, 30, 30), word('=', 83, 110, 28, 12, 20), word('大', 95, 130, 20, 30, 30)], 86)]);
    expect(correctKnownNames(result).lines[0]!.text).toBe('台 灣 大 哥 大');
  });

  it('leaves sure characters, two differences, a short name\'s fairly unsure character and non-Chinese ones', () => {
    const result = page([
      line([word('遠傳電話', 92, 20, 20, 80, 20)], 92), // another word, read with confidence
      line([word('遠傅電話', 30, 20, 60, 80, 20)], 30), // two characters off
      line([word('天氣', 30, 20, 100, 40, 20)], 30), // 天翼 needs its second character at almost no confidence
      line([word('中華電1', 10, 20, 140, 80, 20)], 10),
      line([word('中華電:', 90, 20, 180, 80, 20)], 90), // a symbol last is punctuation after a word
    ]);
    expect(correctKnownNames(result)).toBe(result);
  });
});

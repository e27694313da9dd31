import { describe, expect, it } from 'vitest';
import { cleanText, joinLineWords, normaliseDigitDashes, normaliseFullWidth, postprocess, removeCjkSpaces } from '../../../shared/ocr/postprocess';
import type { OcrWord } from '../../../shared/ocr/engine';

describe('removeCjkSpaces', () => {
  it.each([
    ['中 華 電 信', '中華電信'],
    ['您 好 ， 我 的 帳 單', '您好，我的帳單'],
    ['【 中 華 電 信 】 親 愛 的', '【中華電信】親愛的'],
    ['mPro 加 值 服 務', 'mPro加值服務'],
    ['NT$649 元', 'NT$649元'],
    ['Total amount due 316.00', 'Total amount due 316.00'],
    ['2024/10/08 14:20', '2024/10/08 14:20'],
    ['Account   No.  8812', 'Account No. 8812'],
    ['第 一 行\n第 二 行', '第一行\n第二行'],
    ['（ 自 行 整 理 ）', '（自行整理）'],
  ])('%j → %j', (input, expected) => {
    expect(removeCjkSpaces(input)).toBe(expected);
  });
});

describe('normaliseFullWidth / normaliseDigitDashes', () => {
  it.each([
    ['０９１２－３４５－６７８', '0912－345－678'],
    ['ＮＴ＄１，２８５元', 'NT＄1，285元'],
    ['ｍＰｒｏ', 'mPro'],
    ['全形\u3000空白', '全形 空白'],
  ])('full width %j → %j', (input, expected) => {
    expect(normaliseFullWidth(input)).toBe(expected);
  });
  it.each([
    ['0935一123一456', '0935-123-456'],
    ['0912－345－678', '0912-345-678'],
    ['第一次 1 一 2', '第一次 1-2'],
    ['一年50元', '一年50元'],
  ])('dashes %j → %j', (input, expected) => {
    expect(normaliseDigitDashes(input)).toBe(expected);
  });
  it('cleanText applies all of them', () => {
    expect(cleanText(' 門 號 ０９３５一１２３一４５６ 。 \n\n\n\nOK ')).toBe('門號0935-123-456。\n\nOK');
  });
});

const word = (text: string, x: number, w: number, h = 20): OcrWord => ({ text, confidence: 90, box: { x, y: 0, w, h } });

describe('joinLineWords', () => {
  it.each([
    ['CJK characters set close together are joined', [word('中', 0, 20), word('華', 22, 20), word('電信', 44, 40)], '中華電信'],
    ['a wide gap after a CJK word is a real space', [word('2024年9月15日', 0, 150), word('上午10:32', 175, 90)], '2024年9月15日 上午10:32'],
    ['Latin words keep their spaces', [word('Total', 0, 50), word('due', 56, 30)], 'Total due'],
    ['Latin next to CJK without a gap is joined', [word('mPro', 0, 40), word('加值', 42, 40)], 'mPro加值'],
  ])('%s', (_name, words, expected) => {
    expect(joinLineWords(words)).toBe(expected);
  });
});

describe('postprocess', () => {
  it('rebuilds lines, maps boxes and drops empty words', () => {
    const result = postprocess({
      text: '中 華\n',
      confidence: 80,
      words: [],
      lines: [{ text: '中 華', confidence: 80, box: { x: 0, y: 0, w: 42, h: 20 }, words: [word('中', 0, 20), word(' ', 20, 1), word('華', 22, 20)] }],
    }, (b) => ({ x: b.x / 2, y: b.y / 2, w: b.w / 2, h: b.h / 2 }));
    expect(result.text).toBe('中華');
    expect(result.words.map((w) => w.text)).toEqual(['中', '華']);
    expect(result.words[1]!.box).toEqual({ x: 11, y: 0, w: 10, h: 10 });
    expect(result.lines[0]!.box).toEqual({ x: 0, y: 0, w: 21, h: 10 });
    expect(result.confidence).toBe(90);
  });
});

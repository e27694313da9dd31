import { describe, expect, it } from 'vitest';
import { defaultOcrLang, guessKind, parseOcrLang } from '../../../shared/ocr/engine';

describe('OCR languages', () => {
  it.each([
    ['zh-TW', 'chi_tra+eng'],
    ['zh-CN', 'chi_sim+eng'],
    ['en', 'eng'],
    [undefined, 'chi_tra+eng'],
  ])('case language %s → %s', (lang, expected) => {
    expect(defaultOcrLang(lang)).toBe(expected);
  });
  it.each([
    ['chi_tra+eng', true],
    ['chi_sim', true],
    ['eng+chi_sim+chi_tra', true],
    ['jpn', false],
    ['chi_tra+chi_tra', false],
    ['chi_tra+', false],
    ['', false],
  ])('parseOcrLang(%j) ok=%s', (value, ok) => {
    expect(parseOcrLang(value).ok).toBe(ok);
  });
});

describe('guessKind', () => {
  const screenshot = { classification: 'screenshot' as const, colourfulness: 1 };
  const photo = { classification: 'photo' as const, colourfulness: 5 };
  it.each([
    ['【中華電信】您113年10月份帳單金額為NT$649元，繳費期限113/11/20', screenshot, 'sms'],
    ['行動電話服務契約書 申辦人：王小明 提前終止契約者，應依剩餘期間比例繳交違約金', photo, 'contract'],
    ['中華電信 行動電話繳費通知 帳單期間 本期應繳總金額 649', screenshot, 'bill'],
    ['大發通訊行 收據 統一編號：12345678 合計：新台幣790元', photo, 'receipt'],
    ['客服聯絡紀錄（自行整理）2024/10/08 致電', photo, 'note'],
    ['敬啟者：台端申訴一案，此致', photo, 'letter'],
    ['', photo, 'photo'],
  ] as const)('%j → %s', (text, stats, kind) => {
    expect(guessKind(text, stats)).toBe(kind);
  });
});

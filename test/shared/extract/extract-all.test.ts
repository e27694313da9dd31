import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extractAll, guessLanguage } from '../../../shared/extract/extract-all';

describe('guessLanguage', () => {
  it.each([
    ['【中華電信】您的帳單金額為NT$649元', 'zh-TW'],
    ['【中国电信】您的账户已欠费54.00元，请及时缴费', 'zh-CN'],
    ['Total amount due HK$ 918.00', 'en'],
  ])('%s → %s', (text, lang) => expect(guessLanguage(text)).toBe(lang));
});

describe('extractAll', () => {
  it('picks the currency of a bare 元 from the language or jurisdiction', () => {
    expect(extractAll('欠费54.00元，请缴费').amounts[0]!.currency).toBe('CNY');
    expect(extractAll('共649元，請繳費').amounts[0]!.currency).toBe('TWD');
    expect(extractAll('共649元', { jurisdiction: 'HK' }).amounts[0]!.currency).toBe('HKD');
  });

  it('keeps tickets, phones, dates and amounts apart on one text', () => {
    const text = '2024/10/08 14:20 致電0800-080-090，申訴案號 TK113100800217，客服表示賠償三千元；帳號：8812-4471-0093';
    const r = extractAll(text);
    expect(r.dates.map((d) => [d.iso, d.time?.value])).toEqual([['2024-10-08', '14:20']]);
    expect(r.phones.map((p) => p.digits)).toEqual(['0800080090']);
    expect(r.tickets.map((t) => t.value)).toEqual(['TK113100800217']);
    expect(r.ids.map((i) => i.value)).toEqual(['8812-4471-0093']);
    expect(r.amounts.map((a) => [a.value, a.currency])).toEqual([[3000, 'TWD']]);
  });
});

describe('extractAll on arbitrary text', () => {
  const pieces = ['113/10/08', '１１３／１０／０８', 'NT$ 1,288', '三千元', '0912-345-678', '10000', '申訴案號 TK113100800217', '昨天', '9月3日',
    ' ', '\n', '，', '金額(元)\n', '599', '～', '下午 3:18', 'A123456789', '帳號：8812-4471-0093', '元', '/', '年', '月', '日'];
  it('never throws, and every raw equals the original text at its span', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 4 })), { maxLength: 20 }), (parts) => {
      const text = parts.join('');
      const r = extractAll(text, { referenceDate: '2024-10-16' });
      for (const item of [...r.dates, ...r.amounts, ...r.phones, ...r.ids, ...r.tickets]) {
        expect(text.slice(item.start, item.end)).toBe(item.raw);
        expect(item.confidence).toBeGreaterThan(0);
        expect(item.confidence).toBeLessThanOrEqual(1);
      }
    }), { numRuns: 300 });
  });
});

import { describe, expect, it } from 'vitest';
import { extractDates } from '../../../shared/extract/dates';

const isos = (text: string, options = {}): string[] => extractDates(text, options).map((d) => d.iso);

describe('extractDates: one form per row', () => {
  it.each([
    ['2024/10/08', '2024-10-08'],
    ['2024-10-08', '2024-10-08'],
    ['2024.10.07（一）', '2024-10-07'],
    ['2024年9月15日', '2024-09-15'],
    ['2009年12月3日 09:15', '2009-12-03'],
    ['2008/3/31', '2008-03-31'],
    ['08 Oct 2024', '2024-10-08'],
    ['1 Sep 2024', '2024-09-01'],
    ['Sept 1, 2024', '2024-09-01'],
    ['October 8 2024', '2024-10-08'],
    ['113/10/08', '2024-10-08'],
    ['113.09.01', '2024-09-01'],
    ['1131008', '2024-10-08'],
    ['0991231', '2010-12-31'],
    ['民國112年5月12日', '2023-05-12'],
    ['中華民國一一三年十月八日', '2024-10-08'],
    ['民国一一二年五月十二日', '2023-05-12'],
    ['113年10月份', '2024-10'],
    ['１１３年１０月８日', '2024-10-08'],
    ['１１３／１０／０８', '2024-10-08'],
    ['99/12/31', '2010-12-31'],
  ])('%s → %s', (text, iso) => expect(isos(text)).toEqual([iso]));
});

describe('extractDates: spans, calendars, confidence', () => {
  it('reports raw text and spans in the original string, full-width included', () => {
    const text = '繳費期限：１１３／１１／２０。帳單日 2024年11月3日';
    const found = extractDates(text);
    expect(found.map((d) => [d.iso, d.raw, d.calendar])).toEqual([
      ['2024-11-20', '１１３／１１／２０', 'roc'], ['2024-11-03', '2024年11月3日', 'gregorian'],
    ]);
    for (const d of found) {
      expect(text.slice(d.start, d.end)).toBe(d.raw);
      expect(d.confidence).toBeGreaterThan(0);
      expect(d.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('marks a month-only mention with month precision', () => {
    expect(extractDates('您113年10月份帳單金額')[0]).toMatchObject({ iso: '2024-10', precision: 'month', raw: '113年10月份' });
  });
});

describe('extractDates: ranges and times', () => {
  it.each([
    ['113/09/01～113/09/30', ['2024-09-01', '2024-09-30']],
    ['113/10/01 至 113/10/31', ['2024-10-01', '2024-10-31']],
    ['1 Sep 2024 - 30 Sep 2024', ['2024-09-01', '2024-09-30']],
    ['2024年9月1日-2024年9月30日', ['2024-09-01', '2024-09-30']],
    ['１１３／０９／０１～１１３／０９／３０', ['2024-09-01', '2024-09-30']],
  ])('%s is a range', (text, expected) => {
    const found = extractDates(text);
    expect(found.map((d) => d.iso)).toEqual(expected);
    expect(found[0]!.range).toEqual({ id: 1, role: 'start' });
    expect(found[1]!.range).toEqual({ id: 1, role: 'end' });
  });

  it('does not pair two dates that are merely listed', () => {
    expect(extractDates('2024/10/15 以書面寄送。2024/10/16 來電').every((d) => d.range === undefined)).toBe(true);
  });

  it.each([
    ['2024年9月15日 上午10:32', '10:32', '上午10:32'],
    ['2024年11月3日 下午2:05', '14:05', '下午2:05'],
    ['113/10/08 下午 3:18', '15:18', '下午 3:18'],
    ['2024/10/08 14:20 致電', '14:20', '14:20'],
    ['08 Oct 2024 3:05 PM', '15:05', '3:05 PM'],
    ['2024-10-08 晚上8:00', '20:00', '晚上8:00'],
  ])('%s carries time %s', (text, value, raw) => {
    expect(extractDates(text)[0]!.time).toMatchObject({ value, raw });
  });
});

describe('extractDates: year-less and relative dates', () => {
  it('takes anchorYear when given', () => {
    expect(isos('9月3日 客服來電，10/15 再次來電', { anchorYear: 2023 })).toEqual(['2023-09-03', '2023-10-15']);
  });

  it('otherwise takes the year of the nearest full date', () => {
    expect(isos('2009年12月3日 收到短信。12月6日 欠费。\n……\n2024/10/08 致電，10/15 再打')).toEqual([
      '2009-12-03', '2009-12-06', '2024-10-08', '2024-10-15',
    ]);
    expect(extractDates('12月6日', {}).length).toBe(0);
  });

  it('reads relative words against referenceDate (traditional and simplified text alike)', () => {
    expect(isos('昨天收到帳單，今天致電，前天沒有，明天回覆', { referenceDate: '2024-03-01' })).toEqual([
      '2024-02-29', '2024-03-01', '2024-02-28', '2024-03-02',
    ]);
    expect(isos('我昨天才收到短信', { referenceDate: '2024-10-08' })).toEqual(['2024-10-07']);
    expect(isos('昨天')).toEqual([]);
  });

  it('reads year-less Chinese numerals and English forms', () => {
    expect(isos('十月八日 與 Sept 1', { anchorYear: 2024 })).toEqual(['2024-10-08', '2024-09-01']);
  });
});

describe('extractDates: things that are not dates', () => {
  it.each([
    ['申訴案號 TK113100800217'],
    ['合約編號 CHT-112-0512-7781'],
    ['門號 0912-345-678，市話 02-2345-6789，(02) 2345-6789'],
    ['010-6523-8871 或 0731-5822-1234'],
    ['NT$ 1,288 與 人民币386.50元 與 ¥54.00'],
    ['精選599型 128GB 合約期間30個月 7個工作天'],
    ['帳號：8812-4471-0093'],
    ['2024/13/01 113/02/30 2023-02-29'],
    ['電話 1234567 與 12,345,678'],
    ['0.1元/分钟 50元/月'],
  ])('%s', (text) => expect(isos(text, { anchorYear: 2024 })).toEqual([]));
});

import { describe, expect, it } from 'vitest';
import { extractAmounts } from '../../../shared/extract/amounts';

describe('extractAmounts: one form per row', () => {
  it.each([
    ['NT$649', 649, 'TWD', 'NT$649'],
    ['NT$649元', 649, 'TWD', 'NT$649元'],
    ['NT$ 1,288', 1288, 'TWD', 'NT$ 1,288'],
    ['新台幣9,990元', 9990, 'TWD', '新台幣9,990元'],
    ['新臺幣500元', 500, 'TWD', '新臺幣500元'],
    ['人民币386.50元', 386.5, 'CNY', '人民币386.50元'],
    ['¥54.00', 54, 'CNY', '¥54.00'],
    ['￥12', 12, 'CNY', '￥12'],
    ['RMB 30', 30, 'CNY', 'RMB 30'],
    ['HK$ 918.00', 918, 'HKD', 'HK$ 918.00'],
    ['US$5', 5, 'USD', 'US$5'],
    ['120 HKD', 120, 'HKD', '120 HKD'],
    ['三千元', 3000, 'TWD', '三千元'],
    ['一百元', 100, 'TWD', '一百元'],
    ['兩萬五千元', 25000, 'TWD', '兩萬五千元'],
    ['一千二百元', 1200, 'TWD', '一千二百元'],
    ['3千元', 3000, 'TWD', '3千元'],
    ['新台幣壹佰元整', 100, 'TWD', '新台幣壹佰元'],
    ['ＮＴ＄６４９', 649, 'TWD', 'ＮＴ＄６４９'],
  ])('%s → %d %s', (text, value, currency, raw) => {
    expect(extractAmounts(text, { defaultCurrency: 'TWD' }).map((a) => [a.value, a.currency, a.raw])).toEqual([[value, currency, raw]]);
  });
});

describe('extractAmounts: currency of a bare 元', () => {
  it.each([
    ['CNY', 'CNY', true], ['TWD', 'TWD', true], [undefined, null, false],
  ] as const)('default %s → %s', (defaultCurrency, currency, isCurrencyInferred) => {
    const [a] = extractAmounts('共649元', defaultCurrency ? { defaultCurrency } : {});
    expect(a).toMatchObject({ value: 649, currency, isCurrencyInferred });
  });
});

describe('extractAmounts: rates', () => {
  it.each([
    ['0.1元/分钟', 0.1, '分钟', '0.1元/分钟'],
    ['按每分钟0.1元计费', 0.1, '分钟', '0.1元'],
    ['50元/月', 50, '月', '50元/月'],
    ['期滿未申請取消者按月收費50元。', 50, '月', '50元'],
    ['每月50元', 50, '月', '50元'],
  ])('%s is a rate per %s', (text, value, unit, raw) => {
    expect(extractAmounts(text, { defaultCurrency: 'CNY' })).toMatchObject([{ value, isRate: true, unit, raw }]);
  });

  it('does not mark a one-off charge as a rate', () => {
    expect(extractAmounts('您的账户已欠费54.00元')[0]).toMatchObject({ value: 54, isRate: false });
  });
});

describe('extractAmounts: bill roles and the amount column', () => {
  it('reads bare numbers under 金額(元) as line items and the total', () => {
    const text = '項目\n金額(元)\n月租費 精選599型\n599\nmPro加值服務月租\n50\n本期應繳總金額\n649\n如有疑問請洽客服專線0800-080-090。';
    const found = extractAmounts(text, { defaultCurrency: 'TWD' });
    expect(found.map((a) => [a.value, a.role, a.currency])).toEqual([[599, 'line', 'TWD'], [50, 'line', 'TWD'], [649, 'total', 'TWD']]);
    for (const a of found) expect(text.slice(a.start, a.end)).toBe(a.raw);
  });

  it('reads a number at the end of a row under an Amount header', () => {
    const text = 'Item Amount\nMonthly fee 388.00\nTotal 918.00';
    expect(extractAmounts(text, { defaultCurrency: 'HKD' }).map((a) => [a.value, a.role])).toEqual([[388, 'line'], [918, 'total']]);
  });

  it('reads the amount column under a header read as one row, as OCR reads a table', () => {
    const zh = '項目 計費期間 金額（元）\n月租費(5G 1399型) 113/09/01-113/09/30 1,399\n小額代收(Google Play) 113/09/22 271\n本期應繳總金額 2,186';
    expect(extractAmounts(zh, { defaultCurrency: 'TWD' }).map((a) => [a.value, a.role, a.currency])).toEqual([[1399, 'line', 'TWD'], [271, 'line', 'TWD'], [2186, 'total', 'TWD']]);
    const en = 'Description Date / period Amount (A$)\nEveryday 40GB plan 1 Oct - 31 Oct 55.00\nCalls to international numbers (9 min) Oct 4.86';
    expect(extractAmounts(en).map((a) => a.value)).toEqual([55, 4.86]);
    expect(extractAmounts('品名 數量 單價 金額 稅額\n國際漫遊日租費 3 399 1,197\n螢幕保護貼 1 490').map((a) => a.value)).toEqual([1197, 490]);
  });

  it('takes no year, page, reference or group of a phone number at the end of a row for an amount', () => {
    const text = 'Description Amount\nPlan 60.00\nPayment due by 02 Dec 2024\nBPAY: Biller code 224917, Ref 6104228753\nreference 30715526804\nMobile 9123 4567\nCard: call 13 24 61\nPage 1 of 2';
    expect(extractAmounts(text).map((a) => a.value)).toEqual([60]);
  });

  it('ends the table at a sentence below it', () => {
    expect(extractAmounts('Item Amount\nMonthly fee 50.00\nPlease pay by the due date.\nLevel 9, 200 Queen Street, Melbourne VIC 3000').map((a) => a.value)).toEqual([50]);
  });

  it.each([
    'Total amount due\n79.99', 'not have to pay the disputed amount while we investigate\nafter 16', '本期應繳總金額\n649', 'Amount enclosed:\n25',
  ])('takes no label for a header: %j', (text) => expect(extractAmounts(text)).toEqual([]));

  it('ignores bare numbers without such a header', () => {
    expect(extractAmounts('月租費 精選599型\n599\n本期應繳總金額\n649')).toEqual([]);
  });

  it.each([
    ['Total: NT$ 1,288', 'total'], ['合計 新臺幣980元', 'total'], ['应缴合计：144.00元', 'total'], ['違約金上限新台幣12,000元', 'other'],
  ])('%s → role %s', (text, role) => expect(extractAmounts(text)[0]!.role).toBe(role));
});

describe('extractAmounts: a number after a word naming money', () => {
  it.each([
    ['退款金额128.00，将在3个工作日内原路退回。', 128],
    ['产生费用 552.50。', 552.5],
    ['本期扣款：99', 99],
    ['帳戶餘額 1,280', 1280],
  ])('%s → %s', (text, value) => {
    const found = extractAmounts(text, { defaultCurrency: 'CNY' });
    expect(found.map((a) => [a.value, a.currency, a.isCurrencyInferred])).toEqual([[value, 'CNY', true]]);
  });

  it.each([['費用 2GB'], ['金額共3筆'], ['退款 11-19 16:02'], ['费用2024年11月'], ['余额不足，请充值'], ['扣款日期 2024/11/20']])('not in %s', (text) => {
    expect(extractAmounts(text, { defaultCurrency: 'TWD' })).toEqual([]);
  });
});

describe('extractAmounts: things that are not amounts', () => {
  it.each([
    ['資費方案：精選599型'], ['品牌甲 X12 128GB'], ['合約期間30個月'], ['7個工作天內回覆'], ['超出300小时'],
    ['台北市中正區忠孝西路一段50號3樓'], ['門號0912-345-678'], ['申訴案號 TK113100800217'], ['113/10/08'],
    ['100小时'], ['1月1日元旦'], ['兩百多块'],
  ])('%s', (text) => expect(extractAmounts(text, { defaultCurrency: 'TWD' })).toEqual([]));

  it('does not take a number inside an excluded span', () => {
    expect(extractAmounts('金額(元)\n113/10/08', { exclude: [{ start: 6, end: 15 }] })).toEqual([]);
  });
});

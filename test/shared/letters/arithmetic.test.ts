import { describe, expect, it } from 'vitest';
import { checkCalculation, claimTotals, parseCalculation, parseChineseNumeral } from '../../../shared/letters/arithmetic';

describe('parseCalculation', () => {
  it.each([
    ['50元 × 2個月', 100, '50 × 2'],
    ['50*2', 100, '50 × 2'],
    ['2 x 50', 100, '2 × 50'],
    ['已交200元 + 欠费54元', 254, '200 + 54'],
    ['0.1元/分钟 × 2540分钟', 254, '0.1 × 2540'],
    ['8小时 × 6元/小时', 48, '8 × 6'],
    ['１，２８８元 × ３', 3864, '1288 × 3'],
    ['NT$ 1,288 − NT$649', 639, '1288 − 649'],
    ['24,900元 − 15,900元', 9000, '24900 − 15900'],
    ['三千元', 3000, '3000'],
    ['兩個月 × 50元', 100, '2 × 50'],
    ['(100 + 50) × 2', 300, '(100 + 50) × 2'],
    ['（100＋50）×2', 300, '(100 + 50) × 2'],
    ['3000 × 80%', 2400, '3000 × 0.8'],
    ['手機差價 5000 乘以 折舊 0.6', 3000, '5000 × 0.6'],
    ['100 + 50 × 2', 200, '100 + 50 × 2'],
    ['388元 ÷ 30天 × 1天', 12.933333, '388 ÷ 30 × 1'],
  ])('%s = %d', (text, value, expression) => {
    const parsed = parseCalculation(text);
    expect(parsed).toMatchObject({ ok: true, expression });
    if (parsed.ok) expect(parsed.value).toBeCloseTo(value, 5);
  });

  it('reads the stated result after =', () => {
    expect(parseCalculation('50元 × 2個月 = 100元')).toEqual({ ok: true, value: 100, expression: '50 × 2', stated: 100 });
    expect(parseCalculation('50 × 2 ＝ 120')).toMatchObject({ ok: true, value: 100, stated: 120 });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['about fifty', 'no-number'],
    ['50元 2個月', 'missing-operator'],
    ['50 ×', 'dangling-operator'],
    ['(50 × 2', 'unbalanced'],
    ['50 × 2)', 'unbalanced'],
    ['50 ÷ 0', 'division-by-zero'],
  ])('refuses %j: %s', (text, error) => {
    expect(parseCalculation(text)).toEqual({ ok: false, error });
  });
});

describe('parseChineseNumeral', () => {
  it.each([['三千', 3000], ['十二', 12], ['二十', 20], ['兩', 2], ['一萬二千', 12000], ['九千九百九十', 9990], ['一百零五', 105]])('%s = %d', (text, n) => {
    expect(parseChineseNumeral(text)).toBe(n);
  });
});

describe('checkCalculation', () => {
  it.each([
    ['50元 × 2個月', 100, { state: 'ok', value: 100 }],
    ['50元 × 2個月', 150, { state: 'mismatch', value: 100, amount: 150 }],
    ['50 × 2 = 120', 120, { state: 'mismatch', value: 100, amount: 120 }],
    ['0.1元/分钟 × 2540分钟', 254, { state: 'ok', value: 254 }],
    ['已交200元 + 欠费54元', 254.004, { state: 'ok', value: 254 }],
    ['50元 2個月', 100, { state: 'unreadable', error: 'missing-operator' }],
    [undefined, 100, { state: 'empty' }],
    ['50×2', undefined, { state: 'no-amount', value: 100 }],
  ] as const)('%s against %s', (calculation, amount, expected) => {
    expect(checkCalculation(calculation, amount)).toMatchObject(expected);
  });
});

describe('claimTotals', () => {
  it('adds per currency in order of first appearance, to the cent', () => {
    expect(claimTotals([
      { amount: 100, currency: 'TWD' },
      { amount: 0.1, currency: 'CNY' },
      {},
      { amount: 0.2, currency: 'CNY' },
      { amount: 3000 },
      { amount: 918, currency: 'HKD' },
    ], 'TWD')).toEqual([
      { currency: 'TWD', amount: 3100, count: 2 },
      { currency: 'CNY', amount: 0.3, count: 2 },
      { currency: 'HKD', amount: 918, count: 1 },
    ]);
  });

  it('keeps amounts without any currency apart', () => {
    expect(claimTotals([{ amount: 5 }, { amount: 7, currency: 'TWD' }])).toEqual([
      { currency: null, amount: 5, count: 1 },
      { currency: 'TWD', amount: 7, count: 1 },
    ]);
  });

  it('is empty without amounts', () => {
    expect(claimTotals([{}, { currency: 'TWD' }])).toEqual([]);
  });
});

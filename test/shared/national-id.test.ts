import { describe, expect, it } from 'vitest';
import { findNationalIds, isValidCnId, isValidTwId } from '../../shared/extract/national-id';

describe('isValidTwId', () => {
  it.each([
    ['A123456789', true], ['a123456789', true], ['F131104093', true], ['A123456788', false],
    ['A323456789', false], ['1234567890', false], ['A12345678', false],
  ])('%s → %s', (id, ok) => expect(isValidTwId(id)).toBe(ok));
});

describe('isValidCnId', () => {
  it.each([
    ['11010519491231002X', true], ['110105194912310021', false], ['440524188001010014', false],
    ['11010519491331002X', false], ['1101051949123100', false],
  ])('%s → %s', (id, ok) => expect(isValidCnId(id)).toBe(ok));
});

describe('findNationalIds', () => {
  it('finds IDs with their spans, including full-width digits, and skips invalid ones', () => {
    const text = '申辦人：王小明 身分證字號：A123456789，另 B123456789；证件 11010519491231002X 與 Ａ１２３４５６７８９';
    const found = findNationalIds(text);
    expect(found.map((f) => [f.kind, f.value])).toEqual([
      ['tw-id', 'A123456789'], ['cn-id', '11010519491231002X'], ['tw-id', 'A123456789'],
    ]);
    for (const f of found) expect(text.slice(f.start, f.end).normalize('NFKC').toUpperCase()).toBe(f.value);
  });

  it('does not take IDs out of longer codes', () => {
    expect(findNationalIds('TK113100800217 XA123456789 A1234567890')).toEqual([]);
  });
});

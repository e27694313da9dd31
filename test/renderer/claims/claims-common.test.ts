import { describe, expect, it } from 'vitest';
import { move, opt } from '../../../renderer/src/claims/claims-common';
import { localDay } from '../../../shared/deadlines/calendar';

describe('move', () => {
  it.each([
    [[1, 2, 3, 4], 3, 2, [1, 2, 4, 3]],
    [[1, 2, 3, 4], 0, 1, [2, 1, 3, 4]],
    [[1, 2, 3, 4], 0, -1, [1, 2, 3, 4]],
    [[1, 2, 3, 4], 3, 4, [1, 2, 3, 4]],
    [[1, 2, 3, 4], 1, 3, [1, 3, 4, 2]],
  ])('%j from %d to %d', (list, from, to, expected) => {
    expect(move(list, from, to)).toEqual(expected);
  });

  it('returns a new array', () => {
    const list = [1, 2];
    expect(move(list, 0, 1)).not.toBe(list);
    expect(list).toEqual([1, 2]);
  });
});

describe('opt and localDay', () => {
  it.each([['', undefined], ['  ', undefined], ['A1', 'A1']])('opt(%j)', (v, expected) => expect(opt(v)).toBe(expected));
  it('gives the local calendar day', () => {
    const d = new Date(2024, 9, 8, 23, 30);
    expect(localDay(d.toISOString())).toBe('2024-10-08');
  });
});

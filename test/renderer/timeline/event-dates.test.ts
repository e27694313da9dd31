import { describe, expect, it } from 'vitest';
import { compareEvents, dayNumber, formatDate, parseDateInput, periodDays, rocOf, sortEvents } from '../../../renderer/src/timeline/event-dates';

describe('ROC display', () => {
  it.each([
    ['2024-09-15', 'TW', '113/09/15（2024-09-15）'],
    ['2024-10', 'TW', '113/10（2024-10）'],
    ['2024', 'TW', '113（2024）'],
    ['1912-01-01', 'TW', '1/01/01（1912-01-01）'],
    ['1911-12-31', 'TW', '1911-12-31'],
    ['2024-09-15', 'CN', '2024-09-15'],
    ['2024-09-15', 'HK', '2024-09-15'],
  ] as const)('%s in %s reads %s', (date, jurisdiction, shown) => {
    expect(formatDate(date, jurisdiction)).toBe(shown);
  });

  it('has no ROC year before 1912', () => {
    expect(rocOf('1900-05-01')).toBeUndefined();
  });
});

describe('parseDateInput', () => {
  it.each([
    ['2024', '2024'],
    ['2024-10', '2024-10'],
    ['2024-10-15', '2024-10-15'],
    ['2024/10/5', '2024-10-05'],
    ['2024.1.5', '2024-01-05'],
    ['2024年10月15日', '2024-10-15'],
    ['2024年10月', '2024-10'],
    ['2024年10月15', '2024-10-15'],
    ['2024年', '2024'],
    ['113/10/15', '2024-10-15'],
    ['113-10', '2024-10'],
    ['民國113年10月15日', '2024-10-15'],
    ['中華民國112年5月12日', '2023-05-12'],
    ['２０２４／１０／１５', '2024-10-15'],
    [' 2024-02-29 ', '2024-02-29'],
  ])('%s → %s', (input, expected) => {
    expect(parseDateInput(input)).toBe(expected);
  });

  it.each(['', 'abc', '2023-02-29', '2024-13', '2024-10-32', '10/15', '2024--10', '12345', '2024-1015', '2024年10日'])('refuses %j', (input) => {
    expect(parseDateInput(input)).toBeUndefined();
  });
});

describe('timeline order', () => {
  it('puts a partial date at the start of its period and untimed before timed on the same day', () => {
    const events = [
      { id: 'e', date: '2024-10-15', time: '09:00' },
      { id: 'd', date: '2024-10-15' },
      { id: 'c', date: '2024-10-01' },
      { id: 'b', date: '2024-10' },
      { id: 'f', date: '2025' },
      { id: 'a', date: '2024' },
      { id: 'g', date: '2024-09-30', time: '23:59' },
    ];
    expect(sortEvents(events).map((e) => e.id)).toEqual(['a', 'g', 'b', 'c', 'd', 'e', 'f']);
  });

  it('breaks ties by id so the order is stable', () => {
    expect(compareEvents({ id: 'x', date: '2024-10' }, { id: 'y', date: '2024-10' })).toBeLessThan(0);
    expect(compareEvents({ id: 'y', date: '2024-10' }, { id: 'x', date: '2024-10' })).toBeGreaterThan(0);
  });
});

describe('periods', () => {
  it.each([
    ['2024-10-15', 1],
    ['2024-02', 29],
    ['2023-02', 28],
    ['2024', 366],
    ['2023', 365],
  ])('%s covers %i days', (date, days) => {
    expect(periodDays(date)).toBe(days);
  });

  it('numbers days from the first day of the period', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2024-10')).toBe(dayNumber('2024-10-01'));
    expect(dayNumber('2024')).toBe(dayNumber('2024-01-01'));
  });
});

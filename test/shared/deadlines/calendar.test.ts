import { describe, expect, it } from 'vitest';
import { addCivilDays, addCivilMonths, addMonths, addWorkingDays, isWorkingDay, rollToWorkingDay, type HolidayTable } from '../../../shared/deadlines/calendar';
import { CN_HOLIDAYS, TW_HOLIDAYS } from '../../../shared/deadlines/holidays';

describe('addMonths: corresponding day or month end', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-29'], ['2023-01-31', 1, '2023-02-28'], ['2024-03-31', 1, '2024-04-30'],
    ['2024-08-31', 6, '2025-02-28'], ['2024-10-15', 1, '2024-11-15'], ['2024-12-15', 1, '2025-01-15'],
    ['2024-02-29', 12, '2025-02-28'], ['2024-01-30', 1, '2024-02-29'], ['2024-05-31', 5, '2024-10-31'],
  ])('%s + %d months → %s', (from, n, to) => expect(addMonths(from, n)).toBe(to));
});

describe('working days of the tables', () => {
  it.each([
    ['TW', '2024-10-10', false, '國慶日'], ['TW', '2024-10-11', true, 'a Friday'], ['TW', '2024-10-12', false, 'a Saturday'],
    ['TW', '2024-02-17', true, '補行上班 Saturday'], ['TW', '2023-09-23', true, '補行上班 Saturday'], ['TW', '2024-02-09', false, '除夕'],
    ['TW', '2026-02-20', false, '除夕前一日補假'], ['CN', '2024-10-01', false, '国庆节'], ['CN', '2024-09-29', true, '调休上班 Sunday'],
    ['CN', '2024-10-12', true, '调休上班 Saturday'], ['CN', '2025-01-26', true, '调休上班 Sunday'], ['CN', '2026-02-23', false, '春节'],
    ['CN', '2026-01-04', true, '调休上班 Sunday'], ['CN', '2024-10-13', false, 'a Sunday'],
  ] as const)('%s %s working: %s (%s)', (j, date, working, _what) => {
    expect(isWorkingDay(date, j === 'TW' ? TW_HOLIDAYS : CN_HOLIDAYS)).toBe(working);
  });

  it('lists only real dates, each once per table', () => {
    for (const table of [TW_HOLIDAYS, CN_HOLIDAYS]) {
      const all = [...table.holidays, ...table.workdays].map((d) => d.date);
      expect(new Set(all).size).toBe(all.length);
      for (const d of table.workdays) expect([0, 6]).toContain(new Date(`${d.date}T00:00:00Z`).getUTCDay());
      for (const year of ['2023', '2024', '2025', '2026', '2027']) expect(Object.keys(table.years)).toContain(year);
    }
  });

  it('uses whatever table it is given (users edit the data)', () => {
    const typhoon: HolidayTable = { ...TW_HOLIDAYS, holidays: [...TW_HOLIDAYS.holidays, { date: '2024-10-31', name: '颱風假' }] };
    expect(rollToWorkingDay('2024-10-31', TW_HOLIDAYS)).toBe('2024-10-31');
    expect(rollToWorkingDay('2024-10-31', typhoon)).toBe('2024-11-01');
  });
});

describe('Civil Code day counting: first day excluded, last day rolled past rest days', () => {
  it.each([
    ['TW plain weekday', TW_HOLIDAYS, '2024-10-15', 15, '2024-10-30'],
    ['TW lands on Saturday', TW_HOLIDAYS, '2024-10-04', 15, '2024-10-21'],
    ['TW lands on 國慶日', TW_HOLIDAYS, '2024-09-25', 15, '2024-10-11'],
    ['TW lands on 除夕, rolls past 春節', TW_HOLIDAYS, '2024-01-25', 15, '2024-02-15'],
    ['TW lands on a 補行上班 Saturday', TW_HOLIDAYS, '2024-02-02', 15, '2024-02-17'],
    ['CN lands on 国庆节', CN_HOLIDAYS, '2024-09-16', 15, '2024-10-08'],
    ['CN lands on a 调休 Saturday', CN_HOLIDAYS, '2024-08-30', 15, '2024-09-14'],
    ['CN lands on 春节 2026', CN_HOLIDAYS, '2026-02-01', 15, '2026-02-24'],
  ])('%s: %s + %d days → %s', (_label, table, from, n, to) => expect(addCivilDays(from, n, table)).toBe(to));

  it.each([
    ['TW over 228 and a 補行上班 Saturday', TW_HOLIDAYS, '2024-02-15', 10, '2024-02-29'],
    ['TW plain', TW_HOLIDAYS, '2024-10-15', 10, '2024-10-29'],
    ['CN over 国庆节 with 调休 Sunday', CN_HOLIDAYS, '2024-09-26', 5, '2024-10-09'],
    ['CN 12315 over 春节 2025', CN_HOLIDAYS, '2025-01-24', 7, '2025-02-10'],
    ['event on a holiday', CN_HOLIDAYS, '2024-10-03', 1, '2024-10-08'],
  ])('%s: %s + %d working days → %s', (_label, table, from, n, to) => expect(addWorkingDays(from, n, table)).toBe(to));

  it.each([
    [TW_HOLIDAYS, '2024-01-31', 1, '2024-02-29'],
    [CN_HOLIDAYS, '2024-01-31', 5, '2024-07-01'],
    [TW_HOLIDAYS, '2024-09-10', 1, '2024-10-11'],
  ])('month periods roll too: %s + %d months', (table, from, n, to) => expect(addCivilMonths(from, n as number, table)).toBe(to));
});

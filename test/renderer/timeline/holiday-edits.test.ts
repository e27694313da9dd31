import { describe, expect, it } from 'vitest';
import type { HolidayTable } from '../../../shared/deadlines/calendar';
import { addCivilDays } from '../../../shared/deadlines/calendar';
import { TW_HOLIDAYS } from '../../../shared/deadlines/holidays';
import { addHoliday, applyHolidayEdits, NO_EDITS, parseHolidayEdits, removeHoliday } from '../../../renderer/src/timeline/holiday-edits';

const base: HolidayTable = {
  jurisdiction: 'CN', years: { 2025: { status: 'official', source: 'test' } },
  holidays: [{ date: '2025-10-01', name: '国庆节' }, { date: '2025-10-02', name: '国庆节' }],
  workdays: [{ date: '2025-09-28', name: '调休上班' }],
};

describe('holiday corrections', () => {
  it('adds, removes and re-adds days on top of the built-in table', () => {
    let edits = addHoliday(NO_EDITS, { date: '2025-07-24', name: '颱風停班' });
    edits = removeHoliday(edits, '2025-10-02', base);
    expect(applyHolidayEdits(base, edits).holidays.map((d) => d.date)).toEqual(['2025-07-24', '2025-10-01']);
    edits = addHoliday(edits, { date: '2025-10-02', name: '国庆节' });
    expect(edits.removed).toEqual([]);
    edits = removeHoliday(edits, '2025-07-24', base);
    expect(edits).toEqual({ added: [{ date: '2025-10-02', name: '国庆节' }], removed: [] });
    expect(applyHolidayEdits(base, edits).holidays.map((d) => d.date)).toEqual(['2025-10-01', '2025-10-02']);
  });

  it('turns a make-up working day the user marks as a holiday into a rest day', () => {
    const table = applyHolidayEdits(base, addHoliday(NO_EDITS, { date: '2025-09-28', name: '停班' }));
    expect(table.workdays).toEqual([]);
  });

  it('moves a due date past a typhoon day the user added', () => {
    // 2024-10-15 + 15 days = Wednesday 2024-10-30 in the built-in table.
    expect(addCivilDays('2024-10-15', 15, TW_HOLIDAYS)).toBe('2024-10-30');
    const table = applyHolidayEdits(TW_HOLIDAYS, addHoliday(NO_EDITS, { date: '2024-10-30', name: '颱風停班' }));
    expect(addCivilDays('2024-10-15', 15, table)).toBe('2024-10-31');
  });

  it('reads stored corrections, treating anything malformed as none', () => {
    expect(parseHolidayEdits({ added: [{ date: '2025-07-24', name: 'x' }], removed: ['2025-10-01'] })).toEqual({ added: [{ date: '2025-07-24', name: 'x' }], removed: ['2025-10-01'] });
    expect(parseHolidayEdits({ added: [{ date: 'July 24', name: 'x' }] })).toEqual(NO_EDITS);
    expect(parseHolidayEdits(undefined)).toEqual(NO_EDITS);
    expect(parseHolidayEdits('nonsense')).toEqual(NO_EDITS);
  });
});

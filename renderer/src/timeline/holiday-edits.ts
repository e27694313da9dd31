/**
 * The user's corrections to a jurisdiction's holiday table (typhoon days, a newly published year,
 * a wrong entry), kept as additions and removals on top of the built-in table so that corrections
 * survive when the built-in table is updated.
 */
import { z } from 'zod';
import type { CalendarDay, HolidayTable } from '../../../shared/deadlines/calendar';

/** Days the user added and dates the user removed. */
export interface HolidayEdits {
  added: CalendarDay[];
  removed: string[];
}

const DaySchema = z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), name: z.string() });
const EditsSchema = z.object({ added: z.array(DaySchema).default([]), removed: z.array(z.string()).default([]) });

/** No corrections. */
export const NO_EDITS: HolidayEdits = { added: [], removed: [] };

/** The settings key of a jurisdiction's corrections. */
export const holidaySettingKey = (jurisdiction: string) => `deadlines.holidays.${jurisdiction}`;

/** Corrections read back from storage; anything malformed counts as none. */
export function parseHolidayEdits(value: unknown): HolidayEdits {
  const parsed = EditsSchema.safeParse(value);
  return parsed.success ? parsed.data : NO_EDITS;
}

/** The built-in table with the user's corrections applied (sorted by date). */
export function applyHolidayEdits(table: HolidayTable, edits: HolidayEdits): HolidayTable {
  const removed = new Set(edits.removed);
  const byDate = new Map<string, CalendarDay>();
  for (const d of table.holidays) if (!removed.has(d.date)) byDate.set(d.date, d);
  for (const d of edits.added) byDate.set(d.date, d);
  const holidays = [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
  // A day the user made a holiday is no longer a make-up working day.
  const workdays = table.workdays.filter((w) => !byDate.has(w.date) || removed.has(w.date));
  return { ...table, holidays, workdays };
}

/** Corrections after the user adds a holiday. */
export function addHoliday(edits: HolidayEdits, day: CalendarDay): HolidayEdits {
  return {
    added: [...edits.added.filter((d) => d.date !== day.date), day].sort((a, b) => a.date.localeCompare(b.date)),
    removed: edits.removed.filter((d) => d !== day.date),
  };
}

/** Corrections after the user removes a holiday (built-in or their own). */
export function removeHoliday(edits: HolidayEdits, date: string, table: HolidayTable): HolidayEdits {
  const isBuiltIn = table.holidays.some((d) => d.date === date);
  return {
    added: edits.added.filter((d) => d.date !== date),
    removed: isBuiltIn && !edits.removed.includes(date) ? [...edits.removed, date].sort() : edits.removed,
  };
}

/**
 * Calendar arithmetic for legal deadlines, on `YYYY-MM-DD` strings (UTC, no time zones involved).
 * Civil Code rules (TW 民法 Art. 120–122, CN 民法典 Art. 201–203): the day of the event is not
 * counted; a period in months ends on the corresponding day of the last month, or on that month's last
 * day when it has none (1 month from Jan 31 is Feb 28/29); a last day that is a weekend or public
 * holiday moves to the next working day. Holidays and make-up working days (CN 调休, TW 補行上班) come
 * from a {@link HolidayTable} the caller passes in, so users can correct or extend it.
 */

/** One dated entry of a holiday table. */
export interface CalendarDay {
  /** `YYYY-MM-DD`. */
  date: string;
  name: string;
}

/** Public holidays and make-up working days of one jurisdiction, editable data. */
export interface HolidayTable {
  jurisdiction: 'TW' | 'CN' | 'HK';
  /** Years the table covers and where each year's data comes from. */
  years: Record<string, { status: 'official' | 'projected'; source: string }>;
  /** Days off (besides Saturdays and Sundays). */
  holidays: CalendarDay[];
  /** Saturdays or Sundays that are working days (调休 / 補行上班). */
  workdays: CalendarDay[];
}

const DAY_MS = 86_400_000;

/** Milliseconds of a `YYYY-MM-DD` day at 00:00 UTC; throws on anything else. */
export function dayValue(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${iso}`);
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(t).toISOString().slice(0, 10) !== iso) throw new Error(`no such day: ${iso}`);
  return t;
}

/** The calendar day of an instant in the runtime's time zone, `YYYY-MM-DD`: what "today" means to the user. */
export function localDay(instant: Date | string): string {
  const d = new Date(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** `YYYY-MM-DD` of a UTC millisecond value. */
export function isoOfValue(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** The day `n` calendar days after (or before, when negative) `iso`. */
export function addDays(iso: string, n: number): string {
  return isoOfValue(dayValue(iso) + n * DAY_MS);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayValue(to) - dayValue(from)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(iso: string): number {
  return new Date(dayValue(iso)).getUTCDay();
}

/** Lookup sets of a table, built once per table object. */
const lookups = new WeakMap<HolidayTable, { holidays: Set<string>; workdays: Set<string> }>();
function lookup(table: HolidayTable): { holidays: Set<string>; workdays: Set<string> } {
  let l = lookups.get(table);
  if (!l) {
    l = { holidays: new Set(table.holidays.map((d) => d.date)), workdays: new Set(table.workdays.map((d) => d.date)) };
    lookups.set(table, l);
  }
  return l;
}

/** True on working days: weekdays that are not holidays, and weekend days listed as make-up working days. */
export function isWorkingDay(iso: string, table: HolidayTable): boolean {
  const l = lookup(table);
  if (l.workdays.has(iso)) return true;
  if (l.holidays.has(iso)) return false;
  const w = weekday(iso);
  return w !== 0 && w !== 6;
}

/** True when the table has data for the year of `iso` (else only weekends are known). */
export function isCovered(iso: string, table: HolidayTable): boolean {
  return Object.hasOwn(table.years, iso.slice(0, 4));
}

/** `iso` itself when it is a working day, else the next working day (Civil Code rule for a last day). */
export function rollToWorkingDay(iso: string, table: HolidayTable): string {
  let d = iso;
  for (let i = 0; i < 60 && !isWorkingDay(d, table); i++) d = addDays(d, 1);
  return d;
}

/** The last day of a period of `n` days from an event on `iso`: first day excluded, rolled past rest days. */
export function addCivilDays(iso: string, n: number, table: HolidayTable): string {
  return rollToWorkingDay(addDays(iso, n), table);
}

/** The `n`-th working day after `iso` (the event day itself never counts). */
export function addWorkingDays(iso: string, n: number, table: HolidayTable): string {
  let d = iso;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(d, table)) left -= 1;
  }
  return d;
}

/**
 * The corresponding day `n` months after `iso`, or the last day of that month when it has none
 * (Jan 31 + 1 month = Feb 28 or 29). Not rolled: see {@link addCivilMonths}.
 */
export function addMonths(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + n;
  const ty = Math.floor(index / 12);
  const tm = index % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return isoOfValue(Date.UTC(ty, tm, Math.min(d, last)));
}

/** The last day of a period of `n` months from an event on `iso`, rolled past rest days. */
export function addCivilMonths(iso: string, n: number, table: HolidayTable): string {
  return rollToWorkingDay(addMonths(iso, n), table);
}

/**
 * Dates of timeline events as people read them: partial dates (`2024`, `2024-10`, `2024-10-08`),
 * the ROC (民國) year beside the Gregorian one for Taiwanese cases, ordering where a partial date
 * sorts at the start of its period, and parsing what the user types in the date field.
 */
import { PartialDateSchema, type Jurisdiction, type PartialDate } from '../../../shared/case/schema';

/** Precision of a partial date. */
export type DatePrecision = 'year' | 'month' | 'day';

/** How precise a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date is. */
export function precisionOf(date: string): DatePrecision {
  return date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day';
}

/** The first ROC year (民國元年 = 1912). */
const ROC_EPOCH = 1911;

/**
 * A date written with the ROC year the way Taiwanese documents do (`113/09/15`, `113/10`, `113`),
 * or undefined before 1912 when no ROC year exists.
 */
export function rocOf(date: string): string | undefined {
  const [y, m, d] = date.split('-');
  const year = Number(y) - ROC_EPOCH;
  if (!(year >= 1)) return undefined;
  return [String(year), m, d].filter((part): part is string => part !== undefined).join('/');
}

/** What to show for a date: the Gregorian date, with the ROC form first for Taiwanese cases. */
export interface DisplayDate {
  iso: string;
  roc?: string;
}

/** The parts of a date to show for a case in `jurisdiction`. */
export function displayDate(date: string, jurisdiction: Jurisdiction): DisplayDate {
  const roc = jurisdiction === 'TW' ? rocOf(date) : undefined;
  return roc ? { iso: date, roc } : { iso: date };
}

/** `113/09/15（2024-09-15）` for Taiwanese cases, else `2024-09-15`. */
export function formatDate(date: string, jurisdiction: Jurisdiction): string {
  const d = displayDate(date, jurisdiction);
  return d.roc ? `${d.roc}（${d.iso}）` : d.iso;
}

/** What ordering needs of an event. */
export interface Orderable {
  id: string;
  date: string;
  time?: string | undefined;
}

/**
 * Orders events by date; a partial date comes before every full date of its period (`2024-10`
 * before `2024-10-01`), an event without a time before one with a time on the same day.
 */
export function compareEvents(a: Orderable, b: Orderable): number {
  const ka = a.time ? `${a.date}T${a.time}` : a.date;
  const kb = b.time ? `${b.date}T${b.time}` : b.date;
  return ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Events in timeline order (a new array). */
export function sortEvents<T extends Orderable>(events: readonly T[]): T[] {
  return [...events].sort(compareEvents);
}

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0F\uFF0D\uFF0E]/g;

/**
 * Reads a date typed by the user: `2024`, `2024-10`, `2024-10-08`, `2024/10/8`, `2024.10.8`,
 * `2024年10月8日`, and ROC forms (`113/10/08`, `113-10`, `民國113年10月`). Full-width digits are
 * accepted. Returns undefined when the text is not a date that exists.
 */
export function parseDateInput(input: string): PartialDate | undefined {
  const s = input.trim()
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/^(中華民國|中华民国|民國|民国)\s*/, 'ROC')
    .replace(/\s+/g, '');
  const m = /^(ROC)?(\d{1,4})(?:(?:年|[-/.])(\d{1,2})(?:(?:月|[-/.])(\d{1,2})日?|月)?|年)?$/.exec(s);
  if (!m) return undefined;
  const [, isRoc, ys, ms, ds] = m;
  if (ds !== undefined && ms === undefined) return undefined;
  let year = Number(ys);
  // A year of one to three digits is an ROC year (民國); a four-digit one is Gregorian.
  if (isRoc || ys!.length <= 3) year += ROC_EPOCH;
  if (year < 1000 || year > 9999) return undefined;
  const pad = (n: string) => n.padStart(2, '0');
  const candidate = [String(year), ms && pad(ms), ds && pad(ds)].filter(Boolean).join('-');
  const parsed = PartialDateSchema.safeParse(candidate);
  return parsed.success ? parsed.data : undefined;
}


/** Days since 1970-01-01 of the first day of a (partial) date's period. */
export function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Math.round(Date.UTC(y!, (m ?? 1) - 1, d ?? 1) / 86_400_000);
}

/** Number of days a (partial) date covers: 1 for a day, the month's length, or the year's. */
export function periodDays(date: string): number {
  const [y, m] = date.split('-').map(Number);
  if (date.length === 10) return 1;
  if (date.length === 7) return new Date(Date.UTC(y!, m!, 0)).getUTCDate();
  return dayNumber(`${y! + 1}`) - dayNumber(`${y!}`);
}

/** `YYYY-MM-DD` of a day number (see {@link dayNumber}). */
export function isoOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

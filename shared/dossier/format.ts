/**
 * Dates, sizes and exhibit labels as the dossier prints them.
 */
import type { Jurisdiction, Language } from '../case/schema';

/**
 * A (possibly partial) ISO date as printed in a case: Taiwanese cases show the ROC date first with the
 * Gregorian date beside it, `113/09/15 (2024-09-15)`, as Taiwanese documents and officials expect;
 * other cases show the ISO date. Dates before ROC year 1 stay Gregorian.
 */
export function formatCaseDate(iso: string, jurisdiction: Jurisdiction): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso);
  if (!m || jurisdiction !== 'TW') return iso;
  const roc = Number(m[1]) - 1911;
  if (roc < 1) return iso;
  const parts = [String(roc).padStart(3, '0'), m[2], m[3]].filter((p): p is string => p !== undefined);
  return `${parts.join('/')} (${iso})`;
}

/** The calendar date of an instant in a time zone offset given in minutes east of UTC (default UTC+8). */
export function isoDateOf(instant: Date, offsetMinutes = 480): string {
  return new Date(instant.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** Letter-style date line: `中華民國113年10月8日`, `2024年10月8日`, `8 October 2024`. */
export function formatLetterDate(iso: string, language: Language, jurisdiction: Jurisdiction): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (language === 'en') {
    const month = new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
    return `${d} ${month} ${y}`;
  }
  if (jurisdiction === 'TW' && language === 'zh-TW') return `中華民國${y - 1911}年${m}月${d}日`;
  return `${y}年${m}月${d}日`;
}

/** A byte count with thousands separators. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

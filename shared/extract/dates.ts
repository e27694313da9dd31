/**
 * Date extraction for Taiwanese, mainland and Hong Kong documents: Gregorian and ROC (民國) years,
 * numeric, compact, CJK and English forms, Chinese numerals, full-width digits, ranges, times of day,
 * year-less dates and relative words. Pure: works on a string, returns spans into that string.
 */
import { CN_NUMERAL_CHARS, foldWidth, parseChineseNumber, resolveOverlaps, type Span } from './fold';

/** Options of {@link extractDates}. */
export interface DateExtractOptions {
  /** Year (Gregorian) for year-less dates such as `9月3日` or `10/15`; else the nearest full date's year. */
  anchorYear?: number;
  /** `YYYY-MM-DD` that 今天 / 昨天 / 前天 / 明天 refer to; without it relative words are skipped. */
  referenceDate?: string;
}

/** A time of day written after a date (`上午10:32`, `下午 3:18`, `14:20`). */
export interface ExtractedTime extends Span {
  /** 24-hour `HH:MM`. */
  value: string;
  raw: string;
}

/** How a date was written; drives confidence and tells the UI what was inferred. */
export type DateForm = 'numeric' | 'compact' | 'cjk' | 'cjk-numeral' | 'english' | 'year-less' | 'relative';

/** One date found in a text. */
export interface ExtractedDate extends Span {
  /** `YYYY-MM-DD`, or `YYYY-MM` when only a month was written (`113年10月份`). */
  iso: string;
  /** The matched text, exactly as in the input. */
  raw: string;
  /** 0..1: how sure the match is a date. */
  confidence: number;
  precision: 'day' | 'month';
  /** The calendar the year was written in. */
  calendar: 'gregorian' | 'roc';
  form: DateForm;
  /** True when the year came from `anchorYear`, a nearby date or `referenceDate`. */
  isYearInferred: boolean;
  time?: ExtractedTime;
  /** Set on both ends of a range such as `113/09/01～113/09/30`; `id` pairs them. */
  range?: { id: number; role: 'start' | 'end' };
}

interface Candidate extends Span {
  year?: number;
  month: number;
  day?: number;
  calendar: 'gregorian' | 'roc';
  form: DateForm;
  confidence: number;
  offsetDays?: number;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH_RE = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const WEEKDAY_RE = String.raw`(?:\s?\((?:[一二三四五六日天]|週[一二三四五六日]|周[一二三四五六日]|星期[一二三四五六日天]|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\))?`;
const ROC_PREFIX = '(中華民國|中华民国|民國|民国)';
const CN_DIGIT_CLASS = '[〇○零一二三四五六七八九]';
const CN_SMALL_CLASS = '[一二三四五六七八九十]';

const RELATIVE: Record<string, number> = {
  大前天: -3, 前天: -2, 昨天: -1, 昨日: -1, 今天: 0, 今日: 0, 明天: 1, 明日: 1, 後天: 2, 后天: 2, 大後天: 3, 大后天: 3,
  yesterday: -1, today: 0, tomorrow: 1,
};

function monthOf(name: string): number {
  return MONTHS[name.slice(0, 3).toLowerCase()]!;
}

function rocYear(y: number): number {
  return y + 1911;
}

/** Years a 2–3 digit ROC number may plausibly denote in a consumer dispute (民國30–199). */
function isPlausibleRoc(y: number): boolean {
  return y >= 30 && y <= 199;
}

function isValidDay(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `YYYY-MM-DD` of a UTC date. */
function isoOf(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function collectCandidates(f: string): Candidate[] {
  const out: Candidate[] = [];
  const push = (c: Candidate): void => {
    if (c.day !== undefined && c.year !== undefined && !isValidDay(c.year, c.month, c.day)) return;
    if (c.day !== undefined && c.year === undefined && !isValidDay(2000, c.month, c.day)) return;
    if (c.day === undefined && (c.month < 1 || c.month > 12)) return;
    if (c.year !== undefined && (c.year < 1900 || c.year > 2100)) return;
    out.push(c);
  };
  const span = (m: RegExpExecArray): Span => ({ start: m.index, end: m.index + m[0].length });

  // 2024/10/08, 2024-10-08, 2024.10.07（一）
  for (const m of f.matchAll(new RegExp(String.raw`(?<![\w.\/-])((?:19|20)\d{2})([\/.-])(\d{1,2})\2(\d{1,2})(?!\d|[.\/-]\d)${WEEKDAY_RE}`, 'g'))) {
    push({ ...span(m), year: Number(m[1]), month: Number(m[3]), day: Number(m[4]), calendar: 'gregorian', form: 'numeric', confidence: 0.95 });
  }
  // 113/10/08, 113.09.01, 99/12/31 (a 2–3 digit year is ROC); a dash only with a 3-digit year, because
  // `02-2345-6789`-like strings are phone numbers.
  for (const m of f.matchAll(new RegExp(String.raw`(?<![\w.\/$-])(\d{2,3})([\/.]|-(?=\d{1,2}-))(\d{1,2})\2(\d{1,2})(?!\d|[.\/-]\d)${WEEKDAY_RE}`, 'g'))) {
    const y = Number(m[1]);
    if (!isPlausibleRoc(y) || (m[2] === '-' && m[1]!.length !== 3)) continue;
    push({ ...span(m), year: rocYear(y), month: Number(m[3]), day: Number(m[4]), calendar: 'roc', form: 'numeric', confidence: m[1]!.length === 3 ? 0.92 : 0.8 });
  }
  // 1131008, 0991231: seven digits standing alone (not inside account, ticket or phone numbers).
  for (const m of f.matchAll(/(?<![\w./$¥￥-]|\d,)(\d{3})(\d{2})(\d{2})(?![\w/-]|[.,]\d|\s*[元圓块塊])/g)) {
    const y = Number(m[1]);
    if (y < 60 || y > 150) continue;
    push({ ...span(m), year: rocYear(y), month: Number(m[2]), day: Number(m[3]), calendar: 'roc', form: 'compact', confidence: 0.75 });
  }
  // 2024年9月15日, 民國112年5月12日, 113年10月份, 113年10月
  for (const m of f.matchAll(new RegExp(String.raw`(?:${ROC_PREFIX}\s*)?(?<!\d)(\d{2,4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日號号]|(份))?${WEEKDAY_RE}`, 'g'))) {
    const y = Number(m[2]);
    const isRoc = m[1] !== undefined || m[2]!.length < 4;
    if (isRoc && (m[2]!.length === 4 || !isPlausibleRoc(y))) continue;
    const day = m[4] === undefined ? undefined : Number(m[4]);
    if (day === undefined && m[5] === undefined && /^\s*\d/.test(f.slice(m.index + m[0].length))) continue; // `113年10月 8日`-like OCR splits are rare; a following digit is more likely something else
    push({
      ...span(m), year: isRoc ? rocYear(y) : y, month: Number(m[3]), day, calendar: isRoc ? 'roc' : 'gregorian', form: 'cjk',
      confidence: day === undefined ? 0.9 : 0.97,
    });
  }
  // 中華民國一一三年十月八日, 二〇二四年十月八日
  for (const m of f.matchAll(new RegExp(`${ROC_PREFIX}?(${CN_DIGIT_CLASS}{2,4})年(${CN_SMALL_CLASS}{1,3})月(?:(${CN_SMALL_CLASS}{1,3})[日號号]|(份))?`, 'g'))) {
    const y = parseChineseNumber(m[2]!);
    const month = parseChineseNumber(m[3]!);
    const day = m[4] === undefined ? undefined : parseChineseNumber(m[4]);
    if (y === undefined || month === undefined || (m[4] !== undefined && day === undefined)) continue;
    const isRoc = m[1] !== undefined || m[2]!.length < 4;
    if (isRoc && !isPlausibleRoc(y)) continue;
    push({
      ...span(m), year: isRoc ? rocYear(y) : y, month, day, calendar: isRoc ? 'roc' : 'gregorian', form: 'cjk-numeral',
      confidence: m[1] !== undefined ? 0.95 : 0.85,
    });
  }
  // 9月3日, 十月八日 (year-less)
  for (const m of f.matchAll(/(?<![年\d])(\d{1,2})\s*月\s*(\d{1,2})\s*[日號号]/g)) {
    push({ ...span(m), month: Number(m[1]), day: Number(m[2]), calendar: 'gregorian', form: 'year-less', confidence: 0.85 });
  }
  for (const m of f.matchAll(new RegExp(`(?<![年${CN_NUMERAL_CHARS}])(${CN_SMALL_CLASS}{1,2})月(${CN_SMALL_CLASS}{1,3})[日號号]`, 'g'))) {
    const month = parseChineseNumber(m[1]!);
    const day = parseChineseNumber(m[2]!);
    if (month === undefined || day === undefined) continue;
    push({ ...span(m), month, day, calendar: 'gregorian', form: 'year-less', confidence: 0.8 });
  }
  // 10/15 (year-less): weakest form; never next to other digits, colons, currency or units.
  for (const m of f.matchAll(/(?<![\w./:$¥￥-]|\d,)(\d{1,2})\/(\d{1,2})(?![\w/%:]|\.\d|\s*[元圓块塊])/g)) {
    push({ ...span(m), month: Number(m[1]), day: Number(m[2]), calendar: 'gregorian', form: 'year-less', confidence: 0.6 });
  }
  // 08 Oct 2024, 1 Sep 2024, 8-Oct-2024
  for (const m of f.matchAll(new RegExp(String.raw`(?<![\w])(\d{1,2})(?:st|nd|rd|th)?(?:\s+|-)${MONTH_RE}\.?(?:,?\s+|-)(\d{4})(?!\d)`, 'gi'))) {
    push({ ...span(m), year: Number(m[3]), month: monthOf(m[2]!), day: Number(m[1]), calendar: 'gregorian', form: 'english', confidence: 0.95 });
  }
  // Sept 1, 2024 / October 8 2024
  for (const m of f.matchAll(new RegExp(String.raw`(?<![\w])${MONTH_RE}\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)`, 'gi'))) {
    push({ ...span(m), year: Number(m[3]), month: monthOf(m[1]!), day: Number(m[2]), calendar: 'gregorian', form: 'english', confidence: 0.95 });
  }
  // Sept 1 / 1 Sep (year-less)
  for (const m of f.matchAll(new RegExp(String.raw`(?<![\w])${MONTH_RE}\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?![\w:]|\.\d)`, 'gi'))) {
    push({ ...span(m), month: monthOf(m[1]!), day: Number(m[2]), calendar: 'gregorian', form: 'year-less', confidence: 0.7 });
  }
  for (const m of f.matchAll(new RegExp(String.raw`(?<![\w.\/])(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH_RE}\.?(?![a-z])`, 'gi'))) {
    push({ ...span(m), month: monthOf(m[2]!), day: Number(m[1]), calendar: 'gregorian', form: 'year-less', confidence: 0.7 });
  }
  // 今天 / 昨天 / 前天 / 明天 …
  for (const m of f.matchAll(/大前天|大後天|大后天|前天|昨天|昨日|今天|今日|明天|明日|後天|后天|\b(?:yesterday|today|tomorrow)\b/gi)) {
    out.push({ ...span(m), month: 0, calendar: 'gregorian', form: 'relative', confidence: 0.8, offsetDays: RELATIVE[m[0].toLowerCase()]! });
  }
  return out;
}

const TIME_RE = /^[\s,，]{0,3}(上午|下午|中午|晚上|早上|凌晨|傍晚|AM|PM)?\s*(\d{1,2}):(\d{2})(?::\d{2})?(?:\s*([AaPp])\.?[Mm]\.?(?![a-z]))?/;

function timeAfter(f: string, original: string, at: number): ExtractedTime | undefined {
  const m = TIME_RE.exec(f.slice(at));
  if (!m) return undefined;
  let h = Number(m[2]);
  const min = Number(m[3]);
  if (h > 23 || min > 59) return undefined;
  const marker = (m[1] ?? m[4] ?? '').toUpperCase();
  const isPm = ['下午', '晚上', '傍晚', 'PM', 'P'].includes(marker);
  const isAm = ['上午', '早上', '凌晨', 'AM', 'A'].includes(marker);
  if (isPm && h < 12) h += 12;
  if (isAm && h === 12) h = 0;
  const lead = m[0].length - m[0].trimStart().length;
  const start = at + lead;
  const end = at + m[0].length;
  return { value: `${pad(h)}:${pad(min)}`, raw: original.slice(start, end), start, end };
}

const RANGE_GAP = /^\s*(?:~|-|至|到|to|until|through|thru)\s*$/i;

/**
 * Every date in `text`, in text order, with ISO value, raw text, span in the original string,
 * confidence, attached time and range pairing. Year-less dates take `options.anchorYear`, else the
 * year of the nearest full date in the text (they are dropped when neither exists); relative words
 * need `options.referenceDate`.
 */
export function extractDates(text: string, options: DateExtractOptions = {}): ExtractedDate[] {
  const f = foldWidth(text);
  const kept = resolveOverlaps(collectCandidates(f));
  const withYear = kept.filter((c) => c.year !== undefined && c.form !== 'relative');
  const reference = options.referenceDate && /^\d{4}-\d{2}-\d{2}$/.test(options.referenceDate)
    ? new Date(`${options.referenceDate}T00:00:00Z`) : undefined;

  const out: ExtractedDate[] = [];
  for (const c of kept) {
    let iso: string;
    let isYearInferred = false;
    let confidence = c.confidence;
    if (c.form === 'relative') {
      if (!reference || Number.isNaN(reference.getTime())) continue;
      iso = isoOf(new Date(reference.getTime() + (c.offsetDays ?? 0) * 86_400_000));
      isYearInferred = true;
    } else {
      let year = c.year;
      if (year === undefined) {
        isYearInferred = true;
        if (options.anchorYear !== undefined) year = options.anchorYear;
        else {
          const nearest = withYear.reduce<Candidate | undefined>((best, o) => {
            const d = Math.min(Math.abs(o.start - c.end), Math.abs(c.start - o.end));
            const bd = best ? Math.min(Math.abs(best.start - c.end), Math.abs(c.start - best.end)) : Infinity;
            return d < bd ? o : best;
          }, undefined);
          year = nearest?.year;
          confidence -= 0.05;
        }
        if (year === undefined) continue;
        if (c.day !== undefined && !isValidDay(year, c.month, c.day)) continue;
      }
      iso = c.day === undefined ? `${year}-${pad(c.month)}` : `${year}-${pad(c.month)}-${pad(c.day)}`;
    }
    const date: ExtractedDate = {
      iso, raw: text.slice(c.start, c.end), start: c.start, end: c.end, confidence: Math.round(confidence * 100) / 100,
      precision: c.form !== 'relative' && c.day === undefined ? 'month' : 'day',
      calendar: c.calendar, form: c.form, isYearInferred,
    };
    const time = timeAfter(f, text, c.end);
    if (time) date.time = time;
    out.push(date);
  }
  let rangeId = 0;
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i]!;
    const b = out[i + 1]!;
    if (a.range || a.precision !== b.precision) continue;
    if (!RANGE_GAP.test(f.slice(a.time?.end ?? a.end, b.start)) || b.iso < a.iso) continue;
    rangeId += 1;
    a.range = { id: rangeId, role: 'start' };
    b.range = { id: rangeId, role: 'end' };
  }
  return out;
}

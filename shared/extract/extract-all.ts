/**
 * One call that runs every extractor over a text and keeps their results from stepping on each
 * other: identifiers and phone numbers are found first, dates may not overlap them, and amounts may
 * overlap none of the three (so a ticket's digits never become a date and a date never an amount).
 */
import { type Currency, type Jurisdiction, type Language } from '../case/schema';
import { extractAmounts, type ExtractedAmount } from './amounts';
import { extractDates, type ExtractedDate } from './dates';
import { type Span } from './fold';
import { extractIds, extractTickets, type ExtractedId, type ExtractedTicket } from './ids';
import { extractPhones, type ExtractedPhone } from './phones';

/** Options of {@link extractAll}. */
export interface ExtractOptions {
  /** Language of the document; guessed from its script when absent. */
  lang?: Language;
  /** Jurisdiction of the case; decides the default currency and landline formats. */
  jurisdiction?: Jurisdiction;
  /** Currency of a bare `元`; defaults from jurisdiction, then language. */
  defaultCurrency?: Currency;
  /** Year for year-less dates; else the nearest full date's year. */
  anchorYear?: number;
  /** `YYYY-MM-DD` for 今天 / 昨天 / 前天 / 明天. */
  referenceDate?: string;
}

/** Everything found in one text. */
export interface Extraction {
  dates: ExtractedDate[];
  amounts: ExtractedAmount[];
  phones: ExtractedPhone[];
  ids: ExtractedId[];
  tickets: ExtractedTicket[];
}

/** Characters written differently in Simplified and Traditional Chinese, common in telecom texts. */
const SIMPLIFIED = /[们这说话费单号电话动户账务资讯为发际过时间应缴请务实业网络]/g;
const TRADITIONAL = /[們這說話費單號電話動戶帳務資訊為發際過時間應繳請務實業網絡]/g;

/**
 * Best guess of a text's language from its script: Simplified- or Traditional-only characters
 * decide; text without CJK is English.
 */
export function guessLanguage(text: string): Language {
  const simplified = text.match(SIMPLIFIED)?.length ?? 0;
  const traditional = text.match(TRADITIONAL)?.length ?? 0;
  if (simplified === 0 && traditional === 0) return /[\u4e00-\u9fff]/.test(text) ? 'zh-TW' : 'en';
  return simplified > traditional ? 'zh-CN' : 'zh-TW';
}

function defaultCurrencyOf(options: ExtractOptions, lang: Language): Currency | undefined {
  if (options.defaultCurrency) return options.defaultCurrency;
  if (options.jurisdiction === 'TW') return 'TWD';
  if (options.jurisdiction === 'CN') return 'CNY';
  if (options.jurisdiction === 'HK') return 'HKD';
  return lang === 'zh-CN' ? 'CNY' : lang === 'zh-TW' ? 'TWD' : undefined;
}

/** Runs every extractor over `text`; spans index the original string. */
export function extractAll(text: string, options: ExtractOptions = {}): Extraction {
  const lang = options.lang ?? guessLanguage(text);
  const jurisdiction = options.jurisdiction ?? (lang === 'zh-CN' ? 'CN' : lang === 'zh-TW' ? 'TW' : undefined);
  const ids = extractIds(text);
  const tickets = extractTickets(text).filter((t) => !ids.some((i) => i.start < t.end && t.start < i.end));
  const phones = extractPhones(text, jurisdiction ? { jurisdiction } : {})
    .filter((p) => !spansOverlap(p, [...ids, ...tickets]));
  const taken: Span[] = [...ids, ...tickets, ...phones];
  const dates = extractDates(text, {
    ...(options.anchorYear !== undefined ? { anchorYear: options.anchorYear } : {}),
    ...(options.referenceDate !== undefined ? { referenceDate: options.referenceDate } : {}),
  }).filter((d) => !spansOverlap(d, taken));
  const currency = defaultCurrencyOf(options, lang);
  const amounts = extractAmounts(text, { ...(currency ? { defaultCurrency: currency } : {}), exclude: [...taken, ...dates] });
  return { dates, amounts, phones, ids, tickets };
}

function spansOverlap(a: Span, others: readonly Span[]): boolean {
  return others.some((o) => a.start < o.end && o.start < a.end);
}

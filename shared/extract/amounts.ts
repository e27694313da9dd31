/**
 * Money extraction: currency prefixes and suffixes (NT$, 新台幣…元, 人民币, ¥, HK$, US$, ISO codes),
 * Chinese numerals (三千元, 兩萬五千元, 3千元), rates (0.1元/分钟, 每分钟0.1元, 按月收費50元) and bare
 * numbers in the amount column of a bill. A number without a money marker is never an amount outside
 * such a column, which keeps plan names (599型), sizes (128GB), durations (30個月) and addresses out.
 */
import { type Currency } from '../case/schema';
import { foldWidth, lineAround, overlapsAny, parseChineseNumber, resolveOverlaps, type Span } from './fold';

/** Options of {@link extractAmounts}. */
export interface AmountExtractOptions {
  /** Currency of a bare `元` / `$` / bill-column number (from the case's jurisdiction or language). */
  defaultCurrency?: Currency;
  /** Spans already taken by dates, phone numbers or IDs: no amount may overlap them. */
  exclude?: readonly Span[];
}

/** Where an amount sits on a bill. */
export type AmountRole = 'total' | 'line' | 'other';

/** One amount of money found in a text. */
export interface ExtractedAmount extends Span {
  /** The number, decimals kept (0.1, 386.5). */
  value: number;
  /** ISO 4217 code; null when the text names none and no default was given. */
  currency: Currency | null;
  /** True when the currency came from `defaultCurrency` rather than the text. */
  isCurrencyInferred: boolean;
  raw: string;
  confidence: number;
  /** A price per unit (`0.1元/分钟`, `50元/月`); `unit` names the unit. */
  isRate: boolean;
  unit?: string;
  role: AmountRole;
}

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const CN_NUM = String.raw`\d+(?:\.\d+)?[十百千萬万億亿拾佰仟](?:\d+[十百千拾佰仟]?)*|[零〇一壹二貳贰兩两三參叁四肆五伍六陸陆七柒八捌九玖十拾百佰千仟萬万億亿]+`;
const PREFIXES: ReadonlyArray<[string, Currency | '$' | '¥']> = [
  ['NT$', 'TWD'], ['NTD', 'TWD'], ['NT', 'TWD'], ['TWD', 'TWD'], ['新台幣', 'TWD'], ['新臺幣', 'TWD'], ['新台币', 'TWD'],
  ['台幣', 'TWD'], ['臺幣', 'TWD'], ['US$', 'USD'], ['USD', 'USD'], ['美金', 'USD'], ['HK$', 'HKD'], ['HKD', 'HKD'],
  ['港幣', 'HKD'], ['港币', 'HKD'], ['RMB', 'CNY'], ['CNY', 'CNY'], ['人民币', 'CNY'], ['人民幣', 'CNY'],
  ['EUR', 'EUR'], ['€', 'EUR'], ['GBP', 'GBP'], ['£', 'GBP'], ['JPY', 'JPY'], ['¥', '¥'], ['￥', '¥'], ['$', '$'],
];
const SUFFIX_CODES: ReadonlyArray<[string, Currency]> = [
  ['TWD', 'TWD'], ['NTD', 'TWD'], ['CNY', 'CNY'], ['RMB', 'CNY'], ['HKD', 'HKD'], ['USD', 'USD'], ['港元', 'HKD'],
  ['港幣', 'HKD'], ['港币', 'HKD'], ['美元', 'USD'], ['EUR', 'EUR'], ['JPY', 'JPY'],
];
const escape = (s: string): string => s.replace(/[$.*+?()[\]{}|\\^]/g, '\\$&');
const PREFIX_RE = new RegExp(
  String.raw`(?<![A-Za-z])(${PREFIXES.map(([p]) => escape(p)).join('|')})\s*(${NUM}|${CN_NUM})(?:\s*(?:元|圓|块|塊)(?!旦))?(?![\d.,]?\d)`,
  'g',
);
const SUFFIX_RE = new RegExp(String.raw`(?<!\d|\d,|\.)(${NUM}|${CN_NUM})\s*(${SUFFIX_CODES.map(([s]) => s).join('|')}|元|圓|块钱|塊錢|块|塊)(?!旦)(?![A-Za-z])`, 'g');

/**
 * A number straight after a word that names money (退款金额128.00, 产生费用 552.50, 扣款：99): an
 * amount though its currency sign is missing, as it often is once a screenshot has been read (the
 * full-width ￥ read into the word before it). Not a number that goes on with a unit (费用 2GB, 金額
 * 3筆) or a date (退款 11-19 16:02).
 */
const LABELLED_RE = new RegExp(
  String.raw`(?:金[額额]|[費费]用|退款|扣款|[扣退][費费]|欠[費费]|[餘余][額额]|Amount)[ \t]*[:：]?[ \t]*(${NUM})(?![\d.,]?\d)(?!\s*(?:[A-Za-z%％年月日時时分秒天個个次筆笔項项條条則则張张號号期位名份人]|\/))(?![-/:：.]\d)`,
  'gi',
);

const UNIT = String.raw`分钟|分鐘|秒|小时|小時|天|日|月|年|次|則|条|條|封|GB|MB|KB|min(?:ute)?|hour|hr|day|month|mo|year|SMS`;
const RATE_AFTER = new RegExp(String.raw`^\s*(?:\/|每|per\s+)\s*(${UNIT}|分)`, 'i');
const RATE_BEFORE = new RegExp(String.raw`(?:每|按)\s*(${UNIT}|分)\s*(?:收費|收费|計費|计费|收取|扣款|扣)?\s*$`, 'i');
const TOTAL_RE = /總金額|总金额|應繳|应缴|合計|合计|總計|总计|總額|总额|帳單金額|账单金额|Total|Amount\s+due|Balance\s+due/i;
const TABLE_HEADER_RE = /^\s*(?:(?:項目|项目|Item|Description|說明|说明)\s*)?(?:金[額额]|Amount)\s*(?:[(（]\s*(元|NT\$|HK\$|US\$|RMB|人民币|TWD|CNY|HKD)\s*[)）])?\s*$/i;
/**
 * A table's header as one row, as OCR reads it: the column names side by side (項目 計費期間
 * 金額（元）, Description Date / period Amount, 品名 數量 單價 金額 稅額), one of them the amount's,
 * on a line with no figure and no punctuation of a sentence. A word that only ends in 金額
 * (本期應繳總金額) is a label, and so is an English amount with a word after it (Total amount due):
 * only Chinese column names follow the amount's. Its currency may stand in brackets after it (Amount
 * (S$)); one not known leaves the default.
 */
const TABLE_HEADER_ROW_RE = /^(?=[^\d，。：:；;！？!?,.]*$)(?!.*\b(?:Total|due)\b)\s*(?:\S+\s+){1,6}(?:金[額额]|Amount)(?:\s*[(（]\s*([^\s()（）]{1,4})\s*[)）]?)?(?:\s+[^\sA-Za-z]+){0,4}\s*$/i;
/**
 * What ends a row of a table but is no amount: a year after its month (Payment due by 02 Dec
 * 2024), a page's number (Page 1 of 2), the last group of figures of a phone or account number
 * (Mobile 9123 4567: a whole number of three figures or more after such a group, or the last of
 * three, call 13 24 61; a quantity before a price, 1 490, is no group), a reference or code
 * (Ref 6104228753), or a whole number of eight figures or more.
 */
const ROW_END_NOT_AMOUNT = /(?:\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}|\bof\s+\d+|(?:^|\s)(?:[\d-]*\d{3}\s+\d{3,}|(?:\d+\s+){2}\d+)|\b(?:ref(?:erence)?|code|no)\.?:?\s*\d+|(?:^|\s)\d{8,})\s*$/i;
/** A sentence (a note below the table) ends the table. */
const SENTENCE_END = /[.。]\s*$/;
const TABLE_ROW_RE = new RegExp(String.raw`(?:^|\s)(${NUM})\s*$`);

function currencyOf(marker: Currency | '$' | '¥', fallback: Currency | undefined): Currency {
  if (marker === '$') return fallback === 'TWD' || fallback === 'HKD' ? fallback : 'USD';
  if (marker === '¥') return fallback === 'JPY' ? 'JPY' : 'CNY';
  return marker;
}

function parseValue(s: string): number | undefined {
  if (/^[\d,]+(?:\.\d+)?$/.test(s)) return Number(s.replace(/,/g, ''));
  return parseChineseNumber(s);
}

/** Text of the line before the amount, or the previous non-empty line when the amount starts its line. */
function labelBefore(f: string, start: number): string {
  const line = lineAround(f, start);
  const before = f.slice(line.start, start);
  if (before.trim() !== '' || line.start === 0) return before;
  const prev = lineAround(f, line.start - 1);
  return f.slice(prev.start, prev.end);
}

interface Candidate extends ExtractedAmount {
  isTable: boolean;
}

/**
 * Every amount in `text`, in text order, with value, currency, rate flag and unit, bill role, raw
 * text, span in the original string and confidence.
 */
export function extractAmounts(text: string, options: AmountExtractOptions = {}): ExtractedAmount[] {
  const f = foldWidth(text);
  const fallback = options.defaultCurrency;
  const candidates: Candidate[] = [];
  const add = (start: number, end: number, value: number | undefined, currency: Currency | null, isCurrencyInferred: boolean, confidence: number, isTable: boolean): void => {
    if (value === undefined || !Number.isFinite(value)) return;
    candidates.push({
      start, end, value, currency, isCurrencyInferred, confidence, isTable,
      raw: text.slice(start, end), isRate: false, role: 'other',
    });
  };

  for (const m of f.matchAll(PREFIX_RE)) {
    const marker = PREFIXES.find(([p]) => p === m[1])![1];
    const isVague = marker === '$' || marker === '¥';
    add(m.index, m.index + m[0].length, parseValue(m[2]!), currencyOf(marker, fallback), marker === '$' && fallback !== undefined, isVague ? 0.85 : 0.95, false);
  }
  for (const m of f.matchAll(SUFFIX_RE)) {
    const code = SUFFIX_CODES.find(([s]) => s === m[2])?.[1];
    const isCjk = !/^[\d,.]+$/.test(m[1]!);
    add(m.index, m.index + m[0].length, parseValue(m[1]!), code ?? fallback ?? null, code === undefined && fallback !== undefined, isCjk ? 0.85 : 0.9, false);
  }

  for (const m of f.matchAll(LABELLED_RE)) {
    const numStart = m.index + m[0].length - m[1]!.length;
    add(numStart, numStart + m[1]!.length, parseValue(m[1]!), fallback ?? null, fallback !== undefined, 0.75, false);
  }

  // Bill tables: below a `金額(元)` / `Amount` header, a number alone at the end of a line is an amount.
  const lines = f.split('\n');
  let offset = 0;
  let tableCurrency: Currency | null | undefined;
  for (const line of lines) {
    const header = TABLE_HEADER_RE.exec(line) ?? TABLE_HEADER_ROW_RE.exec(line);
    if (header) {
      const marker = header[1];
      tableCurrency = marker === undefined || marker === '元' ? fallback ?? null
        : (PREFIXES.find(([p]) => p === marker.toUpperCase())?.[1] as Currency | undefined) ?? fallback ?? null;
    } else if (tableCurrency !== undefined) {
      const row = TABLE_ROW_RE.exec(line);
      if (SENTENCE_END.test(line)) tableCurrency = undefined;
      else if (row && !ROW_END_NOT_AMOUNT.test(line)) {
        const numStart = offset + row.index + row[0].indexOf(row[1]!);
        add(numStart, numStart + row[1]!.length, parseValue(row[1]!), tableCurrency, true, 0.8, true);
      }
    }
    offset += line.length + 1;
  }

  const exclude = options.exclude ?? [];
  const kept = resolveOverlaps(candidates.filter((c) => !overlapsAny(c, exclude)));
  return kept.map(({ isTable, ...a }) => {
    const after = RATE_AFTER.exec(f.slice(a.end));
    const before = RATE_BEFORE.exec(f.slice(Math.max(0, a.start - 8), a.start));
    if (after) {
      a.isRate = true;
      a.unit = after[1]!;
      a.end += after[0].length;
      a.raw = text.slice(a.start, a.end);
    } else if (before) {
      a.isRate = true;
      a.unit = before[1]!;
    }
    const label = labelBefore(f, a.start);
    a.role = TOTAL_RE.test(label) ? 'total' : isTable ? 'line' : 'other';
    return a;
  });
}

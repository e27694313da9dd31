/**
 * Phone numbers of Taiwan and mainland China: mobiles, landlines, toll-free numbers and operator short
 * codes. Short codes (800, 188, 10000, 12300…) look like any small number, so they count only next to
 * a call/SMS word or as the sender line of an SMS screenshot.
 */
import { foldWidth, lineAround, resolveOverlaps, type Span } from './fold';

/** What kind of number a phone match is. */
export type PhoneKind = 'tw-mobile' | 'tw-landline' | 'tw-toll-free' | 'cn-mobile' | 'cn-landline' | 'cn-service' | 'short-code';

/** Options of {@link extractPhones}. */
export interface PhoneExtractOptions {
  /** Breaks ties between TW and CN landline formats; without it the digits decide. */
  jurisdiction?: 'TW' | 'CN' | 'HK';
}

/** One phone number found in a text. */
export interface ExtractedPhone extends Span {
  /** Digits only, in national form (`+886 912…` becomes `0912…`). */
  digits: string;
  raw: string;
  kind: PhoneKind;
  confidence: number;
}

/** Short codes of operators, regulators and consumer hotlines in TW and CN. */
const KNOWN_SHORT_CODES = new Set([
  '800', '188', '123', '111', '1950', '1999', '165', '110', '119', '113', '1957',
  '10000', '10010', '10011', '10050', '10060', '10086', '10099', '12300', '12315', '12345', '12321',
]);
const CALL_WORDS = /(?:撥打|撥|打|致電|致电|拨打|拨|來電|来电|電話|电话|專線|专线|熱線|热线|客服|短信|簡訊|回覆|回复|發送|发送|Call|Dial|hotline|phone|tel|SMS)[^\d\n]{0,4}$/i;
const OPERATOR_WORDS = /中華電信|中华电信|台灣大哥大|台灣之星|遠傳|亞太電信|中国电信|中国移动|中国联通|中國電信|中國移動|中國聯通|China\s*(?:Mobile|Telecom|Unicom)|CHT|FET|Taiwan\s*Mobile/i;

/** A time or day alone after a sender's number in a list of conversations. */
const WHEN_BESIDE_SENDER = /^\s+(?:(?:上午|下午|AM|PM)?\s*\d{1,2}:\d{2}(?:\s*[AP]M)?|昨天|前天|昨日|星期.|[周週].|\d{1,2}月\d{1,2}日|\d{1,2}\/\d{1,2}|Yesterday|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*)\s*$/i;

function digitsOf(s: string): string {
  return s.replace(/\D/g, '');
}

/**
 * Every phone number in `text`, in text order, with its digits, kind, raw text, span in the original
 * string and confidence.
 */
export function extractPhones(text: string, options: PhoneExtractOptions = {}): ExtractedPhone[] {
  const f = foldWidth(text);
  const found: ExtractedPhone[] = [];
  const add = (m: RegExpExecArray, kind: PhoneKind, confidence: number, digits = digitsOf(m[0])): void => {
    found.push({ start: m.index, end: m.index + m[0].length, raw: text.slice(m.index, m.index + m[0].length), digits, kind, confidence });
  };
  const NB = String.raw`(?<![\w/.-])`; // not glued to a longer code, date or amount
  const NA = String.raw`(?![\w/]|[.-]\d)`;
  // Between a number's groups: a space, a dash, or a dash with a space the engine put beside it (0987- 652-310).
  const SEP = String.raw`(?:\s?-\s?|\s)?`;

  // TW mobile: 0912-345-678, 0912 345 678, +886 912 345 678, 0987- 652-310
  for (const m of f.matchAll(new RegExp(String.raw`${NB}(?:\+?886[\s-]?|0)9\d{2}${SEP}\d{3}${SEP}\d{3}${NA}`, 'g'))) {
    add(m, 'tw-mobile', 0.95, digitsOf(m[0]).replace(/^886/, '0'));
  }
  // TW toll-free: 0800-080-090, 0809-…
  for (const m of f.matchAll(new RegExp(String.raw`${NB}080[09][\s-]?\d{3}[\s-]?\d{3}${NA}`, 'g'))) add(m, 'tw-toll-free', 0.95);
  // CN mobile: 138 0013 8000, 138-0013-8000, +86 13800138000
  for (const m of f.matchAll(new RegExp(String.raw`${NB}(?:\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}${NA}`, 'g'))) {
    add(m, 'cn-mobile', 0.9, digitsOf(m[0]).replace(/^86(?=1\d{10}$)/, ''));
  }
  // CN service numbers: 400-810-8888, 95105888-style hotlines are left to the short-code rule.
  for (const m of f.matchAll(new RegExp(String.raw`${NB}400[\s-]?\d{3}[\s-]?\d{4}${NA}`, 'g'))) add(m, 'cn-service', 0.85);
  // Landlines with a parenthesised area code: (02) 2345-6789, (0731) 5822 1234
  for (const m of f.matchAll(new RegExp(String.raw`\((0\d{1,3})\)\s*(\d{3,4})[\s-]?(\d{4})${NA}`, 'g'))) {
    const area = m[1]!;
    const isCn = area.length === 4 || (area.length === 3 && (area === '010' || area.startsWith('02'))) || (options.jurisdiction === 'CN' && area.length > 2);
    add(m, isCn ? 'cn-landline' : 'tw-landline', 0.9);
  }
  // Landlines with dashes: 02-2345-6789 (TW, 2-digit area), 010-6523-8871 / 0731-5822-1234 (CN, 3–4 digit area)
  for (const m of f.matchAll(new RegExp(String.raw`${NB}(0\d{1,3})-(\d{3,4})-?(\d{4})${NA}`, 'g'))) {
    const area = m[1]!;
    const rest = m[2]!.length + m[3]!.length;
    if (area.startsWith('09') || area.startsWith('080')) continue;
    const isTw = area.length === 2 || (options.jurisdiction !== 'CN' && ['037', '049', '082', '089'].includes(area) && rest <= 8);
    if (isTw && area.length + rest > 10) continue;
    if (!isTw && (rest < 7 || rest > 8)) continue;
    add(m, isTw ? 'tw-landline' : 'cn-landline', 0.85);
  }
  // Short codes: only after a call/SMS word, or alone (or after an operator name) on an SMS sender line.
  for (const m of f.matchAll(/(?<![\w./:$-]|\d,)\d{3,5}(?![\w/:%]|[.,]\d|\s*[元圓块塊個个型號号樓楼年月日天分秒小])/g)) {
    const isKnown = KNOWN_SHORT_CODES.has(m[0]);
    const line = lineAround(f, m.index);
    const before = f.slice(line.start, m.index);
    const after = f.slice(m.index + m[0].length, line.end);
    const nextLine = line.end < f.length ? f.slice(line.end + 1, lineAround(f, line.end + 1).end) : '';
    const isTopLine = f.slice(0, line.start).trim() === '';
    // An SMS screenshot names its sender on a line of its own, at the top or just above the time stamp.
    // In a list of conversations, the sender's time or day stands beside it (10086 11:47, 10000 周一).
    const isSenderLine = (before.trim() === '' || OPERATOR_WORDS.test(before.trim()))
      && ((after.trim() === '' && (isTopLine || /\d{1,2}:\d{2}/.test(nextLine))) || WHEN_BESIDE_SENDER.test(after));
    const isCallContext = CALL_WORDS.test(f.slice(Math.max(0, m.index - 12), m.index));
    if (isKnown && (isCallContext || isSenderLine)) add(m, 'short-code', isCallContext ? 0.85 : 0.75);
    else if (!isKnown && isCallContext && /^(?:1\d{4}|95\d{3}|1\d{3})$/.test(m[0])) add(m, 'short-code', 0.6);
  }
  return resolveOverlaps(found);
}

/**
 * Width folding for extraction. OCR output and typed Chinese text mix full-width digits, letters and
 * punctuation (`１１３／１０／０８`, `ＮＴ＄６４９`) with ASCII; every extractor matches on a folded copy.
 * The fold maps each UTF-16 unit to exactly one unit, so an index in the folded text is the same index
 * in the original: spans found on the fold can be reported against the original string unchanged.
 */

/** Characters outside the U+FF01–U+FF5E block that fold to ASCII (one unit each). */
const EXTRA: Record<string, string> = {
  '\u3000': ' ', // ideographic space
  '\u00a0': ' ',
  '\u301c': '~', // wave dash 〜
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2212': '-',
  '\uff5f': '(', '\uff60': ')',
  '\u2215': '/',
};

/**
 * Folds full-width ASCII variants (U+FF01–U+FF5E), the ideographic space and a few dash and tilde
 * variants to their ASCII forms. The result has the same length as the input and every index maps
 * to the same index of the original.
 * Note `～` (U+FF5E) folds to `~`, `￥` (U+FFE5) is left alone (extractors treat it as yuan/yen).
 */
export function foldWidth(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else out += EXTRA[text[i]!] ?? text[i]!;
  }
  return out;
}

/** A character range `[start, end)` in the original text. */
export interface Span {
  start: number;
  end: number;
}

/** True when two spans share at least one character. */
export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** True when the span overlaps any of the given spans. */
export function overlapsAny(span: Span, others: readonly Span[]): boolean {
  return others.some((o) => overlaps(span, o));
}

/**
 * Keeps the best of overlapping candidates: higher confidence first, then the longer match, then
 * the earlier one. Returns the survivors in text order.
 */
export function resolveOverlaps<T extends Span & { confidence: number }>(candidates: readonly T[]): T[] {
  const ranked = [...candidates].sort(
    (a, b) => b.confidence - a.confidence || (b.end - b.start) - (a.end - a.start) || a.start - b.start,
  );
  const kept: T[] = [];
  for (const c of ranked) if (!overlapsAny(c, kept)) kept.push(c);
  return kept.sort((a, b) => a.start - b.start);
}

/** Start index of the line containing `index` and its end (exclusive, before the newline). */
export function lineAround(text: string, index: number): Span {
  const start = text.lastIndexOf('\n', index - 1) + 1;
  const nl = text.indexOf('\n', index);
  return { start, end: nl === -1 ? text.length : nl };
}

const CN_DIGITS: Record<string, number> = {
  '〇': 0, '○': 0, '零': 0, '一': 1, '壹': 1, '二': 2, '貳': 2, '贰': 2, '兩': 2, '两': 2,
  '三': 3, '參': 3, '叁': 3, '四': 4, '肆': 4, '五': 5, '伍': 5, '六': 6, '陸': 6, '陆': 6,
  '七': 7, '柒': 7, '八': 8, '捌': 8, '九': 9, '玖': 9,
};
const CN_SMALL_UNITS: Record<string, number> = { '十': 10, '拾': 10, '百': 100, '佰': 100, '千': 1000, '仟': 1000 };
const CN_BIG_UNITS: Record<string, number> = { '萬': 1e4, '万': 1e4, '億': 1e8, '亿': 1e8 };

/** Characters that may appear in a Chinese numeral, for building patterns. */
export const CN_NUMERAL_CHARS = '〇○零一壹二貳贰兩两三參叁四肆五伍六陸陆七柒八捌九玖十拾百佰千仟萬万億亿';

/**
 * Value of a Chinese numeral (`三千`, `兩萬五千`, `一千二百`, `十`, `一一三` read digit by digit) or
 * undefined when the string is not one. Arabic digits may lead (`3千`, `1.5萬`).
 */
export function parseChineseNumber(s: string): number | undefined {
  if (s.length === 0) return undefined;
  const lead = /^(\d+(?:\.\d+)?)(.*)$/.exec(s);
  if (lead) {
    const rest = lead[2]!;
    if (rest === '') return Number(lead[1]);
    const unit = CN_SMALL_UNITS[rest] ?? CN_BIG_UNITS[rest];
    if (unit === undefined) {
      // `1萬5千`-style mixes: multiply the lead into the first unit and parse the rest.
      const first = rest[0]!;
      const u = CN_SMALL_UNITS[first] ?? CN_BIG_UNITS[first];
      if (u === undefined) return undefined;
      const tail = rest.slice(1) === '' ? 0 : parseChineseNumber(rest.slice(1));
      return tail === undefined ? undefined : Number(lead[1]) * u + tail;
    }
    return Number(lead[1]) * unit;
  }
  const chars = [...s];
  if (chars.every((c) => CN_DIGITS[c] !== undefined)) {
    // Digit-by-digit reading (years such as 一一三, 二〇二四) or a single digit.
    return Number(chars.map((c) => CN_DIGITS[c]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const c of chars) {
    const d = CN_DIGITS[c];
    if (d !== undefined) {
      if (digit !== undefined && digit !== 0) return undefined; // two digits in a row outside digit-by-digit form
      digit = d;
      continue;
    }
    const small = CN_SMALL_UNITS[c];
    if (small !== undefined) {
      section += (digit ?? 1) * small;
      digit = undefined;
      continue;
    }
    const big = CN_BIG_UNITS[c];
    if (big !== undefined) {
      total += (section + (digit ?? 0)) * big;
      section = 0;
      digit = undefined;
      continue;
    }
    return undefined;
  }
  return total + section + (digit ?? 0);
}

/**
 * Claim arithmetic: totals per currency and a reader for the human calculation strings people write
 * beside an amount (`50元 × 2個月`, `已交200元 + 欠费54元`, `0.1元/分钟 × 2540分钟 = 254元`), so that a
 * claimed amount that does not match its own working is caught before a letter goes out.
 */
import type { Currency } from '../case/schema';

/** The sum of the claimed amounts in one currency. */
export interface CurrencyTotal {
  /** `null` for amounts whose currency is unknown (no currency on the claim and no fallback). */
  currency: Currency | null;
  amount: number;
  /** How many claims contributed. */
  count: number;
}

/** Money is added in cents so that 0.1 + 0.2 prints as 0.3. */
const toCents = (n: number) => Math.round(n * 100);

/**
 * Totals of the claims' amounts per currency, in order of first appearance. A claim without a
 * currency counts in `fallback` (the jurisdiction's currency) when given. Claims without an amount
 * are skipped.
 */
export function claimTotals(claims: ReadonlyArray<{ amount?: number | undefined; currency?: Currency | undefined }>, fallback?: Currency): CurrencyTotal[] {
  const byCurrency = new Map<Currency | null, { cents: number; count: number }>();
  for (const claim of claims) {
    if (claim.amount === undefined || !Number.isFinite(claim.amount)) continue;
    const currency = claim.currency ?? fallback ?? null;
    const entry = byCurrency.get(currency) ?? { cents: 0, count: 0 };
    entry.cents += toCents(claim.amount);
    entry.count += 1;
    byCurrency.set(currency, entry);
  }
  return [...byCurrency].map(([currency, { cents, count }]) => ({ currency, amount: cents / 100, count }));
}

type Token = { kind: 'num'; value: number } | { kind: 'op'; op: '+' | '-' | '*' | '/' } | { kind: 'open' } | { kind: 'close' };

/** Why a calculation string could not be read. */
export type CalculationError = 'empty' | 'no-number' | 'missing-operator' | 'dangling-operator' | 'unbalanced' | 'division-by-zero';

/** A calculation read as arithmetic. */
export type ParsedCalculation =
  | { ok: true; value: number; /** What was computed, e.g. `50 × 2`. */ expression: string; /** The result written after `=`, if any. */ stated?: number }
  | { ok: false; error: CalculationError };

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 兩: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CN_BIG: Record<string, number> = { 萬: 10_000, 万: 10_000, 億: 100_000_000, 亿: 100_000_000 };

/** `三千` → 3000, `十二` → 12, `兩` → 2, `一萬二千` → 12000. */
export function parseChineseNumeral(text: string): number | undefined {
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const ch of text) {
    if (ch in CN_DIGITS) digit = CN_DIGITS[ch];
    else if (ch in CN_UNITS) { section += (digit ?? 1) * CN_UNITS[ch]!; digit = undefined; }
    else if (ch in CN_BIG) { total += (section + (digit ?? 0)) * CN_BIG[ch]!; section = 0; digit = undefined; }
    else return undefined;
  }
  return total + section + (digit ?? 0);
}

// Word operators people write in Chinese; single characters like 加 are left alone because they
// also occur inside ordinary words (加值服務).
const WORD_OPS: Array<[RegExp, string]> = [
  [/乘以|乘上/g, '*'], [/除以/g, '/'], [/加上/g, '+'], [/減去|减去|扣除|扣減|扣减/g, '-'],
];

function tokenize(source: string): Token[] | CalculationError {
  let s = source.normalize('NFKC');
  for (const [re, op] of WORD_OPS) s = s.replace(re, ` ${op} `);
  // Thousands separators, but not the comma between two separate numbers such as `2, 3`.
  s = s.replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
  const tokens: Token[] = [];
  const re = /(\d+(?:\.\d+)?|\.\d+)(%?)|([零〇一二兩两三四五六七八九十百千萬万億亿]+)|([×xX*✕✖])|([÷/])|(\+)|([-−–])|(\()|(\))|(=)/gy;
  let i = 0;
  while (i < s.length) {
    re.lastIndex = i;
    const m = re.exec(s);
    if (!m) { i += 1; continue; } // words, units and currency signs carry no arithmetic
    i = re.lastIndex;
    if (m[1] !== undefined) tokens.push({ kind: 'num', value: Number(m[1]) / (m[2] ? 100 : 1) });
    else if (m[3] !== undefined) {
      const n = parseChineseNumeral(m[3]);
      if (n !== undefined) tokens.push({ kind: 'num', value: n });
    } else if (m[4] !== undefined) {
      // `x` is only an operator between numbers, never inside a word like `max`.
      if ((m[4] === 'x' || m[4] === 'X') && (/[A-Za-z]/.test(s[i - 2] ?? '') || /[A-Za-z]/.test(s[i] ?? ''))) continue;
      tokens.push({ kind: 'op', op: '*' });
    } else if (m[5] !== undefined) tokens.push({ kind: 'op', op: '/' });
    else if (m[6] !== undefined) tokens.push({ kind: 'op', op: '+' });
    else if (m[7] !== undefined) tokens.push({ kind: 'op', op: '-' });
    else if (m[8] !== undefined) tokens.push({ kind: 'open' });
    else if (m[9] !== undefined) tokens.push({ kind: 'close' });
    else if (m[10] !== undefined) break; // the rest is the stated result, read separately
  }
  // `元/分钟`: a slash with no number after it means "per", not division.
  const cleaned: Token[] = [];
  for (let k = 0; k < tokens.length; k += 1) {
    const t = tokens[k]!;
    const next = tokens[k + 1];
    if (t.kind === 'op' && t.op === '/' && (next === undefined || next.kind === 'op' || next.kind === 'close')) continue;
    cleaned.push(t);
  }
  return cleaned;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;
const SYMBOL = { '+': '+', '-': '−', '*': '×', '/': '÷' } as const;

function evaluate(tokens: Token[]): { value: number; expression: string } | CalculationError {
  let pos = 0;
  const fail = (e: CalculationError): never => { throw new CalcFailure(e); };
  const primary = (): { v: number; s: string } => {
    const t = tokens[pos];
    if (t === undefined) return fail('dangling-operator');
    if (t.kind === 'num') { pos += 1; return { v: t.value, s: String(t.value) }; }
    if (t.kind === 'op' && t.op === '-') { pos += 1; const p = primary(); return { v: -p.v, s: `−${p.s}` }; }
    if (t.kind === 'open') {
      pos += 1;
      const inner = sum();
      if (tokens[pos]?.kind !== 'close') return fail('unbalanced');
      pos += 1;
      return { v: inner.v, s: `(${inner.s})` };
    }
    return fail(t.kind === 'close' ? 'unbalanced' : 'dangling-operator');
  };
  const product = (): { v: number; s: string } => {
    let left = primary();
    for (;;) {
      const t = tokens[pos];
      if (t?.kind === 'op' && (t.op === '*' || t.op === '/')) {
        pos += 1;
        const right = primary();
        if (t.op === '/' && right.v === 0) fail('division-by-zero');
        left = { v: t.op === '*' ? left.v * right.v : left.v / right.v, s: `${left.s} ${SYMBOL[t.op]} ${right.s}` };
      } else if (t?.kind === 'num' || t?.kind === 'open') return fail('missing-operator');
      else return left;
    }
  };
  const sum = (): { v: number; s: string } => {
    let left = product();
    for (;;) {
      const t = tokens[pos];
      if (t?.kind === 'op' && (t.op === '+' || t.op === '-')) {
        pos += 1;
        const right = product();
        left = { v: t.op === '+' ? left.v + right.v : left.v - right.v, s: `${left.s} ${SYMBOL[t.op]} ${right.s}` };
      } else return left;
    }
  };
  try {
    const result = sum();
    if (pos < tokens.length) return tokens[pos]!.kind === 'close' ? 'unbalanced' : 'missing-operator';
    return { value: round(result.v), expression: result.s };
  } catch (error) {
    if (error instanceof CalcFailure) return error.reason;
    throw error;
  }
}

class CalcFailure extends Error {
  constructor(readonly reason: CalculationError) { super(reason); }
}

/**
 * Reads a calculation string as arithmetic: numbers (also full-width digits, thousands separators,
 * Chinese numerals and percentages), `× x * ÷ / + − ( )` and 乘以/除以/加上/減去; words and units in
 * between are ignored, and `/` directly followed by a unit (`元/分钟`) means "per". Whatever follows
 * `=` is read as the stated result.
 */
export function parseCalculation(text: string): ParsedCalculation {
  if (text.trim() === '') return { ok: false, error: 'empty' };
  const normal = text.normalize('NFKC');
  const eq = normal.indexOf('=');
  const left = eq < 0 ? normal : normal.slice(0, eq);
  const tokens = tokenize(left);
  if (typeof tokens === 'string') return { ok: false, error: tokens };
  if (!tokens.some((t) => t.kind === 'num')) return { ok: false, error: 'no-number' };
  const result = evaluate(tokens);
  if (typeof result === 'string') return { ok: false, error: result };
  if (eq >= 0) {
    const right = tokenize(normal.slice(eq + 1));
    if (typeof right !== 'string' && right.some((t) => t.kind === 'num')) {
      const stated = evaluate(right);
      if (typeof stated !== 'string') return { ok: true, ...result, stated: stated.value };
    }
  }
  return { ok: true, ...result };
}

/** The outcome of checking a claim's calculation against its amount. */
export type CalculationCheck =
  | { state: 'empty' }
  | { state: 'unreadable'; error: CalculationError }
  /** The calculation gives a value but the claim has no amount yet. */
  | { state: 'no-amount'; value: number }
  | { state: 'ok'; value: number; expression: string }
  /** `value` is what the working gives; `amount` what the claim (or the `= …` part) says. */
  | { state: 'mismatch'; value: number; amount: number; expression: string };

/** Whether two money amounts are equal to the cent. */
export const sameMoney = (a: number, b: number) => Math.abs(a - b) < 0.005;

/** Checks a claim's calculation string against its amount (and against its own `= result`). */
export function checkCalculation(calculation: string | undefined, amount: number | undefined): CalculationCheck {
  if (calculation === undefined || calculation.trim() === '') return { state: 'empty' };
  const parsed = parseCalculation(calculation);
  if (!parsed.ok) return { state: 'unreadable', error: parsed.error };
  if (parsed.stated !== undefined && !sameMoney(parsed.stated, parsed.value)) {
    return { state: 'mismatch', value: parsed.value, amount: parsed.stated, expression: parsed.expression };
  }
  if (amount === undefined) return { state: 'no-amount', value: parsed.value };
  if (!sameMoney(amount, parsed.value)) return { state: 'mismatch', value: parsed.value, amount, expression: parsed.expression };
  return { state: 'ok', value: parsed.value, expression: parsed.expression };
}

/**
 * How letters print dates, money and exhibit labels. Taiwanese cases show the ROC date beside the
 * Gregorian one, as Taiwanese documents and officials use the ROC calendar.
 */
import type { Currency, Jurisdiction, Language } from '../case/schema';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function parts(iso: string): { y: number; m?: number; d?: number } | undefined {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso);
  if (!match) return undefined;
  return { y: Number(match[1]), ...(match[2] ? { m: Number(match[2]) } : {}), ...(match[3] ? { d: Number(match[3]) } : {}) };
}

/** `2024-10-08` → `113/10/08`; partial dates keep their precision (`113/10`); before ROC 1 → undefined. */
export function rocDate(iso: string): string | undefined {
  const p = parts(iso);
  if (!p || p.y - 1911 < 1) return undefined;
  return [String(p.y - 1911).padStart(3, '0'), ...(p.m ? [String(p.m).padStart(2, '0')] : []), ...(p.d ? [String(p.d).padStart(2, '0')] : [])].join('/');
}

function plainDate(iso: string, language: Language): string {
  const p = parts(iso);
  if (!p) return iso;
  if (language === 'en') return [p.d, p.m ? MONTHS[p.m - 1] : undefined, p.y].filter((x) => x !== undefined).join(' ');
  return `${p.y}年${p.m ? `${p.m}月` : ''}${p.d ? `${p.d}日` : ''}`;
}

/**
 * A fact's date in a letter: `113/10/08（2024-10-08）` for Taiwan, `2024年10月8日` or `8 October 2024`
 * elsewhere. A time of day is appended when known.
 */
export function formatFactDate(iso: string, language: Language, jurisdiction: Jurisdiction, time?: string): string {
  const roc = jurisdiction === 'TW' ? rocDate(iso) : undefined;
  const base = roc
    ? (language === 'en' ? `${iso} (ROC ${roc})` : `${roc}（${iso}）`)
    : plainDate(iso, language);
  return time ? `${base} ${time}` : base;
}

/** The date line of a letter: `中華民國113年10月8日（2024-10-08）`, `2024年10月8日`, `8 October 2024`. */
export function formatLetterDate(iso: string, language: Language, jurisdiction: Jurisdiction): string {
  const p = parts(iso);
  if (!p) return iso;
  if (jurisdiction === 'TW' && p.y > 1911) {
    const roc = `${p.y - 1911}年${p.m ?? ''}${p.m ? '月' : ''}${p.d ?? ''}${p.d ? '日' : ''}`;
    if (language === 'zh-TW') return `中華民國${roc}（${iso}）`;
    if (language === 'zh-CN') return `民国${roc}（${iso}）`;
    return `${plainDate(iso, 'en')} (ROC ${rocDate(iso) ?? ''})`;
  }
  return plainDate(iso, language);
}

/** The jurisdiction's own currency, used for claims that do not name one. */
export function defaultCurrency(jurisdiction: Jurisdiction): Currency {
  return jurisdiction === 'TW' ? 'TWD' : jurisdiction === 'CN' ? 'CNY' : 'HKD';
}

const ZH_NAMES: Record<'zh-TW' | 'zh-CN', Partial<Record<Currency, string>>> = {
  'zh-TW': { TWD: '新台幣', CNY: '人民幣', HKD: '港幣', USD: '美金', EUR: '歐元', JPY: '日圓', GBP: '英鎊' },
  'zh-CN': { TWD: '新台币', CNY: '人民币', HKD: '港币', USD: '美元', EUR: '欧元', JPY: '日元', GBP: '英镑' },
};
const EN_PREFIX: Record<Currency, string> = { TWD: 'NT$', CNY: 'RMB ', HKD: 'HK$', USD: 'US$', EUR: '€', JPY: '¥', GBP: '£' };

/** A number with thousands separators and at most two decimals (always two for HK$ in English). */
export function formatNumber(n: number, decimals?: number): string {
  const isWhole = Math.abs(n - Math.round(n)) < 0.005;
  const digits = decimals ?? (isWhole ? 0 : 2);
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** `新台幣3,000元`, `人民币254元`, `NT$3,000`, `HK$918.00`. A null currency prints the bare number. */
export function formatMoney(amount: number, currency: Currency | null, language: Language): string {
  if (currency === null) return formatNumber(amount);
  if (language === 'en') return `${EN_PREFIX[currency]}${formatNumber(amount, currency === 'HKD' ? 2 : undefined)}`;
  const name = ZH_NAMES[language][currency] ?? currency;
  return `${name}${formatNumber(amount)}元`;
}


/** `證物 A-1` / `证据 A-1` / `Exhibit A-1`. */
export function exhibitRef(label: string, language: Language): string {
  return language === 'zh-TW' ? `證物 ${label}` : language === 'zh-CN' ? `证据 ${label}` : `Exhibit ${label}`;
}

/** Chinese ordinal section numbers 一、二、… up to 99. */
export function chineseOrdinal(n: number): string {
  const d = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return d[n]!;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : d[tens]}十${d[n % 10]}`;
}

/** Characters as a person counts them (code points, so 𠮷 is one). */
export function charCount(text: string): number {
  return [...text].length;
}

/**
 * Plain text for web complaint forms (the Executive Yuan consumer portal, the NCC and 12315 forms):
 * facts, claims, demands and the exhibit list, each section sized to fit a form field. When a
 * section is too long, details are dropped first, then items beyond the limit are summarised as
 * "… and N more (see attachment)".
 */
import type { Language } from '../case/schema';
import { claimTotals } from './arithmetic';
import { exhibitLabels, sortedEvents, type LetterCase } from './case-view';
import { charCount, defaultCurrency, formatFactDate, formatMoney } from './format';
import { fill, PHRASES } from './phrases';

/** Options of {@link portalSummary}. */
export interface PortalOptions {
  /** Largest number of characters (code points) of each section's text. Default 500. */
  maxChars?: number;
  language?: Language;
}

/** One section, sized for one form field. */
export interface PortalSection {
  key: 'facts' | 'claims' | 'demands' | 'exhibits';
  title: string;
  text: string;
  /** Characters in `text` (code points). */
  chars: number;
  /** Whether details or items were left out to fit. */
  isShortened: boolean;
}

/** The portal pack. */
export interface PortalSummary {
  sections: PortalSection[];
  /** All sections with their titles, for one clipboard copy. */
  text: string;
}

const MORE: Record<Language, string> = {
  'zh-TW': '…另有{n}項，詳見附件',
  'zh-CN': '…另有{n}项，详见附件',
  en: '… and {n} more (see attachment)',
};

const TITLES: Record<Language, Record<PortalSection['key'], string>> = {
  'zh-TW': { facts: '事實經過', claims: '申訴事項', demands: '請求事項', exhibits: '證物清單' },
  'zh-CN': { facts: '事实经过', claims: '投诉事项', demands: '具体要求', exhibits: '证据清单' },
  en: { facts: 'Facts', claims: 'Points of complaint', demands: 'What I ask for', exhibits: 'Exhibits' },
};

function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/** Fits items (full form, then short form, then as many as fit plus a "more" line) into `max` characters. */
function fit(full: string[], short: string[], tail: string[], max: number, language: Language): { text: string; isShortened: boolean } {
  const join = (xs: string[]) => xs.join('\n');
  const whole = join([...full, ...tail]);
  if (charCount(whole) <= max) return { text: whole, isShortened: false };
  // Keep full items while they fit, shorten the rest: the first facts usually matter most.
  for (let k = full.length - 1; k >= 0; k -= 1) {
    const mixed = join([...full.slice(0, k), ...short.slice(k), ...tail]);
    if (charCount(mixed) <= max) return { text: mixed, isShortened: true };
  }
  for (let k = short.length - 1; k >= 1; k -= 1) {
    const some = join([...short.slice(0, k), fill(MORE[language], { n: String(short.length - k) }), ...tail]);
    if (charCount(some) <= max) return { text: some, isShortened: true };
  }
  return { text: cut(join([...short.slice(0, 1), ...tail]), max), isShortened: true };
}

/** Builds the portal pack of a case in its language (or `options.language`). */
export function portalSummary(c: LetterCase, options: PortalOptions = {}): PortalSummary {
  const max = Math.max(20, options.maxChars ?? 500);
  const language = options.language ?? c.language;
  const p = PHRASES[language];
  const labels = exhibitLabels(c);
  const ref = (ids: readonly string[]) => {
    const ls = ids.map((id) => labels.get(id)).filter((l): l is string => l !== undefined);
    return ls.length ? `${p.open}${ls.join(p.sep)}${p.close}` : '';
  };
  const fallback = defaultCurrency(c.jurisdiction);
  const sections: PortalSection[] = [];
  const push = (key: PortalSection['key'], full: string[], short: string[], tail: string[] = []) => {
    if (full.length === 0 && tail.length === 0) return;
    const { text, isShortened } = fit(full, short, tail, max, language);
    sections.push({ key, title: TITLES[language][key], text, chars: charCount(text), isShortened });
  };

  const events = sortedEvents(c);
  const factHead = (e: (typeof events)[number], i: number) => `${i + 1}. ${formatFactDate(e.date, language, c.jurisdiction, e.time)} ${e.title.trim()}`;
  push('facts',
    events.map((e, i) => `${factHead(e, i)}${e.detail.trim() ? `${p.colon}${e.detail.trim()}` : ''}${ref(e.evidence)}`),
    events.map((e, i) => `${factHead(e, i)}${ref(e.evidence)}`));

  const money = (amount: number | undefined, currency: (typeof c.claims)[number]['currency']) =>
    amount === undefined ? '' : formatMoney(amount, currency ?? fallback, language);
  const totals = claimTotals(c.claims, fallback);
  push('claims',
    c.claims.map((x, i) => {
      const m = money(x.amount, x.currency);
      const calc = x.calculation?.trim() ? ` = ${x.calculation.trim()}` : '';
      return `${i + 1}. ${x.title.trim()}${x.detail.trim() ? `${p.colon}${x.detail.trim()}` : ''}${m ? `${p.open}${m}${calc}${p.close}` : ''}${ref(x.evidence)}`;
    }),
    c.claims.map((x, i) => {
      const m = money(x.amount, x.currency);
      return `${i + 1}. ${x.title.trim()}${m ? `${p.open}${m}${p.close}` : ''}`;
    }),
    totals.length ? [`${p.total}${p.colon}${totals.map((t) => formatMoney(t.amount, t.currency, language)).join(p.listSep)}`] : []);

  const demands = c.demands.filter((d) => d.text.trim() !== '');
  push('demands',
    demands.map((d, i) => `${i + 1}. ${d.text.trim()}${d.amount !== undefined && !d.text.replace(/,/g, '').includes(String(d.amount)) ? `${p.open}${money(d.amount, d.currency)}${p.close}` : ''}`),
    demands.map((d, i) => `${i + 1}. ${cut(d.text.trim(), 40)}`));

  push('exhibits',
    c.evidence.map((e, i) => `${labels.get(e.id) ?? `A-${i + 1}`} ${e.title.trim() || e.fileName}${e.date ? ` ${e.date}` : ''}`),
    c.evidence.map((e, i) => `${labels.get(e.id) ?? `A-${i + 1}`} ${cut(e.title.trim() || e.fileName, 24)}`));

  const text = sections.map((s) => (language === 'en' ? `[${s.title}]\n${s.text}` : `【${s.title}】\n${s.text}`)).join('\n\n');
  return { sections, text };
}

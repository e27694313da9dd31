/**
 * Suggested timeline events from an exhibit's text: every date the extractor finds becomes a
 * suggestion with the sentence it stands in, a proposed category (from the words around it and the
 * exhibit's kind) and a proposed title. Pure: the section feeds it exhibits and the case's events.
 */
import type { EventCategory, EvidenceId, EvidenceKind, Jurisdiction, PartialDate, TimelineEvent } from '../../../shared/case/schema';
import { extractAll } from '../../../shared/extract/extract-all';
import type { ExtractedDate } from '../../../shared/extract/dates';

/** What the suggester needs to know about an exhibit. */
export interface SuggestSource {
  id: EvidenceId;
  kind: EvidenceKind;
  /** The exhibit's own date, when known: anchors year-less dates and relative words. */
  date?: string | undefined;
  text: string;
}

/** One suggested event. */
export interface Suggestion {
  /** Stable identity for dismissals: the exhibit and the date. */
  key: string;
  evidence: EvidenceId;
  date: PartialDate;
  time?: string;
  /** The date as written. */
  raw: string;
  /** Span of the date (and its time) in the exhibit text. */
  dateStart: number;
  dateEnd: number;
  /** Span of the sentence (or message) the date comes from. */
  start: number;
  end: number;
  category: EventCategory;
  title: string;
  isYearInferred: boolean;
}

/** The key a suggestion of `date` from exhibit `evidence` is remembered under. */
export const suggestionKey = (evidence: string, date: string) => `${evidence}|${date}`;

const TERMINATORS = new Set(['。', '！', '？', '!', '?', '；', ';']);

/** Span of the sentence around `[start, end)`: up to a line break or a sentence-ending mark. */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  while (s > 0) {
    const c = text[s - 1]!;
    if (c === '\n' || TERMINATORS.has(c)) break;
    // A full stop ends an English sentence only when a space follows (not in 1.5 or 0800.080).
    if (c === '.' && /\s/.test(text[s] ?? '')) break;
    s -= 1;
  }
  let e = end;
  while (e < text.length) {
    const c = text[e]!;
    if (c === '\n') break;
    if (TERMINATORS.has(c)) { e += 1; break; }
    if (c === '.' && (e + 1 >= text.length || /\s/.test(text[e + 1]!))) { e += 1; break; }
    e += 1;
  }
  while (s < e && /\s/.test(text[s]!)) s += 1;
  while (e > s && /\s/.test(text[e - 1]!)) e -= 1;
  return { start: s, end: e };
}

/** Letters or CJK characters: what makes a line more than a date stamp. */
const MEANINGFUL = /[\p{L}\p{N}]/u;
const STAMP_NOISE = /^[\s()（）[\]【】,，:：\-–—~～·•|]*(?:[上下]午|早上|晚上|凌晨|中午|AM|PM|am|pm|週.|周.|星期.|Mon|Tue|Wed|Thu|Fri|Sat|Sun)?[\s()（）[\]【】,，:：\-–—~～·•|]*$/;

/** True when the sentence holds nothing but the date (and its time): a message header. */
function isStamp(text: string, sentence: { start: number; end: number }, date: { start: number; end: number }): boolean {
  const rest = text.slice(sentence.start, date.start) + text.slice(date.end, sentence.end);
  return !MEANINGFUL.test(rest) || STAMP_NOISE.test(rest);
}

/** The next non-empty line's first sentence after `index`, if any. */
function nextSentence(text: string, index: number): { start: number; end: number } | undefined {
  const nl = text.indexOf('\n', index);
  if (nl < 0) return undefined;
  let s = nl + 1;
  while (s < text.length && /\s/.test(text[s]!)) s += 1;
  if (s >= text.length) return undefined;
  return sentenceAround(text, s, s);
}

type Keywords = readonly (string | RegExp)[];

/**
 * Words that point at a category, checked in the clause around the date and then the sentence;
 * the earliest hit wins, so "致電…申訴案號" is a call and "以書面寄送申訴函至…NCC" a written complaint.
 */
const CATEGORY_WORDS: ReadonlyArray<readonly [EventCategory, Keywords]> = [
  ['call', ['致電', '來電', '来电', '去電', '去电', '打電話', '打电话', '撥打', '拨打', '通話', '通话', '電話聯繫', '电话联系', /\bcall(ed|s)?\b/i, /\bphoned?\b/i, /\brang\b/i]],
  ['store-visit', ['門市', '门市', '門店', '门店', '營業廳', '营业厅', '臨櫃', '临柜', '到店', '直營店', '直营店', /\bstore\b/i, /\bshop\b/i, /\bbranch\b/i]],
  ['regulator-filing', ['NCC', '通傳會', '通传会', '通訊傳播委員會', '12300', '12315', '消保官', '消保處', '消保处', '工信部', '工业和信息化部', '消協', '消协', '消費者協會', '消费者协会', '消基會', '爭議處理中心', '争议处理中心', '電信消費爭議', '电信消费争议', '調解', '调解', '市場監管', '市场监管', '陳情', '陈情', 'OFCA', '通訊事務管理局', '通讯事务管理局', /\bregulator\b/i, /\bombudsman\b/i]],
  ['written-complaint', ['申訴', '申诉', '投訴', '投诉', '客訴', '客诉', '書面', '书面', '存證信函', '存证信函', /\bcomplain(t|ts|ed)?\b/i]],
  ['company-reply', ['回覆', '回复', '答覆', '答复', '函覆', '函复', '覆函', '复函', /\brepl(y|ied|ies)\b/i, /\brespond(ed)?\b/i]],
  ['offer', ['賠償', '赔偿', '補償', '补偿', '退款', '退費', '退费', '折抵', '減免', '减免', '和解', /\boffer(ed|s)?\b/i, /\brefund(ed)?\b/i, /\bcompensat/i]],
  ['deadline', ['期限', '屆滿', '届满', '到期', '截止', '期滿', '期满', '最後一天', '最后一天', /\bdeadline\b/i, /\bdue\b/i, /\bexpir(e|es|y|ed)\b/i]],
  ['delivery', ['交付', '取貨', '取货', '到貨', '到货', '送達', '送达', '配送', '出貨', '发货', '發貨', '安裝', '安装', '開通', '开通', /\bdeliver(y|ed)\b/i, /\binstall(ed|ation)?\b/i]],
  ['contract', ['生效', '簽約', '签约', '簽訂', '签订', '合約', '合约', '合同', '契約', '契约', '續約', '续约', /\bcontract\b/i, /\bsigned\b/i]],
  ['bill', ['帳單', '账单', '月租', '扣款', '計費', '计费', '費用', '费用', /\bbill(ed|ing)?\b/i, /\binvoice\b/i, /\bcharged?\b/i]],
  ['sms', ['簡訊', '短信', '短訊', /\bSMS\b/i, /\btext message\b/i]],
];

/** Categories an exhibit's kind implies when its words say nothing more specific. */
const KIND_CATEGORY: Partial<Record<EvidenceKind, EventCategory>> = { bill: 'bill', sms: 'sms', contract: 'contract', chat: 'other', receipt: 'store-visit' };

/** The category whose word appears first in `text`, if any. */
export function categoryFromWords(text: string): EventCategory | undefined {
  let best: { at: number; category: EventCategory } | undefined;
  for (const [category, words] of CATEGORY_WORDS) {
    for (const w of words) {
      const at = typeof w === 'string' ? text.indexOf(w) : text.search(w);
      if (at >= 0 && (!best || at < best.at)) best = { at, category };
    }
  }
  return best?.category;
}

/** The clause (between commas) of `sentence` that holds the offset `at`. */
function clauseAt(sentence: string, at: number): string {
  const breaks = /[，,、：:]/g;
  let from = 0;
  for (const m of sentence.matchAll(breaks)) {
    if (m.index >= at) return sentence.slice(from, m.index);
    from = m.index + 1;
  }
  return sentence.slice(from);
}

/**
 * The category proposed for a date: for a message header, the exhibit kind (an SMS received that
 * day); else the words of its clause, then of its sentence, then the kind, else `other`.
 */
export function proposeCategory(kind: EvidenceKind, clause: string, sentence: string, isHeader: boolean): EventCategory {
  if (isHeader && KIND_CATEGORY[kind]) return KIND_CATEGORY[kind];
  return categoryFromWords(clause) ?? categoryFromWords(sentence) ?? KIND_CATEGORY[kind] ?? 'other';
}

const GREETING = /您好|你好|親愛的|亲爱的|敬愛的|尊敬的|^dear\b|^hi\b|^hello\b/i;
const TITLE_MAX = 40;

/**
 * A short title from a sentence: without a leading date and time, a bracketed sender
 * (`【中華電信】`), greetings, or the closing mark; whole clauses up to about 40 characters.
 */
export function proposeTitle(body: string): string {
  const clauses = body
    .replace(/^[【[［][^】\]］]{1,20}[】\]］]\s*/, '')
    .replace(/[。.!！?？；;]+$/, '')
    .split(/(?<=[，,；;])/)
    .map((c) => c.trim())
    .filter((c) => c !== '' && !GREETING.test(c));
  let title = '';
  for (const clause of clauses) {
    if (title && (title + clause).length > TITLE_MAX) break;
    title += clause;
    if (title.length >= TITLE_MAX / 2) break;
  }
  title = title.replace(/[，,；;：:]$/, '').trim();
  return title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1)}…` : title;
}

/** A date at the very start of the sentence, with its time and separators: cut from titles. */
function withoutLeadingDate(text: string, sentenceStart: number, sentenceEnd: number, date: ExtractedDate): string {
  const from = date.start === sentenceStart ? (date.time?.end ?? date.end) : sentenceStart;
  return text.slice(from, sentenceEnd).replace(/^[\s,，:：\-–—]+/, '');
}

/** A short label and a colon right before a date (`繳費期限：`, `Due date:`). */
const LABEL_BEFORE = /([A-Za-z][A-Za-z ]{0,24}|[^\s，,、：:。]{1,12})\s*[：:]\s*$/;

/** Suggestions from one exhibit, one per distinct date, in text order. */
export function suggestFromExhibit(source: SuggestSource, jurisdiction: Jurisdiction): Suggestion[] {
  const anchor = source.date && /^\d{4}/.test(source.date) ? Number(source.date.slice(0, 4)) : undefined;
  const reference = source.date && source.date.length === 10 ? source.date : undefined;
  const { dates } = extractAll(source.text, {
    jurisdiction,
    ...(anchor !== undefined ? { anchorYear: anchor } : {}),
    ...(reference ? { referenceDate: reference } : {}),
  });
  const seen = new Set<string>();
  const rangeStarts = new Map<number, number>();
  const out: Suggestion[] = [];
  for (const d of dates) {
    if (d.range?.role === 'start') rangeStarts.set(d.range.id, d.start);
    if (seen.has(d.iso)) continue;
    seen.add(d.iso);
    const dateEnd = d.time?.end ?? d.end;
    const sentence = sentenceAround(source.text, d.start, dateEnd);
    const isHeader = isStamp(source.text, sentence, { start: d.start, end: dateEnd });
    const message = isHeader ? nextSentence(source.text, sentence.end) : undefined;
    const span = message ? { start: sentence.start, end: message.end } : sentence;
    const bodyText = message ? source.text.slice(message.start, message.end) : withoutLeadingDate(source.text, sentence.start, sentence.end, d);
    const sentenceText = source.text.slice(sentence.start, sentence.end);
    // `帳單期間：113/10/01 至 113/10/31`: the label before the colon names the date.
    const labelEnd = d.range?.role === 'end' ? (rangeStarts.get(d.range.id) ?? d.start) : d.start;
    const label = isHeader ? undefined : LABEL_BEFORE.exec(source.text.slice(sentence.start, labelEnd))?.[1]?.trim();
    const clause = isHeader ? bodyText : label ?? clauseAt(sentenceText, d.start - sentence.start);
    const titleSource = isHeader ? bodyText : label ?? (clause.length >= 6 && d.start !== sentence.start ? clause : bodyText);
    out.push({
      key: suggestionKey(source.id, d.iso),
      evidence: source.id,
      date: d.iso as PartialDate,
      ...(d.time ? { time: d.time.value } : {}),
      raw: source.text.slice(d.start, dateEnd),
      dateStart: d.start,
      dateEnd,
      start: span.start,
      end: span.end,
      category: proposeCategory(source.kind, clause, isHeader ? bodyText : sentenceText, isHeader),
      title: proposeTitle(titleSource),
      isYearInferred: d.isYearInferred,
    });
  }
  return out;
}

/**
 * Drops suggestions the user has dealt with: dismissed ones, and dates already on an event linked
 * to the same exhibit.
 */
export function openSuggestions(suggestions: readonly Suggestion[], events: readonly Pick<TimelineEvent, 'date' | 'evidence' | 'spans'>[], dismissed: ReadonlySet<string>): Suggestion[] {
  const accepted = new Set<string>();
  for (const e of events) {
    for (const id of e.evidence) accepted.add(suggestionKey(id, e.date));
    for (const s of e.spans) accepted.add(suggestionKey(s.evidence, e.date));
  }
  return suggestions.filter((s) => !dismissed.has(s.key) && !accepted.has(s.key));
}

/** The event a suggestion becomes when accepted. */
export function eventFromSuggestion(s: Suggestion, id: TimelineEvent['id'], edits: { title?: string; category?: EventCategory } = {}): TimelineEvent {
  return {
    id,
    date: s.date,
    ...(s.time ? { time: s.time } : {}),
    title: edits.title ?? s.title,
    detail: '',
    category: edits.category ?? s.category,
    evidence: [s.evidence],
    spans: [{ evidence: s.evidence, start: s.start, end: s.end }],
  };
}

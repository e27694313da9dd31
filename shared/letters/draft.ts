/**
 * Fills a letter template from a case: parties, agent, account numbers, dated facts with exhibit
 * references, the history of complaints to the company, numbered claims with their arithmetic and
 * totals per currency, demands, the exhibit list, date and signature lines. The result is plain
 * text the user edits before sending; every letter ends with a note that it is not legal advice.
 */
import type { Audience, Language } from '../case/schema';
import { checkCalculation, claimTotals } from './arithmetic';
import { complaintHistory, exhibitLabels, firstComplaint, companyReplied, promiseState, sortedEvents, type LetterCase } from './case-view';
import { chineseOrdinal, defaultCurrency, exhibitRef, formatFactDate, formatLetterDate, formatMoney, formatNumber } from './format';
import { fill, PHRASES, type Phrases } from './phrases';
import { getTemplate, type LetterTemplate, type SectionKey, type TemplateId, type TemplateText } from './templates';

/** Options of {@link draftLetter}. */
export interface DraftOptions {
  /** The letter's date, `YYYY-MM-DD`. */
  today: string;
  /** Which dossier cut; defaults to the template's. */
  audience?: Audience;
  /** Document language; defaults to the case's. */
  language?: Language;
}

/** A drafted letter, ready to be stored in `case.letters` (with an id and a time). */
export interface DraftedLetter {
  template: TemplateId;
  audience: Audience;
  language: Language;
  recipient: string;
  subject: string;
  body: string;
}

/** Everything a section renderer needs. */
interface Ctx {
  c: LetterCase;
  template: LetterTemplate;
  text: TemplateText;
  p: Phrases;
  language: Language;
  audience: Audience;
  today: string;
  labels: Map<string, string>;
  factNumbers: Map<string, number>;
}

const present = (v: string | undefined): v is string => v !== undefined && v.trim() !== '';

/** `證物 A-1、A-3` for the exhibits that still exist. */
function refs(ctx: Ctx, ids: readonly string[]): string | undefined {
  const labels = ids.map((id) => ctx.labels.get(id)).filter((l): l is string => l !== undefined);
  if (labels.length === 0) return undefined;
  const [first, ...rest] = labels;
  return [exhibitRef(first!, ctx.language), ...rest].join(ctx.p.sep);
}

const field = (ctx: Ctx, label: string, value: string | undefined, isRequired = false): string[] =>
  present(value) ? [`${label}${ctx.p.colon}${value.trim()}`] : isRequired ? [`${label}${ctx.p.colon}${ctx.p.blank}`] : [];

const sentence = (ctx: Ctx, s: string) => {
  const t = s.trim();
  if (t === '' || /[.!?。！？]$/.test(t)) return t;
  return ctx.language === 'en' ? `${t}.` : `${t}。`;
};

/** A detail that is followed by exhibit references loses its own full stop: `…使用（證物 A-1）。`. */
const clause = (s: string) => s.trim().replace(/[。.]$/, '');

function complainantLines(ctx: Ctx): string[] {
  const { c, p, template, text } = ctx;
  const person = c.complainant;
  const req = (k: LetterTemplate['requires'][number]) => template.requires.includes(k);
  const showId = ctx.audience === 'regulator' && !c.redact.pii;
  return [
    ...field(ctx, p.name, person.name, true),
    ...field(ctx, text.labels?.address ?? p.address, person.address, req('address')),
    ...field(ctx, p.postcode, person.postcode, req('postcode')),
    ...field(ctx, p.phone, person.phone, req('phone')),
    ...field(ctx, p.email, person.email),
    ...(showId ? field(ctx, p.idNumber, person.idNumber) : []),
  ];
}

function agentLines(ctx: Ctx): string[] {
  const agent = ctx.c.agent;
  if (!agent) return [];
  const { p } = ctx;
  return [
    ...field(ctx, p.name, agent.name, true),
    ...field(ctx, p.relation, agent.relation, true),
    ...field(ctx, p.phone, agent.phone),
    ...field(ctx, p.email, agent.email),
    ...field(ctx, p.address, agent.address),
    ...(ctx.template.requires.includes('agent-id') ? field(ctx, p.idNumber, agent.idNumber, true) : []),
    p.authAttached,
  ];
}

function respondentLines(ctx: Ctx): string[] {
  const { c, p } = ctx;
  const r = c.respondent;
  return [
    ...field(ctx, p.companyName, r.name, true),
    ...field(ctx, p.companyAddress, r.address, ctx.template.requires.includes('respondent-address') || ctx.audience === 'regulator'),
    ...field(ctx, p.postcode, r.postcode),
    ...field(ctx, p.phone, r.phone),
    ...field(ctx, p.taxId, r.taxId),
  ];
}

function accountLines(ctx: Ctx): string[] {
  const { c, p } = ctx;
  const a = c.account;
  const list = (xs: readonly string[]) => xs.map((x) => x.trim()).filter((x) => x !== '').join(p.sep);
  return [
    ...field(ctx, p.accountPhone, a.phone),
    ...field(ctx, p.accountNo, a.accountNo),
    ...field(ctx, p.customerNo, a.customerNo),
    ...field(ctx, p.contractNo, a.contractNo),
    ...field(ctx, p.billNos, list(a.billNos)),
    ...field(ctx, p.ticketNos, list(a.ticketNos)),
  ];
}

function factLines(ctx: Ctx): string[] {
  const { c, p, language } = ctx;
  return sortedEvents(c).map((e, i) => {
    const date = formatFactDate(e.date, language, c.jurisdiction, e.time);
    const head = language === 'en' ? `${date} — ${clause(e.title)}` : `${date}\u3000${clause(e.title)}`;
    const detail = e.detail.trim() === '' ? '' : `${p.colon}${clause(e.detail)}`;
    const r = refs(ctx, e.evidence);
    return `${i + 1}. ${sentence(ctx, `${head}${detail}${r ? `${p.open}${r}${p.close}` : ''}`)}`;
  });
}

function historyLines(ctx: Ctx): string[] {
  const { c, p, language, today } = ctx;
  const items = complaintHistory(c);
  if (items.length === 0) return ctx.template.needsPriorComplaint ? [p.noHistory] : [];
  const lines = items.map((item, i) => {
    const date = formatFactDate(item.date, language, c.jurisdiction, item.time);
    if (item.kind === 'event') {
      const e = item.event;
      const r = refs(ctx, e.evidence);
      const detail = e.detail.trim() === '' ? '' : `${p.colon}${clause(e.detail)}`;
      return `${i + 1}. ${sentence(ctx, `${date}\u3000${e.title.trim()}${detail}${r ? `${p.open}${r}${p.close}` : ''}`)}`;
    }
    const x = item.contact;
    const meta = [
      present(x.number) ? `${p.dialled} ${x.number.trim()}` : undefined,
      present(x.agentId) ? `${p.agentId} ${x.agentId.trim()}` : undefined,
      present(x.ticketNo) ? `${p.ticket} ${x.ticketNo.trim()}` : undefined,
    ].filter(present);
    let line = `${date}\u3000${p.channel[x.channel]}${meta.length ? `${p.open}${meta.join(p.listSep)}${p.close}` : ''}`;
    if (present(x.summary)) line += `${p.colon}${x.summary.trim()}`;
    line = sentence(ctx, line);
    const state = promiseState(x, today);
    if (state !== 'none') {
      const by = x.promisedBy ? `${p.promisedBy} ${formatFactDate(x.promisedBy, language, c.jurisdiction)}` : undefined;
      const outcome = state === 'kept' ? p.kept : state === 'broken' ? p.broken : state === 'pending' ? p.pending : p.unknownOutcome;
      const promise = `${p.promised}${p.colon}${(x.promise ?? '').trim()}${p.open}${[by, outcome].filter(present).join(p.listSep)}${p.close}`;
      line += language === 'en' ? ` ${sentence(ctx, promise)}` : sentence(ctx, promise);
    }
    return `${i + 1}. ${line}`;
  });
  if (ctx.template.needsPriorComplaint) lines.push(companyReplied(c) ? p.replied : p.notHandled);
  return lines;
}

function claimLines(ctx: Ctx): string[] {
  const { c, p, language } = ctx;
  const fallback = defaultCurrency(c.jurisdiction);
  const lines: string[] = [];
  c.claims.forEach((claim, i) => {
    lines.push(`${i + 1}. ${claim.title.trim() || p.blank}`);
    if (present(claim.detail)) lines.push(`   ${sentence(ctx, claim.detail)}`);
    if (claim.amount !== undefined) {
      const money = formatMoney(claim.amount, claim.currency ?? fallback, language);
      let calc = '';
      if (present(claim.calculation)) {
        const check = checkCalculation(claim.calculation, claim.amount);
        const hasResult = claim.calculation.includes('=') || claim.calculation.includes('＝');
        const shown = check.state === 'ok' && !hasResult ? `${claim.calculation.trim()} = ${formatNumber(check.value)}` : claim.calculation.trim();
        calc = `${p.open}${p.calculation}${p.colon}${shown}${p.close}`;
      }
      lines.push(`   ${p.amount}${p.colon}${money}${calc}`);
    }
    const r = refs(ctx, claim.evidence);
    const facts = claim.events.map((id) => ctx.factNumbers.get(id)).filter((n): n is number => n !== undefined).sort((a, b) => a - b);
    const links = [
      r ? `${p.evidence}${p.colon}${r}` : undefined,
      facts.length ? fill(p.relatedFacts, { list: facts.join(p.sep) }) : undefined,
    ].filter(present);
    if (links.length) lines.push(`   ${links.join(p.listSep)}`);
  });
  const totals = claimTotals(c.claims, fallback);
  if (totals.length > 0) lines.push(`${p.total}${p.colon}${totals.map((t) => formatMoney(t.amount, t.currency, language)).join(p.listSep)}`);
  return lines;
}

function demandLines(ctx: Ctx): string[] {
  const { c, p, language } = ctx;
  const fallback = defaultCurrency(c.jurisdiction);
  return c.demands.filter((d) => present(d.text) || d.amount !== undefined).map((d, i) => {
    const money = d.amount !== undefined ? formatMoney(d.amount, d.currency ?? fallback, language) : undefined;
    const text = d.text.trim();
    // Do not repeat an amount the text already states.
    const hasMoney = money !== undefined && d.amount !== undefined && text.replace(/,/g, '').includes(String(d.amount));
    return `${i + 1}. ${sentence(ctx, money && !hasMoney ? `${text}${p.open}${p.amount}${p.colon}${money}${p.close}` : text)}`;
  });
}

function exhibitLines(ctx: Ctx): string[] {
  const { c, p, language } = ctx;
  return c.evidence.map((e, i) => {
    const label = exhibitRef(ctx.labels.get(e.id) ?? `A-${i + 1}`, language);
    const extra = [present(e.date) ? formatFactDate(e.date, language, c.jurisdiction) : undefined, present(e.fileName) ? e.fileName : undefined].filter(present);
    return `${label}\u3000${e.title.trim() || e.fileName}${extra.length ? `${p.open}${extra.join(p.listSep)}${p.close}` : ''}`;
  });
}

function sectionLines(ctx: Ctx, key: SectionKey): string[] {
  switch (key) {
    case 'complainant': return complainantLines(ctx);
    case 'agent': return agentLines(ctx);
    case 'respondent': return respondentLines(ctx);
    case 'account': return accountLines(ctx);
    case 'facts': return factLines(ctx);
    case 'history': return historyLines(ctx);
    case 'claims': return claimLines(ctx);
    case 'demands': return demandLines(ctx);
    case 'reasons': return ctx.text.basis.map((b) => fillText(ctx, b));
    case 'exhibits': return exhibitLines(ctx);
  }
}

function placeholders(ctx: Pick<Ctx, 'c' | 'p' | 'language'>): Record<string, string> {
  const { c, p, language } = ctx;
  const first = firstComplaint(c);
  return {
    respondent: c.respondent.name.trim() || p.blank,
    title: c.title.trim() || c.claims[0]?.title.trim() || p.blank,
    firstComplaint: first ? formatFactDate(first.date, language, c.jurisdiction) : p.blank,
  };
}

const fillText = (ctx: Ctx, s: string) => fill(s, placeholders(ctx));

/** The recipient line of a template for a case. */
export function letterRecipient(c: LetterCase, template: LetterTemplate, language: Language): string {
  return template.text[language].recipient ?? (c.respondent.name.trim() || PHRASES[language].blank);
}

/** Drafts a letter from a template and a case. Pure: the same case and options give the same text. */
export function draftLetter(c: LetterCase, templateId: TemplateId | string, options: DraftOptions): DraftedLetter {
  const template = getTemplate(templateId);
  const language = options.language ?? c.language;
  const text = template.text[language];
  const p = PHRASES[language];
  const events = sortedEvents(c);
  const ctx: Ctx = {
    c, template, text, p, language, today: options.today,
    audience: options.audience ?? template.audience,
    labels: exhibitLabels(c),
    factNumbers: new Map(events.map((e, i) => [e.id as string, i + 1])),
  };
  const recipient = letterRecipient(c, template, language);
  const subject = fillText(ctx, text.subject);
  const title = (key: SectionKey) => text.labels?.[key] ?? p[key];

  const out: string[] = [text.heading, '', `${p.to}${p.colon}${recipient}`, `${p.subject}${p.colon}${subject}`, '', fillText(ctx, text.opening)];
  let n = 0;
  for (const key of template.order) {
    const lines = sectionLines(ctx, key);
    if (lines.length === 0) continue;
    n += 1;
    out.push('', `${language === 'en' ? `${n}. ` : `${chineseOrdinal(n)}、`}${title(key)}`, ...lines);
  }
  const role = text.labels?.['complainant-role'] ?? text.labels?.complainant ?? p.complainant;
  const date = formatLetterDate(options.today, language, c.jurisdiction);
  out.push('', fillText(ctx, text.closing), '');
  if (language === 'en') out.push(p.closing, '');
  else out.push(p.closing, recipient, '');
  out.push(`${role}${p.colon}${c.complainant.name.trim() || p.blank}\u3000${p.blank}${p.sign}`);
  if (c.agent) out.push(`${p.agent}${p.colon}${c.agent.name.trim() || p.blank}\u3000${p.blank}${p.sign}`);
  out.push(`${text.labels?.date ?? p.date}${p.colon}${date}`, '', p.disclaimer);
  return { template: template.id, audience: ctx.audience, language, recipient, subject, body: out.join('\n') };
}

/**
 * The cover and the letter: who complains about whom, to whom, and what they ask.
 */
import { draftLetter } from '../letters/draft';
import { authorisationLetter } from '../letters/authorisation';
import type { TemplateId } from '../letters/templates';
import type { Audience, Jurisdiction, Letter } from '../case/schema';
import { startSection, t, type ComposeContext } from './compose-context';
import { formatCaseDate, formatLetterDate } from './format';
import { A4, COLORS, MARGIN, drawRight, lineHeight, type Para } from './layout';
import { breakLines } from './line-break';
import { audienceName, regulatorNames } from './messages';

/** Recipients of this cut: the company, or the regulator(s) with a copy to the company. */
export function recipients(ctx: ComposeContext): { to: string[]; cc: string[] } {
  const company = ctx.redact(ctx.c.respondent.name);
  return ctx.audience === 'company'
    ? { to: [company], cc: [] }
    : { to: regulatorNames(ctx.language, ctx.jurisdiction), cc: [company] };
}

/** Label/value rows, values wrapped beside the labels. */
function fieldBlock(ctx: ComposeContext, heading: string, rows: Array<[string, string | undefined]>): void {
  const { w } = ctx;
  const present = rows.filter((r): r is [string, string] => !!r[1] && r[1].trim() !== '');
  if (present.length === 0) return;
  const labelWidth = 92;
  w.ensure(lineHeight(11) + lineHeight(10) * Math.min(present.length, 3) + 8);
  w.setY(w.y() - 6);
  const page = w.page();
  w.drawLine(page, heading, MARGIN.left, w.y() - lineHeight(11) * 0.72, 11, true, COLORS.accent);
  w.setY(w.y() - lineHeight(11));
  page.drawLine({ start: { x: MARGIN.left, y: w.y() + 2 }, end: { x: MARGIN.left + w.contentWidth, y: w.y() + 2 }, thickness: 0.4, color: COLORS.rule });
  w.setY(w.y() - 3);
  for (const [label, value] of present) {
    const lines = breakLines(ctx.redact(value), w.contentWidth - labelWidth, (s) => w.fonts.width(s, 10));
    lines.forEach((line, i) => {
      w.ensure(lineHeight(10));
      const p = w.page();
      const baseline = w.y() - lineHeight(10) * 0.7;
      if (i === 0) w.drawLine(p, label, MARGIN.left, baseline, 9, false, COLORS.muted);
      w.drawLine(p, line, MARGIN.left + labelWidth, baseline, 10);
      w.setY(w.y() - lineHeight(10));
    });
  }
}

/** Account identifiers of the case as label/value rows. */
function accountRows(ctx: ComposeContext): Array<[string, string | undefined]> {
  const a = ctx.c.account;
  return [
    [t(ctx, 'accountPhone'), a.phone],
    [t(ctx, 'accountNo'), a.accountNo],
    [t(ctx, 'customerNo'), a.customerNo],
    [t(ctx, 'contractNo'), a.contractNo],
    [t(ctx, 'billNos'), a.billNos.join('、')],
    [t(ctx, 'ticketNos'), a.ticketNos.join('、')],
  ];
}

/**
 * The cover page: case title, parties, account, audience and recipients, date, and a contents list
 * whose page numbers are filled in once every page exists.
 */
export function composeCover(ctx: ComposeContext, contents: Array<{ id: string; key: Parameters<typeof t>[1] }>): void {
  const { w, c } = ctx;
  const page = w.newPage({ kind: 'cover' });
  ctx.sections.push({ id: 'cover', title: t(ctx, 'cover'), page });
  const [width, height] = A4;
  // A quiet band across the top carries the document kind and the audience.
  page.drawRectangle({ x: 0, y: height - 118, width, height: 118, color: COLORS.accent });
  w.drawLine(page, t(ctx, 'coverKicker'), MARGIN.left, height - 58, 12, true, COLORS.white);
  w.drawLine(page, `${t(ctx, 'audience')}：${audienceName(ctx.language, ctx.audience)}`, MARGIN.left, height - 82, 10, false, COLORS.white);
  drawRight(w, page, formatLetterDate(ctx.today, ctx.language, ctx.jurisdiction), width - MARGIN.right, height - 82, 10, false, COLORS.white);
  w.setY(height - 150);
  const titleLines = breakLines(ctx.redact(c.title), w.contentWidth, (s) => w.fonts.width(s, 20, true));
  for (const line of titleLines) {
    w.drawLine(page, line, MARGIN.left, w.y() - lineHeight(20) * 0.72, 20, true, COLORS.ink);
    w.setY(w.y() - lineHeight(20));
  }
  w.setY(w.y() - 6);

  const { to, cc } = recipients(ctx);
  fieldBlock(ctx, t(ctx, 'audience'), [
    [t(ctx, 'letterTo'), to.join('、')],
    [t(ctx, 'cc'), cc.join('、')],
    [t(ctx, 'date'), formatCaseDate(ctx.today, ctx.jurisdiction)],
  ]);
  fieldBlock(ctx, t(ctx, 'complainant'), [
    [t(ctx, 'complainant'), c.complainant.name],
    [t(ctx, 'idNumber'), c.complainant.idNumber],
    [t(ctx, 'phone'), c.complainant.phone],
    [t(ctx, 'email'), c.complainant.email],
    [t(ctx, 'address'), [c.complainant.postcode, c.complainant.address].filter(Boolean).join(' ')],
  ]);
  if (c.agent && c.agent.name) {
    const auth = c.agent.authorisation;
    fieldBlock(ctx, t(ctx, 'agent'), [
      [t(ctx, 'agent'), c.agent.name],
      [t(ctx, 'relation'), c.agent.relation],
      [t(ctx, 'phone'), c.agent.phone],
      [t(ctx, 'email'), c.agent.email],
      [t(ctx, 'address'), c.agent.address],
      [t(ctx, 'authorisation'), auth ? [auth.matter, auth.scope, [auth.from, auth.until].filter(Boolean).join(' – ')].filter(Boolean).join('；') : undefined],
    ]);
  }
  fieldBlock(ctx, t(ctx, 'respondent'), [
    [t(ctx, 'respondent'), c.respondent.name],
    [t(ctx, 'taxId'), c.respondent.taxId],
    [t(ctx, 'phone'), c.respondent.phone],
    [t(ctx, 'address'), [c.respondent.postcode, c.respondent.address].filter(Boolean).join(' ')],
  ]);
  fieldBlock(ctx, t(ctx, 'account'), accountRows(ctx));

  // Contents: one line per section, page numbers deferred, each line a link.
  w.ensure(lineHeight(11) * (contents.length + 2));
  w.setY(w.y() - 10);
  const p = w.page();
  w.drawLine(p, t(ctx, 'contents'), MARGIN.left, w.y() - lineHeight(11) * 0.72, 11, true, COLORS.accent);
  w.setY(w.y() - lineHeight(11));
  p.drawLine({ start: { x: MARGIN.left, y: w.y() + 2 }, end: { x: MARGIN.left + w.contentWidth, y: w.y() + 2 }, thickness: 0.4, color: COLORS.rule });
  for (const entry of contents) {
    const lh = lineHeight(10);
    const baseline = w.y() - lh * 0.7;
    const title = t(ctx, entry.key);
    const tw = w.drawLine(p, title, MARGIN.left, baseline, 10);
    const right = MARGIN.left + w.contentWidth;
    // Dotted leader between the title and its page number.
    p.drawLine({ start: { x: MARGIN.left + tw + 6, y: baseline + 1 }, end: { x: right - 30, y: baseline + 1 }, thickness: 0.5, color: COLORS.rule, dashArray: [1, 2.5] });
    const id = entry.id;
    w.deferred.push({
      page: p, x: right, y: baseline, size: 10, align: 'right',
      text: () => {
        const s = ctx.sections.find((x) => x.id === id);
        return s ? String(w.pages.findIndex((x) => x.page === s.page) + 1) : '';
      },
    });
    w.links.push({ page: p, rect: [MARGIN.left, w.y() - lh, right, w.y()], target: { kind: 'section', id } });
    w.setY(w.y() - lh);
  }
}

/** The letter of this cut from the case's letters, when the user wrote or edited one. */
export function chosenLetter(ctx: ComposeContext): Letter | undefined {
  return [...ctx.c.letters]
    .filter((l) => l.audience === ctx.audience && l.body.trim() !== '')
    .sort((a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? ''))[0];
}

/** The template a cut uses when the user wrote no letter of their own. */
export function defaultTemplate(jurisdiction: Jurisdiction, audience: Audience): TemplateId {
  const byJurisdiction: Record<Jurisdiction, Record<Audience, TemplateId>> = {
    TW: { company: 'tw-operator', regulator: 'tw-ncc' },
    CN: { company: 'cn-operator', regulator: 'cn-12300' },
    HK: { company: 'hk-operator', regulator: 'hk-ofca-ccss' },
  };
  return byJurisdiction[jurisdiction][audience];
}

/** Section titles inside a letter body: 一、申訴人 / 1. Complainant. */
const BODY_HEADING = /^([一二三四五六七八九十]+、|[IVX]+\. |\d+\. [A-Z][a-z]+(?: [a-z]+)*$)/;

/** Writes a letter body: its first line as the title, section lines bold, the rest as paragraphs. */
function writeLetterBody(ctx: ComposeContext, body: string): void {
  const { w } = ctx;
  const lines = ctx.redact(body).replace(/\r\n?/g, '\n').split('\n');
  while (lines.length && !lines[0]!.trim()) lines.shift();
  // A template's first line is its heading (申訴書, 陳情書…); a note the user put first stays a note.
  const isHeading = (line: string | undefined) => !!line && line.trim().length <= 24 && !/^[【［[(（※*]/.test(line.trim());
  const title = isHeading(lines[0]) ? lines.shift() : undefined;
  if (title) w.paragraphs([{ text: title.trim(), isBold: true, size: 15 }]);
  let gap = 6;
  const paras: Para[] = [];
  for (const line of lines) {
    if (!line.trim()) { gap = 6; continue; }
    const isNote = line.startsWith('※') || line.startsWith('* ');
    paras.push({
      text: line.replace(/\s+$/, ''),
      before: gap,
      ...(BODY_HEADING.test(line) ? { isBold: true } : {}),
      ...(isNote ? { size: 8.5, color: COLORS.muted } : {}),
    });
    gap = 0;
  }
  w.paragraphs(paras);
}

/**
 * The letter: the user's own letter for this audience when there is one, else the letter template of
 * the jurisdiction and cut filled from the case. Either way it carries the note that it is a
 * template, not legal advice. The regulator cut adds the advocate's authorisation when there is one.
 */
export function composeLetter(ctx: ComposeContext): void {
  const { w, c } = ctx;
  startSection(ctx, 'letter', 'letter');
  const own = chosenLetter(ctx);
  const body = own?.body ?? draftLetter(c, defaultTemplate(ctx.jurisdiction, ctx.audience), { today: ctx.today, audience: ctx.audience, language: ctx.language }).body;
  writeLetterBody(ctx, body);
  if (ctx.audience === 'regulator' && c.agent?.name) {
    w.newPage(w.role);
    const auth = authorisationLetter(c, { today: ctx.today, language: ctx.language });
    writeLetterBody(ctx, auth.body.trimStart().startsWith(auth.title) ? auth.body : `${auth.title}\n\n${auth.body}`);
  }
}

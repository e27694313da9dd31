/**
 * The body of the dossier: statement of facts, timeline, claims with their arithmetic, and (for the
 * regulator) the history of earlier complaints with the deadlines they started.
 */
import type { Currency, EventCategory, TimelineEvent } from '../case/schema';
import { exhibitName, exhibitRefs, listMarker, startSection, t, type ComposeContext } from './compose-context';
import { formatCaseDate } from './format';
import { COLORS, type Para } from './layout';
import { categoryName, contactChannelName, deadlineStatusName, formatMoney } from './messages';

/** Events in date order (partial dates sort before full dates of the same period; ties keep input order). */
export function sortedEvents(events: readonly TimelineEvent[]): TimelineEvent[] {
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.date.localeCompare(b.e.date) || (a.e.time ?? '').localeCompare(b.e.time ?? '') || a.i - b.i)
    .map((x) => x.e);
}

const dateWithTime = (ctx: ComposeContext, e: { date: string; time?: string | undefined }): string =>
  `${formatCaseDate(e.date, ctx.jurisdiction)}${e.time ? ` ${e.time}` : ''}`;

/** Statement of facts: one numbered paragraph per event, in date order, with its exhibits named. */
export function composeFacts(ctx: ComposeContext): void {
  startSection(ctx, 'facts', 'facts');
  const events = sortedEvents(ctx.c.events);
  if (events.length === 0) {
    ctx.w.paragraphs([{ text: t(ctx, 'noEvents'), color: COLORS.muted }]);
    return;
  }
  const comma = ctx.language === 'en' ? ', ' : '，';
  const paras: Para[] = events.map((e, i) => {
    const refs = e.evidence.length ? (ctx.language === 'en' ? ` (${e.evidence.map((id) => exhibitName(ctx, id)).join(', ')})` : `（${e.evidence.map((id) => exhibitName(ctx, id)).join('、')}）`) : '';
    const detail = e.detail ? `${ctx.language === 'en' ? '. ' : '。'}${e.detail}` : '';
    return { text: ctx.redact(`${listMarker(ctx, i + 1)}${dateWithTime(ctx, e)}${comma}${e.title}${detail}${refs}`), before: 5 };
  });
  ctx.w.paragraphs(paras, { hangingIndent: ctx.language === 'en' ? 14 : 21 });
}

/** The timeline as a table: date, event (title and detail), category, linked exhibits. */
export function composeTimeline(ctx: ComposeContext): void {
  startSection(ctx, 'timeline', 'timeline');
  const events = sortedEvents(ctx.c.events);
  if (events.length === 0) {
    ctx.w.paragraphs([{ text: t(ctx, 'noEvents'), color: COLORS.muted }]);
    return;
  }
  ctx.w.table(
    [
      { header: t(ctx, 'date'), weight: ctx.jurisdiction === 'TW' ? 24 : 17 },
      { header: t(ctx, 'event'), weight: 52 },
      { header: t(ctx, 'kind'), weight: 12 },
      { header: t(ctx, 'exhibitsShort'), weight: 13 },
    ],
    events.map((e) => [
      [{ text: dateWithTime(ctx, e) }],
      [{ text: ctx.redact(e.title), isBold: true }, ...(e.detail ? [{ text: ctx.redact(e.detail), color: COLORS.muted }] : [])],
      [{ text: categoryName(ctx.language, e.category) }],
      exhibitRefs(ctx, e.evidence),
    ]),
  );
}

/** Claims, numbered, with amount and calculation, totals per currency, then the demands. */
export function composeClaims(ctx: ComposeContext): void {
  const { w, c } = ctx;
  startSection(ctx, 'claims', 'claims');
  if (c.claims.length === 0) w.paragraphs([{ text: t(ctx, 'noClaims'), color: COLORS.muted }]);
  const sep = ctx.language === 'en' ? ': ' : '：';
  c.claims.forEach((claim, i) => {
    const marker = ctx.language === 'en' ? `${i + 1}. ` : `${listMarker(ctx, i + 1)}`;
    w.ensure(60);
    w.paragraphs([{ text: ctx.redact(`${marker}${claim.title}`), isBold: true, size: 11, before: i === 0 ? 0 : 8 }]);
    const body: Para[] = [];
    if (claim.detail) body.push({ text: ctx.redact(claim.detail) });
    if (claim.amount !== undefined) {
      const calc = claim.calculation ? `${ctx.language === 'en' ? ' (' : '（'}${t(ctx, 'calculation')}${sep}${claim.calculation}${ctx.language === 'en' ? ')' : '）'}` : '';
      body.push({ text: ctx.redact(`${t(ctx, 'amount')}${sep}${formatMoney(ctx.language, claim.amount, claim.currency)}${calc}`), isBold: true });
    }
    w.paragraphs(body, { indent: 21 });
    // Each exhibit on its own line with its title, linked when this cut includes it.
    const refs = exhibitRefs(ctx, claim.evidence, 9.5).map((p, k) => {
      const title = c.evidence.find((e) => e.id === claim.evidence[k])?.title;
      return { ...p, text: ctx.redact(title ? `→ ${p.text}  ${title}` : `→ ${p.text}`), color: COLORS.accent };
    });
    w.paragraphs(refs, { indent: 21 });
  });

  // Totals per currency, with the sum written out so the arithmetic can be checked.
  const byCurrency = new Map<Currency | 'none', number[]>();
  for (const claim of c.claims) {
    if (claim.amount === undefined) continue;
    const key = claim.currency ?? 'none';
    byCurrency.set(key, [...(byCurrency.get(key) ?? []), claim.amount]);
  }
  if (byCurrency.size > 0) {
    w.heading(t(ctx, 'total'), 2);
    w.table(
      [{ header: t(ctx, 'calculation'), weight: 65 }, { header: t(ctx, 'total'), weight: 35, align: 'right' }],
      [...byCurrency.entries()].map(([cur, amounts]) => {
        const currency = cur === 'none' ? undefined : cur;
        // Sum in integer hundredths so 0.1 + 0.2 prints 0.3.
        const total = amounts.reduce((a, v) => a + Math.round(v * 100), 0) / 100;
        const sum = amounts.map((v) => formatMoney(ctx.language, v, currency)).join(' + ');
        return [[{ text: `${sum} = ${formatMoney(ctx.language, total, currency)}` }], [{ text: formatMoney(ctx.language, total, currency), isBold: true }]];
      }),
      { fontSize: 10 },
    );
  }
  if (c.demands.length > 0) {
    w.heading(t(ctx, 'demands'), 2);
    w.paragraphs(
      c.demands.map((d, i) => ({ text: ctx.redact(`${listMarker(ctx, i + 1)}${d.text}${d.amount !== undefined ? `（${formatMoney(ctx.language, d.amount, d.currency)}）` : ''}`), before: 3 })),
      { hangingIndent: 21 },
    );
  }
}

const HISTORY: ReadonlySet<EventCategory> = new Set(['written-complaint', 'regulator-filing', 'company-reply', 'call']);

/** Regulator cut: earlier complaints, filings, calls and answers; contacts; deadlines they started. */
export function composeHistory(ctx: ComposeContext): void {
  const { w, c } = ctx;
  startSection(ctx, 'history', 'history');
  const events = sortedEvents(c.events.filter((e) => HISTORY.has(e.category)));
  w.heading(t(ctx, 'historyEvents'), 2);
  if (events.length === 0) w.paragraphs([{ text: t(ctx, 'noHistory'), color: COLORS.muted }]);
  else {
    w.table(
      [
        { header: t(ctx, 'date'), weight: ctx.jurisdiction === 'TW' ? 24 : 17 },
        { header: t(ctx, 'channel'), weight: 18 },
        { header: t(ctx, 'event'), weight: 45 },
        { header: t(ctx, 'exhibitsShort'), weight: 13 },
      ],
      events.map((e) => [
        [{ text: dateWithTime(ctx, e) }],
        [{ text: categoryName(ctx.language, e.category) }, ...(e.channel ? [{ text: ctx.redact(e.channel), color: COLORS.muted }] : [])],
        [{ text: ctx.redact(e.title), isBold: true }, ...(e.detail ? [{ text: ctx.redact(e.detail), color: COLORS.muted }] : [])],
        exhibitRefs(ctx, e.evidence),
      ]),
    );
  }
  if (c.contacts.length > 0) {
    w.heading(t(ctx, 'historyContacts'), 2);
    w.table(
      [
        { header: t(ctx, 'date'), weight: ctx.jurisdiction === 'TW' ? 24 : 17 },
        { header: t(ctx, 'channel'), weight: 18 },
        { header: t(ctx, 'ticket'), weight: 18 },
        { header: t(ctx, 'event'), weight: 40 },
      ],
      [...c.contacts].sort((a, b) => a.date.localeCompare(b.date)).map((k) => [
        [{ text: dateWithTime(ctx, k) }],
        [{ text: contactChannelName(ctx.language, k.channel) }, ...(k.number ? [{ text: ctx.redact(k.number), color: COLORS.muted }] : [])],
        [{ text: ctx.redact(k.ticketNo ?? t(ctx, 'none')) }],
        [
          { text: ctx.redact(k.summary) },
          ...(k.promise ? [{ text: ctx.redact(`${t(ctx, 'promise')}：${k.promise}${k.promisedBy ? ` (${formatCaseDate(k.promisedBy, ctx.jurisdiction)})` : ''}`), color: COLORS.muted }] : []),
        ],
      ]),
    );
  }
  w.heading(t(ctx, 'deadlines'), 2);
  if (ctx.deadlines.length === 0) {
    w.paragraphs([{ text: t(ctx, 'noDeadlines'), color: COLORS.muted }]);
    return;
  }
  w.table(
    [
      { header: t(ctx, 'event'), weight: 30 },
      { header: t(ctx, 'deadlineStartedBy'), weight: 25 },
      { header: t(ctx, 'deadlineDue'), weight: 22 },
      { header: t(ctx, 'deadlineBasis'), weight: 23 },
    ],
    ctx.deadlines.map((d) => {
      const start = d.startedBy ? c.events.find((e) => e.id === d.startedBy) : undefined;
      return [
        [{ text: ctx.redact(d.label) }, ...(d.status ? [{ text: deadlineStatusName(ctx.language, d.status), color: COLORS.muted }] : [])],
        [{ text: start ? ctx.redact(`${formatCaseDate(start.date, ctx.jurisdiction)} ${start.title}`) : t(ctx, 'none') }],
        [{ text: formatCaseDate(d.due, ctx.jurisdiction), isBold: true }],
        [{ text: ctx.redact(d.basis ?? t(ctx, 'none')) }],
      ];
    }),
  );
}

/**
 * The exhibit index (rows linked to the exhibits, page numbers filled in once they exist) and the
 * integrity appendix (every original's file name, import date, size and full SHA-256).
 */
import { startSection, t, type ComposeContext } from './compose-context';
import { importDate } from './compose-exhibits';
import { formatCaseDate, formatCount } from './format';
import { COLORS, MARGIN, lineHeight } from './layout';
import { kindName, redactionCount } from './messages';
import type { PlacedExhibit } from './types';
import type { Redaction } from '../case/schema';

/** The exhibit index: label, title, kind, date, page; every row links to its exhibit. */
export function composeIndex(ctx: ComposeContext): void {
  const { w } = ctx;
  startSection(ctx, 'index', 'index');
  const pageOf = (id: string) => () => {
    const page = ctx.exhibitPages.get(id);
    return page ? String(w.pages.findIndex((p) => p.page === page) + 1) : '';
  };
  w.table(
    [
      { header: t(ctx, 'exhibitsShort'), weight: 13 },
      { header: t(ctx, 'title'), weight: 47 },
      { header: t(ctx, 'kind'), weight: 11 },
      { header: t(ctx, 'date'), weight: ctx.jurisdiction === 'TW' ? 21 : 15 },
      { header: t(ctx, 'pages'), weight: 8, align: 'right' },
    ],
    ctx.included.map((ev) => {
      const link = { kind: 'exhibit', id: ev.id } as const;
      return [
        [{ text: ctx.labels.get(ev.id) ?? ev.id, isBold: true, color: COLORS.accent, link }],
        [{ text: ctx.redact(ev.title || ev.fileName), link }],
        [{ text: kindName(ctx.language, ev.kind) }],
        [{ text: ev.date ? formatCaseDate(ev.date, ctx.jurisdiction) : t(ctx, 'none') }],
        [{ text: '0000', deferred: pageOf(ev.id), link }],
      ];
    }),
    { fontSize: 9.5 },
  );
}

/**
 * What was blacked out on an exhibit, by kind and count — never the values. The accepted
 * redactions of its image (page 1) say their kind; the other burned boxes are national IDs that
 * PII redaction found in the OCR words.
 */
export function redactedKinds(ctx: ComposeContext, ex: PlacedExhibit): string {
  const counts = new Map<Redaction['kind'], number>();
  const accepted = ctx.c.redactions.filter((r) => r.evidence === ex.id && r.page === 1 && r.status === 'accepted');
  const auto = ex.redactedBoxes - accepted.length;
  if (auto > 0) counts.set('national-id', auto);
  for (const r of accepted) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => redactionCount(ctx.language, kind, n)).join(ctx.language === 'en' ? ', ' : '、');
}

/**
 * The integrity appendix: one block per exhibit with the full SHA-256 on a line of its own (a hash
 * broken over two lines could not be searched or copied).
 */
export function composeIntegrity(ctx: ComposeContext, placed: readonly PlacedExhibit[], offsetMinutes: number): void {
  const { w } = ctx;
  startSection(ctx, 'integrity', 'integrity');
  w.paragraphs([{ text: t(ctx, 'integrityIntro'), size: 9.5, color: COLORS.muted }]);
  w.setY(w.y() - 6);
  const sep = ctx.language === 'en' ? ': ' : '：';
  for (const ex of placed) {
    const lh = lineHeight(9);
    w.ensure(lh * 4 + 10);
    const page = w.page();
    page.drawLine({ start: { x: MARGIN.left, y: w.y() }, end: { x: MARGIN.left + w.contentWidth, y: w.y() }, thickness: 0.35, color: COLORS.rule });
    w.setY(w.y() - 3);
    w.paragraphs([{ text: `${t(ctx, 'exhibitLabel', { label: ex.label })}\u3000${ex.title}`, size: 10, isBold: true, link: { kind: 'exhibit', id: ex.id } }]);
    w.paragraphs(
      [
        {
          text: [
            `${t(ctx, 'fileName')}${sep}${ex.fileName}`,
            `${t(ctx, 'importedAt')}${sep}${importDate(ctx, ex.importedAt, offsetMinutes)}`,
            `${t(ctx, 'size')}${sep}${t(ctx, 'bytes', { n: formatCount(ex.size) })}`,
          ].join('\u3000\u3000'),
          size: 9,
        },
        ...(ex.embedding === 'redacted-image' ? [
          { text: t(ctx, 'integrityRedacted'), size: 8.5, color: COLORS.muted },
          { text: t(ctx, 'integrityRedactedKinds', { list: redactedKinds(ctx, ex) }), size: 8.5, color: COLORS.muted },
        ] : []),
      ],
      { indent: 12 },
    );
    // The hash on one line: shrink the size if a narrow page would otherwise wrap it.
    const hash = ex.sha256 || t(ctx, 'none');
    const label = `${t(ctx, 'sha256')}${sep}`;
    let size = 9;
    while (size > 6 && w.fonts.width(label + hash, size) > w.contentWidth - 12) size -= 0.25;
    w.ensure(lineHeight(size));
    const p = w.page();
    const x = MARGIN.left + 12;
    const baseline = w.y() - lineHeight(size) * 0.7;
    const lw = w.drawLine(p, label, x, baseline, size, true, COLORS.muted);
    w.drawLine(p, hash, x + lw, baseline, size, false, COLORS.ink);
    w.setY(w.y() - lineHeight(size) - 4);
  }
}

/**
 * Builds the PDF dossier of a case for one audience. Runs unchanged in a renderer Web Worker and in
 * the Node CLI: originals, fonts, the clock and the image redactor are injected.
 *
 * Cuts: `company` gets the letter, facts, timeline, claims and the key exhibits (`isKey`);
 * `regulator` also gets the history of earlier complaints, the deadlines, and every exhibit.
 * Exhibit labels follow the case order of all exhibits, so A-3 is A-3 in both cuts.
 */
import { PDFDocument } from 'pdf-lib';
import type { DeferredText } from './layout';
import { composeFacts, composeClaims, composeHistory, composeTimeline } from './compose-body';
import { composeIndex, composeIntegrity } from './compose-back';
import type { ComposeContext, SectionId } from './compose-context';
import { composeExhibits } from './compose-exhibits';
import { composeCover, composeLetter } from './compose-front';
import { createFontSet } from './fonts';
import { exhibitLabel } from '../case/exhibit-label';
import { isoDateOf } from './format';
import { A4, COLORS, MARGIN, createWriter, drawCentred, drawRight, type Writer } from './layout';
import { msg, type DossierMessageKey } from './messages';
import { addLink, writeOutline, type OutlineItem } from './navigation';
import { textRedactor } from './redact';
import { DossierError, MANIFEST_NAME, type BuildDossierInput, type DossierReport } from './types';

/** Builds the dossier and returns the PDF bytes. */
export async function buildDossier(input: BuildDossierInput): Promise<Uint8Array> {
  return (await buildDossierReport(input)).bytes;
}

function checkAbort(input: BuildDossierInput): void {
  if (input.signal?.aborted) throw input.signal.reason ?? new DossierError('the dossier build was cancelled');
}

/** Running head, footer rule and continuous page number of every page. */
function stampPages(w: Writer, language: BuildDossierInput['case']['language'], caseTitle: string): void {
  const [width, height] = A4;
  const total = w.pages.length;
  w.pages.forEach(({ page, role }, i) => {
    const footer = msg(language, 'pageOfTotal', { n: i + 1, total });
    drawCentred(w, page, footer, width / 2, 28, 8.5, false, COLORS.muted);
    if (role.kind === 'body') {
      const y = height - 44;
      let head = caseTitle;
      const room = w.contentWidth - w.fonts.width(role.section, 8) - 24;
      if (w.fonts.width(head, 8) > room) {
        while (head.length > 1 && w.fonts.width(`${head}…`, 8) > room) head = Array.from(head).slice(0, -1).join('');
        head = `${head}…`;
      }
      w.drawLine(page, head, MARGIN.left, y, 8, false, COLORS.muted);
      drawRight(w, page, role.section, width - MARGIN.right, y, 8, true, COLORS.muted);
      page.drawLine({ start: { x: MARGIN.left, y: y - 6 }, end: { x: width - MARGIN.right, y: y - 6 }, thickness: 0.4, color: COLORS.rule });
    }
  });
}

function drawDeferred(w: Writer, items: readonly DeferredText[]): void {
  for (const d of items) {
    const text = d.text();
    if (d.align === 'right') drawRight(w, d.page, text, d.x, d.y, d.size, d.isBold, d.color);
    else w.drawLine(d.page, text, d.x, d.y, d.size, d.isBold, d.color);
  }
}

/** Builds the dossier and reports what went where (sections, exhibits, glyphs no font had). */
export async function buildDossierReport(input: BuildDossierInput): Promise<DossierReport> {
  const c = input.case;
  const now = typeof input.now === 'function' ? input.now() : input.now;
  const offset = input.utcOffsetMinutes ?? 480;
  const progress = input.onProgress ?? (() => {});
  checkAbort(input);
  progress({ phase: 'fonts', done: 0, total: 1 });

  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = await createFontSet(doc, input.fonts, c.language);
  progress({ phase: 'fonts', done: 1, total: 1 });
  checkAbort(input);

  const w = createWriter(doc, fonts);
  const included = input.audience === 'company' ? c.evidence.filter((e) => e.isKey) : c.evidence;
  const ctx: ComposeContext = {
    c,
    audience: input.audience,
    language: c.language,
    jurisdiction: c.jurisdiction,
    w,
    redact: textRedactor(c),
    labels: new Map(c.evidence.map((e, i) => [e.id, exhibitLabel(i)])),
    included,
    sections: [],
    deadlines: input.deadlines ?? [],
    today: isoDateOf(now, offset),
    exhibitPages: new Map(),
  };

  const isRegulator = input.audience === 'regulator';
  const contents: Array<{ id: SectionId; key: DossierMessageKey }> = [
    { id: 'letter', key: 'letter' },
    { id: 'facts', key: 'facts' },
    { id: 'timeline', key: 'timeline' },
    { id: 'claims', key: 'claims' },
    ...(isRegulator ? [{ id: 'history', key: 'history' } as const] : []),
    { id: 'index', key: 'index' },
    { id: 'exhibits', key: 'exhibits' },
    { id: 'integrity', key: 'integrity' },
  ];
  const steps: Array<() => void> = [
    () => composeCover(ctx, contents),
    () => composeLetter(ctx),
    () => composeFacts(ctx),
    () => composeTimeline(ctx),
    () => composeClaims(ctx),
    ...(isRegulator ? [() => composeHistory(ctx)] : []),
    () => composeIndex(ctx),
  ];
  steps.forEach((step, i) => {
    checkAbort(input);
    step();
    progress({ phase: 'sections', done: i + 1, total: steps.length });
  });

  const placed = await composeExhibits(ctx, {
    originals: input.originals,
    ...(input.redactImage ? { redactImage: input.redactImage } : {}),
    checkAbort: () => checkAbort(input),
    onExhibit: (done, total) => progress({ phase: 'exhibits', done, total }),
  });
  const firstExhibit = placed[0] ? w.pages[placed[0].firstPage - 1]?.page : undefined;
  if (firstExhibit) ctx.sections.push({ id: 'exhibits', title: msg(c.language, 'exhibits'), page: firstExhibit });
  composeIntegrity(ctx, placed, offset);
  checkAbort(input);
  progress({ phase: 'finishing', done: 0, total: 1 });

  const title = ctx.redact(c.title);
  stampPages(w, c.language, title);
  drawDeferred(w, w.deferred);
  const pageOfSection = (id: string) => ctx.sections.find((s) => s.id === id)?.page;
  for (const link of w.links) {
    const target = link.target.kind === 'exhibit' ? ctx.exhibitPages.get(link.target.id) : pageOfSection(link.target.id);
    if (target) addLink(doc, link.page, link.rect, target);
  }
  const outline: OutlineItem[] = ctx.sections.map((s) => ({
    title: s.title,
    page: s.page,
    ...(s.id === 'exhibits'
      ? { children: placed.map((ex) => ({ title: `${msg(c.language, 'exhibitLabel', { label: ex.label })} ${ex.title}`.trim(), page: ctx.exhibitPages.get(ex.id)! })) }
      : {}),
  }));
  writeOutline(doc, outline);

  const author = ctx.redact(c.agent?.name ? `${c.complainant.name} / ${c.agent.name}` : c.complainant.name);
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setAuthor(author);
  doc.setSubject(`${msg(c.language, 'coverKicker')} — ${ctx.redact(c.respondent.name)}`);
  doc.setCreator('Dossier');
  doc.setProducer('Dossier (pdf-lib)');
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  doc.setLanguage(c.language);

  const pageNumber = (page: unknown) => w.pages.findIndex((p) => p.page === page) + 1;
  const sections = ctx.sections.map((s) => ({ id: s.id, title: s.title, firstPage: pageNumber(s.page) }));
  const manifest = {
    format: 'dossier-export/1',
    audience: input.audience,
    language: c.language,
    jurisdiction: c.jurisdiction,
    title,
    builtAt: now.toISOString(),
    pageCount: w.pages.length,
    sections,
    exhibits: placed,
  };
  await doc.attach(new TextEncoder().encode(JSON.stringify(manifest, null, 2)), MANIFEST_NAME, {
    mimeType: 'application/json',
    description: 'Exhibits, pages and SHA-256 fingerprints of this dossier',
    creationDate: now,
    modificationDate: now,
  });
  checkAbort(input);
  const bytes = await doc.save();
  progress({ phase: 'finishing', done: 1, total: 1 });
  return { bytes, pageCount: w.pages.length, sections, exhibits: placed, missingGlyphs: fonts.missing() };
}

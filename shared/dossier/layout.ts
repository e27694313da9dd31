/**
 * A small flow-layout engine over pdf-lib: pages with margins, wrapped paragraphs, tables that break
 * across pages and repeat their header, and deferred work (links, page numbers) that can only be
 * finished once every page exists.
 */
import { rgb, type PDFDocument, type PDFPage, type RGB } from 'pdf-lib';
import type { FontSet } from './fonts';
import { breakLines } from './line-break';

/** A4 portrait in points. */
export const A4: readonly [number, number] = [595.28, 841.89];

/** The dossier's palette: quiet, prints well in grey. */
export const COLORS = {
  ink: rgb(0.1, 0.1, 0.12),
  muted: rgb(0.4, 0.41, 0.44),
  accent: rgb(0.1, 0.23, 0.4),
  rule: rgb(0.72, 0.75, 0.79),
  band: rgb(0.93, 0.94, 0.96),
  zebra: rgb(0.965, 0.97, 0.98),
  black: rgb(0, 0, 0),
  white: rgb(1, 1, 1),
} as const;

/** Page margins of body pages. */
export const MARGIN = { left: 62, right: 62, top: 72, bottom: 66 } as const;

/** Where an internal link goes: an exhibit's first page or a section's first page. */
export type LinkTarget = { kind: 'exhibit'; id: string } | { kind: 'section'; id: string };

/** A link rectangle waiting for its destination page. */
export interface PendingLink {
  page: PDFPage;
  rect: [number, number, number, number];
  target: LinkTarget;
}

/** Text drawn once every page exists (page numbers of exhibits, totals). */
export interface DeferredText {
  page: PDFPage;
  x: number;
  y: number;
  size: number;
  isBold?: boolean;
  align: 'left' | 'right';
  color?: RGB;
  text: () => string;
}

/** What kind of page it is, for running heads and footers. */
export type PageRole = { kind: 'cover' } | { kind: 'body'; section: string } | { kind: 'exhibit' };

/** A styled paragraph. */
export interface Para {
  text: string;
  size?: number;
  isBold?: boolean;
  color?: RGB;
  link?: LinkTarget;
  /** Extra space above, in points. */
  before?: number;
  /** Text known only once every page exists; `text` is then a placeholder of the same width. */
  deferred?: () => string;
}

/** One table column. */
export interface Column {
  header: string;
  /** Share of the available width. */
  weight: number;
  align?: 'left' | 'right';
}

/** Layout state shared by all sections of one dossier. */
export interface Writer {
  doc: PDFDocument;
  fonts: FontSet;
  pages: Array<{ page: PDFPage; role: PageRole }>;
  links: PendingLink[];
  deferred: DeferredText[];
  /** Current page (undefined before the first page). */
  page(): PDFPage;
  /** Top of the free space on the current page. */
  y(): number;
  setY(y: number): void;
  /** Starts a new page with a role. */
  newPage(role: PageRole): PDFPage;
  /** Starts a new page when less than `height` is free. */
  ensure(height: number): void;
  /** Draws one line of text (no wrapping) with font fallback; returns its width. */
  drawLine(page: PDFPage, text: string, x: number, baseline: number, size: number, isBold?: boolean, color?: RGB): number;
  /** Wraps and draws paragraphs at the cursor, breaking pages as needed. */
  paragraphs(paras: Para[], opts?: { indent?: number; width?: number; hangingIndent?: number }): void;
  /** Draws a table at the cursor; rows break across pages and the header repeats. */
  table(columns: Column[], rows: Para[][][], opts?: { fontSize?: number }): void;
  /** A section heading. */
  heading(text: string, level: 1 | 2): void;
  /** Width available between the margins. */
  contentWidth: number;
  /** Role of pages that `ensure` starts. */
  role: PageRole;
}

/** Line height for a font size: generous, as CJK text needs. */
export const lineHeight = (size: number): number => size * 1.6;

/** Creates the writer for a document. */
export function createWriter(doc: PDFDocument, fonts: FontSet): Writer {
  const [pageWidth, pageHeight] = A4;
  let current: PDFPage | undefined;
  let cursor = pageHeight - MARGIN.top;
  const contentWidth = pageWidth - MARGIN.left - MARGIN.right;
  const bottom = MARGIN.bottom;

  const w: Writer = {
    doc,
    fonts,
    pages: [],
    links: [],
    deferred: [],
    contentWidth,
    role: { kind: 'cover' },
    page: () => {
      if (!current) throw new Error('no page yet');
      return current;
    },
    y: () => cursor,
    setY: (y) => { cursor = y; },
    newPage(role) {
      current = doc.addPage([pageWidth, pageHeight]);
      w.pages.push({ page: current, role });
      w.role = role;
      cursor = pageHeight - MARGIN.top;
      return current;
    },
    ensure(height) {
      if (!current || cursor - height < bottom) w.newPage(w.role);
    },
    drawLine(page, text, x, baseline, size, isBold = false, color = COLORS.ink) {
      let dx = 0;
      for (const run of fonts.runs(text, isBold)) {
        page.drawText(run.text, { x: x + dx, y: baseline, size, font: run.font, color });
        dx += fonts.width(run.text, size, isBold);
      }
      return dx;
    },
    paragraphs(paras, opts = {}) {
      const indent = opts.indent ?? 0;
      const width = opts.width ?? contentWidth - indent;
      for (const p of paras) {
        const size = p.size ?? 10.5;
        const lh = lineHeight(size);
        if (p.before) cursor -= p.before;
        const hang = opts.hangingIndent ?? 0;
        const lines = breakLines(p.text, width - hang, (s) => fonts.width(s, size, p.isBold));
        lines.forEach((line, i) => {
          w.ensure(lh);
          const page = w.page();
          const x = MARGIN.left + indent + (i > 0 ? hang : 0);
          const baseline = cursor - lh * 0.7;
          const drawn = w.drawLine(page, line, x, baseline, size, p.isBold, p.color);
          if (p.link && drawn > 0) w.links.push({ page, rect: [x, cursor - lh, x + drawn, cursor], target: p.link });
          cursor -= lh;
        });
      }
    },
    table(columns, rows, opts = {}) {
      const size = opts.fontSize ?? 9;
      const pad = 4;
      const total = columns.reduce((a, c) => a + c.weight, 0);
      const widths = columns.map((c) => (c.weight / total) * contentWidth);
      const xs = widths.map((_, i) => MARGIN.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
      type Line = { text: string; size: number; isBold: boolean; color: RGB | undefined; link: LinkTarget | undefined; height: number; deferred: (() => string) | undefined };
      const cellLines = (cell: Para[], col: number): Line[] =>
        cell.flatMap((p) => {
          const s = p.size ?? size;
          return breakLines(p.text, widths[col]! - pad * 2, (t) => fonts.width(t, s, p.isBold)).map((text) => ({
            text, size: s, isBold: p.isBold ?? false, color: p.color, link: p.link, height: lineHeight(s) * 0.92, deferred: p.deferred,
          }));
        });
      const header = columns.map((c) => [{ text: c.header, isBold: true, color: COLORS.accent }] satisfies Para[]);
      const drawRow = (cells: Line[][], shade: RGB | undefined, isHeader: boolean): void => {
        const height = Math.max(...cells.map((ls) => ls.reduce((a, l) => a + l.height, 0))) + pad * 2;
        const page = w.page();
        if (shade) page.drawRectangle({ x: MARGIN.left, y: cursor - height, width: contentWidth, height, color: shade });
        cells.forEach((lines, col) => {
          let y = cursor - pad;
          for (const l of lines) {
            const tw = fonts.width(l.text, l.size, l.isBold);
            const x = columns[col]!.align === 'right' ? xs[col]! + widths[col]! - pad - tw : xs[col]! + pad;
            const isRight = columns[col]!.align === 'right';
            if (l.deferred) {
              w.deferred.push({
                page, x: isRight ? xs[col]! + widths[col]! - pad : x, y: y - l.height * 0.74, size: l.size, isBold: l.isBold,
                align: isRight ? 'right' : 'left', color: l.color ?? COLORS.ink, text: l.deferred,
              });
            } else {
              w.drawLine(page, l.text, x, y - l.height * 0.74, l.size, l.isBold, l.color ?? COLORS.ink);
            }
            if (l.link) w.links.push({ page, rect: [x - 1, y - l.height, x + tw + 1, y], target: l.link });
            y -= l.height;
          }
        });
        page.drawLine({
          start: { x: MARGIN.left, y: cursor - height },
          end: { x: MARGIN.left + contentWidth, y: cursor - height },
          thickness: isHeader ? 0.8 : 0.35,
          color: isHeader ? COLORS.accent : COLORS.rule,
        });
        cursor -= height;
      };
      const headerLines = header.map((c, i) => cellLines(c, i));
      const headerHeight = Math.max(...headerLines.map((ls) => ls.reduce((a, l) => a + l.height, 0))) + pad * 2;
      const startTable = () => drawRow(headerLines, COLORS.band, true);
      w.ensure(headerHeight + lineHeight(size) * 2);
      startTable();
      rows.forEach((row, r) => {
        let remaining = row.map((cell, col) => cellLines(cell, col));
        const shade = r % 2 === 1 ? COLORS.zebra : undefined;
        while (remaining.some((ls) => ls.length > 0)) {
          const need = Math.max(...remaining.map((ls) => ls.reduce((a, l) => a + l.height, 0))) + pad * 2;
          if (cursor - need < bottom) {
            // Split only rows that would not fit on a fresh page; otherwise move the row whole.
            const fresh = pageHeight - MARGIN.top - MARGIN.bottom - headerHeight;
            if (need <= fresh || cursor - bottom < lineHeight(size) * 3 + pad * 2) {
              w.newPage(w.role);
              startTable();
              continue;
            }
            const room = cursor - bottom - pad * 2;
            const part = remaining.map((ls) => {
              let h = 0;
              let n = 0;
              while (n < ls.length && h + ls[n]!.height <= room) h += ls[n++]!.height;
              return n;
            });
            drawRow(remaining.map((ls, i) => ls.slice(0, part[i])), shade, false);
            remaining = remaining.map((ls, i) => ls.slice(part[i]));
            w.newPage(w.role);
            startTable();
            continue;
          }
          drawRow(remaining, shade, false);
          remaining = remaining.map(() => []);
        }
      });
      cursor -= 6;
    },
    heading(text, level) {
      const size = level === 1 ? 17 : 12;
      const lh = lineHeight(size);
      w.ensure(lh + lineHeight(10.5) * 3);
      if (level === 2) cursor -= 6;
      const page = w.page();
      w.drawLine(page, text, MARGIN.left, cursor - lh * 0.72, size, true, COLORS.accent);
      cursor -= lh;
      if (level === 1) {
        page.drawLine({ start: { x: MARGIN.left, y: cursor + 2 }, end: { x: MARGIN.left + contentWidth, y: cursor + 2 }, thickness: 1.2, color: COLORS.accent });
        cursor -= 12;
      } else {
        cursor -= 2;
      }
    },
  };
  return w;
}

/** Draws text right-aligned so it ends at `right`. */
export function drawRight(w: Writer, page: PDFPage, text: string, right: number, baseline: number, size: number, isBold = false, color: RGB = COLORS.ink): void {
  w.drawLine(page, text, right - w.fonts.width(text, size, isBold), baseline, size, isBold, color);
}

/** Draws text centred on `cx`. */
export function drawCentred(w: Writer, page: PDFPage, text: string, cx: number, baseline: number, size: number, isBold = false, color: RGB = COLORS.ink): void {
  w.drawLine(page, text, cx - w.fonts.width(text, size, isBold) / 2, baseline, size, isBold, color);
}

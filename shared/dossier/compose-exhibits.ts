/**
 * The exhibits: every page stamped in a top band with its label, title, date and short hash; images
 * fitted to A4 with their EXIF orientation applied through the drawing matrix (JPEG bytes are embedded
 * as they are, never re-encoded); PDFs placed page by page; text typeset; and over every image an
 * invisible text layer of its OCR words so the dossier is searchable.
 *
 * Redaction: when a box must be burned on an image (an ID read by OCR, or an accepted redaction),
 * the image is re-rendered with those pixels black by the injected `redactImage` and the redacted
 * copy is embedded instead of the original; a black rectangle is also drawn on top. Without a
 * redactor the build stops, because a rectangle alone would leave the pixels inside the file.
 * PDF exhibits cannot be redacted here (their text and images would need rasterising); a PDF exhibit
 * that needs redaction stops the build with a message saying so.
 */
import {
  PDFDocument,
  TextRenderingMode,
  beginText,
  concatTransformationMatrix,
  drawObject,
  endText,
  popGraphicsState,
  pushGraphicsState,
  setCharacterSqueeze,
  setFontAndSize,
  setTextMatrix,
  setTextRenderingMode,
  showText,
  type PDFFont,
  type PDFImage,
  type PDFName,
  type PDFPage,
} from 'pdf-lib';
import type { Box, Evidence, OcrPage, OcrWord } from '../case/schema';
import { exhibitName, t, type ComposeContext } from './compose-context';
import { formatCaseDate, isoDateOf } from './format';
import { jpegOrientation, orientationMatrix, sniffKind, swapsAxes, type ContentKind } from './image-info';
import { A4, COLORS, drawRight, lineHeight } from './layout';
import { breakLines } from './line-break';
import { kindName } from './messages';
import { joinLine, redactWords } from './redact';
import { DossierError, type ExhibitEmbedding, type PlacedExhibit, type RedactImage } from './types';

const [PAGE_W, PAGE_H] = A4;
/** Exhibit pages use narrower margins: the content is the point. */
const EX = { left: 36, right: 36, bandTop: 26, bandHeight: 40, gap: 10, bottom: 50 } as const;
const CONTENT_TOP = PAGE_H - EX.bandTop - EX.bandHeight - EX.gap;
const CONTENT_W = PAGE_W - EX.left - EX.right;
const CONTENT_H = CONTENT_TOP - EX.bottom;

/** What exhibit layout needs beyond the compose context. */
export interface ExhibitDeps {
  originals: (evidence: Evidence) => Promise<Uint8Array>;
  redactImage?: RedactImage;
  checkAbort: () => void;
  onExhibit: (done: number, total: number) => void;
}

/** Short form of a hash for the stamp: first and last 8 hex digits. */
export function shortHash(sha256: string | undefined): string {
  return sha256 ? `${sha256.slice(0, 8)}…${sha256.slice(-8)}` : '—';
}

/** Draws the stamp band of one exhibit page. */
function stamp(ctx: ComposeContext, page: PDFPage, ev: Evidence, n: number, total: number): void {
  const { w } = ctx;
  const y = PAGE_H - EX.bandTop - EX.bandHeight;
  page.drawRectangle({ x: EX.left, y, width: CONTENT_W, height: EX.bandHeight, color: COLORS.band, borderColor: COLORS.rule, borderWidth: 0.5 });
  page.drawRectangle({ x: EX.left, y, width: 4, height: EX.bandHeight, color: COLORS.accent });
  const label = exhibitName(ctx, ev.id);
  const labelWidth = w.drawLine(page, label, EX.left + 12, y + 23, 12, true, COLORS.accent);
  const right = EX.left + CONTENT_W - 10;
  const pageText = t(ctx, 'exhibitPage', { n, total });
  const pageWidth = w.fonts.width(pageText, 9);
  // The title gets the room between the label and the page counter, cut with an ellipsis if needed.
  const titleRoom = right - pageWidth - 16 - (EX.left + 12 + labelWidth + 12);
  let title = ctx.redact(ev.title || ev.fileName);
  if (w.fonts.width(title, 10.5, true) > titleRoom) {
    while (title.length > 1 && w.fonts.width(`${title}…`, 10.5, true) > titleRoom) title = Array.from(title).slice(0, -1).join('');
    title = `${title}…`;
  }
  w.drawLine(page, title, EX.left + 12 + labelWidth + 12, y + 23, 10.5, true, COLORS.ink);
  drawRight(w, page, pageText, right, y + 23, 9, false, COLORS.muted);
  const meta = [
    ev.date ? formatCaseDate(ev.date, ctx.jurisdiction) : t(ctx, 'unknownDate'),
    kindName(ctx.language, ev.kind),
    `SHA-256 ${shortHash(ev.sha256)}`,
  ].join('\u3000·\u3000');
  w.drawLine(page, meta, EX.left + 12, y + 9, 8, false, COLORS.muted);
}

function newExhibitPage(ctx: ComposeContext, ev: Evidence, n: number, total: number): PDFPage {
  const page = ctx.w.newPage({ kind: 'exhibit' });
  stamp(ctx, page, ev, n, total);
  return page;
}

/** Fits a width × height into the content area: top-aligned, centred, never enlarged beyond 2×. */
function fit(width: number, height: number): { x: number; y: number; w: number; h: number } {
  const s = Math.min(CONTENT_W / width, CONTENT_H / height, 2);
  const w = width * s;
  const h = height * s;
  return { x: EX.left + (CONTENT_W - w) / 2, y: CONTENT_TOP - h, w, h };
}

/** A page's font resource names, created once per page and font. */
const fontKeys = new WeakMap<PDFPage, Map<PDFFont, PDFName>>();
function fontKey(page: PDFPage, font: PDFFont): PDFName {
  let keys = fontKeys.get(page);
  if (!keys) fontKeys.set(page, (keys = new Map()));
  let key = keys.get(font);
  if (!key) {
    key = page.node.newFontDictionary(font.name, font.ref);
    keys.set(font, key);
  }
  return key;
}

/**
 * Lays invisible OCR text over a placed image, one run per line stretched (Tz) to the line's box so
 * selection follows the picture, and no spaces between CJK characters so search finds phrases.
 */
function textLayer(ctx: ComposeContext, page: PDFPage, lines: OcrWord[][], ocr: OcrPage, place: { x: number; y: number; w: number; h: number }): void {
  const sx = place.w / ocr.width;
  const sy = place.h / ocr.height;
  const ops = [beginText(), setTextRenderingMode(TextRenderingMode.Invisible)];
  let drawn = 0;
  for (const line of lines) {
    const text = ctx.redact(joinLine(line).text);
    if (!text.trim()) continue;
    const left = Math.min(...line.map((wd) => wd.box.x));
    const right = Math.max(...line.map((wd) => wd.box.x + wd.box.w));
    const top = Math.min(...line.map((wd) => wd.box.y));
    const bottom = Math.max(...line.map((wd) => wd.box.y + wd.box.h));
    const boxWidth = (right - left) * sx;
    let size = Math.max(1, (bottom - top) * sy);
    let natural = ctx.w.fonts.width(text, size);
    if (natural <= 0 || boxWidth <= 0) continue;
    // Text wider than its box gets a smaller size, never a squeeze below 100 %: squeezed glyphs
    // overlap, and text extractors drop overlapping repeats ("113" would read "1 3").
    if (natural > boxWidth) {
      size *= boxWidth / natural;
      natural = boxWidth;
    }
    const squeeze = Math.min(1000, (boxWidth / natural) * 100);
    let x = place.x + left * sx;
    // Baseline a little above the box bottom, where descenders end.
    const baseline = place.y + place.h - bottom * sy + size * 0.12;
    for (const run of ctx.w.fonts.runs(text)) {
      ops.push(setFontAndSize(fontKey(page, run.font), size), setCharacterSqueeze(squeeze), setTextMatrix(1, 0, 0, 1, x, baseline), showText(run.font.encodeText(run.text)));
      x += (ctx.w.fonts.width(run.text, size) * squeeze) / 100;
    }
    drawn++;
  }
  ops.push(endText());
  if (drawn > 0) page.pushOperators(...ops);
}

/** Burns boxes (in upright image pixels) black on a placed image. */
function burn(page: PDFPage, boxes: readonly Box[], imageWidth: number, imageHeight: number, place: { x: number; y: number; w: number; h: number }): void {
  const sx = place.w / imageWidth;
  const sy = place.h / imageHeight;
  for (const b of boxes) {
    page.drawRectangle({ x: place.x + b.x * sx - 1, y: place.y + place.h - (b.y + b.h) * sy - 1, width: b.w * sx + 2, height: b.h * sy + 2, color: COLORS.black });
  }
}

/** Boxes to burn and words to keep on one page of an exhibit. */
function pageRedactions(ctx: ComposeContext, ev: Evidence, pageNo: number): { ocr: OcrPage | undefined; lines: OcrWord[][]; boxes: Box[] } {
  const ocr = ev.ocr?.pages.find((p) => p.page === pageNo);
  const { lines, burn: idBoxes } = redactWords(ctx.c, ocr?.words ?? []);
  const accepted = ctx.c.redactions.filter((r) => r.evidence === ev.id && r.page === pageNo && r.status === 'accepted').map((r) => r.box);
  // Words under an accepted box leave the text layer too.
  const inside = (wd: OcrWord) => accepted.some((b) => wd.box.x < b.x + b.w && wd.box.x + wd.box.w > b.x && wd.box.y < b.y + b.h && wd.box.y + wd.box.h > b.y);
  const kept = lines.map((l) => l.filter((wd) => !inside(wd))).filter((l) => l.length > 0);
  return { ocr, lines: kept, boxes: [...idBoxes, ...accepted] };
}

async function placeImage(ctx: ComposeContext, ev: Evidence, bytes: Uint8Array, kind: 'jpeg' | 'png', deps: ExhibitDeps): Promise<{ embedding: ExhibitEmbedding; boxes: number }> {
  const { doc } = ctx.w;
  const { ocr, lines, boxes } = pageRedactions(ctx, ev, 1);
  let orientation = ev.orientation ?? (kind === 'jpeg' ? jpegOrientation(bytes) : 1);
  let image: PDFImage;
  let embedding: ExhibitEmbedding;
  if (boxes.length > 0) {
    if (!deps.redactImage) {
      throw new DossierError(`${exhibitName(ctx, ev.id)}: redaction needs an image redactor to remove the pixels, and none was given`, ev.id);
    }
    const redacted = await deps.redactImage({ bytes, kind, orientation, boxes });
    image = redacted.kind === 'jpeg' ? await doc.embedJpg(redacted.bytes) : await doc.embedPng(redacted.bytes);
    orientation = 1;
    embedding = 'redacted-image';
  } else {
    image = kind === 'jpeg' ? await doc.embedJpg(bytes) : await doc.embedPng(bytes);
    embedding = kind === 'jpeg' ? 'jpeg-original' : 'png';
  }
  const uprightW = swapsAxes(orientation) ? image.height : image.width;
  const uprightH = swapsAxes(orientation) ? image.width : image.height;
  const page = newExhibitPage(ctx, ev, 1, 1);
  const place = fit(uprightW, uprightH);
  const name = page.node.newXObject('Image', image.ref);
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(...orientationMatrix(orientation, place.x, place.y, place.w, place.h)), drawObject(name), popGraphicsState());
  page.drawRectangle({ x: place.x, y: place.y, width: place.w, height: place.h, borderColor: COLORS.rule, borderWidth: 0.5 });
  burn(page, boxes, ocr?.width ?? uprightW, ocr?.height ?? uprightH, place);
  if (ocr) textLayer(ctx, page, lines, ocr, place);
  return { embedding, boxes: boxes.length };
}

/** Page dictionary entries an embedded exhibit page keeps. */
const PAGE_KEYS_KEPT = new Set(['Type', 'Parent', 'Contents', 'Resources', 'MediaBox', 'CropBox', 'BleedBox', 'TrimBox', 'ArtBox', 'Rotate', 'UserUnit', 'Group']);

async function placePdf(ctx: ComposeContext, ev: Evidence, bytes: Uint8Array): Promise<number> {
  let source: PDFDocument;
  try {
    source = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (e) {
    const reason = e instanceof Error && /encrypt/i.test(e.message) ? 'the PDF is encrypted' : 'the PDF cannot be read';
    throw new DossierError(`${exhibitName(ctx, ev.id)} (${ev.fileName}): ${reason}`, ev.id);
  }
  const count = source.getPageCount();
  const needsRedaction = Array.from({ length: count }, (_, i) => pageRedactions(ctx, ev, i + 1).boxes.length > 0).some(Boolean)
    || (ctx.c.redact.pii && ctx.redact(ev.ocr?.rawText ?? '') !== (ev.ocr?.rawText ?? ''));
  if (needsRedaction) {
    // TODO: rasterise PDF pages (pdf.js in the worker, a Node renderer in the CLI) so they can be redacted like images.
    throw new DossierError(`${exhibitName(ctx, ev.id)} (${ev.fileName}): this PDF needs redaction, which is only supported for images; export its pages as images and import those instead`, ev.id);
  }
  // embedPdf copies each whole page dictionary into the dossier; keep only what drawing the page
  // needs, so an exhibit's actions (/AA, link annotations with /URI or /Launch…) never come along.
  for (const p of source.getPages()) {
    for (const key of p.node.keys()) if (!PAGE_KEYS_KEPT.has(key.decodeText())) p.node.delete(key);
  }
  const embedded = await ctx.w.doc.embedPdf(source, Array.from({ length: count }, (_, i) => i));
  embedded.forEach((ep, i) => {
    const page = newExhibitPage(ctx, ev, i + 1, count);
    const place = fit(ep.width, ep.height);
    page.drawPage(ep, { x: place.x, y: place.y, width: place.w, height: place.h });
    page.drawRectangle({ x: place.x, y: place.y, width: place.w, height: place.h, borderColor: COLORS.rule, borderWidth: 0.5 });
    const ocr = ev.ocr?.pages.find((p) => p.page === i + 1 && p.source === 'ocr');
    if (ocr) textLayer(ctx, page, redactWords(ctx.c, ocr.words).lines, ocr, place);
  });
  return count;
}

function placeText(ctx: ComposeContext, ev: Evidence, bytes: Uint8Array): number {
  const text = ctx.redact(new TextDecoder('utf-8').decode(bytes).replace(/^\ufeff/, '').replace(/\t/g, '    '));
  const size = 10;
  const lh = lineHeight(size);
  const inner = CONTENT_W - 24;
  const lines = breakLines(text, inner, (s) => ctx.w.fonts.width(s, size));
  const perPage = Math.floor((CONTENT_H - 20) / lh);
  const total = Math.max(1, Math.ceil(lines.length / perPage));
  for (let p = 0; p < total; p++) {
    const page = newExhibitPage(ctx, ev, p + 1, total);
    page.drawRectangle({ x: EX.left, y: EX.bottom, width: CONTENT_W, height: CONTENT_H, color: COLORS.white, borderColor: COLORS.rule, borderWidth: 0.5 });
    let y = CONTENT_TOP - 10;
    for (const line of lines.slice(p * perPage, (p + 1) * perPage)) {
      ctx.w.drawLine(page, line, EX.left + 12, y - lh * 0.7, size);
      y -= lh;
    }
  }
  return total;
}

function placeUnsupported(ctx: ComposeContext, ev: Evidence): void {
  const page = newExhibitPage(ctx, ev, 1, 1);
  const lines = breakLines(`${ctx.redact(ev.fileName)}\n${t(ctx, 'unsupportedExhibit')}`, CONTENT_W - 40, (s) => ctx.w.fonts.width(s, 11));
  let y = CONTENT_TOP - 40;
  for (const line of lines) {
    ctx.w.drawLine(page, line, EX.left + 20, y, 11, false, COLORS.muted);
    y -= lineHeight(11);
  }
}

/** Lays out every included exhibit in order and returns where each landed. */
export async function composeExhibits(ctx: ComposeContext, deps: ExhibitDeps): Promise<PlacedExhibit[]> {
  const placed: PlacedExhibit[] = [];
  for (const [i, ev] of ctx.included.entries()) {
    deps.checkAbort();
    const bytes = await deps.originals(ev);
    deps.checkAbort();
    const firstIndex = ctx.w.pages.length;
    const kind: ContentKind = sniffKind(bytes, ev.mimeType);
    let embedding: ExhibitEmbedding;
    let boxes = 0;
    if (kind === 'jpeg' || kind === 'png') {
      ({ embedding, boxes } = await placeImage(ctx, ev, bytes, kind, deps));
    } else if (kind === 'pdf') {
      await placePdf(ctx, ev, bytes);
      embedding = 'pdf-pages';
    } else if (kind === 'text') {
      placeText(ctx, ev, bytes);
      embedding = 'text';
    } else {
      placeUnsupported(ctx, ev);
      embedding = 'unsupported';
    }
    const first = ctx.w.pages[firstIndex]!.page;
    ctx.exhibitPages.set(ev.id, first);
    placed.push({
      id: ev.id,
      label: ctx.labels.get(ev.id) ?? ev.id,
      title: ctx.redact(ev.title),
      fileName: ctx.redact(ev.fileName),
      sha256: ev.sha256 ?? '',
      size: ev.size || bytes.length,
      importedAt: ev.importedAt ?? '',
      firstPage: firstIndex + 1,
      pageCount: ctx.w.pages.length - firstIndex,
      embedding,
      redactedBoxes: boxes,
    });
    deps.onExhibit(i + 1, ctx.included.length);
  }
  return placed;
}

/** The import date of an exhibit as printed in the appendix. */
export function importDate(ctx: ComposeContext, importedAt: string, offsetMinutes: number): string {
  if (!importedAt) return t(ctx, 'none');
  const d = new Date(importedAt);
  if (Number.isNaN(d.getTime())) return importedAt;
  const shifted = new Date(d.getTime() + offsetMinutes * 60_000).toISOString();
  return `${formatCaseDate(isoDateOf(d, offsetMinutes), ctx.jurisdiction)} ${shifted.slice(11, 16)}`;
}

/**
 * State shared by the sections of one dossier build.
 */
import type { PDFPage } from 'pdf-lib';
import type { Audience, Case, Evidence, Jurisdiction, Language } from '../case/schema';
import { COLORS, type Writer, type Para } from './layout';
import { msg, type DossierMessageKey } from './messages';
import type { TextRedactor } from './redact';
import type { DossierDeadline } from './types';

/** Ids of the dossier's sections, in print order. */
export type SectionId = 'cover' | 'letter' | 'facts' | 'timeline' | 'claims' | 'history' | 'index' | 'exhibits' | 'integrity';

/** A section as placed: where it starts. */
export interface PlacedSection {
  id: SectionId;
  title: string;
  page: PDFPage;
}

/** Everything a section needs to lay itself out. */
export interface ComposeContext {
  c: Case;
  audience: Audience;
  language: Language;
  jurisdiction: Jurisdiction;
  w: Writer;
  /** Masks IDs when the case asks for it; every printed case string goes through it. */
  redact: TextRedactor;
  /** Label of every exhibit of the case (stable across cuts). */
  labels: Map<string, string>;
  /** Exhibits this cut includes, in case order. */
  included: Evidence[];
  sections: PlacedSection[];
  deadlines: readonly DossierDeadline[];
  /** Build date `YYYY-MM-DD`. */
  today: string;
  /** First page of each placed exhibit (filled while exhibits are laid out). */
  exhibitPages: Map<string, PDFPage>;
}

/** A message in the case language. */
export function t(ctx: ComposeContext, key: DossierMessageKey, vars?: Record<string, string | number>): string {
  return msg(ctx.language, key, vars);
}

/** The printed label of an exhibit, e.g. `證物 A-2`. */
export function exhibitName(ctx: ComposeContext, id: string): string {
  return t(ctx, 'exhibitLabel', { label: ctx.labels.get(id) ?? id });
}

/** One paragraph per referenced exhibit, linked to it when this cut includes it. */
export function exhibitRefs(ctx: ComposeContext, ids: readonly string[], size?: number): Para[] {
  const included = new Set<string>(ctx.included.map((e) => e.id));
  return ids.map((id) => ({
    text: exhibitName(ctx, id),
    ...(size ? { size } : {}),
    color: COLORS.accent,
    ...(included.has(id) ? { link: { kind: 'exhibit', id } as const } : {}),
  }));
}

/** Starts a section on a new page and records it for the outline and the contents. */
export function startSection(ctx: ComposeContext, id: SectionId, key: DossierMessageKey): void {
  const title = t(ctx, key);
  const page = ctx.w.newPage({ kind: 'body', section: title });
  ctx.sections.push({ id, title, page });
  ctx.w.heading(title, 1);
}

const ZH_DIGITS = '〇一二三四五六七八九';

/** Chinese ordinal numbering for 1–99 (`一`, `十二`, `二十`), digits beyond. */
export function zhNumber(n: number): string {
  if (n < 1 || n > 99) return String(n);
  if (n < 10) return ZH_DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : ZH_DIGITS[tens]}十${ones ? ZH_DIGITS[ones] : ''}`;
}

/** A list marker in the case language: `一、` in Chinese, `1.` in English. */
export function listMarker(ctx: ComposeContext, n: number): string {
  return ctx.language === 'en' ? `${n}. ` : `${zhNumber(n)}、`;
}

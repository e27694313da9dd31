/**
 * Redaction of national ID numbers. When a case asks for PII redaction, no ID may appear on any
 * generated page, in any exhibit's text layer or in the document's metadata, and the image regions
 * where OCR read an ID are burned black (see compose-exhibits.ts for how the pixels are removed).
 */
import type { Box, Case, OcrWord } from '../case/schema';
import { findNationalIds } from '../extract/national-id';
import { isCjk } from './line-break';

/** Replaces every ID in a text by asterisks of the same length. */
export type TextRedactor = (text: string) => string;

/** The ID numbers a case itself names (they are redacted even when their checksum is wrong). */
function caseIdLiterals(c: Case): string[] {
  return [c.complainant.idNumber, c.agent?.idNumber]
    .map((s) => (s ?? '').replace(/\s+/g, '').toUpperCase())
    .filter((s) => s.length >= 6);
}

/** Character ranges of IDs in a text: checksummed TW/CN IDs plus the case's own ID literals. */
export function idRanges(text: string, literals: readonly string[]): Array<[number, number]> {
  const out: Array<[number, number]> = findNationalIds(text).map((m) => [m.start, m.end]);
  const upper = text.toUpperCase();
  for (const lit of literals) {
    for (let i = upper.indexOf(lit); i >= 0; i = upper.indexOf(lit, i + 1)) out.push([i, i + lit.length]);
  }
  return out;
}

/** The text redactor of a case: identity when redaction is off. */
export function textRedactor(c: Case): TextRedactor {
  if (!c.redact.pii) return (text) => text;
  const literals = caseIdLiterals(c);
  return (text) => {
    const ranges = idRanges(text, literals);
    if (ranges.length === 0) return text;
    const chars = text.split('');
    for (const [s, e] of ranges) for (let i = s; i < e; i++) chars[i] = '*';
    return chars.join('');
  };
}

/** OCR words grouped into lines, in reading order. */
export function groupLines(words: readonly OcrWord[]): OcrWord[][] {
  const usable = words.filter((w) => w.text.trim() !== '' && w.box.w > 0 && w.box.h > 0);
  if (usable.every((w) => w.line !== undefined)) {
    const byLine = new Map<number, OcrWord[]>();
    for (const w of usable) {
      const list = byLine.get(w.line!) ?? [];
      list.push(w);
      byLine.set(w.line!, list);
    }
    return [...byLine.entries()].sort((a, b) => a[0] - b[0]).map(([, ws]) => ws.sort((a, b) => a.box.x - b.box.x));
  }
  // Without line indices: a word joins the line whose vertical band its centre falls into.
  const lines: Array<{ top: number; bottom: number; words: OcrWord[] }> = [];
  for (const w of [...usable].sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x)) {
    const mid = w.box.y + w.box.h / 2;
    const line = lines.find((l) => mid >= l.top && mid <= l.bottom);
    if (line) {
      line.words.push(w);
      line.top = Math.min(line.top, w.box.y);
      line.bottom = Math.max(line.bottom, w.box.y + w.box.h);
    } else {
      lines.push({ top: w.box.y, bottom: w.box.y + w.box.h, words: [w] });
    }
  }
  return lines.map((l) => l.words.sort((a, b) => a.box.x - b.box.x));
}

/**
 * Joins the words of a line the way they read: never a space between two CJK characters (OCR reads
 * each as a word), always one between two Latin words, and one between CJK and Latin only where
 * the image shows a gap. Returns the text and each word's start offset.
 */
export function joinLine(words: readonly OcrWord[]): { text: string; starts: number[] } {
  let text = '';
  const starts: number[] = [];
  words.forEach((w, i) => {
    const t = w.text.trim();
    const before = words[i - 1];
    if (before) {
      const prev = Array.from(text).pop() ?? '';
      const next = Array.from(t)[0] ?? '';
      const gap = w.box.x - (before.box.x + before.box.w);
      const isWideGap = gap > 0.25 * Math.max(w.box.h, before.box.h);
      if (!isCjk(prev) && !isCjk(next)) text += ' ';
      else if (!(isCjk(prev) && isCjk(next)) && isWideGap) text += ' ';
    }
    starts.push(text.length);
    text += t;
  });
  return { text, starts };
}

/** The OCR words of one page after redaction, and the boxes to burn on its image. */
export interface RedactedWords {
  lines: OcrWord[][];
  burn: Box[];
}

/**
 * Drops every OCR word that is (part of) an ID and returns its box for burning. IDs are searched on
 * each line both as read (spaces between Latin words) and with no separators at all, because OCR
 * may split `A123456789` into several words.
 */
export function redactWords(c: Case, words: readonly OcrWord[]): RedactedWords {
  const lines = groupLines(words);
  if (!c.redact.pii) return { lines, burn: [] };
  const literals = caseIdLiterals(c);
  const burn: Box[] = [];
  const kept = lines.map((line) => {
    const hit = new Set<number>();
    const spaced = joinLine(line);
    const tight = line.map((w) => w.text.trim());
    const tightStarts: number[] = [];
    let acc = 0;
    for (const t of tight) { tightStarts.push(acc); acc += t.length; }
    const mark = (starts: number[], texts: string[], ranges: Array<[number, number]>) => {
      for (const [s, e] of ranges) {
        starts.forEach((st, i) => {
          const en = st + (texts[i]?.length ?? 0);
          if (st < e && en > s) hit.add(i);
        });
      }
    };
    mark(spaced.starts, tight, idRanges(spaced.text, literals));
    mark(tightStarts, tight, idRanges(tight.join(''), literals));
    for (const i of hit) burn.push(line[i]!.box);
    return line.filter((_, i) => !hit.has(i));
  });
  return { lines: kept.filter((l) => l.length > 0), burn };
}

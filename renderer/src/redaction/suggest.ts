/**
 * Redaction suggestions from an exhibit's OCR words: national IDs (TW, CN; checksums verified),
 * card numbers (Luhn), bank account numbers after their label, and phone numbers other than the
 * complainant's own, the account's and the company's (those identify the dispute and stay visible;
 * operator hotlines and short codes too). Each suggestion is the union box of the words it spans.
 */
import type { Box, OcrWord, Redaction, RedactionId } from '../../../shared/case/schema';
import { groupLines, joinLine } from '../../../shared/dossier/redact';
import { extractIds } from '../../../shared/extract/ids';
import { findNationalIds } from '../../../shared/extract/national-id';
import { extractPhones } from '../../../shared/extract/phones';
import { boxesOverlap, unionBox } from '../../../shared/ocr/raster';
import type { CaseRow, EvidenceRow } from '../store/db';

/** Kinds a suggestion can have. */
export type SuggestedKind = 'national-id' | 'card-number' | 'bank-account' | 'phone';

/** True when a digit string passes the Luhn check (payment cards). */
export function isLuhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Card numbers (13–19 digits, optionally grouped by spaces or dashes) passing Luhn. */
export function findCardNumbers(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const m of text.matchAll(/(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length >= 13 && digits.length <= 19 && isLuhnValid(digits) && !/^(\d)\1+$/.test(digits)) out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

const digitsOf = (s: string | undefined) => (s ?? '').replace(/\D/g, '').replace(/^886(?=9)/, '0').replace(/^86(?=1\d{10}$)/, '');

/** Character ranges of sensitive numbers in one line of text. */
export function sensitiveRanges(text: string, caseRow: CaseRow): Array<{ start: number; end: number; kind: SuggestedKind }> {
  const own = new Set([caseRow.complainant.phone, caseRow.account.phone, caseRow.respondent.phone, caseRow.agent?.phone].map(digitsOf).filter((d) => d.length >= 6));
  const out: Array<{ start: number; end: number; kind: SuggestedKind }> = [];
  for (const m of findNationalIds(text)) out.push({ start: m.start, end: m.end, kind: 'national-id' });
  for (const m of findCardNumbers(text)) out.push({ ...m, kind: 'card-number' });
  for (const m of extractIds(text)) if (m.kind === 'account') out.push({ start: m.start, end: m.end, kind: 'bank-account' });
  for (const p of extractPhones(text, { jurisdiction: caseRow.jurisdiction })) {
    if (p.kind === 'short-code' || p.kind === 'tw-toll-free' || p.kind === 'cn-service' || own.has(p.digits)) continue;
    out.push({ start: p.start, end: p.end, kind: 'phone' });
  }
  // A card number is also a run of digits a phone or account pattern may claim: the first kind found wins.
  return out.filter((r, i) => !out.slice(0, i).some((o) => o.start < r.end && r.start < o.end));
}


/**
 * Boxes of the sensitive numbers on one page's words. Each line is read as the words join, and
 * runs of up to four neighbouring words are also read glued together, because OCR may split
 * `A123456789` into `A12345` and `6789`.
 */
export function suggestBoxes(words: readonly OcrWord[], caseRow: CaseRow): Array<{ box: Box; kind: SuggestedKind }> {
  const out: Array<{ box: Box; kind: SuggestedKind }> = [];
  const add = (hit: readonly OcrWord[], kind: SuggestedKind) => {
    if (hit.length === 0) return;
    const box = unionBox(hit.map((w) => w.box));
    if (!out.some((o) => boxesOverlap(o.box, box))) out.push({ box, kind });
  };
  for (const line of groupLines(words)) {
    const texts = line.map((w) => w.text.trim());
    const spaced = joinLine(line);
    for (const r of sensitiveRanges(spaced.text, caseRow)) {
      add(line.filter((_, i) => spaced.starts[i]! < r.end && spaced.starts[i]! + texts[i]!.length > r.start), r.kind);
    }
    for (let i = 0; i < line.length; i++) {
      for (let j = i + 1; j < Math.min(line.length, i + 4); j++) {
        const glued = texts.slice(i, j + 1).join('');
        const whole = sensitiveRanges(glued, caseRow).find((r) => r.start === 0 && r.end === glued.length);
        if (whole) add(line.slice(i, j + 1), whole.kind);
      }
    }
  }
  return out;
}

/**
 * New suggestions for an exhibit: every sensitive number on its OCR pages that no existing
 * redaction (accepted, suggested or rejected) already covers — a rejected one does not come back.
 */
export function suggestRedactions(caseRow: CaseRow, row: EvidenceRow, newId: () => string): Redaction[] {
  const out: Redaction[] = [];
  for (const page of row.ocr?.pages ?? []) {
    const existing = caseRow.redactions.filter((r) => r.evidence === row.id && r.page === page.page).map((r) => r.box);
    for (const s of suggestBoxes(page.words, caseRow)) {
      if (existing.some((b) => boxesOverlap(b, s.box))) continue;
      out.push({ id: newId() as RedactionId, evidence: row.id, page: page.page, box: s.box, kind: s.kind, status: 'suggested' });
    }
  }
  return out;
}

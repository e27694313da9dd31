/**
 * Checksums of national identity numbers. Used by extraction (to tell an ID from a random code)
 * and by redaction (to keep IDs out of every exported page).
 */

/** Letter values of the Taiwanese ID (A=10 … Z=33, in the official, non-alphabetical order). */
const TW_LETTERS = 'ABCDEFGHJKLMNPQRSTUVXYWZIO';

/**
 * True for a valid Taiwanese national ID (身分證字號) or new-style resident certificate number:
 * one letter, then 1/2 (or 8/9 for residents), then 8 digits, with the official checksum.
 */
export function isValidTwId(id: string): boolean {
  const s = id.toUpperCase();
  if (!/^[A-Z][1289]\d{8}$/.test(s)) return false;
  const code = TW_LETTERS.indexOf(s[0]!) + 10;
  const digits = [Math.floor(code / 10), code % 10, ...s.slice(1).split('').map(Number)];
  const weights = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1];
  const sum = digits.reduce((acc, d, i) => acc + d * weights[i]!, 0);
  return sum % 10 === 0;
}

/**
 * True for a valid mainland 18-character resident ID (GB 11643): 17 digits, a check character
 * (digit or X), and a plausible birth date.
 */
export function isValidCnId(id: string): boolean {
  const s = id.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(s)) return false;
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(s[i]), 0);
  return '10X98765432'[sum % 11] === s[17];
}

/** A national ID found in a text, with its character span. */
export interface NationalIdMatch {
  kind: 'tw-id' | 'cn-id';
  value: string;
  start: number;
  end: number;
}

/**
 * Every valid TW or CN national ID in a text (checksums verified; ASCII and full-width forms).
 * Spans index the original string.
 */
export function findNationalIds(text: string): NationalIdMatch[] {
  const out: NationalIdMatch[] = [];
  const folded = text.replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  for (const m of folded.matchAll(/(?<![A-Za-z0-9])([A-Za-z][1289]\d{8})(?![A-Za-z0-9])/g)) {
    if (isValidTwId(m[1]!)) out.push({ kind: 'tw-id', value: m[1]!.toUpperCase(), start: m.index, end: m.index + m[1]!.length });
  }
  for (const m of folded.matchAll(/(?<![0-9])(\d{17}[\dXx])(?![0-9A-Za-z])/g)) {
    if (isValidCnId(m[1]!)) out.push({ kind: 'cn-id', value: m[1]!.toUpperCase(), start: m.index, end: m.index + m[1]!.length });
  }
  return out.sort((a, b) => a.start - b.start);
}

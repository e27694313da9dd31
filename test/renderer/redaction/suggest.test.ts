/**
 * Redaction suggestions from OCR words: which numbers are proposed (IDs with valid checksums, Luhn
 * card numbers, labelled bank accounts, third-party phones) and which are not (the complainant's
 * and the company's own numbers, hotlines, wrong checksums), and that each box covers exactly the
 * words of the number — also when OCR split it into pieces.
 */
import { describe, expect, it } from 'vitest';
import { findCardNumbers, isLuhnValid, suggestRedactions } from '../../../renderer/src/redaction/suggest';
import type { CaseRow, EvidenceRow } from '../../../renderer/src/store/db';
import { newCase, type CaseId, type EvidenceId, type OcrWord, type RedactionId } from '../../../shared/case/schema';

/** OCR words of lines of text: 20 px per character, one line every 40 px, words split on spaces. */
function words(lines: string[]): OcrWord[] {
  const out: OcrWord[] = [];
  lines.forEach((line, li) => {
    let x = 10;
    for (const w of line.split(' ')) {
      if (w) out.push({ text: w, confidence: 90, box: { x, y: 10 + li * 40, w: w.length * 20, h: 24 }, line: li });
      x += (w.length + 1) * 20;
    }
  });
  return out;
}

const { evidence: _e, ...base } = newCase({ id: 'c1' as CaseId, title: 't', jurisdiction: 'TW', now: '2025-01-01T00:00:00.000Z' });
const caseRow: CaseRow = {
  ...base,
  complainant: { name: '王小明', phone: '0912-345-678' },
  respondent: { name: '中華電信', phone: '02-2344-5488' },
};

function exhibit(lines: string[]): EvidenceRow {
  return {
    id: 'e1' as EvidenceId, caseId: 'c1' as CaseId, order: 1, title: '', kind: 'bill', fileName: 'a.png', mimeType: 'image/png', size: 1, isKey: true,
    ocr: { status: 'done', lang: 'chi_tra+eng', rawText: lines.join('\n'), confidence: 90, pages: [{ page: 1, width: 1000, height: 800, text: lines.join('\n'), confidence: 90, source: 'ocr', words: words(lines) }] },
  };
}

let n = 0;
const newId = () => `r${++n}`;

describe('suggestRedactions', () => {
  it.each<[string, string[], Array<{ kind: string; text: string }>]>([
    ['a TW national ID', ['身分證字號 A123456789'], [{ kind: 'national-id', text: 'A123456789' }]],
    ['a TW ID split by OCR', ['ID A12345 6789 end'], [{ kind: 'national-id', text: 'A12345 6789' }]],
    ['a TW ID with a wrong checksum', ['身分證字號 A123456788'], []],
    ['a CN resident ID', ['身份证 11010519491231002X'], [{ kind: 'national-id', text: '11010519491231002X' }]],
    ['a card number in groups', ['卡號 4111 1111 1111 1111 到期'], [{ kind: 'card-number', text: '4111 1111 1111 1111' }]],
    ['a card-like number failing Luhn', ['卡號 4111 1111 1111 1112'], []],
    ['a labelled bank account', ['帳號: 8812-4471-0093'], [{ kind: 'bank-account', text: '8812-4471-0093' }]],
    ['a third party mobile', ['聯絡人 0987-654-321'], [{ kind: 'phone', text: '0987-654-321' }]],
    ["the complainant's own phone", ['門號 0912-345-678'], []],
    ["the company's phone and its hotline", ['客服 02-2344-5488 或撥 0800-080-090'], []],
  ])('%s', (_label, lines, expected) => {
    const got = suggestRedactions(caseRow, exhibit(lines), newId);
    const ws = words(lines);
    expect(got.map((r) => {
      const covered = ws.filter((w) => w.box.x >= r.box.x && w.box.x + w.box.w <= r.box.x + r.box.w && w.box.y >= r.box.y && w.box.y + w.box.h <= r.box.y + r.box.h);
      return { kind: r.kind, text: covered.map((w) => w.text).join(' ') };
    })).toEqual(expected);
    expect(got.every((r) => r.status === 'suggested' && r.evidence === 'e1' && r.page === 1)).toBe(true);
  });

  it('does not suggest again what the user rejected or already covered', () => {
    const row = exhibit(['身分證字號 A123456789 聯絡人 0987-654-321']);
    const first = suggestRedactions(caseRow, row, newId);
    expect(first.map((r) => r.kind)).toEqual(['national-id', 'phone']);
    const decided = { ...caseRow, redactions: [{ ...first[0]!, status: 'rejected' as const }, { ...first[1]!, id: 'x' as RedactionId, status: 'accepted' as const }] };
    expect(suggestRedactions(decided, row, newId)).toEqual([]);
  });
});

describe('Luhn', () => {
  it.each([
    ['4111111111111111', true], ['5555555555554444', true], ['378282246310005', true], ['4111111111111112', false], ['79927398713', true], ['79927398710', false],
  ])('%s → %s', (digits, ok) => expect(isLuhnValid(digits)).toBe(ok));
  it('ignores repeated digits and dates', () => {
    expect(findCardNumbers('0000 0000 0000 0000')).toEqual([]);
    expect(findCardNumbers('2024-10-08')).toEqual([]);
  });
});

/**
 * The integrity appendix says what was blacked out on each exhibit — kinds and counts, never the
 * values — read back from the built PDF with poppler's pdftotext.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RedactionId } from '../../../shared/case/schema';
import { buildDossierReport } from '../../../shared/dossier/compose';
import { redactImage } from '../../../electron/dossier/redact-image';
import { loadFixtureCase, pdfToText, testFonts } from './fixture-case';

const out = mkdtempSync(join(tmpdir(), 'dossier-redlist-'));

describe('integrity appendix lists redactions', () => {
  it.each([
    ['zh-TW', ['遮蔽內容：身分證字號 1 處。', '遮蔽內容：手動框選區域 2 處、電話號碼 1 處。']],
    ['en', ['Blacked out: national ID number × 1.', 'Blacked out: area marked by hand × 2, phone number × 1.']],
  ] as const)('%s', async (language, expected) => {
    const loaded = await loadFixtureCase('tw-mpro', (c) => ({
      ...c,
      language,
      redact: { pii: true },
      redactions: [
        { id: 'r1' as RedactionId, evidence: c.evidence[1]!.id, page: 1, box: { x: 10, y: 10, w: 80, h: 20 }, kind: 'manual', status: 'accepted' },
        { id: 'r2' as RedactionId, evidence: c.evidence[1]!.id, page: 1, box: { x: 10, y: 50, w: 80, h: 20 }, kind: 'manual', status: 'accepted' },
        { id: 'r3' as RedactionId, evidence: c.evidence[1]!.id, page: 1, box: { x: 10, y: 90, w: 80, h: 20 }, kind: 'phone', status: 'accepted' },
        // Suggested and rejected boxes are not burned and not listed.
        { id: 'r4' as RedactionId, evidence: c.evidence[2]!.id, page: 1, box: { x: 10, y: 90, w: 80, h: 20 }, kind: 'card-number', status: 'suggested' },
        { id: 'r5' as RedactionId, evidence: c.evidence[2]!.id, page: 1, box: { x: 10, y: 90, w: 80, h: 20 }, kind: 'bank-account', status: 'rejected' },
      ],
    }));
    const report = await buildDossierReport({
      case: loaded.case, audience: 'regulator', originals: async (ev) => loaded.originals.get(ev.id)!, fonts: await testFonts(), now: new Date('2024-11-20T02:00:00Z'), redactImage,
    });
    const path = join(out, `${language}.pdf`);
    writeFileSync(path, report.bytes);
    const integrity = report.sections.find((s) => s.id === 'integrity')!;
    const text = pdfToText(path, { first: integrity.firstPage, last: report.pageCount }).replace(/\s+/g, ' ');
    // The contract scan (ID read by OCR) and the SMS screenshot (three accepted boxes).
    for (const line of expected) expect(text).toContain(line);
    expect(text.match(/遮蔽內容|Blacked out/g)).toHaveLength(2);
    expect(text).not.toContain('A123456789');
    expect(report.exhibits.filter((e) => e.embedding === 'redacted-image').map((e) => e.redactedBoxes)).toEqual([1, 3]);
  });
});

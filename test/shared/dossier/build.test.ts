/**
 * Builds the fixture cases with real pdf-lib, then reads the PDFs back the way a reader would:
 * poppler's pdftotext and pdftoppm, and pdf-lib's object model for bookmarks and links.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, type PDFRef } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Audience } from '../../../shared/case/schema';
import { buildDossierReport } from '../../../shared/dossier/compose';
import type { DossierReport } from '../../../shared/dossier/types';
import { verifyDossier } from '../../../shared/dossier/verify';
import { redactImage } from '../../../electron/dossier/redact-image';
import { sha256Hex, type LoadedCase } from '../../../electron/dossier/load-case';
import { decodeImage, groundTruth, loadFixtureCase, pdfToText, testFonts } from './fixture-case';

const out = mkdtempSync(join(tmpdir(), 'dossier-build-'));
const NOW = new Date('2024-11-20T02:00:00Z');

interface Built { loaded: LoadedCase; report: DossierReport; path: string; text: string }

async function build(name: string, audience: Audience, pii?: boolean): Promise<Built> {
  const loaded = await loadFixtureCase(name, (c) => (pii === undefined ? c : { ...c, redact: { pii } }));
  const report = await buildDossierReport({
    case: loaded.case,
    audience,
    originals: async (ev) => loaded.originals.get(ev.id)!,
    fonts: await testFonts(),
    now: NOW,
    redactImage,
  });
  const path = join(out, `${name}-${audience}${pii === false ? '-nopii' : ''}.pdf`);
  writeFileSync(path, report.bytes);
  return { loaded, report, path, text: pdfToText(path) };
}

/** Every FlateDecode stream of a PDF, inflated, plus the raw bytes (metadata strings live outside streams). */
function decompressedContent(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes);
  const parts: string[] = [raw.toString('latin1')];
  let at = 0;
  for (;;) {
    const start = raw.indexOf('stream', at);
    if (start < 0) break;
    let body = start + 6;
    if (raw[body] === 0x0d) body++;
    if (raw[body] === 0x0a) body++;
    const end = raw.indexOf('endstream', body);
    if (end < 0) break;
    try { parts.push(inflateSync(raw.subarray(body, end)).toString('latin1')); } catch { /* not a flate stream */ }
    at = end + 9;
  }
  return parts.join('\n');
}

/** Share of pixels darker than mid-grey on a rendered page. */
function inkShare(png: string): number {
  const img = decodeImage(readFileSync(png));
  let dark = 0;
  for (let i = 0; i < img.data.length; i += 4) if (img.data[i]! + img.data[i + 1]! + img.data[i + 2]! < 384) dark++;
  return dark / (img.width * img.height);
}

const noCjkGaps = (s: string) => s.replace(/(?<=[\p{Script=Han}，。：；、（）【】])[ \t]+(?=[\p{Script=Han}，。：；、（）【】])/gu, '');

describe('dossier build from the fixture cases', () => {
  let twReg: Built;
  let twCo: Built;
  let cnReg: Built;
  beforeAll(async () => {
    twReg = await build('tw-mpro', 'regulator');
    twCo = await build('tw-mpro', 'company');
    cnReg = await build('cn-broadband', 'regulator');
  }, 120_000);

  it.each([
    ['tw-mpro regulator', () => twReg, ['王小明', '中華電信股份有限公司', '國家通訊傳播委員會']],
    ['tw-mpro company', () => twCo, ['王小明', '中華電信股份有限公司']],
    ['cn-broadband regulator', () => cnReg, ['李明', '中国电信湘潭分公司', '工业和信息化部电信用户申诉受理中心']],
  ])('%s: pdftotext finds the parties, every exhibit title and every full hash', (_, get, parties) => {
    const { text, loaded, report } = get();
    for (const p of parties) expect(text).toContain(p);
    for (const ex of report.exhibits) {
      expect(text).toContain(ex.title);
      expect(text).toContain(ex.sha256);
      expect(ex.sha256).toBe(sha256Hex(loaded.originals.get(ex.id)!));
    }
    expect(report.missingGlyphs).toEqual([]);
  });

  it('prints ROC dates beside Gregorian ones in a Taiwanese case, plain ISO dates in a mainland case', () => {
    expect(twReg.text).toContain('113/09/15 (2024-09-15)');
    expect(cnReg.text).toContain('2009-12-03');
    expect(cnReg.text).not.toMatch(/\d{3}\/12\/03 \(2009/);
  });

  it('labels exhibits and headings in the case language', () => {
    expect(twReg.text).toContain('證物 A-1');
    expect(twReg.text).toContain('原始檔完整性附錄');
    expect(twReg.text).toMatch(/第 1 頁／共 \d+ 頁/);
    expect(cnReg.text).toContain('证据 A-1');
    expect(cnReg.text).toContain('证据目录');
    expect(cnReg.text).toMatch(/第 1 页／共 \d+ 页/);
  });

  it('shows claim arithmetic and totals per currency', () => {
    expect(twReg.text).toContain('50元 × 2個月');
    expect(twReg.text).toMatch(/合計/);
    expect(cnReg.text).toContain('已交200元 + 欠费54元');
    expect(cnReg.text).toContain('人民币 254 元');
  });

  it('the regulator cut carries the history section, the company cut does not', () => {
    expect(twReg.report.sections.map((s) => s.id)).toContain('history');
    expect(twCo.report.sections.map((s) => s.id)).not.toContain('history');
    expect(twReg.text).toContain('歷次申訴及期限');
    expect(twCo.text).not.toContain('歷次申訴及期限');
  });

  it('lays the OCR text of every image exhibit over it, with no spaces between CJK characters', () => {
    for (const b of [twReg, cnReg]) {
      for (const ex of b.report.exhibits) {
        const pageText = noCjkGaps(pdfToText(b.path, { first: ex.firstPage, last: ex.firstPage + ex.pageCount - 1 }));
        const raw = pdfToText(b.path, { first: ex.firstPage, last: ex.firstPage });
        const lines = groundTruth(b.loaded.case.evidence.find((e) => e.id === ex.id)!.fileName)
          .filter((l) => !/A123456789/.test(l));
        for (const line of lines) expect(pageText).toContain(noCjkGaps(line));
        // The layer itself puts no space between two Han characters.
        expect(raw).not.toMatch(/\p{Script=Han} \p{Script=Han}/u);
      }
    }
    expect(pdfToText(twReg.path)).toContain('【中華電信】親愛的用戶您好');
  });

  it('bookmarks every section and every exhibit, each landing on its first page', async () => {
    for (const b of [twReg, twCo, cnReg]) {
      const doc = await PDFDocument.load(b.report.bytes);
      const pages = doc.getPages().map((p) => p.ref.toString());
      const outlines = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
      const items: Array<{ title: string; page: number; depth: number }> = [];
      const walk = (d: PDFDict | undefined, depth: number) => {
        for (let it = d; it; it = it.lookupMaybe(PDFName.of('Next'), PDFDict)) {
          const dest = it.lookup(PDFName.of('Dest'), PDFArray).get(0);
          items.push({ title: it.lookup(PDFName.of('Title'), PDFHexString).decodeText(), page: pages.indexOf((dest as PDFRef).toString()) + 1, depth });
          walk(it.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1);
        }
      };
      walk(outlines.lookupMaybe(PDFName.of('First'), PDFDict), 0);
      for (const s of b.report.sections) expect(items).toContainEqual({ title: s.title, page: s.firstPage, depth: 0 });
      const children = items.filter((i) => i.depth === 1);
      expect(children.map((c) => c.page)).toEqual(b.report.exhibits.map((e) => e.firstPage));
      b.report.exhibits.forEach((e, i) => expect(children[i]!.title).toContain(e.label));
    }
  });

  it('index rows link to the first page of their exhibit, and nothing else is linked outside the document', async () => {
    const doc = await PDFDocument.load(twReg.report.bytes);
    const pages = doc.getPages();
    const refs = pages.map((p) => p.ref.toString());
    const index = twReg.report.sections.find((s) => s.id === 'index')!;
    const annots = pages[index.firstPage - 1]!.node.Annots()!;
    const targets = new Set<number>();
    for (let i = 0; i < annots.size(); i++) {
      const a = annots.lookup(i, PDFDict);
      expect(a.get(PDFName.of('A'))).toBeUndefined();
      const dest = a.lookup(PDFName.of('Dest'), PDFArray).get(0) as PDFRef;
      targets.add(refs.indexOf(dest.toString()) + 1);
    }
    expect([...targets].sort((a, b) => a - b)).toEqual(twReg.report.exhibits.map((e) => e.firstPage));
    const verify = await verifyDossier(twReg.report.bytes, { sha256: async (b) => sha256Hex(b) });
    expect(verify.problems).toEqual([]);
    expect(verify.activeContent).toEqual([]);
    expect(verify.outline.exhibitEntries).toBe(4);
  });

  it('the company cut holds only key exhibits, keeping their labels', async () => {
    const loaded = await loadFixtureCase('tw-mpro', (c) => ({ ...c, evidence: c.evidence.map((e, i) => ({ ...e, isKey: i !== 1 })) }));
    const report = await buildDossierReport({
      case: loaded.case, audience: 'company', originals: async (ev) => loaded.originals.get(ev.id)!, fonts: await testFonts(), now: NOW, redactImage,
    });
    expect(report.exhibits.map((e) => e.label)).toEqual(['A-1', 'A-3', 'A-4']);
  });

  it('keeps the national ID out of every page, text layer and stream, and burns its pixels', async () => {
    expect(twReg.loaded.case.redact.pii).toBe(true);
    expect(twReg.text).not.toContain('A123456789');
    expect(twReg.text).toContain('王小明');
    const content = decompressedContent(twReg.report.bytes);
    expect(content).not.toContain('A123456789');
    // UTF-16BE hex, as PDF text strings are written.
    expect(content.toUpperCase()).not.toContain([...'A123456789'].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('').toUpperCase());
    const contract = twReg.report.exhibits.find((e) => e.id === 'contract')!;
    expect(contract.embedding).toBe('redacted-image');
    expect(contract.redactedBoxes).toBeGreaterThan(0);
    // The image inside the PDF has black pixels where OCR read the ID.
    const dir = mkdtempSync(join(out, 'img-'));
    execFileSync('pdfimages', ['-f', String(contract.firstPage), '-l', String(contract.firstPage), '-j', twReg.path, join(dir, 'x')]);
    const jpg = readdirSync(dir).find((f) => f.endsWith('.jpg'))!;
    const img = decodeImage(readFileSync(join(dir, jpg)));
    const idWord = twReg.loaded.case.evidence.find((e) => e.id === 'contract')!.ocr!.pages[0]!.words.find((w) => w.text.includes('A123456789'))!;
    const cx = Math.round(idWord.box.x + idWord.box.w / 2);
    const cy = Math.round(idWord.box.y + idWord.box.h / 2);
    const i = (cy * img.width + cx) * 4;
    expect(img.data[i]! + img.data[i + 1]! + img.data[i + 2]!).toBeLessThan(60);
    // Without redaction the same case prints the ID and embeds the JPEG untouched.
    const plain = await build('tw-mpro', 'regulator', false);
    expect(plain.text).toContain('A123456789');
    expect(plain.report.exhibits.find((e) => e.id === 'contract')!.embedding).toBe('jpeg-original');
  });

  it('renders pages that are not blank and draws CJK glyphs', () => {
    const dir = mkdtempSync(join(out, 'png-'));
    execFileSync('pdftoppm', ['-r', '50', '-png', twReg.path, join(dir, 'p')]);
    const files = readdirSync(dir).filter((f) => f.endsWith('.png')).sort();
    expect(files).toHaveLength(twReg.report.pageCount);
    for (const f of files) expect(inkShare(join(dir, f))).toBeGreaterThan(0.002);
    // The statement of facts is nearly all CJK text: it must carry real ink, not a few rules.
    const facts = twReg.report.sections.find((s) => s.id === 'facts')!;
    expect(inkShare(join(dir, files[facts.firstPage - 1]!))).toBeGreaterThan(0.004);
  });
});

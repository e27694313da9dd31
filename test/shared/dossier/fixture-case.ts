/**
 * Test helpers: fixture cases loaded the way the CLI loads them, with OCR results synthesised from
 * each image's ground-truth text. Line positions come from the image itself (rows of dark pixels),
 * so word boxes sit over the real text — close enough to prove that the text layer lands on the
 * image and that redaction burns the pixels of an ID.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { Case, OcrResult, OcrWord } from '../../../shared/case/schema';
import { isCjk } from '../../../shared/dossier/line-break';
import { loadCaseFolder, loadDossierFonts, type LoadedCase } from '../../../electron/dossier/load-case';

export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

/** Decodes a PNG or JPEG to RGBA. */
export function decodeImage(bytes: Uint8Array): { width: number; height: number; data: Uint8Array } {
  if (bytes[0] === 0xff) {
    const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
    return { width: img.width, height: img.height, data: img.data };
  }
  const png = PNG.sync.read(Buffer.from(bytes));
  return { width: png.width, height: png.height, data: png.data };
}

/** Rows of ink (dark pixels) as bands `[top, bottom)` with their horizontal ink extent. */
function inkBands(img: { width: number; height: number; data: Uint8Array }): Array<{ top: number; bottom: number; left: number; right: number }> {
  const dark = (x: number, y: number) => {
    const i = (y * img.width + x) * 4;
    return 0.299 * img.data[i]! + 0.587 * img.data[i + 1]! + 0.114 * img.data[i + 2]! < 150;
  };
  const bands: Array<{ top: number; bottom: number; left: number; right: number }> = [];
  let open: { top: number; bottom: number; left: number; right: number } | undefined;
  let gap = 0;
  for (let y = 0; y < img.height; y++) {
    let left = -1;
    let right = -1;
    let count = 0;
    for (let x = 0; x < img.width; x++) {
      if (dark(x, y)) {
        count++;
        if (left < 0) left = x;
        right = x;
      }
    }
    if (count >= 2) {
      if (open) {
        open.bottom = y + 1;
        open.left = Math.min(open.left, left);
        open.right = Math.max(open.right, right + 1);
      } else open = { top: y, bottom: y + 1, left, right: right + 1 };
      gap = 0;
    } else if (open && ++gap > 2) {
      if (open.bottom - open.top >= 5) bands.push(open);
      open = undefined;
    }
  }
  if (open && open.bottom - open.top >= 5) bands.push(open);
  return bands;
}

/**
 * Words of a line: each CJK character alone (as tesseract reads them), Latin runs split at spaces;
 * `spaceAfter` marks a visible gap after the word.
 */
function tokens(line: string): Array<{ text: string; spaceAfter: boolean }> {
  const out: Array<{ text: string; spaceAfter: boolean }> = [];
  let word = '';
  const flush = () => { if (word) out.push({ text: word, spaceAfter: false }); word = ''; };
  for (const ch of line) {
    if (/\s/.test(ch)) { flush(); const last = out[out.length - 1]; if (last) last.spaceAfter = true; }
    else if (isCjk(ch)) { flush(); out.push({ text: ch, spaceAfter: false }); }
    else word += ch;
  }
  flush();
  return out;
}

/** An OCR result for an image built from its ground-truth lines and its ink rows. */
export function syntheticOcr(imageBytes: Uint8Array, gt: string): OcrResult {
  const img = decodeImage(imageBytes);
  const lines = gt.split('\n').filter((l) => l.trim() !== '');
  let bands = inkBands(img);
  if (bands.length !== lines.length) {
    // Wrapped lines (chat bubbles): spread the lines evenly over the inked height instead.
    const top = bands[0]?.top ?? 0;
    const bottom = bands[bands.length - 1]?.bottom ?? img.height;
    const left = Math.min(...bands.map((b) => b.left));
    const right = Math.max(...bands.map((b) => b.right));
    const h = (bottom - top) / lines.length;
    bands = lines.map((_, i) => ({ top: Math.round(top + i * h), bottom: Math.round(top + (i + 1) * h), left, right }));
  }
  const words: OcrWord[] = [];
  lines.forEach((line, li) => {
    const band = bands[li]!;
    const toks = tokens(line);
    const weight = (t: string) => Array.from(t).reduce((a, ch) => a + (isCjk(ch) ? 1 : 0.55), 0);
    const gapWeight = 0.5;
    const total = toks.reduce((a, t) => a + weight(t.text) + (t.spaceAfter ? gapWeight : 0), 0);
    const unit = (band.right - band.left) / total;
    let x = band.left;
    for (const tok of toks) {
      const w = weight(tok.text) * unit;
      words.push({ text: tok.text, confidence: 90, line: li, box: { x: Math.round(x), y: band.top, w: Math.max(1, Math.floor(w)), h: band.bottom - band.top } });
      x += w + (tok.spaceAfter ? gapWeight * unit : 0);
    }
  });
  const text = lines.join('\n');
  return {
    status: 'done', lang: 'chi_tra+eng', rawText: text, confidence: 90,
    pages: [{ page: 1, width: img.width, height: img.height, text, confidence: 90, words, source: 'ocr' }],
  };
}

/** A fixture case with synthetic OCR on every image exhibit whose ground truth exists. */
export async function loadFixtureCase(name: string, patch: (c: Case) => Case = (c) => c): Promise<LoadedCase> {
  const loaded = await loadCaseFolder(join(FIXTURES, 'cases', name));
  const evidence = loaded.case.evidence.map((ev) => {
    const gtPath = join(FIXTURES, 'evidence', `${basename(ev.fileName).replace(/\.[^.]+$/, '')}.gt.txt`);
    if (!existsSync(gtPath)) return ev;
    return { ...ev, ocr: syntheticOcr(loaded.originals.get(ev.id)!, readFileSync(gtPath, 'utf8')) };
  });
  return { ...loaded, case: patch({ ...loaded.case, evidence }) };
}

/** Ground-truth lines of a fixture image. */
export function groundTruth(fileName: string): string[] {
  return readFileSync(join(FIXTURES, 'evidence', `${fileName.replace(/\.[^.]+$/, '')}.gt.txt`), 'utf8').split('\n').filter((l) => l.trim() !== '');
}

let fonts: Awaited<ReturnType<typeof loadDossierFonts>> | undefined;
/** The dossier fonts, read once per test file. */
export async function testFonts() {
  fonts ??= await loadDossierFonts();
  return fonts;
}

/** Text of a PDF as poppler's pdftotext sees it (UTF-8, layout off). */
export function pdfToText(pdfPath: string, pages?: { first: number; last: number }): string {
  const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
  return execFileSync('pdftotext', [...range, pdfPath, '-'], { encoding: 'utf8' });
}

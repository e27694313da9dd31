/**
 * The font set against real Noto fonts: per-character fallback between TC and SC, the missing-glyph
 * marker, and the subsetting fix (bold CJK text must render every glyph).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { createFontSet, MISSING_GLYPH_MARKER } from '../../../shared/dossier/fonts';
import { decodeImage, testFonts } from './fixture-case';

const dir = mkdtempSync(join(tmpdir(), 'dossier-fonts-'));

/** Dark pixels in each of `n` equal vertical strips of a one-line render. */
async function inkPerGlyph(text: string, isBold: boolean): Promise<number[]> {
  const doc = await PDFDocument.create();
  const fonts = await createFontSet(doc, await testFonts(), 'zh-TW');
  const size = 40;
  const chars = Array.from(text);
  const page = doc.addPage([chars.length * size + 20, 60]);
  // One glyph per cell so each cell's ink belongs to one character.
  chars.forEach((ch, i) => {
    for (const run of fonts.runs(ch, isBold)) page.drawText(run.text, { x: 10 + i * size, y: 15, size, font: run.font });
  });
  const pdf = join(dir, `${isBold ? 'b' : 'r'}-${chars.length}.pdf`);
  writeFileSync(pdf, await doc.save());
  execFileSync('pdftoppm', ['-r', '72', '-png', '-singlefile', pdf, pdf.replace('.pdf', '')]);
  const img = decodeImage(readFileSync(pdf.replace('.pdf', '.png')));
  return chars.map((_, i) => {
    let dark = 0;
    for (let y = 0; y < img.height; y++) {
      for (let x = 10 + i * size; x < 10 + (i + 1) * size; x++) {
        const k = (y * img.width + x) * 4;
        if (img.data[k]! < 128) dark++;
      }
    }
    return dark;
  });
}

describe('dossier fonts', () => {
  it.each([true, false])('renders every glyph of a CJK line from a subset font (bold %s)', async (isBold) => {
    const ink = await inkPerGlyph('消費爭議申訴卷宗受文者證物目錄', isBold);
    for (const d of ink) expect(d).toBeGreaterThan(40);
  });

  it('falls back per character: Traditional first in a zh-TW case, Simplified for what TC lacks', async () => {
    const doc = await PDFDocument.create();
    const fonts = await createFontSet(doc, await testFonts(), 'zh-TW');
    const runs = fonts.runs('證據证据');
    expect(runs[0]!.text.startsWith('證據')).toBe(true);
    expect(runs.some((r) => r.text.includes('证') && r.font !== runs[0]!.font)).toBe(true);
    expect(fonts.missing()).toEqual([]);
  });

  it('prints the marker for a character no font has and reports it', async () => {
    const doc = await PDFDocument.create();
    const fonts = await createFontSet(doc, await testFonts(), 'zh-CN');
    const runs = fonts.runs('好😀');
    expect(runs.map((r) => r.text).join('')).toBe(`好${MISSING_GLYPH_MARKER}`);
    expect(fonts.missing()).toEqual(['😀']);
  });
});

import { describe, expect, it } from 'vitest';
import { readHanAmongFigures } from '../../../shared/ocr/figures';
import { createGray, type GrayRaster } from '../../../shared/ocr/raster';
import { line, page, scripted, word } from './results';

function fill(g: GrayRaster, x: number, y: number, w: number, h: number, v = 0): void {
  for (let row = y; row < y + h; row++) g.data.fill(v, row * g.width + x, row * g.width + x + w);
}

/**
 * Draws a row of glyphs from x = 100 on the rows 200…219: `d`, a figure 11 px wide and 19 tall;
 * `H`, a Chinese character 20 px wide and 23 tall (from row 198); `L`, a capital as tall as the
 * figures and 16 wide. Glyphs stand 3 px apart. Returns the row's box.
 */
function glyphs(g: GrayRaster, shapes: string): { x: number; y: number; w: number; h: number } {
  let x = 100;
  for (const s of shapes) {
    if (s === 'H') fill(g, x, 198, 20, 23);
    else fill(g, x, 200, s === 'L' ? 16 : 11, 19);
    x += (s === 'H' ? 20 : s === 'L' ? 16 : 11) + 3;
  }
  return { x: 100, y: 200, w: x - 3 - 100, h: 19 };
}

/** One answer per cut read again, in the order asked: each cut stands a line's height under the last. */
function han(answers: Array<[string, number]>) {
  return scripted((_call, width, height) => answers.map(([text, confidence], k) => word(text, confidence, 4, Math.round(((k + 0.5) * height) / answers.length) - 6, width - 8, 12)));
}

describe('readHanAmongFigures', () => {
  it('puts back the Chinese characters of a date in a table cell read as figures, each glyph read alone', async () => {
    const g = createGray(600, 400);
    const box = glyphs(g, 'ddddHdHdH'); // 2024年8月1日 read 202448818
    const result = page([line([word('生效时间', 93, 10, 200, 80, 19), word('202448818', 60, box.x, box.y, box.w, box.h)], 80)]);
    const { engine, calls } = han([['年', 96], ['月', 96], ['日', 96]]);
    const out = await readHanAmongFigures(result, g, engine, 'chi_sim+eng');
    expect(out.lines[0]!.text).toBe('生效时间 2024年8月1日');
    // One call, the Chinese model alone, figures and Latin letters barred; each glyph cut alone
    // (no ink of the figures beside it in the strip).
    expect(calls).toHaveLength(1);
    expect(calls[0]!.options.lang).toBe('chi_sim');
    expect(calls[0]!.options.blacklist).toMatch(/^0123456789ABC/u);
    const strip = calls[0]!.raster;
    const ink = Array.from(strip.data).filter((v) => v < 128).length / (strip.width * strip.height);
    expect(ink).toBeGreaterThan(0);
    for (let row = 0; row < strip.height; row++) {
      const inked = [];
      for (let x = 0; x < strip.width; x++) if (strip.data[row * strip.width + x]! < 128) inked.push(x);
      // Only one glyph's width of ink on any row: 20 px, enlarged to the reading's size.
      if (inked.length) expect(inked.at(-1)! - inked[0]!).toBeLessThan(strip.width / 2);
    }
  });

  it('keeps a character read unsure or as more than one, and a Latin letter as tall as the figures', async () => {
    const g = createGray(600, 400);
    const box = glyphs(g, 'ddHH'); // 24个月 read 247A
    const result = page([line([word('247A', 47, box.x, box.y, box.w, box.h)], 47)]);
    const { engine } = han([['个', 40], ['月', 91]]);
    expect((await readHanAmongFigures(result, g, engine, 'chi_tra+eng')).lines[0]!.text).toBe('247月');
    const letters = createGray(600, 400);
    const code = glyphs(letters, 'LddLdd'); // AB12CD… a code of capitals and figures
    const none = scripted(() => []);
    const kept = page([line([word('A12B34', 90, code.x, code.y, code.w, code.h)], 90)]);
    expect(await readHanAmongFigures(kept, letters, none.engine, 'chi_tra+eng')).toBe(kept);
    expect(none.calls).toHaveLength(0);
  });

  it('skips points in the word (no glyph on the middle row), and leaves a glyph another word is boxed over or one as wide as two figures', async () => {
    const g = createGray(600, 400);
    const box = glyphs(g, 'ddddH'); // 12.50元 read 12.507: the point is a speck under the middle row
    fill(g, 100 + 2 * 14 - 2, 216, 2, 3);
    const read = page([line([word('12.507', 90, box.x, box.y, box.w, box.h)], 90)]);
    expect((await readHanAmongFigures(read, g, han([['元', 94]]).engine, 'chi_sim+eng')).lines[0]!.text).toBe('12.50元');
    // The engine boxed 2024 over the 年 after it, joined to the 4, and read 年 as a word of its own.
    const joinedTo = createGray(600, 400);
    const four = glyphs(joinedTo, 'dddH');
    const boxedOver = page([line([word('2024', 90, four.x, four.y, four.w, four.h), word('年', 93, four.x + four.w - 16, 198, 16, 23)], 90)]);
    const none = scripted(() => []);
    expect(await readHanAmongFigures(boxedOver, joinedTo, none.engine, 'chi_sim+eng')).toBe(boxedOver);
    // Blurred figures joined into one glyph as wide as two Chinese characters.
    const blurred = createGray(600, 400);
    glyphs(blurred, 'dd');
    fill(blurred, 128, 198, 40, 23);
    const both = page([line([word('204', 60, 100, 200, 68, 19)], 60)]);
    expect(await readHanAmongFigures(both, blurred, none.engine, 'chi_sim+eng')).toBe(both);
    expect(none.calls).toHaveLength(0);
  });

  it('leaves a word whose glyphs are not one per character, and a page read without a Chinese model', async () => {
    const g = createGray(600, 400);
    const box = glyphs(g, 'ddHdd');
    const none = scripted(() => []);
    const short = page([line([word('20248', 60, box.x, box.y, box.w + 0, box.h)], 60)]);
    const more = page([line([word('202488', 60, box.x, box.y, box.w, box.h)], 60)]);
    expect(await readHanAmongFigures(more, g, none.engine, 'chi_tra+eng')).toBe(more);
    expect(await readHanAmongFigures(short, g, none.engine, 'eng')).toBe(short);
    expect(none.calls).toHaveLength(0);
    const once = han([['年', 95]]);
    expect((await readHanAmongFigures(short, g, once.engine, 'chi_tra+eng')).lines[0]!.text).toBe('20年48');
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bandRaster, mergeBandResults, splitIntoBands, textRows, type Band } from '../../../shared/ocr/bands';
import type { OcrResult } from '../../../shared/ocr/engine';
import { preprocess } from '../../../shared/ocr/preprocess';
import { createGray, type GrayRaster } from '../../../shared/ocr/raster';
import { decodeImage } from '../../../electron/ocr/decode';

/** A white page with black text-like blocks: [top, height, width fraction] each. */
function page(height: number, blocks: Array<[number, number, number]>, width = 200): GrayRaster {
  const g = createGray(width, height, 255);
  for (const [top, h, frac] of blocks) {
    for (let y = top; y < top + h; y++) for (let x = 10; x < 10 + Math.round((width - 20) * frac); x += 2) g.data[y * width + x] = 0;
  }
  return g;
}

/** `g` with four dark specks in every row at pseudo-random places (a photo's grain). */
function grainy(g: GrayRaster): GrayRaster {
  let seed = 5;
  for (let y = 0; y < g.height; y++) {
    for (let k = 0; k < 4; k++) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; g.data[y * g.width + (seed % g.width)] = 0; }
  }
  return g;
}

describe('splitIntoBands', () => {
  it.each<[string, GrayRaster, Band[]]>([
    ['two equal paragraphs: cut in the gap, both bands keep it', page(100, [[10, 30, 1], [60, 30, 1]]), [{ y: 0, h: 60 }, { y: 40, h: 60 }]],
    ['one solid block: nothing to cut', page(100, [[10, 80, 1]]), [{ y: 0, h: 100 }]],
    ['blank page', page(100, []), [{ y: 0, h: 100 }]],
    ['gap narrower than 4 rows is a line gap too tight to trust', page(100, [[10, 40, 1], [53, 40, 1]]), [{ y: 0, h: 100 }]],
    ['the gap that halves the ink wins over one nearer the top', page(200, [[10, 20, 1], [40, 60, 1], [110, 80, 1]]), [{ y: 0, h: 110 }, { y: 100, h: 100 }]],
    ['a tiny footnote below a long text is not worth its own band', page(200, [[10, 160, 1], [185, 5, 0.2]]), [{ y: 0, h: 200 }]],
    ['a photo\'s grain (a few dark specks in every row) still leaves the gap blank', grainy(page(100, [[10, 30, 1], [60, 30, 1]], 1000)), [{ y: 0, h: 60 }, { y: 40, h: 60 }]],
  ])('%s', (_name, g, bands) => {
    expect(splitIntoBands(g)).toEqual(bands);
  });

  it('reads text in two columns whole: bands across them would read each column\'s halves out of order', () => {
    // Two columns of lines (x 20–185 and 215–380) in two paragraphs each, under a title across both.
    const g = createGray(400, 200, 255);
    // Lines of words: the gaps between words fall in other places from line to line.
    const ink = (x0: number, x1: number, y0: number, h: number) => { for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x1; x++) if ((x - x0 + y0 * 7) % 37 > 5) g.data[y * 400 + x] = 0; };
    ink(20, 380, 5, 6);
    for (const y of [20, 32, 44, 56, 68, 80, 110, 122, 134, 146, 158, 170]) { ink(20, 185, y, 8); ink(215, 380, y, 8); }
    expect(splitIntoBands(g)).toEqual([{ y: 0, h: 200 }]);
    // Two columns of short lines (a bill's labels and amounts, right-aligned), or lines on one
    // side at a time (a chat's bubbles), are cut as before.
    const bill = createGray(400, 200, 255);
    for (const y of [20, 32, 44, 56, 68, 80, 110, 122, 134, 146, 158, 170]) for (let r = y; r < y + 8; r++) for (const [x0, x1] of [[20, 90 + (y % 5) * 20], [320 - (y % 3) * 50, 380]] as const) for (let x = x0; x < x1; x += 2) bill.data[r * 400 + x] = 0;
    expect(splitIntoBands(bill)).toHaveLength(2);
    const chat = createGray(400, 200, 255);
    [20, 32, 44, 56, 68, 80, 110, 122, 134, 146, 158, 170].forEach((y, k) => { for (let r = y; r < y + 8; r++) for (let x = k % 2 ? 215 : 20; x < (k % 2 ? 380 : 185); x++) if ((x + y * 7) % 37 > 5) chat.data[r * 400 + x] = 0; });
    expect(splitIntoBands(chat)).toHaveLength(2);
  });

  it('cuts a real phone screenshot only through blank rows, with ink on both sides', async () => {
    const decoded = await decodeImage(new Uint8Array(readFileSync('test/fixtures/evidence/sms_tw_addon.png')));
    const g = preprocess(decoded.raster).raster;
    const bands = splitIntoBands(g);
    expect(bands).toHaveLength(2);
    const [a, b] = bands as [Band, Band];
    expect(a.y).toBe(0);
    expect(b.y + b.h).toBe(g.height);
    expect(b.y).toBeLessThan(a.h);
    // Every row both bands share is (nearly) white.
    for (let y = b.y; y < a.h; y++) {
      let dark = 0;
      for (let x = 0; x < g.width; x++) if (g.data[y * g.width + x]! < 128) dark++;
      expect(dark).toBeLessThanOrEqual(1);
    }
    expect(bandRaster(g, a).height).toBe(a.h);
    expect(Array.from(bandRaster(g, b).data.subarray(0, g.width))).toEqual(Array.from(g.data.subarray(b.y * g.width, (b.y + 1) * g.width)));
  });
});

describe('textRows', () => {
  it('leaves out the blank paper under the text, keeping a margin of 32 rows', () => {
    expect(textRows(page(600, [[100, 30, 1], [150, 30, 1]]))).toEqual({ y: 68, h: 180 - 68 + 32 });
  });

  it('keeps the whole page when its text fills it, or nearly (less than a quarter blank), or when it is blank', () => {
    expect(textRows(page(200, [[20, 60, 1], [120, 60, 1]]))).toBeUndefined();
    expect(textRows(page(400, [[40, 60, 1], [240, 60, 1]]))).toBeUndefined();
    expect(textRows(page(400, [[40, 60, 1], [200, 60, 1]]))).toEqual({ y: 8, h: 260 + 32 - 8 });
    expect(textRows(page(200, []))).toBeUndefined();
  });

  it('keeps the rows of faint grey text far below the black (a footer lighter than the page\'s threshold)', () => {
    const g = page(600, [[100, 30, 1]]);
    for (let x = 10; x < 150; x += 2) for (let y = 450; y < 460; y++) g.data[y * g.width + x] = 215;
    expect(textRows(g)).toEqual({ y: 68, h: 460 + 32 - 68 });
  });

  it('does not take a photo\'s grain for text', () => {
    expect(textRows(grainy(page(600, [[100, 30, 1]], 1000)))).toEqual({ y: 68, h: 130 + 32 - 68 });
  });

  it('keeps a margin of a fiftieth of a wide page\'s width', () => {
    expect(textRows(page(600, [[300, 30, 1]], 2500))).toEqual({ y: 250, h: 130 });
  });

  /** `g` inside the grey frame a deskewed photo keeps: a band `band` px wide along each edge, its inner edge drifting by `drift` px down the page. */
  const framed = (g: GrayRaster, band: number, drift: number): GrayRaster => {
    for (let y = 0; y < g.height; y++) {
      const shift = Math.round((drift * y) / g.height);
      for (let x = 0; x < g.width; x++) {
        const side = x < band - shift || x >= g.width - shift - 1 - (band - drift);
        const end = y < band - Math.round((drift * x) / g.width) || y >= g.height - band + Math.round((drift * x) / g.width);
        if (side || end) g.data[y * g.width + x] = 192;
      }
    }
    return g;
  };

  it('looks for text inside the grey frame along a deskewed photo\'s edges, not in it', () => {
    expect(textRows(framed(page(600, [[100, 30, 0.9]], 1000), 18, 15))).toEqual({ y: 68, h: 130 + 32 - 68 });
    // Without its frame, the page is trimmed alike; a band along one side alone is no frame.
    expect(textRows(page(600, [[100, 30, 0.9]], 1000))).toEqual({ y: 68, h: 130 + 32 - 68 });
    const oneSide = page(600, [[100, 30, 0.9]], 1000);
    for (let y = 0; y < 600; y++) for (let x = 0; x < 18; x++) oneSide.data[y * 1000 + x] = 192;
    expect(textRows(oneSide)).toBeUndefined();
  });
});

describe('mergeBandResults', () => {
  const word = (text: string, y: number, confidence: number) => ({ text, confidence, box: { x: 5, y, w: 20, h: 10 } });
  const result = (text: string, y: number, confidence: number): OcrResult => {
    const w = word(text, y, confidence);
    return { text: `${text}\n`, confidence, words: [w], lines: [{ text, confidence, box: w.box, words: [w] }] };
  };

  it('moves the lower band down, keeps reading order and averages word confidence', () => {
    const merged = mergeBandResults([
      { band: { y: 0, h: 60 }, result: result('上段', 12, 90) },
      { band: { y: 40, h: 60 }, result: result('下段', 8, 70) },
    ]);
    expect(merged.text).toBe('上段\n下段\n');
    expect(merged.lines.map((l) => [l.text, l.box.y])).toEqual([['上段', 12], ['下段', 48]]);
    expect(merged.words.map((w) => w.box.y)).toEqual([12, 48]);
    expect(merged.confidence).toBe(80);
  });

  it('returns a single whole-page result unchanged', () => {
    const only = result('全頁', 3, 88);
    expect(mergeBandResults([{ band: { y: 0, h: 100 }, result: only }])).toBe(only);
  });

  it('drops an empty band from the text', () => {
    const empty: OcrResult = { text: '', confidence: 0, words: [], lines: [] };
    expect(mergeBandResults([{ band: { y: 0, h: 50 }, result: empty }, { band: { y: 30, h: 50 }, result: result('x', 0, 50) }]).text).toBe('x\n');
  });
});

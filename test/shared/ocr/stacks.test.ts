import { describe, expect, it } from 'vitest';
import { createGray, type GrayRaster } from '../../../shared/ocr/raster';
import { readSideStacks, stacksBeside } from '../../../shared/ocr/stacks';
import { line, page, scripted, word } from './results';

function fill(g: GrayRaster, x: number, y: number, w: number, h: number, v: number): void {
  for (let row = y; row < y + h; row++) g.data.fill(v, row * g.width + x, row * g.width + x + w);
}

/**
 * A 1080 × 300 screenshot: a message's line of 32 px text (y 100…132, from x 540) and, left of
 * it, a read receipt's two 21 px glyphs (x 458…499, y 103…124) over a time's four 24 px glyphs
 * (x 411…499, y 134…158; its first glyph, reaching 3 px higher, from y 131), on a grey ground
 * (tone 215) when `ground`.
 */
function chat(ground = false): GrayRaster {
  const g = createGray(1080, 300);
  if (ground) fill(g, 400, 96, 110, 70, 215);
  for (let i = 0; i < 8; i++) fill(g, 540 + i * 36, 100, 30, 32, 0);
  fill(g, 458, 103, 16, 21, 0);
  fill(g, 482, 103, 17, 21, 0);
  fill(g, 411, 131, 19, 27, 0);
  for (const x of [433, 455, 477]) fill(g, x, 134, x === 477 ? 22 : 19, 24, 0);
  return g;
}
const message = word('一直關閉漫遊', 93, 540, 100, 282, 32);

describe('stacksBeside', () => {
  it('finds a receipt over a time beside a line, the time as wide as its ink goes and as tall as the ink it reaches', () => {
    expect(stacksBeside(chat(), [message])).toEqual([[{ x: 458, y: 103, w: 41, h: 21 }, { x: 411, y: 131, w: 88, h: 27 }]]);
  });

  it('finds none where the small text beside a line is one row, or two rows as tall as the line', () => {
    const single = createGray(1080, 300);
    for (let i = 0; i < 8; i++) fill(single, 540 + i * 36, 100, 30, 32, 0);
    fill(single, 411, 110, 88, 21, 0); // a time alone
    expect(stacksBeside(single, [message])).toEqual([]);
    const large = createGray(1080, 300);
    for (let i = 0; i < 8; i++) fill(large, 540 + i * 36, 100, 30, 32, 0);
    fill(large, 411, 100, 88, 30, 0); // two rows of text as large as the line's
    fill(large, 411, 140, 88, 30, 0);
    expect(stacksBeside(large, [message])).toEqual([]);
  });
});

describe('readSideStacks', () => {
  // Where each cut stands in the strip read (a margin of half the taller row's 27 px, the cuts a
  // row's height apart, enlarged to 28 px text): the receipt in the upper third, the time below.
  const rows = (answer: [string, number][]) => scripted((_call, width, height) => answer.map(([text, confidence], k) => word(text, confidence, 8, Math.round(height * (k ? 0.6 : 0.22)), width - 16, Math.round(height * 0.1))));

  it('reads a receipt and its time garbled across a message row by row: the receipt joins the message, the time follows it', async () => {
    // The engine's reading: both rows read "_," and a 副 boxed from the receipt to the message.
    const result = page([line([word('_,', 3, 415, 103, 84, 48), word('副', 0, 489, 81, 55, 74), message], 32)]);
    const { engine, calls } = rows([['已讀', 93], ['下午2:16', 90]]);
    const out = await readSideStacks(result, chat(true), engine, 'chi_tra+eng');
    expect(out.lines.map((l) => l.text)).toEqual(['已讀 一直關閉漫遊', '下午2:16']);
    expect(calls).toHaveLength(1);
    // Each row cut on a white ground: between the receipt's glyphs (x 478, y 113) the grey is gone.
    // The strip: the cuts (rows grown by 14 px) 116 px wide, at y 27 and 103, 185 px tall in all.
    const cut = calls[0]!.raster, sx = cut.width / 116, sy = cut.height / 185;
    expect(cut.data[Math.round((27 + 113 - 89) * sy) * cut.width + Math.round((478 - 444) * sx)]).toBe(255);
  });

  it('reads a receipt read as Latin letters again with them barred', async () => {
    const result = page([line([word('aa', 40, 458, 103, 41, 21), message], 60), line([word('下午2:16', 90, 411, 131, 88, 27)], 90)]);
    const { engine, calls } = scripted((call, width, height, options) => (options.blacklist ? [word('已讀', 88, 8, Math.round(height * 0.3), width - 16, Math.round(height * 0.3))] : [word('aa', 45, 8, Math.round(height * 0.22), width - 16, Math.round(height * 0.1)), word('下午2:16', 90, 8, Math.round(height * 0.6), width - 16, Math.round(height * 0.1))]));
    const out = await readSideStacks(result, chat(), engine, 'chi_tra+eng');
    expect(calls).toHaveLength(2);
    expect(calls[1]!.options.blacklist).toMatch(/abc/u);
    expect(out.lines.map((l) => l.text)).toEqual(['已讀 一直關閉漫遊', '下午2:16']);
  });

  it('leaves the page as it was when a row reads unsure', async () => {
    const result = page([line([word('_,', 3, 415, 103, 84, 48), message], 50)]);
    const { engine } = rows([['已讀', 93], ['F208', 41]]);
    expect(await readSideStacks(result, chat(), engine, 'chi_tra+eng')).toBe(result);
  });
});

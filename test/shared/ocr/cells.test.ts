import { describe, expect, it } from 'vitest';
import { horizontalRules, orderRuledCells, readRuledCells, ruledRows } from '../../../shared/ocr/cells';
import { createGray, type GrayRaster } from '../../../shared/ocr/raster';
import { line, page, scripted, word } from './results';

function fill(g: GrayRaster, x: number, y: number, w: number, h: number, v: number): void {
  for (let row = y; row < y + h; row++) g.data.fill(v, row * g.width + x, row * g.width + x + w);
}

describe('horizontalRules', () => {
  it('finds a thin grey rule across a page, and neither a dark band nor a line of glyphs', () => {
    const g = createGray(600, 300);
    fill(g, 40, 100, 520, 2, 170); // a grey rule, 2 px thick
    fill(g, 40, 200, 520, 20, 30); // a dark band
    for (let x = 40; x < 560; x += 20) fill(g, x, 250, 14, 20, 0); // glyphs, 6 px apart
    expect(horizontalRules(g, 150)).toEqual([{ x: 40, y: 99, w: 520, h: 4 }]);
  });

  it('takes a rule drifting a row along its length, its gaps of two pixels bridged, as one', () => {
    const g = createGray(600, 200);
    fill(g, 40, 100, 260, 2, 60);
    fill(g, 302, 101, 258, 2, 60);
    expect(horizontalRules(g, 150)).toEqual([{ x: 40, y: 99, w: 520, h: 5 }]);
  });

  it('joins the pieces of a rule a seal\'s eraser broke, each a row or two lower than the last, a few pixels apart; not rules far apart or on other rows', () => {
    const g = createGray(600, 200);
    fill(g, 40, 100, 300, 3, 60);
    fill(g, 343, 102, 100, 2, 60); // 3 px on, a thinner piece two rows lower
    fill(g, 446, 100, 114, 3, 60);
    expect(horizontalRules(g, 90)).toEqual([{ x: 40, y: 99, w: 520, h: 6 }]);
    const apart = createGray(600, 200);
    fill(apart, 40, 100, 250, 3, 60);
    fill(apart, 310, 100, 250, 3, 60); // 20 px on: a rule of its own
    fill(apart, 40, 150, 250, 3, 60);
    fill(apart, 292, 160, 250, 3, 60); // 2 px on, 10 rows lower: another rule
    expect(horizontalRules(apart, 90)).toHaveLength(4);
  });

  it('does not take the bottoms of a line of bold glyphs, joined across gaps of two pixels, for a rule: their strokes go on above', () => {
    const g = createGray(600, 200);
    // Glyphs 18 px wide, 2 px apart, with a bar along their foot and strokes rising from it.
    for (let x = 40; x < 560; x += 20) {
      fill(g, x, 100, 18, 3, 20);
      for (const dx of [1, 6, 12]) fill(g, x + dx, 80, 3, 20, 20);
    }
    expect(horizontalRules(g, 150)).toEqual([]);
    // A rule under a row of a table, its text four pixels above it and crossed by a rule down the table, stays.
    const t = createGray(600, 200);
    fill(t, 40, 100, 520, 2, 60);
    for (let x = 60; x < 300; x += 20) fill(t, x, 80, 14, 16, 20);
    fill(t, 300, 60, 2, 80, 60);
    expect(horizontalRules(t, 150)).toEqual([{ x: 40, y: 99, w: 520, h: 4 }]);
  });
});

describe('ruledRows', () => {
  it('takes the bands one line of text tall between rules that overlap, with their rules', () => {
    const a = { x: 20, y: 40, w: 560, h: 3 }, b = { x: 22, y: 90, w: 556, h: 3 }, c = { x: 20, y: 300, w: 560, h: 3 };
    const beside = { x: 700, y: 60, w: 200, h: 3 };
    expect(ruledRows([c, beside, b, a], 25)).toEqual([{ box: { x: 22, y: 43, w: 556, h: 47 }, rules: [a, b] }]);
  });
});

describe('readRuledCells', () => {
  /**
   * A 600 × 300 page: a table's row between grey rules across (y 40 and 90, x 20…580) with rules
   * down at x 20, 200 and 580; its label cell shaded (tone 225); four glyphs in each cell.
   */
  function table(): GrayRaster {
    const g = createGray(600, 300);
    fill(g, 20, 40, 562, 2, 150);
    fill(g, 20, 90, 562, 2, 150);
    for (const x of [20, 200, 580]) fill(g, x, 40, 2, 52, 150);
    fill(g, 22, 42, 178, 48, 225);
    for (let i = 0; i < 4; i++) { fill(g, 40 + i * 30, 55, 20, 22, 0); fill(g, 230 + i * 30, 55, 20, 22, 0); }
    fill(g, 40, 200, 300, 22, 0); // a line of text below the table
    return g;
  }
  const below = line([word('以上資料', 95, 40, 200, 300, 22)], 95);

  it('reads a garbled row cell by cell, each cut inside its rules on a white margin, and drops the words boxed on its rules', async () => {
    // The row read as one unsure word across both cells, and a mark boxed on the rule under it.
    const result = page([line([word('25', 18, 30, 50, 300, 30), word('mena', 52, 380, 50, 150, 30)], 35), line([word('Lr', 34, 300, 90, 40, 2)], 34), below]);
    const { engine, calls } = scripted((call, width, height) => [word(call ? '套餐變更' : '業務類型', 94, 16, 12, width - 32, height - 24)]);
    const { result: out, rows } = await readRuledCells(result, table(), engine, 'chi_tra+eng');
    expect(out.lines.map((l) => l.text)).toEqual(['業務類型 套餐變更', '以上資料']);
    expect(rows).toEqual([{ x: 20, y: 43, w: 562, h: 46 }]);
    expect(calls).toHaveLength(2);
    expect(calls.map((c) => c.options.psm)).toEqual(['single-line', 'single-line']);
    // The label cell: inside its rules (their boxes reach a pixel beyond their ink) and 2 px in,
    // 172 × 42, on a margin of half the text's height (15 px).
    expect([calls[0]!.width, calls[0]!.height]).toEqual([172 + 30, 42 + 30]);
    const cut = calls[0]!.raster;
    const dark = (x: number) => Array.from({ length: cut.height }, (_, y) => cut.data[y * cut.width + x]!).some((v) => v < 200);
    expect(dark(14)).toBe(false); // the margin, white
    expect(dark(15 + 15)).toBe(true); // the first glyph (x 40 on the page, 25 the cut's first column)
    // Words in the page's frame, in their cells.
    const [first, second] = out.lines[0]!.words;
    expect(first!.box.x).toBeGreaterThanOrEqual(22);
    expect(second!.box.x).toBeGreaterThanOrEqual(202);
  });

  it('keeps in a cell read empty the words the page\'s reading had in it', async () => {
    const result = page([line([word('業務', 60, 40, 55, 110, 22), word('|', 40, 201, 50, 4, 30), word('套餐變更', 90, 230, 55, 110, 22)], 63), below]);
    const { engine } = scripted((call, width, height) => (call === 0 ? [word('業務類型', 94, 16, 12, width - 32, height - 24)] : []));
    const { result: out } = await readRuledCells(result, table(), engine, 'chi_tra+eng');
    expect(out.lines.map((l) => l.text)).toEqual(['業務類型 套餐變更', '以上資料']);
  });

  it('reads a row holding English alone read less than surely on a Chinese page, a cell read as English alone again with the Chinese model alone', async () => {
    const result = page([line([word('客戶', 95, 40, 55, 110, 22), word('HEF', 78, 230, 55, 110, 22)], 86), below]);
    const { engine, calls } = scripted((call, width, height, options) => {
      if (call === 0) return [word('客戶姓名', 95, 16, 12, width - 32, height - 24)];
      return [word(options.lang === 'chi_tra' ? '林冠宇' : 'HEF', options.lang === 'chi_tra' ? 86 : 52, 16, 12, width - 32, height - 24)];
    });
    const { result: out } = await readRuledCells(result, table(), engine, 'chi_tra+eng');
    expect(out.lines[0]!.text).toBe('客戶姓名 林冠宇');
    expect(calls.map((c) => c.options.lang)).toEqual(['chi_tra+eng', 'chi_tra+eng', 'chi_tra']);
  });

  it('reads no band whose edge cuts through a cell\'s text: no row of the table', async () => {
    const g = table();
    fill(g, 420, 82, 20, 22, 0); // a glyph of a row half a row lower, across the band's lower edge
    const result = page([line([word('25', 18, 30, 50, 300, 30), word('mena', 52, 380, 50, 150, 30)], 35), below]);
    const none = scripted(() => []);
    expect(await readRuledCells(result, g, none.engine, 'chi_tra+eng')).toEqual({ result, rows: [] });
    expect(none.calls).toHaveLength(0);
  });

  it('leaves out of a cell a border too thick to be found as a rule', async () => {
    const g = table();
    fill(g, 14, 40, 8, 52, 0); // the table's left border, 8 px thick
    const result = page([line([word('25', 18, 30, 50, 300, 30), word('mena', 52, 380, 50, 150, 30)], 35), below]);
    const { engine, calls } = scripted((call, width, height) => [word(call ? '套餐變更' : '業務類型', 94, 16, 12, width - 32, height - 24)]);
    const { result: out } = await readRuledCells(result, g, engine, 'chi_tra+eng');
    expect(out.lines[0]!.text).toBe('業務類型 套餐變更');
    const cut = calls[0]!.raster;
    // The cut's columns left of the first glyph (x 40 on the page) are white.
    for (let x = 0; x < 15 + 15; x++) for (let y = 0; y < cut.height; y++) expect(cut.data[y * cut.width + x]).toBeGreaterThan(200);
  });

  it('closes no cell at a row\'s end without a frame down it: a rule across can end halfway along a table photographed askew', async () => {
    const g = table();
    fill(g, 580, 40, 2, 52, 255); // no rule down the right-hand end
    const result = page([line([word('25', 18, 30, 50, 300, 30), word('mena', 52, 380, 50, 150, 30)], 35), below]);
    const none = scripted(() => []);
    expect(await readRuledCells(result, g, none.engine, 'chi_tra+eng')).toEqual({ result, rows: [] });
    expect(none.calls).toHaveLength(0);
  });

  it('keeps a row read surely, and a row whose cells read no better', async () => {
    const sure = page([line([word('業務類型', 95, 40, 55, 110, 22), word('套餐變更', 93, 230, 55, 110, 22)], 94), below]);
    const none = scripted(() => []);
    expect(await readRuledCells(sure, table(), none.engine, 'chi_tra+eng')).toEqual({ result: sure, rows: [] });
    expect(none.calls).toHaveLength(0);
    const unsure = page([line([word('業務類型', 95, 40, 55, 110, 22), word('套餐變', 50, 230, 55, 110, 22)], 73), below]);
    const worse = scripted((_call, width, height) => [word('x', 30, 16, 12, width - 32, height - 24)]);
    expect(await readRuledCells(unsure, table(), worse.engine, 'chi_tra+eng')).toEqual({ result: unsure, rows: [] });
    // Each cell read twice: "x" is English alone, unsure.
    expect(worse.calls.map((c) => c.options.lang)).toEqual(['chi_tra+eng', 'chi_tra', 'chi_tra+eng', 'chi_tra']);
  });
});

describe('orderRuledCells', () => {
  /**
   * A 800 × 400 page: a ruled table's row 100 px tall (rules across at y 100 and 200, x 20…780;
   * down at x 20, 200 and 780), a line of text (22 px) above and below the table.
   */
  function tallRow(): GrayRaster {
    const g = createGray(800, 400);
    fill(g, 20, 100, 762, 2, 120);
    fill(g, 20, 200, 762, 2, 120);
    for (const x of [20, 200, 780]) fill(g, x, 100, 2, 102, 120);
    return g;
  }
  const above = line([word('維修收件單', 95, 40, 40, 300, 22)], 95);
  const below = line([word('以上資料', 95, 40, 300, 300, 22)], 95);

  it('reads a label beside the lines of its value cell by cell: the label, then the value\'s lines', () => {
    // The label centred between the value's two lines; the engine read the value's first line,
    // then its second with a bar for the rule down the row before it, then the label.
    const first = line([word('螢幕右下角觸控失靈，', 92, 230, 118, 300, 22), word('充電時機身', 92, 540, 118, 150, 22)], 92);
    const second = line([word('|', 40, 196, 160, 8, 26), word('異常發燙，偶爾自動重新開機。', 90, 230, 162, 420, 22)], 85);
    const label = line([word('故障描述', 94, 60, 140, 100, 22)], 94);
    const out = orderRuledCells(page([above, first, second, label, below]), tallRow());
    expect(out.lines.map((l) => l.text)).toEqual(['維修收件單', '故障描述', '螢幕右下角觸控失靈， 充電時機身', '異常發燙，偶爾自動重新開機。', '以上資料']);
  });

  it('finds the rules down a photographed table, thicker under larger text', () => {
    // Rules down the row 4 px thick, under text 22 px tall: a fifth of it.
    const g = tallRow();
    for (const x of [200, 780]) fill(g, x - 1, 100, 4, 102, 120);
    const first = line([word('螢幕右下角觸控失靈，', 92, 230, 118, 300, 22)], 92);
    const second = line([word('異常發燙，偶爾自動重新開機。', 90, 230, 162, 420, 22)], 90);
    const label = line([word('故障描述', 94, 60, 140, 100, 22)], 94);
    const out = orderRuledCells(page([above, first, second, label, below]), g);
    expect(out.lines.map((l) => l.text)).toEqual(['維修收件單', '故障描述', '螢幕右下角觸控失靈，', '異常發燙，偶爾自動重新開機。', '以上資料']);
    // 6 px thick: a bar, no rule.
    const thick = tallRow();
    for (const x of [200, 780]) fill(thick, x - 2, 100, 6, 102, 120);
    const bars = page([above, first, second, label, below]);
    expect(orderRuledCells(bars, thick)).toBe(bars);
  });

  it('reads two labels level with each other, each beside its value\'s lines, cell by cell', () => {
    // A fapiao's 销售方 and the seller's lines, then 备注 and the remarks, read across.
    const g = tallRow();
    for (const x of [520, 600]) fill(g, x, 100, 2, 102, 120);
    const top = line([word('名称：中国联通', 92, 230, 116, 200, 22), word('营业厅：福田', 92, 620, 118, 140, 22)], 92);
    const labels = line([word('销售方', 94, 60, 142, 66, 22), word('备注', 94, 540, 141, 44, 22)], 94);
    const bottom = line([word('地址：深南中路', 92, 230, 166, 200, 22), word('号码：186', 92, 620, 168, 120, 22)], 92);
    const out = orderRuledCells(page([above, top, labels, bottom, below]), g);
    expect(out.lines.map((l) => l.text)).toEqual(['維修收件單', '销售方', '名称：中国联通', '地址：深南中路', '备注', '营业厅：福田', '号码：186', '以上資料']);
  });

  it('leaves rows read across: cells whose lines stand level, a word across a rule down the row', () => {
    // A table's body without rules between its items: each column a line per item.
    const items = [0, 1, 2].map((i) => line([word(`項目${i}`, 92, 60, 112 + i * 28, 80, 22), word(`${i + 1}00`, 92, 600, 114 + i * 28, 40, 20)], 92));
    const body = page([above, ...items, below]);
    expect(orderRuledCells(body, tallRow())).toBe(body);
    // The label level with the value's first line.
    const level = page([above, line([word('地址', 94, 60, 118, 60, 22), word('新北市中和區', 92, 230, 118, 200, 22)], 93), line([word('景平路512號', 92, 230, 162, 200, 22)], 92), below]);
    expect(orderRuledCells(level, tallRow())).toBe(level);
    const across = page([above, line([word('故障描述螢幕右下角', 60, 60, 140, 300, 22)], 60), line([word('異常發燙', 90, 230, 162, 200, 22)], 90), below]);
    expect(orderRuledCells(across, tallRow())).toBe(across);
  });
});

import { describe, expect, it } from 'vitest';
import { commasAbsorbed, slashesUnread, commasReadAsFullStops, rulesReadIntoWords, darkenLightText, dollarSignsReadAsDigits, dropBlankWords, dropEmoji, eraseCombBoxes, eraseMarks, eraseOutlines, findBadgeIcons, findCombBoxes, joinCombFigures, leadingMarkInk, findCodes, findEllipses, findIconRings, findLeaders, findLeadingMarks, findLoneDiscs, findOutlines, findTimelines, isTextBar, markComponents, middleDotsMisread, OUTLINE_INK, placeEllipses, setMarksApart, yuanSignsUnread } from '../../../shared/ocr/marks';
import { labelledInkComponents } from '../../../shared/ocr/preprocess';
import { createGray, type GrayRaster } from '../../../shared/ocr/raster';
import { dropGraphicWords } from '../../../shared/ocr/lines';
import { line, page, word } from './results';

function fillRect(g: GrayRaster, x0: number, y0: number, w: number, h: number, v = 20): void {
  for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) g.data[y * g.width + x] = v;
}

/** A glyph 28 px tall drawn as strokes (口), its right edge at `x + 28`, top at `y`. */
function glyph(g: GrayRaster, x: number, y: number): void {
  fillRect(g, x, y, 28, 3);
  fillRect(g, x, y + 25, 28, 3);
  fillRect(g, x, y, 3, 28);
  fillRect(g, x + 25, y, 3, 28);
}

/** `n` square dots of `size` px, `gap` px apart, from `x` with their centres at `cy`. */
function dots(g: GrayRaster, n: number, x: number, cy: number, size = 4, gap = 5): void {
  for (let i = 0; i < n; i++) fillRect(g, x + i * (size + gap), cy - size / 2, size, size);
}

/** A disc of radius `r` centred at (`cx`, `cy`). */
function disc(g: GrayRaster, cx: number, cy: number, r: number): void {
  for (let y = Math.floor(cy - r); y <= cy + r; y++) for (let x = Math.floor(cx - r); x <= cx + r; x++) if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) g.data[y * g.width + x] = 20;
}

describe('findEllipses', () => {
  it('finds three dots at mid-height right after text, and two ellipses in six dots', () => {
    const g = createGray(400, 120);
    glyph(g, 20, 20);
    glyph(g, 52, 20);
    dots(g, 3, 86, 34);
    glyph(g, 20, 70);
    dots(g, 6, 54, 84);
    const marks = findEllipses(g);
    expect(marks.map((m) => m.box).sort((a, b) => a.y - b.y || a.x - b.x)).toEqual([
      { x: 86, y: 32, w: 22, h: 4 },
      { x: 54, y: 82, w: 22, h: 4 },
      { x: 81, y: 82, w: 22, h: 4 },
    ]);
    expect(marks.find((m) => m.box.y === 32)!.row).toEqual({ x: 86, y: 20, w: 22, h: 28 });
  });

  it('leaves dotted leaders, four dots, dots without text before them and dots inside a character', () => {
    const g = createGray(600, 220);
    glyph(g, 20, 20);
    dots(g, 10, 54, 34); // 小計..........
    glyph(g, 20, 70);
    dots(g, 4, 54, 84);
    dots(g, 3, 300, 34); // a "more" menu ⋯ standing alone
    glyph(g, 20, 120);
    fillRect(g, 52, 120, 30, 14); // 灬 under the upper part of 熱
    dots(g, 3, 54, 144);
    expect(findEllipses(g)).toEqual([]);
  });

  it('leaves dots that are not alike (of other sizes, levels or spacings) and dashes', () => {
    const g = createGray(400, 220);
    glyph(g, 20, 170);
    for (let i = 0; i < 3; i++) fillRect(g, 54 + i * 12, 183, 8, 3); // - - -
    glyph(g, 20, 20);
    fillRect(g, 54, 32, 4, 4); fillRect(g, 63, 32, 8, 8); fillRect(g, 76, 32, 4, 4);
    glyph(g, 20, 70);
    fillRect(g, 54, 82, 4, 4); fillRect(g, 63, 88, 4, 4); fillRect(g, 72, 82, 4, 4);
    glyph(g, 20, 120);
    fillRect(g, 54, 132, 4, 4); fillRect(g, 60, 132, 4, 4); fillRect(g, 74, 132, 4, 4);
    expect(findEllipses(g)).toEqual([]);
  });
});

describe('findEllipses on a grainy page', () => {
  it('finds an ellipsis among a photo\'s grain, and leaves the last three of four large dots set far apart', () => {
    const g = createGray(900, 300);
    // Grain: single dots of 2–3 px scattered over the page on a fixed pseudo-random sequence.
    let s = 7;
    const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 2500; i++) {
      const x = Math.floor(next() * 890), y = Math.floor(next() * 290);
      if (y > 10 && y < 60 && x < 140) continue; // clear around the text and its ellipsis
      fillRect(g, x, y, 2 + Math.floor(next() * 2), 2);
    }
    glyph(g, 20, 20);
    dots(g, 3, 54, 34);
    // A tall character, then four dots of 14 px 40 px apart: the first begins right after it.
    const tall = createGray(900, 300);
    fillRect(tall, 100, 100, 6, 44);
    fillRect(tall, 100, 100, 30, 6);
    for (let i = 0; i < 4; i++) fillRect(tall, 132 + i * 54, 115, 14, 14);
    expect(findEllipses(g).map((m) => m.box)).toEqual([{ x: 54, y: 32, w: 22, h: 4 }]);
    expect(findEllipses(tall)).toEqual([]);
  });
});

describe('findLeaders', () => {
  const runs = (g: GrayRaster) => findLeaders(markComponents(g).components).map((r) => ({ n: r.length, x: r[0]!.box.x, y: r[0]!.box.y }));

  it('finds dotted leaders and dashed rules, dashes set closer than their length included', () => {
    const g = createGray(600, 220);
    glyph(g, 20, 20);
    dots(g, 20, 60, 40, 4, 6); // 月租費 ........ 298.00
    glyph(g, 500, 20);
    for (let i = 0; i < 30; i++) fillRect(g, 20 + i * 14, 100, 11, 5); // - - - - (3 px apart)
    for (let i = 0; i < 12; i++) fillRect(g, 20 + i * 26, 150, 4, 4); // .   .   . wide apart
    expect(runs(g)).toEqual([
      { n: 30, x: 20, y: 100 },
      { n: 12, x: 20, y: 150 },
      { n: 20, x: 60, y: 38 },
    ].sort((a, b) => a.x - b.x || a.y - b.y));
  });

  it('leaves ellipses, short runs, and round letters along a line of text', () => {
    const g = createGray(600, 220);
    glyph(g, 20, 20);
    dots(g, 6, 54, 34); // ……
    dots(g, 7, 54, 84); // seven dots
    // Ten round letters (o, e, a) of one size evenly along a line, taller letters between them.
    for (let i = 0; i < 10; i++) {
      fillRect(g, 20 + i * 40, 160, 8, 8);
      fillRect(g, 34 + i * 40, 150, 3, 18);
    }
    expect(runs(g)).toEqual([]);
  });

  it('has its dots painted white before reading, grey ones too', () => {
    const g = createGray(600, 120);
    glyph(g, 20, 20);
    for (let i = 0; i < 20; i++) fillRect(g, 60 + i * 10, 38, 4, 4, 136);
    glyph(g, 500, 20);
    const { steps } = setMarksApart(g, 28);
    expect(steps.map((s) => s.name)).toContain('erase-leaders');
    for (let x = 60; x < 260; x++) expect(g.data[40 * g.width + x]).toBe(255);
    expect(g.data[21 * g.width + 21]).toBe(20); // the glyphs stay
  });
});

describe('findLoneDiscs', () => {
  it('finds a solid disc standing alone, not a ring, a bullet before its text or a period', () => {
    const g = createGray(400, 200);
    disc(g, 360, 30, 6); // an unread marker
    glyph(g, 20, 20);
    disc(g, 60, 34, 2); // a period after the text
    disc(g, 350, 100, 12); // a ring (an app's icon)
    for (let y = 95; y <= 105; y++) for (let x = 345; x <= 355; x++) if ((x - 350) ** 2 + (y - 100) ** 2 <= 16) g.data[y * g.width + x] = 255;
    disc(g, 26, 160, 6); // a bullet
    glyph(g, 44, 146);
    expect(findLoneDiscs(g, 28)).toEqual([{ x: 354, y: 24, w: 13, h: 13 }]);
    expect(findLoneDiscs(g, 0)).toEqual([]);
  });

  it('finds a tab bar\'s icon above its label, not a disc with text above it', () => {
    const g = createGray(400, 200);
    disc(g, 60, 40, 12); // a tab's icon
    glyph(g, 46, 60); // its label just below
    glyph(g, 246, 20); // text just above a disc
    disc(g, 260, 70, 12);
    expect(findLoneDiscs(g, 28)).toEqual([{ x: 48, y: 28, w: 25, h: 25 }]);
  });
});

describe('findLeadingMarks', () => {
  const ring = (g: GrayRaster, cx: number, cy: number, r: number) => {
    for (let y = cy - r; y <= cy + r; y++) for (let x = cx - r; x <= cx + r; x++) { const d = Math.hypot(x - cx, y - cy); if (d <= r && d >= r - 3) g.data[y * g.width + x] = 20; }
  };

  it('finds radio buttons, a legend\'s square and a checkbox before their text, not a square glyph among its neighbours', () => {
    const g = createGray(700, 400);
    ring(g, 40, 40, 16); disc(g, 40, 40, 7); glyph(g, 80, 26); glyph(g, 112, 26); // a chosen radio button
    ring(g, 40, 120, 16); glyph(g, 80, 106); // one not chosen
    fillRect(g, 30, 190, 24, 24); glyph(g, 80, 188); // a legend's key
    fillRect(g, 30, 260, 30, 30); for (let k = 0; k < 8; k++) fillRect(g, 36 + k, 272 + (k < 4 ? k : 7 - k), 3, 3, 255); glyph(g, 80, 261); // a ticked checkbox
    glyph(g, 300, 26); glyph(g, 331, 26); glyph(g, 362, 26); // 口口口: glyphs a few pixels apart
    glyph(g, 300, 188); glyph(g, 331, 188); fillRect(g, 380, 190, 24, 24); // a square after text
    expect(findLeadingMarks(g, 28).map((b) => [b.x, b.y])).toEqual([[24, 24], [24, 104], [30, 190], [30, 260]]);
    expect(findLeadingMarks(g, 0)).toEqual([]);
  });

  it('finds a form\'s checkboxes among its options, past a table\'s grey rule, not a square close after text', () => {
    const g = createGray(500, 420);
    /** A checkbox's empty frame, `s` px, 2 px lines. */
    const frame = (x: number, y: number, s: number) => { fillRect(g, x, y, s, 2); fillRect(g, x, y + s - 2, s, 2); fillRect(g, x, y, 2, s); fillRect(g, x + s - 2, y, 2, s); };
    /** A 3 px stroke from (x0, y0) to (x1, y1). */
    const stroke = (x0: number, y0: number, x1: number, y1: number) => {
      const n = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0));
      for (let k = 0; k <= n; k++) fillRect(g, Math.round(x0 + ((x1 - x0) * k) / n) - 1, Math.round(y0 + ((y1 - y0) * k) / n) - 1, 3, 3);
    };
    // A cell's grey rule before the row, broken into hairline pieces by the threshold.
    fillRect(g, 12, 300, 1, 28, 60); fillRect(g, 12, 331, 1, 40, 60);
    frame(30, 332, 24); glyph(g, 64, 330); glyph(g, 96, 330); // ☐ and its option
    frame(170, 332, 24); stroke(174, 342, 180, 350); stroke(180, 350, 200, 322); glyph(g, 204, 330); // ☑, its tick out over the frame
    glyph(g, 300, 330); frame(334, 332, 24); glyph(g, 370, 330); // 口 close after a character
    frame(30, 390, 18); glyph(g, 60, 386); // a square far smaller than the text after it: 口 starting a line
    const marks = findLeadingMarks(g, 28).filter((b) => b.y > 300).sort((a, b) => a.y - b.y || a.x - b.x);
    expect(marks.map((b) => [b.x, b.y])).toEqual([[170, 321], [30, 332]]);
  });
});

describe('findTimelines', () => {
  it('finds a thin line with disc and ring nodes beside steps of text, not a plain rule or a table', () => {
    const g = createGray(600, 700);
    // The line: 4 px wide, grey, from y 40 to 600; nodes every 150 px: discs, the last a ring.
    fillRect(g, 58, 40, 4, 560, 160);
    for (let k = 0; k < 4; k++) {
      const cy = 40 + k * 150;
      if (k < 3) disc(g, 60, cy, 14);
      else for (let y = cy - 14; y <= cy + 14; y++) for (let x = 46; x <= 74; x++) { const r = Math.hypot(x - 60, y - cy); g.data[y * g.width + x] = r <= 14 && r >= 11 ? 120 : r < 11 ? 255 : g.data[y * g.width + x]!; }
      glyph(g, 110, cy - 14);
    }
    // A plain rule (a pane's edge) and a table's column of cells.
    fillRect(g, 300, 20, 2, 660, 160);
    for (let k = 0; k <= 10; k++) fillRect(g, 400, 40 + k * 60, 120, 2, 120);
    fillRect(g, 400, 40, 2, 600, 120);
    fillRect(g, 518, 40, 2, 600, 120);
    expect(findTimelines(g, 28)).toEqual([{ x: 46, y: 26, w: 29, h: 574 }]);
    expect(findTimelines(g, 0)).toEqual([]);
  });

  it('finds a timeline across the page (a refund\'s steps: discs with white ticks), not a rule with glyphs standing on it', () => {
    const g = createGray(900, 300);
    // The line: 5 px thick from x 100 to 800 at y 60; discs of radius 18 with a white tick each.
    fillRect(g, 100, 58, 700, 5, 40);
    for (const cx of [100, 450, 800]) {
      disc(g, cx, 60, 18);
      for (let k = 0; k < 8; k++) fillRect(g, cx - 8 + k, 58 + (k < 4 ? k : 7 - k) - 2, 2, 3, 255);
      glyph(g, cx - 14, 100);
    }
    // A rule with bold glyphs standing on it, touching it from above only.
    fillRect(g, 100, 240, 700, 3, 40);
    for (const gx of [200, 500]) fillRect(g, gx, 200, 30, 40, 40);
    expect(findTimelines(g, 27)).toEqual([{ x: 82, y: 42, w: 737, h: 37 }]);
  });
});

describe('dropEmoji', () => {
  it('drops symbols read from a solid coloured shape, not a coloured link or comma, a word or a symbol in black', () => {
    // A 400 × 60 white picture: a yellow disc (an emoji) at x 100, blue link strokes at x 200, a black "@" at x 300.
    const rgba = { width: 400, height: 60, data: new Uint8ClampedArray(400 * 60 * 4).fill(255) };
    const paint = (x: number, y: number, c: [number, number, number]) => rgba.data.set(c, (y * 400 + x) * 4);
    for (let y = 10; y < 40; y++) for (let x = 100; x < 130; x++) if ((x - 115) ** 2 + (y - 25) ** 2 <= 225) paint(x, y, [255, 204, 51]);
    for (let y = 10; y < 40; y++) for (const x of [200, 201, 210, 211, 220, 221]) paint(x, y, [10, 132, 255]);
    for (let y = 10; y < 40; y++) for (let x = 300; x < 330; x++) paint(x, y, [20, 20, 20]);
    for (let y = 18; y < 40; y++) for (let x = 159; x < 165; x++) paint(x, y, [26, 115, 232]); // a bold blue comma, narrow
    // Below, a green bubble (rows 45–59) holding a dark comma after a word.
    for (let y = 45; y < 60; y++) for (let x = 0; x < 400; x++) paint(x, y, [149, 236, 105]);
    for (let y = 52; y < 58; y++) for (let x = 120; x < 124; x++) paint(x, y, [20, 20, 20]);
    const result = page([
      line([word('Thanks!', 95, 10, 10, 80, 30), word('«', 60, 100, 10, 30, 30), word('，', 70, 159, 10, 7, 30), word('——', 70, 200, 10, 30, 30), word('@', 70, 300, 10, 30, 30)], 80),
      line([word('好的', 95, 10, 46, 100, 13), word('，', 80, 116, 46, 12, 13)], 90),
    ]);
    // The result's frame is the picture's at twice the size.
    const twice = (b: { x: number; y: number; w: number; h: number }) => ({ x: b.x * 2, y: b.y * 2, w: b.w * 2, h: b.h * 2 });
    const out = dropEmoji({ ...result, lines: result.lines.map((l) => ({ ...l, box: twice(l.box), words: l.words.map((w) => ({ ...w, box: twice(w.box) })) })) }, () => rgba, (b) => ({ x: b.x / 2, y: b.y / 2, w: b.w / 2, h: b.h / 2 }));
    expect(out.lines.map((l) => l.text)).toEqual(['Thanks! ， —— @', '好的 ，']);
  });
});

describe('eraseMarks', () => {
  it('paints the boxes white with a margin for soft edges', () => {
    const g = createGray(60, 20, 200);
    eraseMarks(g, [{ box: { x: 20, y: 8, w: 10, h: 4 } }]);
    expect(g.data[6 * 60 + 18]).toBe(255);
    expect(g.data[13 * 60 + 31]).toBe(255);
    expect(g.data[5 * 60 + 18]).toBe(200);
    expect(g.data[10 * 60 + 33]).toBe(200);
  });
});

describe('placeEllipses', () => {
  const mark = (x: number, y = 110, w = 22) => ({ box: { x, y, w, h: 4 }, row: { x, y: 98, w, h: 28 } });

  it('replaces what the engine read from the dots and ends the line beside them', () => {
    const text = line([word('金', 90, 20, 98, 28, 28), word('額', 90, 52, 98, 28, 28), word('一', 0, 86, 104, 20, 14)], 80);
    const other = line([word('遠', 90, 20, 200, 28, 28)], 90);
    const out = placeEllipses(page([text, other]), [mark(86)]);
    expect(out.lines[0]!.words.map((w) => w.text)).toEqual(['金', '額', '…']);
    expect(out.lines[0]!.words[2]!.box).toEqual({ x: 86, y: 110, w: 22, h: 4 });
    expect(out.lines[1]).toBe(other);
    expect(out.words).toHaveLength(4);
  });

  it('ends Latin text with the dots on its baseline as "...", joined to the word they follow', () => {
    const text = line([word('Loading', 90, 20, 98, 80, 28)], 90);
    const out = placeEllipses(page([text]), [mark(102, 120, 16)]);
    expect(out.lines[0]!.words.map((w) => w.text)).toEqual(['Loading...']);
    expect(out.lines[0]!.words[0]!.box).toEqual({ x: 20, y: 98, w: 98, h: 28 });
  });

  it('leaves out an ellipsis no line ends beside, and returns the result itself without marks', () => {
    const result = page([line([word('金', 90, 20, 98, 28, 28)], 90)]);
    expect(placeEllipses(result, [])).toBe(result);
    expect(placeEllipses(result, [mark(300)]).text).toBe('金');
    expect(placeEllipses(result, [{ ...mark(52), row: { x: 52, y: 300, w: 22, h: 28 } }]).text).toBe('金');
  });
});

describe('dropBlankWords', () => {
  it('drops an unsure word whose box holds almost no ink, keeps unsure words over ink and sure words anywhere', () => {
    const g = createGray(400, 100);
    glyph(g, 20, 20); // 第
    glyph(g, 120, 20); // 契
    const result = page([line([word('第', 40, 20, 20, 28, 28), word(']', 0, 60, 14, 20, 40), word('契', 20, 120, 20, 28, 28), word('，', 93, 160, 20, 20, 28)], 60)]);
    expect(dropBlankWords(result, g).lines[0]!.words.map((w) => w.text)).toEqual(['第', '契', '，']);
    const sure = page([line([word('第', 90, 20, 20, 28, 28)], 90)]);
    expect(dropBlankWords(sure, g)).toBe(sure);
  });
});

describe('middleDotsMisread', () => {
  /** A word's ink: a block 40 px wide on rows 40-69 (its box). */
  const text = (g: GrayRaster, x: number) => fillRect(g, x, 40, 40, 30);
  const texts = (g: GrayRaster, words: ReturnType<typeof word>[]) => middleDotsMisread(page([line(words, 80)]), g).words.map((w) => w.text);
  const row = (mark: (g: GrayRaster) => void, read = '-') => {
    const g = createGray(300, 120);
    text(g, 20);
    mark(g);
    text(g, 90);
    return texts(g, [word('Japan', 90, 20, 40, 40, 30), word(read, 60, 66, 50, 12, 12), word('NTT', 90, 90, 40, 40, 30)]);
  };

  it('reads a small filled dot at the middle of its neighbours as a middle dot, a larger one as a bullet', () => {
    expect(row((g) => fillRect(g, 70, 53, 4, 4))).toEqual(['Japan', '·', 'NTT']);
    expect(row((g) => fillRect(g, 68, 51, 8, 8), '*')).toEqual(['Japan', '•', 'NTT']);
  });

  it('leaves a hyphen, a dot below the middle, a ring, a mark at a line\'s end, and commas and other words', () => {
    expect(row((g) => fillRect(g, 66, 54, 12, 3))).toEqual(['Japan', '-', 'NTT']);
    expect(row((g) => fillRect(g, 69, 54, 6, 4))).toEqual(['Japan', '-', 'NTT']);
    expect(row((g) => fillRect(g, 70, 60, 4, 4))).toEqual(['Japan', '-', 'NTT']);
    expect(row((g) => { fillRect(g, 68, 51, 8, 2); fillRect(g, 68, 57, 8, 2); fillRect(g, 68, 51, 2, 8); fillRect(g, 74, 51, 2, 8); }, '*')).toEqual(['Japan', '*', 'NTT']);
    for (const mark of ['，', ',', '。', 'a']) expect(row((g) => fillRect(g, 70, 53, 4, 4), mark)).toEqual(['Japan', mark, 'NTT']);
    // A range's dash after a figure, blurred round.
    const range = createGray(300, 120);
    text(range, 20);
    fillRect(range, 70, 53, 4, 4);
    text(range, 90);
    expect(middleDotsMisread(page([line([word('05/10', 90, 20, 40, 40, 30), word('-', 60, 66, 50, 12, 12), word('04/11', 90, 90, 40, 40, 30)], 80)]), range).words.map((w) => w.text)).toEqual(['05/10', '-', '04/11']);
    const g = createGray(300, 120);
    text(g, 20);
    fillRect(g, 70, 53, 4, 4);
    expect(texts(g, [word('Japan', 90, 20, 40, 40, 30), word('-', 60, 66, 50, 12, 12)])).toEqual(['Japan', '-']);
  });
});

describe('slashesUnread', () => {
  /** A Chinese character's ink: a frame 32 px wide on rows 40-71. */
  const han = (g: GrayRaster, x: number) => { fillRect(g, x, 40, 32, 3); fillRect(g, x, 69, 32, 3); fillRect(g, x, 40, 3, 32); fillRect(g, x + 29, 40, 3, 32); };
  /** A stroke from (x, 70) up `rise` rows over `run` columns (negative: leaning back), 2 px thick. */
  const stroke = (g: GrayRaster, x: number, run: number, rise: number) => {
    for (let t = 0; t <= Math.abs(run); t++) fillRect(g, x + Math.sign(run) * t, 70 - Math.round((t * rise) / Math.abs(run)), 2, 2);
  };
  const texts = (draw: (g: GrayRaster) => void, words: ReturnType<typeof word>[]) => {
    const g = createGray(320, 120);
    han(g, 20);
    han(g, 96);
    draw(g);
    return slashesUnread(page([line(words, 90)]), g).words.map((w) => w.text);
  };

  it('puts back a full-width slash left unread, boxed into the word before it or after it or into none', () => {
    const slash = (g: GrayRaster) => stroke(g, 58, 28, 30);
    expect(texts(slash, [word('元', 90, 20, 40, 70, 32), word('月', 90, 96, 40, 32, 32)])).toEqual(['元／', '月']);
    expect(texts(slash, [word('元', 90, 20, 40, 32, 32), word('GB', 60, 56, 40, 72, 32)])).toEqual(['元／', 'GB']);
    expect(texts(slash, [word('0', 90, 20, 40, 32, 32), word('年', 90, 96, 40, 32, 32)])).toEqual(['0／', '年']);
  });

  it('leaves a narrow leaning stroke, a thick one, one leaning back, a slash read, and text without Chinese', () => {
    const words = [word('元', 90, 20, 40, 32, 32), word('月', 90, 96, 40, 32, 32)];
    expect(texts((g) => stroke(g, 62, 12, 30), words)).toEqual(['元', '月']);
    expect(texts((g) => { for (let k = 0; k < 8; k++) stroke(g, 58 + k, 20, 30); }, words)).toEqual(['元', '月']);
    expect(texts((g) => stroke(g, 86, -28, 30), words)).toEqual(['元', '月']);
    expect(texts((g) => stroke(g, 58, 28, 30), [word('元', 90, 20, 40, 32, 32), word('／', 90, 58, 40, 30, 32), word('月', 90, 96, 40, 32, 32)])).toEqual(['元', '／', '月']);
    expect(texts((g) => stroke(g, 58, 28, 30), [word('25', 90, 20, 40, 32, 32), word('GB', 90, 96, 40, 32, 32)])).toEqual(['25', 'GB']);
    // A date read whole, its own slashes in reach (１０／０９前).
    expect(texts((g) => stroke(g, 58, 28, 30), [word('10/09', 90, 20, 40, 70, 32), word('前', 90, 96, 40, 32, 32)])).toEqual(['10/09', '前']);
    expect(texts((g) => stroke(g, 58, 28, 30), [word('前', 90, 20, 40, 32, 32), word('1/2', 90, 56, 40, 72, 32)])).toEqual(['前', '1/2']);
  });
});

describe('commasReadAsFullStops', () => {
  /** A comma at `x`: a head 6 px across on rows 60-65 and a tail below it, down and to the left. */
  const comma = (g: GrayRaster, x: number) => { fillRect(g, x, 60, 6, 6); fillRect(g, x + 2, 66, 3, 4); fillRect(g, x + 1, 70, 3, 3); fillRect(g, x, 73, 2, 2); };
  /** A full stop at `x`: a ring 9 px across on rows 60-68. */
  const stop = (g: GrayRaster, x: number) => { fillRect(g, x, 60, 9, 2); fillRect(g, x, 67, 9, 2); fillRect(g, x, 60, 2, 9); fillRect(g, x + 7, 60, 2, 9); };
  /** A Chinese character's ink: 28 px wide, rows 40-74. */
  const han = (g: GrayRaster, x: number) => { fillRect(g, x, 40, 28, 3); fillRect(g, x, 71, 28, 3); fillRect(g, x, 40, 3, 34); fillRect(g, x + 25, 40, 3, 34); };
  const texts = (g: GrayRaster, words: ReturnType<typeof word>[]) => commasReadAsFullStops(page([line(words, 80)]), g).words.map((w) => w.text);

  it('reads a lone 。 whose ink is a head and a tail without a hole as a comma, its box reaching over the character beside it or not', () => {
    const g = createGray(300, 120);
    han(g, 20);
    comma(g, 54);
    han(g, 66);
    expect(texts(g, [word('況', 90, 20, 40, 28, 34), word('。', 47, 52, 40, 16, 40), word('已', 90, 66, 40, 28, 34)])).toEqual(['況', '，', '已']);
    expect(texts(g, [word('況', 90, 20, 40, 28, 34), word('。', 51, 50, 56, 12, 22)])).toEqual(['況', '，']);
  });

  it('leaves a ring, and a box holding two shapes', () => {
    const g = createGray(300, 120);
    han(g, 20);
    stop(g, 54);
    expect(texts(g, [word('況', 90, 20, 40, 28, 34), word('。', 60, 52, 58, 13, 13)])).toEqual(['況', '。']);
    // A ring drawn tall (a full stop stretched by the scaling of a screenshot) still has its hole.
    const tall = createGray(300, 120);
    fillRect(tall, 54, 58, 7, 2); fillRect(tall, 54, 70, 7, 2); fillRect(tall, 54, 58, 2, 14); fillRect(tall, 59, 58, 2, 14);
    expect(texts(tall, [word('。', 60, 52, 56, 11, 18)])).toEqual(['。']);
    const h = createGray(300, 120);
    comma(h, 54);
    comma(h, 64);
    expect(texts(h, [word('。', 60, 50, 56, 24, 22)])).toEqual(['。']);
    // Read surely: a full stop whose ring closed up.
    const closed = createGray(300, 120);
    comma(closed, 54);
    expect(texts(closed, [word('。', 93, 50, 56, 12, 22)])).toEqual(['。']);
  });
});

describe('yuanSignsUnread', () => {
  /** A digit's ink: a box outline 14 px wide from `x`, rows 40-65. */
  const digit = (g: GrayRaster, x: number) => { fillRect(g, x, 40, 14, 3); fillRect(g, x, 63, 14, 3); fillRect(g, x, 40, 3, 26); fillRect(g, x + 11, 40, 3, 26); };
  /** A yuan sign 16 px wide from `x` on the digits' rows: a V down to row 52, a stem below it, two bars across. */
  const yuan = (g: GrayRaster, x: number) => {
    for (let y = 40; y < 52; y++) { const d = Math.round(((y - 40) * 6) / 12); fillRect(g, x + d, y, 3, 1); fillRect(g, x + 13 - d, y, 3, 1); }
    fillRect(g, x + 7, 52, 3, 14);
    fillRect(g, x + 1, 54, 14, 2);
    fillRect(g, x + 1, 58, 14, 2);
  };
  /** A Chinese character's ink: 28 px wide, rows 36-70. */
  const han = (g: GrayRaster, x: number) => { fillRect(g, x, 36, 28, 3); fillRect(g, x, 67, 28, 3); fillRect(g, x, 36, 3, 34); fillRect(g, x + 25, 36, 3, 34); };
  const texts = (g: GrayRaster, words: ReturnType<typeof word>[]) => yuanSignsUnread(page([line(words, 80)]), g).words.map((w) => w.text);

  it('puts back a yuan sign left unread before an amount with cents, the word before boxed over it or not', () => {
    // 收¥19.00: the digits 1, 9, 0, 0 (the point has no ink on their middle row).
    const g = createGray(400, 120);
    han(g, 20);
    yuan(g, 56);
    for (const x of [78, 96, 124, 142]) digit(g, x);
    expect(texts(g, [word('收', 90, 20, 36, 54, 34), word('19.00', 85, 78, 40, 78, 26)])).toEqual(['收', '¥19.00']);
    expect(texts(g, [word('收', 90, 20, 36, 28, 34), word('19.00', 85, 78, 40, 78, 26)])).toEqual(['收', '¥19.00']);
    // Its last digit far along its box, and a word holding the 元 after the amount.
    const wide = createGray(400, 120);
    han(wide, 20);
    yuan(wide, 56);
    for (const x of [78, 96, 124, 146]) digit(wide, x);
    han(wide, 170);
    expect(texts(wide, [word('收', 90, 20, 36, 28, 34), word('19.00', 85, 78, 40, 82, 26)])).toEqual(['收', '¥19.00']);
    expect(texts(wide, [word('收', 90, 20, 36, 28, 34), word('19.00元', 85, 78, 36, 120, 34)])).toEqual(['收', '¥19.00元']);
  });

  it('leaves an amount after a Chinese character or a digit, one read with its sign, and English lines', () => {
    const g = createGray(400, 120);
    han(g, 20);
    for (const x of [56, 78, 96, 124, 142]) digit(g, x);
    // 收019.00: the glyph before the amount is a digit.
    expect(texts(g, [word('收0', 90, 20, 36, 50, 34), word('19.00', 85, 78, 40, 78, 26)])).toEqual(['收0', '19.00']);
    const h = createGray(400, 120);
    han(h, 20);
    for (const x of [78, 96, 124, 142]) digit(h, x);
    expect(texts(h, [word('收', 90, 20, 36, 28, 34), word('19.00', 85, 78, 40, 78, 26)])).toEqual(['收', '19.00']);
    const y = createGray(400, 120);
    yuan(y, 56);
    for (const x of [78, 96, 124, 142]) digit(y, x);
    expect(texts(y, [word('Fee', 90, 20, 40, 28, 26), word('19.00', 85, 78, 40, 78, 26)])).toEqual(['Fee', '19.00']);
  });

  it('puts back a serif yuan sign, its right arm a hairline that fades a few rows down, before digits that touch', () => {
    // 费¥68.00 in a serif face: the sign's right arm is two rows of ink; the amount's 00 is one glyph.
    const serif = (g: GrayRaster, x: number) => {
      for (let y = 40; y < 52; y++) fillRect(g, x + Math.round(((y - 40) * 6) / 12), y, 4, 1);
      fillRect(g, x + 12, 40, 3, 2);
      fillRect(g, x + 7, 52, 3, 14);
      fillRect(g, x + 1, 54, 14, 2);
      fillRect(g, x + 1, 58, 14, 2);
    };
    // 费, a mark drawn by `mark`, then 68.00 with its 00 one glyph.
    const before68 = (mark: (g: GrayRaster) => void) => {
      const g = createGray(400, 120);
      han(g, 20);
      mark(g);
      for (const x of [78, 96, 124, 136]) digit(g, x);
      return texts(g, [word('费', 90, 20, 36, 28, 34), word('68.00', 85, 78, 40, 72, 26)]);
    };
    expect(before68((g) => serif(g, 56))).toEqual(['费', '¥68.00']);
    // A glyph whose top is one stroke across (a 7) is no sign.
    expect(before68((g) => { fillRect(g, 56, 40, 16, 3); fillRect(g, 63, 43, 3, 23); fillRect(g, 57, 54, 14, 2); })).toEqual(['费', '68.00']);
    // Nor is a character's last part with a dot and a stem at its top (计 before 540.00): its arms
    // do not reach its right edge.
    expect(before68((g) => { fillRect(g, 56, 40, 3, 3); fillRect(g, 63, 40, 3, 26); fillRect(g, 57, 54, 15, 2); })).toEqual(['费', '68.00']);
    // Fewer glyphs than digits and no wider than they are: the box left a digit out (a time's
    // "3.56" boxed from its 5), and the glyph before it is no sign, however shaped.
    const short = createGray(400, 120);
    han(short, 20);
    yuan(short, 56);
    for (const x of [78, 96]) digit(short, x);
    expect(texts(short, [word('午', 90, 20, 36, 28, 34), word('3.56', 85, 78, 40, 32, 26)])).toEqual(['午', '3.56']);
  });

  it('puts back a yuan sign before an amount of full-width figures read as words apart ("1", "2", "8.", "00")', () => {
    // 额¥128.00, each figure in a cell 26 px wide, the point a cell of its own: the first word's
    // box holds the sign too.
    const g = createGray(400, 120);
    han(g, 10);
    yuan(g, 44);
    for (const x of [70, 96, 122, 174, 200]) digit(g, x);
    const words = [word('额', 90, 10, 36, 28, 34), word('1', 52, 40, 40, 46, 26), word('2', 52, 96, 40, 14, 26), word('8.', 88, 122, 40, 30, 26), word('00', 90, 174, 40, 40, 26)];
    expect(texts(g, words)).toEqual(['额', '¥1', '2', '8.', '00']);
    // Figures that make no amount with cents, or a sign-less amount, are left.
    expect(texts(g, words.slice(0, 4))).toEqual(['额', '1', '2', '8.']);
    const plain = createGray(400, 120);
    han(plain, 10);
    for (const x of [70, 96, 122, 174, 200]) digit(plain, x);
    expect(texts(plain, words)).toEqual(['额', '1', '2', '8.', '00']);
  });
});

describe('dollarSignsReadAsDigits', () => {
  /** A digit's ink: a box outline 14 px wide from `x`, rows 40-65. */
  const digit = (g: GrayRaster, x: number) => { fillRect(g, x, 40, 14, 3); fillRect(g, x, 63, 14, 3); fillRect(g, x, 40, 3, 26); fillRect(g, x + 11, 40, 3, 26); };
  /** A dollar sign's ink: an S-like block 14 px wide on the digits' rows and a stroke from `top` to `bottom` down its middle. */
  const dollar = (g: GrayRaster, x: number, top = 34, bottom = 72) => { fillRect(g, x, 40, 14, 3); fillRect(g, x, 51, 14, 3); fillRect(g, x, 63, 14, 3); fillRect(g, x + 6, top, 2, bottom - top); };
  /** A Chinese character's ink: 28 px wide, rows 36-70. */
  const han = (g: GrayRaster, x: number) => { fillRect(g, x, 36, 28, 3); fillRect(g, x, 67, 28, 3); fillRect(g, x, 36, 3, 34); fillRect(g, x + 25, 36, 3, 34); };
  const texts = (g: GrayRaster, words: ReturnType<typeof word>[]) => dollarSignsReadAsDigits(page([line(words, 80)]), g).words.map((w) => w.text);

  it('puts back a dollar sign read as the first digit of a number, boxed on the sign or off it', () => {
    // 金額為$388, the engine's box of "5388" on the ink.
    const g = createGray(400, 120);
    han(g, 20);
    dollar(g, 60);
    for (const x of [80, 100, 120]) digit(g, x);
    expect(texts(g, [word('金額為', 90, 20, 36, 28, 34), word('5388,', 80, 60, 34, 80, 38)])).toEqual(['金額為', '$388,']);
    // Boxed a character to the right of the sign (its 1 to the 元 after it), or read apart ("9", "398").
    expect(texts(g, [word('51,399', 80, 80, 40, 60, 26)])).toEqual(['$1,399']);
    expect(texts(g, [word('9', 80, 70, 34, 14, 38), word('388', 80, 80, 40, 56, 26)])).toEqual(['$', '388']);
  });

  it('keeps a first digit as tall as the others, a mark reaching out one way only, a Chinese character before the number and a short number', () => {
    const g = createGray(400, 120);
    han(g, 20);
    for (const x of [60, 80, 100, 120]) digit(g, x);
    expect(texts(g, [word('金額為', 90, 20, 36, 28, 34), word('5388', 80, 60, 40, 80, 26)])).toEqual(['金額為', '5388']);
    const up = createGray(400, 120);
    dollar(up, 60, 30, 66);
    for (const x of [80, 100, 120]) digit(up, x);
    expect(texts(up, [word('5388', 80, 60, 30, 80, 36)])).toEqual(['5388']);
    // The right part of a Chinese character beside the number, as wide as a digit, reaching out
    // as far: by a stroke off its middle, or by a horizontal one.
    const part = createGray(400, 120);
    fillRect(part, 60, 40, 14, 3); fillRect(part, 60, 63, 14, 3); fillRect(part, 62, 34, 2, 38);
    for (const x of [80, 100, 120]) digit(part, x);
    expect(texts(part, [word('5388', 80, 60, 34, 80, 38)])).toEqual(['5388']);
    const bar = createGray(400, 120);
    dollar(bar, 60);
    fillRect(bar, 60, 34, 14, 2);
    for (const x of [80, 100, 120]) digit(bar, x);
    expect(texts(bar, [word('5388', 80, 60, 34, 80, 38)])).toEqual(['5388']);
    const short = createGray(400, 120);
    dollar(short, 60);
    digit(short, 80);
    expect(texts(short, [word('58', 80, 60, 34, 40, 38)])).toEqual(['58']);
  });
});

describe('isTextBar', () => {
  // A line of 15 px text: "Account 18 | Bill date", the bar 19 px tall at x = 120.
  const words = (bar = word('|', 96, 120, 95, 1, 19)) => line([word('Account', 96, 20, 96, 80, 15), word('18', 96, 104, 96, 12, 14), bar, word('Bill', 96, 132, 95, 28, 15), word('date', 96, 168, 95, 40, 15)], 96);

  it('finds a bar set between the words of its line with ink no longer than the text is tall', () => {
    const g = createGray(300, 200);
    fillRect(g, 120, 95, 2, 19, 90);
    const l = words();
    expect(isTextBar(g, l.words[2]!, l)).toBe(true);
    // Kept by dropGraphicWords given the test; dropped as a rule without it.
    const result = page([l]);
    expect(dropGraphicWords(result, (w, ln) => isTextBar(g, w, ln))).toBe(result);
    expect(dropGraphicWords(result).lines[0]!.words.map((w) => w.text)).toEqual(['Account', '18', 'Bill', 'date']);
  });

  it('does not find a table\'s rule running on above and below the line, nor a bar far from the words or on faint ink', () => {
    const rule = createGray(300, 200);
    fillRect(rule, 120, 40, 2, 140, 90);
    const l = words();
    expect(isTextBar(rule, l.words[2]!, l)).toBe(false);
    const g = createGray(300, 200);
    fillRect(g, 120, 95, 2, 19, 90);
    const apart = line([word('Account', 96, 20, 96, 60, 15), word('|', 96, 120, 95, 1, 19), word('Bill', 96, 180, 95, 28, 15)], 96);
    expect(isTextBar(g, apart.words[1]!, apart)).toBe(false);
    const faint = createGray(300, 200);
    fillRect(faint, 120, 95, 2, 19, 230);
    expect(isTextBar(faint, l.words[2]!, l)).toBe(false);
  });
});

describe('findOutlines', () => {
  /** A rectangle's outline, `t` px thick, in tone `v`. */
  function frame(g: GrayRaster, x: number, y: number, w: number, h: number, t = 2, v = 180): void {
    fillRect(g, x, y, w, t, v);
    fillRect(g, x, y + h - t, w, t, v);
    fillRect(g, x, y, t, h, v);
    fillRect(g, x + w - t, y, t, h, v);
  }

  it('finds a thin light outline around text and erases it with its fringe, keeping the text', () => {
    const g = createGray(600, 300);
    frame(g, 20, 20, 300, 50);
    fillRect(g, 19, 30, 1, 20, 230); // anti-aliasing just outside the outline
    glyph(g, 40, 31);
    const ink = labelledInkComponents(g.data, g.width, g.height, OUTLINE_INK);
    const found = findOutlines(g, 28, ink);
    expect(found.map((c) => c.box)).toEqual([{ x: 20, y: 20, w: 300, h: 50 }]);
    eraseOutlines(g, ink.labels, found);
    expect(g.data[20 * 600 + 100]).toBe(255);
    expect(g.data[40 * 600 + 19]).toBe(255);
    expect(g.data[31 * 600 + 45]).toBe(20); // the glyph
  });

  it('leaves table grids, underlines, filled boxes, small frames and pages without text lines', () => {
    const g = createGray(600, 400);
    frame(g, 20, 20, 300, 50);
    fillRect(g, 170, 20, 2, 50, 180); // a cell divider: a grid, not a loop
    fillRect(g, 20, 120, 300, 2, 180); // an underline
    fillRect(g, 20, 160, 300, 50, 180); // a filled button
    frame(g, 20, 240, 60, 50); // narrower than three lines
    fillRect(g, 20, 320, 2, 50, 180); fillRect(g, 318, 320, 2, 50, 180); fillRect(g, 20, 368, 300, 2, 180); // open at the top
    expect(findOutlines(g, 28)).toEqual([]);
    const field = createGray(400, 100);
    frame(field, 20, 20, 300, 50);
    expect(findOutlines(field, 0)).toEqual([]);
  });
});

describe('findCombBoxes', () => {
  /** A box `w`×`h` px with a 2 px frame at (`x`, `y`), a figure (a bar) in its middle unless `empty`. */
  function box(g: GrayRaster, x: number, y: number, w = 36, h = 44, empty = false): void {
    fillRect(g, x, y, w, 2, 60);
    fillRect(g, x, y + h - 2, w, 2, 60);
    fillRect(g, x, y, 2, h, 60);
    fillRect(g, x + w - 2, y, 2, h, 60);
    fillRect(g, x + w - 3, y + 6, 1, h - 12, 150); // the frame's blur inside it
    if (!empty) fillRect(g, x + w / 2 - 2, y + 10, 4, h - 20);
  }

  it('finds a row of framed figures and erases the frames with their blur, keeping the figures', () => {
    const g = createGray(400, 100);
    for (let i = 0; i < 4; i++) box(g, 20 + i * 42, 20);
    const found = findCombBoxes(g, 28);
    expect(found.map((row) => row.map((c) => c.box.x))).toEqual([[20, 62, 104, 146]]);
    eraseCombBoxes(g, found.flat());
    expect(g.data[20 * 400 + 30]).toBe(255); // a top side
    expect(g.data[40 * 400 + 62]).toBe(255); // a left side
    expect(g.data[40 * 400 + 53]).toBe(255); // the blur inside a right side
    expect(g.data[40 * 400 + 38]).toBe(20); // the first figure
    expect(g.data[40 * 400 + 164]).toBe(20); // the last figure
  });

  it('joins the figures read box by box in a comb field, and nothing outside it', () => {
    const field = { x: 200, y: 100, w: 330, h: 44 };
    const figures = ['1', '9', '8', '5', '1', '2', '0', '7'].map((t, k) => word(t, 90 - k, 212 + k * 42, 110, 12, 24));
    const result = page([line([word('收款帳號', 95, 40, 110, 110, 24), ...figures], 88), line([word('1', 90, 212, 200, 12, 24), word('9', 90, 254, 200, 12, 24)], 90)]);
    const out = joinCombFigures(result, [field]);
    expect(out.lines.map((l) => l.text)).toEqual(['收款帳號 19851207', '1 9']);
    expect(out.lines[0]!.words[1]).toEqual({ text: '19851207', confidence: 83, box: { x: 212, y: 110, w: 306, h: 24 } });
    expect(joinCombFigures(result, [])).toBe(result);
  });

  it('leaves two boxes alone, boxes far apart, empty boxes (口口口) and boxes of other sizes', () => {
    const two = createGray(400, 100);
    box(two, 20, 20); box(two, 62, 20);
    expect(findCombBoxes(two, 28)).toEqual([]);
    const apart = createGray(400, 100);
    for (let i = 0; i < 4; i++) box(apart, 20 + i * 60, 20);
    expect(findCombBoxes(apart, 28)).toEqual([]);
    const empty = createGray(400, 100);
    for (let i = 0; i < 4; i++) box(empty, 20 + i * 42, 20, 36, 44, true);
    expect(findCombBoxes(empty, 28)).toEqual([]);
    const sizes = createGray(400, 140);
    box(sizes, 20, 20); box(sizes, 62, 20, 36, 70); box(sizes, 104, 20); box(sizes, 146, 20, 36, 70);
    expect(findCombBoxes(sizes, 28)).toEqual([]);
    const wide = createGray(600, 100);
    for (let i = 0; i < 4; i++) box(wide, 20 + i * 130, 20, 120, 44); // fields, not boxes of one figure
    expect(findCombBoxes(wide, 28)).toEqual([]);
  });
});

describe('findIconRings', () => {
  /** A square outline `size` px wide, 2 px thick. */
  function square(g: GrayRaster, x: number, y: number, size: number): void {
    fillRect(g, x, y, size, 2, 60);
    fillRect(g, x, y + size - 2, size, 2, 60);
    fillRect(g, x, y, 2, size, 60);
    fillRect(g, x + size - 2, y, 2, size, 60);
  }

  it('finds an outlined icon around a symbol standing apart, not an empty one or one close to text', () => {
    const g = createGray(600, 300);
    square(g, 20, 20, 44); // ⊕: a plus inside
    fillRect(g, 40, 30, 4, 24); fillRect(g, 30, 40, 24, 4);
    glyph(g, 120, 28); // the field's text, well apart
    square(g, 20, 120, 44); // an empty square (口, a tab icon)
    square(g, 20, 200, 44); // 回 in a large heading, its neighbour close
    square(g, 32, 212, 20);
    glyph(g, 70, 208);
    expect(findIconRings(g, 30)).toEqual([{ x: 20, y: 20, w: 44, h: 44 }]);
    expect(findIconRings(g, 0)).toEqual([]);
  });
});

describe('findBadgeIcons', () => {
  /** A solid rounded square `size` px wide (corners cut by a quarter circle `size / 4` across). */
  function badge(g: GrayRaster, x: number, y: number, size: number): void {
    const r = size / 4;
    for (let dy = 0; dy < size; dy++) {
      for (let dx = 0; dx < size; dx++) {
        const cx = Math.min(Math.max(dx, r), size - 1 - r), cy = Math.min(Math.max(dy, r), size - 1 - r);
        if ((dx - cx) ** 2 + (dy - cy) ** 2 <= r * r) g.data[(y + dy) * g.width + x + dx] = 70;
      }
    }
  }

  it('finds an app\'s icon, a solid square with a light symbol knocked out, beside its name; not a bold glyph, a solid square or a wide button', () => {
    const g = createGray(700, 360);
    badge(g, 20, 20, 41); // a speech bubble knocked out of a green square
    disc(g, 40, 38, 10);
    for (let y = 38; y < 54; y++) for (let x = 30; x < 36; x++) g.data[y * g.width + x] = 255;
    for (let y = 20; y < 61; y++) for (let x = 20; x < 61; x++) if (g.data[y * g.width + x] === 20) g.data[y * g.width + x] = 255;
    glyph(g, 76, 26); // its name, close beside it
    glyph(g, 108, 26);
    // 回 in a bold heading as tall: its outer square is a frame, an empty middle.
    fillRect(g, 20, 120, 41, 9); fillRect(g, 20, 152, 41, 9); fillRect(g, 20, 120, 9, 41); fillRect(g, 52, 120, 9, 41);
    fillRect(g, 34, 134, 13, 13);
    badge(g, 20, 200, 41); // a solid square, nothing knocked out (a disc's kin, not a badge)
    badge(g, 200, 20, 41); // a wide button with a word in it
    badge(g, 400, 20, 41);
    fillRect(g, 220, 20, 200, 41, 70);
    glyph(g, 280, 26);
    for (let y = 26; y < 54; y++) for (let x = 280; x < 308; x++) if (g.data[y * g.width + x] === 20) g.data[y * g.width + x] = 255;
    // A heavy D in a banner's heading, its counter a slot knocked out, beside letters as tall.
    badge(g, 20, 280, 41);
    fillRect(g, 32, 290, 12, 21, 255);
    fillRect(g, 68, 280, 30, 41);
    expect(findBadgeIcons(g, 29, markComponents(g).components)).toEqual([{ x: 20, y: 20, w: 41, h: 41 }]);
    expect(findBadgeIcons(g, 0, markComponents(g).components)).toEqual([]);
  });
});

describe('findCodes', () => {
  /** A QR-like square of `modules` × `modules` cells of `m` px, about half of them ink (seeded). */
  function qr(g: GrayRaster, x: number, y: number, modules: number, m: number): void {
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let r = 0; r < modules; r++) for (let c = 0; c < modules; c++) if (next() < 0.5) fillRect(g, x + c * m, y + r * m, m, m);
    fillRect(g, x, y, 7 * m, 7 * m); fillRect(g, x + m, y + m, 5 * m, 5 * m, 255); fillRect(g, x + 2 * m, y + 2 * m, 3 * m, 3 * m); // a finder
  }

  it('finds a QR code and a barcode, each box trimmed to its ink', () => {
    const g = createGray(700, 400);
    qr(g, 40, 40, 25, 5); // 125 px: about four lines of 28 px
    for (let i = 0; i < 60; i++) fillRect(g, 300 + i * 6, 60, i % 3 === 0 ? 4 : 2, 50); // bars 50 px tall
    glyph(g, 300, 20); // text just above the bars stays out of the box
    const codes = findCodes(g, 28);
    expect(codes).toContainEqual({ x: 40, y: 40, w: 125, h: 125 });
    expect(codes).toContainEqual({ x: 300, y: 60, w: 356, h: 50 });
    expect(codes).toHaveLength(2);
  });

  it('finds barcodes stacked closer than a cell apart each on its own (a payment slip\'s three), not text lines', () => {
    const g = createGray(700, 400);
    // Three barcodes 40 px tall, 6 px apart: their cells (14 px) join in one region.
    for (const [k, y] of [60, 106, 152].entries()) for (let i = 0; i < 60; i++) fillRect(g, 300 + i * 6, y, (i + k) % 3 === 0 ? 4 : 2, 40);
    expect(findCodes(g, 28)).toEqual([{ x: 300, y: 60, w: 356, h: 40 }, { x: 300, y: 106, w: 358, h: 40 }, { x: 300, y: 152, w: 356, h: 40 }]);
    // Lines of bold text as dense, 6 px apart, are no barcodes.
    const text = createGray(700, 400);
    for (let line = 0; line < 4; line++) for (let c = 0; c < 14; c++) {
      const x = 300 + c * 24, y = 60 + line * 30;
      fillRect(text, x + 8, y, 5, 24);
      for (const dy of [0, 10, 20]) fillRect(text, x, y + dy, 20, 4);
    }
    expect(findCodes(text, 28)).toEqual([]);
  });

  it('finds a barcode whose bars lean (a sheet turned or curling)', () => {
    const g = createGray(700, 200);
    // Bars 48 px tall leaning 2 px across over their height (a 2.4° turn).
    for (let i = 0; i < 60; i++) for (let y = 0; y < 48; y++) fillRect(g, 300 + i * 6 + Math.round((y * 2) / 48), 60 + y, i % 3 === 0 ? 3 : 2, 1);
    expect(findCodes(g, 28)).toHaveLength(1);
  });

  it('finds a barcode bent halfway down (the end of a curling receipt), its halves each bars', () => {
    const g = createGray(700, 200);
    // Bars 60 px tall, upright down their upper half, leaning 0.06 px across per px down their
    // lower half: down the whole height, neither upright nor leaning columns follow them.
    for (let i = 0; i < 60; i++) for (let y = 0; y < 60; y++) fillRect(g, 300 + i * 6 + Math.round(Math.max(0, y - 30) * 0.06), 60 + y, i % 3 === 0 ? 3 : 2, 1);
    expect(findCodes(g, 28)).toEqual([{ x: 300, y: 60, w: 357, h: 60 }]);
  });

  it('finds a QR code whose modules are larger than half a text line, not a square block of bold text', () => {
    const g = createGray(700, 400);
    qr(g, 40, 40, 13, 14); // 182 px, modules 14 px: cells of half a 20 px line fall on white modules
    // Bold 王-like glyphs 16 × 20 in six lines 30 px apart: as dense as the code, gaps between lines.
    for (let line = 0; line < 6; line++) {
      for (let c = 0; c < 8; c++) {
        const x = 400 + c * 22, y = 40 + line * 30;
        fillRect(g, x + 6, y, 4, 20);
        for (const dy of [0, 8, 16]) fillRect(g, x, y + dy, 16, 4);
      }
    }
    expect(findCodes(g, 20)).toEqual([{ x: 40, y: 40, w: 182, h: 182 }]);
  });

  it('leaves a bold heading a line and a half tall whose strokes run down it (a photo\'s blur filled it in)', () => {
    const g = createGray(400, 200);
    // Four glyphs of three strokes 5 px wide down their 28 px, capped top and bottom: 12 runs of
    // bars, 71 % of the inked columns bars, too few runs for a barcode's.
    for (let c = 0; c < 4; c++) {
      const x = 40 + c * 30;
      for (const dx of [0, 8, 16]) fillRect(g, x + dx, 60, 5, 28);
      fillRect(g, x, 60, 21, 4);
      fillRect(g, x, 84, 21, 4);
    }
    expect(findCodes(g, 20)).toEqual([]);
    // The same strokes 60 times over are a barcode.
    const bars = createGray(700, 200);
    for (let c = 0; c < 20; c++) for (const dx of [0, 8, 16]) fillRect(bars, 40 + c * 30 + dx, 60, 5, 28);
    expect(findCodes(bars, 20)).toHaveLength(1);
  });

  it('leaves bold text, a wide block of it, a solid block and a page without text lines', () => {
    const g = createGray(900, 500);
    for (let line = 0; line < 4; line++) for (let c = 0; c < 20; c++) fillRect(g, 20 + c * 30, 20 + line * 40, 26, 28, c % 2 ? 20 : 60); // bold lines
    fillRect(g, 20, 200, 200, 200); // a solid block (a photo's dark part)
    for (let i = 0; i < 12; i++) fillRect(g, 300 + i * 8, 300, 4, 20); // bars shorter than a line
    expect(findCodes(g, 28)).toEqual([]);
    expect(findCodes(g, 0)).toEqual([]);
  });
});

describe('darkenLightText', () => {
  /** A pale glyph (口, tone 170) 28 px tall at `x`, `y`. */
  function pale(g: GrayRaster, x: number, y: number, v = 170): void {
    fillRect(g, x, y, 20, 3, v); fillRect(g, x, y + 25, 20, 3, v); fillRect(g, x, y, 3, 28, v); fillRect(g, x + 17, y, 3, 28, v);
  }

  it('darkens a run of pale glyphs, not a pale sliver alone, dark text or what was painted white', () => {
    const g = createGray(500, 200);
    for (let i = 0; i < 3; i++) pale(g, 20 + i * 26, 20); // a placeholder
    fillRect(g, 300, 20, 2, 20, 170); // a bubble's edge
    glyph(g, 20, 100); // black text
    pale(g, 300, 100); pale(g, 326, 100); pale(g, 352, 100);
    const light = labelledInkComponents(g.data, g.width, g.height, OUTLINE_INK);
    fillRect(g, 300, 100, 80, 28, 255); // painted white since (icons, codes)
    expect(darkenLightText(g, 28, light)).toBe(3);
    expect(g.data[20 * 500 + 20]).toBe(40);
    expect(g.data[20 * 500 + 300]).toBe(170);
    expect(g.data[100 * 500 + 20]).toBe(20);
    expect(g.data[100 * 500 + 300]).toBe(255);
    expect(darkenLightText(createGray(50, 50), 0, light)).toBe(0);
  });
});

describe('leadingMarkInk', () => {
  /** A Chinese character's ink: 22 px wide from `x`, rows 40–63 (a frame round it). */
  const han = (g: GrayRaster, x: number) => { fillRect(g, x, 40, 22, 2); fillRect(g, x, 62, 22, 2); fillRect(g, x, 40, 2, 24); fillRect(g, x + 20, 40, 2, 24); };

  it('finds an opening quotation mark\'s ink high before the first character', () => {
    // “消: two commas 3 × 6 px at the top, then the character.
    const g = createGray(200, 100);
    fillRect(g, 20, 41, 3, 6);
    fillRect(g, 25, 41, 3, 6);
    han(g, 32);
    expect(leadingMarkInk(g, { x: 18, y: 40, w: 38, h: 24 })).toBe(true);
  });

  it('finds none before a character read with a “ from the blank before it, nor in the dots of a 氵 running down its height', () => {
    const blank = createGray(200, 100);
    han(blank, 32);
    expect(leadingMarkInk(blank, { x: 18, y: 40, w: 38, h: 24 })).toBe(false);
    // 氵: a dot at the top, one below it and a tick at the foot, apart from the rest of 消 by a
    // blank column and with no ink on the middle row.
    const water = createGray(200, 100);
    fillRect(water, 20, 41, 4, 4);
    fillRect(water, 20, 48, 4, 3);
    fillRect(water, 19, 56, 4, 7);
    han(water, 26);
    expect(leadingMarkInk(water, { x: 18, y: 40, w: 32, h: 24 })).toBe(false);
  });
});

describe('commasAbsorbed', () => {
  /**
   * A Chinese character's ink (28 px wide from x 80, rows 40–71) and, when given, a comma 6 px
   * wide and 12 tall from `x`, its head from row `top`.
   */
  const raster = (x?: number, top?: number) => {
    const g = createGray(200, 100);
    fillRect(g, 80, 40, 28, 3); fillRect(g, 80, 69, 28, 3); fillRect(g, 80, 40, 3, 32); fillRect(g, 105, 40, 3, 32);
    if (x !== undefined && top !== undefined) { fillRect(g, x, top, 6, 6); fillRect(g, x + 2, top + 6, 3, 6); }
    return g;
  };
  const texts = (g: GrayRaster, w: ReturnType<typeof word>) => commasAbsorbed(page([line([word('申請', 95, 10, 40, 60, 32), w], 80)]), g).words.map((o) => o.text);

  it('puts back a comma boxed into the character before it, at the middle of the line or at its foot', () => {
    for (const top of [51, 58]) expect(texts(raster(119, top), word('過', 61, 80, 40, 46, 32))).toEqual(['申請', '過，']);
  });

  it('leaves a stroke close to the character, and a word with a comma read after it', () => {
    expect(texts(raster(111, 51), word('過', 61, 80, 40, 40, 32))).toEqual(['申請', '過']);
    expect(commasAbsorbed(page([line([word('過', 61, 80, 40, 46, 32), word('，', 80, 119, 51, 6, 12)], 80)]), raster(119, 51)).words.map((o) => o.text)).toEqual(['過', '，']);
  });

  it('leaves a word read surely, boxed as its characters, ending in a mark at the top or in no mark', () => {
    expect(texts(raster(119, 51), word('過', 90, 80, 40, 46, 32))).toEqual(['申請', '過']);
    expect(texts(raster(119, 51), word('過', 61, 80, 40, 34, 32))).toEqual(['申請', '過']);
    expect(texts(raster(119, 40), word('過', 61, 80, 40, 46, 32))).toEqual(['申請', '過']);
    expect(texts(raster(), word('過', 61, 80, 40, 46, 32))).toEqual(['申請', '過']);
  });
});

describe('rulesReadIntoWords', () => {
  /** A table's row: rules down x 20 and x 200 from row 20 to row 80, text 24 px tall from row 38. */
  const row = (ruleHeight = 60) => {
    const g = createGray(240, 100);
    fillRect(g, 20, 50 - ruleHeight / 2, 2, ruleHeight);
    fillRect(g, 200, 50 - ruleHeight / 2, 2, ruleHeight);
    fillRect(g, 30, 38, 160, 24);
    return g;
  };
  const texts = (g: GrayRaster, h = 24) => rulesReadIntoWords(page([line([word('|專案補貼款|', 60, 18, 50 - h / 2, 186, h), word('NT$9,200', 90, 210, 38, 28, 24)], 60)]), g).words.map((w) => w.text);

  it('takes off a bar read at a word\'s start or end from a table\'s rule running past the text, the word boxed as tall as the rule or not', () => {
    expect(texts(row())).toEqual(['專案補貼款', 'NT$9,200']);
    expect(texts(row(), 60)).toEqual(['專案補貼款', 'NT$9,200']);
  });

  it('takes off a bar read where no ink runs down (a rule erased with its table)', () => {
    const g = createGray(240, 100);
    fillRect(g, 30, 38, 160, 24);
    expect(texts(g)).toEqual(['專案補貼款', 'NT$9,200']);
  });

  it('keeps a bar set in text, as tall as the text', () => {
    expect(texts(row(26))).toEqual(['|專案補貼款|', 'NT$9,200']);
  });
});

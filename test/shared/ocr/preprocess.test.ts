import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeImage } from '../../../electron/ocr/decode';
import {
  applyHomography,
  eraseSeals,
  eraseSolidShapes,
  estimateLineHeight,
  findPaneSeparators,
  findSidePanelEdge,
  panesTop,
  grainLevel,
  median3,
  findPaperMask,
  findSmallSheet,
  homography,
  findSkewAngle,
  findLineCurl,
  curlAt,
  flattenIllumination,
  invertDarkRegions,
  levelShadowBands,
  joinDots,
  liftHighlights,
  maxFilter,
  openDark,
  openDarkMask,
  MIN_LATIN_LINE_HEIGHT,
  mapBoxToSource,
  measureImage,
  keepColouredStrokes,
  labelledInkComponents,
  preprocess,
  rectifyPaper,
  removeSpeckles,
  spansBothWays,
  straightenColumns,
  whitenLightWallpaper,
} from '../../../shared/ocr/preprocess';
import { createGray, grayToRgba, resizeRgba, rgbaToChannelExtreme, rgbaToGray, rotateGray, type GrayRaster, type RgbaRaster } from '../../../shared/ocr/raster';

function fillRect(g: GrayRaster, x0: number, y0: number, w: number, h: number, v: number): void {
  for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) g.data[y * g.width + x] = v;
}

/** A rectangle with its corners rounded to radius `r`. */
function roundRect(g: GrayRaster, x0: number, y0: number, w: number, h: number, r: number, v: number): void {
  for (let y = 0; y < h; y++) {
    const dy = y < r ? r - y : y >= h - r ? y - (h - r - 1) : 0;
    const inset = Math.ceil(r - Math.sqrt(Math.max(0, r * r - dy * dy)));
    fillRect(g, x0 + inset, y0 + y, w - 2 * inset, 1, v);
  }
}

/** A glyph drawn as strokes (a hollow box like 口, 2 px thick), not a solid block. */
function strokeGlyph(g: GrayRaster, x0: number, y0: number, w: number, h: number, v: number): void {
  fillRect(g, x0, y0, w, 2, v);
  fillRect(g, x0, y0 + h - 2, w, 2, v);
  fillRect(g, x0, y0, 2, h, v);
  fillRect(g, x0 + w - 2, y0, 2, h, v);
}

/** A page of "text": lines of glyph-sized dark blocks with gaps, like a printed paragraph. */
function textPage(width: number, height: number, lineHeight: number, lines: number): GrayRaster {
  const g = createGray(width, height);
  for (let l = 0; l < lines; l++) {
    const y = 60 + l * lineHeight * 2;
    for (let x = 60; x < width - 80; x += Math.round(lineHeight * 1.1)) {
      if ((x / lineHeight) % 7 < 1) continue; // word gaps
      fillRect(g, x, y, Math.round(lineHeight * 0.8), lineHeight, 20);
    }
  }
  return g;
}

describe('findSkewAngle', () => {
  it.each([-7, -2.5, 0, 1.2, 4])('finds a page rotated by %f°', (deg) => {
    const page = rotateGray(textPage(900, 700, 18, 12), deg);
    expect(Math.abs(findSkewAngle(page) - deg)).toBeLessThan(0.3);
  });
});

/**
 * textPage's lines, each column x of the line at y drawn `bend(x, y)` px lower: a sheet whose lines wave.
 * Glyphs are hollow (strokes), as print is.
 */
function bentPage(width: number, height: number, lineHeight: number, lines: number, bend: (x: number, y: number) => number, pitch = 2): GrayRaster {
  const g = createGray(width, height);
  const glyph = Math.round(lineHeight * 0.8);
  for (let l = 0; l < lines; l++) {
    const y = 60 + l * Math.round(lineHeight * pitch);
    for (let x0 = 60; x0 < width - 80; x0 += Math.round(lineHeight * 1.1)) {
      if ((x0 / lineHeight) % 7 < 1) continue;
      for (let x = x0; x < x0 + glyph; x++) {
        const top = y + Math.round(bend(x, y));
        const edge = x - x0 < 2 || x0 + glyph - x <= 2;
        for (let yy = top; yy < top + lineHeight; yy++) if (edge || yy - top < 2 || top + lineHeight - yy <= 2 || yy - top === lineHeight >> 1) g.data[yy * width + x] = 20;
      }
    }
  }
  return g;
}

/** The first row with ink in column x of `g` at or below `from`. */
function inkTop(g: GrayRaster, x: number, from: number): number {
  for (let y = from; y < g.height; y++) if (g.data[y * g.width + x]! < 128) return y;
  return -1;
}

describe('findLineCurl', () => {
  const lh = 24;
  // A wave of 10 px each way, two waves across the sheet: each line rises and falls by 20 px.
  const bend = (x: number) => 10 * Math.sin((2 * Math.PI * x) / 450);

  it('finds how far a waving sheet moved each column, and straightenColumns puts its lines straight', () => {
    const page = bentPage(900, 700, lh, 10, bend);
    const curl = findLineCurl(page, lh)!;
    expect(curl).toBeDefined();
    // Up to a constant (the page's lines are measured from their mean), over the text's columns.
    const xs = Array.from({ length: 36 }, (_, i) => 80 + i * 20);
    for (const y of [100, 350, 600]) {
      const offset = xs.reduce((a, x) => a + bend(x) - curlAt(curl, x, y), 0) / xs.length;
      for (const x of xs) expect(Math.abs(curlAt(curl, x, y) - (bend(x) - offset))).toBeLessThan(3);
    }
    const straight = straightenColumns(page, curl);
    // A line's top lies on one row across the sheet, give or take a pixel or two; it moved 20.
    const glyphColumns = xs.filter((x) => inkTop(page, x, 30) >= 0 && inkTop(page, x, 30) < 110);
    const tops = glyphColumns.map((x) => inkTop(straight, x, 30));
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(3);
    const before = glyphColumns.map((x) => inkTop(page, x, 30));
    expect(Math.max(...before) - Math.min(...before)).toBeGreaterThanOrEqual(16);
  });

  it('follows a sheet that waves and bends one way at its top and the other way lower down', () => {
    // Waving 8 px each way; besides, rising to the right by 12 px in the first lines, falling by 12 px in the last.
    const tilt = (x: number, y: number) => 8 * Math.sin((2 * Math.PI * x) / 450) + ((x - 450) / 450) * 12 * Math.max(-1, Math.min(1, (500 - y) / 300));
    const page = bentPage(900, 1300, lh, 24, tilt);
    const curl = findLineCurl(page, lh)!;
    expect(curl.rows.length).toBeGreaterThan(3);
    const straight = straightenColumns(page, curl);
    // A column through the middle of each glyph (see bentPage).
    const xs: number[] = [];
    for (let x0 = 60; x0 < 900 - 80; x0 += Math.round(lh * 1.1)) if ((x0 / lh) % 7 >= 1) xs.push(x0 + 9);
    for (const line of [0, 12, 23]) {
      const y = 60 + line * 2 * lh;
      // The straightened line lies within half a line of where it was drawn before it bent.
      const tops = xs.map((x) => inkTop(straight, x, y - 12));
      expect(Math.max(...tops)).toBeLessThan(y + 12);
      expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(4);
    }
  });

  it('leaves straight lines, and lines bent less than a fifth of their height, alone', () => {
    expect(findLineCurl(bentPage(900, 700, lh, 10, () => 0), lh)).toBeUndefined();
    expect(findLineCurl(bentPage(900, 700, lh, 10, (x) => 2 * Math.sin((2 * Math.PI * x) / 450)), lh)).toBeUndefined();
  });

  it('leaves alone two columns of text side by side whose lines do not line up', () => {
    const page = bentPage(900, 900, lh, 0, () => 0);
    const column = (x0: number, x1: number, pitch: number, top: number) => {
      for (let y = top; y + lh < 880; y += Math.round(lh * pitch)) for (let x = x0; x < x1; x += 26) strokeGlyph(page, x, y, 19, lh, 20);
    };
    column(40, 420, 2, 40);
    column(480, 860, 1.5, 55);
    expect(findLineCurl(page, lh)).toBeUndefined();
  });

  it('leaves alone a flat page whose last row holds two fields a little apart in height', () => {
    // A contract's foot: 用戶簽章：____ on the left, 經辦人員：____ 10 px lower on the right.
    const page = bentPage(900, 900, lh, 1, () => 0);
    for (let x = 60; x < 400; x += 26) strokeGlyph(page, x, 700, 19, lh, 20);
    for (let x = 500; x < 840; x += 26) strokeGlyph(page, x, 710, 19, lh, 20);
    expect(findLineCurl(page, lh)).toBeUndefined();
  });

  it('leaves alone a sheet too narrow for the strips to show a bend', () => {
    expect(findLineCurl(bentPage(160, 700, lh, 10, bend), lh)).toBeUndefined();
  });

  it('maps a word found on the straightened sheet back to where it lies on the photo', () => {
    let seed = 11;
    const page = bentPage(900, 700, lh, 10, bend);
    // Grain and a dim light, as a phone's camera sees paper.
    for (let i = 0; i < page.data.length; i++) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; page.data[i] = Math.max(0, Math.min(255, page.data[i]! * 0.6 + 60 + (seed % 41) - 20)); }
    const result = preprocess(grayToRgba(page));
    expect(result.steps.map((s) => s.name)).toContain('straighten-lines');
    // The first line's glyph at x 150–169 (its middle at the wave's crest, 10 px low).
    const straightTop = inkTop(result.raster, Math.round(160 * result.scale), 30);
    const back = mapBoxToSource({ x: Math.round(150 * result.scale), y: straightTop, w: Math.round(19 * result.scale), h: Math.round(lh * result.scale) }, result);
    expect(Math.abs(back.y - (60 + Math.round(bend(160))))).toBeLessThanOrEqual(3);
  });
});

describe('grain', () => {
  it('takes the 3 × 3 median of every pixel inside the border', () => {
    const g = createGray(37, 23);
    let seed = 5;
    for (let i = 0; i < g.data.length; i++) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; g.data[i] = seed % 256; }
    const out = median3(g);
    for (let y = 1; y < 22; y++) for (let x = 1; x < 36; x++) {
      const win = [-1, 0, 1].flatMap((dy) => [-1, 0, 1].map((dx) => g.data[(y + dy) * 37 + x + dx]!)).sort((a, b) => a - b);
      expect(out.data[y * 37 + x]).toBe(win[4]);
    }
    expect(out.data[0]).toBe(g.data[0]);
  });

  it('measures a dim photo\'s grain above a clean page\'s, and the pipeline smooths only the grainy one', () => {
    const clean = textPage(600, 400, 20, 5);
    const grainy = textPage(600, 400, 20, 5);
    let seed = 7;
    for (let i = 0; i < grainy.data.length; i++) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; grainy.data[i] = Math.max(0, Math.min(255, grainy.data[i]! * 0.55 + (seed % 61) - 30)); }
    expect(grainLevel(clean)).toBeLessThan(1);
    expect(grainLevel(grainy)).toBeGreaterThan(9);
    expect(preprocess(grayToRgba(grainy)).steps.map((s) => s.name)).toContain('denoise');
  });
});

describe('findSidePanelEdge', () => {
  it('finds the left edge of a card in the left half beside a page\'s text, its longest run, and no edge too short or at the right', () => {
    // A grey page (tone 242) with a white menu card (x 100…300, rows 200…700) and a white content card right of it.
    const g = createGray(1200, 1000, 242);
    fillRect(g, 100, 200, 200, 500, 255);
    fillRect(g, 340, 150, 800, 800, 255);
    for (let i = 0; i < 4; i++) strokeGlyph(g, 130 + i * 30, 260, 20, 24, 30);
    // The card's edge: the page's grey column 2 px from its white (x 338), down the card's 800 rows.
    expect(findSidePanelEdge(g, 300)).toEqual({ x: 338, y0: 150, y1: 950 });
    expect(findSidePanelEdge(g, 900)).toBeUndefined();
    // The content card alone past the middle: no edge in the left half.
    const right = createGray(1200, 1000, 242);
    fillRect(right, 700, 150, 400, 800, 255);
    expect(findSidePanelEdge(right, 300)).toBeUndefined();
  });
});

describe('findPaneSeparators', () => {
  it('finds the rule between a tablet\'s two panes and the edge of a web page\'s grey menu, not a table\'s rule or text', () => {
    // Panes: a grey list (tone 238) left of a rule at x 300 (tone 186), the chat (white) right of it.
    const g = createGray(1000, 400);
    fillRect(g, 0, 0, 300, 400, 238);
    fillRect(g, 300, 0, 2, 400, 186);
    for (let i = 0; i < 6; i++) strokeGlyph(g, 40 + i * 30, 60, 20, 24, 30);
    for (let i = 0; i < 6; i++) strokeGlyph(g, 360 + i * 30, 60, 20, 24, 30);
    expect(findPaneSeparators(g)).toEqual([301]);
    // A menu's grey panel ending at x 200: its edge is the line.
    const menu = createGray(1000, 400);
    fillRect(menu, 0, 0, 200, 400, 242);
    expect(findPaneSeparators(menu)).toEqual([200]);
    // A table's rule that stops short of the page's top and bottom, and text crossing a rule, part nothing.
    const table = createGray(1000, 400);
    fillRect(table, 400, 40, 1, 320, 120);
    const crossed = createGray(1000, 400);
    fillRect(crossed, 400, 0, 1, 400, 120);
    fillRect(crossed, 380, 100, 40, 30, 20);
    expect(findPaneSeparators(table)).toEqual([]);
    expect(findPaneSeparators(crossed)).toEqual([]);
  });

  it('finds the rule between two panes that starts below a title bar spanning both', () => {
    // A tablet's status and title bars (white, 90 rows of 1000) above the panes; the rule below them.
    const g = createGray(1000, 1000);
    fillRect(g, 0, 90, 300, 910, 238);
    fillRect(g, 300, 90, 2, 910, 186);
    for (let i = 0; i < 6; i++) strokeGlyph(g, 40 + i * 30, 40, 20, 24, 30);
    for (let i = 0; i < 6; i++) strokeGlyph(g, 700 + i * 30, 40, 20, 24, 30);
    expect(findPaneSeparators(g)).toEqual([301]);
    // The panes start below the bars, which are read across them.
    expect(panesTop(g, [301])).toBe(90);
    // A rule from the top has no band above it.
    const full = createGray(1000, 1000);
    fillRect(full, 300, 0, 2, 1000, 186);
    expect(panesTop(full, findPaneSeparators(full))).toBe(0);
    // The same rule broken twice by text across it is no pane's edge.
    fillRect(g, 280, 300, 60, 30, 20);
    fillRect(g, 280, 650, 60, 30, 20);
    expect(findPaneSeparators(g)).toEqual([]);
  });
});

describe('estimateLineHeight', () => {
  it.each([12, 20, 30])('measures lines %ipx tall', (h) => {
    expect(Math.abs(estimateLineHeight(textPage(800, 900, h, 8)) - h)).toBeLessThanOrEqual(1);
  });

  it('measures the lines of a page inside a dark frame (a document viewer\'s grey margins)', () => {
    const g = textPage(800, 900, 14, 8);
    fillRect(g, 0, 0, 40, 900, 80);
    fillRect(g, 770, 0, 30, 900, 80);
    expect(Math.abs(estimateLineHeight(g) - 14)).toBeLessThanOrEqual(1);
  });

  it('measures the lines of a list whose rows end in an icon as tall as both their lines', () => {
    // Rows of a name (28 px) over a detail (22 px), 14 px apart; a ring icon 50 px tall at the
    // right end of each row spans both lines and the gap between them.
    const g = createGray(1000, 900);
    for (let r = 0; r < 6; r++) {
      const y = 40 + r * 130;
      for (let x = 40; x < 400; x += 32) fillRect(g, x, y, 26, 28, 20);
      for (let x = 40; x < 250; x += 24) fillRect(g, x, y + 42, 20, 22, 20);
      fillRect(g, 930, y + 10, 4, 50, 20);
      fillRect(g, 960, y + 10, 4, 50, 20);
    }
    expect(estimateLineHeight(g)).toBeLessThanOrEqual(29);
    expect(estimateLineHeight(g)).toBeGreaterThanOrEqual(21);
  });

  it('measures the text of a ruled table, not the pitch of its rows', () => {
    // Six rows 60 px apart between rules, text 20 px tall, three vertical rules from top to bottom.
    const g = createGray(900, 500);
    for (let r = 0; r <= 6; r++) fillRect(g, 40, 60 + r * 60, 820, 2, 30);
    for (const x of [40, 220, 858]) fillRect(g, x, 60, 2, 362, 30);
    for (let r = 0; r < 6; r++) {
      for (let x = 60; x < 180; x += 24) fillRect(g, x, 80 + r * 60, 20, 20, 20);
      for (let x = 240; x < 440; x += 24) fillRect(g, x, 80 + r * 60, 20, 20, 20);
    }
    expect(Math.abs(estimateLineHeight(g) - 20)).toBeLessThanOrEqual(1);
  });

  it('measures the text of a page beside a strip of thumbnails drawn as many thin bars', () => {
    // Six lines 18 px tall on the right; on the left, 21 bars 4 px tall, 80 px long, 16 px apart.
    const g = createGray(1000, 800);
    for (let l = 0; l < 6; l++) for (let x = 300; x < 900; x += 20) fillRect(g, x, 60 + l * 40, 16, 18, 20);
    for (let k = 0; k < 21; k++) fillRect(g, 30, 20 + k * 36, 80, 4, 20);
    expect(Math.abs(estimateLineHeight(g) - 18)).toBeLessThanOrEqual(1);
  });
});

describe('flattenIllumination', () => {
  // Paper lit from the left (white fading to mid-grey) with printed text on it.
  function shadedPage(width: number, height: number): GrayRaster {
    const page = textPage(width, height, 14, 6);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const light = 1 - 0.55 * (x / width);
        page.data[y * width + x] = page.data[y * width + x]! * light;
      }
    }
    return page;
  }

  it.each<[string, number, number, number, number]>([
    ['small page, default window', 360, 420, 0, 235],
    ['wide page (downsampled background)', 1300, 420, 0, 235],
    // A window wider than the page sees one background level: nothing to flatten, nothing lost.
    ['window larger than the page', 300, 260, 900, 115],
  ])('turns shaded paper white and keeps the text dark: %s', (_name, width, height, window, rightPaper) => {
    const page = shadedPage(width, height);
    const flat = flattenIllumination(page, window);
    const ink = (g: GrayRaster, x: number, y: number) => g.data[y * g.width + x]!;
    // Right-hand paper, once grey (≈ 115), is near white again; a text block stays dark.
    expect(ink(page, width - 20, 20)).toBeLessThan(130);
    expect(ink(flat, width - 20, 20)).toBeGreaterThanOrEqual(rightPaper);
    expect(ink(flat, 5, 20)).toBeGreaterThan(245);
    expect(ink(flat, 65, 65)).toBeLessThan(60);
  });

  it('keeps a dark band wider than its window dark, with its light text (a scanned bill\'s header), instead of flattening it away', () => {
    const page = textPage(880, 520, 14, 8);
    fillRect(page, 0, 0, 880, 120, 40);
    for (let i = 0; i < 8; i++) strokeGlyph(page, 40 + i * 30, 40, 20, 26, 250);
    const flat = flattenIllumination(page);
    expect(flat.data[20 * 880 + 600]).toBeLessThan(128); // the band
    expect(flat.data[50 * 880 + 41]).toBeGreaterThan(200); // its light text
    expect(flat.data[300 * 880 + 5]).toBeGreaterThan(245); // the paper
  });

  it('keeps a photographed page\'s dark title bar, taller than two windows, evenly dark across its height: only the page is paper', () => {
    // A grey page (215) on a dark desk (30) with a bar (65) across its top, 110 px tall where
    // the window is 22 px: a third as light as the page, above the floor of the dark area.
    const g = createGray(880, 600);
    g.data.fill(30);
    const page = { x: 80, y: 60, w: 720, h: 480 };
    fillRect(g, page.x, page.y, page.w, page.h, 215);
    fillRect(g, page.x, page.y, page.w, 110, 65);
    for (let i = 0; i < 6; i++) strokeGlyph(g, 120 + i * 30, 100, 20, 26, 250);
    for (let l = 0; l < 6; l++) for (let i = 0; i < 12; i++) strokeGlyph(g, 120 + i * 30, 220 + l * 44, 20, 22, 40);
    const mask = new Uint8Array(g.width * g.height);
    for (let y = page.y; y < page.y + page.h; y++) mask.fill(1, y * g.width + page.x, y * g.width + page.x + page.w);
    const flat = flattenIllumination(g, 0, mask);
    const at = (x: number, y: number) => flat.data[y * g.width + x]!;
    // The bar's middle row, two windows from the page below and the desk above, is as dark as
    // its rows beside the page.
    expect(at(600, 112)).toBeLessThan(128);
    expect(Math.abs(at(600, 112) - at(600, 165))).toBeLessThan(25);
    expect(at(121, 112)).toBeGreaterThan(200); // its light text
    expect(at(600, 400)).toBeGreaterThan(245); // the page
    expect(at(100, 280)).toBeGreaterThan(245); // the page near its edge
    expect(at(20, 300)).toBeGreaterThan(60); // the desk, not paper, lifted to the floor as before
  });
});

describe('labelledInkComponents', () => {
  /** The 4-connected components of the pixels ≤ t, by flood fill: a label per pixel (−1 light). */
  const reference = (data: Uint8ClampedArray, w: number, h: number, t: number): Int32Array => {
    const labels = new Int32Array(w * h).fill(-1);
    let next = 0;
    for (let i = 0; i < w * h; i++) {
      if (data[i]! > t || labels[i]! >= 0) continue;
      const stack = [i];
      labels[i] = next;
      while (stack.length) {
        const k = stack.pop()!;
        const x = k % w, y = (k - x) / w;
        for (const [nx, ny] of [[x - 1, y], [x + 1, y], [x, y - 1], [x, y + 1]] as const) {
          const j = ny * w + nx;
          if (nx < 0 || ny < 0 || nx >= w || ny >= h || data[j]! > t || labels[j]! >= 0) continue;
          labels[j] = next;
          stack.push(j);
        }
      }
      next++;
    }
    return labels;
  };

  it.each([0.3, 0.5, 0.6, 0.75])('partitions random pixels (%s dark) as a flood fill does, with boxes and counts', (share) => {
    let seed = Math.round(share * 1000);
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const w = 53, h = 41;
    const data = Uint8ClampedArray.from({ length: w * h }, () => (random() < share ? 20 : 230));
    const { labels, components } = labelledInkComponents(data, w, h, 128);
    const expected = reference(data, w, h, 128);
    // The same partition: a one-to-one map between the two labellings.
    const map = new Map<number, number>(), back = new Map<number, number>();
    for (let i = 0; i < w * h; i++) {
      expect(labels[i]! < 0).toBe(expected[i]! < 0);
      if (labels[i]! < 0) continue;
      expect(map.get(labels[i]!) ?? expected[i]).toBe(expected[i]);
      expect(back.get(expected[i]!) ?? labels[i]).toBe(labels[i]);
      map.set(labels[i]!, expected[i]!);
      back.set(expected[i]!, labels[i]!);
    }
    expect(components.length).toBe(new Set(expected.filter((l) => l >= 0)).size);
    for (const c of components) {
      let n = 0, x0 = w, y0 = h, x1 = -1, y1 = -1;
      for (let i = 0; i < w * h; i++) {
        if (labels[i] !== c.label) continue;
        const x = i % w, y = (i - x) / w;
        n++; x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
      }
      expect(c).toEqual({ label: c.label, n, box: { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 } });
    }
  });

  it('joins the arms of a U that meet only at its bottom, and a hook around it, and keeps a bar inside apart', () => {
    const rows = ['#.#.###', '#.#...#', '#.#.#.#', '#...#.#', '#####.#', '......#', '#######'];
    const w = rows[0]!.length, h = rows.length;
    const data = Uint8ClampedArray.from(rows.join(''), (ch) => (ch === '#' ? 0 : 255));
    const { components } = labelledInkComponents(data, w, h, 0);
    expect(components.map((c) => c.n).sort((a, b) => a - b)).toEqual([3, 11, 15]);
  });
});

describe('maxFilter', () => {
  /** The definition: the maximum over the window clamped to the raster. */
  function reference(g: GrayRaster, r: number): number[] {
    const out: number[] = [];
    for (let y = 0; y < g.height; y++) {
      for (let x = 0; x < g.width; x++) {
        let m = 0;
        for (let yy = Math.max(0, y - r); yy <= Math.min(g.height - 1, y + r); yy++) {
          for (let xx = Math.max(0, x - r); xx <= Math.min(g.width - 1, x + r); xx++) m = Math.max(m, g.data[yy * g.width + xx]!);
        }
        out.push(m);
      }
    }
    return out;
  }

  it.each<[number, number, number]>([
    [37, 23, 1],
    [37, 23, 4],
    [16, 40, 7],
    [9, 5, 12],
    [1, 30, 3],
  ])('matches the windowed maximum on a %i×%i noise raster, radius %i', (width, height, r) => {
    const g = createGray(width, height);
    let seed = width * 7919 + height * 104729 + r;
    for (let i = 0; i < g.data.length; i++) { seed = (seed * 1103515245 + 12345) % 2147483648; g.data[i] = (seed >> 16) & 255; }
    expect(Array.from(maxFilter(g, r).data)).toEqual(reference(g, r));
  });
});

describe('openDarkMask', () => {
  /** Blocks of grey on white with noise over them, a black block and black strips along two edges: shapes wide enough to survive an opening, edges and specks that do not. */
  function blocks(width: number, height: number, seed: number): GrayRaster {
    const g = createGray(width, height);
    const next = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed >> 8; };
    g.data.fill(255);
    for (let n = 0; n < Math.max(2, (width * height) / 120); n++) {
      const x = next() % width, y = next() % height, w = 1 + (next() % 24), h = 1 + (next() % 18), v = next() % 3 ? next() % 256 : 0;
      for (let yy = y; yy < Math.min(height, y + h); yy++) for (let xx = x; xx < Math.min(width, x + w); xx++) g.data[yy * width + xx] = v;
    }
    for (let i = 0; i < g.data.length; i++) if (next() % 7 === 0) g.data[i] = next() % 256;
    // One black block that any of these openings keeps.
    for (let y = 0; y < Math.min(height, 10); y++) for (let x = width - Math.min(width, 10); x < width; x++) g.data[y * width + x] = 0;
    // Strips along the left and bottom edges, narrower than the square: kept as far as the raster's edge counts as dark.
    for (let y = 0; y < height; y++) for (let x = 0; x < Math.min(width, 3); x++) g.data[y * width + x] = 0;
    for (let y = Math.max(0, height - 3); y < height; y++) for (let x = 0; x < width; x++) g.data[y * width + x] = 0;
    return g;
  }

  it.each<[number, number, number, number]>([
    [37, 23, 2, 128],
    [32, 40, 2, 90],
    [64, 31, 4, 200],
    [95, 57, 1, 160],
    [33, 70, 4, 0],
    [7, 9, 2, 128],
    [130, 44, 3, 254],
  ])('keeps the pixels of a %i×%i raster that openDark thresholded keeps (radius %i, tone %i)', (width, height, r, t) => {
    const g = blocks(width, height, width * 31 + height * 17 + r + t);
    const opened = openDark(g, r).data;
    const want = Array.from(opened, (v) => (v <= t ? 0 : 255));
    expect(want.filter((v) => v === 0).length).toBeGreaterThan(0);
    expect(Array.from(openDarkMask(g, t, r))).toEqual(want);
  });
});

describe('invertDarkRegions', () => {
  it('turns a dark bar with light text into dark text on white, leaving the rest alone', () => {
    const g = createGray(300, 160);
    fillRect(g, 20, 40, 260, 60, 50); // dark date bar
    for (let i = 0; i < 6; i++) fillRect(g, 40 + i * 40, 55, 14, 28, 245); // light "glyphs"
    fillRect(g, 30, 120, 12, 24, 10); // an ordinary dark glyph below the bar
    const { raster, regions } = invertDarkRegions(g);
    expect(regions).toHaveLength(1);
    expect(regions[0]!.box).toEqual({ x: 20, y: 40, w: 260, h: 60 });
    expect(raster.data[45 * 300 + 25]).toBeGreaterThan(240); // bar background → white
    expect(raster.data[60 * 300 + 45]).toBeLessThan(20); // glyph → dark
    expect(raster.data[130 * 300 + 35]).toBe(10); // glyph outside the bar untouched
    expect(raster.data[5 * 300 + 5]).toBe(255); // page untouched
  });

  it('whitens a see-through date bar\'s faint shapes apart from its text, not on a dark page', () => {
    // A date bar over a wallpaper: a ring a little lighter than the bar shows through it, under
    // and beside its light glyphs.
    const bar = (w: number, h: number, box: { x: number; y: number; w: number; h: number }) => {
      const g = createGray(w, h);
      fillRect(g, box.x, box.y, box.w, box.h, 90);
      for (let x = box.x + 10; x < box.x + box.w - 10; x++) for (const y of [box.y + 44, box.y + 45]) g.data[y * w + x] = 105;
      for (let i = 0; i < 6; i++) fillRect(g, box.x + 20 + i * 40, box.y + 15, 14, 28, 245);
      return g;
    };
    const small = invertDarkRegions(bar(1200, 800, { x: 100, y: 100, w: 260, h: 60 })).raster;
    expect(small.data[145 * 1200 + 115]).toBe(255); // the ring, away from the glyphs
    expect(small.data[144 * 1200 + 125]).toBeLessThan(255); // the ring under a glyph's foot
    expect(small.data[130 * 1200 + 125]).toBeLessThan(20); // a glyph
    // A dark-mode page: its faint grey text is no wallpaper.
    const page = invertDarkRegions(bar(300, 160, { x: 0, y: 0, w: 300, h: 160 })).raster;
    expect(page.data[45 * 300 + 15]).toBeLessThan(240);
  });

  it('leaves dark text on a mid-grey bubble alone (the region is not uniform)', () => {
    const g = createGray(300, 160);
    fillRect(g, 20, 20, 260, 120, 120);
    for (let i = 0; i < 6; i++) fillRect(g, 40 + i * 40, 50, 14, 28, 0);
    expect(invertDarkRegions(g).regions).toHaveLength(0);
  });

  it('takes a bold glyph (strokes 6 px thick around its counters) for text, not for a dark region', () => {
    const g = createGray(300, 160);
    fillRect(g, 40, 40, 32, 34, 13); // 口 in bold…
    fillRect(g, 46, 46, 20, 22, 255); // …its counter
    fillRect(g, 60, 40, 4, 34, 13); // and a stroke down it
    expect(invertDarkRegions(g).regions).toEqual([]);
    expect(invertDarkRegions(g).raster.data[42 * 300 + 42]).toBe(13);
  });

  it('inverts a document viewer\'s dark frame around the page, with the light file name on its toolbar', () => {
    // A 600×400 frame of tone 60, a toolbar of 42 with light "glyphs", a white page filling most
    // of it with dark ones: the frame's pixels are under half of its box, all of them solid.
    const g = createGray(600, 400, 60);
    fillRect(g, 0, 0, 600, 40, 42);
    for (let i = 0; i < 6; i++) fillRect(g, 20 + i * 20, 12, 12, 16, 230);
    fillRect(g, 120, 60, 400, 340, 255);
    for (let i = 0; i < 8; i++) fillRect(g, 160 + i * 30, 100, 18, 20, 20);
    const { raster, regions } = invertDarkRegions(g);
    expect(regions).toHaveLength(1);
    expect(raster.data[200 * 600 + 40]).toBeGreaterThan(240); // the frame → white
    expect(raster.data[20 * 600 + 25]).toBeLessThan(40); // the file name → dark
    expect(raster.data[110 * 600 + 165]).toBe(20); // the page's text untouched
    expect(raster.data[300 * 600 + 300]).toBe(255);
  });

  it('inverts a slanted dark band across a photographed sheet (sparse over its box, solid) with its light title', () => {
    // The band drops 10 px every 100 (a sheet turned 5.7°): 720 × 50, its box 720 × 122.
    const g = createGray(800, 400, 235);
    const top = (x: number) => 60 + Math.round(((x - 40) * 10) / 100);
    for (let x = 40; x < 760; x++) for (let y = top(x); y < top(x) + 50; y++) g.data[y * 800 + x] = 70;
    for (let i = 0; i < 6; i++) for (let x = 80 + i * 30; x < 96 + i * 30; x++) for (let y = top(x) + 15; y < top(x) + 35; y++) if (x % 16 < 3 || y === top(x) + 15 || y === top(x) + 34) g.data[y * 800 + x] = 240;
    const { raster, regions } = invertDarkRegions(g, 0, undefined, false, true);
    expect(regions).toHaveLength(1);
    expect(raster.data[(top(400) + 5) * 800 + 400]).toBeGreaterThan(235); // the band → white
    expect(raster.data[(top(80) + 20) * 800 + 80]).toBeLessThan(60); // its title → dark
  });

  it('inverts a photographed band whose tone falls off with the light (std 32) on a photo only', () => {
    const g = createGray(800, 300, 235);
    for (let x = 40; x < 760; x++) for (let y = 60; y < 120; y++) g.data[y * 800 + x] = 50 + Math.round((x - 40) * 110 / 720);
    for (let i = 0; i < 6; i++) strokeGlyph(g, 80 + i * 30, 75, 16, 30, 250);
    expect(invertDarkRegions(g, 0, undefined, false, true).regions).toHaveLength(1);
    expect(invertDarkRegions(g).regions).toHaveLength(0);
  });

  it('inverts a whole dark-mode screen', () => {
    const g = createGray(200, 120, 18);
    for (let i = 0; i < 5; i++) fillRect(g, 20 + i * 30, 40, 12, 24, 235);
    const { raster, regions } = invertDarkRegions(g);
    expect(regions).toHaveLength(1);
    expect(raster.data[10 * 200 + 10]).toBeGreaterThan(240);
    expect(raster.data[50 * 200 + 25]).toBeLessThan(30);
  });
});

describe('invertDarkRegions around panels', () => {
  /** A 400×300 page of `page` tone: two light panels with dark "glyphs", a dark bar with light ones, dark glyphs on the page. */
  function panelPage(page: number, panel: number): GrayRaster {
    const g = createGray(400, 300, page);
    fillRect(g, 20, 20, 240, 80, panel); // a bubble
    fillRect(g, 140, 120, 240, 80, panel); // another
    for (let i = 0; i < 5; i++) { fillRect(g, 40 + i * 40, 45, 14, 28, 20); fillRect(g, 160 + i * 40, 145, 14, 28, 20); }
    fillRect(g, 140, 236, 120, 36, 50); // a date bar…
    for (let i = 0; i < 3; i++) strokeGlyph(g, 150 + i * 40, 242, 12, 24, 250); // …with light glyphs
    fillRect(g, 30, 150, 10, 20, 40); // a time printed on the page
    return g;
  }

  it('whitens a mid-tone page background around light bubbles, keeping all dark text dark and inverting the bars on it', () => {
    const { raster, regions, backgrounds } = invertDarkRegions(panelPage(160, 255));
    expect(backgrounds).toHaveLength(1);
    expect(raster.data[5 * 400 + 5]).toBeGreaterThan(250); // page → white
    expect(raster.data[155 * 400 + 35]).toBeLessThan(80); // the time on the page stays dark
    expect(raster.data[30 * 400 + 30]).toBe(255); // bubble untouched
    expect(raster.data[50 * 400 + 45]).toBe(20); // its text untouched
    expect(regions.map((r) => r.box)).toEqual([{ x: 140, y: 236, w: 120, h: 36 }]);
    expect(raster.data[238 * 400 + 145]).toBeGreaterThan(240); // bar → white
    expect(raster.data[250 * 400 + 151]).toBeLessThan(20); // its glyph → dark
  });

  it('darkens the white text of a date pill barely darker than a mid-tone page (LINE\'s blue-grey), leaving specks white', () => {
    const g = panelPage(160, 255);
    fillRect(g, 140, 236, 120, 36, 140); // a pill only 20 levels darker than the page…
    for (let i = 0; i < 3; i++) strokeGlyph(g, 150 + i * 40, 242, 12, 24, 255); // …with white text
    for (let i = 0; i < 4; i++) g.data[(215 + i * 3) * 400 + 300 + i * 7] = 255; // lone white specks (a JPEG's ringing)
    const { raster, backgrounds } = invertDarkRegions(g);
    expect(backgrounds).toHaveLength(1);
    expect(raster.data[250 * 400 + 151]).toBeLessThan(60); // the pill's text → dark
    expect(raster.data[238 * 400 + 145]).toBeGreaterThan(220); // the pill → light
    expect(raster.data[5 * 400 + 5]).toBeGreaterThan(240); // page → white
    expect(raster.data[155 * 400 + 35]).toBeLessThan(80); // the time on the page stays dark
    expect(raster.data[50 * 400 + 45]).toBe(20); // bubble text untouched
    expect(raster.data[215 * 400 + 300]).toBe(255); // a speck stays white
  });

  it('inverts a dark screen around a white picture but leaves the picture as it is', () => {
    const { raster, regions, backgrounds } = invertDarkRegions(panelPage(18, 255));
    expect(backgrounds).toHaveLength(0);
    expect(regions).toHaveLength(1);
    expect(raster.data[5 * 400 + 5]).toBeGreaterThan(240); // dark page → white
    expect(raster.data[30 * 400 + 30]).toBe(255); // the light panel stays light…
    expect(raster.data[50 * 400 + 45]).toBe(20); // …with its dark text
  });

  it('turns the dark grey bubbles of a dark screen white, not grey, behind their text', () => {
    const g = createGray(400, 300, 10);
    fillRect(g, 20, 20, 240, 80, 60); // a dark grey bubble
    for (let i = 0; i < 5; i++) fillRect(g, 40 + i * 40, 45, 12, 24, 240); // light text in it
    for (let i = 0; i < 5; i++) fillRect(g, 160 + i * 40, 200, 12, 24, 240); // light text on the screen
    const { raster, regions } = invertDarkRegions(g);
    expect(regions).toHaveLength(1);
    expect(raster.data[5 * 400 + 5]).toBeGreaterThan(240); // screen → white
    expect(raster.data[30 * 400 + 30]).toBeGreaterThan(240); // bubble → white as well
    expect(raster.data[50 * 400 + 45]).toBeLessThan(30); // its text → dark
    expect(raster.data[210 * 400 + 165]).toBeLessThan(20);
  });

  it('turns a large dark grey bubble white even when it raises the screen\'s mean tone nearly to its own', () => {
    // A black screen, 45 % of it a bubble of tone 44 holding white text: the region's mean is ~20.
    const g = createGray(400, 300, 0);
    fillRect(g, 50, 40, 300, 180, 44);
    for (let i = 0; i < 6; i++) strokeGlyph(g, 60 + i * 40, 60, 20, 24, 255);
    for (let i = 0; i < 4; i++) strokeGlyph(g, 60 + i * 40, 250, 20, 24, 255);
    const { raster, regions } = invertDarkRegions(g);
    expect(regions).toHaveLength(1);
    expect(raster.data[150 * 400 + 200]).toBeGreaterThan(240); // bubble → white
    expect(raster.data[61 * 400 + 61]).toBeLessThan(30); // its text → dark
  });

  it('turns a lighter segment on a dark pill white too, its light text dark, and leaves the pill\'s glyphs alone', () => {
    // A black screen; a segmented control: a dark pill (44) holding a lighter segment (99), each
    // with white text; light text run together on the pill (glyphs touching) is no segment.
    const g = createGray(600, 300, 0);
    for (let i = 0; i < 5; i++) fillRect(g, 40 + i * 40, 200, 12, 24, 240); // light text on the screen
    fillRect(g, 100, 40, 480, 60, 44);
    fillRect(g, 104, 44, 236, 52, 99);
    for (let i = 0; i < 2; i++) strokeGlyph(g, 200 + i * 30, 58, 20, 24, 255);
    // Bold glyphs run together: strokes of one piece, filling half their box.
    for (const y of [58, 68, 78]) fillRect(g, 400, y, 120, 4, 200);
    for (let i = 0; i < 4; i++) fillRect(g, 400 + i * 38, 58, 4, 24, 200);
    const { raster, regions } = invertDarkRegions(g);
    expect(regions).toHaveLength(1);
    expect(raster.data[50 * 600 + 120]).toBeGreaterThan(240); // segment → white
    expect(raster.data[70 * 600 + 201]).toBeLessThan(30); // its text → dark
    expect(raster.data[50 * 600 + 360]).toBeGreaterThan(240); // pill → white
    expect(raster.data[70 * 600 + 401]).toBeLessThan(80); // the pill's text → dark
  });

  it('finds a pale date pill with white text on a light wallpaper when asked to, not a bubble with dark text', () => {
    const g = createGray(400, 300, 225);
    fillRect(g, 20, 20, 240, 80, 255); // a white bubble…
    for (let i = 0; i < 5; i++) fillRect(g, 40 + i * 40, 45, 12, 24, 20); // …with dark text
    fillRect(g, 20, 120, 240, 80, 177); // a light green bubble with dark text
    for (let i = 0; i < 5; i++) fillRect(g, 40 + i * 40, 145, 12, 24, 20);
    fillRect(g, 140, 236, 120, 36, 160); // a pale pill…
    for (let i = 0; i < 3; i++) strokeGlyph(g, 150 + i * 40, 242, 12, 24, 255); // …with white text
    expect(invertDarkRegions(g).regions).toHaveLength(0);
    const { raster, regions } = invertDarkRegions(g, 0, undefined, true);
    expect(regions.map((r) => r.box)).toEqual([{ x: 140, y: 236, w: 120, h: 36 }]);
    expect(raster.data[238 * 400 + 145]).toBeGreaterThan(240); // pill → white
    expect(raster.data[250 * 400 + 151]).toBeLessThan(20); // its text → dark
    expect(raster.data[125 * 400 + 25]).toBeGreaterThanOrEqual(177); // the green bubble kept light…
    expect(raster.data[150 * 400 + 45]).toBeLessThan(40); // …its text dark
  });

  it('does not take the inside of a doodle ring joined to a green bubble\'s edge for light text in it', () => {
    // A pale green wallpaper (luma 228, least channel 216), a green bubble (luma 205, least
    // channel 105) with black text, a small doodle ring (205 / 195) joined to the bubble's edge.
    const g = createGray(400, 300, 228);
    const least = createGray(400, 300, 216);
    fillRect(g, 20, 120, 240, 80, 205);
    fillRect(least, 20, 120, 240, 80, 105);
    for (let i = 0; i < 4; i++) { fillRect(g, 40 + i * 40, 145, 10, 24, 20); fillRect(least, 40 + i * 40, 145, 10, 24, 0); }
    for (let y = 86; y < 126; y++) for (let x = 230; x < 270; x++) { const r = Math.hypot(x - 250, y - 114); if (r >= 6 && r <= 8 && y < 120) { g.data[y * 400 + x] = 205; least.data[y * 400 + x] = 195; } }
    const { raster, regions } = invertDarkRegions(g, 0, least, true);
    expect(regions).toHaveLength(0);
    expect(raster.data[150 * 400 + 45]).toBeLessThan(40); // the bubble's text stays dark
  });

  it('darkens white text printed straight on a tinted wallpaper beside white bubbles when asked to, keeping the bubbles as they are', () => {
    // A chat over a blue wallpaper (luma 180) under a dark title bar: a white bubble with black
    // text, white times and a read mark on the wallpaper, a dark name on it.
    const g = createGray(400, 300, 180);
    fillRect(g, 0, 0, 400, 60, 36); // the title bar…
    for (let i = 0; i < 3; i++) strokeGlyph(g, 30 + i * 30, 20, 14, 24, 250); // …with its white title
    roundRect(g, 20, 90, 240, 60, 25, 255); // a white bubble, its ends rounded…
    for (let i = 0; i < 5; i++) fillRect(g, 40 + i * 40, 108, 12, 24, 20); // …with dark text
    for (let i = 0; i < 4; i++) strokeGlyph(g, 270 + i * 28, 126, 14, 20, 255); // a white time beside it
    for (let i = 0; i < 3; i++) strokeGlyph(g, 40 + i * 28, 220, 14, 20, 255); // white text under it
    fillRect(g, 300, 220, 10, 20, 30); // a dark mark on the wallpaper
    fillRect(g, 372, 130, 3, 3, 255); // a colon's dots, too small alone, close after the time
    fillRect(g, 372, 140, 3, 3, 255);
    fillRect(g, 350, 260, 3, 3, 255); // a speck as small, far from any text
    expect(invertDarkRegions(g).raster.data[126 * 400 + 272]).toBe(255); // not asked: the time stays white
    const { raster, backgrounds } = invertDarkRegions(g, 0, undefined, true);
    expect(backgrounds.map((b) => b.background)).toEqual([180]);
    expect(raster.data[126 * 400 + 272]).toBeLessThan(40); // the time's strokes → dark
    expect(raster.data[220 * 400 + 45]).toBeLessThan(40);
    expect(raster.data[80 * 400 + 300]).toBeGreaterThan(240); // the wallpaper → white
    expect(raster.data[225 * 400 + 305]).toBeLessThan(60); // the dark mark stays dark
    expect(raster.data[131 * 400 + 373]).toBeLessThan(40); // the colon → dark with its time
    expect(raster.data[141 * 400 + 373]).toBeLessThan(40);
    expect(raster.data[261 * 400 + 351]).toBe(255); // the speck → white with the wallpaper
    expect(raster.data[100 * 400 + 50]).toBe(255); // the bubble untouched…
    expect(raster.data[120 * 400 + 20]).toBe(255); // …to its rounded ends, too thin to be bubble alone
    expect(raster.data[120 * 400 + 45]).toBe(20); // …with its text
    expect(raster.data[30 * 400 + 31]).toBeLessThan(40); // the title bar inverted as before
  });

  it('darkens white text on a photo wallpaper of many tones, none as common as its bubbles\' white, when asked to', () => {
    // A chat over a wallpaper whose tones run 130…190 and back across (none common), under a dark
    // title bar: a white bubble with dark text (its white the commonest light tone), a white time
    // on the wallpaper.
    const g = createGray(400, 300);
    for (let y = 0; y < 300; y++) for (let x = 0; x < 400; x++) g.data[y * 400 + x] = 130 + Math.abs(((x + y) % 120) - 60);
    fillRect(g, 0, 0, 400, 60, 36);
    roundRect(g, 20, 90, 300, 80, 25, 255);
    for (let i = 0; i < 5; i++) fillRect(g, 40 + i * 50, 115, 12, 24, 20);
    for (let i = 0; i < 4; i++) strokeGlyph(g, 250 + i * 28, 200, 14, 20, 255);
    for (let i = 0; i < 3; i++) strokeGlyph(g, 40 + i * 28, 240, 14, 20, 255);
    const { raster, backgrounds } = invertDarkRegions(g, 0, undefined, true);
    expect(backgrounds).toHaveLength(1);
    expect(raster.data[200 * 400 + 252]).toBeLessThan(40); // the time's strokes → dark
    expect(raster.data[240 * 400 + 42]).toBeLessThan(40);
    expect(raster.data[250 * 400 + 200]).toBeGreaterThan(235); // the wallpaper → white
    expect(raster.data[100 * 400 + 60]).toBe(255); // the bubble untouched…
    expect(raster.data[120 * 400 + 45]).toBe(20); // …with its text
    // Without light text on it, the wallpaper is left as it is.
    const bare = createGray(400, 300);
    bare.data.set(g.data);
    fillRect(bare, 240, 190, 130, 80, 150);
    fillRect(bare, 30, 230, 100, 40, 150);
    const plain = invertDarkRegions(bare, 0, undefined, true);
    expect(plain.backgrounds).toHaveLength(0);
    expect(plain.raster.data[250 * 400 + 200]).toBe(bare.data[250 * 400 + 200]);
    // A page of one tone below the light tones (dimmed behind a dialog) is no such wallpaper.
    const dimmed = createGray(400, 300);
    dimmed.data.set(g.data);
    for (let y = 60; y < 300; y++) for (let x = 0; x < 400; x++) if (g.data[y * 400 + x]! >= 130 && g.data[y * 400 + x]! <= 190) dimmed.data[y * 400 + x] = 110;
    expect(invertDarkRegions(dimmed, 0, undefined, true).backgrounds).toHaveLength(0);
  });

  it('turns a tinted wallpaper without light text white when asked to, keeping its dark text and leaving saturated colour to the colour step', () => {
    // A chat over a light blue wallpaper (luma 195) under a dark title bar: a white bubble with
    // black text, a grey time on the wallpaper, a read count in yellow (luma 159, least channel 0).
    const g = createGray(400, 300, 195);
    fillRect(g, 0, 0, 400, 60, 36);
    for (let i = 0; i < 3; i++) strokeGlyph(g, 30 + i * 30, 20, 14, 24, 250);
    roundRect(g, 20, 90, 240, 60, 25, 255);
    for (let i = 0; i < 5; i++) fillRect(g, 40 + i * 40, 108, 12, 24, 20);
    for (let i = 0; i < 4; i++) fillRect(g, 270 + i * 20, 126, 3, 20, 100); // the time
    for (let i = 0; i < 3; i++) fillRect(g, 40 + i * 20, 220, 3, 20, 159); // the read count
    const least = { ...g, data: new Uint8ClampedArray(g.data) };
    for (let i = 0; i < 3; i++) fillRect(least, 40 + i * 20, 220, 3, 20, 0);
    const { raster, backgrounds, mask } = invertDarkRegions(g, 0, least, true);
    expect(backgrounds.map((b) => b.background)).toEqual([195]);
    expect(raster.data[80 * 400 + 300]).toBeGreaterThan(240); // the wallpaper → white
    expect(raster.data[130 * 400 + 271]).toBeLessThan(140); // the time stays darker
    expect(raster.data[120 * 400 + 45]).toBe(20); // the bubble's text
    expect(mask[225 * 400 + 41]).toBe(0); // the yellow read count is left to the colour step
    expect(raster.data[225 * 400 + 41]).toBe(159);
  });

  it('leaves a white page\'s light-grey panels and white text in them alone', () => {
    const g = createGray(400, 300, 240);
    fillRect(g, 20, 90, 240, 80, 255);
    for (let i = 0; i < 5; i++) fillRect(g, 40 + i * 40, 115, 12, 24, 20);
    const { raster, backgrounds } = invertDarkRegions(g, 0, undefined, true);
    expect(backgrounds).toHaveLength(0);
    expect(raster.data[10 * 400 + 10]).toBe(240);
  });

  it('keeps a dark screen\'s dark-toned bubbles holding dark text (LINE\'s green bubbles) and brings them to white', () => {
    // A green bubble: light in luma (160), dark in its tone (least channel 76), with black text.
    const g = createGray(400, 300, 28);
    const tone = createGray(400, 300, 28);
    for (const r of [g, tone]) {
      fillRect(r, 20, 20, 240, 80, r === g ? 160 : 76);
      for (let i = 0; i < 5; i++) fillRect(r, 40 + i * 40, 45, 14, 28, 0); // black text in it
      for (let i = 0; i < 5; i++) fillRect(r, 160 + i * 40, 200, 12, 24, 240); // white text on the screen
    }
    const { raster, regions } = invertDarkRegions(g, 0, tone);
    expect(regions).toHaveLength(1);
    expect(raster.data[5 * 400 + 5]).toBeGreaterThan(240); // screen → white
    expect(raster.data[210 * 400 + 165]).toBeLessThan(20); // its text → dark
    expect(raster.data[30 * 400 + 30]).toBeGreaterThan(240); // bubble → white
    expect(raster.data[50 * 400 + 45]).toBeLessThan(20); // its black text stays dark
  });

  it('keeps a dark screen\'s saturated bubble whose black text shows in luma only (dark-mode LINE\'s green) and brings it to white', () => {
    // #06c755: luma 128, least channel 6; its black text (#111111) 17 in both: in the tone, the
    // text is lighter than the fill and was inverted with it into light grey on white.
    const g = createGray(400, 300, 31);
    const tone = createGray(400, 300, 29);
    fillRect(g, 20, 20, 240, 80, 128);
    fillRect(tone, 20, 20, 240, 80, 6);
    for (const r of [g, tone]) {
      for (let i = 0; i < 5; i++) fillRect(r, 40 + i * 40, 45, 14, 28, 17); // black text in it
      for (let i = 0; i < 5; i++) fillRect(r, 160 + i * 40, 200, 12, 24, 240); // white text on the screen
    }
    const { raster, regions } = invertDarkRegions(g, 0, tone);
    expect(regions).toHaveLength(1);
    expect(raster.data[210 * 400 + 165]).toBeLessThan(20); // the screen's text → dark
    expect(raster.data[30 * 400 + 30]).toBeGreaterThan(240); // bubble → white
    expect(raster.data[50 * 400 + 45]).toBeLessThan(40); // its black text stays dark
  });

  it('judges a dark screen\'s panels one by one: a green bubble with black text is brought to white beside avatars with white figures, which are painted white', () => {
    // A green bubble (luma 138, least channel 62) with three outlined black glyphs, and three
    // avatars (blue: luma 99, least 47; grey: 107) with a white head and shoulders: their white
    // outweighs the bubble's black text when the panels are judged together.
    const g = createGray(600, 400, 17);
    const tone = createGray(600, 400, 17);
    for (const r of [g, tone]) {
      const avatar = r === g ? 99 : 47, grey = 107;
      fillRect(r, 120, 40, 300, 80, r === g ? 138 : 62);
      for (let i = 0; i < 3; i++) strokeGlyph(r, 150 + i * 40, 60, 24, 28, 15);
      for (const [cx, cy] of [[520, 80], [60, 220], [520, 320]] as const) {
        disk(r, cx, cy, 36, cx < 100 ? grey : avatar);
        disk(r, cx, cy - 12, 12, 255);
        for (let y = cy + 6; y < cy + 26; y++) for (let x = cx - 24; x <= cx + 24; x++) if (((x - cx) / 24) ** 2 + ((y - cy - 26) / 20) ** 2 <= 1) r.data[y * 600 + x] = 255;
      }
      for (let i = 0; i < 5; i++) strokeGlyph(r, 140 + i * 40, 200, 16, 24, 213); // light text on the screen
    }
    const { raster, pictures } = invertDarkRegions(g, 0, tone, true);
    expect(raster.data[50 * 600 + 130]).toBeGreaterThan(240); // bubble → white
    expect(raster.data[70 * 600 + 151]).toBeLessThan(80); // its black text stays dark
    expect(pictures).toHaveLength(3);
    let darkest = 255;
    // The disc's rounded caps and its anti-aliased rim included: a grey ring was read as "{t".
    for (let y = 182; y < 259; y++) for (let x = 22; x < 99; x++) darkest = Math.min(darkest, raster.data[y * 600 + x]!);
    expect(darkest).toBeGreaterThan(200); // no figure left to read as "2"
    expect(raster.data[210 * 600 + 141]).toBeLessThan(60); // the screen's light text → dark
    expect(raster.data[5 * 600 + 5]).toBeGreaterThan(240); // the screen → white
  });

  it('keeps a light panel\'s round ends out of the inversion with it, and paints a round light button white with its icon', () => {
    // A notification shade (1080 px wide: panels are 43 px thick both ways at least): a light
    // disc (a quick settings tile) holding a dark icon, and a light slider 64 px tall with round
    // ends, on a dark screen with light text.
    const W = 1080;
    const g = createGray(W, 1100, 17);
    disk(g, 150, 150, 50, 200);
    fillRect(g, 145, 125, 10, 40, 20); // the tile's icon
    disk(g, 150, 180, 6, 20);
    fillRect(g, 100, 400, 600, 65, 200);
    disk(g, 100, 432, 32, 200);
    disk(g, 700, 432, 32, 200);
    for (let i = 0; i < 5; i++) strokeGlyph(g, 400 + i * 40, 130, 20, 28, 213);
    const { raster } = invertDarkRegions(g);
    let darkest = 255;
    for (let y = 98; y < 203; y++) for (let x = 98; x < 203; x++) darkest = Math.min(darkest, raster.data[y * W + x]!);
    expect(darkest).toBeGreaterThan(200); // no icon left, nor a crescent at the disc's sides
    // The slider's ends stay as light as the slider: inverted with the screen, they were dark crescents read as "(".
    for (const x of [73, 727]) expect(raster.data[432 * W + x]).toBeGreaterThan(150);
    expect(raster.data[432 * W + 400]).toBeGreaterThan(150);
    expect(raster.data[140 * W + 401]).toBeLessThan(60); // the screen's light text → dark
    expect(raster.data[5 * W + 5]).toBeGreaterThan(240); // the screen → white
  });

  it('inverts a blue bubble with white text on a black screen against its own fill, so that the fill turns white', () => {
    // The bubble: luma 118 (lighter than the screen's threshold: a panel), least channel 62.
    const g = createGray(500, 300, 1);
    const tone = createGray(500, 300, 1);
    for (const r of [g, tone]) {
      fillRect(r, 200, 160, 260, 90, r === g ? 118 : 62);
      for (let i = 0; i < 5; i++) strokeGlyph(r, 220 + i * 44, 180, 24, 30, 255); // its white text
      for (let i = 0; i < 5; i++) strokeGlyph(r, 40 + i * 40, 40, 20, 28, 230); // light text on the screen
    }
    const { raster } = invertDarkRegions(g, 0, tone, true);
    expect(raster.data[170 * 500 + 210]).toBeGreaterThan(240); // the bubble's fill → white
    expect(raster.data[190 * 500 + 221]).toBeLessThan(40); // its text → dark
    expect(raster.data[5 * 500 + 5]).toBeGreaterThan(240); // the screen → white
    expect(raster.data[50 * 500 + 41]).toBeLessThan(60); // the screen's text → dark
  });

  it('inverts a dark screen with dark-toned bubbles (saturated colour) as one region', () => {
    // Luma of a blue bubble is light against a black screen; its tone (least channel) is dark.
    const g = panelPage(18, 130);
    const tone = panelPage(18, 12);
    for (let i = 0; i < 5; i++) { fillRect(g, 40 + i * 40, 45, 14, 28, 250); fillRect(tone, 40 + i * 40, 45, 14, 28, 250); }
    const { raster, regions } = invertDarkRegions(g, 0, tone);
    expect(regions).toHaveLength(1);
    expect(raster.data[30 * 400 + 30]).toBeGreaterThan(240); // bubble → white
    expect(raster.data[50 * 400 + 45]).toBeLessThan(20); // its white text → dark
  });
});

/** Paints an anti-aliased disk of tone `v` (4×4 samples per pixel) over `g`. */
function disk(g: GrayRaster, cx: number, cy: number, r: number, v: number): void {
  for (let y = Math.floor(cy - r - 1); y <= cy + r + 1; y++) {
    for (let x = Math.floor(cx - r - 1); x <= cx + r + 1; x++) {
      let inside = 0;
      for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) if ((x + (sx + 0.5) / 4 - cx) ** 2 + (y + (sy + 0.5) / 4 - cy) ** 2 <= r * r) inside++;
      const i = y * g.width + x;
      g.data[i] = g.data[i]! + ((v - g.data[i]!) * inside) / 16;
    }
  }
}

describe('invertDarkRegions on photos', () => {
  it('does not take bold letters joined by blur for a dark region when looking without thin parts', () => {
    // Five bold "letters" (22 × 30 dark blocks with small counters) joined by 2 px smears.
    const g = createGray(400, 200);
    for (let i = 0; i < 5; i++) {
      fillRect(g, 60 + i * 26, 80, 22, 30, 30);
      fillRect(g, 68 + i * 26, 90, 6, 8, 240);
      if (i < 4) fillRect(g, 82 + i * 26, 94, 4, 2, 30);
    }
    expect(invertDarkRegions(g).regions).toHaveLength(1);
    expect(invertDarkRegions(g, 0, undefined, false, true).regions).toHaveLength(0);
  });
});

describe('invertDarkRegions on a patterned wallpaper', () => {
  it('inverts the dark bubbles on an uneven, patterned mid-tone wallpaper and lifts the wallpaper to white', () => {
    // A 400×300 wallpaper: a gradient 150…185 with a doodle pattern (3 px lines of 120) touching everything.
    const g = createGray(400, 300);
    for (let y = 0; y < 300; y++) for (let x = 0; x < 400; x++) g.data[y * 400 + x] = 150 + Math.round((35 * x) / 400);
    for (let y = 10; y < 300; y += 40) fillRect(g, 0, y, 400, 3, 120);
    for (let x = 15; x < 400; x += 50) fillRect(g, x, 0, 3, 300, 120);
    fillRect(g, 20, 60, 220, 70, 100); // a blue bubble (its luma)…
    for (let i = 0; i < 5; i++) { fillRect(g, 35 + i * 40, 92, 16, 2, 250); fillRect(g, 42 + i * 40, 80, 2, 26, 250); } // …with white text (十)
    fillRect(g, 160, 170, 220, 70, 255); // white bubbles…
    fillRect(g, 20, 140, 130, 50, 255);
    for (let i = 0; i < 5; i++) strokeGlyph(g, 175 + i * 40, 190, 16, 26, 20); // …with dark text
    fillRect(g, 30, 260, 40, 14, 70); // dark text on the wallpaper itself
    const { raster, regions, backgrounds } = invertDarkRegions(g);
    expect(regions).toHaveLength(1);
    expect(backgrounds).toHaveLength(1);
    expect(raster.data[65 * 400 + 25]).toBeGreaterThan(240); // bubble → white
    expect(raster.data[90 * 400 + 42]).toBeLessThan(20); // its text → dark
    expect(raster.data[150 * 400 + 100]).toBe(255); // wallpaper → white
    expect(raster.data[51 * 400 + 100]).toBe(255); // its pattern too
    expect(raster.data[150 * 400 + 16]).toBe(255);
    expect(raster.data[200 * 400 + 176]).toBe(20); // the white bubble's text is untouched
    expect(raster.data[265 * 400 + 50]).toBeLessThan(130); // text on the wallpaper stays dark
  });
});

describe('invertDarkRegions on a gradient wallpaper', () => {
  it('leaves a saturated bubble on an uneven wallpaper to the colour step: no grey rim where the wallpaper\'s tone was its light', () => {
    // Luma: a wallpaper of 170, green bubbles of 186 with black text, a white bubble. Tone (the
    // least channel): the wallpaper shading 150…163 down the screen, the green 80.
    const w = 400, h = 360;
    const g = createGray(w, h), tone = createGray(w, h);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) { g.data[y * w + x] = 170; tone.data[y * w + x] = 150 + Math.round((13 * y) / h); }
    const both = (x: number, y: number, bw: number, bh: number, luma: number, least: number) => { fillRect(g, x, y, bw, bh, luma); fillRect(tone, x, y, bw, bh, least); };
    both(20, 20, 200, 60, 255, 255); // a white bubble…
    for (let i = 0; i < 5; i++) both(35 + i * 36, 36, 3, 28, 26, 26); // …with text
    for (const y0 of [100, 230]) {
      both(130, y0, 250, 110, 186, 80); // green bubbles…
      for (let i = 0; i < 6; i++) { both(150 + i * 36, y0 + 53, 20, 3, 26, 26); both(158 + i * 36, y0 + 41, 3, 28, 26, 26); } // …with text
    }
    const { raster, backgrounds } = invertDarkRegions(g, 0, tone, true);
    expect(backgrounds).toHaveLength(1);
    const at = (x: number, y: number) => raster.data[y * w + x]!;
    expect(at(10, 150)).toBe(255); // the wallpaper → white
    const middle = at(255, 130);
    for (const [x, y] of [[133, 155], [376, 155], [255, 103], [255, 207]] as const) expect(at(x, y)).toBe(middle); // the green's rim as its middle
    expect(at(159, 155)).toBeLessThan(60); // its text
  });
});

describe('invertDarkRegions: a date pill on an uneven wallpaper', () => {
  it('finds a translucent date pill with white text on a wallpaper whose green bubbles hold much black text', () => {
    // Luma: a wallpaper of 188, green bubbles of 186 full of black text, a white bubble and bars, a
    // pill of 140 with white text. Tone (the least channel): the wallpaper 169, the green 80, the pill 126.
    const w = 400, h = 800;
    const g = createGray(w, h), tone = createGray(w, h);
    for (let i = 0; i < w * h; i++) { g.data[i] = 188; tone.data[i] = 169; }
    const both = (x: number, y: number, bw: number, bh: number, luma: number, least: number) => { fillRect(g, x, y, bw, bh, luma); fillRect(tone, x, y, bw, bh, least); };
    both(150, 20, 100, 30, 140, 126); // the pill…
    for (let i = 0; i < 4; i++) { both(160 + i * 22, 34, 14, 3, 255, 255); both(166 + i * 22, 25, 3, 20, 255, 255); } // …its white text (十)
    for (const y0 of [70, 230]) {
      both(40, y0, 340, 140, 186, 80); // green bubbles…
      for (let row = 0; row < 4; row++) for (let i = 0; i < 9; i++) { both(55 + i * 36, y0 + 20 + row * 30, 24, 3, 26, 26); both(66 + i * 36, y0 + 10 + row * 30, 3, 24, 26, 26); } // …full of text
    }
    both(20, 390, 300, 150, 255, 255); // a white bubble
    for (let i = 0; i < 6; i++) both(40 + i * 40, 420, 3, 24, 26, 26);
    both(0, 560, 400, 240, 255, 255); // a white input bar and keyboard
    const { raster, regions } = invertDarkRegions(g, 0, tone, true);
    const at = (x: number, y: number) => raster.data[y * w + x]!;
    expect(regions.some((r) => r.box.x === 150 && r.box.y === 20)).toBe(true);
    expect(at(153, 23)).toBeGreaterThan(240); // the pill → white
    expect(at(167, 30)).toBeLessThan(40); // its text → dark
  });
});

describe('pictures and rims in invertDarkRegions', () => {
  it('paints white a grey avatar holding a white head and shoulders, rim included, and keeps a date bar beside it', () => {
    // A screen of 400 × 400: the avatar covers a twentieth of it at most, as on a phone.
    const g = createGray(400, 400);
    disk(g, 60, 60, 40, 165); // the avatar…
    disk(g, 60, 48, 14, 255); // …its head…
    for (let y = 70; y < 90; y++) for (let x = 36; x < 85; x++) if (((x - 60) / 24) ** 2 + ((y - 90) / 20) ** 2 <= 1) g.data[y * 400 + x] = 255; // …its shoulders
    fillRect(g, 150, 40, 200, 40, 60); // a date bar with light glyphs
    for (let i = 0; i < 5; i++) strokeGlyph(g, 165 + i * 36, 48, 16, 24, 245);
    const { raster, regions, pictures } = invertDarkRegions(g, 0, undefined, true);
    expect(pictures).toHaveLength(1);
    expect(regions.map((r) => r.box)).toEqual([{ x: 150, y: 40, w: 200, h: 40 }]);
    let darkest = 255;
    for (let y = 15; y < 106; y++) for (let x = 15; x < 106; x++) darkest = Math.min(darkest, raster.data[y * 400 + x]!);
    expect(darkest).toBe(255);
    expect(raster.data[60 * 400 + 166]).toBeLessThan(20); // the bar's glyph → dark
  });

  it('paints white an avatar lighter than the dark title bar it sits in (dark mode), keeping the name beside it', () => {
    // A dark screen (tone 20) whose title bar holds a grey avatar (90) with a white figure and a name.
    const g = createGray(400, 400, 20);
    disk(g, 60, 60, 36, 90);
    disk(g, 60, 50, 11, 255);
    for (let y = 66; y < 84; y++) for (let x = 38; x < 83; x++) if (((x - 60) / 22) ** 2 + ((y - 84) / 18) ** 2 <= 1) g.data[y * 400 + x] = 255;
    for (let i = 0; i < 3; i++) strokeGlyph(g, 120 + i * 36, 48, 24, 26, 240); // the name
    for (let i = 0; i < 5; i++) strokeGlyph(g, 60 + i * 40, 250, 16, 24, 240); // a message
    const { raster, pictures } = invertDarkRegions(g);
    expect(pictures).toHaveLength(1);
    let darkest = 255;
    for (let y = 20; y < 100; y++) for (let x = 20; x < 100; x++) darkest = Math.min(darkest, raster.data[y * 400 + x]!);
    expect(darkest).toBeGreaterThan(200); // no figure left to read with the name (a faint rim where the disc's edge blends)
    expect(raster.data[48 * 400 + 121]).toBeLessThan(30); // the name → dark
    expect(raster.data[5 * 400 + 300]).toBeGreaterThan(240); // the screen → white
  });

  it('leaves no dark outline around an inverted bar whose edges are anti-aliased', () => {
    const g = createGray(300, 120);
    fillRect(g, 40, 40, 220, 40, 60);
    for (let x = 40; x < 260; x++) { g.data[39 * 300 + x] = 160; g.data[80 * 300 + x] = 160; } // half-covered rows
    for (let y = 40; y < 80; y++) { g.data[y * 300 + 39] = 200; g.data[y * 300 + 260] = 200; }
    for (let i = 0; i < 5; i++) strokeGlyph(g, 60 + i * 40, 48, 16, 24, 245);
    const { raster, regions, pictures } = invertDarkRegions(g);
    expect(regions).toHaveLength(1);
    expect(pictures).toHaveLength(0);
    for (const [x, y] of [[100, 39], [100, 40], [100, 80], [39, 60], [40, 60], [260, 60], [259, 60]] as const) expect(raster.data[y * 300 + x]).toBe(255);
    expect(raster.data[60 * 300 + 61]).toBeLessThan(20);
  });
});

describe('spansBothWays', () => {
  const mask = (w: number, h: number, on: Array<[number, number]>) => {
    const m = new Uint8ClampedArray(w * h);
    for (const [x, y] of on) m[y * w + x] = 255;
    return m;
  };

  it('says whether marked pixels grown by a margin could span a size across and down', () => {
    // A dotted ring's outline: dots 6 apart along a 40 × 40 square; grown by 3 they join.
    const dots: Array<[number, number]> = [];
    for (let k = 0; k <= 40; k += 6) dots.push([10 + k, 10], [10 + k, 50], [10, 10 + k], [50, 10 + k]);
    expect(spansBothWays(mask(100, 100, dots), 100, 100, 46, 3)).toBe(true); // 41 + 2 × 3 = 47 across
    expect(spansBothWays(mask(100, 100, dots), 100, 100, 48, 3)).toBe(false);
    // Dots 8 apart do not join when grown by 3 (a gap of 7 needs 3.5 each side).
    const sparse: Array<[number, number]> = [];
    for (let k = 0; k <= 40; k += 8) sparse.push([10 + k, 10 + k]);
    expect(spansBothWays(mask(100, 100, sparse), 100, 100, 20, 3)).toBe(false);
    expect(spansBothWays(mask(100, 100, sparse), 100, 100, 7, 3)).toBe(true);
    // A long rule spans across, not down.
    const rule: Array<[number, number]> = Array.from({ length: 90 }, (_, k) => [5 + k, 50] as [number, number]);
    expect(spansBothWays(mask(100, 100, rule), 100, 100, 20, 3)).toBe(false);
  });
});

describe('eraseSeals', () => {
  /** A 400×300 white page in RGBA: black text strokes, a red seal ring over some of them, red text. */
  function sealPage() {
    const w = 400, h = 300;
    const rgba = { width: w, height: h, data: new Uint8ClampedArray(w * h * 4).fill(255) };
    const paint = (x: number, y: number, c: [number, number, number]) => rgba.data.set(c, (y * w + x) * 4);
    // The ring: centre (200, 150), radii 40–48, ink (200, 60, 60).
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) { const r = Math.hypot(x - 200, y - 150); if (r >= 40 && r <= 48) paint(x, y, [200, 60, 60]); }
    // Black strokes across the seal's ring (over it: black wins) and on plain paper.
    for (let x = 120; x < 280; x++) for (let y = 148; y < 151; y++) paint(x, y, [30, 30, 30]);
    for (let x = 20; x < 100; x++) for (let y = 40; y < 43; y++) paint(x, y, [30, 30, 30]);
    // Red text, glyph-sized: a 20 × 24 "glyph" of strokes.
    for (let y = 250; y < 274; y++) { paint(300, y, [210, 40, 40]); paint(301, y, [210, 40, 40]); }
    for (let x = 300; x < 320; x++) paint(x, 260, [210, 40, 40]);
    return rgba;
  }

  it('lifts a red seal off the page, keeping the black text over it and red text elsewhere', () => {
    const rgba = sealPage();
    const g = rgbaToGray(rgba);
    const before = g.data.slice();
    expect(eraseSeals(rgba, g)).toBe(1);
    expect(g.data[105 * 400 + 200]).toBeGreaterThan(240); // the ring's top → paper
    expect(before[105 * 400 + 200]).toBeLessThan(110);
    expect(g.data[149 * 400 + 155]).toBeLessThan(40); // the stroke where it crosses the ring stays dark
    expect(g.data[41 * 400 + 50]).toBeLessThan(40);
    expect(g.data[255 * 400 + 300]).toBe(before[255 * 400 + 300]); // red text untouched
  });

  it('lifts a brown coffee ring off paper when asked for warm hues, and only then', () => {
    const rgba = sealPage();
    // The ring turned brown (160, 125, 90): red over blue, green between, red over green by little.
    for (let i = 0; i < rgba.data.length; i += 4) if (rgba.data[i] === 200 && rgba.data[i + 1] === 60) rgba.data.set([160, 125, 90], i);
    const red = rgbaToGray(rgba);
    expect(eraseSeals(rgba, red)).toBe(0);
    const g = rgbaToGray(rgba);
    expect(eraseSeals(rgba, g, undefined, 'warm')).toBe(1);
    expect(red.data[105 * 400 + 200]).toBeLessThan(140);
    expect(g.data[105 * 400 + 200]).toBeGreaterThan(240); // the ring → paper
    expect(g.data[149 * 400 + 155]).toBeLessThan(60); // the stroke over it stays dark
  });

  it('lifts a red seal off a photo whose brown rules, warm too, run into it', () => {
    // A fapiao's brown rule (150, 110, 80) across the page through the seal's ring; grain makes
    // the page a photo. Warm hues join rule and ring into one shape as wide as the page (no
    // seal); red ones find the ring alone.
    const rgba = sealPage();
    for (let x = 0; x < 400; x++) for (let y = 104; y < 107; y++) rgba.data.set([150, 110, 80], (y * 400 + x) * 4);
    let seed = 5;
    for (let i = 0; i < rgba.data.length; i += 4) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const n = (seed % 21) - 10;
      for (let c = 0; c < 3; c++) rgba.data[i + c] = Math.max(0, Math.min(255, rgba.data[i + c]! - 12 + n));
    }
    expect(eraseSeals(rgba, rgbaToGray(rgba), undefined, 'warm')).toBe(0);
    const result = preprocess(rgba);
    expect(result.stats.classification).toBe('photo');
    expect(result.steps.find((s) => s.name === 'erase-seals')?.detail).toBe('1 seal(s)');
  });

  it('lifts an oblong "paid" stamp (170 × 70) off a small receipt, its words with it', () => {
    const w = 600, h = 420;
    const rgba = { width: w, height: h, data: new Uint8ClampedArray(w * h * 4).fill(255) };
    const paint = (x: number, y: number, c: [number, number, number]) => rgba.data.set(c, (y * w + x) * 4);
    for (let x = 340; x < 510; x++) for (const y of [250, 251, 252, 253, 316, 317, 318, 319]) paint(x, y, [217, 50, 43]);
    for (let y = 250; y < 320; y++) for (const x of [340, 341, 342, 343, 506, 507, 508, 509]) paint(x, y, [217, 50, 43]);
    for (let y = 268; y < 300; y++) { paint(370, y, [217, 50, 43]); paint(371, y, [217, 50, 43]); } // a stroke of its words
    const g = rgbaToGray(rgba);
    expect(eraseSeals(rgba, g)).toBe(1);
    expect(g.data[251 * w + 400]).toBeGreaterThan(240);
    expect(g.data[280 * w + 370]).toBeGreaterThan(240);
  });

  it('lifts a seal off pink carbonless paper to the paper\'s tone, keeping the dark blue text over it', () => {
    const w = 400, h = 300, pink: [number, number, number] = [247, 217, 225];
    const rgba = { width: w, height: h, data: new Uint8ClampedArray(w * h * 4).fill(255) };
    const paint = (x: number, y: number, c: [number, number, number]) => rgba.data.set(c, (y * w + x) * 4);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) paint(x, y, pink);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) { const r = Math.hypot(x - 200, y - 150); if (r >= 40 && r <= 46) paint(x, y, [212, 42, 42]); }
    // Text in blue-violet ink, lines of it across the seal's box.
    for (const y0 of [120, 140, 160, 180]) for (let x = 110; x < 290; x++) if (x % 12 < 8) for (let y = y0; y < y0 + 3; y++) paint(x, y, [43, 42, 107]);
    const g = rgbaToGray(rgba);
    const paper = g.data[10 * w + 10]!;
    expect(eraseSeals(rgba, g)).toBe(1);
    expect(g.data[106 * w + 200]).toBeGreaterThanOrEqual(paper - 5); // the ring's top → the paper's tone
    expect(g.data[121 * w + 112]).toBeLessThan(80); // the text stays dark
  });

  it('lifts a pen\'s ring of uneven red drawn across a white bubble and the grey page to the tone under each part', () => {
    const w = 400, h = 300, grey: [number, number, number] = [236, 236, 236];
    const rgba = { width: w, height: h, data: new Uint8ClampedArray(w * h * 4).fill(255) };
    const paint = (x: number, y: number, c: [number, number, number]) => rgba.data.set(c, (y * w + x) * 4);
    for (let y = 0; y < h; y++) for (let x = 200; x < w; x++) paint(x, y, grey); // the page; the bubble on the left
    // The ring: its ink's red channel 190 on one half of its rows, 240 on the other (a JPEG's blocks).
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) { const r = Math.hypot(x - 200, y - 150); if (r >= 40 && r <= 46) paint(x, y, y % 16 < 8 ? [190, 50, 55] : [240, 60, 70]); }
    const g = rgbaToGray(rgba);
    expect(eraseSeals(rgba, g)).toBe(1);
    expect(g.data[150 * w + 157]).toBeGreaterThan(245); // dim ink on the bubble → white
    expect(g.data[150 * w + 243]).toBeGreaterThan(228); // dim ink on the page → the page's grey, not white
    expect(g.data[150 * w + 243]).toBeLessThan(242);
    expect(g.data[158 * w + 243]).toBeLessThan(242);
  });

  it('takes a red-brown desk around a photographed sheet for no seal', () => {
    const w = 300, h = 200;
    const rgba = { width: w, height: h, data: new Uint8ClampedArray(w * h * 4) };
    for (let i = 0; i < w * h; i++) rgba.data.set([150, 95, 60, 255], i * 4);
    for (let y = 20; y < 180; y++) for (let x = 40; x < 260; x++) rgba.data.set([235, 235, 230, 255], (y * w + x) * 4); // hollow: the desk is a frame
    expect(eraseSeals(rgba, rgbaToGray(rgba))).toBe(0);
  });

  it('takes the warm rim of a small receipt on a dark desk for no seal, and leaves its text as it is', () => {
    // A receipt (220, 208, 192) on a brown desk (99, 64, 34); where they meet, a pixel of each
    // blends into a warm ring (160, 130, 100) round the receipt, lighter than the desk outside it.
    const w = 500, h = 400;
    const rgba = { width: w, height: h, data: new Uint8ClampedArray(w * h * 4) };
    for (let i = 0; i < w * h; i++) rgba.data.set([99, 64, 34, 255], i * 4);
    for (let y = 150; y < 250; y++) for (let x = 180; x < 330; x++) {
      const rim = y < 152 || y >= 248 || x < 182 || x >= 328;
      rgba.data.set(rim ? [160, 130, 100, 255] : [220, 208, 192, 255], (y * w + x) * 4);
    }
    for (let x = 200; x < 300; x++) for (let y = 190; y < 193; y++) rgba.data.set([106, 98, 87, 255], (y * w + x) * 4); // a stroke of text
    const g = rgbaToGray(rgba);
    const before = g.data.slice();
    expect(eraseSeals(rgba, g, undefined, 'warm')).toBe(0);
    expect(g.data).toEqual(before);
  });

  it('takes a warm ring no darker than the paper round it (a warm cast\'s speckles) for no seal', () => {
    const w = 400, h = 300;
    const rgba = { width: w, height: h, data: new Uint8ClampedArray(w * h * 4).fill(255) };
    for (let i = 0; i < w * h; i++) rgba.data.set([133, 133, 133, 255], i * 4);
    // Luma 133 too: red 170, green 120, blue 100.
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) { const r = Math.hypot(x - 200, y - 150); if (r >= 40 && r <= 46) rgba.data.set([170, 120, 100, 255], (y * w + x) * 4); }
    expect(eraseSeals(rgba, rgbaToGray(rgba), undefined, 'warm')).toBe(0);
    // The same ring in a seal's red ink (luma 100) is one.
    for (let i = 0; i < w * h; i++) if (rgba.data[i * 4] === 170) rgba.data.set([200, 60, 60, 255], i * 4);
    expect(eraseSeals(rgba, rgbaToGray(rgba), undefined, 'warm')).toBe(1);
  });

  it('leaves a solid red card with white text alone', () => {
    const w = 300, h = 200;
    const rgba = { width: w, height: h, data: new Uint8ClampedArray(w * h * 4).fill(255) };
    for (let y = 40; y < 160; y++) for (let x = 40; x < 200; x++) if (!(y > 80 && y < 84 && x > 60 && x < 180)) rgba.data.set([220, 30, 40], (y * w + x) * 4);
    const g = rgbaToGray(rgba);
    expect(eraseSeals(rgba, g)).toBe(0);
  });

  it('finds nothing on a page without red', () => {
    const rgba = grayToRgba(textPage(300, 200, 16, 4));
    const g = rgbaToGray(rgba);
    expect(eraseSeals(rgba, g)).toBe(0);
  });
});

describe('eraseSolidShapes', () => {
  it('paints a round avatar white and keeps the text beside it', () => {
    const g = createGray(400, 300);
    for (let y = 0; y < 40; y++) for (let x = 0; x < 40; x++) if ((x - 19.5) ** 2 + (y - 19.5) ** 2 <= 400) g.data[(60 + y) * 400 + 20 + x] = 150;
    // Glyphs beside it: thin strokes, a hollow square as large as the avatar, a small solid dot.
    for (let i = 0; i < 6; i++) { fillRect(g, 80 + i * 30, 65, 20, 3, 20); fillRect(g, 88 + i * 30, 60, 3, 28, 20); }
    fillRect(g, 300, 60, 40, 40, 20); fillRect(g, 304, 64, 32, 32, 255);
    fillRect(g, 360, 80, 8, 8, 20);
    const before = Array.from(g.data);
    const { raster, count } = eraseSolidShapes(g);
    expect(count).toBe(1);
    expect(raster.data[80 * 400 + 40]).toBe(255);
    const changed = before.flatMap((v, i) => (raster.data[i] !== v ? [i] : []));
    expect(changed.every((i) => i % 400 >= 20 && i % 400 < 60 && i >= 60 * 400 && i < 100 * 400)).toBe(true);
  });

  it('paints the anti-aliased rim of a shape white with it', () => {
    const g = createGray(200, 200);
    disk(g, 100, 100, 30, 90);
    const { raster, count } = eraseSolidShapes(g);
    expect(count).toBe(1);
    expect(Math.min(...raster.data)).toBe(255);
  });

  it('inverts a solid pill holding light text (a translucent date pill) instead of painting it white', () => {
    const g = createGray(400, 300, 240);
    roundRect(g, 120, 100, 160, 48, 24, 140);
    for (let i = 0; i < 4; i++) strokeGlyph(g, 150 + i * 28, 112, 18, 24, 255);
    const { raster, count } = eraseSolidShapes(g);
    expect(count).toBe(1);
    expect(raster.data[104 * 400 + 200]).toBeGreaterThan(240); // the pill → white
    expect(raster.data[120 * 400 + 151]).toBeLessThan(20); // its text → dark
    expect(raster.data[50 * 400 + 50]).toBe(240); // the page as it was
  });

  it('lifts a page dimmed behind a dialog to white with its dark text, not painting it white', () => {
    // The dimmed page: tone 128 over rows 0–199, three lines of dark glyphs (51) on it; the
    // dialog below it white with black text.
    const g = createGray(600, 300, 255);
    fillRect(g, 0, 0, 600, 200, 128);
    for (let line = 0; line < 3; line++) for (let i = 0; i < 8; i++) strokeGlyph(g, 40 + i * 30, 30 + line * 50, 20, 24, 51);
    for (let i = 0; i < 6; i++) strokeGlyph(g, 100 + i * 30, 240, 20, 24, 20);
    const { raster, count } = eraseSolidShapes(g);
    expect(count).toBe(1);
    expect(raster.data[10 * 600 + 500]).toBe(255); // the dimmed page → white
    expect(raster.data[31 * 600 + 50]).toBeLessThan(110); // its text stays dark
    expect(raster.data[241 * 600 + 101]).toBe(20); // the dialog's text as it was
  });

  it('leaves a page without shapes as it is', () => {
    const g = textPage(600, 400, 20, 5);
    expect(eraseSolidShapes(g).raster).toBe(g);
  });
});

describe('photographed sheets', () => {
  /** A light sheet (corners tl, tr, br, bl) with dark "text" rows, on a dark desk, with noise: a photo. */
  function sheetPhoto(w: number, h: number, corners: Array<[number, number]>, desk = 60): GrayRaster {
    const g = createGray(w, h, desk);
    const toSheet = homography(corners, [[0, 0], [1, 0], [1, 1], [0, 1]]);
    let seed = 11;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const [u, v] = applyHomography(toSheet, x + 0.5, y + 0.5);
        let value = desk;
        if (u >= 0 && u <= 1 && v >= 0 && v <= 1) {
          value = 225;
          // Five rows of dashes: text lines at v = 0.15, 0.3 … 0.75.
          const row = Math.round(v / 0.15);
          if (row >= 1 && row <= 5 && Math.abs(v - row * 0.15) < 0.025 && u > 0.1 && u < 0.9 && (u * 40) % 1 < 0.7) value = 40;
        }
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        g.data[y * w + x] = Math.max(0, Math.min(255, value - 12 + (seed % 25)));
      }
    }
    return g;
  }

  it('maps four points onto four points', () => {
    const from: Array<[number, number]> = [[10, 20], [300, 5], [320, 400], [0, 380]];
    const to: Array<[number, number]> = [[0, 0], [1, 0], [1, 1], [0, 1]];
    const m = homography(from, to);
    from.forEach((p, i) => {
      const [x, y] = applyHomography(m, ...p);
      expect(x).toBeCloseTo(to[i]![0], 9);
      expect(y).toBeCloseTo(to[i]![1], 9);
    });
  });

  it('finds a sheet on a dark desk and its corners', () => {
    const corners: Array<[number, number]> = [[80, 60], [520, 40], [540, 420], [60, 440]];
    const paper = findPaperMask(sheetPhoto(600, 480, corners));
    expect(paper?.quadrilateral).toBe(true);
    paper!.corners.forEach((c, i) => {
      expect(Math.abs(c[0] - corners[i]![0])).toBeLessThan(8);
      expect(Math.abs(c[1] - corners[i]![1])).toBeLessThan(8);
    });
    expect(paper!.mask[5 * 600 + 5]).toBe(0);
    expect(paper!.mask[240 * 600 + 300]).toBe(1);
  });

  it('crops a photo to a small sheet on a desk (a receipt photographed from standing height), not to a large one', () => {
    const corners: Array<[number, number]> = [[250, 200], [370, 195], [372, 275], [248, 280]];
    const rgba = grayToRgba(sheetPhoto(600, 480, corners));
    const box = findSmallSheet(rgbaToGray(rgba), rgba);
    expect(box).toBeDefined();
    // The sheet (248–372 × 195–280) and a tenth of its width around it.
    expect(Math.abs(box!.x - 236)).toBeLessThan(6);
    expect(Math.abs(box!.y - 183)).toBeLessThan(6);
    expect(Math.abs(box!.x + box!.w - 384)).toBeLessThan(6);
    expect(Math.abs(box!.y + box!.h - 292)).toBeLessThan(6);
    const result = preprocess(rgba);
    expect(result.steps.map((s) => s.name)).toContain('crop-sheet');
    expect(result.geometry[0]).toEqual({ kind: 'crop', box });
    // A point of the processed page maps back onto the sheet in the photo.
    const back = mapBoxToSource({ x: result.raster.width / 2, y: result.raster.height / 2, w: 1, h: 1 }, result);
    expect(Math.abs(back.x - 310)).toBeLessThan(10);
    expect(Math.abs(back.y - 238)).toBeLessThan(10);
    const large = grayToRgba(sheetPhoto(600, 480, [[80, 60], [520, 40], [540, 420], [60, 440]]));
    expect(findSmallSheet(rgbaToGray(large), large)).toBeUndefined();
  });

  it('mends a corner the mask took out on a desk lit as brightly as the paper', () => {
    // A lamp over the picture's top-right corner lights the desk there as brightly as the sheet:
    // the mask runs on from the sheet's top-right corner into the picture's.
    const corners: Array<[number, number]> = [[80, 60], [520, 40], [540, 420], [60, 440]];
    const g = sheetPhoto(600, 480, corners);
    const toSheet = homography(corners, [[0, 0], [1, 0], [1, 1], [0, 1]]);
    for (let y = 0; y < 480; y++) for (let x = 0; x < 600; x++) {
      const [u, v] = applyHomography(toSheet, x + 0.5, y + 0.5);
      if (u >= 0 && u <= 1 && v >= 0 && v <= 1) continue;
      const lit = Math.max(0, 1 - Math.hypot(600 - x, y) / 260);
      g.data[y * 600 + x] = Math.min(255, g.data[y * 600 + x]! + Math.round(175 * Math.min(1, lit * 1.6)));
    }
    const paper = findPaperMask(g);
    expect(paper?.quadrilateral).toBe(true);
    paper!.corners.forEach((c, i) => {
      expect(Math.abs(c[0] - corners[i]![0])).toBeLessThan(8);
      expect(Math.abs(c[1] - corners[i]![1])).toBeLessThan(8);
    });
  });

  it('takes in a sheet\'s corner in shade, darker than the threshold of paper', () => {
    // The light falls off towards the sheet's bottom-left corner: its paper there is half as light.
    const corners: Array<[number, number]> = [[80, 60], [520, 40], [540, 420], [60, 440]];
    const g = sheetPhoto(600, 480, corners);
    for (let y = 0; y < 480; y++) for (let x = 0; x < 600; x++) {
      const light = 1 - 0.5 * Math.max(0, 1 - Math.hypot(x - 60, y - 440) / 250);
      g.data[y * 600 + x] = Math.round(g.data[y * 600 + x]! * light);
    }
    const paper = findPaperMask(g);
    expect(paper?.quadrilateral).toBe(true);
    paper!.corners.forEach((c, i) => {
      expect(Math.abs(c[0] - corners[i]![0])).toBeLessThan(8);
      expect(Math.abs(c[1] - corners[i]![1])).toBeLessThan(8);
    });
    expect(paper!.mask[420 * 600 + 90]).toBe(1);
    // Lit from the top right over a lighter desk, the shade reaches the desk too: growing from the
    // whole sheet runs on over the desk out of its corners' tips; grown from its inner pixels, it
    // stops at its edge and the desk stays out.
    const lit = sheetPhoto(600, 480, corners, 110);
    for (let y = 0; y < 480; y++) for (let x = 0; x < 600; x++) {
      lit.data[y * 600 + x] = Math.round(lit.data[y * 600 + x]! * (1 - 0.6 * Math.min(1, Math.hypot(600 - x, y) / 700)));
    }
    const kept = findPaperMask(lit);
    expect(kept?.quadrilateral).toBe(true);
    kept!.corners.forEach((c, i) => {
      expect(Math.abs(c[0] - corners[i]![0])).toBeLessThan(8);
      expect(Math.abs(c[1] - corners[i]![1])).toBeLessThan(8);
    });
    expect(kept!.mask[470 * 600 + 590]).toBe(0);
    expect(kept!.mask[470 * 600 + 20]).toBe(0);
  });

  it('takes in a sheet\'s corner cut off by a shadow across it, though the sheet without it fills its quadrilateral', () => {
    // A shadow with a soft edge lies across the sheet's bottom-left corner and the desk around
    // it, at 0.45 of the light: the threshold of paper stopped at the shadow's edge, and the
    // outline's corner lay there, up the left side.
    const corners: Array<[number, number]> = [[80, 60], [520, 40], [540, 420], [60, 440]];
    const g = sheetPhoto(600, 480, corners);
    for (let y = 0; y < 480; y++) for (let x = 0; x < 600; x++) {
      const lit = Math.min(1, Math.max(0, (x + 480 - y - 140) / 48 + 0.5));
      g.data[y * 600 + x] = Math.round(g.data[y * 600 + x]! * (0.45 + 0.55 * lit));
    }
    const paper = findPaperMask(g);
    expect(paper?.quadrilateral).toBe(true);
    paper!.corners.forEach((c, i) => {
      expect(Math.abs(c[0] - corners[i]![0])).toBeLessThan(8);
      expect(Math.abs(c[1] - corners[i]![1])).toBeLessThan(8);
    });
    expect(paper!.mask[420 * 600 + 80]).toBe(1);
    expect(paper!.mask[470 * 600 + 20]).toBe(0);
  });

  it('keeps the text printed on a sheet in a shadow across its corner', () => {
    // A shadow as in the test above, reaching further in, with a line of glyphs printed in it:
    // growing into the shaded paper stops at their strokes, and they were whitened with the desk.
    const corners: Array<[number, number]> = [[80, 60], [520, 40], [540, 420], [60, 440]];
    const g = sheetPhoto(600, 480, corners);
    for (let i = 0; i < 4; i++) strokeGlyph(g, 90 + i * 22, 408, 18, 20, 40);
    for (let y = 0; y < 480; y++) for (let x = 0; x < 600; x++) {
      const lit = Math.min(1, Math.max(0, (x + 480 - y - 300) / 48 + 0.5));
      g.data[y * 600 + x] = Math.round(g.data[y * 600 + x]! * (0.45 + 0.55 * lit));
    }
    const paper = findPaperMask(g);
    expect(paper?.quadrilateral).toBe(true);
    expect(paper!.mask[409 * 600 + 100]).toBe(0);
    expect(paper!.shade?.[409 * 600 + 100]).toBe(1);
    expect(paper!.shade?.[470 * 600 + 20]).toBeFalsy();
    // Squared, the glyphs lie near the page's bottom-left corner.
    const { raster } = preprocess(grayToRgba(g));
    const { width: w, height: h, data } = raster;
    let ink = 0;
    for (let y = Math.round(0.88 * h); y < Math.round(0.97 * h); y++) for (let x = Math.round(0.05 * w); x < Math.round(0.3 * w); x++) if (data[y * w + x]! < 100) ink++;
    expect(ink).toBeGreaterThan(100);
  });

  it('takes in a curled sheet\'s side in shade, as grey as the desk\'s lightest part, though its bowed top shows no straight edge', () => {
    // A receipt curled away from the light: its top bows up by 11 px, its paper falls off from
    // 210 to 150 across its right 40 %, a shadow lies along its right side and foot, and the desk
    // runs from 152 at the upper left to 102 at the lower right. The threshold of paper cut the
    // sheet along the shade; grown back, the sheet's right side shows its edge but its bowed top
    // still does not, and it was left cut, its top-right corner taken 18 px too high.
    const corners: Array<[number, number]> = [[80, 60], [520, 40], [540, 420], [60, 440]];
    const w = 600, h = 480;
    const g = createGray(w, h, 0);
    const toSheet = homography(corners, [[0, 0], [1, 0], [1, 1], [0, 1]]);
    let seed = 5;
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
      const [u, v] = applyHomography(toSheet, x + 0.5, y + 0.5);
      let value = 152 - (50 * (x + y)) / (w + h);
      if ((u > 1 && u < 1.04 && v > 0 && v < 1.04) || (v > 1 && v < 1.04 && u > 0 && u < 1.04)) value *= 0.6;
      if (u >= 0 && u <= 1 && v >= -0.03 * Math.sin(Math.PI * u) && v <= 1) {
        value = 210 - 60 * Math.max(0, (u - 0.6) / 0.4);
        const row = Math.round(v / 0.15);
        if (row >= 1 && row <= 5 && Math.abs(v - row * 0.15) < 0.025 && u > 0.1 && u < 0.95 && (u * 40) % 1 < 0.7) value = 40;
      }
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      g.data[y * w + x] = Math.max(0, Math.min(255, Math.round(value) - 6 + (seed % 13)));
    }
    const paper = findPaperMask(g);
    expect(paper?.quadrilateral).toBe(true);
    paper!.corners.forEach((c, i) => {
      expect(Math.abs(c[0] - corners[i]![0])).toBeLessThan(8);
      expect(Math.abs(c[1] - corners[i]![1])).toBeLessThan(8);
    });
    const toPicture = homography([[0, 0], [1, 0], [1, 1], [0, 1]], corners);
    const at = (u: number, v: number) => {
      const [x, y] = applyHomography(toPicture, u, v);
      return paper!.mask[Math.round(y) * w + Math.round(x)];
    };
    // The shaded paper along the right side, and the text printed on it, are the sheet's.
    for (const [u, v] of [[0.97, 0.5], [0.985, 0.3], [0.93, 0.6], [0.94, 0.45]] as const) expect(at(u, v)).toBe(1);
    expect(paper!.mask[20 * w + 20]).toBe(0);
    expect(paper!.mask[470 * w + 590]).toBe(0);
  });

  it('finds a sheet lit across the whole picture from one corner, the lit desk there lighter than the paper\'s far side', () => {
    // A window at the picture's upper left: everything there 1.3 times as light, at the lower
    // right 0.6 times. The threshold of paper took in the desk at the upper left, and the outline
    // ran out to the picture's corner.
    const corners: Array<[number, number]> = [[80, 60], [520, 40], [540, 420], [60, 440]];
    const g = sheetPhoto(600, 480, corners, 150);
    for (let y = 0; y < 480; y++) for (let x = 0; x < 600; x++) g.data[y * 600 + x] = Math.min(255, Math.round(g.data[y * 600 + x]! * (1.3 - (0.7 * (x + y)) / 1080)));
    const paper = findPaperMask(g);
    expect(paper?.quadrilateral).toBe(true);
    paper!.corners.forEach((c, i) => {
      expect(Math.abs(c[0] - corners[i]![0])).toBeLessThan(8);
      expect(Math.abs(c[1] - corners[i]![1])).toBeLessThan(8);
    });
    expect(paper!.mask[5 * 600 + 5]).toBe(0);
    expect(paper!.mask[400 * 600 + 500]).toBe(1);
  });

  it('finds a sheet held in a hand, its blue header band with it and the palm beside it left out', () => {
    const corners: Array<[number, number]> = [[80, 60], [520, 40], [540, 420], [60, 440]];
    const grey = sheetPhoto(600, 480, corners);
    const toSheet = homography(corners, [[0, 0], [1, 0], [1, 1], [0, 1]]);
    const rgba = grayToRgba(grey);
    for (let y = 0; y < 480; y++) for (let x = 0; x < 600; x++) {
      const [u, v] = applyHomography(toSheet, x + 0.5, y + 0.5);
      // The band along the sheet's top edge; the palm left of its left edge, from row 180 to below
      // the sheet, the thumb over the edge.
      if (u >= 0 && u <= 1 && v >= 0 && v < 0.1) rgba.data.set([0, 102, 179], (y * 600 + x) * 4);
      else if (u < 0 && x >= 10 && y >= 180 && y < 470) rgba.data.set([190, 140, 115], (y * 600 + x) * 4);
      else if (u >= 0 && u < 0.05 && y >= 250 && y < 280) rgba.data.set([217, 165, 138], (y * 600 + x) * 4); // the thumb
    }
    const g = rgbaToGray(rgba);
    const paper = findPaperMask(g, rgba);
    expect(paper?.quadrilateral).toBe(true);
    paper!.corners.forEach((c, i) => {
      expect(Math.abs(c[0] - corners[i]![0])).toBeLessThan(10);
      expect(Math.abs(c[1] - corners[i]![1])).toBeLessThan(10);
    });
    expect(paper!.mask[68 * 600 + 300]).toBe(1); // the band
    expect(paper!.mask[300 * 600 + 30]).toBe(0); // the palm
  });

  /**
   * A sheet (corners as in the tests above) on a brown wooden desk, in colour: each pixel of the
   * sheet at (u, v) (0–1 across and down it) painted `band(u, v)` where that gives a colour.
   */
  function sheetOnBrownDesk(band: (u: number, v: number) => [number, number, number] | undefined): RgbaRaster {
    const corners: Array<[number, number]> = [[80, 60], [520, 40], [540, 420], [60, 440]];
    const toSheet = homography(corners, [[0, 0], [1, 0], [1, 1], [0, 1]]);
    const rgba = grayToRgba(sheetPhoto(600, 480, corners));
    for (let y = 0; y < 480; y++) for (let x = 0; x < 600; x++) {
      const [u, v] = applyHomography(toSheet, x + 0.5, y + 0.5);
      const colour = u >= 0 && u <= 1 && v >= 0 && v <= 1 ? band(u, v) : [107, 74, 46]; // the desk
      if (colour) rgba.data.set(colour, (y * 600 + x) * 4);
    }
    return rgba;
  }

  it('takes in a blue band along a sheet\'s edge on a brown wooden desk (colours told apart by hue)', () => {
    // The band, at the foot.
    const rgba = sheetOnBrownDesk((_u, v) => (v > 0.9 ? [29, 79, 145] : undefined));
    const paper = findPaperMask(rgbaToGray(rgba), rgba);
    expect(paper?.quadrilateral).toBe(true);
    expect(Math.abs(paper!.corners[2]![1] - 420)).toBeLessThan(10);
    expect(paper!.mask[425 * 600 + 300]).toBe(1); // the band
  });

  it('takes in a band whose blue falls in two hue sectors, each half of it alone too short for the sheet\'s edge', () => {
    // The band along the top: its left half cyan-blue (hue 3.42), its right half blue (3.69).
    const rgba = sheetOnBrownDesk((u, v) => (v < 0.1 ? (u < 0.5 ? [20, 90, 140] : [30, 70, 160]) : undefined));
    const paper = findPaperMask(rgbaToGray(rgba), rgba);
    expect(paper?.quadrilateral).toBe(true);
    expect(Math.abs(paper!.corners[0]![1] - 60)).toBeLessThan(10);
    expect(Math.abs(paper!.corners[1]![1] - 40)).toBeLessThan(10);
    const onSheet = homography([[0, 0], [1, 0], [1, 1], [0, 1]], [[80, 60], [520, 40], [540, 420], [60, 440]]);
    for (const u of [0.25, 0.75]) {
      const [x, y] = applyHomography(onSheet, u, 0.05).map(Math.round) as [number, number];
      expect(paper!.mask[y * 600 + x]).toBe(1);
    }
  });

  it('takes in a sheet\'s side in shade crossed by a window frame\'s sharp shadows, grey paper on a wooden desk as dark', () => {
    // Light from a window: everything right of x = 340 falls off to 0.7 over 40 px, and the
    // frame's shadows (0.75, sharp-edged) cross the picture down x = 430–444 and along
    // y = 250–261. The shaded paper (grey 160) is darker than the lit desk (tan, 166), so the
    // threshold of paper cut the sheet along the shade, and growing into the shade over gentle
    // slopes stopped at the frame's shadows: the sheet's right third was whitened with the desk.
    const corners: Array<[number, number]> = [[80, 60], [520, 40], [540, 420], [60, 440]];
    const w = 600, h = 480;
    const toSheet = homography(corners, [[0, 0], [1, 0], [1, 1], [0, 1]]);
    const rgba = grayToRgba(createGray(w, h, 0));
    let seed = 7;
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
      const [u, v] = applyHomography(toSheet, x + 0.5, y + 0.5);
      let colour = [205, 162, 112]; // the desk
      if (u >= 0 && u <= 1 && v >= 0 && v <= 1) {
        const row = Math.round(v / 0.15);
        const ink = row >= 1 && row <= 5 && Math.abs(v - row * 0.15) < 0.025 && u > 0.1 && u < 0.9 && (u * 40) % 1 < 0.7;
        colour = ink ? [40, 40, 40] : [230, 230, 228];
      }
      let light = 1 - 0.3 * Math.min(1, Math.max(0, (x - 340) / 40));
      if ((x >= 430 && x < 445) || (y >= 250 && y < 262)) light *= 0.75;
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const noise = (seed % 9) - 4;
      rgba.data.set(colour.map((c) => Math.max(0, Math.min(255, Math.round(c * light) + noise))), (y * w + x) * 4);
    }
    const paper = findPaperMask(rgbaToGray(rgba), rgba);
    expect(paper?.quadrilateral).toBe(true);
    paper!.corners.forEach((c, i) => {
      expect(Math.abs(c[0] - corners[i]![0])).toBeLessThan(10);
      expect(Math.abs(c[1] - corners[i]![1])).toBeLessThan(10);
    });
    // The shaded paper beyond the frame's shadow, and a text row on it, are the sheet's.
    expect(paper!.mask[150 * w + 490]).toBe(1);
    expect(paper!.mask[Math.round(0.3 * 380 + 50) * w + 480]).toBe(1);
    expect(paper!.mask[300 * w + 580]).toBe(0);
    expect(paper!.mask[10 * w + 300]).toBe(0);
  });

  it('finds no sheet in a page photographed edge to edge, even with a dark band across its top', () => {
    expect(findPaperMask(sheetPhoto(600, 480, [[-5, -5], [605, -5], [605, 485], [-5, 485]]))).toBeUndefined();
    const banded = sheetPhoto(600, 480, [[-5, -5], [605, -5], [605, 485], [-5, 485]]);
    fillRect(banded, 0, 0, 600, 70, 30);
    for (let i = 0; i < 8; i++) fillRect(banded, 40 + i * 40, 25, 20, 4, 240); // light title text
    expect(findPaperMask(banded)).toBeUndefined();
  });

  it('finds no sheet where light merely falls off towards the corners (a vignette, no desk)', () => {
    const g = sheetPhoto(600, 480, [[-5, -5], [605, -5], [605, 485], [-5, 485]]);
    for (let y = 0; y < 480; y++) for (let x = 0; x < 600; x++) {
      const r = Math.hypot((x - 300) / 300, (y - 240) / 240);
      g.data[y * 600 + x] = g.data[y * 600 + x]! * Math.max(0.35, 1 - 0.55 * r * r);
    }
    expect(findPaperMask(g)).toBeUndefined();
  });

  it('straightens a sheet with a white margin, leaving out what lies around it', () => {
    // A dark desk, the sheet, and beyond its outline dark marks (a tablecloth's squares).
    const corners: Array<[number, number]> = [[80, 60], [520, 40], [540, 420], [60, 440]];
    const g = sheetPhoto(600, 480, corners, 120);
    fillRect(g, 30, 200, 20, 20, 40);
    fillRect(g, 280, 10, 20, 20, 40);
    const { raster } = rectifyPaper(g, corners, 30);
    let darkest = 255;
    for (let y = 0; y < raster.height; y++) for (let x = 0; x < raster.width; x++) {
      if (x < 24 || y < 24 || x >= raster.width - 24 || y >= raster.height - 24) darkest = Math.min(darkest, raster.data[y * raster.width + x]!);
    }
    expect(darkest).toBe(255);
    expect(raster.data.reduce((a, v) => Math.min(a, v), 255)).toBeLessThan(80); // the sheet's text is there
  });

  it('preprocessing whitens the desk, straightens the sheet and maps boxes back through the warp', () => {
    const corners: Array<[number, number]> = [[80, 60], [520, 40], [540, 420], [60, 440]];
    const photo = sheetPhoto(600, 480, corners);
    const result = preprocess(grayToRgba(photo));
    expect(result.stats.classification).toBe('photo');
    expect(result.steps.map((s) => s.name)).toEqual(expect.arrayContaining(['whiten-surround', 'rectify']));
    // The sheet's top-left corner in the processed raster lies at the margin; mapped back, at the photo's corner.
    const margin = Math.round(Math.max(...[600, 480]) / 40);
    const back = mapBoxToSource({ x: margin, y: margin, w: 1, h: 1 }, result);
    expect(Math.abs(back.x - 80)).toBeLessThan(12);
    expect(Math.abs(back.y - 60)).toBeLessThan(12);
  });
});

describe('preprocess', () => {
  it('keeps red and orange text dark on a colour screenshot while a light green bubble turns as light as the page', () => {
    const w = 400, h = 200;
    const rgba = { width: w, height: h, data: new Uint8ClampedArray(w * h * 4).fill(255) };
    const paint = (x0: number, y0: number, bw: number, bh: number, [r, g, b]: number[]) => {
      for (let y = y0; y < y0 + bh; y++) for (let x = x0; x < x0 + bw; x++) rgba.data.set([r!, g!, b!, 255], (y * w + x) * 4);
    };
    paint(20, 20, 360, 70, [0x95, 0xec, 0x69]); // green bubble…
    for (let i = 0; i < 8; i++) { paint(40 + i * 40, 40, 20, 3, [25, 25, 25]); paint(48 + i * 40, 34, 3, 24, [25, 25, 25]); } // …with black text
    for (let i = 0; i < 8; i++) { paint(40 + i * 40, 130, 20, 3, [0xe6, 0, 0x12]); paint(48 + i * 40, 124, 3, 24, [0xe6, 0, 0x12]); } // red text on white
    for (let i = 0; i < 8; i++) { paint(40 + i * 40, 170, 20, 3, [0xff, 0x82, 0x10]); paint(48 + i * 40, 164, 3, 24, [0xff, 0x82, 0x10]); } // orange text, luma 153
    const { raster, steps } = preprocess(rgba);
    expect(steps.map((s) => s.name)).toContain('colour-fills');
    const at = (x: number, y: number) => raster.data[y * raster.width + x]!;
    expect(at(25, 25)).toBeGreaterThan(200); // bubble
    expect(at(49, 140)).toBeLessThan(60); // red stroke
    expect(at(49, 180)).toBeLessThan(110); // orange stroke
    expect(at(49, 45)).toBeLessThan(20); // black stroke
  });

  it('leaves a red pen\'s ring lifted off a screenshot light, its paler edges too', () => {
    const w = 400, h = 300;
    const rgba = { width: w, height: h, data: new Uint8ClampedArray(w * h * 4).fill(255) };
    for (let i = 0; i < 8; i++) for (let y = 140; y < 164; y++) for (let x = 48 + i * 40; x < 51 + i * 40; x++) rgba.data.set([25, 25, 25, 255], (y * w + x) * 4); // text
    // The ring, its inner half a paler, greyer red (a JPEG's blurred colour at a stroke's edge).
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) { const r = Math.hypot(x - 200, y - 150); if (r >= 40 && r <= 47) rgba.data.set(r < 43 ? [201, 108, 103, 255] : [220, 50, 55, 255], (y * w + x) * 4); }
    const { raster, scale, steps } = preprocess(rgba);
    expect(steps.map((s) => s.name)).toEqual(expect.arrayContaining(['erase-seals', 'colour-fills']));
    const at = (x: number, y: number) => raster.data[Math.round(y * scale) * raster.width + Math.round(x * scale)]!;
    expect(at(200, 109)).toBeGreaterThan(225); // the pale edge, which its brightest channel (201) would have left grey
    expect(at(200, 105)).toBeGreaterThan(225);
    expect(at(49, 150)).toBeLessThan(40); // the text
  });

  it('turns a yellow bubble as light as the page, whatever its weak blue channel, keeping its black text', () => {
    const w = 400, h = 160;
    const rgba = { width: w, height: h, data: new Uint8ClampedArray(w * h * 4).fill(255) };
    const paint = (x0: number, y0: number, bw: number, bh: number, [r, g, b]: number[]) => {
      for (let y = y0; y < y0 + bh; y++) for (let x = x0; x < x0 + bw; x++) rgba.data.set([r!, g!, b!, 255], (y * w + x) * 4);
    };
    paint(20, 20, 360, 70, [0xfe, 0xe5, 0x00]); // a yellow bubble (luma 210, least channel 0)…
    for (let i = 0; i < 8; i++) { paint(40 + i * 40, 40, 20, 3, [25, 25, 25]); paint(48 + i * 40, 34, 3, 24, [25, 25, 25]); } // …with black text
    for (let i = 0; i < 8; i++) { paint(40 + i * 40, 130, 20, 3, [0xff, 0x98, 0x00]); paint(48 + i * 40, 124, 3, 24, [0xff, 0x98, 0x00]); } // orange text, luma 165
    const { raster } = preprocess(rgba);
    const at = (x: number, y: number) => raster.data[y * raster.width + x]!;
    expect(at(25, 25)).toBeGreaterThan(240); // the bubble
    expect(at(49, 45)).toBeLessThan(20); // its text
    expect(at(49, 140)).toBeLessThan(110); // orange text stays text
  });

  it('turns a tinted chat page white when no light text is on it, keeping grey and yellow text on it dark', () => {
    const w = 500, h = 260;
    const rgba = { width: w, height: h, data: new Uint8ClampedArray(w * h * 4) };
    const paint = (x0: number, y0: number, bw: number, bh: number, [r, g, b]: number[]) => {
      for (let y = y0; y < y0 + bh; y++) for (let x = x0; x < x0 + bw; x++) rgba.data.set([r!, g!, b!, 255], (y * w + x) * 4);
    };
    paint(0, 0, w, h, [0xb2, 0xc7, 0xd9]); // a light blue page (luma 195)…
    paint(20, 20, 300, 70, [255, 255, 255]); // …a white bubble…
    for (let i = 0; i < 6; i++) { paint(40 + i * 44, 40, 20, 3, [25, 25, 25]); paint(48 + i * 44, 34, 3, 24, [25, 25, 25]); } // …with black text
    paint(160, 120, 320, 70, [0xfe, 0xe5, 0x00]); // a yellow bubble…
    for (let i = 0; i < 6; i++) { paint(180 + i * 44, 140, 20, 3, [25, 25, 25]); paint(188 + i * 44, 134, 3, 24, [25, 25, 25]); } // …with black text
    for (let i = 0; i < 3; i++) paint(40 + i * 30, 150, 3, 20, [0xd4, 0xa3, 0x00]); // a read count in yellow (luma 159)
    for (let i = 0; i < 4; i++) { paint(40 + i * 26, 210, 14, 3, [0x55, 0x66, 0x77]); paint(45 + i * 26, 204, 3, 18, [0x55, 0x66, 0x77]); } // a grey time
    const { raster, steps, scale } = preprocess(rgba);
    expect(steps.map((s) => s.name)).toContain('whiten-background');
    const at = (x: number, y: number) => raster.data[Math.round(y * scale) * raster.width + Math.round(x * scale)]!;
    expect(at(400, 240)).toBeGreaterThan(225); // the page
    expect(at(170, 125)).toBeGreaterThan(240); // the yellow bubble
    expect(at(30, 25)).toBeGreaterThan(240); // the white bubble
    expect(at(189, 150)).toBeLessThan(20); // text in the bubbles
    expect(at(49, 50)).toBeLessThan(20);
    expect(at(41, 160)).toBeLessThan(110); // the read count
    expect(at(46, 215)).toBeLessThan(110); // the time
  });

  it('turns a coloured button outline light but keeps the coloured label inside it dark', () => {
    const w = 600, h = 200;
    const rgba = { width: w, height: h, data: new Uint8ClampedArray(w * h * 4).fill(255) };
    const paint = (x0: number, y0: number, bw: number, bh: number, [r, g, b]: number[]) => {
      for (let y = y0; y < y0 + bh; y++) for (let x = x0; x < x0 + bw; x++) rgba.data.set([r!, g!, b!, 255], (y * w + x) * 4);
    };
    const green = [7, 193, 96];
    paint(100, 60, 300, 2, green); paint(100, 118, 300, 2, green); // the outline, top and bottom…
    paint(100, 60, 2, 60, green); paint(398, 60, 2, 60, green); // …and sides
    for (let i = 0; i < 5; i++) { paint(130 + i * 50, 88, 24, 3, green); paint(140 + i * 50, 76, 3, 30, green); } // the label
    const { raster } = preprocess(rgba);
    const at = (x: number, y: number) => raster.data[y * raster.width + x]!;
    // The outline takes its brightest channel (193): far lighter than the label, which keeps its luma.
    expect(at(250, 60)).toBeGreaterThan(90);
    expect(at(100, 90)).toBeGreaterThan(90);
    expect(at(141, 95)).toBeLessThan(30);
  });

  it('classifies a flat rendered page as a screenshot and a noisy one as a photo', () => {
    const flat = textPage(600, 400, 20, 5);
    expect(measureImage(grayToRgba(flat)).classification).toBe('screenshot');
    const noisy = textPage(600, 400, 20, 5);
    let seed = 7;
    for (let i = 0; i < noisy.data.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      noisy.data[i] = Math.max(0, Math.min(255, noisy.data[i]! - 30 + (seed % 21)));
    }
    expect(measureImage(grayToRgba(noisy)).classification).toBe('photo');
  });

  it('tells a chat over a photo wallpaper (noisy mid-tones) from a photo by its exactly flat bubbles', () => {
    const noisy = () => {
      const g = textPage(600, 400, 20, 5);
      let seed = 11;
      for (let i = 0; i < g.data.length; i++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        g.data[i] = Math.max(1, Math.min(254, 150 - 30 + (seed % 61)));
      }
      return g;
    };
    const photo = noisy();
    fillRect(photo, 0, 0, 600, 60, 255); // clipped white: a photo can have it too
    expect(measureImage(grayToRgba(photo)).classification).toBe('photo');
    const chat = noisy();
    fillRect(chat, 0, 0, 600, 60, 255);
    fillRect(chat, 300, 100, 260, 48, 240); // a pale bubble: 2 rows of 16 tiles, 3.4 % of the tiles
    const stats = measureImage(grayToRgba(chat));
    expect(stats.flatness).toBeLessThan(0.6);
    expect(stats.uniformTiles).toBeCloseTo(32 / 925, 3);
    expect(stats.classification).toBe('screenshot');
  });

  it('upscales small rendered text and maps boxes back to the original', () => {
    const page = textPage(500, 400, 11, 6);
    const result = preprocess(grayToRgba(page));
    expect(result.scale).toBeGreaterThan(1.5);
    expect(result.steps.map((s) => s.name)).toContain('upscale');
    const box = { x: 60 * result.scale, y: 60 * result.scale, w: 9 * result.scale, h: 11 * result.scale };
    const back = mapBoxToSource(box, result);
    expect(Math.abs(back.x - 60)).toBeLessThanOrEqual(1);
    expect(Math.abs(back.y - 60)).toBeLessThanOrEqual(1);
    expect(Math.abs(back.w - 9)).toBeLessThanOrEqual(2);
  });

  it.each<[string, number, number | undefined, boolean]>([
    ['19px CJK-sized lines are enlarged by default', 19, undefined, true],
    ['19px lines are left alone on a Latin-only page', 19, MIN_LATIN_LINE_HEIGHT, false],
    ['11px lines are enlarged even on a Latin-only page', 11, MIN_LATIN_LINE_HEIGHT, true],
  ])('%s', (_name, lineHeight, minLineHeight, upscaled) => {
    const result = preprocess(grayToRgba(textPage(700, 600, lineHeight, 6)), minLineHeight ? { minLineHeight } : {});
    expect(result.steps.some((s) => s.name === 'upscale')).toBe(upscaled);
  });

  it.each<[number, boolean]>([
    [17, true],
    [19, false],
  ])('on a photo, enlarges lines of %ipx: %s', (lineHeight, upscaled) => {
    const page = textPage(700, 600, lineHeight, 6);
    let seed = 7;
    for (let i = 0; i < page.data.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      page.data[i] = Math.max(0, Math.min(255, page.data[i]! - 30 + (seed % 21)));
    }
    const result = preprocess(grayToRgba(page));
    expect(result.stats.classification).toBe('photo');
    expect(result.steps.some((s) => s.name === 'upscale')).toBe(upscaled);
  });

  it('applies the EXIF orientation first (orientation 6 swaps the axes)', () => {
    const result = preprocess(grayToRgba(textPage(300, 200, 24, 2)), { orientation: 6 });
    expect([result.sourceWidth, result.sourceHeight]).toEqual([200, 300]);
    expect(result.steps[0]!.name).toBe('orientation');
  });

  it('deskews a photographed page when asked and reports the angle', () => {
    const page = rotateGray(textPage(900, 700, 18, 12), 3);
    const result = preprocess(grayToRgba(page), { deskew: true });
    const step = result.steps.find((s) => s.name === 'deskew');
    expect(step?.detail).toMatch(/^3(\.\d+)?°$|^2\.[89]\d*°$/);
  });
});

describe('liftHighlights', () => {
  /** A 500 × 200 white page in RGBA: a pink band (30 px tall) over black strokes, and a line of orange strokes. */
  function markedPage() {
    const w = 500, h = 200;
    const rgba = { width: w, height: h, data: new Uint8ClampedArray(w * h * 4).fill(255) };
    const paint = (x: number, y: number, c: [number, number, number]) => rgba.data.set(c, (y * w + x) * 4);
    for (let y = 40; y < 70; y++) for (let x = 40; x < 440; x++) paint(x, y, [255, 158, 207]);
    // Black "glyphs" inside the band: 3 px strokes 20 px tall every 24 px.
    for (let k = 0; k < 16; k++) for (let y = 45; y < 65; y++) for (let x = 0; x < 3; x++) paint(50 + k * 24 + x, y, [30, 30, 30]);
    // Orange text below: 3 px strokes 22 px tall every 12 px, and a bar across their tops.
    for (let k = 0; k < 30; k++) for (let y = 120; y < 142; y++) for (let x = 0; x < 3; x++) paint(50 + k * 12 + x, y, [255, 140, 0]);
    for (let x = 50; x < 410; x++) for (let y = 120; y < 123; y++) paint(x, y, [255, 140, 0]);
    return rgba;
  }

  it('lifts a highlighter\'s band to paper, keeping the text under it, and leaves coloured text alone', () => {
    const rgba = markedPage();
    const g = rgbaToGray(rgba);
    const before = g.data.slice();
    expect(liftHighlights(rgba, g)).toBe(1);
    expect(before[42 * 500 + 45]).toBeLessThan(200);
    expect(g.data[42 * 500 + 45]).toBe(255); // the band → paper
    expect(g.data[50 * 500 + 51]).toBe(before[50 * 500 + 51]); // a black stroke in it stays
    expect(g.data[130 * 500 + 51]).toBe(before[130 * 500 + 51]); // the orange text stays
  });

  it('lifts nothing on paper of a highlighter\'s colour: a carbonless form\'s yellow sheet and its cells', () => {
    /** A 500 × `h` page, yellow or white, with a table's red rules round two wide yellow cells, a line of black strokes in each. */
    const form = (h: number, paper: [number, number, number]) => {
      const w = 500;
      const rgba = { width: w, height: h, data: new Uint8ClampedArray(w * h * 4).fill(255) };
      for (let i = 0; i < w * h; i++) rgba.data.set(paper, i * 4);
      for (let y = 30; y < 153; y++) for (let x = 20; x < 480; x++) rgba.data.set([250, 240, 160], (y * w + x) * 4);
      for (const y of [30, 90, 150]) for (let x = 20; x < 480; x++) for (let k = 0; k < 3; k++) rgba.data.set([200, 40, 40], ((y + k) * w + x) * 4);
      for (const x of [20, 477]) for (let y = 30; y < 153; y++) for (let k = 0; k < 3; k++) rgba.data.set([200, 40, 40], (y * w + x + k) * 4);
      for (const top of [45, 105]) for (let j = 0; j < 16; j++) for (let y = top; y < top + 24; y++) for (let k = 0; k < 3; k++) rgba.data.set([30, 30, 30], (y * w + 60 + j * 24 + k) * 4);
      return rgba;
    };
    const yellow = form(400, [250, 240, 160]);
    const g = rgbaToGray(yellow);
    const before = g.data.slice();
    expect(liftHighlights(yellow, g)).toBe(0);
    expect(g.data).toEqual(before);
    // The same cells on a white page are marked by a pen.
    const white = form(400, [255, 255, 255]);
    expect(liftHighlights(white, rgbaToGray(white))).toBe(2);
  });

  it('leaves a red banner under white text alone: it is dark, no pen\'s mark', () => {
    const w = 500, h = 200;
    const rgba = { width: w, height: h, data: new Uint8ClampedArray(w * h * 4).fill(255) };
    for (let y = 40; y < 90; y++) for (let x = 0; x < w; x++) rgba.data.set([200, 30, 30], (y * w + x) * 4);
    for (let y = 55; y < 75; y++) for (let x = 60; x < 300; x += 10) rgba.data.set([255, 255, 255], (y * w + x) * 4);
    const g = rgbaToGray(rgba);
    expect(liftHighlights(rgba, g)).toBe(0);
  });
});

describe('joinDots', () => {
  /** A 400 × 200 page of 40 "glyphs" (a box and a cross, 15 px) printed as 2 × 2 dots 3 px apart, darkened to `ink`. */
  function dotPage(ink = 60): GrayRaster {
    const g = createGray(400, 200, 245);
    for (let k = 0; k < 40; k++) {
      const gx = 20 + (k % 20) * 18, gy = 40 + Math.floor(k / 20) * 60;
      for (let j = 0; j <= 15; j += 3) {
        for (let i = 0; i <= 15; i += 3) {
          if (i === 0 || i === 15 || j === 0 || j === 15 || i === j) fillRect(g, gx + i, gy + j, 2, 2, ink);
        }
      }
    }
    return g;
  }

  it('joins dot-matrix print into strokes: the gaps between its dots darken, the paper around stays', () => {
    const g = dotPage();
    const out = joinDots(g);
    expect(out.dots).toBeGreaterThan(150);
    // A gap between two dots of a glyph's left edge (x 20–21, dots at y 40–41 and 43–44).
    expect(g.data[42 * 400 + 20]).toBe(245);
    expect(out.raster.data[42 * 400 + 20]).toBeLessThan(200);
    expect(out.raster.data[150 * 400 + 200]).toBe(245); // paper far from print
    expect(g.data[42 * 400 + 20]).toBe(245); // the input is left as it was
  });

  it('leaves alone solid print, grain of dots far apart, and grain of specks of all sizes close together', () => {
    const solid = createGray(400, 200, 245);
    for (let k = 0; k < 40; k++) fillRect(solid, 20 + (k % 20) * 18, 40 + Math.floor(k / 20) * 60, 3, 16, 40);
    expect(joinDots(solid)).toEqual({ raster: solid, dots: 0 });
    const grain = createGray(400, 200, 245);
    let seed = 5;
    for (let k = 0; k < 600; k++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      const x = (seed >>> 8) % 398, y = (seed >>> 20) % 198;
      fillRect(grain, x, y, 2, 2, 60);
    }
    expect(joinDots(grain).dots).toBe(0);
    // Grain of specks 1–3 px across, 3–6 px apart, every one with neighbours: sizes and
    // distances vary, a printer's grid does not.
    const dense = createGray(400, 200, 245);
    const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) >>> 0; return (seed >>> 16) % n; };
    for (let y = 20; y < 180; y += 3 + rnd(4)) for (let x = 20; x < 380; x += 3 + rnd(4)) fillRect(dense, x, y, 1 + rnd(3), 1 + rnd(3), 60);
    expect(joinDots(dense).dots).toBe(0);
  });
});

describe('removeSpeckles', () => {
  /** A white 60 × 40 page with a black stroke 2 px wide (a letter's stem), a 2 × 2 full stop, and `extra` black pixels. */
  function page(extra: Array<[number, number]>, fill = 255) {
    const g = createGray(60, 40, fill);
    const set = (x: number, y: number, v: number) => { g.data[y * 60 + x] = v; };
    for (let y = 5; y < 35; y++) { set(10, y, 0); set(11, y, 0); }
    for (const [x, y] of [[20, 30], [21, 30], [20, 31], [21, 31]] as const) set(x, y, 0);
    for (const [x, y] of extra) set(x, y, 0);
    return { g, at: (x: number, y: number) => g.data[y * 60 + x] };
  }

  it('whitens lone black specks and pairs, and keeps strokes and full stops', () => {
    const { g, at } = page([[40, 10], [45, 20], [46, 21], [30, 5], [30, 6], [30, 7]]);
    const changed = removeSpeckles(g);
    expect([at(40, 10), at(45, 20), at(46, 21)]).toEqual([255, 255, 255]);
    expect([at(30, 5), at(30, 6), at(30, 7)]).toEqual([0, 0, 0]); // three in a row: a stroke
    expect([at(20, 30), at(21, 31), at(10, 5), at(11, 34)]).toEqual([0, 0, 0, 0]);
    expect(changed).toBe(3);
  });

  it('fills a lone white pixel inside black', () => {
    const { g, at } = page([]);
    for (let y = 10; y < 15; y++) for (let x = 40; x < 45; x++) g.data[y * 60 + x] = 0;
    g.data[12 * 60 + 42] = 255;
    expect(removeSpeckles(g)).toBe(1);
    expect(at(42, 12)).toBe(0);
  });

  it('leaves a grey image alone (anti-aliased text has no specks)', () => {
    const { g, at } = page([[40, 10]], 200);
    expect(removeSpeckles(g)).toBe(0);
    expect(at(40, 10)).toBe(0);
  });
});

describe('keepColouredStrokes', () => {
  /** A 200 × 120 screen of `bg` (RGB), with rectangles painted in colours. */
  function screen(bg: [number, number, number], rects: Array<[number, number, number, number, [number, number, number]]>) {
    const w = 200, h = 120, data = new Uint8ClampedArray(w * h * 4);
    for (let i = 0; i < w * h; i++) data.set([...bg, 255], i * 4);
    for (const [x0, y0, rw, rh, c] of rects) for (let y = y0; y < y0 + rh; y++) for (let x = x0; x < x0 + rw; x++) data.set([...c, 255], (y * w + x) * 4);
    const rgba = { width: w, height: h, data };
    return { least: rgbaToChannelExtreme(rgba, 'min'), brightest: rgbaToChannelExtreme(rgba, 'max'), at: (g: GrayRaster, x: number, y: number) => g.data[y * w + x] };
  }
  const blue: [number, number, number] = [10, 132, 255];
  /** Six "letters" 3 px wide and 16 tall, 10 px apart, from x. */
  const letters = (x: number, c: [number, number, number]) => Array.from({ length: 6 }, (_, k) => [x + k * 10, 20, 3, 16, c] as [number, number, number, number, [number, number, number]]);

  it('gives a link\'s blue letters on a dark screen their brightest channel, so that they stay text', () => {
    const { least, brightest, at } = screen([28, 28, 30], letters(20, blue));
    expect(at(least, 21, 25)).toBe(10);
    keepColouredStrokes(least, brightest);
    expect(at(least, 21, 25)).toBe(255);
    expect(at(least, 5, 5)).toBe(28);
  });

  it('gives bold orange glyphs on a dark card (strokes 12 px thick, too thick to open away) their brightest channel', () => {
    const orange: [number, number, number] = [255, 159, 10];
    const glyphs = Array.from({ length: 5 }, (_, k) => [[20 + k * 36, 40, 12, 30, orange], [20 + k * 36, 58, 24, 12, orange]] as Array<[number, number, number, number, [number, number, number]]>).flat();
    const { least, brightest, at } = screen([28, 28, 30], glyphs);
    keepColouredStrokes(least, brightest);
    expect(at(least, 26, 48)).toBe(255); // the middle of a stroke
    expect(at(least, 5, 5)).toBe(28);
    // A small blue bubble (60 × 40) holding white letters keeps its least channel.
    const bubble = screen([28, 28, 30], [[20, 10, 60, 40, blue], ...letters(26, [255, 255, 255]).slice(0, 4)]);
    keepColouredStrokes(bubble.least, bubble.brightest);
    expect(bubble.at(bubble.least, 40, 45)).toBe(10);
  });

  it.each([
    // The strip of blue between the bubble's edge (x 20) and its first letter (x 24) is thin and beside the dark screen.
    ['a blue bubble with white letters', [[20, 10, 150, 60, blue], ...letters(24, [255, 255, 255])], 22],
    ['a lone icon drawn in blue', [[20, 20, 3, 16, blue], [23, 20, 10, 3, blue]], 21],
  ] as const)('keeps the least channel of %s', (_what, rects, x) => {
    const { least, brightest, at } = screen([28, 28, 30], rects as never);
    keepColouredStrokes(least, brightest);
    expect(at(least, x, 25)).toBe(10);
  });

  it('keeps the least channel of the slivers of a green bubble between its black letters', () => {
    // Pairs of black bars 3 px apart inside a green bubble: the green between them is thin, beside
    // dark pixels and in a row, like a link's letters, but the bubble encloses it.
    const green: [number, number, number] = [62, 181, 117];
    const bars = Array.from({ length: 6 }, (_, k) => [[30 + k * 20, 30, 3, 16, [15, 15, 15]], [36 + k * 20, 30, 3, 16, [15, 15, 15]]]).flat();
    const { least, brightest, at } = screen([17, 17, 17], [[20, 10, 150, 60, green], ...bars] as never);
    keepColouredStrokes(least, brightest);
    expect(at(least, 34, 38)).toBe(62);
  });

  it('keeps the least channel of red letters on white paper', () => {
    const { least, brightest, at } = screen([255, 255, 255], letters(20, [220, 20, 20]));
    keepColouredStrokes(least, brightest);
    expect(at(least, 21, 25)).toBe(20);
  });
});

describe('levelShadowBands', () => {
  it('lifts the band of a fold\'s shadow across a sheet to the paper around it, keeping its text dark, not a dark header or a faint tint', () => {
    const g = createGray(400, 300, 250);
    fillRect(g, 0, 20, 400, 20, 60); // a dark header band (a dark area)
    fillRect(g, 0, 250, 400, 10, 240); // a faint tint (no shadow)
    for (let x = 20; x < 380; x += 30) { fillRect(g, x, 100, 12, 20, 30); fillRect(g, x, 150, 12, 20, 30); }
    // The shadow: rows 140–169 darkened to 70 % of the paper, the text on them too.
    for (let y = 140; y < 170; y++) for (let x = 0; x < 400; x++) g.data[y * 400 + x] = Math.round(g.data[y * 400 + x]! * 0.7);
    const { raster, rows, columns } = levelShadowBands(g);
    expect([rows, columns]).toEqual([30, 0]);
    expect(raster.data[145 * 400 + 5]).toBeGreaterThanOrEqual(248); // the shadowed paper → paper
    expect(raster.data[155 * 400 + 25]).toBeLessThan(40); // its text stays dark
    expect(raster.data[30 * 400 + 5]).toBe(60); // the header as it was
    expect(raster.data[255 * 400 + 5]).toBe(240); // the tint as it was
    expect(raster.data[110 * 400 + 25]).toBe(30);
    // A page without a band is returned as it is.
    const plain = createGray(200, 200, 250);
    expect(levelShadowBands(plain).raster).toBe(plain);
  });
});

describe('whitenLightWallpaper', () => {
  /**
   * A 540 × 400 chat screen on a photo wallpaper of `sky` (grain of ±2 per channel, a gentle
   * slope), with a flat green bubble holding black text, a time stamp's dark slate strokes on the
   * wallpaper and a flat white header bar.
   */
  function screen(sky: [number, number, number], grain = 2): RgbaRaster {
    const w = 540, h = 400;
    const data = new Uint8ClampedArray(w * h * 4);
    let seed = 7;
    const noise = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return (seed % (2 * grain + 1)) - grain; };
    const put = (x: number, y: number, c: readonly number[]) => { const p = 4 * (y * w + x); data[p] = c[0]!; data[p + 1] = c[1]!; data[p + 2] = c[2]!; data[p + 3] = 255; };
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) put(x, y, sky.map((v) => v + noise() + (y * 10) / h));
    for (let y = 0; y < 50; y++) for (let x = 0; x < w; x++) put(x, y, [255, 255, 255]);
    for (let y = 150; y < 250; y++) for (let x = 260; x < 520; x++) put(x, y, [141, 224, 106]);
    for (let k = 0; k < 6; k++) for (let y = 180; y < 220; y++) for (let x = 290 + 35 * k; x < 296 + 35 * k; x++) put(x, y, [26, 26, 26]);
    for (let k = 0; k < 4; k++) for (let y = 225; y < 245; y++) for (let x = 150 + 20 * k; x < 154 + 20 * k; x++) put(x, y, [60, 74, 92]);
    return { width: w, height: h, data };
  }
  const luma = (r: RgbaRaster, x: number, y: number) => { const p = 4 * (y * r.width + x); return 0.299 * r.data[p]! + 0.587 * r.data[p + 1]! + 0.114 * r.data[p + 2]!; };

  it('whitens a light photo wallpaper, keeping the time stamp on it, the green bubble and its text', () => {
    const rgba = screen([200, 215, 235]);
    const before = new Uint8ClampedArray(rgba.data);
    const found = whitenLightWallpaper(rgba)!;
    expect(found).toBeDefined();
    const out = found.raster;
    // The original is left as it was.
    expect(rgba.data).toEqual(before);
    for (const [x, y] of [[30, 100], [200, 300], [500, 380], [120, 240], [160, 250]] as const) expect(luma(out, x, y)).toBeGreaterThan(240);
    // Ink on the wallpaper and in the bubble, and the bubble's fill away from its rim, stay.
    expect(luma(out, 151, 235)).toBeCloseTo(luma(rgba, 151, 235), 5);
    expect(luma(out, 292, 200)).toBeCloseTo(26, 0);
    expect(Array.from(out.data.subarray(4 * (200 * 540 + 412), 4 * (200 * 540 + 412) + 3))).toEqual([141, 224, 106]);
  });

  it('leaves alone a dark wallpaper, whose time stamps are light, and a flat screen', () => {
    expect(whitenLightWallpaper(screen([60, 70, 90]))).toBeUndefined();
    expect(whitenLightWallpaper(screen([200, 215, 235], 0))).toBeUndefined();
  });
});

describe('large photos', () => {
  // A sheet as a 5-MP phone camera takes it: lines of glyphs 40 px tall and 100 px apart, the
  // sheet turned 6° on a grey desk streaked along its rows (a wooden desk's grain).
  function largePhoto(turn: number, glyph = 40): RgbaRaster {
    const w = 2600, h = 2000;
    const g = createGray(w, h);
    for (let y = 0; y < h; y++) fillRect(g, 0, y, w, 1, y % 9 < 3 ? 70 : 100);
    fillRect(g, 300, 200, 2000, 1600, 235);
    for (let l = 0; l < 14; l++) {
      for (let x = 380; x < 2200; x += 52) if (x % 520 > 60) fillRect(g, x, 280 + l * 100, 36, glyph, 30);
    }
    const photo = turn ? rotateGray(g, turn, 85) : g;
    // A camera's grain.
    let seed = 7;
    for (let i = 0; i < photo.data.length; i++) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; photo.data[i] = Math.max(0, Math.min(255, photo.data[i]! + (seed % 31) - 15)); }
    return grayToRgba(photo);
  }

  it.each([0, 6])('measures the lines of a sheet turned %f° on a streaked desk at their height, and reads it at its size', (turn) => {
    const result = preprocess(largePhoto(turn));
    expect(result.stats.classification).toBe('photo');
    const names = result.steps.map((s) => s.name);
    // Lines 40 px tall are read as they are: neither shrunk nor, once shrunk, enlarged again.
    expect(names).not.toContain('downscale');
    expect(names).not.toContain('upscale');
    expect(result.scale).toBe(1);
  }, 30_000);

  it('shrinks a large photo whose lines are 56 px tall to bring them to about 30 px', () => {
    const result = preprocess(largePhoto(6, 56));
    const names = result.steps.map((s) => s.name);
    expect(names).toContain('downscale');
    expect(names).not.toContain('upscale');
    expect(result.scale).toBeGreaterThan(0.45);
    expect(result.scale).toBeLessThan(0.65);
  }, 30_000);

  it('shrinks a large photo by the lines of its page when those measured on its reduced copy left its text to be magnified', async () => {
    // Set 69's e-invoice under glare at twice its size (1840 × 3232, lines about 50 px): on the
    // reduced copy its lines measured over 140 px, and the photo was shrunk to a fifth, its 10-px
    // text then magnified three times.
    const photo = await decodeImage(new Uint8Array(readFileSync('test/fixtures/ocr-extra/photo_einvoice_glare_tw.jpg')));
    const result = preprocess(resizeRgba(photo.raster, 2));
    const names = result.steps.map((s) => s.name);
    expect(names).toContain('downscale');
    expect(names).not.toContain('upscale');
    expect(result.scale).toBeGreaterThan(0.5);
    expect(result.scale).toBeLessThan(0.7);
  }, 60_000);

  it('finds the sheet of a photo whose first outline ran along a lit desk, two of its sides showing no edge', async () => {
    // Set 78's termination certificate, resampled (×2, then to 550 px tall): the desk at its upper
    // right is lit as light as the paper, and the sheet's left third lies in a shadow. Its first
    // outline took the desk's corner for the sheet's (two sides without an edge) and whitened the
    // shaded third, table and all, with the desk (56 % of the picture).
    const photo = await decodeImage(new Uint8Array(readFileSync('test/fixtures/ocr-extra/photo_cancel_proof_resampled_tw.jpg')));
    const result = preprocess(photo.raster, { orientation: photo.orientation });
    const names = result.steps.map((s) => s.name);
    expect(names).toContain('rectify');
    const whitened = result.steps.find((s) => s.name === 'whiten-surround')!;
    expect(Number(/(\d+)%/u.exec(whitened.detail)![1])).toBeLessThanOrEqual(50);
  });
});

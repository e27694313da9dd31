import { describe, expect, it } from 'vitest';
import type { OcrEngine, OcrInput, OcrWord } from '../../../shared/ocr/engine';
import { mergeReadings, ocrRaster, readByPanes, readDeblurred, turnUpright } from '../../../shared/ocr/pipeline';
import { mapBoxToSource } from '../../../shared/ocr/preprocess';
import { createGray, type GrayRaster } from '../../../shared/ocr/raster';
import type { OcrResult } from '../../../shared/ocr/engine';
import { line, page, word } from './results';

describe('mergeReadings', () => {
  it('puts in the second reading\'s lines where they hold more sure text than the words under them', () => {
    const first = page([
      line([word('11月21日星期四', 94, 450, 200, 260, 32)], 94),
      line([word('(會', 48, 400, 290, 130, 30), word('A', 86, 640, 295, 40, 36)], 60),
    ]);
    const second = page([
      line([word('11H21H', 55, 450, 200, 150, 32), word('25m', 40, 610, 200, 90, 32)], 50), // worse than the first
      line([word('08:47', 91, 400, 280, 300, 120)], 91), // over "(會" and "A"
      line([word('中華電信：您的國際漫遊日租型', 90, 76, 650, 600, 34)], 90), // where the first read nothing
    ]);
    const { result, taken } = mergeReadings(first, second);
    expect(result.lines.map((l) => l.text)).toEqual(['11月21日星期四', '08:47', '中華電信：您的國際漫遊日租型']);
    expect(taken).toBe(5 + 14);
  });

  it('keeps the first reading when the second adds nothing surer', () => {
    const first = page([line([word('中華電信', 92, 40, 100, 120, 30)], 92)]);
    const { result, taken } = mergeReadings(first, page([line([word('中華電倍', 70, 40, 100, 120, 30)], 70)]));
    expect(result).toBe(first);
    expect(taken).toBe(0);
  });
});

describe('ocrRaster', () => {
  /** A 400 × 200 white screenshot with two rows of black "glyphs" (12 × 20 px). */
  function screenshot() {
    const w = 400, h = 200, data = new Uint8ClampedArray(w * h * 4).fill(255);
    for (const y of [60, 120]) for (let x = 40; x < 260; x += 18) for (let yy = y; yy < y + 20; yy++) for (let xx = x; xx < x + 12; xx++) data.fill(0, (yy * w + xx) * 4, (yy * w + xx) * 4 + 3);
    return { raster: { width: w, height: h, data }, orientation: 1 };
  }
  /** An engine answering the n-th call from `answers`, a line per word (no words after them). */
  function scripted(answers: OcrWord[][]) {
    const sizes: Array<[number, number]> = [];
    const engine: OcrEngine = {
      recognize(input: OcrInput) {
        if (input.kind !== 'raster') throw new Error('raster expected');
        sizes.push([input.raster.width, input.raster.height]);
        const words = answers[sizes.length - 1] ?? [];
        return Promise.resolve(page(words.map((w) => line([w], w.confidence))));
      },
      dispose: () => Promise.resolve(),
    };
    return { engine, sizes };
  }

  it('reads a page again unprocessed when the first reading covers little of its text, and takes the surer lines', async () => {
    // The first reading found one unsure word; the second reads both rows. (Boxes are in the raster's frame, upscaled.)
    const first = [word('S', 13, 0, 0, 40, 40)];
    const { engine, sizes } = scripted([first, []]);
    const out1 = await ocrRaster(screenshot(), engine, { lang: 'chi_tra+eng' });
    expect(out1.preprocessing.map((s) => s.name)).not.toContain('read-unprocessed'); // the second reading found nothing
    const [w, h] = sizes[0]!;
    const scale = w / 400;
    const row = (text: string, y: number) => word(text, 92, Math.round(38 * scale), Math.round(y * scale), Math.round(224 * scale), Math.round(24 * scale));
    const again = scripted([first, [row('中華電信帳單繳費成功', 58), row('金額一千二百八十八元', 118)]]);
    const out = await ocrRaster(screenshot(), again.engine, { lang: 'chi_tra+eng' });
    // The first reading is of the glyphs' rows (the page's blank top and bottom left out); the second, of the whole page.
    expect(h).toBeLessThan(Math.round(200 * scale));
    expect(again.sizes[1]).toEqual([w, Math.round(200 * scale)]);
    expect(out.preprocessing.map((s) => s.name)).toContain('read-unprocessed');
    expect(out.text).toBe('中華電信帳單繳費成功\n金額一千二百八十八元');
  });

  it('does not read a page again when its first reading covers its text', async () => {
    const { engine, sizes } = scripted([]);
    const probe = await ocrRaster(screenshot(), engine, { lang: 'chi_tra+eng' });
    expect(probe.text).toBe('');
    const [w, h] = sizes[0]!;
    const s = w / 400;
    // The rows in the frame of the raster read: its first row of ink is the first row of glyphs.
    const readRows = (r: GrayRaster): OcrResult => {
      let top = 0;
      while (top < r.height && !r.data.subarray(top * r.width, (top + 1) * r.width).some((v) => v < 128)) top++;
      const at = (y: number) => Math.round(top + (y - 60) * s);
      return page([line([word('中華電信帳單繳費成功', 92, Math.round(38 * s), at(58), Math.round(224 * s), Math.round(24 * s))], 92), line([word('金額一千二百八十八元', 92, Math.round(38 * s), at(118), Math.round(224 * s), Math.round(24 * s))], 92)]);
    };
    const good: Array<[number, number]> = [];
    const engine2: OcrEngine = {
      recognize(input: OcrInput) {
        if (input.kind !== 'raster') throw new Error('raster expected');
        good.push([input.raster.width, input.raster.height]);
        return Promise.resolve(good.length === 1 ? readRows(input.raster) : page([]));
      },
      dispose: () => Promise.resolve(),
    };
    const out = await ocrRaster(screenshot(), engine2, { lang: 'chi_tra+eng' });
    expect(out.preprocessing.map((x) => x.name)).not.toContain('read-unprocessed');
    expect(good.filter(([ww, hh]) => ww === w && hh === h)).toHaveLength(1);
    // The words are placed back in the page: the first row's glyphs stand at y = 60 of the screenshot.
    expect(out.lines.map((l) => l.text)).toEqual(['中華電信帳單繳費成功', '金額一千二百八十八元']);
    expect(Math.abs(out.words[0]!.box.y - 58)).toBeLessThanOrEqual(2);
  });
});

describe('readByPanes', () => {
  it('reads each pane cut out without its dividing line and puts the words back in the page\'s frame', async () => {
    const g = createGray(300, 100);
    for (let x = 0; x < 300; x++) g.data[50 * 300 + x] = x; // each column tells its x
    const cuts: Array<{ first: number; width: number; from: number; to: number }> = [];
    const read = (r: GrayRaster, from: number, to: number): Promise<OcrResult> => {
      cuts.push({ first: r.data[50 * r.width]!, width: r.width, from, to });
      return Promise.resolve(page([line([word(`p${cuts.length}`, 90 - cuts.length, 5, 10, 20, 12)], 90)]));
    };
    const out = await readByPanes(g, [100, 200], read, 0.1, 0.9);
    expect(cuts.map((c) => [c.first, c.width])).toEqual([[0, 98], [103, 95], [203, 97]]);
    expect(out.lines.map((l) => [l.text, l.box.x, l.words[0]!.box.x])).toEqual([['p1', 5, 5], ['p2', 108, 108], ['p3', 208, 208]]);
    expect(out.words.map((w) => w.box.y)).toEqual([10, 10, 10]);
    expect(cuts[0]!.from).toBeCloseTo(0.1);
    expect(cuts[2]!.to).toBeCloseTo(0.9);
    expect(cuts[1]!.from).toBeCloseTo(0.1 + (0.8 * 103) / 300);
  });

  it('reads the band above the panes whole, first, and the panes below it', async () => {
    const g = createGray(300, 100);
    const cuts: Array<{ width: number; height: number; from: number; to: number }> = [];
    const read = (r: GrayRaster, from: number, to: number): Promise<OcrResult> => {
      cuts.push({ width: r.width, height: r.height, from, to });
      return Promise.resolve(page([line([word(`p${cuts.length}`, 90, 5, 4, 20, 12)], 90)]));
    };
    const out = await readByPanes(g, [100, 200], read, 0.1, 0.9, 20);
    expect(cuts.map((c) => [c.width, c.height])).toEqual([[300, 20], [98, 80], [95, 80], [97, 80]]);
    expect(out.lines.map((l) => [l.text, l.box.x, l.box.y])).toEqual([['p1', 5, 4], ['p2', 5, 24], ['p3', 108, 24], ['p4', 208, 24]]);
    expect(cuts[0]!.from).toBeCloseTo(0.1);
    expect(cuts[0]!.to).toBeCloseTo(0.1 + 0.8 * 0.2);
    expect(cuts[1]!.from).toBeCloseTo(0.1 + 0.8 * 0.2);
    expect(cuts[3]!.to).toBeCloseTo(0.9);
  });
});

describe('ocrRaster with panes', () => {
  it('reads a screenshot parted by a rule from top to bottom pane by pane', async () => {
    const w = 600, h = 300, data = new Uint8ClampedArray(w * h * 4).fill(255);
    const ink = (x0: number, y0: number, v: number, ww: number, hh: number) => { for (let y = y0; y < y0 + hh; y++) for (let x = x0; x < x0 + ww; x++) data.fill(v, (y * w + x) * 4, (y * w + x) * 4 + 3); };
    ink(300, 0, 200, 1, h); // the rule between the panes
    for (const y of [60, 120, 180]) for (let x = 40; x < 560; x += 18) if (x < 280 || x > 320) ink(x, y, 0, 12, 20);
    const widths: number[] = [];
    const engine: OcrEngine = {
      recognize(input: OcrInput) {
        if (input.kind !== 'raster') throw new Error('raster expected');
        widths.push(input.raster.width);
        return Promise.resolve(page([]));
      },
      dispose: () => Promise.resolve(),
    };
    const out = await ocrRaster({ raster: { width: w, height: h, data }, orientation: 1 }, engine, { lang: 'chi_tra+eng' });
    // First, two panes, each about half the page at its processing scale, the rule left out.
    const full = Math.round(w * out.scale);
    expect(widths.length).toBeGreaterThanOrEqual(2);
    expect(widths[0]! + widths[1]!).toBeGreaterThanOrEqual(full - 8);
    expect(widths[0]! + widths[1]!).toBeLessThan(full);
    expect(Math.abs(widths[0]! - widths[1]!)).toBeLessThanOrEqual(4);
  });
});

describe('ocrRaster on a chat screenshot', () => {
  it('drops a stray underscore before judging the input bar\'s icons: a microphone read "_" and "息" beside each other goes', async () => {
    const w = 1080, h = 1630, data = new Uint8ClampedArray(w * h * 4).fill(255);
    const ink = (x0: number, y0: number, ww: number, hh: number) => { for (let y = y0; y < y0 + hh; y++) for (let x = x0; x < x0 + ww; x++) data.fill(0, (y * w + x) * 4, (y * w + x) * 4 + 3); };
    const words = [
      word('好的，唔該晒！', 92, 100, 1435, 300, 30),
      word('訊息', 96, 118, 1550, 56, 28), word('2', 94, 803, 1547, 31, 35), word('回', 78, 865, 1551, 39, 29), word('_', 56, 952, 1534, 39, 60), word('息', 70, 992, 1542, 36, 47),
    ];
    for (const x of words) ink(x.box.x + 2, x.box.y + 2, Math.max(2, x.box.w - 4), Math.max(2, x.box.h - 4));
    let calls = 0;
    const engine: OcrEngine = {
      recognize() {
        return Promise.resolve(calls++ ? page([]) : page([line(words.slice(0, 1), 92), line(words.slice(1), 80)]));
      },
      dispose: () => Promise.resolve(),
    };
    const out = await ocrRaster({ raster: { width: w, height: h, data }, orientation: 1 }, engine, { lang: 'chi_tra+eng' });
    expect(out.lines.map((l) => l.text.replace(/\s+/gu, ''))).toEqual(['好的，唔該晒！', '訊息']);
  });
});

describe('turnUpright', () => {
  const raster = createGray(400, 200);
  /** A read answering the n-th call from `answers`, recording the sizes it was given. */
  function reads(answers: ReturnType<typeof page>[]) {
    const sizes: Array<[number, number]> = [];
    const read = (r: GrayRaster) => { sizes.push([r.width, r.height]); return Promise.resolve(answers[sizes.length - 1] ?? page([])); };
    return { read, sizes };
  }
  /** A reading of `lines` whose mean confidence is `confidence`. */
  const reading = (confidence: number, lines: Parameters<typeof page>[0]) => ({ ...page(lines), confidence });
  // A receipt turned a quarter clockwise, read as vertical text: its lines 30 px wide, 240 tall.
  const sideways = reading(92, [line([word('中華電信板橋門市', 92, 340, 10, 30, 240)], 92), line([word('銷售明細', 93, 300, 60, 30, 120)], 93)]);
  const upright = reading(90, [line([word('中華電信板橋門市', 90, 10, 40, 240, 30)], 90), line([word('銷售明細', 91, 60, 80, 120, 30)], 91)]);

  it('turns a page read as vertical text a quarter back, trying anticlockwise first', async () => {
    const { read, sizes } = reads([upright]);
    const turned = await turnUpright(sideways, raster, read);
    expect(turned?.orientation).toBe(8);
    expect(turned?.raster.width).toBe(200);
    expect(turned?.result).toBe(upright);
    expect(sizes).toEqual([[200, 400]]);
    // Anticlockwise reads nonsense: clockwise is tried.
    const both = reads([reading(30, [line([word('ǝʇ中華電信板橋門', 30, 10, 40, 240, 30)], 30)]), upright]);
    expect((await turnUpright(sideways, raster, both.read))?.orientation).toBe(6);
    expect(both.sizes).toHaveLength(2);
  });

  it('turns a page read unsure half a turn when it then reads far surer, and leaves a sure upright page alone', async () => {
    const nonsense = reading(29, [line([word('86S T Li oF)', 29, 10, 40, 240, 30)], 29)]);
    const { read, sizes } = reads([upright]);
    expect((await turnUpright(nonsense, raster, read))?.orientation).toBe(3);
    expect(sizes).toEqual([[400, 200]]);
    expect(await turnUpright(nonsense, raster, reads([reading(40, [line([word('86S T Li oF)', 40, 10, 40, 240, 30)], 40)])]).read)).toBeUndefined();
    const none = reads([]);
    expect(await turnUpright(upright, raster, none.read)).toBeUndefined();
    expect(none.sizes).toHaveLength(0);
  });

  it('maps a box of the turned page back to the picture', () => {
    // A 400 × 200 picture turned a quarter anticlockwise (200 × 400): its box at 10,20 (30 × 40) lies at 20,360 (40 × 30).
    const frame = { geometry: [{ kind: 'turn' as const, orientation: 8, width: 400, height: 200 }], sourceWidth: 400, sourceHeight: 200 };
    expect(mapBoxToSource({ x: 20, y: 360, w: 40, h: 30 }, frame)).toEqual({ x: 10, y: 20, w: 30, h: 40 });
    const clockwise = { ...frame, geometry: [{ kind: 'turn' as const, orientation: 6, width: 400, height: 200 }] };
    // Clockwise, the box lies at 200 − 60, 10 (40 × 30).
    expect(mapBoxToSource({ x: 140, y: 10, w: 40, h: 30 }, clockwise)).toEqual({ x: 10, y: 20, w: 30, h: 40 });
    const half = { ...frame, geometry: [{ kind: 'turn' as const, orientation: 3, width: 400, height: 200 }] };
    expect(mapBoxToSource({ x: 360, y: 140, w: 30, h: 40 }, half)).toEqual({ x: 10, y: 20, w: 30, h: 40 });
  });
});

describe('readDeblurred', () => {
  // Strokes 2 px wide, 6 px apart, smeared along the rows over 5 px.
  const raster = createGray(120, 40);
  for (let y = 10; y < 30; y++) {
    for (let x = 0; x < 120; x++) {
      let ink = 0;
      for (let d = -2; d <= 2; d++) if (x + d >= 20 && x + d < 100 && (x + d) % 6 < 2) ink++;
      raster.data[y * 120 + x] = 255 - (ink * 235) / 5;
    }
  }
  /** A reading of `text` whose words are read at `words` and the page at `confidence`. */
  const reading = (confidence: number, text: string, words = confidence) => ({ ...page([line([word(text, words, 20, 10, 80, 20)], words)]), confidence });
  function reads(answers: OcrResult[]) {
    const seen: GrayRaster[] = [];
    const read = (r: GrayRaster) => { seen.push(r); return Promise.resolve(answers[seen.length - 1] ?? page([])); };
    return { read, seen };
  }
  const first = reading(59, '车敬的张丽华女士-', 70);

  it('reads an unsure photo again with blurs of 3, 5 and 7 px undone along its rows and down its columns, and takes the reading with the most sure text', async () => {
    const { read, seen } = reads([reading(80, '尊敬的张丽华女士-'), reading(92, '尊敬的张丽华女士：'), reading(30, 'FORET')]);
    const out = await readDeblurred(first, raster, 1, read);
    expect([out?.along, out?.length]).toEqual(['rows', 5]);
    expect(out?.result.text).toBe('尊敬的张丽华女士：');
    expect(out?.raster).toBe(seen[1]);
    expect(seen).toHaveLength(6);
    // Each reading is of the page sharpened: the strokes darker, the paper between them lighter.
    expect(raster.data[20 * 120 + 42]).toBe(161); // a stroke
    expect(seen[1]!.data[20 * 120 + 42]).toBeLessThan(120);
    expect(raster.data[20 * 120 + 45]).toBe(208); // paper between two
    expect(seen[1]!.data[20 * 120 + 45]).toBeGreaterThan(230);
    // Down the columns the strokes stay smeared: the blur lies across them.
    expect(seen[4]!.data[20 * 120 + 45]).toBeLessThan(230);
    // At twice the photo's scale, the blurs are 7, 11 and 15 px of the raster; the surest reading
    // may be of the columns.
    const twice = await readDeblurred(first, raster, 2, reads([reading(80, '尊敬的张丽华女士-'), page([]), page([]), page([]), reading(92, '尊敬的张丽华女士：')]).read);
    expect([twice?.along, twice?.length]).toEqual(['columns', 11]);
  });

  it('sharpens the next page while the engine reads one: two readings under way at once, the same one taken', async () => {
    let running = 0, most = 0;
    const answers = new Map<number, OcrResult>([[1, reading(80, '尊敬的张丽华女士-')], [4, reading(92, '尊敬的张丽华女士：')]]);
    const sharpened: GrayRaster[] = [];
    const read = async (r: GrayRaster) => {
      const k = sharpened.push(r) - 1;
      most = Math.max(most, ++running);
      // The first asked is answered last.
      await new Promise((done) => setTimeout(done, k === 0 ? 40 : 5));
      running--;
      return answers.get(k) ?? page([]);
    };
    const out = await readDeblurred(first, raster, 1, read);
    expect(most).toBe(2);
    expect(sharpened).toHaveLength(6);
    expect([out?.along, out?.length]).toEqual(['columns', 5]);
    expect(out?.raster).toBe(sharpened[4]);
  });

  it('keeps the first reading when no sharpened one finds a fifth more sure text, and reads a sure page once', async () => {
    const { read } = reads([reading(75, '车敬的张丽华女士：'), reading(70, '车敬的张丽华女士'), reading(40, '车')]);
    expect(await readDeblurred(first, raster, 1, read)).toBeUndefined();
    const sure = reads([]);
    expect(await readDeblurred(reading(80, '尊敬的张丽华女士：'), raster, 1, sure.read)).toBeUndefined();
    expect(sure.seen).toHaveLength(0);
  });
});

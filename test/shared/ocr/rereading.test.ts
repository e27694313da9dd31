import { describe, expect, it } from 'vitest';
import type { OcrEngine, OcrInput, OcrWord, RecognizeOptions } from '../../../shared/ocr/engine';
import { inkCoverage, inkRows, readAmountsBeforeYuan, pageInk, liftDarkCut, whitenTintedGround, inkSpan, isInkSpread, masksSameNumber, MISSED_TEXT_CONFIDENCE, readMissedText, readPunctuationOfWeakWords, readTableCells, REREAD_SCALES, rereadSideBySide, rereadSmallText, rereadWeakLines, ruleColumns, slantOf, textBetweenRules, verticalRules, WEAK_LINE_CONFIDENCE } from '../../../shared/ocr/rereading';
import { createGray, cropGray, histogram, otsuThreshold, type GrayRaster } from '../../../shared/ocr/raster';
import { line, page, scripted, word } from './results';

const raster = createGray(600, 300);

/**
 * Draws into `g` a character 12 px wide and 20 tall at (x, y), its two strokes and its foot
 * leaning by `slope` px per row (right for a positive slope, as {@link slantOf} measures).
 */
function leaning(g: GrayRaster, x: number, y: number, slope: number): void {
  for (let r = 0; r < 20; r++) {
    const shift = Math.round(slope * (9.5 - r));
    for (const sx of [x, x + 9]) g.data.fill(0, (y + r) * g.width + sx + shift, (y + r) * g.width + sx + shift + 3);
  }
  g.data.fill(0, (y + 19) * g.width + x + Math.round(slope * -9.5), (y + 19) * g.width + x + Math.round(slope * -9.5) + 12);
}

describe('liftDarkCut', () => {
  it('turns a cut of light text on a dark ground negative, and leaves text on paper as it is', () => {
    // A white time on a wallpaper left dark: ground 80, strokes 220.
    const dark = createGray(40, 20, 80);
    dark.data.fill(220, 5 * 40 + 10, 5 * 40 + 30);
    liftDarkCut(dark);
    expect(dark.data[0]).toBe(175);
    expect(dark.data[5 * 40 + 10]).toBe(35);
    // Bold text on paper: a third of the cut ink.
    const paper = createGray(40, 20, 250);
    paper.data.fill(20, 0, 40 * 7);
    const before = Array.from(paper.data);
    expect(Array.from(liftDarkCut(paper).data)).toEqual(before);
  });
});

describe('whitenTintedGround', () => {
  const box = (g: GrayRaster, x: number, y: number, w: number, h: number, v: number) => {
    for (let row = y; row < y + h; row++) g.data.fill(v, row * g.width + x, row * g.width + x + w);
  };
  it("sets a chip's text on white, the next line's glyph tops in the margin blanked", () => {
    // A 200 × 80 cut: a grey chip (tone 160) from row 20 to 56 holding dark strokes (40) on rows
    // 28 to 48; below it, the tops of the next line's strokes (30) on rows 72 to 80.
    const g = createGray(200, 80);
    box(g, 10, 20, 180, 36, 160);
    for (let x = 30; x < 170; x += 12) box(g, x, 28, 3, 20, 40);
    for (let x = 20; x < 180; x += 15) box(g, x, 72, 3, 8, 30);
    whitenTintedGround(g);
    expect(g.data[22 * 200 + 100]).toBe(255); // the chip
    expect(g.data[30 * 200 + 31]).toBe(40); // its text
    expect(g.data[75 * 200 + 21]).toBe(255); // the next line's strokes
  });

  it('leaves grey text beside a dark badge, and dark text on white, as they are', () => {
    // A badge's dark glyphs (30) and a time's grey strokes (130) on a light page (235).
    const g = createGray(120, 30, 235);
    box(g, 4, 8, 12, 14, 30);
    for (let x = 30; x < 110; x += 8) box(g, x, 8, 3, 14, 130);
    const before = Array.from(g.data);
    expect(Array.from(whitenTintedGround(g).data)).toEqual(before);
    const paper = createGray(120, 30);
    box(paper, 10, 8, 60, 14, 20);
    box(paper, 9, 7, 62, 1, 180); // grey edges
    const clean = Array.from(paper.data);
    expect(Array.from(whitenTintedGround(paper).data)).toEqual(clean);
  });
});

describe('readAmountsBeforeYuan', () => {
  const paper = createGray(800, 600);
  // 新臺幣450元。 read "新臺幣 4507 元 。" in the page's reading.
  const read = () => line([word('新臺幣', 92, 300, 450, 60, 22), word('4507', 90, 362, 451, 36, 22), word('元', 92, 397, 452, 15, 21), word('。', 92, 414, 452, 10, 21)], 90);

  it('takes out the 7 between an amount\'s 0 and its 元 when the line read alone has the amount without it', async () => {
    const { engine, calls } = scripted(() => [word('新臺幣', 93, 10, 10, 60, 22), word('450', 92, 72, 10, 34, 22), word('元', 92, 107, 10, 15, 22), word('。', 93, 124, 10, 10, 22)]);
    const out = await readAmountsBeforeYuan(page([read(), line([word('合計', 92, 300, 500, 40, 22), word('356.807元', 92, 342, 500, 90, 22)], 92)]), paper, engine, 'chi_tra+eng');
    expect(calls.length).toBeGreaterThan(0);
    // The second line's reading alone is the first's: 356.80 is not in it, and the 7 stays.
    expect(out.lines.map((l) => l.text)).toEqual(['新臺幣 450 元 。', '合計 356.807元']);
  });

  it('takes it out of an amount read with its 元 as one word, and keeps an amount read again with its 7', async () => {
    const merged = page([line([word('费用', 92, 300, 400, 40, 22), word('356.807元', 92, 342, 400, 90, 22)], 92)]);
    const { engine } = scripted(() => [word('费用', 93, 10, 10, 40, 22), word('356.80', 92, 52, 10, 60, 22), word('元', 92, 114, 10, 15, 22)]);
    expect((await readAmountsBeforeYuan(merged, paper, engine, 'chi_sim+eng')).lines[0]!.text).toBe('费用 356.80元');
    // 1,207元 read again 1,207元; 150元 (no 0 before the 7) is never doubted; nor 4507 without 元 after it.
    const real = page([line([word('月租', 92, 300, 400, 40, 22), word('1,207', 92, 342, 400, 50, 22), word('元', 92, 394, 400, 15, 22)], 92)]);
    const again = scripted(() => [word('月租', 93, 10, 10, 40, 22), word('1,207', 92, 52, 10, 50, 22), word('元', 92, 104, 10, 15, 22)]);
    expect(await readAmountsBeforeYuan(real, paper, again.engine, 'chi_tra+eng')).toBe(real);
    const others = page([line([word('月租', 92, 300, 400, 40, 22), word('157', 92, 342, 400, 40, 22), word('元', 92, 384, 400, 15, 22)], 92), line([word('編號', 92, 300, 450, 40, 22), word('4507', 92, 342, 450, 40, 22)], 92)]);
    const none = scripted(() => []);
    expect(await readAmountsBeforeYuan(others, paper, none.engine, 'chi_tra+eng')).toBe(others);
    expect(none.calls).toHaveLength(0);
  });
});

describe('readPunctuationOfWeakWords', () => {
  // 本公司。 read "本 公司" with 公司 at 24, boxed over the full stop after it.
  const read = () => line([word('通知', 96, 326, 116, 35, 24), word('本', 96, 372, 120, 13, 23), word('公司', 24, 392, 120, 50, 24)], 80);

  it('takes a sure reading alone of an unsure Chinese word\'s characters with the punctuation it took in', async () => {
    const { engine, calls } = scripted(() => [word('公司', 93, 10, 14, 54, 24), word('。', 84, 54, 10, 13, 39)]);
    // 本's ink, which the cut's margin reaches: left blank in the cut.
    const g = createGray(600, 300);
    for (let y = 120; y < 143; y++) g.data.fill(0, y * 600 + 372, y * 600 + 385);
    const out = await readPunctuationOfWeakWords(page([read()]), g, engine, 'chi_tra+eng');
    expect(out.lines[0]!.words.map((w) => w.text)).toEqual(['通知', '本', '公司', '。']);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls[0]!.raster.data.every((v) => v === 255)).toBe(true);
  });

  it('leaves the word when read alone it gives other characters, no sentence mark, or an unsure reading', async () => {
    for (const answer of [[word('公同', 95, 10, 14, 54, 24), word('。', 90, 54, 10, 13, 39)], [word('公司', 95, 10, 14, 54, 24)], [word('公司', 95, 10, 14, 54, 24), word('#', 90, 54, 10, 13, 39)], [word('公司', 70, 10, 14, 54, 24), word('。', 60, 54, 10, 13, 39)]]) {
      const { engine } = scripted(() => answer);
      const result = page([read()]);
      expect(await readPunctuationOfWeakWords(result, raster, engine, 'chi_tra+eng')).toBe(result);
    }
    // Read surely, or not ending its line (a mark there is the next word's: 告知书 read "告知：书").
    const sure = page([line([word('本', 96, 372, 120, 13, 23), word('公司', 93, 392, 120, 50, 24)], 95)]);
    const inside = page([line([word('告知', 30, 372, 120, 50, 24), word('书', 93, 424, 120, 24, 24)], 80)]);
    const { engine, calls } = scripted(() => [word('告知', 93, 10, 14, 40, 24), word('：', 90, 50, 14, 8, 24)]);
    expect(await readPunctuationOfWeakWords(sure, raster, engine, 'chi_sim+eng')).toBe(sure);
    expect(await readPunctuationOfWeakWords(inside, raster, engine, 'chi_sim+eng')).toBe(inside);
    expect(calls).toHaveLength(0);
  });
});

describe('rereadWeakLines', () => {
  it('leaves a well-read page alone without asking the engine again', async () => {
    const { engine, calls } = scripted(() => []);
    const result = page([line([word('繳費期限', 91, 40), word('113/11/20', 88, 90)], 90), line([word('BEER', 95, 40, 140)], 95)]);
    expect(await rereadWeakLines(result, raster, engine, 'chi_tra+eng')).toBe(result);
    expect(calls).toHaveLength(0);
  });

  it('replaces a line the engine failed on by its more confident reading, boxes mapped back', async () => {
    // The failed line: 40…240 × 100…120; cut out with a margin of 0.6 × 20 = 12 px.
    const failed = line([word('9', 3, 40, 100, 30), word('do', 1, 80, 100, 100), word('ddw', 1, 190, 100, 50)], 2);
    const good = line([word('門號', 92, 40, 60)], 92);
    const { engine, calls } = scripted((call, width) => (call === 0 ? [word('0936一555一789。', 82, 9, 9, Math.round(width * 0.8), 15)] : [word('0d', 9, 9, 9, 40, 15)]));
    const out = await rereadWeakLines(page([good, failed]), raster, engine, 'chi_tra+eng');
    // The first reading is sure enough (≥ 80): the second scale is not tried.
    expect(calls.map((c) => [c.width, c.height, c.options.psm])).toEqual([[Math.round(224 * REREAD_SCALES[0]), Math.round(44 * REREAD_SCALES[0]), 'single-line']]);
    expect(out.lines[0]).toBe(good);
    expect(out.lines[1]!.text).toBe('0936一555一789。');
    expect(out.lines[1]!.confidence).toBe(82);
    // 0.75 scale: 9 px in the cut-out is 12 px in the raster, from the cut's corner (28, 88).
    expect(out.lines[1]!.words[0]!.box).toEqual({ x: 40, y: 100, w: 179, h: 20 });
    expect(out.words.map((w) => w.text)).toEqual(['門號', '0936一555一789。']);
  });

  it('reads its lines side by side when the engine can, the reading the same as one line at a time', async () => {
    const failed = (y: number) => line([word('9', 3, 40, y, 30), word('do', 1, 80, y, 100), word('ddw', 1, 190, y, 50)], 2);
    const lines = [failed(40), line([word('門號', 92, 40, 100)], 92), failed(160), failed(220)];
    const run = async (parallelism: number) => {
      let running = 0, most = 0, call = 0;
      const engine: OcrEngine = {
        parallelism,
        async recognize(input) {
          const n = call++;
          most = Math.max(most, ++running);
          // The first asked is answered last.
          await new Promise((r) => setTimeout(r, n === 0 ? 30 : 1));
          running--;
          return page([line([word(`0936一555一78${n}。`, 82, 9, 9, Math.round((input as { raster: GrayRaster }).raster.width * 0.8), 15)], 82)]);
        },
        dispose: () => Promise.resolve(),
      };
      const out = await rereadWeakLines(page(lines), createGray(600, 300), engine, 'chi_tra+eng');
      return { texts: out.lines.map((l) => l.text), most };
    };
    const one = await run(1), two = await run(2);
    expect(one.most).toBe(1);
    expect(two.most).toBe(2);
    expect(two.texts).toEqual(one.texts);
    expect(two.texts).toEqual(['0936一555一780。', '門號', '0936一555一781。', '0936一555一782。']);
  });

  it('reads a cut once per raster and engine: a second ask for it is answered from the first reading', async () => {
    const failed = () => line([word('9', 3, 40, 100, 30), word('do', 1, 80, 100, 100), word('ddw', 1, 190, 100, 50)], 2);
    const { engine, calls } = scripted(() => [word('0936一555一789。', 82, 9, 9, 160, 15)]);
    const own = createGray(600, 300);
    const first = await rereadWeakLines(page([failed()]), own, engine, 'chi_tra+eng');
    const again = await rereadWeakLines(page([failed()]), own, engine, 'chi_tra+eng');
    expect(calls).toHaveLength(1);
    expect(again.lines[0]!.text).toBe('0936一555一789。');
    expect(again.words[0]!.box).toEqual(first.words[0]!.box);
    // Its words are the caller's own: changing them changes no later answer.
    again.words[0]!.box.x = 0;
    expect((await rereadWeakLines(page([failed()]), own, engine, 'chi_tra+eng')).words[0]!.box).toEqual(first.words[0]!.box);
    // Another raster, or another language, is read.
    await rereadWeakLines(page([failed()]), createGray(600, 300), engine, 'chi_tra+eng');
    await rereadWeakLines(page([failed()]), own, engine, 'chi_sim+eng');
    expect(calls).toHaveLength(3);
  });

  it('reads a cut again after a reading that failed', async () => {
    let fail = true;
    const { engine, calls } = scripted(() => {
      if (fail) { fail = false; throw new Error('worker lost'); }
      return [word('0936一555一789。', 82, 9, 9, 160, 15)];
    });
    const own = createGray(600, 300);
    const failed = line([word('9', 3, 40, 100, 30), word('do', 1, 80, 100, 100), word('ddw', 1, 190, 100, 50)], 2);
    await expect(rereadWeakLines(page([failed]), own, engine, 'chi_tra+eng')).rejects.toThrow('worker lost');
    expect((await rereadWeakLines(page([failed]), own, engine, 'chi_tra+eng')).lines[0]!.text).toBe('0936一555一789。');
    expect(calls).toHaveLength(1);
  });

  it('reads a failed line again from its core band, not from a garbled word boxed into the next line', async () => {
    // 【遠傳】您１１月 read "[EM] 151 1 ARES", [EM] boxed 50 px tall (372–422) in a line of 32 px
    // boxes: the core band is 372–404, the margin 0.6 × 32 = 19 px (not 0.6 × 50 = 30).
    const failed = line([word('[EM]', 15, 86, 372, 98, 50), word('151', 33, 207, 372, 59, 32), word('1', 84, 288, 376, 12, 25), word('ARES', 23, 309, 372, 168, 32)], 20);
    const { engine, calls } = scripted(() => [word('【遠傳】您11月', 90, 19, 19, 391, 32)]);
    const g = createGray(600, 600);
    const out = await rereadWeakLines(page([failed]), g, engine, 'chi_tra+eng');
    expect(calls[0]).toMatchObject({ width: Math.round(429 * REREAD_SCALES[0]), height: Math.round(70 * REREAD_SCALES[0]) });
    expect(out.lines[0]!.text).toBe('【遠傳】您11月');
  });

  it('tries the next scale when a reading is not sure, and keeps the more confident one', async () => {
    const weak = line([word('0d', 9, 40)], 9);
    const { engine, calls } = scripted((call) => [word(call === 0 ? '0936-555-789,' : '0936-555-789。', call === 0 ? 70 : 86, 12, 12)]);
    const out = await rereadWeakLines(page([weak]), raster, engine, 'chi_tra+eng');
    expect(calls.map((c) => c.width)).toEqual(REREAD_SCALES.map((s) => Math.round(64 * s)));
    expect(out.lines[0]!.text).toBe('0936-555-789。');
    expect(out.lines[0]!.confidence).toBe(86);
  });

  it('tries the next scale after a sure reading with a figure read unsure (28 read 25 at 71 in a date), and keeps the more confident one', async () => {
    const weak = line([word('20245', 0, 40), word('11H28H', 0, 90)], 0);
    const reading = (day: string, confidence: number) => [word('2024', 92, 12, 12), word('年', 91, 30, 12), word('11', 90, 40, 12), word('月', 93, 50, 12), word(day, confidence, 60, 12), word('日', 92, 70, 12)];
    const { engine, calls } = scripted((call) => (call === 0 ? reading('25', 71) : reading('28', 88)));
    const out = await rereadWeakLines(page([weak]), raster, engine, 'chi_tra+eng');
    expect(calls).toHaveLength(REREAD_SCALES.length);
    expect(out.lines[0]!.text).toBe('2024 年 11 月 28 日');
    // Its figures read surely, a sure reading is taken at once.
    const { engine: once, calls: one } = scripted(() => reading('25', 85));
    expect((await rereadWeakLines(page([weak]), raster, once, 'chi_tra+eng')).lines[0]!.text).toBe('2024 年 11 月 25 日');
    expect(one).toHaveLength(1);
  });

  it('keeps a weak line when no reading is clearly more confident', async () => {
    const weak = line([word('0936-555-789.', 43, 40)], 43);
    const { engine, calls } = scripted(() => [word('0936-555-789,', 52, 9, 9)]);
    const out = await rereadWeakLines(page([weak]), raster, engine, 'chi_tra+eng');
    expect(calls).toHaveLength(REREAD_SCALES.length);
    expect(out.lines[0]!.words[0]!.text).toBe('0936-555-789.');
  });

  it('replaces an unsure English word on a Chinese page only by a Chinese reading', async () => {
    const l = line([word('NT$2,', 90, 40), word('460元,', 91, 90), word('BER', 36, 140, 100, 90)], 79);
    // First reading (0.75) is English again, with high confidence; the second (1) is Chinese.
    const { engine, calls } = scripted((call) => (call === 0 ? [word('BEAR', 95, 5, 5)] : [word('繳費期限', 90, 12, 12, 90, 20)]));
    const out = await rereadWeakLines(page([l]), raster, engine, 'chi_tra+eng');
    expect(calls).toHaveLength(2);
    expect(out.lines[0]!.words.map((w) => w.text)).toEqual(['NT$2,', '460元,', '繳費期限']);
    expect(out.lines[0]!.words[2]!.box).toEqual({ x: 140, y: 100, w: 90, h: 20 });
    expect(out.lines[0]!.confidence).toBe(79);
  });

  it('reads a word as wide as Chinese that stays English alone once more with Latin letters barred', async () => {
    // 用戶名稱 REAR: REAR (65) is 69 × 24 px, 17 px a letter (Chinese width); read alone it is
    // REAR again, with letters barred 蔡明宏 at 64. Kbps (60), 36 × 24, is letter-wide.
    const l = line([word('用戶名稱', 93, 40, 100, 100, 24), word('REAR', 65, 160, 100, 69, 24), word('Kbps', 60, 260, 100, 36, 24)], 80);
    const { engine, calls } = scripted((_call, _w, _h, options) => (options.blacklist ? [word('蔡明宏', 64, 12, 12, 60, 20)] : [word('REAR', 74, 12, 12, 50, 18)]));
    const out = await rereadWeakLines(page([l]), raster, engine, 'chi_tra+eng');
    expect(out.lines[0]!.words.map((w) => w.text)).toEqual(['用戶名稱', '蔡明宏', 'Kbps']);
    const barred = calls.filter((c) => c.options.blacklist);
    expect(barred.length).toBeGreaterThan(0);
    expect(barred.every((c) => /^[A-Za-z]+$/u.test(c.options.blacklist!) && c.options.blacklist!.includes('R') && c.options.blacklist!.includes('b'))).toBe(true);
    // Only REAR's cut-out (69 px + margins) was read with letters barred.
    expect(new Set(barred.map((c) => c.width))).toEqual(new Set(REREAD_SCALES.map((s) => Math.round((69 + 2 * Math.round(24 * 0.6)) * s))));
  });

  it('reads a word of four Latin letters or more read at almost no confidence once more with Latin letters barred, however narrow', async () => {
    // 价税合计（大写） OEERILHIEE (0): bold 壹佰贰拾捌圆整 after a ⊗ read as letters, 17 px a
    // letter; with letters barred, 壹佰贰拾捌圆整 at 72. "Wi" (0, letter-wide) has two letters, "Kbps" (25) is read surely enough.
    const l = line([word('价税合计（大写）', 92, 40, 100, 160, 24), word('OEERILHIEE', 0, 230, 100, 170, 38), word('Wi', 0, 430, 100, 18, 24), word('Kbps', 25, 500, 100, 36, 24)], 60);
    const { engine, calls } = scripted((_call, width, _h, options) => (options.blacklist ? [word('壹佰贰拾捌圆整', 72, 12, 12, width - 24, 30)] : [word('OEERILHIEE', 0, 12, 12, width - 24, 30)]));
    const out = await rereadWeakLines(page([l]), raster, engine, 'chi_sim+eng');
    expect(out.lines[0]!.words.map((w) => w.text)).toEqual(['价税合计（大写）', '壹佰贰拾捌圆整', 'Wi', 'Kbps']);
    // Only OEERILHIEE's cut-out (170 px + margins) was read with letters barred.
    const barred = calls.filter((c) => c.options.blacklist);
    expect(new Set(barred.map((c) => c.width))).toEqual(new Set(REREAD_SCALES.map((s) => Math.round((170 + 2 * Math.round(24 * 0.6)) * s))));
  });

  it('reads the whole line when the word read alone stays English, and takes what lies under the word', async () => {
    // NT$2, 460元, HER — HER (x 140…230) is 繳費期限; the line is cut out at x 28…242, y 88…132.
    const l = line([word('NT$2,', 90, 40), word('460元,', 91, 90), word('HER', 33, 140, 100, 90)], 79);
    // The word's own readings at every scale, then with letters barred (nothing read), then the line's.
    const lineCall = 2 * REREAD_SCALES.length;
    const { engine, calls } = scripted((call, _w, _h, options) =>
      options.blacklist
        ? []
        : call < lineCall
          ? [word('HER', 40, 5, 5)]
          : // The line read alone at 0.75: x in the cut-out = (x in the raster − 28) × 0.75.
            [word('NT$2,', 90, 9, 9, 30, 15), word('460元，', 91, 47, 9, 30, 15), ...['繳', '費', '期', '限'].map((c, i) => word(c, 88, 84 + i * 17, 9, 15, 15))],
    );
    const out = await rereadWeakLines(page([l]), raster, engine, 'chi_tra+eng');
    expect(calls).toHaveLength(lineCall + 1);
    expect(calls[lineCall]!.width).toBe(Math.round(214 * REREAD_SCALES[0]));
    expect(out.lines[0]!.words.map((w) => w.text)).toEqual(['NT$2,', '460元,', '繳', '費', '期', '限']);
    expect(out.lines[0]!.words[2]!.box.x).toBe(140);
  });

  it('reads a suspect word whose box reaches into the lines above and below within its row', async () => {
    // "RAGES" for 因系統設定錯誤, its box 46 px tall on a row of 20 px glyphs.
    const result = page([line([word('國際漫遊', 92, 40, 100, 120, 20), word('RAGES', 0, 200, 88, 100, 46), word('誤以', 90, 320, 100, 40, 20)], 70)]);
    const { engine, calls } = scripted(() => [word('因系統設定錯誤', 90, 12, 12, 76, 15)]);
    const out = await rereadWeakLines(result, raster, engine, 'chi_tra+eng');
    // The row (20 px) with a margin of 0.6 × 20 above and below, at the first scale.
    expect(calls[0]!.height).toBe(Math.round(44 * REREAD_SCALES[0]));
    expect(out.lines[0]!.text).toBe('國際漫遊 因系統設定錯誤 誤以');
  });

  it('keeps the English word when the line read alone has no Chinese under it', async () => {
    const l = line([word('SIM', 92, 40), word('卡', 90, 90), word('BER', 33, 140, 100, 90)], 70);
    // Read alone the word is English; the line (cut out 214 px wide) has Chinese only left of it.
    const { engine, calls } = scripted((_call, width, _h, options) => (options.blacklist ? [] : width < 150 ? [word('BEER', 45, 5, 5)] : [word('SIM卡', 90, 9, 9, 60, 15), word('BEER', 95, 90, 9, 60, 15)]));
    const out = await rereadWeakLines(page([l]), raster, engine, 'chi_tra+eng');
    // Alone, alone with letters barred (BER is as wide as 繳費期限), then the line.
    expect(calls.map((c) => c.width > 150)).toEqual([...REREAD_SCALES.map(() => false), ...REREAD_SCALES.map(() => false), ...REREAD_SCALES.map(() => true)]);
    expect(out.lines[0]!.words.map((w) => w.text)).toEqual(['SIM', '卡', 'BER']);
  });

  it('also second-guesses a single letter read with symbols ("=m" for 【中華電信】) but never a number', async () => {
    const l = line([word('=m', 0, 40), word('113', 89, 140), word('0O', 20, 200)], 60);
    const { engine, calls } = scripted((_call, width) => (width < 100 ? [word('【中華電信】', 85, 5, 5, 60, 20)] : []));
    const out = await rereadWeakLines(page([l]), raster, engine, 'chi_tra+eng');
    expect(out.lines[0]!.words.map((w) => w.text)).toEqual(['【中華電信】', '113', '0O']);
    expect(calls.length).toBeGreaterThan(0);
    const digits = line([word('0936', 20, 40)], 20);
    const { engine: e2 } = scripted(() => [word('0936', 70, 12, 12)]);
    const out2 = await rereadWeakLines(page([line([word('門號', 90, 10)], 90), { ...digits, confidence: 80 }]), raster, e2, 'chi_tra+eng');
    expect(out2.lines[1]!.words.map((w) => w.text)).toEqual(['0936']);
  });

  it('second-guesses letters garbled with digits or symbols when read with almost no confidence, and takes a far more confident Chinese reading', async () => {
    const l = line([word('(大写)', 80, 40), word('2ERBRHTE', 0, 100, 100, 150)], 60);
    const { engine } = scripted(() => [word('参佰蒜拾制元整', 55, 12, 12, 110, 15)]);
    const out = await rereadWeakLines(page([l]), raster, engine, 'chi_sim+eng');
    expect(out.lines[0]!.words.map((w) => w.text)).toEqual(['(大写)', '参佰蒜拾制元整']);
    // Letters between figures or symbols twice: a name read "2R/E" at 0.
    const name = line([word('用戶：', 80, 40), word('2R/E', 0, 100, 100, 55)], 60);
    const { engine: e1 } = scripted(() => [word('吳佩君', 80, 12, 12, 55, 17)]);
    expect((await rereadWeakLines(page([name]), raster, e1, 'chi_tra+eng')).lines[0]!.words.map((w) => w.text)).toEqual(['用戶：', '吳佩君']);
    // Codes are left alone: read with some confidence, or with fewer letters, not interleaved.
    const codes = line([word('(大写)', 80, 40), word('CSL2411558', 30, 100, 100, 150), word('TK1131008', 5, 260, 100, 150), word('5G', 0, 420, 100, 30)], 80);
    const { engine: e2, calls: c2 } = scripted(() => []);
    expect(await rereadWeakLines(page([codes]), raster, e2, 'chi_sim+eng')).toEqual(page([codes]));
    expect(c2).toHaveLength(0);
  });

  it('second-guesses capitals and digits boxed taller than the line\'s figures ("S15" at 57 for 号码 before 186 1023), not a code as tall as them', async () => {
    // S15 boxed 48 × 23 from y 129 before figures 19 px tall from y 131: read alone, 号码 at 92.
    const label = (h: number) => line([word('S15', 57, 62, 129, 48, h), word('186', 91, 120, 131, 39, 19), word('1023', 93, 170, 131, 52, 19)], 80);
    const { engine } = scripted((_call, width) => (width < 100 ? [word('号码', 92, 14, 14, 48, 23)] : []));
    const out = await rereadWeakLines(page([label(23)]), raster, engine, 'chi_sim+eng');
    expect(out.lines[0]!.words.map((w) => w.text)).toEqual(['号码', '186', '1023']);
    const { engine: e2, calls: c2 } = scripted(() => [word('号码', 92, 14, 14, 48, 20)]);
    expect(await rereadWeakLines(page([label(20)]), raster, e2, 'chi_sim+eng')).toEqual(page([label(20)]));
    expect(c2).toHaveLength(0);
  });

  it('takes a lone letter much smaller than its line for punctuation ("o" for 。), not for a misread word', async () => {
    const l = line([word('回覆', 92, 40), word('o', 30, 90, 110, 6, 8), word('月租', 92, 160)], 80);
    const { engine, calls } = scripted(() => []);
    expect((await rereadWeakLines(page([l]), raster, engine, 'chi_tra+eng')).lines[0]).toBe(l);
    expect(calls).toHaveLength(0);
  });

  it('second-guesses letters mixed with symbols or alone read below 80 ("REAR" for 帳單代繳 at 60), not English words read surely', async () => {
    const l = line([word('10月2日', 92, 40), word('(B=)', 61, 120), word('Plan', 86, 180)], 80);
    const { engine, calls } = scripted((_call, width) => (width < 100 ? [word('（週三）', 90, 5, 5, 60, 20)] : []));
    const out = await rereadWeakLines(page([l]), raster, engine, 'chi_tra+eng');
    expect(out.lines[0]!.words.map((w) => w.text)).toEqual(['10月2日', '（週三）', 'Plan']);
    expect(calls).toHaveLength(1);
    const title = line([word('遠傳電信', 92, 40), word('REAR', 60, 120)], 80);
    const { engine: again } = scripted(() => [word('帳單代繳', 90, 5, 5, 60, 20)]);
    expect((await rereadWeakLines(page([title]), raster, again, 'chi_tra+eng')).lines[0]!.words.map((w) => w.text)).toEqual(['遠傳電信', '帳單代繳']);
  });

  it('keeps once a mark that the readings of two words read again alone both hold (收到，謝謝 read "CE" and "Eo"), and both of two like characters boxed loosely', async () => {
    // Both cut out with a margin of 0.6 × 30 = 18 px and read at 0.75 first: CE's cut from
    // (82, 82), Eo's from (162, 82). Each reading holds the comma between them, at (166, 118).
    const l = line([word('您好', 92, 20, 100, 60, 30), word('CE', 26, 100, 100, 60, 30), word('Eo', 14, 180, 100, 80, 30)], 80);
    // The second reading boxes its first 謝 over both (180…240), its second within it (215…240).
    const { engine } = scripted((call) => (call === 0 ? [word('收到', 92, 14, 14, 45, 22), word('，', 90, 63, 27, 3, 6)] : [word('，', 88, 3, 27, 3, 6), word('謝', 92, 14, 14, 45, 22), word('謝', 92, 40, 14, 19, 22)]));
    const out = await rereadWeakLines(page([l]), raster, engine, 'chi_tra+eng');
    expect(out.lines.map((x) => x.words.map((w) => [w.text, w.confidence]))).toEqual([[['您好', 92], ['收到', 92], ['，', 90], ['謝', 92], ['謝', 92]]]);
  });

  it('takes a sure Chinese reading of an English word read alone though not far more confident ("TRE" at 74 for 王建国 at 88), not an unsure one', async () => {
    // TRE boxed 30 × 20 px, as narrow as letters.
    const l = line([word('客户名称：', 92, 40), word('TRE', 74, 140, 100, 30)], 85);
    const { engine } = scripted(() => [word('王建国', 88, 5, 5, 60, 20)]);
    expect((await rereadWeakLines(page([l]), raster, engine, 'chi_sim+eng')).lines[0]!.words.map((w) => w.text)).toEqual(['客户名称：', '王建国']);
    const { engine: unsure } = scripted(() => [word('王建国', 78, 5, 5, 60, 20)]);
    expect((await rereadWeakLines(page([l]), raster, unsure, 'chi_sim+eng')).lines[0]!.words.map((w) => w.text)).toEqual(['客户名称：', 'TRE']);
  });

  it('takes a Chinese reading with letters barred that holds a sure character for Latin letters read at no confidence', async () => {
    // A receipt's 謝謝光臨 at the foot, 12 px a character in a 480 px photo: read "ELE" at 0, and
    // with letters barred 姓謝光坊 at 0, 0, 91 and 18 (27 on average, below the bar of a far
    // surer reading).
    const l = line([word('ELE', 0, 205, 265, 49, 15)], 0);
    const barred = (sure: number) => [word('姓', 0, 14, 9, 12, 15), word('謝', 0, 26, 9, 12, 15), word('光', sure, 38, 9, 12, 15), word('坊', 18, 50, 9, 12, 15)];
    const { engine } = scripted((_call, _w, _h, options) => (options.blacklist ? barred(91) : [word('ELE', 0, 14, 9, 49, 15)]));
    expect((await rereadWeakLines(page([l]), raster, engine, 'chi_tra+eng')).lines[0]!.words.map((w) => w.text)).toEqual(['姓', '謝', '光', '坊']);
    // Without a character read surely, the letters stay.
    const { engine: unsure } = scripted((_call, _w, _h, options) => (options.blacklist ? barred(60) : [word('ELE', 0, 14, 9, 49, 15)]));
    expect((await rereadWeakLines(page([l]), raster, unsure, 'chi_tra+eng')).lines[0]!.words.map((w) => w.text)).toEqual(['ELE']);
  });

  it('takes a Chinese reading alone, far surer than a garbled one, of an unsure English word as wide as Chinese ("BE:" at 68 for 台鑒： read alone at 75)', async () => {
    // BE: boxed 55 × 23 px: three characters 18 px apiece, as wide as Chinese.
    const l = line([word('李志明先生', 90, 40, 100, 110, 23), word('BE:', 68, 165, 100, 55, 23)], 80);
    const reading = (confidence: number) => [word('台鑒：', confidence, 14, 14, 55, 23)];
    const { engine } = scripted(() => reading(75));
    expect((await rereadWeakLines(page([l]), raster, engine, 'chi_tra+eng')).lines[0]!.words.map((w) => w.text)).toEqual(['李志明先生', '台鑒：']);
    const { engine: unsure } = scripted(() => reading(55));
    expect((await rereadWeakLines(page([l]), raster, unsure, 'chi_tra+eng')).lines[0]!.words.map((w) => w.text)).toEqual(['李志明先生', 'BE:']);
  });

  it('reads alone a surely read word of letters as wide per letter as Chinese ("BEER" at 84 for 遠傳客服), taking only a sure Chinese reading', async () => {
    // BEER: 134 × 34 px, 33.5 px a letter; NCC beside it is 60 × 34, 20 px a letter.
    const l = line([word('BEER', 84, 110, 100, 134, 34), word('NCC', 85, 300, 100, 60, 34)], 84);
    const { engine, calls } = scripted(() => [word('遠傳客服', 91, 20, 20, 134, 34)]);
    const out = await rereadWeakLines(page([l]), raster, engine, 'chi_tra+eng');
    expect(out.lines[0]!.words.map((w) => w.text)).toEqual(['遠傳客服', 'NCC']);
    // Read alone, not with Latin letters barred, nor its whole line.
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((c) => !c.options.blacklist && c.width < 300)).toBe(true);
    // Not taken below 80, nor below the English word's own confidence; English read alone stays.
    for (const answer of [word('遠傳客服', 78, 20, 20, 134, 34), word('BEER', 95, 20, 20, 134, 34)]) {
      const { engine: other } = scripted(() => [answer]);
      expect((await rereadWeakLines(page([l]), raster, other, 'chi_tra+eng')).lines[0]!.words.map((w) => w.text)).toEqual(['BEER', 'NCC']);
    }
    // Read at 90 or more, or on a page read without a Chinese model, it is not second-guessed.
    const sure = line([word('BEER', 92, 110, 100, 134, 34)], 92);
    const { engine: none, calls: asked } = scripted(() => [word('遠傳客服', 91, 20, 20, 134, 34)]);
    await rereadWeakLines(page([sure]), raster, none, 'chi_tra+eng');
    await rereadWeakLines(page([l]), raster, none, 'eng');
    expect(asked).toHaveLength(0);
  });

  it('looks at the words of a weak line read again: a salutation still read as letters and a colon ("ERE:" for 王先生：) is read alone', async () => {
    // ThE: at 49, 72 × 21 px, is the whole line: weak. Its line read again: ERE: at 82 (three
    // letters, 24 px a letter, the colon narrow). Read alone: 王先生: at 91.
    const l = line([word('ThE:', 49, 170, 250, 72, 21)], 49);
    const { engine, calls } = scripted((call) => (call === 0 ? [word('ERE:', 82, 20, 20, 72, 21)] : [word('王先生：', 91, 20, 20, 72, 21)]));
    const out = await rereadWeakLines(page([l]), raster, engine, 'chi_sim+eng');
    expect(out.lines[0]!.words.map((w) => w.text)).toEqual(['王先生：']);
    expect(calls.length).toBeGreaterThanOrEqual(2);
    // Letters narrower than 0.9 of their height (English with a colon: "Tel:") are not read again.
    const narrow = line([word('Tel:', 84, 170, 250, 40, 21)], 84);
    const { engine: none, calls: asked } = scripted(() => [word('王先生：', 91, 20, 20, 40, 21)]);
    expect((await rereadWeakLines(page([narrow]), raster, none, 'chi_sim+eng')).lines[0]!.words.map((w) => w.text)).toEqual(['Tel:']);
    expect(asked).toHaveLength(0);
  });

  it('second-guesses a square bracket left open before digits ("[11、" for 三、 in a serif face), not a closed one', async () => {
    // "[中華" is 【中華 (post-processing puts the bracket right): it is not read again.
    const l = line([word('[11、', 60, 40, 100, 40, 20), word('因本公司', 92, 90, 100, 80, 20), word('[1]', 60, 200, 100, 30, 20), word('[中華', 60, 260, 100, 40, 20)], 80);
    const { engine, calls } = scripted((_call, width) => (width < 100 ? [word('三、', 90, 5, 5, 40, 20)] : []));
    const out = await rereadWeakLines(page([l]), raster, engine, 'chi_tra+eng');
    expect(out.lines[0]!.words.map((w) => w.text)).toEqual(['三、', '因本公司', '[1]', '[中華']);
    expect(calls).toHaveLength(1);
  });

  it('does not take twice the words a suspect word\'s box reaches over', async () => {
    // "AP" (x 140…300) reaches over 上月 (x 250…290), read already.
    const l = line([word('短信', 92, 40), word('AP', 30, 140, 100, 160), word('上月', 92, 250)], 70);
    // Read at 0.75 from the cut at (128, 88): x = 128 + x′ / 0.75, so 推送 lies around x 200, 上月 around 270.
    const { engine } = scripted(() => [word('推送', 85, 24, 6, 60, 20), word('上月', 90, 86, 6, 40, 20)]);
    const out = await rereadWeakLines(page([l]), raster, engine, 'chi_tra+eng');
    expect(out.lines[0]!.words.map((w) => w.text)).toEqual(['短信', '推送', '上月']);
  });

  it('does not second-guess English words on pages read without a Chinese model', async () => {
    const l = line([word('Roaming', 45, 40), word('data', 90, 120)], 67);
    const { engine, calls } = scripted(() => [word('Roaming', 95, 5, 5)]);
    const out = await rereadWeakLines(page([l]), raster, engine, 'eng');
    expect(calls).toHaveLength(0);
    expect(out.lines[0]).toBe(l);
  });

  it('keeps an unsure word whose second readings are not confident enough', async () => {
    const l = line([word('HER', 33, 40), word('門號', 92, 90)], 78);
    const { engine } = scripted(() => [word('繳費', WEAK_LINE_CONFIDENCE, 5, 5)]);
    const out = await rereadWeakLines(page([l]), raster, engine, 'chi_tra+eng');
    expect(out.lines[0]!.words.map((w) => w.text)).toEqual(['HER', '門號']);
  });

  it('reads again digits alone read unsure on a Chinese page (11月18日 read "118188" at 0, 11月26日 "118268" at 50), taking a Chinese reading only', async () => {
    // Five digits or more are read again below 80 (11月3日 read "11838" at 76), fewer below 60.
    for (const confidence of [0, 50, 76]) {
      const date = line([word('118188', confidence, 40, 100, 120, 26), word('周一', 96, 180, 100, 50, 26)], 70);
      const { engine, calls } = scripted((_call, width, height) => [word('11月18日', 88, Math.round(width / 2) - 60, Math.round(height / 2) - 13, 120, 26)]);
      const out = await rereadWeakLines(page([date]), raster, engine, 'chi_sim+eng');
      expect(calls.length).toBeGreaterThan(0);
      expect(out.lines[0]!.words.map((w) => w.text)).toEqual(['11月18日', '周一']);
    }
    // An amount read surely is not asked about; one read unsure, read again as digits, stays.
    const { engine: quiet, calls: none } = scripted(() => []);
    await rereadWeakLines(page([line([word('118188', 90, 40, 100, 120, 26), word('周一', 96, 180, 100, 50, 26)], 90)]), raster, quiet, 'chi_sim+eng');
    expect(none).toHaveLength(0);
    const { engine: year, calls: notAsked } = scripted(() => []);
    await rereadWeakLines(page([line([word('113', 76, 40, 100, 60, 26), word('年', 96, 104, 100, 26, 26)], 86)]), raster, year, 'chi_tra+eng');
    expect(notAsked).toHaveLength(0);
    const { engine: digits, calls: asked } = scripted((_call, width, height) => [word('1399', 70, Math.round(width / 2) - 40, Math.round(height / 2) - 13, 80, 26)]);
    const out = await rereadWeakLines(page([line([word('1399', 12, 40, 100, 80, 26), word('周一', 96, 180, 100, 50, 26)], 90)]), raster, digits, 'chi_sim+eng');
    expect(asked.length).toBeGreaterThan(0);
    expect(out.lines[0]!.words.map((w) => w.text)).toEqual(['1399', '周一']);
  });

  it('takes for a masked number whose asterisks were read as letters a reading of the same figures around asterisks alone', async () => {
    const row = () => page([line([word('证件号码', 95, 40, 100, 110, 26), word('4403**rxwxxrwzy2817', 0, 200, 100, 230, 26)], 70)]);
    const answer = (text: string) => scripted((_call, width, height) => [word(text, 85, Math.round(width / 2) - 115, Math.round(height / 2) - 13, 230, 26)]);
    expect((await rereadWeakLines(row(), raster, answer('4403**********2817').engine, 'chi_sim+eng')).lines[0]!.text).toBe('证件号码 4403**********2817');
    // Other figures, or letters left among the asterisks, prove nothing: the word stays as read.
    for (const other of ['4408**********2817', '4403****xx****2817', '4403'])
      expect((await rereadWeakLines(row(), raster, answer(other).engine, 'chi_sim+eng')).lines[0]!.text).toBe('证件号码 4403**rxwxxrwzy2817');
    expect(masksSameNumber('4403**********2817', [word('4403**********2817', 90, 0)])).toBe(false); // nothing was misread
  });

  it('reads alone an amount read a little unsure, and takes a surer reading of one amount alone ("2.450" at 79 for 2,451)', async () => {
    const row = (confidence: number) => page([line([word('本期應繳金額', 95, 40, 100, 150, 26), word('2.450', confidence, 500, 100, 80, 26)], 90)]);
    const answer = (text: string, confidence: number) => scripted((_call, width, height) => [word(text, confidence, Math.round(width / 2) - 40, Math.round(height / 2) - 13, 80, 26)]);
    const right = answer('2,451', 91);
    expect((await rereadWeakLines(row(79), raster, right.engine, 'chi_tra+eng')).lines[0]!.text).toBe('本期應繳金額 2,451');
    expect(right.calls.map((c) => c.options.psm)).toEqual(['single-line']);
    // Not surer by 5 and sure, or not an amount alone: kept as read.
    for (const [text, confidence] of [['2,451', 82], ['2,451元', 95], ['2451', 95]] as const) {
      const { engine } = answer(text, confidence);
      expect((await rereadWeakLines(row(79), raster, engine, 'chi_tra+eng')).lines[0]!.text).toBe('本期應繳金額 2.450');
    }
    // Read surely, or so unsure it may be no amount, it is not asked about.
    for (const confidence of [80, 59]) {
      const { engine, calls } = answer('2,451', 95);
      await rereadWeakLines(row(confidence), raster, engine, 'chi_tra+eng');
      expect(calls.filter((c) => c.options.psm === 'single-line' && c.width < 300)).toHaveLength(0);
    }
  });

  it('doubts a short word of letters after a word of the line that proved Chinese misread, however sure ("118268 B=" for 11月26日 週二)', async () => {
    // 118268 (50) 87 × 21 and B= (85) 42 × 20: read alone, each is Chinese (at 88 and 70).
    const date = () => line([word('118268', 50, 471, 100, 87, 21), word('B=', 85, 567, 100, 42, 20)], 67);
    const alone = (_call: number, width: number, height: number) => [word(width > 70 ? '11月26日' : '週二', width > 70 ? 88 : 70, Math.round(width / 2) - 20, Math.round(height / 2) - 10, 40, 20)];
    const { engine } = scripted(alone);
    const out = await rereadWeakLines(page([date()]), raster, engine, 'chi_tra+eng');
    expect(out.lines[0]!.words.map((w) => w.text)).toEqual(['11月26日', '週二']);
    // Without the date misread before it (read as 11月26日 at once), B= at 85 is not asked about.
    const { engine: quiet, calls: none } = scripted(alone);
    const sure = line([word('11月26日', 90, 471, 100, 87, 21), word('B=', 85, 567, 100, 42, 20)], 87);
    expect((await rereadWeakLines(page([sure]), raster, quiet, 'chi_tra+eng')).lines[0]!.words.map((w) => w.text)).toEqual(['11月26日', 'B=']);
    expect(none).toHaveLength(0);
    // A letter word as narrow as letters stays after it ("NT$" 30 px wide at 20 px tall).
    const { engine: asked } = scripted(alone);
    const amount = line([word('118268', 50, 471, 100, 87, 21), word('NT$', 85, 567, 100, 30, 20)], 67);
    expect((await rereadWeakLines(page([amount]), raster, asked, 'chi_tra+eng')).lines[0]!.words.map((w) => w.text)).toEqual(['11月26日', 'NT$']);
  });

  it('reads unsure text spread wider than its characters (full-width digits, an em apart) again as one run, also squeezed to half its width', async () => {
    // 和 over 150 px and "3" over 100 px, 10 px apart: one run 260 × 20, cut out 284 × 44.
    const row = line([word('月租費', 92, 40, 100, 60), word('和', 15, 200, 100, 150), word('3', 40, 360, 100, 100), word('599', 93, 600, 100, 40)], 70);
    const { engine, calls } = scripted((_call, width, height) => (width === 142 && height === 44 ? [word('113/10/01-10/31', 91, 10, 12, 122, 20)] : [word('113', 30, 10, 12, 40, 20)]));
    const out = await rereadWeakLines(page([row]), raster, engine, 'chi_tra+eng');
    expect(calls.map((c) => [c.width, c.height])).toEqual([[213, 33], [284, 44], [142, 44]]);
    expect(out.lines[0]!.words.map((w) => w.text)).toEqual(['月租費', '113/10/01-10/31', '599']);
    // Squeezed to half: 122 px in the cut-out are 244 px in the raster, from its corner (188, 88).
    expect(out.lines[0]!.words[1]!.box).toEqual({ x: 208, y: 100, w: 244, h: 20 });
  });

  it('reads a figure read a little surer with the unsure run it follows, as one number (１１３／０７／０１ read "1018 40.7 40:1")', async () => {
    // Three words of one date spread over 270 px, the last at 56: one run 270 × 20.
    const date = (last: number) => line([word('提前終止補償金', 95, 40, 100, 150), word('6,000元', 90, 330, 100, 80), word('1018', 49, 600, 100, 90), word('40.7', 33, 700, 100, 80), word('40:1', last, 790, 100, 80)], 70);
    const { engine } = scripted((_call, width) => (width > 210 ? [word('113/07/01', 86, 10, 12, 200, 20)] : [word('113/07/', 85, 10, 12, 160, 20)]));
    const wide = createGray(1000, 300);
    const out = await rereadWeakLines(page([date(56)]), wide, engine, 'chi_tra+eng');
    expect(out.lines[0]!.words.map((w) => w.text)).toEqual(['提前終止補償金', '6,000元', '113/07/01']);
    // A figure read surely stays itself.
    const sure = await rereadWeakLines(page([date(75)]), wide, engine, 'chi_tra+eng');
    expect(sure.lines[0]!.words.map((w) => w.text)).toEqual(['提前終止補償金', '6,000元', '113/07/', '40:1']);
  });

  it('reads again full-width digits a little over an em apart, a dash among them read 一 and boxed tall', async () => {
    // ０９３３－５１８－２７０ (12 characters, 271 px, 20 px tall) read "933" (boxed over the whole
    // number), "一" (boxed 36 tall) and "5187270": 11 characters at 24.6 px each, 1.2 heights.
    const row = line([word('用戶號碼', 93, 88, 201, 78, 22), word('933', 24, 364, 202, 271, 20), word('一', 6, 463, 197, 21, 36), word('5187270', 38, 483, 202, 152, 20)], 60);
    const { engine } = scripted(() => [word('0933-518-270', 90, 12, 12, 200, 20)]);
    const out = await rereadWeakLines(page([row]), raster, engine, 'chi_tra+eng');
    expect(out.lines[0]!.words.map((w) => w.text)).toEqual(['用戶號碼', '0933-518-270']);
  });

  it('reads again full-width digits read with more characters than they have, spread by their ink, without the ink of the word before', async () => {
    // １ at 260–271, then ０００ at 290, 320, 350 (12 px wide, 18 apart, 30 tall) read "了" and
    // "0OO0O。": eight characters over 85 px, too many to look spread, but their ink is.
    const g = createGray(600, 300);
    const ink = (x: number, w: number) => { for (let r = 100; r < 130; r++) g.data.fill(0, r * 600 + x, r * 600 + x + w); };
    ink(260, 12); ink(290, 12); ink(320, 12); ink(350, 12);
    const row = line([word('致電', 92, 180, 100, 60, 30), word('1', 90, 258, 100, 14, 30), word('了', 20, 285, 100, 10, 30), word('0OO0O。', 36, 300, 100, 70, 30)], 70);
    const { engine, calls: cuts } = scripted(() => [word('000。', 88, 20, 18, 80, 30)]);
    const out = await rereadWeakLines(page([row]), g, engine, 'chi_tra+eng');
    expect(out.lines[0]!.words.map((w) => w.text)).toEqual(['致電', '1', '000。']);
    // The run (285–370) is cut out from 267 (a margin of 18 px): the ink of １ at 267–271 is left out.
    expect(cuts.length).toBeGreaterThan(0);
    for (const { raster: cut } of cuts) {
      const left = Math.round((5 * cut.width) / (85 + 36));
      for (let y = 0; y < cut.height; y++) for (let x = 0; x < left; x++) expect(cut.data[y * cut.width + x]).toBe(255);
    }
    // A word before it boxed over the line (查詢 from 71 to 368, over 致電 and １ too) does not
    // bar the run, nor blank its ink.
    // (Another engine: the first keeps its readings of this raster's cuts.)
    const second = scripted(() => [word('000。', 88, 20, 18, 80, 30)]);
    const wide = line([word('查詢', 96, 71, 100, 297, 30), ...row.words], 70);
    expect((await rereadWeakLines(page([wide]), g, second.engine, 'chi_tra+eng')).lines[0]!.words.map((w) => w.text)).toEqual(['查詢', '致電', '1', '000。']);
    expect(second.calls.some(({ raster: cut }) => cut.data.some((v) => v < 128))).toBe(true);
    // Chinese characters filling their em, or two pieces of ink only, are not spread.
    const han = createGray(600, 300);
    for (let r = 100; r < 130; r++) for (const x of [290, 322, 354]) han.data.fill(0, r * 600 + x, r * 600 + x + 28);
    expect(isInkSpread(han, { x: 285, y: 100, w: 100, h: 30 }, 30)).toBe(false);
    expect(isInkSpread(g, { x: 285, y: 100, w: 60, h: 30 }, 30)).toBe(false);
    expect(isInkSpread(g, { x: 285, y: 100, w: 85, h: 30 }, 30)).toBe(true);
  });

  it('reads unsure spread text again without the words of other lines on its row (a chat time read as a line of its own)', async () => {
    // 和 (29) ends a bubble's line, at 262–300 over three pieces of ink (下午 and a bit); the time's
    // digits at 302–339, on the same row, the engine made a line of their own.
    const g = createGray(600, 300);
    for (let r = 100; r < 120; r++) for (const x of [264, 278, 292, 304, 320]) g.data.fill(0, r * 600 + x, r * 600 + x + 6);
    const bubble = line([word('金額為', 95, 100, 98, 120, 24), word('和', 29, 262, 100, 38, 20)], 70);
    const time = line([word('1:42', 55, 302, 103, 37, 15)], 55);
    const { engine, calls: cuts } = scripted(() => [word('下午', 88, 10, 10, 30, 20)]);
    const out = await rereadWeakLines(page([bubble, time]), g, engine, 'chi_tra+eng');
    expect(out.lines[0]!.words.map((w) => w.text)).toEqual(['金額為', '下午']);
    expect(out.lines[1]!.words.map((w) => w.text)).toEqual(['1:42']);
    // Each cut is blank from the time's first column (302) on: the cut starts at 262 − 0.6 × 24
    // (the line's height) = 248 and is 38 + 2 × 14 wide.
    expect(cuts.length).toBeGreaterThan(0);
    for (const { raster: cut } of cuts) {
      const from = Math.ceil(((302 - 248) * cut.width) / (38 + 2 * 14));
      for (let y = 0; y < cut.height; y++) for (let x = from; x < cut.width; x++) expect(cut.data[y * cut.width + x]).toBe(255);
    }
  });

  it('reads a word in a table\'s cell without the cell\'s border down the cut (a date read "113/o8/o1|")', async () => {
    // A failed line at rows 100–120 (x 200–290), glyphs in it; a rule 2 px wide down the page at x 300.
    const g = createGray(600, 300);
    for (let r = 0; r < 300; r++) g.data.fill(0, r * 600 + 300, r * 600 + 302);
    for (let r = 101; r < 119; r++) for (const x of [204, 230, 256, 280]) g.data.fill(0, r * 600 + x, r * 600 + x + 6);
    const weak = line([word('1113/08/01', 0, 200, 100, 90, 20)], 0);
    // Unsure at ¾ of the size, so that the cut is read at its own too.
    const { engine, calls: cuts } = scripted((call) => [word('113/08/01', call === 0 ? 60 : 90, 12, 12, 90, 20)]);
    await rereadWeakLines(page([weak]), g, engine, 'chi_tra+eng');
    // The cut (x 188–302, a margin of 0.6 × 20) holds the rule's columns 300 and 301, left blank
    // with the column before them; the glyphs stay.
    expect(cuts).toHaveLength(2);
    const cut = cuts[1]!.raster;
    expect(cut.width).toBe(90 + 2 * 12);
    const column = (x: number) => Array.from({ length: cut.height }, (_, y) => cut.data[y * cut.width + x]);
    for (const x of [299 - 188, 300 - 188, 301 - 188]) expect(column(x).every((v) => v === 255)).toBe(true);
    expect(column(280 - 188).some((v) => v === 0)).toBe(true);
    expect(ruleColumns(cropGray(g, { x: 188, y: 88, w: 114, h: 44 }))).toEqual([111, 112, 113]);
  });

  it('reads a word boxed from a rule above it down without the rule (宽带提速 read "Po" at 7)', async () => {
    // A rule across rows 278–279 (x 40–560), the text's ink at rows 297–319 (x 57–150); the word
    // is boxed 57–150 × 277–321.
    const g = createGray(600, 400);
    const fill = (x: number, y: number, w: number, h: number) => { for (let r = y; r < y + h; r++) g.data.fill(0, r * 600 + x, r * 600 + x + w); };
    fill(40, 278, 520, 2);
    for (const x of [57, 80, 103, 126]) fill(x, 297, 20, 23);
    const l = line([word('Po', 7, 57, 277, 93, 44), word('300M', 96, 170, 297, 51, 23)], 50);
    expect(textBetweenRules(g, { x: 57, y: 277, w: 93, h: 44 })).toEqual({ y: 297, h: 23 });
    const { engine, calls: cuts } = scripted(() => [word('宽带提速', 93, 10, 10, 90, 23)]);
    const out = await rereadWeakLines(page([l]), g, engine, 'chi_sim+eng');
    expect(out.lines[0]!.words.map((w) => w.text)).toEqual(['宽带提速', '300M']);
    // Every cut holds one run of inked rows: the text's, not the rule's.
    for (const { raster: cut } of cuts) {
      const inked = Array.from({ length: cut.height }, (_, y) => cut.data.subarray(y * cut.width, (y + 1) * cut.width).some((v) => v < 128));
      expect(inked.filter((v, y) => v && !inked[y - 1]).length).toBe(1);
    }
    // Strokes with blank rows between them (三) are no rules: they do not span the box.
    const three = createGray(200, 100);
    for (const y of [20, 32, 44]) three.data.fill(0, y * 200 + 30, y * 200 + 60);
    for (let r = 10; r < 50; r++) three.data.fill(0, r * 200 + 75, r * 200 + 95);
    expect(textBetweenRules(three, { x: 25, y: 15, w: 40, h: 35 })).toBeUndefined();
  });

  it('does not read a word boxed over a table\'s rules alone: between them is no text, and a cut of a rule cost the engine seconds', async () => {
    // Rules across rows 278–279 and 320–321 (x 40–560), nothing between them; a word read over
    // them, 40–560 × 276–324, weak.
    const g = createGray(600, 400);
    for (const y of [278, 279, 320, 321]) g.data.fill(0, y * 600 + 40, y * 600 + 560);
    expect(textBetweenRules(g, { x: 40, y: 276, w: 520, h: 48 })).toEqual({ y: 278, h: 2 });
    const { engine, calls } = scripted(() => [word('EE RRR RRR', 30, 10, 1, 400, 3)]);
    const out = await rereadWeakLines(page([line([word('EE', 5, 40, 276, 520, 48)], 5)]), g, engine, 'chi_tra+eng');
    expect(calls).toHaveLength(0);
    expect(out.words.map((w) => w.text)).not.toContain('EE RRR RRR');
    // Nor a word boxed 1 px tall along a rule, alone on its line: its cut is 3 px tall.
    const thin = createGray(600, 400);
    thin.data.fill(0, 200 * 600 + 40, 200 * 600 + 94);
    const alone = scripted(() => [word('三', 30, 10, 1, 20, 3)]);
    await rereadWeakLines(page([line([word('EER', 5, 40, 200, 54, 1)], 5)]), thin, alone.engine, 'chi_tra+eng');
    expect(alone.calls).toHaveLength(0);
  });

  it('reads again as a whole a line whose unsure word is boxed over unsure words of its own (NT$1,286未繳，今日 read "NTS$1,2865R4 » ©H")', async () => {
    // "NTS$1,2865R4" at 31 boxed over x 140…420, over "»" at 73 and "©H" at 41; the line at 70.
    const tangled = () => line([word('帳單', 92, 40), word('NTS$1,2865R4', 31, 140, 100, 280), word('»', 73, 300, 100, 10), word('©H', 41, 360, 100, 40), word('(10/03)', 96, 440, 100, 80)], 70);
    // Read at ¾ from the cut at x 28: x = 28 + x′ / 0.75. The reading boxes 帳單 loosely (x 85…125),
    // off its old box and off the tangled words' columns; (10/03) over its old box.
    const reading = [word('帳單', 90, 43, 9, 30, 15), word('NT$1,286', 90, 96, 9, 60, 15), word('未繳', 85, 150, 9, 30, 15), word('，', 70, 185, 9, 8, 15), word('今日', 90, 200, 9, 40, 15), word('(10/03)', 95, 310, 9, 60, 15)];
    const { engine, calls } = scripted(() => reading);
    const out = await rereadWeakLines(page([tangled()]), raster, engine, 'chi_tra+eng');
    // The whole line (40…520 × 100…120, a margin of 12 px) read at ¾ of its size, and taken over the tangled words only.
    expect([calls[0]!.width, calls[0]!.height]).toEqual([Math.round(504 * REREAD_SCALES[0]), Math.round(44 * REREAD_SCALES[0])]);
    expect(out.lines[0]!.words.map((w) => w.text)).toEqual(['帳單', 'NT$1,286', '未繳', '，', '今日', '(10/03)']);
    expect(out.lines[0]!.words[0]!.confidence).toBe(92);
    // Not taken when it is not clearly surer than the tangled words (31, 73, 41)…
    const { engine: unsure } = scripted(() => reading.map((w) => ({ ...w, confidence: 55 })));
    expect((await rereadWeakLines(page([tangled()]), raster, unsure, 'chi_tra+eng')).lines[0]!.words.map((w) => w.text)).not.toContain('未繳');
    // …and not asked for when a word under the wide box was read surely (国 and 移动 under 【中, with 】 unsure).
    const { engine: none, calls: asked } = scripted(() => reading);
    await rereadWeakLines(page([line([word('NTS$1,2865R4', 31, 40, 100, 280), word('上月', 92, 260, 100, 40)], 70)]), raster, none, 'chi_tra+eng');
    await rereadWeakLines(page([line([word('【中', 16, 40, 100, 190), word('国', 92, 110, 100, 44), word('移动', 93, 155, 100, 70), word('】', 41, 220, 100, 15)], 80)]), raster, none, 'chi_sim+eng');
    // Nor when the unsure word is a narrow one over the middle of a wider word (额 at 0 in the box of "#30.00").
    await rereadWeakLines(page([line([word('全', 92, 40), word('#30.00', 73, 100, 100, 200), word('额', 0, 195, 100, 26)], 80)]), raster, none, 'chi_sim+eng');
    expect(asked).toHaveLength(0);
  });

  it('does not read again unsure text that is not spread, nor a word whose box reaches over the next', async () => {
    for (const unsure of [word('3', 40, 200, 100, 20), word('47.11', 33, 200, 100, 91, 22), word('和', 15, 200, 100, 400)]) {
      const { engine, calls } = scripted(() => [word('113/10/01-10/31', 91, 10, 12, 122, 20)]);
      await rereadWeakLines(page([line([word('月租費', 92, 40, 100, 60), unsure, word('599', 93, 560, 100, 40)], 70)]), raster, engine, 'chi_tra+eng');
      expect(calls).toHaveLength(0);
    }
  });

  it('stops when the job is cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const { engine, calls } = scripted(() => []);
    await expect(rereadWeakLines(page([line([word('9', 3, 40)], 3)]), raster, engine, 'chi_tra+eng', controller.signal)).rejects.toThrow();
    expect(calls).toHaveLength(0);
  });
});

describe('readMissedText', () => {
  /** A 600×300 page: "glyphs" (dark blocks, 20 px tall) at the given x positions of a row. */
  function ink(rows: Array<{ y: number; xs: number[] }>) {
    const g = createGray(600, 300);
    for (const { y, xs } of rows) for (const x of xs) for (let yy = y; yy < y + 20; yy++) g.data.fill(0, yy * 600 + x, yy * 600 + x + 12);
    return g;
  }
  const label = (y: number) => line([word('行動', 92, 40, y, 40, 20), word('上網', 92, 84, y, 40, 20), word('費', 92, 128, y, 20, 20)], 92);

  it('reads ink far from every word in one strip and puts each word on the line beside it', async () => {
    // Row 1 is read; its amount at x 520 is not. Row 2 (y 200) was not read at all.
    const raster = ink([{ y: 100, xs: [40, 60, 84, 104, 128, 520, 536] }, { y: 200, xs: [300, 316] }]);
    const { engine, calls } = scripted((_call, width, height) => {
      // The strip: two cuts 20 + 2 × 10 px tall (margin half a unit), a unit of white around each.
      expect([width, height]).toEqual([48, 20 + 40 + 20 + 40 + 20]);
      // Cuts in order of x: row 2's (x 300) at strip y 20…60, row 1's amount (x 520) at 80…120.
      return [word('十二', 40, 10, 30, 28, 20), word('80', 94, 10, 90, 28, 20), word('~', 90, 30, 90, 8, 20)];
    });
    const out = await readMissedText(page([label(100), line([word('繳費', 92, 40, 150, 40, 20)], 92)]), raster, engine, 'chi_tra+eng');
    expect(calls.map((c) => c.options.psm)).toEqual(['single-block']);
    expect(out.lines.map((l) => l.words.map((w) => w.text).join(' '))).toEqual(['行動 上網 費 80', '繳費']);
    // Strip (10, 90) is 10 px into the second cut, which starts at (510, 90) on the page.
    expect(out.lines[0]!.words[3]!.box).toEqual({ x: 520, y: 100, w: 28, h: 20 });
    expect(MISSED_TEXT_CONFIDENCE).toBeGreaterThan(40);
  });

  it('looks for ink left out when the layout analysis kept one word alone (a small receipt\'s date)', async () => {
    const raster = ink([{ y: 100, xs: [400, 416, 432, 448] }, { y: 200, xs: [40, 56] }]);
    const { engine, calls } = scripted(() => [word('合计', 93, 10, 20, 28, 20)]);
    const out = await readMissedText(page([line([word('2024-11-21', 90, 400, 100, 60, 20)], 90)]), raster, engine, 'chi_sim+eng', undefined, [], true);
    expect(calls).toHaveLength(1);
    expect(out.lines.map((l) => l.text)).toEqual(['2024-11-21', '合计']);
    // A page of which nothing was read gives no height to look for text by.
    const { engine: none, calls: asked } = scripted(() => []);
    await readMissedText(page([]), raster, none, 'chi_sim+eng', undefined, [], true);
    expect(asked).toHaveLength(0);
  });

  it('takes a word found whole over the end of one read in part before it for that word', async () => {
    // "Telecommunications" (glyphs x 200…323): the engine read only its end, "ications", boxed 2 px
    // tall at x 300; the rest of its ink is left out, and found.
    const raster = ink([{ y: 100, xs: [40, 56, 200, 216, 232, 248, 264, 280, 296, 312, 440, 456, 472] }]);
    const read = line([word('the', 92, 40, 100, 30, 20), word('ications', 70, 300, 100, 33, 2), word('Industry', 93, 440, 100, 45, 20)], 85);
    const { engine } = scripted((_call, width) => [word('Telecommunications', 90, 10, 30, width - 20, 20)]);
    const out = await readMissedText(page([read]), raster, engine, 'eng');
    expect(out.lines.map((l) => l.words.map((w) => w.text).join(' '))).toEqual(['the Telecommunications Industry']);
    // Found beside a word it does not end or start with, that word stays.
    const other = scripted((_call, width) => [word('Telecom', 90, 10, 30, width - 20, 20)]);
    expect((await readMissedText(page([read]), raster, other.engine, 'eng')).lines.map((l) => l.words.map((w) => w.text).join(' '))).toEqual(['the Telecom ications Industry']);
  });

  it('on a photo, reads a title set larger than the text, left out, as one line', async () => {
    // A form's title (glyphs 36 px tall over text 20 px tall) at y 30, not read.
    const raster = ink([{ y: 100, xs: [40, 60, 84, 104, 128] }]);
    for (const x of [200, 236, 272, 308, 344]) for (let y = 30; y < 66; y++) raster.data.fill(0, y * 600 + x, y * 600 + x + 30);
    const result = page([label(100), line([word('繳費', 92, 40, 150, 40, 20)], 92), line([word('期限', 92, 40, 200, 40, 20)], 92)]);
    const { engine, calls } = scripted(() => [word('維修', 93, 10, 30, 70, 36), word('收件單', 92, 90, 30, 100, 36)]);
    const out = await readMissedText(result, raster, engine, 'chi_tra+eng', undefined, [], true);
    expect(calls).toHaveLength(1);
    expect(out.lines.map((l) => l.text)).toEqual(['維修 收件單', '行動 上網 費', '繳費', '期限']);
    // On a screenshot, ink that large is an icon: not looked at.
    const screen = scripted(() => [word('維修', 93, 10, 30, 70, 36)]);
    expect(await readMissedText(result, raster, screen.engine, 'chi_tra+eng')).toBe(result);
    expect(screen.calls).toHaveLength(0);
  });

  it('on a photo, reads again enlarged a cluster read in part, and takes the reading that keeps more', async () => {
    const raster = ink([{ y: 100, xs: [40, 60, 84, 104, 128] }, { y: 200, xs: [300, 316, 332, 348] }]);
    const at = (words: Array<[string, number]>) => (_call: number, width: number, height: number) => words.map(([text, confidence], i) => word(text, confidence, 10 + i * 20, Math.round(height / 2) - 10, 18, 20));
    // A pale time line: "18" sure, "2:05" unsure at its size; half as large again, both sure.
    const first = at([['18', 92], ['2:05', 30]]), larger = at([['18日', 88], ['2:05', 81]]);
    const { engine, calls } = scripted((call, width, height) => (call === 0 ? first : larger)(call, width, height));
    const out = await readMissedText(page([label(100)]), raster, engine, 'chi_sim+eng', undefined, [], true);
    expect(calls.map((c) => c.width)).toEqual([calls[0]!.width, Math.round(calls[0]!.width * 1.5)]);
    expect(out.lines.map((l) => l.text)).toEqual(['行動 上網 費', '18日 2:05']);
    // A larger reading that keeps less is not taken.
    const worse = scripted((call, width, height) => (call === 0 ? first : at([['1', 90], ['8', 40]]))(call, width, height));
    expect((await readMissedText(page([label(100)]), raster, worse.engine, 'chi_sim+eng', undefined, [], true)).lines.map((l) => l.text)).toEqual(['行動 上網 費', '18']);
    // On a screenshot, the part read sure is kept as it is.
    const screen = scripted((call, width, height) => (call === 0 ? first : larger)(call, width, height));
    expect((await readMissedText(page([label(100)]), raster, screen.engine, 'chi_sim+eng')).lines.map((l) => l.text)).toEqual(['行動 上網 費', '18']);
    expect(screen.calls).toHaveLength(1);
  });

  it('reads again, enlarged, a cluster read as unsure Latin letters on a Chinese page, and only such a cluster', async () => {
    const raster = ink([{ y: 100, xs: [40, 60, 84, 104, 128] }, { y: 200, xs: [300, 316] }]);
    const reading = (text: string, confidence: number) => (_call: number, width: number, height: number) => [word(text, confidence, Math.round(width / 2) - 14, Math.round(height / 2) - 10, 28, 20)];
    const first = reading('Pf', 47), enlarged = reading('阿傑', 85);
    const { engine, calls } = scripted((call, width, height) => (call === 0 ? first : enlarged)(call, width, height));
    const out = await readMissedText(page([label(100)]), raster, engine, 'chi_tra+eng');
    // The strip of one cut (28 × 20, a margin of 10 and a unit of white around it), then ×1.3.
    expect(calls.map((c) => c.width)).toEqual([48, Math.round(48 * 1.3)]);
    expect(out.lines.map((l) => l.text)).toEqual(['行動 上網 費', '阿傑']);
    // Read as nothing, or on a page without a Chinese model, a cluster is not read again.
    for (const [answer, lang] of [[reading('~', 30), 'chi_tra+eng'], [first, 'eng']] as const) {
      const { engine: once, calls: one } = scripted(answer);
      await readMissedText(page([label(100)]), raster, once, lang);
      expect(one).toHaveLength(1);
    }
  });

  it('reads such a cluster once more at twice its size, its strokes stood upright, when a third larger it is still not read', async () => {
    const raster = ink([{ y: 100, xs: [40, 60, 84, 104, 128] }]);
    // Two characters leaning right by 0.2 px per row at y 200 (x 300…328).
    leaning(raster, 300, 200, 0.2);
    leaning(raster, 316, 200, 0.2);
    const at = (text: string, confidence: number, width: number, height: number) => [word(text, confidence, Math.round(width / 2) - 14, Math.round(height / 2) - 10, 28, 20)];
    // 滯納金 on a crumpled receipt, its strokes slanted: "TAS", then "Ma" a third larger, then itself.
    const answers: Array<[string, number]> = [['TAS', 40], ['Ma', 27], ['滯納金', 65]];
    const { engine, calls } = scripted((call, width, height) => at(...answers[call]!, width, height));
    const out = await readMissedText(page([label(100)]), raster, engine, 'chi_tra+eng');
    // The strip of one cut (32 × 20, leaning, a margin of 10 and a unit of white around it), then
    // ×1.3, then sheared by 0.2 (the cut, 40 px tall, 4 px wider each side) and ×2.
    expect(calls.map((c) => c.width)).toEqual([52, Math.round(52 * 1.3), (52 + 8) * 2]);
    expect(out.lines.map((l) => l.text)).toEqual(['行動 上網 費', '滯納金']);
    // The third strip's strokes stand upright: each inked row's first ink in one column.
    const third = calls[2]!.raster;
    const firsts = new Set<number>();
    for (let y = 0; y < third.height; y++) {
      const x = third.data.subarray(y * third.width, (y + 1) * third.width).findIndex((v) => v < 128);
      if (x >= 0) firsts.add(x);
    }
    expect(Math.max(...firsts) - Math.min(...firsts)).toBeLessThanOrEqual(2);
  });

  it('finds the slant of strokes leaning either way, and none of upright or horizontal ones', () => {
    for (const slope of [0.2, -0.15, 0]) {
      const g = createGray(80, 40);
      leaning(g, 20, 10, slope);
      leaning(g, 44, 10, slope);
      expect(slantOf(g)).toBeCloseTo(slope, 5);
    }
    const bars = createGray(80, 40);
    for (const y of [10, 18, 26]) bars.data.fill(0, y * 80 + 10, y * 80 + 70);
    expect(slantOf(bars)).toBe(0);
  });

  it('keeps the surer of two readings of one word by cuts that overlap', async () => {
    // Two rows left out, 6 px apart (y 200 and 226): their cuts (a margin of 10 px) overlap, and
    // the first cut's foot holds the top of the second row, read "11:20" there too.
    const raster = ink([{ y: 200, xs: [300, 316] }, { y: 226, xs: [300, 316] }]);
    const { engine } = scripted(() => [word('已讀', 90, 10, 30, 28, 20), word('11:20', 68, 10, 48, 28, 20), word('11:20', 96, 10, 90, 28, 20)]);
    const out = await readMissedText(page([label(100)]), raster, engine, 'chi_tra+eng');
    expect(out.words.filter((w) => w.box.y > 150).map((w) => [w.text, w.confidence])).toEqual([['已讀', 90], ['11:20', 96]]);
    // Read as other text there, both are kept: a word's box can reach over another's.
    const { engine: other } = scripted(() => [word('已讀', 90, 10, 30, 28, 20), word('下午', 68, 10, 48, 28, 20), word('11:20', 96, 10, 90, 28, 20)]);
    const both = await readMissedText(page([label(100)]), raster, other, 'chi_tra+eng');
    expect(both.words.filter((w) => w.box.y > 150).map((w) => w.text).sort()).toEqual(['11:20', '下午', '已讀']);
  });

  it('reads again, without the ink above and below it, a cluster read as unsure figures (a table\'s rule in the cut\'s margin)', async () => {
    // An amount at y 200 (x 300…328) left out, a grey rule 6 px above it across the page.
    const raster = ink([{ y: 100, xs: [40, 60, 84, 104, 128] }, { y: 200, xs: [300, 316] }]);
    raster.data.fill(150, 194 * 600, 195 * 600);
    const { engine, calls } = scripted((call) => [call === 0 ? word('_999', 50, 10, 16, 28, 24) : word('999', 92, 10, 20, 28, 20)]);
    const out = await readMissedText(page([label(100)]), raster, engine, 'chi_tra+eng');
    expect(out.lines.map((l) => l.text)).toEqual(['行動 上網 費', '999']);
    // The cut (48 × 40 from (290, 190)) sits a unit (20 px) down the strip: read first with the
    // rule in its margin, then with its margin's rows blank and its glyphs' rows as on the page.
    const row = (strip: GrayRaster, y: number) => Array.from(strip.data.subarray(y * strip.width, (y + 1) * strip.width));
    expect(calls).toHaveLength(2);
    expect(row(calls[0]!.raster, 20 + 4).every((v) => v === 150)).toBe(true);
    expect(row(calls[1]!.raster, 20 + 4).every((v) => v === 255)).toBe(true);
    expect(row(calls[1]!.raster, 20 + 10).filter((v) => v === 0)).toHaveLength(24);
    // A cluster read as unsure Chinese (an outlined tab icon read 品 at 40) is not read again.
    const icon = scripted(() => [word('品', 40, 10, 20, 28, 20)]);
    await readMissedText(page([label(100)]), raster, icon.engine, 'chi_tra+eng');
    expect(icon.calls).toHaveLength(1);
  });

  it('reads again, side by side as one line, the clusters of which nothing at all was read', async () => {
    // Two names left out (y 200 at x 300, y 250 at x 400); read as a block, neither gave a line.
    const raster = ink([{ y: 100, xs: [40, 60, 84, 104, 128] }, { y: 200, xs: [300, 316] }, { y: 250, xs: [400, 416] }]);
    const { engine, calls } = scripted((call) => (call === 0 ? [] : [word('EE', 96, 30, 10, 28, 20), word('OK', 90, 98, 10, 28, 20)]));
    const out = await readMissedText(page([label(100)]), raster, engine, 'eng');
    expect(calls.map((c) => c.options.psm)).toEqual(['single-block', 'single-line']);
    // Each cut (48 × 40) a unit (20 px) after the one before, on one row as tall as the tallest.
    expect([calls[1]!.width, calls[1]!.height]).toEqual([20 + 48 + 20 + 48 + 20, 40]);
    const glyphs = (x: number) => Array.from({ length: 40 }, (_, y) => calls[1]!.raster.data[y * calls[1]!.width + x]).filter((v) => v === 0).length;
    expect([glyphs(30), glyphs(98)]).toEqual([20, 20]);
    // Each word back in its cut's place on the page.
    expect(out.lines.map((l) => l.text)).toEqual(['行動 上網 費', 'EE', 'OK']);
    expect(out.lines.slice(1).map((l) => l.words[0]!.box)).toEqual([{ x: 300, y: 200, w: 28, h: 20 }, { x: 400, y: 250, w: 28, h: 20 }]);
    // Of that reading, a word of one letter or digit is not taken (a small icon read "2").
    const icon = scripted((call) => (call === 0 ? [] : [word('2', 96, 30, 10, 12, 20), word('OK', 90, 98, 10, 28, 20)]));
    expect((await readMissedText(page([label(100)]), raster, icon.engine, 'eng')).lines.map((l) => l.text)).toEqual(['行動 上網 費', 'OK']);
    // Unless the cluster reads as a run of text: Chinese comes a character to a word (each word a
    // line of its own here, as words read again on a screenshot are).
    const run = scripted((call) => (call === 0 ? [] : [word('3', 93, 22, 10, 8, 20), word('個', 91, 31, 10, 10, 20), word('工作', 92, 42, 10, 20, 20), word('OK', 90, 98, 10, 28, 20)]));
    expect((await readMissedText(page([label(100)]), raster, run.engine, 'chi_tra+eng')).lines.map((l) => l.text)).toEqual(['行動 上網 費', '3', '個', '工作', 'OK']);
    // A cluster read as anything at all (a mark read "~" at 30) is not read again so.
    const { engine: once, calls: one } = scripted(() => [word('~', 30, 10, 30, 12, 20), word('~', 30, 10, 90, 12, 20)]);
    await readMissedText(page([label(100)]), raster, once, 'eng');
    expect(one).toHaveLength(1);
  });

  it('on a photo, reads a cluster still read as nothing once more under a line read for sure, and leaves that line out', async () => {
    // A bold heading left out (y 200, x 300); read as a block and as a line, it gave nothing.
    const raster = ink([{ y: 100, xs: [40, 60, 84, 104, 128] }, { y: 200, xs: [300, 316] }]);
    const answers = (heading: OcrWord[]) => (call: number) => (call < 2 ? [] : [word('行動', 92, 10, 30, 40, 20), ...heading]);
    const { engine, calls } = scripted(answers([word('明細', 90, 10, 90, 28, 20)]));
    const out = await readMissedText(page([label(100)]), raster, engine, 'chi_tra+eng', undefined, [], true);
    expect(calls.map((c) => c.options.psm)).toEqual(['single-block', 'single-line', 'single-block']);
    // The label's cut (128 × 40 from (30, 90)) a unit down the strip, the heading's (48 × 40) a unit under it.
    expect([calls[2]!.width, calls[2]!.height]).toEqual([128, 20 + 40 + 20 + 40 + 20]);
    expect(Array.from(calls[2]!.raster.data.subarray(30 * 128, 31 * 128)).filter((v) => v === 0)).toHaveLength(5 * 12);
    // The label's reading is left out; the heading's is put in its place on the page.
    expect(out.lines.map((l) => l.text)).toEqual(['行動 上網 費', '明細']);
    expect(out.lines[1]!.words[0]!.box).toEqual({ x: 300, y: 200, w: 28, h: 20 });
    // One character alone is not taken.
    const one = scripted(answers([word('明', 90, 10, 90, 14, 20)]));
    expect((await readMissedText(page([label(100)]), raster, one.engine, 'chi_tra+eng', undefined, [], true)).lines.map((l) => l.text)).toEqual(['行動 上網 費']);
    // Not on a screenshot, and not without a line read for sure to read it under.
    for (const [result, photo] of [[page([label(100)]), false], [page([line([word('行動', 70, 40, 100, 40, 20), word('上網', 92, 84, 100, 40, 20), word('費', 92, 128, 100, 20, 20)], 85)]), true]] as const) {
      const { engine: other, calls: two } = scripted(answers([word('明細', 90, 10, 90, 28, 20)]));
      expect((await readMissedText(result, raster, other, 'chi_tra+eng', undefined, [], photo)).lines.map((l) => l.text)).not.toContain('明細');
      expect(two).toHaveLength(2);
    }
  });

  it('adds a line of its own, in reading order, for text beside no line', async () => {
    const raster = ink([{ y: 200, xs: [300, 316] }]);
    const { engine } = scripted(() => [word('0', 95, 10, 30, 12, 20)]);
    const out = await readMissedText(page([label(100), line([word('合計', 92, 40, 260, 40, 20)], 92)]), raster, engine, 'chi_tra+eng');
    expect(out.lines.map((l) => l.text)).toEqual(['行動 上網 費', '0', '合計']);
  });

  it('does not look again where words were dropped as pictures', async () => {
    const raster = ink([{ y: 100, xs: [40, 60, 84, 104, 128, 520, 536] }]);
    const { engine, calls } = scripted(() => [word('all', 90, 10, 30, 28, 20)]);
    const result = page([label(100), line([word('繳費', 92, 40, 150, 40, 20)], 92)]);
    const icon = word('all', 66, 520, 100, 28, 20);
    expect(await readMissedText(result, raster, engine, 'chi_tra+eng', undefined, [icon.box])).toBe(result);
    expect(calls).toHaveLength(0);
  });

  it('asks nothing for a table\'s rule that drifts by a pixel and fades in places (a rectified photo)', async () => {
    const raster = ink([{ y: 100, xs: [40, 60, 84, 104, 128] }]);
    // A vertical rule 5 px wide from y 20 to 280 at x 300, a pixel further right every 60 px, with 2 px breaks every 20.
    for (let y = 20; y < 280; y++) {
      if (y % 20 < 2) continue;
      const x = 300 + Math.floor(y / 60);
      raster.data.fill(0, y * 600 + x, y * 600 + x + 5);
    }
    const { engine, calls } = scripted(() => [word('上', 80, 10, 30, 12, 20)]);
    const result = page([label(100), line([word('繳費', 92, 40, 150, 40, 20)], 92)]);
    expect(await readMissedText(result, raster, engine, 'chi_tra+eng')).toBe(result);
    expect(calls).toHaveLength(0);
  });

  it('on a photo, does not read ink barely darker than the threshold (a desk\'s grain); on a screenshot it does (pale times)', async () => {
    const raster = ink([{ y: 100, xs: [40, 60, 84, 104, 128] }]);
    for (let y = 200; y < 220; y++) raster.data.fill(110, y * 600 + 400, y * 600 + 424);
    const result = page([label(100), line([word('繳費', 92, 40, 150, 40, 20)], 92)]);
    const photo = scripted(() => [word('21:06', 90, 10, 30, 24, 20)]);
    expect(await readMissedText(result, raster, photo.engine, 'chi_tra+eng', undefined, [], true)).toBe(result);
    expect(photo.calls).toHaveLength(0);
    const screenshot = scripted(() => [word('21:06', 90, 10, 30, 24, 20)]);
    await readMissedText(result, raster, screenshot.engine, 'chi_tra+eng');
    expect(screenshot.calls).toHaveLength(1);
  });

  /**
   * Four pale glyphs (170, a 2 × 2 core of `core` each) of a row at y 200 from x 300, under a line
   * of text whose grey mark after its last word (115) sets the page's threshold there.
   */
  const pale = (core = 90) => {
    const g = ink([{ y: 100, xs: [40, 60, 84, 104, 128, 148, 168, 188] }]);
    for (let y = 100; y < 120; y++) g.data.fill(115, y * 600 + 210, y * 600 + 226);
    for (const x of [300, 316, 332, 348]) {
      for (let y = 200; y < 220; y++) g.data.fill(170, y * 600 + x, y * 600 + x + 12);
      for (let y = 209; y < 211; y++) g.data.fill(core, y * 600 + x + 5, y * 600 + x + 7);
    }
    return g;
  };

  it('reads pale text with paper all round it, which breaks into specks at the threshold (a time line photographed on a phone\'s screen)', async () => {
    // Its cores 25 levels darker than the threshold (126 where it is 151 on the photo).
    expect(otsuThreshold(histogram(pale()))).toBe(115);
    const result = page([line([word('行動', 92, 40, 100, 40, 20), word('上網', 92, 84, 100, 40, 20), word('費用', 92, 128, 100, 80, 20)], 92)]);
    for (const photo of [true, false]) {
      const { engine, calls } = scripted(() => [word('下午2:05', 92, 10, 30, 60, 20)]);
      const out = await readMissedText(result, pale(), engine, 'chi_sim+eng', undefined, [], photo);
      // One cut: the row (60 × 20) and a margin of 10 round it, a unit of white above and below.
      expect([calls[0]!.width, calls[0]!.height]).toEqual([80, 20 + 40 + 20]);
      expect(out.lines.map((l) => l.text)).toEqual(['行動 上網 費用', '下午2:05']);
    }
    // Ink round it (a wallpaper's grain, every other pixel of every other row 170 from y 180 to 240): not read.
    const grain = pale();
    for (let y = 180; y < 240; y += 2) for (let x = 280; x < 380; x += 2) if (grain.data[y * 600 + x] === 255) grain.data[y * 600 + x] = 170;
    const { engine, calls } = scripted(() => [word('A', 70, 10, 30, 12, 20)]);
    expect(await readMissedText(result, grain, engine, 'chi_sim+eng')).toBe(result);
    expect(calls).toHaveLength(0);
  });

  it('on a photo, does not read a row of pale specks hardly darker than the threshold (grain clumped on dim paper); on a screenshot it does', async () => {
    // Cores 3 levels darker than the threshold (137 where it is 142 on a dim photo's grain).
    const specks = pale(112);
    expect(otsuThreshold(histogram(specks))).toBe(115);
    const result = page([line([word('行動', 92, 40, 100, 40, 20), word('上網', 92, 84, 100, 40, 20), word('費用', 92, 128, 100, 80, 20)], 92)]);
    const photo = scripted(() => [word('下午2:05', 92, 10, 30, 60, 20)]);
    expect(await readMissedText(result, specks, photo.engine, 'chi_sim+eng', undefined, [], true)).toBe(result);
    expect(photo.calls).toHaveLength(0);
    const screenshot = scripted(() => [word('下午2:05', 92, 10, 30, 60, 20)]);
    expect((await readMissedText(result, specks, screenshot.engine, 'chi_sim+eng')).lines.map((l) => l.text)).toEqual(['行動 上網 費用', '下午2:05']);
  });

  it('asks nothing when all ink lies within a unit of what was read', async () => {
    // A glyph's edge just right of the last word's box, and an underline (too flat for text).
    const raster = ink([{ y: 100, xs: [40, 60, 84, 104, 128, 150] }]);
    for (let x = 40; x < 400; x++) raster.data[130 * 600 + x] = 0;
    const { engine, calls } = scripted(() => []);
    const result = page([label(100), line([word('繳費', 92, 40, 150, 40, 20)], 92)]);
    expect(await readMissedText(result, raster, engine, 'chi_tra+eng')).toBe(result);
    expect(calls).toHaveLength(0);
  });
});

describe('rereadSideBySide', () => {
  // A chat's timestamp (20 px glyphs) beside the last line of a bubble (30 px), read as one line.
  const time = (confidence = 82) => word('下午3:12', confidence, 40, 106, 80, 20);
  const misread = () => [word('1,39975T', 42, 160, 100, 120, 30), word('©', 30, 290, 100, 20, 30)];

  it('reads the unsure text of a line again apart from the text beside it and takes the better reading, keeping the line', async () => {
    const result = page([line([word('陳專員', 92, 40, 40, 90, 20)], 92), line([time(), ...misread()], 60)]);
    const { engine, calls } = scripted((_call, width, height) => {
      // Only the unsure part (150 × 30), grown by half its words' height (15 px), a unit (30) of white around it.
      expect([width, height]).toEqual([180, 30 + 60 + 30]);
      return [
        word('上', 90, 15, 32, 20, 6), // the foot of the line above, in the cut's margin
        word('1,399', 92, 15, 45, 60, 30), word('元', 92, 85, 45, 20, 30), word('。', 92, 110, 45, 10, 30),
      ];
    });
    const out = await rereadSideBySide(result, raster, engine, 'chi_tra+eng');
    expect(calls.map((c) => c.options.psm)).toEqual(['single-block']);
    expect(out.lines.map((l) => l.text)).toEqual(['陳專員', '下午3:12 1,399 元 。']);
    // Strip (15, 45) is 15 px into the cut, which starts at (145, 85) on the page.
    expect(out.lines[1]!.words[1]!.box).toEqual({ x: 160, y: 100, w: 60, h: 30 });
  });

  it.each([
    ['less confident', [word('1,399元。', 30, 15, 45, 100, 30)]],
    ['much shorter', [word('1', 95, 15, 45, 12, 30)]],
  ])('keeps a part whose new reading is %s', async (_what, answer) => {
    const result = page([line([time(), ...misread()], 60)]);
    const { engine } = scripted(() => answer);
    const out = await rereadSideBySide(result, raster, engine, 'chi_tra+eng');
    expect(out.lines.map((l) => l.text)).toEqual(['下午3:12 1,39975T ©']);
  });

  it('keeps the boxes of a part\'s new words within the band of its old ones', async () => {
    // The part's old words span rows 100–129 but for one boxed down to row 149; the engine boxes
    // its new words from the top to the bottom of the strip (into the row of a time under it).
    const result = page([line([time(), word('1,39975T', 42, 160, 100, 120, 30), word('©', 30, 290, 95, 20, 55), word('元', 40, 320, 100, 20, 30)], 60)]);
    const { engine } = scripted((_call, width, height) => [word('1,399', 92, Math.round(width / 2) - 40, 0, 60, height), word('元', 92, Math.round(width / 2) + 30, 0, 20, height)]);
    const out = await rereadSideBySide(result, raster, engine, 'chi_tra+eng');
    expect(out.lines[0]!.text).toBe('下午3:12 1,399 元');
    expect(out.lines[0]!.words.slice(1).map((w) => [w.box.y, w.box.h])).toEqual([[100, 30], [100, 30]]);
  });

  it('does not take a table\'s rule read in a part', async () => {
    const result = page([line([time(), ...misread()], 60)]);
    const { engine } = scripted(() => [word('1,399元。', 92, 15, 45, 100, 30), word('|', 95, 130, 45, 4, 30)]);
    const out = await rereadSideBySide(result, raster, engine, 'chi_tra+eng');
    expect(out.lines[0]!.words.map((w) => w.text)).toEqual(['下午3:12', '1,399元。']);
  });

  it.each([
    ['alone', []],
    ['with its read receipt, a tall box', [word('0', 20, 360, 97, 20, 56)]],
  ])('sets apart a much smaller text at a gap ¾ as wide as it is tall (a time 20 px tall beside 34 px text) %s', async (_what, ticks) => {
    const message = line([word('遊戲點數。', 96, 40, 100, 200, 34), word('+5006', 34, 256, 117, 84, 20), ...ticks], 80);
    // The one cut fills the strip: a word at its middle lies in the part.
    const { engine, calls } = scripted((_call, width, height) => [word('下午8:16', 91, Math.round(width / 2) - 40, Math.round(height / 2) - 10, 80, 20)]);
    const out = await rereadSideBySide(page([message]), raster, engine, 'chi_tra+eng');
    expect(calls).toHaveLength(1);
    expect(out.lines[0]!.words.map((w) => w.text)).toEqual(['遊戲點數。', '下午8:16']);
  });

  it('splits a line at its widest gap: a ？ nearer the message than the time stays with the message', async () => {
    // 自動續約 (34 px), ？ 30 px further, the time (20 px) 36 px after the ？.
    const message = line([word('自動續約', 92, 40, 100, 160, 34), word('？', 89, 230, 102, 14, 30), word('下和9:58', 40, 280, 114, 90, 20)], 80);
    const { engine, calls } = scripted((_call, width, height) => [word('下午9:58', 91, Math.round(width / 2) - 45, Math.round(height / 2) - 10, 90, 20)]);
    const out = await rereadSideBySide(page([message]), raster, engine, 'chi_tra+eng');
    expect(calls).toHaveLength(1);
    expect(out.lines[0]!.words.map((w) => w.text)).toEqual(['自動續約', '？', '下午9:58']);
  });

  // A phone screenshot's size: the parts below lie far down it.
  const screen = createGray(1080, 1000);

  it('puts the words of a part read again that lie off the row of the rest (a time under a read receipt) on a line of their own', async () => {
    // 已讀 over 下午9:32 (22 px each), read as one word "LOR" 50 px tall beside a message's last line.
    const message = line([word('LOR', 26, 346, 541, 89, 50), word('「影音加值包」', 80, 501, 537, 300, 36)], 60);
    // The part is cut out 25 px around (at 321, 516) into a strip with 50 px of white above it.
    const { engine, calls } = scripted(() => [word('已讀', 90, 73, 75, 45, 22), word('下午9:32', 91, 25, 103, 89, 22)]);
    const out = await rereadSideBySide(page([message]), screen, engine, 'chi_tra+eng');
    expect(calls).toHaveLength(1);
    expect(out.lines.map((l) => l.text)).toEqual(['已讀 「影音加值包」', '下午9:32']);
    expect(out.lines[1]!.box).toEqual({ x: 346, y: 569, w: 89, h: 22 });
  });

  it('does not take again the words beside a part that its cut reaches (a box drawn over a whole number)', async () => {
    // "0O912" boxed across the whole number, 318 boxed on its full stop alone, 23 px after.
    const message = line([word('0O912', 45, 81, 519, 462, 31), word('318。', 92, 566, 528, 12, 12)], 60);
    // The part is cut out 16 px around (at 65, 503) into a strip with 31 px of white above it.
    const { engine } = scripted(() => [word('0912', 90, 16, 47, 160, 31), word('550', 90, 230, 47, 117, 31), word('318', 92, 390, 43, 91, 50)]);
    const out = await rereadSideBySide(page([message]), screen, engine, 'chi_tra+eng');
    expect(out.lines.map((l) => l.text)).toEqual(['0912 550 318。']);
  });

  it('keeps a word of a part read again that only repeats a word further along its line', async () => {
    // "10月账单金额（元）" and, far to the right, "2024年10月": the part's 10 is its own.
    const message = line([word('10', 40, 62, 232, 30, 22), word('月账单', 40, 100, 229, 140, 29), word('2024', 92, 861, 227, 70, 28), word('年', 92, 934, 223, 31, 28), word('10', 92, 964, 223, 36, 28)], 60);
    // The part is cut out 15 px around (at 47, 214) into a strip with 29 px of white above it.
    const { engine } = scripted(() => [word('10', 90, 15, 47, 30, 22), word('月账单', 90, 53, 44, 140, 29)]);
    const out = await rereadSideBySide(page([message]), screen, engine, 'chi_tra+eng');
    expect(out.lines[0]!.words.map((w) => w.text)).toEqual(['10', '月账单', '2024', '年', '10']);
  });

  it('keeps a part\'s new words on their line when the rest of it is punctuation (a full stop\'s box is a dot)', async () => {
    const message = line([word('。', 90, 119, 858, 3, 3), word('LOR', 26, 196, 829, 330, 32)], 60);
    const { engine } = scripted((_call, width, height) => [word('一般漫遊費率', 92, Math.round(width / 2) - 150, Math.round(height / 2) - 12, 300, 24)]);
    const out = await rereadSideBySide(page([message]), screen, engine, 'chi_tra+eng');
    expect(out.lines.map((l) => l.text)).toEqual(['。 一般漫遊費率']);
  });

  it('finds the rows of a box\'s ink: its longest run, and its span without a line the box reaches into', () => {
    const g = createGray(100, 100);
    const ink = (y: number, h: number) => { for (let r = y; r < y + h; r++) g.data.fill(0, r * 100 + 10, r * 100 + 40); };
    ink(20, 20); // a line of text, rows 20–39…
    ink(41, 1); // …a faint row across a glyph, one blank row below it, joins it
    ink(46, 14); // a line under it, rows 46–59
    expect(inkRows(g, { x: 0, y: 15, w: 100, h: 50 })).toEqual({ y: 20, h: 22 });
    // Both lines whole in the box: the span holds both.
    expect(inkSpan(g, { x: 0, y: 15, w: 100, h: 50 })).toEqual({ y: 20, h: 40 });
    // The box reaches into the second line only: that line is left out.
    expect(inkSpan(g, { x: 0, y: 15, w: 100, h: 38 })).toEqual({ y: 20, h: 22 });
    // Into the first from above: left out too.
    expect(inkSpan(g, { x: 0, y: 30, w: 100, h: 40 })).toEqual({ y: 46, h: 14 });
    expect(inkSpan(g, { x: 50, y: 0, w: 40, h: 100 }).h).toBe(0);
  });

  it('measures a part boxed taller than its ink by its ink, reads it without the ink above and below, and bars Latin letters when it stays Latin', async () => {
    // 已讀 (ink 20 px, rows 110–129) boxed 36 tall with the top of the time under it (ink from row
    // 133) as "aa" beside a message of 34 px: by boxes, the two are of one size.
    const g = createGray(600, 300);
    const ink = (x: number, y: number, w: number, h: number) => { for (let r = y; r < y + h; r++) g.data.fill(0, r * 600 + x, r * 600 + x + w); };
    ink(100, 110, 37, 20);
    ink(80, 133, 57, 17);
    ink(180, 104, 220, 34);
    const message = line([word('aa', 20, 100, 104, 37, 36), word('付違約金嗎？', 90, 180, 104, 220, 34)], 55);
    const strips: Array<{ raster: GrayRaster; blacklist?: string }> = [];
    const engine: OcrEngine = {
      recognize(input: OcrInput, options: RecognizeOptions) {
        if (input.kind !== 'raster') throw new Error('raster expected');
        strips.push({ raster: input.raster, ...(options.blacklist ? { blacklist: options.blacklist } : {}) });
        const { width, height } = input.raster;
        // Read as Latin letters unless they are barred; boxed taller than the part.
        const text = options.blacklist ? '已讀' : 'EE';
        return Promise.resolve(page([line([word(text, options.blacklist ? 75 : 45, Math.round(width / 2) - 18, Math.round(height / 2) - 20, 37, 40)], 60)]));
      },
      dispose: () => Promise.resolve(),
    };
    const out = await rereadSideBySide(page([message]), g, engine, 'chi_tra+eng');
    expect(out.lines[0]!.words.map((w) => w.text)).toEqual(['已讀', '付違約金嗎？']);
    // Its box within the part's ink rows.
    expect(out.lines[0]!.words[0]!.box.y).toBeGreaterThanOrEqual(110);
    expect(out.lines[0]!.words[0]!.box.y + out.lines[0]!.words[0]!.box.h).toBeLessThanOrEqual(130);
    expect(strips.filter((s) => s.blacklist).length).toBe(1);
    // No strip holds the time's ink, three blank rows under the part's: one run of inked rows each.
    for (const { raster } of strips) {
      const inked = Array.from({ length: raster.height }, (_, y) => raster.data.subarray(y * raster.width, (y + 1) * raster.width).some((v) => v < 128));
      expect(inked.filter((v, y) => v && !inked[y - 1]).length).toBe(1);
    }
    // On a blank page (no ink to measure), the boxes decide: one size, nothing read again.
    const { engine: none, calls } = scripted(() => []);
    await rereadSideBySide(page([message]), createGray(600, 300), none, 'chi_tra+eng');
    expect(calls).toHaveLength(0);
  });

  it('reads again with Latin letters barred an unsure word of Latin letters as wide as Chinese in a part read again (已讀 read "om" over a time read surely)', async () => {
    // 已讀 (20 px) over 下午2:07 (20 px) beside a message (34 px), read "一" and "下".
    const g = createGray(600, 300);
    const ink = (x: number, y: number, w: number, h: number) => { for (let r = y; r < y + h; r++) g.data.fill(0, r * 600 + x, r * 600 + x + w); };
    ink(100, 100, 40, 20);
    ink(80, 124, 60, 20);
    ink(180, 104, 220, 34);
    const message = line([word('一', 30, 100, 100, 40, 20), word('下', 60, 80, 124, 60, 20), word('付違約金嗎？', 90, 180, 104, 220, 34)], 55);
    const answer = (om: number) => scripted((_call, width, height, options) => {
      // The part's cut (from (70, 90), 10 px of margin) a unit (20 px) down the strip: 已讀 read
      // "om", the time read surely. With Latin letters barred, 已讀 (its cut alone).
      if (!options.blacklist) return [word('om', om, 30, 30, 40, 20), word('下午2:07', 91, 10, 54, 60, 20)];
      return [word('已讀', 85, Math.round(width / 2) - 20, Math.round(height / 2) - 10, 40, 20)];
    });
    const { engine, calls } = answer(33);
    const out = await rereadSideBySide(page([message]), g, engine, 'chi_tra+eng');
    expect(out.lines.flatMap((l) => l.words.map((w) => w.text)).sort()).toEqual(['下午2:07', '付違約金嗎？', '已讀'].sort());
    expect(calls.filter((c) => c.options.blacklist)).toHaveLength(1);
    // Read surely, or on a page read without a Chinese model, the word stays.
    for (const [confidence, lang] of [[90, 'chi_tra+eng'], [33, 'eng']] as const) {
      const { engine: other, calls: two } = answer(confidence);
      const again = await rereadSideBySide(page([message]), g, other, lang);
      expect(again.lines.flatMap((l) => l.words.map((w) => w.text))).toContain('om');
      expect(two.filter((c) => c.options.blacklist)).toHaveLength(0);
    }
  });

  it('reads a part with the ink that goes on from it along its row, which no word holds (a time of which only 下 was read, "¥")', async () => {
    // A message's last line (30 px) and, 100 px after it, a time's four glyphs (20 px, from x 500
    // to 560); the engine boxed only the first, as "¥".
    const g = createGray(600, 300);
    for (const x of [40, 100, 160, 220, 280, 340]) for (let y = 100; y < 130; y++) g.data.fill(0, y * 600 + x, y * 600 + x + 50);
    for (const x of [500, 516, 532, 548]) for (let y = 106; y < 126; y++) g.data.fill(0, y * 600 + x, y * 600 + x + 12);
    const message = line([word('繳費期限不變。', 92, 40, 100, 350, 30), word('¥', 21, 500, 106, 13, 20)], 60);
    // Read from a cut over the whole time (60 px and 10 of margin each side), the time; from one
    // over its first glyph, "TF".
    const { engine, calls } = scripted((_call, width) => (width >= 80 ? [word('下午2:20', 90, 10, 30, 60, 20)] : [word('TF', 83, 10, 30, 13, 20)]));
    const out = await rereadSideBySide(page([message]), g, engine, 'chi_tra+eng');
    expect(calls[0]!.width).toBe(80);
    expect(out.lines.flatMap((l) => l.words.map((w) => w.text))).toEqual(['繳費期限不變。', '下午2:20']);
    expect(out.lines.flatMap((l) => l.words)[1]!.box).toEqual({ x: 500, y: 106, w: 60, h: 20 });
    // Ink that a word holds already is not taken in (the last glyph read surely as a line of its
    // own): the part is read from 500 to 544.
    const { engine: other, calls: two } = scripted(() => [word('下午2', 90, 10, 30, 44, 20)]);
    await rereadSideBySide(page([message, line([word('0', 90, 548, 106, 12, 20)], 90)]), g, other, 'chi_tra+eng');
    expect(two[0]!.width).toBe(44 + 20);
    // Nor is ink that goes on for less than the part's height (the edge of the next glyph).
    const { engine: third, calls: three } = scripted(() => [word('下', 90, 10, 30, 13, 20)]);
    await rereadSideBySide(page([message, line([word('2:0', 90, 532, 106, 28, 20)], 90)]), g, third, 'chi_tra+eng');
    expect(three[0]!.width).toBe(13 + 20);
  });

  it('reads a small part still unread enlarged, at two sizes, and takes the more confident reading', async () => {
    // A read receipt (22 px) beside a message (36 px): "璜" at 0, then "BH" (Latin for Chinese: not taken).
    const message = line([word('璜', 0, 445, 807, 41, 22), word('請取消並退還990元', 92, 529, 803, 300, 36)], 60);
    const { engine, calls } = scripted((call, width, height) => {
      const at = (text: string, confidence: number) => [word(text, confidence, Math.round(width / 2) - 10, Math.round(height / 2) - 5, 20, 10)];
      return call === 0 ? at('BH', 51) : call === 1 ? at('選讀', 10) : at('已讀', 88);
    });
    const out = await rereadSideBySide(page([message]), screen, engine, 'chi_tra+eng');
    // Enlarged to 28 px and to 1.6 × 28 px: the strip 63 px wide at 28/22 and 1.6 × 28/22.
    expect(calls.map((c) => c.width)).toEqual([63, Math.round(63 * 28 / 22), Math.round(63 * 1.6 * 28 / 22)]);
    expect(out.lines[0]!.words.map((w) => w.text)).toEqual(['已讀', '請取消並退還990元']);
  });

  // 已讀 (ink rows 548–566) over 下午10:55 (rows 574–593), both 20 px, boxed as one word 46 px
  // tall beside a message's last line (30 px).
  const twoRows = () => {
    const g = createGray(1080, 1000);
    const ink = (x: number, y: number, w: number, h: number) => { for (let r = y; r < y + h; r++) g.data.fill(0, r * 1080 + x, r * 1080 + x + w); };
    ink(678, 548, 37, 19);
    ink(627, 574, 88, 20);
    ink(757, 547, 186, 30);
    return g;
  };

  it('measures a part holding two rows of small text by its taller row, and reads it enlarged when still unsure', async () => {
    const message = line([word('LF', 11, 627, 548, 88, 46), word('怎麼會超量?', 92, 757, 547, 186, 30)], 50);
    const { engine, calls } = scripted((call, width, height) => [word(call === 0 ? 'T£10:55' : '下午10:55', call === 0 ? 16 : 91, Math.round(width / 2) - 10, Math.round(height / 2) - 5, 20, 10)]);
    const out = await rereadSideBySide(page([message]), twoRows(), engine, 'chi_tra+eng');
    // Read as one part, then at 28 px and 1.6 × 28 px for its 20 px rows (not its 46 px box).
    // The strips: the part cut out 23 px around, then 10 px around (a unit of 20 px above and below).
    expect(calls.map((c) => c.height)).toEqual([46 + 92 + 46, Math.round(106 * 28 / 20), Math.round(106 * 1.6 * 28 / 20)]);
    expect(out.lines.flatMap((l) => l.words).map((w) => w.text)).toEqual(['下午10:55', '怎麼會超量?']);
  });

  it('puts the words of a part off the row of the other, both read again, on a line of their own after it: the row is the taller text\'s ink', async () => {
    const message = line([word('LF', 11, 627, 548, 88, 46), word('怎麼', 21, 757, 547, 80, 30), word('會', 96, 837, 528, 31, 70), word('超量?', 90, 868, 528, 75, 70)], 50);
    // Each part's words where the strip holds it (the parts cut out 35 px around, a unit of 70 px
    // apart): the message read again boxed down to row 591.
    const { engine, calls } = scripted(() => [word('已讀', 90, 86, 105, 37, 19), word('下午10:55', 88, 35, 131, 88, 20), word('怎麼會超量?', 91, 35, 291, 186, 44)]);
    const out = await rereadSideBySide(page([message]), twoRows(), engine, 'chi_tra+eng');
    expect(calls).toHaveLength(1);
    expect(out.lines.map((l) => l.text)).toEqual(['已讀 怎麼會超量?', '下午10:55']);
  });

  it.each([
    ['a part of punctuation only', word('，', 5, 445, 807, 12, 22)],
    ['a part as tall as text read at its size', word('璜', 0, 445, 806, 41, 28)],
  ])('does not read again enlarged %s', async (_what, part) => {
    const message = line([part, word('請取消並退還990元', 92, 529, 803, 300, 36)], 60);
    const { engine, calls } = scripted(() => []);
    await rereadSideBySide(page([message]), screen, engine, 'chi_tra+eng');
    expect(calls).toHaveLength(1);
  });

  it('does not set apart a much smaller text closer than ¾ of its height', async () => {
    const message = line([word('遊戲點數。', 96, 40, 100, 200, 34), word('+5006', 34, 254, 117, 84, 20)], 80);
    const { engine, calls } = scripted(() => []);
    expect(await rereadSideBySide(page([message]), raster, engine, 'chi_tra+eng')).toEqual(page([message]));
    expect(calls).toHaveLength(0);
  });

  it.each([
    ['every word is sure', [time(), word('1,399元。', 92, 160, 100, 150, 30)]],
    ['the two texts are as tall', [word('加值服務', 60, 40, 100, 80, 30), word('800', 92, 400, 100, 40, 30)]],
    ['the gap is a word space', [time(60), word('1,399元。', 92, 130, 100, 150, 30)]],
  ])('asks nothing when %s', async (_what, words) => {
    const result = page([line(words, 70)]);
    const { engine, calls } = scripted(() => []);
    expect(await rereadSideBySide(result, raster, engine, 'chi_tra+eng')).toBe(result);
    expect(calls).toHaveLength(0);
  });
});

describe('rereadSmallText', () => {
  // A list: names 20 px tall, a small date (12 px) at the right of the first one, previews below.
  const name = (text: string, y: number) => word(text, 92, 40, y, 120, 20);
  const preview = (y: number) => line([word('您好，我是門市陳先生', 90, 40, y, 300, 20)], 90);

  it('reads the small run of a line again, enlarged, and takes the better reading', async () => {
    const result = page([line([name('0975-881-203', 100), word('週', 89, 500, 104, 20, 12)], 90), preview(130), line([name('亞太電信', 200)], 92)]);
    const { engine, calls } = scripted((_call, width, height) => {
      // One cut (20 × 12 grown by 6 px) in a strip of 32 × 48, enlarged 28 / 12 times.
      expect([width, height]).toEqual([Math.round(32 * 28 / 12), Math.round(48 * 28 / 12)]);
      return [word('週三', 93, 14, 42, 65, 28)];
    });
    const out = await rereadSmallText(result, raster, engine, 'chi_tra+eng');
    expect(calls).toHaveLength(1);
    expect(out.lines.map((l) => l.text)).toEqual(['0975-881-203 週三', '您好，我是門市陳先生', '亞太電信']);
    expect(out.lines[0]!.words[1]!.box).toEqual({ x: 500, y: 104, w: 28, h: 12 });
  });

  it('takes a smaller text printed close after a line\'s last word (a chat\'s time) for a run of its own', async () => {
    // 34 px text, then a 16 px time 20 px further: closer than the text is tall, but half its size.
    const message = line([word('收', 92, 40, 100, 34, 34), word('HK$214.40', 90, 80, 100, 174, 34), word('2106', 55, 274, 116, 52, 16)], 80);
    const result = page([message, line([word('我睇咗', 92, 40, 160, 120, 34)], 92), line([word('有個', 92, 40, 220, 80, 34)], 92)]);
    const { engine, calls } = scripted(() => [word('21:06', 91, 14, 42, 120, 37)]);
    const out = await rereadSmallText(result, raster, engine, 'chi_tra+eng');
    expect(calls).toHaveLength(1);
    expect(out.lines[0]!.text).toBe('收 HK$214.40 21:06');
  });

  it('sets a time apart from the text just before it by half the time\'s height, and leaves its read receipt out', async () => {
    // 34 px text, then a 16 px time 11 px further; the new reading holds the time's ticks.
    const message = line([word('俾', 87, 40, 100, 44, 34), word('你', 95, 84, 100, 24, 34), word('1032', 86, 119, 116, 51, 16)], 80);
    const result = page([message, line([word('我睇咗', 92, 40, 160, 120, 34)], 92), line([word('有個', 92, 40, 220, 80, 34)], 92)]);
    const { engine, calls } = scripted(() => [word('10:32', 92, 12, 42, 70, 28), word('w', 30, 84, 42, 12, 28)]);
    const out = await rereadSmallText(result, raster, engine, 'chi_tra+eng');
    expect(calls).toHaveLength(1);
    expect(out.lines[0]!.words.map((w) => w.text)).toEqual(['俾', '你', '10:32']);
  });

  it('does not replace Chinese by Latin letters alone (a character boxed on the comma after it)', async () => {
    // 月 of 個月， boxed on the comma: 8 × 14 px beside 36 px text, read again as "J".
    const message = line([word('24個', 93, 40, 100, 90, 36), word('月', 46, 160, 113, 8, 14)], 80);
    const result = page([message, line([word('月租從599', 92, 40, 160, 200, 36)], 92), line([word('變成799', 92, 40, 220, 180, 36)], 92)]);
    const { engine, calls } = scripted(() => [word('J', 80, 14, 42, 16, 28)]);
    const out = await rereadSmallText(result, raster, engine, 'chi_tra+eng');
    expect(calls).toHaveLength(1);
    expect(out.lines[0]!.words.map((w) => w.text)).toEqual(['24個', '月']);
  });

  it('does not replace a number by Latin letters alone', async () => {
    // A date 12 px tall read unsure after a 20 px label, read again as letters, more surely.
    const result = page([line([name('申請門號', 100), word('ema', 6, 300, 104, 36, 12), word('113/09/30', 49, 344, 104, 76, 12)], 60), preview(130), line([name('亞太電信', 200)], 92)]);
    const { engine, calls } = scripted(() => [word('[omen', 58, 14, 42, 110, 28), word('[sion', 28, 140, 42, 120, 28)]);
    const out = await rereadSmallText(result, raster, engine, 'chi_tra+eng');
    expect(calls).toHaveLength(1);
    expect(out.lines[0]!.words.map((w) => w.text)).toEqual(['申請門號', 'ema', '113/09/30']);
  });

  it('does not set apart a single character whose box is much smaller than its glyph', async () => {
    const message = line([word('流量安心', 92, 40, 100, 136, 34), word('包', 58, 182, 110, 9, 8), word('”', 80, 200, 100, 12, 34)], 80);
    const result = page([message, line([word('我没有订购过。', 92, 40, 160, 200, 34)], 92), line([word('有個', 92, 40, 220, 80, 34)], 92)]);
    const { engine, calls } = scripted(() => [word('入', 63, 12, 42, 28, 28)]);
    expect(await rereadSmallText(result, raster, engine, 'chi_tra+eng')).toBe(result);
    expect(calls).toHaveLength(0);
  });

  it.each([
    ['takes a reading that only adds punctuation, nearly as confident', '1405', 91, '14:05', 87, '14:05'],
    ['keeps a reading when the new one only drops punctuation', '14:05', 91, '1405', 90, '14:05'],
    ['keeps a reading when the new one adds punctuation with far less confidence', '1405', 91, '14:05', 80, '1405'],
  ])('%s', async (_what, before, beforeConfidence, after, afterConfidence, kept) => {
    const message = line([word('帳戶號碼。', 92, 40, 100, 140, 28), word(before, beforeConfidence, 220, 110, 42, 14)], 90);
    const result = page([message, line([word('A/C', 92, 40, 160, 120, 28)], 92), line([word('明白', 92, 40, 220, 80, 28)], 92)]);
    const { engine } = scripted(() => [word(after, afterConfidence, 12, 42, 80, 28)]);
    expect((await rereadSmallText(result, raster, engine, 'chi_tra+eng')).lines[0]!.words.map((w) => w.text)).toEqual(['帳戶號碼。', kept]);
  });

  it('keeps the old reading when the new one is less confident', async () => {
    const result = page([line([name('0975-881-203', 100), word('週', 89, 500, 104, 20, 12)], 90), preview(130), line([name('亞太電信', 200)], 92)]);
    const { engine } = scripted(() => [word('週三', 70, 14, 42, 65, 28)]);
    expect((await rereadSmallText(result, raster, engine, 'chi_tra+eng')).lines[0]!.text).toBe('0975-881-203 週');
  });

  it('asks nothing for text of one size or for flat characters (一、) that are small at any size', async () => {
    const flat = line([word('一', 90, 40, 108, 20, 3), word('、', 90, 62, 110, 6, 6), word('用戶於合約期間內', 90, 100, 100, 200, 20)], 90);
    const result = page([line([name('中華電信', 100)], 92), preview(130), flat]);
    const { engine, calls } = scripted(() => []);
    expect(await rereadSmallText(result, raster, engine, 'chi_tra+eng')).toBe(result);
    expect(calls).toHaveLength(0);
  });
});

describe('inkCoverage', () => {
  /** A 600 × 300 page with five glyphs (12 × 20) at y 100 and five at y 200. */
  function glyphs() {
    const g = createGray(600, 300);
    for (const y of [100, 200]) for (const x of [40, 60, 80, 100, 120]) for (let yy = y; yy < y + 20; yy++) g.data.fill(0, yy * 600 + x, yy * 600 + x + 12);
    return g;
  }

  it('is the share of glyph ink inside the boxes of words read with confidence', () => {
    const g = glyphs();
    expect(inkCoverage(page([line([word('行動上網費', 92, 38, 98, 100, 24)], 92), line([word('合計', 92, 38, 198, 100, 24)], 92)]), g)).toBe(1);
    expect(inkCoverage(page([line([word('行動上網費', 92, 38, 98, 100, 24)], 92)]), g)).toBe(0.5);
    // An unsure word's box over the second row does not count.
    expect(inkCoverage(page([line([word('行動上網費', 92, 38, 98, 100, 24)], 92), line([word('S', 13, 38, 198, 100, 24)], 13)]), g)).toBe(0.5);
    expect(inkCoverage(page([]), g)).toBe(0);
  });

  it('weighs the page ink found beforehand (pageInk) as it weighs its own', () => {
    const g = glyphs();
    const ink = pageInk(g);
    expect(ink).toHaveLength(10);
    const read = page([line([word('行動上網費', 92, 38, 98, 100, 24)], 92)]);
    expect(inkCoverage(read, g, ink)).toBe(inkCoverage(read, g));
    expect(inkCoverage(read, g, ink.slice(0, 5))).toBe(1);
  });
});

describe('verticalRules', () => {
  /** A 200 × 300 page with a rule 2 px wide at x 100, soft-edged (x 99 and 102 inked every third row), down rows 20…279. */
  function ruled() {
    const g = createGray(200, 300);
    for (let y = 20; y < 280; y++) {
      g.data.fill(30, y * 200 + 100, y * 200 + 102);
      if (y % 3 === 0) { g.data[y * 200 + 99] = 120; g.data[y * 200 + 102] = 120; }
    }
    return g;
  }

  it('finds a thin rule down the page, a column beyond its ink on either side, a short break bridged', () => {
    const g = ruled();
    g.data.fill(255, 150 * 200 + 99, 150 * 200 + 103);
    g.data.fill(255, 151 * 200 + 99, 151 * 200 + 103);
    expect(verticalRules(g, 100)).toEqual([{ x: 98, y: 20, w: 6, h: 260 }]);
    // Shorter than asked for: none.
    expect(verticalRules(g, 261)).toEqual([]);
  });

  it('finds a rule drifting a pixel along its length as one', () => {
    const g = createGray(200, 300);
    for (let y = 20; y < 280; y++) g.data[y * 200 + 100 + Math.floor((y - 20) / 90)] = 30;
    // Columns 100…102 each reach down 100 rows or more with the one on either side; 99 and 103 do not.
    expect(verticalRules(g, 100)).toEqual([{ x: 100, y: 20, w: 3, h: 260 }]);
  });

  it('parts a rule at a longer break, and leaves out pieces shorter than asked for', () => {
    const g = ruled();
    for (let y = 150; y < 154; y++) g.data.fill(255, y * 200 + 99, y * 200 + 103);
    expect(verticalRules(g, 100)).toEqual([{ x: 98, y: 20, w: 6, h: 130 }, { x: 98, y: 154, w: 6, h: 126 }]);
    // (Its soft edges' columns, 98 and 103, reach down 127 rows only.)
    expect(verticalRules(g, 128)).toEqual([{ x: 99, y: 20, w: 4, h: 130 }]);
  });

  it('finds no rule in a dark area, nor in a column of lines of text', () => {
    const g = createGray(200, 300);
    // A dark bar 20 px wide down the page; strokes 24 px tall at x 150, lines 8 px apart.
    for (let y = 0; y < 300; y++) g.data.fill(20, y * 200 + 20, y * 200 + 40);
    for (let y = 0; y < 300; y++) if (y % 32 < 24) g.data[y * 200 + 150] = 0;
    expect(verticalRules(g, 60)).toEqual([]);
  });
});

describe('readTableCells', () => {
  /** A 600 × 300 page: a table's rule down x 300…301 from y 40 to 260; glyph blocks at the given x positions of row y 100. */
  function table(xs: number[]) {
    const g = createGray(600, 300);
    for (let y = 40; y < 260; y++) g.data.fill(0, y * 600 + 300, y * 600 + 302);
    for (const x of xs) for (let y = 100; y < 120; y++) g.data.fill(0, y * 600 + x, y * 600 + x + 12);
    return g;
  }
  const label = [word('國際', 93, 40, 100, 40, 20), word('漫遊', 93, 84, 100, 40, 20), word('費', 92, 128, 100, 20, 20)];

  it('reads again from its rule the part of a row read unsure beside a rule, and takes the surer reading', async () => {
    // １，２４８ in the cell right of the rule: its 1 left out, ", 248" read at 74 and 85.
    const raster = table([40, 60, 84, 104, 128, 330, 360, 390, 420, 450]);
    const { engine, calls } = scripted((_call, width, height) => [word('1,248', 91, Math.round(width * 0.05), Math.round(height * 0.3), Math.round(width * 0.3), Math.round(height * 0.4))]);
    const result = page([line([...label, word('，', 74, 356, 110, 8, 10), word('248', 85, 386, 100, 76, 20)], 85), line([word('合計', 95, 40, 180, 40, 20), word('2,567', 95, 330, 180, 76, 20)], 95)]);
    const out = await readTableCells(result, raster, engine, 'chi_tra+eng');
    expect(out.lines.map((l) => l.text)).toEqual(['國際 漫遊 費 1,248', '合計 2,567']);
    // Read once (sure at the first scale), from 2 px right of the rule: the rule and the label left blank.
    expect(calls).toHaveLength(1);
    const cut = calls[0]!.raster;
    const inked = (x: number) => Array.from({ length: cut.height }, (_, y) => cut.data[y * cut.width + x]).some((v) => v === 0);
    const columns = Array.from({ length: cut.width }, (_, x) => x).filter(inked);
    // Its ink, at ¾ of the size: the cell's five glyphs alone; the rule, within the cut's margin,
    // left blank.
    expect(columns.filter((x, i) => i === 0 || columns[i - 1] !== x - 1)).toHaveLength(5);
    expect(columns[0]).toBeGreaterThan(20);
    expect(calls[0]!.options.psm).toBe('single-line');
  });

  it('asks nothing of a page without rules down it, nor of a table read surely', async () => {
    const result = page([line([...label, word('，', 74, 356, 110, 8, 10), word('248', 85, 386, 100, 76, 20)], 85)]);
    const plain = scripted(() => []);
    expect(await readTableCells(result, table([]).data.fill(255) && createGray(600, 300), plain.engine, 'chi_tra+eng')).toBe(result);
    const sure = page([line([...label, word('1,248', 92, 330, 100, 130, 20)], 92)]);
    expect(await readTableCells(sure, table([40, 60, 84, 104, 128, 330, 360, 390, 420, 450]), plain.engine, 'chi_tra+eng')).toBe(sure);
    expect(plain.calls).toHaveLength(0);
  });

  it('reads a row the engine parted into lines once: each line takes its own words of the row read again', async () => {
    // A table's header between rules at x 20 and 580, read as two lines (货物 and 规格, unsure);
    // read again over the cell's width, each reading holds both words.
    const g = createGray(600, 300);
    for (const x of [20, 580]) for (let y = 40; y < 260; y++) g.data.fill(0, y * 600 + x, y * 600 + x + 2);
    for (const x of [40, 60, 80, 300, 320, 340]) for (let y = 100; y < 120; y++) g.data.fill(0, y * 600 + x, y * 600 + x + 12);
    const at = (x: number, width: number) => Math.round(((x - 23) / 557) * width);
    const { engine } = scripted((_call, width, height) => [word('货物', 96, at(40, width), Math.round(height * 0.3), at(92, width) - at(40, width), Math.round(height * 0.4)), word('规格', 96, at(300, width), Math.round(height * 0.3), at(352, width) - at(300, width), Math.round(height * 0.4))]);
    const result = page([line([word('货物', 60, 40, 100, 52, 20)], 60), line([word('规格', 60, 300, 100, 52, 20)], 60), line([word('合计', 95, 40, 200, 40, 20)], 95)]);
    const out = await readTableCells(result, g, engine, 'chi_sim+eng');
    expect(out.words.map((w) => w.text)).toEqual(['货物', '规格', '合计']);
    expect(out.words.slice(0, 2).map((w) => w.confidence)).toEqual([96, 96]);
  });

  it('keeps a part\'s reading when the new one is less sure', async () => {
    const raster = table([40, 60, 84, 104, 128, 330, 360, 390, 420, 450]);
    const { engine } = scripted(() => [word('21567', 44, 10, 8, 60, 16)]);
    const result = page([line([...label, word('29:5', 59, 330, 100, 60, 20), word('6.7:', 55, 400, 100, 56, 20)], 70)]);
    expect((await readTableCells(result, raster, engine, 'chi_tra+eng')).lines[0]!.text).toBe('國際 漫遊 費 29:5 6.7:');
  });

  it('drops a bar read over a rule down the table, and only there', async () => {
    // The rule (x 300…301) read "|" with the cell after it; a "|" between two words away from it.
    const raster = table([40, 60, 84, 104, 128, 330, 360, 390]);
    const { engine, calls } = scripted(() => []);
    const result = page([line([word('Account', 95, 40, 100, 80, 20), word('|', 90, 140, 100, 3, 20), word('|', 90, 299, 98, 3, 24), word('2', 96, 330, 100, 12, 20)], 93)]);
    expect((await readTableCells(result, raster, engine, 'eng')).lines[0]!.text).toBe('Account | 2');
    expect(calls).toHaveLength(0);
  });

  it('keeps a part\'s reading when the new one only adds punctuation, less surely', async () => {
    const raster = table([40, 60, 84, 104, 128, 330, 360, 390]);
    const { engine, calls } = scripted(() => [word('‘Top-up', 58, 20, 8, 70, 16), word('3GB', 92, 100, 8, 40, 16)]);
    const result = page([line([word('Top-up', 62, 40, 100, 60, 20), word('3GB', 93, 110, 100, 40, 20), word('2', 96, 330, 100, 12, 20)], 80)]);
    expect((await readTableCells(result, raster, engine, 'eng')).lines[0]!.text).toBe('Top-up 3GB 2');
    expect(calls.length).toBeGreaterThan(0);
  });

  it('keeps a part\'s reading when the new one, though surer, lost a figure read surely', async () => {
    // 日本3日 left of the rule, its last 日 at 13, read again 日本日 at 87.
    const raster = table([40, 60, 84, 104, 128, 330, 360, 390]);
    const part = [word('日本', 92, 40, 100, 60, 20), word('3', 96, 104, 100, 12, 20), word('日', 13, 128, 100, 20, 20)];
    const { engine, calls } = scripted(() => [word('日本日', 87, 20, 8, 70, 16)]);
    const result = page([line([...part, word('897', 96, 330, 100, 72, 20)], 80)]);
    expect((await readTableCells(result, raster, engine, 'chi_tra+eng')).lines[0]!.text).toBe('日本 3 日 897');
    expect(calls.length).toBeGreaterThan(0);
    // Read 日本3日 at 90, it is taken.
    const { engine: right } = scripted(() => [word('日本3日', 90, 20, 8, 80, 16)]);
    expect((await readTableCells(result, raster, right, 'chi_tra+eng')).lines[0]!.text).toBe('日本3日 897');
  });
});

/**
 * Ruled tables read cell by cell. Given a whole page, the engine's layout analysis can garble a
 * row of a ruled table whose label cells are shaded (a 业务受理单's grey 业务类型 cell beside its
 * white 套餐变更 one): it reads the row as a few unsure words boxed across its cells ("25 mena"),
 * though each cell cut out alone reads right.
 */
import { mapInOrder, throwIfCancelled, type CancelSignal, type OcrEngine, type OcrLine, type OcrResult, type OcrWord } from './engine';
import { coreBand, HAN, lineOf, meanConfidence, medianHeight, resultOf, sameRow } from './lines';
import { boxesOnce, cropGray, type Box, type GrayRaster } from './raster';
import { centreIn, FIGURE, INK_TONE, LATIN_LETTER, RULE_ROWS, sureText, verticalRules } from './rereading';

/**
 * Reads again, cell by cell, the rows of ruled tables that the page's reading garbled. A row is
 * the band between two rules across the page ({@link horizontalRules}) that overlap, one line of
 * text tall (at most {@link CELL_ROW_LINES} times the page's text); its cells lie between the
 * rules down the table that cross it from rule to rule ({@link verticalRules}). A row is read
 * again when one of its words is unsure (below {@link CELL_UNSURE}), reaches across one of its
 * rules, or is boxed taller than the row. Each cell is cut out inside its rules, set on a white
 * margin and read alone as a line (a cell read empty keeps the words the page's reading had in
 * it, but for a rule read as a bar: a fapiao's 数量 read alone came out blank); the cells' words
 * replace the row's when they hold more sure text ({@link sureText}) and are as sure on the
 * whole. With the rows so read.
 */
export async function readRuledCells(result: OcrResult, raster: GrayRaster, engine: OcrEngine, lang: string, signal?: CancelSignal): Promise<{ result: OcrResult; rows: Box[] }> {
  const unchanged = { result, rows: [] };
  const read = result.lines.flatMap((l) => l.words).filter((w) => w.text.trim());
  if (read.length < 3) return unchanged;
  const unit = medianHeight(read);
  const rows = ruledRows(horizontalRules(raster, Math.round(CELL_RULE_LENGTH * unit)), unit);
  if (!rows.length) return unchanged;
  const down = verticalRules(raster, Math.max(4, Math.round(unit * CELL_ROW_LEAST)), RULE_TONE, downThickness(unit));
  const chinese = chineseModels(lang);
  let lines = result.lines;
  const ruled: Box[] = [], done: Box[] = [];
  for (const { box: row, rules: bounds } of rows) {
    const rules = down.filter((r) => r.y <= row.y + CELL_SLACK && r.y + r.h >= row.y + row.h - CELL_SLACK && r.x + r.w > row.x && r.x < row.x + row.w).sort((a, b) => a.x - b.x);
    const cells = cellsOf(raster, row, rules, unit);
    if (cells.length < 2) continue;
    const span = { x: cells[0]!.x, y: row.y, w: cells.at(-1)!.x + cells.at(-1)!.w - cells[0]!.x, h: row.h };
    const old = lines.flatMap((l) => l.words).filter((w) => w.text.trim() && centreIn(w.box, span));
    if (!old.length) continue;
    const crosses = (w: OcrWord) => rules.some((r) => w.box.x < r.x && w.box.x + w.box.w > r.x + r.w);
    if (!old.some((w) => w.confidence < CELL_UNSURE || crosses(w) || w.box.h > row.h + 2 * CELL_SLACK || (chinese && w.confidence < SURE_CELL && isEnglishAlone(w)))) continue;
    // A band whose edge cuts through a cell's ink is no row of it (a table whose right-hand
    // column's rows lie half a row lower than the left-hand one's; a rule across that ends
    // halfway, on a table photographed askew).
    const cuts = cells.map((cell) => cellCut(raster, cell));
    if (cuts.some((cut) => cut && inkAlongEdges(cut))) continue;
    // The cells are read as many at once as the engine reads side by side.
    const perCell = await mapInOrder(cuts, engine.parallelism ?? 1, async (cut, k) => (cut ? readCell(cut, innerBox(cells[k]!), unit, engine, lang, signal) : []));
    const again = perCell.flatMap((ws, k) => (ws.some((w) => w.text.trim()) ? ws : old.filter((w) => centreIn(w.box, cells[k]!) && !RULE_READ.test(w.text.trim())).map((w) => ({ ...w }))));
    if (!again.length || sureText(again) <= sureText(old) || meanConfidence(again) < meanConfidence(old)) continue;
    // The row's words leave their lines; the row's new line takes the place of the first of them.
    const at = lines.findIndex((l) => l.words.some((w) => old.includes(w)));
    lines = linesWithout([...lines.slice(0, at), lineOf(again, meanConfidence(again)), ...lines.slice(at)], (w) => old.includes(w));
    ruled.push(...bounds);
    done.push(row);
  }
  if (!done.length) return unchanged;
  // Words centred on the rules of the rows read again are the engine's boxes across them (a 码
  // boxed 2 px tall on the rule under its row, "Lr" on another).
  return { result: resultOf(linesWithout(lines, (w) => ruled.some((r) => centreIn(w.box, r))), result.confidence), rows: done };
}

/**
 * Puts the text of the taller rows of ruled tables in reading order cell by cell: a label cell
 * one line tall beside a cell of two lines or more (a repair slip's 故障描述 beside its
 * description; a fapiao's 销售方 beside the seller's four lines, its 备注 beside the remarks). The
 * engine read the label between the lines of its value, or after them, and rows across the cells.
 * A row is a band between two rules across the page ({@link ruledRows}) between
 * {@link ORDER_ROW_LEAST} and {@link ORDER_ROW_MOST} times the page's text tall; its cells lie
 * between the rules down it. Its text is read cell by cell, left to right, each cell's lines top
 * to bottom, when some cell holds two lines or more and the cells of one line (the labels) stand
 * level with no line of a cell of two lines or more (their middles {@link LEVEL_LINES} of the
 * text's height apart at the least; labels can stand level with each other, a fapiao's 销售方 and
 * 备注 each beside four lines): a table's body without rules between its items has no such cell
 * (its columns hold a line per item, level with each other) and is read across as before. Rows
 * with a word across a rule down them, or outside their cells (but for a rule read as a bar), stay.
 */
export function orderRuledCells(result: OcrResult, raster: GrayRaster): OcrResult {
  const read = result.lines.flatMap((l) => l.words).filter((w) => w.text.trim());
  if (read.length < 3) return result;
  const unit = medianHeight(read);
  const rows = ruledRows(horizontalRules(raster, Math.round(CELL_RULE_LENGTH * unit)), unit, ORDER_ROW_LEAST, ORDER_ROW_MOST);
  if (!rows.length) return result;
  // The rules down the page are looked for once, and only for a row holding two lines of words.
  let down: Box[] | undefined;
  let lines = result.lines;
  for (const { box: row } of rows) {
    const inRow = lines.flatMap((l) => l.words).filter((w) => w.text.trim() && centreIn(w.box, row));
    if (!inRow.some((a) => inRow.some((b) => !sameRow(a.box, b.box)))) continue;
    down ??= verticalRules(raster, Math.max(4, Math.round(unit * CELL_ROW_LEAST)), RULE_TONE, downThickness(unit));
    const rules = down.filter((r) => r.y <= row.y + CELL_SLACK && r.y + r.h >= row.y + row.h - CELL_SLACK && r.x + r.w > row.x && r.x < row.x + row.w).sort((a, b) => a.x - b.x);
    const cells = cellsOf(raster, row, rules, unit);
    if (cells.length < 2) continue;
    if (inRow.some((w) => !RULE_READ.test(w.text) && rules.some((r) => w.box.x < r.x && w.box.x + w.box.w > r.x + r.w))) continue;
    const byCell = cells.map((cell) => inRow.filter((w) => centreIn(w.box, cell)));
    // A rule down the row read as a bar ("|" between a line's start and the label cell) is no text.
    const between = inRow.filter((w) => !byCell.some((ws) => ws.includes(w)));
    if (!between.every((w) => RULE_READ.test(w.text) && rules.some((r) => centreIn(w.box, { ...r, x: r.x - CELL_SLACK, w: r.w + 2 * CELL_SLACK })))) continue;
    const cellLines = byCell.filter((ws) => ws.length).map(linesOfCell);
    if (cellLines.length < 2 || !cellLines.some((ls) => ls.length >= 2)) continue;
    const middle = (l: OcrLine) => { const b = coreBand(l); return b.y + b.h / 2; };
    const level = (a: OcrLine, others: readonly OcrLine[]) => others.some((b) => Math.abs(middle(a) - middle(b)) < LEVEL_LINES * unit);
    const labels = cellLines.filter((ls) => ls.length === 1);
    if (!labels.length || !labels.every((ls) => !cellLines.some((others) => others !== ls && others.length >= 2 && level(ls[0]!, others)))) continue;
    const ordered = cellLines.flat();
    // The row's lines take the place of the first line that held its words.
    const at = lines.findIndex((l) => l.words.some((w) => inRow.includes(w)));
    lines = [...lines.slice(0, at), ...ordered, ...linesWithout(lines.slice(at), (w) => inRow.includes(w))];
  }
  return lines === result.lines ? result : resultOf(lines, result.confidence);
}

/** The lines of a cell's words: those level with each other (see sameRow) joined left to right, top to bottom. */
function linesOfCell(words: readonly OcrWord[]): OcrLine[] {
  const rows: OcrWord[][] = [];
  for (const w of [...words].sort((a, b) => a.box.y + a.box.h / 2 - (b.box.y + b.box.h / 2))) {
    const row = rows.find((r) => sameRow(r[0]!.box, w.box));
    if (row) row.push(w);
    else rows.push([w]);
  }
  return rows.map((r) => { const sorted = r.sort((a, b) => a.box.x - b.box.x); return lineOf(sorted, meanConfidence(sorted)); });
}

/**
 * How thick (pixels inked down their length) a rule down a ruled table can be, on a page whose
 * text is `unit` tall: {@link RULE_ROWS}, or {@link CELL_RULE_THICK} of the text's height if more.
 * A photographed fapiao's thin brown rules came out 4 px thick under text 20 px tall, and its
 * cells were not found.
 */
function downThickness(unit: number): number {
  return Math.max(RULE_ROWS, Math.round(CELL_RULE_THICK * unit));
}

/** Share of the page's text height a rule down a table can be thick (see downThickness). */
const CELL_RULE_THICK = 0.2;

/** A rule read as text: a bar or a bracket alone. */
const RULE_READ = /^[|!Il[\]丨]$/u;
/** A row of a ruled table put in order cell by cell is at least this many times the page's text tall (two lines)… */
const ORDER_ROW_LEAST = 1.8;
/** …and at most this many. */
const ORDER_ROW_MOST = 10;
/** Lines whose middles are less than this many times the page's text apart stand level. */
const LEVEL_LINES = 0.3;

/** `lines` without the words `drop` names: a line that loses some has the mean confidence of the rest; one left without text is left out. */
function linesWithout(lines: readonly OcrLine[], drop: (w: OcrWord) => boolean): OcrLine[] {
  return lines.flatMap((l) => {
    if (!l.words.some(drop)) return [l];
    const kept = l.words.filter((w) => !drop(w));
    return kept.some((w) => w.text.trim()) ? [lineOf(kept, meanConfidence(kept))] : [];
  });
}

/** A rule across a table is at least this many times the page's text long. */
const CELL_RULE_LENGTH = 6;
/** A row read cell by cell is at most this many times the page's text tall (one line)… */
const CELL_ROW_LINES = 2.4;
/** …and at least this many times. */
const CELL_ROW_LEAST = 0.8;
/** A row holding a word read less sure than this is read again cell by cell (on a page read with a Chinese model, one of Latin letters alone read less sure than {@link SURE_CELL}: a name 林冠宇 read "HEF" at 78). */
const CELL_UNSURE = 60;
/** Pixels a rule down a row may fall short of the rules above and below it. */
const CELL_SLACK = 2;
/** Pixels of a cell left out along its rules (their soft edges). */
const CELL_INSET = 2;

/**
 * The rules across `g`, each at least `least` columns long: runs of inked pixels (darker than
 * `tone`, {@link RULE_TONE} unless given) along a row, gaps of up to {@link ACROSS_BREAK} pixels
 * bridged, joined with the runs they overlap by half in the rows above (a rule several pixels
 * thick, or drifting a pixel along its length), at most {@link ACROSS_THICK} rows thick (a dark
 * band is no rule) and crossed by strokes along at most {@link ACROSS_CROSSED} of their length
 * (the bottoms of a line of bold glyphs are no rule). Boxes reach a row beyond the ink above and
 * below.
 */
export function horizontalRules(g: GrayRaster, least: number, tone = RULE_TONE): Box[] {
  return boxesOnce(g, `rules across ${least} ${tone}`, () => findHorizontalRules(g, least, tone));
}

function findHorizontalRules(g: GrayRaster, least: number, tone: number): Box[] {
  const { height: h } = g;
  const done: Box[] = [];
  let open: Box[] = [];
  const runs: number[] = [];
  for (let y = 0; y < h; y++) {
    rowRuns(g, y, least, tone, runs);
    const now: Box[] = [];
    for (let k = 0; k < runs.length; k += 2) {
      const x0 = runs[k]!, x1 = runs[k + 1]!;
      let rule: Box | undefined;
      for (let i = 0; i < open.length; i++) {
        const b = open[i]!;
        if (Math.min(b.x + b.w - 1, x1) - Math.max(b.x, x0) + 1 >= 0.5 * Math.min(b.w, x1 - x0 + 1)) { rule = b; break; }
      }
      if (rule) {
        const left = Math.min(rule.x, x0), right = Math.max(rule.x + rule.w - 1, x1);
        rule.x = left; rule.w = right - left + 1; rule.h = y - rule.y + 1;
        if (!now.includes(rule)) now.push(rule);
      } else now.push({ x: x0, y, w: x1 - x0 + 1, h: 1 });
    }
    for (let i = 0; i < open.length; i++) if (!now.includes(open[i]!)) done.push(open[i]!);
    open = now;
  }
  done.push(...open);
  const rules = done.filter((b) => b.h <= ACROSS_THICK && crossedShare(g, b, tone) <= ACROSS_CROSSED).map((b) => ({ x: b.x, y: Math.max(0, b.y - 1), w: b.w, h: Math.min(h, b.y + b.h + 1) - Math.max(0, b.y - 1) }));
  return joinPieces(rules);
}

/**
 * Rules across that are pieces of one (a rule broken where a seal was lifted off it, or stepping
 * a row down where the sheet was photographed askew): sharing a row, and one's start at most
 * {@link ACROSS_JOIN} pixels from the other's end either way, joined into one box. The bottom rule
 * of a fapiao's seller row came out in three pieces (909, 134 and 150 px long, 3 px apart; the
 * two under its seal 3 rows lower and thinner), and the row ended where the first did.
 */
function joinPieces(rules: readonly Box[]): Box[] {
  const out: Box[] = [];
  for (const r of [...rules].sort((a, b) => a.x - b.x)) {
    const piece = out.find((o) => r.x - (o.x + o.w) <= ACROSS_JOIN && r.x >= o.x + o.w - ACROSS_JOIN && o.y < r.y + r.h && r.y < o.y + o.h);
    if (!piece) { out.push({ ...r }); continue; }
    const y = Math.min(piece.y, r.y), bottom = Math.max(piece.y + piece.h, r.y + r.h), right = Math.max(piece.x + piece.w, r.x + r.w);
    piece.y = y; piece.h = bottom - y; piece.w = right - piece.x;
  }
  return out;
}

/**
 * The runs of row `y` of `g` darker than `tone` (gaps of up to {@link ACROSS_BREAK} pixels
 * bridged) at least `least` long, into `runs` as first and last column one after the other.
 * (A loop of its own: it runs over every pixel and is compiled, the merge around it once a page.)
 */
function rowRuns(g: GrayRaster, y: number, least: number, tone: number, runs: number[]): void {
  const { width: w, data } = g;
  runs.length = 0;
  let start = -1, end = -1;
  for (let x = 0, i = y * w; x <= w; x++, i++) {
    const dark = x < w && data[i]! < tone;
    if (dark && start >= 0 && x - end - 1 <= ACROSS_BREAK) { end = x; continue; }
    if (start >= 0 && (dark || x === w)) { if (end - start + 1 >= least) runs.push(start, end); start = -1; }
    if (dark) { start = x; end = x; }
  }
}
/** Pixels darker than this can be a rule's: a table's inner rules, thin, are often printed grey (150–190 on a photographed 业务受理单). */
const RULE_TONE = 200;
/** Gaps of at most this many pixels in a rule across a page are bridged (a photo's faded pixels). */
const ACROSS_BREAK = 2;
/** Pieces of a rule across this many pixels apart at most are one rule (see joinPieces). */
const ACROSS_JOIN = 4;
/** A rule across a page is at most this many rows thick. */
const ACROSS_THICK = 6;
/**
 * At most this share of a rule's columns have ink (darker than its tone) {@link CROSS_REACH}
 * pixels above it or below it: strokes go on past a row of glyphs' bottoms or tops, which bold
 * text can join into a run as long as a rule (callog_tw: 132 px under a line), and not past a rule.
 */
const ACROSS_CROSSED = 0.3;
/** How far beyond a rule across its crossing strokes are looked for. */
const CROSS_REACH = 3;

/** The share of the columns of `b` (a rule across `g`) with ink darker than `tone` {@link CROSS_REACH} px above or below it. */
function crossedShare(g: GrayRaster, b: Box, tone: number): number {
  const { width: w, height: h, data } = g;
  const above = b.y - CROSS_REACH, below = b.y + b.h - 1 + CROSS_REACH;
  let crossed = 0;
  for (let x = b.x; x < b.x + b.w; x++) {
    if ((above >= 0 && data[above * w + x]! < tone) || (below < h && data[below * w + x]! < tone)) crossed++;
  }
  return crossed / Math.max(1, b.w);
}

/**
 * The rows of ruled tables among `rules` (across a page whose text is `unit` tall): each band
 * between a rule and the nearest one below it that overlaps it by half the shorter's length,
 * between `least` and `most` times `unit` tall (by default {@link CELL_ROW_LEAST} and
 * {@link CELL_ROW_LINES}: one line), as wide as both; with those two rules.
 */
export function ruledRows(rules: readonly Box[], unit: number, least = CELL_ROW_LEAST, most = CELL_ROW_LINES): Array<{ box: Box; rules: [Box, Box] }> {
  const sorted = [...rules].sort((a, b) => a.y - b.y);
  const rows: Array<{ box: Box; rules: [Box, Box] }> = [];
  for (const [k, top] of sorted.entries()) {
    const overlap = (b: Box) => Math.min(top.x + top.w, b.x + b.w) - Math.max(top.x, b.x);
    const below = sorted.slice(k + 1).find((b) => b.y >= top.y + top.h && overlap(b) >= 0.5 * Math.min(top.w, b.w));
    if (!below) continue;
    const y = top.y + top.h, height = below.y - y;
    if (height < least * unit || height > most * unit) continue;
    const x = Math.max(top.x, below.x);
    rows.push({ box: { x, y, w: Math.min(top.x + top.w, below.x + below.w) - x, h: height }, rules: [top, below] });
  }
  return rows;
}

/** The cells of `row` (on `raster`) parted by `rules` (down it, left to right), each at least `unit` wide. */
function cellsOf(raster: GrayRaster, row: Box, rules: readonly Box[], unit: number): Box[] {
  const edges = [{ x: row.x, w: 0 }, ...rules, { x: row.x + row.w, w: 0 }];
  const cells: Box[] = [];
  for (let k = 0; k + 1 < edges.length; k++) {
    // The row's ends close a cell only where a frame runs down them (a table's border, too thick
    // to be found as a rule): a rule across can end halfway along a table photographed askew.
    if ((k === 0 && !framed(raster, row, row.x)) || (k + 2 === edges.length && !framed(raster, row, row.x + row.w - 1))) continue;
    const x0 = Math.max(row.x, edges[k]!.x + edges[k]!.w), x1 = Math.min(row.x + row.w, edges[k + 1]!.x);
    if (x1 - x0 >= unit) cells.push({ x: x0, y: row.y, w: x1 - x0, h: row.h });
  }
  return cells;
}

/** Whether a column within {@link FRAME_REACH} pixels of `x` is inked (darker than {@link RULE_TONE}) down {@link FRAME_SHARE} of `row`. */
function framed(raster: GrayRaster, row: Box, x: number): boolean {
  for (let c = Math.max(0, x - FRAME_REACH); c <= Math.min(raster.width - 1, x + FRAME_REACH); c++) {
    let n = 0;
    for (let y = row.y; y < row.y + row.h; y++) if (raster.data[y * raster.width + c]! < RULE_TONE) n++;
    if (n >= FRAME_SHARE * row.h) return true;
  }
  return false;
}
/** Pixels either side of a row's end where a frame down it is looked for. */
const FRAME_REACH = 4;

/** `cell` of `raster` cut out inside its rules ({@link innerBox}) without its frame ({@link withoutFrame}); undefined when nothing is left. */
function cellCut(raster: GrayRaster, cell: Box): GrayRaster | undefined {
  const inner = innerBox(cell);
  return inner.w > 0 && inner.h > 0 ? withoutFrame(cropGray(raster, inner)) : undefined;
}

/** The words of a cell read alone as a line, from its `cut` ({@link cellCut}, of the raster's box `inner`) on a white margin half the text's height wide; boxes in the raster's frame. */
async function readCell(cut: GrayRaster, inner: Box, unit: number, engine: OcrEngine, lang: string, signal?: CancelSignal): Promise<OcrWord[]> {
  if (!hasInk(cut.data)) return [];
  const pad = Math.max(4, Math.round(unit / 2));
  const width = inner.w + 2 * pad, height = inner.h + 2 * pad;
  const data = new Uint8ClampedArray(width * height).fill(255);
  for (let y = 0; y < inner.h; y++) data.set(cut.data.subarray(y * inner.w, (y + 1) * inner.w), (y + pad) * width + pad);
  const read = async (language: string) => {
    throwIfCancelled(signal);
    const reading = await engine.recognize({ kind: 'raster', raster: { width, height, data } }, { lang: language, psm: 'single-line', dpi: 300, ...(signal ? { signal } : {}) });
    return reading.lines.flatMap((l) => l.words).filter((w) => w.text.trim()).map((w) => ({ ...w, box: { x: w.box.x - pad + inner.x, y: w.box.y - pad + inner.y, w: w.box.w, h: w.box.h } }));
  };
  const words = await read(lang);
  // A cell read as Latin letters alone, unsure, on a page read with a Chinese model and English
  // is read again with the Chinese model alone: with both, the engine can read a name of three
  // characters as an English word (林冠宇 read "HEF" at 52; alone, 林冠宇 at 80).
  const chinese = chineseModels(lang);
  if (!chinese || chinese === lang || !words.length || !words.every(isEnglishAlone) || meanConfidence(words) >= SURE_CELL) return words;
  const again = await read(chinese);
  return again.some((w) => HAN.test(w.text)) && meanConfidence(again) > meanConfidence(words) ? again : words;
}

/**
 * Whether any pixel of `data` is ink (darker than {@link INK_TONE}). A function of its own: the
 * loop in the cell's reading made V8 compile that whole async function while it ran (40–70 ms).
 */
function hasInk(data: Uint8ClampedArray): boolean {
  for (let i = 0; i < data.length; i++) if (data[i]! < INK_TONE) return true;
  return false;
}

/** Whether ink (darker than {@link INK_TONE}) lies along an edge of a cell's `cut` ({@link cellCut}). */
function inkAlongEdges({ width: w, height: h, data }: GrayRaster): boolean {
  for (const y of [0, h - 1]) for (let x = 0; x < w; x++) if (data[y * w + x]! < INK_TONE) return true;
  for (const x of [0, w - 1]) for (let y = 0; y < h; y++) if (data[y * w + x]! < INK_TONE) return true;
  return false;
}

/** `cell` without {@link CELL_INSET} pixels along its rules. */
function innerBox(cell: Box): Box {
  return { x: cell.x + CELL_INSET, y: cell.y + CELL_INSET, w: cell.w - 2 * CELL_INSET, h: cell.h - 2 * CELL_INSET };
}

/** A cell read this surely is not read again with a Chinese model alone. */
const SURE_CELL = 80;

/** The Chinese models of `lang` ("chi_tra" of "chi_tra+eng"; empty without one). */
function chineseModels(lang: string): string {
  return lang.split('+').filter((l) => l.startsWith('chi_')).join('+');
}

/** Whether `w` holds Latin letters and no Chinese nor figure. */
function isEnglishAlone(w: OcrWord): boolean {
  return LATIN_LETTER.test(w.text) && !HAN.test(w.text) && !FIGURE.test(w.text);
}

/**
 * `cut` (a cell cut out inside its rules, in place) without the frame along its edges: columns
 * and rows at its sides inked (darker than {@link RULE_TONE}) along {@link FRAME_SHARE} of them
 * are made white, up to {@link FRAME_MOST} from each side (a table's border, too thick to be
 * found as a rule, and a rule's blurred edge; the engine reads them as bars).
 */
function withoutFrame(cut: GrayRaster): GrayRaster {
  const { width: w, height: h, data } = cut;
  const column = (x: number) => { let n = 0; for (let y = 0; y < h; y++) if (data[y * w + x]! < RULE_TONE) n++; return n >= FRAME_SHARE * h; };
  const row = (y: number) => { let n = 0; for (let x = 0; x < w; x++) if (data[y * w + x]! < RULE_TONE) n++; return n >= FRAME_SHARE * w; };
  const clearColumn = (x: number) => { for (let y = 0; y < h; y++) data[y * w + x] = 255; };
  for (let x = 0; x < Math.min(FRAME_MOST, w) && column(x); x++) clearColumn(x);
  for (let x = w - 1; x >= Math.max(0, w - FRAME_MOST) && column(x); x--) clearColumn(x);
  for (let y = 0; y < Math.min(FRAME_MOST, h) && row(y); y++) data.fill(255, y * w, (y + 1) * w);
  for (let y = h - 1; y >= Math.max(0, h - FRAME_MOST) && row(y); y--) data.fill(255, y * w, (y + 1) * w);
  return cut;
}
/** Share of a column or row at a cell's side inked for it to be the cell's frame. */
const FRAME_SHARE = 0.8;
/** Most columns or rows of frame left out from each side of a cell. */
const FRAME_MOST = 8;

/**
 * Marks the engine misreads, found in the preprocessed raster and handled outside it.
 *
 * An ellipsis (…, and the Chinese ……) ends the truncated previews of a message list and is
 * common in chat messages. Set at mid-height by CJK fonts, its three dots are read as 一, "-" or
 * ".", or swallowed into the word before it ("NT$…" read as "NT$" with no confidence). The dots
 * are found by their geometry (three equal small dots evenly spaced on one level, right after
 * text), painted white before recognition, and put back as "…" words in the line beside them.
 *
 * A solid round dot standing alone (a message list's unread marker, a status light) is read as
 * "LJ" or "@", an outlined icon (⊕) as "®", an app's icon as 回 or Q, a QR code or barcode as a
 * few letters, and a field's outline joins the text inside it ("(Wesage" for iMessage): they are
 * painted white.
 *
 * Pale grey text (a message field's placeholder) is taken for paper beside black text: on
 * screenshots, runs of pale glyphs are darkened.
 *
 * In a wide blank (an ideographic space between a clause's number and its title) the engine can
 * read a character it has no confidence in ("]" at 0): such words, whose boxes hold almost no
 * ink, are dropped.
 */
import { inkComponents, labelledInkComponents, type PreprocessStep } from './preprocess';
import type { OcrLine, OcrResult, OcrWord } from './engine';
import { lineOf, medianHeight, resultOf, rewriteLines, sameRow, withoutWords } from './lines';
import { boxesOverlap, cropGray, median, unionBox, type Box, type GrayRaster, type RgbaRaster } from './raster';

/**
 * Finds in `g` (the page about to be read, text lines `lineHeight` tall) what the engine would
 * misread and paints it white (in place): ellipses, lone discs, outlined and badge icons, QR codes
 * and barcodes, the outlines of fields around text and the boxes of a comb field; with `lightText` (screenshots), pale grey text
 * is darkened. Returns the ellipses, to be put back after reading ({@link placeEllipses}), the
 * comb fields (each row of boxes as one box, for {@link joinCombFigures}) and the steps taken.
 */
export function setMarksApart(g: GrayRaster, lineHeight: number, options: { lightText?: boolean } = {}): { ellipses: EllipsisMark[]; combs: Box[]; steps: PreprocessStep[] } {
  const steps: PreprocessStep[] = [];
  // One labelling of the ink serves the ellipses and discs; outlines, lighter, have their own.
  const ink = markComponents(g);
  const ellipses = findEllipses(g, ink.components);
  const discs = findLoneDiscs(g, lineHeight, ink.components);
  const keys = findLeadingMarks(g, lineHeight, ink);
  const light = labelledInkComponents(g.data, g.width, g.height, OUTLINE_INK);
  const outlines = findOutlines(g, lineHeight, light);
  const combRows = findCombBoxes(g, lineHeight, light);
  const combs = combRows.flat();
  // Leaders are often printed grey: they are looked for among the lighter components.
  const leaders = findLeaders(light.components);
  const rings = findIconRings(g, lineHeight, light);
  const badges = findBadgeIcons(g, lineHeight, ink.components);
  const timelines = findTimelines(g, lineHeight, light);
  const codes = findCodes(g, lineHeight);
  if (ellipses.length) {
    eraseMarks(g, ellipses);
    steps.push({ name: 'ellipses', detail: `${ellipses.length} ellipsis mark(s) set apart` });
  }
  if (leaders.length) {
    eraseMarks(g, leaders.flat());
    steps.push({ name: 'erase-leaders', detail: `${leaders.length} dotted leader(s)` });
  }
  if (discs.length || rings.length || badges.length) {
    eraseMarks(g, [...discs, ...rings, ...badges].map((box) => ({ box })));
    steps.push({ name: 'erase-icons', detail: `${discs.length} lone disc(s), ${rings.length} ring icon(s), ${badges.length} badge icon(s)` });
  }
  if (keys.length) {
    eraseMarks(g, keys.map((box) => ({ box })));
    steps.push({ name: 'erase-leading-marks', detail: `${keys.length} bullet(s), radio button(s), checkbox(es) or legend key(s) before text` });
  }
  if (timelines.length) {
    eraseMarks(g, timelines.map((box) => ({ box })));
    steps.push({ name: 'erase-timelines', detail: `${timelines.length} timeline(s) of nodes on a line` });
  }
  if (codes.length) {
    eraseMarks(g, codes.map((box) => ({ box })));
    steps.push({ name: 'erase-codes', detail: `${codes.length} QR code(s) or barcode(s)` });
  }
  if (combs.length) {
    eraseCombBoxes(g, combs);
    steps.push({ name: 'erase-comb-boxes', detail: `${combs.length} box(es) of a comb field` });
  }
  if (outlines.length) {
    eraseOutlines(g, light.labels, outlines);
    steps.push({ name: 'erase-outlines', detail: `${outlines.length} outline(s) around text` });
  }
  const darkened = options.lightText ? darkenLightText(g, lineHeight, light, new Set(outlines.map((c) => c.label))) : 0;
  if (darkened) steps.push({ name: 'darken-light-text', detail: `${darkened} light glyph(s)` });
  return { ellipses, combs: combRows.map((row) => unionBox(row.map((c) => c.box))), steps };
}

/**
 * Darkens light grey text (a message field's placeholder, a grey label), which the engine takes
 * for paper when the page also holds black text: components of `light` (pixels ≤
 * {@link OUTLINE_INK}) with no pixel as dark as ink ({@link INK}), glyph-sized (0.3–1.5 text
 * lines tall, at most 1.5 lines wide) and in a run of three or more such glyphs (a line apart at
 * most), get their tones stretched so their darkest pixel is {@link LIGHT_TEXT_TARGET};
 * anti-aliased edges keep their share. `skip` names components
 * already erased. Returns how many were darkened.
 */
export function darkenLightText(g: GrayRaster, lineHeight: number, light: { labels: Int32Array; components: readonly Component[] }, skip: ReadonlySet<number> = new Set()): number {
  if (lineHeight <= 0) return 0;
  const glyphs = light.components.filter((c) => !skip.has(c.label) && c.box.h >= 0.3 * lineHeight && c.box.h <= 1.5 * lineHeight && c.box.w <= 1.5 * lineHeight);
  // Each glyph's darkest pixel, by label (256: none among the wanted); typed arrays by label, not
  // maps: the loops run over every pixel.
  let top = -1;
  for (const c of light.components) if (c.label > top) top = c.label;
  const darkest = new Uint16Array(top + 1).fill(NOT_WANTED);
  for (const c of glyphs) darkest[c.label] = NO_PIXEL;
  darkestByLabel(g.data, light.labels, darkest);
  // Components painted white since they were labelled (icons, codes) are left white.
  const pale = glyphs.filter((c) => { const v = darkest[c.label]!; return v !== NO_PIXEL && v > INK && v <= OUTLINE_INK; });
  // Text is a run of glyphs: a pale sliver alone (a bubble's edge) is not darkened.
  const beside = new Map(pale.map((c) => [c, pale.filter((o) => o !== c && sameRow(o.box, c.box) && Math.max(o.box.x - (c.box.x + c.box.w), c.box.x - (o.box.x + o.box.w)) <= lineHeight)]));
  // In a run of three: with two neighbours, or beside one that has two.
  const inRun = (c: Component) => beside.get(c)!.length >= 2 || beside.get(c)!.some((o) => beside.get(o)!.length >= 2);
  const stretch = new Float64Array(top + 1);
  let darkened = 0;
  for (const c of pale) if (inRun(c)) { stretch[c.label] = (255 - LIGHT_TEXT_TARGET) / (255 - darkest[c.label]!); darkened++; }
  if (!darkened) return 0;
  stretchByLabel(g.data, light.labels, stretch);
  return darkened;
}

/** Marks a label not looked at in {@link darkestByLabel}… */
const NOT_WANTED = 257;
/** …and one looked at whose pixels none were found. */
const NO_PIXEL = 256;

/** Lowers `darkest[l]` to the darkest pixel of `data` labelled `l`, for the labels not {@link NOT_WANTED}. */
function darkestByLabel(data: Uint8ClampedArray, labels: Int32Array, darkest: Uint16Array): void {
  for (let i = 0; i < data.length; i++) {
    const l = labels[i]!;
    if (l < 0) continue;
    const d = darkest[l]!;
    if (d !== NOT_WANTED && data[i]! < d) darkest[l] = data[i]!;
  }
}

/** Darkens each pixel of `data` labelled `l`, its distance from white times `stretch[l]`, where that is set. */
function stretchByLabel(data: Uint8ClampedArray, labels: Int32Array, stretch: Float64Array): void {
  for (let i = 0; i < data.length; i++) {
    const l = labels[i]!;
    if (l < 0) continue;
    const k = stretch[l];
    if (k) data[i] = Math.max(0, Math.round(255 - (255 - data[i]!) * k));
  }
}

/** The darkest tone light text is darkened to. */
const LIGHT_TEXT_TARGET = 40;

/** An ellipsis found in the raster: the box of its dots and the row of the text it follows. */
export interface EllipsisMark {
  box: Box;
  /** The dots' span across, the height of the text before them. */
  row: Box;
}

/** Pixels at most this dark are ink. */
const INK = 128;
/** A dot is at most this many pixels across (text upscaled to its reading size has dots of 2–8). */
const MAX_DOT = 14;
/** The text before an ellipsis is at least this many times as tall as its dots. */
const TEXT_TO_DOT = 2.5;

/** A connected component of ink: its label, box and pixel count. */
export interface Component { label: number; box: Box; n: number }

/** The ink components of `g` (pixels ≤ {@link INK}) and each pixel's label, for the finders below to share. */
export function markComponents(g: GrayRaster): { labels: Int32Array; components: Component[] } {
  return labelledInkComponents(g.data, g.width, g.height, INK);
}

/**
 * The ellipses of `g`: runs of three (or six: ……) dots of one size, each roughly square and
 * solid, on one level, evenly spaced at 0.3–3 dot widths apart, whose run begins within four dot
 * widths after a taller component (the text they end) that spans their level, with nothing
 * else above or below them within that text's height. Longer runs (dotted leaders), runs without
 * text before them (a "more" menu's ⋯) and dots within a character (the 灬 of 熱) are not ellipses.
 */
export function findEllipses(g: GrayRaster, comps: readonly Component[] = markComponents(g).components): EllipsisMark[] {
  const dots = comps.filter(isDot).sort((a, b) => a.box.x - b.box.x);
  const marks: EllipsisMark[] = [];
  const used = new Set<Component>();
  for (const first of dots) {
    if (used.has(first)) continue;
    const run = dotRun(first, dots, used);
    if (run.length !== 3 && run.length !== 6) continue;
    if (precededByDot(dots, run)) continue;
    const text = textBefore(comps, run);
    if (!text || !clearAround(comps, run, text)) continue;
    for (const d of run) used.add(d);
    for (let i = 0; i < run.length; i += 3) {
      const three = run.slice(i, i + 3);
      const box = unionBox(three.map((d) => d.box));
      marks.push({ box, row: { x: box.x, y: text.y, w: box.w, h: text.h } });
    }
  }
  return marks;
}

/**
 * The dotted leaders of `g` (the dots between an item and its amount or page number): runs of
 * {@link LEADER_DOTS} or more dots of one size on one level, evenly spaced up to
 * {@link LEADER_SPREAD} dot widths apart, with nothing but specks between them. The engine reads
 * them as letters ("ccuuieise set ite") and joins them to the words beside them; they carry no
 * text.
 */
export function findLeaders(comps: readonly Component[]): Component[][] {
  const dots = comps.filter((c) => isDot(c) || isDash(c)).sort((a, b) => a.box.x - b.box.x);
  const leaders: Component[][] = [];
  const used = new Set<Component>();
  for (const first of dots) {
    if (used.has(first)) continue;
    const run = dotRun(first, dots, used, LEADER_SPREAD);
    if (run.length < LEADER_DOTS) continue;
    // Nothing else on the run's level between its ends but specks (a line's round letters are no leader).
    const span = unionBox(run.map((d) => d.box));
    const speck = Math.min(...run.map((d) => d.n)) / 2;
    if (comps.some((c) => c.n > speck && !run.includes(c) && boxesOverlap(c.box, span))) continue;
    for (const d of run) used.add(d);
    leaders.push(run);
  }
  return leaders;
}

/** A dotted leader has at least this many dots (an ellipsis three or six). */
const LEADER_DOTS = 8;
/** Dots of a leader are at most this many dot widths apart. */
const LEADER_SPREAD = 6;

/**
 * The lone discs of `g`: solid round components (as wide as tall within a fifth, filling 60–90 %
 * of their box, without holes) at least {@link DISC_TO_LINE} of a text line tall, with no other
 * ink within one and a half times their size but what lies wholly below them (a tab bar's icon
 * above its label). A bullet before its text and a period after a word are too close to their
 * text (or too small) to count.
 */
export function findLoneDiscs(g: GrayRaster, lineHeight: number, comps: readonly Component[] = markComponents(g).components): Box[] {
  if (lineHeight <= 0) return [];
  const discs = comps.filter((c) => {
    const { w, h } = c.box;
    return Math.min(w, h) >= DISC_TO_LINE * lineHeight && Math.max(w, h) <= 1.2 * Math.min(w, h) && c.n >= 0.6 * w * h && c.n <= 0.9 * w * h && solidCentre(g, c.box);
  });
  return discs
    .filter((d) => {
      const m = 1.5 * Math.max(d.box.w, d.box.h);
      const around = { x: d.box.x - m, y: d.box.y - m, w: d.box.w + 2 * m, h: d.box.h + 2 * m };
      return !comps.some((c) => c !== d && c.box.y < d.box.y + d.box.h && boxesOverlap(c.box, around));
    })
    .map((d) => d.box);
}

/**
 * The badge icons of `g`: a solid rounded square or disc with a light symbol knocked out of it
 * (an app's icon beside its name in a notification: a speech bubble read as 回 or Q, which can
 * take the name after it along, 短信 read "="). Components of `comps` {@link BADGE_LINES} text
 * lines tall, about as wide, whose ink fills {@link BADGE_FILL} of their box, not its middle
 * third (a disc's), and its four sides a tenth in from the edge, with no other ink within them
 * (回 holds its inner square) and none within their width beside them as tall as
 * {@link BADGE_BESIDE} of them (a heading's bold letters stand as tall as each other).
 */
export function findBadgeIcons(g: GrayRaster, lineHeight: number, comps: readonly Component[]): Box[] {
  if (lineHeight <= 0) return [];
  const inked = (x: number, y: number) => g.data[Math.round(y) * g.width + Math.round(x)]! <= INK;
  // Ink along a side, a tenth of the size in from it, over the side's middle three fifths.
  const side = (b: Box, vertical: boolean, at: number) => {
    let n = 0, all = 0;
    const len = vertical ? b.h : b.w;
    for (let k = Math.ceil(len * 0.2); k < len * 0.8; k++, all++) if (vertical ? inked(at, b.y + k) : inked(b.x + k, at)) n++;
    return all > 0 && n >= 0.9 * all;
  };
  return comps
    .filter((c) => {
      const { x, y, w, h } = c.box;
      if (h < BADGE_LINES[0] * lineHeight || h > BADGE_LINES[1] * lineHeight || Math.max(w, h) > 1.2 * Math.min(w, h)) return false;
      if (c.n < BADGE_FILL[0] * w * h || c.n > BADGE_FILL[1] * w * h || solidCentre(g, c.box)) return false;
      // What is knocked out holds no ink of its own (回's frame holds its inner square).
      if (comps.some((o) => o !== c && o.box.x > x && o.box.y > y && o.box.x + o.box.w < x + w && o.box.y + o.box.h < y + h)) return false;
      // An icon stands taller than its name beside it; a bold heading's letters stand as tall as
      // the rest of it ("Deal" in a banner, 国 in a title).
      const near = { x: x - w, y, w: 3 * w, h };
      if (comps.some((o) => o !== c && boxesOverlap(o.box, near) && o.box.h > BADGE_BESIDE * h)) return false;
      const dx = Math.max(1, w * 0.1), dy = Math.max(1, h * 0.1);
      return side(c.box, true, x + dx) && side(c.box, true, x + w - 1 - dx) && side(c.box, false, y + dy) && side(c.box, false, y + h - 1 - dy);
    })
    .map((c) => c.box);
}

/** A badge icon is this many text lines tall. */
const BADGE_LINES = [1.2, 2.5] as const;
/** Ink beside a badge icon within its width is less tall than this share of it. */
const BADGE_BESIDE = 0.8;
/** A badge icon's ink fills this share of its box. */
const BADGE_FILL = [0.6, 0.95] as const;

/**
 * The thin closed outlines of `g` (pixels ≤ {@link OUTLINE_INK}, labelled in `ink`) around text (a chat's message field, an outlined button):
 * components {@link OUTLINE_MIN_WIDTH} text lines wide or more and 1.2–6 lines tall whose ink,
 * filling at most a fifth of their box, makes one thin loop: across the middle half of its
 * height, two thin runs at its left and right edges; down the middle half of its width, two thin
 * runs at its top and bottom. The engine reads the rounded end of such a field with the text
 * inside it ("(Wesage" for iMessage). Table grids (more runs) and underlines (no top) are not
 * loops.
 */
export function findOutlines(g: GrayRaster, lineHeight: number, ink: { labels: Int32Array; components: readonly Component[] } = labelledInkComponents(g.data, g.width, g.height, OUTLINE_INK)): Component[] {
  if (lineHeight <= 0) return [];
  return ink.components.filter((c) => {
    const { w, h } = c.box;
    if (w < OUTLINE_MIN_WIDTH * lineHeight || h < 1.2 * lineHeight || h > 6 * lineHeight || c.n > 0.2 * w * h) return false;
    return isLoop(ink.labels, g.width, c);
  });
}

/**
 * The boxes of a form's comb fields (an account number typed one figure to a box), row by row, found among
 * `ink`'s components of `g`: thin loops 1–3 text lines tall, 0.6–1.5 times as wide as tall, each
 * with ink inside, standing in a row of {@link COMB_LEAST} or more of about one size (heights
 * within a sixth of each other, tops level), each at most half its width after the one before.
 * The engine reads each box's sides with its figure, as brackets ("[1][9]8 [5 ][x]"); erased,
 * the figures inside are read alone. A square character (口, 回) is never three in a row so close.
 */
export function findCombBoxes(g: GrayRaster, lineHeight: number, ink: { labels: Int32Array; components: readonly Component[] } = labelledInkComponents(g.data, g.width, g.height, OUTLINE_INK)): Component[][] {
  if (lineHeight <= 0) return [];
  const loops = ink.components
    .filter((c) => {
      const { w, h } = c.box;
      return h >= lineHeight && h <= 3 * lineHeight && w >= 0.6 * h && w <= 1.5 * h && c.n <= 0.35 * w * h && isLoop(ink.labels, g.width, c) && enclosesInk(ink.components, c);
    })
    .sort((a, b) => a.box.x - b.box.x);
  const out: Component[][] = [];
  const used = new Set<Component>();
  for (const first of loops) {
    if (used.has(first)) continue;
    const row = [first];
    for (const c of loops) {
      const last = row[row.length - 1]!;
      const gap = c.box.x - (last.box.x + last.box.w);
      if (c === last || used.has(c) || gap < 0) continue;
      if (gap > COMB_GAP * last.box.w) break;
      if (Math.abs(c.box.h - first.box.h) <= first.box.h / 6 && Math.abs(c.box.y - first.box.y) <= first.box.h / 6) row.push(c);
    }
    if (row.length < COMB_LEAST) continue;
    for (const c of row) used.add(c);
    out.push(row);
  }
  return out;
}

/**
 * Paints white the frames of comb boxes in `g` (in place): each box's band from a pixel or two
 * outside it to a little inside its sides, where the frame and its blur stand; the figure in the
 * middle stays.
 */
export function eraseCombBoxes(g: GrayRaster, boxes: readonly Component[]): void {
  for (const { box } of boxes) {
    const inset = Math.max(3, Math.round(COMB_FRAME * Math.min(box.w, box.h)));
    const x0 = Math.max(0, box.x - 2), y0 = Math.max(0, box.y - 2), x1 = Math.min(g.width, box.x + box.w + 2), y1 = Math.min(g.height, box.y + box.h + 2);
    for (let y = y0; y < y1; y++) {
      const inside = y >= box.y + inset && y < box.y + box.h - inset;
      for (let x = x0; x < x1; x++) if (!inside || x < box.x + inset || x >= box.x + box.w - inset) g.data[y * g.width + x] = 255;
    }
  }
}

/** How far inside a comb box's sides (a share of its side) its frame is painted out. */
const COMB_FRAME = 0.1;
/**
 * Joins into one word the figures read apart inside each comb field of `combs` (a row of boxes
 * as one box, see {@link setMarksApart}): read box by box, an account number comes out spaced
 * ("1 9 8 5 1 2 0 7") and is found neither by search nor as a number. Words whose middle lies in
 * the field and that hold no Chinese are joined, in their order along the line.
 */
export function joinCombFigures(result: OcrResult, combs: readonly Box[]): OcrResult {
  if (!combs.length) return result;
  const field = (w: OcrWord) => {
    const cx = w.box.x + w.box.w / 2, cy = w.box.y + w.box.h / 2;
    return combs.findIndex((b) => cx >= b.x && cx <= b.x + b.w && cy >= b.y && cy <= b.y + b.h);
  };
  return rewriteLines(result, (line) => {
    const out: OcrWord[] = [];
    let changed = false;
    for (const w of line) {
      const at = w.text.trim() && !/\p{Script=Han}/u.test(w.text) ? field(w) : -1;
      const last = out.at(-1);
      if (at >= 0 && last && last.text.trim() && !/\p{Script=Han}/u.test(last.text) && field(last) === at) {
        out[out.length - 1] = { text: `${last.text.trim()}${w.text.trim()}`, confidence: Math.min(last.confidence, w.confidence), box: unionBox([last.box, w.box]) };
        changed = true;
      } else out.push(w);
    }
    return changed ? out : undefined;
  });
}

/** A comb field has at least this many boxes in a row. */
const COMB_LEAST = 3;
/** A comb field's boxes stand at most this share of a box's width apart. */
const COMB_GAP = 0.5;

/** Whether box `inner` lies within box `outer`. */
function boxWithin(inner: Box, outer: Box): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;
}

/** Whether another of `components` lies within the box of `c` (a ring's symbol, a comb box's figure). */
function enclosesInk(components: readonly Component[], c: Component): boolean {
  return components.some((o) => o !== c && boxWithin(o.box, c.box));
}

/**
 * Pixels at most this dark make up an outline: a field's grey outline is lighter than text, and
 * the engine's own threshold still sees it.
 */
export const OUTLINE_INK = 200;
/**
 * The round or square icons of `g` drawn as a closed outline around a symbol (a chat's ⊕
 * attach button, ☺, ⓘ): thin loops 1.2–2.5 text lines tall, about as wide as tall, with ink
 * inside them and none beside them on their level within a third of their width (a character
 * such as 回 in a large heading has its neighbours closer; an empty square may be 口). Painted
 * white with what they enclose; the engine reads them as "®" and then takes the text after them
 * for English.
 */
export function findIconRings(g: GrayRaster, lineHeight: number, ink: { labels: Int32Array; components: readonly Component[] } = labelledInkComponents(g.data, g.width, g.height, OUTLINE_INK)): Box[] {
  if (lineHeight <= 0) return [];
  return ink.components
    .filter((c) => {
      const { x, y, w, h } = c.box;
      if (h < 1.2 * lineHeight || h > 2.5 * lineHeight || w < 0.75 * h || w > 1.33 * h || c.n > 0.4 * w * h) return false;
      const gap = w / 3;
      const beside = ink.components.some((o) => o !== c && !boxWithin(o.box, c.box) && boxesOverlap(o.box, { x: x - gap, y, w: w + 2 * gap, h }));
      return !beside && enclosesInk(ink.components, c) && isLoop(ink.labels, g.width, c);
    })
    .map((c) => c.box);
}

/**
 * The timelines of `g` (a complaint's or a parcel's progress page, a refund's steps): a thin line,
 * down the page or across it, with nodes on it, discs or rings, each beside a step's text, which
 * the engine reads as a character before that text ("馬已受理", "0待退款") or as letters of their
 * own ("v v" for ticks in discs). A component of `ink` at least {@link TIMELINE_LINES} text lines
 * long and at most {@link TIMELINE_WIDTH} across, thin (at most a quarter of a line, 6 px at the
 * least) over half of its length or more, widening in two places or more to three times that,
 * a third of a line long, on both sides of the line (its nodes: a glyph touching a rule lies on
 * one side of it). A plain rule (a pane's edge) has no nodes, a table's rules are wide.
 */
export function findTimelines(g: GrayRaster, lineHeight: number, ink: { labels: Int32Array; components: readonly Component[] } = labelledInkComponents(g.data, g.width, g.height, OUTLINE_INK)): Box[] {
  if (lineHeight <= 0) return [];
  const thin = Math.max(6, lineHeight / 4);
  return ink.components.filter((c) => hasNodes(ink.labels, g.width, c, true, thin, lineHeight) || hasNodes(ink.labels, g.width, c, false, thin, lineHeight)).map((c) => c.box);
}

/** Whether component `c` is a timeline ({@link findTimelines}) running down the page (`down`) or across it. */
function hasNodes(labels: Int32Array, width: number, c: Component, down: boolean, thin: number, lineHeight: number): boolean {
  const { x, y, w, h } = c.box;
  const length = down ? h : w, across = down ? w : h;
  if (length < TIMELINE_LINES * lineHeight || across > TIMELINE_WIDTH * lineHeight || across < 3 * thin) return false;
  // Per slice across the line: its pixels of the component, and the first and last of them.
  const count = new Int32Array(length), first = new Int32Array(length), last = new Int32Array(length);
  for (let s = 0; s < length; s++) {
    let n = 0, lo = across, hi = -1;
    for (let t = 0; t < across; t++) {
      if (labels[down ? (y + s) * width + x + t : (y + t) * width + x + s] !== c.label) continue;
      n++;
      lo = Math.min(lo, t);
      hi = t;
    }
    count[s] = n;
    first[s] = lo;
    last[s] = hi;
  }
  // The line's middle: the median middle of its thin slices.
  const middles: number[] = [];
  for (let s = 0; s < length; s++) if (count[s]! > 0 && count[s]! <= thin) middles.push((first[s]! + last[s]!) / 2);
  if (middles.length < length / 2) return false;
  const middle = middles.sort((a, b) => a - b)[middles.length >> 1]!;
  let nodes = 0, run = 0, lo = across, hi = -1;
  for (let s = 0; s <= length; s++) {
    if (s < length && count[s]! >= 3 * thin) {
      run++;
      lo = Math.min(lo, first[s]!);
      hi = Math.max(hi, last[s]!);
      continue;
    }
    if (run >= lineHeight / 3 && lo <= middle - thin && hi >= middle + thin) nodes++;
    run = 0;
    lo = across;
    hi = -1;
  }
  return nodes >= 2;
}

/**
 * The marks that start a line of text (a form's radio buttons and checkbox, a chart's legend
 * keys, square bullets), which the engine reads as a character before it ("@乱扣费", "国视频类应用",
 * "贺本人承诺"): a component of `ink` 0.5–1.5 text lines tall, as wide as tall within a quarter,
 * solid (a legend's square, a ticked checkbox: ink over {@link MARK_SOLID} of its box) or a thin
 * round loop holding at most a dot (a radio button), with no ink before it on its row within
 * three lines and text after it, set apart by a third of its width at least (a character's
 * neighbour is closer: 口 or 〇 in a line of text is no mark). A checkbox (an empty square loop,
 * or a square frame with a tick through it, see {@link tickedFrame}) needs only a line clear
 * before it: a form's options stand on one row (☐ 中華電信 ☑ 台灣大哥大, read "口中華電信 了台灣大哥
 * 大"); a table's rules and specks on its row are not text.
 */
export function findLeadingMarks(g: GrayRaster, lineHeight: number, ink: { labels: Int32Array; components: readonly Component[] } = markComponents(g)): Box[] {
  if (lineHeight <= 0) return [];
  const comps = ink.components;
  const within = (o: Box, b: Box) => o.x >= b.x && o.y >= b.y && o.x + o.w <= b.x + b.w && o.y + o.h <= b.y + b.h;
  return comps
    .filter((c) => {
      const { x, w, h } = c.box;
      if (h < 0.5 * lineHeight || h > 1.5 * lineHeight || w < 0.75 * h || w > 1.25 * h) return false;
      const solid = c.n >= MARK_SOLID * w * h;
      const inside = comps.filter((o) => o !== c && within(o.box, c.box));
      // A loop as wide as tall: a radio button (round) or an empty checkbox (square).
      const even = !solid && Math.abs(w - h) <= RADIO_ROUND * h;
      const loop = even && isLoop(ink.labels, g.width, c);
      const round = even && roundCorners(ink.labels, g.width, c);
      // A checkbox: an empty square loop, or a square frame with a tick through it (whose width is the frame's).
      const square = loop && !round && !inside.length;
      const ticked = solid || square ? 0 : tickedFrame(ink.labels, g.width, c);
      const checkbox = square || ticked > 0;
      // A radio button is a circle; a digit 0 (０ at a line's start, set apart) is narrower.
      if (!solid && !checkbox && !(round && loop && inside.length <= 1 && inside.every((o) => o.n >= 0.6 * o.box.w * o.box.h && o.box.w <= 0.7 * w))) return false;
      // Beside a checkbox, text on its row, not the rules of the table it stands in (tall, or
      // hairline pieces of a grey one) nor specks.
      const text = (o: Component) => !checkbox || (o.box.h <= MARK_TEXT_HEIGHT * lineHeight && o.box.w >= MARK_HAIRLINE * lineHeight && Math.max(o.box.w, o.box.h) >= MARK_SPECK * lineHeight);
      const others = comps.filter((o) => o !== c && !inside.includes(o) && sameRow(o.box, c.box) && text(o));
      // A checkbox can follow the option before it on its row (☐ 中華電信 ☑ 台灣大哥大): a square
      // close after text may be 口.
      const apart = checkbox ? CHECKBOX_APART * lineHeight : 3 * lineHeight;
      if (others.some((o) => o.box.x + o.box.w > x - apart && o.box.x < x)) return false;
      const right = x + (ticked || w);
      const after = others.filter((o) => o.box.x >= right && o.box.x <= right + 2 * lineHeight);
      if (!after.length) return false;
      const gap = Math.min(...after.map((o) => o.box.x)) - right;
      // A checkbox stands as tall as the characters after it; 口 is a small glyph beside others.
      if (checkbox && (ticked || h) < CHECKBOX_HEIGHT * Math.max(...after.map((o) => o.box.h))) return false;
      return gap >= MARK_GAP * (ticked || w);
    })
    .map((c) => c.box);
}

/**
 * The side of the square frame of component `c` when it is a ticked checkbox (☑), else 0: a frame
 * at its box's bottom left (the tick reaches out over its top or right), drawn with a thin line
 * ({@link TICKED_FRAME_LINE}), its bottom edge a run of `c`'s pixels from the box's left edge at
 * least {@link TICKED_FRAME_SHARE} of the box long, its left edge there along nearly all that
 * side, its top edge along most of it and its right edge along more than half (the tick crosses
 * them).
 */
function tickedFrame(labels: Int32Array, width: number, c: Component): number {
  const { x, y, w, h } = c.box;
  const at = (xx: number, yy: number) => xx >= x && xx < x + w && yy >= y && yy < y + h && labels[yy * width + xx] === c.label;
  // The run of the component's pixels along row `yy` from the box's left edge.
  const run = (yy: number) => { let n = 0; while (n < w && at(x + n, yy)) n++; return n; };
  let side = 0;
  for (let yy = y + h - 1; yy >= Math.max(y, y + h - 3); yy--) side = Math.max(side, run(yy));
  // The tick reaches out of the frame (a character boxed in, 四, has its strokes inside).
  if (side < TICKED_FRAME_SHARE * Math.max(w, h) || side > TICKED_FRAME_OUT * Math.max(w, h)) return 0;
  const top = y + h - side, right = x + side - 1;
  // The frame is drawn with a thin line: its left edge in its lower half is no stem (a bold D's),
  // along most rows (the tick can start at it).
  const edge: number[] = [];
  for (let yy = top + Math.floor(side / 2); yy < y + h - Math.ceil(side / 6); yy++) edge.push(run(yy));
  if (median(edge) > Math.max(3, TICKED_FRAME_LINE * side)) return 0;
  // Share of the side along which an edge has a pixel within one of its line.
  const along = (pixel: (i: number) => boolean) => { let n = 0; for (let i = 0; i < side; i++) if (pixel(i)) n++; return n / side; };
  const column = (xx: number) => along((i) => at(xx - 1, top + i) || at(xx, top + i) || at(xx + 1, top + i));
  const row = (yy: number) => along((i) => at(x + i, yy - 1) || at(x + i, yy) || at(x + i, yy + 1));
  return column(x) >= 0.9 && row(top) >= 0.8 && column(right) >= 0.6 ? side : 0;
}

/** A ticked checkbox's frame is drawn with a line at most this share of its side thick. */
const TICKED_FRAME_LINE = 0.2;
/** A ticked checkbox's frame is at least this share of its box (with the tick) long, and at most {@link TICKED_FRAME_OUT} of it. */
const TICKED_FRAME_SHARE = 0.6;
const TICKED_FRAME_OUT = 0.9;
/** A checkbox's frame is at least this share of the height of the text after it. */
const CHECKBOX_HEIGHT = 0.8;
/** A checkbox stands at least this many text lines after the text before it on its row. */
const CHECKBOX_APART = 1;
/** Ink on a checkbox's row taller than this many text lines is a table's rule or frame, not text. */
const MARK_TEXT_HEIGHT = 2;
/** Ink on a checkbox's row narrower than this share of a text line is a rule's hairline piece, not text. */
const MARK_HAIRLINE = 0.1;
/** Ink on a checkbox's row smaller each way than this share of a text line is a speck, not text. */
const MARK_SPECK = 0.15;

/** Whether the corners of component `c`'s box (a sixth of it each way) hold none of its pixels: a ring, not a square (口). */
function roundCorners(labels: Int32Array, width: number, c: Component): boolean {
  const { x, y, w, h } = c.box;
  const cw = Math.max(1, Math.floor(w / 6)), ch = Math.max(1, Math.floor(h / 6));
  for (const [x0, y0] of [[x, y], [x + w - cw, y], [x, y + h - ch], [x + w - cw, y + h - ch]] as const) {
    for (let yy = y0; yy < y0 + ch; yy++) for (let xx = x0; xx < x0 + cw; xx++) if (labels[yy * width + xx] === c.label) return false;
  }
  return true;
}

/** A radio button's width and height differ by at most this share of its height. */
const RADIO_ROUND = 0.1;
/** A solid leading mark's ink fills at least this share of its box. */
const MARK_SOLID = 0.75;
/** A leading mark stands at least this share of its width before its text. */
const MARK_GAP = 0.33;

/** A timeline is at least this many text lines long. */
const TIMELINE_LINES = 4;
/** A timeline's nodes are at most this many text lines across. */
const TIMELINE_WIDTH = 2;

/** A field's outline is at least this many text lines wide. */
const OUTLINE_MIN_WIDTH = 3;

/** Whether component `c` (its pixels labelled in `labels`, `width` wide) is one thin loop around its box. */
function isLoop(labels: Int32Array, width: number, c: Component): boolean {
  const { x: bx, y: by, w: bw, h: bh } = c.box;
  const thin = Math.max(6, 0.2 * Math.min(bw, bh));
  const edge = 0.15 * Math.min(bw, bh) + 2;
  const at = (x: number, y: number) => labels[y * width + x] === c.label;
  // Runs of the component's pixels along a row or column: [start, end) pairs.
  const runs = (n: number, pixel: (i: number) => boolean): Array<[number, number]> => {
    const out: Array<[number, number]> = [];
    for (let i = 0; i < n; i++) {
      if (!pixel(i)) continue;
      const start = i;
      while (i < n && pixel(i)) i++;
      out.push([start, i]);
    }
    return out;
  };
  const twoEdges = (r: Array<[number, number]>, n: number) =>
    r.length === 2 && r[0]![0] <= edge && r[1]![1] >= n - edge && r[0]![1] - r[0]![0] <= thin && r[1]![1] - r[1]![0] <= thin;
  for (let y = by + Math.floor(bh / 4); y < by + Math.ceil((3 * bh) / 4); y++) {
    if (!twoEdges(runs(bw, (i) => at(bx + i, y)), bw)) return false;
  }
  for (let x = bx + Math.floor(bw / 4); x < bx + Math.ceil((3 * bw) / 4); x++) {
    if (!twoEdges(runs(bh, (i) => at(x, by + i)), bh)) return false;
  }
  return true;
}

/**
 * Paints the pixels of `outlines` white in `g` (in place), with the light fringe of anti-aliasing
 * around them; the text inside stays.
 */
export function eraseOutlines(g: GrayRaster, labels: Int32Array, outlines: readonly Component[]): void {
  for (const c of outlines) {
    const { x: bx, y: by, w: bw, h: bh } = c.box;
    const x0 = Math.max(0, bx - 1), y0 = Math.max(0, by - 1), x1 = Math.min(g.width, bx + bw + 1), y1 = Math.min(g.height, by + bh + 1);
    const fringe: number[] = [];
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const i = y * g.width + x;
        if (labels[i] === c.label) { g.data[i] = 255; continue; }
        if (labels[i]! >= 0) continue;
        const near = (dx: number, dy: number) => {
          const nx = x + dx, ny = y + dy;
          return nx >= 0 && ny >= 0 && nx < g.width && ny < g.height && labels[ny * g.width + nx] === c.label;
        };
        if (near(-1, 0) || near(1, 0) || near(0, -1) || near(0, 1)) fringe.push(i);
      }
    }
    for (const i of fringe) g.data[i] = 255;
  }
}

/**
 * The QR codes and barcodes of `g` (an e-invoice's, a payment slip's): regions where ink is
 * dense. The page is cut into cells half a text line wide; a cell is dense when at least
 * {@link CODE_CELL_INK} of it is ink. Dense cells that touch (or lie one cell apart along a row)
 * make a region; one whose cells fill at least {@link CODE_FILL} of its box and whose rows change
 * between ink and paper at least {@link CODE_CHANGES} times per cell is a code when it is at
 * least three lines tall and wide and roughly square (a QR code), or 1.2 lines tall and four
 * wide with ink in full-height bars (a barcode). Bold text is dense in rows a line or two tall,
 * and a paragraph of it is much wider than tall; a solid block seldom changes.
 */
export function findCodes(g: GrayRaster, lineHeight: number): Box[] {
  if (lineHeight <= 0) return [];
  const half = Math.max(4, Math.round(lineHeight / 2)), whole = Math.max(8, Math.round(lineHeight));
  const [inkHalf, inkWhole] = inkByCell(g, half, whole);
  const codes = codesInCells(g, lineHeight, half, inkHalf);
  // A QR code whose modules are larger than half a line has cells on its white modules alone,
  // and falls apart: it is looked for again in cells a line wide, where it must have no blank
  // row (text in such cells is as dense, but its lines have gaps between them).
  for (const box of codesInCells(g, lineHeight, whole, inkWhole)) {
    if (!codes.some((c) => boxesOverlap(c, box)) && blankRowShare(g, box) < CODE_BLANK_ROWS) codes.push(box);
  }
  return codes;
}

/** The share of the rows of `box` with less than {@link CODE_BLANK_ROW_INK} of ink. */
function blankRowShare(g: GrayRaster, box: Box): number {
  let blank = 0;
  for (let y = box.y; y < box.y + box.h; y++) if (rowInk(g, y, box.x, box.x + box.w) < CODE_BLANK_ROW_INK) blank++;
  return blank / Math.max(1, box.h);
}

/** The share of ink in row `y` of `g` from `x0` to `x1`. */
function rowInk(g: GrayRaster, y: number, x0: number, x1: number): number {
  let n = 0;
  for (let i = y * g.width + x0, end = y * g.width + x1; i < end; i++) if (g.data[i]! <= INK) n++;
  return n / Math.max(1, x1 - x0);
}

/** A code found in line-wide cells has fewer blank rows than this share. */
const CODE_BLANK_ROWS = 0.05;
/** A row with less ink than this share of its width is blank. */
const CODE_BLANK_ROW_INK = 0.05;

/**
 * The count of ink pixels (≤ {@link INK}) of `g` in each of its cells `a` pixels wide, and in each
 * `b` wide (row by row, `ceil(width / cell)` cells a row), in one pass over the pixels.
 */
function inkByCell(g: GrayRaster, a: number, b: number): [Int32Array, Int32Array] {
  const { width: w, height: h, data } = g;
  const aw = Math.ceil(w / a), bw = Math.ceil(w / b);
  const inkA = new Int32Array(aw * Math.ceil(h / a)), inkB = new Int32Array(bw * Math.ceil(h / b));
  const columnA = new Int32Array(w), columnB = new Int32Array(w);
  for (let x = 0; x < w; x++) { columnA[x] = Math.floor(x / a); columnB[x] = Math.floor(x / b); }
  for (let y = 0; y < h; y++) {
    const rowA = Math.floor(y / a) * aw, rowB = Math.floor(y / b) * bw;
    for (let x = 0, i = y * w; x < w; x++, i++) {
      if (data[i]! > INK) continue;
      inkA[rowA + columnA[x]!]!++;
      inkB[rowB + columnB[x]!]!++;
    }
  }
  return [inkA, inkB];
}

/** The codes of `g` (see {@link findCodes}) found in cells `cell` pixels wide, `ink` the count of ink in each (see {@link inkByCell}). */
function codesInCells(g: GrayRaster, lineHeight: number, cell: number, ink: Int32Array): Box[] {
  const cw = Math.ceil(g.width / cell), ch = Math.ceil(g.height / cell);
  const dense = denseCells(g, cell, ink, cw, ch);
  const seen = new Uint8Array(cw * ch);
  const codes: Box[] = [];
  // Each region's cell count and bounds (cells): n, x0, y0, x1, y1.
  const region = new Int32Array(5);
  // The loop runs once a region: the cells are searched by firstUnseen (a small loop compiled on
  // its own), and this function, heavy with the regions' tests, is not compiled for that search.
  for (let start = firstUnseen(dense, seen, 0); start < dense.length; start = firstUnseen(dense, seen, start + 1)) {
    denseRegion(dense, seen, cw, ch, start, region);
    const n = region[0]!, minX = region[1]!, minY = region[2]!, maxX = region[3]!, maxY = region[4]!;
    const cells = (maxX - minX + 1) * (maxY - minY + 1);
    if (n < CODE_FILL * cells) continue;
    const box = fitToInk(g, { x: minX * cell, y: minY * cell, w: Math.min(g.width, (maxX + 1) * cell) - minX * cell, h: Math.min(g.height, (maxY + 1) * cell) - minY * cell }, cell);
    if (!box.w || !box.h) continue;
    if (inkChanges(g, box) / box.h / (box.w / cell) < CODE_CHANGES) continue;
    const qr = box.w >= 3 * lineHeight && box.h >= 3 * lineHeight && box.w <= 1.6 * box.h && box.h <= 1.6 * box.w;
    if (qr || isBarcode(g, box, lineHeight)) codes.push(box);
    // Barcodes stacked closer than a cell (a payment slip's three) make one region, whose bars
    // do not run down it: each band of it between blank rows is judged alone.
    else if (box.w >= 4 * lineHeight) codes.push(...inkBands(g, box).filter((band) => isBarcode(g, band, lineHeight)));
  }
  return codes;
}

/**
 * Whether `box` of `g` is a barcode: a line and a fifth tall and four lines wide at least, its
 * inked columns mostly bars down its height, or, without a blank row across it, down each half
 * of it: the lower half of a barcode at a curling receipt's end bends away from the upper (one
 * measured 0.55 of bars down its height, 0.81 and 0.72 down its halves). Barcodes stacked with
 * blank rows between them are judged each on its own (see codesInCells).
 */
function isBarcode(g: GrayRaster, box: Box, lineHeight: number): boolean {
  if (box.h < 1.2 * lineHeight || box.w < 4 * lineHeight) return false;
  if (fullHeightBars(g, box) >= BARCODE_BARS) return true;
  const top = Math.round(box.h / 2);
  return fullHeightBars(g, { ...box, h: top }) >= BARCODE_BARS && fullHeightBars(g, { ...box, y: box.y + top, h: box.h - top }) >= BARCODE_BARS && inkBands(g, box).length === 1;
}

/** A barcode's inked columns are at least this share bars. */
const BARCODE_BARS = 0.6;

/**
 * The bands of `box` in `g` between its blank rows (less than {@link CODE_BLANK_ROW_INK} ink),
 * each trimmed to the columns with ink in it.
 */
function inkBands(g: GrayRaster, box: Box): Box[] {
  const bands: Box[] = [];
  let start = -1;
  for (let y = box.y; y <= box.y + box.h; y++) {
    const blank = y === box.y + box.h || rowInk(g, y, box.x, box.x + box.w) < CODE_BLANK_ROW_INK;
    if (!blank && start < 0) start = y;
    if (!blank || start < 0) continue;
    let x0 = box.x, x1 = box.x + box.w;
    const inked = (x: number) => { for (let r = start; r < y; r++) if (g.data[r * g.width + x]! <= INK) return true; return false; };
    while (x0 < x1 && !inked(x0)) x0++;
    while (x1 > x0 && !inked(x1 - 1)) x1--;
    bands.push({ x: x0, y: start, w: x1 - x0, h: y - start });
    start = -1;
  }
  return bands;
}

/** A cell at least this share ink is dense. */
const CODE_CELL_INK = 0.25;
/** Dense cells around a cell that join its region: the eight around it, and across one cell's gap sideways (a barcode's wide spaces). */
const NEIGHBOUR_DX = Int32Array.from([-1, 0, 1, -1, 1, -1, 0, 1, -2, 2]);
const NEIGHBOUR_DY = Int32Array.from([-1, -1, -1, 0, 0, 1, 1, 1, 0, 0]);

/**
 * Whether each cell `cell` px wide of `g` (`cw` × `ch` of them) holds ink over
 * {@link CODE_CELL_INK} of it; `ink` its count of ink pixels.
 */
function denseCells(g: GrayRaster, cell: number, ink: Int32Array, cw: number, ch: number): Uint8Array {
  const { width: w, height: h } = g;
  const dense = new Uint8Array(cw * ch);
  for (let cy = 0; cy < ch; cy++) {
    for (let cx = 0; cx < cw; cx++) {
      const x0 = cx * cell, y0 = cy * cell, x1 = Math.min(w, x0 + cell), y1 = Math.min(h, y0 + cell);
      if (ink[cy * cw + cx]! >= CODE_CELL_INK * (x1 - x0) * (y1 - y0)) dense[cy * cw + cx] = 1;
    }
  }
  return dense;
}

/** The first cell from `from` on that is dense and not yet seen (`dense.length` when none is). */
function firstUnseen(dense: Uint8Array, seen: Uint8Array, from: number): number {
  let i = from;
  while (i < dense.length && (!dense[i] || seen[i])) i++;
  return i;
}

/**
 * The region of dense cells (see codesInCells) joined to cell `start` through the neighbours of
 * {@link NEIGHBOUR_DX} and {@link NEIGHBOUR_DY}, marked in `seen`: its count of cells and bounds
 * (x0, y0, x1, y1) into `region`.
 */
function denseRegion(dense: Uint8Array, seen: Uint8Array, cw: number, ch: number, start: number, region: Int32Array): void {
  let n = 0, minX = cw, minY = ch, maxX = 0, maxY = 0;
  const stack = [start];
  seen[start] = 1;
  while (stack.length) {
    const i = stack.pop()!;
    const x = i % cw, y = (i - x) / cw;
    n++;
    minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
    for (let k = 0; k < NEIGHBOUR_DX.length; k++) {
      const nx = x + NEIGHBOUR_DX[k]!, ny = y + NEIGHBOUR_DY[k]!;
      if (nx < 0 || ny < 0 || nx >= cw || ny >= ch) continue;
      const j = ny * cw + nx;
      if (dense[j] && !seen[j]) { seen[j] = 1; stack.push(j); }
    }
  }
  region[0] = n; region[1] = minX; region[2] = minY; region[3] = maxX; region[4] = maxY;
}
/** A code's dense cells fill at least this share of its region's box. */
const CODE_FILL = 0.5;
/** A code changes between ink and paper at least this often per cell along its rows. */
const CODE_CHANGES = 0.5;

/**
 * `box` fitted to a code's ink: edge rows and columns less than {@link CODE_EDGE_INK} ink are
 * taken off (cells are coarse, and those at a code's edge can hold the text printed beside it),
 * then rows and columns at least that much ink just outside are added, up to `cell` pixels (a
 * code's edge in a cell too little of which it fills).
 */
function fitToInk(g: GrayRaster, box: Box, cell: number): Box {
  const colInk = (x: number, y0: number, y1: number) => { let n = 0; for (let y = y0; y < y1; y++) if (g.data[y * g.width + x]! <= INK) n++; return n / Math.max(1, y1 - y0); };
  let { x: x0, y: y0 } = box, x1 = box.x + box.w, y1 = box.y + box.h;
  while (y0 < y1 && rowInk(g, y0, x0, x1) < CODE_EDGE_INK) y0++;
  while (y1 > y0 && rowInk(g, y1 - 1, x0, x1) < CODE_EDGE_INK) y1--;
  while (x0 < x1 && colInk(x0, y0, y1) < CODE_EDGE_INK) x0++;
  while (x1 > x0 && colInk(x1 - 1, y0, y1) < CODE_EDGE_INK) x1--;
  if (x1 <= x0 || y1 <= y0) return { x: x0, y: y0, w: 0, h: 0 };
  for (let i = 0; i < cell && y0 > 0 && rowInk(g, y0 - 1, x0, x1) >= CODE_EDGE_INK; i++) y0--;
  for (let i = 0; i < cell && y1 < g.height && rowInk(g, y1, x0, x1) >= CODE_EDGE_INK; i++) y1++;
  for (let i = 0; i < cell && x0 > 0 && colInk(x0 - 1, y0, y1) >= CODE_EDGE_INK; i++) x0--;
  for (let i = 0; i < cell && x1 < g.width && colInk(x1, y0, y1) >= CODE_EDGE_INK; i++) x1++;
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** A code's edge rows and columns are at least this share ink. */
const CODE_EDGE_INK = 0.25;

/**
 * The number of changes between ink and paper along the rows of `box` (codesInCells takes their
 * mean per row and per cell; the division is left to it, as no step after this loop is compiled
 * before it has run).
 */
function inkChanges(g: GrayRaster, box: Box): number {
  let changes = 0;
  for (let y = box.y; y < box.y + box.h; y++) {
    let was = g.data[y * g.width + box.x]! <= INK;
    for (let x = box.x + 1; x < box.x + box.w; x++) {
      const is = g.data[y * g.width + x]! <= INK;
      if (is !== was) changes++;
      was = is;
    }
  }
  return changes;
}

/**
 * The share of the inked columns of `box` whose ink runs down at least 80 % of its height, the
 * columns taken upright or leaning by up to {@link BAR_SLANT} pixels across per pixel down
 * (a barcode on a sheet photographed turned or curling; a leaning column counts as inked when
 * it holds ink over at least {@link BAR_EDGE} of the height; the runs of bars found must be at
 * least {@link BAR_LEAST_UPRIGHT} upright, {@link BAR_LEAST} leaning), whichever gives the most.
 */
function fullHeightBars(g: GrayRaster, box: Box): number {
  let best = 0;
  const counts = new Int32Array(3);
  for (let k = 0; k < BAR_SLOPES.length; k++) {
    const slope = BAR_SLOPES[k]!;
    barsAtSlope(g, box, slope, counts);
    const inked = counts[0]!, bars = counts[1]!, runs = counts[2]!;
    // Bold text's strokes can stand as bars too, upright (a photo's blur filled in a bold heading,
    // 遠傳電信 帳單: 10 runs of bars) and more of them leaning: a barcode has many.
    if (inked && runs >= (slope ? BAR_LEAST : BAR_LEAST_UPRIGHT)) best = Math.max(best, bars / inked);
  }
  return best;
}

/**
 * The columns of `box` taken at `slope` (see {@link fullHeightBars}): how many are inked, how many
 * are bars and how many runs of bars they make, into `counts`. A loop of its own, compiled on its
 * own: it is called for each slope of each box tested.
 */
function barsAtSlope(g: GrayRaster, box: Box, slope: number, counts: Int32Array): void {
  let inked = 0, bars = 0, runs = 0, inBar = false;
  // The counts are written as they grow: no step follows the loop, which V8 can compile while it
  // runs, before such a step has ever run.
  counts.fill(0);
  for (let x = box.x; x < box.x + box.w; x++) {
    let ink = 0;
    for (let y = box.y; y < box.y + box.h; y++) {
      const sx = Math.round(x + slope * (y - box.y - box.h / 2));
      if (sx >= 0 && sx < g.width && g.data[y * g.width + sx]! <= INK) ink++;
    }
    // Leaning columns beside a bar catch a little of its ink at their ends.
    if (ink > (slope ? BAR_EDGE * box.h : 0)) inked++;
    const bar = ink >= 0.8 * box.h;
    if (bar) bars++;
    if (bar && !inBar) runs++;
    inBar = bar;
    counts[0] = inked; counts[1] = bars; counts[2] = runs;
  }
}

/** A leaning column holding ink over less than this share of the box's height counts as blank. */
const BAR_EDGE = 0.25;
/** A barcode measured leaning has at least this many bars. */
const BAR_LEAST = 20;
/** A barcode measured upright has at least this many bars (one on a curled receipt, 21). */
const BAR_LEAST_UPRIGHT = 15;
/** Most lean of a barcode's bars, in pixels across per pixel down. */
const BAR_SLANT = 0.06;
const BAR_SLOPES = [0, -BAR_SLANT / 2, BAR_SLANT / 2, -BAR_SLANT, BAR_SLANT];

/** Whether the middle third of `box` (across and down) is all ink: a disc, not a ring. */
function solidCentre(g: GrayRaster, box: Box): boolean {
  const x0 = box.x + Math.floor(box.w / 3), x1 = box.x + Math.ceil((2 * box.w) / 3);
  const y0 = box.y + Math.floor(box.h / 3), y1 = box.y + Math.ceil((2 * box.h) / 3);
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (g.data[y * g.width + x]! > INK) return false;
  return true;
}

/** A lone disc is at least this share of a text line tall (a period is far smaller). */
const DISC_TO_LINE = 0.4;

/** Paints the boxes of `marks` white in `g` (in place), with a margin of half their height (2–3 px) for soft edges. */
export function eraseMarks(g: GrayRaster, marks: ReadonlyArray<{ box: Box }>): void {
  for (const m of marks) {
    const e = Math.min(3, Math.max(2, Math.round(Math.min(m.box.w, m.box.h) / 2)));
    const x0 = Math.max(0, m.box.x - e), y0 = Math.max(0, m.box.y - e);
    const x1 = Math.min(g.width, m.box.x + m.box.w + e), y1 = Math.min(g.height, m.box.y + m.box.h + e);
    for (let y = y0; y < y1; y++) g.data.fill(255, y * g.width + x0, y * g.width + x1);
  }
}

/** Confidence given to an ellipsis put back: its geometry is checked, not read. */
const ELLIPSIS_CONFIDENCE = 90;

/**
 * Puts the ellipses back into the lines they end: each joins the line on its row whose nearest
 * word ends before it, within three text heights, as a word "…" ("..." after Latin text on the
 * baseline, low in its line, joined to a word it follows closely) placed by its position. Words the engine read from the dots' place alone (a word
 * whose box lies within the dots' span across) are replaced. Ellipses without such a line are
 * left out.
 */
export function placeEllipses(result: OcrResult, marks: readonly EllipsisMark[]): OcrResult {
  if (!marks.length) return result;
  let lines = result.lines;
  for (const m of marks) {
    let best: { line: OcrLine; word: OcrWord; gap: number } | undefined;
    for (const line of lines) {
      if (!sameRow(line.box, m.row)) continue;
      for (const w of line.words) {
        if (!w.text.trim() || insideAcross(w.box, m.box)) continue;
        const gap = m.box.x - (w.box.x + w.box.w);
        if (gap < -m.box.w / 2 || gap > 3 * m.row.h) continue;
        if (!best || gap < best.gap) best = { line, word: w, gap };
      }
    }
    if (!best) continue;
    const target = best.line;
    const latin = /[A-Za-z0-9]$/u.test(best.word.text.trim()) && m.box.y + m.box.h / 2 > target.box.y + 0.62 * target.box.h;
    const kept = target.words.filter((w) => !insideAcross(w.box, m.box));
    // Latin dots close after a word end it ("Loading..."), as the engine reads them.
    const words = latin && best.gap <= 0.3 * m.row.h
      ? kept.map((w) => (w === best.word ? { text: w.text.trimEnd() + '...', confidence: w.confidence, box: unionBox([w.box, m.box]) } : w))
      : [...kept, { text: latin ? '...' : '…', confidence: ELLIPSIS_CONFIDENCE, box: m.box }].sort((a, b) => a.box.x - b.box.x);
    const line = lineOf(words, target.confidence);
    lines = lines.map((l) => (l === target ? line : l));
  }
  return lines === result.lines ? result : resultOf(lines, result.confidence);
}

/** Whether `inner` lies across within `outer` (give or take a pixel); its height does not count. */
function insideAcross(inner: Box, outer: Box): boolean {
  return inner.x >= outer.x - 1 && inner.x + inner.w <= outer.x + outer.w + 1;
}

function isDot(c: Component): boolean {
  const { w, h } = c.box;
  return w >= 2 && h >= 2 && w <= MAX_DOT && h <= MAX_DOT && Math.max(w, h) <= 1.5 * Math.min(w, h) && c.n >= 0.55 * w * h;
}

/**
 * Whether a dot not in `run` leads into its first dot (the run is the tail of a longer one). A
 * dot ({@link isDot}) that {@link follows} into it ends at most three of its widths, at most
 * {@link MAX_DOT} each, before it.
 */
function precededByDot(dots: readonly Component[], run: readonly Component[]): boolean {
  const head = run[0]!;
  for (let i = firstAtOrAfter(dots, head.box.x - 4 * MAX_DOT); i < dots.length && dots[i]!.box.x < head.box.x; i++) {
    const d = dots[i]!;
    if (!run.includes(d) && follows(d, head, [d])) return true;
  }
  return false;
}

/**
 * The dots (sorted across) that continue a run from `first`, none of them in `used`. Only the
 * dots that start within `spread` dot widths after the last one are tried ({@link follows} takes
 * no other): a photo's grain makes thousands of dots, and trying every one from every dot took
 * seconds.
 */
function dotRun(first: Component, dots: readonly Component[], used: ReadonlySet<Component>, spread = 3): Component[] {
  const run = [first];
  for (;;) {
    const last = run[run.length - 1]!;
    const end = last.box.x + last.box.w + spread * Math.max(last.box.w, last.box.h);
    let next: Component | undefined;
    for (let i = firstAtOrAfter(dots, last.box.x + last.box.w); i < dots.length && dots[i]!.box.x <= end; i++) {
      const d = dots[i]!;
      if (!used.has(d) && !run.includes(d) && follows(last, d, run, spread)) { next = d; break; }
    }
    if (!next) return run;
    run.push(next);
  }
}

/** The index of the first of `dots` (sorted across) that starts at or after `x`. */
function firstAtOrAfter(dots: readonly Component[], x: number): number {
  let lo = 0, hi = dots.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dots[mid]!.box.x < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A short solid bar across (a dash of a dashed rule): at most {@link MAX_DASH_HEIGHT} tall, 1.5–8 times as wide. */
function isDash(c: Component): boolean {
  const { w, h } = c.box;
  return h <= MAX_DASH_HEIGHT && w > 1.5 * h && w <= 8 * h && w <= 4 * MAX_DOT && c.n >= 0.55 * w * h;
}

/** A dash is at most this many pixels tall. */
const MAX_DASH_HEIGHT = 6;

/** Whether dot `b` continues `run` (ending in `a`): same size and level, evenly spaced, at most `spread` dot widths apart. */
function follows(a: Component, b: Component, run: readonly Component[], spread = 3): boolean {
  const size = Math.max(a.box.w, a.box.h);
  const tolerance = Math.max(1, 0.3 * size);
  if (Math.abs(b.box.w - a.box.w) > tolerance || Math.abs(b.box.h - a.box.h) > tolerance) return false;
  if (Math.abs(b.box.y + b.box.h / 2 - (a.box.y + a.box.h / 2)) > tolerance) return false;
  const gap = b.box.x - (a.box.x + a.box.w);
  // Dashes may be set closer than their length.
  const least = a.box.w > 1.5 * a.box.h ? a.box.h : size;
  if (gap < 0.3 * least || gap > spread * size) return false;
  if (run.length < 2) return true;
  const before = run[run.length - 2]!;
  const previous = a.box.x - (before.box.x + before.box.w);
  // Two ellipses (……) may be set slightly further apart than the dots within one.
  const slack = run.length === 3 ? Math.max(2, 0.8 * previous) : Math.max(1.5, 0.4 * previous);
  return Math.abs(gap - previous) <= slack;
}

/** The box of the taller component the run follows closely on its level, if any. */
function textBefore(comps: readonly Component[], run: readonly Component[]): Box | undefined {
  const first = run[0]!.box;
  const size = Math.max(first.w, first.h);
  const cy = first.y + first.h / 2;
  let best: Box | undefined;
  for (const c of comps) {
    const b = c.box;
    if (b.h < TEXT_TO_DOT * size || b.y > cy || b.y + b.h < cy) continue;
    const gap = first.x - (b.x + b.w);
    if (gap < 0 || gap > 4 * size) continue;
    if (!best || b.x + b.w > best.x + best.w) best = b;
  }
  return best;
}

/** Whether no component but the run's dots reaches into its span across within the text's height. */
function clearAround(comps: readonly Component[], run: readonly Component[], text: Box): boolean {
  const span = unionBox(run.map((d) => d.box));
  return !comps.some((c) => !run.includes(c) && boxesOverlap(c.box, { x: span.x, y: text.y, w: span.w, h: text.h }));
}

/**
 * `result` without the words read from blank paper: confidence below {@link BLANK_WORD_CONFIDENCE}
 * and less than {@link BLANK_WORD_INK} of the word's box (in `g`'s frame) ink. Boxes of confident
 * words can miss their glyphs (a comma's box beside it): only the unsure are judged.
 */
export function dropBlankWords(result: OcrResult, g: GrayRaster): OcrResult {
  const blank = (w: OcrWord) => {
    if (w.confidence >= BLANK_WORD_CONFIDENCE || !w.text.trim()) return false;
    const x0 = Math.max(0, w.box.x), y0 = Math.max(0, w.box.y);
    const x1 = Math.min(g.width, w.box.x + w.box.w), y1 = Math.min(g.height, w.box.y + w.box.h);
    if (x1 <= x0 || y1 <= y0) return true;
    let ink = 0;
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (g.data[y * g.width + x]! <= INK) ink++;
    return ink < BLANK_WORD_INK * (x1 - x0) * (y1 - y0);
  };
  return withoutWords(result, blank);
}

/**
 * Whether a word read as a bar ("|") is a separator set in text ("Account 7731 0042 18 | Bill
 * date"), not a table's rule: words on its line on either side, no farther from it than
 * {@link BAR_GAP} of the line's text height, and its ink down the middle of its box (the darkest of
 * three columns in `g`'s frame; darker than halfway to the paper above and below it) in one piece at
 * most {@link BAR_LENGTH} of that height long. A rule runs on past the text above and below it.
 */
export function isTextBar(g: GrayRaster, w: OcrWord, line: OcrLine): boolean {
  const others = line.words.filter((o) => o !== w && o.text.trim());
  if (others.length < 2) return false;
  const h = medianHeight(others);
  const gap = BAR_GAP * h, left = w.box.x, right = w.box.x + w.box.w;
  const near = (o: OcrWord) => sameRow(o.box, w.box) && Math.max(o.box.x - right, left - (o.box.x + o.box.w)) <= gap;
  if (!others.some((o) => o.box.x + o.box.w <= left + 1 && near(o)) || !others.some((o) => o.box.x >= right - 1 && near(o))) return false;
  const cx = Math.round(left + w.box.w / 2);
  if (cx < 1 || cx >= g.width - 1) return false;
  const tone = (y: number) => (y >= 0 && y < g.height ? Math.min(g.data[y * g.width + cx - 1]!, g.data[y * g.width + cx]!, g.data[y * g.width + cx + 1]!) : 255);
  // Ink is darker than halfway between the bar's darkest pixel and the paper beside it (a footer's grey bar).
  const mid = Math.round(w.box.y + w.box.h / 2), limit = Math.ceil(BAR_LENGTH * h);
  let dark = 255, paper = 0;
  for (let y = w.box.y; y < w.box.y + w.box.h; y++) dark = Math.min(dark, tone(y));
  for (let y = w.box.y - limit; y <= w.box.y + w.box.h + limit; y++) paper = Math.max(paper, tone(y));
  if (paper - dark < BAR_CONTRAST) return false;
  const inked = (y: number) => tone(y) <= (dark + paper) / 2;
  let top = mid, bottom = mid;
  if (!inked(mid)) return false;
  while (mid - top <= limit && (inked(top - 1) || inked(top - 2))) top--;
  while (bottom - mid <= limit && (inked(bottom + 1) || inked(bottom + 2))) bottom++;
  return bottom - top + 1 <= limit;
}

/**
 * `result` without the bars the engine read into a word at its start or end from no bar set in
 * text ("|專案補貼款|", "113.10.28|", "|113/09/30"): where the columns of the word's box within
 * {@link GLUED_RULE_REACH} of its line's text height of that end hold no ink in `g` running down
 * through the box's middle row over at least {@link GLUED_BAR_LEAST} of that height (the rule
 * between two cells erased with the table, or never there), or hold ink running over more than
 * {@link BAR_LENGTH} of it (a table's rule, past the text above and below). A bar set in text is
 * about as tall as the text.
 */
export function rulesReadIntoWords(result: OcrResult, g: GrayRaster): OcrResult {
  return rewriteLines(result, (line) => {
    let changed = false;
    const out = line.map((w) => {
      let t = w.text.trim();
      if (!/^\||\|$/u.test(t) || !/\p{L}|\p{N}/u.test(t)) return w;
      // The line's text height: a word read with a rule can be boxed as tall as the rule.
      const others = line.filter((o) => o !== w && /\p{L}|\p{N}/u.test(o.text));
      const h = others.length ? medianHeight(others) : w.box.h;
      const reach = Math.max(2, Math.round(GLUED_RULE_REACH * h));
      const noTextBar = (x0: number, x1: number) => {
        const run = longestUpright(g, w.box, x0, x1);
        return run < GLUED_BAR_LEAST * h || run > BAR_LENGTH * h;
      };
      if (t.startsWith('|') && noTextBar(w.box.x, w.box.x + reach)) t = t.slice(1);
      if (t.endsWith('|') && noTextBar(w.box.x + w.box.w - reach, w.box.x + w.box.w)) t = t.slice(0, -1);
      if (t === w.text.trim()) return w;
      changed = true;
      return { ...w, text: t };
    });
    return changed ? out : undefined;
  });
}

/** The longest run of ink down a column of `g` from `x0` to `x1` through `box`'s middle row (0 for none; see {@link rulesReadIntoWords}). */
function longestUpright(g: GrayRaster, box: Box, x0: number, x1: number): number {
  const mid = Math.round(box.y + box.h / 2);
  if (mid < 0 || mid >= g.height) return 0;
  let best = 0;
  for (let x = Math.max(0, x0); x < Math.min(g.width, x1); x++) {
    if (g.data[mid * g.width + x]! > INK) continue;
    // Three columns wide: a rule on a photographed page leans a little.
    const ink = (y: number) => y >= 0 && y < g.height && Math.min(g.data[y * g.width + Math.max(0, x - 1)]!, g.data[y * g.width + x]!, g.data[y * g.width + Math.min(g.width - 1, x + 1)]!) <= INK;
    let top = mid, bottom = mid;
    while (ink(top - 1)) top--;
    while (ink(bottom + 1)) bottom++;
    best = Math.max(best, bottom - top + 1);
  }
  return best;
}

/** A bar read into a word stands within this share of its line's text height of the word's end… */
const GLUED_RULE_REACH = 0.4;
/** …and a bar set in text runs down at least this share of it. */
const GLUED_BAR_LEAST = 0.5;

/**
 * `result` with a dollar sign read as a digit or an S put back: ＄３８８ read "5", "388,", $1,399
 * read 51,399, $398 read 9398. The sign's stroke reaches above and below the digits after it,
 * which a digit's never does. A word starting with 5, 8, 9 or S and two digits or more, or such a
 * character alone before a word starting with two digits, is looked at in `g` (the page read,
 * dark text on light) from the start of the number's box, and {@link DOLLAR_SEARCH} of its height
 * before it (the engine boxes a number's first character off its ink by up to a character), to its
 * end: its glyphs are the runs of columns with ink ({@link glyphsIn}). When one of the first of
 * them reaches {@link DOLLAR_REACH} of the digits' height above their top and as far below their
 * foot (the medians of the glyphs after it as tall as digits) and is no wider than
 * {@link DOLLAR_WIDTH} times them (a Chinese character before the number is wider), by a thin
 * stroke down its middle ({@link isDollarSign}), the character is the dollar sign.
 */
export function dollarSignsReadAsDigits(result: OcrResult, g: GrayRaster): OcrResult {
  return rewriteLines(result, (line) =>
    line.map((w, k) => {
      const text = w.text.trim();
      const next = line[k + 1];
      let number: Box;
      if (/^[589S][0-9][0-9,.]*[0-9]/u.test(text)) number = w.box;
      else if (/^[589S]$/u.test(text) && next && /^[0-9]{2}/u.test(next.text.trim()) && next.box.x - (w.box.x + w.box.w) <= w.box.h) number = next.box;
      else return w;
      const search = Math.round(DOLLAR_SEARCH * number.h);
      const glyphs = glyphsIn(g, { x: number.x - search, y: number.y, w: number.w + search, h: number.h });
      const first = glyphs.findIndex((c) => c.x1 > number.x - search / 2);
      if (first < 0 || !glyphs.slice(first, first + 2).some((c, i) => isDollarSign(g, c, glyphs.slice(first + i + 1, first + i + 6)))) return w;
      return { ...w, text: w.text.replace(/[589S]/u, '$') };
    }),
  );
}

/**
 * `result` with the yuan sign the engine left unread before an amount put back: 每次¥129.00 read
 * "每次129.00", the sign's ink left beside the figures. On a line holding Chinese, an amount with
 * cents (its word starting with it) not read after a currency sign is looked at in `g` from
 * {@link YUAN_SEARCH} of its height before its box (the word before can be boxed over the sign)
 * to its end: the glyph just before its box's first (its digits', one glyph a digit, or two
 * that touch in a blurred photo, {@link glyphsIn}; two at least, and as wide as its digits would
 * be when fewer than they are) is the sign when it is shaped as one ({@link isYuanSign}).
 */
export function yuanSignsUnread(result: OcrResult, g: GrayRaster): OcrResult {
  return rewriteLines(result, (line) => {
    if (!line.some((w) => /\p{Script=Han}/u.test(w.text))) return undefined;
    let changed = false;
    const out = line.map((w, k) => {
      const text = w.text.trim();
      const before = line[k - 1];
      if (before && /[¥￥$＄]$/u.test(before.text.trim())) return w;
      // The word before can be boxed over the sign (收 over 收¥): its glyphs are searched too.
      const from = Math.max(0, Math.round(w.box.x - YUAN_SEARCH * w.box.h));
      const amount = /^[0-9][0-9,]*\.[0-9]{2}(?![0-9])/u.exec(text)?.[0];
      if (amount) {
        const digits = amount.replace(/[^0-9]/gu, '').length;
        const glyphs = glyphsIn(g, { x: from, y: w.box.y, w: w.box.x + w.box.w - from, h: w.box.h });
        // The amount's digits are the first glyphs in its box (a 元 can follow them in the word).
        const first = glyphs.findIndex((c) => c.x0 >= w.box.x - 2);
        if (first < 1 || glyphs.length < first + 2) return w;
        // Digits can touch in a blurred photo (its 00 one glyph): fewer glyphs than digits, but as
        // wide as they would be. Fewer and narrower, the box left a digit out ("3.56" boxed from
        // its 5): the glyph before it is that digit.
        const widths = glyphs.slice(first).map((c) => c.x1 - c.x0);
        if (widths.length < digits && widths.reduce((a, b) => a + b, 0) < digits * median(widths) * DIGITS_SPAN) return w;
        if (!isYuanSign(g, glyphs[first - 1]!, glyphs.slice(first, first + digits))) return w;
      } else {
        // Full-width figures, spaced apart, are read as words of a figure or two ("1 2 8. 00"):
        // the amount runs on over the words after, and its digits are the last glyphs up to its
        // end (the first word's box can hold the sign too).
        const last = spreadAmountEnd(line, k);
        if (last < 0) return w;
        const end = line[last]!.box.x + line[last]!.box.w;
        const digits = line.slice(k, last + 1).map((o) => o.text).join('').replace(/[^0-9]/gu, '').length;
        const box = unionBox(line.slice(k, last + 1).map((o) => o.box));
        const glyphs = glyphsIn(g, { x: from, y: box.y, w: end - from, h: box.h });
        if (glyphs.length < digits + 1 || !isYuanSign(g, glyphs.at(-digits - 1)!, glyphs.slice(-digits))) return w;
      }
      changed = true;
      return { ...w, text: `¥${w.text}` };
    });
    return changed ? out : undefined;
  });
}

/**
 * The index of the last of the words of `line` from `k` on that make an amount with cents read
 * apart (full-width figures spaced out: "1", "2", "8.", "00" or "25.", "00。"), each figures and
 * separators (the last with a comma or full stop after it), each less than twice its height after
 * the one before; -1 when they make none.
 */
function spreadAmountEnd(line: readonly OcrWord[], k: number): number {
  let joined = '';
  for (let j = k; j < line.length; j++) {
    const w = line[j]!, t = w.text.trim();
    if (!/^[0-9.,]+[，,。]?$/u.test(t) || (j === k && !/^[0-9]/u.test(t))) return -1;
    // A full-width point is a character's width of blank beside the figures.
    if (j > k && w.box.x - (line[j - 1]!.box.x + line[j - 1]!.box.w) > 2 * w.box.h) return -1;
    joined += t;
    if (/^[0-9][0-9,]*\.[0-9]{2}[，,。]?$/u.test(joined)) return j > k ? j : -1;
    if (/[，,。]$/u.test(t)) return -1;
  }
  return -1;
}

/**
 * Whether `sign` (a glyph in `g`) is a yuan sign before the `digits` glyphs: as tall as they are and
 * standing on their foot, about as wide, its top two arms (a V: two runs of ink across one of its
 * rows down to 15 % of its height, from its left edge and to its right one, {@link YUAN_EDGE}; a
 * serif sign's right arm is a hairline that fades a few rows down), its foot one stem down its
 * middle, crossed below its middle by a bar across most of it.
 */
function isYuanSign(g: GrayRaster, sign: Glyph, digits: readonly Glyph[]): boolean {
  if (digits.length < 2) return false;
  const top = median(digits.map((d) => d.top)), bottom = median(digits.map((d) => d.bottom)), h = bottom - top;
  const width = median(digits.map((d) => d.x1 - d.x0)), own = sign.x1 - sign.x0;
  if (h < 6 || Math.abs(sign.top - top) > YUAN_ALIGN * h || Math.abs(sign.bottom - bottom) > YUAN_ALIGN * h || own < 0.6 * width || own > 1.8 * width) return false;
  const runs = (y: number) => {
    const out: Array<[number, number]> = [];
    let start = -1;
    for (let x = sign.x0; x <= sign.x1; x++) {
      const ink = x < sign.x1 && g.data[y * g.width + x]! <= INK;
      if (ink && start < 0) start = x;
      else if (!ink && start >= 0) { out.push([start, x]); start = -1; }
    }
    return out;
  };
  const at = (share: number) => Math.min(sign.bottom - 1, Math.round(sign.top + share * (sign.bottom - sign.top)));
  // The V's two arms, at its edges: a serif sign's right arm is a hairline that fades a few rows
  // down (a 计's dot and stem are two runs at its top too, the stem far from its right edge).
  let arms = false;
  for (let y = sign.top; y <= at(0.15) && !arms; y++) {
    const r = runs(y);
    arms = r.length >= 2 && r[0]![0] <= sign.x0 + YUAN_EDGE * own && r.at(-1)![1] >= sign.x1 - YUAN_EDGE * own;
  }
  if (!arms) return false;
  const middle = (sign.x0 + sign.x1) / 2;
  const foot = runs(at(0.92));
  if (foot.length !== 1 || foot[0]![1] - foot[0]![0] > 0.45 * own || Math.abs((foot[0]![0] + foot[0]![1]) / 2 - middle) > 0.15 * own) return false;
  for (let y = at(0.45); y <= at(0.85); y++) {
    const r = runs(y);
    if (r.length === 1 && r[0]![1] - r[0]![0] >= 0.6 * own) return true;
  }
  return false;
}

/** Least share of its digits' widths the glyphs of an amount whose digits touch span (see {@link yuanSignsUnread}). */
const DIGITS_SPAN = 0.8;
/** A yuan sign's arms start and end within this share of its width of its edges. */
const YUAN_EDGE = 0.15;
/** How far before an amount's box (in its height) an unread yuan sign is looked for. */
const YUAN_SEARCH = 1.2;
/** A yuan sign's top and foot stand within this share of the digits' height of theirs. */
const YUAN_ALIGN = 0.2;

/**
 * `result` with a Chinese comma the engine read as a full stop put back (了解您的狀況，已為您… read
 * "狀況 。 已為"): a word that is a lone 。 read below {@link COMMA_UNSURE} (a full stop whose
 * ring closed up in a photo is read surely), whose ink in `g` (its box grown by
 * {@link STOP_GROW} pixels, the components standing inside it) is one shape without a hole, at
 * least {@link COMMA_TALL} times as tall as wide: a comma's head and the tail below it. A full
 * stop is a ring.
 */
export function commasReadAsFullStops(result: OcrResult, g: GrayRaster): OcrResult {
  return rewriteLines(result, (line) => {
    let changed = false;
    const out = line.map((w) => {
      if (w.text.trim() !== '。' || w.confidence >= COMMA_UNSURE || !isComma(g, w.box)) return w;
      changed = true;
      return { ...w, text: w.text.replace('。', '，') };
    });
    return changed ? out : undefined;
  });
}

/**
 * `result` with a middle dot or a bullet between two words put back where the engine read it as a
 * hyphen or an asterisk ("Japan - NTT DOCOMO", "9:20 AM - Delivered", "Saturday * 9:14 AM"): a
 * word of one such mark between two others on its line whose ink in `g` is one filled round
 * shape ({@link loneShape}, no hole, at most {@link DOT_ASPECT} times as wide as tall or as tall
 * as wide, its pixels at least {@link DOT_FILL} of its box), its middle at the
 * middle of its neighbours' height (within {@link DOT_MIDDLE} of it) and at most {@link DOT_SIZE}
 * of that height across. A hyphen is wide; one after a figure is left as it is. One at least
 * {@link BULLET_SIZE} of that height across is a bullet (•), a smaller one a middle dot (·).
 */
export function middleDotsMisread(result: OcrResult, g: GrayRaster): OcrResult {
  return rewriteLines(result, (line) => {
    let changed = false;
    const out = line.map((w, k) => {
      const before = line[k - 1], after = line[k + 1];
      // A dash after a figure is a range's (05/10 - 04/11), whatever its blur has made of it.
      if (!before || !after || !MISREAD_DOT.test(w.text.trim()) || (w.text.trim() === '-' && /\p{N}$/u.test(before.text.trim()))) return w;
      const top = Math.min(before.box.y, after.box.y), height = Math.max(before.box.y + before.box.h, after.box.y + after.box.h) - top;
      const s = loneShape(g, w.box);
      if (!s || s.hole || s.n < DOT_FILL * s.box.w * s.box.h || Math.max(s.box.w, s.box.h) > DOT_ASPECT * Math.min(s.box.w, s.box.h)) return w;
      const size = Math.max(s.box.w, s.box.h);
      if (size > DOT_SIZE * height || Math.abs(s.box.y + s.box.h / 2 - (top + height / 2)) > DOT_MIDDLE * height) return w;
      changed = true;
      return { ...w, text: w.text.replace(w.text.trim(), size >= BULLET_SIZE * height ? '•' : '·') };
    });
    return changed ? out : undefined;
  });
}

/**
 * `result` with a full-width slash the engine left unread put back (25元／月 read "25元 月", 第1页／
 * 共2页 read "第1页 共2页"): between two words on a line, the first ending in a Chinese character
 * or a figure and holding no slash or bar, the second with none in its first two characters, a shape of ink in `g` near their
 * meeting (within {@link SLASH_REACH} of the line's text height into either word) that is a
 * slash: one thin stroke (its pixels at most {@link SLASH_FILL} of its box) at least
 * {@link SLASH_WIDE} of that height wide and {@link SLASH_TALL} of it tall, at most
 * {@link SLASH_HIGHEST} of it, rising to the right (its top quarter's ink right of its bottom
 * quarter's by {@link SLASH_LEAN} of its width at least). A character's strokes that lean so,
 * as 八's, stand apart narrower; a half-width slash is left to the engine.
 */
export function slashesUnread(result: OcrResult, g: GrayRaster): OcrResult {
  return rewriteLines(result, (line) => {
    const read = line.filter((o) => o.text.trim());
    const han = read.filter((o) => /\p{Script=Han}/u.test(o.text));
    if (read.length < 2 || !han.length) return undefined;
    const height = medianHeight(han);
    let changed = false;
    const out = line.map((w) => {
      const t = w.text.trim(), next = read[read.indexOf(w) + 1];
      // A slash read in either word near their meeting (１０／０９ in a date read whole) is no slash left unread.
      if (!next || !/[\p{Script=Han}\p{N}]$/u.test(t) || /^[1lI丿|]|^.?[/／]/u.test(next.text.trim()) || /[/／|]/u.test(t)) return w;
      const x0 = Math.max(w.box.x, w.box.x + w.box.w - Math.round(SLASH_REACH * height));
      const x1 = Math.min(next.box.x + next.box.w, next.box.x + Math.round(SLASH_REACH * height));
      const y0 = Math.min(w.box.y, next.box.y) - Math.round(0.3 * height), y1 = Math.max(w.box.y + w.box.h, next.box.y + next.box.h) + Math.round(0.3 * height);
      if (x1 <= x0 || !slashIn(g, { x: x0, y: y0, w: x1 - x0, h: y1 - y0 }, height)) return w;
      changed = true;
      return { ...w, text: `${t}／` };
    });
    return changed ? out : undefined;
  });
}

/** Whether `box` of `g` holds a whole shape of ink that is a full-width slash (see {@link slashesUnread}) in text `height` tall. */
function slashIn(g: GrayRaster, box: Box, height: number): boolean {
  const x0 = Math.max(0, box.x), y0 = Math.max(0, box.y), x1 = Math.min(g.width, box.x + box.w), y1 = Math.min(g.height, box.y + box.h);
  const w = x1 - x0, h = y1 - y0;
  if (w < 3 || h < 3) return false;
  const crop = cropGray(g, { x: x0, y: y0, w, h }).data;
  const { labels, components } = labelledInkComponents(crop, w, h, INK);
  return components.some(({ label, box: b, n }) => {
    if (b.x === 0 || b.y === 0 || b.x + b.w === w || b.y + b.h === h) return false;
    if (b.w < SLASH_WIDE * height || b.h < SLASH_TALL * height || b.h > SLASH_HIGHEST * height || n > SLASH_FILL * b.w * b.h) return false;
    const quarter = Math.max(1, Math.floor(b.h / 4));
    const meanX = (from: number, to: number) => {
      let sum = 0, count = 0;
      for (let y = from; y < to; y++) for (let x = b.x; x < b.x + b.w; x++) if (labels[y * w + x] === label) { sum += x; count++; }
      return count ? sum / count : NaN;
    };
    return meanX(b.y, b.y + quarter) - meanX(b.y + b.h - quarter, b.y + b.h) >= SLASH_LEAN * b.w;
  });
}

/** A slash is looked for this share of the line's text height into the words either side of it. */
const SLASH_REACH = 1.2;
/** A full-width slash is at least this share of the line's text height wide… */
const SLASH_WIDE = 0.6;
/** …and tall… */
const SLASH_TALL = 0.7;
/** …at most this share of it tall… */
const SLASH_HIGHEST = 1.3;
/** …its pixels at most this share of its box (one thin stroke across it)… */
const SLASH_FILL = 0.12;
/** …and its top quarter's ink right of its bottom quarter's by this share of its width. */
const SLASH_LEAN = 0.55;

/**
 * `result` with a Chinese comma the engine boxed into the character before it and left unread put
 * back (我從來沒有申請過， read "申請過", the 過 read at 61 over 40 × 32 px): a word ending in a
 * Chinese character, read below {@link ABSORBED_CONFIDENCE}, boxed at least
 * {@link ABSORBED_EXTRA} of its height wider than its characters (each as wide as the word is
 * tall), with no punctuation read after it, whose ink in `g` ends in a mark set apart by a blank
 * of {@link ABSORBED_GAP} of its height at least (the strokes of one character lie closer: 尊敬's
 * 攵 read "尊敬，"): at most {@link ABSORBED_WIDTH} of the word's height wide and {@link ABSORBED_HEIGHT} of it tall, at least
 * {@link COMMA_TALL} times as tall as wide (a head and a tail), below the word's top by a fifth of
 * its height at least (a closing quotation mark stands at the top). Traditional Chinese fonts set
 * the comma at the middle of the line, Simplified ones at its foot: both are taken.
 */
export function commasAbsorbed(result: OcrResult, g: GrayRaster): OcrResult {
  return rewriteLines(result, (line) => {
    let changed = false;
    const read = line.filter((o) => o.text.trim());
    const out = line.map((w) => {
      const t = w.text.trim(), { box } = w;
      const han = t.match(/\p{Script=Han}/gu)?.length ?? 0;
      // A comma read as a word of its own after it is no comma left unread.
      const next = read[read.indexOf(w) + 1]?.text.trim() ?? '';
      if (!/\p{Script=Han}$/u.test(t) || /^\p{P}/u.test(next) || w.confidence >= ABSORBED_CONFIDENCE || box.w < (han + ABSORBED_EXTRA) * box.h || !endsInComma(g, box)) return w;
      changed = true;
      return { ...w, text: `${t}，` };
    });
    return changed ? out : undefined;
  });
}

/** Whether the ink of `box` in `g` ends in a comma set apart from the rest (see {@link commasAbsorbed}). */
function endsInComma(g: GrayRaster, box: Box): boolean {
  const y0 = Math.max(0, box.y), y1 = Math.min(g.height, box.y + box.h);
  const inkIn = (x: number) => { let top = -1, bottom = -1; for (let y = y0; y < y1; y++) if (g.data[y * g.width + x]! <= INK) { if (top < 0) top = y; bottom = y; } return { top, bottom }; };
  let x = Math.min(g.width, box.x + box.w) - 1;
  while (x >= box.x && inkIn(x).top < 0) x--;
  const right = x;
  let top = Infinity, bottom = -1;
  for (; x >= box.x; x--) {
    const c = inkIn(x);
    if (c.top < 0) break;
    top = Math.min(top, c.top);
    bottom = Math.max(bottom, c.bottom);
  }
  // Ink left of the blank, a comma's blank of a character's cell away at least: the
  // character the comma follows (the strokes of one character lie closer).
  let k = x;
  while (k >= box.x && inkIn(k).top < 0) k--;
  const rest = k >= box.x && x - k >= ABSORBED_GAP * box.h;
  const width = right - x, height = bottom - top + 1;
  return rest && right > x && width <= ABSORBED_WIDTH * box.h && height <= ABSORBED_HEIGHT * box.h && height >= COMMA_TALL * width && top >= box.y + 0.2 * box.h;
}

/** An absorbed comma stands this share of its word's height at least after the character before it. */
const ABSORBED_GAP = 0.3;
/** A word holding a comma it left unread is read below this. */
const ABSORBED_CONFIDENCE = 75;
/** …and boxed at least this share of its height wider than its characters. */
const ABSORBED_EXTRA = 0.15;
/** A comma is at most this share of its word's height wide… */
const ABSORBED_WIDTH = 0.35;
/** …and this share of it tall. */
const ABSORBED_HEIGHT = 0.55;

/** The marks a middle dot or a bullet is misread as (commas and full stops stand far more often where they are read). */
const MISREAD_DOT = /^[-*]$/u;
/** A dot is at most this many times as wide as tall, or as tall as wide. */
const DOT_ASPECT = 1.25;
/** A dot's ink fills at least this share of its box (a disc, π/4). */
const DOT_FILL = 0.6;
/** A dot's middle stands within this share of its neighbours' height of their middle. */
const DOT_MIDDLE = 0.2;
/** A dot is at most this share of its neighbours' height across… */
const DOT_SIZE = 0.4;
/** …and a bullet at least this share. */
const BULLET_SIZE = 0.22;

/** Whether the ink of `box` in `g` is a comma (see {@link commasReadAsFullStops}). */
function isComma(g: GrayRaster, box: Box): boolean {
  const s = loneShape(g, box);
  return !!s && s.box.h >= COMMA_TALL * s.box.w && s.box.h >= 4 && !s.hole;
}

/**
 * The one shape of ink in `box` of `g` grown by {@link STOP_GROW} pixels (the components standing
 * inside it, not cut by its edges: a character beside it), in `g`'s frame, with how many pixels
 * it has and whether it has a hole (a part of the paper inside its box that does not reach its
 * border); undefined when there is none or more than one.
 */
function loneShape(g: GrayRaster, box: Box): { box: Box; n: number; hole: boolean } | undefined {
  const x0 = Math.max(0, box.x - STOP_GROW), y0 = Math.max(0, box.y - STOP_GROW);
  const x1 = Math.min(g.width, box.x + box.w + STOP_GROW), y1 = Math.min(g.height, box.y + box.h + STOP_GROW);
  const w = x1 - x0, h = y1 - y0;
  if (w < 3 || h < 3) return undefined;
  const ink = (x: number, y: number) => g.data[(y0 + y) * g.width + x0 + x]! <= INK;
  const crop = cropGray(g, { x: x0, y: y0, w, h }).data;
  const shapes = inkComponents(crop, w, h, INK).filter(({ box: b }) => b.x > 0 && b.y > 0 && b.x + b.w < w && b.y + b.h < h);
  if (shapes.length !== 1) return undefined;
  const { box: s, n } = shapes[0]!;
  const paper = new Uint8ClampedArray(s.w * s.h);
  for (let y = 0; y < s.h; y++) for (let x = 0; x < s.w; x++) paper[y * s.w + x] = ink(s.x + x, s.y + y) ? 255 : 0;
  const hole = inkComponents(paper, s.w, s.h, 0).some(({ box: b }) => b.x > 0 && b.y > 0 && b.x + b.w < s.w && b.y + b.h < s.h);
  return { box: { x: x0 + s.x, y: y0 + s.y, w: s.w, h: s.h }, n, hole };
}

/** A lone 。 read at least this surely is a full stop. */
const COMMA_UNSURE = 85;
/** Pixels a lone 。's box is grown by to look at its ink. */
const STOP_GROW = 3;
/** A comma's ink (its head and tail) stands at least this many times as tall as wide; a full stop's ring is round. */
const COMMA_TALL = 1.3;

/** A glyph of {@link glyphsIn}: its columns and the rows its ink runs on unbroken. */
export interface Glyph {
  x0: number;
  x1: number;
  top: number;
  bottom: number;
}

/**
 * Whether the ink of `box` in `g` begins with a mark of its own before its first glyph
 * ({@link glyphsIn}, which leaves out ink with none on the box's middle row): the leftmost run of
 * columns with ink stands left of that glyph, holds at least {@link MARK_INK} of the box's height
 * squared in pixels, and lies in the box's upper part (above {@link MARK_FOOT} of its height), as
 * an opening quotation mark does. A word read with a “ from the blank before its first character
 * (an ideographic space) has no such ink, nor one read with a “ from the dots of a 氵 before it,
 * whose ink runs down the character's height.
 */
export function leadingMarkInk(g: GrayRaster, box: Box): boolean {
  const first = glyphsIn(g, box)[0];
  const x1 = Math.min(g.width, first ? first.x0 : box.x + box.w);
  const y0 = Math.max(0, box.y), y1 = Math.min(g.height, box.y + box.h);
  let n = 0, bottom = -1, started = false;
  for (let x = Math.max(0, box.x); x < x1; x++) {
    let column = 0;
    for (let y = y0; y < y1; y++) if (g.data[y * g.width + x]! <= INK) { column++; bottom = Math.max(bottom, y); }
    if (column) started = true;
    else if (started) break;
    n += column;
  }
  return n >= MARK_INK * box.h * box.h && bottom < box.y + MARK_FOOT * box.h;
}

/** Least ink (in the word's height squared) of a mark before a word's first glyph (see {@link leadingMarkInk}). */
const MARK_INK = 0.015;
/** An opening quotation mark's ink lies above this share of its word's height. */
const MARK_FOOT = 0.55;

/**
 * The glyphs in `box` of `g`: runs of columns with ink ({@link INK}) on the box's rows, each with
 * the rows its ink runs on without a blank row, from the box's middle row up and down (at most
 * half the box's height beyond it either way: a line above or below stays apart by its blank).
 * Glyphs with no ink on the middle row (a comma, a point) are left out.
 */
export function glyphsIn(g: GrayRaster, box: Box): Glyph[] {
  const x0 = Math.max(0, box.x), x1 = Math.min(g.width, box.x + box.w);
  const y0 = Math.max(0, box.y), y1 = Math.min(g.height, box.y + box.h);
  const reach = Math.round(box.h / 2), mid = Math.round(box.y + box.h / 2);
  if (x1 <= x0 || y1 <= y0 || mid < 0 || mid >= g.height) return [];
  const inked = (x: number, y: number) => g.data[y * g.width + x]! <= INK;
  const glyphs: Glyph[] = [];
  let start = -1;
  for (let x = x0; x <= x1; x++) {
    let ink = false;
    for (let y = y0; x < x1 && y < y1 && !ink; y++) ink = inked(x, y);
    if (ink && start < 0) start = x;
    if (ink || start < 0) continue;
    const row = (y: number) => { for (let c = start; c < x; c++) if (inked(c, y)) return true; return false; };
    if (row(mid)) {
      let top = mid, bottom = mid;
      while (top > Math.max(0, y0 - reach) && row(top - 1)) top--;
      while (bottom < Math.min(g.height - 1, y1 - 1 + reach) && row(bottom + 1)) bottom++;
      glyphs.push({ x0: start, x1: x, top, bottom: bottom + 1 });
    }
    start = -1;
  }
  return glyphs;
}

/**
 * Whether `sign` (a glyph in `g`) is a dollar sign before the glyphs `after` it (see
 * {@link dollarSignsReadAsDigits}): as wide as the digits nearly, reaching out above and below them
 * by a stroke at most {@link DOLLAR_STROKE} of its width down its middle. The part of a Chinese
 * character beside a number (the right of 筆, 線 or 计) reaches out as far, but wider or off its
 * middle.
 */
function isDollarSign(g: GrayRaster, sign: Glyph, after: readonly Glyph[]): boolean {
  if (after.length < 2) return false;
  const tallest = Math.max(...after.map((d) => d.bottom - d.top));
  const digits = after.filter((d) => d.bottom - d.top >= 0.6 * tallest);
  if (digits.length < 2) return false;
  const top = median(digits.map((d) => d.top)), bottom = median(digits.map((d) => d.bottom));
  const width = median(digits.map((d) => d.x1 - d.x0)), reach = DOLLAR_REACH * (bottom - top), own = sign.x1 - sign.x0;
  if (sign.top > top - reach || sign.bottom < bottom + reach || own > DOLLAR_WIDTH * width || own < width / DOLLAR_WIDTH) return false;
  // Its ink above the digits' top and below their foot: one thin stroke down its middle.
  const stroke = (y0: number, y1: number) => {
    let left = own, right = -1;
    for (let y = Math.max(0, y0); y < Math.min(g.height, y1); y++) {
      for (let x = sign.x0; x < sign.x1; x++) if (g.data[y * g.width + x]! <= INK) { left = Math.min(left, x - sign.x0); right = Math.max(right, x - sign.x0); }
    }
    return right >= 0 && right - left + 1 <= DOLLAR_STROKE * own && Math.abs((left + right + 1) / 2 - own / 2) <= DOLLAR_CENTRE * own;
  };
  return stroke(sign.top, Math.round(top)) && stroke(Math.round(bottom), sign.bottom);
}

/** How far before a number's box (in its height) its dollar sign is looked for. */
const DOLLAR_SEARCH = 1;
/** How far (in the digits' height) a dollar sign's stroke reaches above and below the digits after it, at least. */
const DOLLAR_REACH = 0.12;
/** A dollar sign is at most this many times as wide as the digits after it, and at least their width divided by it. */
const DOLLAR_WIDTH = 1.3;
/** A dollar sign's ink above and below the digits is a stroke at most this share of its width… */
const DOLLAR_STROKE = 0.35;
/** …its middle at most this share of its width from the glyph's middle. */
const DOLLAR_CENTRE = 0.1;

/** A separator bar stands this close to the words beside it, in heights of its line's text (see {@link isTextBar}). */
const BAR_GAP = 2;
/** …and its ink is at most this long, in such heights. */
const BAR_LENGTH = 1.8;
/** Least difference of tone between a bar's ink and the paper around it. */
const BAR_CONTRAST = 40;

/**
 * `result` without the emoji the engine read as symbols ("«" for a smiley, "@@" for a heart):
 * words of at most {@link EMOJI_TEXT} characters, none a letter or a digit, as tall and as wide as
 * the text of their line nearly ({@link EMOJI_SIZE}),
 * whose box in the picture (`picture()`, the upright original; `toSource` maps a box of the result
 * to its frame) is at least {@link EMOJI_COLOUR} saturated colour unlike what its line lies on
 * (the commonest colour of the line's box: a comma in a green bubble lies on saturated colour).
 * An emoji is a solid coloured shape; coloured text is strokes (a link's blue fills a fifth of
 * its box).
 */
export function dropEmoji(result: OcrResult, picture: () => RgbaRaster, toSource: (box: Box) => Box): OcrResult {
  let rgba: RgbaRaster | undefined;
  const emoji = (w: OcrWord, line: OcrLine) => {
    const t = w.text.trim();
    if (!t || Array.from(t).length > EMOJI_TEXT || /[\p{L}\p{N}]/u.test(t)) return false;
    // As tall and as wide as the line's text nearly: a coloured full stop (。) or comma is strokes
    // filling a small or narrow box.
    const text = line.words.filter((o) => /[\p{L}\p{N}]/u.test(o.text)).map((o) => o.box.h).sort((a, c) => a - c);
    if (!text.length || Math.min(w.box.w, w.box.h) < EMOJI_SIZE * text[text.length >> 1]!) return false;
    rgba ??= picture();
    const b = toSource(w.box);
    if (b.w < 3 || b.h < 3) return false;
    const [r0, g0, b0] = commonColour(rgba, toSource(line.box));
    const d = rgba.data;
    let colour = 0;
    for (let y = b.y; y < b.y + b.h; y++) {
      for (let i = (y * rgba.width + b.x) * 4, end = i + b.w * 4; i < end; i += 4) {
        const hi = Math.max(d[i]!, d[i + 1]!, d[i + 2]!), lo = Math.min(d[i]!, d[i + 1]!, d[i + 2]!);
        const apart = Math.max(Math.abs(d[i]! - r0), Math.abs(d[i + 1]! - g0), Math.abs(d[i + 2]! - b0));
        if (hi >= EMOJI_BRIGHT && hi - lo >= EMOJI_CHROMA && apart >= EMOJI_CHROMA) colour++;
      }
    }
    return colour >= EMOJI_COLOUR * b.w * b.h;
  };
  const judged = new Map<OcrWord, boolean>();
  return withoutWords(result, (w, line) => {
    if (!judged.has(w)) judged.set(w, emoji(w, line));
    return judged.get(w)!;
  });
}

/** The commonest colour of `box` in `rgba` (the mean of the commonest of its colours taken 16 levels a channel at a time). */
function commonColour(rgba: RgbaRaster, box: Box): [number, number, number] {
  const counts = new Uint32Array(4096), sums = new Float64Array(4096 * 3);
  const d = rgba.data;
  for (let y = box.y; y < box.y + box.h; y++) {
    for (let i = (y * rgba.width + box.x) * 4, end = i + box.w * 4; i < end; i += 4) {
      const k = ((d[i]! >> 4) << 8) | ((d[i + 1]! >> 4) << 4) | (d[i + 2]! >> 4);
      counts[k]!++;
      sums[k * 3]! += d[i]!; sums[k * 3 + 1]! += d[i + 1]!; sums[k * 3 + 2]! += d[i + 2]!;
    }
  }
  let best = 0;
  for (let k = 1; k < counts.length; k++) if (counts[k]! > counts[best]!) best = k;
  const n = Math.max(1, counts[best]!);
  return [sums[best * 3]! / n, sums[best * 3 + 1]! / n, sums[best * 3 + 2]! / n];
}

/** An emoji is at least this share of the height of its line's words, across and down. */
const EMOJI_SIZE = 0.6;
/** An emoji is read as at most this many characters. */
const EMOJI_TEXT = 3;
/** Least share of an emoji's box in saturated colour. */
const EMOJI_COLOUR = 0.4;
/** A saturated colour's brightest channel is at least this, its channels this far apart. */
const EMOJI_BRIGHT = 120;
const EMOJI_CHROMA = 80;

/** Only words read with less confidence than this are checked for ink. */
const BLANK_WORD_CONFIDENCE = 25;
/** A box with less than this share of ink is blank. */
const BLANK_WORD_INK = 0.03;

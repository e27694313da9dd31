/**
 * The dossier's fonts: Noto Sans TC and SC, regular and bold, embedded as subsets through fontkit so
 * a dossier carries only the glyphs it prints. Each character is drawn with the first font that has
 * it (the case language's own font first, because the same code point is drawn differently in
 * Traditional and Simplified typefaces). A character that no font has is replaced by a visible
 * marker 〓 (the conventional "missing character" mark) and listed in the build report: a dossier
 * must not silently drop a character, and refusing to export a whole case because an SMS contained
 * an emoji would help nobody.
 */
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import type { Language } from '../case/schema';
import { clusters } from './line-break';

/** The four font programs the dossier needs, as bytes (TTF). */
export interface DossierFontBytes {
  tcRegular: Uint8Array;
  tcBold: Uint8Array;
  scRegular: Uint8Array;
  scBold: Uint8Array;
}

/** The marker printed in place of a character no font can draw. */
export const MISSING_GLYPH_MARKER = '〓';

/** A piece of text that one font draws. */
export interface FontRun {
  font: PDFFont;
  text: string;
}

/** Fonts of one document with per-character fallback and width measurement. */
export interface FontSet {
  /** Splits text into runs, each drawn by one font; characters without a glyph become the marker. */
  runs(text: string, isBold?: boolean): FontRun[];
  /** Width of text in points at a size, as `runs` would draw it. */
  width(text: string, size: number, isBold?: boolean): number;
  /** Characters that no font could draw, in first-seen order. */
  missing(): string[];
}

type Family = 'tc' | 'sc';

/**
 * Embeds the four fonts into a document (as subsets: a font nobody draws with costs under a kilobyte)
 * and returns the fallback-aware font set.
 */
export async function createFontSet(doc: PDFDocument, bytes: DossierFontBytes, language: Language): Promise<FontSet> {
  padSubsetGlyphs(bytes.tcBold);
  doc.registerFontkit(fontkit);
  const order: Family[] = language === 'zh-CN' ? ['sc', 'tc'] : ['tc', 'sc'];
  const [tcRegular, tcBold, scRegular, scBold] = await Promise.all(
    [bytes.tcRegular, bytes.tcBold, bytes.scRegular, bytes.scBold].map((b) => doc.embedFont(b, { subset: true })),
  );
  const fonts: Record<Family, { regular: PDFFont; bold: PDFFont }> = {
    tc: { regular: tcRegular!, bold: tcBold! },
    sc: { regular: scRegular!, bold: scBold! },
  };
  const coverage = new Map<Family, Set<number>>();
  const missing = new Set<string>();
  // Advance widths at size 1000, per font and character: the line breaker measures a lot.
  const widths = new Map<PDFFont, Map<string, number>>();

  const font = (family: Family, isBold: boolean): PDFFont => (isBold ? fonts[family].bold : fonts[family].regular);
  // Bold and regular of one family cover the same characters, so the regular's set stands for both.
  const covers = (family: Family, cp: number): boolean => {
    let set = coverage.get(family);
    if (!set) {
      set = new Set(font(family, false).getCharacterSet());
      coverage.set(family, set);
    }
    return set.has(cp);
  };
  const familyOf = (ch: string): Family | undefined => {
    const cp = ch.codePointAt(0) ?? 0;
    for (const family of order) if (covers(family, cp)) return family;
    return undefined;
  };

  const runs = (text: string, isBold = false): FontRun[] => {
    const out: Array<{ family: Family; text: string }> = [];
    for (const cluster of clusters(text)) {
      const base = Array.from(cluster)[0] ?? '';
      let family = familyOf(base);
      let piece = cluster;
      if (!family) {
        const cp = base.codePointAt(0) ?? 0;
        // Controls and zero-width format characters are never drawn, and are not "missing".
        if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0x200b && cp <= 0x200f) || cp === 0xfeff) continue;
        missing.add(base);
        family = order[0]!;
        piece = MISSING_GLYPH_MARKER;
      } else if (cluster !== base) {
        // Marks the chosen font lacks (variation selectors, mostly) are dropped rather than drawn as boxes.
        piece = Array.from(cluster).filter((c, i) => i === 0 || covers(family!, c.codePointAt(0) ?? 0)).join('');
      }
      const last = out[out.length - 1];
      if (last && last.family === family) last.text += piece;
      else out.push({ family, text: piece });
    }
    return out.map((r) => ({ font: font(r.family, isBold), text: r.text }));
  };

  const widthOf = (f: PDFFont, text: string): number => {
    let cache = widths.get(f);
    if (!cache) widths.set(f, (cache = new Map()));
    let sum = 0;
    for (const ch of clusters(text)) {
      let w = cache.get(ch);
      if (w === undefined) {
        w = f.widthOfTextAtSize(ch, 1000);
        cache.set(ch, w);
      }
      sum += w;
    }
    return sum;
  };

  return {
    runs,
    width: (text, size, isBold = false) => runs(text, isBold).reduce((acc, r) => acc + widthOf(r.font, r.text), 0) * (size / 1000),
    missing: () => [...missing],
  };
}

/** The part of fontkit's TrueType subsetter that the padding fix touches. */
interface TtfSubsetInternals {
  _addGlyph(gid: number): number;
  glyf: Uint8Array[];
  offset: number;
}
let isSubsetPatched = false;

/**
 * Fixes a fontkit 1.x subsetting bug that drops glyphs: the subsetter copies glyph records as they
 * are and then writes a short-format `loca` table (offsets stored halved) whenever the subset is under
 * 128 KB. Short offsets must be even, so after the first glyph of odd length every later glyph is
 * read from the wrong place and renders blank — Noto Sans TC Bold has many odd-length glyphs. Padding
 * each glyph record to an even length (allowed by the TrueType spec) keeps every offset exact.
 * Applied once to the subsetter's prototype; test/shared/dossier/fonts.test.ts renders bold text to
 * prove it still holds after any fontkit upgrade.
 */
function padSubsetGlyphs(program: Uint8Array): void {
  if (isSubsetPatched) return;
  const font = fontkit.create(program) as unknown as { createSubset(): object };
  const proto = Object.getPrototypeOf(font.createSubset()) as TtfSubsetInternals;
  if (typeof proto._addGlyph !== 'function') return;
  const addGlyph = proto._addGlyph;
  proto._addGlyph = function padded(this: TtfSubsetInternals, gid: number): number {
    const index = addGlyph.call(this, gid);
    const record = this.glyf[index];
    if (record && record.length % 2 === 1) {
      const Ctor = record.constructor as { alloc?: (n: number) => Uint8Array; concat?: (list: Uint8Array[]) => Uint8Array };
      let even: Uint8Array;
      if (Ctor.alloc && Ctor.concat) even = Ctor.concat([record, Ctor.alloc(1)]);
      else {
        even = new Uint8Array(record.length + 1);
        even.set(record);
      }
      this.glyf[index] = even;
      this.offset += 1;
    }
    return index;
  };
  isSubsetPatched = true;
}

/**
 * Cleans the engine's output: tesseract separates CJK characters with spaces (each is a "word"),
 * writes full-width digits where ASCII ones are meant, and reports boxes in the coordinates of
 * the preprocessed raster. Spaces between Latin words and numbers are kept.
 */
import type { OcrLine, OcrResult, OcrWord } from './engine';
import type { Box } from './raster';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018\u2019\u201c\u201d\u2026\u00b7]/u;

/** True for a CJK ideograph/kana/hangul, CJK or full-width punctuation. */
export function isCjk(ch: string): boolean {
  return CJK.test(ch);
}

/**
 * Removes spaces next to CJK characters or full-width punctuation (tesseract's artefacts),
 * keeping spaces between Latin words and numbers, and collapsing runs of spaces.
 */
export function removeCjkSpaces(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const chars = Array.from(line.replace(/[ \t\u00a0]+/g, ' ').trim());
      let out = '';
      for (let i = 0; i < chars.length; i++) {
        const ch = chars[i]!;
        if (ch === ' ') {
          const prev = out.length ? Array.from(out).pop()! : '';
          const next = chars[i + 1] ?? '';
          if (isCjk(prev) || isCjk(next)) continue;
        }
        out += ch;
      }
      return out;
    })
    .join('\n');
}

/**
 * Full-width ASCII letters and digits (Ａ–Ｚ, ａ–ｚ, ０–９) and the ideographic space become
 * ASCII: phone numbers and amounts written full-width are the same numbers. Full-width
 * punctuation (，：（）) is Chinese typography and stays.
 */
export function normaliseFullWidth(text: string): string {
  return text.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000]/g, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * Dashes between digits (phone numbers, account numbers) read as the ideograph 一 or as long or
 * full-width dashes become "-": no Chinese text puts 一 between two ASCII digits.
 */
export function normaliseDigitDashes(text: string): string {
  return text.replace(/(?<=\d)\s?[一—–－‐‑ー]\s?(?=\d)/g, '-');
}

/** Applies the text clean-ups to a string. */
export function cleanText(text: string): string {
  return normaliseDigitDashes(removeCjkSpaces(normaliseFullWidth(text)))
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Joins the words of one line: no space where a CJK character meets another character, unless
 * the gap between their boxes is wide (a real space, e.g. between a date and a time); one space
 * between Latin words and numbers.
 */
export function joinLineWords(words: readonly OcrWord[]): string {
  const heights = words.map((w) => w.box.h).sort((a, b) => a - b);
  const charHeight = heights[Math.floor(heights.length / 2)] ?? 0;
  let out = '';
  let prev: OcrWord | undefined;
  for (const w of words) {
    const text = normaliseFullWidth(w.text).trim();
    if (!text) continue;
    if (prev) {
      const a = Array.from(out).pop() ?? '';
      const b = Array.from(text)[0] ?? '';
      const gap = w.box.x - (prev.box.x + prev.box.w);
      if (!(isCjk(a) || isCjk(b)) || (charHeight > 0 && gap > charHeight * 0.6)) out += ' ';
    }
    out += removeCjkSpaces(text);
    prev = w;
  }
  return normaliseDigitDashes(out);
}

/** Maps a box of the processed raster back to the original; identity when not needed. */
export type BoxMapper = (box: Box) => Box;

/**
 * Rebuilds text, words and lines from the engine's result: CJK spacing fixed from word
 * geometry, full-width digits normalised, boxes mapped back with `mapBox`, empty words dropped.
 */
export function postprocess(result: OcrResult, mapBox: BoxMapper = (b) => b): OcrResult {
  const lines: OcrLine[] = [];
  for (const line of result.lines) {
    const words = line.words
      .map((w) => ({ text: normaliseFullWidth(w.text).trim(), confidence: w.confidence, box: mapBox(w.box) }))
      .filter((w) => w.text.length > 0);
    if (!words.length) continue;
    // Join with the engine's geometry (before mapping) so gaps are measured in one frame.
    const text = joinLineWords(line.words.filter((w) => w.text.trim()));
    if (!text) continue;
    lines.push({ text, confidence: line.confidence, box: mapBox(line.box), words });
  }
  const words = lines.flatMap((l) => l.words);
  const text = lines.length ? lines.map((l) => l.text).join('\n') : cleanText(result.text);
  const confidence = words.length ? words.reduce((s, w) => s + w.confidence, 0) / words.length : result.confidence;
  return { text, confidence: Math.round(confidence * 10) / 10, words, lines };
}

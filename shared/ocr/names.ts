/**
 * Names the evidence of a telecom dispute keeps printing: operators and their brands, in
 * Traditional and Simplified forms. A character the engine read with little confidence inside
 * what is otherwise one of these names (袁傳電信 for 遠傳電信, 天辟 for 天翼) is put right.
 */
import type { OcrLine, OcrResult, OcrWord } from './engine';
import { lineOf, resultOf } from './lines';

/** Operators of Taiwan, mainland China and Hong Kong, and brands printed on their bills. */
export const KNOWN_NAMES: readonly string[] = [
  '中華電信', '遠傳電信', '台灣大哥大', '亞太電信', '台灣之星',
  '中國移動', '中国移动', '中國聯通', '中国联通', '中國電信', '中国电信', '中國廣電', '中国广电',
  '香港電訊', '數碼通', '和記電訊',
  '天翼', '沃家', '咪咕',
];

/** A character differing from a name is put right when read with less confidence than this. */
const UNSURE = 40;
/** …and in a name of two characters, less than this. */
const UNSURE_SHORT = 20;

/**
 * `result` with known names put right: where a line's characters match one of `names` but for
 * one, read with confidence below {@link UNSURE} (below {@link UNSURE_SHORT} in a name of two),
 * or a symbol or punctuation mark inside a name of three or more, that character is replaced. Words keep their boxes and confidences; the same object is
 * returned when nothing changes.
 */
export function correctKnownNames(result: OcrResult, names: readonly string[] = KNOWN_NAMES): OcrResult {
  let changed = false;
  const lines = result.lines.map((line) => {
    const fixed = correctLine(line, names);
    if (fixed === line) return line;
    changed = true;
    return fixed;
  });
  return changed ? resultOf(lines, result.confidence) : result;
}

function correctLine(line: OcrLine, names: readonly string[]): OcrLine {
  // The line's characters without spaces, each with its word and place in the word's text.
  const chars: Array<{ ch: string; word: number; at: number; confidence: number }> = [];
  line.words.forEach((w, k) => {
    Array.from(w.text).forEach((ch, at) => {
      if (!/\s/u.test(ch)) chars.push({ ch, word: k, at, confidence: w.confidence });
    });
  });
  const texts = line.words.map((w) => Array.from(w.text));
  let changed = false;
  for (const name of names) {
    const target = Array.from(name);
    for (let i = 0; i + target.length <= chars.length; i++) {
      const differing = target.map((_, j) => j).filter((j) => chars[i + j]!.ch !== target[j]);
      if (differing.length !== 1) continue;
      const j = differing[0]!, c = chars[i + j]!;
      // A symbol inside a name of three or more characters is no word, however sure the engine
      // is of it (the bold 哥 of 台灣大哥大 read as "=" at 83).
      const inside = target.length >= 3 && j > 0 && j < target.length - 1 && /^[\p{S}\p{P}]$/u.test(c.ch);
      if (!inside && (c.confidence >= (target.length === 2 ? UNSURE_SHORT : UNSURE) || !/\p{Script=Han}/u.test(c.ch))) continue;
      texts[c.word]![c.at] = target[differing[0]!]!;
      c.ch = target[differing[0]!]!;
      changed = true;
    }
  }
  if (!changed) return line;
  const words: OcrWord[] = line.words.map((w, k) => (texts[k]!.join('') === w.text ? w : { ...w, text: texts[k]!.join('') }));
  return lineOf(words, line.confidence);
}

/**
 * Line breaking for mixed Chinese / Latin text, measured with the real font. pdf-lib draws one line
 * at a time and knows nothing about CJK, so the dossier breaks lines itself:
 * - CJK text may break between any two characters;
 * - kinsoku: closing punctuation never starts a line, opening punctuation never ends one;
 * - Latin words break at spaces and are hard-split only when one word is longer than a line;
 * - a surrogate pair (or a character with its combining marks) is never split.
 */

/** Width of a string in the units of the line width (points at the size being laid out). */
export type Measure = (text: string) => number;

/** Punctuation that may not start a line. */
const CLOSING = new Set(Array.from('。，、；：？！）」』】〉》〕〗〙〛｝］”’・ー…‥％〜～｡､｣,.;:?!)]}%'));
/** Punctuation that may not end a line. */
const OPENING = new Set(Array.from('「『（【〈《〔〖〘〚｛［“‘｢([{'));

/**
 * True for characters that form their own break unit: Han ideographs, kana, Hangul, CJK symbols and
 * punctuation, full-width forms.
 */
export function isCjk(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return (
    (cp >= 0x2e80 && cp <= 0x9fff) || // radicals, CJK punctuation, kana, bopomofo, unified ideographs
    (cp >= 0xac00 && cp <= 0xd7af) || // Hangul
    (cp >= 0xf900 && cp <= 0xfaff) || // compatibility ideographs
    (cp >= 0xfe30 && cp <= 0xfe4f) || // vertical forms
    (cp >= 0xff00 && cp <= 0xffef) || // full-width and half-width forms
    (cp >= 0x20000 && cp <= 0x3ffff) // supplementary ideographs
  );
}

/** Combining marks, variation selectors and ZWJ: they belong to the character before them. */
function isCombining(cp: string): boolean {
  const c = cp.codePointAt(0) ?? 0;
  return (c >= 0x300 && c <= 0x36f) || (c >= 0x1ab0 && c <= 0x1aff) || (c >= 0x20d0 && c <= 0x20ff) || (c >= 0xfe00 && c <= 0xfe0f) || c === 0x200d || (c >= 0xe0100 && c <= 0xe01ef);
}

/**
 * Splits a string into characters that must stay whole: code points, with combining marks,
 * variation selectors and zero-width joiners kept on the character before them.
 */
export function clusters(text: string): string[] {
  const out: string[] = [];
  let joinNext = false;
  for (const cp of text) {
    if (out.length > 0 && (joinNext || isCombining(cp))) {
      out[out.length - 1] += cp;
      joinNext = cp === '\u200d';
    } else {
      out.push(cp);
      joinNext = false;
    }
  }
  return out;
}

type Unit = { text: string; isSpace: boolean };

/** Break units of one paragraph: spaces, Latin words, single CJK characters; kinsoku applied. */
function units(paragraph: string): Unit[] {
  const raw: Unit[] = [];
  let word = '';
  const flush = () => {
    if (word) raw.push({ text: word, isSpace: false });
    word = '';
  };
  for (const ch of clusters(paragraph)) {
    if (/^\s/u.test(ch) && ch !== '\u3000') {
      flush();
      const last = raw[raw.length - 1];
      if (last?.isSpace) last.text += ch;
      else raw.push({ text: ch, isSpace: true });
    } else if (isCjk(ch) || CLOSING.has(ch) || OPENING.has(ch)) {
      // A closing mark right after a Latin word stays glued to it ("word," / "NT$649)").
      if (CLOSING.has(ch) && word) {
        word += ch;
        continue;
      }
      flush();
      raw.push({ text: ch, isSpace: false });
    } else {
      // Latin after an opening mark stays glued to it: "(D-2231" breaks before the bracket.
      const last = raw[raw.length - 1];
      if (!word && last && !last.isSpace && OPENING.has(Array.from(last.text).pop() ?? '')) {
        raw.pop();
        word = last.text;
      }
      word += ch;
    }
  }
  flush();
  // Opening punctuation joins the unit after it (right to left so 「『 chains hold together).
  const opened: Unit[] = [];
  for (let i = raw.length - 1; i >= 0; i--) {
    const u = raw[i]!;
    const next = opened[0];
    if (!u.isSpace && next && !next.isSpace && OPENING.has(Array.from(u.text).pop() ?? '')) next.text = u.text + next.text;
    else opened.unshift({ ...u });
  }
  // Closing punctuation joins the unit before it.
  const out: Unit[] = [];
  for (const u of opened) {
    const prev = out[out.length - 1];
    if (!u.isSpace && prev && !prev.isSpace && CLOSING.has(Array.from(u.text)[0] ?? '')) prev.text += u.text;
    else out.push(u);
  }
  return out;
}

/** Hard-splits a unit wider than a line, a whole character at a time. */
function hardSplit(text: string, maxWidth: number, measure: Measure): string[] {
  const out: string[] = [];
  let line = '';
  for (const ch of clusters(text)) {
    if (line && measure(line + ch) > maxWidth) {
      out.push(line);
      line = ch;
    } else {
      line += ch;
    }
  }
  if (line) out.push(line);
  return out;
}

/**
 * Breaks text into lines no wider than `maxWidth` (a unit wider than a line on its own is split).
 * `\n` starts a new paragraph; an empty paragraph yields an empty line. Spaces at a break vanish.
 */
export function breakLines(text: string, maxWidth: number, measure: Measure): string[] {
  const lines: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    let line = '';
    let pendingSpace = '';
    for (const u of units(paragraph)) {
      if (u.isSpace) {
        if (line) pendingSpace += u.text;
        continue;
      }
      const candidate = line + pendingSpace + u.text;
      if (!line || measure(candidate) <= maxWidth) {
        if (!line && measure(u.text) > maxWidth) {
          const parts = hardSplit(u.text, maxWidth, measure);
          lines.push(...parts.slice(0, -1));
          line = parts[parts.length - 1] ?? '';
        } else {
          line = candidate;
        }
        pendingSpace = '';
        continue;
      }
      lines.push(line);
      pendingSpace = '';
      if (measure(u.text) > maxWidth) {
        const parts = hardSplit(u.text, maxWidth, measure);
        lines.push(...parts.slice(0, -1));
        line = parts[parts.length - 1] ?? '';
      } else {
        line = u.text;
      }
    }
    lines.push(line);
  }
  return lines;
}

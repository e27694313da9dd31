/**
 * CJK-aware search across evidence text: full-width forms, case, whitespace and Traditional vs
 * Simplified characters are folded away, so 「帳單」 finds 账单 and ＮＴ＄６４９ finds NT$649.
 * Folding is character by character, so every match maps back to a span of the original text.
 */
import * as OpenCC from 'opencc-js/t2cn';

let toSimplified: ((s: string) => string) | undefined;

/** Variant characters that conversion leaves apart but a reader treats as the same. */
const VARIANTS: Record<string, string> = { 帐: '账', 臺: '台', 裡: '里', 裏: '里', 着: '著', 羣: '群', 峯: '峰', 綫: '线' };
const charCache = new Map<string, string>();

function foldChar(ch: string): string {
  let out = charCache.get(ch);
  if (out !== undefined) return out;
  toSimplified ??= OpenCC.Converter({ from: 't', to: 'cn' });
  const nfkc = ch.normalize('NFKC').toLowerCase();
  out = [...nfkc].map((c) => {
    const simplified = c.charCodeAt(0) > 0x2e7f ? toSimplified!(c) : c;
    return VARIANTS[simplified] ?? simplified;
  }).join('');
  // Keep the fold one character wide where possible, so spans stay exact.
  if ([...out].length !== 1) out = nfkc.length === 1 ? nfkc : ch;
  charCache.set(ch, out);
  return out;
}

/** Folded text and, per folded character, the index of the original character it came from. */
export interface FoldedText {
  text: string;
  origin: number[];
}

/** Folds a text for searching; whitespace is dropped. */
export function foldForSearch(text: string): FoldedText {
  let folded = '';
  const origin: number[] = [];
  let i = 0;
  for (const ch of text) {
    if (!/\s/u.test(ch)) {
      const f = foldChar(ch);
      folded += f;
      for (let k = 0; k < f.length; k++) origin.push(i);
    }
    i += ch.length;
  }
  return { text: folded, origin };
}

/** One hit in a text, as a span of the original string. */
export interface SearchHit {
  start: number;
  end: number;
}

/** Every occurrence of `query` in `text` (folded comparison), as spans of `text`. */
export function searchText(text: string, query: string, folded: FoldedText = foldForSearch(text)): SearchHit[] {
  const q = foldForSearch(query).text;
  if (!q) return [];
  const hits: SearchHit[] = [];
  let from = 0;
  for (;;) {
    const at = folded.text.indexOf(q, from);
    if (at < 0) break;
    const start = folded.origin[at]!;
    const lastOrigin = folded.origin[at + q.length - 1]!;
    const end = lastOrigin + (text.codePointAt(lastOrigin)! > 0xffff ? 2 : 1);
    hits.push({ start, end });
    from = at + q.length;
  }
  return hits;
}

/** A short excerpt around a hit, with the hit's position inside the excerpt. */
export function excerpt(text: string, hit: SearchHit, radius = 24): { before: string; match: string; after: string } {
  const a = Math.max(0, hit.start - radius);
  const b = Math.min(text.length, hit.end + radius);
  const clean = (s: string) => s.replace(/\s+/g, ' ');
  return {
    before: (a > 0 ? '…' : '') + clean(text.slice(a, hit.start)),
    match: text.slice(hit.start, hit.end),
    after: clean(text.slice(hit.end, b)) + (b < text.length ? '…' : ''),
  };
}

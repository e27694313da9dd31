import { describe, expect, it } from 'vitest';
import { breakLines, clusters } from '../../../shared/dossier/line-break';

// A monospace measure: CJK and full-width characters are 2 units, everything else 1.
const measure = (s: string) => Array.from(s).reduce((a, ch) => a + (/[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]|[\u{20000}-\u{3ffff}]/u.test(ch) ? 2 : 1), 0);

describe('breakLines', () => {
  it.each([
    ['CJK breaks between any two characters', '親愛的用戶您好', 6, ['親愛的', '用戶您', '好']],
    ['closing punctuation never starts a line', '您好。謝謝', 4, ['您', '好。', '謝謝']],
    ['a run of closing marks stays with the character before', '他說「好」。再見', 8, ['他說', '「好」。', '再見']],
    ['opening punctuation never ends a line', '申辦門號「0912」', 10, ['申辦門號', '「0912」']],
    ['opening bracket before CJK moves down with it', '銷售據點（經銷商）', 10, ['銷售據點', '（經銷商）']],
    ['Latin words break at spaces', 'the quick brown fox', 10, ['the quick', 'brown fox']],
    ['a word longer than a line is hard-split', 'TK113100800217', 6, ['TK1131', '008002', '17']],
    ['Latin glued to CJK may break at the script boundary', 'mPro加值服務', 5, ['mPro', '加值', '服務']],
    ['a comma after a Latin word stays with it', 'NT$649，繳費', 8, ['NT$649，', '繳費']],
    ['newlines start paragraphs; empty ones are kept', '第一行\n\n第二行', 20, ['第一行', '', '第二行']],
    ['spaces at a break vanish', 'aaa   bbb', 4, ['aaa', 'bbb']],
    ['a supplementary-plane character is never split', '𠀋𠀋𠀋', 3, ['𠀋', '𠀋', '𠀋']],
  ])('%s', (_, text, width, expected) => {
    expect(breakLines(text, width, measure)).toEqual(expected);
  });

  it('never splits a surrogate pair or a character from its variation selector', () => {
    for (const width of [1, 2, 3, 5]) {
      for (const line of breakLines('葛\u{E0100}😀a😀', width, measure)) {
        expect(line).not.toMatch(/[\ud800-\udbff]$|^[\udc00-\udfff]/);
        expect(line.startsWith('\u{E0100}')).toBe(false);
      }
    }
    expect(clusters('葛\u{E0100}x')).toEqual(['葛\u{E0100}', 'x']);
  });

  it('keeps every character exactly once (spaces at breaks aside)', () => {
    const text = '【中華電信】親愛的用戶您好，您申辦之mPro加值服務免費試用期將於113/09/30屆滿，屆滿後將自動停止服務。';
    for (const width of [4, 7, 12, 30]) {
      const lines = breakLines(text, width, measure);
      expect(lines.join('')).toBe(text);
      for (const line of lines) {
        expect(line).not.toMatch(/^[。，、；：？！）」』】]/);
        expect(line).not.toMatch(/[「『（【]$/);
      }
    }
  });
});

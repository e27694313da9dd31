import { describe, expect, it } from 'vitest';
import { excerpt, foldForSearch, searchText } from '../../shared/text/search';

describe('searchText', () => {
  it.each([
    ['您113年10月份帳單金額為NT$649元', '账单金额', '帳單金額'],
    ['您113年10月份帳單金額為NT$649元', 'nt$649', 'NT$649'],
    ['帳單金額為ＮＴ＄６４９元', 'NT$649', 'ＮＴ＄６４９'],
    ['【中国电信】您的账户已欠费54.00元', '帳戶已欠費', '账户已欠费'],
    ['申訴案號 TK113100800217', 'tk 1131008', 'TK1131008'],
    ['中 華 電 信 行 動', '中華電信', '中 華 電 信'],
  ])('finds %j in %j', (text, query, match) => {
    const hits = searchText(text, query);
    expect(hits).toHaveLength(1);
    expect(text.slice(hits[0]!.start, hits[0]!.end)).toBe(match);
  });

  it('finds every occurrence and nothing for an empty query', () => {
    expect(searchText('月租費 599；月租費 50', '月租费')).toHaveLength(2);
    expect(searchText('abc', '  ')).toEqual([]);
    expect(searchText('abc', 'x')).toEqual([]);
  });

  it('keeps spans right around characters outside the BMP', () => {
    const text = '𠀋收據𠀋金額';
    const [hit] = searchText(text, '金额');
    expect(text.slice(hit!.start, hit!.end)).toBe('金額');
    expect(foldForSearch('𠀋').origin).toEqual([0, 0]);
  });

  it('makes excerpts', () => {
    const text = '繳費期限：113/11/20 帳號：8812-4471-0093';
    const [hit] = searchText(text, '帐号');
    expect(excerpt(text, hit!, 5)).toEqual({ before: '…1/20 ', match: '帳號', after: '：8812…' });
  });
});

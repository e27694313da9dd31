import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EvidenceId, EvidenceKind, TimelineEvent } from '../../../shared/case/schema';
import {
  categoryFromWords, eventFromSuggestion, openSuggestions, proposeTitle, sentenceAround, suggestFromExhibit, suggestionKey,
} from '../../../renderer/src/timeline/suggest';

const fixture = (name: string) => readFileSync(`test/fixtures/evidence/${name}.gt.txt`, 'utf8');
const id = (s: string) => s as EvidenceId;
const suggest = (name: string, kind: EvidenceKind, jurisdiction: 'TW' | 'CN' = 'TW', date?: string) => {
  const text = fixture(name);
  return suggestFromExhibit({ id: id(name), kind, text, date }, jurisdiction).map((s) => ({
    date: s.date, time: s.time, category: s.category, title: s.title, sentence: text.slice(s.start, s.end), marked: text.slice(s.dateStart, s.dateEnd),
  }));
};

describe('suggestions from the fixtures', () => {
  it('reads the call log line by line', () => {
    expect(suggest('callog_tw', 'note')).toEqual([
      { date: '2024-10-08', time: '14:20', category: 'call', title: '致電0800-080-090，客服人員編號 C1093', sentence: '2024/10/08 14:20 致電0800-080-090，客服人員編號 C1093，申訴案號 TK113100800217', marked: '2024/10/08 14:20' },
      { date: '2024-10-15', time: undefined, category: 'written-complaint', title: '以書面寄送申訴函至電信公司及NCC', sentence: '2024/10/15 以書面寄送申訴函至電信公司及NCC。', marked: '2024/10/15' },
      { date: '2024-10-16', time: undefined, category: 'call', title: '客服經理來電，要求簽署保密協定', sentence: '2024/10/16 客服經理來電，要求簽署保密協定。', marked: '2024/10/16' },
    ]);
  });

  it('takes an SMS header with the message under it, and dates inside the message with their clause', () => {
    const got = suggest('sms_tw_addon', 'sms');
    expect(got.map((s) => [s.date, s.category, s.title])).toEqual([
      ['2024-09-15', 'sms', '您申辦之mPro加值服務免費試用期將於113/09/30屆滿'],
      ['2024-09-30', 'deadline', '您申辦之mPro加值服務免費試用期將於113/09/30屆滿'],
      ['2024-11-03', 'sms', '您113年10月份帳單金額為NT$649元'],
      ['2024-10', 'bill', '您113年10月份帳單金額為NT$649元'],
      ['2024-11-20', 'deadline', '繳費期限113/11/20'],
    ]);
    expect(got[0]!.sentence).toBe('2024年9月15日 上午10:32\n【中華電信】親愛的用戶您好，您申辦之mPro加值服務免費試用期將於113/09/30屆滿，屆滿後將自動停止服務，如需繼續使用請撥打客服專線800申請。');
    expect(got[0]!.marked).toBe('2024年9月15日 上午10:32');
    expect(got[1]!.marked).toBe('113/09/30');
  });

  it('names a labelled date by its label, both ends of a range included', () => {
    expect(suggest('bill_tw_monthly', 'bill').map((s) => [s.date, s.category, s.title])).toEqual([
      ['2024-10-01', 'bill', '帳單期間'],
      ['2024-10-31', 'bill', '帳單期間'],
      ['2024-11-20', 'deadline', '繳費期限'],
    ]);
    expect(suggest('contract_tw_scan', 'contract').map((s) => [s.date, s.category, s.title])).toEqual([['2023-05-12', 'contract', '申辦日期']]);
  });

  it('reads Simplified Chinese messages', () => {
    expect(suggest('sms_cn_broadband', 'sms', 'CN').map((s) => [s.date, s.time, s.category, s.title])).toEqual([
      ['2009-12-03', '09:15', 'sms', '您已办理200元300小时宽带套餐，新套餐将于2010年1月1日生效'],
      ['2010-01-01', undefined, 'contract', '新套餐将于2010年1月1日生效'],
      ['2009-12-06', '20:41', 'sms', '您的账户已欠费54.00元，请及时缴费以免影响使用'],
    ]);
  });

  it('anchors year-less dates and relative words to the exhibit date', () => {
    const text = '10/15 門市人員說會退款。昨天致電客服。';
    const withDate = suggestFromExhibit({ id: id('n'), kind: 'note', text, date: '2023-10-20' }, 'TW');
    expect(withDate.map((s) => [s.date, s.category])).toEqual([['2023-10-15', 'store-visit'], ['2023-10-19', 'call']]);
    expect(withDate.every((s) => suggestFromExhibit({ id: id('n'), kind: 'note', text, date: '2023-10-20' }, 'TW').some((t) => t.key === s.key))).toBe(true);
    // Without an exhibit date, nothing anchors them: no guesses.
    expect(suggestFromExhibit({ id: id('n'), kind: 'note', text }, 'TW')).toEqual([]);
    // A full date in the text anchors a year-less one.
    const mixed = suggestFromExhibit({ id: id('m'), kind: 'note', text: '2024/10/08 來電。10/15 寄出申訴函。' }, 'TW');
    expect(mixed.map((s) => [s.date, s.isYearInferred, s.category])).toEqual([['2024-10-08', false, 'call'], ['2024-10-15', true, 'written-complaint']]);
  });

  it('suggests each date of an exhibit once', () => {
    const got = suggestFromExhibit({ id: id('d'), kind: 'note', text: '2024/10/08 致電客服。\n2024/10/08 客服回覆會處理。' }, 'TW');
    expect(got.map((s) => s.date)).toEqual(['2024-10-08']);
  });
});

describe('sentenceAround', () => {
  it.each([
    ['First line.\nOn 2024-10-08 I called. Then more.', 'On 2024-10-08 I called.'],
    ['They charged NT$1.5 on 2024-10-08 again', 'They charged NT$1.5 on 2024-10-08 again'],
    ['前言。於2024/10/08致電客服；後續', '於2024/10/08致電客服；'],
  ])('%j', (text, sentence) => {
    const at = text.indexOf('2024');
    const span = sentenceAround(text, at, at + 10);
    expect(text.slice(span.start, span.end)).toBe(sentence);
  });
});

describe('categories and titles', () => {
  it.each([
    ['致電客服，申訴案號 TK1', 'call'],
    ['向NCC提出申訴', 'regulator-filing'],
    ['以書面寄送申訴函至電信公司及NCC', 'written-complaint'],
    ['向12300申诉', 'regulator-filing'],
    ['到門市辦理', 'store-visit'],
    ['業者函覆表示不退費', 'company-reply'],
    ['客服表示將賠償三千元', 'offer'],
    ['I called the hotline about the bill', 'call'],
    ['Filed a complaint with OFCA', 'written-complaint'],
    ['The bill was charged twice', 'bill'],
    ['沒有任何關鍵字', undefined],
  ])('%s → %s', (text, category) => {
    expect(categoryFromWords(text)).toBe(category);
  });

  it.each([
    ['【中華電信】親愛的用戶您好，您的帳單已出帳。', '您的帳單已出帳'],
    ['Dear customer, your plan renews on 1 May.', 'your plan renews on 1 May'],
    ['一二三四五六七八九十'.repeat(4) + '一二三四五', `${'一二三四五六七八九十'.repeat(3)}一二三四五六七八九…`],
  ])('%j → %j', (body, title) => {
    expect(proposeTitle(body)).toBe(title);
  });
});

describe('open suggestions and accepting', () => {
  const text = fixture('callog_tw');
  const all = suggestFromExhibit({ id: id('log'), kind: 'note', text }, 'TW');

  it('hides dismissed dates and dates already on an event linked to that exhibit', () => {
    const events: Pick<TimelineEvent, 'date' | 'evidence' | 'spans'>[] = [
      { date: '2024-10-08', evidence: [id('log')], spans: [] },
      { date: '2024-10-16', evidence: [id('other')], spans: [] },
    ];
    const open = openSuggestions(all, events, new Set([suggestionKey('log', '2024-10-15')]));
    expect(open.map((s) => s.date)).toEqual(['2024-10-16']);
  });

  it('turns a suggestion into an event linked to the exhibit and the sentence', () => {
    const s = all[1]!;
    const event = eventFromSuggestion(s, 'ev1' as TimelineEvent['id'], { title: '寄出申訴函' });
    expect(event).toEqual({
      id: 'ev1', date: '2024-10-15', title: '寄出申訴函', detail: '', category: 'written-complaint',
      evidence: ['log'], spans: [{ evidence: 'log', start: s.start, end: s.end }],
    });
    expect(text.slice(s.start, s.end)).toBe('2024/10/15 以書面寄送申訴函至電信公司及NCC。');
    expect(openSuggestions(all, [event], new Set()).map((x) => x.date)).toEqual(['2024-10-08', '2024-10-16']);
  });
});

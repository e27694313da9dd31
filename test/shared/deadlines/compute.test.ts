import { describe, expect, it } from 'vitest';
import { EventSchema, type Jurisdiction, type TimelineEvent } from '../../../shared/case/schema';
import { computeDeadlines, REVIEW_REPLY } from '../../../shared/deadlines/compute';
import { CN_HOLIDAYS, HK_HOLIDAYS, TW_HOLIDAYS } from '../../../shared/deadlines/holidays';
import { NEXT_STEP_TEXT } from '../../../shared/deadlines/next-steps';
import { DEADLINE_RULES } from '../../../shared/deadlines/rules';
import { extractDates } from '../../../shared/extract/dates';

let n = 0;
function ev(date: string, category: TimelineEvent['category'], channel?: string): TimelineEvent {
  n += 1;
  return EventSchema.parse({ id: `e${n}`, date, category, ...(channel ? { channel } : {}) });
}
const kase = (jurisdiction: Jurisdiction, events: TimelineEvent[]) => ({ jurisdiction, events });
const brief = (list: ReturnType<typeof computeDeadlines>) => list.map((d) => [d.rule.id, d.due, d.status]);

describe('rule table', () => {
  it('gives every rule a citation, a source, a verification flag and texts for its next steps', () => {
    for (const r of DEADLINE_RULES) {
      expect(r.citation.length, r.id).toBeGreaterThan(0);
      expect(r.source.pcode ?? r.source.url ?? r.source.document, r.id).toBeTruthy();
      expect(typeof r.isVerified).toBe('boolean');
      for (const key of [r.nextStep.beforeDue, r.nextStep.afterDue, REVIEW_REPLY]) expect(NEXT_STEP_TEXT[key], key).toBeDefined();
    }
    expect(new Set(DEADLINE_RULES.map((r) => r.id)).size).toBe(DEADLINE_RULES.length);
    expect(DEADLINE_RULES.find((r) => r.id === 'tw-ncc-petition-reply')).toMatchObject({ isVerified: false, period: null });
  });
});

describe('computeDeadlines: Taiwan', () => {
  it('a written complaint to the company starts 15 days (施行細則 第36條), pending before and overdue after', () => {
    const c = kase('TW', [ev('2024-10-15', 'written-complaint', '中華電信客服中心')]);
    const before = computeDeadlines(c, { today: '2024-10-20', holidays: TW_HOLIDAYS });
    expect(brief(before)).toEqual([['tw-first-complaint-reply', '2024-10-30', 'pending']]);
    expect(before[0]!.daysLeft).toBe(10);
    expect(before[0]!.rule.citation).toContain('消費者保護法施行細則 第36條');
    expect(before[0]!.nextStepKey).toBe('deadline.next.await-company-reply');
    expect(computeDeadlines(c, { today: '2024-10-30', holidays: TW_HOLIDAYS })[0]!.status).toBe('due-today');
    const after = computeDeadlines(c, { today: '2024-11-02', holidays: TW_HOLIDAYS })[0]!;
    expect([after.status, after.daysLeft, after.nextStepKey]).toEqual(['overdue', -3, 'deadline.next.tw-second-complaint-or-dispute-centre']);
  });

  it('counts from a date extracted from ROC text and rolls past 國慶日', () => {
    const [d] = extractDates('113/09/25 以書面寄送申訴函至電信公司');
    const c = kase('TW', [ev(d!.iso, 'written-complaint')]);
    expect(brief(computeDeadlines(c, { today: '2024-09-26', holidays: TW_HOLIDAYS }))).toEqual([['tw-first-complaint-reply', '2024-10-11', 'pending']]);
  });

  it('a reply from the company within the period meets it', () => {
    const c = kase('TW', [ev('2024-10-15', 'written-complaint'), ev('2024-10-16', 'company-reply')]);
    const [d] = computeDeadlines(c, { today: '2024-11-30', holidays: TW_HOLIDAYS });
    expect([d!.status, d!.nextStepKey]).toEqual(['met', REVIEW_REPLY]);
  });

  it('a filing with the telecom dispute centre starts the statement (10 working days) and decision (1 month) deadlines', () => {
    const c = kase('TW', [ev('2024-01-31', 'regulator-filing', '電信消費爭議處理中心')]);
    expect(brief(computeDeadlines(c, { today: '2024-02-01', holidays: TW_HOLIDAYS }))).toEqual([
      ['tw-dispute-centre-statement', '2024-02-20', 'pending'],
      ['tw-dispute-centre-decision', '2024-02-29', 'pending'],
    ]);
  });

  it('mediation meets within 30 days; PDPA access within 15 days', () => {
    const c = kase('TW', [ev('2024-06-03', 'regulator-filing', '消費爭議調解委員會'), ev('2024-06-03', 'written-complaint', '個資查詢 閱覽申請')]);
    expect(brief(computeDeadlines(c, { today: '2024-06-04', holidays: TW_HOLIDAYS }))).toEqual([
      ['tw-pdpa-access', '2024-06-18', 'pending'],
      ['tw-mediation-meeting', '2024-07-03', 'pending'],
    ]);
  });

  it('skips the unverified NCC petition rule unless the user sets a period', () => {
    const c = kase('TW', [ev('2024-10-15', 'regulator-filing', 'NCC 陳情')]);
    expect(computeDeadlines(c, { today: '2024-10-16', holidays: TW_HOLIDAYS })).toEqual([]);
    const set = computeDeadlines(c, { today: '2024-10-16', holidays: TW_HOLIDAYS, overrides: { 'tw-ncc-petition-reply': { unit: 'days', amount: 14 } } });
    expect(brief(set)).toEqual([['tw-ncc-petition-reply', '2024-10-29', 'pending']]);
    expect(set[0]!.rule.isVerified).toBe(false);
  });

  it('ignores partial dates and other jurisdictions\' rules', () => {
    const c = kase('TW', [ev('2024-10', 'written-complaint'), ev('2024-10-01', 'bill')]);
    expect(computeDeadlines(c, { today: '2024-10-16', holidays: TW_HOLIDAYS })).toEqual([]);
  });
});

describe('computeDeadlines: mainland China', () => {
  it('after 15 days without an answer the 12300 appeal opens; the date rolls past 国庆节', () => {
    const c = kase('CN', [ev('2024-09-16', 'written-complaint', '10000号投诉')]);
    const waiting = computeDeadlines(c, { today: '2024-09-30', holidays: CN_HOLIDAYS });
    expect(brief(waiting)).toEqual([['cn-operator-complaint-wait', '2024-10-08', 'pending']]);
    const open = computeDeadlines(c, { today: '2024-10-09', holidays: CN_HOLIDAYS })[0]!;
    expect([open.status, open.nextStepKey]).toEqual(['open', 'deadline.next.cn-appeal-12300']);
  });

  it('a 12300 filing: acceptance in 5 working days (调休 Sunday counts), answer in 30 days', () => {
    const c = kase('CN', [ev('2024-09-26', 'regulator-filing', '12300 网上申诉')]);
    expect(brief(computeDeadlines(c, { today: '2024-10-10', holidays: CN_HOLIDAYS }))).toEqual([
      ['cn-12300-acceptance', '2024-10-09', 'overdue'],
      ['cn-12300-answer', '2024-10-28', 'pending'],
    ]);
  });

  it('12315 acceptance in 7 working days over 春节 with make-up days', () => {
    const c = kase('CN', [ev('2025-01-24', 'regulator-filing', '12315平台')]);
    expect(brief(computeDeadlines(c, { today: '2025-01-25', holidays: CN_HOLIDAYS }))).toEqual([['cn-12315-acceptance', '2025-02-10', 'pending']]);
  });

  it('billing disputes: 5 months from each bill (month end, rolled past a Sunday); other disputes: 2 years from the earliest event', () => {
    const c = kase('CN', [ev('2024-01-31', 'bill'), ev('2023-03-15', 'contract'), ev('2023-06-01', 'sms')]);
    expect(brief(computeDeadlines(c, { today: '2024-08-01', holidays: CN_HOLIDAYS }))).toEqual([
      ['cn-billing-dispute-limit', '2024-07-01', 'overdue'],
      ['cn-other-dispute-limit', '2025-03-17', 'pending'],
    ]);
  });

  it('flags due dates beyond the holiday table', () => {
    const c = kase('CN', [ev('2026-06-01', 'contract')]);
    const [d] = computeDeadlines(c, { today: '2026-06-02', holidays: CN_HOLIDAYS });
    expect(d!.due).toBe('2028-06-01');
    expect(d!.isHolidayDataComplete).toBe(false);
  });
});

describe('computeDeadlines: Hong Kong', () => {
  it('6 weeks after the complaint the CCSS opens', () => {
    const c = kase('HK', [ev('2024-10-08', 'written-complaint')]);
    expect(brief(computeDeadlines(c, { today: '2024-12-01', holidays: HK_HOLIDAYS }))).toEqual([['hk-ccss-wait', '2024-11-19', 'open']]);
  });
});

it('rejects a malformed today', () => {
  expect(() => computeDeadlines(kase('TW', []), { today: '2024/10/16', holidays: TW_HOLIDAYS })).toThrow();
});

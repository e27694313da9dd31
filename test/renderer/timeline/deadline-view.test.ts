import { describe, expect, it } from 'vitest';
import type { Jurisdiction, TimelineEvent } from '../../../shared/case/schema';
import { CN_HOLIDAYS, TW_HOLIDAYS } from '../../../shared/deadlines/holidays';
import { deadlineView, parseOverrides } from '../../../renderer/src/timeline/deadline-view';

const ev = (id: string, date: string, category: TimelineEvent['category'], channel?: string): TimelineEvent => ({
  id: id as TimelineEvent['id'], date, title: id, detail: '', category, evidence: [], spans: [], ...(channel ? { channel } : {}),
});
const c = (jurisdiction: Jurisdiction, events: TimelineEvent[]) => ({ jurisdiction, events });

describe('deadline view', () => {
  it('puts an unanswered written complaint under "needs attention" once 15 days have passed', () => {
    const view = deadlineView(c('TW', [ev('w', '2024-10-15', 'written-complaint', '中華電信客服')]), '2024-11-05', TW_HOLIDAYS, {});
    expect(view.now.map((d) => [d.rule.id, d.due, d.status, d.daysLeft])).toEqual([['tw-first-complaint-reply', '2024-10-30', 'overdue', -6]]);
    expect(view.upcoming).toEqual([]);
  });

  it('lists it as upcoming before, and as answered when the company replied in time', () => {
    const events = [ev('w', '2024-10-15', 'written-complaint')];
    expect(deadlineView(c('TW', events), '2024-10-20', TW_HOLIDAYS, {}).upcoming.map((d) => [d.due, d.daysLeft])).toEqual([['2024-10-30', 10]]);
    const answered = deadlineView(c('TW', [...events, ev('r', '2024-10-25', 'company-reply')]), '2024-11-20', TW_HOLIDAYS, {});
    expect(answered.met.map((d) => d.rule.id)).toEqual(['tw-first-complaint-reply']);
    expect(answered.now).toEqual([]);
  });

  it('asks for a period when the rule has no verified one, and uses the one the user sets', () => {
    const events = [ev('n', '2024-10-15', 'regulator-filing', 'NCC 陳情')];
    const asked = deadlineView(c('TW', events), '2024-10-20', TW_HOLIDAYS, {});
    expect(asked.needsPeriod.map((n) => [n.rule.id, n.eventId, n.rule.isVerified])).toEqual([['tw-ncc-petition-reply', 'n', false]]);
    expect([...asked.now, ...asked.upcoming]).toEqual([]);
    const set = deadlineView(c('TW', events), '2024-10-20', TW_HOLIDAYS, { 'tw-ncc-petition-reply': { unit: 'days', amount: 30 } });
    expect(set.needsPeriod).toEqual([]);
    expect(set.upcoming.map((d) => [d.rule.id, d.due, d.rule.isVerified])).toEqual([['tw-ncc-petition-reply', '2024-11-14', false]]);
  });

  it('marks a waiting period that is over as open in mainland cases', () => {
    const view = deadlineView(c('CN', [ev('w', '2025-09-20', 'written-complaint', '10000 客服')]), '2025-10-20', CN_HOLIDAYS, {});
    expect(view.now.map((d) => [d.rule.id, d.status])).toEqual([['cn-operator-complaint-wait', 'open']]);
  });

  it('reads stored periods, dropping malformed ones', () => {
    expect(parseOverrides({ a: { unit: 'days', amount: 30 }, b: { unit: 'weeks', amount: 2 }, c: { unit: 'days', amount: -1 }, d: 'x' })).toEqual({ a: { unit: 'days', amount: 30 } });
    expect(parseOverrides(null)).toEqual({});
  });
});

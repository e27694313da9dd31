/**
 * What the deadlines panel shows: the computed deadlines grouped by urgency, plus the rules an
 * event triggers that have no verified period and wait for the user to set one.
 */
import type { Case, Jurisdiction } from '../../../shared/case/schema';
import type { HolidayTable } from '../../../shared/deadlines/calendar';
import { computeDeadlines, type Deadline } from '../../../shared/deadlines/compute';
import { rulesFor, type DeadlineRule, type Period } from '../../../shared/deadlines/rules';

/** A rule an event triggered that cannot be dated until the user sets its period. */
export interface PeriodNeeded {
  rule: DeadlineRule;
  eventId: string;
  eventDate: string;
}

/** The panel's content. */
export interface DeadlineView {
  /** Overdue, due today, or a waiting period over (the next step is open). */
  now: Deadline[];
  upcoming: Deadline[];
  /** Answered in time. */
  met: Deadline[];
  needsPeriod: PeriodNeeded[];
}

/** The settings key of a case's user-set periods. */
export const overridesSettingKey = (caseId: string) => `deadlines.overrides.${caseId}`;

/** Periods read back from storage; malformed entries are dropped. */
export function parseOverrides(value: unknown): Record<string, Period> {
  const out: Record<string, Period> = {};
  if (!value || typeof value !== 'object') return out;
  for (const [id, p] of Object.entries(value)) {
    const unit = (p as { unit?: unknown }).unit;
    const amount = (p as { amount?: unknown }).amount;
    if ((unit === 'days' || unit === 'working-days' || unit === 'months' || unit === 'years') && typeof amount === 'number' && Number.isInteger(amount) && amount > 0) {
      out[id] = { unit, amount };
    }
  }
  return out;
}

/** Computes and groups a case's deadlines. */
export function deadlineView(c: Pick<Case, 'jurisdiction' | 'events'>, today: string, holidays: HolidayTable, overrides: Readonly<Record<string, Period>>): DeadlineView {
  const all = computeDeadlines(c, { today, holidays, overrides });
  const needsPeriod: PeriodNeeded[] = [];
  for (const rule of rulesFor(c.jurisdiction as Jurisdiction)) {
    if (rule.period || overrides[rule.id]) continue;
    // Which events would start this rule: ask the engine with a placeholder period.
    const probe = computeDeadlines(c, { today, holidays, rules: [rule], overrides: { [rule.id]: { unit: 'days', amount: 1 } } });
    for (const d of probe) needsPeriod.push({ rule, eventId: d.eventId, eventDate: d.eventDate });
  }
  const overdueFirst = (a: Deadline, b: Deadline) => a.due.localeCompare(b.due);
  return {
    now: all.filter((d) => d.status === 'overdue' || d.status === 'due-today' || d.status === 'open').sort(overdueFirst),
    upcoming: all.filter((d) => d.status === 'pending'),
    met: all.filter((d) => d.status === 'met'),
    needsPeriod,
  };
}

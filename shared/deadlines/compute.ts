/**
 * Deadlines derived from a case's timeline: each rule of the case's jurisdiction is matched against
 * the events (category, channel), its period counted per the Civil Code on the given holiday table,
 * and the result compared with today.
 */
import { type Case, type TimelineEvent } from '../case/schema';
import { addCivilDays, addCivilMonths, addWorkingDays, daysBetween, isCovered, type HolidayTable } from './calendar';
import { DEADLINE_RULES, type DeadlineRule, type Period } from './rules';

/**
 * Where a deadline stands today:
 * `pending` — not yet due; `due-today`; `overdue` — a `response` the other side missed or a `limit`
 * the user missed; `open` — a `wait` period is over, the next step is available; `met` — the other
 * side replied (a `company-reply` event) on or before the due date.
 */
export type DeadlineStatus = 'pending' | 'due-today' | 'overdue' | 'open' | 'met';

/** One computed deadline. */
export interface Deadline {
  rule: DeadlineRule;
  /** The event that started it. */
  eventId: string;
  eventDate: string;
  /** Last day, `YYYY-MM-DD`, already moved past weekends and holidays. */
  due: string;
  status: DeadlineStatus;
  /** Calendar days from today to the due date (negative once past). */
  daysLeft: number;
  /** Text key of the suggested next step for this status. */
  nextStepKey: string;
  /** False when the due date's year is outside the holiday table (only weekends were known). */
  isHolidayDataComplete: boolean;
}

/** Options of {@link computeDeadlines}. */
export interface ComputeOptions {
  /** Today, `YYYY-MM-DD` (injected: the caller owns the clock). */
  today: string;
  /** Holiday table of the case's jurisdiction. */
  holidays: HolidayTable;
  /** Rules to apply; defaults to the built-in table. */
  rules?: readonly DeadlineRule[];
  /** Periods set by the user, by rule id: fill rules without a verified period or correct others. */
  overrides?: Readonly<Record<string, Period>>;
}

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Next step once the other side has answered in time. */
export const REVIEW_REPLY = 'deadline.next.review-reply';

/** The due date of a period starting from an event on `iso`. */
export function dueDate(iso: string, period: Period, holidays: HolidayTable): string {
  switch (period.unit) {
    case 'days': return addCivilDays(iso, period.amount, holidays);
    case 'working-days': return addWorkingDays(iso, period.amount, holidays);
    case 'months': return addCivilMonths(iso, period.amount, holidays);
    case 'years': return addCivilMonths(iso, period.amount * 12, holidays);
  }
}

function matches(rule: DeadlineRule, event: TimelineEvent): boolean {
  if (!rule.trigger.categories.includes(event.category)) return false;
  const channel = (event.channel ?? '').toLowerCase();
  const has = (words: readonly string[]): boolean => words.some((w) => channel.includes(w.toLowerCase()));
  if (rule.trigger.channels && !has(rule.trigger.channels)) return false;
  if (rule.trigger.excludeChannels && channel !== '' && has(rule.trigger.excludeChannels)) return false;
  return true;
}

function statusOf(rule: DeadlineRule, due: string, today: string, eventDate: string, events: readonly TimelineEvent[]): DeadlineStatus {
  if (rule.kind === 'response') {
    const replied = events.some((e) => e.category === 'company-reply' && FULL_DATE.test(e.date) && e.date >= eventDate && e.date <= due);
    if (replied) return 'met';
  }
  if (today < due) return 'pending';
  if (today === due) return 'due-today';
  return rule.kind === 'wait' ? 'open' : 'overdue';
}

/**
 * Every deadline the case's events start under its jurisdiction's rules, sorted by due date.
 * Events with a partial date (`2024-10`) start none; rules without a period need an override.
 */
export function computeDeadlines(c: Pick<Case, 'jurisdiction' | 'events'>, options: ComputeOptions): Deadline[] {
  const { today, holidays } = options;
  if (!FULL_DATE.test(today)) throw new Error(`today must be YYYY-MM-DD, got ${today}`);
  const rules = (options.rules ?? DEADLINE_RULES).filter((r) => r.jurisdiction === c.jurisdiction);
  const dated = c.events.filter((e) => FULL_DATE.test(e.date)).sort((a, b) => a.date.localeCompare(b.date));
  const out: Deadline[] = [];
  for (const rule of rules) {
    const period = options.overrides?.[rule.id] ?? rule.period;
    if (!period) continue;
    let starts = dated.filter((e) => matches(rule, e));
    if (rule.pick === 'earliest') starts = starts.slice(0, 1);
    if (rule.pick === 'latest') starts = starts.slice(-1);
    for (const event of starts) {
      const due = dueDate(event.date, period, holidays);
      const status = statusOf(rule, due, today, event.date, c.events);
      out.push({
        rule, eventId: event.id, eventDate: event.date, due, status,
        daysLeft: daysBetween(today, due),
        nextStepKey: status === 'met' ? REVIEW_REPLY : status === 'pending' || status === 'due-today' ? rule.nextStep.beforeDue : rule.nextStep.afterDue,
        isHolidayDataComplete: isCovered(due, holidays) && isCovered(event.date, holidays),
      });
    }
  }
  return out.sort((a, b) => a.due.localeCompare(b.due) || a.rule.id.localeCompare(b.rule.id));
}

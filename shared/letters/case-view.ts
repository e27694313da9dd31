/**
 * Read-only views of a case that letters, the checker and the portal summary share: facts in date
 * order, exhibit labels, and the history of complaints to the company.
 */
import type { CaseHeader, Contact, Evidence, EventCategory, TimelineEvent } from '../case/schema';
import { exhibitLabel } from '../case/exhibit-label';

/** What a letter needs of an exhibit (a stored evidence row has all of it). */
export type LetterEvidence = Pick<Evidence, 'id' | 'title' | 'fileName' | 'kind'> & { date?: string | undefined };

/** A case as letters read it: the metadata row plus the exhibit list in label order. */
export type LetterCase = CaseHeader & { evidence: readonly LetterEvidence[] };

/** Events that are steps of complaining to the company (or its answers). */
export const COMPLAINT_CATEGORIES: readonly EventCategory[] = ['call', 'store-visit', 'written-complaint', 'company-reply', 'offer'];
/** Events that are the complainant's own complaints to the company. */
const OWN_COMPLAINT: readonly EventCategory[] = ['call', 'store-visit', 'written-complaint'];

const byDateTime = <T extends { date: string; time?: string | undefined }>(a: T, b: T) =>
  a.date === b.date ? (a.time ?? '').localeCompare(b.time ?? '') : a.date.localeCompare(b.date);

/** The case's events in date (then time) order; equal dates keep their entered order. */
export function sortedEvents(c: Pick<LetterCase, 'events'>): TimelineEvent[] {
  return [...c.events].sort(byDateTime);
}

/** Exhibit id → label (`A-1`…) by position in the exhibit list. */
export function exhibitLabels(c: Pick<LetterCase, 'evidence'>): Map<string, string> {
  return new Map(c.evidence.map((e, i) => [e.id as string, exhibitLabel(i)]));
}

/** One step in the history of complaining to the company. */
export type HistoryItem =
  | { kind: 'contact'; date: string; time?: string | undefined; contact: Contact }
  | { kind: 'event'; date: string; time?: string | undefined; event: TimelineEvent };

// An event without a time on the day of a contact is taken to be that contact.
const sameMoment = (e: TimelineEvent, c: Contact) => e.date === c.date && (e.time === undefined || c.time === undefined || e.time === c.time);

/**
 * Contacts from the log plus complaint-type timeline events, in date order. An event made from a
 * contact (same date, and the same time when both have one; category call / store visit / company reply) is shown once, as the
 * contact, which carries the ticket and the promise.
 */
export function complaintHistory(c: Pick<LetterCase, 'events' | 'contacts'>): HistoryItem[] {
  const items: HistoryItem[] = c.contacts.map((contact) => ({ kind: 'contact', date: contact.date, time: contact.time, contact }));
  for (const event of c.events) {
    if (!COMPLAINT_CATEGORIES.includes(event.category)) continue;
    if (c.contacts.some((contact) => sameMoment(event, contact))) continue;
    items.push({ kind: 'event', date: event.date, time: event.time, event });
  }
  return items.sort(byDateTime);
}

/** The first complaint to the company and whether anything proves it. */
export interface FirstComplaint {
  date: string;
  time?: string | undefined;
  /** A ticket number, an attached exhibit or a written complaint on record. */
  hasProof: boolean;
}

/**
 * The earliest complaint the complainant made to the company (a contact in the log, or a call,
 * store visit or written complaint on the timeline). `undefined` when none is recorded.
 */
export function firstComplaint(c: Pick<LetterCase, 'events' | 'contacts' | 'account'>): FirstComplaint | undefined {
  const candidates: Array<{ date: string; time?: string | undefined }> = [
    ...c.contacts,
    ...c.events.filter((e) => OWN_COMPLAINT.includes(e.category)),
  ];
  const first = candidates.sort(byDateTime)[0];
  if (!first) return undefined;
  const hasProof = c.account.ticketNos.some((t) => t.trim() !== '')
    || c.contacts.some((x) => (x.ticketNo ?? '').trim() !== '')
    || c.events.some((e) => COMPLAINT_CATEGORIES.includes(e.category) && e.evidence.length > 0);
  return { date: first.date, time: first.time, hasProof };
}

/** Whether the company answered in some way (a reply or an offer on the timeline). */
export function companyReplied(c: Pick<LetterCase, 'events'>): boolean {
  return c.events.some((e) => e.category === 'company-reply' || e.category === 'offer');
}

/** A promise's state on a given day. */
export type PromiseState = 'none' | 'kept' | 'broken' | 'pending' | 'unknown';

/**
 * Whether a contact's promise was kept: `broken` when its date has passed (strictly before today)
 * and it is not marked kept; `pending` while the date is ahead; `unknown` without a date.
 */
export function promiseState(contact: Pick<Contact, 'promise' | 'promisedBy' | 'isPromiseKept'>, today: string): PromiseState {
  if (!contact.promise?.trim() && !contact.promisedBy) return 'none';
  if (contact.isPromiseKept === true) return 'kept';
  if (!contact.promisedBy) return contact.isPromiseKept === false ? 'broken' : 'unknown';
  // A partial date (`2024-10`) is due at the end of its period: compare on its own precision.
  const due = contact.promisedBy;
  return today.slice(0, due.length) > due ? 'broken' : 'pending';
}

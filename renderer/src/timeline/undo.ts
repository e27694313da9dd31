/**
 * The timeline's undo stack: each entry holds what the section looked like before one change (the
 * events, the dismissed suggestions, or both). Rapid edits of the same thing coalesce into one entry
 * so one Undo takes back one user action, not one keystroke.
 */
import type { TimelineEvent } from '../../../shared/case/schema';

/** What a change was, for the Undo button's label. */
export type UndoAction = 'add' | 'accept' | 'accept-all' | 'edit' | 'delete' | 'dismiss' | 'restore';

/** The state before one change. */
export interface UndoEntry {
  action: UndoAction;
  /** Title of the event concerned, shown on the Undo button. */
  subject: string;
  events?: readonly TimelineEvent[];
  dismissed?: readonly string[];
  /** Entries with the same key pushed within {@link COALESCE_MS} merge into the older one. */
  coalesce?: string;
  /** Milliseconds (any monotonic clock). */
  at: number;
}

/** Longest kept history. */
export const UNDO_LIMIT = 50;
/** Window in which changes with the same coalesce key merge. */
export const COALESCE_MS = 1500;

/** The stack after recording `entry` (a new array; the oldest entries fall off past the limit). */
export function pushUndo(stack: readonly UndoEntry[], entry: UndoEntry, limit = UNDO_LIMIT): UndoEntry[] {
  const last = stack[stack.length - 1];
  if (last && entry.coalesce !== undefined && last.coalesce === entry.coalesce && entry.at - last.at <= COALESCE_MS) {
    // Keep the older snapshot: undo returns to before the first of the merged changes.
    return [...stack.slice(0, -1), { ...last, at: entry.at }];
  }
  const next = [...stack, entry];
  return next.length > limit ? next.slice(next.length - limit) : next;
}

/** The newest entry and the stack without it. */
export function popUndo(stack: readonly UndoEntry[]): { entry: UndoEntry | undefined; rest: UndoEntry[] } {
  return { entry: stack[stack.length - 1], rest: stack.slice(0, -1) };
}

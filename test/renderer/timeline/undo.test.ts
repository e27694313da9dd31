import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../../shared/case/schema';
import { COALESCE_MS, popUndo, pushUndo, type UndoEntry } from '../../../renderer/src/timeline/undo';

const ev = (id: string): TimelineEvent => ({ id: id as TimelineEvent['id'], date: '2024-10-15', title: id, detail: '', category: 'other', evidence: [], spans: [] });
const entry = (subject: string, at: number, coalesce?: string): UndoEntry => ({ action: 'edit', subject, events: [ev(subject)], at, ...(coalesce ? { coalesce } : {}) });

describe('undo stack', () => {
  it('pops the newest change first', () => {
    let stack = pushUndo([], entry('a', 0));
    stack = pushUndo(stack, entry('b', 10_000));
    const { entry: top, rest } = popUndo(stack);
    expect(top?.subject).toBe('b');
    expect(popUndo(rest).entry?.subject).toBe('a');
    expect(popUndo([]).entry).toBeUndefined();
  });

  it('merges quick changes of the same thing and keeps the oldest snapshot', () => {
    let stack = pushUndo([], entry('first', 0, 'title:x'));
    stack = pushUndo(stack, entry('second', COALESCE_MS - 1, 'title:x'));
    stack = pushUndo(stack, entry('third', 2 * COALESCE_MS - 2, 'title:x'));
    expect(stack).toHaveLength(1);
    expect(stack[0]!.subject).toBe('first');
    // Slower, or about something else: a new entry.
    stack = pushUndo(stack, entry('later', 10 * COALESCE_MS, 'title:x'));
    stack = pushUndo(stack, entry('other', 10 * COALESCE_MS + 1, 'title:y'));
    stack = pushUndo(stack, entry('plain', 10 * COALESCE_MS + 2));
    expect(stack.map((e) => e.subject)).toEqual(['first', 'later', 'other', 'plain']);
  });

  it('drops the oldest entries past the limit', () => {
    let stack: UndoEntry[] = [];
    for (let i = 0; i < 8; i++) stack = pushUndo(stack, entry(String(i), i * 10_000), 5);
    expect(stack.map((e) => e.subject)).toEqual(['3', '4', '5', '6', '7']);
  });

  it('never changes the stack it is given', () => {
    const stack = [entry('a', 0)];
    pushUndo(stack, entry('b', 1));
    popUndo(stack);
    expect(stack.map((e) => e.subject)).toEqual(['a']);
  });
});

/**
 * Geometry of the visual timeline: a horizontal axis in pixels per day, events packed into a few
 * lanes of cards, and whatever does not fit gathered into "+N" clusters, so that 1,000 events at any
 * zoom produce a bounded number of things on screen. Only items inside the visible window are drawn.
 */
import { dayNumber, isoOfDay, periodDays } from './event-dates';

/** Zoom levels in pixels per day, from years at a glance to single days. */
export const ZOOM_LEVELS = [0.1, 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64, 128] as const;
export const CARD_WIDTH = 184;
export const CARD_GAP = 8;
export const MAX_LANES = 4;
export const CLUSTER_WIDTH = 64;
/** Space before the first and after the last event. */
export const EDGE = 40;

/** An event card or a cluster of events that did not fit in a lane. */
export type LayoutItem =
  | { kind: 'event'; index: number; x: number; lane: number; spanPx: number }
  | { kind: 'cluster'; indexes: number[]; x: number; lane: number };

/** A laid-out timeline. */
export interface Layout {
  /** Day number at x = EDGE. */
  origin: number;
  width: number;
  items: LayoutItem[];
}

/** Packs events (already in timeline order) at `pxPerDay`. */
export function layoutTimeline(dates: readonly string[], pxPerDay: number): Layout {
  if (dates.length === 0) return { origin: 0, width: 0, items: [] };
  const origin = dayNumber(dates[0]!);
  let last = origin;
  for (const d of dates) last = Math.max(last, dayNumber(d) + periodDays(d));
  const laneEnd = new Array<number>(MAX_LANES).fill(-Infinity);
  const items: LayoutItem[] = [];
  let cluster: Extract<LayoutItem, { kind: 'cluster' }> | undefined;
  dates.forEach((date, index) => {
    const x = EDGE + (dayNumber(date) - origin) * pxPerDay;
    const lane = laneEnd.findIndex((end) => end <= x);
    if (lane >= 0) {
      laneEnd[lane] = x + CARD_WIDTH + CARD_GAP;
      items.push({ kind: 'event', index, x, lane, spanPx: Math.max(0, periodDays(date) * pxPerDay) });
      return;
    }
    if (cluster && x - cluster.x < CLUSTER_WIDTH) {
      cluster.indexes.push(index);
      return;
    }
    cluster = { kind: 'cluster', indexes: [index], x, lane: MAX_LANES };
    items.push(cluster);
  });
  const width = Math.max(EDGE * 2 + (last - origin) * pxPerDay + CARD_WIDTH, 0);
  return { origin, width, items };
}

/** Items that overlap the window `[left, right]` (with cards' own width taken into account). */
export function visibleItems(items: readonly LayoutItem[], left: number, right: number): LayoutItem[] {
  return items.filter((item) => {
    const w = item.kind === 'event' ? Math.max(CARD_WIDTH, item.spanPx) : CLUSTER_WIDTH;
    return item.x + w >= left && item.x <= right;
  });
}

/** A mark on the axis. */
export interface Tick {
  x: number;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` of the period that starts here. */
  date: string;
  level: 'year' | 'month' | 'day';
  hasLabel: boolean;
}

/** Axis marks inside `[left, right]` at this zoom: years always, months and days when they fit. */
export function axisTicks(origin: number, pxPerDay: number, left: number, right: number): Tick[] {
  const dayAt = (x: number) => origin + Math.floor((x - EDGE) / pxPerDay);
  const xOf = (day: number) => EDGE + (day - origin) * pxPerDay;
  const first = isoOfDay(dayAt(left) - 1);
  const lastDay = dayAt(right) + 1;
  const ticks: Tick[] = [];
  const showMonths = pxPerDay * 28 >= 6;
  const labelMonths = pxPerDay * 28 >= 34;
  const showDays = pxPerDay >= 6;
  const labelDays = pxPerDay >= 22;
  let [y, m] = [Number(first.slice(0, 4)), Number(first.slice(5, 7))];
  for (;;) {
    const monthStart = dayNumber(`${y}-${String(m).padStart(2, '0')}`);
    if (monthStart > lastDay) break;
    const date = `${y}-${String(m).padStart(2, '0')}`;
    if (m === 1) ticks.push({ x: xOf(monthStart), date: String(y), level: 'year', hasLabel: true });
    else if (showMonths) ticks.push({ x: xOf(monthStart), date, level: 'month', hasLabel: labelMonths });
    if (showDays) {
      const days = periodDays(date);
      for (let d = 2; d <= days; d++) {
        const day = monthStart + d - 1;
        if (day < dayAt(left) - 1 || day > lastDay) continue;
        ticks.push({ x: xOf(day), date: `${date}-${String(d).padStart(2, '0')}`, level: 'day', hasLabel: labelDays || (pxPerDay >= 8 && (d === 10 || d === 20)) });
      }
    }
    m += 1;
    if (m > 12) { m = 1; y += 1; }
  }
  return ticks.filter((t) => t.x >= left - 60 && t.x <= right + 60);
}

/** The largest zoom level at which the whole timeline fits in `viewport` pixels (else the smallest). */
export function fitZoom(dates: readonly string[], viewport: number): number {
  if (dates.length === 0) return ZOOM_LEVELS.indexOf(4);
  const origin = dayNumber(dates[0]!);
  let last = origin;
  for (const d of dates) last = Math.max(last, dayNumber(d) + periodDays(d));
  const span = Math.max(1, last - origin);
  let best = 0;
  ZOOM_LEVELS.forEach((px, i) => { if (EDGE * 2 + span * px + CARD_WIDTH <= viewport) best = i; });
  return best;
}

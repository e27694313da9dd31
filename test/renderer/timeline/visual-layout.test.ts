import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../../renderer/src/timeline/event-dates';
import { axisTicks, CARD_WIDTH, EDGE, fitZoom, layoutTimeline, MAX_LANES, visibleItems, ZOOM_LEVELS } from '../../../renderer/src/timeline/visual-layout';

const spread = (n: number, everyDays: number) => Array.from({ length: n }, (_, i) => new Date(Date.UTC(2024, 0, 1) + i * everyDays * 86_400_000).toISOString().slice(0, 10));

describe('visual layout', () => {
  it('places events by date and stacks overlapping cards in lanes', () => {
    const layout = layoutTimeline(['2024-01-01', '2024-01-02', '2024-03-01'], 4);
    expect(layout.origin).toBe(dayNumber('2024-01-01'));
    expect(layout.items).toEqual([
      { kind: 'event', index: 0, x: EDGE, lane: 0, spanPx: 4 },
      { kind: 'event', index: 1, x: EDGE + 4, lane: 1, spanPx: 4 },
      { kind: 'event', index: 2, x: EDGE + 60 * 4, lane: 0, spanPx: 4 },
    ]);
  });

  it('shows a partial date from the start of its period across its length', () => {
    const [item] = layoutTimeline(['2024-02'], 2).items;
    expect(item).toMatchObject({ kind: 'event', x: EDGE, spanPx: 29 * 2 });
  });

  it('gathers what does not fit into clusters, so 1,000 events stay bounded at any zoom', () => {
    const dates = spread(1000, 1);
    for (const px of ZOOM_LEVELS) {
      const { items } = layoutTimeline(dates, px);
      const counted = items.reduce((n, i) => n + (i.kind === 'event' ? 1 : i.indexes.length), 0);
      expect(counted).toBe(1000);
      expect(Math.max(...items.map((i) => i.lane))).toBeLessThanOrEqual(MAX_LANES);
      const visible = visibleItems(items, 0, 1200);
      expect(visible.length, `${px} px/day`).toBeLessThan(80);
    }
  });

  it('draws only what overlaps the window', () => {
    const { items } = layoutTimeline(spread(100, 30), 1);
    const visible = visibleItems(items, 1000, 1500);
    expect(visible.length).toBeGreaterThan(0);
    for (const item of visible) expect(item.x + CARD_WIDTH >= 1000 && item.x <= 1500).toBe(true);
  });

  it('labels years always, months and days when there is room', () => {
    const origin = dayNumber('2024-01-01');
    const coarse = axisTicks(origin, 0.25, 0, 800);
    expect(coarse.filter((t) => t.level === 'year').map((t) => t.date)).toEqual(['2024', '2025', '2026', '2027', '2028', '2029', '2030', '2031', '2032']);
    expect(coarse.some((t) => t.level === 'day')).toBe(false);
    const fine = axisTicks(origin, 32, 0, 400);
    expect(fine.find((t) => t.date === '2024-01-02')).toMatchObject({ x: EDGE + 32, level: 'day', hasLabel: true });
    const months = axisTicks(origin, 2, 0, 800);
    expect(months.find((t) => t.date === '2024-02')).toMatchObject({ level: 'month', hasLabel: true, x: EDGE + 31 * 2 });
  });

  it('fits the whole span in the viewport', () => {
    const dates = spread(40, 20);
    const z = fitZoom(dates, 1000);
    const px = ZOOM_LEVELS[z]!;
    expect(layoutTimeline(dates, px).width).toBeLessThanOrEqual(1000);
    if (z + 1 < ZOOM_LEVELS.length) expect(layoutTimeline(dates, ZOOM_LEVELS[z + 1]!).width).toBeGreaterThan(1000);
  });
});

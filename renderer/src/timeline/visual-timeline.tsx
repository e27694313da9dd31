/**
 * The events on a horizontal axis placed by date. Zoom with the buttons or + / − (keeping the
 * centre in place), scroll with the arrow keys; only cards inside the visible window are drawn,
 * and events that do not fit in the lanes gather into "+N" clusters that zoom in when clicked.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { EvidenceId, Jurisdiction, TimelineEvent } from '../../../shared/case/schema';
import { LOCALE_OF, useI18n } from '../i18n/i18n';
import type { EvidenceRow } from '../store/db';
import { DateText } from './date-text';
import { rocOf } from './event-dates';
import { ExhibitThumb } from './exhibit-thumb';
import { axisTicks, CARD_WIDTH, EDGE, fitZoom, layoutTimeline, visibleItems, ZOOM_LEVELS, type Tick } from './visual-layout';

const LANE_HEIGHT = 70;
const AXIS_HEIGHT = 44;

export function VisualTimeline({ events, jurisdiction, byId, thumbs, onOpen }: {
  events: readonly TimelineEvent[];
  jurisdiction: Jurisdiction;
  byId: ReadonlyMap<EvidenceId, EvidenceRow>;
  thumbs: ReadonlyMap<EvidenceId, string>;
  onOpen: (id: string) => void;
}) {
  const { t, language } = useI18n();
  const viewport = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);
  const [scrollLeft, setScrollLeft] = useState(0);
  const dates = useMemo(() => events.map((e) => e.date), [events]);
  const [zoom, setZoom] = useState<number | undefined>(undefined);
  const zoomIndex = zoom ?? fitZoom(dates, width);
  const pxPerDay = ZOOM_LEVELS[zoomIndex]!;
  const layout = useMemo(() => layoutTimeline(dates, pxPerDay), [dates, pxPerDay]);
  /** Day (fractional) at the centre of the view, restored after a zoom. */
  const pendingCentre = useRef<number | undefined>(undefined);

  useLayoutEffect(() => {
    const el = viewport.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useLayoutEffect(() => {
    const el = viewport.current;
    if (!el || pendingCentre.current === undefined) return;
    el.scrollLeft = EDGE + (pendingCentre.current - layout.origin) * pxPerDay - el.clientWidth / 2;
    pendingCentre.current = undefined;
    setScrollLeft(el.scrollLeft);
  }, [layout, pxPerDay]);

  const frame = useRef(0);
  const onScroll = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => setScrollLeft(viewport.current?.scrollLeft ?? 0));
  }, []);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const zoomTo = useCallback((next: number, centreX?: number) => {
    const el = viewport.current;
    const clamped = Math.max(0, Math.min(ZOOM_LEVELS.length - 1, next));
    if (el) pendingCentre.current = layout.origin + ((centreX ?? el.scrollLeft + el.clientWidth / 2) - EDGE) / pxPerDay;
    setZoom(clamped);
  }, [layout.origin, pxPerDay]);

  const onKey = (e: KeyboardEvent) => {
    const el = viewport.current;
    if (!el) return;
    if (e.key === '+' || e.key === '=') { e.preventDefault(); zoomTo(zoomIndex + 1); }
    else if (e.key === '-' || e.key === '_') { e.preventDefault(); zoomTo(zoomIndex - 1); }
    else if (e.key === '0') { e.preventDefault(); setZoom(undefined); el.scrollLeft = 0; }
    else if (e.key === 'ArrowRight') { e.preventDefault(); el.scrollLeft += el.clientWidth / 4; }
    else if (e.key === 'ArrowLeft') { e.preventDefault(); el.scrollLeft -= el.clientWidth / 4; }
    else if (e.key === 'Home') { e.preventDefault(); el.scrollLeft = 0; }
    else if (e.key === 'End') { e.preventDefault(); el.scrollLeft = el.scrollWidth; }
  };

  const left = scrollLeft - 200;
  const right = scrollLeft + width + 200;
  const items = visibleItems(layout.items, left, right);
  const ticks = axisTicks(layout.origin, pxPerDay, left, right);
  const monthName = useMemo(() => new Intl.DateTimeFormat(LOCALE_OF[language], { month: 'short', timeZone: 'UTC' }), [language]);
  const tickLabel = (tick: Tick) => {
    if (tick.level === 'year') return jurisdiction === 'TW' && rocOf(tick.date) ? `${tick.date} · ${t('timeline.rocYear', { year: rocOf(tick.date)! })}` : tick.date;
    if (tick.level === 'month') return monthName.format(new Date(`${tick.date}-01T00:00:00Z`));
    return String(Number(tick.date.slice(8)));
  };
  const height = AXIS_HEIGHT + (Math.max(...layout.items.map((i) => i.lane), 0) + 1) * LANE_HEIGHT + 12;

  return (
    <div className="tl-visual">
      <div className="tl-visual-bar">
        <div className="tl-zoom" role="group" aria-label={t('timeline.view.visual')}>
          <button type="button" className="button small" onClick={() => zoomTo(zoomIndex - 1)} disabled={zoomIndex === 0} aria-label={t('timeline.zoomOut')} title={t('timeline.zoomOut')}>−</button>
          <span className="tl-zoom-level" aria-live="polite">{zoomIndex + 1} / {ZOOM_LEVELS.length}</span>
          <button type="button" className="button small" onClick={() => zoomTo(zoomIndex + 1)} disabled={zoomIndex === ZOOM_LEVELS.length - 1} aria-label={t('timeline.zoomIn')} title={t('timeline.zoomIn')}>＋</button>
          <button type="button" className="button ghost small" onClick={() => { setZoom(undefined); if (viewport.current) viewport.current.scrollLeft = 0; }}>{t('timeline.zoomFit')}</button>
        </div>
        <span className="muted small">{t('timeline.visual.keys')}</span>
      </div>
      <div ref={viewport} className="tl-viewport" tabIndex={0} role="region" aria-label={t('timeline.visual.label')} onKeyDown={onKey} onScroll={onScroll} data-zoom={zoomIndex}>
        <div className="tl-canvas" style={{ width: Math.max(layout.width, width), height }}>
          <div className="tl-axis" style={{ height: AXIS_HEIGHT }}>
            {ticks.map((tick) => (
              <span key={`${tick.level}-${tick.date}`} className={`tl-tick ${tick.level}`} style={{ left: tick.x }}>
                {tick.hasLabel ? <span className="tl-tick-label">{tickLabel(tick)}</span> : null}
              </span>
            ))}
          </div>
          {ticks.filter((tick) => tick.level !== 'day').map((tick) => <span key={`g-${tick.date}`} className={`tl-gridline ${tick.level}`} style={{ left: tick.x, top: AXIS_HEIGHT, bottom: 0 }} />)}
          {items.map((item) => {
            const top = AXIS_HEIGHT + 8 + item.lane * LANE_HEIGHT;
            if (item.kind === 'cluster') {
              return (
                <button key={`c-${item.indexes[0]}`} type="button" className="tl-cluster" style={{ left: item.x, top }}
                  title={t('timeline.visual.cluster', { count: item.indexes.length })}
                  aria-label={t('timeline.visual.cluster', { count: item.indexes.length })}
                  onClick={() => zoomTo(zoomIndex + 2, item.x)}>+{item.indexes.length}</button>
              );
            }
            const event = events[item.index]!;
            const exhibit = event.evidence[0];
            return (
              <div key={event.id} className="tl-card-wrap" style={{ left: item.x, top: AXIS_HEIGHT }}>
                <span className="tl-stem" style={{ height: top - AXIS_HEIGHT + 6 }} />
                {item.spanPx > 2 ? <span className="tl-period" style={{ width: item.spanPx }} /> : null}
                <button type="button" className={`tl-card cat-${event.category}`} style={{ top: top - AXIS_HEIGHT, width: CARD_WIDTH }} onClick={() => onOpen(event.id)} data-event-id={event.id}>
                  {exhibit ? <ExhibitThumb row={byId.get(exhibit)} url={thumbs.get(exhibit)} /> : <span className={`tl-card-dot cat-${event.category}`} aria-hidden="true" />}
                  <span className="tl-card-text">
                    <span className="tl-card-date"><DateText date={event.date} jurisdiction={jurisdiction} time={event.time} /></span>
                    <span className="tl-card-title">{event.title}</span>
                  </span>
                </button>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

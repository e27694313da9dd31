/**
 * The events as a list in timeline order, grouped by month. Rows render in pages as the user
 * scrolls (a sentinel near the end loads the next page), and each row is memoised, so a case with
 * a thousand events opens at once and typing elsewhere does not redraw them.
 */
import { memo, useEffect, useRef, useState } from 'react';
import type { EvidenceId, Jurisdiction, TimelineEvent } from '../../../shared/case/schema';
import { useI18n } from '../i18n/i18n';
import type { EvidenceRow } from '../store/db';
import { DateText } from './date-text';
import { EventForm, type EventDraft } from './event-form';
import { ExhibitThumb } from './exhibit-thumb';

const PAGE = 120;

/** Everything a row needs from the section, passed once. */
export interface ListContext {
  jurisdiction: Jurisdiction;
  exhibits: readonly EvidenceRow[];
  byId: ReadonlyMap<EvidenceId, EvidenceRow>;
  texts: ReadonlyMap<EvidenceId, string>;
  labels: ReadonlyMap<EvidenceId, string>;
  thumbs: ReadonlyMap<EvidenceId, string>;
  onEdit: (id: string | undefined) => void;
  onSave: (id: TimelineEvent['id'], draft: EventDraft) => void;
  onDelete: (event: TimelineEvent) => void;
}

const groupOf = (date: string) => date.slice(0, 7);

export function EventList({ events, editingId, focusId, ctx }: { events: readonly TimelineEvent[]; editingId: string | undefined; focusId: string | undefined; ctx: ListContext }) {
  const { t } = useI18n();
  const [limit, setLimit] = useState(PAGE);
  const sentinel = useRef<HTMLLIElement>(null);
  const focusIndex = focusId ? events.findIndex((e) => e.id === focusId) : -1;
  const shown = Math.max(limit, focusIndex + 1);

  useEffect(() => {
    const el = sentinel.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => { if (entries.some((e) => e.isIntersecting)) setLimit((n) => n + PAGE); }, { rootMargin: '600px' });
    io.observe(el);
    return () => io.disconnect();
  }, [shown, events.length]);

  useEffect(() => {
    if (!focusId) return;
    document.getElementById(`event-${focusId}`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [focusId]);

  if (events.length === 0) return <p className="tl-empty">{t('timeline.events.empty')}</p>;
  const visible = events.slice(0, shown);
  return (
    <ol className="tl-list" aria-label={t('timeline.events.title')}>
      {visible.map((event, i) => {
        const group = groupOf(event.date);
        const isNewGroup = i === 0 || groupOf(visible[i - 1]!.date) !== group;
        return (
          <li key={event.id} className="tl-list-item">
            {isNewGroup ? <h4 className="tl-group"><DateText date={group} jurisdiction={ctx.jurisdiction} /></h4> : null}
            <EventRow event={event} isEditing={editingId === event.id} isFocused={focusId === event.id} ctx={ctx} />
          </li>
        );
      })}
      {shown < events.length ? (
        <li ref={sentinel} className="tl-more">
          <button type="button" className="button ghost small" onClick={() => setLimit(shown + PAGE)}>{t('timeline.events.more', { count: Math.min(PAGE, events.length - shown) })}</button>
        </li>
      ) : null}
    </ol>
  );
}

const EventRow = memo(function EventRow({ event, isEditing, isFocused, ctx }: { event: TimelineEvent; isEditing: boolean; isFocused: boolean; ctx: ListContext }) {
  const { t } = useI18n();
  if (isEditing) {
    return (
      <article className="tl-event editing" id={`event-${event.id}`}>
        <EventForm initial={event} exhibits={ctx.exhibits} labels={ctx.labels} jurisdiction={ctx.jurisdiction} submitLabel={t('timeline.form.save')}
          onSubmit={(draft) => ctx.onSave(event.id, draft)} onCancel={() => ctx.onEdit(undefined)} />
      </article>
    );
  }
  const span = event.spans[0];
  const quote = span ? ctx.texts.get(span.evidence)?.slice(span.start, span.end) : undefined;
  return (
    <article className={`tl-event cat-${event.category}${isFocused ? ' focused' : ''}`} id={`event-${event.id}`} data-event-id={event.id}>
      <div className="tl-event-date"><DateText date={event.date} time={event.time} jurisdiction={ctx.jurisdiction} stacked /></div>
      <div className="tl-event-body">
        <div className="tl-event-head">
          <span className={`tl-cat cat-${event.category}`}>{t(`timeline.category.${event.category}`)}</span>
          <h4 className="tl-event-title">{event.title}</h4>
        </div>
        {event.detail ? <p className="tl-event-detail">{event.detail}</p> : null}
        {event.channel ? <p className="muted small">{t('timeline.events.channel', { channel: event.channel })}</p> : null}
        {quote ? (
          <blockquote className="tl-quote">
            <span className="muted small">{t('timeline.events.quote', { label: ctx.labels.get(span!.evidence) ?? '?' })}</span> {quote.length > 160 ? `${quote.slice(0, 159)}…` : quote}
          </blockquote>
        ) : null}
        {event.evidence.length ? (
          <div className="tl-event-exhibits">
            {event.evidence.map((id) => (
              <span key={id} className="tl-exhibit-ref" title={ctx.byId.get(id)?.title}>
                <ExhibitThumb row={ctx.byId.get(id)} url={ctx.thumbs.get(id)} />
                <span className="exhibit-label">{ctx.labels.get(id) ?? '?'}</span>
                <span className="tl-exhibit-title">{ctx.byId.get(id)?.title}</span>
              </span>
            ))}
          </div>
        ) : null}
      </div>
      <div className="tl-event-actions">
        <button type="button" className="button ghost small" onClick={() => ctx.onEdit(event.id)}>{t('timeline.edit')}</button>
        <button type="button" className="button ghost small danger" onClick={() => ctx.onDelete(event)}>{t('timeline.delete')}</button>
      </div>
    </article>
  );
});

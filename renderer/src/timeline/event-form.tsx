/** The form of one event: used in the "new event" dialog and, in place, to edit an event. */
import { useId, useState, type FormEvent } from 'react';
import { EventCategorySchema, type EventCategory, type EvidenceId, type Jurisdiction, type TimelineEvent } from '../../../shared/case/schema';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import type { EvidenceRow } from '../store/db';
import { Field, TextField } from '../ui/field';
import { formatDate, parseDateInput } from './event-dates';

/** What the form edits (the id is kept by the caller). */
export type EventDraft = Omit<TimelineEvent, 'id'>;

const CHANNELS: Record<Jurisdiction, MessageKey[]> = {
  TW: ['timeline.channel.company', 'timeline.channel.tw-centre', 'timeline.channel.tw-ncc', 'timeline.channel.tw-officer', 'timeline.channel.tw-mediation'],
  CN: ['timeline.channel.company', 'timeline.channel.cn-12300', 'timeline.channel.cn-12315', 'timeline.channel.cn-association'],
  HK: ['timeline.channel.company', 'timeline.channel.hk-ofca'],
};

/** Categories whose channel decides which deadline rules apply. */
const HAS_CHANNEL: ReadonlySet<EventCategory> = new Set(['written-complaint', 'regulator-filing', 'other']);

export function EventForm({ initial, exhibits, labels, jurisdiction, submitLabel, onSubmit, onCancel, formId }: {
  initial: EventDraft | undefined;
  exhibits: readonly EvidenceRow[];
  labels: ReadonlyMap<EvidenceId, string>;
  jurisdiction: Jurisdiction;
  submitLabel: string;
  onSubmit: (event: EventDraft) => void;
  onCancel: () => void;
  /** When set, the buttons live outside (a dialog footer) and submit this form by id. */
  formId?: string;
}) {
  const { t } = useI18n();
  const listId = useId();
  const [dateText, setDateText] = useState(initial?.date ?? '');
  const [time, setTime] = useState(initial?.time ?? '');
  const [title, setTitle] = useState(initial?.title ?? '');
  const [detail, setDetail] = useState(initial?.detail ?? '');
  const [category, setCategory] = useState<EventCategory>(initial?.category ?? 'other');
  const [channel, setChannel] = useState(initial?.channel ?? '');
  const [linked, setLinked] = useState<EvidenceId[]>(initial?.evidence ?? []);
  const [isSubmitted, setSubmitted] = useState(false);
  const date = parseDateInput(dateText);
  const dateError = (isSubmitted || dateText.trim() !== '') && !date ? t('timeline.field.date.invalid') : undefined;
  const titleError = isSubmitted && !title.trim() ? t('timeline.form.titleRequired') : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (!date || !title.trim()) return;
    const spans = (initial?.spans ?? []).filter((s) => linked.includes(s.evidence));
    onSubmit({
      date,
      ...(time && date.length === 10 ? { time } : {}),
      title: title.trim(),
      detail: detail.trim(),
      category,
      evidence: linked,
      spans,
      ...(channel.trim() ? { channel: channel.trim() } : {}),
    });
  };

  const unlinked = exhibits.filter((r) => !linked.includes(r.id));
  return (
    <form className="tl-form" id={formId} onSubmit={submit} noValidate>
      <div className="tl-form-grid">
        <TextField label={t('timeline.field.date')} name="event-date" value={dateText} onChange={setDateText} autoComplete="off" placeholder="2024-10-15"
          error={dateError} hint={date ? t('timeline.field.date.reads', { date: formatDate(date, jurisdiction) }) : t('timeline.field.date.hint')} />
        <TextField label={t('timeline.field.time')} name="event-time" type="time" value={time} onChange={setTime} optional={t('common.optional')} disabled={Boolean(date) && date!.length < 10} />
        <Field label={t('timeline.category')}>
          {(props) => (
            <select className="input" {...props} name="event-category" value={category} onChange={(e) => setCategory(EventCategorySchema.parse(e.target.value))}>
              {EventCategorySchema.options.map((c) => <option key={c} value={c}>{t(`timeline.category.${c}`)}</option>)}
            </select>
          )}
        </Field>
      </div>
      <TextField label={t('timeline.field.title')} name="event-title" value={title} onChange={setTitle} placeholder={t('timeline.field.title.placeholder')} error={titleError} />
      <Field label={t('timeline.field.detail')} optional={t('common.optional')}>
        {(props) => <textarea className="input textarea" {...props} name="event-detail" rows={2} value={detail} placeholder={t('timeline.field.detail.placeholder')} onChange={(e) => setDetail(e.target.value)} />}
      </Field>
      {HAS_CHANNEL.has(category) || channel ? (
        <Field label={t('timeline.field.channel')} hint={t('timeline.field.channel.hint')} optional={t('common.optional')}>
          {(props) => (
            <>
              <input className="input" {...props} name="event-channel" list={listId} value={channel} onChange={(e) => setChannel(e.target.value)} autoComplete="off" />
              <datalist id={listId}>{CHANNELS[jurisdiction].map((k) => <option key={k} value={t(k)} />)}</datalist>
            </>
          )}
        </Field>
      ) : null}
      <Field label={t('timeline.field.exhibits')} optional={t('common.optional')}>
        {(props) => (
          <div className="tl-linked">
            {linked.length === 0 ? <span className="muted small">{t('timeline.field.noExhibits')}</span> : null}
            {linked.map((id) => {
              const row = exhibits.find((r) => r.id === id);
              return (
                <span key={id} className="tl-chip">
                  <span className="exhibit-label">{labels.get(id) ?? '?'}</span> {row?.title}
                  <button type="button" className="tl-chip-x" aria-label={t('timeline.field.unlink', { label: labels.get(id) ?? '?' })} onClick={() => setLinked(linked.filter((x) => x !== id))}>×</button>
                </span>
              );
            })}
            {unlinked.length ? (
              <select className="input tl-link-select" {...props} name="event-link" value="" onChange={(e) => { const id = unlinked.find((r) => r.id === e.target.value)?.id; if (id) setLinked([...linked, id]); }}>
                <option value="">{t('timeline.field.linkExhibit')}</option>
                {unlinked.map((r) => <option key={r.id} value={r.id}>{`${labels.get(r.id) ?? '?'} ${r.title}`}</option>)}
              </select>
            ) : null}
          </div>
        )}
      </Field>
      {formId ? null : (
        <div className="tl-form-actions">
          <button type="button" className="button" onClick={onCancel}>{t('common.cancel')}</button>
          <button type="submit" className="button primary">{submitLabel}</button>
        </div>
      )}
    </form>
  );
}

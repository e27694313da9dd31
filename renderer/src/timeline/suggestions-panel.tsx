/**
 * Suggested events, grouped by exhibit: the date (ROC beside Gregorian for Taiwan), the sentence it
 * comes from with the date marked, a proposed category and title the user may change, and Accept /
 * Dismiss.
 */
import { memo, useState } from 'react';
import { EventCategorySchema, type EventCategory, type EvidenceId, type Jurisdiction } from '../../../shared/case/schema';
import { useI18n } from '../i18n/i18n';
import type { EvidenceRow } from '../store/db';
import { DateText } from './date-text';
import { ExhibitThumb } from './exhibit-thumb';
import type { Suggestion } from './suggest';

const PER_EXHIBIT = 8;

export interface SuggestionGroup {
  row: EvidenceRow;
  label: string;
  text: string;
  suggestions: Suggestion[];
}

export function SuggestionsPanel({ groups, jurisdiction, thumbs, dismissedCount, readingCount, hasEvidence, onAccept, onAcceptAll, onDismiss, onRestore }: {
  groups: readonly SuggestionGroup[];
  jurisdiction: Jurisdiction;
  thumbs: ReadonlyMap<EvidenceId, string>;
  dismissedCount: number;
  readingCount: number;
  hasEvidence: boolean;
  onAccept: (s: Suggestion, edits: { title: string; category: EventCategory }) => void;
  onAcceptAll: (group: SuggestionGroup) => void;
  onDismiss: (s: Suggestion) => void;
  onRestore: () => void;
}) {
  const { t } = useI18n();
  const total = groups.reduce((n, g) => n + g.suggestions.length, 0);
  return (
    <section className="card tl-suggestions" aria-labelledby="suggestions-title">
      <div className="card-title-row">
        <h3 id="suggestions-title">{t('timeline.suggestions.title')} {total ? <span className="tl-count">{t('timeline.suggestions.count', { count: total })}</span> : null}</h3>
        {dismissedCount ? <button type="button" className="button ghost small" onClick={onRestore}>{t('timeline.suggestions.restore', { count: dismissedCount })}</button> : null}
      </div>
      <p className="card-hint">{t('timeline.suggestions.hint')}</p>
      {readingCount ? <p className="tl-note small">{t('timeline.suggestions.reading', { count: readingCount })}</p> : null}
      {!hasEvidence ? <p className="tl-empty">{t('timeline.suggestions.noEvidence')}</p> : total === 0 ? <p className="tl-empty">{t('timeline.suggestions.none')}</p> : null}
      {groups.map((g) => <ExhibitSuggestions key={g.row.id} group={g} jurisdiction={jurisdiction} thumb={thumbs.get(g.row.id)} onAccept={onAccept} onAcceptAll={onAcceptAll} onDismiss={onDismiss} />)}
    </section>
  );
}

function ExhibitSuggestions({ group, jurisdiction, thumb, onAccept, onAcceptAll, onDismiss }: {
  group: SuggestionGroup;
  jurisdiction: Jurisdiction;
  thumb: string | undefined;
  onAccept: (s: Suggestion, edits: { title: string; category: EventCategory }) => void;
  onAcceptAll: (group: SuggestionGroup) => void;
  onDismiss: (s: Suggestion) => void;
}) {
  const { t } = useI18n();
  const [isAll, setAll] = useState(false);
  const shown = isAll ? group.suggestions : group.suggestions.slice(0, PER_EXHIBIT);
  return (
    <div className="tl-sugg-group" data-exhibit={group.row.id}>
      <div className="tl-sugg-exhibit">
        <ExhibitThumb row={group.row} url={thumb} size="medium" />
        <div className="tl-sugg-exhibit-name">
          <span className="exhibit-label">{group.label}</span>
          <strong>{group.row.title || group.row.fileName}</strong>
          <span className="muted small">{t(`evidence.kind.${group.row.kind}`)}</span>
        </div>
        {group.suggestions.length > 1 ? <button type="button" className="button ghost small" onClick={() => onAcceptAll(group)}>{t('timeline.suggestions.acceptAll', { count: group.suggestions.length })}</button> : null}
      </div>
      <ul className="tl-sugg-list">
        {shown.map((s) => <SuggestionRow key={s.key} s={s} text={group.text} jurisdiction={jurisdiction} onAccept={onAccept} onDismiss={onDismiss} />)}
      </ul>
      {shown.length < group.suggestions.length ? (
        <button type="button" className="button ghost small" onClick={() => setAll(true)}>{t('timeline.suggestions.more', { count: group.suggestions.length - shown.length })}</button>
      ) : null}
    </div>
  );
}

const SuggestionRow = memo(function SuggestionRow({ s, text, jurisdiction, onAccept, onDismiss }: {
  s: Suggestion;
  text: string;
  jurisdiction: Jurisdiction;
  onAccept: (s: Suggestion, edits: { title: string; category: EventCategory }) => void;
  onDismiss: (s: Suggestion) => void;
}) {
  const { t } = useI18n();
  const [title, setTitle] = useState(s.title);
  const [category, setCategory] = useState<EventCategory>(s.category);
  return (
    <li className="tl-sugg" data-date={s.date}>
      <div className="tl-sugg-date">
        <DateText date={s.date} time={s.time} jurisdiction={jurisdiction} stacked />
        {s.isYearInferred ? <span className="tl-badge warn">{t('timeline.suggestions.yearInferred')}</span> : null}
      </div>
      <div className="tl-sugg-main">
        <p className="tl-sentence">{text.slice(s.start, s.dateStart)}<mark>{text.slice(s.dateStart, s.dateEnd)}</mark>{text.slice(s.dateEnd, s.end)}</p>
        <div className="tl-sugg-edit">
          <select className="input" aria-label={t('timeline.category')} value={category} onChange={(e) => setCategory(EventCategorySchema.parse(e.target.value))}>
            {EventCategorySchema.options.map((c) => <option key={c} value={c}>{t(`timeline.category.${c}`)}</option>)}
          </select>
          <input className="input" aria-label={t('timeline.suggestions.editTitle')} value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
      </div>
      <div className="tl-sugg-actions">
        <button type="button" className="button primary small" onClick={() => onAccept(s, { title: title.trim() || s.title, category })}>{t('timeline.suggestions.accept')}</button>
        <button type="button" className="button ghost small" onClick={() => onDismiss(s)}>{t('timeline.suggestions.dismiss')}</button>
      </div>
    </li>
  );
});

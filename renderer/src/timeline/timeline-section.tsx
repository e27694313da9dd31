/**
 * Timeline: suggested events from the exhibits' text, the case's events as a list or on an axis,
 * manual add / edit / delete with an undo stack (button and Ctrl/Cmd+Z), and the deadlines the
 * events start. Events live in the case draft (autosaved); dismissed suggestions in a settings row.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import './timeline.css';
import { EventIdSchema, type EventCategory, type EvidenceId, type TimelineEvent } from '../../../shared/case/schema';
import { useServices } from '../app-context';
import { exhibitLabel } from '../../../shared/case/exhibit-label';
import { evidenceText } from '../evidence/evidence-common';
import { useI18n } from '../i18n/i18n';
import { getSetting, listEvidence, setSetting } from '../store/case-store';
import type { CaseRow } from '../store/db';
import { Dialog } from '../ui/dialog';
import { useLiveQuery } from '../ui/use-live-query';
import { DeadlinesPanel } from './deadlines-panel';
import { localDay } from '../../../shared/deadlines/calendar';
import { sortEvents } from './event-dates';
import { EventForm, type EventDraft } from './event-form';
import { EventList, type ListContext } from './event-list';
import { useThumbnailUrls } from './exhibit-thumb';
import { eventFromSuggestion, openSuggestions, suggestFromExhibit, type Suggestion } from './suggest';
import { SuggestionsPanel, type SuggestionGroup } from './suggestions-panel';
import { popUndo, pushUndo, type UndoAction, type UndoEntry } from './undo';
import { VisualTimeline } from './visual-timeline';

/** The settings key of a case's dismissed suggestions (the case schema has no place for them). */
export const dismissedSettingKey = (caseId: string) => `timeline.dismissed.${caseId}`;

const isEditable = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || target.tagName === 'TEXTAREA' || (target.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit'].includes((target as HTMLInputElement).type)));

export function TimelineSection({ draft, update }: { draft: CaseRow; update: (change: (row: CaseRow) => CaseRow) => void }) {
  const { db, env, notify } = useServices();
  const { t } = useI18n();
  const caseId = draft.id;
  const rows = useLiveQuery(() => listEvidence(db, caseId), [db, caseId]);
  const thumbs = useThumbnailUrls(caseId);
  const dismissedValue = useLiveQuery(() => getSetting<unknown>(db, dismissedSettingKey(caseId), []), [db, caseId]);
  const dismissed = useMemo(() => new Set(Array.isArray(dismissedValue) ? dismissedValue.filter((v): v is string => typeof v === 'string') : []), [dismissedValue]);
  const [view, setView] = useState<'list' | 'visual'>('list');
  const [editingId, setEditingId] = useState<string | undefined>();
  const [focusId, setFocusId] = useState<string | undefined>();
  const [isAdding, setAdding] = useState(false);
  const [undoStack, setUndoStack] = useState<UndoEntry[]>([]);
  const today = localDay(env.now());

  const exhibits = useMemo(() => rows ?? [], [rows]);
  const labels = useMemo(() => new Map(exhibits.map((r, i) => [r.id, exhibitLabel(i)])), [exhibits]);
  const byId = useMemo(() => new Map(exhibits.map((r) => [r.id, r])), [exhibits]);
  const texts = useMemo(() => new Map(exhibits.map((r) => [r.id, evidenceText(r)])), [exhibits]);
  const events = useMemo(() => sortEvents(draft.events), [draft.events]);

  // Extraction per exhibit is cached on what it depends on, so typing elsewhere re-runs nothing.
  const [cache] = useState(() => new Map<EvidenceId, { key: string; suggestions: Suggestion[] }>());
  const allSuggestions = useMemo(() => exhibits.map((row) => {
    const text = texts.get(row.id) ?? '';
    const key = `${row.kind}|${row.date ?? ''}|${draft.jurisdiction}|${text}`;
    const hit = cache.get(row.id);
    if (hit && hit.key === key) return { row, text, suggestions: hit.suggestions };
    const suggestions = text.trim() ? suggestFromExhibit({ id: row.id, kind: row.kind, date: row.date, text }, draft.jurisdiction) : [];
    cache.set(row.id, { key, suggestions });
    return { row, text, suggestions };
  }), [exhibits, texts, draft.jurisdiction, cache]);
  const groups: SuggestionGroup[] = useMemo(() => allSuggestions
    .map(({ row, text, suggestions }) => ({ row, text, label: labels.get(row.id) ?? '?', suggestions: openSuggestions(suggestions, draft.events, dismissed) }))
    .filter((g) => g.suggestions.length > 0), [allSuggestions, labels, draft.events, dismissed]);
  const dismissedCount = useMemo(() => allSuggestions.reduce((n, g) => n + g.suggestions.filter((s) => dismissed.has(s.key)).length, 0), [allSuggestions, dismissed]);
  const readingCount = exhibits.filter((r) => r.ocr?.status === 'queued' || r.ocr?.status === 'running').length;

  const record = useCallback((entry: Omit<UndoEntry, 'at'>) => {
    setUndoStack((stack) => pushUndo(stack, { ...entry, at: performance.now() }));
  }, []);

  const changeEvents = useCallback((action: UndoAction, subject: string, change: (events: readonly TimelineEvent[]) => TimelineEvent[]) => {
    update((row) => {
      record({ action, subject, events: row.events });
      return { ...row, events: change(row.events) };
    });
  }, [update, record]);

  const newId = useCallback(() => EventIdSchema.parse(env.newId()), [env]);

  const accept = useCallback((s: Suggestion, edits: { title: string; category: EventCategory }) => {
    const event = eventFromSuggestion(s, newId(), edits);
    changeEvents('accept', event.title, (list) => [...list, event]);
  }, [changeEvents, newId]);

  const acceptAll = useCallback((group: SuggestionGroup) => {
    const added = group.suggestions.map((s) => eventFromSuggestion(s, newId()));
    changeEvents('accept-all', `${group.label} ${group.row.title} (${added.length})`, (list) => [...list, ...added]);
  }, [changeEvents, newId]);

  const writeDismissed = useCallback((next: readonly string[]) => setSetting(db, dismissedSettingKey(caseId), [...next]).catch((e: unknown) => notify(String(e), 'error')), [db, caseId, notify]);

  const dismiss = useCallback((s: Suggestion) => {
    const before = [...dismissed];
    record({ action: 'dismiss', subject: s.title, dismissed: before });
    void writeDismissed([...before, s.key]);
  }, [dismissed, record, writeDismissed]);

  const restoreDismissed = useCallback(() => {
    record({ action: 'restore', subject: '', dismissed: [...dismissed] });
    void writeDismissed([]);
  }, [dismissed, record, writeDismissed]);

  const save = useCallback((id: TimelineEvent['id'], d: EventDraft) => {
    changeEvents('edit', d.title, (list) => list.map((e) => (e.id === id ? { id, ...d } : e)));
    setEditingId(undefined);
  }, [changeEvents]);

  const remove = useCallback((event: TimelineEvent) => {
    changeEvents('delete', event.title, (list) => list.filter((e) => e.id !== event.id));
    notify(t('timeline.deleted', { title: event.title }));
  }, [changeEvents, notify, t]);

  const add = (d: EventDraft) => {
    const event: TimelineEvent = { id: newId(), ...d };
    changeEvents('add', event.title, (list) => [...list, event]);
    setAdding(false);
    setView('list');
    setFocusId(event.id);
  };

  const undo = useCallback(() => {
    const { entry, rest } = popUndo(undoStack);
    if (!entry) return;
    setUndoStack(rest);
    if (entry.events) { const events = [...entry.events]; update((row) => ({ ...row, events })); }
    if (entry.dismissed) void writeDismissed(entry.dismissed);
    setEditingId(undefined);
  }, [undoStack, update, writeDismissed]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || e.key.toLowerCase() !== 'z') return;
      // Inside a text field Ctrl+Z belongs to the field's own undo.
      if (isEditable(e.target) || document.querySelector('dialog[open]')) return;
      e.preventDefault();
      undo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo]);

  const ctx: ListContext = useMemo(() => ({
    jurisdiction: draft.jurisdiction, exhibits, byId, texts, labels, thumbs,
    onEdit: setEditingId, onSave: save, onDelete: remove,
  }), [draft.jurisdiction, exhibits, byId, texts, labels, thumbs, save, remove]);

  const lastUndo = undoStack[undoStack.length - 1];
  const undoText = lastUndo ? t(`timeline.undo.${lastUndo.action}`, { title: lastUndo.subject }) : t('timeline.undo.nothing');

  return (
    <div className="section-body tl-section">
      <header className="section-header tl-header">
        <div className="tl-header-row">
          <h2>{t('timeline.title')}</h2>
          <div className="tl-toolbar">
            <button type="button" className="button" onClick={undo} disabled={!lastUndo} title={undoText} aria-keyshortcuts="Control+Z Meta+Z" data-testid="timeline-undo">↶ {t('timeline.undo')}</button>
            <button type="button" className="button primary" onClick={() => setAdding(true)}>＋ {t('timeline.add')}</button>
          </div>
        </div>
        <p className="section-intro">{t('timeline.intro')}</p>
        {lastUndo ? <p className="tl-undo-hint small muted" aria-live="polite">{undoText} · Ctrl/⌘+Z</p> : null}
      </header>

      <DeadlinesPanel draft={draft} today={today} />

      {rows === undefined ? <p className="muted">{t('common.loading')}</p> : (
        <SuggestionsPanel groups={groups} jurisdiction={draft.jurisdiction} thumbs={thumbs} dismissedCount={dismissedCount} readingCount={readingCount}
          hasEvidence={exhibits.length > 0} onAccept={accept} onAcceptAll={acceptAll} onDismiss={dismiss} onRestore={restoreDismissed} />
      )}

      <section className="card tl-events" aria-labelledby="events-title">
        <div className="card-title-row">
          <h3 id="events-title">{t('timeline.events.title')} <span className="tl-count">{t('timeline.count', { count: events.length })}</span></h3>
          <div className="tl-segmented" role="group" aria-label={t('timeline.view')}>
            <button type="button" className={view === 'list' ? 'active' : ''} aria-pressed={view === 'list'} onClick={() => { setView('list'); setFocusId(undefined); }}>{t('timeline.view.list')}</button>
            <button type="button" className={view === 'visual' ? 'active' : ''} aria-pressed={view === 'visual'} onClick={() => { setView('visual'); setFocusId(undefined); }}>{t('timeline.view.visual')}</button>
          </div>
        </div>
        {view === 'list' ? <EventList events={events} editingId={editingId} focusId={focusId} ctx={ctx} />
          : events.length === 0 ? <p className="tl-empty">{t('timeline.events.empty')}</p>
          : <VisualTimeline events={events} jurisdiction={draft.jurisdiction} byId={byId} thumbs={thumbs} onOpen={(id) => { setView('list'); setFocusId(id); }} />}
      </section>

      {isAdding ? (
        <Dialog title={t('timeline.form.new')} labelledBy="event-add-title" onClose={() => setAdding(false)} footer={<>
          <button type="button" className="button" onClick={() => setAdding(false)}>{t('common.cancel')}</button>
          <button type="submit" form="event-add-form" className="button primary">{t('timeline.form.add')}</button>
        </>}>
          <EventForm formId="event-add-form" initial={undefined} exhibits={exhibits} labels={labels} jurisdiction={draft.jurisdiction} submitLabel={t('timeline.form.add')} onSubmit={add} onCancel={() => setAdding(false)} />
        </Dialog>
      ) : null}
    </div>
  );
}

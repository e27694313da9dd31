/**
 * Export: choose the audience, build the dossier in a Web Worker with progress and cancel, preview
 * its page list, then save it (native dialog or download) and open it.
 */
import { useEffect, useRef, useState } from 'react';
import type { Audience } from '../../../shared/case/schema';
import { dossierDeadlines } from '../../../shared/deadlines/for-dossier';
import { defaultHolidayTable } from '../../../shared/deadlines/holidays';
import { localDay } from '../../../shared/deadlines/calendar';
import type { DossierProgress, DossierReport } from '../../../shared/dossier/types';
import { useServices } from '../app-context';
import { exhibitLabel } from '../../../shared/case/exhibit-label';
import { useI18n } from '../i18n/i18n';
import { getSetting, listEvidence } from '../store/case-store';
import { applyHolidayEdits, holidaySettingKey, parseHolidayEdits } from '../timeline/holiday-edits';
import { overridesSettingKey, parseOverrides } from '../timeline/deadline-view';
import type { CaseRow } from '../store/db';
import { useLiveQuery } from '../ui/use-live-query';
import { ExportError, startDossierBuild, type BuildHandle } from './dossier-client';
import './export.css';

type State =
  | { step: 'idle' }
  | { step: 'building'; progress: DossierProgress | undefined }
  | { step: 'ready'; report: DossierReport; audience: Audience; saved?: { name: string; token?: string } }
  | { step: 'failed'; message: string };

const AUDIENCES: Audience[] = ['company', 'regulator'];

function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function safeFileName(s: string): string {
  const printable = [...s].filter((c) => c.charCodeAt(0) >= 0x20).join('');
  return printable.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 120) || 'dossier';
}

export function ExportSection({ draft }: { draft: CaseRow }) {
  const { db, host, notify } = useServices();
  const { t } = useI18n();
  const [audience, setAudience] = useState<Audience>('company');
  const [state, setState] = useState<State>({ step: 'idle' });
  const handle = useRef<BuildHandle | undefined>(undefined);
  const evidence = useLiveQuery(() => listEvidence(db, draft.id), [db, draft.id]);
  const pendingOcr = (evidence ?? []).filter((e) => e.ocr?.status === 'queued' || e.ocr?.status === 'running').length;

  useEffect(() => () => handle.current?.cancel(), []);

  const build = async () => {
    handle.current?.cancel();
    setState({ step: 'building', progress: undefined });
    const today = new Date();
    // The same holiday corrections and user-set periods as the Timeline's deadline panel.
    const [holidayEdits, overrides] = await Promise.all([
      getSetting<unknown>(db, holidaySettingKey(draft.jurisdiction), undefined),
      getSetting<unknown>(db, overridesSettingKey(draft.id), undefined),
    ]);
    const deadlines = dossierDeadlines(draft, {
      today: localDay(today),
      holidays: applyHolidayEdits(defaultHolidayTable(draft.jurisdiction), parseHolidayEdits(holidayEdits)),
      overrides: parseOverrides(overrides),
    });
    const current = startDossierBuild(
      { caseId: draft.id, audience, baseUrl: document.baseURI, deadlines, utcOffsetMinutes: -today.getTimezoneOffset() },
      (progress) => setState((s) => (s.step === 'building' ? { step: 'building', progress } : s)),
    );
    handle.current = current;
    try {
      const report = await current.result;
      setState({ step: 'ready', report, audience });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') { setState({ step: 'idle' }); notify(t('export.cancelled')); return; }
      const index = error instanceof ExportError && error.evidenceId ? (evidence ?? []).findIndex((e) => e.id === error.evidenceId) : -1;
      const message = error instanceof Error ? error.message : String(error);
      setState({ step: 'failed', message: index >= 0 ? t('export.failedExhibit', { label: exhibitLabel(index), message }) : t('export.failed', { message }) });
    } finally {
      if (handle.current === current) handle.current = undefined;
    }
  };

  const save = async () => {
    if (state.step !== 'ready') return;
    const name = t('export.fileName', { title: safeFileName(draft.title || t('cases.untitled')), audience: t(`export.audience.${state.audience}`) });
    try {
      const outcome = await host.saveFile('pdf', name, state.report.bytes);
      if (outcome.saved) setState({ ...state, saved: { name: outcome.fileName, ...(outcome.token ? { token: outcome.token } : {}) } });
    } catch (error) {
      notify(t('export.failed', { message: error instanceof Error ? error.message : String(error) }), 'error');
    }
  };

  const progressText = (p: DossierProgress | undefined) => {
    if (!p) return t('export.phase.fonts');
    if (p.phase === 'exhibits') return t('export.phase.exhibits', { done: Math.min(p.done + 1, p.total), total: p.total });
    return t(`export.phase.${p.phase}`);
  };
  const progressValue = (p: DossierProgress | undefined) => {
    if (!p) return 0.02;
    const base = { fonts: 0, sections: 0.1, exhibits: 0.2, finishing: 0.95 }[p.phase];
    const span = { fonts: 0.1, sections: 0.1, exhibits: 0.75, finishing: 0.05 }[p.phase];
    return base + span * (p.total ? p.done / p.total : 0);
  };

  return (
    <div className="section-body export">
      <header className="section-header">
        <h2>{t('section.export.title')}</h2>
        <p className="section-intro">{t('export.intro')}</p>
      </header>

      <section className="card">
        <fieldset className="audience-choice" disabled={state.step === 'building'}>
          <legend className="field-label">{t('export.audience')}</legend>
          {AUDIENCES.map((a) => (
            <label key={a} className={`choice${audience === a ? ' selected' : ''}`}>
              <input type="radio" name="audience" value={a} checked={audience === a} onChange={() => { setAudience(a); setState({ step: 'idle' }); }} />
              <span className="choice-title">{t(`export.audience.${a}`)}</span>
              <span className="choice-hint">{t(`export.audience.${a}.hint`)}</span>
            </label>
          ))}
        </fieldset>
        {evidence && evidence.length === 0 ? <p className="muted small">{t('export.noEvidence')}</p> : null}
        {pendingOcr > 0 ? <p className="warning small">{t('export.pendingOcr', { count: pendingOcr })}</p> : null}
        {draft.redact.pii ? <p className="muted small">🛡 {t('export.redaction')}</p> : null}
        <div className="toolbar export-actions">
          {state.step === 'building' ? (
            <>
              <div className="build-progress" role="status">
                <span className="progress wide"><span style={{ width: `${Math.round(progressValue(state.progress) * 100)}%` }} /></span>
                <span>{progressText(state.progress)}</span>
              </div>
              <button type="button" className="button" onClick={() => handle.current?.cancel()}>{t('export.cancel')}</button>
            </>
          ) : (
            <button type="button" className="button primary" onClick={() => void build()}>{state.step === 'ready' ? t('export.rebuild') : t('export.build')}</button>
          )}
        </div>
        {state.step === 'failed' ? <p className="error-banner" role="alert">{state.message}</p> : null}
      </section>

      {state.step === 'ready' ? (
        <section className="card result" aria-live="polite">
          <div className="card-title-row">
            <h3>{t('export.ready', { pages: state.report.pageCount, exhibits: state.report.exhibits.length, size: formatSize(state.report.bytes.byteLength) })}</h3>
            <div className="toolbar">
              {state.saved?.token && host.showSaved ? (
                <>
                  <button type="button" className="button" onClick={() => void host.showSaved?.(state.saved!.token!, 'reveal')}>{t('export.reveal')}</button>
                  <button type="button" className="button" onClick={() => void host.showSaved?.(state.saved!.token!, 'open')}>{t('export.open')}</button>
                </>
              ) : null}
              <button type="button" className="button primary" onClick={() => void save()}>{t('export.save')}</button>
            </div>
          </div>
          {state.saved ? <p className="saved-note" role="status">✓ {t('export.saved', { name: state.saved.name })}</p> : null}
          {state.report.missingGlyphs.length ? <p className="warning">{t('export.missingGlyphs', { chars: state.report.missingGlyphs.join(' ') })}</p> : null}
          <table className="page-list">
            <thead><tr><th>{t('export.section')}</th><th>{t('export.page')}</th></tr></thead>
            <tbody>
              {state.report.sections.map((s) => (
                <tr key={s.id}><td>{s.title}</td><td>{s.firstPage}</td></tr>
              ))}
              {state.report.exhibits.map((e) => (
                <tr key={e.id} className="exhibit-line">
                  <td><span className="exhibit-label">{e.label}</span> {e.title}</td>
                  <td>{e.pageCount > 1 ? t('export.pageRange', { from: e.firstPage, to: e.firstPage + e.pageCount - 1 }) : e.firstPage}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  );
}

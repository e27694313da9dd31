/** A case's workspace: navigation between its areas, the editable title and the save state. */
import { lazy, Suspense, useEffect } from 'react';
import type { CaseId } from '../../../shared/case/schema';
import { useI18n } from '../i18n/i18n';
import type { Section } from '../route';
import { useErrorMessage } from '../ui/use-error-message';
import { PartiesSection } from './parties-section';
import { useCaseDraft, type SaveStatus } from './use-case-draft';

// Each area loads its code (OCR client, extraction, PDF composer…) the first time it is opened.
const EvidenceSection = lazy(() => import('../evidence/evidence-section').then((m) => ({ default: m.EvidenceSection })));
const TimelineSection = lazy(() => import('../timeline/timeline-section').then((m) => ({ default: m.TimelineSection })));
const ExportSection = lazy(() => import('../export/export-section').then((m) => ({ default: m.ExportSection })));
const ClaimsSection = lazy(() => import('../claims/claims-section').then((m) => ({ default: m.ClaimsSection })));

const NAV: Array<{ section: Section; icon: string }> = [
  { section: 'parties', icon: '人' },
  { section: 'evidence', icon: '證' },
  { section: 'timeline', icon: '時' },
  { section: 'claims', icon: '訴' },
  { section: 'export', icon: '出' },
];

function SaveIndicator({ status }: { status: SaveStatus }) {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const text = status.state === 'pending' || status.state === 'saving' ? t('common.saving')
    : status.state === 'saved' ? t('common.saved')
    : status.state === 'failed' ? t('common.saveFailed', { reason: errorMessage(status.error) }) : '';
  return <span className={`save-indicator save-${status.state}`} role="status" aria-live="polite" data-state={status.state}>{text}</span>;
}

export function WorkspaceScreen({ caseId, section, importRequest, onNavigate, onBack }: {
  caseId: CaseId;
  section: Section;
  importRequest: number;
  onNavigate: (section: Section) => void;
  onBack: () => void;
}) {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const { draft, update, status, loadError } = useCaseDraft(caseId);

  useEffect(() => {
    if (draft) document.title = `${draft.title || t('cases.untitled')} — Dossier`;
    return () => { document.title = 'Dossier'; };
  }, [draft, t]);

  if (loadError) {
    return (
      <main className="page"><p className="error-banner" role="alert">{errorMessage(loadError)}</p>
        <button type="button" className="button" onClick={onBack}>{t('common.back')}</button></main>
    );
  }
  if (!draft) return <main className="page"><p className="muted">{t('common.loading')}</p></main>;

  return (
    <div className="workspace">
      <nav className="workspace-nav" aria-label={draft.title}>
        <button type="button" className="back-link" onClick={onBack}>← {t('common.back')}</button>
        <ul>
          {NAV.map(({ section: s, icon }) => (
            <li key={s}>
              <a href={`#/case/${encodeURIComponent(caseId)}/${s}`} className={`nav-item${s === section ? ' active' : ''}`} aria-current={s === section ? 'page' : undefined}
                onClick={(e) => { e.preventDefault(); onNavigate(s); }}>
                <span className="nav-icon" aria-hidden="true">{icon}</span>{t(`nav.${s}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="workspace-main">
        <header className="workspace-header">
          <input className="title-input" aria-label={t('field.caseTitle')} name="case-title" value={draft.title} placeholder={t('cases.untitled')}
            onChange={(e) => { const title = e.target.value; update((row) => ({ ...row, title })); }} />
          <span className={`badge badge-${draft.jurisdiction}`}>{t(`jurisdiction.${draft.jurisdiction}`)}</span>
          <SaveIndicator status={status} />
        </header>
        <Suspense fallback={<p className="muted section-loading">{t('common.loading')}</p>}>
        {section === 'parties' ? <PartiesSection draft={draft} update={update} />
          : section === 'evidence' ? <EvidenceSection draft={draft} update={update} importRequest={importRequest} />
          : section === 'timeline' ? <TimelineSection draft={draft} update={update} />
          : section === 'claims' ? <ClaimsSection draft={draft} update={update} />
          : <ExportSection draft={draft} />}
        </Suspense>
      </main>
    </div>
  );
}

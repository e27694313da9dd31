/** The first screen: every case on this computer, with create, rename, duplicate and delete. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseId, Jurisdiction } from '../../../shared/case/schema';
import { useServices } from '../app-context';
import { useArchiveActions } from '../archive/use-archive-actions';
import { LOCALE_OF, useI18n } from '../i18n/i18n';
import { createCase, deleteCase, duplicateCase, listCases, renameCase, type CaseSummary } from '../store/case-store';
import { Dialog } from '../ui/dialog';
import { TextField } from '../ui/field';
import { useErrorMessage } from '../ui/use-error-message';

const JURISDICTIONS: Jurisdiction[] = ['TW', 'CN', 'HK'];

export function CaseListScreen({ onOpen, isCreating, onCreatingChange }: {
  onOpen: (id: CaseId) => void;
  isCreating: boolean;
  onCreatingChange: (open: boolean) => void;
}) {
  const { db, env, notify } = useServices();
  const { t, language } = useI18n();
  const errorMessage = useErrorMessage();
  const [cases, setCases] = useState<CaseSummary[] | undefined>();
  const [deleting, setDeleting] = useState<CaseSummary | undefined>();
  const [renaming, setRenaming] = useState<{ id: CaseId; title: string } | undefined>();
  const [filter, setFilter] = useState('');

  const reload = useCallback(async () => setCases(await listCases(db)), [db]);
  useEffect(() => { void reload(); }, [reload]);
  const archive = useArchiveActions(reload);

  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error) {
      notify(errorMessage(error), 'error');
    }
    await reload();
  };

  const when = (iso: string) => new Intl.DateTimeFormat(LOCALE_OF[language], { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  const shown = (cases ?? []).filter((c) => !filter || c.header.title.toLowerCase().includes(filter.toLowerCase()) || c.header.complainant.name.includes(filter) || c.header.respondent.name.includes(filter));

  return (
    <main className="page case-list" aria-labelledby="cases-title">
      <header className="page-header">
        <div>
          <h1 id="cases-title">{t('cases.title')}</h1>
          <p className="page-subtitle">{t('cases.subtitle')}</p>
        </div>
        <div className="page-actions">
          {cases && cases.length > 3 ? (
            <input className="input search" type="search" placeholder={t('cases.search')} aria-label={t('cases.search')} value={filter} onChange={(e) => setFilter(e.target.value)} />
          ) : null}
          <button type="button" className="button" onClick={() => void archive.importArchive()}>{t('archive.import')}</button>
          <button type="button" className="button primary" onClick={() => onCreatingChange(true)}>
            <span aria-hidden="true">＋</span> {t('cases.new')}
          </button>
        </div>
      </header>

      {cases === undefined ? <p className="muted">{t('common.loading')}</p> : cases.length === 0 ? (
        <section className="empty-state">
          <div className="empty-illustration" aria-hidden="true">卷</div>
          <h2>{t('cases.empty.title')}</h2>
          <p>{t('cases.empty.body')}</p>
          <button type="button" className="button primary" onClick={() => onCreatingChange(true)}>{t('cases.new')}</button>
        </section>
      ) : (
        <ul className="case-grid" aria-label={t('cases.title')}>
          {shown.map((c) => (
            <li key={c.header.id} className="case-card">
              <button type="button" className="case-card-main" onClick={() => onOpen(c.header.id)}>
                <span className={`badge badge-${c.header.jurisdiction}`}>{t(`jurisdiction.${c.header.jurisdiction}`)}</span>
                <span className="case-card-title">{c.header.title || t('cases.untitled')}</span>
                <span className="case-card-parties">
                  {[c.header.complainant.name, c.header.respondent.name].filter(Boolean).join(' ⟶ ') || '\u00a0'}
                </span>
                <span className="case-card-meta">
                  {t('cases.evidenceCount', { count: c.evidenceCount })} · {t('cases.updated', { when: when(c.header.updatedAt) })}
                </span>
              </button>
              <div className="case-card-actions">
                <button type="button" className="button ghost small" onClick={() => setRenaming({ id: c.header.id, title: c.header.title })}>{t('cases.rename')}</button>
                <button type="button" className="button ghost small" onClick={() => void run(() => duplicateCase(db, env, c.header.id, t('cases.copyName', { title: c.header.title || t('cases.untitled') })))}>{t('cases.duplicate')}</button>
                <button type="button" className="button ghost small" onClick={() => void archive.exportCase(c.header.id)}>{t('archive.export')}</button>
                <button type="button" className="button ghost small danger" onClick={() => setDeleting(c)}>{t('cases.delete')}</button>
              </div>
            </li>
          ))}
        </ul>
      )}

      {isCreating ? (
        <NewCaseDialog
          onClose={() => onCreatingChange(false)}
          onCreate={async (title, jurisdiction) => {
            try {
              const row = await createCase(db, env, { title, jurisdiction });
              onCreatingChange(false);
              onOpen(row.id);
            } catch (error) {
              notify(errorMessage(error), 'error');
            }
          }}
        />
      ) : null}

      {renaming ? (
        <Dialog
          title={t('cases.rename')}
          onClose={() => setRenaming(undefined)}
          footer={<>
            <button type="button" className="button" onClick={() => setRenaming(undefined)}>{t('common.cancel')}</button>
            <button type="submit" form="rename-form" className="button primary">{t('common.save')}</button>
          </>}
        >
          <form id="rename-form" onSubmit={(e) => { e.preventDefault(); const r = renaming; setRenaming(undefined); void run(() => renameCase(db, env, r.id, r.title.trim())); }}>
            <TextField label={t('field.caseTitle')} value={renaming.title} onChange={(title) => setRenaming({ ...renaming, title })} autoFocus />
          </form>
        </Dialog>
      ) : null}

      {deleting ? (
        <Dialog
          title={t('cases.deleteConfirm.title')}
          onClose={() => setDeleting(undefined)}
          footer={<>
            <button type="button" className="button" onClick={() => setDeleting(undefined)} autoFocus>{t('common.cancel')}</button>
            <button type="button" className="button danger-solid" onClick={() => { const d = deleting; setDeleting(undefined); void run(() => deleteCase(db, d.header.id)); }}>
              {t('cases.deleteConfirm.confirm')}
            </button>
          </>}
        >
          <p>{t('cases.deleteConfirm.body', { title: deleting.header.title || t('cases.untitled'), count: deleting.evidenceCount })}</p>
        </Dialog>
      ) : null}
    </main>
  );
}

function NewCaseDialog({ onClose, onCreate }: { onClose: () => void; onCreate: (title: string, jurisdiction: Jurisdiction) => Promise<void> }) {
  const { t, language } = useI18n();
  const [title, setTitle] = useState('');
  const [jurisdiction, setJurisdiction] = useState<Jurisdiction>(language === 'zh-CN' ? 'CN' : language === 'en' ? 'HK' : 'TW');
  const isBusy = useRef(false);
  return (
    <Dialog
      title={t('newCase.title')}
      onClose={onClose}
      footer={<>
        <button type="button" className="button" onClick={onClose}>{t('common.cancel')}</button>
        <button type="submit" form="new-case-form" className="button primary">{t('newCase.create')}</button>
      </>}
    >
      <form
        id="new-case-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (isBusy.current) return;
          isBusy.current = true;
          void onCreate(title.trim(), jurisdiction).finally(() => { isBusy.current = false; });
        }}
      >
        <TextField label={t('newCase.name')} placeholder={t('newCase.namePlaceholder')} value={title} onChange={setTitle} autoFocus />
        <fieldset className="choice-group">
          <legend className="field-label">{t('newCase.jurisdiction')}</legend>
          {JURISDICTIONS.map((j) => (
            <label key={j} className={`choice${jurisdiction === j ? ' selected' : ''}`}>
              <input type="radio" name="jurisdiction" value={j} checked={jurisdiction === j} onChange={() => setJurisdiction(j)} />
              <span className="choice-title">{t(`jurisdiction.${j}`)}</span>
              <span className="choice-hint">{t(`jurisdiction.${j}.hint`)}</span>
            </label>
          ))}
        </fieldset>
      </form>
    </Dialog>
  );
}

/** The app root: services, UI language, routes, native menu commands and the status bar. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { CaseIdSchema, type Language } from '../../shared/case/schema';
import { AppContext, type AppServices } from './app-context';
import type { Host } from './host/host';
import { I18nProvider, LOCALE_OF } from './i18n/i18n';
import { translate } from './i18n/messages';
import { useRoute } from './route';
import { CaseListScreen } from './screens/case-list';
import { WorkspaceScreen } from './screens/workspace';
import type { StoreEnv } from './store/case-store';
import type { DossierDb } from './store/db';
import type { OcrQueue } from './evidence/ocr-queue';

const LANGUAGES: Language[] = ['zh-TW', 'zh-CN', 'en'];
const LANGUAGE_KEY = 'ui.language';

export function App({ db, env, host, ocrQueue, initialLanguage }: { db: DossierDb; env: StoreEnv; host: Host; ocrQueue: OcrQueue; initialLanguage: Language }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const [route, navigate] = useRoute();
  const [toast, setToast] = useState<{ message: string; tone: 'info' | 'error' } | undefined>();
  const [isCreating, setCreating] = useState(false);
  const [importRequest, setImportRequest] = useState(0);

  // Jobs left queued or interrupted by the last session resume now.
  useEffect(() => { ocrQueue.kick(); }, [ocrQueue]);

  // Remembered synchronously, so a reload right after a switch can never see the old language.
  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    localStorage.setItem(LANGUAGE_KEY, next);
  }, []);

  useEffect(() => {
    document.documentElement.lang = LOCALE_OF[language];
  }, [language]);

  const notify = useCallback((message: string, tone: 'info' | 'error' = 'info') => setToast({ message, tone }), []);
  useEffect(() => {
    if (!toast) return;
    const id = setTimeout(() => setToast(undefined), toast.tone === 'error' ? 12_000 : 4_000);
    return () => clearTimeout(id);
  }, [toast]);

  useEffect(() => host.onMenuCommand((command) => {
    switch (command) {
      case 'case:new': navigate({ name: 'cases' }); setCreating(true); break;
      case 'case:list': navigate({ name: 'cases' }); break;
      case 'ui:language:zh-TW': setLanguage('zh-TW'); break;
      case 'ui:language:zh-CN': setLanguage('zh-CN'); break;
      case 'ui:language:en': setLanguage('en'); break;
      case 'evidence:import':
        if (route.name === 'case') { navigate({ ...route, section: 'evidence' }); setImportRequest((n) => n + 1); }
        break;
      case 'export:dossier':
        if (route.name === 'case') navigate({ ...route, section: 'export' });
        break;
    }
  }), [host, navigate, route, setLanguage]);

  const services = useMemo<AppServices>(() => ({ db, env, host, notify, ocrQueue }), [db, env, host, notify, ocrQueue]);
  const t = (key: Parameters<typeof translate>[1]) => translate(language, key);

  return (
    <AppContext.Provider value={services}>
      <I18nProvider language={language} setLanguage={setLanguage}>
        <div className="app">
          <header className="topbar">
            <a href="#/" className="brand" onClick={(e) => { e.preventDefault(); navigate({ name: 'cases' }); }}>
              <span className="brand-seal" aria-hidden="true">卷</span>
              <span className="brand-name">{t('app.name')}</span>
            </a>
            <span className="offline-pill" title={t('app.offline')}><span className="dot" aria-hidden="true" />{t('app.offline')}</span>
            <label className="lang-switch">
              <span className="visually-hidden">{t('lang.label')}</span>
              <select aria-label={t('lang.label')} name="ui-language" value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
                {LANGUAGES.map((l) => <option key={l} value={l}>{translate(l, `lang.${l}`)}</option>)}
              </select>
            </label>
          </header>
          {route.name === 'cases' ? (
            <CaseListScreen onOpen={(caseId) => navigate({ name: 'case', caseId, section: 'parties' })} isCreating={isCreating} onCreatingChange={setCreating} />
          ) : (
            <WorkspaceScreen
              key={route.caseId}
              caseId={CaseIdSchema.parse(route.caseId)}
              section={route.section}
              importRequest={importRequest}
              onNavigate={(section) => navigate({ ...route, section })}
              onBack={() => navigate({ name: 'cases' })}
            />
          )}
          {toast ? <div className={`toast toast-${toast.tone}`} role={toast.tone === 'error' ? 'alert' : 'status'}>{toast.message}
            <button type="button" className="toast-close" aria-label={t('common.close')} onClick={() => setToast(undefined)}>×</button></div> : null}
        </div>
      </I18nProvider>
    </AppContext.Provider>
  );
}

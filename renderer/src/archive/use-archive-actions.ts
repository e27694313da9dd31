/** The case list's archive actions: export a case through the host's save dialog, import one picked file. */
import { useCallback } from 'react';
import { ArchiveError } from '../../../shared/archive/format';
import type { CaseId } from '../../../shared/case/schema';
import { useServices } from '../app-context';
import { useI18n } from '../i18n/i18n';
import { useErrorMessage } from '../ui/use-error-message';
import { exportCaseArchive, importCaseArchive } from './archive-store';

/** Export and import handlers; `onImported` runs after a case came in (to refresh the list). */
export function useArchiveActions(onImported: () => Promise<void> | void): { exportCase: (id: CaseId) => Promise<void>; importArchive: () => Promise<void> } {
  const { db, env, host, notify } = useServices();
  const { t } = useI18n();
  const errorMessage = useErrorMessage();

  const exportCase = useCallback(async (id: CaseId) => {
    try {
      const { bytes, fileName, case: c } = await exportCaseArchive(db, id);
      const saved = await host.saveFile('archive', fileName, bytes);
      if (saved.saved) notify(t('archive.exported', { fileName: saved.fileName, count: c.evidence.length }));
    } catch (error) {
      notify(errorMessage(error), 'error');
    }
  }, [db, host, notify, t, errorMessage]);

  const importArchive = useCallback(async () => {
    const [file] = await host.openFiles('archive', false);
    if (!file) return;
    notify(t('archive.busy', { name: file.name }));
    try {
      const result = await importCaseArchive(db, env, file.bytes, (title) => t('archive.copyTitle', { title: title || t('cases.untitled') }));
      notify(result.isCopy ? t('archive.importedCopy', { title: result.header.title }) : t('archive.imported', { title: result.header.title || t('cases.untitled'), count: result.evidenceCount }));
      await onImported();
    } catch (error) {
      notify(error instanceof ArchiveError ? t('archive.rejected', { name: file.name, reason: error.message }) : errorMessage(error), 'error');
    }
  }, [db, env, host, notify, t, errorMessage, onImported]);

  return { exportCase, importArchive };
}

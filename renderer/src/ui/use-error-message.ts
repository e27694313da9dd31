/** Turns a thrown error into a sentence in the user's language. */
import { useCallback } from 'react';
import { useI18n } from '../i18n/i18n';
import { StoreError } from '../store/case-store';
import { useServices } from '../app-context';

export function useErrorMessage(): (error: unknown) => string {
  const { t } = useI18n();
  return useCallback((error: unknown) => {
    if (error instanceof StoreError) {
      switch (error.kind) {
        case 'quota': return t('error.quota');
        case 'not-found': return t('error.notFound');
        case 'invalid':
        case 'storage': return t('error.storage', { message: error.message });
      }
    }
    return t('error.generic', { message: error instanceof Error ? error.message : String(error) });
  }, [t]);
}

/**
 * Runs background work started by a click or a keystroke and shows any failure (a full disk, a
 * removed case…) in the status area instead of losing it.
 */
export function useReport(): (work: Promise<unknown>) => void {
  const { notify } = useServices();
  const errorMessage = useErrorMessage();
  return useCallback((work: Promise<unknown>) => {
    work.catch((error: unknown) => notify(errorMessage(error), 'error'));
  }, [notify, errorMessage]);
}

/**
 * Loads a case's metadata and saves edits as the user types: changes apply to a local draft at
 * once and are written (validated, in one transaction) shortly after typing pauses, when the page
 * is hidden, and when the workspace closes. Nothing typed is lost on a reload after "Saved".
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseId } from '../../../shared/case/schema';
import { useServices } from '../app-context';
import { getCaseHeader, updateCase } from '../store/case-store';
import type { CaseRow } from '../store/db';

export type SaveStatus = { state: 'idle' } | { state: 'pending' } | { state: 'saving' } | { state: 'saved' } | { state: 'failed'; error: unknown };

const SAVE_DELAY_MS = 350;

export function useCaseDraft(caseId: CaseId) {
  const { db, env } = useServices();
  const [draft, setDraft] = useState<CaseRow | undefined>();
  const [loadError, setLoadError] = useState<unknown>();
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  const latest = useRef<CaseRow | undefined>(undefined);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    let isCurrent = true;
    getCaseHeader(db, caseId).then(
      (row) => { if (isCurrent) { latest.current = row; setDraft(row); } },
      (error: unknown) => { if (isCurrent) setLoadError(error); },
    );
    return () => { isCurrent = false; };
  }, [db, caseId]);

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    const snapshot = latest.current;
    if (!dirty.current || !snapshot) return;
    dirty.current = false;
    setStatus({ state: 'saving' });
    try {
      await updateCase(db, env, caseId, (row) => ({ ...snapshot, createdAt: row.createdAt }));
      setStatus(dirty.current ? { state: 'pending' } : { state: 'saved' });
    } catch (error) {
      dirty.current = true;
      setStatus({ state: 'failed', error });
    }
  }, [db, env, caseId]);

  const update = useCallback((change: (row: CaseRow) => CaseRow) => {
    const current = latest.current;
    if (!current) return;
    const next = change(current);
    latest.current = next;
    dirty.current = true;
    setDraft(next);
    setStatus({ state: 'pending' });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
  }, [flush]);

  useEffect(() => {
    const onHide = () => { if (document.visibilityState === 'hidden') void flush(); };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onHide);
      void flush();
    };
  }, [flush]);

  return { draft, update, status, loadError, flush };
}

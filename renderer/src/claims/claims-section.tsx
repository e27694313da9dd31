/**
 * Claims & letters: numbered claims with amounts, demands, the contact log, letters drafted from the
 * case with a checker, advocate mode and the portal pack. Everything lives in the case draft
 * (autosaved); exhibits are read from the evidence table for their labels.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import './claims.css';
import { useServices } from '../app-context';
import { useI18n } from '../i18n/i18n';
import { listEvidence } from '../store/case-store';
import type { CaseRow } from '../store/db';
import { useLiveQuery } from '../ui/use-live-query';
import { AdvocatePanel, PortalPanel } from './advocate-portal';
import { ClaimsEditor } from './claims-editor';
import { localDay } from '../../../shared/deadlines/calendar';
import { type PanelProps, type UndoOffer } from './claims-common';
import { ContactLog } from './contact-log';
import { DemandsEditor } from './demands-editor';
import { LettersPanel } from './letters-panel';

const UNDO_MS = 10_000;

export function ClaimsSection({ draft, update }: { draft: CaseRow; update: (change: (row: CaseRow) => CaseRow) => void }) {
  const { t } = useI18n();
  const { db, env } = useServices();
  const rows = useLiveQuery(() => listEvidence(db, draft.id), [db, draft.id]);
  const [undo, setUndo] = useState<UndoOffer | undefined>();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const offerUndo = useCallback((offer: UndoOffer) => {
    clearTimeout(timer.current);
    setUndo(offer);
    timer.current = setTimeout(() => setUndo(undefined), UNDO_MS);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);

  const props: PanelProps = { draft, update, exhibits: rows ?? [], today: localDay(env.now()) };
  const jump = (id: string) => document.getElementById(id)?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  const nav = [
    ['claims', t('claims.nav.claims', { count: draft.claims.length })],
    ['demands', t('claims.nav.demands', { count: draft.demands.length })],
    ['contacts', t('claims.nav.contacts', { count: draft.contacts.length })],
    ['letters', t('claims.nav.letters', { count: draft.letters.length })],
  ] as const;

  return (
    <div className="section-body cl-section">
      <header className="section-header">
        <h2>{t('section.claims.title')}</h2>
        <p className="section-intro">{t('claims.intro')}</p>
        <nav className="cl-subnav" aria-label={t('section.claims.title')}>
          {nav.map(([id, label]) => <button key={id} type="button" className="chip" onClick={() => jump(id)}>{label}</button>)}
        </nav>
      </header>
      <ClaimsEditor {...props} offerUndo={offerUndo} />
      <DemandsEditor {...props} offerUndo={offerUndo} />
      <ContactLog {...props} offerUndo={offerUndo} />
      <LettersPanel {...props} offerUndo={offerUndo} />
      <AdvocatePanel {...props} />
      <PortalPanel {...props} />
      {undo ? (
        <div className="cl-undo" role="status">
          <span>{undo.message}</span>
          <button type="button" className="button small" onClick={() => { undo.undo(); setUndo(undefined); clearTimeout(timer.current); }}>{t('common.undo')}</button>
        </div>
      ) : null}
    </div>
  );
}

/** Advocate mode (the authorisation letter to sign) and the portal pack (text sized for web complaint forms). */
import { useMemo, useState } from 'react';
import { PartialDateSchema } from '../../../shared/case/schema';
import { authorisationLetter } from '../../../shared/letters/authorisation';
import type { LetterCase } from '../../../shared/letters/case-view';
import { portalSummary } from '../../../shared/letters/portal';
import { useServices } from '../app-context';
import { useI18n } from '../i18n/i18n';
import { Field, TextField } from '../ui/field';
import { copyText, opt, type PanelProps } from './claims-common';

export function AdvocatePanel({ draft, update, exhibits, today }: PanelProps) {
  const { t } = useI18n();
  const { notify } = useServices();
  const agent = draft.agent;
  const letterCase: LetterCase = useMemo(() => ({ ...draft, evidence: exhibits }), [draft, exhibits]);
  const letter = useMemo(() => authorisationLetter(letterCase, { today }), [letterCase, today]);
  if (!agent) return null;
  const copy = async () => {
    const error = await copyText(letter.body);
    notify(error ? t('claims.copyFailed', { message: error }) : t('claims.advocate.copied'), error ? 'error' : 'info');
  };
  return (
    <section className="card cl-card cl-advocate" id="advocate" aria-labelledby="advocate-title">
      <h3 id="advocate-title">{t('claims.advocate.title')}</h3>
      <p className="card-hint">{t('claims.advocate.hint', { name: draft.complainant.name || '—' })}</p>
      <div className="form-grid">
        <TextField label={t('claims.advocate.agentId')} name="agent-idNumber" value={agent.idNumber} optional={t('common.optional')} autoComplete="off"
          onChange={(v) => update((row) => {
            if (!row.agent) return row;
            const { idNumber: _id, ...rest } = row.agent;
            const idNumber = opt(v);
            return { ...row, agent: idNumber === undefined ? rest : { ...rest, idNumber } };
          })} />
        <TextField type="date" label={t('claims.advocate.signedOn')} name="agent-signedOn" value={agent.authorisation?.signedOn} optional={t('common.optional')}
          onChange={(v) => update((row) => {
            if (!row.agent) return row;
            const parsed = PartialDateSchema.safeParse(v);
            const { signedOn: _s, ...auth } = row.agent.authorisation ?? {};
            return { ...row, agent: { ...row.agent, authorisation: parsed.success ? { ...auth, signedOn: parsed.data } : auth } };
          })} />
      </div>
      <pre className="cl-paper" lang={draft.language} aria-label={letter.title} data-testid="authorisation-preview">{letter.body}</pre>
      <div className="cl-letter-actions">
        <button type="button" className="button" onClick={() => void copy()}>{t('claims.advocate.copy')}</button>
      </div>
    </section>
  );
}

const LIMITS = [300, 500, 1000, 2000] as const;

export function PortalPanel({ draft, exhibits }: PanelProps) {
  const { t } = useI18n();
  const { notify } = useServices();
  const [maxChars, setMaxChars] = useState<number>(500);
  const [copied, setCopied] = useState<string | undefined>();
  const letterCase: LetterCase = useMemo(() => ({ ...draft, evidence: exhibits }), [draft, exhibits]);
  const summary = useMemo(() => portalSummary(letterCase, { maxChars }), [letterCase, maxChars]);
  const copy = async (key: string, text: string) => {
    const error = await copyText(text);
    if (error) { notify(t('claims.copyFailed', { message: error }), 'error'); return; }
    setCopied(key);
    notify(t('claims.portal.copied'));
    setTimeout(() => setCopied((k) => (k === key ? undefined : k)), 4000);
  };
  return (
    <section className="card cl-card" id="portal" aria-labelledby="portal-title">
      <div className="card-title-row">
        <h3 id="portal-title">{t('claims.portal.title')}</h3>
        <div className="cl-portal-controls">
          <Field label={t('claims.portal.limit')}>
            {(props) => (
              <select className="input" {...props} name="portal-limit" value={maxChars} onChange={(e) => setMaxChars(Number(e.target.value))}>
                {LIMITS.map((n) => <option key={n} value={n}>{n}</option>)}
              </select>
            )}
          </Field>
          <button type="button" className="button primary" disabled={summary.sections.length === 0} onClick={() => void copy('all', summary.text)}>
            {t('claims.portal.copy')}
          </button>
        </div>
      </div>
      <p className="card-hint">{t('claims.portal.hint')}</p>
      {copied === 'all' ? <p className="cl-confirm" role="status">✓ {t('claims.portal.copied')}</p> : null}
      {summary.sections.length === 0 ? <p className="cl-empty-line muted">{t('claims.portal.empty')}</p> : (
        <div className="cl-portal-sections">
          {summary.sections.map((s) => (
            <div key={s.key} className="cl-portal-section">
              <div className="cl-portal-head">
                <strong>{s.title}</strong>
                <span className={`cl-count${s.isShortened ? ' shortened' : ''}`}>{t('claims.portal.chars', { chars: s.chars, max: maxChars })}{s.isShortened ? ` · ${t('claims.portal.shortened')}` : ''}</span>
                <button type="button" className="button ghost small" onClick={() => void copy(s.key, s.text)}>{copied === s.key ? '✓ ' : ''}{t('claims.portal.copySection')}</button>
              </div>
              <pre className="cl-portal-text" lang={draft.language}>{s.text}</pre>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}

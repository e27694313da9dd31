/**
 * Letters: pick a template for the case's jurisdiction and a dossier cut, draft the letter from the
 * case, edit it (saved in the case), and see what the recipient's rules still want — each item
 * jumps to the field that fixes it.
 */
import { useMemo, useState } from 'react';
import { LetterIdSchema, type Audience, type Letter } from '../../../shared/case/schema';
import { checkLetter, type LetterIssue } from '../../../shared/letters/check';
import { draftLetter } from '../../../shared/letters/draft';
import { findTemplate, listTemplates, type TemplateId } from '../../../shared/letters/templates';
import { useServices } from '../app-context';
import { useI18n } from '../i18n/i18n';
import { Field, TextField } from '../ui/field';
import { copyText, jumpTo, type PanelProps, type UndoOffer } from './claims-common';
import type { LetterCase } from '../../../shared/letters/case-view';

function Checker({ issues, name, caseId }: { issues: LetterIssue[]; name: string; caseId: string }) {
  const { t } = useI18n();
  const errors = issues.filter((i) => i.severity === 'error').length;
  return (
    <div className={`cl-checker${errors ? ' has-errors' : issues.length ? ' has-warnings' : ' is-ok'}`} role="region" aria-label={t('claims.check.title', { name })}>
      <div className="cl-checker-head">
        <strong>{t('claims.check.title', { name })}</strong>
        {issues.length ? <span className="muted small">{t('claims.check.summary', { errors, warnings: issues.length - errors })}</span> : null}
      </div>
      {issues.length === 0 ? <p className="cl-check-ok">✓ {t('claims.check.ok')}</p> : (
        <ul className="cl-issues">
          {issues.map((issue, i) => (
            <li key={`${issue.key}-${i}`}>
              <button type="button" className={`cl-issue ${issue.severity}`} data-issue={issue.key} onClick={() => jumpTo(caseId, issue.target)}>
                <span className={`cl-severity ${issue.severity}`}>{t(issue.severity === 'error' ? 'claims.check.error' : 'claims.check.warning')}</span>
                <span className="cl-issue-text">{t(`claims.issue.${issue.key}`, issue.values)}</span>
                <span className="cl-issue-go" aria-hidden="true">{t('claims.check.go')} →</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function LettersPanel({ draft, update, exhibits, today, offerUndo }: PanelProps & { offerUndo: (offer: UndoOffer) => void }) {
  const { t, language } = useI18n();
  const { env, notify } = useServices();
  const templates = listTemplates(draft.jurisdiction);
  const [templateId, setTemplateId] = useState<TemplateId>(templates[0]!.id);
  const template = templates.find((x) => x.id === templateId) ?? templates[0]!;
  const [audience, setAudience] = useState<Audience>(template.audience);
  const [openId, setOpenId] = useState<string | undefined>(draft.letters[draft.letters.length - 1]?.id);
  const letterCase: LetterCase = useMemo(() => ({ ...draft, evidence: exhibits }), [draft, exhibits]);
  const issues = useMemo(() => checkLetter(letterCase, template.id, { today }), [letterCase, template.id, today]);
  const open = draft.letters.find((l) => l.id === openId);
  const nameOf = (id: string) => findTemplate(id)?.text[language].name ?? id;

  const pick = (id: string) => {
    const next = templates.find((x) => x.id === id);
    if (!next) return;
    setTemplateId(next.id);
    setAudience(next.audience);
  };
  const draftNow = () => {
    const drafted = draftLetter(letterCase, template.id, { today, audience });
    const letter: Letter = {
      id: LetterIdSchema.parse(env.newId()), template: drafted.template, audience: drafted.audience,
      recipient: drafted.recipient, subject: drafted.subject, body: drafted.body, updatedAt: env.now(),
    };
    update((row) => ({ ...row, letters: [...row.letters, letter] }));
    setOpenId(letter.id);
    notify(t('claims.letters.drafted', { name: nameOf(template.id) }));
    setTimeout(() => document.querySelector<HTMLElement>('textarea[name="letter-body"]')?.scrollIntoView({ block: 'start', behavior: 'smooth' }), 50);
  };
  const setLetter = (id: string, change: (l: Letter) => Letter) =>
    update((row) => ({ ...row, letters: row.letters.map((l) => (l.id === id ? { ...change(l), updatedAt: env.now() } : l)) }));
  const remove = (letter: Letter) => {
    const index = draft.letters.findIndex((l) => l.id === letter.id);
    update((row) => ({ ...row, letters: row.letters.filter((l) => l.id !== letter.id) }));
    setOpenId(undefined);
    offerUndo({
      message: t('claims.deleted', { title: letter.subject || nameOf(letter.template) }),
      undo: () => {
        update((row) => (row.letters.some((l) => l.id === letter.id) ? row : { ...row, letters: [...row.letters.slice(0, index), letter, ...row.letters.slice(index)] }));
        setOpenId(letter.id);
      },
    });
  };
  const copy = async (text: string) => {
    const error = await copyText(text);
    notify(error ? t('claims.copyFailed', { message: error }) : t('claims.letters.copied'), error ? 'error' : 'info');
  };
  const when = (iso: string | undefined) => (iso ? new Date(iso).toLocaleString(language === 'en' ? 'en-GB' : language, { dateStyle: 'medium', timeStyle: 'short' }) : '');

  return (
    <section className="card cl-card" id="letters" tabIndex={-1} aria-labelledby="letters-title">
      <h3 id="letters-title">{t('claims.letters.title')}</h3>
      <p className="card-hint">{t('claims.letters.hint', { language: t(`lang.${draft.language}`) })}</p>
      <div className="cl-letter-controls">
        <Field label={t('claims.letters.template')}>
          {(props) => (
            <select className="input" {...props} name="letter-template" value={template.id} onChange={(e) => pick(e.target.value)}>
              {templates.map((x) => <option key={x.id} value={x.id}>{x.text[language].name}</option>)}
            </select>
          )}
        </Field>
        <fieldset className="cl-audience">
          <legend className="field-label">{t('claims.letters.audience')}</legend>
          {(['company', 'regulator'] as const).map((a) => (
            <label key={a} className={`cl-radio${audience === a ? ' selected' : ''}`}>
              <input type="radio" name="letter-audience" value={a} checked={audience === a} onChange={() => setAudience(a)} />
              {t(`claims.letters.audience.${a}`)}
            </label>
          ))}
        </fieldset>
        <button type="button" className="button primary cl-draft" onClick={draftNow}>✎ {t('claims.letters.draft')}</button>
      </div>
      <Checker issues={issues} name={template.text[language].name} caseId={draft.id} />
      <p className="cl-disclaimer small">{t('claims.letters.disclaimer')}</p>

      <h4 className="cl-subtitle">{t('claims.letters.saved')}</h4>
      {draft.letters.length === 0 ? <p className="cl-empty-line muted">{t('claims.letters.none')}</p> : (
        <ul className="cl-letter-list" role="list">
          {draft.letters.map((l) => (
            <li key={l.id}>
              <button type="button" className={`cl-letter-item${l.id === openId ? ' selected' : ''}`} aria-pressed={l.id === openId} onClick={() => setOpenId(l.id)}>
                <span className={`cl-aud ${l.audience}`}>{t(`claims.letters.audience.${l.audience}`)}</span>
                <span className="cl-letter-name">{nameOf(l.template)}</span>
                <span className="muted small">{t('claims.letters.updated', { when: when(l.updatedAt) })}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {open ? (
        <div className="cl-letter-editor" data-letter={open.template}>
          <div className="cl-letter-fields">
            <TextField label={t('claims.letters.recipient')} name="letter-recipient" value={open.recipient} onChange={(recipient) => setLetter(open.id, (l) => ({ ...l, recipient }))} />
            <TextField label={t('claims.letters.subject')} name="letter-subject" value={open.subject} onChange={(subject) => setLetter(open.id, (l) => ({ ...l, subject }))} />
          </div>
          <Field label={t('claims.letters.body')}>
            {(props) => <textarea className="input cl-letter-body" {...props} name="letter-body" lang={draft.language} rows={22} spellCheck={false} value={open.body}
              onChange={(e) => { const body = e.target.value; setLetter(open.id, (l) => ({ ...l, body })); }} />}
          </Field>
          <div className="cl-letter-actions">
            <button type="button" className="button" onClick={() => void copy(open.body)}>{t('claims.letters.copy')}</button>
            <button type="button" className="button ghost danger" onClick={() => remove(open)}>{t('claims.letters.delete')}</button>
          </div>
        </div>
      ) : null}
    </section>
  );
}

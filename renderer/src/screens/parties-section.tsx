/** Parties & account: complainant, optional advocate, respondent, account numbers, case settings. */
import type { Agent, Jurisdiction, Language, Person } from '../../../shared/case/schema';
import { isValidCnId, isValidTwId } from '../../../shared/extract/national-id';
import { useI18n, type Translate } from '../i18n/i18n';
import type { CaseRow } from '../store/db';
import { TextField, Field } from '../ui/field';

/** Legal names of the operators people most often complain about, per jurisdiction. */
const OPERATORS: Record<Jurisdiction, string[]> = {
  TW: ['中華電信股份有限公司', '台灣大哥大股份有限公司', '遠傳電信股份有限公司'],
  CN: ['中国电信股份有限公司', '中国移动通信集团有限公司', '中国联合网络通信集团有限公司'],
  HK: ['Hong Kong Telecommunications (HKT) Limited', 'China Mobile Hong Kong Company Limited', 'SmarTone Mobile Communications Limited', 'Hutchison Telephone Company Limited'],
};

const opt = (s: string) => (s.trim() === '' ? undefined : s);

function phoneError(t: Translate, value: string | undefined): string | undefined {
  if (!value?.trim()) return undefined;
  const digits = value.replace(/[\s\-()+.]/g, '');
  return /^\d{3,15}$/.test(digits) ? undefined : t('validation.phone');
}

function idError(t: Translate, jurisdiction: Jurisdiction, value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (/^[A-Za-z]/.test(v)) return isValidTwId(v) ? undefined : t('validation.twId');
  if (/^\d/.test(v) && jurisdiction !== 'TW') return isValidCnId(v) ? undefined : t('validation.cnId');
  return jurisdiction === 'TW' ? t('validation.twId') : undefined;
}

const emailError = (t: Translate, v: string | undefined) => (v?.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()) ? t('validation.email') : undefined);
const postcodeError = (t: Translate, v: string | undefined) => (v?.trim() && !/^\d{3,6}$/.test(v.trim()) ? t('validation.postcode') : undefined);

function PersonFields({ value, onChange, jurisdiction, withId, prefix }: {
  value: Person;
  onChange: (p: Person) => void;
  jurisdiction: Jurisdiction;
  withId: boolean;
  prefix: string;
}) {
  const { t } = useI18n();
  const set = (key: keyof Person) => (v: string) => onChange({ ...value, [key]: key === 'name' ? v : opt(v) });
  return (
    <div className="form-grid">
      <TextField label={t('field.name')} value={value.name} onChange={set('name')} name={`${prefix}-name`} autoComplete="off" />
      <TextField label={t('field.phone')} value={value.phone} onChange={set('phone')} name={`${prefix}-phone`} inputMode="tel" error={phoneError(t, value.phone)} />
      <TextField label={t("field.address")} value={value.address} onChange={set("address")} name={`${prefix}-address`} />
      <TextField label={t('field.postcode')} value={value.postcode} onChange={set('postcode')} name={`${prefix}-postcode`} inputMode="numeric" error={postcodeError(t, value.postcode)} optional={jurisdiction === 'CN' ? undefined : t('common.optional')} />
      <TextField label={t('field.email')} value={value.email} onChange={set('email')} name={`${prefix}-email`} inputMode="email" error={emailError(t, value.email)} optional={t('common.optional')} />
      {withId ? (
        <TextField label={t('field.idNumber')} hint={t('field.idNumber.hint')} value={value.idNumber} onChange={set('idNumber')} name={`${prefix}-idNumber`} error={idError(t, jurisdiction, value.idNumber)} optional={t('common.optional')} autoComplete="off" />
      ) : null}
    </div>
  );
}

export function PartiesSection({ draft, update }: { draft: CaseRow; update: (change: (row: CaseRow) => CaseRow) => void }) {
  const { t } = useI18n();
  const agent = draft.agent;
  const setAgent = (next: Agent | undefined) => update((row) => {
    const { agent: _old, ...rest } = row;
    return next ? { ...rest, agent: next } : rest;
  });

  return (
    <div className="section-body">
      <header className="section-header">
        <h2>{t('parties.title')}</h2>
        <p className="section-intro">{t('parties.intro')}</p>
      </header>

      <section className="card" aria-labelledby="complainant-title">
        <h3 id="complainant-title">{t('parties.complainant')}</h3>
        <p className="card-hint">{t('parties.complainant.hint')}</p>
        <PersonFields prefix="complainant" value={draft.complainant} jurisdiction={draft.jurisdiction} withId onChange={(complainant) => update((row) => ({ ...row, complainant }))} />
      </section>

      <section className="card" aria-labelledby="agent-title">
        <div className="card-title-row">
          <h3 id="agent-title">{t('parties.agent')}</h3>
          {agent ? <button type="button" className="button ghost small" onClick={() => setAgent(undefined)}>{t('parties.agent.remove')}</button> : null}
        </div>
        <p className="card-hint">{t('parties.agent.hint')}</p>
        {agent ? (
          <>
            <div className="form-grid">
              <TextField label={t('field.relation')} placeholder={t('field.relation.placeholder')} value={agent.relation} onChange={(relation) => setAgent({ ...agent, relation })} name="agent-relation" />
            </div>
            <PersonFields prefix="agent" value={agent} jurisdiction={draft.jurisdiction} withId={false} onChange={(p) => setAgent({ ...agent, ...p })} />
            <div className="form-grid">
              <TextField label={t('field.authMatter')} value={agent.authorisation?.matter} onChange={(v) => setAgent({ ...agent, authorisation: { ...agent.authorisation, matter: opt(v) } })} name="agent-matter" />
              <TextField label={t('field.authScope')} value={agent.authorisation?.scope} onChange={(v) => setAgent({ ...agent, authorisation: { ...agent.authorisation, scope: opt(v) } })} name="agent-scope" />
              <TextField type="date" label={t('field.authFrom')} value={agent.authorisation?.from} onChange={(v) => setAgent({ ...agent, authorisation: { ...agent.authorisation, from: opt(v) } })} name="agent-from" />
              <TextField type="date" label={t('field.authUntil')} value={agent.authorisation?.until} onChange={(v) => setAgent({ ...agent, authorisation: { ...agent.authorisation, until: opt(v) } })} name="agent-until" />
            </div>
          </>
        ) : (
          <button type="button" className="button" onClick={() => setAgent({ name: '', relation: '' })}>＋ {t('parties.agent.add')}</button>
        )}
      </section>

      <section className="card" aria-labelledby="respondent-title">
        <h3 id="respondent-title">{t('parties.respondent')}</h3>
        <p className="card-hint">{t('parties.respondent.hint')}</p>
        <div className="chips" role="group" aria-label={t('parties.respondent.suggestions')}>
          {OPERATORS[draft.jurisdiction].map((name) => (
            <button key={name} type="button" className={`chip${draft.respondent.name === name ? ' selected' : ''}`} onClick={() => update((row) => ({ ...row, respondent: { ...row.respondent, name } }))}>{name}</button>
          ))}
        </div>
        <div className="form-grid">
          <TextField label={t('field.companyName')} value={draft.respondent.name} onChange={(name) => update((row) => ({ ...row, respondent: { ...row.respondent, name } }))} name="respondent-name" />
          <TextField label={t('field.taxId')} value={draft.respondent.taxId} onChange={(v) => update((row) => ({ ...row, respondent: { ...row.respondent, taxId: opt(v) } }))} name="respondent-taxId" optional={t('common.optional')} />
          <TextField label={t('field.address')} value={draft.respondent.address} onChange={(v) => update((row) => ({ ...row, respondent: { ...row.respondent, address: opt(v) } }))} name="respondent-address" />
          <TextField label={t('field.postcode')} value={draft.respondent.postcode} onChange={(v) => update((row) => ({ ...row, respondent: { ...row.respondent, postcode: opt(v) } }))} name="respondent-postcode" error={postcodeError(t, draft.respondent.postcode)} optional={t('common.optional')} />
        </div>
      </section>

      <section className="card" aria-labelledby="account-title">
        <h3 id="account-title">{t('parties.account')}</h3>
        <p className="card-hint">{t('parties.account.hint')}</p>
        <div className="form-grid">
          <TextField label={t('field.accountPhone')} value={draft.account.phone} onChange={(v) => update((row) => ({ ...row, account: { ...row.account, phone: opt(v) } }))} name="account-phone" error={phoneError(t, draft.account.phone)} />
          <TextField label={t('field.accountNo')} value={draft.account.accountNo} onChange={(v) => update((row) => ({ ...row, account: { ...row.account, accountNo: opt(v) } }))} name="account-accountNo" />
          <TextField label={t('field.contractNo')} value={draft.account.contractNo} onChange={(v) => update((row) => ({ ...row, account: { ...row.account, contractNo: opt(v) } }))} name="account-contractNo" />
          <TextField label={t('field.customerNo')} value={draft.account.customerNo} onChange={(v) => update((row) => ({ ...row, account: { ...row.account, customerNo: opt(v) } }))} name="account-customerNo" optional={t('common.optional')} />
          <TextField
            label={t('field.ticketNos')}
            hint={t('field.ticketNos.hint')}
            value={draft.account.ticketNos.join(', ')}
            onChange={(v) => update((row) => ({ ...row, account: { ...row.account, ticketNos: v.split(/[,，、]\s*/).map((s) => s.trim()).filter((s, i, all) => s !== '' || i === all.length - 1) } }))}
            name="account-ticketNos"
          />
        </div>
      </section>

      <section className="card" aria-labelledby="settings-title">
        <h3 id="settings-title">{t('parties.settings')}</h3>
        <div className="form-grid">
          <Field label={t('newCase.jurisdiction')}>
            {(props) => (
              <select className="input" {...props} name="jurisdiction" value={draft.jurisdiction} onChange={(e) => update((row) => ({ ...row, jurisdiction: e.target.value as Jurisdiction }))}>
                {(['TW', 'CN', 'HK'] as const).map((j) => <option key={j} value={j}>{t(`jurisdiction.${j}`)}</option>)}
              </select>
            )}
          </Field>
          <Field label={t('docLanguage.label')}>
            {(props) => (
              <select className="input" {...props} name="language" value={draft.language} onChange={(e) => update((row) => ({ ...row, language: e.target.value as Language }))}>
                {(['zh-TW', 'zh-CN', 'en'] as const).map((l) => <option key={l} value={l}>{t(`lang.${l}`)}</option>)}
              </select>
            )}
          </Field>
        </div>
        <label className="checkbox">
          <input type="checkbox" name="redact-pii" checked={draft.redact.pii} onChange={(e) => update((row) => ({ ...row, redact: { ...row.redact, pii: e.target.checked } }))} />
          {t('field.redactPii')}
        </label>
      </section>
    </div>
  );
}

/**
 * The advocate's written authorisation (委任書 / 授权委托书 / letter of authorisation): matter, scope,
 * period, both parties' identification and contact, and signature lines for both. A complaint to
 * 12315 through an agent needs one with the agent's ID (市场监督管理投诉举报处理暂行办法 Art. 10); a
 * Taiwanese regulator expects one from an advocate.
 */
import type { Language } from '../case/schema';
import type { LetterCase } from './case-view';
import { formatFactDate, formatLetterDate } from './format';
import { fill, PHRASES } from './phrases';

/** Options of {@link authorisationLetter}. */
export interface AuthorisationOptions {
  /** Date printed when the authorisation has no signing date, `YYYY-MM-DD`. */
  today: string;
  language?: Language;
}

/** A drafted authorisation letter. */
export interface AuthorisationLetter {
  title: string;
  body: string;
}

const present = (v: string | undefined): v is string => v !== undefined && v.trim() !== '';

/**
 * Drafts the authorisation for the case's agent. Missing values print as blank lines to fill by hand;
 * ID numbers are left blank when the case redacts personal data, to be written on the signed copy.
 */
export function authorisationLetter(c: LetterCase, options: AuthorisationOptions): AuthorisationLetter {
  const language = options.language ?? c.language;
  const p = PHRASES[language];
  const agent = c.agent;
  const auth = agent?.authorisation;
  const line = (label: string, value: string | undefined) => `${label}${p.colon}${present(value) ? value.trim() : p.blank}`;
  const id = (value: string | undefined) => line(p.idNumber, c.redact.pii ? undefined : value);
  const date = (iso: string | undefined) => (iso ? formatFactDate(iso, language, c.jurisdiction) : undefined);

  const account = [
    present(c.account.phone) ? `${p.accountPhone} ${c.account.phone.trim()}` : undefined,
    present(c.account.contractNo) ? `${p.contractNo} ${c.account.contractNo.trim()}` : undefined,
    present(c.account.accountNo) ? `${p.accountNo} ${c.account.accountNo.trim()}` : undefined,
  ].filter(present).join(p.listSep);
  const baseMatter = fill(p.matterDefault, { respondent: c.respondent.name.trim() || p.blank, account: account || p.blank });
  const matter = present(auth?.matter) ? `${baseMatter}${p.colon}${auth.matter.trim()}` : baseMatter;
  const from = date(auth?.from);
  const until = date(auth?.until);
  const period = !from && !until ? p.periodDefault
    : language === 'en' ? `from ${from ?? 'the date of signature'} until ${until ?? 'the dispute is closed'}`
    : `自${from ?? (language === 'zh-TW' ? '簽署之日' : '签署之日')}起至${until ?? (language === 'zh-TW' ? '本爭議處理完畢' : '本争议处理完毕')}止`;
  const signed = formatLetterDate(auth?.signedOn ?? options.today, language, c.jurisdiction);

  const body = [
    p.authTitle,
    '',
    p.principal,
    line(p.name, c.complainant.name),
    id(c.complainant.idNumber),
    line(p.address, c.complainant.address),
    line(p.phone, c.complainant.phone),
    '',
    p.attorney,
    line(p.name, agent?.name),
    fill(p.authNote, { relation: present(agent?.relation) ? agent.relation.trim() : p.blank }),
    id(agent?.idNumber),
    line(p.phone, agent?.phone),
    ...(present(agent?.email) ? [line(p.email, agent.email)] : []),
    ...(present(agent?.address) ? [line(p.address, agent.address)] : []),
    '',
    line(p.matter, matter),
    line(p.scope, present(auth?.scope) ? auth.scope : p.scopeDefault),
    line(p.period, period),
    '',
    `${p.principal}${p.colon}${c.complainant.name.trim() || p.blank}\u3000${p.blank}${p.sign}`,
    `${p.attorney}${p.colon}${agent?.name.trim() || p.blank}\u3000${p.blank}${p.sign}`,
    `${p.date}${p.colon}${signed}`,
    '',
    p.disclaimer,
  ].join('\n');
  return { title: p.authTitle, body };
}

/**
 * What a letter still lacks before it can go out: the fields the recipient's rules require (a CN
 * 12300 appeal needs the complainant's postcode, a regulator wants the earlier complaint to the
 * company and something that proves it), and slips in the claims (arithmetic that does not add up,
 * a claim without evidence). Each item names the screen and field that fixes it.
 */
import { checkCalculation, claimTotals } from './arithmetic';
import { companyReplied, firstComplaint, type LetterCase } from './case-view';
import { getTemplate, type TemplateId } from './templates';

/** What is missing or wrong; also the message key suffix the UI translates. */
export type IssueKey =
  | 'complainant-name' | 'complainant-address' | 'complainant-phone' | 'complainant-postcode'
  | 'agent-name' | 'agent-relation' | 'agent-id' | 'agent-authorisation'
  | 'respondent-name' | 'respondent-address' | 'account-identifiers'
  | 'no-facts' | 'no-claims' | 'no-demands' | 'claim-untitled'
  | 'no-prior-complaint' | 'prior-complaint-no-proof' | 'prior-complaint-too-recent'
  | 'claim-calculation-mismatch' | 'claim-calculation-unreadable' | 'claim-no-evidence'
  | 'below-ccss-threshold';

/** Where the user fixes an issue: a workspace section and, optionally, a field name within it. */
export interface IssueTarget {
  section: 'parties' | 'evidence' | 'timeline' | 'claims';
  /** The `name` of the input (parties form) or the id of the element in the claims area. */
  field?: string;
}

/** One thing the letter lacks. Errors make the letter likely to be refused; warnings weaken it. */
export interface LetterIssue {
  key: IssueKey;
  severity: 'error' | 'warning';
  target: IssueTarget;
  values?: Record<string, string | number>;
}

/** Options of {@link checkLetter}. */
export interface CheckOptions {
  /** Today, `YYYY-MM-DD`: enables the waiting-period check. */
  today?: string;
}

const blank = (s: string | undefined) => s === undefined || s.trim() === '';
const DAY = 86_400_000;
const dayNumber = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / DAY;
};
const isoOfDay = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);

/**
 * Lists what the letter from `templateId` would still lack for this case, errors first.
 * An empty list means every required item is there.
 */
export function checkLetter(c: LetterCase, templateId: TemplateId | string, options: CheckOptions = {}): LetterIssue[] {
  const template = getTemplate(templateId);
  const issues: LetterIssue[] = [];
  const add = (key: IssueKey, severity: LetterIssue['severity'], target: IssueTarget, values?: LetterIssue['values']) =>
    issues.push({ key, severity, target, ...(values ? { values } : {}) });
  const requires = (k: (typeof template.requires)[number]) => template.requires.includes(k);
  const isRegulator = template.audience === 'regulator';

  const person = c.complainant;
  if (blank(person.name)) add('complainant-name', 'error', { section: 'parties', field: 'complainant-name' });
  // A petition without a real name and address may be ignored (行政程序法 Art. 173); CN Art. 12 lists them.
  if (blank(person.address) && (requires('address') || isRegulator)) add('complainant-address', requires('address') ? 'error' : 'warning', { section: 'parties', field: 'complainant-address' });
  if (blank(person.phone)) add('complainant-phone', requires('phone') ? 'error' : 'warning', { section: 'parties', field: 'complainant-phone' });
  if (blank(person.postcode) && requires('postcode')) add('complainant-postcode', 'error', { section: 'parties', field: 'complainant-postcode' });

  if (c.agent) {
    const agent = c.agent;
    if (blank(agent.name)) add('agent-name', 'error', { section: 'parties', field: 'agent-name' });
    if (blank(agent.relation)) add('agent-relation', 'warning', { section: 'parties', field: 'agent-relation' });
    // The agent's ID is entered beside the authorisation letter in the claims area.
    if (blank(agent.idNumber) && requires('agent-id')) add('agent-id', 'error', { section: 'claims', field: 'agent-idNumber' });
    const auth = agent.authorisation;
    if (!auth || blank(auth.matter) || blank(auth.scope) || !auth.from) add('agent-authorisation', 'warning', { section: 'parties', field: 'agent-matter' });
  }

  if (blank(c.respondent.name)) add('respondent-name', 'error', { section: 'parties', field: 'respondent-name' });
  if (blank(c.respondent.address)) add('respondent-address', requires('respondent-address') ? 'error' : 'warning', { section: 'parties', field: 'respondent-address' });
  const a = c.account;
  if (blank(a.phone) && blank(a.accountNo) && blank(a.contractNo) && blank(a.customerNo)) add('account-identifiers', 'warning', { section: 'parties', field: 'account-phone' });

  if (c.events.length === 0) add('no-facts', 'error', { section: 'timeline' });
  if (c.claims.length === 0) add('no-claims', 'error', { section: 'claims', field: 'claims' });
  if (!c.demands.some((d) => !blank(d.text))) add('no-demands', 'error', { section: 'claims', field: 'demands' });

  if (template.needsPriorComplaint) {
    const first = firstComplaint(c);
    // The dispute centre (K0060132 Art. 23) and the 12300 centre (Art. 10) act only on a complaint the operator failed to handle: proof is part of the file.
    const proofIsRequired = template.channel === 'dispute-centre' || template.channel === 'telecom-appeal';
    if (!first) add('no-prior-complaint', 'error', { section: 'claims', field: 'contacts' });
    else {
      if (!first.hasProof) add('prior-complaint-no-proof', proofIsRequired ? 'error' : 'warning', { section: 'claims', field: 'contacts' }, { date: first.date });
      if (template.waitDays && options.today && first.date.length === 10 && !companyReplied(c)) {
        const elapsed = dayNumber(options.today) - dayNumber(first.date);
        if (elapsed < template.waitDays) add('prior-complaint-too-recent', 'warning', { section: 'claims', field: 'contacts' }, { date: first.date, days: template.waitDays, from: isoOfDay(dayNumber(first.date) + template.waitDays) });
      }
    }
  }

  c.claims.forEach((claim, i) => {
    const n = i + 1;
    if (blank(claim.title)) add('claim-untitled', 'error', { section: 'claims', field: `claim-${claim.id}-title` }, { n });
    const check = checkCalculation(claim.calculation, claim.amount);
    if (check.state === 'mismatch') add('claim-calculation-mismatch', 'warning', { section: 'claims', field: `claim-${claim.id}-calculation` }, { n, value: check.value, amount: check.amount });
    if (check.state === 'unreadable') add('claim-calculation-unreadable', 'warning', { section: 'claims', field: `claim-${claim.id}-calculation` }, { n });
    if (claim.evidence.length === 0) add('claim-no-evidence', 'warning', { section: 'claims', field: `claim-${claim.id}-evidence` }, { n });
  });

  if (template.id === 'hk-ofca-ccss') {
    const hkd = claimTotals(c.claims, 'HKD').find((t) => t.currency === 'HKD')?.amount ?? 0;
    if (hkd < 300) add('below-ccss-threshold', 'warning', { section: 'claims', field: 'claims' }, { amount: hkd });
  }

  return issues.sort((x, y) => (x.severity === y.severity ? 0 : x.severity === 'error' ? -1 : 1));
}

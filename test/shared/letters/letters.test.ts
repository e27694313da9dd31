import { describe, expect, it } from 'vitest';
import type { Case, Language } from '../../../shared/case/schema';
import { authorisationLetter } from '../../../shared/letters/authorisation';
import { promiseState } from '../../../shared/letters/case-view';
import { checkLetter, type IssueKey } from '../../../shared/letters/check';
import { draftLetter } from '../../../shared/letters/draft';
import { formatFactDate, formatLetterDate, formatMoney, rocDate } from '../../../shared/letters/format';
import { listTemplates, type TemplateId } from '../../../shared/letters/templates';
import { cnBroadbandCase, hkBillingCase, twContractCase } from './cases';

const LANGUAGES: Language[] = ['zh-TW', 'zh-CN', 'en'];
const TODAY: Record<Case['jurisdiction'], string> = { TW: '2024-10-08', CN: '2009-12-28', HK: '2024-11-20' };
const CASES: Record<Case['jurisdiction'], () => Case> = { TW: twContractCase, CN: cnBroadbandCase, HK: hkBillingCase };
const EXHIBIT: Record<Language, string> = { 'zh-TW': '證物 A-1', 'zh-CN': '证据 A-1', en: 'Exhibit A-1' };
const DISCLAIMER: Record<Language, RegExp> = { 'zh-TW': /並非法律意見/, 'zh-CN': /不构成法律意见/, en: /not legal advice/ };

const rows = (['TW', 'CN', 'HK'] as const).flatMap((j) => listTemplates(j).flatMap((t) => LANGUAGES.map((language) => ({ j, id: t.id, language }))));

describe('listTemplates', () => {
  it.each([
    ['TW', ['tw-operator', 'tw-ncc', 'tw-dispute-centre', 'tw-cpo', 'general-en']],
    ['CN', ['cn-operator', 'cn-12300', 'cn-12315', 'cn-consumer-association', 'general-en']],
    ['HK', ['hk-operator', 'hk-ofca-ccss', 'general-en']],
  ] as const)('%s', (j, ids) => {
    expect(listTemplates(j).map((t) => t.id)).toEqual(ids);
  });
});

describe('draftLetter: every template in every language carries the required items of a filled case', () => {
  it.each(rows)('$j $id $language', ({ j, id, language }) => {
    const c = CASES[j]();
    const letter = draftLetter(c, id, { today: TODAY[j], language });
    const { body } = letter;
    expect(letter.template).toBe(id);
    expect(letter.subject.length).toBeGreaterThan(5);
    expect(body).toContain(letter.subject);
    expect(body).toContain(letter.recipient);
    expect(body).not.toMatch(/\{\w+\}/);
    expect(body).not.toMatch(/undefined|NaN|\[object/);
    // Parties and account.
    expect(body).toContain(c.complainant.name);
    expect(body).toContain(c.complainant.address!);
    expect(body).toContain(c.complainant.phone!);
    expect(body).toContain(c.respondent.name);
    expect(body).toContain(c.account.phone!);
    if (c.agent) expect(body).toContain(c.agent.name);
    for (const t of c.account.ticketNos) expect(body).toContain(t);
    // Facts in date order, with their dates.
    const sortedTitles = [...c.events].sort((a, b) => `${a.date}${a.time ?? ''}`.localeCompare(`${b.date}${b.time ?? ''}`)).map((e) => e.title);
    const positions = sortedTitles.map((title) => body.indexOf(title));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const e of c.events) expect(body).toContain(formatFactDate(e.date, language, j));
    // Claims, amounts and totals; demands; exhibits; date; signature; disclaimer.
    c.claims.forEach((claim, i) => expect(body).toContain(`${i + 1}. ${claim.title}`));
    for (const claim of c.claims) if (claim.amount !== undefined) expect(body).toContain(formatMoney(claim.amount, claim.currency!, language));
    for (const d of c.demands) expect(body).toContain(d.text);
    expect(body).toContain(EXHIBIT[language]);
    for (const e of c.evidence) expect(body).toContain(e.title);
    expect(body).toContain(formatLetterDate(TODAY[j], language, j));
    expect(body.match(/[＿_]{6,}/g)?.length ?? 0).toBeGreaterThanOrEqual(c.agent ? 2 : 1);
    expect(body).toMatch(DISCLAIMER[language]);
  });
});

describe('draftLetter details', () => {
  it('prints ROC and Gregorian dates side by side for Taiwan', () => {
    const { body } = draftLetter(twContractCase(), 'tw-ncc', { today: '2024-10-08' });
    expect(body).toContain('110/03/15（2021-03-15）');
    expect(body).toContain('113/09/20（2024-09-20） 15:18');
    expect(body).toContain('中華民國113年10月8日（2024-10-08）');
    expect(body).toContain('受文者：國家通訊傳播委員會');
    expect(body).toContain('陳情人：林志明');
  });

  it('numbers the claims with their arithmetic, evidence and related facts, and totals per currency', () => {
    const { body } = draftLetter(twContractCase(), 'tw-operator', { today: '2024-10-08' });
    expect(body).toContain('1. 約定與交付標的物不符');
    expect(body).toContain('金額：新台幣9,000元（計算：24,900元 − 15,900元 = 9,000）');
    expect(body).toContain('證據：證物 A-1、A-2、A-3；相關事實：第1、2點');
    expect(body).toContain('4. 客服態度');
    expect(body).toContain('合計：新台幣9,000元');
    expect(body).toContain('證物 A-3\u3000實際取得之手機包裝盒');
  });

  it('records the contact log with its broken promise in the history', () => {
    const { body } = draftLetter(twContractCase(), 'tw-dispute-centre', { today: '2024-10-08' });
    expect(body).toContain('電話（撥打 0800-058-885；客服人員編號 F2231；案號 CS1130920-0088）');
    expect(body).toContain('業者承諾：主管三日內回電（期限 113/09/23（2024-09-23）；逾期未兌現）');
    expect(body).toContain('向業者申訴未獲處理之情形');
    expect(body).toContain('以上申訴迄今未獲妥適處理。');
  });

  it('lays out the dispute-centre application with the fields of its rules (Art. 23)', () => {
    const { body } = draftLetter(twContractCase(), 'tw-dispute-centre', { today: '2024-10-08' });
    for (const heading of ['當事人：申請人', '當事人：相對人（電信事業）', '、請求', '、事實', '、理由', '向業者申訴未獲處理之情形', '、證據文件']) expect(body).toContain(heading);
  });

  it('writes the CN 12300 appeal with every item of Art. 12', () => {
    const c = cnBroadbandCase();
    const { body } = draftLetter(c, 'cn-12300', { today: '2009-12-28' });
    for (const item of [
      '姓名：李明', '住址：湖南省湘潭市岳塘区某路8号', '联系电话：139-0731-5566', '邮政编码：411100',
      '被申诉人', '名称：中国电信湘潭分公司', '地址：湖南省湘潭市雨湖区某路1号',
      '申诉要求', '1. 退还按分钟计费产生的费用254元', '申诉理由', '套餐次月生效却当日开通并按分钟计费', '事实根据', '2009年12月3日',
      '申诉日期：2009年12月28日',
    ]) expect(body).toContain(item);
    expect(body.indexOf('申诉要求')).toBeLessThan(body.indexOf('申诉理由'));
    expect(body.indexOf('申诉理由')).toBeLessThan(body.indexOf('事实根据'));
  });

  it('leaves a visible blank for a required value that is missing', () => {
    const c = cnBroadbandCase();
    const { body } = draftLetter({ ...c, complainant: { ...c.complainant, postcode: undefined } }, 'cn-12300', { today: '2009-12-28' });
    expect(body).toContain('邮政编码：＿＿＿＿＿＿');
  });

  it('shows the national ID only to a regulator and never when PII is redacted', () => {
    const c = twContractCase();
    expect(draftLetter(c, 'tw-operator', { today: '2024-10-08' }).body).not.toContain('A123456789');
    expect(draftLetter(c, 'tw-ncc', { today: '2024-10-08' }).body).toContain('身分證字號：A123456789');
    expect(draftLetter({ ...c, redact: { pii: true } }, 'tw-ncc', { today: '2024-10-08' }).body).not.toContain('A123456789');
  });

  it('follows the audience it is given', () => {
    expect(draftLetter(twContractCase(), 'general-en', { today: '2024-10-08' }).audience).toBe('company');
    expect(draftLetter(twContractCase(), 'general-en', { today: '2024-10-08', audience: 'regulator' }).audience).toBe('regulator');
  });

  it('refuses an unknown template', () => {
    expect(() => draftLetter(twContractCase(), 'tw-nope', { today: '2024-10-08' })).toThrow(/unknown letter template/);
  });
});

const keys = (c: Case, id: TemplateId, today?: string) => checkLetter(c, id, today ? { today } : {}).map((i) => `${i.severity}:${i.key}`);

describe('checkLetter', () => {
  it('finds nothing missing in the filled cases', () => {
    expect(keys(twContractCase(), 'tw-dispute-centre', '2024-10-08')).toEqual([]);
    expect(keys(twContractCase(), 'tw-ncc', '2024-10-08')).toEqual([]);
    expect(keys(cnBroadbandCase(), 'cn-12300', '2009-12-28')).toEqual([]);
    expect(keys(hkBillingCase(), 'hk-ofca-ccss', '2024-11-20')).toEqual([]);
  });

  it.each<[string, (c: Case) => Case, TemplateId, string[]]>([
    ['CN postcode missing', (c) => ({ ...c, complainant: { ...c.complainant, postcode: undefined } }), 'cn-12300', ['error:complainant-postcode']],
    ['CN postcode missing is no matter to the operator', (c) => ({ ...c, complainant: { ...c.complainant, postcode: undefined } }), 'cn-operator', []],
    ['CN respondent address missing', (c) => ({ ...c, respondent: { ...c.respondent, address: undefined } }), 'cn-12300', ['error:respondent-address']],
    ['CN address and phone missing', (c) => ({ ...c, complainant: { ...c.complainant, address: ' ', phone: undefined } }), 'cn-12300', ['error:complainant-address', 'error:complainant-phone']],
    ['no demands', (c) => ({ ...c, demands: [] }), 'cn-12300', ['error:no-demands']],
    ['no claims', (c) => ({ ...c, claims: [] }), 'cn-operator', ['error:no-claims']],
    ['no complaint to the operator first', (c) => ({ ...c, contacts: [], events: c.events.filter((e) => e.title !== '到营业厅投诉') }), 'cn-12300', ['error:no-prior-complaint']],
    ['12315 through an agent without the agent ID', (c) => ({ ...c, agent: { name: '王芳', relation: '家人', authorisation: { matter: '宽带计费投诉', scope: '代为投诉', from: '2009-12-20' } } }), 'cn-12315', ['error:agent-id']],
    ['arithmetic that does not add up', (c) => ({ ...c, claims: c.claims.map((x) => ({ ...x, amount: 264 })) }), 'cn-operator', ['warning:claim-calculation-mismatch']],
  ])('CN: %s', (_name, change, id, expected) => {
    expect(keys(change(cnBroadbandCase()), id, '2009-12-28')).toEqual(expected);
  });

  it.each<[string, (c: Case) => Case, TemplateId, string, string[]]>([
    ['dispute centre without any complaint to the operator', (c) => ({ ...c, contacts: [], events: c.events.filter((e) => !['call', 'store-visit', 'written-complaint'].includes(e.category)) }), 'tw-dispute-centre', '2024-10-08', ['error:no-prior-complaint']],
    ['dispute centre with a complaint but no proof of it', (c) => ({ ...c, contacts: [], account: { ...c.account, ticketNos: [] }, events: c.events.map((e) => ({ ...e, evidence: e.category === 'contract' ? e.evidence : [] })) }), 'tw-dispute-centre', '2024-10-08', ['error:prior-complaint-no-proof']],
    ['NCC petition: missing proof is only a warning', (c) => ({ ...c, contacts: [], account: { ...c.account, ticketNos: [] }, events: c.events.map((e) => ({ ...e, evidence: e.category === 'contract' ? e.evidence : [] })) }), 'tw-ncc', '2024-10-08', ['warning:prior-complaint-no-proof']],
    ['second complaint before the 15 days have run', (c) => c, 'tw-cpo', '2024-10-01', ['warning:prior-complaint-too-recent']],
    ['second complaint after the 15 days', (c) => c, 'tw-cpo', '2024-10-06', []],
    ['regulator letter without the complainant address', (c) => ({ ...c, complainant: { ...c.complainant, address: undefined } }), 'tw-ncc', '2024-10-08', ['error:complainant-address']],
    ['company letter without a respondent address', (c) => ({ ...c, respondent: { ...c.respondent, address: undefined } }), 'tw-operator', '2024-10-08', ['warning:respondent-address']],
    ['agent without relation or authorisation', (c) => ({ ...c, agent: { name: '陳大文', relation: '' } }), 'tw-ncc', '2024-10-08', ['warning:agent-relation', 'warning:agent-authorisation']],
    ['claim without a title or evidence', (c) => ({ ...c, claims: [...c.claims, { id: 'c5', title: ' ', detail: '', evidence: [], events: [] }] as Case['claims'] }), 'tw-operator', '2024-10-08', ['error:claim-untitled', 'warning:claim-no-evidence']],
  ])('TW: %s', (_name, change, id, today, expected) => {
    expect(keys(change(twContractCase()), id, today)).toEqual(expected);
  });

  it('points each issue at the field that fixes it', () => {
    const c = cnBroadbandCase();
    const issues = checkLetter({ ...c, complainant: { ...c.complainant, postcode: undefined } }, 'cn-12300');
    expect(issues).toEqual([{ key: 'complainant-postcode' satisfies IssueKey, severity: 'error', target: { section: 'parties', field: 'complainant-postcode' } }]);
  });

  it('flags an OFCA billing dispute under HK$300', () => {
    const c = hkBillingCase();
    expect(keys({ ...c, claims: c.claims.map((x) => ({ ...x, amount: 120, calculation: undefined })) }, 'hk-ofca-ccss', '2024-11-20')).toEqual(['warning:below-ccss-threshold']);
  });
});

describe('authorisationLetter', () => {
  it.each([
    ['zh-TW', '委任書', ['委任人（申訴人）', '受任人（代理人）', '受任人與委任人關係：朋友', '委任事項：', '交付手機與合約不符之申訴', '委任範圍：代為申訴、陳情及協商', '委任期間：自113/09/25（2024-09-25）起至114/03/31（2025-03-31）止', '合約編號 FET-110-0315-0042', '中華民國113年10月8日']],
    ['zh-CN', '授权委托书', ['委托人（申诉人）', '受托人（代理人）', '受托人与委托人关系：朋友', '委托事项：', '委托权限：', '委托期限：']],
    ['en', 'Letter of authorisation', ['Principal (complainant)', 'Authorised person (advocate)', 'Relation to the principal: 朋友', 'Matter: ', 'Scope of authority: ', 'Period: from 2024-09-25 (ROC 113/09/25) until 2025-03-31 (ROC 114/03/31)']],
  ] as const)('%s', (language, title, items) => {
    const c = twContractCase();
    const letter = authorisationLetter(c, { today: '2024-10-08', language });
    expect(letter.title).toBe(title);
    expect(letter.body.startsWith(title)).toBe(true);
    for (const item of items) expect(letter.body).toContain(item);
    expect(letter.body).toContain('林志明');
    expect(letter.body).toContain('陳大文');
    expect(letter.body).toContain('0922-555-666');
    expect(letter.body.match(/[＿_]{6,}/g)?.length).toBeGreaterThanOrEqual(3); // two signatures and the agent's ID
    expect(letter.body).toMatch(DISCLAIMER[language]);
  });

  it('uses the default scope and period when none is set, and blanks IDs when PII is redacted', () => {
    const c = twContractCase();
    const body = authorisationLetter({ ...c, redact: { pii: true }, agent: { name: '陳大文', relation: '朋友', idNumber: 'B123456780' } }, { today: '2024-10-08' }).body;
    expect(body).toContain('委任期間：自簽署之日起至本爭議處理完畢止');
    expect(body).toContain('保密協議');
    expect(body).not.toContain('A123456789');
    expect(body).not.toContain('B123456780');
  });
});

describe('dates, money and promises', () => {
  it.each([
    ['2024-10-08', '113/10/08'], ['2024-10', '113/10'], ['2011', '100'], ['1911-05-01', undefined], ['1912-01-01', '001/01/01'],
  ])('rocDate(%s)', (iso, roc) => expect(rocDate(iso)).toBe(roc));

  it.each([
    ['2024-10-08', 'zh-TW', 'TW', '113/10/08（2024-10-08）'],
    ['2024-10', 'zh-TW', 'TW', '113/10（2024-10）'],
    ['2024-10-08', 'en', 'TW', '2024-10-08 (ROC 113/10/08)'],
    ['2009-12-03', 'zh-CN', 'CN', '2009年12月3日'],
    ['2024-10-08', 'en', 'HK', '8 October 2024'],
    ['2024-10', 'en', 'HK', 'October 2024'],
  ] as const)('formatFactDate(%s, %s, %s)', (iso, language, j, expected) => expect(formatFactDate(iso, language, j)).toBe(expected));

  it.each([
    [3000, 'TWD', 'zh-TW', '新台幣3,000元'], [254, 'CNY', 'zh-CN', '人民币254元'], [386.5, 'CNY', 'zh-CN', '人民币386.50元'],
    [918, 'HKD', 'en', 'HK$918.00'], [1288, 'TWD', 'en', 'NT$1,288'], [12, null, 'en', '12'],
  ] as const)('formatMoney(%d, %s, %s)', (n, cur, language, expected) => expect(formatMoney(n, cur, language)).toBe(expected));

  it.each([
    [{ promise: '三日內回電', promisedBy: '2024-09-23' }, '2024-09-24', 'broken'],
    [{ promise: '三日內回電', promisedBy: '2024-09-23' }, '2024-09-23', 'pending'],
    [{ promise: '三日內回電', promisedBy: '2024-09-23', isPromiseKept: true }, '2024-10-01', 'kept'],
    [{ promise: '月底前退款', promisedBy: '2024-09' }, '2024-09-30', 'pending'],
    [{ promise: '月底前退款', promisedBy: '2024-09' }, '2024-10-01', 'broken'],
    [{ promise: '會再回電' }, '2024-10-01', 'unknown'],
    [{}, '2024-10-01', 'none'],
  ] as const)('promiseState %j on %s', (contact, today, state) => expect(promiseState(contact, today)).toBe(state));
});

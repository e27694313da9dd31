/**
 * The deadline rules per jurisdiction, each with its legal citation and source (domain notes). A rule
 * starts from a timeline event of a given category, optionally sent through a given channel (matched
 * by keywords on the event's free-text `channel`). Items the sources did not confirm carry
 * `isVerified: false` and are never presented as law; a rule without a period needs the user's value.
 */
import { type EventCategory, type Jurisdiction } from '../case/schema';

/** A length of time. */
export interface Period {
  unit: 'days' | 'working-days' | 'months' | 'years';
  amount: number;
}

/**
 * What the due date means: `response` — the other side must act by then (silence after it is a
 * reason to escalate); `wait` — the user may take the next step once it has passed; `limit` — the
 * user must act by then.
 */
export type DeadlineKind = 'response' | 'wait' | 'limit';

/** One deadline rule. */
export interface DeadlineRule {
  id: string;
  jurisdiction: Jurisdiction;
  /** Statute and article, in the jurisdiction's language. */
  citation: string;
  source: { pcode?: string; url?: string; document?: string };
  /** False for items the sources did not confirm (UNVERIFIED in the domain notes). */
  isVerified: boolean;
  kind: DeadlineKind;
  /** Null when no verified value exists: the user must set one (see `overrides`). */
  period: Period | null;
  trigger: {
    categories: readonly EventCategory[];
    /** Keywords, any of which must appear in the event's channel (case-insensitive); absent = any channel. */
    channels?: readonly string[];
    /** Keywords that exclude an event (a filing that belongs to a more specific rule). */
    excludeChannels?: readonly string[];
  };
  /** Which matching events start the period: each of them, or only the earliest / latest. */
  pick: 'each' | 'earliest' | 'latest';
  /** Text keys of the suggested next step, before the due date and once it has passed. */
  nextStep: { beforeDue: string; afterDue: string };
}

const TW_DISPUTE_CENTRE = ['電信消費爭議', '电信消费争议', 'telecom dispute', 'dispute centre', 'dispute center', 'dispute-centre', '0800-034-580', '0800034580'];
const TW_MEDIATION = ['調解', '调解', 'mediation'];
const TW_NCC = ['ncc', '通傳會', '通訊傳播委員會', '陳情'];
const TW_OFFICER = ['消保官', '消費者保護官', 'consumer protection officer', 'second complaint', '申訴二'];
const TW_PDPA_ACCESS = ['pdpa-access', '個資查詢', '查詢個資', '閱覽', '複製本', 'personal data access', 'copy of personal data'];
const TW_PDPA_CORRECTION = ['pdpa-correction', '更正', '刪除', '停止蒐集', 'correction', 'deletion'];
const TW_RECORDS = ['records-request', '通信紀錄', '通聯紀錄', '通話紀錄', '帳務紀錄', 'call records', 'billing records'];
const CN_12300 = ['12300', '工信部', '工业和信息化部', '申诉受理中心', '电信用户申诉', 'miit'];
const CN_12315 = ['12315', '市场监督', '市场监管', 'samr'];
const CN_ASSOCIATION = ['消协', '消费者协会', '消費者協會', 'consumer association', '消基會'];

const K0060132 = { pcode: 'K0060132', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=K0060132' };
const MIIT_35 = { document: '电信用户申诉处理办法（工业和信息化部令第35号，2016-07-30施行）' };

/** Every built-in rule. */
export const DEADLINE_RULES: readonly DeadlineRule[] = [
  // Taiwan
  {
    id: 'tw-first-complaint-reply', jurisdiction: 'TW', kind: 'response', isVerified: true,
    citation: '消費者保護法施行細則 第36條；消費者保護法 第43條',
    source: { pcode: 'J0170002', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=J0170002' },
    period: { unit: 'days', amount: 15 },
    trigger: { categories: ['written-complaint'], excludeChannels: [...TW_DISPUTE_CENTRE, ...TW_MEDIATION, ...TW_NCC, ...TW_OFFICER, ...TW_PDPA_ACCESS, ...TW_PDPA_CORRECTION, ...TW_RECORDS] },
    pick: 'each',
    nextStep: { beforeDue: 'deadline.next.await-company-reply', afterDue: 'deadline.next.tw-second-complaint-or-dispute-centre' },
  },
  {
    id: 'tw-dispute-centre-statement', jurisdiction: 'TW', kind: 'response', isVerified: true,
    citation: '電信消費爭議處理規定（pcode K0060132）第25條：業者10個工作日內書面說明', source: K0060132,
    period: { unit: 'working-days', amount: 10 },
    trigger: { categories: ['regulator-filing'], channels: TW_DISPUTE_CENTRE }, pick: 'each',
    nextStep: { beforeDue: 'deadline.next.await-operator-statement', afterDue: 'deadline.next.ask-centre-about-statement' },
  },
  {
    id: 'tw-dispute-centre-decision', jurisdiction: 'TW', kind: 'response', isVerified: true,
    citation: '電信消費爭議處理規定（pcode K0060132）第27條：受理後1個月內決定，得延長一次1個月', source: K0060132,
    period: { unit: 'months', amount: 1 },
    trigger: { categories: ['regulator-filing'], channels: TW_DISPUTE_CENTRE }, pick: 'each',
    nextStep: { beforeDue: 'deadline.next.await-centre-decision', afterDue: 'deadline.next.ask-centre-about-decision' },
  },
  {
    id: 'tw-mediation-meeting', jurisdiction: 'TW', kind: 'response', isVerified: true,
    citation: '消費爭議調解辦法（受理後30日內召開調解會議，必要時得延長10日）',
    source: { pcode: 'J0170008', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=J0170008' },
    period: { unit: 'days', amount: 30 },
    trigger: { categories: ['regulator-filing'], channels: TW_MEDIATION }, pick: 'each',
    nextStep: { beforeDue: 'deadline.next.prepare-mediation', afterDue: 'deadline.next.ask-mediation-date' },
  },
  {
    id: 'tw-ncc-petition-reply', jurisdiction: 'TW', kind: 'response', isVerified: false,
    citation: '行政程序法 第168條至第173條（陳情）；回覆期限未經查證',
    source: { document: '行政程序法' },
    period: null,
    trigger: { categories: ['regulator-filing'], channels: TW_NCC }, pick: 'each',
    nextStep: { beforeDue: 'deadline.next.await-regulator-reply', afterDue: 'deadline.next.follow-up-regulator' },
  },
  {
    id: 'tw-pdpa-access', jurisdiction: 'TW', kind: 'response', isVerified: true,
    citation: '個人資料保護法 第13條第1項（得延長15日）',
    source: { pcode: 'I0050021', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=I0050021' },
    period: { unit: 'days', amount: 15 },
    trigger: { categories: ['written-complaint', 'other'], channels: TW_PDPA_ACCESS }, pick: 'each',
    nextStep: { beforeDue: 'deadline.next.await-company-reply', afterDue: 'deadline.next.complain-pdpa' },
  },
  {
    id: 'tw-pdpa-correction', jurisdiction: 'TW', kind: 'response', isVerified: true,
    citation: '個人資料保護法 第13條第2項（得延長30日）',
    source: { pcode: 'I0050021', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=I0050021' },
    period: { unit: 'days', amount: 30 },
    trigger: { categories: ['written-complaint', 'other'], channels: TW_PDPA_CORRECTION }, pick: 'each',
    nextStep: { beforeDue: 'deadline.next.await-company-reply', afterDue: 'deadline.next.complain-pdpa' },
  },
  {
    id: 'tw-records-outgoing', jurisdiction: 'TW', kind: 'response', isVerified: true,
    citation: '通信紀錄調閱規定（pcode K0060125）：發信及計費紀錄7個工作日內，受信紀錄10個工作日內',
    source: { pcode: 'K0060125', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=K0060125' },
    period: { unit: 'working-days', amount: 7 },
    trigger: { categories: ['written-complaint', 'other'], channels: TW_RECORDS }, pick: 'each',
    nextStep: { beforeDue: 'deadline.next.await-records', afterDue: 'deadline.next.records-overdue' },
  },
  // Mainland China
  {
    id: 'cn-operator-complaint-wait', jurisdiction: 'CN', kind: 'wait', isVerified: true,
    citation: '电信用户申诉处理办法 第十条', source: MIIT_35,
    period: { unit: 'days', amount: 15 },
    trigger: { categories: ['written-complaint'], excludeChannels: [...CN_12300, ...CN_12315, ...CN_ASSOCIATION] }, pick: 'each',
    nextStep: { beforeDue: 'deadline.next.await-company-reply', afterDue: 'deadline.next.cn-appeal-12300' },
  },
  {
    id: 'cn-billing-dispute-limit', jurisdiction: 'CN', kind: 'limit', isVerified: true,
    citation: '电信用户申诉处理办法 第十一条（计费争议超过五个月不予受理）', source: MIIT_35,
    period: { unit: 'months', amount: 5 },
    trigger: { categories: ['bill'] }, pick: 'each',
    nextStep: { beforeDue: 'deadline.next.cn-file-before-limit', afterDue: 'deadline.next.cn-limit-passed' },
  },
  {
    id: 'cn-other-dispute-limit', jurisdiction: 'CN', kind: 'limit', isVerified: true,
    citation: '电信用户申诉处理办法 第十一条（其他争议超过二年不予受理）', source: MIIT_35,
    period: { unit: 'years', amount: 2 },
    trigger: { categories: ['contract', 'delivery', 'sms', 'call', 'store-visit', 'offer', 'other'] }, pick: 'earliest',
    nextStep: { beforeDue: 'deadline.next.cn-file-before-limit', afterDue: 'deadline.next.cn-limit-passed' },
  },
  {
    id: 'cn-12300-acceptance', jurisdiction: 'CN', kind: 'response', isVerified: true,
    citation: '电信用户申诉处理办法 第十四条（5个工作日内决定是否受理）', source: MIIT_35,
    period: { unit: 'working-days', amount: 5 },
    trigger: { categories: ['regulator-filing'], channels: CN_12300 }, pick: 'each',
    nextStep: { beforeDue: 'deadline.next.await-acceptance', afterDue: 'deadline.next.ask-acceptance' },
  },
  {
    id: 'cn-12300-answer', jurisdiction: 'CN', kind: 'response', isVerified: true,
    citation: '电信用户申诉处理办法（材料齐全之日起30日内答复）', source: MIIT_35,
    period: { unit: 'days', amount: 30 },
    trigger: { categories: ['regulator-filing'], channels: CN_12300 }, pick: 'each',
    nextStep: { beforeDue: 'deadline.next.await-regulator-reply', afterDue: 'deadline.next.follow-up-regulator' },
  },
  {
    id: 'cn-12315-acceptance', jurisdiction: 'CN', kind: 'response', isVerified: true,
    citation: '市场监督管理投诉举报处理暂行办法（7个工作日内决定是否受理）',
    source: { document: '市场监督管理投诉举报处理暂行办法' },
    period: { unit: 'working-days', amount: 7 },
    trigger: { categories: ['regulator-filing'], channels: CN_12315 }, pick: 'each',
    nextStep: { beforeDue: 'deadline.next.await-acceptance', afterDue: 'deadline.next.ask-acceptance' },
  },
  {
    id: 'cn-consumer-association-close', jurisdiction: 'CN', kind: 'response', isVerified: false,
    citation: '消费者协会转交企业处理，通常15日内办结（报道所述，未经法规查证）',
    source: { document: 'seeds/004 (article)' },
    period: { unit: 'days', amount: 15 },
    trigger: { categories: ['written-complaint', 'regulator-filing'], channels: CN_ASSOCIATION }, pick: 'each',
    nextStep: { beforeDue: 'deadline.next.await-association', afterDue: 'deadline.next.follow-up-association' },
  },
  // Hong Kong
  {
    id: 'hk-ccss-wait', jurisdiction: 'HK', kind: 'wait', isVerified: true,
    citation: 'OFCA Customer Complaint Settlement Scheme (deadlock, or 6 weeks without settlement; billing disputes of HK$300 or more)',
    source: { document: 'OFCA Customer Complaint Settlement Scheme' },
    period: { unit: 'days', amount: 42 },
    trigger: { categories: ['written-complaint'] }, pick: 'each',
    nextStep: { beforeDue: 'deadline.next.await-company-reply', afterDue: 'deadline.next.hk-ccss' },
  },
];

/** The built-in rules of one jurisdiction. */
export function rulesFor(jurisdiction: Jurisdiction): DeadlineRule[] {
  return DEADLINE_RULES.filter((r) => r.jurisdiction === jurisdiction);
}

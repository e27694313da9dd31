/**
 * Texts of the next-step keys that deadline rules suggest, in the three case languages. Aids, not
 * legal advice: the UI shows them next to the rule's citation.
 */
import { type Language } from '../case/schema';

type Texts = Record<Language, string>;

/** Next-step text by key and language. */
export const NEXT_STEP_TEXT: Readonly<Record<string, Texts>> = {
  'deadline.next.await-company-reply': {
    'zh-TW': '等待業者書面回覆；保留寄送與收受的證明。',
    'zh-CN': '等待运营商答复；保留提交投诉的凭证。',
    en: 'Wait for the company’s answer; keep proof of when the complaint was sent.',
  },
  'deadline.next.review-reply': {
    'zh-TW': '業者已於期限內回覆：檢視回覆是否滿足各項請求。',
    'zh-CN': '对方已在期限内答复：核对答复是否满足各项诉求。',
    en: 'The other side answered in time: check the answer against each demand.',
  },
  'deadline.next.tw-second-complaint-or-dispute-centre': {
    'zh-TW': '業者逾15日未妥適處理：可向直轄市、縣（市）消保官提出第二次申訴，或向電信消費爭議處理中心申請處理，亦可申請調解。',
    'zh-CN': '业者逾15日未妥善处理：可向消保官提出第二次申诉，或向电信消费争议处理中心申请处理。',
    en: 'No proper answer within 15 days: file a second complaint with the consumer protection officer, or apply to the Telecom Consumer Dispute Resolution Center, or ask for mediation.',
  },
  'deadline.next.await-operator-statement': {
    'zh-TW': '等待業者向爭議處理中心提出書面說明。',
    'zh-CN': '等待运营商向争议处理中心提交书面说明。',
    en: 'Wait for the operator’s written statement to the dispute centre.',
  },
  'deadline.next.ask-centre-about-statement': {
    'zh-TW': '業者逾期未提出說明：向爭議處理中心（0800-034-580）查詢並要求續行處理。',
    'zh-CN': '运营商逾期未提交说明：向争议处理中心查询。',
    en: 'The operator’s statement is late: ask the dispute centre (0800-034-580) to proceed.',
  },
  'deadline.next.await-centre-decision': {
    'zh-TW': '等待爭議處理中心作成決定（得延長一次）。',
    'zh-CN': '等待争议处理中心作出决定（可延长一次）。',
    en: 'Wait for the dispute centre’s decision (it may extend once).',
  },
  'deadline.next.ask-centre-about-decision': {
    'zh-TW': '決定期限已過：詢問中心是否已延長，並請求書面通知。',
    'zh-CN': '决定期限已过：询问中心是否延长，并要求书面通知。',
    en: 'The decision is late: ask whether the centre extended the period and request written notice.',
  },
  'deadline.next.prepare-mediation': {
    'zh-TW': '準備調解會議：整理證物、計算請求金額。',
    'zh-CN': '准备调解会议：整理证据、计算诉求金额。',
    en: 'Prepare for the mediation meeting: exhibits and the amounts claimed.',
  },
  'deadline.next.ask-mediation-date': {
    'zh-TW': '尚未通知調解會議：向受理機關查詢開會日期。',
    'zh-CN': '尚未通知调解会议：向受理机关查询日期。',
    en: 'No mediation meeting yet: ask the authority for the date.',
  },
  'deadline.next.await-regulator-reply': {
    'zh-TW': '等待主管機關回覆。',
    'zh-CN': '等待主管部门答复。',
    en: 'Wait for the regulator’s answer.',
  },
  'deadline.next.follow-up-regulator': {
    'zh-TW': '期限已過仍無回覆：以書面追蹤並附上案號。',
    'zh-CN': '期限已过仍无答复：书面跟进并注明受理编号。',
    en: 'No answer after the period: follow up in writing with the reference number.',
  },
  'deadline.next.complain-pdpa': {
    'zh-TW': '業者逾期未依個資法處理：可向目的事業主管機關（NCC）檢舉。',
    'zh-CN': '业者逾期未处理个资请求：可向主管机关检举。',
    en: 'The personal-data request is late: report it to the competent authority (NCC).',
  },
  'deadline.next.await-records': {
    'zh-TW': '等待業者提供通信及帳務紀錄。',
    'zh-CN': '等待运营商提供通信及计费记录。',
    en: 'Wait for the call and billing records.',
  },
  'deadline.next.records-overdue': {
    'zh-TW': '紀錄逾期未提供：書面催告並列入申訴事項。',
    'zh-CN': '记录逾期未提供：书面催告并列入申诉事项。',
    en: 'The records are late: send a written reminder and add it to the complaint.',
  },
  'deadline.next.cn-appeal-12300': {
    'zh-TW': '向業者投訴已逾15日：可向電信用戶申訴受理中心（12300）申訴。',
    'zh-CN': '向运营商投诉已满15日仍未解决：可向电信用户申诉受理中心（12300）申诉。',
    en: '15 days after the complaint to the operator: you may appeal to the MIIT telecom appeal centre (12300).',
  },
  'deadline.next.cn-file-before-limit': {
    'zh-TW': '在受理時限屆滿前向12300提出申訴。',
    'zh-CN': '在受理时限届满前向12300提出申诉。',
    en: 'File with 12300 before the time limit runs out.',
  },
  'deadline.next.cn-limit-passed': {
    'zh-TW': '12300受理時限已過：考慮消費者協會、12315（商品爭議）或訴訟。',
    'zh-CN': '12300受理时限已过：可考虑消费者协会、12315（商品争议）或诉讼。',
    en: 'The 12300 time limit has passed: consider the consumer association, 12315 (goods) or court.',
  },
  'deadline.next.await-acceptance': {
    'zh-TW': '等待受理決定。',
    'zh-CN': '等待受理决定。',
    en: 'Wait for the decision on acceptance.',
  },
  'deadline.next.ask-acceptance': {
    'zh-TW': '受理期限已過：查詢受理狀態並要求書面通知。',
    'zh-CN': '受理期限已过：查询受理状态并要求书面告知。',
    en: 'The acceptance decision is late: ask for the status in writing.',
  },
  'deadline.next.await-association': {
    'zh-TW': '等待消費者團體轉介處理結果。',
    'zh-CN': '等待消费者协会的处理结果。',
    en: 'Wait for the consumer association’s result.',
  },
  'deadline.next.follow-up-association': {
    'zh-TW': '消費者團體處理逾期：追蹤或改向主管機關申訴。',
    'zh-CN': '消协处理逾期：跟进或改向主管部门申诉。',
    en: 'The association is late: follow up or turn to the regulator.',
  },
  'deadline.next.hk-ccss': {
    'zh-TW': '6週未和解：帳單爭議達港幣300元以上者可向通訊事務管理局辦公室（OFCA）客戶投訴處理計劃申請。',
    'zh-CN': '6周未和解：账单争议达港币300元以上者可申请OFCA客户投诉处理计划。',
    en: '6 weeks without settlement: billing disputes of HK$300 or more may go to OFCA’s Customer Complaint Settlement Scheme.',
  },
};

/** The text of a next-step key in a language; the key itself when unknown. */
export function nextStepText(key: string, language: Language): string {
  return NEXT_STEP_TEXT[key]?.[language] ?? key;
}

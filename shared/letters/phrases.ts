/**
 * The words every letter shares, in the three document languages. Template-specific wording lives
 * in `templates.ts`.
 */
import type { Language } from '../case/schema';

/** Labels and fixed sentences of a letter. */
export interface Phrases {
  to: string; subject: string; complainant: string; agent: string; respondent: string; account: string;
  facts: string; history: string; claims: string; demands: string; reasons: string; exhibits: string;
  name: string; companyName: string; companyAddress: string; address: string; postcode: string; phone: string; email: string; idNumber: string; relation: string;
  taxId: string; accountPhone: string; accountNo: string; customerNo: string; contractNo: string; billNos: string; ticketNos: string;
  amount: string; calculation: string; total: string; evidence: string; relatedFacts: string;
  channel: Record<'phone' | 'store' | 'chat' | 'email' | 'letter' | 'sms' | 'other', string>;
  dialled: string; agentId: string; ticket: string; promised: string; promisedBy: string;
  kept: string; broken: string; pending: string; unknownOutcome: string;
  notHandled: string; replied: string; noHistory: string; authAttached: string; sign: string; date: string;
  closing: string; disclaimer: string; blank: string; sep: string; colon: string; listSep: string;
  open: string; close: string; authTitle: string; period: string; periodDefault: string; matter: string; scope: string;
  principal: string; attorney: string; scopeDefault: string; matterDefault: string; authNote: string; contact: string;
  fileName: string; exhibitDate: string;
}

/** Fixed wording per language. */
export const PHRASES: Record<Language, Phrases> = {
  'zh-TW': {
    to: '受文者', subject: '主旨', complainant: '申訴人', agent: '代理人', respondent: '相對人（業者）', account: '帳戶資料',
    facts: '事實經過（依時間順序）', history: '先前向業者申訴之經過', claims: '申訴事項', demands: '請求事項', reasons: '理由及依據', exhibits: '證物清單',
    name: '姓名', companyName: '名稱', companyAddress: '地址', address: '地址', postcode: '郵遞區號', phone: '電話', email: '電子郵件', idNumber: '身分證字號', relation: '與申訴人關係',
    taxId: '統一編號', accountPhone: '門號', accountNo: '帳號', customerNo: '客戶編號', contractNo: '合約編號', billNos: '帳單號碼', ticketNos: '先前申訴案號',
    amount: '金額', calculation: '計算', total: '合計', evidence: '證據', relatedFacts: '相關事實：第{list}點',
    channel: { phone: '電話', store: '臨櫃', chat: '線上客服', email: '電子郵件', letter: '書面', sms: '簡訊', other: '其他' },
    dialled: '撥打', agentId: '客服人員編號', ticket: '案號', promised: '業者承諾', promisedBy: '期限',
    kept: '已兌現', broken: '逾期未兌現', pending: '尚未到期', unknownOutcome: '是否兌現待確認',
    notHandled: '以上申訴迄今未獲妥適處理。', replied: '業者雖有回應，惟未妥適處理，申訴人無法接受。', noHistory: '（尚未記錄向業者申訴之經過）',
    authAttached: '代理人之委任書如附件。', sign: '（簽名或蓋章）', date: '日期',
    closing: '此致', disclaimer: '※ 本文件依範本產生，僅供參考，並非法律意見；送出前請逐項核對內容。', blank: '＿＿＿＿＿＿',
    sep: '、', colon: '：', listSep: '；', open: '（', close: '）',
    authTitle: '委任書', period: '委任期間', periodDefault: '自簽署之日起至本爭議處理完畢止', matter: '委任事項', scope: '委任範圍',
    principal: '委任人（申訴人）', attorney: '受任人（代理人）',
    scopeDefault: '代為向業者及主管機關提出申訴、陳情或申請，代為陳述意見、提出及收受文件、查詢處理進度並與業者協商。但和解、撤回申訴及簽署任何協議（包括保密協議）須經委任人另行書面同意。',
    matterDefault: '委任人與{respondent}間之消費爭議（{account}）', authNote: '受任人與委任人關係：{relation}', contact: '聯絡方式',
    fileName: '檔名', exhibitDate: '日期',
  },
  'zh-CN': {
    to: '收件人', subject: '事由', complainant: '申诉人', agent: '代理人', respondent: '被申诉人（运营商）', account: '账户信息',
    facts: '事实经过（按时间顺序）', history: '此前向运营商投诉的经过', claims: '投诉事项', demands: '具体要求', reasons: '理由及依据', exhibits: '证据清单',
    name: '姓名', companyName: '名称', companyAddress: '地址', address: '地址', postcode: '邮政编码', phone: '联系电话', email: '电子邮箱', idNumber: '身份证号码', relation: '与申诉人关系',
    taxId: '统一社会信用代码', accountPhone: '号码', accountNo: '账号', customerNo: '客户编号', contractNo: '合同编号', billNos: '账单号码', ticketNos: '此前投诉单号',
    amount: '金额', calculation: '计算', total: '合计', evidence: '证据', relatedFacts: '相关事实：第{list}条',
    channel: { phone: '电话', store: '营业厅', chat: '在线客服', email: '电子邮件', letter: '书面', sms: '短信', other: '其他' },
    dialled: '拨打', agentId: '客服工号', ticket: '工单号', promised: '运营商承诺', promisedBy: '期限',
    kept: '已兑现', broken: '逾期未兑现', pending: '尚未到期', unknownOutcome: '是否兑现待确认',
    notHandled: '以上投诉至今未获妥善处理。', replied: '运营商虽有答复，但未妥善处理，申诉人不予接受。', noHistory: '（尚未记录向运营商投诉的经过）',
    authAttached: '代理人的授权委托书附后。', sign: '（签名）', date: '日期',
    closing: '此致', disclaimer: '※ 本文件由模板生成，仅供参考，不构成法律意见；提交前请逐项核对。', blank: '＿＿＿＿＿＿',
    sep: '、', colon: '：', listSep: '；', open: '（', close: '）',
    authTitle: '授权委托书', period: '委托期限', periodDefault: '自签署之日起至本争议处理完毕止', matter: '委托事项', scope: '委托权限',
    principal: '委托人（申诉人）', attorney: '受托人（代理人）',
    scopeDefault: '代为向运营商及有关部门提出投诉、申诉，代为陈述意见、提交及接收材料、查询处理进度并与运营商协商。但和解、撤回投诉及签署任何协议（包括保密协议）须经委托人另行书面同意。',
    matterDefault: '委托人与{respondent}之间的消费争议（{account}）', authNote: '受托人与委托人关系：{relation}', contact: '联系方式',
    fileName: '文件名', exhibitDate: '日期',
  },
  en: {
    to: 'To', subject: 'Subject', complainant: 'Complainant', agent: 'Authorised advocate', respondent: 'Respondent (operator)', account: 'Account',
    facts: 'Facts in date order', history: 'Earlier complaints to the company', claims: 'Points of complaint', demands: 'What I ask for', reasons: 'Grounds', exhibits: 'List of exhibits',
    name: 'Name', companyName: 'Name', companyAddress: 'Address', address: 'Address', postcode: 'Postcode', phone: 'Phone', email: 'E-mail', idNumber: 'ID number', relation: 'Relation to the complainant',
    taxId: 'Company registration no.', accountPhone: 'Phone number', accountNo: 'Account no.', customerNo: 'Customer no.', contractNo: 'Contract no.', billNos: 'Bill no.', ticketNos: 'Earlier ticket no.',
    amount: 'Amount', calculation: 'Calculation', total: 'Total', evidence: 'Evidence', relatedFacts: 'Related facts: {list}',
    channel: { phone: 'Phone call', store: 'Store visit', chat: 'Online chat', email: 'E-mail', letter: 'Letter', sms: 'SMS', other: 'Other' },
    dialled: 'dialled', agentId: 'agent ID', ticket: 'ticket', promised: 'The company promised', promisedBy: 'by',
    kept: 'kept', broken: 'overdue, not kept', pending: 'not yet due', unknownOutcome: 'outcome not yet confirmed',
    notHandled: 'None of these complaints has been properly resolved.', replied: 'The company replied but did not resolve the matter; the reply is not accepted.', noHistory: '(No earlier complaint recorded yet.)',
    authAttached: 'The letter of authorisation is attached.', sign: '(signature)', date: 'Date',
    closing: 'Yours faithfully,', disclaimer: 'Note: generated from a template for your convenience; it is not legal advice. Check every detail before sending.', blank: '__________',
    sep: ', ', colon: ': ', listSep: '; ', open: ' (', close: ')',
    authTitle: 'Letter of authorisation', period: 'Period', periodDefault: 'from the date of signature until the dispute is closed', matter: 'Matter', scope: 'Scope of authority',
    principal: 'Principal (complainant)', attorney: 'Authorised person (advocate)',
    scopeDefault: 'To lodge complaints and applications with the company and the authorities, to make statements, to submit and receive documents, to ask about progress and to negotiate with the company. Any settlement, withdrawal or agreement (including a confidentiality agreement) needs the principal\'s separate written consent.',
    matterDefault: 'the consumer dispute between the principal and {respondent} ({account})', authNote: 'Relation to the principal: {relation}', contact: 'Contact',
    fileName: 'file', exhibitDate: 'date',
  },
};

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => values[key] ?? m);
}

/**
 * Every string the dossier prints, in the three case languages. One table, so a heading can never
 * exist in one language and be missing in another (the `satisfies` below makes the compiler check it).
 */
import type { Audience, Contact, Currency, EventCategory, EvidenceKind, Language, Redaction } from '../case/schema';

type RedactionKind = Redaction['kind'];

type ContactChannel = Contact['channel'];
type DeadlineState = 'open' | 'met' | 'missed';

/** Keys of the dossier's message table. */
export type DossierMessageKey = keyof typeof EN;

const EN = {
  cover: 'Cover',
  coverKicker: 'Complaint dossier',
  letter: 'Letter',
  facts: 'Statement of facts',
  timeline: 'Timeline',
  claims: 'Claims and demands',
  history: 'Earlier complaints and deadlines',
  index: 'Exhibit index',
  exhibits: 'Exhibits',
  integrity: 'Integrity appendix',
  contents: 'Contents',
  complainant: 'Complainant',
  agent: 'Agent',
  respondent: 'Respondent',
  account: 'Account',
  audience: 'Prepared for',
  recipients: 'Recipients',
  date: 'Date',
  phone: 'Phone',
  email: 'E-mail',
  address: 'Address',
  idNumber: 'ID number',
  relation: 'Relation',
  authorisation: 'Authorisation',
  accountPhone: 'Phone number',
  accountNo: 'Account no.',
  customerNo: 'Customer no.',
  contractNo: 'Contract no.',
  billNos: 'Bill no.',
  ticketNos: 'Ticket no.',
  taxId: 'Tax ID',
  audienceCompany: 'The company (complaint)',
  audienceRegulator: 'The regulator (petition)',
  exhibitLabel: 'Exhibit {label}',
  exhibitPage: 'page {n} of {total}',
  pageOfTotal: 'Page {n} of {total}',
  event: 'Event',
  exhibitsShort: 'Exhibits',
  title: 'Title',
  kind: 'Kind',
  pages: 'Page',
  amount: 'Amount',
  calculation: 'Calculation',
  total: 'Total',
  demands: 'Demands',
  claimNo: 'Claim {n}',
  noClaims: 'No claims recorded.',
  noEvents: 'No events recorded.',
  historyEvents: 'Earlier complaints, filings, calls and answers',
  historyContacts: 'Contacts with the company',
  deadlines: 'Deadlines started by these steps',
  deadlineDue: 'Due',
  deadlineStartedBy: 'Started by',
  deadlineBasis: 'Basis',
  deadlineStatus: 'Status',
  noHistory: 'No earlier complaints recorded.',
  noDeadlines: 'No deadlines computed.',
  channel: 'Channel',
  ticket: 'Ticket',
  promise: 'Promise',
  fileName: 'File name',
  importedAt: 'Imported',
  size: 'Size',
  bytes: '{n} bytes',
  sha256: 'SHA-256',
  integrityIntro:
    'Each original is kept unchanged. Its SHA-256 fingerprint below was computed from the original file; anyone can recompute it (for example `sha256sum <file>` or `certutil -hashfile <file> SHA256`) and compare.',
  integrityRedacted: 'Shown with redactions in this dossier; the fingerprint is that of the unredacted original.',
  integrityRedactedKinds: 'Blacked out: {list}.',
  unsupportedExhibit: 'This file type cannot be shown inside the dossier. The original is identified by its fingerprint in the integrity appendix.',
  letterTemplateNote: 'This letter was generated from the case details as a template. It is not legal advice.',
  letterSubject: 'Subject',
  letterTo: 'To',
  letterGreeting: 'Dear Sir or Madam,',
  letterIntro: 'I, {name}, am writing about my account with {respondent} ({account}).',
  letterIntroAgent: 'I, {agent}, write on behalf of {name} ({relation}) about the account with {respondent} ({account}).',
  letterFacts: 'The facts are set out in date order in the statement of facts and the timeline attached, with exhibits {range}.',
  letterClaims: 'My complaint rests on the following points:',
  letterDemands: 'I request that you:',
  letterReplyCompany: 'Please reply in writing within 15 days of receiving this letter.',
  letterReplyRegulator: 'I complained to the company first; the history of that complaint and its answers is attached. I ask you to accept this petition and to require the company to reply in writing.',
  letterClosing: 'Yours faithfully,',
  redacted: '[redacted]',
  none: '—',
  unknownDate: 'undated',
  cc: 'Copy to',
  ofRegulator: 'Regulator',
} as const;

type Table = Record<DossierMessageKey, string>;

const ZH_TW = {
  cover: '封面',
  coverKicker: '消費爭議申訴卷宗',
  letter: '申訴函',
  facts: '事實陳述',
  timeline: '時間軸',
  claims: '爭點與請求',
  history: '歷次申訴及期限',
  index: '證物目錄',
  exhibits: '證物',
  integrity: '原始檔完整性附錄',
  contents: '目錄',
  complainant: '申訴人',
  agent: '代理人',
  respondent: '相對人',
  account: '帳戶資料',
  audience: '提交對象',
  recipients: '受文者',
  date: '日期',
  phone: '電話',
  email: '電子郵件',
  address: '地址',
  idNumber: '身分證字號',
  relation: '關係',
  authorisation: '委任範圍',
  accountPhone: '門號',
  accountNo: '帳號',
  customerNo: '客戶編號',
  contractNo: '契約編號',
  billNos: '帳單編號',
  ticketNos: '申訴案號',
  taxId: '統一編號',
  audienceCompany: '業者（申訴）',
  audienceRegulator: '主管機關（陳情）',
  exhibitLabel: '證物 {label}',
  exhibitPage: '第 {n}／{total} 頁',
  pageOfTotal: '第 {n} 頁／共 {total} 頁',
  event: '事件',
  exhibitsShort: '證物',
  title: '名稱',
  kind: '類別',
  pages: '頁碼',
  amount: '金額',
  calculation: '計算',
  total: '合計',
  demands: '請求事項',
  claimNo: '爭點{n}',
  noClaims: '尚無爭點。',
  noEvents: '尚無事件。',
  historyEvents: '歷次申訴、陳情、通話及業者回覆',
  historyContacts: '與業者聯絡紀錄',
  deadlines: '上述程序起算之期限',
  deadlineDue: '期限',
  deadlineStartedBy: '起算事件',
  deadlineBasis: '依據',
  deadlineStatus: '狀態',
  noHistory: '尚無歷次申訴紀錄。',
  noDeadlines: '尚無計算之期限。',
  channel: '管道',
  ticket: '案號',
  promise: '承諾',
  fileName: '檔名',
  importedAt: '匯入時間',
  size: '大小',
  bytes: '{n} 位元組',
  sha256: 'SHA-256',
  integrityIntro:
    '各原始檔均保持原狀未經修改。下列 SHA-256 指紋係依原始檔計算，任何人皆可自行重算（例如 `sha256sum <檔名>` 或 `certutil -hashfile <檔名> SHA256`）比對。',
  integrityRedacted: '本卷宗所附為遮蔽個資後之影像；指紋為未遮蔽原始檔之指紋。',
  integrityRedactedKinds: '遮蔽內容：{list}。',
  unsupportedExhibit: '此檔案格式無法於卷宗內顯示。原始檔以完整性附錄所列指紋識別。',
  letterTemplateNote: '本函係依案件資料自動產生之範本，非法律意見。',
  letterSubject: '主旨',
  letterTo: '受文者',
  letterGreeting: '敬啟者：',
  letterIntro: '申訴人{name}為貴公司用戶（{account}），茲就下列事項提出申訴。',
  letterIntroAgent: '代理人{agent}受申訴人{name}（{relation}）委任，就其於貴公司之帳戶（{account}）提出申訴。',
  letterFacts: '事實經過依時序詳列於所附事實陳述及時間軸，並附證物 {range}。',
  letterClaims: '申訴理由如下：',
  letterDemands: '請求事項：',
  letterReplyCompany: '請於收受本函後十五日內以書面回覆。',
  letterReplyRegulator: '申訴人已先向業者申訴，歷次申訴及業者回覆詳如附件。懇請受理本件陳情，並請業者以書面回覆。',
  letterClosing: '此致',
  redacted: '〔已遮蔽〕',
  none: '—',
  unknownDate: '日期不詳',
  cc: '副本',
  ofRegulator: '主管機關',
} as const satisfies Table;

const ZH_CN = {
  cover: '封面',
  coverKicker: '消费争议投诉材料',
  letter: '投诉信',
  facts: '事实陈述',
  timeline: '时间线',
  claims: '投诉事项与请求',
  history: '历次投诉及期限',
  index: '证据目录',
  exhibits: '证据',
  integrity: '原始文件完整性附录',
  contents: '目录',
  complainant: '投诉人',
  agent: '代理人',
  respondent: '被投诉人',
  account: '账户信息',
  audience: '提交对象',
  recipients: '收件人',
  date: '日期',
  phone: '电话',
  email: '电子邮箱',
  address: '地址',
  idNumber: '身份证号码',
  relation: '关系',
  authorisation: '委托范围',
  accountPhone: '号码',
  accountNo: '账号',
  customerNo: '客户编号',
  contractNo: '合同编号',
  billNos: '账单编号',
  ticketNos: '投诉单号',
  taxId: '统一社会信用代码',
  audienceCompany: '企业（投诉）',
  audienceRegulator: '主管部门（申诉）',
  exhibitLabel: '证据 {label}',
  exhibitPage: '第 {n}／{total} 页',
  pageOfTotal: '第 {n} 页／共 {total} 页',
  event: '事件',
  exhibitsShort: '证据',
  title: '名称',
  kind: '类别',
  pages: '页码',
  amount: '金额',
  calculation: '计算',
  total: '合计',
  demands: '请求事项',
  claimNo: '投诉事项{n}',
  noClaims: '尚无投诉事项。',
  noEvents: '尚无事件。',
  historyEvents: '历次投诉、申诉、通话及企业答复',
  historyContacts: '与企业的联系记录',
  deadlines: '上述程序起算的期限',
  deadlineDue: '期限',
  deadlineStartedBy: '起算事件',
  deadlineBasis: '依据',
  deadlineStatus: '状态',
  noHistory: '尚无历次投诉记录。',
  noDeadlines: '尚无计算的期限。',
  channel: '渠道',
  ticket: '单号',
  promise: '承诺',
  fileName: '文件名',
  importedAt: '导入时间',
  size: '大小',
  bytes: '{n} 字节',
  sha256: 'SHA-256',
  integrityIntro:
    '各原始文件均保持原样未经修改。下列 SHA-256 指纹依原始文件计算，任何人均可自行重新计算（例如 `sha256sum <文件名>` 或 `certutil -hashfile <文件名> SHA256`）进行比对。',
  integrityRedacted: '本材料所附为遮盖个人信息后的图像；指纹为未遮盖原始文件的指纹。',
  integrityRedactedKinds: '遮盖内容：{list}。',
  unsupportedExhibit: '此文件格式无法在材料中显示。原始文件以完整性附录所列指纹识别。',
  letterTemplateNote: '本信系根据案件信息自动生成的模板，不构成法律意见。',
  letterSubject: '事由',
  letterTo: '收件人',
  letterGreeting: '您好：',
  letterIntro: '投诉人{name}系贵公司用户（{account}），现就以下事项提出投诉。',
  letterIntroAgent: '代理人{agent}受投诉人{name}（{relation}）委托，就其在贵公司的账户（{account}）提出投诉。',
  letterFacts: '事实经过按时间顺序详见所附事实陈述及时间线，并附证据 {range}。',
  letterClaims: '投诉理由如下：',
  letterDemands: '请求事项：',
  letterReplyCompany: '请于收到本信后十五日内书面答复。',
  letterReplyRegulator: '投诉人已先向企业投诉，历次投诉及企业答复详见附件。恳请受理本申诉，并要求企业书面答复。',
  letterClosing: '此致',
  redacted: '〔已遮盖〕',
  none: '—',
  unknownDate: '日期不详',
  cc: '抄送',
  ofRegulator: '主管部门',
} as const satisfies Table;

const TABLES: Record<Language, Table> = { en: EN, 'zh-TW': ZH_TW, 'zh-CN': ZH_CN };

/** A message of the dossier in a language, with `{name}` placeholders filled in. */
export function msg(language: Language, key: DossierMessageKey, vars: Record<string, string | number> = {}): string {
  return TABLES[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

const KINDS: Record<Language, Record<EvidenceKind, string>> = {
  en: { contract: 'Contract', bill: 'Bill', sms: 'SMS', chat: 'Chat', receipt: 'Receipt', letter: 'Letter', photo: 'Photo', note: 'Note', other: 'Other' },
  'zh-TW': { contract: '契約', bill: '帳單', sms: '簡訊', chat: '對話', receipt: '收據', letter: '函件', photo: '照片', note: '紀錄', other: '其他' },
  'zh-CN': { contract: '合同', bill: '账单', sms: '短信', chat: '聊天记录', receipt: '收据', letter: '函件', photo: '照片', note: '记录', other: '其他' },
};

/** The name of an exhibit kind in a language. */
export function kindName(language: Language, kind: EvidenceKind): string {
  return KINDS[language][kind];
}

const REDACTION_KINDS: Record<Language, Record<RedactionKind, string>> = {
  en: { 'national-id': 'national ID number', 'bank-account': 'bank account number', 'card-number': 'card number', phone: 'phone number', manual: 'area marked by hand', other: 'other' },
  'zh-TW': { 'national-id': '身分證字號', 'bank-account': '銀行帳號', 'card-number': '信用卡號', phone: '電話號碼', manual: '手動框選區域', other: '其他' },
  'zh-CN': { 'national-id': '身份证号码', 'bank-account': '银行账号', 'card-number': '银行卡号', phone: '电话号码', manual: '手动框选区域', other: '其他' },
};

/** "national ID number × 2" / "身分證字號 2 處": what kind of content was blacked out how often (never the value). */
export function redactionCount(language: Language, kind: RedactionKind, count: number): string {
  const name = REDACTION_KINDS[language][kind];
  return language === 'en' ? `${name} × ${count}` : `${name} ${count} ${language === 'zh-TW' ? '處' : '处'}`;
}

const CATEGORIES: Record<Language, Record<EventCategory, string>> = {
  en: {
    contract: 'Contract', delivery: 'Delivery', bill: 'Bill', sms: 'SMS', call: 'Call', 'store-visit': 'Store visit',
    'written-complaint': 'Written complaint', 'regulator-filing': 'Regulator filing', 'company-reply': 'Company reply',
    offer: 'Offer', deadline: 'Deadline', other: 'Other',
  },
  'zh-TW': {
    contract: '簽約', delivery: '交付', bill: '帳單', sms: '簡訊', call: '電話', 'store-visit': '門市',
    'written-complaint': '書面申訴', 'regulator-filing': '向主管機關陳情', 'company-reply': '業者回覆',
    offer: '和解提議', deadline: '期限', other: '其他',
  },
  'zh-CN': {
    contract: '签约', delivery: '交付', bill: '账单', sms: '短信', call: '电话', 'store-visit': '营业厅',
    'written-complaint': '书面投诉', 'regulator-filing': '向主管部门申诉', 'company-reply': '企业答复',
    offer: '和解提议', deadline: '期限', other: '其他',
  },
};

/** The name of an event category in a language. */
export function categoryName(language: Language, category: EventCategory): string {
  return CATEGORIES[language][category];
}

const CONTACT_CHANNELS: Record<Language, Record<ContactChannel, string>> = {
  en: { phone: 'Phone', store: 'Store visit', chat: 'Online chat', email: 'E-mail', letter: 'Letter', sms: 'SMS', other: 'Other' },
  'zh-TW': { phone: '電話', store: '臨櫃', chat: '線上客服', email: '電子郵件', letter: '書面', sms: '簡訊', other: '其他' },
  'zh-CN': { phone: '电话', store: '营业厅', chat: '在线客服', email: '电子邮件', letter: '书面', sms: '短信', other: '其他' },
};

/** A contact channel as printed. */
export function contactChannelName(language: Language, channel: ContactChannel): string {
  return CONTACT_CHANNELS[language][channel];
}

const DEADLINE_STATUS: Record<Language, Record<DeadlineState, string>> = {
  en: { open: 'running', met: 'met', missed: 'passed without an answer' },
  'zh-TW': { open: '計算中', met: '已於期限內處理', missed: '已逾期未處理' },
  'zh-CN': { open: '计算中', met: '已在期限内处理', missed: '已逾期未处理' },
};

/** A deadline's status as printed. */
export function deadlineStatusName(language: Language, status: DeadlineState): string {
  return DEADLINE_STATUS[language][status];
}

/** The audience of a cut, as printed on the cover. */
export function audienceName(language: Language, audience: Audience): string {
  return msg(language, audience === 'company' ? 'audienceCompany' : 'audienceRegulator');
}

const CURRENCY_PREFIX: Record<Language, Partial<Record<Currency, string>>> = {
  en: {},
  'zh-TW': { TWD: '新台幣', CNY: '人民幣', HKD: '港幣', USD: '美元', EUR: '歐元', JPY: '日圓', GBP: '英鎊' },
  'zh-CN': { TWD: '新台币', CNY: '人民币', HKD: '港币', USD: '美元', EUR: '欧元', JPY: '日元', GBP: '英镑' },
};

/**
 * An amount with its currency, keeping the decimals it has (0.1 stays 0.1): `新台幣 1,288 元`,
 * `人民币 386.5 元`, `TWD 1,288`.
 */
export function formatMoney(language: Language, value: number, currency: Currency | undefined): string {
  const digits = Number.isInteger(value) ? 0 : Math.min(4, (String(value).split('.')[1] ?? '').length);
  const n = value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  if (language === 'en') return currency ? `${currency} ${n}` : n;
  const prefix = currency ? CURRENCY_PREFIX[language][currency] ?? currency : '';
  return `${prefix} ${n} 元`.trim();
}

/** Who the regulator cut is addressed to, by jurisdiction (names of the bodies in domain notes). */
export function regulatorNames(language: Language, jurisdiction: 'TW' | 'CN' | 'HK'): string[] {
  if (jurisdiction === 'TW') {
    return language === 'en'
      ? ['National Communications Commission (NCC)', 'Telecom Consumer Dispute Resolution Center']
      : language === 'zh-CN'
        ? ['国家通讯传播委员会（NCC）', '电信消费争议处理中心']
        : ['國家通訊傳播委員會（NCC）', '電信消費爭議處理中心'];
  }
  if (jurisdiction === 'CN') {
    return language === 'en'
      ? ['MIIT Telecom User Appeal Centre (12300)']
      : language === 'zh-TW'
        ? ['工業和信息化部電信用戶申訴受理中心（12300）']
        : ['工业和信息化部电信用户申诉受理中心（12300）'];
  }
  return language === 'en' ? ['Office of the Communications Authority (OFCA)'] : language === 'zh-CN' ? ['通讯事务管理局办公室（OFCA）'] : ['通訊事務管理局辦公室（OFCA）'];
}

/**
 * Letter templates per jurisdiction and channel. Wording cites only the rules recorded in the
 * project's domain notes (statute and article); nothing here is legal advice and every letter says so.
 *
 * Placeholders filled when drafting: {respondent}, {firstComplaint} (date of the first complaint to
 * the company), {title} (the case title).
 */
import type { Audience, Jurisdiction, Language } from '../case/schema';

/** Identifier of a letter template. */
export type TemplateId =
  | 'tw-operator' | 'tw-ncc' | 'tw-dispute-centre' | 'tw-cpo'
  | 'cn-operator' | 'cn-12300' | 'cn-12315' | 'cn-consumer-association'
  | 'hk-operator' | 'hk-ofca-ccss'
  | 'general-en';

/** A part of a letter's body. */
export type SectionKey = 'complainant' | 'agent' | 'respondent' | 'account' | 'facts' | 'history' | 'claims' | 'demands' | 'reasons' | 'exhibits';

/** Who receives the letter. */
export type Channel = 'operator' | 'regulator' | 'dispute-centre' | 'consumer-officer' | 'telecom-appeal' | 'market-regulator' | 'consumer-association' | 'general';

/** Wording of one template in one language. */
export interface TemplateText {
  /** Shown in the template picker. */
  name: string;
  /** The letter's title line. */
  heading: string;
  /** The addressee; when absent the letter goes to the respondent company. */
  recipient?: string;
  subject: string;
  opening: string;
  /** Legal basis and reasons, one paragraph each. */
  basis: string[];
  closing: string;
  /** Section titles that differ from the shared ones (e.g. the 12300 form's 申诉要求). */
  labels?: Partial<Record<SectionKey | 'date' | 'complainant-role' | 'address', string>>;
}

/** A letter template. */
export interface LetterTemplate {
  id: TemplateId;
  /** `null`: usable in every jurisdiction. */
  jurisdiction: Jurisdiction | null;
  /** Which dossier cut the letter belongs to by default. */
  audience: Audience;
  channel: Channel;
  /** The recipient only acts after the company had its chance: the letter recounts it and the checker wants it. */
  needsPriorComplaint: boolean;
  /** Days the company has to handle a first complaint before this channel may be used. */
  waitDays?: number;
  /** Section order; sections with nothing to say are left out. */
  order: SectionKey[];
  /** Complainant fields the recipient's rules require (the checker reports them as errors). */
  requires: Array<'address' | 'phone' | 'postcode' | 'respondent-address' | 'agent-id'>;
  text: Record<Language, TemplateText>;
}

const STANDARD: SectionKey[] = ['complainant', 'agent', 'respondent', 'account', 'facts', 'history', 'claims', 'demands', 'reasons', 'exhibits'];
const COMPANY: SectionKey[] = ['complainant', 'agent', 'account', 'facts', 'history', 'claims', 'demands', 'reasons', 'exhibits'];

const TEMPLATES: LetterTemplate[] = [
  {
    id: 'tw-operator', jurisdiction: 'TW', audience: 'company', channel: 'operator', needsPriorComplaint: false,
    order: COMPANY, requires: ['address'],
    text: {
      'zh-TW': {
        name: '向業者提出第一次申訴（消保法第43條）', heading: '消費爭議申訴書',
        subject: '就{title}提出消費爭議申訴，請於15日內妥適處理並以書面回覆',
        opening: '申訴人就下列消費爭議，依消費者保護法第43條第1項向 貴公司提出申訴，事實、申訴事項及請求如下。',
        basis: [
          '依消費者保護法第43條及其施行細則第36條，企業經營者應於收受申訴之日起15日內妥適處理。',
          '逾期未獲妥適處理者，申訴人將依同條第3項向直轄市、縣（市）政府消費者保護官提出第二次申訴，並向電信消費爭議處理中心申請處理。',
        ],
        closing: '請 貴公司於收受本申訴書之日起15日內，以書面回覆申訴人（或代理人）。',
      },
      'zh-CN': {
        name: '向业者提出第一次申诉（消保法第43条）', heading: '消费争议申诉书',
        subject: '就{title}提出消费争议申诉，请于15日内妥善处理并书面答复',
        opening: '申诉人就下列消费争议，依台湾地区消费者保护法第43条第1项向贵公司提出申诉，事实、申诉事项及请求如下。',
        basis: [
          '依消费者保护法第43条及其施行细则第36条，企业经营者应于收到申诉之日起15日内妥善处理。',
          '逾期未获妥善处理的，申诉人将依同条第3项向直辖市、县（市）政府消费者保护官提出第二次申诉，并向电信消费争议处理中心申请处理。',
        ],
        closing: '请贵公司于收到本申诉书之日起15日内，书面答复申诉人（或代理人）。',
        labels: { claims: '申诉事项', demands: '请求事项' },
      },
      en: {
        name: 'First complaint to the operator (Consumer Protection Act Art. 43)', heading: 'Consumer complaint',
        subject: 'Consumer complaint: {title} — please resolve within 15 days and reply in writing',
        opening: 'Under Article 43(1) of the Consumer Protection Act I lodge the following consumer complaint with your company. The facts, points of complaint and requests are set out below.',
        basis: [
          'Under Article 43 of the Consumer Protection Act and Article 36 of its Enforcement Rules, a business must properly handle a complaint within 15 days of receiving it.',
          'If it is not properly handled in time, I will lodge a second complaint with the consumer protection officer of the city or county government (Art. 43(3)) and apply to the Telecom Consumer Dispute Resolution Center.',
        ],
        closing: 'Please reply in writing to the complainant (or the advocate) within 15 days of receiving this complaint.',
      },
    },
  },
  {
    id: 'tw-ncc', jurisdiction: 'TW', audience: 'regulator', channel: 'regulator', needsPriorComplaint: true,
    order: STANDARD, requires: ['address', 'phone'],
    text: {
      'zh-TW': {
        name: '向國家通訊傳播委員會陳情', heading: '陳情書', recipient: '國家通訊傳播委員會',
        subject: '陳情電信事業{respondent}就{title}未妥適處理用戶申訴，請督促其限期書面說明並妥適處理',
        opening: '陳情人已於{firstComplaint}向{respondent}申訴，迄今未獲妥適處理，爰依行政程序法第168條向 貴會陳情，事實及訴求如下。',
        basis: [
          '依行政程序法第168條，人民對於行政興革之建議、行政法令之查詢、行政違失之舉發或行政上權益之維護，得向主管機關陳情。',
          '陳情人已先向業者申訴（詳見「先前向業者申訴之經過」），業者未妥適處理。',
        ],
        closing: '懇請 貴會督促{respondent}於期限內以書面說明並妥適處理，並將處理情形函復陳情人。',
        labels: { 'complainant-role': '陳情人', complainant: '陳情人' },
      },
      'zh-CN': {
        name: '向国家通讯传播委员会（NCC）陈情', heading: '陈情书', recipient: '国家通讯传播委员会（NCC）',
        subject: '陈情电信事业{respondent}就{title}未妥善处理用户申诉，请督促其限期书面说明并妥善处理',
        opening: '陈情人已于{firstComplaint}向{respondent}申诉，至今未获妥善处理，依台湾地区行政程序法第168条向贵会陈情，事实及诉求如下。',
        basis: [
          '依行政程序法第168条，人民对于行政兴革之建议、行政法令之查询、行政违失之举发或行政上权益之维护，得向主管机关陈情。',
          '陈情人已先向业者申诉（详见“此前向运营商投诉的经过”），业者未妥善处理。',
        ],
        closing: '恳请贵会督促{respondent}于期限内书面说明并妥善处理，并将处理情形函复陈情人。',
        labels: { 'complainant-role': '陈情人', complainant: '陈情人' },
      },
      en: {
        name: 'Petition to the National Communications Commission (NCC)', heading: 'Petition', recipient: 'National Communications Commission (NCC)',
        subject: 'Petition: {respondent} has not properly handled a customer complaint ({title}); please require a written explanation within a time limit',
        opening: 'I complained to {respondent} on {firstComplaint} and the complaint has not been properly handled. Under Article 168 of the Administrative Procedure Act I submit this petition.',
        basis: [
          'Article 168 of the Administrative Procedure Act allows any person to petition the competent authority to protect their rights and interests.',
          'The complaint was first made to the operator (see "Earlier complaints to the company"), which did not properly resolve it.',
        ],
        closing: 'I ask the Commission to require {respondent} to explain in writing within a time limit, to resolve the matter properly, and to inform me of the outcome.',
        labels: { 'complainant-role': 'Petitioner', complainant: 'Petitioner' },
      },
    },
  },
  {
    id: 'tw-dispute-centre', jurisdiction: 'TW', audience: 'regulator', channel: 'dispute-centre', needsPriorComplaint: true,
    order: ['complainant', 'agent', 'respondent', 'account', 'demands', 'facts', 'claims', 'reasons', 'history', 'exhibits'],
    requires: ['address', 'phone'],
    text: {
      'zh-TW': {
        name: '向電信消費爭議處理中心申請處理', heading: '電信消費爭議處理申請書', recipient: '電信消費爭議處理中心',
        subject: '申請處理與{respondent}間之電信消費爭議（{title}）',
        opening: '申請人已於{firstComplaint}向電信事業{respondent}申訴，未獲妥適處理，爰申請 貴中心處理。依電信消費爭議處理中心之處理規定（全國法規資料庫 K0060132）第23條，載明當事人、請求、事實、理由、向業者申訴未獲處理之情形及證據文件如下。',
        basis: [
          '依同規定第2條，向業者之書面申訴包括簡訊及電子郵件。',
          '請 貴中心受理後通知相對人於10個工作日內提出書面陳述（同規定第25條），並於受理後1個月內作成處理決定（同規定第27條）。',
        ],
        closing: '敬請 貴中心受理本件申請。',
        labels: {
          'complainant-role': '申請人', complainant: '當事人：申請人', agent: '當事人：代理人', respondent: '當事人：相對人（電信事業）',
          demands: '請求', facts: '事實', claims: '理由', reasons: '依據', history: '向業者申訴未獲處理之情形', exhibits: '證據文件',
        },
      },
      'zh-CN': {
        name: '向电信消费争议处理中心申请处理', heading: '电信消费争议处理申请书', recipient: '电信消费争议处理中心',
        subject: '申请处理与{respondent}之间的电信消费争议（{title}）',
        opening: '申请人已于{firstComplaint}向电信事业{respondent}申诉，未获妥善处理，特申请贵中心处理。依电信消费争议处理中心处理规定（K0060132）第23条，载明当事人、请求、事实、理由、向业者申诉未获处理的情形及证据文件如下。',
        basis: [
          '依同规定第2条，向业者的书面申诉包括短信及电子邮件。',
          '请贵中心受理后通知相对人于10个工作日内提出书面陈述（同规定第25条），并于受理后1个月内作出处理决定（同规定第27条）。',
        ],
        closing: '敬请贵中心受理本件申请。',
        labels: {
          'complainant-role': '申请人', complainant: '当事人：申请人', agent: '当事人：代理人', respondent: '当事人：相对人（电信事业）',
          demands: '请求', facts: '事实', claims: '理由', reasons: '依据', history: '向业者申诉未获处理的情形', exhibits: '证据文件',
        },
      },
      en: {
        name: 'Application to the Telecom Consumer Dispute Resolution Center', heading: 'Application for telecom consumer dispute resolution', recipient: 'Telecom Consumer Dispute Resolution Center',
        subject: 'Application: consumer dispute with {respondent} ({title})',
        opening: 'I complained to the telecom operator {respondent} on {firstComplaint} and the complaint was not properly handled. As Article 23 of the Center\'s rules (K0060132) requires, this application states the parties, the claim, the facts, the reasons, how the complaint to the operator was not handled, and the documents.',
        basis: [
          'Under Article 2 of the same rules, a written complaint to the operator includes SMS and e-mail.',
          'Please ask the respondent for its written statement within 10 working days (Art. 25) and decide within one month of acceptance (Art. 27).',
        ],
        closing: 'I ask the Center to accept this application.',
        labels: {
          'complainant-role': 'Applicant', complainant: 'Parties: applicant', agent: 'Parties: advocate', respondent: 'Parties: respondent (telecom operator)',
          demands: 'Claim', facts: 'Facts', claims: 'Reasons', reasons: 'Basis', history: 'How the complaint to the operator was not handled', exhibits: 'Documents',
        },
      },
    },
  },
  {
    id: 'tw-cpo', jurisdiction: 'TW', audience: 'regulator', channel: 'consumer-officer', needsPriorComplaint: true, waitDays: 15,
    order: STANDARD, requires: ['address', 'phone'],
    text: {
      'zh-TW': {
        name: '向消費者保護官提出第二次申訴', heading: '消費爭議第二次申訴書', recipient: '＿＿市（縣）政府消費者保護官',
        subject: '就與{respondent}間之消費爭議（{title}）提出第二次申訴',
        opening: '申訴人於{firstComplaint}依消費者保護法第43條第1項向{respondent}提出申訴，業者未於15日內妥適處理，爰依同條第3項向 貴府消費者保護官提出第二次申訴。',
        basis: [
          '依消費者保護法第43條第3項，消費者之申訴未獲妥適處理時，得向直轄市、縣（市）政府消費者保護官申訴。',
          '如仍未能解決，申訴人得依同法第44條申請調解。',
        ],
        closing: '敬請 貴府消費者保護官協助處理，並將處理情形通知申訴人。',
      },
      'zh-CN': {
        name: '向消费者保护官提出第二次申诉', heading: '消费争议第二次申诉书', recipient: '＿＿市（县）政府消费者保护官',
        subject: '就与{respondent}之间的消费争议（{title}）提出第二次申诉',
        opening: '申诉人于{firstComplaint}依消费者保护法第43条第1项向{respondent}提出申诉，业者未于15日内妥善处理，特依同条第3项向贵府消费者保护官提出第二次申诉。',
        basis: [
          '依消费者保护法第43条第3项，消费者的申诉未获妥善处理时，得向直辖市、县（市）政府消费者保护官申诉。',
          '如仍未能解决，申诉人得依同法第44条申请调解。',
        ],
        closing: '敬请贵府消费者保护官协助处理，并将处理情形通知申诉人。',
      },
      en: {
        name: 'Second complaint to the consumer protection officer', heading: 'Second consumer complaint', recipient: 'Consumer Protection Officer, ____ City/County Government',
        subject: 'Second complaint: consumer dispute with {respondent} ({title})',
        opening: 'On {firstComplaint} I complained to {respondent} under Article 43(1) of the Consumer Protection Act. The company did not properly handle it within 15 days, so under Article 43(3) I lodge this second complaint.',
        basis: [
          'Article 43(3) of the Consumer Protection Act allows a second complaint to the consumer protection officer when the first was not properly handled.',
          'If the dispute remains unresolved, I may apply for mediation under Article 44.',
        ],
        closing: 'I ask the consumer protection officer to take up the matter and inform me of the outcome.',
      },
    },
  },
  {
    id: 'cn-operator', jurisdiction: 'CN', audience: 'company', channel: 'operator', needsPriorComplaint: false,
    order: COMPANY, requires: ['phone'],
    text: {
      'zh-CN': {
        name: '向运营商投诉', heading: '投诉书',
        subject: '关于{title}的投诉，请于15日内书面答复',
        opening: '本人就以下电信服务问题向贵公司投诉，事实、投诉事项及具体要求如下。',
        basis: [
          '依《电信用户申诉处理办法》第十条，用户向电信业务经营者投诉后不满意或15日内未获答复的，可以向电信用户申诉受理机构申诉。',
          '《消费者权益保护法》第三十九条规定了消费者解决争议的途径，包括与经营者协商和解、请求消费者协会调解及向有关行政部门投诉。',
        ],
        closing: '请贵公司于收到本投诉书之日起15日内书面答复。逾期未答复或处理结果不能接受的，本人将向电信用户申诉受理机构申诉。',
      },
      'zh-TW': {
        name: '向電信業者投訴', heading: '投訴書',
        subject: '關於{title}的投訴，請於15日內書面答覆',
        opening: '本人就以下電信服務問題向貴公司投訴，事實、投訴事項及具體要求如下。',
        basis: [
          '依《電信用戶申訴處理辦法》第十條，用戶向電信業務經營者投訴後不滿意或15日內未獲答覆的，可以向電信用戶申訴受理機構申訴。',
          '《消費者權益保護法》第三十九條規定了消費者解決爭議的途徑，包括與經營者協商和解、請求消費者協會調解及向有關行政部門投訴。',
        ],
        closing: '請貴公司於收到本投訴書之日起15日內書面答覆。逾期未答覆或處理結果不能接受的，本人將向電信用戶申訴受理機構申訴。',
        labels: { claims: '投訴事項', demands: '具體要求', respondent: '被投訴人（電信業者）' },
      },
      en: {
        name: 'Complaint to the operator', heading: 'Letter of complaint',
        subject: 'Complaint: {title} — please reply in writing within 15 days',
        opening: 'I complain to your company about the telecom service problem set out below.',
        basis: [
          'Under Article 10 of the Measures for Handling Telecom User Appeals, a user who is dissatisfied or receives no answer within 15 days of complaining to the operator may appeal to the telecom user appeal centre.',
          'Article 39 of the Consumer Rights Protection Law lists the routes to settle a consumer dispute, including negotiation with the business, mediation by a consumer association and complaints to the administrative authorities.',
        ],
        closing: 'Please reply in writing within 15 days of receiving this letter. Otherwise I will appeal to the telecom user appeal centre.',
      },
    },
  },
  {
    id: 'cn-12300', jurisdiction: 'CN', audience: 'regulator', channel: 'telecom-appeal', needsPriorComplaint: true, waitDays: 15,
    order: ['complainant', 'agent', 'respondent', 'account', 'demands', 'claims', 'reasons', 'facts', 'history', 'exhibits'],
    requires: ['address', 'phone', 'postcode', 'respondent-address'],
    text: {
      'zh-CN': {
        name: '向电信用户申诉受理中心申诉（12300）', heading: '电信用户申诉书', recipient: '工业和信息化部电信用户申诉受理中心（或省级电信用户申诉受理机构）',
        subject: '申诉{respondent}：{title}',
        opening: '申诉人已于{firstComplaint}向被申诉人{respondent}投诉，对处理结果不满意或15日内未获答复，依据《电信用户申诉处理办法》第十条、第十二条提出申诉。',
        basis: [
          '《电信用户申诉处理办法》第十条：用户申诉前应当已向电信业务经营者投诉，对处理结果不满意或者15日内未获答复。',
          '同办法第十二条：申诉应当采用书面形式，载明申诉人姓名、住址、联系电话、邮政编码，被申诉人名称、地址，申诉要求、理由和事实根据，申诉日期。',
        ],
        closing: '请受理本申诉。',
        labels: {
          complainant: '申诉人', respondent: '被申诉人', demands: '申诉要求', claims: '申诉理由', reasons: '法规依据', facts: '事实根据', history: '向运营商投诉及答复情况', date: '申诉日期', address: '住址', exhibits: '证据清单',
        },
      },
      'zh-TW': {
        name: '向電信用戶申訴受理中心申訴（12300）', heading: '電信用戶申訴書', recipient: '工業和信息化部電信用戶申訴受理中心（或省級電信用戶申訴受理機構）',
        subject: '申訴{respondent}：{title}',
        opening: '申訴人已於{firstComplaint}向被申訴人{respondent}投訴，對處理結果不滿意或15日內未獲答覆，依據《電信用戶申訴處理辦法》第十條、第十二條提出申訴。',
        basis: [
          '《電信用戶申訴處理辦法》第十條：用戶申訴前應當已向電信業務經營者投訴，對處理結果不滿意或者15日內未獲答覆。',
          '同辦法第十二條：申訴應當採用書面形式，載明申訴人姓名、住址、聯繫電話、郵政編碼，被申訴人名稱、地址，申訴要求、理由和事實根據，申訴日期。',
        ],
        closing: '請受理本申訴。',
        labels: {
          complainant: '申訴人', respondent: '被申訴人', demands: '申訴要求', claims: '申訴理由', reasons: '法規依據', facts: '事實根據', history: '向電信業者投訴及答覆情況', date: '申訴日期', address: '住址', exhibits: '證據清單',
        },
      },
      en: {
        name: 'Appeal to the telecom user appeal centre (12300)', heading: 'Telecom user appeal', recipient: 'MIIT Telecom User Appeal Centre (or the provincial appeal centre)',
        subject: 'Appeal against {respondent}: {title}',
        opening: 'I complained to the respondent {respondent} on {firstComplaint} and am dissatisfied with the outcome or received no answer within 15 days. I appeal under Articles 10 and 12 of the Measures for Handling Telecom User Appeals.',
        basis: [
          'Article 10: before appealing, the user must have complained to the operator and be dissatisfied with the outcome or have had no answer within 15 days.',
          'Article 12: the appeal is in writing and states the complainant\'s name, address, phone and postcode; the respondent\'s name and address; the demand, reasons and facts; and the date.',
        ],
        closing: 'I ask the centre to accept this appeal.',
        labels: { complainant: 'Complainant', respondent: 'Respondent', demands: 'Demand', claims: 'Reasons', reasons: 'Rules relied on', facts: 'Facts', history: 'Complaint to the operator and its answer', date: 'Date of appeal' },
      },
    },
  },
  {
    id: 'cn-12315', jurisdiction: 'CN', audience: 'regulator', channel: 'market-regulator', needsPriorComplaint: false,
    order: STANDARD, requires: ['address', 'phone', 'agent-id'],
    text: {
      'zh-CN': {
        name: '向市场监督管理部门投诉（12315）', heading: '消费投诉书', recipient: '市场监督管理部门（全国12315平台）',
        subject: '投诉{respondent}：{title}',
        opening: '投诉人就与{respondent}之间的消费争议，依据《市场监督管理投诉举报处理暂行办法》提出投诉。',
        basis: [
          '《消费者权益保护法》第三十九条：消费者可以向有关行政部门投诉。',
          '委托他人代为投诉的，依《市场监督管理投诉举报处理暂行办法》第十条提交由委托人签名的授权委托书（载明委托事项、权限和期限）及受托人身份证明。',
          '说明：电信服务争议主要由通信管理部门（12300）处理；手机等商品争议适合向12315投诉。',
        ],
        closing: '请依法受理并组织调解。',
        labels: { complainant: '投诉人', 'complainant-role': '投诉人', respondent: '被投诉人' },
      },
      'zh-TW': {
        name: '向市場監督管理部門投訴（12315）', heading: '消費投訴書', recipient: '市場監督管理部門（全國12315平台）',
        subject: '投訴{respondent}：{title}',
        opening: '投訴人就與{respondent}之間的消費爭議，依據《市場監督管理投訴舉報處理暫行辦法》提出投訴。',
        basis: [
          '《消費者權益保護法》第三十九條：消費者可以向有關行政部門投訴。',
          '委託他人代為投訴的，依《市場監督管理投訴舉報處理暫行辦法》第十條提交由委託人簽名的授權委託書（載明委託事項、權限和期限）及受託人身分證明。',
          '說明：電信服務爭議主要由通信管理部門（12300）處理；手機等商品爭議適合向12315投訴。',
        ],
        closing: '請依法受理並組織調解。',
        labels: { complainant: '投訴人', 'complainant-role': '投訴人', respondent: '被投訴人' },
      },
      en: {
        name: 'Complaint to the market regulator (12315)', heading: 'Consumer complaint', recipient: 'Market Regulation Administration (12315 platform)',
        subject: 'Complaint against {respondent}: {title}',
        opening: 'I complain about a consumer dispute with {respondent} under the Interim Measures for Handling Market Regulation Complaints and Reports.',
        basis: [
          'Article 39 of the Consumer Rights Protection Law allows a consumer to complain to the administrative authorities.',
          'A complaint through an agent carries a power of attorney signed by the complainant (matter, scope and period) and the agent\'s ID (Art. 10 of the Interim Measures).',
          'Note: telecom service disputes belong to the communications administration (12300); handset (goods) disputes fit 12315.',
        ],
        closing: 'I ask you to accept the complaint and arrange mediation.',
      },
    },
  },
  {
    id: 'cn-consumer-association', jurisdiction: 'CN', audience: 'regulator', channel: 'consumer-association', needsPriorComplaint: false,
    order: STANDARD, requires: ['address', 'phone'],
    text: {
      'zh-CN': {
        name: '向消费者协会投诉', heading: '消费投诉书', recipient: '＿＿消费者协会',
        subject: '投诉{respondent}：{title}',
        opening: '投诉人就与{respondent}之间的消费争议，请求贵会依《消费者权益保护法》第三十九条予以调解。',
        basis: ['《消费者权益保护法》第三十九条：消费者和经营者发生消费者权益争议的，可以请求消费者协会或者依法成立的其他调解组织调解。'],
        closing: '请贵会受理并转请被投诉人处理，督促其在期限内答复。',
        labels: { complainant: '投诉人', 'complainant-role': '投诉人', respondent: '被投诉人' },
      },
      'zh-TW': {
        name: '向消費者協會投訴', heading: '消費投訴書', recipient: '＿＿消費者協會',
        subject: '投訴{respondent}：{title}',
        opening: '投訴人就與{respondent}之間的消費爭議，請求貴會依《消費者權益保護法》第三十九條予以調解。',
        basis: ['《消費者權益保護法》第三十九條：消費者和經營者發生消費者權益爭議的，可以請求消費者協會或者依法成立的其他調解組織調解。'],
        closing: '請貴會受理並轉請被投訴人處理，督促其在期限內答覆。',
        labels: { complainant: '投訴人', 'complainant-role': '投訴人', respondent: '被投訴人' },
      },
      en: {
        name: 'Complaint to a consumer association', heading: 'Consumer complaint', recipient: '____ Consumer Association',
        subject: 'Complaint against {respondent}: {title}',
        opening: 'I ask the association to mediate my consumer dispute with {respondent} under Article 39 of the Consumer Rights Protection Law.',
        basis: ['Article 39 of the Consumer Rights Protection Law: a consumer may ask a consumer association or another lawful mediation body to mediate a dispute with a business.'],
        closing: 'Please accept the complaint, forward it to the company and ask it to answer within a time limit.',
      },
    },
  },
  {
    id: 'hk-operator', jurisdiction: 'HK', audience: 'company', channel: 'operator', needsPriorComplaint: false,
    order: COMPANY, requires: [],
    text: {
      en: {
        name: 'Complaint to the operator', heading: 'Letter of complaint',
        subject: 'Complaint: {title}',
        opening: 'I write to complain formally about the matter set out below and ask you to resolve it.',
        basis: ['If we cannot settle a billing dispute, I will refer it to the Customer Complaint Settlement Scheme (CCSS) administered under OFCA once we reach a deadlock or six weeks have passed without settlement.'],
        closing: 'Please reply in writing within 14 days of receiving this letter.',
      },
      'zh-TW': {
        name: '向電訊商投訴', heading: '投訴信',
        subject: '投訴：{title}',
        opening: '本人謹就以下事項正式向貴公司投訴，並要求貴公司妥善處理。',
        basis: ['如帳單爭議未能解決，在雙方陷入僵局或六星期內仍未和解時，本人將轉介通訊事務管理局辦公室（OFCA）的客戶投訴處理計劃（CCSS）。'],
        closing: '請於收到本信後14日內以書面回覆。',
      },
      'zh-CN': {
        name: '向电讯商投诉', heading: '投诉信',
        subject: '投诉：{title}',
        opening: '本人谨就以下事项正式向贵公司投诉，并要求贵公司妥善处理。',
        basis: ['如账单争议未能解决，在双方陷入僵局或六星期内仍未和解时，本人将转介通讯事务管理局办公室（OFCA）的客户投诉处理计划（CCSS）。'],
        closing: '请于收到本信后14日内书面答复。',
      },
    },
  },
  {
    id: 'hk-ofca-ccss', jurisdiction: 'HK', audience: 'regulator', channel: 'regulator', needsPriorComplaint: true, waitDays: 42,
    order: STANDARD, requires: ['address', 'phone'],
    text: {
      en: {
        name: 'Customer Complaint Settlement Scheme (OFCA CCSS)', heading: 'Application to the Customer Complaint Settlement Scheme', recipient: 'Customer Complaint Settlement Scheme (CCSS), Office of the Communications Authority',
        subject: 'Billing dispute with {respondent}: {title}',
        opening: 'I first complained to {respondent} on {firstComplaint}. We have reached a deadlock, or six weeks have passed without settlement, so I refer this billing dispute to the CCSS.',
        basis: ['The CCSS handles billing disputes of HK$300 or more after a deadlock with the operator or six weeks without settlement.'],
        closing: 'I ask the Scheme to accept this billing dispute for mediation.',
        labels: { 'complainant-role': 'Applicant', complainant: 'Applicant' },
      },
      'zh-TW': {
        name: '客戶投訴處理計劃（OFCA CCSS）', heading: '客戶投訴處理計劃申請書', recipient: '通訊事務管理局辦公室（OFCA）客戶投訴處理計劃',
        subject: '與{respondent}的帳單爭議：{title}',
        opening: '本人於{firstComplaint}首次向{respondent}投訴，雙方已陷入僵局或六星期內仍未和解，現將本帳單爭議轉介客戶投訴處理計劃。',
        basis: ['客戶投訴處理計劃處理港幣300元或以上、與電訊商陷入僵局或六星期內未能和解的帳單爭議。'],
        closing: '懇請受理本帳單爭議並進行調解。',
        labels: { 'complainant-role': '申請人', complainant: '申請人' },
      },
      'zh-CN': {
        name: '客户投诉处理计划（OFCA CCSS）', heading: '客户投诉处理计划申请书', recipient: '通讯事务管理局办公室（OFCA）客户投诉处理计划',
        subject: '与{respondent}的账单争议：{title}',
        opening: '本人于{firstComplaint}首次向{respondent}投诉，双方已陷入僵局或六星期内仍未和解，现将本账单争议转介客户投诉处理计划。',
        basis: ['客户投诉处理计划处理港币300元或以上、与电讯商陷入僵局或六星期内未能和解的账单争议。'],
        closing: '恳请受理本账单争议并进行调解。',
        labels: { 'complainant-role': '申请人', complainant: '申请人' },
      },
    },
  },
  {
    id: 'general-en', jurisdiction: null, audience: 'company', channel: 'general', needsPriorComplaint: false,
    order: STANDARD, requires: [],
    text: {
      en: {
        name: 'General letter of complaint', heading: 'Letter of complaint',
        subject: 'Complaint: {title}',
        opening: 'I write about the dispute set out below. The facts are listed in date order with references to the enclosed exhibits.',
        basis: ['The points of complaint above are supported by the listed exhibits.'],
        closing: 'Please reply in writing within 14 days of receiving this letter.',
      },
      'zh-TW': {
        name: '一般投訴信', heading: '投訴信',
        subject: '投訴：{title}',
        opening: '本人就以下爭議致函，事實依時間順序列出，並附證物編號。',
        basis: ['上述申訴事項均有所列證物為據。'],
        closing: '請於收到本信後14日內以書面回覆。',
      },
      'zh-CN': {
        name: '一般投诉信', heading: '投诉信',
        subject: '投诉：{title}',
        opening: '本人就以下争议致函，事实按时间顺序列出，并附证据编号。',
        basis: ['上述投诉事项均有所列证据为据。'],
        closing: '请于收到本信后14日内书面答复。',
      },
    },
  },
];

/** The templates offered for a jurisdiction: its own first, then the general letter. */
export function listTemplates(jurisdiction: Jurisdiction): LetterTemplate[] {
  return [...TEMPLATES.filter((t) => t.jurisdiction === jurisdiction), ...TEMPLATES.filter((t) => t.jurisdiction === null)];
}

/** Every template. */
export function allTemplates(): readonly LetterTemplate[] {
  return TEMPLATES;
}

/** The template with this id, or undefined. */
export function findTemplate(id: string): LetterTemplate | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

/** The template with this id; throws for an unknown id (a programming error, not user input). */
export function getTemplate(id: string): LetterTemplate {
  const template = findTemplate(id);
  if (!template) throw new Error(`unknown letter template: ${id}`);
  return template;
}

/**
 * Filled cases for the letter tests: the contract-mismatch story (Taiwan, an advocate for a friend),
 * the broadband package trap (mainland China, from the fixture manifest) and a Hong Kong billing
 * dispute.
 */
import { readFileSync } from 'node:fs';
import { readManifest } from '../../../shared/case/manifest';
import { CaseSchema, type Case, type CaseInput } from '../../../shared/case/schema';

let counter = 0;
const ctx = { newId: () => `id-${(counter += 1)}`, now: () => '2024-10-08T02:00:00.000Z' };

const base = { schemaVersion: 1, createdAt: '2024-10-08T02:00:00.000Z', updatedAt: '2024-10-08T02:00:00.000Z' } as const;

/** seeds/000: a friend's delivered phone differs from the e-signed contract; the advocate writes. */
export function twContractCase(): Case {
  const input: CaseInput = {
    ...base,
    id: 'tw-contract',
    title: '交付手機與電子簽署合約不符',
    jurisdiction: 'TW',
    language: 'zh-TW',
    complainant: { name: '林志明', phone: '0933-222-111', address: '臺中市西屯區台灣大道三段99號5樓', postcode: '407', idNumber: 'A123456789' },
    agent: { name: '陳大文', relation: '朋友', phone: '0922-555-666', email: 'dawen.chen@example.tw', authorisation: { matter: '交付手機與合約不符之申訴', scope: '代為申訴、陳情及協商', from: '2024-09-25', until: '2025-03-31' } },
    respondent: { name: '遠傳電信股份有限公司', address: '臺北市內湖區瑞光路468號', taxId: '97179430' },
    account: { phone: '0933-222-111', contractNo: 'FET-110-0315-0042', ticketNos: ['CS1130920-0088'] },
    evidence: [
      { id: 'contract', title: '電子簽署之行動電話合約', kind: 'contract', fileName: 'contract.pdf', date: '2021-03-15' },
      { id: 'screen', title: '門市電腦顯示之合約資料（翻拍）', kind: 'photo', fileName: 'store-screen.jpg', date: '2024-09-20' },
      { id: 'box', title: '實際取得之手機包裝盒', kind: 'photo', fileName: 'phone-box.jpg' },
      { id: 'calls', title: '客服通話紀錄', kind: 'note', fileName: 'calls.txt' },
    ],
    events: [
      // Entered out of order on purpose: letters list facts by date.
      { id: 'e-call', date: '2024-09-20', time: '15:18', title: '致電客服專線反映', detail: '客服與主管商量後提議由銷售據點補償差額3,000元，之後稱已結案。', category: 'call', evidence: ['calls'] },
      { id: 'e-contract', date: '2021-03-15', title: '於直營門市以電子簽名簽約並取得手機', detail: '現場開通使用。', category: 'contract', evidence: ['contract', 'box'] },
      { id: 'e-store', date: '2024-09-20', time: '14:05', title: '至直營門市詢問維修', detail: '接待人員調出之合約登記手機品牌與銷售據點均與實際不同。', category: 'store-visit', evidence: ['screen'] },
      { id: 'e-written', date: '2024-09-27', title: '以書面向業者及NCC提出申訴', detail: '列出四點訴求。', category: 'written-complaint' },
    ],
    claims: [
      { id: 'c1', title: '約定與交付標的物不符', detail: '手機品牌及方案與合約記載不符，差價明顯。', amount: 9000, currency: 'TWD', calculation: '24,900元 − 15,900元', evidence: ['contract', 'screen', 'box'], events: ['e-contract', 'e-store'] },
      { id: 'c2', title: '個人資料可能外洩', detail: '於直營店簽約取機，合約卻出現經銷商店名，本人未被告知亦未同意。', evidence: ['screen'] },
      { id: 'c3', title: '內部控制疏失', detail: '實際出貨與帳面登記不符。', evidence: ['contract', 'screen'] },
      { id: 'c4', title: '客服態度', detail: '未致歉，只要求接受「差額」並急於結案。', evidence: ['calls'], events: ['e-call'] },
    ],
    demands: [
      { id: 'd1', text: '依合約交付約定之手機，或補足差價', amount: 9000, currency: 'TWD' },
      { id: 'd2', text: '書面說明合約登記為經銷商門市之原因並更正個人資料處理紀錄' },
      { id: 'd3', text: '以書面回覆處理結果' },
    ],
    contacts: [
      { id: 'k1', date: '2024-09-20', time: '15:18', channel: 'phone', number: '0800-058-885', agentId: 'F2231', ticketNo: 'CS1130920-0088', summary: '提議由銷售據點補償差額3,000元', promise: '主管三日內回電', promisedBy: '2024-09-23', isPromiseKept: false },
    ],
  };
  return CaseSchema.parse(input);
}

/** The broadband package trap, read from the shared fixture manifest plus a complaint to the operator. */
export function cnBroadbandCase(): Case {
  const raw = JSON.parse(readFileSync('test/fixtures/cases/cn-broadband/case.json', 'utf8')) as Record<string, unknown>;
  const c = readManifest(raw, ctx).case;
  return CaseSchema.parse({
    ...c,
    contacts: [{ id: 'k1', date: '2009-12-07', channel: 'store', ticketNo: 'XT20091207-01', summary: '值班经理要求再交200元', promise: '次日安排专人接待', promisedBy: '2009-12-08', isPromiseKept: true }],
  });
}

/** A Hong Kong billing dispute over a roaming charge. */
export function hkBillingCase(): Case {
  return CaseSchema.parse({
    ...base,
    id: 'hk-roaming',
    title: 'Roaming charged although the roaming pass was active',
    jurisdiction: 'HK',
    language: 'en',
    complainant: { name: 'Chan Tai Man', phone: '9123 4567', address: 'Flat 5B, 12 Nathan Road, Tsim Sha Tsui, Kowloon', email: 'tm.chan@example.hk' },
    respondent: { name: 'SmarTone Mobile Communications Limited', address: '31/F, Millennium City 2, 378 Kwun Tong Road, Kowloon' },
    account: { phone: '9123 4567', accountNo: 'HK-5520-118' },
    evidence: [
      { id: 'bill', title: 'September bill', kind: 'bill', fileName: 'bill-2024-09.pdf', date: '2024-10-02' },
      { id: 'sms', title: 'Roaming pass confirmation SMS', kind: 'sms', fileName: 'sms.png', date: '2024-09-10' },
    ],
    events: [
      { id: 'e1', date: '2024-09-10', title: 'Roaming day pass activated', category: 'sms', evidence: ['sms'] },
      { id: 'e2', date: '2024-10-02', title: 'Bill charges pay-as-you-go roaming', detail: 'HK$ 918.00 for data in Japan.', category: 'bill', evidence: ['bill'] },
      { id: 'e3', date: '2024-10-05', title: 'Called the hotline', category: 'call' },
    ],
    claims: [{ id: 'c1', title: 'Roaming billed at pay-as-you-go rates', detail: 'The day pass covered the usage.', amount: 918, currency: 'HKD', calculation: 'HK$ 918.00 − HK$ 0', evidence: ['bill', 'sms'] }],
    demands: [{ id: 'd1', text: 'Credit the roaming charge', amount: 918, currency: 'HKD' }],
    contacts: [{ id: 'k1', date: '2024-10-05', time: '10:32', channel: 'phone', number: '2880 2688', ticketNo: 'SR-77812', summary: 'Agent refused a credit.' }],
  });
}

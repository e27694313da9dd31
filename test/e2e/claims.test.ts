/**
 * End-to-end: the contract-mismatch story (a friend's delivered phone differs from the e-signed
 * contract; the advocate writes for him, Taiwan) in the real renderer. The advocate fills the
 * parties, pastes two exhibits, numbers four claims with an amount whose calculation is checked,
 * reorders and undoes a delete, writes demands, logs a call with a broken promise and puts it on the
 * timeline, drafts a letter to the company and a petition to the NCC, follows the checker to the
 * field it names, copies the portal pack, and finds everything again after a reload. Screenshots of
 * the area in the three UI languages. No request leaves the app's origin.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { foreignRequests, launch, SCREENSHOTS, type Session } from './support/browser';
import { serveRenderer, type StaticServer } from './support/static-server';
import { createCase, pasteExhibit } from './support/app-actions';

let server: StaticServer;
let s: Session;

beforeAll(async () => {
  server = await serveRenderer();
  s = await launch({ locale: 'zh-TW' });
  await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
});

afterAll(async () => {
  await s?.close();
  await server?.close();
});

const claimTitles = (page: Page) => page.locator('input[name="claim-title"]');
const titlesNow = (page: Page) => claimTitles(page).evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value));
const letterBody = (page: Page) => page.locator('textarea[name="letter-body"]');
/** Closes the status toast so it does not cover the screenshot, and scrolls to the top. */
async function closeToast(page: Page): Promise<void> {
  const close = page.locator('.toast-close');
  if (await close.count()) await close.first().click();
  await page.evaluate('window.scrollTo(0, 0)');
}
const saved = (page: Page) => page.locator('.save-indicator[data-state="saved"]').waitFor();

const CLAIMS = [
  ['約定與交付標的物不符', '手機品牌及方案與合約記載不符，差價明顯，恐非據點所稱業務人員疏忽。'],
  ['個人資料可能外洩', '於直營店簽約並取機，合約上卻出現經銷商店名，本人未被告知亦未同意合約移轉。'],
  ['電訊公司內控疑慮', '實際出貨與帳面登記不符，上市公司依法應設稽核人員核實。'],
  ['客服單位態度', '未表示歉意，一味要求接受「差額」並急於結案。'],
] as const;

describe('claims & letters', () => {
  it('builds the advocate’s four claims, demands, contact log and two letters, and keeps them across a reload', async () => {
    const { page } = s;
    await page.goto(`${server.origin}/index.html`);
    await createCase(page, '交付手機與電子簽署合約不符');

    // Parties, with the advocate.
    await page.locator('input[name="complainant-name"]').fill('林志明');
    await page.locator('input[name="complainant-phone"]').fill('0933-222-111');
    await page.locator('input[name="complainant-address"]').fill('臺中市西屯區台灣大道三段99號5樓');
    await page.locator('input[name="complainant-idNumber"]').fill('A123456789');
    await page.getByRole('button', { name: '我是代替別人申訴' }).click();
    await page.locator('input[name="agent-relation"]').fill('朋友');
    await page.locator('input[name="agent-name"]').fill('陳大文');
    await page.locator('input[name="respondent-name"]').fill('遠傳電信股份有限公司');
    await page.locator('input[name="respondent-address"]').fill('臺北市內湖區瑞光路468號');
    await page.locator('input[name="account-phone"]').fill('0933-222-111');
    await page.locator('input[name="account-contractNo"]').fill('FET-110-0315-0042');
    await page.locator('input[name="account-ticketNos"]').fill('CS1130920-0088');
    await saved(page);

    // Two exhibits, pasted as text.
    await page.getByRole('link', { name: /證據/ }).click();
    await pasteExhibit(page, '電子簽署之行動電話合約', 'contract', '行動電話服務契約書\n簽約日期：110/03/15\n手機型號：Brand X Pro 256GB\n銷售據點：○○通訊行（經銷商）');
    await pasteExhibit(page, '客服通話紀錄', 'note', '113/09/20 15:18 撥打客服 0800-058-885，客服人員 F2231，案號 CS1130920-0088，提議補償差額3,000元。');

    // The claims area, empty.
    await page.getByRole('link', { name: /訴求與信函/ }).click();
    await page.getByRole('heading', { name: '訴求與信函', level: 2 }).waitFor();
    await page.locator('.cl-empty').filter({ hasText: '還沒有申訴事項' }).waitFor();
    await page.locator('.cl-empty').filter({ hasText: '還沒有聯絡紀錄' }).waitFor();
    await page.locator('.cl-empty-line').filter({ hasText: '還沒有信函' }).waitFor();
    await page.locator('.cl-checker [data-issue="no-claims"]').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/claims-empty-zh-TW.png`, fullPage: true });

    // Four numbered claims.
    for (const [i, [title, detail]] of CLAIMS.entries()) {
      await page.getByRole('button', { name: '新增申訴事項' }).first().click();
      await expect.poll(() => claimTitles(page).count()).toBe(i + 1);
      await expect.poll(() => page.evaluate<string | null>('document.activeElement?.getAttribute("name") ?? null')).toBe('claim-title');
      await claimTitles(page).nth(i).fill(title);
      await page.locator('textarea[name="claim-detail"]').nth(i).fill(detail);
    }
    const first = page.locator('.cl-claim').first();
    await first.getByRole('button', { name: /A-1/ }).click();
    await expect.poll(() => first.getByRole('button', { name: /A-1/ }).getAttribute('aria-pressed')).toBe('true');
    await page.locator('.cl-claim').nth(3).getByRole('button', { name: /A-2/ }).click();
    await page.locator('.cl-claim').nth(1).getByRole('button', { name: /A-1/ }).click();
    await page.locator('.cl-claim').nth(2).getByRole('button', { name: /A-1/ }).click();

    // Amount with a calculation that does not match, then the suggested fix.
    await first.locator('input[name="claim-amount"]').fill('9500');
    await first.locator('input[name="claim-calculation"]').fill('24,900元 − 15,900元');
    await first.getByText('計算結果為 9,000，但金額填的是 9,500。').waitFor();
    await first.getByRole('button', { name: '改為 9,000' }).click();
    await first.locator('.cl-calc.ok').waitFor();
    expect(await first.locator('input[name="claim-amount"]').inputValue()).toBe('9000');
    await expect.poll(() => page.getByTestId('claim-totals').textContent()).toContain('新台幣9,000元');

    // Reorder with the buttons, and back with Alt+↓ on the focused claim.
    await page.getByRole('button', { name: '將第 4 點上移' }).click();
    await expect.poll(() => titlesNow(page)).toEqual([CLAIMS[0][0], CLAIMS[1][0], CLAIMS[3][0], CLAIMS[2][0]]);
    await claimTitles(page).nth(2).focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => titlesNow(page)).toEqual(CLAIMS.map(([title]) => title));

    // Delete with undo.
    await page.getByRole('button', { name: '刪除第 2 點' }).click();
    await expect.poll(() => claimTitles(page).count()).toBe(3);
    await page.locator('.cl-undo').getByRole('button', { name: '復原' }).click();
    await expect.poll(() => titlesNow(page)).toEqual(CLAIMS.map(([title]) => title));

    // Demands.
    for (const [i, text] of ['依合約交付約定之手機，或補足差價新台幣9,000元', '書面說明合約登記為經銷商門市之原因並更正個人資料處理紀錄', '以書面回覆處理結果，不以簽署保密協定為條件'].entries()) {
      await page.getByRole('button', { name: '新增請求' }).first().click();
      await page.locator('input[name="demand-text"]').nth(i).fill(text);
    }

    // Contact log: the hotline call with the promise that was not kept, and the store visit.
    await page.getByRole('button', { name: '新增聯絡紀錄' }).first().click();
    const call = page.locator('.cl-contact').first();
    await call.locator('input[name="contact-date"]').fill('2024-09-20');
    await call.locator('input[name="contact-time"]').fill('15:18');
    await call.locator('input[name="contact-number"]').fill('0800-058-885');
    await call.locator('input[name="contact-agentId"]').fill('F2231');
    await call.locator('input[name="contact-ticketNo"]').fill('CS1130920-0088');
    await call.locator('textarea[name="contact-summary"]').fill('客服與主管商量後提議由銷售據點補償差額3,000元，之後稱已結案。');
    await call.locator('input[name="contact-promise"]').fill('主管三日內回電');
    await call.locator('input[name="contact-promisedBy"]').fill('2024-09-23');
    await call.locator('select[name="contact-kept"]').selectOption('no');
    await call.getByText('逾期未兌現：承諾於 2024-09-23 前').waitFor();
    await call.getByRole('button', { name: '加入時間軸' }).click();
    await call.getByText('已在時間軸上').waitFor();

    await page.getByRole('button', { name: '新增聯絡紀錄' }).first().click();
    const visit = page.locator('.cl-contact').nth(1);
    await visit.locator('input[name="contact-date"]').fill('2024-09-20');
    await visit.locator('input[name="contact-time"]').fill('14:05');
    await visit.locator('select[name="contact-channel"]').selectOption('store');
    await visit.locator('textarea[name="contact-summary"]').fill('接待人員調出之合約登記手機品牌與銷售據點均與實際不同。');
    await visit.getByRole('button', { name: '加入時間軸' }).click();
    await visit.getByText('已在時間軸上').waitFor();

    // Letter to the company (the default template).
    const checker = page.locator('.cl-checker');
    await expect.poll(() => checker.textContent()).toContain('向業者提出第一次申訴');
    await page.getByRole('button', { name: '草擬信函' }).click();
    await expect.poll(() => letterBody(page).inputValue()).toContain('消費爭議申訴書');
    const companyLetter = await letterBody(page).inputValue();
    for (const item of ['受文者：遠傳電信股份有限公司', '姓名：林志明', '代理人', '陳大文', '合約編號：FET-110-0315-0042', '先前申訴案號：CS1130920-0088',
      '113/09/20（2024-09-20） 14:05', '1. 約定與交付標的物不符', '4. 客服單位態度', '金額：新台幣9,000元（計算：24,900元 − 15,900元 = 9,000）',
      '合計：新台幣9,000元', '證物 A-1', '證物 A-2\u3000客服通話紀錄', '業者承諾：主管三日內回電', '逾期未兌現', '消費者保護法第43條', '並非法律意見']) {
      expect(companyLetter).toContain(item);
    }
    // The user's own edit is kept.
    await letterBody(page).focus();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('【附件：委任書】\n');
    await expect.poll(() => letterBody(page).inputValue()).toMatch(/^【附件：委任書】\n消費爭議申訴書/);

    // The NCC petition: the checker lists what is missing and takes the user to the field.
    await page.locator('select[name="letter-template"]').selectOption('tw-ncc');
    await expect.poll(() => page.locator('input[name="letter-audience"][value="regulator"]').isChecked()).toBe(true);
    const authIssue = checker.locator('[data-issue="agent-authorisation"]');
    await authIssue.waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/claims-checker-zh-TW.png` });
    await authIssue.click();
    await page.getByRole('heading', { name: '當事人與帳戶' }).waitFor();
    expect(page.url()).toMatch(/#\/case\/[^/]+\/parties$/);
    await expect.poll(() => page.evaluate<string | null>('document.activeElement?.getAttribute("name") ?? null')).toBe('agent-matter');
    await page.locator('input[name="agent-matter"]').fill('交付手機與合約不符之申訴');
    await page.locator('input[name="agent-scope"]').fill('代為申訴、陳情及協商');
    await page.locator('input[name="agent-from"]').fill('2024-09-25');
    await saved(page);
    await page.getByRole('link', { name: /訴求與信函/ }).click();
    await page.locator('select[name="letter-template"]').selectOption('tw-ncc');
    await expect.poll(() => checker.locator('[data-issue="agent-authorisation"]').count()).toBe(0);
    await page.getByRole('button', { name: '草擬信函' }).click();
    await expect.poll(() => letterBody(page).inputValue()).toContain('陳情書');
    const petition = await letterBody(page).inputValue();
    for (const item of ['受文者：國家通訊傳播委員會', '陳情人：林志明', '行政程序法第168條', '身分證字號：A123456789', '陳情人已於113/09/20（2024-09-20）向遠傳電信股份有限公司申訴',
      '先前向業者申訴之經過', '以上申訴迄今未獲妥適處理。', '中華民國']) {
      expect(petition).toContain(item);
    }
    await expect.poll(() => page.locator('.cl-letter-item').count()).toBe(2);

    // Advocate mode and the portal pack.
    const auth = page.getByTestId('authorisation-preview');
    await expect.poll(() => auth.textContent()).toContain('委任書');
    expect(await auth.textContent()).toContain('受任人與委任人關係：朋友');
    expect(await auth.textContent()).toContain('委任範圍：代為申訴、陳情及協商');
    await page.getByRole('button', { name: '複製線上申訴文字' }).click();
    await page.locator('.cl-confirm').filter({ hasText: '已複製' }).waitFor();
    const clip = await page.evaluate<string>('navigator.clipboard.readText()');
    expect(clip).toMatch(/^【事實經過】\n1\. 113\/09\/20（2024-09-20） 14:05/);
    expect(clip).toContain('【申訴事項】\n1. 約定與交付標的物不符');
    expect(clip).toContain('【證物清單】\nA-1 電子簽署之行動電話合約');
    await saved(page);
    await closeToast(page);
    await page.screenshot({ path: `${SCREENSHOTS}/claims-zh-TW.png`, fullPage: true });

    // Reload: everything is still there.
    await page.reload();
    await page.getByRole('heading', { name: '訴求與信函', level: 2 }).waitFor();
    await expect.poll(() => titlesNow(page)).toEqual(CLAIMS.map(([title]) => title));
    expect(await page.locator('input[name="claim-amount"]').first().inputValue()).toBe('9000');
    await expect.poll(() => page.locator('input[name="demand-text"]').count()).toBe(3);
    await expect.poll(() => page.locator('.cl-contact').count()).toBe(2);
    await expect.poll(() => page.locator('.cl-contact.overdue').count()).toBe(1);
    await expect.poll(() => page.locator('.cl-letter-item').count()).toBe(2);
    await page.locator('.cl-letter-item').first().click();
    await expect.poll(() => letterBody(page).inputValue()).toMatch(/^【附件：委任書】\n消費爭議申訴書/);
    await page.getByRole('link', { name: /時間軸/ }).click();
    await page.getByText('與業者電話聯絡').first().waitFor();
    await page.getByText('與業者臨櫃聯絡').first().waitFor();
  });

  it('shows the area in English and Simplified Chinese', async () => {
    const { page } = s;
    await page.getByRole('link', { name: /訴求與信函/ }).click();
    await page.getByRole('combobox', { name: '介面語言' }).selectOption('en');
    await page.getByRole('heading', { name: 'Claims & letters', level: 2 }).waitFor();
    await page.getByText('Numbered claims').waitFor();
    await page.getByText('Overdue: promised by 2024-09-23').waitFor();
    await expect.poll(() => page.locator('select[name="letter-template"] option').first().textContent()).toBe('First complaint to the operator (Consumer Protection Act Art. 43)');
    await closeToast(page);
    await page.screenshot({ path: `${SCREENSHOTS}/claims-en.png`, fullPage: true });
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await page.getByRole('heading', { name: '诉求与信函', level: 2 }).waitFor();
    await page.getByText('联系记录', { exact: true }).first().waitFor();
    await closeToast(page);
    await page.screenshot({ path: `${SCREENSHOTS}/claims-zh-CN.png`, fullPage: true });
    await page.getByRole('combobox', { name: '界面语言' }).selectOption('zh-TW');
  });

  it('exports a company cut and a regulator cut that carry every required field', async () => {
    const { page } = s;
    const exportCut = async (audience: '業者' | '主管機關', file: string) => {
      await page.getByRole('link', { name: /匯出/ }).click();
      await page.getByText(audience, { exact: true }).click();
      await page.getByRole('button', { name: /產生卷宗|重新產生/ }).click();
      await page.getByText(/卷宗完成：共 \d+ 頁/).waitFor({ timeout: 120_000 });
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: '儲存 PDF…' }).click();
      await (await download).saveAs(file);
      return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    };
    mkdirSync('test-results/claims', { recursive: true });
    const company = await exportCut('業者', 'test-results/claims/company.pdf');
    const regulator = await exportCut('主管機關', 'test-results/claims/regulator.pdf');
    const required = [...CLAIMS.map(([title]) => title), '以書面回覆處理結果，不以簽署保密協定為條件', '林志明', '臺中市西屯區台灣大道三段99號5樓', '0933-222-111', '遠傳電信股份有限公司', '臺北市內湖區瑞光路468號',
      'FET-110-0315-0042', 'CS1130920-0088', '113/09/20', '約定與交付標的物不符', '客服單位態度', '陳大文'];
    for (const field of required) {
      expect(company, `company: ${field}`).toContain(field);
      expect(regulator, `regulator: ${field}`).toContain(field);
    }
    expect(company).toContain('消費爭議申訴書');
    expect(regulator).toContain('陳情書');
    expect(regulator).toContain('國家通訊傳播委員會');
    expect(regulator).toContain('委任書');
    expect(regulator).toContain('代為申訴、陳情及協商');
    // The authorisation letter itself (signature lines of both parties) is in the regulator cut only.
    expect(regulator).toContain('受任人（代理人）');
    expect(company).not.toContain('受任人（代理人）');
  });

  it('made no request outside the app origin and logged no errors', () => {
    expect(foreignRequests(s.requests, server.origin)).toEqual([]);
    expect(s.errors).toEqual([]);
  });
});

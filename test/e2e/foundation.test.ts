/**
 * End-to-end: the built renderer in Chromium, like a person would use it. Create a case, fill the
 * parties in Chinese, switch language, reload, find everything still there; rename, duplicate and
 * delete; no request ever leaves the app's origin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequests, launch, SCREENSHOTS, type Session } from './support/browser';
import { serveRenderer, type StaticServer } from './support/static-server';

let server: StaticServer;
let s: Session;

beforeAll(async () => {
  server = await serveRenderer();
  s = await launch({ locale: 'zh-TW' });
});

afterAll(async () => {
  await s?.close();
  await server?.close();
});

describe('foundation', () => {
  it('creates a case, saves the parties as you type, and keeps them across a reload and a language switch', async () => {
    const { page } = s;
    await page.goto(`${server.origin}/index.html`);
    await page.getByRole('heading', { name: '我的案件' }).waitFor();
    await page.getByText('還沒有案件').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/01-case-list-empty-zh-TW.png` });

    await page.getByRole('button', { name: '新增案件' }).first().click();
    const dialog = page.getByRole('dialog', { name: '新增案件' });
    await dialog.getByLabel('案件名稱').fill('mPro加值服務試用期滿後仍持續收費');
    await dialog.getByText('台灣', { exact: true }).click();
    await dialog.getByRole('button', { name: '建立案件' }).click();

    await page.getByRole('heading', { name: '當事人與帳戶' }).waitFor();
    await page.locator('input[name="complainant-name"]').fill('王小明');
    await page.locator('input[name="complainant-phone"]').fill('0912-345-678');
    await page.locator('input[name="complainant-address"]').fill('新北市板橋區文化路一段50號3樓');
    await page.locator('input[name="complainant-idNumber"]').fill('A123456788');
    await page.getByText('身分證字號格式或檢查碼不正確。').waitFor({ state: 'visible' });
    await page.locator('input[name="complainant-idNumber"]').fill('A123456789');
    await expect.poll(() => page.getByText('身分證字號格式或檢查碼不正確。').count()).toBe(0);
    await page.getByRole('button', { name: '我是代替別人申訴' }).click();
    await page.locator('input[name="agent-relation"]').fill('朋友');
    await page.locator('input[name="agent-name"]').fill('陳大文');
    await page.getByRole('button', { name: '中華電信股份有限公司' }).click();
    await page.locator('input[name="respondent-address"]').fill('臺北市中正區信義路一段21之3號');
    await page.locator('input[name="account-phone"]').fill('0912-345-678');
    await page.locator('input[name="account-contractNo"]').fill('CHT-112-0512-7781');
    await page.locator('input[name="account-ticketNos"]').fill('TK113100800217');
    await page.locator('input[name="redact-pii"]').check();
    await page.locator('.save-indicator[data-state="saved"]').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/02-workspace-parties-zh-TW.png` });

    await page.getByRole('combobox', { name: '介面語言' }).selectOption('en');
    await page.getByRole('heading', { name: 'Parties & account' }).waitFor();
    await page.getByRole('link', { name: /Evidence/ }).waitFor({ state: 'visible' });

    await page.reload();
    await page.getByRole('heading', { name: 'Parties & account' }).waitFor();
    expect(await page.locator('input[name="complainant-name"]').inputValue()).toBe('王小明');
    expect(await page.locator('input[name="complainant-address"]').inputValue()).toBe('新北市板橋區文化路一段50號3樓');
    expect(await page.locator('input[name="complainant-idNumber"]').inputValue()).toBe('A123456789');
    expect(await page.locator('input[name="agent-name"]').inputValue()).toBe('陳大文');
    expect(await page.locator('input[name="agent-relation"]').inputValue()).toBe('朋友');
    expect(await page.locator('input[name="respondent-name"]').inputValue()).toBe('中華電信股份有限公司');
    expect(await page.locator('input[name="account-contractNo"]').inputValue()).toBe('CHT-112-0512-7781');
    expect(await page.locator('input[name="account-ticketNos"]').inputValue()).toBe('TK113100800217');
    expect(await page.locator('input[name="redact-pii"]').isChecked()).toBe(true);
    expect(await page.locator('input[name="case-title"]').inputValue()).toBe('mPro加值服務試用期滿後仍持續收費');

    for (const [section, heading] of [['Evidence', 'Evidence'], ['Timeline', 'Timeline'], ['Claims & letters', 'Claims & letters'], ['Export', 'Export']] as const) {
      await page.getByRole('link', { name: new RegExp(section) }).click();
      await page.getByRole('heading', { name: heading, level: 2 }).waitFor();
    }

    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await page.getByRole('link', { name: /当事人与账户/ }).click();
    await page.getByRole('heading', { name: '当事人与账户' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/03-workspace-parties-zh-CN.png` });
    await page.getByRole('combobox', { name: '界面语言' }).selectOption('zh-TW');
  });

  it('renames, duplicates and deletes cases with confirmation', async () => {
    const { page } = s;
    await page.getByRole('button', { name: /所有案件/ }).click();
    await page.getByRole('heading', { name: '我的案件' }).waitFor();
    const card = page.locator('.case-card').filter({ hasText: 'mPro加值服務試用期滿後仍持續收費' });
    await expect.poll(() => card.textContent()).toContain('王小明 ⟶ 中華電信股份有限公司');

    await card.getByRole('button', { name: '重新命名' }).click();
    await page.getByRole('dialog').getByLabel('案件名稱').fill('mPro 試用期滿仍收費');
    await page.getByRole('dialog').getByRole('button', { name: '儲存' }).click();
    await page.locator('.case-card').filter({ hasText: 'mPro 試用期滿仍收費' }).waitFor();

    await page.locator('.case-card').first().getByRole('button', { name: '建立副本' }).click();
    await expect.poll(() => page.locator('.case-card').count()).toBe(2);
    await expect.poll(() => page.locator('.case-card').filter({ hasText: '（副本）' }).count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}/04-case-list-zh-TW.png` });

    const copy = page.locator('.case-card').filter({ hasText: '（副本）' });
    await copy.getByRole('button', { name: '刪除' }).click();
    const confirm = page.getByRole('dialog', { name: '要刪除這個案件嗎？' });
    await expect.poll(() => confirm.textContent()).toContain('無法復原');
    await confirm.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => page.locator('.case-card').count()).toBe(2);
    await copy.getByRole('button', { name: '刪除' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '刪除案件' }).click();
    await expect.poll(() => page.locator('.case-card').count()).toBe(1);

    await page.reload();
    await expect.poll(() => page.locator('.case-card').count()).toBe(1);
    await expect.poll(() => page.locator('.case-card').textContent()).toContain('mPro 試用期滿仍收費');
  });

  it('made no request outside the app origin and logged no errors', () => {
    expect(s.requests.length).toBeGreaterThan(3);
    expect(foreignRequests(s.requests, server.origin)).toEqual([]);
    expect(s.errors).toEqual([]);
  });
});

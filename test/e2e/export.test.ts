/**
 * End-to-end: build a dossier in the app (Web Worker, bundled fonts), preview its page list,
 * download it, and read the PDF back with poppler.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { foreignRequests, launch, SCREENSHOTS, type Session } from './support/browser';
import { serveRenderer, type StaticServer } from './support/static-server';
import { createCase, importThroughPicker } from './support/app-actions';

const OUT = 'test-results/export';
let server: StaticServer;
let s: Session;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  server = await serveRenderer();
  s = await launch({ locale: 'zh-TW' });
});

afterAll(async () => {
  await s?.close();
  await server?.close();
});

describe('export', () => {
  it('builds the regulator cut with progress, shows its pages and downloads a PDF that reads back', async () => {
    const { page } = s;
    await page.goto(`${server.origin}/index.html`);
    await createCase(page, 'mPro加值服務試用期滿後仍持續收費');
    await page.locator('input[name="complainant-name"]').fill('王小明');
    await page.locator('input[name="complainant-address"]').fill('新北市板橋區文化路一段50號3樓');
    await page.getByRole('button', { name: '中華電信股份有限公司' }).click();
    await page.locator('input[name="account-contractNo"]').fill('CHT-112-0512-7781');
    await page.locator('.save-indicator[data-state="saved"]').waitFor();

    await page.getByRole('link', { name: /證據/ }).click();
    await importThroughPicker(page, ['test/fixtures/evidence/bill_tw_monthly.png']);
    await page.locator('.exhibit-row').first().waitFor();
    await page.getByRole('button', { name: '貼上文字…' }).first().click();
    const dialog = page.getByRole('dialog', { name: '貼上文字作為證物' });
    await dialog.locator('input[name="paste-title"]').fill('到期通知簡訊');
    await dialog.locator('textarea[name="paste-text"]').fill(readFileSync('test/fixtures/evidence/sms_tw_addon.gt.txt', 'utf8'));
    await dialog.getByRole('button', { name: '加入證物' }).click();
    await expect.poll(() => page.locator('.exhibit-row').count()).toBe(2);
    await page.locator('.exhibit-row').first().locator('input[name="evidence-title"]').fill('113年10月份繳費通知');

    await page.getByRole('link', { name: /匯出/ }).click();
    await page.getByText('主管機關', { exact: true }).click();
    await page.getByRole('button', { name: '產生卷宗' }).click();
    await page.getByRole('status').filter({ hasText: /準備字型|撰寫|放入證物|編頁碼/ }).first().waitFor();
    await page.getByText(/卷宗完成：共 \d+ 頁、2 件證物/).waitFor({ timeout: 120_000 });
    const rows = await page.locator('.page-list tbody tr').allTextContents();
    expect(rows.some((r) => r.includes('A-1') && r.includes('113年10月份繳費通知'))).toBe(true);
    expect(rows.some((r) => r.includes('A-2') && r.includes('到期通知簡訊'))).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/20-export-ready-zh-TW.png` });

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '儲存 PDF…' }).click();
    const file = `${OUT}/regulator.pdf`;
    await (await download).saveAs(file);
    expect((await download).suggestedFilename()).toBe('mPro加值服務試用期滿後仍持續收費－主管機關.pdf');
    await page.getByText(/已儲存為/).waitFor();

    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const needle of ['王小明', '中華電信股份有限公司', 'CHT-112-0512-7781', '113年10月份繳費通知', '到期通知簡訊', '證物 A-1', 'mPro加值服務免費試用期將於113/09/30屆滿']) {
      expect(text, needle).toContain(needle);
    }
    const billHash = createHash('sha256').update(readFileSync('test/fixtures/evidence/bill_tw_monthly.png')).digest('hex');
    expect(text.replace(/\s+/g, '')).toContain(billHash);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+\d+/);
    execFileSync('pdftoppm', ['-r', '40', '-png', '-f', '1', '-l', '1', file, `${OUT}/regulator-page`]);
  });

  it('keeps the national ID out of the company cut: text layer, generated pages and image pixels', async () => {
    const { page } = s;
    await page.getByRole('link', { name: /證據/ }).click();
    await importThroughPicker(page, ['test/fixtures/evidence/contract_tw_scan.jpg']);
    await expect.poll(() => page.locator('.exhibit-row').count()).toBe(3);
    await expect.poll(() => page.locator('.exhibit-row').nth(2).locator('.ocr-status').getAttribute('data-status'), { timeout: 240_000, interval: 1000 }).toBe('done');
    await page.getByRole('link', { name: /當事人與帳戶/ }).click();
    await page.locator('input[name="complainant-idNumber"]').fill('A123456789');
    await page.locator('input[name="redact-pii"]').check();
    await page.locator('.save-indicator[data-state="saved"]').waitFor();

    await page.getByRole('link', { name: /匯出/ }).click();
    await page.getByText('業者', { exact: true }).click();
    await page.getByText('本次匯出會遮蔽身分證字號。').waitFor();
    await page.getByRole('button', { name: '產生卷宗' }).click();
    await page.getByText(/卷宗完成：共 \d+ 頁、3 件證物/).waitFor({ timeout: 120_000 });
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '儲存 PDF…' }).click();
    const file = `${OUT}/company.pdf`;
    await (await download).saveAs(file);

    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('行動電話服務契約書');
    expect(text).toContain('提前終止契約者');
    expect(text).not.toContain('A123456789');
    expect(text.replace(/\s+/g, '')).not.toContain('A123456789');
    // The image went in re-rendered with the ID blacked out, not as the original JPEG.
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' });
    expect(images).toMatch(/png|image/);
    const raw = readFileSync(file);
    const original = readFileSync('test/fixtures/evidence/contract_tw_scan.jpg');
    expect(raw.includes(original.subarray(0, 4096))).toBe(false);
  });

  it('made no request outside the app origin and logged no errors', () => {
    expect(foreignRequests(s.requests, server.origin)).toEqual([]);
    // tesseract prints a warning for each legacy-engine parameter an LSTM-only model lacks.
    expect(s.errors.filter((e) => !/^console: Warning: Parameter not found: \w+$/.test(e))).toEqual([]);
  });
});

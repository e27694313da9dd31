/**
 * End-to-end: evidence import in the real renderer. Originals go in through the picker and by
 * drag-and-drop, duplicates and bad files are reported by name, text is recognised offline with
 * visible progress, a correction and a search work, and everything survives a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { foreignRequests, launch, SCREENSHOTS, type Session } from './support/browser';
import { serveRenderer, type StaticServer } from './support/static-server';
import { createCase, dropFiles, importThroughPicker } from './support/app-actions';

const FIX = 'test/fixtures/evidence';
const BAD = 'test-results/bad-input';
let server: StaticServer;
let s: Session;

beforeAll(async () => {
  mkdirSync(BAD, { recursive: true });
  writeFileSync(`${BAD}/empty.png`, new Uint8Array());
  writeFileSync(`${BAD}/setup.jpg`, Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1'), Buffer.alloc(2048, 0x41)]));
  writeFileSync(`${BAD}/noise.png`, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
  const huge = Buffer.alloc(64);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).copy(huge, 0);
  huge.write('IHDR', 12, 'latin1');
  huge.writeUInt32BE(30000, 16);
  huge.writeUInt32BE(30000, 20);
  writeFileSync(`${BAD}/huge.png`, huge);
  writeFileSync(`${BAD}/truncated.png`, readFileSync(`${FIX}/bill_tw_monthly.png`).subarray(0, 3000));
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const pdfPage = doc.addPage([595, 842]);
  pdfPage.drawText('Statement of account 08 Oct 2024', { x: 60, y: 760, size: 16, font });
  pdfPage.drawText('Monthly plan charge HK$ 918.00, due 1 Nov 2024', { x: 60, y: 730, size: 12, font });
  writeFileSync(`${BAD}/statement.pdf`, await doc.save());
  server = await serveRenderer();
  s = await launch({ locale: 'zh-TW' });
});

afterAll(async () => {
  await s?.close();
  await server?.close();
});

const rows = () => s.page.locator('.exhibit-row');

describe('evidence', () => {
  it('imports originals by picker and by drop, reports duplicates and bad files by name', async () => {
    const { page } = s;
    await page.goto(`${server.origin}/index.html`);
    await createCase(page, '證據匯入測試');
    await page.getByRole('link', { name: /證據/ }).click();
    await page.getByText('還沒有證據').waitFor();

    await importThroughPicker(page, [`${FIX}/sms_tw_addon.png`, `${FIX}/bill_tw_monthly.png`]);
    await expect.poll(() => rows().count(), { timeout: 20_000 }).toBe(2);
    expect(await rows().nth(0).locator('.exhibit-label').textContent()).toBe('證物 A-1');
    expect(await rows().nth(0).locator('input[name="evidence-title"]').inputValue()).toBe('sms tw addon');
    expect(await rows().nth(0).locator('select[name="evidence-kind"]').inputValue()).toBe('sms');
    expect(await rows().nth(1).locator('select[name="evidence-kind"]').inputValue()).toBe('bill');
    expect(await rows().nth(0).locator('.exhibit-thumb img').count()).toBe(1);

    await dropFiles(page, [{ path: `${FIX}/callog_tw.jpg`, type: 'image/jpeg' }, { path: `${FIX}/sms_tw_addon.png`, name: 'again.png' }]);
    await expect.poll(() => rows().count(), { timeout: 20_000 }).toBe(3);
    await page.getByText('「again.png」已是本案的證物 A-1，未重複儲存。').first().waitFor();

    await importThroughPicker(page, [`${BAD}/empty.png`, `${BAD}/setup.jpg`, `${BAD}/noise.png`, `${BAD}/truncated.png`, `${BAD}/huge.png`, 'test/fixtures/ocr-extra/encrypted.pdf']);
    await page.getByText('「empty.png」未匯入：檔案是空的。').first().waitFor();
    await page.getByText('「setup.jpg」未匯入：這是程式，不是文件。').first().waitFor();
    await page.getByText('「noise.png」未匯入：不是圖片、PDF 或文字檔。').first().waitFor();
    await page.getByText('「truncated.png」未匯入：圖片損壞或無法讀取。').first().waitFor();
    await page.getByText('「huge.png」未匯入：檔案太大（超過 200 MB 或一億像素）。').first().waitFor();
    await page.getByText('「encrypted.pdf」未匯入：這份 PDF 有密碼保護；請另存未加密的副本後再匯入。').first().waitFor();
    expect(await rows().count()).toBe(3);
  });

  it('recognises the images offline with visible progress; a correction and a search work', async () => {
    const { page } = s;
    await importThroughPicker(page, [`${BAD}/statement.pdf`]);
    await expect.poll(() => rows().count(), { timeout: 20_000 }).toBe(4);
    expect(await rows().nth(3).locator('.exhibit-thumb img').count()).toBe(1);
    await page.locator('.ocr-status[data-status="running"], .ocr-status[data-status="queued"]').first().waitFor({ timeout: 30_000 });
    await page.locator('.overall-progress').waitFor();
    await expect.poll(() => page.locator('.ocr-status[data-status="done"]').count(), { timeout: 240_000, interval: 1000 }).toBe(4);
    await page.screenshot({ path: `${SCREENSHOTS}/12-evidence-recognised-zh-TW.png` });
    // The engine ran on the same core build as the CLI (LSTM-only SIMD, never relaxed SIMD).
    const cores = s.requests.filter((u) => u.includes('/tesseract-core/')).map((u) => u.split('/').pop());
    expect([...new Set(cores)]).toEqual(['tesseract-core-simd-lstm.wasm.js']);

    await rows().nth(0).getByRole('button', { name: '開啟', exact: true }).click();
    const text = page.locator('textarea[name="exhibit-text"]');
    // Bubbles wrap, so compare without line breaks.
    await expect.poll(async () => (await text.inputValue()).replace(/\s+/g, '')).toContain('加值服務免費試用期將於113/09/30屆滿');
    const recognised = await text.inputValue();
    expect(recognised.split('\n')[0]).toBe('中華電信800');
    await text.fill(recognised.replace('中華電信800', '中華電信客服簡訊800'));
    await page.getByText('已由您修正').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/13-exhibit-detail-zh-TW.png` });
    await page.getByRole('button', { name: /所有證據/ }).click();

    await page.getByRole('searchbox', { name: '搜尋所有證據文字' }).fill('电信客服简讯');
    await page.locator('.search-hit mark').first().waitFor();
    expect(await page.locator('.search-hit').count()).toBe(1);
    await page.getByRole('searchbox', { name: '搜尋所有證據文字' }).fill('本期應繳總金額');
    await page.locator('.search-hit').filter({ hasText: 'bill tw monthly' }).waitFor();
    await page.getByRole('searchbox', { name: '搜尋所有證據文字' }).fill('hk$ 918.00');
    await page.locator('.search-hit').filter({ hasText: 'statement' }).waitFor();
    await page.getByRole('searchbox', { name: '搜尋所有證據文字' }).fill('');
  });

  it('stores pasted text, edits title and kind, finds text across exhibits, keeps it all after a reload', async () => {
    const { page } = s;
    await page.getByRole('button', { name: '貼上文字…' }).first().click();
    const dialog = page.getByRole('dialog', { name: '貼上文字作為證物' });
    await dialog.locator('input[name="paste-title"]').fill('客服簡訊');
    await dialog.locator('textarea[name="paste-text"]').fill('【中華電信】您申訴之案件 TK113100800217 已受理，將於7個工作天內回覆。');
    await dialog.getByRole('button', { name: '加入證物' }).click();
    await expect.poll(() => rows().count()).toBe(5);

    await rows().nth(2).locator('input[name="evidence-title"]').fill('客服聯絡紀錄');
    await rows().nth(2).locator('select[name="evidence-kind"]').selectOption('note');

    await page.getByRole('searchbox', { name: '搜尋所有證據文字' }).fill('申诉之案件');
    await page.locator('.search-hit mark').first().waitFor();
    expect(await page.locator('.search-hit mark').first().textContent()).toBe('申訴之案件');
    await page.screenshot({ path: `${SCREENSHOTS}/10-evidence-search-zh-TW.png` });
    await page.getByRole('searchbox', { name: '搜尋所有證據文字' }).fill('');

    await page.reload();
    await expect.poll(() => rows().count(), { timeout: 20_000 }).toBe(5);
    await rows().nth(0).getByRole('button', { name: '開啟', exact: true }).click();
    expect(await page.locator('textarea[name="exhibit-text"]').inputValue()).toContain('中華電信客服簡訊800');
    await page.getByRole('button', { name: /所有證據/ }).click();
    expect(await page.locator('.ocr-status[data-status="done"]').count()).toBe(5);
    expect(await rows().nth(2).locator('input[name="evidence-title"]').inputValue()).toBe('客服聯絡紀錄');
    expect(await rows().nth(2).locator('select[name="evidence-kind"]').inputValue()).toBe('note');
    await page.screenshot({ path: `${SCREENSHOTS}/11-evidence-list-zh-TW.png` });
  });

  it('reads an e-invoice whose second readings use the Chinese model alone, the page\'s worker kept beside that one', async () => {
    const { page } = s;
    const from = s.requests.length;
    await importThroughPicker(page, ['test/fixtures/ocr-extra/scan_einvoice_tw.png']);
    await expect.poll(() => rows().count(), { timeout: 20_000 }).toBe(6);
    await expect.poll(() => page.locator('.ocr-status[data-status="done"]').count(), { timeout: 240_000, interval: 1000 }).toBe(6);
    await rows().nth(5).getByRole('button', { name: '開啟', exact: true }).click();
    const text = (await page.locator('textarea[name="exhibit-text"]').inputValue()).replace(/\s+/g, '');
    expect(text).toContain('電子發票證明聯');
    expect(text).toContain('門號月租費999');
    // Language data fetched for this page: the page's worker (chi_tra and eng) and one for the
    // Chinese model alone (chi_tra). The page's worker reads again after that one, and is not
    // made again for it.
    const fetched = (name: string) => s.requests.slice(from).filter((u) => u.endsWith(`/${name}.traineddata.gz`)).length;
    expect([fetched('chi_tra'), fetched('eng')]).toEqual([2, 1]);
    await page.getByRole('button', { name: /所有證據/ }).click();
  });

  it('made no request outside the app origin', () => {
    expect(foreignRequests(s.requests, server.origin)).toEqual([]);
  });
});

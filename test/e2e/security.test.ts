/**
 * Security end to end:
 *   1. a whole session in the real renderer (create a case, import a fixture image, paste text,
 *      draw a redaction box, reload) makes zero requests outside the app origin — every request
 *      is recorded, and anything foreign is aborted by a route and listed;
 *   2. the browser image redactor burns the pixels in Chromium (and keeps the rest);
 *   3. dossiers exported by the CLI carry no /JavaScript, /JS, /Launch, /URI, /OpenAction or /AA,
 *      even when an exhibit PDF does (every decompressed object scanned through pdf-lib);
 *   4. the IPC validator never throws on arbitrary payloads and never passes a wrong shape.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import fc from 'fast-check';
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanPdfActiveContent } from '../../shared/archive/active-content';
import { IPC_CALLS, MAX_SAVE_BYTES } from '../../shared/ipc/contract';
import { validateIpc } from '../../shared/ipc/schemas';
import { foreignRequests, launch, SCREENSHOTS, type Session } from './support/browser';
import { createCase, importThroughPicker } from './support/app-actions';
import { serveRenderer, type StaticServer } from './support/static-server';

const root = join(import.meta.dirname, '..', '..');
const FIX = join(root, 'test', 'fixtures', 'evidence');
let server: StaticServer;
let s: Session;
const aborted: string[] = [];

beforeAll(async () => {
  server = await serveRenderer();
  s = await launch({ locale: 'zh-TW' });
  await s.context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(`${server.origin}/`) || url.startsWith('blob:') || url.startsWith('data:')) await route.continue();
    else { aborted.push(url); await route.abort('blockedbyclient'); }
  });
});

afterAll(async () => {
  await s?.close();
  await server?.close();
});

describe('a whole session stays on this computer', () => {
  it('create, import, paste, redact, reload: zero requests off the origin', async () => {
    const { page } = s;
    await page.goto(`${server.origin}/index.html`);
    await createCase(page, '資安測試案件');
    await page.getByRole('link', { name: /證據/ }).click();
    await importThroughPicker(page, [join(FIX, 'sms_tw_addon.png')]);
    const rows = page.locator('.exhibit-row');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(1);

    await page.getByRole('button', { name: '貼上文字…' }).first().click();
    const dialog = page.getByRole('dialog', { name: '貼上文字作為證物' });
    await dialog.locator('input[name="paste-title"]').fill('客服簡訊');
    await dialog.locator('textarea[name="paste-text"]').fill('請見 https://example.com/track 與 <img src="https://tracker.example/pixel.gif">');
    await dialog.getByRole('button', { name: '加入證物' }).click();
    await expect.poll(() => rows.count()).toBe(2);

    await rows.nth(0).getByRole('button', { name: '開啟', exact: true }).click();
    const canvas = page.getByTestId('redaction-canvas');
    await canvas.waitFor({ timeout: 20_000 });
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.35, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => canvas.locator('rect.accepted').count()).toBe(1);
    await page.getByText('手動框選 · 已塗黑').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/40-redaction-box-zh-TW.png`, fullPage: true });
    // The draft autosaves; give it time before reloading.
    await page.getByText('已儲存').first().waitFor({ timeout: 10_000 }).catch(() => undefined);
    await page.waitForTimeout(1500);

    await page.reload();
    await page.locator('.exhibit-row').first().waitFor({ timeout: 20_000 }).catch(() => undefined);
    if (await page.locator('.exhibit-row').count()) await page.locator('.exhibit-row').nth(0).getByRole('button', { name: '開啟', exact: true }).click();
    const after = page.getByTestId('redaction-canvas');
    await after.waitFor({ timeout: 20_000 });
    await expect.poll(() => after.locator('rect.accepted').count()).toBe(1);

    // The app's Content Security Policy is in force: an injected inline script does not run.
    const injected = await page.addScriptTag({ content: 'window.__injected = true;' }).then(() => 'ran', (e: unknown) => String(e));
    expect(injected).toMatch(/Content Security Policy/);
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();

    expect(foreignRequests(s.requests, server.origin)).toEqual([]);
    expect(aborted).toEqual([]);
    expect(s.requests.length).toBeGreaterThan(5);
  });

  it('the browser redactor burns the pixels in Chromium and keeps the rest', async () => {
    // A blank page of its own: the app's CSP rightly refuses the inline script that loads the bundle.
    const page = await s.context.newPage();
    const bundle = await build({ entryPoints: [join(root, 'renderer/src/redaction/redact-image-browser.ts')], bundle: true, write: false, format: 'iife', globalName: 'redactLib', platform: 'browser' });
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    const png = readFileSync(join(FIX, 'bill_tw_monthly.png'));
    const boxes = [{ x: 40, y: 60, w: 200, h: 30 }, { x: 300, y: 200, w: 50.5, h: 20.2 }];
    const out = await page.evaluate(async ({ b64, boxes }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const lib = (globalThis as unknown as { redactLib: { redactImageBrowser: (i: unknown) => Promise<{ bytes: Uint8Array; kind: string }> } }).redactLib;
      const r = await lib.redactImageBrowser({ bytes, kind: 'png', orientation: 1, boxes });
      let s = '';
      for (const byte of r.bytes) s += String.fromCharCode(byte);
      return { kind: r.kind, b64: btoa(s) };
    }, { b64: png.toString('base64'), boxes });
    await page.close();
    expect(out.kind).toBe('png');
    const before = PNG.sync.read(png);
    const redacted = PNG.sync.read(Buffer.from(out.b64, 'base64'));
    expect([redacted.width, redacted.height]).toEqual([before.width, before.height]);
    const px = (img: PNG, x: number, y: number) => [...img.data.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 3)];
    let black = 0;
    let inside = 0;
    for (const b of boxes) for (let y = Math.floor(b.y); y < b.y + b.h; y++) for (let x = Math.floor(b.x); x < b.x + b.w; x++) { inside++; if (px(redacted, x, y).every((v) => v === 0)) black++; }
    expect(black).toBe(inside);
    // Outside the boxes (and their one-pixel margin) the image is unchanged.
    let same = 0;
    let total = 0;
    for (let y = 0; y < before.height; y += 7) for (let x = 0; x < before.width; x += 7) {
      if (boxes.some((b) => x >= b.x - 2 && x <= b.x + b.w + 2 && y >= b.y - 2 && y <= b.y + b.h + 2)) continue;
      total++;
      if (px(redacted, x, y).join() === px(before, x, y).join()) same++;
    }
    expect(same).toBe(total);
  });
});

describe('exported dossiers carry no active content', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-sec-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('even when an exhibit PDF carries JavaScript, Launch, URI and /AA', async () => {
    execFileSync(process.execPath, [join(root, 'electron/build/build-node.mjs')], { cwd: root });
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([595, 842]);
    page.drawText('Contract page with a script', { x: 50, y: 700, size: 14, font });
    doc.catalog.set(PDFName.of('OpenAction'), doc.context.register(doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') })));
    page.node.set(PDFName.of('AA'), doc.context.obj({ O: doc.context.register(doc.context.obj({ S: 'Launch', F: PDFString.of('calc.exe') })) }));
    const link = doc.context.register(doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [50, 690, 300, 720], A: { S: 'URI', URI: PDFString.of('https://evil.example/') } }));
    page.node.set(PDFName.of('Annots'), doc.context.obj([link]));
    const hostile = await doc.save({ useObjectStreams: true });
    expect((await scanPdfActiveContent(hostile)).found).toEqual(['/AA', '/JS', '/OpenAction', '/S /JavaScript', '/S /Launch', '/S /URI', '/URI']);

    const folder = join(dir, 'case');
    mkdirSync(folder);
    cpSync(join(root, 'test/fixtures/cases/tw-mpro'), folder, { recursive: true });
    writeFileSync(join(folder, 'hostile.pdf'), hostile);
    const manifest = JSON.parse(readFileSync(join(folder, 'case.json'), 'utf8')) as { evidence: unknown[]; redact: unknown };
    manifest.evidence.push({ id: 'hostile', file: 'hostile.pdf', kind: 'contract', title: 'PDF with a script' });
    // PII redaction would stop a PDF exhibit; this test is about active content.
    manifest.redact = { pii: false };
    writeFileSync(join(folder, 'case.json'), JSON.stringify(manifest));

    for (const audience of ['company', 'regulator']) {
      const out = join(dir, `${audience}.pdf`);
      const r = spawnSync(process.execPath, [join(root, 'dist/cli/dossier.mjs'), 'build', folder, '-o', out, '--audience', audience], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const scan = await scanPdfActiveContent(readFileSync(out));
      expect(scan).toEqual({ found: [], isEncrypted: false });
      // And as raw bytes, in case something escaped pdf-lib's parse.
      expect(readFileSync(out).toString('latin1')).not.toMatch(/\/(JavaScript|JS|Launch|URI|OpenAction|AA)[\s/<[(]/);
    }
  }, 120_000);
});

describe('IPC payload fuzz', () => {
  const isPlain = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && [Object.prototype, null].includes(Object.getPrototypeOf(v) as object | null);
  const keysAre = (v: Record<string, unknown>, keys: string[]) => JSON.stringify(Reflect.ownKeys(v).map(String).sort()) === JSON.stringify([...keys].sort());
  const plainName = (s: unknown) => typeof s === 'string' && s.length >= 1 && s.length <= 200 && !/[\\/]/.test(s) && s !== '.' && s !== '..' && ![...s].some((c) => c.charCodeAt(0) < 0x20);
  /** The contract written out by hand, independently of the zod schemas. */
  const SHAPES: Record<string, (p: unknown) => boolean> = {
    'app:info': (p) => isPlain(p) && keysAre(p, []),
    'file:open': (p) => isPlain(p) && keysAre(p, ['kind', 'multiple']) && (p.kind === 'evidence' || p.kind === 'archive') && typeof p.multiple === 'boolean',
    'file:save': (p) => isPlain(p) && keysAre(p, ['kind', 'suggestedName', 'bytes']) && ['pdf', 'archive', 'text'].includes(p.kind as string) && plainName(p.suggestedName) && p.bytes instanceof Uint8Array && p.bytes.byteLength <= MAX_SAVE_BYTES,
    'file:show': (p) => isPlain(p) && keysAre(p, ['token', 'how']) && typeof p.token === 'string' && /^[0-9a-f]{32}$/.test(p.token) && (p.how === 'open' || p.how === 'reveal'),
  };
  const name = fc.oneof(
    fc.constantFrom(...IPC_CALLS, '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'file:delete', 'app:info ', ''),
    // Names whose conversion to a string runs code or throws.
    fc.constantFrom<unknown>({ toString: '' }, Object.create(null), { toString: () => 'file:open' }, Symbol('file:open'), ['file:open'], 10n),
    fc.string(),
    fc.anything(),
  );
  const field = fc.oneof(fc.anything(), fc.constantFrom('evidence', 'archive', 'pdf', 'text', 'open', 'reveal', '../../etc/passwd', 'a\\b', 'ok.pdf', '..', '0'.repeat(32), 'g'.repeat(32)), fc.boolean(), fc.uint8Array({ maxLength: 16 }));
  const payload = fc.oneof(
    fc.anything({ withTypedArray: true, withBoxedValues: true, withNullPrototype: true, withMap: true, withSet: true }),
    fc.dictionary(fc.constantFrom('kind', 'multiple', 'suggestedName', 'bytes', 'token', 'how', 'extra', '__proto__'), field),
  );

  it('never throws, and passes only payloads of the exact shape of their call', () => {
    let passed = 0;
    fc.assert(fc.property(name, payload, (n, p) => {
      const result = validateIpc(n, p);
      if (result.ok) {
        passed++;
        expect(typeof n === 'string' && Object.hasOwn(SHAPES, n)).toBe(true);
        expect(SHAPES[n as string]!(p)).toBe(true);
      } else {
        expect(typeof result.error).toBe('string');
        expect(typeof n === 'string' && Object.hasOwn(SHAPES, n) && SHAPES[n]!(p)).toBe(false);
      }
    }), { numRuns: 5000 });
    // The generator does reach valid payloads too, so the test can tell passing from refusing.
    expect(passed).toBeGreaterThan(0);
  });
});

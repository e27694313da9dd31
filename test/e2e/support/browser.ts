/**
 * Launches Debian's Chromium through playwright-core with a fresh profile and records every
 * request the page makes, so a test can prove nothing left the app's origin.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = 'test-results/screens';

export interface Session {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Every URL the page or its workers requested. */
  requests: string[];
  /** Console errors and uncaught page errors. */
  errors: string[];
  close: () => Promise<void>;
}

export async function launch(options: { locale?: string; acceptDownloads?: boolean } = {}): Promise<Session> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const context = await browser.newContext({
    locale: options.locale ?? 'zh-TW',
    viewport: { width: 1280, height: 860 },
    deviceScaleFactor: 1,
    acceptDownloads: options.acceptDownloads ?? true,
  });
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(`console: ${message.text()}`); });
  return { browser, context, page, requests, errors, close: () => browser.close() };
}

/** Requests that went anywhere but the app's own origin (blob: and data: URLs the page made itself are local). */
export function foreignRequests(requests: readonly string[], origin: string): string[] {
  return requests.filter((url) => !(url.startsWith(`${origin}/`) || url.startsWith(`blob:${origin}/`) || url.startsWith('data:')));
}

/**
 * The real preload, bundled as the app bundles it but with 'electron' replaced by a recorder, so
 * the bridge it builds from the IPC contract is checked without the Electron binary.
 */
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { IPC_CALLS, MENU_CHANNEL } from '../../shared/ipc/contract';

async function loadPreload() {
  const result = await build({
    entryPoints: ['electron/preload.ts'], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent', external: ['electron'],
  });
  const require = createRequire(import.meta.url);
  const standIn = require(resolve('test/electron/support/electron-stand-in.cjs'));
  const module = { exports: {} };
  const fakeRequire = (id: string) => {
    if (id !== 'electron') throw new Error(`the preload may only require electron, not ${id}`);
    return standIn;
  };
  runInNewContext(result.outputFiles[0]!.text, { require: fakeRequire, module, exports: module.exports });
  return standIn.__recorded as {
    exposed: Record<string, Record<string, (...args: unknown[]) => unknown>>;
    invoked: Array<[string, unknown]>;
    listeners: Map<string, Array<(event: unknown, value: unknown) => void>>;
  };
}

describe('preload bridge', () => {
  it('exposes exactly one method per contract call plus the menu subscription, and nothing of ipcRenderer', async () => {
    const recorded = await loadPreload();
    const bridge = recorded.exposed.dossier!;
    expect(Object.keys(bridge).sort()).toEqual(['appInfo', 'fileOpen', 'fileSave', 'fileShow', 'onMenuCommand']);
    expect(Object.keys(recorded.exposed)).toEqual(['dossier']);

    await bridge.fileOpen!({ kind: 'evidence', multiple: true });
    await bridge.appInfo!({});
    expect(recorded.invoked).toEqual([['file:open', { kind: 'evidence', multiple: true }], ['app:info', {}]]);
    expect(IPC_CALLS).toContain('file:open');

    const seen: unknown[] = [];
    const unsubscribe = bridge.onMenuCommand!((c: unknown) => seen.push(c)) as () => void;
    const [listener] = recorded.listeners.get(MENU_CHANNEL)!;
    listener!({}, 'case:new');
    listener!({}, 'rm -rf /');
    expect(seen).toEqual(['case:new']);
    unsubscribe();
    expect(recorded.listeners.get(MENU_CHANNEL)).toEqual([]);
  });
});

describe('main process wiring', () => {
  const main = readFileSync('electron/main.ts', 'utf8');
  it.each([
    ['secure web preferences', /webPreferences: secureWebPreferences\(/],
    ['privileged standard secure scheme', /registerSchemesAsPrivileged\(\[\s*\{ scheme: APP_SCHEME, privileges: \{ standard: true, secure: true/],
    ['request filter on every request', /webRequest\.onBeforeRequest\(\(details, callback\) => callback\(\{ cancel: !isAllowedRequest\(details\.url\) \}\)\)/],
    ['permissions denied', /setPermissionRequestHandler\(\(_wc, _permission, callback\) => callback\(false\)\)/],
    ['navigation blocked', /on\('will-navigate', \(event, url\) => \{ if \(!isNavigationAllowed\(url\)\) event\.preventDefault\(\); \}\)/],
    ['new windows denied', /setWindowOpenHandler\(\(\) => \(\{ action: 'deny' \}\)\)/],
    ['webviews refused', /on\('will-attach-webview', \(event\) => event\.preventDefault\(\)\)/],
    ['payloads validated before handlers', /const checked = validateIpc\(call, payload\);\s*if \(!checked\.ok\) throw/],
    ['only the app frame answered', /if \(!isFromApp\(event\)\) throw/],
    ['CSP sent with every response', /'content-security-policy': CONTENT_SECURITY_POLICY/],
  ])('%s', (_name, pattern) => expect(main).toMatch(pattern));
});

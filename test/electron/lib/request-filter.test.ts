import { describe, expect, it } from 'vitest';
import { isAllowedRequest, isNavigationAllowed } from '../../../electron/lib/request-filter';
import { CONTENT_SECURITY_POLICY } from '../../../electron/lib/csp';
import { secureWebPreferences } from '../../../electron/lib/window-options';
import { createSavedFiles } from '../../../electron/lib/saved-files';

describe('isAllowedRequest', () => {
  it.each([
    ['app://dossier/index.html', true],
    ['app://dossier/vendor/lang/eng.traineddata.gz', true],
    ['blob:app://dossier/5f0c-11', true],
    ['data:image/png;base64,AAAA', true],
    ['devtools://devtools/bundled/inspector.html', true],
    ['app://evil/index.html', false],
    ['app://dossier.evil.com/x', false],
    ['app://user@dossier/x', false],
    ['blob:https://evil.com/5f0c', false],
    ['https://tessdata.projectnaptha.com/4.0.0/eng.traineddata.gz', false],
    ['https://cdn.jsdelivr.net/npm/tesseract.js-core@7/tesseract-core.wasm.js', false],
    ['http://localhost:5173/', false],
    ['ws://127.0.0.1:9222/', false],
    ['file:///etc/passwd', false],
    ['chrome-extension://abc/x.js', false],
    ['ftp://example.com/', false],
    ['', false],
    ['javascript:alert(1)', false],
  ])('%s → %s', (url, ok) => expect(isAllowedRequest(url)).toBe(ok));

  it('never allows navigation', () => {
    for (const url of ['app://dossier/index.html', 'https://example.com', 'file:///']) expect(isNavigationAllowed(url)).toBe(false);
  });
});

describe('security settings', () => {
  it('isolates and sandboxes the renderer', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false,
    });
  });

  it('CSP allows only self plus what wasm workers need', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => { const [k, ...v] = d.split(' '); return [k, v]; }));
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-inline'|'unsafe-eval'|https?:|\*/);
  });

  it('hands out saved paths only by token', () => {
    let n = 0;
    const saved = createSavedFiles(() => (++n).toString(16).padStart(32, '0'));
    const token = saved.add('/home/u/dossier.pdf');
    expect(saved.get(token)).toBe('/home/u/dossier.pdf');
    expect(saved.get('0'.repeat(32))).toBeUndefined();
  });
});

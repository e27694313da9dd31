import { describe, expect, it } from 'vitest';
import { resolveAppPath } from '../../../electron/lib/app-protocol';

describe('resolveAppPath', () => {
  it.each([
    ['app://dossier/', 'index.html'],
    ['app://dossier/index.html', 'index.html'],
    ['app://dossier/assets/index-abc.js', 'assets/index-abc.js'],
    ['app://dossier/vendor/lang/chi_tra.traineddata.gz', 'vendor/lang/chi_tra.traineddata.gz'],
    ['app://dossier/vendor/tesseract-core/tesseract-core-simd-lstm.wasm.js', 'vendor/tesseract-core/tesseract-core-simd-lstm.wasm.js'],
    ['app://dossier/assets/a.js?v=1#x', 'assets/a.js'],
    ['app://dossier/fonts/%E4%B8%AD.ttf', 'fonts/中.ttf'],
    // The URL parser resolves (encoded) dot segments against the root before we see the path.
    ['app://dossier/%2e%2e/%2e%2e/etc/passwd.js', 'etc/passwd.js'],
  ])('serves %s as %s', (url, path) => {
    expect(resolveAppPath(url)).toMatchObject({ ok: true, relativePath: path });
  });

  it.each([
    ['app://dossier/../../etc/passwd', 'normalised away by the URL parser, then unknown type'],
    ['app://dossier/..%2f..%2fetc/passwd.js', 'encoded slash'],
    ['app://dossier/..%5c..%5cwindows.js', 'encoded backslash'],
    ['app://dossier/assets\\..\\..\\x.js', 'backslash'],
    ['app://dossier/a%00.js', 'NUL'],
    ['app://dossier/%E4%B8.js', 'bad percent-encoding'],
    ['app://dossier/.env', 'hidden file'],
    ['app://dossier/assets/.secret.js', 'hidden file'],
    ['app://evil/index.html', 'other host'],
    ['app://dossier:8080/index.html', 'port'],
    ['app://user:pw@dossier/index.html', 'credentials'],
    ['file:///etc/passwd', 'other scheme'],
    ['https://dossier/index.html', 'other scheme'],
    ['app://dossier/main.cjs', 'unknown type'],
    ['not a url', 'malformed'],
  ])('refuses %s (%s)', (url) => {
    const result = resolveAppPath(url);
    expect(result.ok).toBe(false);
  });

  it('never resolves outside the root for many hostile paths', () => {
    const parts = ['..', '.', '%2e', '%2E%2E', 'a', '%2f', '%5c', '\\', '', 'x.js'];
    for (const a of parts) for (const b of parts) for (const c of parts) {
      const r = resolveAppPath(`app://dossier/${a}/${b}/${c}`);
      if (r.ok) {
        expect(r.relativePath.split('/')).not.toContain('..');
        expect(r.relativePath.startsWith('/')).toBe(false);
      }
    }
  });
});

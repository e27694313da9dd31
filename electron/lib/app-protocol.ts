/**
 * Maps an `app://dossier/…` URL to a file inside the renderer's folder, refusing anything that could
 * escape it. Pure: path joining only, no file system access.
 */
import { posix } from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';

/** Outcome of resolving a request URL. */
export type AppPathResult =
  | { ok: true; relativePath: string; mimeType: string }
  | { ok: false; status: 400 | 403 | 404; reason: string };

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.gz': 'application/gzip',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};

/** The content type served for a file name; unknown types are refused rather than guessed. */
export function mimeTypeOf(path: string): string | undefined {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? undefined : MIME[path.slice(dot).toLowerCase()];
}

/**
 * Resolves a request URL to a path relative to the renderer root.
 * Refuses other schemes and hosts, credentials, ports, encoded separators, `..` segments, NUL,
 * backslashes and hidden files; `/` serves `index.html`.
 */
export function resolveAppPath(rawUrl: string): AppPathResult {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, status: 400, reason: 'malformed URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:`) return { ok: false, status: 403, reason: 'not the app scheme' };
  if (url.hostname !== APP_HOST || url.port !== '' || url.username !== '' || url.password !== '') {
    return { ok: false, status: 403, reason: 'not the app host' };
  }
  const encoded = url.pathname;
  // Encoded separators and dots are refused before decoding, so that decoding cannot create a
  // segment the URL parser never saw.
  if (/%(2f|5c|2e|00)/i.test(encoded) || encoded.includes('\\')) return { ok: false, status: 400, reason: 'encoded separator' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(encoded);
  } catch {
    return { ok: false, status: 400, reason: 'bad percent-encoding' };
  }
  if (decoded.includes('\0')) return { ok: false, status: 400, reason: 'NUL in path' };
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.' || s.startsWith('.'))) return { ok: false, status: 403, reason: 'dot segment' };
  const relativePath = segments.length === 0 ? 'index.html' : posix.join(...segments);
  if (relativePath.startsWith('..') || posix.isAbsolute(relativePath)) return { ok: false, status: 403, reason: 'outside root' };
  const mimeType = mimeTypeOf(relativePath);
  if (!mimeType) return { ok: false, status: 404, reason: 'unknown file type' };
  return { ok: true, relativePath, mimeType };
}

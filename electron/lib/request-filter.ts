/**
 * The session-wide request filter: the app talks only to itself. Every request whose URL is not
 * the app's origin (or a blob/data URL the page made itself) is cancelled.
 */
import { APP_ORIGIN } from './app-origin';

/** True when a request may proceed. */
export function isAllowedRequest(rawUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  // Non-special schemes have an opaque origin, so compare the parts.
  if (url.protocol === 'app:') return `app://${url.host}` === APP_ORIGIN && url.username === '' && url.password === '';
  if (url.protocol === 'blob:') return rawUrl.startsWith(`blob:${APP_ORIGIN}/`);
  if (url.protocol === 'data:') return true;
  // devtools:// is Chromium's own UI, only reachable when the developer opens the tools.
  return url.protocol === 'devtools:';
}

/** True when the page may navigate to `rawUrl`: never — the app is a single page. */
export function isNavigationAllowed(_rawUrl: string): boolean {
  return false;
}

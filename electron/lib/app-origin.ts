/**
 * The app's own origin. The renderer is served from `app://dossier/…` by a privileged, standard,
 * secure scheme; IndexedDB is tied to this origin, so it must never change.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'dossier';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

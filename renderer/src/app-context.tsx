/** The runtime services of the app (database, clock and ids, host), provided once at the root. */
import { createContext, useContext } from 'react';
import type { DossierDb } from './store/db';
import type { StoreEnv } from './store/case-store';
import type { Host } from './host/host';
import type { OcrQueue } from './evidence/ocr-queue';

export interface AppServices {
  db: DossierDb;
  env: StoreEnv;
  host: Host;
  /** Text recognition of exhibits, shared by every view. */
  ocrQueue: OcrQueue;
  /** Shows a message in the status area at the bottom of the window. */
  notify: (message: string, tone?: 'info' | 'error') => void;
}

export const AppContext = createContext<AppServices | undefined>(undefined);

/** The app's services. */
export function useServices(): AppServices {
  const value = useContext(AppContext);
  if (!value) throw new Error('useServices outside AppContext');
  return value;
}

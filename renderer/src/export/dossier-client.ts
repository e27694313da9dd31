/** Runs one dossier build in a fresh Web Worker; cancelling terminates the worker at once. */
import type { DossierProgress, DossierReport } from '../../../shared/dossier/types';
import type { FromDossierWorker, ToDossierWorker } from './dossier-protocol';

/** A build failed; `evidenceId` names the exhibit at fault, when there is one. */
export class ExportError extends Error {
  override name = 'ExportError';
  constructor(message: string, readonly evidenceId?: string) {
    super(message);
  }
}

export interface BuildHandle {
  result: Promise<DossierReport>;
  cancel: () => void;
}

export function startDossierBuild(request: Omit<ToDossierWorker, 'type'>, onProgress: (p: DossierProgress) => void): BuildHandle {
  const worker = new Worker(new URL('./dossier.worker.ts', import.meta.url), { type: 'module' });
  let settle: { reject: (e: unknown) => void } | undefined;
  const result = new Promise<DossierReport>((resolve, reject) => {
    settle = { reject };
    worker.onmessage = (event: MessageEvent<FromDossierWorker>) => {
      const message = event.data;
      if (message.type === 'progress') onProgress(message.progress);
      else {
        worker.terminate();
        if (message.type === 'done') resolve(message.report);
        else reject(new ExportError(message.message, message.evidenceId));
      }
    };
    worker.onerror = (event) => { worker.terminate(); reject(new ExportError(event.message || 'the export worker stopped')); };
  });
  worker.postMessage({ type: 'build', ...request } satisfies ToDossierWorker);
  return {
    result,
    cancel: () => { worker.terminate(); settle?.reject(new DOMException('cancelled', 'AbortError')); },
  };
}

/**
 * Builds a dossier off the main thread: reads the case and its originals from IndexedDB, fetches
 * the bundled fonts, runs the shared pdf-lib composer, burns redactions into images.
 */
/// <reference lib="webworker" />
import { buildDossierReport } from '../../../shared/dossier/compose';
import { DossierError, type RedactImage } from '../../../shared/dossier/types';
import { getOriginal, loadCase } from '../store/case-store';
import { openDb } from '../store/db';
import type { FromDossierWorker, ToDossierWorker } from './dossier-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromDossierWorker, transfer: Transferable[] = []) => scope.postMessage(message, transfer);

const FONT_FILES = {
  tcRegular: 'NotoSansTC_400Regular.ttf',
  tcBold: 'NotoSansTC_700Bold.ttf',
  scRegular: 'NotoSansSC_400Regular.ttf',
  scBold: 'NotoSansSC_700Bold.ttf',
} as const;

async function loadFonts(baseUrl: string) {
  const entries = await Promise.all(Object.entries(FONT_FILES).map(async ([key, file]) => {
    const response = await fetch(new URL(`vendor/fonts/${file}`, baseUrl));
    if (!response.ok) throw new Error(`font ${file} is missing from the app (${response.status})`);
    return [key, new Uint8Array(await response.arrayBuffer())] as const;
  }));
  return Object.fromEntries(entries) as Record<keyof typeof FONT_FILES, Uint8Array>;
}

async function loadRedactor(): Promise<RedactImage | undefined> {
  const modules = import.meta.glob<{ redactImageBrowser?: RedactImage }>('../redaction/redact-image-browser.ts');
  const load = Object.values(modules)[0];
  return load ? (await load()).redactImageBrowser : undefined;
}

scope.onmessage = async (event: MessageEvent<ToDossierWorker>) => {
  const request = event.data;
  if (request.type !== 'build') return;
  const db = openDb();
  try {
    const c = await loadCase(db, request.caseId);
    const [fonts, redactImage] = await Promise.all([loadFonts(request.baseUrl), loadRedactor()]);
    const report = await buildDossierReport({
      case: c,
      audience: request.audience,
      originals: (evidence) => {
        if (!evidence.sha256) throw new DossierError('exhibit has no original', evidence.id);
        return getOriginal(db, c.id, evidence.sha256);
      },
      fonts,
      now: () => new Date(),
      deadlines: request.deadlines,
      utcOffsetMinutes: request.utcOffsetMinutes,
      onProgress: (progress) => post({ type: 'progress', progress }),
      ...(redactImage ? { redactImage } : {}),
    });
    post({ type: 'done', report }, [report.bytes.buffer as ArrayBuffer]);
  } catch (error) {
    post({
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
      ...(error instanceof DossierError && error.evidenceId ? { evidenceId: error.evidenceId } : {}),
    });
  } finally {
    db.close();
  }
};

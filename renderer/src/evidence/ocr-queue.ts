/**
 * The OCR queue. Its state lives on each exhibit (`ocr.status` queued → running → done / failed /
 * cancelled), written in the same row as the rest of the exhibit, so a restart or reload finds
 * every unfinished job and resumes it: nothing is lost and nothing runs twice.
 */
import type { CaseId, EvidenceId, EvidenceKind, OcrResult } from '../../../shared/case/schema';
import { kindFromName } from '../../../shared/evidence/kind-from-name';
import type { DossierDb, EvidenceRow } from '../store/db';

/** Runs OCR on one original. */
export type Recognizer = (
  job: { bytes: Uint8Array; mimeType: string; lang: string; orientation?: number },
  options: { signal: AbortSignal; onProgress: (progress: number) => void },
) => Promise<Omit<OcrResult, 'status'> & { kindGuess?: EvidenceKind }>;

/** Live progress of running jobs, keyed by `caseId/evidenceId`. */
export type QueueProgress = ReadonlyMap<string, number>;

export interface OcrQueue {
  /** Looks for queued (or interrupted) jobs and starts them. */
  kick: () => void;
  /** Queues an exhibit (again), e.g. with other languages. */
  enqueue: (caseId: CaseId, evidenceId: EvidenceId, lang: string) => Promise<void>;
  /** Cancels a queued or running job. */
  cancel: (caseId: CaseId, evidenceId: EvidenceId) => Promise<void>;
  /** Cancels every queued or running job of a case. */
  cancelAll: (caseId: CaseId) => Promise<void>;
  /** Subscribes to progress; returns the unsubscribe function. */
  subscribe: (listener: (progress: QueueProgress) => void) => () => void;
}

const key = (caseId: string, evidenceId: string) => `${caseId}/${evidenceId}`;
const isPending = (e: EvidenceRow) => e.ocr?.status === 'queued' || e.ocr?.status === 'running';

export function createOcrQueue(db: DossierDb, recognize: Recognizer, options: { concurrency: number; now: () => string }): OcrQueue {
  const running = new Map<string, AbortController>();
  const progress = new Map<string, number>();
  const listeners = new Set<(p: QueueProgress) => void>();
  let isScanning = false;
  let rescan = false;

  const emit = () => { const snapshot = new Map(progress); for (const l of listeners) l(snapshot); };

  async function setOcr(row: EvidenceRow, change: (ocr: NonNullable<EvidenceRow['ocr']>) => NonNullable<EvidenceRow['ocr']>, kindGuess?: EvidenceKind): Promise<boolean> {
    return db.transaction('rw', db.evidence, async () => {
      const current = await db.evidence.get([row.caseId, row.id]);
      if (!current?.ocr) return false;
      const next = change(current.ocr);
      // The text's kind replaces the file-name guess, never a kind the user chose.
      const isNameGuess = current.kind === kindFromName(current.fileName, current.mimeType);
      const kind = kindGuess && next.status === 'done' && isNameGuess ? { kind: kindGuess } : {};
      await db.evidence.update([row.caseId, row.id], { ocr: next, ...kind });
      return true;
    });
  }

  async function run(row: EvidenceRow): Promise<void> {
    const k = key(row.caseId, row.id);
    const controller = new AbortController();
    running.set(k, controller);
    progress.set(k, 0);
    emit();
    try {
      const lang = row.ocr?.lang ?? '';
      let isStarted = false;
      await setOcr(row, (ocr) => {
        isStarted = ocr.status === 'queued' || ocr.status === 'running';
        return isStarted ? { ...ocr, status: 'running' } : ocr;
      });
      if (!isStarted) return;
      const original = row.sha256 ? await db.originals.get([row.caseId, row.sha256]) : undefined;
      if (!original) throw new Error('original missing');
      const result = await recognize(
        { bytes: original.bytes, mimeType: row.mimeType, lang, ...(row.orientation ? { orientation: row.orientation } : {}) },
        { signal: controller.signal, onProgress: (p) => { progress.set(k, p); emit(); } },
      );
      if (controller.signal.aborted) throw controller.signal.reason;
      // A job cancelled or re-queued meanwhile keeps the state the user gave it.
      const { kindGuess, ...ocrResult } = result;
      await setOcr(row, (ocr) => ocr.status !== 'running' ? ocr
        : ({ ...ocrResult, ...(ocr.correctedText !== undefined ? { correctedText: ocr.correctedText } : {}), status: 'done', finishedAt: options.now() }), kindGuess);
    } catch (error) {
      const isCancel = controller.signal.aborted;
      await setOcr(row, (ocr) => ocr.status !== 'running' ? ocr
        : ({ ...ocr, status: isCancel ? 'cancelled' : 'failed', ...(isCancel ? {} : { error: error instanceof Error ? error.message : String(error) }) }));
    } finally {
      running.delete(k);
      progress.delete(k);
      emit();
      kick();
    }
  }

  async function scan(): Promise<void> {
    if (isScanning) { rescan = true; return; }
    isScanning = true;
    try {
      do {
        rescan = false;
        const pending = await db.evidence.filter(isPending).toArray();
        for (const row of pending) {
          if (running.size >= options.concurrency) break;
          if (!running.has(key(row.caseId, row.id))) void run(row);
        }
      } while (rescan);
    } finally {
      isScanning = false;
    }
  }

  function kick(): void { void scan(); }

  return {
    kick,
    async enqueue(caseId, evidenceId, lang) {
      running.get(key(caseId, evidenceId))?.abort(new Error('requeued'));
      await db.evidence.update([caseId, evidenceId], (row) => {
        row.ocr = { status: 'queued', lang, pages: row.ocr?.pages ?? [], rawText: row.ocr?.rawText ?? '', confidence: row.ocr?.confidence ?? 0, ...(row.ocr?.correctedText !== undefined ? { correctedText: row.ocr.correctedText } : {}) };
      });
      kick();
    },
    async cancel(caseId, evidenceId) {
      await db.evidence.update([caseId, evidenceId], (row) => { if (row.ocr && isPending(row)) row.ocr.status = 'cancelled'; });
      running.get(key(caseId, evidenceId))?.abort(new Error('cancelled'));
    },
    async cancelAll(caseId) {
      const rows = await db.evidence.where('caseId').equals(caseId).filter(isPending).toArray();
      for (const row of rows) await this.cancel(caseId, row.id);
    },
    subscribe(listener) {
      listeners.add(listener);
      listener(new Map(progress));
      return () => { listeners.delete(listener); };
    },
  };
}

/** Pieces the evidence list and the exhibit view share. */
import { useEffect, useState } from 'react';
import { useServices } from '../app-context';
import { useI18n } from '../i18n/i18n';
import { useReport } from '../ui/use-error-message';
import type { EvidenceRow } from '../store/db';
import type { QueueProgress } from './ocr-queue';


/** The text an exhibit shows and searches: the user's correction, else the recognised text. */
export const evidenceText = (e: EvidenceRow) => e.ocr?.correctedText ?? e.ocr?.rawText ?? '';


export function useQueueProgress(): QueueProgress {
  const { ocrQueue } = useServices();
  const [progress, setProgress] = useState<QueueProgress>(new Map());
  useEffect(() => ocrQueue.subscribe(setProgress), [ocrQueue]);
  return progress;
}

export function OcrStatus({ row, progress }: { row: EvidenceRow; progress: number | undefined }) {
  const { t } = useI18n();
  const { ocrQueue } = useServices();
  const report = useReport();
  const ocr = row.ocr;
  if (!ocr || ocr.status === 'none') return <span className="ocr-status muted">{t('evidence.ocr.none')}</span>;
  switch (ocr.status) {
    case 'queued':
    case 'running': {
      const percent = Math.round((progress ?? 0) * 100);
      return (
        <span className="ocr-status running" data-status={ocr.status}>
          <span className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}><span style={{ width: `${percent}%` }} /></span>
          {ocr.status === 'queued' ? t('evidence.ocr.queued') : t('evidence.ocr.running', { percent })}
          <button type="button" className="button ghost small" onClick={() => report(ocrQueue.cancel(row.caseId, row.id))}>{t('evidence.ocr.cancel')}</button>
        </span>
      );
    }
    case 'done':
      return <span className="ocr-status done" data-status="done">{row.mimeType === 'text/plain' ? t('evidence.ocr.typed') : t('evidence.ocr.done', { confidence: Math.round(ocr.confidence) })}</span>;
    case 'failed':
    case 'cancelled':
      return (
        <span className={`ocr-status ${ocr.status}`} data-status={ocr.status}>
          {ocr.status === 'failed' ? t('evidence.ocr.failed', { error: ocr.error ?? '' }) : t('evidence.ocr.cancelled')}
          <button type="button" className="button ghost small" onClick={() => report(ocrQueue.enqueue(row.caseId, row.id, ocr.lang))}>{t('evidence.ocr.retry')}</button>
        </span>
      );
  }
}


/** Exhibit thumbnails for the timeline: object URLs of the stored previews, revoked when they change. */
import { useEffect, useMemo } from 'react';
import type { CaseId, EvidenceId } from '../../../shared/case/schema';
import { useServices } from '../app-context';
import type { EvidenceRow } from '../store/db';
import { useLiveQuery } from '../ui/use-live-query';

/** Object URLs of a case's exhibit thumbnails, by exhibit id. */
export function useThumbnailUrls(caseId: CaseId): ReadonlyMap<EvidenceId, string> {
  const { db } = useServices();
  const thumbs = useLiveQuery(() => db.thumbnails.where('caseId').equals(caseId).toArray(), [db, caseId]);
  const urls = useMemo(() => new Map((thumbs ?? []).map((th) => [th.evidenceId, URL.createObjectURL(new Blob([th.bytes as BlobPart], { type: th.mimeType }))])), [thumbs]);
  useEffect(() => () => { for (const url of urls.values()) URL.revokeObjectURL(url); }, [urls]);
  return urls;
}

/** A small square preview of an exhibit, or its file type when there is no image. */
export function ExhibitThumb({ row, url, size = 'small' }: { row: Pick<EvidenceRow, 'mimeType'> | undefined; url: string | undefined; size?: 'small' | 'medium' }) {
  return (
    <span className={`tl-thumb tl-thumb-${size}`} aria-hidden="true">
      {url ? <img src={url} alt="" loading="lazy" /> : <span>{row?.mimeType === 'application/pdf' ? 'PDF' : 'TXT'}</span>}
    </span>
  );
}

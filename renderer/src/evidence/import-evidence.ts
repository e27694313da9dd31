/**
 * Import of user files into a case: identify each file by its bytes, fingerprint it (SHA-256),
 * read its EXIF date and orientation, make a thumbnail, and store the original byte-identical with
 * its metadata in one transaction. A file whose bytes the case already holds is reported, not
 * stored twice. New image and PDF exhibits are queued for text recognition.
 */
import exifr from 'exifr';
import { EvidenceIdSchema, Sha256Schema, type CaseId, type Evidence, type EvidenceKind, type PartialDate } from '../../../shared/case/schema';
import { kindFromName, titleFromName } from '../../../shared/evidence/kind-from-name';
import { imageSizeProblem, sniffFile, toHex, type EvidenceFileType } from '../../../shared/evidence/sniff';
import { MAX_OPEN_BYTES } from '../../../shared/ipc/contract';
import type { HostFile } from '../host/host';
import { addEvidence } from '../store/case-store';
import type { DossierDb, EvidenceRow } from '../store/db';

/** Why a file was not imported. */
export type RejectReason = 'empty' | 'unsupported' | 'executable' | 'too-large' | 'unreadable-image' | 'encrypted-pdf' | 'broken-pdf';

/** What happened to each file of one import. */
export interface ImportReport {
  added: EvidenceRow[];
  duplicates: Array<{ name: string; existing: EvidenceRow }>;
  rejected: Array<{ name: string; reason: RejectReason }>;
}

const THUMB_SIDE = 360;
/** Largest decoded image accepted for thumbnails and OCR, in pixels. */
const MAX_PIXELS = 100_000_000;

async function sha256(bytes: Uint8Array): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
}

async function readExif(bytes: Uint8Array): Promise<{ takenAt?: string; orientation?: number }> {
  try {
    const tags = (await exifr.parse(bytes, { pick: ['DateTimeOriginal', 'CreateDate', 'Orientation'], translateValues: false, reviveValues: true })) as
      | { DateTimeOriginal?: Date; CreateDate?: Date; Orientation?: number }
      | undefined;
    if (!tags) return {};
    const when = tags.DateTimeOriginal ?? tags.CreateDate;
    const out: { takenAt?: string; orientation?: number } = {};
    if (when instanceof Date && !Number.isNaN(when.getTime())) {
      // EXIF times carry no zone: keep the wall-clock reading as written.
      out.takenAt = new Date(when.getTime() - when.getTimezoneOffset() * 60_000).toISOString().slice(0, 19);
    }
    if (typeof tags.Orientation === 'number' && tags.Orientation >= 1 && tags.Orientation <= 8) out.orientation = tags.Orientation;
    return out;
  } catch {
    return {};
  }
}

/** A JPEG thumbnail of an image, upright; undefined when the browser cannot decode it. */
async function makeThumbnail(bytes: Uint8Array, mimeType: string): Promise<{ mimeType: string; bytes: Uint8Array } | 'too-large' | undefined> {
  try {
    const blob = new Blob([bytes as BlobPart], { type: mimeType });
    const probe = await createImageBitmap(blob, { imageOrientation: 'from-image' });
    const { width, height } = probe;
    probe.close();
    if (width * height > MAX_PIXELS) return 'too-large';
    const scale = Math.min(1, THUMB_SIDE / Math.max(width, height));
    const bitmap = await createImageBitmap(blob, {
      imageOrientation: 'from-image',
      resizeWidth: Math.max(1, Math.round(width * scale)),
      resizeHeight: Math.max(1, Math.round(height * scale)),
      resizeQuality: 'high',
    });
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    if (!ctx) return undefined;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(bitmap, 0, 0);
    bitmap.close();
    const out = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.82 });
    return { mimeType: 'image/jpeg', bytes: new Uint8Array(await out.arrayBuffer()) };
  } catch {
    return undefined;
  }
}

const IMAGE_TYPES: ReadonlySet<EvidenceFileType> = new Set(['png', 'jpeg', 'webp', 'bmp', 'gif']);

function dateOf(takenAt: string | undefined): PartialDate | undefined {
  return takenAt && /^\d{4}-\d{2}-\d{2}/.test(takenAt) ? (takenAt.slice(0, 10) as PartialDate) : undefined;
}

/** Options of one import. */
export interface ImportOptions {
  /** Recogniser languages for new exhibits, e.g. `chi_tra+eng`. */
  ocrLang: string;
  now: () => string;
  newId: () => string;
  onProgress?: (done: number, total: number, name: string) => void;
}

/** Imports files into a case and reports what happened to each. */
export async function importFiles(db: DossierDb, caseId: CaseId, files: readonly HostFile[], options: ImportOptions): Promise<ImportReport> {
  const report: ImportReport = { added: [], duplicates: [], rejected: [] };
  let done = 0;
  for (const file of files) {
    options.onProgress?.(done, files.length, file.name);
    done += 1;
    if (file.bytes.byteLength > MAX_OPEN_BYTES) { report.rejected.push({ name: file.name, reason: 'too-large' }); continue; }
    const sniffed = sniffFile(file.bytes);
    if (!sniffed.ok) { report.rejected.push({ name: file.name, reason: sniffed.reason }); continue; }
    const isImage = IMAGE_TYPES.has(sniffed.type);
    let thumbnail: { mimeType: string; bytes: Uint8Array } | undefined;
    if (isImage) {
      // Refuse absurd sizes from the header, before the browser tries to decode anything.
      const problem = imageSizeProblem(file.bytes);
      if (problem) { report.rejected.push({ name: file.name, reason: problem === 'too-large' ? 'too-large' : 'unreadable-image' }); continue; }
      const thumb = await makeThumbnail(file.bytes, sniffed.mimeType);
      if (thumb === 'too-large') { report.rejected.push({ name: file.name, reason: 'too-large' }); continue; }
      if (!thumb) { report.rejected.push({ name: file.name, reason: 'unreadable-image' }); continue; }
      thumbnail = thumb;
    }
    let pageCount: number | undefined;
    if (sniffed.type === 'pdf') {
      try {
        const { pdfThumbnail } = await import('./pdf-pages');
        const preview = await pdfThumbnail(file.bytes, document.baseURI);
        thumbnail = { mimeType: preview.mimeType, bytes: preview.bytes };
        pageCount = preview.pageCount;
      } catch (error) {
        const isLocked = error instanceof Error && error.name === 'PasswordException';
        report.rejected.push({ name: file.name, reason: isLocked ? 'encrypted-pdf' : 'broken-pdf' });
        continue;
      }
    }
    const exif = sniffed.type === 'jpeg' || sniffed.type === 'png' || sniffed.type === 'webp' ? await readExif(file.bytes) : {};
    const hash = Sha256Schema.parse(await sha256(file.bytes));
    const kind: EvidenceKind = kindFromName(file.name, sniffed.mimeType);
    const text = sniffed.type === 'text' ? new TextDecoder().decode(file.bytes) : undefined;
    const date = dateOf(exif.takenAt);
    const evidence: Evidence & { sha256: typeof hash } = {
      id: EvidenceIdSchema.parse(options.newId()),
      title: titleFromName(file.name),
      kind,
      fileName: file.name,
      mimeType: sniffed.mimeType,
      size: file.bytes.byteLength,
      sha256: hash,
      importedAt: options.now(),
      isKey: true,
      ...(exif.takenAt ? { takenAt: exif.takenAt } : {}),
      ...(exif.orientation ? { orientation: exif.orientation } : {}),
      ...(date ? { date } : {}),
      ...(pageCount ? { pageCount } : {}),
      ocr: text !== undefined
        ? { status: 'done', lang: '', pages: [], rawText: text, confidence: 100, finishedAt: options.now() }
        : { status: 'queued', lang: options.ocrLang, pages: [], rawText: '', confidence: 0 },
    };
    const result = await addEvidence(db, caseId, evidence, file.bytes, thumbnail);
    if (result.status === 'added') report.added.push(result.evidence);
    else report.duplicates.push({ name: file.name, existing: result.existing });
  }
  options.onProgress?.(files.length, files.length, '');
  return report;
}

/** Stores pasted text (an SMS copied from the phone, say) as a text exhibit. */
export async function importPastedText(
  db: DossierDb,
  caseId: CaseId,
  pasted: { text: string; title: string; kind: EvidenceKind },
  options: Omit<ImportOptions, 'ocrLang'>,
): Promise<ImportReport> {
  const name = `${pasted.title.replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'pasted'}.txt`;
  const report = await importFiles(db, caseId, [{ name, bytes: new TextEncoder().encode(pasted.text), lastModified: Date.now() }], { ...options, ocrLang: '' });
  const added = report.added[0];
  if (added) {
    const patch = { title: pasted.title.trim() || added.title, kind: pasted.kind };
    await db.evidence.update([caseId, added.id], patch);
    Object.assign(added, patch);
  }
  return report;
}

import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type DossierDb } from '../../../renderer/src/store/db';
import { addEvidence, createCase, listEvidence } from '../../../renderer/src/store/case-store';
import { createOcrQueue, type Recognizer } from '../../../renderer/src/evidence/ocr-queue';
import { EvidenceIdSchema, Sha256Schema, type CaseId } from '../../../shared/case/schema';

let db: DossierDb;
let caseId: CaseId;
let n = 0;
const env = { now: () => '2026-01-01T00:00:00.000Z', newId: () => `id-${++n}` };

async function addQueued(id: string, byte: number) {
  await addEvidence(db, caseId, {
    id: EvidenceIdSchema.parse(id), title: id, kind: 'sms', fileName: `${id}.png`, mimeType: 'image/png', size: 1, isKey: true,
    sha256: Sha256Schema.parse(byte.toString(16).padStart(2, '0').repeat(32)),
    ocr: { status: 'queued', lang: 'chi_tra+eng', pages: [], rawText: '', confidence: 0 },
  }, new Uint8Array([byte]));
}

/** A recognizer that reads the single byte of the "image" back as text, after the test lets it go. */
function gatedRecognizer() {
  const gates: Array<() => void> = [];
  const seen: string[] = [];
  const recognize: Recognizer = async ({ bytes, lang }, { signal, onProgress }) => {
    seen.push(`${bytes[0]}:${lang}`);
    onProgress(0.5);
    await new Promise<void>((resolve, reject) => {
      gates.push(resolve);
      signal.addEventListener('abort', () => reject(signal.reason));
    });
    return { lang, pages: [], rawText: `text ${bytes[0]}`, confidence: 91 };
  };
  return { recognize, seen, release: () => gates.splice(0).forEach((g) => g()) };
}

const statuses = async () => (await listEvidence(db, caseId)).map((e) => [e.id, e.ocr?.status, e.ocr?.rawText]);
const settle = () => new Promise((r) => setTimeout(r, 30));

beforeEach(async () => {
  db = openDb(`q-${Math.random()}`);
  caseId = (await createCase(db, env, { title: 'x', jurisdiction: 'TW' })).id;
});
afterEach(async () => { await db.delete(); });

describe('OCR queue', () => {
  it('runs queued jobs with bounded concurrency and stores results', async () => {
    await addQueued('a', 1); await addQueued('b', 2); await addQueued('c', 3);
    const r = gatedRecognizer();
    const queue = createOcrQueue(db, r.recognize, { concurrency: 2, now: env.now });
    const progress: number[] = [];
    queue.subscribe((p) => progress.push(p.size));
    queue.kick();
    await expect.poll(() => r.seen.length).toBe(2);
    await settle();
    expect(r.seen).toHaveLength(2);
    expect(Math.max(...progress)).toBe(2);
    r.release();
    await expect.poll(() => r.seen.length).toBe(3);
    r.release();
    await expect.poll(statuses).toEqual([['a', 'done', 'text 1'], ['b', 'done', 'text 2'], ['c', 'done', 'text 3']]);
  });

  it('resumes jobs interrupted by a reload, cancels and re-queues with other languages', async () => {
    await addQueued('a', 1); await addQueued('b', 2);
    // A reload in the middle: the row says running but nothing runs it any more.
    await db.evidence.update([caseId, EvidenceIdSchema.parse('a')], (row) => { row.ocr!.status = 'running'; });
    const r = gatedRecognizer();
    const queue = createOcrQueue(db, r.recognize, { concurrency: 1, now: env.now });
    queue.kick();
    await expect.poll(() => r.seen).toEqual(['1:chi_tra+eng']);
    await queue.cancel(caseId, EvidenceIdSchema.parse('a'));
    await expect.poll(() => r.seen).toEqual(['1:chi_tra+eng', '2:chi_tra+eng']);
    r.release();
    await expect.poll(statuses).toEqual([['a', 'cancelled', ''], ['b', 'done', 'text 2']]);
    await queue.enqueue(caseId, EvidenceIdSchema.parse('a'), 'chi_sim+eng');
    await expect.poll(() => r.seen.at(-1)).toBe('1:chi_sim+eng');
    r.release();
    await expect.poll(statuses).toEqual([['a', 'done', 'text 1'], ['b', 'done', 'text 2']]);
  });

  it('lets the recognised text refine the kind guessed from the file name, never a kind the user chose', async () => {
    await addQueued('a', 1); await addQueued('b', 2);
    // 'a.png' guessed 'other' from its name; the user set 'b' to sms (its name says 'other').
    await db.evidence.update([caseId, EvidenceIdSchema.parse('a')], { kind: 'other' });
    await db.evidence.update([caseId, EvidenceIdSchema.parse('b')], { kind: 'contract' });
    const recognize: Recognizer = async ({ lang }) => ({ lang, pages: [], rawText: '帳單', confidence: 90, kindGuess: 'bill' });
    const queue = createOcrQueue(db, recognize, { concurrency: 2, now: env.now });
    queue.kick();
    await expect.poll(async () => (await listEvidence(db, caseId)).map((e) => [e.id, e.kind])).toEqual([['a', 'bill'], ['b', 'contract']]);
  });

  it('keeps the user correction when OCR runs again, and records failures', async () => {
    await addQueued('a', 1);
    await db.evidence.update([caseId, EvidenceIdSchema.parse('a')], (row) => { row.ocr!.correctedText = '王小明'; });
    const failing: Recognizer = async () => { throw new Error('engine crashed'); };
    const queue = createOcrQueue(db, failing, { concurrency: 1, now: env.now });
    queue.kick();
    await expect.poll(async () => (await listEvidence(db, caseId))[0]!.ocr?.status).toBe('failed');
    const [row] = await listEvidence(db, caseId);
    expect(row!.ocr).toMatchObject({ status: 'failed', error: 'engine crashed', correctedText: '王小明' });
  });
});

/**
 * `build <case-folder|case.json|archive> -o <out.pdf> [--audience company|regulator] [--no-ocr]`:
 * builds the PDF dossier of a case. Image and PDF exhibits that carry no recognised text are read
 * first with the same OCR pipeline as the app, so their text layer is searchable and national IDs
 * in their pixels can be redacted. The PDF is written to a temporary file beside the target and
 * renamed into place, so a failed or interrupted build never leaves a partial file.
 */
import type { Case, Evidence, OcrResult } from '../../../shared/case/schema';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs, flagValue } from '../args';
import { CliError } from '../errors';

/** Writes bytes atomically: temp file in the same folder, then rename. */
export async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const target = resolve(path);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(temp, bytes, { flag: 'wx' });
    await rename(temp, target);
  } catch (e) {
    await unlink(temp).catch(() => {});
    throw new CliError(`cannot write the dossier: ${e instanceof Error ? e.message : String(e)}`, path);
  }
}

/** Runs the command; returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { out: { takesValue: true, alias: 'o' }, audience: { takesValue: true }, 'no-ocr': { takesValue: false } }, 'build');
  const [input, ...extra] = args.positionals;
  if (!input) throw new CliError('build: missing <case-folder|case.json|archive>');
  if (extra.length > 0) throw new CliError(`build: unexpected argument ${JSON.stringify(extra[0])}`);
  const out = flagValue(args, 'out');
  if (!out) throw new CliError('build: missing -o <out.pdf>');
  const audience = flagValue(args, 'audience') ?? 'company';
  if (audience !== 'company' && audience !== 'regulator') throw new CliError(`build: --audience must be company or regulator, got ${JSON.stringify(audience)}`);

  const { loadCase, loadDossierFonts } = await import('../../dossier/load-case');
  const loaded = await loadCase(input);
  const [{ buildDossierReport }, { redactImage }, { DossierError }, { quietly }, fonts] = await Promise.all([
    import('../../../shared/dossier/compose'),
    import('../../dossier/redact-image'),
    import('../../../shared/dossier/types'),
    import('../../dossier/check-original'),
    loadDossierFonts(),
  ]);
  const fileOf = (evidenceId: string | undefined): string => {
    const ev = loaded.case.evidence.find((e) => e.id === evidenceId);
    if (!ev) return loaded.manifestPath;
    return loaded.source === 'archive' ? `${loaded.manifestPath}: originals/${ev.sha256} (${ev.fileName})` : join(dirname(loaded.manifestPath), loaded.files?.get(ev.id) ?? ev.fileName);
  };
  const controller = new AbortController();
  const stop = () => controller.abort(new CliError('build: interrupted'));
  process.once('SIGINT', stop);
  try {
    if (!args.flags.has('no-ocr')) await recogniseExhibits(loaded.case, loaded.originals, fileOf);
    const deadlines = await caseDeadlines(loaded.case);
    const report = await quietly(() => buildDossierReport({
      case: loaded.case,
      audience,
      originals: async (ev) => {
        const bytes = loaded.originals.get(ev.id);
        if (!bytes) throw new CliError(`original of evidence ${JSON.stringify(ev.id)} is missing`, loaded.manifestPath);
        return bytes;
      },
      fonts,
      now: () => new Date(),
      deadlines,
      signal: controller.signal,
      redactImage,
    })).catch((e: unknown) => {
      if (e instanceof DossierError) throw new CliError(e.message, fileOf(e.evidenceId));
      throw e;
    });
    await writeAtomically(out, report.bytes);
    if (report.missingGlyphs.length > 0) {
      process.stderr.write(`dossier: warning: no font has ${report.missingGlyphs.map((ch) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} ${ch}`).join(', ')}; printed as 〓\n`);
    }
    process.stdout.write(`${out}: ${report.pageCount} pages, ${report.exhibits.length} exhibits, ${report.bytes.length} bytes (${audience})\n`);
    return 0;
  } finally {
    process.off('SIGINT', stop);
  }
}

const needsOcr = (e: Evidence) => (e.mimeType.startsWith('image/') || e.mimeType === 'application/pdf') && e.ocr?.status !== 'done';

/** Recognises every image or PDF exhibit that has no text yet, in place. */
async function recogniseExhibits(c: Case, originals: ReadonlyMap<string, Uint8Array>, fileOf: (id: string) => string): Promise<void> {
  const todo = c.evidence.filter(needsOcr);
  if (todo.length === 0) return;
  const [{ ocrBytes }, { createNodeOcrEngine }, { ImageInputError }, { defaultOcrLang }] = await Promise.all([
    import('../../ocr/ocr-file'),
    import('../../ocr/tesseract-node'),
    import('../../../shared/evidence/image-header'),
    import('../../../shared/ocr/engine'),
  ]);
  const engine = createNodeOcrEngine();
  const showProgress = process.stderr.isTTY;
  try {
    for (const [i, e] of todo.entries()) {
      if (showProgress) process.stderr.write(`\rdossier: recognising text ${i + 1}/${todo.length}: ${e.fileName}\u001b[K`);
      const lang = e.ocrLang ?? defaultOcrLang(c.language);
      const bytes = originals.get(e.id);
      if (!bytes) continue;
      try {
        const result = await ocrBytes(bytes, engine, { lang });
        const ocr: OcrResult = {
          status: 'done',
          lang: result.lang,
          rawText: result.text,
          confidence: result.confidence,
          pages: result.pages.map((p) => ({
            page: p.page, width: p.width, height: p.height, text: p.text, confidence: p.confidence,
            source: p.source === 'pdf-text' ? 'embedded' : 'ocr',
            words: p.words.map((w) => ({ text: w.text, confidence: Math.max(0, Math.min(100, w.confidence)), box: w.box })),
          })),
        };
        e.ocr = ocr;
      } catch (error) {
        if (error instanceof ImageInputError) throw new CliError(error.message, fileOf(e.id));
        throw error;
      }
    }
  } finally {
    if (showProgress) process.stderr.write('\r\u001b[K');
    await engine.dispose();
  }
}

/** The case's deadlines as the regulator cut prints them (today, built-in holiday table). */
async function caseDeadlines(c: Case) {
  const [{ dossierDeadlines }, { defaultHolidayTable }, { localDay }] = await Promise.all([
    import('../../../shared/deadlines/for-dossier'),
    import('../../../shared/deadlines/holidays'),
    import('../../../shared/deadlines/calendar'),
  ]);
  return dossierDeadlines(c, { today: localDay(new Date()), holidays: defaultHolidayTable(c.jurisdiction) });
}

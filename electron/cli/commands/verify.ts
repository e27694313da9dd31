/**
 * `verify <out.pdf|archive>`: for a dossier PDF, checks its structure (pages, bookmarks, links, no
 * active content) and the fingerprints of the originals it embeds byte for byte, prints the report
 * as JSON and exits 0 when everything holds, 1 when a check fails. For a case archive, recomputes
 * every entry's SHA-256 and validates case.json, prints a short report and exits 0; the first bad
 * entry is one line on stderr with exit 2. Unreadable input is exit 2.
 */
import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from '../args';
import { CliError } from '../errors';

/** Runs the command; returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, {}, 'verify');
  const [input, ...extra] = args.positionals;
  if (!input) throw new CliError('verify: missing <out.pdf|archive>');
  if (extra.length > 0) throw new CliError(`verify: unexpected argument ${JSON.stringify(extra[0])}`);
  const { isArchivePath } = await import('../../dossier/load-case');
  if (isArchivePath(input)) return verifyArchive(input);
  const info = await stat(input).catch(() => undefined);
  if (!info) throw new CliError('no such file', input);
  if (info.isDirectory()) throw new CliError('is a folder, not a PDF', input);
  if (info.size === 0) throw new CliError('empty file', input);
  const bytes = await readFile(input).catch(() => {
    throw new CliError('cannot read the file', input);
  });
  if (!bytes.subarray(0, 1024).includes('%PDF-')) throw new CliError('not a PDF', input);
  const [{ verifyDossier }, { createHash }, { quietly }] = await Promise.all([import('../../../shared/dossier/verify'), import('node:crypto'), import('../../dossier/check-original')]);
  const report = await quietly(() => verifyDossier(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
    sha256: async (b) => createHash('sha256').update(b).digest('hex'),
  })).catch((e: unknown) => {
    const reason = e instanceof Error && /encrypt/i.test(e.message) ? 'the PDF is encrypted' : `the PDF cannot be read (${e instanceof Error ? e.message : String(e)})`;
    throw new CliError(reason, input);
  });
  // pdf-lib reads almost anything that starts with %PDF-; a file with no pages at all is not a dossier but junk.
  if (report.pageCount === 0) throw new CliError('broken PDF (no pages could be read)', input);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  if (!report.isOk) process.stderr.write(`dossier: ${input}: ${report.problems.join('; ')}\n`);
  return report.isOk ? 0 : 1;
}

/** Verifies a case archive: every hash recomputed, case.json validated, PDF originals scanned. */
async function verifyArchive(input: string): Promise<number> {
  const [{ readArchiveFile }, { scanPdfActiveContent }, { quietly }] = await Promise.all([
    import('../../dossier/load-case'),
    import('../../../shared/archive/active-content'),
    import('../../dossier/check-original'),
  ]);
  const archive = await readArchiveFile(input);
  const c = archive.case;
  const bytes = [...archive.originals.values()].reduce((s, b) => s + b.length, 0);
  const lines = [
    `${input}: case archive OK`,
    `  case: ${JSON.stringify(c.title)} (${c.jurisdiction}, schema ${c.schemaVersion}), ${c.evidence.length} exhibits, ${c.events.length} events, ${c.claims.length} claims`,
    `  entries: ${Object.keys(archive.checksums).length + 1}; SHA-256 of case.json and ${archive.originals.size} originals (${bytes} bytes) match checksums.json`,
  ];
  for (const ev of c.evidence) {
    const original = archive.originals.get(ev.sha256!)!;
    if (!new TextDecoder('latin1').decode(original.subarray(0, 1024)).includes('%PDF-')) continue;
    const scan = await quietly(() => scanPdfActiveContent(original)).catch(() => undefined);
    // Evidence is kept byte-identical, so active content is reported, not removed; nothing ever runs it.
    if (!scan) lines.push(`  warning: originals/${ev.sha256} (${ev.fileName}): PDF cannot be parsed for active content`);
    else if (scan.found.length > 0) lines.push(`  warning: originals/${ev.sha256} (${ev.fileName}): PDF with active content (${scan.found.join(', ')}); kept as evidence, never run`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

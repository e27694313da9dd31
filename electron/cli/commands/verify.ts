/**
 * `verify <out.pdf|archive>`: checks a dossier's structure (pages, bookmarks, links, no active
 * content) and the fingerprints of the originals it embeds byte for byte. Prints the report as JSON;
 * exit 0 when everything holds, 1 when a check fails, 2 for unreadable input.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from '../args';
import { CliError } from '../errors';

/** Runs the command; returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, {}, 'verify');
  const [input, ...extra] = args.positionals;
  if (!input) throw new CliError('verify: missing <out.pdf|archive>');
  if (extra.length > 0) throw new CliError(`verify: unexpected argument ${JSON.stringify(extra[0])}`);
  // TODO: verify case archives (originals against their hashes) once shared/archive exists.
  if (/\.(dossier|zip)$/i.test(input)) throw new CliError('case archives cannot be verified yet; pass a dossier PDF', input);
  const bytes = await readFile(input).catch(() => {
    throw new CliError('cannot read the file', input);
  });
  if (!bytes.subarray(0, 1024).includes('%PDF-')) throw new CliError('not a PDF', input);
  const [{ verifyDossier }, { createHash }] = await Promise.all([import('../../../shared/dossier/verify'), import('node:crypto')]);
  const report = await verifyDossier(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
    sha256: async (b) => createHash('sha256').update(b).digest('hex'),
  }).catch((e: unknown) => {
    const reason = e instanceof Error && /encrypt/i.test(e.message) ? 'the PDF is encrypted' : `the PDF cannot be read (${e instanceof Error ? e.message : String(e)})`;
    throw new CliError(reason, input);
  });
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  return report.isOk ? 0 : 1;
}

/**
 * `extract <text-file|-> [--lang zh-TW|zh-CN|en]`: prints the dates, amounts, phone numbers, IDs and
 * ticket numbers of a UTF-8 text as JSON (contract keys first, spans and confidence after them).
 */
import { readFile, stat } from 'node:fs/promises';
import { LanguageSchema, type Language } from '../../../shared/case/schema';
import { extractAll } from '../../../shared/extract/extract-all';
import { flagValue, parseArgs } from '../args';
import { CliError } from '../errors';

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

async function readInput(file: string): Promise<Uint8Array> {
  if (file === '-') return readStdin();
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? 'unknown error'})`, file);
  }
  if (info.isDirectory()) throw new CliError('is a directory, expected a text file', file);
  try {
    return await readFile(file);
  } catch (error) {
    throw new CliError(`cannot read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`, file);
  }
}

/** Decodes UTF-8 strictly: binary files (NUL bytes or invalid sequences) are bad input. */
function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes.includes(0)) throw new CliError('not a text file (binary content)', file);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new CliError('not a UTF-8 text file', file);
  }
}

/** Runs the command; prints one JSON object on stdout. */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { lang: { takesValue: true } }, 'extract');
  if (args.positionals.length !== 1) throw new CliError('extract: expected one <text-file|-> argument (see --help)');
  const file = args.positionals[0]!;
  const langFlag = flagValue(args, 'lang');
  let lang: Language | undefined;
  if (langFlag !== undefined) {
    const parsed = LanguageSchema.safeParse(langFlag);
    if (!parsed.success) throw new CliError(`extract: --lang must be zh-TW, zh-CN or en, not ${JSON.stringify(langFlag)}`);
    lang = parsed.data;
  }
  const text = decodeText(await readInput(file), file === '-' ? 'stdin' : file);
  const r = extractAll(text, lang ? { lang } : {});
  const out = {
    dates: r.dates.map(({ iso, raw, ...rest }) => ({ iso, raw, ...rest })),
    amounts: r.amounts.map(({ value, currency, raw, ...rest }) => ({ value, currency, raw, ...rest })),
    phones: r.phones.map(({ digits, raw, ...rest }) => ({ digits, raw, ...rest })),
    ids: r.ids.map(({ kind, value, raw, ...rest }) => ({ kind, value, raw, ...rest })),
    tickets: r.tickets.map(({ kind, value, raw, ...rest }) => ({ kind, value, raw, ...rest })),
  };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  return 0;
}

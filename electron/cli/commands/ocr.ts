/**
 * `ocr <image|pdf> [--lang chi_tra+eng] [--json]`: recognises a file offline and prints its text,
 * or with --json {text, confidence, lang, pages:[{page, width, height, text, confidence, words}]}.
 */
import { parseArgs, flagValue } from '../args';
import { CliError } from '../errors';
import { parseOcrLang } from '../../../shared/ocr/engine';

const USAGE = 'ocr <image|pdf> [--lang chi_tra+eng] [--json]';

/** Runs the command; bad arguments and unreadable input throw {@link CliError}. */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { lang: { takesValue: true, alias: 'l' }, json: { takesValue: false } }, 'ocr');
  const [file, ...extra] = args.positionals;
  if (!file) throw new CliError(`ocr: missing input file (usage: ${USAGE})`);
  if (extra.length) throw new CliError(`ocr: one input file at a time (got ${args.positionals.length})`);
  const lang = flagValue(args, 'lang') ?? 'chi_tra+eng';
  const parsed = parseOcrLang(lang);
  if (!parsed.ok) throw new CliError(`ocr: --lang: ${parsed.error}`);

  // Heavy modules load only now, after the arguments are known to be good. The engine goes
  // first: its worker starts loading the recogniser while the rest loads and the file is read.
  const [{ createNodeOcrEngine }, { mark }] = await Promise.all([import('../../ocr/tesseract-node'), import('../../ocr/profile')]);
  // DOSSIER_OCR_THREADS=1 keeps recognition on one core (e.g. on a machine shared with other work).
  const threads = Number(process.env.DOSSIER_OCR_THREADS);
  const engine = createNodeOcrEngine(Number.isInteger(threads) && threads > 0 ? { threads } : {});
  engine.prepare(parsed.langs.join('+'));
  const [{ ocrFile }, { ImageInputError }] = await Promise.all([import('../../ocr/ocr-file'), import('../../../shared/evidence/image-header')])
    .catch(async (e: unknown) => { await engine.dispose(); throw e; });
  mark('ocr modules loaded');
  try {
    const result = await ocrFile(file, engine, { lang: parsed.langs.join('+') });
    if (args.flags.has('json')) {
      const out = {
        text: result.text,
        confidence: result.confidence,
        lang: result.lang,
        pages: result.pages.map((p) => ({
          page: p.page,
          width: p.width,
          height: p.height,
          source: p.source,
          kind: p.kind,
          text: p.text,
          confidence: p.confidence,
          preprocessing: p.preprocessing.map((s) => s.name),
          words: p.words.map((w) => ({ text: w.text, confidence: Math.round(w.confidence * 10) / 10, box: w.box })),
        })),
      };
      process.stdout.write(`${JSON.stringify(out)}\n`);
    } else {
      process.stdout.write(result.text.endsWith('\n') ? result.text : `${result.text}\n`);
    }
    mark('output written');
    return 0;
  } catch (e) {
    if (e instanceof ImageInputError) throw new CliError(e.message, file);
    throw e;
  } finally {
    await engine.dispose();
    mark('engine disposed');
  }
}

/**
 * The CLI contract (stable: other tools call these exact commands). Each command's module is
 * imported only when that command runs, so start-up stays light.
 */
export interface CommandInfo {
  usage: string;
  summary: string;
  load: () => Promise<{ run: (argv: string[]) => Promise<number> }>;
}

export const COMMANDS: Record<string, CommandInfo> = {
  ocr: {
    usage: 'ocr <image|pdf> [--lang chi_tra+eng] [--json]',
    summary: 'recognise the text of an image or PDF offline (with --json: text, confidence, words with boxes)',
    load: () => import('./commands/ocr'),
  },
  extract: {
    usage: 'extract <text-file|-> [--lang zh-TW|zh-CN|en]',
    summary: 'print the dates, amounts, phone, ID and ticket numbers found in a text as JSON',
    load: () => import('./commands/extract'),
  },
  build: {
    usage: 'build <case-folder|case.json|archive> -o <out.pdf> [--audience company|regulator] [--no-ocr]',
    summary: 'build the PDF dossier of a case',
    load: () => import('./commands/build'),
  },
  verify: {
    usage: 'verify <out.pdf|archive>',
    summary: "check a dossier's structure and hashes, or an archive's originals against their hashes",
    load: () => import('./commands/verify'),
  },
};

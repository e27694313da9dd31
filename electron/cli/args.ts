import { CliError } from './errors';

/** Parsed command-line options of one command: positionals and `--flag value` / `--flag` pairs. */
export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

/** Describes the flags one command accepts; `true` flags take no value. */
export type FlagSpec = Record<string, { takesValue: boolean; alias?: string }>;

/**
 * Parses argv strictly: unknown flags, missing values and repeated flags are usage errors.
 * `-` alone is a positional (standard input).
 */
export function parseArgs(argv: readonly string[], spec: FlagSpec, command: string): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  const byAlias = new Map<string, string>();
  for (const [name, s] of Object.entries(spec)) if (s.alias) byAlias.set(s.alias, name);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') { positionals.push(...argv.slice(i + 1)); break; }
    if (arg.startsWith('-') && arg !== '-') {
      const eq = arg.indexOf('=');
      const written = eq < 0 ? arg : arg.slice(0, eq);
      const inline = eq < 0 ? undefined : arg.slice(eq + 1);
      const key = written.startsWith('--') ? written.slice(2) : byAlias.get(written.slice(1)) ?? `-${written.slice(1)}`;
      const s = spec[key];
      if (!s) throw new CliError(`${command}: unknown option ${arg.split('=')[0]} (see --help)`);
      if (flags.has(key)) throw new CliError(`${command}: option --${key} given twice`);
      if (s.takesValue) {
        const value = inline ?? argv[++i];
        if (value === undefined || value === '') throw new CliError(`${command}: option --${key} needs a value`);
        flags.set(key, value);
      } else {
        if (inline !== undefined) throw new CliError(`${command}: option --${key} takes no value`);
        flags.set(key, true);
      }
    } else {
      positionals.push(arg);
    }
  }
  return { positionals, flags };
}

/** The value of a flag that takes one, or undefined. */
export function flagValue(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

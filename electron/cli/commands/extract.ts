import { CliError } from '../errors';

/** `extract` is declared in the CLI contract; its implementation arrives with its feature. */
export async function run(_argv: string[]): Promise<number> {
  throw new CliError('extract: not available in this build yet');
}

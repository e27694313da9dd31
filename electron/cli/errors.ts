/**
 * Errors the CLI reports as one line on stderr with exit code 2: bad arguments, unreadable or
 * invalid input. Anything else is a bug and is reported as such (exit 1).
 */
export class CliError extends Error {
  override name = 'CliError';
  /** @param file the input the problem is about, named first in the message when given. */
  constructor(message: string, readonly file?: string) {
    super(message);
  }
  /** The single line printed on stderr. */
  line(): string {
    return this.file ? `dossier: ${this.file}: ${this.message}` : `dossier: ${this.message}`;
  }
}

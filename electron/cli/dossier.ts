/**
 * Headless entry: `npm run -s dossier -- <command> …`. Runs the same pipeline as the app under
 * plain Node. Exit codes: 0 success, 1 failure of the work itself, 2 bad arguments or bad input.
 */
import { COMMANDS } from './commands';
import { CliError } from './errors';

function help(): string {
  const width = Math.max(...Object.values(COMMANDS).map((c) => c.usage.length));
  return [
    'Usage: npm run -s dossier -- <command> [options]',
    '',
    'Commands:',
    ...Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
    'Exit codes: 0 done, 1 failed, 2 bad arguments or bad input (one line on stderr).',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    process.stderr.write('dossier: missing command (see --help)\n');
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${help()}\n`);
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) throw new CliError(`unknown command ${JSON.stringify(name)} (commands: ${Object.keys(COMMANDS).join(', ')})`);
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`Usage: npm run -s dossier -- ${command.usage}\n  ${command.summary}\n`);
    return 0;
  }
  const mod = await command.load();
  return mod.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    if (error instanceof CliError) {
      process.stderr.write(`${error.line()}\n`);
      process.exitCode = 2;
    } else {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`dossier: internal error: ${message}\n`);
      if (process.env.DOSSIER_DEBUG) console.error(error);
      process.exitCode = 1;
    }
  },
);

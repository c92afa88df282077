/**
 * The command-line interface: `npm run cli -- <command> [options]`.
 * Results go to stdout, progress and messages to stderr. A user's mistake is one line on stderr and
 * exit code 2; anything else is "something went wrong (id ...)" with the details in a log file,
 * never a stack trace in the normal output.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { explainCommand } from './cli/explain.js';
import { EXIT, UsageError, type CliCommand, type CliIO } from './cli/command.js';
import { predictCommand } from './cli/predict.js';
import { trainCommand } from './cli/train.js';
import { isUserError } from './errors.js';
import { createLogger, errorId } from './logger.js';
import { resolveLocale, t } from './locales/index.js';

export const COMMANDS: readonly CliCommand[] = [trainCommand, predictCommand, explainCommand];

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: npm run cli -- <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Add --help after a command for its options, e.g. npm run cli -- train --help',
  ].join('\n');
}

/** Runs the CLI with `argv` (without node and the script); resolves to the exit code. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout.write(usage() + '\n');
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(t(io.locale, 'cli.unknownCommand', { command: name, commands: COMMANDS.map((c) => c.name).join(', ') }) + '\n');
    return EXIT.usage;
  }
  // Every command takes --help (or -h): its usage, options and examples.
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(command.help + '\n');
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\n(npm run cli -- ${command.name} --help lists the options)\n`);
      return EXIT.usage;
    }
    if (isUserError(error)) {
      io.stderr.write(error.localized(io.locale) + '\n');
      return EXIT.usage;
    }
    const id = errorId();
    const logFile = join(tmpdir(), 'backprop-bot', 'cli.log');
    createLogger('cli', { destination: logFile, level: 'error' }).error({ err: error, id, argv }, 'cli command failed');
    io.stderr.write(t(io.locale, 'error.internal', { id }) + ` (${logFile})\n`);
    return EXIT.failed;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const io: CliIO = { stdout: process.stdout, stderr: process.stderr, env: process.env, locale: resolveLocale(process.env.LANG?.replace('_', '-')) };
  process.exitCode = await main(process.argv.slice(2), io);
}

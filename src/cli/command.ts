import { parseArgs, type ParseArgsConfig } from 'node:util';
import { z } from 'zod';
import type { Locale } from '../locales/index.js';
import { invalidOptionMessage } from '../training/request.js';

/** Where a command writes: stdout for results, stderr for progress and messages. */
export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: Readonly<Record<string, string | undefined>>;
  locale: Locale;
}

/** One CLI command: `npm run cli -- <name> [options]`. */
export interface CliCommand {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The full help text (usage, options with their allowed values and defaults, an example). */
  help: string;
  /** Runs the command; resolves to the process exit code. */
  run(argv: string[], io: CliIO): Promise<number>;
}

/** Exit codes: 0 done, 1 a run that could not finish (e.g. diverged), 2 bad usage or input. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/**
 * A usage error: a bad option value, an unknown option. Printed as one line, exit code 2.
 * (Errors about the data or a model file are UserErrors from the core, also exit code 2.)
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * Parses argv with node:util parseArgs, turning its errors (unknown option, missing value) into a
 * UsageError that names the option and lists the known ones.
 */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (error) {
    const known = Object.keys(options)
      .map((name) => `--${name}`)
      .join(', ');
    const message = (error as Error).message.split('\n')[0].replace(/\. To specify a positional argument.*$/, '');
    throw new UsageError(`${message}. Options: ${known}.`);
  }
}

/**
 * Validates parsed option values with a zod schema; the first problem becomes a UsageError such as
 * `Invalid value for --epochs: a whole number from 1 to 100,000 (got "abc")`.
 * `flagOf` maps a schema field to its flag name (e.g. learningRate -> --lr).
 */
export function validateOptions<S extends z.ZodType>(
  schema: S,
  values: Record<string, unknown>,
  flagOf: (field: string) => string = (f) => f,
  locale: Locale = 'en',
): z.output<S> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return parsed.data;
  throw new UsageError(invalidOptionMessage(parsed.error, values, (field) => `--${flagOf(field)}`, locale));
}

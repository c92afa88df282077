import { randomUUID } from 'node:crypto';
import { pino, type Logger } from 'pino';

/**
 * Structured logs (pino, JSON lines). Secrets never appear: the paths that could hold a token are
 * redacted, and the code never logs the config object whole.
 */
const REDACT = ['token', '*.token', '*.*.token', 'DISCORD_TOKEN', '*.DISCORD_TOKEN', 'authorization', '*.authorization', 'headers.authorization'];

export function createLogger(name: string, options: { level?: string; destination?: string | number } = {}): Logger {
  const destination = pino.destination({ dest: options.destination ?? 2, sync: true, mkdir: true });
  return pino({ name, level: options.level ?? process.env.LOG_LEVEL ?? 'info', redact: { paths: REDACT, censor: '[redacted]' } }, destination);
}

/** A short id to quote to the user ("something went wrong (id ...)") and to find in the logs. */
export function errorId(): string {
  return randomUUID().slice(0, 8);
}

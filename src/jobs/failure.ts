import { isUserError } from '../errors.js';
import { failureSchema, type Failure } from './schemas.js';

/**
 * A failure as the job's failure reason: JSON, so that the bot can parse it back and show it in the
 * user's language (BullMQ keeps only the error's message across the sandbox and in Redis).
 * @example encodeFailure({ kind: 'timeout', limitMs: 600000 }) // '{"kind":"timeout","limitMs":600000}'
 */
export function encodeFailure(failure: Failure): string {
  return JSON.stringify(failure);
}

/**
 * The failure behind a job's failedReason. Reasons that are not ours (a crashed process: "Unexpected
 * exit code: null signal: SIGKILL"; a stalled job) come back as `internal` with the raw message.
 * @example parseFailure('{"kind":"user","key":"data.csv.empty","values":{}}') // { kind: 'user', key: 'data.csv.empty', values: {} }
 * @example parseFailure('job stalled more than allowable limit') // { kind: 'internal', message: 'job stalled more than allowable limit' }
 */
export function parseFailure(reason: string | null | undefined): Failure {
  const message = reason ?? '';
  if (message.startsWith('{')) {
    try {
      const parsed = failureSchema.safeParse(JSON.parse(message));
      if (parsed.success) return parsed.data;
    } catch {
      // not JSON after all: fall through
    }
  }
  return { kind: 'internal', message };
}

/** A UserError as a failure; anything else is internal (its message goes to the logs, not to users). */
export function failureOf(error: unknown): Failure {
  if (isUserError(error)) return { kind: 'user', key: error.key, values: { ...error.values } };
  return { kind: 'internal', message: error instanceof Error ? error.message : String(error) };
}

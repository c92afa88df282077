import { UserError } from '../errors.js';

/** Longest wait for Redis before a command answers "the queue is not reachable". */
export const QUEUE_CALL_TIMEOUT_MS = 5_000;

/**
 * Runs a call that needs Redis (the queue or the model store) so that an outage answers within
 * seconds, in the user's language, instead of leaving "thinking..." forever: a connection error or
 * no answer within `timeoutMs` becomes UserError 'bot.redisDown'. Other errors (a UserError such as
 * a quota, or a bug) pass through unchanged.
 * @example const jobs = await queueCall(ctx.queue.jobsOf(userId));
 */
export function queueCall<T>(promise: Promise<T>, timeoutMs = QUEUE_CALL_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new UserError('bot.redisDown')), timeoutMs);
    timer.unref();
  });
  const call = promise.catch((error: unknown) => {
    throw isConnectionError(error) ? new UserError('bot.redisDown') : error;
  });
  return Promise.race([call, timeout]).finally(() => clearTimeout(timer));
}

/** ioredis' ways of saying "Redis is not there": refused or reset connections, retries given up, a closed client. */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error) || error instanceof UserError) return false;
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH'].includes(code) ||
    error.name === 'MaxRetriesPerRequestError' ||
    /connection is closed|reached the max retries|stream isn't writeable|connect E/i.test(error.message)
  );
}

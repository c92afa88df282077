import { QueueEvents } from 'bullmq';
import type { Config } from '../config.js';
import { createLogger } from '../logger.js';
import { parseFailure } from './failure.js';
import { TRAINING_QUEUE } from './names.js';
import { durableOptions } from './redis.js';
import { trainingProgressSchema, trainingResultSchema, type Failure, type TrainingProgress, type TrainingResult } from './schemas.js';

/**
 * The bot's ears on the queue (BullMQ QueueEvents, a Redis stream): progress, completion and final
 * failure of every training job, parsed with the zod schemas. Events arrive in any bot process,
 * whoever queued the job, so a restarted bot picks up where the old one left off (the reply target
 * is in the job's payload). Failures of attempts that will be retried are not reported: 'failed'
 * here means final.
 */
export function createTrainingEvents(config: Config) {
  const log = createLogger('events', { level: config.LOG_LEVEL });
  const events = new QueueEvents(TRAINING_QUEUE, { connection: durableOptions(config.REDIS_URL), prefix: config.QUEUE_PREFIX });
  events.on('error', (error) => log.warn({ err: error.message }, 'queue events: Redis error (reconnecting)'));
  const off: (() => void)[] = [];
  let waiting: Map<string, { resolve: (result: TrainingResult) => void; reject: (error: Error) => void }[]> | undefined;

  const api = {
    events,
    /** Resolves once listening (events before this moment are not replayed). */
    ready: () => events.waitUntilReady(),

    onProgress(handler: (jobId: string, progress: TrainingProgress) => void): () => void {
      const listener = ({ jobId, data }: { jobId: string; data: unknown }) => {
        const parsed = trainingProgressSchema.safeParse(data);
        if (parsed.success) handler(jobId, parsed.data);
        else log.warn({ jobId }, 'ignored a progress event that does not match the schema');
      };
      events.on('progress', listener);
      const remove = () => void events.off('progress', listener);
      off.push(remove);
      return remove;
    },

    onCompleted(handler: (jobId: string, result: TrainingResult) => void): () => void {
      const listener = ({ jobId, returnvalue }: { jobId: string; returnvalue: unknown }) => {
        const parsed = trainingResultSchema.safeParse(returnvalue);
        if (parsed.success) handler(jobId, parsed.data);
        else log.error({ jobId }, 'a completed job returned something that is not a training result');
      };
      events.on('completed', listener);
      const remove = () => void events.off('completed', listener);
      off.push(remove);
      return remove;
    },

    /** Final failures: a UserError, a cancel, a timeout, or an internal error after the last attempt. */
    onFailed(handler: (jobId: string, failure: Failure) => void): () => void {
      const listener = ({ jobId, failedReason }: { jobId: string; failedReason: string }) => handler(jobId, parseFailure(failedReason));
      events.on('failed', listener);
      const remove = () => void events.off('failed', listener);
      off.push(remove);
      return remove;
    },

    /** Jobs taken out of the queue before they ran (a cancel while queued, or the dashboard). */
    onRemoved(handler: (jobId: string) => void): () => void {
      const listener = ({ jobId }: { jobId: string }) => handler(jobId);
      events.on('removed', listener);
      const remove = () => void events.off('removed', listener);
      off.push(remove);
      return remove;
    },

    /**
     * Resolves with the job's result, or rejects with its parsed failure (as an Error whose `failure`
     * is set). Register before the job can finish (events are delivered from the moment `ready()`
     * resolved, and are not replayed). Any number of waits share one pair of listeners.
     */
    waitFor(jobId: string): Promise<TrainingResult> {
      if (!waiting) {
        waiting = new Map();
        const table = waiting;
        api.onCompleted((id, result) => {
          for (const waiter of table.get(id) ?? []) waiter.resolve(result);
          table.delete(id);
        });
        api.onFailed((id, failure) => {
          for (const waiter of table.get(id) ?? []) waiter.reject(Object.assign(new Error(`job ${id} failed: ${JSON.stringify(failure)}`), { failure }));
          table.delete(id);
        });
      }
      const table = waiting;
      return new Promise((resolve, reject) => {
        const list = table.get(jobId) ?? [];
        list.push({ resolve, reject });
        table.set(jobId, list);
      });
    },

    async close(): Promise<void> {
      for (const remove of off.splice(0)) remove();
      waiting = undefined;
      await events.close();
    },
  };
  return api;
}
export type TrainingEvents = ReturnType<typeof createTrainingEvents>;

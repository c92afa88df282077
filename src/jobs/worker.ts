import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'bullmq';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Config } from '../config.js';
import { createLogger } from '../logger.js';
import { ABORT, TRAINING_QUEUE, cancelChannel } from './names.js';
import { startLessonWorker } from './lessons.js';
import { createRedis, durableOptions } from './redis.js';
import type { TrainingPayload, TrainingResult } from './schemas.js';

/**
 * A training worker: a BullMQ Worker whose processor runs in child processes.
 *
 * Why child processes rather than worker threads: a training that exhausts memory or hangs in
 * native code takes down only its own process (BullMQ fails the attempt and retries it), a killed
 * child frees all of its memory, and BullMQ forks children with the parent's execArgv, so under tsx
 * the TypeScript processor loads with no build step. The children are pooled, so the fork (about a
 * second with tsx) happens once per concurrency slot, not per job. `processor-entry.mjs` registers
 * tsx itself when the parent was started without it (vitest, plain node), so the same path works
 * under `npm run worker`, in tests, and would work in worker-thread mode too.
 */
export const PROCESSOR_PATH = fileURLToPath(new URL('./processor-entry.mjs', import.meta.url));

const cancelMessageSchema = z.object({ jobId: z.string(), by: z.string() });

export interface TrainingWorker {
  worker: Worker<TrainingPayload, TrainingResult>;
  /** Resolves once connected to Redis and listening for cancels. */
  ready: Promise<void>;
  /**
   * Graceful stop: take no new jobs, let running ones finish for SHUTDOWN_GRACE_MS, then hand them
   * back to the queue (they go to another worker without using up an attempt), and close connections.
   */
  shutdown(): Promise<void>;
}

export interface StartWorkerOptions {
  logger?: Logger;
  /** Stop gracefully on SIGTERM / SIGINT, then exit (the `npm run worker` entry wants this). */
  handleSignals?: boolean;
}

/** The config as environment variables, so the processor children read exactly the parent's settings. */
function configEnv(config: Config): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(config)) if (value !== undefined) env[name] = String(value);
  return env;
}

/** Starts a worker on the training queue. */
export function startWorker(config: Config, options: StartWorkerOptions = {}): TrainingWorker {
  const log = options.logger ?? createLogger('worker', { level: config.LOG_LEVEL });
  const worker = new Worker<TrainingPayload, TrainingResult>(TRAINING_QUEUE, PROCESSOR_PATH, {
    connection: durableOptions(config.REDIS_URL),
    prefix: config.QUEUE_PREFIX,
    name: `${hostname()}:${process.pid}`,
    concurrency: config.WORKER_CONCURRENCY,
    // A killed worker's job goes back to the queue after about lockDuration + stalledInterval, and
    // a job that stalls twice fails (maxStalledCount 1) instead of crashing worker after worker.
    lockDuration: config.JOB_LOCK_MS,
    stalledInterval: config.JOB_STALLED_INTERVAL_MS,
    maxStalledCount: 1,
    removeOnComplete: { age: config.KEEP_COMPLETED_HOURS * 3600, count: config.KEEP_COMPLETED_JOBS },
    removeOnFail: { age: config.KEEP_FAILED_HOURS * 3600, count: config.KEEP_FAILED_JOBS },
    useWorkerThreads: false,
    workerForkOptions: { env: { ...process.env, ...configEnv(config) } },
  });

  worker.on('active', (job) => log.info({ jobId: job.id, attempt: job.attemptsMade + 1 }, 'job started'));
  worker.on('completed', (job) => log.info({ jobId: job.id, ms: job.finishedOn && job.processedOn ? job.finishedOn - job.processedOn : undefined }, 'job completed'));
  worker.on('failed', (job, error) => log.warn({ jobId: job?.id, attempt: job?.attemptsMade, reason: error.message }, 'job attempt failed'));
  worker.on('stalled', (jobId) => log.warn({ jobId }, 'job stalled (its worker stopped renewing the lock); back in the queue'));
  worker.on('error', (error) => log.error({ err: error }, 'worker error'));

  // Cancels arrive on a pub/sub channel: only the process holding a job can abort it, and the bot
  // does not know which one that is, so every worker hears every cancel and the holder acts.
  const subscriber = createRedis(config.REDIS_URL, { connectionName: 'backprop-worker-cancel' });
  subscriber.on('message', (_channel: string, message: string) => {
    const parsed = cancelMessageSchema.safeParse(safeJson(message));
    if (!parsed.success) return log.warn('ignored a malformed cancel message');
    if (worker.cancelJob(parsed.data.jobId, ABORT.cancel(parsed.data.by))) log.info({ jobId: parsed.data.jobId }, 'cancelling job');
  });
  subscriber.on('error', (error) => log.warn({ err: error.message }, 'cancel listener: Redis error (reconnecting)'));
  // The same worker also builds lessons for /explain and /demo (see lessons.ts).
  const lessonRedis = createRedis(config.REDIS_URL, { connectionName: 'backprop-worker-lessons' });
  lessonRedis.on('error', (error) => log.warn({ err: error.message }, 'lesson cache: Redis error (reconnecting)'));
  const lessonWorker = startLessonWorker(config, lessonRedis, log);
  const ready = Promise.all([worker.waitUntilReady(), lessonWorker.waitUntilReady(), subscriber.subscribe(cancelChannel(config.QUEUE_PREFIX))]).then(() => {
    log.info({ queue: TRAINING_QUEUE, prefix: config.QUEUE_PREFIX, concurrency: config.WORKER_CONCURRENCY }, 'worker ready');
  });

  let closing: Promise<void> | undefined;
  const shutdown = () =>
    (closing ??= (async () => {
      log.info({ graceMs: config.SHUTDOWN_GRACE_MS }, 'shutting down: taking no new jobs, letting running ones finish');
      const grace = setTimeout(() => {
        log.warn('grace period over: handing running jobs back to the queue');
        worker.cancelAllJobs(ABORT.shutdown);
      }, config.SHUTDOWN_GRACE_MS);
      // If a child ignores the cancel (stuck in native code), stop waiting: the stalled-job check
      // of another worker recovers its job.
      const force = setTimeout(() => {
        log.error('jobs did not stop after the grace period: closing anyway');
        void worker.close(true);
      }, config.SHUTDOWN_GRACE_MS + 10_000);
      try {
        await Promise.all([worker.close(), lessonWorker.close()]);
      } finally {
        clearTimeout(grace);
        clearTimeout(force);
        subscriber.disconnect();
        lessonRedis.disconnect();
      }
      log.info('worker stopped');
    })());

  if (options.handleSignals) {
    const onSignal = (signal: NodeJS.Signals) => {
      log.info({ signal }, 'signal received');
      shutdown().then(
        () => process.exit(0),
        (error: unknown) => {
          log.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  }
  return { worker, ready, shutdown };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

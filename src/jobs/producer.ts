import { randomBytes } from 'node:crypto';
import { Queue, type JobState } from 'bullmq';
import type { Redis } from 'ioredis';
import { csvLimits, type Config } from '../config.js';
import { createLogger } from '../logger.js';
import { loadRequestTable } from '../training/run.js';
import { TRAINING_QUEUE, TRAIN_JOB, cancelChannel, keysOf } from './names.js';
import { checkBudget, confirmSlot, estimateWork, liveJobs, releaseSlot, reserveSlot, slotKeys, type WorkEstimate } from './quotas.js';
import { createRedis, redisOptions } from './redis.js';
import { trainingPayloadSchema, trainingProgressSchema, type TrainingPayload, type TrainingPayloadInput, type TrainingProgress, type TrainingResult } from './schemas.js';
import { createModelStore, type ModelStore } from './store.js';

/**
 * The bot's side of the queue: quota checks, then `queue.add`; cancel; a user's jobs. Training never
 * happens here; only the dataset is loaded (cheap, and it validates an upload before it waits in
 * the queue) to price the job against the work budget.
 */

export interface EnqueueResult {
  jobId: string;
  /** Place among waiting jobs: 1 = next to start. */
  position: number;
  estimate: WorkEstimate;
}

/** Who asks to cancel. `canManageGuild`: the member has Manage Server; with `guildId` it is checked against the job's guild. */
export interface CancelActor {
  byUserId: string;
  canManageGuild?: boolean;
  guildId?: string;
}

export type CancelOutcome =
  /** No such job (never existed, or finished long enough ago to be forgotten). */
  | { outcome: 'not-found' }
  | { outcome: 'forbidden' }
  | { outcome: 'finished'; state: 'completed' | 'failed' }
  /** It was still queued and is gone: it will never run (no 'failed' event follows). */
  | { outcome: 'removed' }
  /** It is running: the worker holding it stops within about a second; a 'failed' event with kind 'cancelled' follows. */
  | { outcome: 'stopping' };

export interface JobInfo {
  jobId: string;
  state: JobState | 'unknown';
  /** While waiting: 1 = next. */
  position?: number;
  progress?: TrainingProgress;
  dataset: string;
  requestedAt: number;
  attemptsMade: number;
}

/** Short, unique, sortable by time, and fine in a Discord button's custom id. */
export function newJobId(): string {
  return `${Date.now().toString(36)}-${randomBytes(5).toString('hex')}`;
}

export function createTrainingQueue(config: Config) {
  const log = createLogger('producer', { level: config.LOG_LEVEL });
  // Queue commands fail after a few retries instead of waiting forever: a /train during a Redis
  // outage should answer "try again" rather than hang past Discord's deadline.
  const queue = new Queue<TrainingPayload, TrainingResult>(TRAINING_QUEUE, {
    connection: { ...redisOptions(config.REDIS_URL), maxRetriesPerRequest: 3 },
    prefix: config.QUEUE_PREFIX,
    defaultJobOptions: {
      attempts: config.JOB_ATTEMPTS,
      backoff: { type: 'exponential', delay: config.JOB_BACKOFF_MS },
      removeOnComplete: { age: config.KEEP_COMPLETED_HOURS * 3600, count: config.KEEP_COMPLETED_JOBS },
      removeOnFail: { age: config.KEEP_FAILED_HOURS * 3600, count: config.KEEP_FAILED_JOBS },
    },
  });
  queue.on('error', (error) => log.warn({ err: error.message }, 'queue: Redis error'));
  const redis: Redis = createRedis(config.REDIS_URL, { maxRetriesPerRequest: 3, connectionName: 'backprop-producer' });
  redis.on('error', (error) => log.warn({ err: error.message }, 'producer: Redis error'));
  const keys = keysOf(config.QUEUE_PREFIX);
  const store: ModelStore = createModelStore(redis, {
    prefix: config.QUEUE_PREFIX,
    ttlDays: config.MODEL_TTL_DAYS,
    maxValueBytes: config.STORE_MAX_VALUE_BYTES,
    uploadTtlHours: config.UPLOAD_TTL_HOURS,
  });
  const slotLimits = {
    perUser: config.MAX_JOBS_PER_USER,
    perGuild: config.MAX_JOBS_PER_GUILD,
    queueLength: config.MAX_QUEUE_LENGTH,
    // A reservation set outlives any job it can hold: every attempt at its time limit, plus a day.
    ttlSeconds: Math.ceil((config.JOB_ATTEMPTS * config.JOB_TIMEOUT_MS) / 1000) + 86_400,
  };

  /** 1-based place in the wait list (BullMQ pushes on the left and workers take from the right); 0 when not waiting. */
  async function positionOf(jobId: string): Promise<number> {
    const index = await redis.lpos(queue.keys.wait, jobId);
    if (index === null) return 0;
    return (await redis.llen(queue.keys.wait)) - index;
  }

  return {
    queue,
    store,
    /** Our own Redis client (the store, quotas, cancel messages). */
    redis,

    /**
     * Keeps an uploaded CSV in Redis for a job to read (pass the key as `upload.key`).
     * @throws UserError 'jobs.upload.tooLarge'
     */
    storeUpload: (bytes: Uint8Array) => store.putUpload(bytes),

    /**
     * Checks the quotas and queues a training job.
     * @throws UserError: the dataset's own errors (unknown name, bad CSV), 'jobs.quota.budget',
     *   'jobs.quota.queue', 'jobs.quota.user', 'jobs.quota.guild', 'jobs.upload.missing'
     */
    async enqueueTraining(input: TrainingPayloadInput): Promise<EnqueueResult> {
      const payload = trainingPayloadSchema.parse(input);
      const bytes = payload.upload ? await store.getUpload(payload.upload.key) : undefined;
      const table = await loadRequestTable(payload.request, { env: process.env, bytes, limits: csvLimits(config) });
      const estimate = estimateWork(payload.request, table);
      checkBudget(estimate, config.JOB_WORK_BUDGET);

      const jobId = newJobId();
      const owner = { userId: payload.requester.userId, guildId: payload.requester.guildId };
      await reserveSlot(redis, queue, keys, { jobId, ...owner }, slotLimits);
      try {
        await queue.add(TRAIN_JOB, payload, { jobId });
      } catch (error) {
        await releaseSlot(redis, slotKeys(keys, owner), jobId);
        throw error;
      }
      await confirmSlot(redis, slotKeys(keys, owner), jobId);
      const position = await positionOf(jobId);
      log.info({ jobId, userId: owner.userId, guildId: owner.guildId, dataset: payload.request.dataset, work: estimate.work, position }, 'job queued');
      return { jobId, position, estimate };
    },

    /** Cancels a queued or running job, if `actor` started it or manages its guild. */
    async cancelJob(jobId: string, actor: CancelActor): Promise<CancelOutcome> {
      const job = await queue.getJob(jobId);
      if (!job) return { outcome: 'not-found' };
      const owner = job.data.requester;
      const manages = actor.canManageGuild === true && owner.guildId !== undefined && (actor.guildId === undefined || actor.guildId === owner.guildId);
      if (owner.userId !== actor.byUserId && !manages) return { outcome: 'forbidden' };
      const state = await job.getState();
      if (state === 'completed' || state === 'failed') return { outcome: 'finished', state };

      // The marker first: a worker that takes the job after this point sees it when it starts,
      // and one that already holds it hears the message below.
      await redis.set(keys.cancelled(jobId), actor.byUserId, 'EX', 86_400);
      if (state !== 'active') {
        try {
          await job.remove();
          await releaseSlot(redis, slotKeys(keys, owner), jobId);
          log.info({ jobId, by: actor.byUserId }, 'queued job cancelled');
          return { outcome: 'removed' };
        } catch {
          // A worker took it in the meantime (it is locked): stop it like a running one.
        }
      }
      await redis.publish(cancelChannel(config.QUEUE_PREFIX), JSON.stringify({ jobId, by: actor.byUserId }));
      log.info({ jobId, by: actor.byUserId }, 'running job: cancel sent');
      return { outcome: 'stopping' };
    },

    /** The user's queued and running jobs, oldest first. */
    async jobsOf(userId: string): Promise<JobInfo[]> {
      const ids = await liveJobs(redis, queue, keys.userJobs(userId));
      const infos: JobInfo[] = [];
      for (const jobId of ids) {
        const job = await queue.getJob(jobId);
        if (!job) continue;
        const state = await job.getState();
        const progress = trainingProgressSchema.safeParse(job.progress);
        infos.push({
          jobId,
          state,
          ...(state === 'waiting' ? { position: await positionOf(jobId) } : {}),
          ...(progress.success ? { progress: progress.data } : {}),
          dataset: job.data.request.dataset,
          requestedAt: job.data.requestedAt,
          attemptsMade: job.attemptsMade,
        });
      }
      return infos.sort((a, b) => a.requestedAt - b.requestedAt);
    },

    positionOf,

    async close(): Promise<void> {
      await queue.close();
      redis.disconnect();
    },
  };
}
export type TrainingQueue = ReturnType<typeof createTrainingQueue>;

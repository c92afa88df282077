/**
 * Names shared by the bot (producer), the workers and the dashboard. Every key lives under the
 * configured prefix (QUEUE_PREFIX), so several deployments, or the tests, can share one Redis.
 */

/** The one BullMQ queue for training jobs. */
export const TRAINING_QUEUE = 'training';
/** The queue of lessons to build (the bot asks, a worker builds into the cache: see lessons.ts). */
export const LESSON_QUEUE = 'lessons';
/** The BullMQ job name (a queue could hold other kinds later; the dashboard shows it). */
export const TRAIN_JOB = 'train';

/**
 * Reasons an AbortSignal carries into the processor: a user's cancel (from the pub/sub channel via
 * `worker.cancelJob(id, reason)`), the time limit, and a worker's graceful shutdown.
 */
export const ABORT = {
  cancel: (byUserId: string) => `cancel:${byUserId}`,
  timeout: 'timeout',
  shutdown: 'shutdown',
} as const;

/** Pub/sub channel on which the bot asks whichever worker holds a job to stop it. */
export function cancelChannel(prefix: string): string {
  return `${prefix}:${TRAINING_QUEUE}:cancel`;
}

/** Keys of our own data beside BullMQ's (which are `${prefix}:${TRAINING_QUEUE}:*`). */
export function keysOf(prefix: string) {
  return {
    /** Marker that a job was cancelled (read by the processor when it starts, to close the race with a queued cancel). */
    cancelled: (jobId: string) => `${prefix}:cancelled:${jobId}`,
    /** Job ids a user or guild has queued or running (the quota counters). */
    userJobs: (userId: string) => `${prefix}:jobs:user:${userId}`,
    guildJobs: (guildId: string) => `${prefix}:jobs:guild:${guildId}`,
    /** An uploaded CSV waiting for its job. */
    upload: (key: string) => `${prefix}:upload:${key}`,
    /** One hash per trained model: meta, model, history and one field per picture. */
    model: (modelId: string) => `${prefix}:model:${modelId}`,
    /** Sorted sets of model ids by creation time. */
    userModels: (userId: string) => `${prefix}:models:user:${userId}`,
    guildModels: (guildId: string) => `${prefix}:models:guild:${guildId}`,
    /** Sorted set of model ids by test AUC, per guild and built-in dataset. */
    leaderboard: (guildId: string, dataset: string) => `${prefix}:leaderboard:${guildId}:${dataset}`,
  };
}
export type Keys = ReturnType<typeof keysOf>;

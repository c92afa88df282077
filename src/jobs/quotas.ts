import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { TabularDataset } from '../data/index.js';
import { UserError } from '../errors.js';
import { recipeFor } from '../training/run.js';
import type { TrainRequest } from '../training/request.js';
import type { Keys } from './names.js';

/**
 * Quotas, checked before a job is queued: a work budget per job (pure arithmetic below), and counts
 * of live jobs per user, per guild and in the whole queue (Redis, further down).
 */

/** What a training will cost, in the unit of the budget: parameters x rows x epochs x runs. */
export interface WorkEstimate {
  parameters: number;
  rows: number;
  epochs: number;
  /** 1, or folds + 1 with cross-validation (each fold trains, then the final fit). */
  runs: number;
  work: number;
}

/**
 * Network inputs after preprocessing: one per numeric column, one per category of a text column
 * (one-hot). An upper bound is fine here: the budget is an order-of-magnitude guard.
 */
export function encodedWidth(table: TabularDataset): number {
  let width = 0;
  for (const column of table.columns) {
    if (column.kind === 'numeric') width += 1;
    else width += Math.max(1, new Set(column.values.filter((v) => v !== null)).size);
  }
  return width;
}

/**
 * The cost of a request on a loaded table: the recipe it would train with (dataset defaults under
 * the request's options), counted as every row through every parameter every epoch. Validation and
 * test rows are included: they are a forward pass per epoch each, close enough.
 * @example estimateWork(trainRequestSchema.parse({ dataset: 'xor', epochs: 200 }), await loadRequestTable(...)).work // 33 * 200 * 200
 */
export function estimateWork(request: TrainRequest, table: TabularDataset): WorkEstimate {
  const recipe = recipeFor(request, table);
  const classes = table.meta.classNames.length;
  const sizes = [encodedWidth(table), ...recipe.hidden.map((layer) => layer.units), classes <= 2 ? 1 : classes];
  let parameters = 0;
  for (let l = 1; l < sizes.length; l++) parameters += sizes[l - 1] * sizes[l] + sizes[l];
  const rows = table.labels.length;
  const runs = request.folds > 0 ? request.folds + 1 : 1;
  return { parameters, rows, epochs: recipe.epochs, runs, work: parameters * rows * recipe.epochs * runs };
}

/**
 * Refuses a request over the budget, saying how many epochs would fit (and what else to shrink).
 * @throws UserError 'jobs.quota.budget'
 */
export function checkBudget(estimate: WorkEstimate, budget: number): void {
  if (estimate.work <= budget) return;
  const perEpoch = estimate.parameters * estimate.rows * estimate.runs;
  const format = (n: number) => Math.round(n).toLocaleString('en-US');
  throw new UserError('jobs.quota.budget', {
    parameters: format(estimate.parameters),
    rows: format(estimate.rows),
    epochs: format(estimate.epochs),
    runs: estimate.runs,
    work: estimate.work.toExponential(2),
    limit: budget.toExponential(2),
    maxEpochs: format(Math.max(0, Math.floor(budget / perEpoch))),
  });
}

/** Job states that count against the quotas. */
const LIVE_STATES = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'paused']);
/**
 * A reservation is made just before `queue.add` (scored with its time) and confirmed after it
 * (score 0). Until the job exists its state reads "unknown": an unconfirmed reservation counts as
 * live for this long, after which it is a leftover of a crashed producer.
 */
const RESERVATION_GRACE_MS = 60_000;

export interface SlotLimits {
  perUser: number;
  perGuild: number;
  queueLength: number;
  /** How long a reservation set lives without new jobs (so abandoned sets expire). */
  ttlSeconds: number;
}

export interface SlotOwner {
  jobId: string;
  userId: string;
  guildId?: string;
}

/**
 * Live job ids in a reservation set, dropping the ones that finished or vanished. Self-healing by
 * design: nothing has to remember to decrement a counter when a job completes, fails, is removed
 * from the dashboard or is lost with a crashed Redis.
 */
export async function liveJobs(redis: Redis, queue: Queue, key: string, now = Date.now()): Promise<string[]> {
  const entries = await redis.zrange(key, 0, -1, 'WITHSCORES');
  // Asked all at once: the replies come back in one round trip's time.
  const states: Promise<string>[] = [];
  for (let i = 0; i < entries.length; i += 2) states.push(queue.getJobState(entries[i]));
  const live: string[] = [];
  const dead: string[] = [];
  for (let i = 0; i < entries.length; i += 2) {
    const jobId = entries[i];
    const reservedAt = Number(entries[i + 1]);
    const state = await states[i / 2];
    // Unknown and confirmed (score 0): the job was added and has since been removed by retention.
    const pending = state === 'unknown' && reservedAt > 0 && now - reservedAt < RESERVATION_GRACE_MS;
    if (LIVE_STATES.has(state) || pending) live.push(jobId);
    else dead.push(jobId);
  }
  if (dead.length > 0) await redis.zrem(key, ...dead);
  return live;
}

/**
 * Reserves a place for a new job in its user's and guild's sets, after checking the global queue
 * length. Add-then-count makes two simultaneous requests of one user both see the other (both may
 * be refused, never both accepted over the limit).
 * @throws UserError 'jobs.quota.queue' | 'jobs.quota.user' | 'jobs.quota.guild'
 */
export async function reserveSlot(redis: Redis, queue: Queue, keys: Keys, owner: SlotOwner, limits: SlotLimits): Promise<void> {
  const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
  const queued = Object.values(counts).reduce((sum, n) => sum + n, 0);
  if (queued >= limits.queueLength) throw new UserError('jobs.quota.queue', { count: queued });

  const sets: { key: string; limit: number; error: 'jobs.quota.user' | 'jobs.quota.guild' }[] = [
    { key: keys.userJobs(owner.userId), limit: limits.perUser, error: 'jobs.quota.user' },
  ];
  if (owner.guildId) sets.push({ key: keys.guildJobs(owner.guildId), limit: limits.perGuild, error: 'jobs.quota.guild' });
  const reserved: string[] = [];
  try {
    for (const set of sets) {
      const replies = await redis.multi().zadd(set.key, Date.now(), owner.jobId).expire(set.key, limits.ttlSeconds).zcard(set.key).exec();
      const count = Number(replies?.[2]?.[1] ?? 0);
      reserved.push(set.key);
      // Counted after adding (the new reservation is among them), see above. Within the limit the
      // raw count settles it; only over it are finished jobs pruned (one state query per member),
      // so a busy guild's set costs one round trip per /train, not one per job in it.
      if (count <= set.limit) continue;
      const live = await liveJobs(redis, queue, set.key);
      if (live.length > set.limit) throw new UserError(set.error, { count: live.length - 1, limit: set.limit });
    }
  } catch (error) {
    await releaseSlot(redis, reserved, owner.jobId);
    throw error;
  }
}

/** Marks reservations as backed by an added job (see RESERVATION_GRACE_MS). */
export async function confirmSlot(redis: Redis, setKeys: readonly string[], jobId: string): Promise<void> {
  const tx = redis.multi();
  for (const key of setKeys) tx.zadd(key, 'XX', 0, jobId);
  await tx.exec();
}

/** The reservation sets a job's owner is counted in. */
export function slotKeys(keys: Keys, owner: Omit<SlotOwner, 'jobId'>): string[] {
  return [keys.userJobs(owner.userId), ...(owner.guildId ? [keys.guildJobs(owner.guildId)] : [])];
}

/** Gives a reservation back (the add failed, or the job was refused after all). */
export async function releaseSlot(redis: Redis, setKeys: readonly string[], jobId: string): Promise<void> {
  for (const key of setKeys) await redis.zrem(key, jobId);
}

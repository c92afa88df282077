/**
 * The sandboxed processor: BullMQ forks a child process per concurrency slot and runs this file's
 * default export there for each job, so CPU-bound training never blocks the worker's own event loop
 * (which renews job locks, listens for cancels and talks to Redis).
 *
 * One job: parse the payload, load the data (an upload comes from the store), train with progress
 * reports, render the pictures in the requester's language, store everything, return a summary.
 * Stops early on three signals, all through one AbortSignal into the training loop (which checks it
 * every batch and yields every 25 ms): BullMQ's own (fed by our pub/sub cancel channel), the time
 * limit, and a graceful shutdown of the worker.
 */
import type { SandboxedJob } from 'bullmq';
import type { Redis } from 'ioredis';
import { csvLimits, loadConfig, type Config } from '../config.js';
import { isUserError } from '../errors.js';
import { createLogger } from '../logger.js';
import { narrateRun } from '../lessons/index.js';
import type { Locale } from '../locales/index.js';
import { ANIMATION_FRAMES, renderTrainingAnimation, renderTrainingImages } from '../training/images.js';
import { modelFileOf, runTraining, summarizeRun, type RunSummary, type TrainingRun } from '../training/run.js';
import { encodeFailure, failureOf } from './failure.js';
import { DATASET_NAMES } from '../data/index.js';
import { ABORT, keysOf } from './names.js';
import { createProgressReporter } from './progress.js';
import { createRedis } from './redis.js';
import {
  trainingPayloadSchema,
  type CompactSummary,
  type TrainingPayload,
  type TrainingProgress,
  type TrainingResult,
} from './schemas.js';
import { createModelStore, type ModelStore } from './store.js';

/**
 * BullMQ's worker tells these errors apart by `name` alone: errors cross from this child process to
 * the worker as JSON, so the classes themselves never arrive. Defining them here, rather than
 * importing them, spares each child loading all of bullmq (about 0.7 s of start-up).
 */
export class UnrecoverableError extends Error {
  override name = 'UnrecoverableError';
}
export class WaitingError extends Error {
  override name = 'WaitingError';
}

export interface ProcessorDeps {
  config: Config;
  redis: Redis;
  store: ModelStore;
}

/** A summary without the long per-epoch history, with non-finite numbers as null (JSON has no NaN). */
export function compactSummary(summary: RunSummary): CompactSummary {
  const clean = (value: number | undefined) => (value === undefined ? undefined : Number.isFinite(value) ? value : null);
  const m = summary.metrics;
  const cv = summary.crossValidation;
  const record = (values: object) => Object.fromEntries(Object.entries(values).filter(([, v]) => typeof v === 'number').map(([k, v]) => [k, clean(v as number) ?? null]));
  return {
    dataset: summary.dataset,
    network: { shape: summary.network.shape, parameters: summary.network.parameters },
    settings: {
      hidden: summary.recipe.hidden.map((layer) => layer.units),
      activation: summary.recipe.hidden[0]?.activation ?? 'none',
      optimizer: summary.recipe.optimizer.kind ?? 'adam',
      learningRate: summary.recipe.optimizer.learningRate ?? 0.01,
      epochs: summary.recipe.epochs,
      batchSize: summary.recipe.batchSize,
      l2: summary.recipe.l2,
      balance: summary.recipe.balance,
    },
    training: summary.training,
    split: summary.split,
    metrics: {
      loss: clean(m.loss) ?? null,
      accuracy: clean(m.accuracy) ?? null,
      auc: clean(m.auc) ?? null,
      recall: clean(m.recall) ?? null,
      precision: clean(m.precision) ?? null,
      f1: clean(m.f1) ?? null,
      ...(m.prAuc !== undefined ? { prAuc: clean(m.prAuc) } : {}),
      ...(m.specificity !== undefined ? { specificity: clean(m.specificity) } : {}),
      ...(m.threshold !== undefined ? { threshold: clean(m.threshold) } : {}),
      baselineAccuracy: clean(m.baselineAccuracy) ?? null,
      samples: m.samples,
      confusion: m.confusion,
    },
    ...(cv ? { crossValidation: { folds: cv.folds, mean: record(cv.mean), std: record(cv.std) } } : {}),
  };
}

/** The error to throw for an aborted job: never retried, except a shutdown, which goes back to the queue. */
async function abortError(reason: unknown, job: SandboxedJob, token: string | undefined, config: Config): Promise<Error> {
  const text = String(reason ?? '');
  if (text === ABORT.shutdown) {
    // Back to waiting without using up an attempt: another worker (or this one, restarted) takes it.
    await job.moveToWait(token);
    return new WaitingError();
  }
  if (text === ABORT.timeout) return new UnrecoverableError(encodeFailure({ kind: 'timeout', limitMs: config.JOB_TIMEOUT_MS }));
  const by = text.startsWith('cancel:') ? text.slice('cancel:'.length) : undefined;
  return new UnrecoverableError(encodeFailure({ kind: 'cancelled', ...(by ? { by } : {}) }));
}

/** The story of the run in the requester's language, its pictures named apart from the reply's ("story-3-network"). */
async function storyOf(run: TrainingRun, locale: Locale) {
  const posts = await narrateRun(run, locale);
  return posts.map((post) => ({
    content: post.content,
    images: post.images.map((image) => ({ name: `story-${post.index}-${image.filename.replace(/\.png$/i, '')}`, png: image.png })),
  }));
}

let logger: ReturnType<typeof createLogger> | undefined;
const loggerFor = (config: Config) => (logger ??= createLogger('processor', { level: config.LOG_LEVEL }));

/** Runs one training job. Exported apart from the default export so it can be called with other deps. */
export async function processTraining(
  job: SandboxedJob<unknown, TrainingResult>,
  token: string | undefined,
  signal: AbortSignal | undefined,
  deps: ProcessorDeps,
): Promise<TrainingResult> {
  const { config, redis, store } = deps;
  const log = loggerFor(config).child({ jobId: job.id, attempt: job.attemptsMade + 1 });
  const controller = new AbortController();
  const forward = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', forward, { once: true });
  if (signal?.aborted) forward();
  const timer = setTimeout(() => controller.abort(ABORT.timeout), config.JOB_TIMEOUT_MS);
  const started = performance.now();
  const report = createProgressReporter((progress: TrainingProgress) => job.updateProgress(progress), config.PROGRESS_INTERVAL_MS, started);

  try {
    // A cancel that raced with the job's start (published before this process held it).
    const cancelled = await redis.get(keysOf(config.QUEUE_PREFIX).cancelled(job.id ?? ''));
    if (cancelled !== null) controller.abort(ABORT.cancel(cancelled));
    if (controller.signal.aborted) throw await abortError(controller.signal.reason, job, token, config);

    const payload: TrainingPayload = trainingPayloadSchema.parse(job.data);
    log.info({ dataset: payload.request.dataset, userId: payload.requester.userId, upload: payload.upload !== undefined }, 'training started');
    await report.phase('loading');
    const bytes = payload.upload ? await store.getUpload(payload.upload.key) : undefined;
    const run = await runTraining(payload.request, {
      env: process.env,
      bytes,
      limits: csvLimits(config),
      signal: controller.signal,
      onEpoch: (epoch) => report.epoch(epoch),
      onFold: (done, of) => report.fold(done, of),
      snapshots: payload.images ? ANIMATION_FRAMES : 0,
    });
    if (controller.signal.aborted || run.model.training.status === 'aborted') throw await abortError(controller.signal.reason, job, token, config);

    await report.phase('rendering');
    const images = payload.images ? await renderTrainingImages(run, payload.requester.locale) : [];
    const animation = payload.images ? await renderTrainingAnimation(run, payload.requester.locale) : undefined;
    const story = payload.images ? await storyOf(run, payload.requester.locale) : [];
    if (controller.signal.aborted) throw await abortError(controller.signal.reason, job, token, config);

    await report.phase('storing');
    const summary = compactSummary(summarizeRun(run));
    // The model id is the job id: a retried job overwrites its own entry instead of leaving a twin.
    const modelId = job.id ?? '';
    const meta = await store.put({
      meta: {
        modelId,
        jobId: modelId,
        owner: payload.requester,
        dataset: payload.upload ? run.table.meta.name : payload.request.dataset,
        builtin: !payload.upload && (DATASET_NAMES as readonly string[]).includes(payload.request.dataset),
        summary,
      },
      model: modelFileOf(run),
      history: run.model.training.history,
      images: [...images.map((image) => ({ name: image.name, png: image.png })), ...(animation ? [{ name: 'training.gif', png: animation }] : [])],
      story,
    });
    if (payload.upload) await store.deleteUpload(payload.upload.key);
    log.info({ modelId, status: summary.training.status, epochs: summary.training.epochsRun, ms: Math.round(performance.now() - started) }, 'training stored');
    return { modelId, summary, imageNames: meta.imageNames, expiresAt: meta.expiresAt };
  } catch (error) {
    if (error instanceof UnrecoverableError || error instanceof WaitingError) throw error;
    if (controller.signal.aborted) throw await abortError(controller.signal.reason, job, token, config);
    // A user's mistake (bad CSV, unknown column) fails the same way every time: no retry.
    if (isUserError(error)) throw new UnrecoverableError(encodeFailure(failureOf(error)));
    log.error({ err: error }, 'training failed');
    throw error;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forward);
  }
}

let deps: ProcessorDeps | undefined;
function processDeps(): ProcessorDeps {
  if (!deps) {
    // The worker passes its whole config to this process as environment variables.
    const config = loadConfig();
    const redis = createRedis(config.REDIS_URL, { connectionName: 'backprop-processor' });
    const store = createModelStore(redis, {
      prefix: config.QUEUE_PREFIX,
      ttlDays: config.MODEL_TTL_DAYS,
      maxValueBytes: config.STORE_MAX_VALUE_BYTES,
      uploadTtlHours: config.UPLOAD_TTL_HOURS,
    });
    deps = { config, redis, store };
  }
  return deps;
}

// A child whose worker died (SIGKILL, OOM) would otherwise train on as an orphan and write results
// for a job that another worker is already redoing: leave with the parent.
if (typeof process.send === 'function') process.once('disconnect', () => process.exit(1));

export default function trainingProcessor(job: SandboxedJob<unknown, TrainingResult>, token?: string, signal?: AbortSignal): Promise<TrainingResult> {
  return processTraining(job, token, signal, processDeps());
}

import { z } from 'zod';
import { LOCALES, type Locale } from '../locales/index.js';
import type { TrainStatus } from '../engine/index.js';
import { trainRequestSchema } from '../training/request.js';

/**
 * What crosses Redis between the bot and the workers: the job payload, its progress events, its
 * result and its failure reason. Each type is inferred from its schema (one source of truth), and
 * each side parses what it reads, so a worker of another version fails loudly instead of guessing.
 */

const id = z.string().min(1).max(64);

/** The engine's training outcomes, as a tuple zod can enumerate (checked against the engine's type). */
const TRAIN_STATUSES = ['completed', 'early-stopped', 'aborted', 'diverged'] as const satisfies readonly TrainStatus[];

/** Who asked: quotas, permissions, the leaderboard and the language of every picture depend on it. */
export const requesterSchema = z.object({
  userId: id,
  /** Absent in DMs. */
  guildId: id.optional(),
  channelId: id,
  locale: z.enum(LOCALES as [Locale, ...Locale[]]),
});

/**
 * Where the answer goes. Kept in the job so that a bot restarted mid-training still knows which
 * message to edit: with the interaction token while it lives (15 minutes), with the channel and
 * message ids and the bot token after that. The token is a secret: never log this object.
 */
export const replyTargetSchema = z.object({
  applicationId: id,
  interactionToken: z.string().min(1).max(500),
  channelId: id,
  messageId: id.optional(),
  /** Epoch milliseconds after which the interaction token no longer works. */
  tokenExpiresAt: z.number().int().nonnegative(),
  /**
   * The reply is a message inside a thread (e.g. /demo's live training): Discord has no threads in
   * threads, so the run's story is posted in that same thread instead of a new one.
   */
  inThread: z.boolean().optional(),
});

export const trainingPayloadSchema = z.object({
  request: trainRequestSchema,
  /** An uploaded CSV, stored in Redis by the producer (never inside the job: jobs stay small). */
  upload: z.object({ key: z.string().min(1).max(128) }).optional(),
  requester: requesterSchema,
  replyTarget: replyTargetSchema,
  /** Epoch milliseconds when the user asked (queue latency is measured from here). */
  requestedAt: z.number().int().nonnegative(),
  /** Render the pictures (default). Benchmarks of the queue itself turn it off. */
  images: z.boolean().default(true),
});
export type TrainingPayloadInput = z.input<typeof trainingPayloadSchema>;
export type TrainingPayload = z.output<typeof trainingPayloadSchema>;
export type Requester = z.output<typeof requesterSchema>;
export type ReplyTarget = z.output<typeof replyTargetSchema>;

/** What `job.updateProgress` carries, throttled to about one event per PROGRESS_INTERVAL_MS. */
export const trainingProgressSchema = z.object({
  phase: z.enum(['loading', 'training', 'rendering', 'storing']),
  /** Epochs done of the final fit (0 while loading or cross-validating). */
  epoch: z.number().int().nonnegative(),
  epochs: z.number().int().nonnegative(),
  trainLoss: z.number().nullable().optional(),
  validationLoss: z.number().nullable().optional(),
  validationAuc: z.number().nullable().optional(),
  /** Estimated milliseconds left (null while there is nothing to estimate from). */
  etaMs: z.number().nonnegative().nullable(),
  /** With cross-validation: folds done of how many (the final fit follows them). */
  fold: z.object({ done: z.number().int().nonnegative(), of: z.number().int().positive() }).optional(),
  /** Milliseconds since this attempt started. */
  elapsedMs: z.number().nonnegative(),
});
export type TrainingProgress = z.output<typeof trainingProgressSchema>;

/** A metric that can be undefined for the task (AUC with one class present) is null. */
const metric = z.number().nullable();

/** The run in brief: what the bot's reply embed needs. The loss history stays in the store. */
export const compactSummarySchema = z.object({
  dataset: z.object({
    name: z.string(),
    rows: z.number().int(),
    features: z.number().int(),
    classes: z.array(z.string()),
    synthetic: z.boolean(),
    source: z.string().optional(),
  }),
  network: z.object({ shape: z.string(), parameters: z.number().int() }),
  /** How it was trained (the dataset's recipe under the user's options): for the leaderboard and /models. */
  settings: z.object({
    hidden: z.array(z.number().int()),
    activation: z.string(),
    optimizer: z.string(),
    learningRate: z.number(),
    epochs: z.number().int(),
    batchSize: z.number().int(),
    l2: z.number(),
    balance: z.string(),
  }),
  training: z.object({
    status: z.enum(TRAIN_STATUSES),
    epochsRun: z.number().int(),
    bestEpoch: z.number().int(),
    weightsEpoch: z.number().int(),
    elapsedMs: z.number(),
    divergence: z.object({ epoch: z.number().int(), message: z.string() }).optional(),
  }),
  split: z.object({ train: z.number().int(), validation: z.number().int(), test: z.number().int() }),
  metrics: z.object({
    loss: metric,
    accuracy: metric,
    auc: metric,
    recall: metric,
    precision: metric,
    f1: metric,
    prAuc: metric.optional(),
    specificity: metric.optional(),
    threshold: metric.optional(),
    baselineAccuracy: metric,
    samples: z.number().int(),
    confusion: z.array(z.array(z.number())),
  }),
  crossValidation: z
    .object({ folds: z.number().int(), mean: z.record(z.string(), metric), std: z.record(z.string(), metric) })
    .optional(),
});
export type CompactSummary = z.output<typeof compactSummarySchema>;

/** A job's return value: small, and pointing at the stored model. */
export const trainingResultSchema = z.object({
  modelId: z.string().min(1),
  summary: compactSummarySchema,
  /** Pictures stored with the model, in display order (e.g. "loss-curve"); fetch them from the store. */
  imageNames: z.array(z.string()),
  /** Epoch milliseconds when the model expires from the store. */
  expiresAt: z.number().int(),
});
export type TrainingResult = z.output<typeof trainingResultSchema>;

/**
 * Why a job failed, as the failure reason carries it (JSON, so the bot can show it in the user's
 * language). Reasons that are not JSON (a crashed process, a lost lock) become `internal`.
 */
export const failureSchema = z.discriminatedUnion('kind', [
  /** A UserError: a bad CSV, an option the data refuses. Shown with its message key and values. */
  z.object({ kind: z.literal('user'), key: z.string(), values: z.record(z.string(), z.union([z.string(), z.number()])) }),
  z.object({ kind: z.literal('cancelled'), by: z.string().optional() }),
  z.object({ kind: z.literal('timeout'), limitMs: z.number() }),
  z.object({ kind: z.literal('internal'), message: z.string() }),
]);
export type Failure = z.output<typeof failureSchema>;

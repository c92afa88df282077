import { z } from 'zod';

/**
 * Every setting, parsed once from the environment. Each variable is listed (with its default) in
 * .env.example; a bad value stops start-up with a message naming the variable and what is allowed.
 */
const intFrom = (min: number, max: number, fallback: number) => {
  const error = `expected a whole number from ${min} to ${max}`;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error }).default(fallback);
};
const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

export const configSchema = z.object({
  /** Discord bot token; without it `npm start` runs the local sandbox instead of connecting to Discord. */
  DISCORD_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  /** The application id (for deploy-commands). */
  DISCORD_CLIENT_ID: z.preprocess(emptyAsUndefined, z.string().regex(/^\d+$/, 'a numeric application id').optional()),
  /** When set, deploy-commands registers guild commands there (instant) instead of global ones. */
  DISCORD_GUILD_ID: z.preprocess(emptyAsUndefined, z.string().regex(/^\d+$/, 'a numeric guild id').optional()),
  /** REST base URL of Discord (or of a Discord-compatible server such as the local sandbox). */
  DISCORD_API_URL: z.string().url().default('https://discord.com/api'),
  /** Hosts attachments may be downloaded from, comma-separated. */
  ATTACHMENT_HOSTS: z.string().default('cdn.discordapp.com,media.discordapp.net'),

  REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
  /** Prefix of every BullMQ key, so several deployments can share one Redis. */
  QUEUE_PREFIX: z.string().min(1).default('backprop'),
  WORKER_CONCURRENCY: intFrom(1, 64, 1),
  /** Maximum run time of one training job. */
  JOB_TIMEOUT_MS: intFrom(1_000, 24 * 3_600_000, 10 * 60_000),
  /** How long trained models, metrics and pictures stay in Redis. */
  MODEL_TTL_DAYS: intFrom(1, 3650, 30),
  /** Tries per job when a worker process crashes or Redis fails (cancel, timeout and bad input are never retried). */
  JOB_ATTEMPTS: intFrom(1, 20, 3),
  /** First retry delay; each next one doubles (exponential backoff). */
  JOB_BACKOFF_MS: intFrom(0, 3_600_000, 5_000),
  /** BullMQ job lock: a worker that stops renewing it (killed, frozen) loses the job after this long. */
  JOB_LOCK_MS: intFrom(1_000, 600_000, 30_000),
  /** How often workers look for jobs whose lock expired, and put them back in the queue. */
  JOB_STALLED_INTERVAL_MS: intFrom(500, 600_000, 30_000),
  /** Largest training a job may ask for, in parameters x rows x epochs (x (folds + 1) with cross-validation). */
  JOB_WORK_BUDGET: z.coerce.number().int().positive().default(20_000_000_000),
  /** Queued-or-running jobs one user may have at once. */
  MAX_JOBS_PER_USER: intFrom(1, 1_000, 2),
  /** Queued-or-running jobs one guild (server) may have at once. */
  MAX_JOBS_PER_GUILD: intFrom(1, 100_000, 10),
  /** Jobs waiting or running in the whole queue; beyond it new jobs are refused until it drains. */
  MAX_QUEUE_LENGTH: intFrom(1, 10_000_000, 1_000),
  /** How often (at most) a running job reports progress. */
  PROGRESS_INTERVAL_MS: intFrom(100, 60_000, 1_500),
  /** Largest single value (model JSON, history, one picture, one upload) written to Redis. */
  STORE_MAX_VALUE_BYTES: intFrom(1_024, 512 * 1024 * 1024, 8 * 1024 * 1024),
  /** How long an uploaded CSV waits in Redis for its job. */
  UPLOAD_TTL_HOURS: intFrom(1, 24 * 30, 24),
  /** Finished jobs kept in BullMQ for the dashboard and /jobs: at most this many, for at most this long. */
  KEEP_COMPLETED_JOBS: intFrom(0, 1_000_000, 1_000),
  KEEP_COMPLETED_HOURS: intFrom(1, 24 * 365, 24),
  KEEP_FAILED_JOBS: intFrom(0, 1_000_000, 5_000),
  KEEP_FAILED_HOURS: intFrom(1, 24 * 365, 7 * 24),
  /** On SIGTERM a worker stops taking jobs and lets running ones finish this long, then hands them back to the queue. */
  SHUTDOWN_GRACE_MS: intFrom(0, 3_600_000, 60_000),
  /** The read-only queue dashboard (`npm run dashboard`); keep it on loopback unless a proxy guards it. */
  DASHBOARD_HOST: z.string().min(1).default('127.0.0.1'),
  DASHBOARD_PORT: intFrom(1, 65_535, 3030),

  /** Longest wait for a worker to build a lesson that is not cached yet. */
  LESSON_TIMEOUT_MS: intFrom(1_000, 600_000, 60_000),

  /** The real stroke CSV (never bundled: its licence forbids redistribution). */
  STROKE_CSV: z.preprocess(emptyAsUndefined, z.string().optional()),
  /** Limits for uploaded CSV files. */
  CSV_MAX_BYTES: intFrom(1, 100 * 1024 * 1024, 5 * 1024 * 1024),
  CSV_MAX_ROWS: intFrom(1, 10_000_000, 100_000),
  CSV_MAX_COLUMNS: intFrom(1, 10_000, 200),
  CSV_MAX_CATEGORIES: intFrom(1, 10_000, 50),

  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.output<typeof configSchema>;

/**
 * Reads the settings from `env` (default: process.env).
 * @example loadConfig({ REDIS_URL: 'redis://127.0.0.1:6380' }).WORKER_CONCURRENCY // 1
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}\n(see .env.example for every variable and its default)`);
  }
  return parsed.data;
}

/** The CSV limits as the data layer takes them. */
export function csvLimits(config: Config) {
  return {
    maxBytes: config.CSV_MAX_BYTES,
    maxRows: config.CSV_MAX_ROWS,
    maxColumns: config.CSV_MAX_COLUMNS,
    maxCategories: config.CSV_MAX_CATEGORIES,
  };
}

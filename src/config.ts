import { z } from 'zod';

/**
 * Every setting, parsed once from the environment. Each variable is listed (with its default) in
 * .env.example; a bad value stops start-up with a message naming the variable and what is allowed.
 */
const intFrom = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);
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

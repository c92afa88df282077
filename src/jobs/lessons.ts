import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Config } from '../config.js';
import { UserError } from '../errors.js';
import { TOPICS, type LessonPost, type Topic } from '../lessons/catalog.js';
import { LOCALES, type Locale } from '../locales/index.js';
import { LESSON_QUEUE } from './names.js';
import { durableOptions, redisOptions } from './redis.js';

/**
 * Lessons built by the workers, cached in Redis. Building one trains small networks and draws
 * pictures (a second or two of CPU): done in the bot, it would stall every other user's
 * acknowledgement, and the bot would carry the whole renderer in memory. So the bot asks the
 * lessons queue, the workers build (one job per topic, language and theme, however many ask at
 * once), and every later /explain is read straight from the cache.
 */

export const lessonJobSchema = z.object({
  topic: z.enum(TOPICS),
  locale: z.enum(LOCALES as [Locale, ...Locale[]]),
  theme: z.enum(['dark', 'light']).default('dark'),
});
export type LessonJob = z.output<typeof lessonJobSchema>;

const cachedPostsSchema = z.array(
  z.object({
    index: z.number().int(),
    total: z.number().int(),
    content: z.string(),
    images: z.array(z.object({ filename: z.string(), description: z.string().optional() })),
  }),
);

/** Lessons are seeded, so a cached one stays right until the code changes: bump this when a lesson does. */
export const LESSONS_VERSION = 1;
/** Cached lessons expire anyway, so a deployment with changed lessons refreshes within a day. */
const CACHE_TTL_SECONDS = 86_400;
const POLL_MS = 150;

const cacheKey = (prefix: string, job: LessonJob) => `${prefix}:lesson:v${LESSONS_VERSION}:${job.topic}:${job.locale}:${job.theme}`;
/** BullMQ job ids may not contain ':'; one id per lesson makes concurrent requests share one build. */
const jobIdOf = (job: LessonJob) => `lesson-v${LESSONS_VERSION}-${job.topic}-${job.locale}-${job.theme}`;

/** Writes a built lesson to the cache: one hash, its posts as JSON and each picture as bytes. */
export async function cacheLesson(redis: Redis, prefix: string, job: LessonJob, posts: readonly LessonPost[]): Promise<void> {
  const key = cacheKey(prefix, job);
  const fields: (string | Buffer)[] = [];
  const described = posts.map((post) => ({
    index: post.index,
    total: post.total,
    content: post.content,
    images: post.images.map((image) => {
      fields.push(`image:${post.index}:${image.filename}`, image.png);
      return { filename: image.filename, ...(image.description ? { description: image.description } : {}) };
    }),
  }));
  await redis.multi().del(key).hset(key, 'posts', JSON.stringify(described), ...fields).expire(key, CACHE_TTL_SECONDS).exec();
}

/** A cached lesson, or null. */
export async function readLesson(redis: Redis, prefix: string, job: LessonJob): Promise<LessonPost[] | null> {
  const key = cacheKey(prefix, job);
  const json = await redis.hget(key, 'posts');
  if (json === null) return null;
  const posts = cachedPostsSchema.parse(JSON.parse(json));
  const out: LessonPost[] = [];
  for (const post of posts) {
    const images = [];
    for (const image of post.images) {
      const png = await redis.hgetBuffer(key, `image:${post.index}:${image.filename}`);
      if (!png) return null; // expired between the two reads: build it again
      images.push({ ...image, png });
    }
    out.push({ ...post, images });
  }
  return out;
}

/** The bot's side: lessons from the cache, or built by a worker on first request. */
export function createLessonLibrary(config: Config, redis: Redis) {
  const queue = new Queue<LessonJob>(LESSON_QUEUE, {
    connection: { ...redisOptions(config.REDIS_URL), maxRetriesPerRequest: 3 },
    prefix: config.QUEUE_PREFIX,
  });
  return {
    /**
     * The lesson's posts with their pictures.
     * @throws UserError 'bot.lessonTimeout' when no worker built it within LESSON_TIMEOUT_MS
     */
    async get(topic: Topic, locale: Locale, theme: 'dark' | 'light' = 'dark'): Promise<LessonPost[]> {
      const job: LessonJob = { topic, locale, theme };
      const cached = await readLesson(redis, config.QUEUE_PREFIX, job);
      if (cached) return cached;
      await queue.add('lesson', job, { jobId: jobIdOf(job), removeOnComplete: true, removeOnFail: true, attempts: 2 });
      const deadline = Date.now() + config.LESSON_TIMEOUT_MS;
      while (Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        const built = await readLesson(redis, config.QUEUE_PREFIX, job);
        if (built) return built;
      }
      throw new UserError('bot.lessonTimeout', { seconds: Math.round(config.LESSON_TIMEOUT_MS / 1000) });
    },
    close: () => queue.close(),
  };
}
export type LessonLibrary = ReturnType<typeof createLessonLibrary>;

/**
 * The workers' side: builds requested lessons into the cache. In the worker's own process (a build
 * is short, and yields while it trains), so it needs no child of its own.
 */
export function startLessonWorker(config: Config, redis: Redis, log: Logger): Worker<LessonJob> {
  const worker = new Worker<LessonJob>(
    LESSON_QUEUE,
    async (job) => {
      const request = lessonJobSchema.parse(job.data);
      // Loaded on first use: a worker that never builds a lesson never loads the lesson generators.
      const { buildLesson } = await import('../lessons/index.js');
      const posts = await buildLesson(request.topic, request.locale, { theme: request.theme });
      await cacheLesson(redis, config.QUEUE_PREFIX, request, posts);
      log.info({ topic: request.topic, locale: request.locale, posts: posts.length }, 'lesson built');
    },
    { connection: durableOptions(config.REDIS_URL), prefix: config.QUEUE_PREFIX, concurrency: 1 },
  );
  worker.on('error', (error) => log.error({ err: error }, 'lesson worker error'));
  return worker;
}

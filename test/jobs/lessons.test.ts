import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheLesson, readLesson } from '../../src/jobs/index.js';
import type { LessonPost } from '../../src/lessons/catalog.js';
import { deletePrefix, REDIS_URL } from './helpers.js';

const prefix = `test-${randomUUID()}`;
const redis = new Redis(REDIS_URL);
afterAll(async () => {
  await deletePrefix(REDIS_URL, prefix);
  redis.disconnect();
});

describe('the lesson cache', () => {
  it('keeps every post, in order, with its pictures byte for byte', async () => {
    const posts: LessonPost[] = [
      { index: 1, total: 2, content: '1/2 first', images: [{ filename: 'a.png', png: Buffer.from([137, 80, 78, 71, 1, 2]), description: 'alt' }] },
      { index: 2, total: 2, content: '2/2 second', images: [] },
    ];
    const job = { topic: 'loss', locale: 'pt-BR', theme: 'dark' } as const;
    expect(await readLesson(redis, prefix, job)).toBeNull();
    await cacheLesson(redis, prefix, job, posts);
    expect(await readLesson(redis, prefix, job)).toEqual(posts);
    expect(await readLesson(redis, prefix, { ...job, locale: 'en' })).toBeNull();
  });
});

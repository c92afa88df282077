import { Redis, type RedisOptions } from 'ioredis';

/** The connection settings we use: a subset that both ioredis and BullMQ's option types accept. */
export interface ConnectionSettings {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db?: number;
  tls?: object;
  maxRetriesPerRequest?: number | null;
  retryStrategy?: (times: number) => number;
}

/**
 * Connection settings from a redis:// or rediss:// URL, as both ioredis and BullMQ take them.
 * BullMQ gets options rather than a shared client so that each Queue / Worker / QueueEvents opens
 * the connections it needs (a Worker needs a blocking one of its own).
 * @example redisOptions('redis://:secret@10.0.0.5:6380/2') // { host: '10.0.0.5', port: 6380, password: 'secret', db: 2 }
 */
export function redisOptions(url: string): ConnectionSettings {
  const parsed = new URL(url);
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new Error(`REDIS_URL must start with redis:// or rediss:// (got ${parsed.protocol})`);
  const db = parsed.pathname.replace(/^\//, '');
  return {
    host: parsed.hostname || '127.0.0.1',
    port: parsed.port ? Number(parsed.port) : 6379,
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(db ? { db: Number(db) } : {}),
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

/**
 * Options for long-lived processes (workers, the bot's listeners): commands wait through a Redis
 * restart instead of failing after a few retries (BullMQ requires maxRetriesPerRequest: null on
 * workers), and reconnection backs off up to 2 s.
 */
export function durableOptions(url: string): ConnectionSettings {
  return { ...redisOptions(url), maxRetriesPerRequest: null, retryStrategy: (times) => Math.min(100 * times, 2_000) };
}

/** A plain ioredis client (the model store, quotas, pub/sub). */
export function createRedis(url: string, options: RedisOptions = {}): Redis {
  return new Redis({ ...durableOptions(url), ...options });
}

/**
 * Deletes every key under `prefix` (a session's or a test's queue prefix), in batches with SCAN so a
 * large Redis is never blocked.
 * @example await deleteKeysUnder('redis://127.0.0.1:6379', 'test-1234')
 */
export async function deleteKeysUnder(url: string, prefix: string): Promise<void> {
  const redis = new Redis({ ...redisOptions(url), maxRetriesPerRequest: 1 });
  redis.on('error', () => undefined);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

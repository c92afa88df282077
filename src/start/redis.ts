/**
 * A Redis for the local sandbox: the one at REDIS_URL when it answers, else a private
 * `redis-server` on a free loopback port (no persistence, gone when the session ends), else a
 * message saying exactly how to get one.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

export interface SandboxRedis {
  url: string;
  /** True when this session started its own redis-server. */
  private: boolean;
  /** Stops the private server (no-op for a shared one). */
  stop(): Promise<void>;
}

/** The message for a machine without Redis: the commands that install or start one. */
export const NO_REDIS_HELP = `No Redis answers at REDIS_URL, and redis-server is not installed. Any one of these gives you one:
  Debian/Ubuntu:  sudo apt-get install -y redis-server
  macOS:          brew install redis
  Docker:         docker run -d --name backprop-redis -p 6379:6379 redis:7-alpine
  Compose:        docker compose up -d redis
then run the command again (or set REDIS_URL in .env to a Redis you already have).`;

/** True when a Redis answers PING at `url` within `timeoutMs`. */
export async function redisAnswers(url: string, timeoutMs = 1_000): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

export function redisServerOnPath(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Uses REDIS_URL when it answers; else starts a private redis-server.
 * @throws Error with {@link NO_REDIS_HELP} when neither is possible
 */
export async function ensureRedis(url: string): Promise<SandboxRedis> {
  if (await redisAnswers(url)) return { url, private: false, stop: async () => undefined };
  if (!redisServerOnPath()) throw new Error(`${NO_REDIS_HELP}\n(REDIS_URL is ${redactUrl(url)})`);
  const port = await freePort();
  // Its own process group (detached): a Ctrl-C in the terminal reaches only us, and we stop Redis
  // last, after the bot and the worker have let go of it.
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'], {
    stdio: 'ignore',
    detached: true,
  });
  const privateUrl = `redis://127.0.0.1:${port}`;
  const killNow = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  // Last resort when the process exits without a clean stop (an uncaught error).
  process.once('exit', killNow);
  const deadline = Date.now() + 5_000;
  while (!(await redisAnswers(privateUrl, 300))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      killNow();
      throw new Error(`redis-server did not start on port ${port}.\n${NO_REDIS_HELP}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: privateUrl,
    private: true,
    stop: () => stopChild(child, () => process.off('exit', killNow)),
  };
}

async function stopChild(child: ChildProcess, done: () => void): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
    await exited;
    clearTimeout(timer);
  }
  done();
}

/** A Redis URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}

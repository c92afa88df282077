/**
 * The whole bot on one machine without Discord: a Redis (shared or private), the local Discord,
 * training workers as child processes (as `npm run worker` runs them), the bot (in this process, or
 * as `npm start` in a child process when its memory must be measured on its own), and the commands
 * registered on the local Discord with the same code as `npm run deploy-commands`.
 *
 * Used by `npm start` (no DISCORD_TOKEN), `npm run demo`, `npm run bench:bot` and their tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUTTONS, COMMANDS } from '../../commands/index.js';
import { deployCommands } from '../../scripts/deploy-commands.js';
import { startBot, type RunningBot } from '../bot/app.js';
import { loadConfig, type Config } from '../config.js';
import { deleteKeysUnder } from '../jobs/index.js';
import { startLocalDiscord, type LocalDiscord, type SandboxLimits } from '../sandbox/index.js';
import { ensureRedis, type SandboxRedis } from './redis.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Any value works on the local Discord; it is never a real token. */
export const SANDBOX_TOKEN = 'local.sandbox.token';

export interface SandboxOptions {
  /** Training worker processes (default 1). */
  workers?: number;
  /** 'in-process' (default) or 'child': the bot as `npm start` in its own process. */
  bot?: 'in-process' | 'child';
  /** Overrides of the local Discord's limits (default: Discord's real ones). */
  limits?: Partial<SandboxLimits>;
  /** Settings for the bot and the workers, over the environment's. */
  env?: Record<string, string>;
  /** Where the workers' (and a child bot's) logs go; default ./out. */
  logDir?: string;
  /** Pause between thread posts of the in-process bot (default 600 ms, as in production). */
  postPauseMs?: number;
}

export interface Sandbox {
  discord: LocalDiscord;
  /** The in-process bot (undefined when it runs as a child). */
  bot: RunningBot | undefined;
  botProcess: ChildProcess | undefined;
  workers: ChildProcess[];
  config: Config;
  env: Record<string, string>;
  redis: SandboxRedis;
  /** Where the child processes write their logs. */
  logFile: string;
  close(): Promise<void>;
}

/** process.env without undefined values (what child processes and loadConfig take). */
function currentEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const logDir = options.logDir ?? join(process.cwd(), 'out');
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, 'sandbox.log');
  const log = createWriteStream(logFile, { flags: 'a' });
  const cleanups: (() => Promise<void>)[] = [];
  const closeAll = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
    log.end();
  };
  try {
    const base = currentEnv();
    const redis = await ensureRedis(base.REDIS_URL ?? 'redis://127.0.0.1:6379');
    cleanups.push(() => redis.stop());
    const discord = await startLocalDiscord({ limits: options.limits });
    cleanups.push(() => discord.close());
    const env: Record<string, string> = {
      ...base,
      DISCORD_TOKEN: SANDBOX_TOKEN,
      DISCORD_API_URL: discord.apiUrl,
      // The local Discord serves uploads from loopback; the real CDN hosts stay allowed.
      ATTACHMENT_HOSTS: ['127.0.0.1', base.ATTACHMENT_HOSTS ?? 'cdn.discordapp.com,media.discordapp.net'].join(','),
      REDIS_URL: redis.url,
      // A prefix of its own: never take (or deliver) the jobs of a real deployment sharing this Redis,
      // nor last session's (whose messages lived on a local Discord that is gone).
      QUEUE_PREFIX: `${base.QUEUE_PREFIX ?? 'backprop'}-sandbox-${randomUUID().slice(0, 8)}`,
      // A session ends in seconds, not after a production-sized drain.
      SHUTDOWN_GRACE_MS: '2000',
      ...options.env,
    };
    if (!redis.private) cleanups.push(() => deleteKeysUnder(redis.url, env.QUEUE_PREFIX));
    const config = loadConfig(env);

    const workers: ChildProcess[] = [];
    for (let i = 0; i < (options.workers ?? 1); i++) {
      const worker = await startChild(['workers/train.ts'], { ...env, LOG_LEVEL: 'info' }, log, '"worker ready"', `worker ${i + 1}`);
      workers.push(worker);
      cleanups.push(() => stopChild(worker));
    }

    let bot: RunningBot | undefined;
    let botProcess: ChildProcess | undefined;
    if (options.bot === 'child') {
      botProcess = await startChild(['scripts/start.ts'], env, log, 'backprop-bot ready', 'bot');
      const child = botProcess;
      cleanups.push(() => stopChild(child));
    } else {
      // The bot's warnings would land in the middle of the conversation: only errors on the terminal.
      bot = await startBot(loadConfig({ ...env, LOG_LEVEL: options.env?.LOG_LEVEL ?? 'error' }), {
        commands: COMMANDS,
        buttons: BUTTONS,
        postPauseMs: options.postPauseMs ?? 600,
      });
      const running = bot;
      cleanups.push(() => withTimeout(running.close(), 5_000));
    }
    await discord.waitForBot(30_000);
    await deployCommands({ token: SANDBOX_TOKEN, clientId: discord.applicationId, guildId: discord.guildId, apiUrl: discord.apiUrl });
    return { discord, bot, botProcess, workers, config, env, redis, logFile, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

/**
 * `node --import tsx <entry>` with an IPC channel (see exit-with-parent.ts) in its own process group
 * (a Ctrl-C reaches only the parent, which then stops everything in order). Its output goes to the
 * log; resolves when a line contains `readyText`.
 */
async function startChild(args: string[], env: Record<string, string>, log: WriteStream, readyText: string, label: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', './src/start/exit-with-parent.ts', ...args], {
    cwd: ROOT,
    env: { ...env, BACKPROP_EXIT_WITH_PARENT: '1' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    detached: true,
  });
  // Last resort if this process exits without a clean stop.
  const killNow = () => child.kill('SIGKILL');
  process.once('exit', killNow);
  child.once('exit', () => process.off('exit', killNow));
  let recent = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${label} did not start within 30 s:\n${recent}`)), 30_000);
    const onData = (chunk: Buffer) => {
      log.write(chunk);
      recent = (recent + chunk.toString()).slice(-4_000);
      if (recent.includes(readyText)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${label} exited (${code ?? signal}) before it was ready:\n${recent}`));
    });
  });
  child.unref();
  return child;
}

/** SIGTERM (the worker drains for SHUTDOWN_GRACE_MS), then SIGKILL if it is still there after 10 s. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  return Promise.race([promise, new Promise<void>((resolve) => setTimeout(resolve, ms).unref())]);
}

/**
 * Shared parts of the queue tests: a config with a prefix of its own per test (so tests never see
 * each other's jobs), worker processes started the way `npm run worker` starts them, payloads, and
 * clean-up of every key under a prefix.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from '../../src/config.js';
import { createTrainingEvents, createTrainingQueue, deleteKeysUnder, type TrainingPayloadInput } from '../../src/jobs/index.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Settings for one test: its own prefix, fast lock recovery, quiet logs. */
export function testEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    REDIS_URL,
    QUEUE_PREFIX: `test-${randomUUID()}`,
    LOG_LEVEL: 'warn',
    JOB_LOCK_MS: '2000',
    JOB_STALLED_INTERVAL_MS: '1000',
    JOB_BACKOFF_MS: '100',
    PROGRESS_INTERVAL_MS: '200',
    // Workers use the generated stroke rows unless a test says otherwise (CI sets STROKE_CSV for the real-file test).
    STROKE_CSV: '',
    ...overrides,
  };
}

export function configOf(env: Record<string, string>): Config {
  return loadConfig(env);
}

export interface WorkerProcess {
  child: ChildProcess;
  /** Everything the process wrote (pino JSON lines on stderr). */
  output: () => string;
  /** Resolves with the exit code (or the signal name). */
  exited: Promise<number | string>;
  /** The worker's name as BullMQ records it in job.processedBy. */
  name: string;
}

/**
 * `npm run worker` as a real process: node with tsx's loader (not `npx tsx`, whose extra parent
 * process would survive a SIGKILL aimed at the worker). Resolves once the worker logs "worker ready".
 */
export async function startWorkerProcess(env: Record<string, string>): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'workers/train.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit').then(([code, signal]) => (code ?? signal) as number | string);
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (output.includes('"worker ready"')) {
        child.stderr?.off('data', check);
        resolve();
      }
    };
    child.stderr?.on('data', check);
    void exited.then((code) => reject(new Error(`worker exited (${code}) before it was ready:\n${output}`)));
  });
  return { child, output: () => output, exited, name: `${(await import('node:os')).hostname()}:${child.pid}` };
}

/** Stops a worker process if it is still running (SIGKILL: tests that care about SIGTERM send it themselves). */
export async function stopWorkerProcess(worker: WorkerProcess | undefined): Promise<void> {
  if (!worker || worker.child.exitCode !== null || worker.child.signalCode !== null) return;
  worker.child.kill('SIGKILL');
  await worker.exited;
}

/** Deletes every key under a test's prefix. */
export const deletePrefix = deleteKeysUnder;

/** A /train payload as the bot would queue it. */
export function payload(request: TrainingPayloadInput['request'], requester: Partial<TrainingPayloadInput['requester']> = {}, images = false): TrainingPayloadInput {
  return {
    request,
    requester: { userId: '100', guildId: '200', channelId: '300', locale: 'en', ...requester },
    replyTarget: { applicationId: '900', interactionToken: 'interaction-token-secret', channelId: '300', messageId: '400', tokenExpiresAt: Date.now() + 15 * 60_000 },
    requestedAt: Date.now(),
    images,
  };
}

/** A long-running job: many epochs of spiral (about 1 ms per epoch), to cancel, kill or time out mid-way. */
export const LONG_JOB = { dataset: 'spiral', epochs: 50_000 } as const;

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

/** Resolves with the first progress event of `jobId` that satisfies `predicate`. */
export function progressWhere(
  events: import('../../src/jobs/index.js').TrainingEvents,
  jobId: string,
  predicate: (progress: import('../../src/jobs/index.js').TrainingProgress) => boolean = () => true,
): Promise<import('../../src/jobs/index.js').TrainingProgress> {
  return new Promise((resolve) => {
    const off = events.onProgress((id, progress) => {
      if (id !== jobId || !predicate(progress)) return;
      off();
      resolve(progress);
    });
  });
}

/** Resolves with the job's final failure (rejects if it completes instead). */
export async function failureOfJob(events: import('../../src/jobs/index.js').TrainingEvents, jobId: string) {
  const error = await events.waitFor(jobId).then(
    () => {
      throw new Error(`job ${jobId} completed; a failure was expected`);
    },
    (e: unknown) => e as { failure: import('../../src/jobs/index.js').Failure },
  );
  return error.failure;
}

/**
 * A test's queue, its events and `count` worker processes under a prefix of its own; `close()`
 * stops the workers (and any added to `workers` later) and deletes every key.
 */
export async function startQueueWorld(overrides: Record<string, string>, count: number) {
  const env = testEnv(overrides);
  const config = configOf(env);
  const queue = createTrainingQueue(config);
  const events = createTrainingEvents(config);
  const started = await Promise.all([events.ready(), ...Array.from({ length: count }, () => startWorkerProcess(env))]);
  const workers = started.slice(1) as WorkerProcess[];
  return {
    env,
    queue,
    events,
    workers,
    async close() {
      await Promise.all(workers.map(stopWorkerProcess));
      await events.close();
      await queue.close();
      await deletePrefix(env.REDIS_URL, env.QUEUE_PREFIX);
    },
  };
}
export type QueueWorld = Awaited<ReturnType<typeof startQueueWorld>>;

/**
 * `npm run bench:queue`: the training queue end to end on a real Redis, with real worker processes.
 *
 *   (1) idle latency: one tiny job at a time (xor, 200 epochs) into idle workers: enqueue -> start.
 *   (2) throughput: 500 tiny jobs from 50 simulated users, all queued at once to 2 worker processes:
 *       jobs/s, latency percentiles, and a check that every job completed exactly once.
 *
 * Tiny jobs skip the pictures by default (rendering six PNGs costs ~0.2 s, several times the training
 * itself, and would measure the renderer, not the queue); --images turns them on.
 *
 *   npm run bench:queue                     full run (about 30 s)
 *   npm run bench:queue -- --quick          100 jobs from 10 users
 *   npm run bench:queue -- --jobs=500 --users=50 --workers=2 --concurrency=2 --epochs=200 --images --json
 *
 * Uses REDIS_URL (default redis://127.0.0.1:6379) under a fresh prefix, deleted at the end.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { loadConfig } from '../src/config.js';
import { createTrainingEvents, createTrainingQueue, type TrainingPayloadInput } from '../src/jobs/index.js';
import { fmt, formatTable, machineInfo, median, parseFlags, progress } from './lib.js';

const flags = parseFlags();
const option = (name: string, fallback: number) => (typeof flags.extra[name] === 'string' ? Number(flags.extra[name]) : fallback);
const JOBS = option('jobs', flags.quick ? 100 : 500);
const USERS = option('users', flags.quick ? 10 : 50);
const WORKERS = option('workers', 2);
/** Trainings per worker process at once (WORKER_CONCURRENCY). */
const CONCURRENCY = option('concurrency', 1);
const EPOCHS = option('epochs', 200);
const IDLE_SAMPLES = option('idle', flags.quick ? 10 : 30);
const IMAGES = flags.extra.images === true;
const ROOT = fileURLToPath(new URL('../', import.meta.url));

const env: Record<string, string> = {
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  QUEUE_PREFIX: `bench-${randomUUID()}`,
  LOG_LEVEL: 'warn',
  MAX_JOBS_PER_USER: String(JOBS),
  MAX_JOBS_PER_GUILD: String(JOBS),
  MAX_QUEUE_LENGTH: String(JOBS * 2),
  KEEP_COMPLETED_JOBS: String(JOBS * 2),
  WORKER_CONCURRENCY: String(CONCURRENCY),
};
const config = loadConfig(env);

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** A worker process as `npm run worker` starts it (warn-level logs: per-job info lines would cost CPU here). */
function startWorker(): { child: ChildProcess; name: string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'workers/train.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return { child, name: `${hostname()}:${child.pid}` };
}

function payload(user: number): TrainingPayloadInput {
  return {
    request: { dataset: 'xor', epochs: EPOCHS, seed: user + 1 },
    requester: { userId: `user-${user}`, guildId: `guild-${user % 5}`, channelId: '1', locale: 'en' },
    replyTarget: { applicationId: '1', interactionToken: 'bench', channelId: '1', tokenExpiresAt: Date.now() + 900_000 },
    requestedAt: Date.now(),
    images: IMAGES,
  };
}

async function main(): Promise<void> {
  const queue = createTrainingQueue(config);
  const events = createTrainingEvents(config);
  const completedAt = new Map<string, number>();
  const completions = new Map<string, number>();
  events.onCompleted((jobId) => {
    completedAt.set(jobId, performance.now() + performance.timeOrigin);
    completions.set(jobId, (completions.get(jobId) ?? 0) + 1);
  });
  let failed = 0;
  events.onFailed((jobId, failure) => {
    failed++;
    progress(`job ${jobId} failed: ${JSON.stringify(failure)}`);
  });
  await events.ready();
  progress(`starting ${WORKERS} worker processes...`);
  const workers = Array.from({ length: WORKERS }, startWorker);
  // Ready when every worker is connected (BullMQ lists its workers' connections).
  while ((await queue.queue.getWorkersCount()) < WORKERS) await new Promise((resolve) => setTimeout(resolve, 50));

  try {
    // Warm-up: every worker forks its sandbox child and JIT-compiles the engine once.
    progress('warming up...');
    const warm = await Promise.all(Array.from({ length: WORKERS * 3 }, (_, i) => queue.enqueueTraining(payload(i))));
    await Promise.all(warm.map((w) => events.waitFor(w.jobId)));

    // (1) idle latency, one job at a time.
    progress(`(1) ${IDLE_SAMPLES} jobs one at a time...`);
    const idleStart: number[] = [];
    const idleDone: number[] = [];
    for (let i = 0; i < IDLE_SAMPLES; i++) {
      const t0 = Date.now();
      const { jobId } = await queue.enqueueTraining(payload(i));
      await events.waitFor(jobId);
      const job = (await queue.queue.getJob(jobId))!;
      idleStart.push(job.processedOn! - t0);
      idleDone.push(completedAt.get(jobId)! - t0);
    }

    // (2) throughput: JOBS jobs from USERS users, queued all at once.
    progress(`(2) ${JOBS} jobs from ${USERS} users...`);
    const enqueuedAt = new Map<string, number>();
    const t0 = Date.now();
    const all = Array.from({ length: JOBS }, (_, i) => i % USERS);
    const ids = await Promise.all(
      all.map(async (user) => {
        const before = Date.now();
        const { jobId } = await queue.enqueueTraining(payload(user));
        enqueuedAt.set(jobId, before);
        return jobId;
      }),
    );
    const queuedMs = Date.now() - t0;
    await Promise.all(ids.map((id) => (completedAt.has(id) ? Promise.resolve() : events.waitFor(id))));
    const wallMs = Math.max(...ids.map((id) => completedAt.get(id)!)) - t0;

    const jobs = await Promise.all(ids.map((id) => queue.queue.getJob(id)));
    const toStart = jobs.map((job) => job!.processedOn! - enqueuedAt.get(job!.id!)!);
    const toDone = ids.map((id) => completedAt.get(id)! - enqueuedAt.get(id)!);
    const perWorker = new Map<string, number>();
    for (const job of jobs) perWorker.set(job!.processedBy ?? '?', (perWorker.get(job!.processedBy ?? '?') ?? 0) + 1);
    const duplicates = ids.filter((id) => completions.get(id) !== 1).length;
    const retried = jobs.filter((job) => job!.attemptsMade !== 1).length;
    const stored = (await Promise.all(ids.map((id) => queue.store.meta(id)))).filter(Boolean).length;
    const jobsPerSecond = (JOBS / wallMs) * 1000;

    const report = {
      machine: await machineInfo(),
      settings: { jobs: JOBS, users: USERS, workers: WORKERS, concurrency: CONCURRENCY, epochs: EPOCHS, images: IMAGES },
      idle: { samples: IDLE_SAMPLES, toStartMs: { median: median(idleStart), p99: percentile(idleStart, 99) }, toDoneMs: { median: median(idleDone), p99: percentile(idleDone, 99) } },
      throughput: {
        jobsPerSecond,
        wallMs,
        enqueueAllMs: queuedMs,
        toStartMs: { median: median(toStart), p99: percentile(toStart, 99) },
        toDoneMs: { median: median(toDone), p99: percentile(toDone, 99) },
        completed: ids.filter((id) => completions.get(id) === 1).length,
        duplicates,
        retried,
        failed,
        stored,
        perWorker: Object.fromEntries([...perWorker].map(([name, n]) => [workers.find((w) => w.name === name) ? `worker ${workers.findIndex((w) => w.name === name) + 1}` : name, n])),
      },
      targets: {
        idleMedianToStartUnder25ms: median(idleStart) < 25,
        atLeast50JobsPerSecond: jobsPerSecond >= 50,
        allCompletedOnce: duplicates === 0 && failed === 0 && stored === JOBS,
      },
    };
    if (flags.json) {
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      const ms = (n: number) => `${fmt(n)} ms`;
      console.log(`queue benchmark: ${JOBS} jobs (xor, ${EPOCHS} epochs${IMAGES ? ', with pictures' : ', no pictures'}) from ${USERS} users, ${WORKERS} worker processes x WORKER_CONCURRENCY ${CONCURRENCY}`);
      console.log(Object.entries(report.machine).map(([k, v]) => `${k}: ${v}`).join(' | '));
      console.log();
      console.log(
        formatTable(
          ['measure', 'median', 'p99'],
          [
            ['(1) idle: enqueue -> start', ms(report.idle.toStartMs.median), ms(report.idle.toStartMs.p99)],
            ['(1) idle: enqueue -> completed event', ms(report.idle.toDoneMs.median), ms(report.idle.toDoneMs.p99)],
            ['(2) load: enqueue -> start', ms(report.throughput.toStartMs.median), ms(report.throughput.toStartMs.p99)],
            ['(2) load: enqueue -> completed event', ms(report.throughput.toDoneMs.median), ms(report.throughput.toDoneMs.p99)],
          ],
        ),
      );
      console.log();
      console.log(`(2) ${fmt(jobsPerSecond)} jobs/s (${JOBS} jobs in ${fmt(wallMs / 1000)} s; queueing all took ${fmt(queuedMs)} ms)`);
      console.log(`    completed once: ${report.throughput.completed}/${JOBS}, duplicates ${duplicates}, retried ${retried}, failed ${failed}, models stored ${stored}`);
      console.log(`    per worker: ${JSON.stringify(report.throughput.perWorker)}`);
      console.log();
      for (const [target, ok] of Object.entries(report.targets)) console.log(`${ok ? 'PASS' : 'FAIL'}  ${target}`);
    }
  } finally {
    for (const worker of workers) worker.child.kill('SIGTERM');
    await Promise.all(workers.map((w) => (w.child.exitCode === null ? once(w.child, 'exit') : undefined)));
    await events.close();
    await queue.close();
    const redis = new Redis(config.REDIS_URL);
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.QUEUE_PREFIX}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
    redis.disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

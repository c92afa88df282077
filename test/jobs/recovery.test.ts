/**
 * Nothing is lost when a worker dies: a worker process killed with SIGKILL mid-training loses its
 * job lock, BullMQ's stalled-job check puts the job back, and another worker completes it. A
 * processor child that keeps crashing uses up the job's attempts, and the job fails with the reason.
 */
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { failureOfJob, payload, progressWhere, startQueueWorld, type QueueWorld, type WorkerProcess } from './helpers.js';

let world: QueueWorld | undefined;
let workers: WorkerProcess[] = [];
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function setUp(overrides: Record<string, string>, count: number) {
  world = await startQueueWorld(overrides, count);
  workers = world.workers;
  return world;
}

/** The pids of a process's children (BullMQ's sandbox processes of a worker). */
function childPids(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

describe('recovery', () => {
  it('a worker killed with SIGKILL mid-training: another worker takes the job and completes it', async () => {
    const { queue, events } = await setUp({}, 2);
    // About 2-3 s of training: long enough to be killed in the middle.
    const { jobId } = await queue.enqueueTraining(payload({ dataset: 'spiral', epochs: 3000 }));
    const stalled = new Promise<void>((resolve) => events.events.on('stalled', ({ jobId: id }) => id === jobId && resolve()));
    await progressWhere(events, jobId, (p) => p.phase === 'training');
    const holder = (await queue.queue.getJob(jobId))!.processedBy;
    const victim = workers.find((w) => w.name === holder)!;
    expect(victim).toBeDefined();
    const sandbox = childPids(victim.child.pid!);
    victim.child.kill('SIGKILL');
    expect(await victim.exited).toBe('SIGKILL');

    await stalled;
    const result = await events.waitFor(jobId);
    expect(result.summary.training.epochsRun).toBe(3000);
    const job = (await queue.queue.getJob(jobId))!;
    expect(job.processedBy).not.toBe(holder);
    // One attempt: being recovered from a stall is not a failed attempt.
    expect(job.attemptsMade).toBe(1);
    expect(await queue.store.meta(jobId)).not.toBeNull();
    // The killed worker's sandbox child left with it instead of training on as an orphan.
    expect(sandbox.length).toBeGreaterThan(0);
    await expect.poll(() => sandbox.filter(isAlive), { timeout: 5000 }).toEqual([]);
  });

  it('a processor that keeps crashing is retried with backoff, then fails with its reason kept', async () => {
    const { queue, events } = await setUp({ JOB_ATTEMPTS: '2', JOB_BACKOFF_MS: '50' }, 1);
    const [worker] = workers;
    const { jobId } = await queue.enqueueTraining(payload({ dataset: 'spiral', epochs: 50_000 }));
    const failure = failureOfJob(events, jobId);
    for (let attempt = 1; attempt <= 2; attempt++) {
      // 'loading' opens each attempt (a fresh child is forked for it), so a late event of the
      // previous attempt cannot be mistaken for this one.
      await progressWhere(events, jobId, (p) => p.phase === 'loading');
      await progressWhere(events, jobId, (p) => p.phase === 'training');
      for (const pid of childPids(worker.child.pid!)) process.kill(pid, 'SIGKILL');
    }
    expect(await failure).toEqual({ kind: 'internal', message: expect.stringContaining('SIGKILL') });
    const job = (await queue.queue.getJob(jobId))!;
    expect(job.attemptsMade).toBe(2);
    expect(await job.getState()).toBe('failed');
    // The worker itself survived its children.
    expect(worker.child.exitCode).toBeNull();
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * SIGTERM on a worker (what `docker stop` sends): it takes no new job, lets the running one finish,
 * and exits 0; past SHUTDOWN_GRACE_MS it hands the running job back to the queue (without using an
 * attempt) for another worker.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { failureOfJob, LONG_JOB, payload, progressWhere, startQueueWorld, startWorkerProcess, type QueueWorld } from './helpers.js';

let world: QueueWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function setUp(overrides: Record<string, string>) {
  world = await startQueueWorld(overrides, 1);
  return { ...world, worker: world.workers[0] };
}

describe('graceful shutdown', () => {
  it('drains: the running job completes, no new job starts, the process exits 0', async () => {
    const { queue, events, worker } = await setUp({ SHUTDOWN_GRACE_MS: '30000', MAX_JOBS_PER_USER: '5' });
    const { jobId } = await queue.enqueueTraining(payload({ dataset: 'spiral', epochs: 1500 }));
    await progressWhere(events, jobId, (p) => p.phase === 'training');
    const completed = events.waitFor(jobId);
    worker.child.kill('SIGTERM');
    const next = await queue.enqueueTraining(payload({ dataset: 'xor', epochs: 10 }));

    expect((await completed).summary.training.epochsRun).toBe(1500);
    expect(await worker.exited).toBe(0);
    expect(await queue.queue.getJobState(next.jobId)).toBe('waiting');
    expect(worker.output()).toContain('worker stopped');
  });

  it('past the grace period, hands the running job back to the queue for another worker', async () => {
    const { queue, events, worker } = await setUp({ SHUTDOWN_GRACE_MS: '300' });
    const { jobId } = await queue.enqueueTraining(payload(LONG_JOB, { userId: 'owner' }));
    await progressWhere(events, jobId, (p) => p.phase === 'training');
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    const job = (await queue.queue.getJob(jobId))!;
    expect(await job.getState()).toBe('waiting');
    expect(job.attemptsMade).toBe(0);

    // Another worker picks it up (then we cancel it: its run is long).
    const restarted = progressWhere(events, jobId, (p) => p.phase === 'training');
    world!.workers.push(await startWorkerProcess(world!.env));
    await restarted;
    const failed = failureOfJob(events, jobId);
    await queue.cancelJob(jobId, { byUserId: 'owner' });
    expect(await failed).toEqual({ kind: 'cancelled', by: 'owner' });
  });
});

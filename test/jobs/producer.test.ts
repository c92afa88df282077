/**
 * The producer on a real Redis, with no worker running: quotas are checked before anything is
 * queued, and a queued job can be cancelled.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { createTrainingQueue, type TrainingQueue } from '../../src/jobs/index.js';
import { configOf, deletePrefix, payload, testEnv } from './helpers.js';

let queue: TrainingQueue | undefined;
let prefix = '';
let url = '';

function open(overrides: Record<string, string> = {}) {
  const env = testEnv(overrides);
  prefix = env.QUEUE_PREFIX;
  url = env.REDIS_URL;
  queue = createTrainingQueue(configOf(env));
  return queue;
}

afterEach(async () => {
  await queue?.close();
  queue = undefined;
  await deletePrefix(url, prefix);
});

async function refusal(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('producer', () => {
  it('refuses a job over the work budget before queueing it, saying how many epochs would fit', async () => {
    const q = open({ JOB_WORK_BUDGET: '1000000' });
    // xor: 200 rows, 2-8-1 = 33 parameters: 33 x 200 x 1000 = 6.6e6 > 1e6.
    const error = await refusal(q.enqueueTraining(payload({ dataset: 'xor', epochs: 1000 })));
    expect(error.key).toBe('jobs.quota.budget');
    expect(error.values).toMatchObject({ parameters: '33', rows: '200', epochs: '1,000', maxEpochs: '151' });
    expect(error.message).toContain('at most 151 epochs');
    expect(await q.queue.count()).toBe(0);
    // Within budget it goes through.
    await expect(q.enqueueTraining(payload({ dataset: 'xor', epochs: 100 }))).resolves.toMatchObject({ position: 1 });
  });

  it('counts cross-validation folds in the budget', async () => {
    const q = open({ JOB_WORK_BUDGET: '5000000' });
    const error = await refusal(q.enqueueTraining(payload({ dataset: 'xor', epochs: 200, folds: 5 })));
    expect(error.values).toMatchObject({ runs: 6 });
  });

  it('allows at most MAX_JOBS_PER_USER queued-or-running jobs per user, and frees the slot on cancel', async () => {
    const q = open({ MAX_JOBS_PER_USER: '2' });
    const first = await q.enqueueTraining(payload({ dataset: 'xor' }, { userId: 'u1' }));
    const second = await q.enqueueTraining(payload({ dataset: 'xor' }, { userId: 'u1' }));
    expect([first.position, second.position]).toEqual([1, 2]);
    const error = await refusal(q.enqueueTraining(payload({ dataset: 'xor' }, { userId: 'u1' })));
    expect(error.key).toBe('jobs.quota.user');
    expect(error.values).toEqual({ count: 2, limit: 2 });
    // Another user is not affected.
    await q.enqueueTraining(payload({ dataset: 'xor' }, { userId: 'u2' }));
    expect((await q.jobsOf('u1')).map((j) => j.jobId)).toEqual([first.jobId, second.jobId]);

    expect(await q.cancelJob(first.jobId, { byUserId: 'u1' })).toEqual({ outcome: 'removed' });
    expect(await q.queue.getJob(first.jobId)).toBeUndefined();
    await expect(q.enqueueTraining(payload({ dataset: 'xor' }, { userId: 'u1' }))).resolves.toBeDefined();
  });

  it('limits jobs per guild and the queue length', async () => {
    const q = open({ MAX_JOBS_PER_GUILD: '2', MAX_QUEUE_LENGTH: '3' });
    await q.enqueueTraining(payload({ dataset: 'xor' }, { userId: 'a', guildId: 'g1' }));
    await q.enqueueTraining(payload({ dataset: 'xor' }, { userId: 'b', guildId: 'g1' }));
    expect((await refusal(q.enqueueTraining(payload({ dataset: 'xor' }, { userId: 'c', guildId: 'g1' })))).key).toBe('jobs.quota.guild');
    await q.enqueueTraining(payload({ dataset: 'xor' }, { userId: 'c', guildId: 'g2' }));
    expect((await refusal(q.enqueueTraining(payload({ dataset: 'xor' }, { userId: 'd', guildId: 'g3' })))).key).toBe('jobs.quota.queue');
  });

  it('lets only the requester or a manager of the same guild cancel a queued job', async () => {
    const q = open();
    const { jobId } = await q.enqueueTraining(payload({ dataset: 'xor' }, { userId: 'owner', guildId: 'g1' }));
    expect(await q.cancelJob(jobId, { byUserId: 'stranger' })).toEqual({ outcome: 'forbidden' });
    expect(await q.cancelJob(jobId, { byUserId: 'admin', canManageGuild: true, guildId: 'other' })).toEqual({ outcome: 'forbidden' });
    expect(await q.cancelJob(jobId, { byUserId: 'admin', canManageGuild: true, guildId: 'g1' })).toEqual({ outcome: 'removed' });
    expect(await q.cancelJob(jobId, { byUserId: 'owner' })).toEqual({ outcome: 'not-found' });
  });

  it('refuses a bad upload before queueing, with the data layer’s message key', async () => {
    const q = open();
    const key = await q.storeUpload(new TextEncoder().encode('a,b,label\n1,2,x\n3\n'));
    const error = await refusal(q.enqueueTraining({ ...payload({ dataset: 'mine.csv', target: 'label' }), upload: { key } }));
    expect(error.key).toBe('data.csv.ragged');
    expect(await q.queue.count()).toBe(0);
  });

  it('keeps the interaction token inside the job only (never in the returned values)', async () => {
    const q = open();
    const result = await q.enqueueTraining(payload({ dataset: 'xor' }));
    expect(JSON.stringify(result)).not.toContain('interaction-token-secret');
    const job = await q.queue.getJob(result.jobId);
    expect(job?.data.replyTarget.interactionToken).toBe('interaction-token-secret');
    expect(job?.opts.attempts).toBe(3);
  });
});

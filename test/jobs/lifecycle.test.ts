/**
 * A real worker process (as `npm run worker` starts it) against a real Redis: a job goes from the
 * queue through progress events to a stored model; cancel, the time limit and a user's bad data end
 * a job at once and are never retried.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { TRAIN_JOB, createTrainingEvents, createTrainingQueue, trainingResultSchema, type TrainingEvents, type TrainingProgress, type TrainingQueue } from '../../src/jobs/index.js';
import { configOf, deletePrefix, failureOfJob, LONG_JOB, payload, progressWhere, startWorkerProcess, stopWorkerProcess, testEnv, type WorkerProcess } from './helpers.js';

let worker: WorkerProcess | undefined;
let queue: TrainingQueue | undefined;
let events: TrainingEvents | undefined;
let env: Record<string, string> = {};

async function setUp(overrides: Record<string, string> = {}) {
  env = testEnv(overrides);
  const config = configOf(env);
  queue = createTrainingQueue(config);
  events = createTrainingEvents(config);
  [worker] = await Promise.all([startWorkerProcess(env), events.ready()]);
  return { queue, events, worker };
}

afterEach(async () => {
  await stopWorkerProcess(worker);
  await events?.close();
  await queue?.close();
  await deletePrefix(env.REDIS_URL, env.QUEUE_PREFIX);
  worker = queue = events = undefined;
});

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('training jobs end to end', () => {
  it('queues, reports progress, completes, and stores a model that loads and predicts', async () => {
    const { queue, events } = await setUp();
    const { jobId } = await queue.enqueueTraining(payload({ dataset: 'xor', epochs: 150, seed: 3 }, { locale: 'pt-BR' }, true));
    const seen: TrainingProgress[] = [];
    events.onProgress((id, p) => id === jobId && seen.push(p));
    const result = await events.waitFor(jobId);

    expect(trainingResultSchema.parse(result)).toEqual(result);
    expect(result.modelId).toBe(jobId);
    expect(result.summary.training).toMatchObject({ status: 'completed', epochsRun: 150 });
    expect(result.summary.metrics.accuracy).toBeGreaterThan(0.8);
    // Progress: phases in order (rendering and storing only when the last event is older than the
    // interval), the first and the last epoch always, throttled in between.
    const order = ['loading', 'training', 'rendering', 'storing'];
    const phases = [...new Set(seen.map((p) => p.phase))];
    expect(phases.slice(0, 2)).toEqual(['loading', 'training']);
    expect(phases.map((p) => order.indexOf(p))).toEqual([...phases.map((p) => order.indexOf(p))].sort());
    const epochs = seen.filter((p) => p.phase === 'training').map((p) => p.epoch);
    expect(epochs[0]).toBe(1);
    expect(epochs.at(-1)).toBe(150);
    expect(epochs.length).toBeLessThan(150);
    expect(seen.find((p) => p.epoch === 1)?.trainLoss).toBeTypeOf('number');

    const stored = await queue.store.loadModel(result.modelId);
    expect(stored).not.toBeNull();
    const out = stored!.network.predict({ rows: 2, cols: 2, data: Float64Array.of(0.5, 0.5, 0.5, -0.5) }).data;
    expect(out).toHaveLength(2);
    expect(Array.from(out).every((p) => p >= 0 && p <= 1)).toBe(true);
    expect(result.imageNames).toEqual(expect.arrayContaining(['loss-curve', 'network', 'decision-boundary', 'confusion-matrix']));
    expect(result.imageNames).toContain('training.gif'); // the boundary forming, for 2-D data
    for (const name of result.imageNames) {
      const bytes = (await queue.store.image(result.modelId, name))!;
      if (name.endsWith('.gif')) expect(bytes.subarray(0, 6).toString('latin1')).toBe('GIF89a');
      else expect(bytes.subarray(0, 8)).toEqual(PNG);
    }
    expect((await queue.store.history(result.modelId))!.trainLoss).toHaveLength(150);
    expect((await queue.store.listByUser('100')).map((m) => m.modelId)).toEqual([jobId]);
    expect((await queue.store.listByGuild('200')).map((m) => m.modelId)).toEqual([jobId]);
    // The job is finished: the user's slot is free again.
    expect(await queue.jobsOf('100')).toEqual([]);
  });

  it('cancels a running job within a second, and does not retry it', async () => {
    const { queue, events } = await setUp();
    const { jobId } = await queue.enqueueTraining(payload(LONG_JOB, { userId: 'owner' }));
    await progressWhere(events, jobId, (p) => p.phase === 'training');
    const failed = failureOfJob(events, jobId);
    const started = Date.now();
    expect(await queue.cancelJob(jobId, { byUserId: 'owner' })).toEqual({ outcome: 'stopping' });
    expect(await failed).toEqual({ kind: 'cancelled', by: 'owner' });
    expect(Date.now() - started).toBeLessThan(1000);
    const job = await queue.queue.getJob(jobId);
    expect(await job?.getState()).toBe('failed');
    expect(job?.attemptsMade).toBe(1);
    expect(await queue.store.meta(jobId)).toBeNull();
  });

  it('fails a job that runs past JOB_TIMEOUT_MS with a clear reason, without retrying it', async () => {
    const { queue, events } = await setUp({ JOB_TIMEOUT_MS: '1500' });
    const { jobId } = await queue.enqueueTraining(payload(LONG_JOB));
    expect(await failureOfJob(events, jobId)).toEqual({ kind: 'timeout', limitMs: 1500 });
    expect((await queue.queue.getJob(jobId))?.attemptsMade).toBe(1);
  });

  it('reports a bad upload as a UserError key and values, not retried, and a missing upload likewise', async () => {
    const { queue, events } = await setUp();
    const key = await queue.storeUpload(new TextEncoder().encode('a,b,label\n1,2,x\n3,4\n'));
    // Straight onto the queue, as if the producer had not looked (it does: see producer.test.ts).
    const bad = await queue.queue.add(TRAIN_JOB, { ...payload({ dataset: 'mine.csv', target: 'label' }), upload: { key } } as never, { jobId: 'bad-csv' });
    const missing = await queue.queue.add(TRAIN_JOB, { ...payload({ dataset: 'mine.csv', target: 'label' }), upload: { key: 'gone' } } as never, { jobId: 'no-upload' });
    expect(await failureOfJob(events, bad.id!)).toEqual({ kind: 'user', key: 'data.csv.ragged', values: { line: 3, count: 2, expected: 3 } });
    expect(await failureOfJob(events, missing.id!)).toMatchObject({ kind: 'user', key: 'jobs.upload.missing' });
    expect((await queue.queue.getJob('bad-csv'))?.attemptsMade).toBe(1);
  });

  it('ranks stroke runs on the guild leaderboard by test AUC', async () => {
    const { queue, events } = await setUp();
    const ids: string[] = [];
    for (const seed of [1, 2]) ids.push((await queue.enqueueTraining(payload({ dataset: 'stroke', seed }, { userId: `u${seed}`, guildId: 'g' }))).jobId);
    const results = await Promise.all(ids.map((id) => events.waitFor(id)));
    const board = await queue.store.leaderboard('g');
    expect(board.map((e) => e.meta.modelId).sort()).toEqual([...ids].sort());
    expect(board[0].auc).toBeGreaterThanOrEqual(board[1].auc);
    expect(board[0].meta.summary.dataset.synthetic).toBe(true);
    expect(results.every((r) => r.summary.metrics.auc !== null)).toBe(true);
    // Deleting: only the owner (or a manager of the guild).
    expect(await queue.store.delete(ids[0], { userId: 'someone' })).toBe('forbidden');
    expect(await queue.store.delete(ids[0], { userId: 'admin', guildId: 'g', canManageGuild: true })).toBe('deleted');
    expect((await queue.store.leaderboard('g')).map((e) => e.meta.modelId)).toEqual([ids[1]]);
  });
});

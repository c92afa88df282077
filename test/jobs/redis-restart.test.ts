/**
 * Redis restarted mid-training (on a server this test starts, with an append-only file so the
 * queue survives): the worker and the producer reconnect by themselves, the running job completes,
 * and new jobs flow again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTrainingEvents, createTrainingQueue, type TrainingEvents, type TrainingQueue } from '../../src/jobs/index.js';
import { configOf, freePort, payload, progressWhere, startWorkerProcess, stopWorkerProcess, testEnv, type WorkerProcess } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'backprop-redis-'));
let server: ChildProcess | undefined;
let worker: WorkerProcess | undefined;
let queue: TrainingQueue | undefined;
let events: TrainingEvents | undefined;

/** Starts redis-server on `port` and resolves once it accepts connections. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--dir', dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}):\n${output}`)));
  });
  return child;
}

afterAll(async () => {
  await stopWorkerProcess(worker);
  await events?.close();
  await queue?.close();
  if (server && server.exitCode === null) {
    server.kill('SIGKILL');
    await once(server, 'exit');
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('Redis restart', () => {
  it('worker and producer reconnect; the running job completes; new jobs still run', async () => {
    const port = await freePort();
    server = await startRedis(port);
    const env = testEnv({ REDIS_URL: `redis://127.0.0.1:${port}` });
    const config = configOf(env);
    queue = createTrainingQueue(config);
    events = createTrainingEvents(config);
    [worker] = await Promise.all([startWorkerProcess(env), events.ready()]);

    const { jobId } = await queue.enqueueTraining(payload({ dataset: 'spiral', epochs: 2500 }));
    await progressWhere(events, jobId, (p) => p.phase === 'training');
    const done = events.waitFor(jobId);

    server.kill('SIGTERM'); // a clean shutdown: the append-only file is flushed
    await once(server, 'exit');
    server = await startRedis(port);
    const restartedAt = Date.now();

    const result = await done;
    // It really was mid-run: the job finished after Redis came back.
    expect((await queue.queue.getJob(jobId))!.finishedOn).toBeGreaterThan(restartedAt);
    expect(result.summary.training.epochsRun).toBe(2500);
    expect(await queue.store.meta(jobId)).not.toBeNull();

    const after = await queue.enqueueTraining(payload({ dataset: 'xor', epochs: 20 }, { userId: 'someone-else' }));
    expect((await events.waitFor(after.jobId)).summary.training.epochsRun).toBe(20);
  });
});

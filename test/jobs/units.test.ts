/** The pure parts of src/jobs: failure reasons, progress throttling, history thinning, work estimates. */
import { describe, expect, it } from 'vitest';
import { loadRequestTable } from '../../src/training/run.js';
import { trainRequestSchema } from '../../src/training/request.js';
import { encodeFailure, estimateWork, parseFailure, type TrainingProgress } from '../../src/jobs/index.js';
import { createProgressReporter } from '../../src/jobs/progress.js';
import { compactHistory } from '../../src/jobs/store.js';
import { maskJobData } from '../../workers/dashboard.js';

describe('parseFailure', () => {
  it('reads back every failure we encode', () => {
    for (const failure of [
      { kind: 'user', key: 'data.csv.ragged', values: { line: 3, count: 2, expected: 3 } },
      { kind: 'cancelled', by: '42' },
      { kind: 'timeout', limitMs: 600_000 },
    ] as const) {
      expect(parseFailure(encodeFailure(failure))).toEqual(failure);
    }
  });

  it('treats any other reason as internal, keeping the message', () => {
    expect(parseFailure('Unexpected exit code: null signal: SIGKILL')).toEqual({ kind: 'internal', message: 'Unexpected exit code: null signal: SIGKILL' });
    expect(parseFailure('{not json')).toEqual({ kind: 'internal', message: '{not json' });
    expect(parseFailure(undefined)).toEqual({ kind: 'internal', message: '' });
  });
});

describe('createProgressReporter', () => {
  it('sends the first and last epochs always, and otherwise at most one event per interval', async () => {
    let clock = 0;
    const sent: TrainingProgress[] = [];
    const report = createProgressReporter((p) => sent.push(p), 1000, 0, () => clock);
    await report.phase('loading');
    for (let epoch = 1; epoch <= 100; epoch++) {
      clock += 50; // 20 epochs per interval
      await report.epoch({ epoch, epochs: 100, trainLoss: 1 / epoch, elapsedMs: clock, validationLoss: 2 / epoch });
    }
    await report.phase('storing'); // right after the last epoch: folded into it
    expect(sent.map((p) => `${p.phase}:${p.epoch}`)).toEqual(['loading:0', 'training:1', 'training:21', 'training:41', 'training:61', 'training:81', 'training:100']);
    expect(sent[1].etaMs).toBeCloseTo(99 * 50);
    expect(sent.at(-1)).toMatchObject({ etaMs: 0, trainLoss: 0.01, validationLoss: 0.02 });
  });
});

describe('compactHistory', () => {
  it('keeps every epoch when it fits, and thins evenly (keeping the last) when it does not', () => {
    const trainLoss = Array.from({ length: 10_000 }, (_, i) => 1 / (i + 1));
    const full = compactHistory({ trainLoss: trainLoss.slice(0, 50), validationLoss: [] }, 1e6);
    expect(full.epochs).toHaveLength(50);
    const thin = compactHistory({ trainLoss, validationLoss: trainLoss }, 20_000);
    expect(Buffer.byteLength(JSON.stringify(thin))).toBeLessThanOrEqual(20_000);
    expect(thin.epochs[0]).toBe(1);
    expect(thin.epochs.at(-1)).toBe(10_000);
    expect(thin.trainLoss.at(-1)).toBe(trainLoss.at(-1));
  });
});

describe('estimateWork', () => {
  it('counts parameters x rows x epochs x runs with the dataset recipe under the request', async () => {
    const request = trainRequestSchema.parse({ dataset: 'xor', hidden: '4', epochs: 10, folds: 3 });
    const estimate = estimateWork(request, await loadRequestTable(request));
    // 2-4-1: 2*4+4 + 4*1+1 = 17 parameters; 200 rows; 10 epochs; 3 folds + the final fit.
    expect(estimate).toEqual({ parameters: 17, rows: 200, epochs: 10, runs: 4, work: 17 * 200 * 10 * 4 });
  });
});

describe('dashboard', () => {
  it('never shows the interaction token', () => {
    const shown = maskJobData({ request: {}, replyTarget: { interactionToken: 'secret', channelId: '1' } });
    expect(JSON.stringify(shown)).not.toContain('secret');
    expect(shown).toMatchObject({ replyTarget: { channelId: '1' } });
  });
});

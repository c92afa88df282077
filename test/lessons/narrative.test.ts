import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { formatNumber, lossStory, MAX_POST_CHARS, narrateRun, runTitle } from '../../src/lessons/index.js';
import type { Locale } from '../../src/locales/index.js';
import { trainRequestSchema } from '../../src/training/request.js';
import { runTraining, type TrainingRun } from '../../src/training/run.js';
import { decode } from '../render/png.js';

const runs: Record<string, () => Promise<TrainingRun>> = {
  xor: () => runTraining(trainRequestSchema.parse({ dataset: 'xor', hidden: '4', epochs: 12, size: 120 })),
  // Synthetic stroke rows: an empty env means STROKE_CSV is never read.
  stroke: () => runTraining(trainRequestSchema.parse({ dataset: 'stroke', epochs: 6, size: 1500 }), { env: {} }),
};

describe.each(Object.keys(runs))('narrateRun on a %s run', (name) => {
  it('tells the real first, best and last loss, in both languages, within Discord limits', async () => {
    const run = await runs[name]();
    const { trainLoss, validationLoss } = run.model.training.history;
    const best = run.model.training.bestEpoch;
    expect(best).toBeGreaterThan(0);
    for (const locale of ['en', 'pt-BR'] as Locale[]) {
      const posts = await narrateRun(run, locale);
      expect(posts.length).toBeGreaterThanOrEqual(5);
      posts.forEach((post, i) => {
        expect(post.content.startsWith(`${i + 1}/${posts.length} `)).toBe(true);
        expect(post.content.length).toBeLessThanOrEqual(MAX_POST_CHARS);
      });
      const text = posts.map((p) => p.content).join('\n');
      const f = (v: number) => formatNumber(v, locale);
      expect(text).toContain(f(trainLoss[0]));
      expect(text).toContain(f(trainLoss[trainLoss.length - 1]));
      expect(text).toContain(`**${f(validationLoss[best - 1])}**`);
      expect(text).toContain(f(validationLoss[validationLoss.length - 1]));
      expect(lossStory(run).valBest).toBe(validationLoss[best - 1]);
      expect(runTitle(run, locale)).toContain(run.table.meta.name);
      // The verdict quotes the test AUC.
      expect(text).toContain(f(run.test.metrics.auc));
      for (const image of posts.flatMap((p) => p.images)) expect((await decode(image.png)).width).toBeGreaterThan(200);
    }
  });
});

describe('narrateRun verdicts', () => {
  it('warns about imbalance on stroke data and says the rows are synthetic', async () => {
    const run = await runs.stroke();
    const en = (await narrateRun(run, 'en')).map((p) => p.content).join('\n');
    expect(en).toMatch(/Imbalanced data/);
    expect(en).toMatch(/SYNTHETIC DATA/);
    const pt = (await narrateRun(run, 'pt-BR')).map((p) => p.content).join('\n');
    expect(pt).toMatch(/Dados desbalanceados/);
  });

  it('reports divergence with the engine\'s message', async () => {
    // A real run, marked as diverged the way train() marks one (finding a seed that diverges through
    // the standardised playground recipe would make this test about the data, not the story).
    const real = await runs.xor();
    const error = new UserError('engine.diverged', { epoch: 5, loss: '1.2e+4', learningRate: 10 });
    const training = { ...real.model.training, status: 'diverged' as const, divergence: { epoch: 5, loss: 12_000, error } };
    const run: TrainingRun = { ...real, model: { ...real.model, training } };
    const posts = await narrateRun(run, 'pt-BR');
    expect(posts.map((p) => p.content).join('\n')).toContain(run.model.training.divergence!.error.localized('pt-BR'));
  });

  it('lists the employees and the CEO with their strongest inputs', async () => {
    const run = await runs.xor();
    const text = (await narrateRun(run, 'en')).map((p) => p.content).join('\n');
    expect(text).toMatch(/Employees/);
    expect(text).toMatch(/h1\.1 ← x\d \([+-]/);
    expect(text).toMatch(/out ← h1\.\d/);
  });
});

/** "gradient-descent": the same full-batch training with a learning rate too small, about right and too high. */
import { circle } from '../../data/index.js';
import { textsFor } from '../content/index.js';
import { once } from '../memo.js';
import type { Draft } from '../post.js';
import { formatters, lossCurveImage, trainSmall, type RenderContext } from './shared.js';

/** Learning rates of the three runs; the last one diverges (checked by the tests). */
export const LEARNING_RATES = { tooSmall: 0.05, justRight: 0.5, tooHigh: 8 } as const;
export const DESCENT_POINTS = 200;
const NETWORK = {
  inputs: 2,
  layers: [
    { units: 8, activation: 'relu' as const },
    { units: 1, activation: 'sigmoid' as const },
  ],
  loss: 'binary-cross-entropy' as const,
  seed: 1,
};
const EPOCHS = 100;

export function computeDescent() {
  return once('gradient-descent', async () => {
    const data = circle({ size: DESCENT_POINTS, noise: 0.1, seed: 1 });
    // Full batch (every point in every step): one epoch is one step of plain gradient descent.
    const run = async (learningRate: number) =>
      (await trainSmall(NETWORK, data, { epochs: EPOCHS, batchSize: DESCENT_POINTS, shuffle: false, optimizer: { kind: 'sgd', learningRate } })).result;
    return { tooSmall: await run(LEARNING_RATES.tooSmall), justRight: await run(LEARNING_RATES.justRight), tooHigh: await run(LEARNING_RATES.tooHigh) };
  });
}

export async function buildGradientDescent(ctx: RenderContext): Promise<Draft[]> {
  const text = textsFor(ctx.locale).gradientDescent;
  const f = formatters(ctx.locale);
  const runs = await computeDescent();
  const summary = (key: 'tooSmall' | 'justRight') => {
    const loss = runs[key].history.trainLoss;
    return { rate: f.setting(LEARNING_RATES[key]), first: f.n(loss[0]), last: f.n(loss[loss.length - 1]), epochs: f.count(loss.length) };
  };
  const curve = (key: keyof typeof LEARNING_RATES, filename: string) =>
    lossCurveImage({ trainLoss: runs[key].history.trainLoss }, ctx, { filename, description: text.curveAlt({ rate: f.setting(LEARNING_RATES[key]) }) });
  const high = runs.tooHigh;
  return [
    { text: text.mountain },
    { text: text.rule },
    { text: text.batches({ points: f.count(DESCENT_POINTS) }) },
    { text: text.tooSmall(summary('tooSmall')), images: [await curve('tooSmall', 'descent-rate-small.png')] },
    { text: text.justRight(summary('justRight')), images: [await curve('justRight', 'descent-rate-right.png')] },
    {
      text: text.tooHigh({
        rate: f.setting(LEARNING_RATES.tooHigh),
        climb: high.history.trainLoss.map((l) => f.n(l, 2)).join(' → '),
        epoch: f.count(high.divergence?.epoch ?? high.epochsRun),
        message: high.divergence ? high.divergence.error.localized(ctx.locale) : '',
      }),
      images: high.history.trainLoss.length > 0 ? [await curve('tooHigh', 'descent-rate-high.png')] : [],
    },
    { text: text.betterWalkers },
  ];
}

/** "overfitting": a big network on a few noisy points; training loss keeps falling while validation loss turns up. */
import { moons, stratifiedSplit, takeLabels, takeRows, type Dataset } from '../../data/index.js';
import { createNetwork, train } from '../../engine/index.js';
import { textsFor } from '../content/index.js';
import { once } from '../memo.js';
import type { Draft } from '../post.js';
import { binaryData, boundaryImage, formatters, lossCurveImage, networkAt, type RenderContext } from './shared.js';

export const OVERFIT_NETWORK = {
  inputs: 2,
  layers: [
    { units: 32, activation: 'tanh' as const },
    { units: 32, activation: 'tanh' as const },
    { units: 1, activation: 'sigmoid' as const },
  ],
  loss: 'binary-cross-entropy' as const,
  seed: 1,
};
export const OVERFIT_EPOCHS = 300;

function part(data: Dataset, rows: Int32Array): Dataset {
  return { x: takeRows(data.x, rows), labels: takeLabels(data.labels, rows), meta: data.meta };
}

export function computeOverfitting() {
  return once('overfitting', async () => {
    // Few, noisy points and a network with far more weights than points: the recipe for memorising.
    const all = moons({ size: 160, noise: 0.35, seed: 3 });
    const split = stratifiedSplit(all.labels, { validation: 0.5, test: 0, seed: 1 });
    const fit = part(all, split.train);
    const validation = part(all, split.validation);
    const net = createNetwork(OVERFIT_NETWORK);
    let bestLoss = Infinity;
    let bestParams = net.snapshot();
    const result = await train(net, binaryData(fit), {
      epochs: OVERFIT_EPOCHS,
      batchSize: 16,
      optimizer: { kind: 'adam', learningRate: 0.01 },
      validation: binaryData(validation),
      // Keep the weights of the best validation epoch for the "stopped in time" picture.
      onEpoch: (report) => {
        if (report.validationLoss !== undefined && report.validationLoss < bestLoss) {
          bestLoss = report.validationLoss;
          bestParams = net.snapshot();
        }
      },
    });
    return { fit, validation, net, best: networkAt(net, bestParams), result };
  });
}

export async function buildOverfitting(ctx: RenderContext): Promise<Draft[]> {
  const text = textsFor(ctx.locale).overfitting;
  const f = formatters(ctx.locale);
  const c = await computeOverfitting();
  const { history, bestEpoch, epochsRun } = c.result;
  const last = history.trainLoss.length - 1;
  const images = {
    curve: await lossCurveImage({ trainLoss: history.trainLoss, validationLoss: history.validationLoss, bestEpoch }, ctx, {
      filename: 'overfitting-curves.png',
      description: text.curveAlt,
    }),
    best: await boundaryImage(c.best, c.validation, ctx, {
      filename: 'overfitting-best.png',
      description: text.bestAlt({ epoch: f.count(bestEpoch) }),
      title: text.bestTitle({ epoch: f.count(bestEpoch) }),
    }),
    last: await boundaryImage(c.net, c.validation, ctx, {
      filename: 'overfitting-last.png',
      description: text.lastAlt({ epoch: f.count(epochsRun) }),
      title: text.lastTitle({ epoch: f.count(epochsRun) }),
    }),
  };
  return [
    { text: text.student },
    { text: text.heldOut },
    {
      text: text.experiment({
        fit: f.count(c.fit.labels.length),
        validation: f.count(c.validation.labels.length),
        shape: [OVERFIT_NETWORK.inputs, ...OVERFIT_NETWORK.layers.map((l) => l.units)].join('-'),
        params: f.count(c.net.parameterCount()),
        epochs: f.count(epochsRun),
      }),
    },
    {
      text: text.curves({
        trainFirst: f.n(history.trainLoss[0]),
        trainLast: f.n(history.trainLoss[last]),
        best: f.count(bestEpoch),
        valBest: f.n(history.validationLoss[bestEpoch - 1]),
        valLast: f.n(history.validationLoss[last]),
        accBest: f.pct(history.validationAccuracy[bestEpoch - 1]),
        accLast: f.pct(history.validationAccuracy[last]),
      }),
      images: [images.curve],
    },
    { text: text.boundaries({ best: f.count(bestEpoch), epochs: f.count(epochsRun) }), images: [images.best, images.last] },
    { text: text.remedies },
    { text: text.rule },
  ];
}

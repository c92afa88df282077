/** "neuron": one neuron by hand (weighted sum, sigmoid), then one neuron trained on two 2-D sets. */
import { gauss, xor } from '../../data/index.js';
import { createNetwork, getActivation, traceSample } from '../../engine/index.js';
import { textsFor } from '../content/index.js';
import { once } from '../memo.js';
import type { Draft } from '../post.js';
import { accuracyOf, boundaryImage, formatters, trainSmall, type RenderContext } from './shared.js';

/** The hand-picked neuron of the lesson: round weights so a learner can redo the sum. */
export const NEURON_EXAMPLE = { weights: [0.8, -0.4], bias: 0.1, input: [2, 1] } as const;

const SINGLE_NEURON = { inputs: 2, layers: [{ units: 1, activation: 'sigmoid' as const }], loss: 'binary-cross-entropy' as const, dtype: 'float64' as const, seed: 1 };
const TRAINING = { epochs: 60, batchSize: 16, optimizer: { kind: 'adam' as const, learningRate: 0.05 } };

function compute() {
  return once('neuron', async () => {
    const net = createNetwork(SINGLE_NEURON);
    net.restore([NEURON_EXAMPLE.weights, [NEURON_EXAMPLE.bias]]);
    const trace = traceSample(net, NEURON_EXAMPLE.input, [1]);
    const gaussData = gauss({ size: 200, noise: 0.3, seed: 1 });
    const xorData = xor({ size: 200, noise: 0.1, seed: 1 });
    const onGauss = await trainSmall(SINGLE_NEURON, gaussData, TRAINING);
    const onXor = await trainSmall(SINGLE_NEURON, xorData, TRAINING);
    return {
      z: trace.layers[0].z[0],
      a: trace.layers[0].a[0],
      gauss: { data: gaussData, net: onGauss.net, accuracy: accuracyOf(onGauss.net, gaussData) },
      xor: { data: xorData, net: onXor.net, accuracy: accuracyOf(onXor.net, xorData) },
    };
  });
}

export async function buildNeuron(ctx: RenderContext): Promise<Draft[]> {
  const text = textsFor(ctx.locale).neuron;
  const f = formatters(ctx.locale);
  const c = await compute();
  const [w1, w2] = NEURON_EXAMPLE.weights;
  const [x1, x2] = NEURON_EXAMPLE.input;
  return [
    { text: text.hook },
    { text: text.employee },
    { text: text.weightedSum({ x1: f.n(x1, 1), x2: f.n(x2, 1), w1: f.n(w1, 1), w2: f.n(w2, 1), b: f.n(NEURON_EXAMPLE.bias, 1), z: f.n(c.z) }) },
    { text: text.squash({ formula: getActivation('sigmoid').formula, z: f.n(c.z), a: f.n(c.a) }) },
    {
      text: text.oneLine({ gaussAccuracy: f.pct(c.gauss.accuracy), xorAccuracy: f.pct(c.xor.accuracy) }),
      images: [
        await boundaryImage(c.gauss.net, c.gauss.data, ctx, { filename: 'neuron-gauss.png', description: text.gaussAlt }),
        await boundaryImage(c.xor.net, c.xor.data, ctx, { filename: 'neuron-xor.png', description: text.xorAlt }),
      ],
    },
    { text: text.learning },
  ];
}

/** "layers": a 2-4-1 network solves XOR, which one neuron cannot. */
import { xor } from '../../data/index.js';
import { renderNetworkDiagram } from '../../render/index.js';
import { textsFor } from '../content/index.js';
import { once } from '../memo.js';
import type { Draft } from '../post.js';
import { accuracyOf, boundaryImage, formatters, trainSmall, type RenderContext } from './shared.js';

export const XOR_NETWORK = {
  inputs: 2,
  layers: [
    { units: 4, activation: 'tanh' as const },
    { units: 1, activation: 'sigmoid' as const },
  ],
  loss: 'binary-cross-entropy' as const,
  dtype: 'float64' as const,
  seed: 1,
};
export const XOR_TRAINING = { epochs: 100, batchSize: 16, optimizer: { kind: 'adam' as const, learningRate: 0.05 } };

/** The XOR training, shared with the "loss" lesson (its loss curve). */
export function xorTraining() {
  return once('layers', async () => {
    // Noisy enough that a few points cross into the other quadrant: a realistic, not perfect, fit.
    const data = xor({ size: 200, noise: 0.4, seed: 1 });
    const { net, result } = await trainSmall(XOR_NETWORK, data, XOR_TRAINING);
    const output = net.layers[1].weights;
    let strongest = 0;
    for (let j = 1; j < output.length; j++) if (Math.abs(output[j]) > Math.abs(output[strongest])) strongest = j;
    return { data, net, result, accuracy: accuracyOf(net, data), strongest, strongestWeight: output[strongest] };
  });
}

export async function buildLayers(ctx: RenderContext): Promise<Draft[]> {
  const text = textsFor(ctx.locale).layers;
  const f = formatters(ctx.locale);
  const c = await xorTraining();
  const [hidden, out] = c.net.layers;
  const diagram = await renderNetworkDiagram(c.net, { locale: ctx.locale, theme: ctx.theme, featureNames: c.data.meta.featureNames });
  return [
    { text: text.manyNeurons },
    { text: text.office },
    {
      text: text.matrix({
        shape: '2-4-1',
        params: f.count(c.net.parameterCount()),
        first: f.count(hidden.weights.length + hidden.biases.length),
        second: f.count(out.weights.length + out.biases.length),
      }),
    },
    {
      text: text.xorSolved({ points: f.count(c.data.labels.length), accuracy: f.pct(c.accuracy), epochs: f.count(c.result.epochsRun) }),
      images: [await boundaryImage(c.net, c.data, ctx, { filename: 'layers-xor-boundary.png', description: text.boundaryAlt })],
    },
    {
      text: text.inside({ unit: `h${c.strongest + 1}`, weight: f.n(c.strongestWeight, 2) }),
      images: [{ filename: 'layers-xor-network.png', png: diagram, description: text.diagramAlt }],
    },
    { text: text.deepOrWide },
  ];
}

/** "activation": sigmoid, tanh, relu and softmax evaluated by the engine, then tanh vs relu on circles. */
import { circle } from '../../data/index.js';
import { getActivation, type ActivationName } from '../../engine/index.js';
import { textsFor } from '../content/index.js';
import { listSeparator } from '../format.js';
import { once } from '../memo.js';
import type { Draft } from '../post.js';
import { accuracyOf, boundaryImage, formatters, trainSmall, type RenderContext } from './shared.js';

/** Where the lesson evaluates each activation. */
export const ACTIVATION_POINTS = [-2, 0, 2] as const;
export const SOFTMAX_EXAMPLE = [2, 1, 0.1] as const;

/**
 * f(z) and f'(z) through the engine's own forward and backward (backward with da = 1 is the local
 * derivative), so the lesson shows exactly what training uses.
 */
export function evaluateActivation(name: ActivationName, z: number): { a: number; slope: number } {
  const activation = getActivation(name);
  const zs = Float64Array.of(z);
  const a = new Float64Array(1);
  const dz = new Float64Array(1);
  activation.forward(zs, a, 1, 1);
  activation.backward(zs, a, Float64Array.of(1), dz, 1, 1);
  return { a: a[0], slope: dz[0] };
}

export function softmaxOf(z: readonly number[]): number[] {
  const out = new Float64Array(z.length);
  getActivation('softmax').forward(Float64Array.from(z), out, z.length, z.length);
  return Array.from(out);
}

const circleNetwork = (activation: 'tanh' | 'relu') => ({
  inputs: 2,
  layers: [
    { units: 8, activation },
    { units: 1, activation: 'sigmoid' as const },
  ],
  loss: 'binary-cross-entropy' as const,
  seed: 2,
});
const TRAINING = { epochs: 120, batchSize: 16, optimizer: { kind: 'adam' as const, learningRate: 0.03 } };

function compute() {
  return once('activation', async () => {
    const data = circle({ size: 200, noise: 0.1, seed: 1 });
    const tanh = await trainSmall(circleNetwork('tanh'), data, TRAINING);
    const relu = await trainSmall(circleNetwork('relu'), data, TRAINING);
    return { data, tanh: { net: tanh.net, accuracy: accuracyOf(tanh.net, data) }, relu: { net: relu.net, accuracy: accuracyOf(relu.net, data) } };
  });
}

export async function buildActivation(ctx: RenderContext): Promise<Draft[]> {
  const text = textsFor(ctx.locale).activation;
  const f = formatters(ctx.locale);
  const c = await compute();
  const values = (name: ActivationName) =>
    ACTIVATION_POINTS.map((z) => {
      const { a, slope } = evaluateActivation(name, z);
      return '- ' + text.valueLine({ z: f.n(z, 0), a: f.n(a), slope: f.n(slope) });
    }).join('\n');
  const sigmoid = getActivation('sigmoid');
  const tanh = getActivation('tanh');
  const relu = getActivation('relu');
  const leaky = getActivation('leaky-relu');
  const probabilities = softmaxOf([...SOFTMAX_EXAMPLE]);
  return [
    { text: text.why },
    { text: text.temperament },
    { text: text.sigmoid({ formula: sigmoid.formula, derivative: sigmoid.derivative, values: values('sigmoid'), peak: f.n(evaluateActivation('sigmoid', 0).slope, 2) }) },
    { text: text.tanh({ formula: tanh.formula, derivative: tanh.derivative, values: values('tanh') }) },
    { text: text.relu({ formula: relu.formula, derivative: relu.derivative, leaky: leaky.formula, values: values('relu') }) },
    {
      text: text.softmax({
        formula: getActivation('softmax').formula,
        z: SOFTMAX_EXAMPLE.map((z) => f.n(z, 1)).join(listSeparator(ctx.locale)),
        p: probabilities.map((p) => f.n(p)).join(listSeparator(ctx.locale)),
        sum: f.n(probabilities.reduce((s, p) => s + p, 0)),
      }),
    },
    {
      text: text.compare({ tanhAccuracy: f.pct(c.tanh.accuracy), reluAccuracy: f.pct(c.relu.accuracy) }),
      images: [
        await boundaryImage(c.tanh.net, c.data, ctx, { filename: 'activation-tanh.png', description: text.tanhAlt, title: 'tanh' }),
        await boundaryImage(c.relu.net, c.data, ctx, { filename: 'activation-relu.png', description: text.reluAlt, title: 'relu' }),
      ],
    },
  ];
}

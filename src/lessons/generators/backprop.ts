/**
 * "backprop": one forward and one backward pass through a 2-2-1 network on one example, every number
 * read from the engine's trace, then one gradient-descent step done by the engine's optimizer.
 */
import { createNetwork, createOptimizer, getActivation, traceSample, type Network, type NetworkSpecInput, type SampleTrace } from '../../engine/index.js';
import { renderNetworkDiagram, type NetworkView } from '../../render/index.js';
import { textsFor } from '../content/index.js';
import { once } from '../memo.js';
import type { Draft, LessonImage } from '../post.js';
import { formatters, type RenderContext } from './shared.js';

/**
 * The worked example. Seed 11 gives hidden neurons with output weights of opposite signs, so their
 * blame has opposite signs too, and a prediction far enough from the answer for the numbers to show.
 */
export const BACKPROP_EXAMPLE: {
  spec: NetworkSpecInput & { inputs: 2 };
  input: readonly [number, number];
  target: readonly [number];
  learningRate: number;
} = {
  spec: {
    inputs: 2,
    layers: [
      { units: 2, activation: 'sigmoid' },
      { units: 1, activation: 'sigmoid' },
    ],
    loss: 'binary-cross-entropy',
    dtype: 'float64',
    seed: 11,
  },
  input: [1, 0.5],
  target: [1],
  learningRate: 0.5,
};

export interface BackpropNumbers {
  /** Weights and biases before the step: [W1, b1, W2, b2] as in Network.snapshot(). */
  before: number[][];
  after: number[][];
  trace: SampleTrace;
  traceAfter: SampleTrace;
}

export function computeBackprop(): Promise<BackpropNumbers> {
  return once('backprop', async () => {
    const net = createNetwork(BACKPROP_EXAMPLE.spec);
    const before = net.snapshot().map((p) => Array.from(p));
    const trace = traceSample(net, BACKPROP_EXAMPLE.input, BACKPROP_EXAMPLE.target);
    // traceSample left the gradients of this example in the network: one plain SGD step uses them.
    const optimizer = createOptimizer({ kind: 'sgd', learningRate: BACKPROP_EXAMPLE.learningRate });
    optimizer.step(
      net.layers.flatMap((l) => [l.weights, l.biases]),
      net.layers.flatMap((l) => [l.weightGrads, l.biasGrads]),
    );
    const after = net.snapshot().map((p) => Array.from(p));
    const traceAfter = traceSample(net, BACKPROP_EXAMPLE.input, BACKPROP_EXAMPLE.target);
    return { before, after, trace, traceAfter };
  });
}

/** Names of the parameters, in the order they are listed: weights by input then neuron, then biases. */
export function parameterNames(): { layer: number; kind: 'weight' | 'bias'; index: number; from: string; to: string }[] {
  const names: ReturnType<typeof parameterNames> = [];
  const { spec } = BACKPROP_EXAMPLE;
  let inputs = Array.from({ length: spec.inputs }, (_, i) => `x${i + 1}`);
  spec.layers.forEach((layer, l) => {
    const units = l === spec.layers.length - 1 ? ['out'] : Array.from({ length: layer.units }, (_, j) => `h${j + 1}`);
    inputs.forEach((from, i) => units.forEach((to, j) => names.push({ layer: l, kind: 'weight', index: i * layer.units + j, from, to })));
    units.forEach((to, j) => names.push({ layer: l, kind: 'bias', index: j, from: 'b', to }));
    inputs = units;
  });
  return names;
}

async function diagram(net: Network, numbers: BackpropNumbers, ctx: RenderContext, view: NetworkView, filename: string, description: string): Promise<LessonImage> {
  const { trace } = numbers;
  const png = await renderNetworkDiagram(net, {
    locale: ctx.locale,
    theme: ctx.theme,
    view,
    sample: { activations: [trace.input, ...trace.layers.map((l) => l.a)], deltas: trace.layers.map((l) => l.delta) },
  });
  return { filename, png, description };
}

export async function buildBackprop(ctx: RenderContext): Promise<Draft[]> {
  const text = textsFor(ctx.locale).backprop;
  const f = formatters(ctx.locale);
  const numbers = await computeBackprop();
  const { trace, before, after, traceAfter } = numbers;
  const { input, target, learningRate } = BACKPROP_EXAMPLE;
  const [hidden, output] = trace.layers;
  const W1 = before[0];
  const b1 = before[1];
  const W2 = before[2];
  const b2 = before[3];
  // The network as it was before the step, for the pictures.
  const net = createNetwork(BACKPROP_EXAMPLE.spec);
  const sigmoid = getActivation('sigmoid');
  const x = input.map((v) => f.n(v, 1));
  const signed = (v: number) => (v < 0 ? `(${f.n(v)})` : f.n(v));

  const weightLines = (layer: 0 | 1) =>
    parameterNames()
      .filter((p) => p.layer === layer && p.kind === 'weight')
      .map((p) => '- ' + text.weightLine({ from: p.from, to: p.to, value: f.n(before[2 * layer][p.index]) }))
      .join('\n');
  const hiddenLines = [0, 1]
    .map((j) =>
      '- ' +
      text.neuronLine({
        name: `h${j + 1}`,
        sum: `${signed(W1[j])}·${x[0]} + ${signed(W1[2 + j])}·${x[1]} + ${signed(b1[j])}`,
        z: f.n(hidden.z[j]),
        a: f.n(hidden.a[j]),
      }),
    )
    .join('\n');
  const outputLine = text.neuronLine({
    name: 'out',
    sum: `${signed(W2[0])}·${f.n(hidden.a[0])} + ${signed(W2[1])}·${f.n(hidden.a[1])} + ${signed(b2[0])}`,
    z: f.n(output.z[0]),
    a: f.n(output.a[0]),
  });
  const blameLines = [0, 1]
    .map(
      (j) =>
        '- ' +
        text.blameLine({ name: `h${j + 1}`, deltaOut: signed(output.delta[0]), v: signed(W2[j]), a: f.n(hidden.a[j]), delta: f.n(hidden.delta[j]) }),
    )
    .join('\n');
  const names = parameterNames();
  const gradientOf = (p: (typeof names)[number]) => (p.kind === 'weight' ? trace.layers[p.layer].weightGrads[p.index] : trace.layers[p.layer].biasGrads[p.index]);
  // Inputs are shown as typed (x[i]); hidden activations with the lesson's three decimals.
  const inputOf = (p: (typeof names)[number]) => (p.layer === 0 ? x[Math.floor(p.index / 2)] : f.n(hidden.a[p.index]));
  const gradientLines = names
    .filter((p) => p.kind === 'weight')
    .map(
      (p) =>
        '- ' +
        text.gradientLine({ from: p.from, to: p.to, input: inputOf(p), delta: signed(trace.layers[p.layer].delta[p.index % trace.layers[p.layer].delta.length]), grad: f.n(gradientOf(p)) }),
    )
    .join('\n');
  const biasLines = names
    .filter((p) => p.kind === 'bias')
    .map((p) => `${p.to}: ${f.n(gradientOf(p))}`)
    .join(' · ');
  const slot = (p: (typeof names)[number]) => 2 * p.layer + (p.kind === 'bias' ? 1 : 0);
  const updateLines = names
    .map(
      (p) =>
        '- ' +
        text.updateLine({
          from: p.from,
          to: p.to,
          before: f.n(before[slot(p)][p.index]),
          rate: f.n(learningRate, 1),
          grad: signed(gradientOf(p)),
          after: f.n(after[slot(p)][p.index]),
        }),
    )
    .join('\n');

  return [
    { text: text.story },
    {
      text: text.setup({ x1: x[0], x2: x[1], y: f.n(target[0], 0), weights: weightLines(0), outputWeights: weightLines(1) }),
      images: [await diagram(net, numbers, ctx, 'weights', 'backprop-network.png', text.diagramAlt)],
    },
    { text: text.forwardHidden({ lines: hiddenLines, formula: sigmoid.formula }) },
    {
      text: text.forwardOutput({ line: outputLine, p: f.n(trace.output[0]), y: f.n(target[0], 0), loss: f.n(trace.loss) }),
      images: [await diagram(net, numbers, ctx, 'activations', 'backprop-forward.png', text.activationsAlt)],
    },
    { text: text.blameOutput({ p: f.n(trace.output[0]), y: f.n(target[0], 0), delta: f.n(output.delta[0]) }) },
    {
      text: text.blameHidden({ lines: blameLines, derivative: sigmoid.derivative }),
      images: [await diagram(net, numbers, ctx, 'blame', 'backprop-blame.png', text.blameAlt)],
    },
    { text: text.gradients({ lines: gradientLines, biasLines }) },
    { text: text.update({ rate: f.n(learningRate, 1), lines: updateLines, lossBefore: f.n(trace.loss), lossAfter: f.n(traceAfter.loss), pAfter: f.n(traceAfter.output[0]) }) },
    { text: text.repeat },
  ];
}

import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, type ActivationName } from '../../src/engine/activations.js';
import type { LossName } from '../../src/engine/losses.js';
import { createNetwork, type Network } from '../../src/engine/network.js';
import { createRng } from '../../src/engine/prng.js';

/**
 * Analytic gradients (backprop) against central differences of the loss, in float64.
 * The relative error ||analytic - numeric|| / (||analytic|| + ||numeric||) must stay below 1e-6.
 */
const ROWS = 5;
const STEP = 1e-5;

function batch(net: Network, seed: number) {
  const rng = createRng(seed);
  const x = Float64Array.from({ length: ROWS * net.inputs }, () => rng.normal());
  const y = new Float64Array(ROWS * net.outputs);
  const weights = Float64Array.from({ length: ROWS }, () => 0.5 + rng.next());
  for (let r = 0; r < ROWS; r++) {
    if (net.spec.loss === 'softmax-cross-entropy') y[r * net.outputs + rng.int(net.outputs)] = 1;
    else if (net.spec.loss === 'binary-cross-entropy') y[r] = rng.int(2);
    else for (let j = 0; j < net.outputs; j++) y[r * net.outputs + j] = rng.normal() * 0.5;
  }
  return { x, y, weights };
}

function objective(net: Network, x: Float64Array, y: Float64Array, weights: Float64Array | null, l2: number): number {
  net.forward(x, ROWS);
  return net.backward(x, y, ROWS, weights, 0) / ROWS + net.l2Penalty(l2);
}

function relativeError(net: Network, seed: number, l2: number, weighted: boolean): number {
  const { x, y, weights } = batch(net, seed);
  const w = weighted ? weights : null;
  net.forward(x, ROWS);
  net.backward(x, y, ROWS, w, l2);
  const analytic = net.layers.flatMap((l) => [...l.weightGrads, ...l.biasGrads]);
  const numeric: number[] = [];
  for (const layer of net.layers) {
    for (const params of [layer.weights, layer.biases]) {
      for (let i = 0; i < params.length; i++) {
        const saved = params[i];
        params[i] = saved + STEP;
        const plus = objective(net, x, y, w, l2);
        params[i] = saved - STEP;
        const minus = objective(net, x, y, w, l2);
        params[i] = saved;
        numeric.push((plus - minus) / (2 * STEP));
      }
    }
  }
  let diff = 0;
  let normA = 0;
  let normN = 0;
  for (let i = 0; i < analytic.length; i++) {
    diff += (analytic[i] - numeric[i]) ** 2;
    normA += analytic[i] ** 2;
    normN += numeric[i] ** 2;
  }
  return Math.sqrt(diff) / (Math.sqrt(normA) + Math.sqrt(normN));
}

const outputsFor: Record<LossName, ActivationName[]> = {
  mse: [...ACTIVATIONS],
  'binary-cross-entropy': ['sigmoid'],
  'softmax-cross-entropy': ['softmax'],
};

const cases = (Object.keys(outputsFor) as LossName[]).flatMap((loss) =>
  ACTIVATIONS.flatMap((hidden) => outputsFor[loss].map((output) => ({ loss, hidden, output }))),
);

describe('gradient check (float64, central differences)', () => {
  it.each(cases)('$loss with $hidden hidden layers and $output output', ({ loss, hidden, output }) => {
    const outputs = loss === 'binary-cross-entropy' ? 1 : 3;
    for (const [seed, l2, weighted] of [
      [1, 0, false],
      [2, 0.1, true],
    ] as const) {
      const net = createNetwork({
        inputs: 3,
        layers: [
          { units: 5, activation: hidden },
          { units: 4, activation: hidden },
          { units: outputs, activation: output },
        ],
        loss,
        dtype: 'float64',
        seed,
      });
      expect(relativeError(net, seed + 100, l2, weighted)).toBeLessThan(1e-6);
    }
  });
});

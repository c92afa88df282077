import { describe, expect, it } from 'vitest';
import { createNetwork, inputAttributions, inputGradient, traceSample } from '../../src/engine/index.js';

const net = () =>
  createNetwork({
    inputs: 2,
    layers: [
      { units: 2, activation: 'sigmoid' },
      { units: 1, activation: 'sigmoid' },
    ],
    loss: 'binary-cross-entropy',
    dtype: 'float64',
    seed: 3,
  });

describe('traceSample', () => {
  it('records z = x.W + b and a = f(z) for every neuron', () => {
    const n = net();
    const trace = traceSample(n, [0.5, -1], [1]);
    const [hidden, out] = trace.layers;
    const w = n.layers[0].weights;
    const b = n.layers[0].biases;
    for (let j = 0; j < 2; j++) {
      const z = 0.5 * w[j] + -1 * w[2 + j] + b[j];
      expect(hidden.z[j]).toBeCloseTo(z, 14);
      expect(hidden.a[j]).toBeCloseTo(1 / (1 + Math.exp(-z)), 14);
    }
    expect(trace.output).toEqual(out.a);
    expect(trace.loss).toBeCloseTo(-Math.log(out.a[0]), 14);
  });

  it('gives the output delta p - y and hidden deltas passed back through the weights', () => {
    const n = net();
    const trace = traceSample(n, [0.5, -1], [1]);
    const [hidden, out] = trace.layers;
    expect(out.delta[0]).toBeCloseTo(out.a[0] - 1, 14);
    const w2 = n.layers[1].weights;
    for (let j = 0; j < 2; j++) {
      expect(hidden.delta[j]).toBeCloseTo(out.delta[0] * w2[j] * hidden.a[j] * (1 - hidden.a[j]), 14);
    }
    // each weight's gradient: its input times the delta of the neuron it feeds
    expect(hidden.weightGrads[0 * 2 + 1]).toBeCloseTo(0.5 * hidden.delta[1], 14);
    expect(out.weightGrads[1]).toBeCloseTo(hidden.a[1] * out.delta[0], 14);
    expect(out.biasGrads).toEqual(out.delta);
  });
});

describe('inputGradient', () => {
  it('matches central differences of the output', () => {
    const n = createNetwork({ inputs: 3, layers: [{ units: 4, activation: 'tanh' }, { units: 3, activation: 'softmax' }], loss: 'softmax-cross-entropy', dtype: 'float64', seed: 5 });
    const x = [0.3, -0.7, 1.1];
    for (const k of [0, 2]) {
      const g = inputGradient(n, x, k);
      for (let i = 0; i < 3; i++) {
        const plus = [...x];
        const minus = [...x];
        plus[i] += 1e-6;
        minus[i] -= 1e-6;
        const f = (v: number[]) => n.predict({ rows: 1, cols: 3, data: Float64Array.from(v) }).data[k];
        expect(g[i]).toBeCloseTo((f(plus) - f(minus)) / 2e-6, 8);
      }
    }
  });

  it('attributions are gradient times input', () => {
    const n = net();
    const g = inputGradient(n, [2, -3]);
    expect(inputAttributions(n, [2, -3])).toEqual([g[0] * 2, g[1] * -3]);
  });
});

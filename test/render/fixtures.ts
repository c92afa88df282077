/**
 * Hand-built networks and runs for the render tests and the sample script: no engine needed.
 */
import type { LayerLike, LossHistory, NetworkLike, NeuronValues, PredictProbabilities, TrainingFrame } from '../../src/render/types.js';

const activations: Record<string, (z: number) => number> = {
  tanh: Math.tanh,
  sigmoid: (z) => 1 / (1 + Math.exp(-z)),
  relu: (z) => Math.max(0, z),
  linear: (z) => z,
};

function layer(inputs: number, units: number, activation: string, weights: number[], biases: number[]): LayerLike {
  if (weights.length !== inputs * units || biases.length !== units) throw new RangeError('fixture layer has the wrong shape');
  return { inputs, units, activation, weights: Float64Array.from(weights), biases: Float64Array.from(biases) };
}

/**
 * A 2-4-1 tanh/sigmoid network that solves XOR on [-1,1]²: each hidden unit lights up in one
 * quadrant, the output adds the two "opposite signs" quadrants and subtracts the others.
 * The single strongest weight is input x1 -> hidden 1, +6 (tests look for its colour).
 */
export function xorNetwork(): NetworkLike {
  return {
    inputs: 2,
    layers: [
      // weights[i * units + j]: row i = input, column j = hidden unit (++, --, +-, -+).
      layer(2, 4, 'tanh', [6, -5, 5, -5, 5, -5, -5, 5], [-5, -5, -5, -5]),
      layer(4, 1, 'sigmoid', [-3, -3, 3, 3], [0]),
    ],
  };
}

/** A 3-class network on the plane: class = which of three directions the point points to. */
export function threeClassNetwork(): NetworkLike {
  const angles = [Math.PI / 2, Math.PI / 2 + (2 * Math.PI) / 3, Math.PI / 2 + (4 * Math.PI) / 3];
  const hidden: number[] = [];
  for (let i = 0; i < 2; i++) for (const a of angles) hidden.push(4 * (i === 0 ? Math.cos(a) : Math.sin(a)));
  return {
    inputs: 2,
    layers: [layer(2, 3, 'tanh', hidden, [0, 0, 0]), layer(3, 3, 'softmax', [3, 0, 0, 0, 3, 0, 0, 0, 3], [0, 0, 0])],
  };
}

/** Deterministic pseudo-random numbers in [0, 1) (a small LCG: fixtures must not depend on Math.random). */
export function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export const STROKE_FEATURES = [
  'age',
  'hypertension',
  'heart_disease',
  'avg_glucose_level',
  'bmi',
  'gender=Male',
  'ever_married=Yes',
  'work_type=Private',
  'work_type=Self-employed',
  'work_type=children',
  'Residence_type=Urban',
  'smoking_status=formerly smoked',
  'smoking_status=never smoked',
  'smoking_status=smokes',
] as const;

/** A wide network shaped like the stroke demo (14-32-16-1), with seeded weights. */
export function strokeLikeNetwork(seed = 7): NetworkLike {
  const random = lcg(seed);
  const dense = (inputs: number, units: number, activation: string) =>
    layer(
      inputs,
      units,
      activation,
      Array.from({ length: inputs * units }, () => (random() * 2 - 1) * Math.sqrt(6 / (inputs + units))),
      Array.from({ length: units }, () => (random() * 2 - 1) * 0.1),
    );
  return { inputs: STROKE_FEATURES.length, layers: [dense(STROKE_FEATURES.length, 32, 'relu'), dense(32, 16, 'relu'), dense(16, 1, 'sigmoid')] };
}

function activate(name: string, z: Float64Array): Float64Array {
  if (name === 'softmax') {
    const max = Math.max(...z);
    const exp = z.map((v) => Math.exp(v - max));
    const sum = exp.reduce((s, v) => s + v, 0);
    return exp.map((v) => v / sum);
  }
  const f = activations[name];
  if (!f) throw new RangeError(`fixture has no activation ${name}`);
  return z.map(f);
}

/** Forward pass for one row; returns the activations of every layer, input included. */
export function forward(network: NetworkLike, input: ArrayLike<number>): Float64Array[] {
  const values: Float64Array[] = [Float64Array.from(input)];
  for (const l of network.layers) {
    const previous = values[values.length - 1];
    const z = new Float64Array(l.units);
    for (let j = 0; j < l.units; j++) {
      let sum = l.biases[j];
      for (let i = 0; i < l.inputs; i++) sum += previous[i] * l.weights[i * l.units + j];
      z[j] = sum;
    }
    values.push(activate(l.activation, z));
  }
  return values;
}

/** The probability callback the decision boundary wants, over the plain-JS forward pass. */
export function predictWith(network: NetworkLike): PredictProbabilities {
  return (points, n) => {
    const outputs = network.layers[network.layers.length - 1].units;
    const result = new Float64Array(n * outputs);
    for (let k = 0; k < n; k++) {
      const out = forward(network, points.subarray(2 * k, 2 * k + 2));
      result.set(out[out.length - 1], k * outputs);
    }
    return result;
  };
}

/**
 * Activations and deltas for one sample of a sigmoid-output binary network under cross-entropy:
 * the output delta is (p - y), and each hidden delta is (W · delta_next) * f'(z).
 */
export function traceSample(network: NetworkLike, input: ArrayLike<number>, target: number): Required<NeuronValues> {
  const values = forward(network, input);
  const deltas: Float64Array[] = new Array(network.layers.length);
  const last = network.layers.length - 1;
  deltas[last] = values[last + 1].map((p) => p - target);
  for (let l = last - 1; l >= 0; l--) {
    const next = network.layers[l + 1];
    const a = values[l + 1];
    deltas[l] = a.map((activation, i) => {
      let back = 0;
      for (let j = 0; j < next.units; j++) back += next.weights[i * next.units + j] * deltas[l + 1][j];
      const layerActivation = network.layers[l].activation;
      const slope = layerActivation === 'tanh' ? 1 - activation * activation : layerActivation === 'relu' ? (activation > 0 ? 1 : 0) : activation * (1 - activation);
      return back * slope;
    });
  }
  return { activations: values.map((v) => Array.from(v)), deltas: deltas.map((d) => Array.from(d)) };
}

/** `count` points in [-1,1]², labelled 1 where the coordinates have opposite signs (XOR). */
export function xorPoints(count = 200, seed = 3): { x: Float64Array; labels: Int32Array } {
  const random = lcg(seed);
  const x = new Float64Array(count * 2);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    x[2 * i] = random() * 2 - 1;
    x[2 * i + 1] = random() * 2 - 1;
    labels[i] = x[2 * i] * x[2 * i + 1] < 0 ? 1 : 0;
  }
  return { x, labels };
}

/** Three blobs around the directions the three-class network separates. */
export function threeClassPoints(count = 240, seed = 5): { x: Float64Array; labels: Int32Array } {
  const random = lcg(seed);
  const x = new Float64Array(count * 2);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const c = i % 3;
    const angle = Math.PI / 2 + (c * 2 * Math.PI) / 3;
    x[2 * i] = Math.cos(angle) * 1.2 + (random() - 0.5) * 1.4;
    x[2 * i + 1] = Math.sin(angle) * 1.2 + (random() - 0.5) * 1.4;
    labels[i] = c;
  }
  return { x, labels };
}

/** A loss history of `epochs` epochs: fast then slow decay, validation turning up (overfitting). */
export function lossHistory(epochs: number, options: { earlyStop?: boolean } = {}): LossHistory {
  const random = lcg(11);
  const trainLoss: number[] = [];
  const validationLoss: number[] = [];
  const tau = epochs / 8;
  for (let e = 0; e < epochs; e++) {
    trainLoss.push(0.69 * Math.exp(-e / tau) + 0.004 + 0.004 * random());
    validationLoss.push(0.7 * Math.exp(-e / tau) + 0.05 + 0.00004 * Math.max(0, e - epochs * 0.6) ** 1.3 + 0.01 * random());
  }
  let best = 0;
  for (let e = 1; e < epochs; e++) if (validationLoss[e] < validationLoss[best]) best = e;
  const history: LossHistory = { trainLoss, validationLoss, bestEpoch: best + 1 };
  if (options.earlyStop) {
    const stopped = Math.min(epochs, best + 1 + Math.ceil(epochs * 0.15));
    return { trainLoss: trainLoss.slice(0, stopped), validationLoss: validationLoss.slice(0, stopped), bestEpoch: best + 1, stoppedEpoch: stopped, earlyStopped: true };
  }
  return history;
}

/** Snapshots of the XOR network "training": weights growing from small to final. */
export function xorFrames(count: number): TrainingFrame[] {
  const final = xorNetwork();
  const random = lcg(21);
  const start = final.layers.map((l) => Array.from(l.weights, () => (random() * 2 - 1) * 0.5));
  return Array.from({ length: count }, (_, k) => {
    const t = count === 1 ? 1 : k / (count - 1);
    const network: NetworkLike = {
      inputs: final.inputs,
      layers: final.layers.map((l, li) => ({
        ...l,
        weights: Float64Array.from(l.weights, (w, i) => start[li][i] * (1 - t) + w * t),
        biases: Float64Array.from(l.biases, (b) => b * t),
      })),
    };
    return { epoch: 1 + k * 10, network, predict: predictWith(network), loss: 0.69 * (1 - t) + 0.02 };
  });
}

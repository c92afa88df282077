import { getActivation } from './activations.js';
import { allocate, type Floats } from './matrix.js';
import type { Network } from './network.js';

/** What every neuron of one layer did for one sample, forward and backward. */
export interface LayerTrace {
  /** Weighted sums z = x·W + b, one per neuron. */
  z: number[];
  /** Activations a = f(z). */
  a: number[];
  /** dL/dz: the neuron's share of the blame for the error. */
  delta: number[];
  /** dL/dW, row-major [inputs x units] like the weights. */
  weightGrads: number[];
  /** dL/db (equal to delta for a single sample). */
  biasGrads: number[];
}

export interface SampleTrace {
  input: number[];
  target: number[];
  output: number[];
  /** The loss of this one sample. */
  loss: number;
  layers: LayerTrace[];
}

/**
 * Runs one sample forward and backward and records everything the lessons explain: each neuron's
 * z and activation, its delta (blame) and each weight's gradient. Overwrites the network's gradient
 * buffers; weights are untouched.
 * @example traceSample(net, [1, 0], [1]).layers[0].delta
 */
export function traceSample(net: Network, input: ArrayLike<number>, target: ArrayLike<number>): SampleTrace {
  const x = allocate(net.dtype, net.inputs);
  x.set(Array.from(input));
  const y = allocate(net.dtype, net.outputs);
  y.set(Array.from(target));
  net.forward(x, 1);
  const loss = net.backward(x, y, 1);
  const pass = net.lastPass(1);
  const layers = net.layers.map((layer, l) => ({
    z: Array.from(pass.z[l]),
    a: Array.from(pass.a[l]),
    delta: Array.from(pass.dz[l]),
    weightGrads: Array.from(layer.weightGrads),
    biasGrads: Array.from(layer.biasGrads),
  }));
  return {
    input: Array.from(input),
    target: Array.from(target),
    output: layers[layers.length - 1].a,
    loss,
    layers,
  };
}

/**
 * d(output)/d(input) for one sample: how much each input feature moves the chosen output
 * (the probability of class `outputIndex`, or the single output of a binary network).
 */
export function inputGradient(net: Network, input: ArrayLike<number>, outputIndex = 0): number[] {
  const x = allocate(net.dtype, net.inputs);
  x.set(Array.from(input));
  net.forward(x, 1);
  const pass = net.lastPass(1);
  const last = net.layers.length - 1;
  // Start from d(output)/d(a_out) = one-hot at outputIndex, then walk back through every layer.
  let da: Floats = allocate('float64', net.outputs);
  da[outputIndex] = 1;
  for (let l = last; l >= 0; l--) {
    const layer = net.layers[l];
    const dz = allocate('float64', layer.units);
    getActivation(layer.activation).backward(pass.z[l], pass.a[l], da, dz, layer.units, layer.units);
    const below = allocate('float64', layer.inputs);
    for (let i = 0; i < layer.inputs; i++) {
      let sum = 0;
      for (let j = 0; j < layer.units; j++) sum += layer.weights[i * layer.units + j] * dz[j];
      below[i] = sum;
    }
    da = below;
  }
  return Array.from(da);
}

/**
 * Gradient x input: a first-order estimate of how much each (standardised) input pushed the
 * output up (positive) or down (negative) relative to an all-zero input (the training mean).
 * @example inputAttributions(net, [0.5, -1.2]) // e.g. [0.08, -0.02]
 */
export function inputAttributions(net: Network, input: ArrayLike<number>, outputIndex = 0): number[] {
  const gradient = inputGradient(net, input, outputIndex);
  return gradient.map((g, i) => g * input[i]);
}

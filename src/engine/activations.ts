import type { Floats } from './matrix.js';

/**
 * Activation functions, looked up by name. Each one's forward formula sits next to its local
 * derivative (as in micrograd), because backprop is nothing more than multiplying these local
 * derivatives along the way back.
 *
 * `forward` maps pre-activations z to activations a. `backward` turns the gradient with respect to
 * a (da) into the gradient with respect to z (dz). Both work on `length` values laid out as rows of
 * `cols` (softmax needs the rows; the others are element-wise).
 */
export const ACTIVATIONS = ['sigmoid', 'tanh', 'relu', 'leaky-relu', 'linear', 'softmax'] as const;
export type ActivationName = (typeof ACTIVATIONS)[number];

export interface Activation {
  name: ActivationName;
  /** The formula, for lessons and docs. */
  formula: string;
  /** Its local derivative, written the same way. */
  derivative: string;
  forward(z: Floats, a: Floats, length: number, cols: number): void;
  backward(z: Floats, a: Floats, da: Floats, dz: Floats, length: number, cols: number): void;
}

/** The slope that leaky ReLU keeps for negative inputs. */
export const LEAKY_SLOPE = 0.01;

/**
 * A numerically stable logistic sigmoid: never evaluates exp of a large positive number.
 * With e = e^(-|z|): 1 / (1 + e) for z >= 0 and e / (1 + e) for z < 0. Written without a branch
 * around the exp (random signs mispredict it); the values are the same as with one.
 */
export function sigmoid(z: number): number {
  const e = Math.exp(-Math.abs(z));
  return (z >= 0 ? 1 : e) / (1 + e);
}

const sigmoidActivation: Activation = {
  name: 'sigmoid',
  formula: 'σ(z) = 1 / (1 + e^(-z))',
  derivative: "σ'(z) = σ(z) · (1 - σ(z))",
  forward(z, a, length) {
    for (let i = 0; i < length; i++) a[i] = sigmoid(z[i]);
  },
  backward(_z, a, da, dz, length) {
    for (let i = 0; i < length; i++) dz[i] = da[i] * a[i] * (1 - a[i]);
  },
};

const tanhActivation: Activation = {
  name: 'tanh',
  formula: 'tanh(z) = (e^z - e^(-z)) / (e^z + e^(-z))',
  derivative: "tanh'(z) = 1 - tanh(z)²",
  forward(z, a, length) {
    for (let i = 0; i < length; i++) a[i] = Math.tanh(z[i]);
  },
  backward(_z, a, da, dz, length) {
    for (let i = 0; i < length; i++) dz[i] = da[i] * (1 - a[i] * a[i]);
  },
};

const reluActivation: Activation = {
  name: 'relu',
  formula: 'relu(z) = max(0, z)',
  derivative: "relu'(z) = 1 if z > 0, else 0",
  forward(z, a, length) {
    for (let i = 0; i < length; i++) a[i] = z[i] > 0 ? z[i] : 0;
  },
  backward(z, _a, da, dz, length) {
    for (let i = 0; i < length; i++) dz[i] = z[i] > 0 ? da[i] : 0;
  },
};

const leakyReluActivation: Activation = {
  name: 'leaky-relu',
  formula: `leaky(z) = z if z > 0, else ${LEAKY_SLOPE}·z`,
  derivative: `leaky'(z) = 1 if z > 0, else ${LEAKY_SLOPE}`,
  forward(z, a, length) {
    for (let i = 0; i < length; i++) a[i] = z[i] > 0 ? z[i] : LEAKY_SLOPE * z[i];
  },
  backward(z, _a, da, dz, length) {
    for (let i = 0; i < length; i++) dz[i] = z[i] > 0 ? da[i] : LEAKY_SLOPE * da[i];
  },
};

const linearActivation: Activation = {
  name: 'linear',
  formula: 'linear(z) = z',
  derivative: "linear'(z) = 1",
  forward(z, a, length) {
    for (let i = 0; i < length; i++) a[i] = z[i];
  },
  backward(_z, _a, da, dz, length) {
    for (let i = 0; i < length; i++) dz[i] = da[i];
  },
};

const softmaxActivation: Activation = {
  name: 'softmax',
  formula: 'softmax(z)_i = e^(z_i) / Σ_j e^(z_j)',
  derivative: '∂a_i/∂z_j = a_i · (δ_ij - a_j)',
  forward(z, a, length, cols) {
    for (let row = 0; row < length; row += cols) {
      let max = -Infinity;
      for (let j = 0; j < cols; j++) if (z[row + j] > max) max = z[row + j];
      let sum = 0;
      for (let j = 0; j < cols; j++) {
        const e = Math.exp(z[row + j] - max); // shifting by the max keeps exp from overflowing
        a[row + j] = e;
        sum += e;
      }
      for (let j = 0; j < cols; j++) a[row + j] /= sum;
    }
  },
  backward(_z, a, da, dz, length, cols) {
    // Jacobian-vector product: dz_i = a_i · (da_i - Σ_j a_j · da_j)
    for (let row = 0; row < length; row += cols) {
      let dot = 0;
      for (let j = 0; j < cols; j++) dot += a[row + j] * da[row + j];
      for (let j = 0; j < cols; j++) dz[row + j] = a[row + j] * (da[row + j] - dot);
    }
  },
};

const registry: Record<ActivationName, Activation> = {
  sigmoid: sigmoidActivation,
  tanh: tanhActivation,
  relu: reluActivation,
  'leaky-relu': leakyReluActivation,
  linear: linearActivation,
  softmax: softmaxActivation,
};

export function getActivation(name: ActivationName): Activation {
  return registry[name];
}

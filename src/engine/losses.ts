import { sigmoid } from './activations.js';
import type { Floats } from './matrix.js';

/**
 * Loss functions. Each computes the summed (per-sample weighted) loss of a batch and the gradient
 * the backward pass starts from.
 *
 * - mse works on the output activations a: it writes dL/da, and the output activation's own
 *   derivative turns that into dL/dz.
 * - binary and softmax cross-entropy work on the logits z directly (`fromLogits`): computing the loss
 *   from z is what keeps it finite when the network is very sure and very wrong, and the gradient
 *   collapses to the famous "prediction minus target".
 *
 * Gradients are already divided by the batch size, so the loss being minimised is the batch mean.
 */
export const LOSSES = ['mse', 'binary-cross-entropy', 'softmax-cross-entropy'] as const;
export type LossName = (typeof LOSSES)[number];

export interface LossContext {
  /** Pre-activations of the output layer, rows x cols. */
  z: Floats;
  /** Activations of the output layer (probabilities for the cross-entropies). */
  a: Floats;
  /** Targets, rows x cols (0/1 for binary, one-hot for softmax). */
  y: Floats;
  rows: number;
  cols: number;
  /** Optional per-sample weights (class weights), length rows. */
  sampleWeights: Floats | null;
}

export interface Loss {
  name: LossName;
  formula: string;
  /** True when `gradient` writes dL/dz (skipping the output activation's derivative). */
  fromLogits: boolean;
  /** Sum over the batch of the (weighted) per-sample loss. */
  value(ctx: LossContext): number;
  /** Writes dL/da (or dL/dz when fromLogits) into `out`, divided by `divisor` (the batch size). */
  gradient(ctx: LossContext, out: Floats, divisor: number): void;
}

const mse: Loss = {
  name: 'mse',
  formula: 'L = mean over outputs of (a - y)²',
  fromLogits: false,
  value({ a, y, rows, cols, sampleWeights }) {
    let total = 0;
    for (let r = 0; r < rows; r++) {
      let sample = 0;
      for (let j = r * cols, end = j + cols; j < end; j++) {
        const d = a[j] - y[j];
        sample += d * d;
      }
      total += (sample / cols) * (sampleWeights === null ? 1 : sampleWeights[r]);
    }
    return total;
  },
  gradient({ a, y, rows, cols, sampleWeights }, out, divisor) {
    for (let r = 0; r < rows; r++) {
      const scale = (2 / cols / divisor) * (sampleWeights === null ? 1 : sampleWeights[r]);
      for (let j = r * cols, end = j + cols; j < end; j++) out[j] = scale * (a[j] - y[j]);
    }
  },
};

/** log(1 + e^x) without overflow: max(x, 0) + log(1 + e^(-|x|)). */
function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

const binaryCrossEntropy: Loss = {
  name: 'binary-cross-entropy',
  formula: 'L = -[y·log(p) + (1-y)·log(1-p)], computed from the logit z as max(z,0) - z·y + log(1 + e^(-|z|))',
  fromLogits: true,
  value({ z, y, rows, cols, sampleWeights }) {
    let total = 0;
    for (let r = 0; r < rows; r++) {
      let sample = 0;
      for (let j = r * cols, end = j + cols; j < end; j++) {
        // -[y log σ(z) + (1-y) log(1-σ(z))] = softplus(z) - y·z
        sample += softplus(z[j]) - y[j] * z[j];
      }
      total += sample * (sampleWeights === null ? 1 : sampleWeights[r]);
    }
    return total;
  },
  gradient({ z, y, rows, cols, sampleWeights }, out, divisor) {
    for (let r = 0; r < rows; r++) {
      const scale = (sampleWeights === null ? 1 : sampleWeights[r]) / divisor;
      for (let j = r * cols, end = j + cols; j < end; j++) out[j] = scale * (sigmoid(z[j]) - y[j]);
    }
  },
};

const softmaxCrossEntropy: Loss = {
  name: 'softmax-cross-entropy',
  formula: 'L = -Σ_i y_i·log(p_i), computed from the logits as logsumexp(z) - Σ_i y_i·z_i',
  fromLogits: true,
  value({ z, y, rows, cols, sampleWeights }) {
    let total = 0;
    for (let r = 0; r < rows; r++) {
      const o = r * cols;
      let max = -Infinity;
      for (let j = 0; j < cols; j++) if (z[o + j] > max) max = z[o + j];
      let sum = 0;
      for (let j = 0; j < cols; j++) sum += Math.exp(z[o + j] - max);
      const logSumExp = max + Math.log(sum);
      let sample = 0;
      let ySum = 0;
      for (let j = 0; j < cols; j++) {
        sample -= y[o + j] * z[o + j];
        ySum += y[o + j];
      }
      total += (sample + ySum * logSumExp) * (sampleWeights === null ? 1 : sampleWeights[r]);
    }
    return total;
  },
  gradient({ a, y, rows, cols, sampleWeights }, out, divisor) {
    // a holds softmax(z): dL/dz = Σy · p - y (Σy = 1 for one-hot targets)
    for (let r = 0; r < rows; r++) {
      const o = r * cols;
      const scale = (sampleWeights === null ? 1 : sampleWeights[r]) / divisor;
      let ySum = 0;
      for (let j = 0; j < cols; j++) ySum += y[o + j];
      for (let j = 0; j < cols; j++) out[o + j] = scale * (ySum * a[o + j] - y[o + j]);
    }
  },
};

const registry: Record<LossName, Loss> = {
  mse,
  'binary-cross-entropy': binaryCrossEntropy,
  'softmax-cross-entropy': softmaxCrossEntropy,
};

export function getLoss(name: LossName): Loss {
  return registry[name];
}

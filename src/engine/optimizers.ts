import { z } from 'zod';
import { allocate, type Floats } from './matrix.js';

/**
 * Optimizers, in order of increasing complexity (as in tinygrad). Variants come from parameters,
 * not subclasses: plain SGD is momentum SGD with the momentum term off.
 */
export const OPTIMIZERS = ['sgd', 'momentum', 'adam'] as const;
export type OptimizerKind = (typeof OPTIMIZERS)[number];

export const optimizerSpecSchema = z.object({
  kind: z.enum(OPTIMIZERS).default('adam'),
  /** Step size. */
  learningRate: z.number().positive().max(10).default(0.01),
  /** Momentum coefficient for "momentum" (ignored by the others). */
  momentum: z.number().min(0).max(0.999).default(0.9),
  /** Adam's decay rates for the first and second moment estimates. */
  beta1: z.number().min(0).max(0.9999).default(0.9),
  beta2: z.number().min(0).max(0.99999).default(0.999),
  /** Adam's guard against division by zero. */
  epsilon: z.number().positive().default(1e-8),
});
export type OptimizerSpecInput = z.input<typeof optimizerSpecSchema>;
export type OptimizerSpec = z.output<typeof optimizerSpecSchema>;

export interface Optimizer {
  readonly spec: OptimizerSpec;
  /** Updates every params[i] in place from grads[i]. */
  step(params: Floats[], grads: Floats[]): void;
}

/** w ← w - lr·g (momentum 0), or v ← μ·v + g; w ← w - lr·v. */
function sgd(spec: OptimizerSpec, momentum: number): Optimizer {
  let velocity: Floats[] | null = null;
  return {
    spec,
    step(params, grads) {
      const lr = spec.learningRate;
      if (momentum === 0) {
        for (let p = 0; p < params.length; p++) {
          const w = params[p];
          const g = grads[p];
          for (let i = 0; i < w.length; i++) w[i] -= lr * g[i];
        }
        return;
      }
      velocity ??= params.map((w) => allocate(w instanceof Float32Array ? 'float32' : 'float64', w.length));
      for (let p = 0; p < params.length; p++) {
        const w = params[p];
        const g = grads[p];
        const v = velocity[p];
        for (let i = 0; i < w.length; i++) {
          v[i] = momentum * v[i] + g[i];
          w[i] -= lr * v[i];
        }
      }
    },
  };
}

/** Adam (Kingma and Ba, 2015): per-weight step sizes from running means of g and g², bias-corrected. */
function adam(spec: OptimizerSpec): Optimizer {
  let m: Floats[] | null = null;
  let v: Floats[] | null = null;
  let t = 0;
  return {
    spec,
    step(params, grads) {
      const kind = (w: Floats) => (w instanceof Float32Array ? 'float32' : 'float64');
      m ??= params.map((w) => allocate(kind(w), w.length));
      v ??= params.map((w) => allocate(kind(w), w.length));
      t++;
      const { beta1, beta2, epsilon } = spec;
      // Fold both bias corrections into the step size.
      const stepSize = (spec.learningRate * Math.sqrt(1 - beta2 ** t)) / (1 - beta1 ** t);
      const eps = epsilon * Math.sqrt(1 - beta2 ** t);
      for (let p = 0; p < params.length; p++) {
        const w = params[p];
        const g = grads[p];
        const mp = m[p];
        const vp = v[p];
        for (let i = 0; i < w.length; i++) {
          const gi = g[i];
          const mi = beta1 * mp[i] + (1 - beta1) * gi;
          const vi = beta2 * vp[i] + (1 - beta2) * gi * gi;
          mp[i] = mi;
          vp[i] = vi;
          w[i] -= (stepSize * mi) / (Math.sqrt(vi) + eps);
        }
      }
    },
  };
}

/**
 * @example createOptimizer({ kind: 'adam', learningRate: 0.01 })
 */
export function createOptimizer(input: OptimizerSpecInput = {}): Optimizer {
  const spec = optimizerSpecSchema.parse(input);
  switch (spec.kind) {
    case 'sgd':
      return sgd(spec, 0);
    case 'momentum':
      return sgd(spec, spec.momentum);
    case 'adam':
      return adam(spec);
  }
}

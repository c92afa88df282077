import { z } from 'zod';
import { UserError } from '../errors.js';
import { ACTIVATIONS } from './activations.js';
import { LOSSES } from './losses.js';

/** Largest layer the engine accepts: a guard against typos like "16000" for "16". */
export const MAX_UNITS = 4096;

export const layerSpecSchema = z.object({
  /** Number of neurons in the layer. */
  units: z.number().int().min(1).max(MAX_UNITS),
  /** Activation applied to the layer's weighted sums. */
  activation: z.enum(ACTIVATIONS),
});

/**
 * Everything needed to build a network: the single source of truth for its type (used by the CLI,
 * the job payloads and saved models).
 */
export const networkSpecSchema = z.object({
  /** Number of input features. */
  inputs: z.number().int().min(1).max(100_000),
  /** Hidden layers then the output layer, in order. */
  layers: z.array(layerSpecSchema).min(1).max(16),
  loss: z.enum(LOSSES),
  /** float64 for exact lessons and gradient checks, float32 for speed (default float32). */
  dtype: z.enum(['float32', 'float64']).default('float32'),
  /** Weight initialisation; "auto" picks He for relu-like layers and Xavier otherwise. */
  init: z.enum(['auto', 'xavier', 'he']).default('auto'),
  /** Seed of the weight initialisation. */
  seed: z.number().int().default(1),
});

export type NetworkSpecInput = z.input<typeof networkSpecSchema>;
export type NetworkSpec = z.output<typeof networkSpecSchema>;
export type LayerSpec = z.output<typeof layerSpecSchema>;

/**
 * Validates a spec and the pairing of its output layer with its loss, filling defaults.
 * @example normalizeSpec({ inputs: 2, layers: [{ units: 4, activation: 'tanh' }, { units: 1, activation: 'sigmoid' }], loss: 'binary-cross-entropy' })
 */
export function normalizeSpec(input: NetworkSpecInput): NetworkSpec {
  const parsed = networkSpecSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError('engine.spec.invalid', { problem: `${issue.path.join('.') || 'spec'}: ${issue.message}` });
  }
  const spec = parsed.data;
  const output = spec.layers[spec.layers.length - 1];
  if (spec.loss === 'binary-cross-entropy' && (output.activation !== 'sigmoid' || output.units !== 1)) {
    throw new UserError('engine.spec.invalid', {
      problem: 'binary cross-entropy needs an output layer of 1 sigmoid unit',
    });
  }
  if (spec.loss === 'softmax-cross-entropy' && (output.activation !== 'softmax' || output.units < 2)) {
    throw new UserError('engine.spec.invalid', {
      problem: 'softmax cross-entropy needs a softmax output layer with at least 2 units',
    });
  }
  return spec;
}

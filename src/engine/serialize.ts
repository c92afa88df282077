import { z } from 'zod';
import { UserError } from '../errors.js';
import { createNetwork, type Network } from './network.js';
import { networkSpecSchema } from './spec.js';

/** Marks our files, so that loading someone else's JSON fails with a clear message. */
export const MODEL_FORMAT = 'backprop-bot.model';
export const MODEL_VERSION = 1;

const finiteNumbers = z.array(z.number().refine(Number.isFinite, 'must be finite'));

export const modelFileSchema = z.object({
  format: z.literal(MODEL_FORMAT),
  version: z.number().int().min(1),
  spec: networkSpecSchema,
  layers: z.array(z.object({ weights: finiteNumbers, biases: finiteNumbers })),
  /** How raw inputs become the network's inputs (owned by src/data; opaque to the engine). */
  preprocessing: z.unknown().optional(),
  /** Anything worth keeping with the model: dataset name, metrics, threshold, creation time. */
  metadata: z.record(z.string(), z.unknown()).default({}),
});
export type ModelFile = z.output<typeof modelFileSchema>;

export interface SaveOptions {
  preprocessing?: unknown;
  metadata?: Record<string, unknown>;
}

/**
 * A plain JSON-able object holding the network and what it needs to be used again.
 * Float32 weights are written as the doubles they equal, so a load gives identical predictions.
 * @example JSON.stringify(saveModel(net, { metadata: { dataset: 'xor' } }))
 */
export function saveModel(net: Network, options: SaveOptions = {}): ModelFile {
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    spec: net.spec,
    layers: net.layers.map((l) => ({ weights: Array.from(l.weights), biases: Array.from(l.biases) })),
    preprocessing: options.preprocessing,
    metadata: options.metadata ?? {},
  };
}

export interface LoadedModel {
  network: Network;
  preprocessing: unknown;
  metadata: Record<string, unknown>;
}

/**
 * Rebuilds a network from `saveModel` output (a parsed object or a JSON string). A malformed, foreign
 * or newer file is refused with a UserError that says what is wrong.
 */
export function loadModel(input: unknown): LoadedModel {
  let json = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input);
    } catch (error) {
      throw new UserError('engine.model.malformed', { problem: `not JSON (${(error as Error).message})` });
    }
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new UserError('engine.model.malformed', { problem: 'expected a JSON object' });
  }
  const format = (json as { format?: unknown }).format;
  if (format !== MODEL_FORMAT) throw new UserError('engine.model.foreign', { format: String(format ?? 'none') });
  const version = (json as { version?: unknown }).version;
  if (typeof version === 'number' && version > MODEL_VERSION) {
    throw new UserError('engine.model.version', { version, supported: MODEL_VERSION });
  }
  const parsed = modelFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError('engine.model.malformed', { problem: `${issue.path.join('.')}: ${issue.message}` });
  }
  const file = parsed.data;
  const network = createNetwork(file.spec);
  if (file.layers.length !== network.layers.length) {
    throw new UserError('engine.model.malformed', { problem: `spec has ${network.layers.length} layers but the file has weights for ${file.layers.length}` });
  }
  network.layers.forEach((layer, i) => {
    const saved = file.layers[i];
    if (saved.weights.length !== layer.weights.length || saved.biases.length !== layer.biases.length) {
      throw new UserError('engine.model.malformed', {
        problem: `layer ${i + 1} should have ${layer.weights.length} weights and ${layer.biases.length} biases, the file has ${saved.weights.length} and ${saved.biases.length}`,
      });
    }
    layer.weights.set(saved.weights);
    layer.biases.set(saved.biases);
  });
  return { network, preprocessing: file.preprocessing, metadata: file.metadata };
}

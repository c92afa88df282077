/**
 * One prediction from a saved tabular model, explained: the probability, and the inputs that pushed
 * it up or down most (gradient x input from the engine, summed over each column's encoded features).
 */
import { inputAttributions, type Network } from '../engine/index.js';
import { encodeRecord, type InputNote, type Preprocessing } from './preprocess.js';

/** How much one raw input column pushed the output (positive = towards the predicted class). */
export interface Contribution {
  column: string;
  /** The value as given (or null when it was missing and imputed). */
  value: unknown;
  attribution: number;
}

export interface Explanation {
  /** P(positive class) for a binary model, P(predicted class) otherwise. */
  probability: number;
  /** Index and name of the predicted class (binary: probability >= threshold). */
  predicted: number;
  className: string;
  threshold: number;
  /** Every input column, the strongest push first. */
  contributions: Contribution[];
  /** What the encoder did on the user's behalf (missing, unseen or ignored inputs). */
  notes: InputNote[];
}

/**
 * Predicts one record and explains it.
 * @example
 * const { network, preprocessing, metadata } = loadModel(text);
 * const e = explainPrediction(network, parsePreprocessing(preprocessing), { age: 67, gender: 'Male' }, { threshold: 0.42 });
 * e.probability; e.contributions.slice(0, 3); // e.g. [{ column: 'age', value: 67, attribution: 0.21 }, ...]
 */
export function explainPrediction(network: Network, prep: Preprocessing, record: unknown, options: { threshold?: number } = {}): Explanation {
  const { x, notes } = encodeRecord(prep, record);
  const output = network.predict(x).data;
  const binary = network.outputs === 1;
  const threshold = binary ? (options.threshold ?? 0.5) : 0.5;
  let predicted = 0;
  if (binary) predicted = output[0] >= threshold ? 1 : 0;
  else for (let j = 1; j < output.length; j++) if (output[j] > output[predicted]) predicted = j;
  const probability = binary ? output[0] : output[predicted];
  const perFeature = inputAttributions(network, x.data, binary ? 0 : predicted);
  const input = record as Record<string, unknown>;
  const contributions: Contribution[] = [];
  let offset = 0;
  for (const column of prep.columns) {
    const width = column.kind === 'numeric' ? 1 : column.categories.length;
    let attribution = 0;
    for (let k = 0; k < width; k++) attribution += perFeature[offset + k];
    offset += width;
    contributions.push({ column: column.name, value: input[column.name] ?? null, attribution });
  }
  contributions.sort((a, b) => Math.abs(b.attribution) - Math.abs(a.attribution));
  return { probability, predicted, className: prep.classNames[predicted] ?? String(predicted), threshold, contributions, notes };
}

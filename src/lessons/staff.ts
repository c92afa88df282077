/**
 * Who listens to whom in a trained network: the inputs (or neurons) with the largest weight
 * magnitudes. Used by the stroke demo and by the story of a run ("what the employees ended up doing").
 */
import type { DenseLayer } from '../engine/index.js';

export interface Listened {
  /** Index of the input (or neuron of the layer below). */
  index: number;
  name: string;
  /** The weight (signed) for one neuron, or the sum of |weights| for a whole layer. */
  weight: number;
}

/**
 * The `count` inputs of neuron `unit` with the largest |weight|, strongest first.
 * @example strongestIntoUnit(net.layers[0], 2, ['age', 'bmi'], 1) // [{ index: 0, name: 'age', weight: 1.4 }]
 */
export function strongestIntoUnit(layer: DenseLayer, unit: number, names: readonly string[], count: number): Listened[] {
  return Array.from({ length: layer.inputs }, (_, i) => ({ index: i, name: names[i] ?? `x${i + 1}`, weight: layer.weights[i * layer.units + unit] }))
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || a.index - b.index)
    .slice(0, count);
}

/**
 * The inputs of the network with the largest total |weight| into the first layer: the ones the
 * employees, together, listen to most.
 */
export function strongestInputs(network: { layers: readonly DenseLayer[] }, names: readonly string[], count: number): { index: number; name: string; total: number }[] {
  const first = network.layers[0];
  return Array.from({ length: first.inputs }, (_, i) => {
    let total = 0;
    for (let j = 0; j < first.units; j++) total += Math.abs(first.weights[i * first.units + j]);
    return { index: i, name: names[i] ?? `x${i + 1}`, total };
  })
    .sort((a, b) => b.total - a.total || a.index - b.index)
    .slice(0, count);
}

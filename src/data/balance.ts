/**
 * Class imbalance, handled on purpose: with 5 % positives a network that always answers "no" already
 * scores 95 % accuracy, so training either weighs the rare class up or shows it more often.
 */
import { createRng } from '../engine/prng.js';

/** How training compensates for rare classes. */
export type BalanceMethod = 'none' | 'class-weights' | 'oversample';
export const BALANCE_METHODS: readonly BalanceMethod[] = ['none', 'class-weights', 'oversample'];

/**
 * Row counts per class.
 * @example classCounts(Int32Array.of(0, 0, 1), 2) // [2, 1]
 */
export function classCounts(labels: ArrayLike<number>, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (let i = 0; i < labels.length; i++) counts[labels[i]]++;
  return counts;
}

/**
 * "Balanced" class weights, n / (classes * count), from the engine: each class then carries the same
 * total weight in the loss.
 * @example balancedClassWeights(Int32Array.of(0, 0, 0, 1), 2) // [0.667, 2]
 */
export { balancedClassWeights } from '../engine/index.js';

/**
 * Random oversampling (seeded): rows of the smaller classes are drawn again, with replacement, until
 * every class has as many rows as the largest; the result is shuffled. Use on training rows only.
 * @example oversample(Int32Array.of(0, 1, 2), Int32Array.of(0, 0, 1), { seed: 1 }) // 4 rows, two of them row 2
 */
export function oversample(rows: ArrayLike<number>, labels: ArrayLike<number>, options: { seed?: number } = {}): Int32Array {
  const rng = createRng(options.seed ?? 1);
  const groups: number[][] = [];
  for (let i = 0; i < rows.length; i++) (groups[labels[rows[i]]] ??= []).push(rows[i]);
  const present = groups.filter((g) => g !== undefined && g.length > 0);
  const largest = Math.max(0, ...present.map((g) => g.length));
  const out: number[] = [];
  for (const group of present) {
    out.push(...group);
    for (let extra = group.length; extra < largest; extra++) out.push(group[rng.int(group.length)]);
  }
  return Int32Array.from(rng.shuffle(out));
}

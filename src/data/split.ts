/**
 * Stratified splits: every part keeps the class proportions of the whole (which matters when only
 * 5 % of rows are positive). All seeded.
 */
import type { Matrix } from '../engine/matrix.js';
import { createRng } from '../engine/prng.js';
import { UserError } from '../errors.js';

/** Row indices of each class, in row order. */
export function indicesByClass(labels: ArrayLike<number>, rows?: ArrayLike<number>): number[][] {
  const groups: number[][] = [];
  const count = rows === undefined ? labels.length : rows.length;
  for (let i = 0; i < count; i++) {
    const row = rows === undefined ? i : rows[i];
    const label = labels[row];
    (groups[label] ??= []).push(row);
  }
  return groups.map((g) => g ?? []);
}

function ensurePerClass(groups: number[][], parts: number, classNames?: readonly string[]): void {
  groups.forEach((group, label) => {
    if (group.length > 0 && group.length < parts) {
      throw new UserError('data.split.tooFewPerClass', { class: classNames?.[label] ?? String(label), count: group.length, parts });
    }
  });
}

const sorted = (rows: number[]): Int32Array => Int32Array.from(rows).sort();

/** Options for {@link stratifiedSplit}. */
export interface SplitOptions {
  /** Fraction of each class held out for validation (default 0.2). */
  validation?: number;
  /** Fraction of each class held out for the final test (default 0.2). */
  test?: number;
  seed?: number;
  /** Only split these rows (e.g. the training part of a fold); default all. */
  rows?: ArrayLike<number>;
  /** For the error message when a class is too small. */
  classNames?: readonly string[];
}

export interface Split {
  train: Int32Array;
  validation: Int32Array;
  test: Int32Array;
}

/**
 * Shuffles each class (seeded) and cuts it into train / validation / test by the given fractions
 * (rounded per class, at least one row per non-empty part), so each part keeps the class mix.
 * Indices come back sorted.
 * @example
 * const { train, validation, test } = stratifiedSplit(labels, { validation: 0.2, test: 0.2, seed: 1 });
 */
export function stratifiedSplit(labels: ArrayLike<number>, options: SplitOptions = {}): Split {
  const { validation = 0.2, test = 0.2, seed = 1 } = options;
  const rng = createRng(seed);
  const groups = indicesByClass(labels, options.rows);
  ensurePerClass(groups, 1 + (validation > 0 ? 1 : 0) + (test > 0 ? 1 : 0), options.classNames);
  const parts: Split = { train: new Int32Array(0), validation: new Int32Array(0), test: new Int32Array(0) };
  const train: number[] = [];
  const val: number[] = [];
  const tst: number[] = [];
  for (const group of groups) {
    if (group.length === 0) continue;
    const shuffled = rng.shuffle([...group]);
    const nTest = test > 0 ? Math.max(1, Math.round(group.length * test)) : 0;
    const nVal = validation > 0 ? Math.max(1, Math.round(group.length * validation)) : 0;
    tst.push(...shuffled.slice(0, nTest));
    val.push(...shuffled.slice(nTest, nTest + nVal));
    train.push(...shuffled.slice(nTest + nVal));
  }
  parts.train = sorted(train);
  parts.validation = sorted(val);
  parts.test = sorted(tst);
  return parts;
}

export interface Fold {
  train: Int32Array;
  test: Int32Array;
}

/**
 * Stratified k-fold: each class is shuffled (seeded) and dealt round-robin into k folds, so every
 * row is in exactly one test fold and each fold has the class mix of the whole.
 * @example
 * stratifiedKFold(labels, 5, { seed: 1 }).map((f) => f.test.length) // five near-equal sizes
 */
export function stratifiedKFold(labels: ArrayLike<number>, k: number, options: { seed?: number; classNames?: readonly string[] } = {}): Fold[] {
  if (!Number.isInteger(k) || k < 2) throw new UserError('data.option.range', { option: 'folds', min: 2, max: 20, value: k });
  const rng = createRng(options.seed ?? 1);
  const groups = indicesByClass(labels);
  ensurePerClass(groups, k, options.classNames);
  const tests: number[][] = Array.from({ length: k }, () => []);
  let next = 0;
  for (const group of groups) {
    for (const row of rng.shuffle([...group])) {
      tests[next].push(row);
      next = (next + 1) % k;
    }
  }
  return tests.map((test) => {
    const inTest = new Set(test);
    const train: number[] = [];
    for (let i = 0; i < labels.length; i++) if (!inTest.has(i)) train.push(i);
    return { train: Int32Array.from(train), test: sorted(test) };
  });
}

/**
 * The given rows of a matrix, in the given order (a copy).
 * @example takeRows(x, [2, 0]) // rows 2 and 0
 */
export function takeRows(matrix: Matrix, rows: ArrayLike<number>): Matrix {
  const data = new Float64Array(rows.length * matrix.cols);
  for (let i = 0; i < rows.length; i++) {
    data.set(matrix.data.subarray(rows[i] * matrix.cols, (rows[i] + 1) * matrix.cols), i * matrix.cols);
  }
  return { rows: rows.length, cols: matrix.cols, data };
}

/**
 * The given labels, in the given order.
 * @example takeLabels(Int32Array.of(0, 1, 1), [2, 0]) // Int32Array [1, 0]
 */
export function takeLabels(labels: Int32Array, rows: ArrayLike<number>): Int32Array {
  return Int32Array.from({ length: rows.length }, (_, i) => labels[rows[i]]);
}

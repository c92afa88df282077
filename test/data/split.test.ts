import { describe, expect, it } from 'vitest';
import { balancedClassWeights, classCounts, oversample } from '../../src/data/balance.js';
import { stratifiedKFold, stratifiedSplit, takeLabels, takeRows } from '../../src/data/split.js';
import { userErrorOf } from './helpers.js';

/** 100 rows, 10 positives (rows 0, 10, 20, ...). */
const labels = Int32Array.from({ length: 100 }, (_, i) => (i % 10 === 0 ? 1 : 0));
const positives = (rows: ArrayLike<number>): number => Array.from(rows).filter((r) => labels[r] === 1).length;

describe('stratified split', () => {
  it('keeps the class mix in every part and uses each row once', () => {
    const split = stratifiedSplit(labels, { validation: 0.2, test: 0.2, seed: 3 });
    expect([split.train.length, split.validation.length, split.test.length]).toEqual([60, 20, 20]);
    expect([positives(split.train), positives(split.validation), positives(split.test)]).toEqual([6, 2, 2]);
    expect(new Set([...split.train, ...split.validation, ...split.test]).size).toBe(100);
  });

  it('is deterministic per seed', () => {
    expect(stratifiedSplit(labels, { seed: 5 })).toEqual(stratifiedSplit(labels, { seed: 5 }));
    expect(stratifiedSplit(labels, { seed: 5 }).test).not.toEqual(stratifiedSplit(labels, { seed: 6 }).test);
  });

  it('can split a subset of rows', () => {
    const rows = Int32Array.from({ length: 50 }, (_, i) => i);
    const split = stratifiedSplit(labels, { rows, validation: 0.2, test: 0 });
    expect(split.test.length).toBe(0);
    expect(Math.max(...split.train, ...split.validation)).toBeLessThan(50);
    expect(positives(split.validation)).toBe(1);
  });
});

describe('stratified k-fold', () => {
  it('puts every row in exactly one test fold with the same share of positives', () => {
    const folds = stratifiedKFold(labels, 5, { seed: 1 });
    expect(folds.map((f) => f.test.length)).toEqual([20, 20, 20, 20, 20]);
    expect(folds.map((f) => positives(f.test))).toEqual([2, 2, 2, 2, 2]);
    expect(new Set(folds.flatMap((f) => Array.from(f.test))).size).toBe(100);
    for (const fold of folds) {
      expect(fold.train.length + fold.test.length).toBe(100);
      expect(fold.train.some((r) => fold.test.includes(r))).toBe(false);
    }
  });

  it('refuses a class with fewer rows than folds', () => {
    const few = Int32Array.from([0, 0, 0, 0, 0, 0, 1, 1]);
    expect(userErrorOf(() => stratifiedKFold(few, 5, { classNames: ['no', 'yes'] })).message).toBe(
      'Class "yes" has only 2 rows; splitting the data into 5 stratified parts needs at least 5 rows of every class.',
    );
    expect(userErrorOf(() => stratifiedKFold(few, 1)).message).toBe('Option folds must be between 2 and 20 (got 1).');
  });
});

describe('rows and labels by index', () => {
  it('copies the chosen rows in order', () => {
    const x = { rows: 3, cols: 2, data: Float64Array.of(1, 2, 3, 4, 5, 6) };
    expect(Array.from(takeRows(x, [2, 0]).data)).toEqual([5, 6, 1, 2]);
    expect(Array.from(takeLabels(Int32Array.of(0, 1, 1), [2, 0]))).toEqual([1, 0]);
  });
});

describe('class imbalance', () => {
  it('weighs classes so each carries the same total weight', () => {
    expect(balancedClassWeights(labels, 2)).toEqual([100 / (2 * 90), 100 / (2 * 10)]);
  });

  it('oversamples the rare class to the size of the common one, seeded', () => {
    const rows = Int32Array.from({ length: 100 }, (_, i) => i);
    const out = oversample(rows, labels, { seed: 2 });
    expect(out.length).toBe(180);
    expect(classCounts(takeLabels(labels, out), 2)).toEqual([90, 90]);
    expect(Array.from(out)).toEqual(Array.from(oversample(rows, labels, { seed: 2 })));
  });
});

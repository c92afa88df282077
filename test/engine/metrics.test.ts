import { describe, expect, it } from 'vitest';
import { binaryMetrics, chooseThreshold, confusionMatrix, fromRows, multiclassMetrics, prAuc, rocAuc, rocCurve } from '../../src/engine/index.js';

describe('rocAuc', () => {
  it('is the share of positive-negative pairs ranked right', () => {
    // pairs (pos, neg): (0.35,0.1) ok, (0.35,0.4) wrong, (0.8,0.1) ok, (0.8,0.4) ok -> 3/4
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBe(0.75);
  });
  it('counts ties as half', () => {
    expect(rocAuc([0, 1], [0.5, 0.5])).toBe(0.5);
  });
  it('is 1 for a perfect ranking and 0 for a reversed one', () => {
    expect(rocAuc([0, 0, 1], [0.1, 0.2, 0.9])).toBe(1);
    expect(rocAuc([1, 0, 0], [0.1, 0.2, 0.9])).toBe(0);
  });
  it('is NaN when a class is missing', () => {
    expect(rocAuc([0, 0], [0.1, 0.2])).toBeNaN();
  });
  it('steps the curve through each distinct threshold, tied scores moving both rates at once', () => {
    expect(rocCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]).map(({ fpr, tpr }) => [fpr, tpr])).toEqual([
      [0, 0],
      [0, 0.5],
      [0.5, 0.5],
      [0.5, 1],
      [1, 1],
    ]);
    expect(rocCurve([1, 0], [0.5, 0.5]).map(({ fpr, tpr }) => [fpr, tpr])).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });
  it('agrees with the area under its own curve', () => {
    const labels = [0, 1, 0, 1, 1, 0, 0, 1, 0, 0];
    const scores = [0.1, 0.8, 0.3, 0.3, 0.9, 0.2, 0.6, 0.55, 0.05, 0.3];
    const curve = rocCurve(labels, scores);
    let area = 0;
    for (let i = 1; i < curve.length; i++) area += ((curve[i].fpr - curve[i - 1].fpr) * (curve[i].tpr + curve[i - 1].tpr)) / 2;
    expect(area).toBeCloseTo(rocAuc(labels, scores), 12);
    expect(curve.at(-1)).toMatchObject({ fpr: 1, tpr: 1 });
  });
});

describe('prAuc', () => {
  it('is 1 when every positive ranks first', () => {
    expect(prAuc([0, 1, 1], [0.2, 0.9, 0.6])).toBe(1);
  });
  it('averages precision at each recall step', () => {
    // ranked: 1(0.9) 0(0.8) 1(0.7): precision at the two recall steps 1 and 2/3
    expect(prAuc([1, 0, 1], [0.9, 0.8, 0.7])).toBeCloseTo(0.5 * 1 + 0.5 * (2 / 3), 12);
  });
});

describe('binaryMetrics', () => {
  it('counts the confusion matrix at the threshold', () => {
    const m = binaryMetrics([0, 1, 1, 0, 1], [0.2, 0.7, 0.4, 0.6, 0.9]);
    expect(m.confusion).toEqual([
      [1, 1],
      [1, 2],
    ]);
    expect(m.accuracy).toBe(0.6);
    expect(m.precision).toBeCloseTo(2 / 3);
    expect(m.recall).toBeCloseTo(2 / 3);
    expect(m.f1).toBeCloseTo(2 / 3);
    expect(m.specificity).toBe(0.5);
    expect(m.baselineAccuracy).toBe(0.6);
  });
  it('shows the accuracy trap: always "no" on 5 % positives is 95 % accurate with recall 0', () => {
    const labels = Array.from({ length: 100 }, (_, i) => (i < 5 ? 1 : 0));
    const m = binaryMetrics(labels, new Array(100).fill(0.01));
    expect(m.accuracy).toBe(0.95);
    expect(m.baselineAccuracy).toBe(0.95);
    expect(m.recall).toBe(0);
    expect(m.f1).toBe(0);
    expect(m.auc).toBe(0.5);
  });
  it('computes log loss', () => {
    expect(binaryMetrics([1, 0], [0.8, 0.4]).logLoss).toBeCloseTo(-(Math.log(0.8) + Math.log(0.6)) / 2, 12);
  });
});

describe('multiclassMetrics', () => {
  it('scores argmax predictions with macro averages', () => {
    const probs = fromRows([
      [0.8, 0.1, 0.1],
      [0.2, 0.3, 0.5],
      [0.1, 0.7, 0.2],
      [0.6, 0.3, 0.1],
    ]);
    const m = multiclassMetrics([0, 2, 1, 1], probs);
    expect(m.accuracy).toBe(0.75);
    expect(m.confusion).toEqual([
      [1, 0, 0],
      [1, 1, 0],
      [0, 0, 1],
    ]);
    expect(m.perClass[0]).toEqual({ precision: 0.5, recall: 1, f1: 2 / 3, support: 1 });
    expect(m.recall).toBeCloseTo((1 + 0.5 + 1) / 3);
    expect(m.baselineAccuracy).toBe(0.5);
  });
});

describe('confusionMatrix', () => {
  it('indexes [actual][predicted]', () => {
    expect(confusionMatrix([0, 1, 1], [1, 1, 0], 2)).toEqual([
      [0, 1],
      [1, 1],
    ]);
  });
});

describe('chooseThreshold', () => {
  const labels = [0, 0, 1, 1, 0, 1];
  const probs = [0.1, 0.3, 0.35, 0.9, 0.5, 0.2];
  it('maximises F1', () => {
    const t = chooseThreshold(labels, probs, 'f1');
    const best = Math.max(...probs.map((p) => binaryMetrics(labels, probs, p).f1));
    expect(binaryMetrics(labels, probs, t).f1).toBe(best);
  });
  it("maximises Youden's J", () => {
    const t = chooseThreshold(labels, probs, 'youden');
    const j = (p: number) => {
      const m = binaryMetrics(labels, probs, p);
      return m.recall + m.specificity - 1;
    };
    expect(j(t)).toBe(Math.max(...probs.map(j)));
  });
  it('finds the highest threshold that keeps a minimum recall', () => {
    expect(chooseThreshold(labels, probs, { minRecall: 2 / 3 })).toBe(0.35);
    expect(chooseThreshold(labels, probs, { minRecall: 1 })).toBe(0.2);
  });
  it('keeps a fixed threshold as given', () => {
    expect(chooseThreshold(labels, probs, { fixed: 0.5 })).toBe(0.5);
  });
});

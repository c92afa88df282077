import type { Matrix } from './matrix.js';

/**
 * Classification metrics. Binary metrics take the probability of the positive class (class 1);
 * multi-class metrics take one row of class probabilities per sample.
 *
 * Why so many: on imbalanced data (the stroke set is 95 % "no stroke") accuracy alone rewards a
 * network that never says "yes". ROC AUC, recall and F1 are what show whether it learned anything.
 */

/**
 * ROC AUC: the probability that a random positive scores higher than a random negative
 * (Mann-Whitney U with average ranks for ties). NaN when a class is missing.
 * @example rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) // 0.75
 */
export function rocAuc(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  const n = labels.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]] === scores[order[i]]) j++;
    const averageRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (labels[order[k]] === 1) {
        positives++;
        rankSum += averageRank;
      }
    }
    i = j + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Points of the ROC curve (false positive rate, true positive rate), from the strictest threshold down. */
export function rocCurve(labels: ArrayLike<number>, scores: ArrayLike<number>): { fpr: number; tpr: number; threshold: number }[] {
  const n = labels.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  let positives = 0;
  for (let i = 0; i < n; i++) if (labels[i] === 1) positives++;
  const negatives = n - positives;
  const points = [{ fpr: 0, tpr: 0, threshold: Infinity }];
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < n; ) {
    const threshold = scores[order[i]];
    while (i < n && scores[order[i]] === threshold) {
      if (labels[order[i]] === 1) tp++;
      else fp++;
      i++;
    }
    points.push({ fpr: negatives ? fp / negatives : 0, tpr: positives ? tp / positives : 0, threshold });
  }
  return points;
}

/**
 * PR AUC as average precision: Σ (recall_k - recall_{k-1}) · precision_k over thresholds.
 * Its floor is the positive rate (0.049 on the stroke data), not 0.5.
 * @example prAuc([0, 1, 1], [0.2, 0.9, 0.6]) // 1
 */
export function prAuc(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  const n = labels.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  let positives = 0;
  for (let i = 0; i < n; i++) if (labels[i] === 1) positives++;
  if (positives === 0) return Number.NaN;
  let tp = 0;
  let seen = 0;
  let previousRecall = 0;
  let area = 0;
  for (let i = 0; i < n; ) {
    const threshold = scores[order[i]];
    while (i < n && scores[order[i]] === threshold) {
      if (labels[order[i]] === 1) tp++;
      seen++;
      i++;
    }
    const recall = tp / positives;
    area += (recall - previousRecall) * (tp / seen);
    previousRecall = recall;
  }
  return area;
}

/** Counts: matrix[actual][predicted]. */
export function confusionMatrix(labels: ArrayLike<number>, predicted: ArrayLike<number>, classes: number): number[][] {
  const matrix = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < labels.length; i++) matrix[labels[i]][predicted[i]]++;
  return matrix;
}

const EPS = 1e-15;

export interface BinaryMetrics {
  threshold: number;
  accuracy: number;
  precision: number;
  recall: number;
  specificity: number;
  f1: number;
  auc: number;
  prAuc: number;
  logLoss: number;
  /** [[true negatives, false positives], [false negatives, true positives]]. */
  confusion: number[][];
  /** Accuracy of always answering the majority class: the bar accuracy must clear to mean anything. */
  baselineAccuracy: number;
  positives: number;
  samples: number;
}

function safeDivide(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

/**
 * Metrics of binary predictions: `probabilities[i]` is P(class 1) for sample i; a sample is
 * predicted positive when its probability is at least `threshold`.
 * @example binaryMetrics([0, 1, 1, 0], [0.2, 0.7, 0.4, 0.1]).recall // 0.5
 */
export function binaryMetrics(labels: ArrayLike<number>, probabilities: ArrayLike<number>, threshold = 0.5): BinaryMetrics {
  let tp = 0, fp = 0, tn = 0, fn = 0, logLoss = 0;
  const n = labels.length;
  for (let i = 0; i < n; i++) {
    const p = Math.min(1 - EPS, Math.max(EPS, probabilities[i]));
    const positive = labels[i] === 1;
    logLoss -= positive ? Math.log(p) : Math.log(1 - p);
    if (probabilities[i] >= threshold) {
      if (positive) tp++;
      else fp++;
    } else if (positive) fn++;
    else tn++;
  }
  const precision = safeDivide(tp, tp + fp);
  const recall = safeDivide(tp, tp + fn);
  const positives = tp + fn;
  return {
    threshold,
    accuracy: safeDivide(tp + tn, n),
    precision,
    recall,
    specificity: safeDivide(tn, tn + fp),
    f1: safeDivide(2 * precision * recall, precision + recall),
    auc: rocAuc(labels, probabilities),
    prAuc: prAuc(labels, probabilities),
    logLoss: safeDivide(logLoss, n),
    confusion: [
      [tn, fp],
      [fn, tp],
    ],
    baselineAccuracy: safeDivide(Math.max(positives, n - positives), n),
    positives,
    samples: n,
  };
}

export interface MulticlassMetrics {
  accuracy: number;
  /** Unweighted means over classes. */
  precision: number;
  recall: number;
  f1: number;
  /** Mean one-vs-rest ROC AUC over the classes present. */
  auc: number;
  logLoss: number;
  perClass: { precision: number; recall: number; f1: number; support: number }[];
  confusion: number[][];
  baselineAccuracy: number;
  samples: number;
}

/** Index of the largest value in each row. */
export function argmaxRows(matrix: Matrix): Int32Array {
  const out = new Int32Array(matrix.rows);
  for (let r = 0; r < matrix.rows; r++) {
    let best = 0;
    for (let j = 1; j < matrix.cols; j++) if (matrix.data[r * matrix.cols + j] > matrix.data[r * matrix.cols + best]) best = j;
    out[r] = best;
  }
  return out;
}

/**
 * Metrics of multi-class predictions (`probabilities` has one row per sample, one column per class).
 * @example multiclassMetrics([0, 2], fromRows([[0.8, 0.1, 0.1], [0.2, 0.3, 0.5]])).accuracy // 1
 */
export function multiclassMetrics(labels: ArrayLike<number>, probabilities: Matrix): MulticlassMetrics {
  const classes = probabilities.cols;
  const n = labels.length;
  const predicted = argmaxRows(probabilities);
  const confusion = confusionMatrix(labels, predicted, classes);
  let correct = 0;
  let logLoss = 0;
  for (let i = 0; i < n; i++) {
    if (predicted[i] === labels[i]) correct++;
    logLoss -= Math.log(Math.max(EPS, probabilities.data[i * classes + labels[i]]));
  }
  const perClass = confusion.map((row, c) => {
    const tp = row[c];
    const support = row.reduce((a, b) => a + b, 0);
    const predictedCount = confusion.reduce((a, r) => a + r[c], 0);
    const precision = safeDivide(tp, predictedCount);
    const recall = safeDivide(tp, support);
    return { precision, recall, f1: safeDivide(2 * precision * recall, precision + recall), support };
  });
  const aucs: number[] = [];
  for (let c = 0; c < classes; c++) {
    const binary = Array.from(labels, (l) => (l === c ? 1 : 0));
    const scores = Array.from({ length: n }, (_, i) => probabilities.data[i * classes + c]);
    const auc = rocAuc(binary, scores);
    if (!Number.isNaN(auc)) aucs.push(auc);
  }
  const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : Number.NaN);
  return {
    accuracy: safeDivide(correct, n),
    precision: mean(perClass.map((c) => c.precision)),
    recall: mean(perClass.map((c) => c.recall)),
    f1: mean(perClass.map((c) => c.f1)),
    auc: mean(aucs),
    logLoss: safeDivide(logLoss, n),
    perClass,
    confusion,
    baselineAccuracy: safeDivide(Math.max(...perClass.map((c) => c.support)), n),
    samples: n,
  };
}

/** What a decision threshold is chosen to maximise. */
export type ThresholdObjective =
  | 'f1'
  /** Youden's J = recall + specificity - 1: balances catching positives against false alarms. */
  | 'youden'
  /** The highest threshold (fewest false alarms) that still catches at least this share of positives. */
  | { minRecall: number }
  /** A threshold given by hand (0.5 is the naive default that the accuracy trap comes from). */
  | { fixed: number };

/**
 * Picks the decision threshold on validation data (never on the test data it will be judged on).
 * @example chooseThreshold([0, 0, 1, 1], [0.1, 0.3, 0.35, 0.9], 'f1') // 0.35
 */
export function chooseThreshold(labels: ArrayLike<number>, probabilities: ArrayLike<number>, objective: ThresholdObjective = 'f1'): number {
  if (typeof objective === 'object' && 'fixed' in objective) return objective.fixed;
  const n = labels.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => probabilities[b] - probabilities[a]);
  let positives = 0;
  for (let i = 0; i < n; i++) if (labels[i] === 1) positives++;
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return 0.5;
  let tp = 0;
  let fp = 0;
  let best = 0.5;
  let bestScore = -Infinity;
  // Walk thresholds from the highest score down; "positive" means probability >= threshold.
  for (let i = 0; i < n; ) {
    const threshold = probabilities[order[i]];
    while (i < n && probabilities[order[i]] === threshold) {
      if (labels[order[i]] === 1) tp++;
      else fp++;
      i++;
    }
    const recall = tp / positives;
    let score: number;
    if (objective === 'f1') {
      score = safeDivide(2 * tp, 2 * tp + fp + (positives - tp));
    } else if (objective === 'youden') {
      score = recall - fp / negatives;
    } else {
      // { minRecall } (a { fixed } objective returned above)
      if ('minRecall' in objective && recall >= objective.minRecall) return threshold;
      continue;
    }
    if (score > bestScore) {
      bestScore = score;
      best = threshold;
    }
  }
  return best;
}

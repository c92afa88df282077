/**
 * ROC curve points from labels and scores: a render helper for drawing the curve. The AUC shown on
 * the picture comes from the caller (the engine's metrics are the one source of that number).
 */
import type { RocPoint } from './types.js';

/**
 * One point per distinct score threshold, from (0,0) to (1,1). Tied scores move both rates at
 * once, as a threshold between them cannot separate them.
 * @example rocPoints([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) // [{0,0},{0,0.5},{0.5,0.5},{0.5,1},{1,1}]
 */
export function rocPoints(labels: ArrayLike<number>, scores: ArrayLike<number>): RocPoint[] {
  if (labels.length !== scores.length) throw new RangeError('labels and scores differ in length');
  const order = Array.from({ length: labels.length }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  let positives = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === 1) positives++;
  const negatives = labels.length - positives;
  const points: RocPoint[] = [{ fpr: 0, tpr: 0 }];
  let truePositives = 0;
  let falsePositives = 0;
  for (let k = 0; k < order.length; k++) {
    if (labels[order[k]] === 1) truePositives++;
    else falsePositives++;
    const nextTied = k + 1 < order.length && scores[order[k + 1]] === scores[order[k]];
    if (nextTied) continue;
    points.push({
      fpr: negatives > 0 ? falsePositives / negatives : 0,
      tpr: positives > 0 ? truePositives / positives : 0,
    });
  }
  const last = points[points.length - 1];
  if (last.fpr !== 1 || last.tpr !== 1) points.push({ fpr: 1, tpr: 1 });
  return points;
}

/**
 * The two stroke trainings the "imbalance" and "stroke-demo" lessons quote: always on the synthetic
 * rows (no file, no STROKE_CSV), so the lessons work anywhere and say so.
 */
import { dataNotice, loadDataset } from '../../data/index.js';
import { rocCurve, binaryMetrics, type BinaryMetrics } from '../../engine/index.js';
import type { Locale } from '../../locales/index.js';
import { renderConfusionMatrix, renderRocCurve, type Theme } from '../../render/index.js';
import { trainRequestSchema, type TrainRequestInput } from '../../training/request.js';
import { runTraining, type TrainingRun } from '../../training/run.js';
import { once } from '../memo.js';
import type { LessonImage } from '../post.js';

/** The naive run: plain loss, threshold 0.5. The recipe run: the bot's stroke defaults. */
export const NAIVE_STROKE_REQUEST: TrainRequestInput = { dataset: 'stroke', balance: 'none', threshold: '0.5' };
export const RECIPE_STROKE_REQUEST: TrainRequestInput = { dataset: 'stroke' };

/** An empty environment: STROKE_CSV is never read, the rows are always the synthetic ones. */
const NO_FILE = { env: {} };

export function strokeRuns() {
  return once('stroke-runs', async () => {
    const table = await loadDataset('stroke', NO_FILE);
    const naive = await runTraining(trainRequestSchema.parse(NAIVE_STROKE_REQUEST), NO_FILE);
    const recipe = await runTraining(trainRequestSchema.parse(RECIPE_STROKE_REQUEST), NO_FILE);
    return { table, naive, recipe };
  });
}

/** The binary test metrics of a stroke run. */
export function binaryTestMetrics(run: TrainingRun): BinaryMetrics {
  const m = run.test.metrics;
  if (!('specificity' in m)) throw new TypeError('a stroke run has binary metrics');
  return m;
}

/** Accuracy and recall of answering "no stroke" for everyone. */
export function alwaysNo(labels: Int32Array): BinaryMetrics {
  return binaryMetrics(labels, new Float64Array(labels.length));
}

/** The synthetic-data warning in the lesson's language. */
export function syntheticNotice(run: TrainingRun, locale: Locale): string {
  return dataNotice(run.table.meta, locale) ?? '';
}

export async function confusionImage(run: TrainingRun, locale: Locale, theme: Theme, filename: string, description: string): Promise<LessonImage> {
  const png = await renderConfusionMatrix({ counts: binaryTestMetrics(run).confusion, classNames: run.table.meta.classNames }, { locale, theme });
  return { filename, png, description };
}

export async function rocImage(run: TrainingRun, locale: Locale, theme: Theme, filename: string, description: string): Promise<LessonImage> {
  const png = await renderRocCurve(
    { points: rocCurve(run.test.labels, run.test.probabilities.data), auc: run.test.metrics.auc, positiveClass: run.table.meta.classNames[1] },
    { locale, theme },
  );
  return { filename, png, description };
}

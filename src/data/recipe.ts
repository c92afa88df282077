/**
 * Training recipes for tabular data and their honest evaluation: a training part is cut into a
 * fitting part and a validation part (for early stopping and for choosing the decision threshold),
 * preprocessing is fitted on the fitting part only, imbalance is handled on purpose, and the test
 * rows are used once, to measure. Cross-validation repeats that per stratified fold.
 */
import {
  binaryMetrics,
  chooseThreshold,
  createNetwork,
  multiclassMetrics,
  targetsFromLabels,
  train,
  type ActivationName,
  type BinaryMetrics,
  type EpochReport,
  type Floats,
  type Matrix,
  type MulticlassMetrics,
  type Network,
  type OptimizerSpecInput,
  type ThresholdObjective,
  type TrainResult,
} from '../engine/index.js';
import { balancedClassWeights, oversample, type BalanceMethod } from './balance.js';
import { prepare, transformTable, type Preprocessing } from './preprocess.js';
import { stratifiedKFold, stratifiedSplit } from './split.js';
import type { TabularDataset } from './types.js';

/** Everything that decides how a tabular model is trained. */
export interface TabularRecipe {
  /** Hidden layers (the output layer follows from the task: 1 sigmoid, or softmax over the classes). */
  hidden: { units: number; activation: ActivationName }[];
  optimizer: OptimizerSpecInput;
  epochs: number;
  batchSize: number;
  /** L2 regularisation strength. */
  l2: number;
  /** How the rare class is made to count (binary and multi-class). */
  balance: BalanceMethod;
  /** How the decision threshold is chosen on validation rows (binary tasks only). */
  threshold: ThresholdObjective;
  /** Share of each training part held out as validation (early stopping, threshold). */
  validationFraction: number;
  earlyStopping?: { patience: number; minDelta?: number };
  /** Standardise numeric columns (default true). */
  standardize?: boolean;
}

/**
 * The default stroke recipe: a small network (16 tanh units, L2 0.02), class weights so the 5 % strokes carry
 * half the loss, early stopping on validation loss, and the threshold that maximises Youden's J
 * (recall + specificity - 1) on validation rows: screening wants strokes caught, at a cost in
 * false alarms that the reports show.
 */
export const STROKE_RECIPE: Readonly<TabularRecipe> = Object.freeze<TabularRecipe>({
  hidden: [{ units: 16, activation: 'tanh' }],
  optimizer: { kind: 'adam', learningRate: 0.003 },
  epochs: 40,
  batchSize: 64,
  l2: 0.02,
  balance: 'class-weights',
  threshold: 'youden',
  validationFraction: 0.25,
  earlyStopping: { patience: 8, minDelta: 1e-4 },
});

/** The recipe for other tables (uploaded CSVs, iris): a bit wider, balanced, F1 threshold. */
export const GENERIC_RECIPE: Readonly<TabularRecipe> = Object.freeze<TabularRecipe>({
  hidden: [{ units: 16, activation: 'relu' }],
  optimizer: { kind: 'adam', learningRate: 0.01 },
  epochs: 100,
  batchSize: 32,
  l2: 0.0001,
  balance: 'class-weights',
  threshold: 'f1',
  validationFraction: 0.2,
  earlyStopping: { patience: 15, minDelta: 1e-4 },
});

/**
 * The default recipe for a table: {@link STROKE_RECIPE} for the stroke data, {@link GENERIC_RECIPE} otherwise.
 * @example defaultRecipe(await loadStroke()).threshold // 'youden'
 */
export function defaultRecipe(table: TabularDataset): TabularRecipe {
  return { ...(table.meta.name === 'stroke' ? STROKE_RECIPE : GENERIC_RECIPE) };
}

/** A model trained by a recipe, with what it needs to be saved and used. */
export interface TrainedTabularModel {
  network: Network;
  preprocessing: Preprocessing;
  /** Decision threshold on P(positive), chosen on validation rows (0.5 for multi-class tasks). */
  threshold: number;
  training: TrainResult;
  /** Rows used to fit and to validate (indices into the table). */
  fitRows: Int32Array;
  validationRows: Int32Array;
  /** Copies of the weights taken during training (when asked for), for animations. */
  snapshots: WeightSnapshot[];
}

/** The network's parameters after one epoch (layer by layer: weights, then biases). */
export interface WeightSnapshot {
  epoch: number;
  trainLoss: number;
  params: Floats[];
}

export interface TrainTabularOptions {
  seed?: number;
  /** Storage type of the network (default float32: fast; float64 for exact lessons). */
  dtype?: 'float32' | 'float64';
  signal?: AbortSignal;
  onEpoch?: (report: EpochReport) => void | Promise<void>;
  /** Keep a copy of the weights after about this many evenly spaced epochs (first and last included); 0 = none. */
  snapshots?: number;
}

/**
 * Trains on the given rows of a table with a recipe: holds out a stratified validation share, fits
 * the preprocessing on the rest, balances, trains with early stopping, and picks the threshold on
 * the validation rows.
 * @example const model = await trainTabular(table, folds[0].train, STROKE_RECIPE, { seed: 1 });
 */
export async function trainTabular(
  table: TabularDataset,
  rows: ArrayLike<number>,
  recipe: TabularRecipe,
  options: TrainTabularOptions = {},
): Promise<TrainedTabularModel> {
  const seed = options.seed ?? 1;
  const classes = table.meta.classNames.length;
  const binary = classes === 2;
  const split = stratifiedSplit(table.labels, {
    rows,
    validation: recipe.validationFraction,
    test: 0,
    seed,
    classNames: table.meta.classNames,
  });
  const fitRows = recipe.balance === 'oversample' ? oversample(split.train, table.labels, { seed }) : split.train;
  const { preprocessing, parts } = prepare(
    table,
    split.train,
    { fit: fitRows, validation: split.validation },
    { standardize: recipe.standardize ?? true },
  );
  const outputs = binary ? 1 : classes;
  const network = createNetwork({
    inputs: preprocessing.featureNames.length,
    layers: [...recipe.hidden, binary ? { units: 1, activation: 'sigmoid' } : { units: classes, activation: 'softmax' }],
    loss: binary ? 'binary-cross-entropy' : 'softmax-cross-entropy',
    dtype: options.dtype ?? 'float32',
    seed,
  });
  const classWeights = recipe.balance === 'class-weights' ? balancedClassWeights(parts.fit.labels, classes) : undefined;
  const validation = { x: parts.validation.x, y: targetsFromLabels(parts.validation.labels, outputs) };
  const snapshots: WeightSnapshot[] = [];
  const training = await train(
    network,
    { x: parts.fit.x, y: targetsFromLabels(parts.fit.labels, outputs) },
    {
      epochs: recipe.epochs,
      batchSize: recipe.batchSize,
      optimizer: recipe.optimizer,
      l2: recipe.l2,
      classWeights,
      seed,
      validation,
      earlyStopping: recipe.earlyStopping,
      onEpoch: (report) => {
        if (wantsSnapshot(report.epoch, recipe.epochs, options.snapshots ?? 0)) {
          snapshots.push({ epoch: report.epoch, trainLoss: report.trainLoss, params: network.snapshot() });
        }
        return options.onEpoch?.(report);
      },
      signal: options.signal,
    },
  );
  let threshold = 0.5;
  if (binary) threshold = chooseThreshold(parts.validation.labels, network.predict(parts.validation.x).data, recipe.threshold);
  return { network, preprocessing, threshold, training, fitRows: split.train, validationRows: split.validation, snapshots };
}

/**
 * True for the epochs whose weights an animation of `count` frames keeps: the first, the last
 * (of the planned run) and evenly spaced ones between.
 * @example [1, 2, 3, 4, 5].filter((e) => wantsSnapshot(e, 5, 3)) // [1, 3, 5]
 */
export function wantsSnapshot(epoch: number, epochs: number, count: number): boolean {
  if (count <= 0) return false;
  if (epoch === 1 || epoch === epochs || count >= epochs) return true;
  const step = (epochs - 1) / (count - 1);
  return Math.floor((epoch - 1) / step) !== Math.floor((epoch - 2) / step);
}

/** The numbers reported for one evaluation (a test fold, or a hold-out test part). */
export interface EvaluationMetrics {
  /** ROC AUC (binary), or mean one-vs-rest AUC (multi-class). */
  auc: number;
  /** Precision-recall AUC (binary only; NaN otherwise). */
  prAuc: number;
  /** Recall of the positive class at the threshold (binary), or macro recall. */
  recall: number;
  precision: number;
  f1: number;
  accuracy: number;
  /** Accuracy of always answering the most common class on the same rows. */
  baselineAccuracy: number;
  threshold: number;
  samples: number;
  positives: number;
}

/** Predictions on rows the model never saw, with the engine's full metrics at the model's threshold. */
export interface ScoredRows {
  rows: Int32Array;
  labels: Int32Array;
  /** One row of outputs per scored row: P(positive) for binary models, class probabilities otherwise. */
  probabilities: Matrix;
  metrics: BinaryMetrics | MulticlassMetrics;
}

/**
 * Predicts the given rows of a table and scores them.
 * @example scoreTabular(model, table, split.test).metrics.confusion
 */
export function scoreTabular(model: TrainedTabularModel, table: TabularDataset, rows: ArrayLike<number>): ScoredRows {
  const parts = prepareWith(model.preprocessing, table, rows);
  const probabilities = model.network.predict(parts.x);
  const metrics =
    model.network.outputs === 1 ? binaryMetrics(parts.labels, probabilities.data, model.threshold) : multiclassMetrics(parts.labels, probabilities);
  return { rows: Int32Array.from(rows), labels: parts.labels, probabilities, metrics };
}

/** The headline numbers of scored rows, the same fields for binary and multi-class tasks. */
export function summarizeScores(scored: ScoredRows): EvaluationMetrics {
  const m = scored.metrics;
  const binary = 'specificity' in m;
  return {
    auc: m.auc,
    prAuc: binary ? m.prAuc : Number.NaN,
    recall: m.recall,
    precision: m.precision,
    f1: m.f1,
    accuracy: m.accuracy,
    baselineAccuracy: m.baselineAccuracy,
    threshold: binary ? m.threshold : 0.5,
    samples: m.samples,
    positives: binary ? m.positives : Number.NaN,
  };
}

/**
 * Scores a trained model on rows it never saw.
 * @example evaluateTabular(model, table, split.test).recall
 */
export function evaluateTabular(model: TrainedTabularModel, table: TabularDataset, rows: ArrayLike<number>): EvaluationMetrics {
  return summarizeScores(scoreTabular(model, table, rows));
}

/** Encodes the given rows with a fitted preprocessing. */
function prepareWith(prep: Preprocessing, table: TabularDataset, rows: ArrayLike<number>): { x: ReturnType<typeof transformTable>; labels: Int32Array } {
  return { x: transformTable(prep, table, rows), labels: Int32Array.from({ length: rows.length }, (_, i) => table.labels[rows[i]]) };
}

/** Cross-validation results: means over folds, and each fold's numbers beside them. */
export interface CrossValidationResult {
  folds: number;
  mean: EvaluationMetrics;
  /** Standard deviation over folds of the headline numbers. */
  std: Pick<EvaluationMetrics, 'auc' | 'recall' | 'precision' | 'f1' | 'accuracy'>;
  perFold: (EvaluationMetrics & { epochs: number })[];
  recipe: TabularRecipe;
  seed: number;
}

const METRIC_KEYS = ['auc', 'prAuc', 'recall', 'precision', 'f1', 'accuracy', 'baselineAccuracy', 'threshold', 'samples', 'positives'] as const;

/**
 * Stratified k-fold cross-validation of a recipe: per fold, train (and choose the threshold) on the
 * other folds, score on this one. The threshold never sees the test fold.
 * @example
 * const cv = await crossValidate(await loadStroke({ env: process.env }), { folds: 5 });
 * cv.mean.auc; cv.mean.recall; cv.mean.baselineAccuracy; cv.perFold[0].f1
 */
export async function crossValidate(
  table: TabularDataset,
  options: { folds?: number; recipe?: TabularRecipe; seed?: number; signal?: AbortSignal; onFold?: (fold: number, metrics: EvaluationMetrics) => void } = {},
): Promise<CrossValidationResult> {
  const { folds = 5, seed = 1 } = options;
  const recipe = options.recipe ?? defaultRecipe(table);
  const perFold: (EvaluationMetrics & { epochs: number })[] = [];
  const splits = stratifiedKFold(table.labels, folds, { seed, classNames: table.meta.classNames });
  for (let f = 0; f < splits.length; f++) {
    const model = await trainTabular(table, splits[f].train, recipe, { seed: seed + f, signal: options.signal });
    const metrics = evaluateTabular(model, table, splits[f].test);
    perFold.push({ ...metrics, epochs: model.training.epochsRun });
    options.onFold?.(f + 1, metrics);
  }
  const mean = {} as EvaluationMetrics;
  for (const key of METRIC_KEYS) mean[key] = perFold.reduce((s, m) => s + m[key], 0) / perFold.length;
  const std = {} as CrossValidationResult['std'];
  for (const key of ['auc', 'recall', 'precision', 'f1', 'accuracy'] as const) {
    const mu = mean[key];
    std[key] = Math.sqrt(perFold.reduce((s, m) => s + (m[key] - mu) ** 2, 0) / perFold.length);
  }
  return { folds, mean, std, perFold, recipe, seed };
}

/**
 * One train / validation / test run (stratified, 60/20/20 by default via the recipe's validation
 * share): the model to save, and its test metrics.
 * @example const { model, test } = await holdoutEvaluate(table, { seed: 1 });
 */
export async function holdoutEvaluate(
  table: TabularDataset,
  options: { recipe?: TabularRecipe; seed?: number; testFraction?: number } & TrainTabularOptions = {},
): Promise<{ model: TrainedTabularModel; test: EvaluationMetrics; testRows: Int32Array; scored: ScoredRows }> {
  const { seed = 1, testFraction = 0.2 } = options;
  const recipe = options.recipe ?? defaultRecipe(table);
  const split = stratifiedSplit(table.labels, { validation: 0, test: testFraction, seed, classNames: table.meta.classNames });
  const model = await trainTabular(table, split.train, recipe, {
    seed,
    dtype: options.dtype,
    signal: options.signal,
    onEpoch: options.onEpoch,
    snapshots: options.snapshots,
  });
  const scored = scoreTabular(model, table, split.test);
  return { model, test: summarizeScores(scored), testRows: split.test, scored };
}

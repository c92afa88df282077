import { rocCurve, saveModel, traceSample, type EpochReport, type ModelFile, type ThresholdObjective } from '../engine/index.js';
import {
  GENERATED_DATASETS,
  crossValidate,
  defaultRecipe,
  holdoutEvaluate,
  loadDataset,
  transformTable,
  type CrossValidationResult,
  type CsvLimits,
  type ScoredRows,
  type TabularDataset,
  type TabularRecipe,
  type TrainedTabularModel,
} from '../data/index.js';
import type { TrainRequest } from './request.js';

/**
 * One training run from a request, the same everywhere (CLI, worker, lessons): load the data, hold
 * out a stratified test part, train with the dataset's recipe (overridden by the request), choose
 * the threshold on validation rows, and score once on the test rows.
 */

/** The recipe for generated 2-D sets, TensorFlow Playground style: small, fast, threshold 0.5. */
export const PLAYGROUND_RECIPE: Readonly<TabularRecipe> = Object.freeze<TabularRecipe>({
  hidden: [{ units: 8, activation: 'tanh' }],
  optimizer: { kind: 'adam', learningRate: 0.03 },
  epochs: 300,
  batchSize: 32,
  l2: 0,
  balance: 'none',
  threshold: { fixed: 0.5 },
  validationFraction: 0.2,
});

const THRESHOLDS: Record<Exclude<TrainRequest['threshold'], 'auto'>, ThresholdObjective> = {
  f1: 'f1',
  youden: 'youden',
  '0.5': { fixed: 0.5 },
};

/**
 * The dataset's default recipe with every option the request names put over it.
 * @example recipeFor({ ...request, hidden: [4], epochs: 500 }, table).hidden // [{ units: 4, activation: 'tanh' }]
 */
export function recipeFor(request: TrainRequest, table: TabularDataset): TabularRecipe {
  const base = (GENERATED_DATASETS as readonly string[]).includes(table.meta.name) ? { ...PLAYGROUND_RECIPE } : defaultRecipe(table);
  const activation = request.activation ?? base.hidden[0]?.activation ?? 'tanh';
  const hidden = request.hidden ? request.hidden.map((units) => ({ units, activation })) : base.hidden.map((layer) => ({ ...layer, activation }));
  return {
    ...base,
    hidden,
    optimizer: {
      ...base.optimizer,
      ...(request.optimizer ? { kind: request.optimizer } : {}),
      ...(request.learningRate !== undefined ? { learningRate: request.learningRate } : {}),
    },
    epochs: request.epochs ?? base.epochs,
    batchSize: request.batchSize ?? base.batchSize,
    l2: request.l2 ?? base.l2,
    balance: request.balance === 'auto' ? base.balance : request.balance,
    threshold: request.threshold === 'auto' ? base.threshold : THRESHOLDS[request.threshold],
    validationFraction: request.validation ?? base.validationFraction,
    earlyStopping:
      request.patience === undefined ? base.earlyStopping : request.patience === 0 ? undefined : { patience: request.patience, minDelta: 1e-4 },
  };
}

export interface TrainingRun {
  request: TrainRequest;
  table: TabularDataset;
  recipe: TabularRecipe;
  model: TrainedTabularModel;
  /** The held-out test rows, scored once. */
  test: ScoredRows;
  /** With request.folds: the cross-validated estimate (the model above is then a separate hold-out fit). */
  crossValidation?: CrossValidationResult;
  elapsedMs: number;
}

export interface RunOptions {
  /** Where STROKE_CSV is read from (pass process.env). */
  env?: Readonly<Record<string, string | undefined>>;
  /** An uploaded CSV's bytes (the stroke file or any CSV). */
  bytes?: Uint8Array;
  limits?: Partial<CsvLimits>;
  onEpoch?: (report: EpochReport) => void | Promise<void>;
  /** Weight snapshots to keep for the training animation (2-D datasets only; default 0). */
  snapshots?: number;
  /** Called once the data is loaded and the recipe settled, before any training. */
  onStart?: (info: { table: TabularDataset; recipe: TabularRecipe }) => void;
  /** Cross-validation progress: fold k of n is done. */
  onFold?: (fold: number, folds: number) => void;
  signal?: AbortSignal;
}

/** Loads the dataset a request names (generators take its size, noise and seed). */
export function loadRequestTable(request: TrainRequest, options: RunOptions = {}): Promise<TabularDataset> {
  return loadDataset(request.dataset, {
    size: request.size,
    noise: request.noise,
    seed: request.seed,
    csvPath: request.csv,
    bytes: options.bytes,
    env: options.env,
    target: request.target,
    limits: options.limits,
  });
}

/**
 * Runs a whole training request.
 * @example const run = await runTraining(trainRequestSchema.parse({ dataset: 'xor', hidden: '4', epochs: 500 }));
 */
export async function runTraining(request: TrainRequest, options: RunOptions = {}): Promise<TrainingRun> {
  const started = performance.now();
  const table = await loadRequestTable(request, options);
  const recipe = recipeFor(request, table);
  options.onStart?.({ table, recipe });
  let crossValidation: CrossValidationResult | undefined;
  if (request.folds > 0) {
    crossValidation = await crossValidate(table, {
      folds: request.folds,
      recipe,
      seed: request.seed,
      signal: options.signal,
      onFold: (fold) => options.onFold?.(fold, request.folds),
    });
  }
  const { model, scored } = await holdoutEvaluate(table, {
    recipe,
    seed: request.seed,
    testFraction: request.test,
    dtype: request.dtype,
    signal: options.signal,
    onEpoch: options.onEpoch,
    snapshots: table.meta.is2d ? (options.snapshots ?? 0) : 0,
  });
  return { request, table, recipe, model, test: scored, crossValidation, elapsedMs: performance.now() - started };
}

/** "2-4-1": inputs, then every layer's units. */
export function shapeOf(model: TrainedTabularModel): string {
  return [model.network.inputs, ...model.network.layers.map((l) => l.units)].join('-');
}

/** The run's headline numbers on the test rows (binary: at the chosen threshold). */
export function headlineMetrics(run: TrainingRun) {
  const m = run.test.metrics;
  const binary = 'specificity' in m;
  return {
    loss: m.logLoss,
    accuracy: m.accuracy,
    auc: m.auc,
    recall: m.recall,
    precision: m.precision,
    f1: m.f1,
    ...(binary ? { prAuc: m.prAuc, specificity: m.specificity, threshold: m.threshold } : {}),
    baselineAccuracy: m.baselineAccuracy,
    confusion: m.confusion,
    samples: m.samples,
  };
}

/**
 * A JSON-able summary of a run: what the CLI's --json prints and what a job returns.
 * Numbers that are undefined for the task (AUC with one class present) come out as null.
 */
export function summarizeRun(run: TrainingRun) {
  const { model, table } = run;
  const training = model.training;
  return {
    dataset: {
      name: table.meta.name,
      rows: table.labels.length,
      features: model.preprocessing.featureNames.length,
      classes: table.meta.classNames,
      synthetic: table.meta.synthetic,
      ...(table.meta.source ? { source: table.meta.source } : {}),
    },
    network: { shape: shapeOf(model), spec: model.network.spec, parameters: model.network.parameterCount() },
    recipe: run.recipe,
    training: {
      status: training.status,
      epochsRun: training.epochsRun,
      bestEpoch: training.bestEpoch,
      weightsEpoch: training.weightsEpoch,
      initialLoss: training.initialLoss,
      elapsedMs: Math.round(run.elapsedMs),
      ...(training.divergence ? { divergence: { epoch: training.divergence.epoch, message: training.divergence.error.message } } : {}),
    },
    split: { train: model.fitRows.length, validation: model.validationRows.length, test: run.test.rows.length },
    metrics: headlineMetrics(run),
    ...(run.crossValidation
      ? { crossValidation: { folds: run.crossValidation.folds, mean: run.crossValidation.mean, std: run.crossValidation.std, perFold: run.crossValidation.perFold } }
      : {}),
    history: { trainLoss: training.history.trainLoss, validationLoss: training.history.validationLoss },
  };
}
export type RunSummary = ReturnType<typeof summarizeRun>;

/** The model file of a run: the network, its preprocessing, and what it takes to use and judge it. */
export function modelFileOf(run: TrainingRun): ModelFile {
  const { model, table } = run;
  return saveModel(model.network, {
    preprocessing: model.preprocessing,
    metadata: {
      dataset: table.meta.name,
      synthetic: table.meta.synthetic,
      ...(table.meta.source ? { source: table.meta.source } : {}),
      classNames: table.meta.classNames,
      threshold: model.threshold,
      metrics: headlineMetrics(run),
      createdAt: new Date().toISOString(),
    },
  });
}

/** One validation row traced forward and backward (for the activation picture and the story). */
export function traceValidationExample(run: TrainingRun, index = 0) {
  const { model, table } = run;
  const rows = model.validationRows.length > 0 ? model.validationRows : run.test.rows;
  const row = rows[Math.min(index, rows.length - 1)];
  const x = transformTable(model.preprocessing, table, Int32Array.of(row));
  const label = table.labels[row];
  const target = model.network.outputs === 1 ? [label] : Array.from({ length: model.network.outputs }, (_, j) => (j === label ? 1 : 0));
  return { row, label, trace: traceSample(model.network, x.data, target) };
}

/** ROC curve points of the test rows (binary runs). */
export function testRocPoints(run: TrainingRun) {
  return run.model.network.outputs === 1 ? rocCurve(run.test.labels, run.test.probabilities.data) : undefined;
}

/** Datasets: generators, CSV loading, the stroke schema and preprocessing, splits, k-fold, recipes. */
export type { Dataset, DatasetMeta, TabularColumn, TabularDataset, TaskKind } from './types.js';
export { circle, gauss, moons, spiral, xor, type GeneratorOptions } from './builtin.js';
export { iris, IRIS_SOURCE } from './iris.js';
export {
  DEFAULT_CSV_LIMITS,
  columnKind,
  csvDataset,
  isMissing,
  isNumberCell,
  looksLikeFormula,
  readCsvTable,
  resolveLimits,
  tableToDataset,
  type CsvDatasetOptions,
  type CsvLimits,
  type CsvTable,
} from './csv.js';
export { readFileLimited } from './files.js';
export {
  STROKE_CLASS_NAMES,
  STROKE_COLUMNS,
  STROKE_FEATURES,
  STROKE_SOURCE,
  loadStroke,
  parseStrokeCsv,
  strokeFromTable,
  strokeNotice,
  syntheticStroke,
  syntheticStrokeCsv,
  syntheticStrokeTable,
  type StrokeSourceOptions,
  type SyntheticStrokeOptions,
} from './stroke.js';
export {
  encodeRecord,
  exampleRecord,
  fitPreprocessing,
  parsePreprocessing,
  prepare,
  preprocessingSchema,
  transformTable,
  type FitOptions,
  type InputNote,
  type Preprocessing,
  type PreprocessingColumn,
} from './preprocess.js';
export { indicesByClass, stratifiedKFold, stratifiedSplit, takeLabels, takeRows, type Fold, type Split, type SplitOptions } from './split.js';
export { BALANCE_METHODS, balancedClassWeights, classCounts, oversample, type BalanceMethod } from './balance.js';
export {
  GENERIC_RECIPE,
  STROKE_RECIPE,
  crossValidate,
  defaultRecipe,
  evaluateTabular,
  scoreTabular,
  summarizeScores,
  holdoutEvaluate,
  trainTabular,
  type CrossValidationResult,
  type EvaluationMetrics,
  type ScoredRows,
  type TabularRecipe,
  type TrainTabularOptions,
  type TrainedTabularModel,
} from './recipe.js';
export { explainPrediction, type Contribution, type Explanation } from './predict.js';
export {
  DATASET_NAMES,
  GENERATED_DATASETS,
  GENERATOR_LIMITS,
  dataNotice,
  datasetToTable,
  generateDataset,
  isCsvName,
  loadDataset,
  type DatasetName,
  type GeneratedDatasetName,
  type LoadDatasetOptions,
} from './registry.js';

import type { Matrix } from '../engine/matrix.js';

/** What kind of prediction a dataset asks for. */
export type TaskKind = 'binary' | 'multiclass';

export interface DatasetMeta {
  /** Short id, e.g. "xor", "spiral", "stroke", or an uploaded file's name. */
  name: string;
  /** One name per input column of `x`, in order (after encoding, for tabular data). */
  featureNames: string[];
  /** One name per class; index = label. Binary tasks have two (negative first). */
  classNames: string[];
  kind: TaskKind;
  /** True when there are exactly two raw features, so a decision-boundary picture makes sense. */
  is2d: boolean;
  /** True when the rows were generated in code rather than read from real data. */
  synthetic: boolean;
  /** Where the rows came from, to credit in outputs (e.g. the Kaggle dataset's author). */
  source?: string;
}

/** Rows ready for the engine: features as a float64 matrix and one class index per row. */
export interface Dataset {
  x: Matrix;
  labels: Int32Array;
  meta: DatasetMeta;
}

/**
 * One raw input column of a table, before preprocessing. Numeric columns hold NaN where a value is
 * missing; categorical columns hold null there.
 */
export type TabularColumn =
  | { name: string; kind: 'numeric'; values: Float64Array }
  | { name: string; kind: 'categorical'; values: (string | null)[] };

/**
 * Rows as read from a table (a CSV, the stroke file, or a generated set), one class per row, not yet
 * encoded: preprocessing (fitted on a training split) turns it into a {@link Dataset}.
 * `meta.featureNames` are the raw column names here, in the order of `columns`.
 */
export interface TabularDataset {
  /** The feature columns (the target and left-out columns are not among them). */
  columns: TabularColumn[];
  labels: Int32Array;
  /** The target column's name ("stroke", or the one the user named). */
  target: string;
  meta: DatasetMeta;
}

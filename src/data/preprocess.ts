/**
 * Preprocessing for tabular data, fitted on a training split only and saved with the model:
 * numeric columns are imputed with the training median and standardised with the training mean and
 * standard deviation; categorical columns are one-hot encoded over the categories seen in training
 * (a missing or never-seen category becomes all zeros, never a crash).
 */
import { z } from 'zod';
import type { Matrix } from '../engine/matrix.js';
import { UserError } from '../errors.js';
import type { MessageKey } from '../locales/index.js';
import type { Dataset, TabularDataset } from './types.js';

const numericColumnSchema = z.object({
  name: z.string(),
  kind: z.literal('numeric'),
  /** The training median, used for missing values. */
  fill: z.number().finite(),
  mean: z.number().finite(),
  /** The training standard deviation (1 when the column is constant or standardisation is off). */
  scale: z.number().finite().positive(),
});
const categoricalColumnSchema = z.object({
  name: z.string(),
  kind: z.literal('categorical'),
  /** The categories seen in training, sorted; one encoded feature each. */
  categories: z.array(z.string()),
});

/** The saved preprocessing (part of a model file): validate foreign JSON with {@link parsePreprocessing}. */
export const preprocessingSchema = z
  .object({
    version: z.literal(1),
    target: z.string(),
    classNames: z.array(z.string()).min(2),
    columns: z.array(z.discriminatedUnion('kind', [numericColumnSchema, categoricalColumnSchema])).min(1),
    /** The encoded features' names, in the order of the network's inputs. */
    featureNames: z.array(z.string()),
  })
  .refine((p) => p.featureNames.length === p.columns.reduce((n, c) => n + (c.kind === 'numeric' ? 1 : c.categories.length), 0), {
    message: 'featureNames does not match the columns',
  });

export type Preprocessing = z.infer<typeof preprocessingSchema>;
export type PreprocessingColumn = Preprocessing['columns'][number];

/** Options for {@link fitPreprocessing}. */
export interface FitOptions {
  /** Standardise numeric columns (default true); off keeps raw values (e.g. for 2-D pictures). */
  standardize?: boolean;
}

function allRows(count: number): Int32Array {
  return Int32Array.from({ length: count }, (_, i) => i);
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Fits the preprocessing on the given rows (the training split) of a table.
 * @example
 * const prep = fitPreprocessing(table, split.train);
 * prep.featureNames; // ['age', ..., 'gender=Female', 'gender=Male', ...]
 */
export function fitPreprocessing(table: TabularDataset, rows: ArrayLike<number> = allRows(table.labels.length), options: FitOptions = {}): Preprocessing {
  const { standardize = true } = options;
  const columns: PreprocessingColumn[] = table.columns.map((column) => {
    if (column.kind === 'numeric') {
      const present: number[] = [];
      for (let i = 0; i < rows.length; i++) {
        const v = column.values[rows[i]];
        if (!Number.isNaN(v)) present.push(v);
      }
      const fill = median(present);
      let sum = 0;
      let squares = 0;
      for (let i = 0; i < rows.length; i++) {
        const v = Number.isNaN(column.values[rows[i]]) ? fill : column.values[rows[i]];
        sum += v;
        squares += v * v;
      }
      const mean = rows.length === 0 ? 0 : sum / rows.length;
      const sd = rows.length === 0 ? 0 : Math.sqrt(Math.max(0, squares / rows.length - mean * mean));
      return standardize
        ? { name: column.name, kind: 'numeric', fill, mean, scale: sd > 1e-12 ? sd : 1 }
        : { name: column.name, kind: 'numeric', fill, mean: 0, scale: 1 };
    }
    const seen = new Set<string>();
    for (let i = 0; i < rows.length; i++) {
      const v = column.values[rows[i]];
      if (v !== null) seen.add(v);
    }
    return { name: column.name, kind: 'categorical', categories: [...seen].sort() };
  });
  const featureNames = columns.flatMap((c) => (c.kind === 'numeric' ? [c.name] : c.categories.map((k) => `${c.name}=${k}`)));
  return { version: 1, target: table.target, classNames: [...table.meta.classNames], columns, featureNames };
}

/** Writes one encoded value per feature of one column for a raw value (NaN/null = missing). */
function encodeValue(column: PreprocessingColumn, value: number | string | null, out: Float64Array, offset: number): number {
  if (column.kind === 'numeric') {
    const v = typeof value === 'number' && !Number.isNaN(value) ? value : column.fill;
    out[offset] = (v - column.mean) / column.scale;
    return offset + 1;
  }
  const index = value === null ? -1 : column.categories.indexOf(String(value));
  if (index >= 0) out[offset + index] = 1;
  return offset + column.categories.length;
}

/**
 * Encodes rows of a table with a fitted preprocessing into the engine's matrix.
 * @example const xTest = transformTable(prep, table, split.test);
 */
export function transformTable(prep: Preprocessing, table: TabularDataset, rows: ArrayLike<number> = allRows(table.labels.length)): Matrix {
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  const cols = prep.featureNames.length;
  const data = new Float64Array(rows.length * cols);
  const sources = prep.columns.map((c) => byName.get(c.name));
  for (let i = 0; i < rows.length; i++) {
    let offset = i * cols;
    prep.columns.forEach((column, j) => {
      const source = sources[j];
      const value = source === undefined ? null : source.values[rows[i]];
      offset = encodeValue(column, value, data, offset);
    });
  }
  return { rows: rows.length, cols, data };
}

/**
 * Fits on the training rows and encodes the given parts: the usual first step of a run.
 * @example const { preprocessing, parts } = prepare(table, split.train, { train: split.train, test: split.test });
 */
export function prepare<K extends string>(
  table: TabularDataset,
  trainRows: ArrayLike<number>,
  parts: Record<K, ArrayLike<number>>,
  options: FitOptions = {},
): { preprocessing: Preprocessing; parts: Record<K, Dataset> } {
  const preprocessing = fitPreprocessing(table, trainRows, options);
  const out = {} as Record<K, Dataset>;
  for (const key of Object.keys(parts) as K[]) {
    const rows = parts[key];
    out[key] = {
      x: transformTable(preprocessing, table, rows),
      labels: Int32Array.from({ length: rows.length }, (_, i) => table.labels[rows[i]]),
      meta: { ...table.meta, featureNames: preprocessing.featureNames, is2d: table.meta.is2d && preprocessing.featureNames.length === 2 },
    };
  }
  return { preprocessing, parts: out };
}

/** Something the encoder did on the user's behalf (shown beside a prediction, localized). */
export interface InputNote {
  key: MessageKey;
  values: Record<string, string | number>;
}

/**
 * Encodes one record (as typed by a user, e.g. `{"age": 67, "gender": "Male"}`) for prediction.
 * Numbers may be given as numbers or numeric strings; a missing field takes the training median (or
 * no category), an unseen category encodes as none, an unknown field is ignored: each is reported as
 * a note, not an error. A non-numeric value for a numeric column is a UserError.
 * @example
 * const { x, notes } = encodeRecord(prep, { age: 67, gender: 'Male', bmi: 'N/A' });
 * // x: a 1-row matrix; notes: [{ key: 'data.input.missing', values: { column: 'bmi', value: 28.1 } }, ...]
 */
export function encodeRecord(prep: Preprocessing, record: unknown): { x: Matrix; notes: InputNote[] } {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    throw new UserError('data.input.notObject', { example: exampleRecord(prep) });
  }
  const input = record as Record<string, unknown>;
  const notes: InputNote[] = [];
  const data = new Float64Array(prep.featureNames.length);
  let offset = 0;
  for (const column of prep.columns) {
    const raw = input[column.name];
    const absent = raw === undefined || raw === null || (typeof raw === 'string' && ['', 'na', 'n/a', 'null', '?'].includes(raw.trim().toLowerCase()));
    if (column.kind === 'numeric') {
      let value = Number.NaN;
      if (absent) notes.push({ key: 'data.input.missing', values: { column: column.name, value: Number(column.fill.toFixed(4)) } });
      else {
        value = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw.trim()) : Number.NaN;
        if (typeof raw === 'boolean') value = raw ? 1 : 0;
        if (!Number.isFinite(value)) throw new UserError('data.input.notNumber', { column: column.name, value: String(raw).slice(0, 40) });
      }
      offset = encodeValue(column, value, data, offset);
    } else {
      const value = absent ? null : String(raw).trim();
      if (absent) notes.push({ key: 'data.input.missing', values: { column: column.name, value: '-' } });
      else if (!column.categories.includes(value as string)) {
        notes.push({ key: 'data.input.unknownCategory', values: { column: column.name, value: (value as string).slice(0, 40), known: column.categories.join(', ') } });
      }
      offset = encodeValue(column, value, data, offset);
    }
  }
  const known = new Set(prep.columns.map((c) => c.name));
  for (const name of Object.keys(input)) {
    if (!known.has(name) && name !== prep.target) {
      notes.push({ key: 'data.input.unknownField', values: { column: name.slice(0, 40), columns: [...known].join(', ') } });
    }
  }
  return { x: { rows: 1, cols: data.length, data }, notes };
}

/** A JSON example of an input record for this preprocessing (for messages). */
export function exampleRecord(prep: Preprocessing): string {
  const example: Record<string, number | string> = {};
  for (const c of prep.columns) example[c.name] = c.kind === 'numeric' ? Number(c.fill.toFixed(2)) : (c.categories[0] ?? '');
  return JSON.stringify(example);
}

/**
 * Validates preprocessing read from a model file; a bad one is a UserError naming the first problem.
 * @example parsePreprocessing(JSON.parse(text).preprocessing)
 */
export function parsePreprocessing(json: unknown): Preprocessing {
  const result = preprocessingSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new UserError('data.preprocessing.malformed', { problem: `${issue.path.join('.') || '(root)'}: ${issue.message}` });
  }
  return result.data;
}

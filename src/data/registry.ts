/**
 * Datasets by name: the generated 2-D sets, iris, stroke, or a CSV file (a path or uploaded bytes).
 */
import { UserError } from '../errors.js';
import type { Locale } from '../locales/index.js';
import { circle, gauss, moons, spiral, xor, type GeneratorOptions } from './builtin.js';
import { csvDataset, resolveLimits, type CsvLimits } from './csv.js';
import { readFileLimited } from './files.js';
import { iris } from './iris.js';
import { loadStroke, strokeNotice, type SyntheticStrokeOptions } from './stroke.js';
import type { Dataset, TabularDataset } from './types.js';

export const GENERATED_DATASETS = ['xor', 'circle', 'gauss', 'spiral', 'moons'] as const;
export type GeneratedDatasetName = (typeof GENERATED_DATASETS)[number];
export const DATASET_NAMES = [...GENERATED_DATASETS, 'iris', 'stroke'] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

const GENERATORS: Record<GeneratedDatasetName, (options: GeneratorOptions) => Dataset> = { xor, circle, gauss, spiral, moons };

/** Ranges accepted for the generator options. */
export const GENERATOR_LIMITS = { size: { min: 4, max: 100_000 }, noise: { min: 0, max: 5 }, seed: { min: 0, max: 4_294_967_295 } } as const;

/**
 * True for a name that means a CSV file rather than a built-in dataset.
 * @example isCsvName('data/patients.csv') // true
 */
export function isCsvName(name: string): boolean {
  return /\.csv$/i.test(name) || name.includes('/') || name.includes('\\');
}

function checkRange(option: keyof typeof GENERATOR_LIMITS, value: number | undefined, integer: boolean): void {
  if (value === undefined) return;
  const { min, max } = GENERATOR_LIMITS[option];
  if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw new UserError('data.option.range', { option, min, max, value: String(value) });
  }
}

/**
 * A generated 2-D dataset, with its options checked (size 4-100000, noise 0-5, seed 0-2^32-1).
 * @example generateDataset('moons', { size: 300, noise: 0.1, seed: 3 })
 */
export function generateDataset(name: string, options: GeneratorOptions = {}): Dataset {
  if (!(GENERATED_DATASETS as readonly string[]).includes(name)) {
    throw new UserError('data.unknownDataset', { name, allowed: GENERATED_DATASETS.join(', ') });
  }
  checkRange('size', options.size, true);
  checkRange('noise', options.noise, false);
  checkRange('seed', options.seed, true);
  return GENERATORS[name as GeneratedDatasetName](options);
}

/**
 * Wraps a numeric dataset (generated, iris) as a table, so that every dataset goes through the same
 * split / preprocessing / training path.
 * @example datasetToTable(xor()).columns.map((c) => c.name) // ['x1', 'x2']
 */
export function datasetToTable(dataset: Dataset, target = 'class'): TabularDataset {
  const { rows, cols, data } = dataset.x;
  const columns = dataset.meta.featureNames.map((name, j) => ({
    name,
    kind: 'numeric' as const,
    values: Float64Array.from({ length: rows }, (_, i) => data[i * cols + j]),
  }));
  return { columns, labels: dataset.labels, target, meta: { ...dataset.meta } };
}

/** Options for {@link loadDataset}; each applies to the datasets named beside it. */
export interface LoadDatasetOptions extends GeneratorOptions {
  /** stroke: path of the real file (else env.STROKE_CSV, else synthetic rows). */
  csvPath?: string;
  /** stroke or CSV: the bytes of an uploaded attachment. */
  bytes?: Uint8Array;
  /** stroke: where STROKE_CSV is read from (pass process.env). */
  env?: Readonly<Record<string, string | undefined>>;
  /** CSV: the column to predict. */
  target?: string;
  /** CSV: columns to leave out. */
  ignore?: readonly string[];
  /** CSV and stroke: limits (defaults: 5 MB, 100k rows, 200 columns, 50 categories). */
  limits?: Partial<CsvLimits>;
  /** stroke without a file: size and seed of the synthetic rows. */
  synthetic?: SyntheticStrokeOptions;
}

/**
 * Any dataset as a table: a generated one (xor, circle, gauss, spiral, moons), iris, stroke, or a
 * CSV (a name ending in .csv or containing a slash; its bytes given, or read from that path).
 * An unknown name is a UserError that lists the allowed names.
 * @example await loadDataset('stroke', { csvPath: '../shared/data/stroke.csv' })
 * @example await loadDataset('data/patients.csv', { target: 'outcome' })
 */
export async function loadDataset(name: string, options: LoadDatasetOptions = {}): Promise<TabularDataset> {
  if ((GENERATED_DATASETS as readonly string[]).includes(name)) return datasetToTable(generateDataset(name, options));
  if (name === 'iris') return datasetToTable(iris(), 'species');
  if (name === 'stroke') {
    return loadStroke({ bytes: options.bytes, csvPath: options.csvPath, env: options.env, limits: options.limits, synthetic: options.synthetic });
  }
  if (isCsvName(name)) {
    const limits = resolveLimits(options.limits);
    const bytes = options.bytes ?? (await readFileLimited(name, limits.maxBytes));
    const base = name.split(/[\\/]/).pop() ?? name;
    return csvDataset(bytes, { target: options.target, ignore: options.ignore, limits, name: base.replace(/\.csv$/i, '') });
  }
  throw new UserError('data.unknownDataset', { name, allowed: `${DATASET_NAMES.join(', ')}, file.csv` });
}

/**
 * What must be printed with results on this data, in the user's language: the stroke credit or the
 * synthetic-data warning (undefined for other datasets).
 * @example dataNotice(table.meta, 'en')
 */
export function dataNotice(meta: Dataset['meta'], locale: Locale): string | undefined {
  return strokeNotice(meta, locale);
}

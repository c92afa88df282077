/**
 * The stroke dataset: its schema, a loader for the real file (read from a path, the STROKE_CSV
 * environment variable or an uploaded attachment; never shipped with the project) and a generator of
 * synthetic rows with the same columns, used when no real file is configured.
 */
import { createRng, type Rng } from '../engine/prng.js';
import { UserError } from '../errors.js';
import { t, type Locale } from '../locales/index.js';
import { isMissing, isNumberCell, looksLikeFormula, readCsvTable, resolveLimits, type CsvLimits, type CsvTable } from './csv.js';
import { readFileLimited } from './files.js';
import type { DatasetMeta, TabularColumn, TabularDataset } from './types.js';

/** The header of the Stroke Prediction Dataset, in its order. */
export const STROKE_COLUMNS = [
  'id', 'gender', 'age', 'hypertension', 'heart_disease', 'ever_married', 'work_type',
  'Residence_type', 'avg_glucose_level', 'bmi', 'smoking_status', 'stroke',
] as const;

/** How each stroke column is read; `id` is dropped and `stroke` is the target. */
export const STROKE_FEATURES: readonly { name: string; kind: 'numeric' | 'binary' | 'categorical'; optional?: boolean }[] = [
  { name: 'gender', kind: 'categorical' },
  { name: 'age', kind: 'numeric' },
  { name: 'hypertension', kind: 'binary' },
  { name: 'heart_disease', kind: 'binary' },
  { name: 'ever_married', kind: 'categorical' },
  { name: 'work_type', kind: 'categorical' },
  { name: 'Residence_type', kind: 'categorical' },
  { name: 'avg_glucose_level', kind: 'numeric' },
  { name: 'bmi', kind: 'numeric', optional: true },
  { name: 'smoking_status', kind: 'categorical' },
];

/** The credit printed with every result on the real file (see data.stroke.credit for the localized one). */
export const STROKE_SOURCE = 'Stroke Prediction Dataset by fedesoriano (Kaggle); educational use only; data (c) its original authors';

export const STROKE_CLASS_NAMES = ['no stroke', 'stroke'];

/**
 * Reads a parsed table as the stroke dataset: checks the header, drops `id`, reads numbers (bmi may be
 * "N/A"), 0/1 flags and categories, and takes `stroke` (0/1) as the label. Extra columns are ignored.
 * @example strokeFromTable(readCsvTable(text), { synthetic: false })
 */
export function strokeFromTable(table: CsvTable, options: { synthetic: boolean }): TabularDataset {
  const required = STROKE_COLUMNS.filter((name) => name !== 'id');
  const missing = required.filter((name) => !table.columns.includes(name));
  if (missing.length > 0) {
    throw new UserError('data.stroke.schema', { missing: missing.join(', '), expected: STROKE_COLUMNS.join(',') });
  }
  const cell = (r: number, name: string): string => table.rows[r][table.columns.indexOf(name)];
  const line = (r: number): number => table.lines[r];
  const rowCount = table.rows.length;
  for (let r = 0; r < rowCount; r++) {
    for (const name of required) {
      const value = cell(r, name);
      if (looksLikeFormula(value)) throw new UserError('data.csv.formula', { line: line(r), column: name, value: value.slice(0, 40) });
    }
  }

  const flag = (name: string): Float64Array =>
    Float64Array.from({ length: rowCount }, (_, r) => {
      const value = cell(r, name);
      if (value !== '0' && value !== '1') throw new UserError('data.stroke.badValue', { line: line(r), column: name, value: value.slice(0, 40), allowed: '0, 1' });
      return Number(value);
    });
  const numeric = (name: string, optional: boolean): Float64Array =>
    Float64Array.from({ length: rowCount }, (_, r) => {
      const value = cell(r, name);
      if (optional && isMissing(value)) return Number.NaN;
      if (!isNumberCell(value) || !Number.isFinite(Number(value))) {
        throw new UserError('data.csv.nonFinite', { line: line(r), column: name, value: value.slice(0, 40) });
      }
      return Number(value);
    });

  const columns: TabularColumn[] = STROKE_FEATURES.map(({ name, kind, optional = false }) => {
    if (kind === 'binary') return { name, kind: 'numeric', values: flag(name) };
    if (kind === 'numeric') return { name, kind: 'numeric', values: numeric(name, optional) };
    return { name, kind: 'categorical', values: table.rows.map((_, r) => (isMissing(cell(r, name)) ? null : cell(r, name))) };
  });
  const labels = Int32Array.from(flag('stroke'));
  const meta: DatasetMeta = {
    name: 'stroke',
    featureNames: columns.map((c) => c.name),
    classNames: [...STROKE_CLASS_NAMES],
    kind: 'binary',
    is2d: false,
    synthetic: options.synthetic,
    source: options.synthetic ? 'synthetic (generated in code, shaped like the Stroke Prediction Dataset)' : STROKE_SOURCE,
  };
  return { columns, labels, target: 'stroke', meta };
}

/**
 * Parses the stroke CSV from bytes or text (e.g. a Discord attachment).
 * @example parseStrokeCsv(await readFile(process.env.STROKE_CSV!))
 */
export function parseStrokeCsv(input: Uint8Array | string, limits: Partial<CsvLimits> = {}): TabularDataset {
  return strokeFromTable(readCsvTable(input, limits), { synthetic: false });
}

/** Where the stroke rows come from; the first one given wins (bytes, then csvPath, then env.STROKE_CSV). */
export interface StrokeSourceOptions {
  /** The bytes of an uploaded attachment. */
  bytes?: Uint8Array;
  /** A path given on the command line (--csv). */
  csvPath?: string;
  /** The environment to read STROKE_CSV from (pass process.env; tests pass their own). */
  env?: Readonly<Record<string, string | undefined>>;
  limits?: Partial<CsvLimits>;
  /** Size and seed of the synthetic rows used when no real file is given. */
  synthetic?: SyntheticStrokeOptions;
}

/**
 * The stroke dataset from the first configured source, or synthetic rows (meta.synthetic = true) when
 * there is none. Outputs must then say so: see {@link strokeNotice}.
 * @example await loadStroke({ csvPath: '../shared/data/stroke.csv' })
 * @example await loadStroke({ env: process.env }) // synthetic unless STROKE_CSV is set
 */
export async function loadStroke(options: StrokeSourceOptions = {}): Promise<TabularDataset> {
  const limits = resolveLimits(options.limits);
  if (options.bytes !== undefined) return parseStrokeCsv(options.bytes, limits);
  const path = options.csvPath ?? options.env?.STROKE_CSV;
  if (path !== undefined && path !== '') return parseStrokeCsv(await readFileLimited(path, limits.maxBytes), limits);
  return syntheticStroke(options.synthetic);
}

/**
 * The sentence to print with any result on stroke data, in the user's language: the credit for the
 * real file, or the warning that the rows are synthetic. Undefined for other datasets.
 * @example strokeNotice(data.meta, 'pt-BR')
 */
export function strokeNotice(meta: DatasetMeta, locale: Locale): string | undefined {
  if (meta.name !== 'stroke') return undefined;
  return t(locale, meta.synthetic ? 'data.stroke.synthetic' : 'data.stroke.credit');
}

/** Options for the synthetic stroke rows. */
export interface SyntheticStrokeOptions {
  /** Rows (default 5110, like the real file). */
  size?: number;
  /** Seed (default 1). */
  seed?: number;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
function pick(rng: Rng, choices: readonly (readonly [string, number])[]): string {
  let u = rng.next() * choices.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, weight] of choices) {
    u -= weight;
    if (u < 0) return value;
  }
  return choices[choices.length - 1][0];
}

/**
 * Generated rows with the stroke schema and realistic marginals (about 59 % women, ages 0.08-82 with
 * fractional ages under 2, hypertension ~10 %, heart disease ~5 %, glucose mostly 55-140 with a
 * diabetic tail to ~270, bmi ~29 with ~4 % "N/A", ~5 % strokes, rising steeply with age, hypertension,
 * heart disease and glucose). Invented numbers, not the real rows.
 * @example syntheticStrokeTable({ size: 3, seed: 1 }).columns // STROKE_COLUMNS
 */
export function syntheticStrokeTable(options: SyntheticStrokeOptions = {}): CsvTable {
  const { size = 5110, seed = 1 } = options;
  const rng = createRng(seed);
  const rows: string[][] = [];
  const usedIds = new Set<number>();
  for (let i = 0; i < size; i++) {
    let id = 1 + rng.int(72_000);
    while (usedIds.has(id)) id = 1 + rng.int(72_000);
    usedIds.add(id);
    const gender = rng.next() < 0.0005 ? 'Other' : rng.next() < 0.586 ? 'Female' : 'Male';
    const band = rng.next();
    const rawAge = band < 0.17 ? 0.08 + 17.92 * rng.next() : band < 0.67 ? 18 + 64 * rng.next() : 18 + 32 * (rng.next() + rng.next());
    const age = rawAge < 2 ? Math.round(rawAge * 100) / 100 : Math.round(rawAge);
    const adult = age >= 18;
    const married = adult && rng.next() < (age < 30 ? 0.45 : 0.87) ? 'Yes' : 'No';
    const work = age < 16
      ? pick(rng, [['children', 0.92], ['Never_worked', 0.05], ['Private', 0.03]])
      : age < 18
        ? pick(rng, [['Private', 0.6], ['Never_worked', 0.25], ['Self-employed', 0.05], ['children', 0.1]])
        : pick(rng, [['Private', 0.64], ['Self-employed', 0.1 + age / 400], ['Govt_job', 0.15], ['Never_worked', 0.003]]);
    const residence = rng.next() < 0.508 ? 'Urban' : 'Rural';
    const hypertension = rng.next() < sigmoid(-5.6 + 0.062 * age) ? 1 : 0;
    const heart = rng.next() < sigmoid(-7.5 + 0.075 * age + (gender === 'Male' ? 0.6 : 0)) ? 1 : 0;
    const diabetic = rng.next() < sigmoid(-3.6 + 0.035 * age + 0.7 * hypertension);
    const glucose = diabetic ? clamp(205 + 30 * rng.normal(), 130, 271.7) : clamp(84 + 17 * rng.normal() + 0.1 * age, 55.1, 160);
    const bmiRaw = adult ? 30.3 + 6.8 * rng.normal() + (diabetic ? 2.5 : 0) : 19 + 4 * rng.normal() + age / 6;
    const bmi = clamp(Math.abs(bmiRaw - 29.5) > 25 ? 29.5 : bmiRaw, 10.3, 97.6);
    const smoking = age < 13
      ? pick(rng, [['Unknown', 0.88], ['never smoked', 0.12]])
      : pick(rng, [['never smoked', 0.42], ['Unknown', 0.2], ['formerly smoked', 0.08 + age / 500], ['smokes', 0.17]]);
    const risk =
      -7.42 + 0.074 * age + 0.45 * hypertension + 0.35 * heart + 0.0045 * (glucose - 100) + (smoking === 'formerly smoked' ? 0.2 : 0) + 0.4 * rng.normal();
    const stroke = rng.next() < sigmoid(risk) ? 1 : 0;
    const bmiMissing = rng.next() < (stroke === 1 ? 0.16 : 0.033);
    rows.push([
      String(id), gender, String(age), String(hypertension), String(heart), married, work, residence,
      glucose.toFixed(2), bmiMissing ? 'N/A' : bmi.toFixed(1), smoking, String(stroke),
    ]);
  }
  return { columns: [...STROKE_COLUMNS], rows, lines: rows.map((_, r) => r + 2) };
}

/**
 * The synthetic rows as CSV text with the stroke header (for tests and demos).
 * @example syntheticStrokeCsv({ size: 10, seed: 4 }).split('\n')[0] // 'id,gender,age,...,stroke'
 */
export function syntheticStrokeCsv(options: SyntheticStrokeOptions = {}): string {
  const table = syntheticStrokeTable(options);
  return [table.columns, ...table.rows].map((row) => row.join(',')).join('\n') + '\n';
}

/**
 * The synthetic stroke dataset (meta.synthetic = true), read through the same path as the real file.
 * @example syntheticStroke({ seed: 2 }).meta.synthetic // true
 */
export function syntheticStroke(options: SyntheticStrokeOptions = {}): TabularDataset {
  return strokeFromTable(syntheticStrokeTable(options), { synthetic: true });
}

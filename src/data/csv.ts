/**
 * Reading an uploaded CSV safely: limits checked before any work, the text parsed by csv-parse (never
 * by hand), every cell checked, and each problem reported as a UserError that names the line and column.
 */
import { parse } from 'csv-parse/sync';
import { UserError } from '../errors.js';
import type { DatasetMeta, TabularColumn, TabularDataset } from './types.js';

/** Limits for an uploaded CSV (each configurable; see {@link DEFAULT_CSV_LIMITS}). */
export interface CsvLimits {
  /** Largest file in bytes (default 5 MB). */
  maxBytes: number;
  /** Most data rows, the header not counted (default 100,000). */
  maxRows: number;
  /** Most columns (default 200). */
  maxColumns: number;
  /** Most distinct values in a text (categorical) column, and most classes in the target (default 50). */
  maxCategories: number;
}

export const DEFAULT_CSV_LIMITS: Readonly<CsvLimits> = Object.freeze({
  maxBytes: 5 * 1024 * 1024,
  maxRows: 100_000,
  maxColumns: 200,
  maxCategories: 50,
});

/** A parsed CSV: header names, trimmed cells, and the file line where each row ends (for messages). */
export interface CsvTable {
  columns: string[];
  rows: string[][];
  lines: number[];
}

/** Cells that mean "no value" (compared after trimming, case-insensitively). */
const MISSING = new Set(['', 'na', 'n/a', 'null', '?']);
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NON_FINITE_WORD = /^[+-]?(inf|infinity|nan)$/i;
/** Bytes that never occur in a text CSV: C0 controls other than tab, line feed, form feed, carriage return. */
const BINARY_BYTE = (b: number): boolean => b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d;

/**
 * True when a trimmed cell means "missing" ("", "NA", "N/A", "null", "?").
 * @example isMissing('N/A') // true
 */
export function isMissing(cell: string): boolean {
  return MISSING.has(cell.toLowerCase());
}

/**
 * True when a trimmed cell is a plain decimal number (no hex, no thousands separators).
 * @example isNumberCell('-1.5e3') // true
 * @example isNumberCell('1,5') // false
 */
export function isNumberCell(cell: string): boolean {
  return NUMBER.test(cell);
}

/**
 * True when a cell would be run as a formula by a spreadsheet (starts with = or @, or with + or -
 * followed by something that is not a number). Such cells are refused, never evaluated.
 * @example looksLikeFormula('=HYPERLINK("x")') // true
 * @example looksLikeFormula('-3.5') // false
 */
export function looksLikeFormula(cell: string): boolean {
  const first = cell.charAt(0);
  if (first === '=' || first === '@') return true;
  if ((first === '+' || first === '-') && cell.length > 1) return !NUMBER.test(cell) && !NON_FINITE_WORD.test(cell);
  return false;
}

/** Shortens a cell for an error message. */
function shown(cell: string): string {
  return cell.length > 40 ? `${cell.slice(0, 37)}...` : cell;
}

/** Lists column names for a message, at most 20. */
export function listColumns(names: readonly string[]): string {
  return names.length > 20 ? `${names.slice(0, 20).join(', ')}, ... (${names.length} in all)` : names.join(', ');
}

/** Merges partial limits over the defaults. */
export function resolveLimits(limits: Partial<CsvLimits> = {}): CsvLimits {
  return { ...DEFAULT_CSV_LIMITS, ...Object.fromEntries(Object.entries(limits).filter(([, v]) => v !== undefined)) };
}

/** Decodes UTF-8 bytes, refusing binary content and invalid UTF-8 with the byte offset. */
function decodeText(bytes: Uint8Array): string {
  for (let i = 0; i < bytes.length; i++) {
    if (BINARY_BYTE(bytes[i])) throw new UserError('data.csv.binary', { offset: i });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const loose = new TextDecoder('utf-8').decode(bytes);
    const at = loose.indexOf('\uFFFD');
    throw new UserError('data.csv.encoding', { offset: Buffer.byteLength(loose.slice(0, Math.max(at, 0)), 'utf8') });
  }
}

/** Picks the delimiter from the header line: the most frequent of comma, semicolon and tab. */
function detectDelimiter(text: string): string {
  const end = text.search(/\r?\n/);
  const header = end < 0 ? text : text.slice(0, end);
  let best = ',';
  let bestCount = 0;
  for (const candidate of [',', ';', '\t']) {
    const count = header.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

interface CsvParseError {
  code?: string;
  lines?: number;
}

/**
 * Parses CSV bytes (or text) into a header and trimmed string cells, enforcing the limits: size
 * before decoding, columns on the header, rows while parsing (it stops reading past the limit).
 * Comma, semicolon or tab separated; a UTF-8 byte order mark is skipped; blank lines are skipped.
 * @example
 * readCsvTable('a,b\n1,x\n2,y\n');
 * // { columns: ['a', 'b'], rows: [['1', 'x'], ['2', 'y']], lines: [2, 3] }
 */
export function readCsvTable(input: Uint8Array | string, limits: Partial<CsvLimits> = {}): CsvTable {
  const limit = resolveLimits(limits);
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  if (bytes.length > limit.maxBytes) throw new UserError('data.csv.tooLarge', { size: bytes.length, limit: limit.maxBytes });
  const text = decodeText(bytes).replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new UserError('data.csv.empty');

  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      to: limit.maxRows + 2,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const { code = 'CSV_UNKNOWN_ERROR', lines = 1 } = error as CsvParseError;
    if (code === 'CSV_QUOTE_NOT_CLOSED') throw new UserError('data.csv.unclosedQuote', { line: lines });
    if (code === 'CSV_INVALID_CLOSING_QUOTE' || code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE') {
      throw new UserError('data.csv.badQuote', { line: lines });
    }
    throw new UserError('data.csv.malformed', { line: lines, code });
  }
  if (records.length === 0) throw new UserError('data.csv.empty');

  const columns = records[0].record.map((name) => name.trim());
  checkHeader(columns, limit);
  if (records.length - 1 > limit.maxRows) throw new UserError('data.csv.tooManyRows', { limit: limit.maxRows });
  if (records.length === 1) throw new UserError('data.csv.noRows');

  const rows: string[][] = [];
  const lines: number[] = [];
  for (let r = 1; r < records.length; r++) {
    const { record, info } = records[r];
    if (record.length !== columns.length) {
      throw new UserError('data.csv.ragged', { line: info.lines, count: record.length, expected: columns.length });
    }
    rows.push(record.map((cell) => cell.trim()));
    lines.push(info.lines);
  }
  return { columns, rows, lines };
}

/** Refuses a header that is too wide, has an empty or repeated name, or is really a data row. */
function checkHeader(columns: string[], limit: CsvLimits): void {
  if (columns.length > limit.maxColumns) {
    throw new UserError('data.csv.tooManyColumns', { count: columns.length, limit: limit.maxColumns });
  }
  if (columns.every((name) => isNumberCell(name) || NON_FINITE_WORD.test(name))) {
    throw new UserError('data.csv.noHeader', { cells: shown(columns.join(',')) });
  }
  const seen = new Map<string, number>();
  columns.forEach((name, index) => {
    if (name === '') throw new UserError('data.csv.emptyColumnName', { column: index + 1 });
    if (looksLikeFormula(name)) throw new UserError('data.csv.formula', { line: 1, column: `#${index + 1}`, value: shown(name) });
    const first = seen.get(name);
    if (first !== undefined) throw new UserError('data.csv.duplicateColumn', { name, first: first + 1, second: index + 1 });
    seen.set(name, index);
  });
}

/**
 * Checks every cell of one column and decides its kind: numeric when every present value is a number
 * (refusing NaN/Infinity and overflowing numbers), categorical otherwise. Formula-looking cells are
 * refused, with their line.
 * @example columnKind({ columns: ['a'], rows: [['1'], ['N/A']], lines: [2, 3] }, 0) // 'numeric'
 */
export function columnKind(table: CsvTable, index: number): 'numeric' | 'categorical' {
  const name = table.columns[index];
  let numbers = 0;
  let texts = 0;
  let firstNonFinite = -1;
  for (let r = 0; r < table.rows.length; r++) {
    const cell = table.rows[r][index];
    if (looksLikeFormula(cell)) throw new UserError('data.csv.formula', { line: table.lines[r], column: name, value: shown(cell) });
    if (isMissing(cell)) continue;
    if (isNumberCell(cell)) {
      numbers++;
      if (!Number.isFinite(Number(cell)) && firstNonFinite < 0) firstNonFinite = r;
    } else if (NON_FINITE_WORD.test(cell)) {
      numbers++;
      if (firstNonFinite < 0) firstNonFinite = r;
    } else texts++;
  }
  const numeric = numbers > 0 && texts === 0;
  if (numeric && firstNonFinite >= 0) {
    throw new UserError('data.csv.nonFinite', {
      line: table.lines[firstNonFinite],
      column: name,
      value: shown(table.rows[firstNonFinite][index]),
    });
  }
  return numeric ? 'numeric' : 'categorical';
}

/** Options for turning an uploaded CSV into a dataset. */
export interface CsvDatasetOptions {
  /** The column to predict (required). */
  target?: string;
  /** Columns to leave out (ids, free text). */
  ignore?: readonly string[];
  /** Limits; missing fields take {@link DEFAULT_CSV_LIMITS}. */
  limits?: Partial<CsvLimits>;
  /** A name for the dataset (e.g. the file name). */
  name?: string;
}

/**
 * Reads an uploaded CSV into a classification dataset: detects numeric and categorical columns, checks
 * the target (present in every row, 2 to maxCategories classes, not a regression target) and the
 * limits. Class names are sorted (numerically for numbers), so "0"/"1" and "no"/"yes" map to 0/1.
 * @example
 * const data = csvDataset('size,colour,ok\n1,red,yes\n2,blue,no\n', { target: 'ok' });
 * data.meta.classNames; // ['no', 'yes']
 * data.labels; // Int32Array [1, 0]
 */
export function csvDataset(input: Uint8Array | string, options: CsvDatasetOptions = {}): TabularDataset {
  const limit = resolveLimits(options.limits);
  const table = readCsvTable(input, limit);
  return tableToDataset(table, { ...options, limits: limit });
}

/**
 * The second half of {@link csvDataset}, for a table that is already parsed.
 * @example tableToDataset(readCsvTable(text), { target: 'label' })
 */
export function tableToDataset(table: CsvTable, options: CsvDatasetOptions = {}): TabularDataset {
  const limit = resolveLimits(options.limits);
  const { target } = options;
  if (target === undefined || target.trim() === '') {
    throw new UserError('data.csv.targetRequired', { columns: listColumns(table.columns) });
  }
  const targetIndex = table.columns.indexOf(target.trim());
  if (targetIndex < 0) throw new UserError('data.csv.unknownTarget', { target, columns: listColumns(table.columns) });
  const ignored = new Set<number>();
  for (const name of options.ignore ?? []) {
    const index = table.columns.indexOf(name.trim());
    if (index < 0) throw new UserError('data.csv.unknownIgnored', { column: name, columns: listColumns(table.columns) });
    ignored.add(index);
  }

  const { labels, classNames } = targetLabels(table, targetIndex, limit);
  const columns: TabularColumn[] = [];
  table.columns.forEach((name, index) => {
    if (index === targetIndex || ignored.has(index)) return;
    columns.push(readColumn(table, index, limit));
  });
  if (columns.length === 0) throw new UserError('data.csv.noFeatures', { target: table.columns[targetIndex] });

  const meta: DatasetMeta = {
    name: options.name ?? 'upload',
    featureNames: columns.map((c) => c.name),
    classNames,
    kind: classNames.length === 2 ? 'binary' : 'multiclass',
    is2d: columns.length === 2 && columns.every((c) => c.kind === 'numeric'),
    synthetic: false,
  };
  return { columns, labels, target: table.columns[targetIndex], meta };
}

/** Reads one feature column as numbers (NaN = missing) or as categories (null = missing). */
function readColumn(table: CsvTable, index: number, limit: CsvLimits): TabularColumn {
  const name = table.columns[index];
  if (columnKind(table, index) === 'numeric') {
    const values = Float64Array.from(table.rows, (row) => (isMissing(row[index]) ? Number.NaN : Number(row[index])));
    return { name, kind: 'numeric', values };
  }
  const distinct = new Set<string>();
  const values = table.rows.map((row) => {
    const cell = row[index];
    if (isMissing(cell)) return null;
    distinct.add(cell);
    if (distinct.size > limit.maxCategories) throw new UserError('data.csv.tooManyCategories', { column: name, limit: limit.maxCategories });
    return cell;
  });
  return { name, kind: 'categorical', values };
}

/** The target column as class indices, refusing missing values, a single class and regression targets. */
function targetLabels(table: CsvTable, index: number, limit: CsvLimits): { labels: Int32Array; classNames: string[] } {
  const target = table.columns[index];
  const kind = columnKind(table, index);
  table.rows.forEach((row, r) => {
    if (isMissing(row[index])) throw new UserError('data.csv.targetMissing', { line: table.lines[r], target });
  });
  // Numbers are compared as numbers ("1" and "1.0" are one class); text as written.
  const key = (cell: string): string => (kind === 'numeric' ? String(Number(cell)) : cell);
  const distinct = [...new Set(table.rows.map((row) => key(row[index])))];
  if (kind === 'numeric') {
    const values = distinct.map(Number);
    if (values.some((v) => !Number.isInteger(v)) || distinct.length > Math.min(10, limit.maxCategories)) {
      throw new UserError('data.csv.regression', { target, count: distinct.length, limit: Math.min(10, limit.maxCategories) });
    }
    distinct.sort((a, b) => Number(a) - Number(b));
  } else {
    if (distinct.length > limit.maxCategories) {
      throw new UserError('data.csv.tooManyClasses', { target, count: distinct.length, limit: limit.maxCategories });
    }
    distinct.sort();
  }
  if (distinct.length < 2) throw new UserError('data.csv.singleClass', { target, value: shown(distinct[0] ?? '') });
  const lookup = new Map(distinct.map((name, i) => [name, i]));
  const labels = Int32Array.from(table.rows, (row) => lookup.get(key(row[index])) ?? -1);
  return { labels, classNames: distinct };
}

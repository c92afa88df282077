import { describe, expect, it } from 'vitest';
import { columnKind, csvDataset, looksLikeFormula, readCsvTable } from '../../src/data/csv.js';
import { loadDataset } from '../../src/data/registry.js';
import { userErrorOf, userErrorOfAsync } from './helpers.js';

const refuse = (input: string | Uint8Array, options: Parameters<typeof csvDataset>[1] = { target: 'y' }): string =>
  userErrorOf(() => csvDataset(input, options)).message;

describe('reading a CSV', () => {
  it('parses a header and trimmed rows with their line numbers, skipping blank lines and a BOM', () => {
    expect(readCsvTable('\uFEFFa, b\r\n1, x\r\n\r\n2,"y, z"\r\n')).toEqual({ columns: ['a', 'b'], rows: [['1', 'x'], ['2', 'y, z']], lines: [2, 4] });
  });

  it('accepts semicolon- and tab-separated files', () => {
    expect(readCsvTable('a;b\n1;2\n').rows).toEqual([['1', '2']]);
    expect(readCsvTable('a\tb\n1\t2\n').columns).toEqual(['a', 'b']);
  });

  it('detects numeric and categorical columns, with missing values allowed in numeric ones', () => {
    const table = readCsvTable('n,c,m\n1,red,N/A\n2.5e1,blue,3\n-4,7,\n');
    expect([0, 1, 2].map((i) => columnKind(table, i))).toEqual(['numeric', 'categorical', 'numeric']);
  });

  it('builds a dataset with numbers, categories and sorted class names', () => {
    const data = csvDataset('size,colour,ok\n1,red,yes\n2,blue,no\nNA,,yes\n', { target: 'ok', name: 'shop' });
    expect(data.meta).toMatchObject({ name: 'shop', classNames: ['no', 'yes'], kind: 'binary', featureNames: ['size', 'colour'], synthetic: false });
    expect(Array.from(data.labels)).toEqual([1, 0, 1]);
    expect(data.columns[0]).toMatchObject({ kind: 'numeric' });
    expect(Array.from(data.columns[0].values as Float64Array)).toEqual([1, 2, Number.NaN]);
    expect(data.columns[1].values).toEqual(['red', 'blue', null]);
  });

  it('orders numeric classes by value and treats 1 and 1.0 as one class', () => {
    const data = csvDataset('x,y\n1,10\n2,2\n3,2.0\n4,10\n', { target: 'y' });
    expect(data.meta.classNames).toEqual(['2', '10']);
    expect(Array.from(data.labels)).toEqual([1, 0, 0, 1]);
  });

  it('gives more than two classes a multi-class kind', () => {
    expect(csvDataset('x,y\n1,a\n2,b\n3,c\n', { target: 'y' }).meta.kind).toBe('multiclass');
  });

  it('leaves out the columns the user names', () => {
    expect(csvDataset('id,x,y\n1,5,a\n2,6,b\n', { target: 'y', ignore: ['id'] }).meta.featureNames).toEqual(['x']);
  });

  it('tells formula-looking cells from signed numbers', () => {
    expect(['=1+1', '@SUM(A1)', '+A1', '-cmd|x', '-1+2'].map(looksLikeFormula)).toEqual([true, true, true, true, true]);
    expect(['-1.5', '+3', '-', 'a=b', '1e-3'].map(looksLikeFormula)).toEqual([false, false, false, false, false]);
  });
});

describe('bad CSV input is refused with a message that names the problem', () => {
  it('an empty file', () => {
    expect(refuse('')).toBe('The file is empty: a CSV needs a header line with column names and at least one data row.');
    expect(refuse('\uFEFF \n\n')).toBe('The file is empty: a CSV needs a header line with column names and at least one data row.');
  });

  it('a file with no header', () => {
    expect(refuse('1,2,3\n4,5,6\n')).toBe(
      'The first line must be a header with column names, but it looks like data ("1,2,3"). Add a line with one name per column.',
    );
  });

  it('a header without data rows', () => {
    expect(refuse('x,y\n')).toBe('The file has a header but no data rows.');
  });

  it('an empty or repeated column name', () => {
    expect(refuse('x,,y\n1,2,a\n')).toBe('Column 2 has no name in the header (line 1).');
    expect(refuse('x,y,x\n1,a,2\n')).toBe('The header names column "x" twice (columns 1 and 3).');
  });

  it('ragged rows, with the line', () => {
    expect(refuse('x,y\n1,a\n2,b,extra\n3,c\n')).toBe('Line 3 has 3 values, but the header has 2 columns.');
    expect(refuse('x,y\n1,a\n2\n')).toBe('Line 3 has 1 values, but the header has 2 columns.');
  });

  it('broken quoting, with the line', () => {
    expect(refuse('x,y\n1,a\n2,"b\n')).toBe('Line 3: a quote (") is opened and never closed.');
    expect(refuse('x,y\n1,"a"b\n')).toBe('Line 2: a quoted value is followed by other characters before the next comma.');
  });

  it('an unknown, missing or empty target', () => {
    expect(refuse('x,y\n1,a\n2,b\n', { target: 'z' })).toBe('There is no column "z". Columns: x, y.');
    expect(refuse('x,y\n1,a\n2,b\n', {})).toBe('Name the target column (the one to predict). Columns: x, y.');
    expect(refuse('x,y\n1,a\n2,\n')).toBe('Line 3: the target column "y" is empty; every row needs a class.');
    expect(refuse('x,y\n1,a\n', { target: 'y', ignore: ['w'] })).toBe('Cannot leave out column "w": there is no such column. Columns: x, y.');
  });

  it('a constant (single-class) target', () => {
    expect(refuse('x,y\n1,a\n2,a\n3,a\n')).toBe('The target column "y" has only one value ("a"); a classifier needs at least two classes.');
  });

  it('a regression target', () => {
    expect(refuse('x,y\n1,0.5\n2,1.7\n3,2.25\n')).toBe(
      'The target column "y" holds 3 different numbers, which is a regression task; only classification (2 to 10 classes) is supported for now.',
    );
    const many = 'x,y\n' + Array.from({ length: 30 }, (_, i) => `${i},${i}`).join('\n');
    expect(refuse(many)).toContain('holds 30 different numbers');
  });

  it('too many classes in a text target', () => {
    const rows = Array.from({ length: 6 }, (_, i) => `${i},c${i}`).join('\n');
    expect(refuse(`x,y\n${rows}\n`, { target: 'y', limits: { maxCategories: 5 } })).toBe('The target column "y" has 6 different values; the limit is 5 classes.');
  });

  it('no feature column besides the target', () => {
    expect(refuse('id,y\n1,a\n2,b\n', { target: 'y', ignore: ['id'] })).toBe('Besides the target "y", the file has no column to learn from.');
  });

  it('non-finite numbers, with line and column', () => {
    expect(refuse('x,y\n1,a\nNaN,b\n')).toBe('Line 3, column "x": "NaN" is not a finite number.');
    expect(refuse('x,y\n1,a\n2,b\n-Infinity,a\n')).toBe('Line 4, column "x": "-Infinity" is not a finite number.');
    expect(refuse('x,y\n1e999,a\n2,b\n')).toBe('Line 2, column "x": "1e999" is not a finite number.');
  });

  it('formula-looking cells, never evaluated', () => {
    expect(refuse('x,y\n1,a\n=1+1,b\n')).toBe(
      'Line 3, column "x": "=1+1" looks like a spreadsheet formula. Formulas are never evaluated; write the value itself.',
    );
    expect(refuse('x,y\n1,a\n2,"=HYPERLINK(""http://evil"")"\n')).toContain('Line 3, column "y": "=HYPERLINK("http://evil")"');
    expect(refuse('x,y\n1,a\n2,@SUM(A1)\n')).toContain('looks like a spreadsheet formula');
  });

  it('binary garbage and invalid UTF-8, with the byte offset', () => {
    expect(refuse(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toBe('This is not a CSV text file: it contains binary data (byte 2).');
    expect(refuse(Uint8Array.from([0x78, 0x2c, 0x79, 0x0a, 0x31, 0x2c, 0xff, 0x0a]))).toBe('This is not a CSV text file: it is not valid UTF-8 text (byte 6).');
  });

  it('too many distinct values in a text column', () => {
    const rows = Array.from({ length: 4 }, (_, i) => `name${i},${i % 2}`).join('\n');
    expect(refuse(`who,y\n${rows}\n`, { target: 'y', limits: { maxCategories: 3 } })).toBe(
      'Column "who" has more than 3 different values (the limit for a text column). If it is an id or free text, leave it out.',
    );
  });

  it('the portuguese message says the same', () => {
    const error = userErrorOf(() => csvDataset('x,y\n1,a\n2,b,c\n', { target: 'y' }));
    expect(error.localized('pt-BR')).toBe('A linha 3 tem 3 valores, mas o cabeçalho tem 2 colunas.');
  });
});

describe('CSV limits are checked before any work', () => {
  it('file size', () => {
    expect(refuse('x,y\n1,a\n2,b\n', { target: 'y', limits: { maxBytes: 10 } })).toBe('The file is 12 bytes; the limit is 10 bytes.');
  });

  it('row count', () => {
    expect(refuse('x,y\n1,a\n2,b\n3,a\n', { target: 'y', limits: { maxRows: 2 } })).toBe('The file has more than 2 data rows (the limit).');
    expect(csvDataset('x,y\n1,a\n2,b\n', { target: 'y', limits: { maxRows: 2 } }).labels.length).toBe(2);
  });

  it('column count', () => {
    expect(refuse('a,b,c,y\n1,2,3,a\n', { target: 'y', limits: { maxColumns: 3 } })).toBe('The file has 4 columns; the limit is 3.');
  });

  it('a file path larger than the limit is not even read', async () => {
    const error = await userErrorOfAsync(() => loadDataset('package-lock.json.csv', { target: 'y' }));
    expect(error.message).toBe('Cannot read the file "package-lock.json.csv" (ENOENT).');
    const big = await userErrorOfAsync(() => loadDataset('./package-lock.json', { target: 'y', limits: { maxBytes: 100 } }));
    expect(big.key).toBe('data.csv.tooLarge');
  });
});

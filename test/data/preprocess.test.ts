import { describe, expect, it } from 'vitest';
import { csvDataset } from '../../src/data/csv.js';
import { encodeRecord, fitPreprocessing, parsePreprocessing, prepare, transformTable } from '../../src/data/preprocess.js';
import { userErrorOf } from './helpers.js';

const table = csvDataset('age,colour,y\n10,red,a\n20,blue,b\n30,red,a\n1000,green,b\n', { target: 'y' });

describe('preprocessing', () => {
  it('is fitted on the training rows only', () => {
    const prep = fitPreprocessing(table, [0, 1, 2]);
    expect(prep.columns[0]).toEqual({ name: 'age', kind: 'numeric', fill: 20, mean: 20, scale: Math.sqrt(200 / 3) });
    expect(prep.columns[1]).toEqual({ name: 'colour', kind: 'categorical', categories: ['blue', 'red'] });
    // the test row's unseen category encodes as all zeros; its number uses the training statistics
    const x = transformTable(prep, table, [3]);
    expect(Array.from(x.data)).toEqual([(1000 - 20) / Math.sqrt(200 / 3), 0, 0]);
  });

  it('can leave numbers unstandardised (for 2-D pictures)', () => {
    const prep = fitPreprocessing(table, undefined, { standardize: false });
    expect(Array.from(transformTable(prep, table, [1]).data)).toEqual([20, 1, 0, 0]);
  });

  it('prepares named parts with labels and encoded feature names', () => {
    const { parts } = prepare(table, [0, 1], { train: [0, 1], test: [2, 3] });
    expect(Array.from(parts.test.labels)).toEqual([0, 1]);
    expect(parts.train.meta.featureNames).toEqual(['age', 'colour=blue', 'colour=red']);
  });

  it('survives a JSON round trip and validates what it reads back', () => {
    const prep = fitPreprocessing(table);
    expect(parsePreprocessing(JSON.parse(JSON.stringify(prep)))).toEqual(prep);
    expect(userErrorOf(() => parsePreprocessing({ ...prep, version: 2 })).message).toBe(
      'The saved preprocessing in this model is not valid: version: Invalid input: expected 1',
    );
    expect(userErrorOf(() => parsePreprocessing({ ...prep, featureNames: ['age'] })).key).toBe('data.preprocessing.malformed');
  });
});

describe('encoding one record for prediction', () => {
  const prep = fitPreprocessing(table, [0, 1, 2]);

  it('encodes known values like the training rows', () => {
    const { x, notes } = encodeRecord(prep, { age: 30, colour: 'red' });
    expect(Array.from(x.data)).toEqual(Array.from(transformTable(prep, table, [2]).data));
    expect(notes).toEqual([]);
  });

  it('handles unseen categories, missing and unknown fields with notes, not crashes', () => {
    const { x, notes } = encodeRecord(prep, { colour: 'purple', shoe: 42, age: 'N/A' });
    expect(Array.from(x.data)).toEqual([0, 0, 0]);
    expect(notes.map((n) => n.key)).toEqual(['data.input.missing', 'data.input.unknownCategory', 'data.input.unknownField']);
    expect(notes[1].values).toEqual({ column: 'colour', value: 'purple', known: 'blue, red' });
  });

  it('accepts numbers written as text and refuses text where a number belongs', () => {
    expect(encodeRecord(prep, { age: '20', colour: 'blue' }).x.data[0]).toBe(0);
    expect(userErrorOf(() => encodeRecord(prep, { age: 'old' })).message).toBe('Input "age": "old" is not a finite number.');
    expect(userErrorOf(() => encodeRecord(prep, [1, 2])).message).toBe(
      'The input must be a JSON object of column values, for example {"age":20,"colour":"blue"}.',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { fitPreprocessing, transformTable } from '../../src/data/preprocess.js';
import { loadDataset } from '../../src/data/registry.js';
import {
  STROKE_COLUMNS,
  loadStroke,
  parseStrokeCsv,
  strokeNotice,
  syntheticStroke,
  syntheticStrokeCsv,
} from '../../src/data/stroke.js';
import { userErrorOf, userErrorOfAsync } from './helpers.js';

/** Four invented patients with the stroke schema (not rows of the real file). */
export const STROKE_FIXTURE = [
  STROKE_COLUMNS.join(','),
  '1,Male,30,1,0,Yes,Private,Urban,100,20,smokes,1',
  '2,Female,70,0,0,Yes,Govt_job,Rural,200,N/A,never smoked,0',
  '3,Female,30,0,1,No,Private,Urban,100,40,Unknown,0',
  '4,Male,70,1,1,Yes,Self-employed,Rural,200,30,formerly smoked,1',
].join('\n');

const R2 = Math.SQRT2;

describe('the stroke schema', () => {
  it('drops id, reads bmi "N/A" as missing and takes stroke as the label', () => {
    const data = parseStrokeCsv(STROKE_FIXTURE);
    expect(data.columns.map((c) => c.name)).toEqual([
      'gender', 'age', 'hypertension', 'heart_disease', 'ever_married', 'work_type', 'Residence_type', 'avg_glucose_level', 'bmi', 'smoking_status',
    ]);
    expect(Array.from(data.columns[8].values as Float64Array)).toEqual([20, Number.NaN, 40, 30]);
    expect(Array.from(data.labels)).toEqual([1, 0, 0, 1]);
    expect(data.meta).toMatchObject({ name: 'stroke', kind: 'binary', classNames: ['no stroke', 'stroke'], synthetic: false });
    expect(data.meta.source).toContain('fedesoriano');
  });

  it('preprocessing gives the expected encoded matrix: median bmi, standardised numbers, sorted one-hots', () => {
    const data = parseStrokeCsv(STROKE_FIXTURE);
    const prep = fitPreprocessing(data);
    expect(prep.featureNames).toEqual([
      'gender=Female', 'gender=Male', 'age', 'hypertension', 'heart_disease', 'ever_married=No', 'ever_married=Yes',
      'work_type=Govt_job', 'work_type=Private', 'work_type=Self-employed', 'Residence_type=Rural', 'Residence_type=Urban',
      'avg_glucose_level', 'bmi', 'smoking_status=Unknown', 'smoking_status=formerly smoked', 'smoking_status=never smoked', 'smoking_status=smokes',
    ]);
    expect(prep.columns.find((c) => c.name === 'bmi')).toEqual({ name: 'bmi', kind: 'numeric', fill: 30, mean: 30, scale: Math.sqrt(50) });
    const x = transformTable(prep, data);
    const rows = Array.from({ length: 4 }, (_, r) => Array.from(x.data.subarray(r * 18, (r + 1) * 18)));
    const expected = [
      [0, 1, -1, 1, -1, 0, 1, 0, 1, 0, 0, 1, -1, -R2, 0, 0, 0, 1],
      [1, 0, 1, -1, -1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0, 1, 0],
      [1, 0, -1, -1, 1, 1, 0, 0, 1, 0, 0, 1, -1, R2, 1, 0, 0, 0],
      [0, 1, 1, 1, 1, 0, 1, 0, 0, 1, 1, 0, 1, 0, 0, 1, 0, 0],
    ];
    rows.forEach((row, r) => row.forEach((v, j) => expect(v).toBeCloseTo(expected[r][j], 12)));
  });

  it('refuses a file without the stroke columns, naming the missing ones', () => {
    const error = userErrorOf(() => parseStrokeCsv('id,gender,age\n1,Male,3\n'));
    expect(error.message).toBe(
      `This is not the stroke dataset: the header lacks hypertension, heart_disease, ever_married, work_type, Residence_type, avg_glucose_level, bmi, smoking_status, stroke. Expected columns: ${STROKE_COLUMNS.join(',')}.`,
    );
  });

  it('refuses bad values with line and column', () => {
    const bad = STROKE_FIXTURE.replace('1,Male,30,1,0', '1,Male,30,2,0');
    expect(userErrorOf(() => parseStrokeCsv(bad)).message).toBe('Line 2, column "hypertension": "2" is not allowed here; expected 0, 1.');
    const noAge = STROKE_FIXTURE.replace('3,Female,30', '3,Female,old');
    expect(userErrorOf(() => parseStrokeCsv(noAge)).message).toBe('Line 4, column "age": "old" is not a finite number.');
    const formula = STROKE_FIXTURE.replace('Govt_job', '=cmd()');
    expect(userErrorOf(() => parseStrokeCsv(formula)).key).toBe('data.csv.formula');
  });
});

describe('the synthetic stroke data', () => {
  it('is the same for the same seed and marked synthetic', () => {
    expect(syntheticStrokeCsv({ size: 50, seed: 3 })).toBe(syntheticStrokeCsv({ size: 50, seed: 3 }));
    expect(syntheticStrokeCsv({ size: 50, seed: 3 })).not.toBe(syntheticStrokeCsv({ size: 50, seed: 4 }));
    expect(syntheticStroke({ size: 10 }).meta.synthetic).toBe(true);
  });

  it('has the schema and realistic marginals', () => {
    const data = parseStrokeCsv(syntheticStrokeCsv({ seed: 1 }));
    expect(data.labels.length).toBe(5110);
    const rate = data.labels.reduce((s, l) => s + l, 0) / 5110;
    expect(rate).toBeGreaterThan(0.035);
    expect(rate).toBeLessThan(0.065);
    const numeric = (name: string): number[] => Array.from(data.columns.find((c) => c.name === name)!.values as Float64Array);
    const mean = (v: number[]): number => v.reduce((s, x) => s + x, 0) / v.length;
    const age = numeric('age');
    expect(mean(age)).toBeGreaterThan(38);
    expect(mean(age)).toBeLessThan(48);
    expect(Math.min(...age)).toBeGreaterThanOrEqual(0.08);
    expect(Math.max(...age)).toBeLessThanOrEqual(82);
    expect(mean(numeric('hypertension'))).toBeCloseTo(0.1, 1);
    expect(mean(numeric('heart_disease'))).toBeCloseTo(0.05, 1);
    expect(mean(numeric('avg_glucose_level'))).toBeGreaterThan(95);
    expect(mean(numeric('avg_glucose_level'))).toBeLessThan(120);
    const bmi = numeric('bmi');
    expect(bmi.filter(Number.isNaN).length / 5110).toBeCloseTo(0.04, 1);
    expect(mean(bmi.filter((v) => !Number.isNaN(v)))).toBeCloseTo(29, 0);
    // strokes concentrate in older patients with hypertension
    const strokeRate = (pick: (i: number) => boolean): number => {
      let n = 0;
      let s = 0;
      data.labels.forEach((l, i) => pick(i) && (n++, (s += l)));
      return s / n;
    };
    expect(strokeRate((i) => age[i] >= 70)).toBeGreaterThan(4 * strokeRate((i) => age[i] < 60));
    const hypertension = numeric('hypertension');
    expect(strokeRate((i) => hypertension[i] === 1)).toBeGreaterThan(2 * strokeRate((i) => hypertension[i] === 0));
  });
});

describe('loading the stroke data', () => {
  it('uses uploaded bytes first, then the path, then STROKE_CSV, else synthetic rows', async () => {
    const bytes = new TextEncoder().encode(STROKE_FIXTURE);
    expect((await loadStroke({ bytes, csvPath: '/nonexistent.csv' })).labels.length).toBe(4);
    expect((await loadStroke({ env: {} , synthetic: { size: 30 } })).meta.synthetic).toBe(true);
    const missing = await userErrorOfAsync(() => loadStroke({ env: { STROKE_CSV: '/nonexistent/stroke.csv' } }));
    expect(missing.message).toBe('Cannot read the file "/nonexistent/stroke.csv" (ENOENT).');
    expect((await loadDataset('stroke', { bytes })).meta.synthetic).toBe(false);
  });

  it('says in the user language whether the data is real (with the credit) or synthetic', () => {
    const real = parseStrokeCsv(STROKE_FIXTURE).meta;
    const fake = syntheticStroke({ size: 10 }).meta;
    expect(strokeNotice(real, 'en')).toBe('Data: Stroke Prediction Dataset by fedesoriano (Kaggle), used for education only; data (c) its original authors.');
    expect(strokeNotice(fake, 'en')).toMatch(/^SYNTHETIC DATA: no stroke CSV was given/);
    expect(strokeNotice(fake, 'pt-BR')).toMatch(/^DADOS SINTÉTICOS: nenhum CSV de AVC foi informado/);
    expect(strokeNotice({ ...real, name: 'xor' }, 'en')).toBeUndefined();
  });
});

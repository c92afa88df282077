import { describe, expect, it } from 'vitest';
import { STROKE_FEATURES, syntheticStrokeTable } from '../../src/data/index.js';
import { STROKE_FIELDS, columnLabel, riskBand, strokeRecord, valueLabel } from '../../src/bot/stroke-input.js';

describe('the /predict options', () => {
  it('fill every stroke feature column, once each', () => {
    expect(STROKE_FIELDS.map((f) => f.column).sort()).toEqual(STROKE_FEATURES.map((f) => f.name).sort());
  });

  it('offer exactly the categories the stroke data has', () => {
    const table = syntheticStrokeTable({ size: 3000, seed: 3 });
    for (const field of STROKE_FIELDS) {
      if (field.type !== 'choice') continue;
      const seen = new Set(table.rows.map((row) => row[table.columns.indexOf(field.column)]));
      expect([...seen].sort(), field.column).toEqual(field.choices.map((c) => c.value).sort());
    }
  });

  it('map Discord values to the CSV values and leave out what was not given', () => {
    expect(strokeRecord({ age: 67, gender: 'Male', hypertension: true, 'heart-disease': false, 'ever-married': true, 'work-type': 'Private', glucose: 228.69, bmi: null })).toEqual({
      age: 67,
      gender: 'Male',
      hypertension: 1,
      heart_disease: 0,
      ever_married: 'Yes',
      work_type: 'Private',
      avg_glucose_level: 228.69,
    });
    expect(strokeRecord({ 'ever-married': false })).toEqual({ ever_married: 'No' });
  });

  it('name columns and values the way the user typed them, in their language', () => {
    expect(columnLabel('avg_glucose_level', 'en')).toBe('glucose');
    expect(columnLabel('avg_glucose_level', 'pt-BR')).toBe('glicose');
    expect(valueLabel('hypertension', 1, 'pt-BR')).toBe('sim');
    expect(valueLabel('ever_married', 'No', 'en')).toBe('no');
    expect(valueLabel('work_type', 'Govt_job', 'pt-BR')).toBe('setor público');
    expect(valueLabel('bmi', 28.123, 'en')).toBe('28.12');
    expect(valueLabel('avg_glucose_level', 210.5, 'pt-BR')).toBe('210,5');
    expect(valueLabel('bmi', null, 'en')).toBe('—');
  });
});

describe('riskBand', () => {
  it('is high from the threshold, moderate from half of it, low below', () => {
    expect(riskBand(0.6, 0.6)).toBe('high');
    expect(riskBand(0.59, 0.6)).toBe('moderate');
    expect(riskBand(0.3, 0.6)).toBe('moderate');
    expect(riskBand(0.29, 0.6)).toBe('low');
    expect(riskBand(0, 0.6)).toBe('low');
  });
});

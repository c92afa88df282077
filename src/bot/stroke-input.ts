import type { Locale } from '../locales/index.js';

/**
 * The /predict options for one patient record of the stroke data: each slash option, its pt-BR
 * name, the stroke CSV column it fills, and how a Discord value becomes that column's value (see
 * STROKE_FEATURES in src/data/stroke.ts for the columns and categories). Pure: unit tested.
 */

type Names = { en: string; 'pt-BR': string };

/** A category of a column: the CSV value and its label in each language (also the slash choice names). */
export interface StrokeChoice {
  value: string;
  label: Names;
}

interface FieldBase {
  /** The slash option's (English) name, which is also what Discord sends. */
  option: string;
  /** The option name in each language (pt-BR is shown to Portuguese clients). */
  name: Names;
  description: Names;
  /** The stroke CSV column it fills. */
  column: string;
}

export type StrokeField =
  | (FieldBase & { type: 'number'; min: number; max: number; integer?: boolean })
  /** A yes/no option; `values` are the CSV values for true and false (0/1 flags, or "Yes"/"No"). */
  | (FieldBase & { type: 'boolean'; values: { true: string | number; false: string | number } })
  | (FieldBase & { type: 'choice'; choices: readonly StrokeChoice[] });

const yesNo: Names = { en: 'yes', 'pt-BR': 'sim' };
const noNo: Names = { en: 'no', 'pt-BR': 'não' };

/** Age first (it matters most and Discord lists options in this order), then the CSV header's order. */
export const STROKE_FIELDS: readonly StrokeField[] = [
  {
    option: 'age',
    name: { en: 'age', 'pt-BR': 'idade' },
    description: { en: 'Age in years', 'pt-BR': 'Idade em anos' },
    column: 'age',
    type: 'number',
    min: 0,
    max: 120,
  },
  {
    option: 'gender',
    name: { en: 'gender', 'pt-BR': 'genero' },
    description: { en: 'Gender as recorded in the data', 'pt-BR': 'Gênero, como registrado nos dados' },
    column: 'gender',
    type: 'choice',
    choices: [
      { value: 'Female', label: { en: 'female', 'pt-BR': 'feminino' } },
      { value: 'Male', label: { en: 'male', 'pt-BR': 'masculino' } },
      { value: 'Other', label: { en: 'other', 'pt-BR': 'outro' } },
    ],
  },
  {
    option: 'hypertension',
    name: { en: 'hypertension', 'pt-BR': 'hipertensao' },
    description: { en: 'Has high blood pressure', 'pt-BR': 'Tem pressão alta' },
    column: 'hypertension',
    type: 'boolean',
    values: { true: 1, false: 0 },
  },
  {
    option: 'heart-disease',
    name: { en: 'heart-disease', 'pt-BR': 'doenca-cardiaca' },
    description: { en: 'Has a heart disease', 'pt-BR': 'Tem doença cardíaca' },
    column: 'heart_disease',
    type: 'boolean',
    values: { true: 1, false: 0 },
  },
  {
    option: 'ever-married',
    name: { en: 'ever-married', 'pt-BR': 'ja-casou' },
    description: { en: 'Has ever been married', 'pt-BR': 'Já foi casado(a)' },
    column: 'ever_married',
    type: 'boolean',
    values: { true: 'Yes', false: 'No' },
  },
  {
    option: 'work-type',
    name: { en: 'work-type', 'pt-BR': 'trabalho' },
    description: { en: 'Kind of work', 'pt-BR': 'Tipo de trabalho' },
    column: 'work_type',
    type: 'choice',
    choices: [
      { value: 'Private', label: { en: 'private sector', 'pt-BR': 'setor privado' } },
      { value: 'Self-employed', label: { en: 'self-employed', 'pt-BR': 'autônomo' } },
      { value: 'Govt_job', label: { en: 'government job', 'pt-BR': 'setor público' } },
      { value: 'children', label: { en: 'child', 'pt-BR': 'criança' } },
      { value: 'Never_worked', label: { en: 'never worked', 'pt-BR': 'nunca trabalhou' } },
    ],
  },
  {
    option: 'residence',
    name: { en: 'residence', 'pt-BR': 'residencia' },
    description: { en: 'Where they live', 'pt-BR': 'Onde mora' },
    column: 'Residence_type',
    type: 'choice',
    choices: [
      { value: 'Urban', label: { en: 'urban', 'pt-BR': 'urbana' } },
      { value: 'Rural', label: { en: 'rural', 'pt-BR': 'rural' } },
    ],
  },
  {
    option: 'glucose',
    name: { en: 'glucose', 'pt-BR': 'glicose' },
    description: { en: 'Average blood glucose in mg/dL (typical 70-140)', 'pt-BR': 'Glicose média no sangue em mg/dL (típico 70-140)' },
    column: 'avg_glucose_level',
    type: 'number',
    min: 30,
    max: 400,
  },
  {
    option: 'bmi',
    name: { en: 'bmi', 'pt-BR': 'imc' },
    description: { en: 'Body mass index (typical 18-35)', 'pt-BR': 'Índice de massa corporal (típico 18-35)' },
    column: 'bmi',
    type: 'number',
    min: 10,
    max: 100,
  },
  {
    option: 'smoking',
    name: { en: 'smoking', 'pt-BR': 'tabagismo' },
    description: { en: 'Smoking status', 'pt-BR': 'Situação quanto ao cigarro' },
    column: 'smoking_status',
    type: 'choice',
    choices: [
      { value: 'never smoked', label: { en: 'never smoked', 'pt-BR': 'nunca fumou' } },
      { value: 'formerly smoked', label: { en: 'formerly smoked', 'pt-BR': 'já fumou' } },
      { value: 'smokes', label: { en: 'smokes', 'pt-BR': 'fuma' } },
      { value: 'Unknown', label: { en: 'unknown', 'pt-BR': 'desconhecido' } },
    ],
  },
];

/** A slash option's value as discord.js gives it. */
export type OptionValue = string | number | boolean | null | undefined;

/**
 * The record for the model (stroke CSV column -> value) from the options given; options left out
 * are left out (the model fills them with typical training values and says so).
 * @example strokeRecord({ age: 67, hypertension: true, 'work-type': 'Private' }) // { age: 67, hypertension: 1, work_type: 'Private' }
 */
export function strokeRecord(options: Readonly<Record<string, OptionValue>>): Record<string, string | number> {
  const record: Record<string, string | number> = {};
  for (const field of STROKE_FIELDS) {
    const value = options[field.option];
    if (value === undefined || value === null) continue;
    if (field.type === 'boolean') record[field.column] = value === true ? field.values.true : field.values.false;
    else record[field.column] = value as string | number;
  }
  return record;
}

/** The field that fills a stroke column (undefined for a column no option fills). */
export function fieldOfColumn(column: string): StrokeField | undefined {
  return STROKE_FIELDS.find((f) => f.column === column);
}

/** A column's name as the user knows it: the option's name in their language. */
export function columnLabel(column: string, locale: Locale): string {
  return fieldOfColumn(column)?.name[locale] ?? column;
}

/**
 * A record value as the user would say it: "yes"/"não" for flags, the choice's label for categories.
 * @example valueLabel('hypertension', 1, 'pt-BR') // "sim"
 */
export function valueLabel(column: string, value: unknown, locale: Locale): string {
  const field = fieldOfColumn(column);
  if (value === null || value === undefined) return '—';
  if (field?.type === 'boolean') return (value === field.values.true ? yesNo : noNo)[locale];
  if (field?.type === 'choice') return field.choices.find((c) => c.value === value)?.label[locale] ?? String(value);
  return typeof value === 'number' ? value.toLocaleString(locale, { maximumFractionDigits: 2, useGrouping: false }) : String(value);
}

export type RiskBand = 'low' | 'moderate' | 'high';

/**
 * The risk band of a probability, relative to the model's decision threshold t (chosen on
 * validation rows): high at or above t (the model would flag a stroke), moderate from t/2, low
 * below t/2. Relative, because a class-weighted model's probabilities are not calibrated: only
 * their order and the threshold mean something.
 * @example riskBand(0.3, 0.5) // 'moderate'
 */
export function riskBand(probability: number, threshold: number): RiskBand {
  if (probability >= threshold) return 'high';
  if (probability >= threshold / 2) return 'moderate';
  return 'low';
}

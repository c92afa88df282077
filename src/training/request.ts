import { z } from 'zod';
import { MAX_UNITS } from '../engine/spec.js';
import { OPTIMIZERS } from '../engine/optimizers.js';
import { t, type Locale, type MessageKey } from '../locales/index.js';

/**
 * What a user asks for when training: the single source of truth for the CLI's options, the
 * /train command's options and the job payload. Every constraint says what is allowed (in the
 * user's language, through describeAllowed), so each surface can print
 * "Invalid value for <option>: <allowed> (got <value>)".
 */
export const HIDDEN_ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'leaky-relu', 'linear'] as const;
export const BALANCE_CHOICES = ['auto', 'none', 'class-weights', 'oversample'] as const;
export const THRESHOLD_CHOICES = ['auto', 'f1', 'youden', '0.5'] as const;
export const MAX_HIDDEN_LAYERS = 6;

/**
 * Constraint messages are encoded "what is allowed" descriptors (a message key and its values), so
 * that every surface shows them in its user's language: see {@link describeAllowed}.
 */
const ALLOWED_PREFIX = 'allowed:';
function allowed(key: AllowedKey, values: Record<string, string | number> = {}): string {
  return ALLOWED_PREFIX + JSON.stringify({ key, values });
}
type AllowedKey = Extract<MessageKey, `option.${string}`>;

/**
 * The human text of a constraint message, in `locale` (numbers formatted for it).
 * @example describeAllowed(issue.message, 'pt-BR') // "um número inteiro de 1 a 100.000"
 */
export function describeAllowed(message: string, locale: Locale): string {
  if (!message.startsWith(ALLOWED_PREFIX)) return message;
  const { key, values } = JSON.parse(message.slice(ALLOWED_PREFIX.length)) as { key: AllowedKey; values: Record<string, string | number> };
  const formatted = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'number' ? v.toLocaleString(locale) : v]));
  return t(locale, key, formatted);
}

const wholeNumber = (min: number, max: number) => {
  const error = allowed('option.wholeNumber', { min, max });
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};

const decimal = (min: number, max: number, { exclusiveMin = false } = {}) => {
  const error = allowed(exclusiveMin ? 'option.decimalAbove' : 'option.decimal', { min, max });
  const base = z.coerce.number({ error }).refine(Number.isFinite, { error }).pipe(z.number().max(max, { error }));
  return exclusiveMin ? base.pipe(z.number().gt(min, { error })) : base.pipe(z.number().min(min, { error }));
};

const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: allowed('option.choice', { values: values.join(', ') }) });

const HIDDEN_HELP = allowed('option.hidden', { layers: MAX_HIDDEN_LAYERS, max: MAX_UNITS });

/**
 * "16,8" -> [16, 8]; "" or "none" -> [] (no hidden layer: logistic regression).
 * @example parseHidden('16, 8') // [16, 8]
 */
export const hiddenLayersSchema = z.preprocess(
  (value) => {
    if (Array.isArray(value)) return value;
    const text = String(value).trim();
    if (text === '' || text === 'none' || text === '0') return [];
    return text.split(/[\s,x]+/).filter(Boolean).map((part) => (/^\d+$/.test(part) ? Number(part) : Number.NaN));
  },
  z
    .array(z.number({ error: HIDDEN_HELP }).int({ error: HIDDEN_HELP }).min(1, { error: HIDDEN_HELP }).max(MAX_UNITS, { error: HIDDEN_HELP }), {
      error: HIDDEN_HELP,
    })
    .max(MAX_HIDDEN_LAYERS, { error: allowed('option.hiddenTooMany', { layers: MAX_HIDDEN_LAYERS }) }),
);

/**
 * Fields left out take the dataset's recipe defaults (see recipeFor in run.ts): the stroke recipe
 * differs from the playground recipe for xor or spiral.
 */
export const trainRequestSchema = z.object({
  /** A built-in dataset name, "stroke", or (CLI) a path to a CSV file. */
  dataset: z.string().min(1, { error: allowed('option.dataset') }).default('xor'),
  /** The target column of a CSV. */
  target: z.string().min(1).optional(),
  /** A path to the real stroke CSV (else STROKE_CSV, else generated rows). */
  csv: z.string().min(1).optional(),
  hidden: hiddenLayersSchema.optional(),
  activation: choice(HIDDEN_ACTIVATIONS).optional(),
  optimizer: choice(OPTIMIZERS).optional(),
  learningRate: decimal(0, 10, { exclusiveMin: true }).optional(),
  epochs: wholeNumber(1, 100_000).optional(),
  batchSize: wholeNumber(1, 4096).optional(),
  seed: wholeNumber(0, 2 ** 31 - 1).default(1),
  l2: decimal(0, 1).optional(),
  dtype: choice(['float32', 'float64'] as const).default('float32'),
  /** Share of the rows held out to watch for overfitting (and to choose the threshold). */
  validation: decimal(0.05, 0.5).optional(),
  /** Share of the rows held out for the final, honest score. */
  test: decimal(0.05, 0.5).default(0.2),
  /** Stop after this many epochs without validation improvement (0 = never stop early). */
  patience: wholeNumber(0, 100_000).optional(),
  /** How to handle rare classes; auto weighs classes when the rarest is under 20 % of rows. */
  balance: choice(BALANCE_CHOICES).default('auto'),
  /** How to choose the decision threshold of a binary task on the validation rows. */
  threshold: choice(THRESHOLD_CHOICES).default('auto'),
  /** Stratified k-fold cross-validation instead of one split (0 = off). */
  folds: wholeNumber(0, 20)
    .refine((k) => k !== 1, { error: allowed('option.folds', { min: 2, max: 20 }) })
    .default(0),
  /** Size and noise of generated datasets. */
  size: wholeNumber(10, 100_000).optional(),
  noise: decimal(0, 2).optional(),
});

export type TrainRequestInput = z.input<typeof trainRequestSchema>;
export type TrainRequest = z.output<typeof trainRequestSchema>;

/**
 * The message for the first problem of a failed parse, in the user's language, naming the option as
 * that surface spells it: "Invalid value for --epochs: a whole number from 1 to 100,000 (got "abc")".
 * @example invalidOptionMessage(parsed.error, input, (field) => `--${field}`, 'en')
 */
export function invalidOptionMessage(error: z.ZodError, values: Readonly<Record<string, unknown>>, optionOf: (field: string) => string, locale: Locale): string {
  const issue = error.issues[0];
  const field = String(issue.path[0] ?? '');
  const got = values[field];
  const problem = describeAllowed(issue.message, locale) + (got === undefined ? '' : ` ${t(locale, 'error.got', { value: JSON.stringify(got) })}`);
  return t(locale, 'error.invalidOption', { option: optionOf(field), problem });
}

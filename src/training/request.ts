import { z } from 'zod';
import { MAX_UNITS } from '../engine/spec.js';
import { OPTIMIZERS } from '../engine/optimizers.js';

/**
 * What a user asks for when training: the single source of truth for the CLI's options, the
 * /train command's options and the job payload. Every constraint carries a message that says what
 * is allowed, so each surface can print "Invalid value for <option>: <allowed> (got <value>)".
 */
export const HIDDEN_ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'leaky-relu', 'linear'] as const;
export const BALANCE_CHOICES = ['auto', 'none', 'class-weights', 'oversample'] as const;
export const THRESHOLD_CHOICES = ['auto', 'f1', 'youden', '0.5'] as const;
export const MAX_HIDDEN_LAYERS = 6;

const wholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ error: `a whole number from ${min} to ${max.toLocaleString('en')}` })
    .int({ error: `a whole number from ${min} to ${max.toLocaleString('en')}` })
    .min(min, { error: `a whole number from ${min} to ${max.toLocaleString('en')}` })
    .max(max, { error: `a whole number from ${min} to ${max.toLocaleString('en')}` });

const decimal = (min: number, max: number, { exclusiveMin = false } = {}) => {
  const text = `a number ${exclusiveMin ? 'above' : 'from'} ${min} ${exclusiveMin ? 'and up to' : 'to'} ${max}`;
  const base = z.coerce.number({ error: text }).refine(Number.isFinite, { error: text }).pipe(z.number().max(max, { error: text }));
  return exclusiveMin ? base.pipe(z.number().gt(min, { error: text })) : base.pipe(z.number().min(min, { error: text }));
};

const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `one of ${values.join(', ')}` });

const HIDDEN_HELP = `neurons per hidden layer separated by commas, e.g. "16,8": up to ${MAX_HIDDEN_LAYERS} layers of 1 to ${MAX_UNITS} neurons ("none" for no hidden layer)`;

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
    .max(MAX_HIDDEN_LAYERS, { error: `at most ${MAX_HIDDEN_LAYERS} hidden layers, e.g. "16,8"` }),
);

/**
 * Fields left out take the dataset's recipe defaults (see recipeFor in run.ts): the stroke recipe
 * differs from the playground recipe for xor or spiral.
 */
export const trainRequestSchema = z.object({
  /** A built-in dataset name, "stroke", or (CLI) a path to a CSV file. */
  dataset: z.string().min(1, { error: 'a dataset name or a CSV path' }).default('xor'),
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
    .refine((k) => k !== 1, { error: 'a whole number from 2 to 20 (or 0 for a single split)' })
    .default(0),
  /** Size and noise of generated datasets. */
  size: wholeNumber(10, 100_000).optional(),
  noise: decimal(0, 2).optional(),
});

export type TrainRequestInput = z.input<typeof trainRequestSchema>;
export type TrainRequest = z.output<typeof trainRequestSchema>;

/** The first problem of a failed parse, as the option name and what is allowed. */
export function firstProblem(error: z.ZodError): { option: string; allowed: string } {
  const issue = error.issues[0];
  return { option: String(issue.path[0] ?? '?'), allowed: issue.message };
}

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { dataNotice } from '../data/index.js';
import { t, type Locale } from '../locales/index.js';
import { ANIMATION_FRAMES, renderTrainingAnimation, renderTrainingImages } from '../training/images.js';
import { trainRequestSchema, type TrainRequestInput } from '../training/request.js';
import { modelFileOf, runTraining, summarizeRun, type TrainingRun } from '../training/run.js';
import { EXIT, parseCommandArgs, validateOptions, type CliCommand, type CliIO } from './command.js';
import { createProgressThrottle, formatProgress } from './progress.js';

export const langSchema = z.object({ lang: z.enum(['en', 'pt-BR'], { error: 'en or pt-BR' }) });

/** CLI flag -> request field, where they differ. */
const FIELD_OF_FLAG: Record<string, keyof TrainRequestInput> = { lr: 'learningRate', batch: 'batchSize' };
const FLAG_OF_FIELD: Record<string, string> = Object.fromEntries(Object.entries(FIELD_OF_FLAG).map(([flag, field]) => [field, flag]));

const REQUEST_FLAGS = [
  'dataset', 'target', 'csv', 'hidden', 'activation', 'optimizer', 'lr', 'epochs', 'batch', 'seed', 'l2', 'dtype',
  'validation', 'test', 'patience', 'balance', 'threshold', 'folds', 'size', 'noise',
] as const;

const OPTIONS = {
  ...Object.fromEntries(REQUEST_FLAGS.map((flag) => [flag, { type: 'string' as const }])),
  json: { type: 'boolean' as const },
  save: { type: 'string' as const },
  out: { type: 'string' as const },
  lang: { type: 'string' as const },
  quiet: { type: 'boolean' as const },
};

const HELP = `Usage: npm run cli -- train [options]

Trains a network in this process (no Redis needed) and reports how it did on rows it never saw.

Data
  --dataset NAME     xor, circle, gauss, spiral, moons, iris, stroke, or a path to a CSV file (default xor)
  --target COLUMN    the column to predict (CSV files)
  --csv PATH         the real stroke CSV for --dataset stroke (else $STROKE_CSV, else generated rows)
  --size N           rows of a generated dataset (10 to 100,000)
  --noise X          noise of a generated dataset (0 to 2)
Network and training (left out: the dataset's recipe decides)
  --hidden LIST      neurons per hidden layer, e.g. 16,8 ("none": no hidden layer)
  --activation NAME  relu, tanh, sigmoid, leaky-relu or linear
  --optimizer NAME   sgd, momentum or adam
  --lr X             learning rate (above 0, up to 10)
  --epochs N         passes over the training rows (1 to 100,000)
  --batch N          rows per gradient step (1 to 4,096)
  --l2 X             L2 regularisation (0 to 1)
  --patience N       stop after N epochs without validation improvement (0: never)
  --balance NAME     auto, none, class-weights or oversample (for rare classes)
  --threshold NAME   auto, f1, youden or 0.5 (how the decision threshold is chosen)
  --dtype NAME       float32 (fast, default) or float64
  --seed N           seed of the data split, the weights and the shuffling (default 1)
Evaluation
  --validation X     share of the training rows held out for validation (0.05 to 0.5)
  --test X           share of all rows held out for the final test (0.05 to 0.5, default 0.2)
  --folds K          also run stratified K-fold cross-validation (2 to 20)
Output
  --json             print one JSON object (metrics on the test rows, history, ...) instead of text
  --save FILE        write the trained model (with its preprocessing) as JSON
  --out DIR          write the pictures (loss curve, network, boundary, confusion matrix, ROC) as PNG
  --lang LANG        en or pt-BR (default: from $LANG)
  --quiet            no progress bar

Examples
  npm run cli -- train --dataset xor --hidden 4 --activation tanh --epochs 500 --seed 1
  npm run cli -- train --dataset stroke --csv ../shared/data/stroke.csv --folds 5 --json
  npm run cli -- train --dataset data/patients.csv --target outcome --save model.json --out out/`;

/** The request fields from parsed flags (strings; the schema coerces and checks them). */
function requestInput(values: Record<string, unknown>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const flag of REQUEST_FLAGS) {
    if (values[flag] !== undefined) input[FIELD_OF_FLAG[flag] ?? flag] = values[flag];
  }
  return input;
}

/** Metric names as people write them (the same in both languages, as in the literature). */
const METRIC_LABELS = { auc: 'ROC AUC', recall: 'recall', precision: 'precision', f1: 'F1', accuracy: 'accuracy' } as const;

const fixed = (value: number, digits = 3) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

function printSummary(run: TrainingRun, io: CliIO, images: string[], savedTo: string | undefined, outDir: string | undefined): void {
  const L = io.locale;
  const out: string[] = [];
  const training = run.model.training;
  if (training.divergence) {
    out.push(training.divergence.error.localized(L));
    out.push(t(L, 'cli.train.keptWeights', { epoch: training.weightsEpoch }));
  } else {
    out.push(
      t(L, 'cli.train.done', {
        seconds: (run.elapsedMs / 1000).toFixed(1),
        status: t(L, `cli.train.status.${training.status}`),
        epochs: training.epochsRun,
        bestEpoch: training.bestEpoch,
      }),
    );
  }
  const m = run.test.metrics;
  const classNames = run.table.meta.classNames;
  out.push('', t(L, 'cli.train.testHeader', { samples: m.samples }));
  const rows: [string, string][] = [
    [METRIC_LABELS.auc, fixed(m.auc)],
    [METRIC_LABELS.recall, fixed(m.recall)],
    [METRIC_LABELS.precision, fixed(m.precision)],
    [METRIC_LABELS.f1, fixed(m.f1)],
    [METRIC_LABELS.accuracy, fixed(m.accuracy)],
    ['log loss', fixed(m.logLoss, 4)],
  ];
  for (const [name, value] of rows) out.push(`  ${name.padEnd(10)} ${value}`);
  const majority = classNames[m.confusion.map((row) => row.reduce((a, b) => a + b, 0)).reduce((best, n, i, all) => (n > all[best] ? i : best), 0)];
  out.push(`  (${t(L, 'cli.train.baseline', { majority, accuracy: fixed(m.baselineAccuracy) })})`);
  if ('threshold' in m) {
    const chosen = typeof run.recipe.threshold === 'object' && 'fixed' in run.recipe.threshold ? 'cli.train.thresholdFixed' : 'cli.train.threshold';
    out.push(`  (${t(L, chosen, { threshold: fixed(m.threshold) })})`);
  }
  out.push('', t(L, 'cli.train.confusion'));
  const width = Math.max(...classNames.map((c) => c.length), ...m.confusion.flat().map((n) => String(n).length)) + 2;
  out.push(' '.repeat(width) + classNames.map((c) => c.padStart(width)).join(''));
  m.confusion.forEach((row, i) => out.push(classNames[i].padStart(width) + row.map((n) => String(n).padStart(width)).join('')));
  const cv = run.crossValidation;
  if (cv) {
    out.push('', t(L, 'cli.train.cvHeader', { folds: cv.folds }));
    for (const key of ['auc', 'recall', 'precision', 'f1', 'accuracy'] as const) {
      out.push(`  ${METRIC_LABELS[key].padEnd(10)} ${fixed(cv.mean[key])} ± ${fixed(cv.std[key])}`);
    }
    out.push(`  (${t(L, 'cli.train.baseline', { majority, accuracy: fixed(cv.mean.baselineAccuracy) })})`);
    cv.perFold.forEach((f, i) =>
      out.push('  ' + t(L, 'cli.train.fold', { fold: i + 1, auc: fixed(f.auc), recall: fixed(f.recall), precision: fixed(f.precision), f1: fixed(f.f1), accuracy: fixed(f.accuracy) })),
    );
  }
  const notice = dataNotice(run.table.meta, L);
  if (notice) out.push('', notice);
  if (savedTo) out.push('', t(L, 'cli.train.saved', { path: savedTo }));
  if (outDir && images.length > 0) out.push(t(L, 'cli.train.images', { dir: outDir, files: images.join(', ') }));
  io.stdout.write(out.join('\n') + '\n');
}

/** Writes the run's pictures into `dir`; returns the file names. */
export async function writeRunImages(run: TrainingRun, dir: string, locale: Locale): Promise<string[]> {
  const images = await renderTrainingImages(run, locale);
  const files = images.map((image) => ({ filename: image.filename, bytes: image.png }));
  const animation = await renderTrainingAnimation(run, locale);
  if (animation) files.push({ filename: 'training.gif', bytes: animation });
  await mkdir(dir, { recursive: true });
  await Promise.all(files.map((file) => writeFile(join(dir, file.filename), file.bytes)));
  return files.map((file) => file.filename);
}

export const trainCommand: CliCommand = {
  name: 'train',
  summary: 'train a network in this process and report honest metrics on held-out rows',
  help: HELP,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, OPTIONS);
    const locale = values.lang === undefined ? io.locale : validateOptions(langSchema, { lang: values.lang }).lang;
    const request = validateOptions(trainRequestSchema, requestInput(values), (field) => FLAG_OF_FIELD[field] ?? field, locale);
    const showProgress = !values.json && !values.quiet;
    const throttle = createProgressThrottle({ interactive: Boolean(io.stderr.isTTY) });
    let announced = false;
    const run = await runTraining(request, {
      env: io.env,
      snapshots: values.out ? ANIMATION_FRAMES : 0,
      onStart: ({ table, recipe }) => {
        if (!showProgress) return;
        io.stderr.write(
          t(locale, 'cli.train.start', {
            dataset: table.meta.name,
            rows: table.labels.length,
            hidden: recipe.hidden.map((l) => l.units).join(',') || '-',
            activation: recipe.hidden[0]?.activation ?? '-',
            epochs: recipe.epochs,
            optimizer: recipe.optimizer.kind ?? 'adam',
            learningRate: recipe.optimizer.learningRate ?? 0.01,
          }) + '\n',
        );
      },
      onFold: (fold, folds) => showProgress && io.stderr.write(`cross-validation: fold ${fold}/${folds} done\n`),
      onEpoch: (report) => {
        if (!showProgress || !throttle(report)) return;
        const line = formatProgress(report);
        io.stderr.write(io.stderr.isTTY ? `\r${line}${report.epoch === report.epochs ? '\n' : ''}` : `${line}\n`);
        announced = true;
      },
    });
    if (showProgress && announced && io.stderr.isTTY && run.model.training.epochsRun < run.recipe.epochs) io.stderr.write('\n');
    let savedTo: string | undefined;
    if (values.save) {
      await writeFile(values.save, JSON.stringify(modelFileOf(run)) + '\n');
      savedTo = values.save;
    }
    const images = values.out ? await writeRunImages(run, values.out, locale) : [];
    if (values.json) {
      const json = { ...summarizeRun(run), notice: dataNotice(run.table.meta, locale) ?? null, model: savedTo ?? null, images: images.map((f) => join(values.out ?? '', f)) };
      io.stdout.write(JSON.stringify(json) + '\n');
    } else {
      printSummary(run, { ...io, locale }, images, savedTo, values.out);
    }
    return run.model.training.status === 'diverged' ? EXIT.failed : EXIT.ok;
  },
};

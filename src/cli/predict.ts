import { readFile } from 'node:fs/promises';
import { explainPrediction, parsePreprocessing } from '../data/index.js';
import { loadModel } from '../engine/index.js';
import { UserError } from '../errors.js';
import { t } from '../locales/index.js';
import { EXIT, UsageError, parseCommandArgs, validateOptions, type CliCommand } from './command.js';
import { langSchema } from './train.js';

const OPTIONS = {
  model: { type: 'string' as const },
  input: { type: 'string' as const },
  json: { type: 'boolean' as const },
  lang: { type: 'string' as const },
};

const HELP = `Usage: npm run cli -- predict --model FILE --input JSON [--json] [--lang en|pt-BR]

Predicts one record with a model saved by \`train --save\`, and shows which inputs pushed the
probability up or down most (gradient x input, computed by the engine).

  --model FILE   a model file written by train --save
  --input JSON   the record, e.g. '{"age":67,"gender":"Male","hypertension":0,"heart_disease":1,
                 "ever_married":"Yes","work_type":"Private","Residence_type":"Urban",
                 "avg_glucose_level":228.69,"bmi":36.6,"smoking_status":"formerly smoked"}'
                 (missing fields take the training median; unknown categories count as none)
  --json         print one JSON object
  --lang LANG    en or pt-BR`;

export const predictCommand: CliCommand = {
  name: 'predict',
  summary: 'predict one record with a saved model and explain what drove the prediction',
  help: HELP,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, OPTIONS);
    if (!values.model) throw new UsageError('Missing --model FILE (a model written by `train --save`).');
    if (!values.input) throw new UsageError(`Missing --input JSON, e.g. --input '{"age":67,"gender":"Male"}'.`);
    const locale = values.lang === undefined ? io.locale : validateOptions(langSchema, { lang: values.lang }).lang;
    let text: string;
    try {
      text = await readFile(values.model, 'utf8');
    } catch (error) {
      throw new UserError('data.file.unreadable', { path: values.model, code: (error as NodeJS.ErrnoException).code ?? 'error' });
    }
    const loaded = loadModel(text);
    if (loaded.preprocessing === undefined) throw new UserError('engine.model.malformed', { problem: 'it has no preprocessing, so raw inputs cannot be encoded' });
    const preprocessing = parsePreprocessing(loaded.preprocessing);
    let record: unknown;
    try {
      record = JSON.parse(values.input);
    } catch {
      throw new UsageError(`Invalid value for --input: a JSON object such as '{"age":67}' (got ${JSON.stringify(values.input)})`);
    }
    const threshold = typeof loaded.metadata.threshold === 'number' ? loaded.metadata.threshold : 0.5;
    const explanation = explainPrediction(loaded.network, preprocessing, record, { threshold });
    const isStroke = loaded.metadata.dataset === 'stroke';
    if (values.json) {
      io.stdout.write(
        JSON.stringify({
          ...explanation,
          notes: explanation.notes.map((n) => t(locale, n.key, n.values)),
          ...(isStroke ? { disclaimer: t(locale, 'cli.predict.disclaimer') } : {}),
        }) + '\n',
      );
      return EXIT.ok;
    }
    const positive = preprocessing.classNames[1] ?? '1';
    const lines = [
      t(locale, 'cli.predict.result', {
        positive,
        probability: explanation.probability.toFixed(3),
        className: explanation.className,
        threshold: explanation.threshold.toFixed(3),
      }),
      t(locale, 'cli.predict.pushes'),
      ...explanation.contributions.slice(0, 5).map((c) => {
        const direction = t(locale, c.attribution >= 0 ? 'cli.predict.up' : 'cli.predict.down');
        return `  ${c.attribution >= 0 ? '▲' : '▼'} ${c.column} = ${JSON.stringify(c.value)}  ${direction} ${Math.abs(c.attribution).toFixed(3)}`;
      }),
      ...explanation.notes.map((n) => `  · ${t(locale, n.key, n.values)}`),
    ];
    if (isStroke) lines.push('', t(locale, 'cli.predict.disclaimer'));
    io.stdout.write(lines.join('\n') + '\n');
    return EXIT.ok;
  },
};

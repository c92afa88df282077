import { rocCurve } from '../engine/index.js';
/**
 * The story of one finished training run, told in the lesson style: the network, how its loss fell,
 * what its neurons ended up listening to, one validation example traced forward and backward, and
 * an honest verdict against the majority-class baseline.
 */
import { dataNotice } from '../data/index.js';
import type { Locale } from '../locales/index.js';
import { renderConfusionMatrix, renderNetworkDiagram, renderRocCurve, type Theme } from '../render/index.js';
import { headlineMetrics, shapeOf, traceValidationExample, type TrainingRun } from '../training/run.js';
import { textsFor } from './content/index.js';
import type { NarrativeText } from './content/types.js';
import { formatters, lossCurveImage } from './generators/shared.js';
import { assemblePosts, type Draft, type LessonPost } from './post.js';
import { strongestIntoUnit } from './staff.js';

/** Neurons listed per layer in the "who listens to whom" post; the rest are counted. */
const MAX_STAFF_LINES = 6;
/** Inputs named per neuron. */
const INPUTS_PER_NEURON = 2;
/** Below this share of the rarer class, the verdict explains the majority baseline. */
const IMBALANCE_SHARE = 0.2;
/** A final validation loss this much above the best one counts as overfitting. */
const OVERFIT_RATIO = 1.1;

export interface NarrateOptions {
  theme?: Theme;
}

/** Loss numbers of a run: what the narrative quotes (and what the tests recompute). */
export function lossStory(run: TrainingRun) {
  const { history, bestEpoch } = run.model.training;
  const train = history.trainLoss;
  const validation = history.validationLoss;
  const lastIndex = train.length - 1;
  return {
    epochs: train.length,
    trainFirst: train[0],
    trainLast: train[lastIndex],
    trainBest: Math.min(...train),
    hasValidation: validation.length > 0,
    valFirst: validation[0],
    valLast: validation[validation.length - 1],
    /** 1-based; 0 when no epoch beat the starting weights. */
    bestEpoch,
    valBest: bestEpoch > 0 ? validation[bestEpoch - 1] : Number.NaN,
  };
}

function staffPost(run: TrainingRun, text: NarrativeText, f: ReturnType<typeof formatters>): string {
  const { network, preprocessing } = run.model;
  const layers = network.layers;
  const neuronNames = (l: number) =>
    l === layers.length - 1 ? (layers[l].units === 1 ? ['out'] : run.table.meta.classNames.map((c) => `out:${c}`)) : Array.from({ length: layers[l].units }, (_, j) => `h${l + 1}.${j + 1}`);
  const namesBelow = (l: number) => (l === 0 ? preprocessing.featureNames : neuronNames(l - 1));
  const listed = (l: number, unit: number, count: number) =>
    strongestIntoUnit(layers[l], unit, namesBelow(l), count)
      .map((input) => `${input.name} (${input.weight >= 0 ? '+' : ''}${f.n(input.weight, 2)})`)
      .join(', ');
  if (layers.length === 1) return `${text.staffIntro}\n${text.ceoDirect({ inputs: listed(0, 0, 4) })}`;
  const sections = layers.map((layer, l) => {
    const head = l === 0 ? text.employees : l === layers.length - 1 ? text.ceo : text.managers({ layer: f.count(l + 1) });
    const names = neuronNames(l);
    const shown = Math.min(layer.units, MAX_STAFF_LINES);
    // In a wide layer, the neurons shown are those the layer above listens to most.
    const lines = mostListenedTo(layers, l)
      .slice(0, shown)
      .map((j) => '- ' + text.staffLine({ name: names[j], inputs: listed(l, j, INPUTS_PER_NEURON) }));
    if (layer.units > shown) lines.push('- ' + text.moreNeurons({ count: f.count(layer.units - shown) }));
    return `${head}\n${lines.join('\n')}`;
  });
  return `${text.staffIntro}\n${sections.join('\n')}`;
}

/**
 * The neurons of layer `l`, most listened-to first: by the total |weight| the next layer gives their
 * output (the output layer's own neurons keep their order).
 */
function mostListenedTo(layers: TrainingRun['model']['network']['layers'], l: number): number[] {
  const units = Array.from({ length: layers[l].units }, (_, j) => j);
  const above = layers[l + 1];
  if (!above) return units;
  const influence = units.map((j) => {
    let total = 0;
    for (let k = 0; k < above.units; k++) total += Math.abs(above.weights[j * above.units + k]);
    return total;
  });
  return units.sort((a, b) => influence[b] - influence[a] || a - b);
}

/** Validation rows considered when picking the example to trace (enough to find a telling one, cheap). */
const EXAMPLE_CANDIDATES = 50;

/**
 * The validation example with the highest loss among the first few: a mistake, when there is one,
 * makes the backward pass worth reading (a perfectly predicted row has no blame to pass back).
 */
function hardestExample(run: TrainingRun): ReturnType<typeof traceValidationExample> {
  const rows = run.model.validationRows.length > 0 ? run.model.validationRows.length : run.test.rows.length;
  let hardest = traceValidationExample(run, 0);
  for (let i = 1; i < Math.min(rows, EXAMPLE_CANDIDATES); i++) {
    const candidate = traceValidationExample(run, i);
    if (candidate.trace.loss > hardest.trace.loss) hardest = candidate;
  }
  return hardest;
}

/**
 * The story of a finished run as numbered posts, in the user's language.
 * @example const posts = await narrateRun(await runTraining(request), 'pt-BR');
 */
export async function narrateRun(run: TrainingRun, locale: Locale, options: NarrateOptions = {}): Promise<LessonPost[]> {
  const text = textsFor(locale).narrative;
  const theme = options.theme ?? 'dark';
  const ctx = { locale, theme };
  const f = formatters(locale);
  const { model, table, recipe } = run;
  const { network, preprocessing, training } = model;
  const featureNames = preprocessing.featureNames;
  const classNames = table.meta.classNames;
  const binary = network.outputs === 1;
  const drafts: Draft[] = [];

  // 1. What the network looked like.
  const hidden = recipe.hidden.length === 0 ? text.noHidden : recipe.hidden.map((h) => `${h.units} ${h.activation}`).join(', ');
  const notice = dataNotice(table.meta, locale);
  drafts.push({
    text:
      text.overview({
        dataset: table.meta.name,
        rows: f.count(table.labels.length),
        shape: shapeOf(model),
        params: f.count(network.parameterCount()),
        hidden,
        optimizer: recipe.optimizer.kind ?? 'adam',
        rate: f.setting(recipe.optimizer.learningRate ?? 0.01),
        epochs: f.count(recipe.epochs),
        batch: f.count(recipe.batchSize),
      }) + (notice ? `\n_${notice}_` : ''),
    images: [
      {
        filename: 'run-network.png',
        png: await renderNetworkDiagram(network, { locale, theme, featureNames, classNames }),
        description: text.diagramAlt,
      },
    ],
  });

  // 2. How the loss fell.
  const loss = lossStory(run);
  if (loss.epochs > 0) {
    const lossText = loss.hasValidation
      ? loss.bestEpoch > 0
        ? text.lossWithValidation({
            trainFirst: f.n(loss.trainFirst),
            trainLast: f.n(loss.trainLast),
            valFirst: f.n(loss.valFirst),
            best: f.count(loss.bestEpoch),
            valBest: f.n(loss.valBest),
            valLast: f.n(loss.valLast),
            epochs: f.count(loss.epochs),
          })
        : text.neverImproved
      : text.lossTrainOnly({ trainFirst: f.n(loss.trainFirst), trainBest: f.n(loss.trainBest), trainLast: f.n(loss.trainLast), epochs: f.count(loss.epochs) });
    drafts.push({
      text: lossText,
      images: [
        await lossCurveImage(
          {
            trainLoss: training.history.trainLoss,
            ...(loss.hasValidation ? { validationLoss: training.history.validationLoss } : {}),
            ...(loss.bestEpoch > 0 ? { bestEpoch: loss.bestEpoch } : {}),
            stoppedEpoch: training.epochsRun,
            earlyStopped: training.status === 'early-stopped',
          },
          ctx,
          { filename: 'run-loss.png', description: text.curveAlt },
        ),
      ],
    });
  }

  // 3. What the employees, managers and CEO ended up doing.
  drafts.push({ text: staffPost(run, text, f) });

  // 4-5. One validation example, forward then backward.
  const example = hardestExample(run);
  const trace = example.trace;
  const sample = { activations: [trace.input, ...trace.layers.map((l) => l.a)], deltas: trace.layers.map((l) => l.delta) };
  const output = trace.output;
  let decision: number;
  if (binary) {
    decision = output[0] >= model.threshold ? 1 : 0;
  } else {
    decision = output.indexOf(Math.max(...output));
  }
  const shownOutput = binary ? `P(${classNames[1]}) = ${f.n(output[0])}` : classNames.map((c, k) => `${c} ${f.n(output[k])}`).join(', ');
  const forwardText = binary
    ? text.traceForward({ row: f.count(example.row + 1), label: classNames[example.label], output: shownOutput, decision: classNames[decision], threshold: f.n(model.threshold) })
    : text.traceMulticlass({ row: f.count(example.row + 1), label: classNames[example.label], output: shownOutput, decision: classNames[decision] });
  drafts.push({
    text: forwardText,
    images: [
      {
        filename: 'run-example-forward.png',
        png: await renderNetworkDiagram(network, { locale, theme, featureNames, classNames, view: 'activations', sample }),
        description: text.activationsAlt,
      },
    ],
  });
  const blameLines = trace.layers.slice(0, -1).map((layer, l) => {
    let strongest = 0;
    for (let j = 1; j < layer.delta.length; j++) if (Math.abs(layer.delta[j]) > Math.abs(layer.delta[strongest])) strongest = j;
    return '- ' + text.blameLine({ layer: f.count(l + 1), name: `h${l + 1}.${strongest + 1}`, delta: f.n(layer.delta[strongest], 4) });
  });
  const outputDelta = trace.layers[trace.layers.length - 1].delta;
  drafts.push({
    text: text.traceBackward({ loss: f.n(trace.loss), outputDelta: outputDelta.map((d) => f.n(d)).join(', '), lines: blameLines.join('\n') }),
    images: [
      {
        filename: 'run-example-blame.png',
        png: await renderNetworkDiagram(network, { locale, theme, featureNames, classNames, view: 'blame', sample }),
        description: text.blameAlt,
      },
    ],
  });

  // 6. The verdict.
  drafts.push(await verdictDraft(run, text, f, locale, theme, loss));
  return assemblePosts(drafts);
}

async function verdictDraft(
  run: TrainingRun,
  text: NarrativeText,
  f: ReturnType<typeof formatters>,
  locale: Locale,
  theme: Theme,
  loss: ReturnType<typeof lossStory>,
): Promise<Draft> {
  const m = headlineMetrics(run);
  const training = run.model.training;
  const classNames = run.table.meta.classNames;
  const binary = run.model.network.outputs === 1;
  const parts: string[] = [];
  if (binary) {
    parts.push(
      text.verdictBinary({
        auc: f.n(m.auc),
        recall: f.pct(m.recall),
        precision: f.pct(m.precision),
        accuracy: f.pct(m.accuracy),
        baseline: f.pct(m.baselineAccuracy),
        samples: f.count(m.samples),
      }),
    );
    const positives = m.confusion[1][0] + m.confusion[1][1];
    const rareShare = Math.min(positives, m.samples - positives) / m.samples;
    if (rareShare < IMBALANCE_SHARE) parts.push(text.imbalanced({ rate: f.pct(rareShare), baseline: f.pct(m.baselineAccuracy) }));
    if (Number.isFinite(m.auc) && m.auc < 0.6) parts.push(text.weakRanking({ auc: f.n(m.auc) }));
  } else {
    parts.push(text.verdictMulticlass({ accuracy: f.pct(m.accuracy), baseline: f.pct(m.baselineAccuracy), recall: f.pct(m.recall), auc: f.n(m.auc), samples: f.count(m.samples) }));
  }
  parts.push(m.accuracy > m.baselineAccuracy ? text.beatsBaseline : text.belowBaseline);
  if (training.status === 'diverged' && training.divergence) parts.push(text.diverged({ message: training.divergence.error.localized(locale) }));
  if (training.status === 'aborted') parts.push(text.aborted);
  if (training.status === 'early-stopped') parts.push(text.earlyStopped({ epoch: f.count(training.weightsEpoch) }));
  if (loss.hasValidation && loss.bestEpoch > 0 && loss.valLast > OVERFIT_RATIO * loss.valBest && loss.trainLast < loss.trainFirst) {
    parts.push(text.overfit({ best: f.count(loss.bestEpoch), valBest: f.n(loss.valBest), valLast: f.n(loss.valLast) }));
  }
  const images = [
    { filename: 'run-confusion.png', png: await renderConfusionMatrix({ counts: m.confusion, classNames }, { locale, theme }), description: text.confusionAlt },
  ];
  if (binary && Number.isFinite(m.auc)) {
    images.push({
      filename: 'run-roc.png',
      png: await renderRocCurve({ points: rocCurve(run.test.labels, run.test.probabilities.data), auc: m.auc, positiveClass: classNames[1] }, { locale, theme }),
      description: text.rocAlt,
    });
  }
  return { text: parts.join('\n'), images };
}

/**
 * A thread name for the story of a run (1 to 100 characters).
 * @example runTitle(run, 'pt-BR') // "A história do seu treino em stroke"
 */
export function runTitle(run: TrainingRun, locale: Locale): string {
  return textsFor(locale).narrative.title({ dataset: run.table.meta.name }).slice(0, 100);
}

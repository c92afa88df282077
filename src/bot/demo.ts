/**
 * The /demo tour's words and numbers, kept apart from the command so they can be tested without
 * Discord: which lesson posts to quote, the honest reading of a finished run, and the prediction for
 * the example patient. The demo's own sentences live here in both languages (not in the shared
 * catalog) because nothing else uses them; shared phrases (the prediction lines, the disclaimer, the
 * data notice) come from the catalog so they read the same as the CLI's.
 */
import { dataNotice, explainPrediction, parsePreprocessing } from '../data/index.js';
import type { LoadedModel } from '../engine/index.js';
import { formatMetric } from '../format.js';
import type { CompactSummary, LessonLibrary } from '../jobs/index.js';
import type { LessonPost } from '../lessons/catalog.js';
import type { Locale } from '../locales/index.js';
import { predictionMessage } from './predict-message.js';

/** The tours /demo knows (one for now; the option is a choice so more can follow). */
export const DEMO_TOPICS = ['stroke'] as const;
export type DemoTopic = (typeof DEMO_TOPICS)[number];

/**
 * The first patient of the Kaggle stroke file (a 67-year-old man with heart disease and high
 * glucose): a recognisable example whose risk the model should rate high, real data or not.
 */
export const EXAMPLE_PATIENT = {
  gender: 'Male',
  age: 67,
  hypertension: 0,
  heart_disease: 1,
  ever_married: 'Yes',
  work_type: 'Private',
  Residence_type: 'Urban',
  avg_glucose_level: 228.69,
  bmi: 36.6,
  smoking_status: 'formerly smoked',
} as const;

/** The same training as `/train dataset:stroke`: the bot's stroke recipe, seed 1 (a few seconds). */
export const DEMO_TRAINING = { dataset: 'stroke' } as const;

interface DemoTexts {
  intro: (source: string) => string;
  sourceFile: string;
  sourceSynthetic: string;
  threadName: string;
  lessonsNote: string;
  trainingIntro: string;
  reading: (v: Record<string, string>) => string;
  realData: (rows: string) => string;
  predictionTitle: string;
  patient: string;
  failed: string;
  quota: (reason: string) => string;
  outro: string;
}

const TEXTS: Record<Locale, DemoTexts> = {
  en: {
    intro: (source) =>
      `🧪 **The stroke demo**, as a guided thread: a few lesson posts, a live training on this server's stroke data (${source}), its pictures and an honest score, then a prediction for an example patient. Follow along in the thread below 👇`,
    sourceFile: 'the file its host configured',
    sourceSynthetic: 'generated rows: no real file is configured',
    threadName: 'Stroke demo: from patient rows to an honest verdict',
    lessonsNote: '_From the lessons `stroke-demo` and `imbalance` (`/explain` has them whole; their numbers always come from generated rows)._',
    trainingIntro: "🏋️ **Now a live training** with the bot's stroke recipe, the same run as `/train dataset:stroke`. The message below updates while the network learns, then shows the pictures.",
    reading: (v) => `**How good is it, honestly?** Scored on ${v.samples} test patients the network never saw:
- ROC AUC **${v.auc}** (0.5 = coin toss)
- recall **${v.recall}**: ${v.found} of ${v.positives} strokes flagged
- precision ${v.precision}: ${v.falseAlarms} false alarms
- accuracy ${v.accuracy}, against **${v.baseline}** for answering "no stroke" to everyone, which finds no stroke at all.
So accuracy alone says little here: recall and AUC are the numbers to watch.`,
    realData: (rows) => `Data: the stroke file configured by this server's host (${rows} patients).`,
    predictionTitle: '🩺 **A prediction for an example patient**, from the model just trained:',
    patient: 'Patient',
    failed: 'The training did not finish, so the tour stops here (see the message above). Try `/demo` again in a minute.',
    quota: (reason) => `The live training could not start: ${reason}`,
    outro: 'That was the tour. Your turn: `/train dataset:stroke` (try `balance:none` to see the accuracy trap), or `/explain` for the lessons.',
  },
  'pt-BR': {
    intro: (source) =>
      `🧪 **A demonstração de AVC**, como uma thread guiada: alguns posts de lição, um treino ao vivo com os dados de AVC deste servidor (${source}), as imagens e uma nota honesta, depois uma previsão para um paciente de exemplo. Acompanhe na thread abaixo 👇`,
    sourceFile: 'o arquivo configurado pelo administrador',
    sourceSynthetic: 'linhas geradas: nenhum arquivo real foi configurado',
    threadName: 'Demonstração de AVC: dos dados dos pacientes a um veredito honesto',
    lessonsNote: '_Das lições `stroke-demo` e `imbalance` (o `/explain` traz as duas inteiras; os números delas vêm sempre de linhas geradas)._',
    trainingIntro: '🏋️ **Agora um treino ao vivo** com a receita de AVC do bot, o mesmo de `/train dados:stroke`. A mensagem abaixo se atualiza enquanto a rede aprende e depois mostra as imagens.',
    reading: (v) => `**Quão boa ela é, honestamente?** Avaliada em ${v.samples} pacientes de teste que a rede nunca viu:
- ROC AUC **${v.auc}** (0,5 = cara ou coroa)
- recall **${v.recall}**: ${v.found} de ${v.positives} AVCs sinalizados
- precisão ${v.precision}: ${v.falseAlarms} alarmes falsos
- acurácia ${v.accuracy}, contra **${v.baseline}** de responder "sem AVC" para todos, que não encontra nenhum AVC.
Ou seja, a acurácia sozinha diz pouco aqui: recall e AUC são os números a observar.`,
    realData: (rows) => `Dados: o arquivo de AVC configurado pelo administrador deste servidor (${rows} pacientes).`,
    predictionTitle: '🩺 **Uma previsão para um paciente de exemplo**, com o modelo que acabou de ser treinado:',
    patient: 'Paciente',
    failed: 'O treino não terminou, então o passeio para aqui (veja a mensagem acima). Tente `/demo` de novo em um minuto.',
    quota: (reason) => `O treino ao vivo não pôde começar: ${reason}`,
    outro: 'Fim do passeio. Sua vez: `/train dados:stroke` (tente `balanco:none` para ver a armadilha da acurácia), ou `/explain` para as lições.',
  },
};

export const demoText = (locale: Locale): DemoTexts => TEXTS[locale];

/** "the file its host configured" or "generated rows…", from the bot's own setting (the worker reads the same variable). */
export function sourceLabel(strokeCsv: string | undefined, locale: Locale): string {
  return strokeCsv ? TEXTS[locale].sourceFile : TEXTS[locale].sourceSynthetic;
}

/**
 * The lesson posts the tour quotes: the stroke demo's opening (what the pipeline is, with the data
 * notice), the accuracy trap, and the metrics that cannot be fooled by it. Their "1/9"-style numbers
 * are dropped: out of their thread they would mislead. Text only: the lessons' pictures show the
 * generated rows' run, and the live run below brings its own.
 */
export async function demoLessonPosts(lessons: LessonLibrary, locale: Locale): Promise<string[]> {
  const [strokeDemo, imbalance] = await Promise.all([lessons.get('stroke-demo', locale), lessons.get('imbalance', locale)]);
  const picked: (LessonPost | undefined)[] = [strokeDemo[0], imbalance[0], imbalance[3]];
  const texts = picked.filter((p): p is LessonPost => p !== undefined).map((p) => `📖 ${p.content.replace(/^\d+\/\d+\s+/, '')}`);
  if (texts.length > 0) texts[texts.length - 1] += `\n${TEXTS[locale].lessonsNote}`;
  return texts.map((text) => text.slice(0, 2000));
}

/** The honest reading of a finished stroke run: AUC, recall, precision, and accuracy beside the always-"no" baseline. */
export function readingPost(summary: CompactSummary, locale: Locale): string {
  const m = summary.metrics;
  const [negatives = [0, 0], positives = [0, 0]] = m.confusion;
  const pct = (value: number | null) => (value === null || !Number.isFinite(value) ? 'n/a' : `${(value * 100).toFixed(1)}%`.replace('.', locale === 'pt-BR' ? ',' : '.'));
  const lines = [
    TEXTS[locale].reading({
      samples: String(m.samples),
      auc: formatMetric(m.auc),
      recall: pct(m.recall),
      found: String(positives[1] ?? 0),
      positives: String((positives[0] ?? 0) + (positives[1] ?? 0)),
      precision: pct(m.precision),
      falseAlarms: String(negatives[1] ?? 0),
      accuracy: pct(m.accuracy),
      baseline: pct(m.baselineAccuracy),
    }),
  ];
  lines.push(dataLabel(summary, locale));
  return lines.join('\n').slice(0, 2000);
}

/** Says which data the run used: the synthetic warning, or the real file's credit and size. */
export function dataLabel(summary: CompactSummary, locale: Locale): string {
  const notice = dataNotice({ name: summary.dataset.name, synthetic: summary.dataset.synthetic } as Parameters<typeof dataNotice>[0], locale) ?? '';
  if (summary.dataset.synthetic) return `_${notice}_`;
  return [TEXTS[locale].realData(summary.dataset.rows.toLocaleString(locale)), notice ? `_${notice}_` : ''].filter(Boolean).join('\n');
}

/**
 * The example patient through the model the tour just trained, in the same words as /predict
 * (probability, risk band, the inputs that pushed it most, the data label and the disclaimer).
 */
export function predictionPost(model: LoadedModel, summary: CompactSummary, owner: { modelId: string; userId: string }, locale: Locale): string {
  if (model.preprocessing === undefined) throw new Error('the stroke model has no preprocessing');
  const preprocessing = parsePreprocessing(model.preprocessing);
  const threshold = typeof model.metadata.threshold === 'number' ? model.metadata.threshold : 0.5;
  const explanation = explainPrediction(model.network, preprocessing, EXAMPLE_PATIENT, { threshold });
  const patient = Object.entries(EXAMPLE_PATIENT)
    .map(([key, value]) => `${key}=${value}`)
    .join(' · ');
  const message = predictionMessage({
    explanation,
    source: { kind: 'given', modelId: owner.modelId, ownerId: owner.userId },
    auc: summary.metrics.auc,
    recall: summary.metrics.recall,
    synthetic: summary.dataset.synthetic,
    locale,
  });
  const credit = summary.dataset.synthetic ? [] : [dataLabel(summary, locale)];
  return [TEXTS[locale].predictionTitle, `${TEXTS[locale].patient}: \`${patient}\``, message, ...credit].join('\n').slice(0, 2000);
}

/**
 * Lessons: explainer threads about neural networks (pt-BR and en), with worked examples computed
 * by the engine at run time and pictures from src/render. Also the story of a finished /train run.
 */
import type { Locale } from '../locales/index.js';
import type { Theme } from '../render/index.js';
import { buildActivation } from './generators/activation.js';
import { buildBackprop } from './generators/backprop.js';
import { buildGradientDescent } from './generators/gradient-descent.js';
import { buildImbalance } from './generators/imbalance.js';
import { buildLayers } from './generators/layers.js';
import { buildLoss } from './generators/loss.js';
import { buildNeuron } from './generators/neuron.js';
import { buildOverfitting } from './generators/overfitting.js';
import type { RenderContext } from './generators/shared.js';
import { buildStrokeDemo } from './generators/stroke-demo.js';
import { assemblePosts, type Draft, type LessonPost } from './post.js';
import type { Topic } from './topics.js';

export { TOPICS, isTopic, lessonTitle, topicSummary, formatNumber, formatPercent, formatCount, formatSetting, MAX_POST_CHARS, type Topic, type LessonPost, type LessonImage } from './catalog.js';
import { checkTopic } from './catalog.js';
import { once } from './memo.js';
export { narrateRun, runTitle, lossStory, type NarrateOptions } from './narrative.js';
export { missingTranslations } from './content/check.js';
export { TEXTS } from './content/index.js';

export interface LessonOptions {
  /** Colours of the pictures: Discord's dark theme (default) or light. */
  theme?: Theme;
}

const GENERATORS: Record<Topic, (ctx: RenderContext) => Promise<Draft[]>> = {
  neuron: buildNeuron,
  layers: buildLayers,
  activation: buildActivation,
  loss: buildLoss,
  backprop: buildBackprop,
  'gradient-descent': buildGradientDescent,
  overfitting: buildOverfitting,
  imbalance: buildImbalance,
  'stroke-demo': buildStrokeDemo,
};

/**
 * The lesson as numbered posts ("1/8 …"), each within Discord's limits, in the given language.
 * Numbers are computed by the engine (seeded) on the first call and reused for the other language.
 * @example const posts = await buildLesson('backprop', 'pt-BR');
 */
export async function buildLesson(topic: Topic, locale: Locale, options: LessonOptions = {}): Promise<LessonPost[]> {
  checkTopic(topic);
  const theme = options.theme ?? 'dark';
  // Lessons are seeded, so the same topic, language and theme always give the same posts: a bot
  // builds each once (a second or two of CPU) and then answers /explain from memory.
  return once(`lesson:${topic}:${locale}:${theme}`, async () => assemblePosts(await GENERATORS[topic]({ locale, theme })));
}


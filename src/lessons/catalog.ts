/**
 * What the bot needs of the lessons without building any: the topics, their titles and summaries,
 * and the number format. Light on purpose (text only): the bot imports this, while building a
 * lesson (engine, pictures) happens in the workers (see src/jobs/lessons.ts).
 */
import { UserError } from '../errors.js';
import type { Locale } from '../locales/index.js';
import { textsFor } from './content/index.js';
import type { LessonTexts, TopicMeta } from './content/types.js';
import { isTopic, TOPICS, type Topic } from './topics.js';

export { TOPICS, isTopic, type Topic } from './topics.js';
export { formatNumber, formatPercent, formatCount, formatSetting } from './format.js';
export { MAX_POST_CHARS, type LessonPost, type LessonImage } from './post.js';

/** Where each topic's title and summary live in the content. */
const CONTENT_KEY: Record<Topic, keyof Omit<LessonTexts, 'narrative'>> = {
  neuron: 'neuron',
  layers: 'layers',
  activation: 'activation',
  loss: 'loss',
  backprop: 'backprop',
  'gradient-descent': 'gradientDescent',
  overfitting: 'overfitting',
  imbalance: 'imbalance',
  'stroke-demo': 'strokeDemo',
};

export function checkTopic(topic: string): asserts topic is Topic {
  if (!isTopic(topic)) throw new UserError('lessons.unknownTopic', { topic, allowed: TOPICS.join(', ') });
}

function metaOf(topic: Topic, locale: Locale): TopicMeta {
  return textsFor(locale)[CONTENT_KEY[topic]];
}

/**
 * A thread name for the lesson (1 to 100 characters).
 * @example lessonTitle('backprop', 'en') // "Backpropagation, step by step, with real numbers"
 */
export function lessonTitle(topic: Topic, locale: Locale): string {
  checkTopic(topic);
  return metaOf(topic, locale).title.slice(0, 100);
}

/**
 * One line about the lesson, for /help and the /explain choices (at most 100 characters).
 * @example topicSummary('loss', 'pt-BR')
 */
export function topicSummary(topic: Topic, locale: Locale): string {
  checkTopic(topic);
  return metaOf(topic, locale).summary.slice(0, 100);
}

import type { Explanation } from '../data/index.js';
import { formatNumber } from '../lessons/catalog.js';
import { t, type Locale } from '../locales/index.js';
import { columnLabel, riskBand, valueLabel } from './stroke-input.js';

/**
 * The /predict reply: the probability and its risk band, which model said it and how good that
 * model is on held-out rows, the inputs that pushed hardest, and (always) the disclaimer. Pure.
 */

/** Which model answered, as the reply names it. */
export type ModelSource =
  | { kind: 'given'; modelId: string; ownerId: string }
  | { kind: 'guild-latest'; modelId: string; ownerId: string }
  | { kind: 'bundled' };

export interface PredictionView {
  explanation: Explanation;
  source: ModelSource;
  /** Test-set metrics stored with the model (null when unknown). */
  auc: number | null;
  recall: number | null;
  /** The model learned from generated rows: every reply must say so. */
  synthetic: boolean;
  locale: Locale;
}

/** How many inputs the reply lists. */
export const TOP_INPUTS = 3;

export function predictionMessage(view: PredictionView): string {
  const { explanation: e, locale } = view;
  const band = riskBand(e.probability, e.threshold);
  const number = (value: number | null) => (value === null ? 'n/a' : formatNumber(value, locale, 3));
  const lines = [
    t(locale, 'bot.predict.result', {
      probability: formatNumber(e.probability, locale, 3),
      band: t(locale, `bot.predict.band.${band}`),
    }),
    t(locale, 'bot.predict.bands', {
      half: formatNumber(e.threshold / 2, locale, 3),
      threshold: formatNumber(e.threshold, locale, 3),
    }),
    sourceLine(view.source, locale) + ' · ' + t(locale, 'bot.predict.quality', { auc: number(view.auc), recall: number(view.recall) }),
    t(locale, 'bot.predict.pushes'),
    ...e.contributions.slice(0, TOP_INPUTS).map((c) => contributionLine(c, locale)),
  ];
  const missing = e.notes.filter((n) => n.key === 'data.input.missing').map((n) => columnLabel(String(n.values.column), locale));
  if (missing.length > 0) lines.push(t(locale, 'bot.predict.filled', { columns: missing.join(', ') }));
  for (const note of e.notes.filter((n) => n.key !== 'data.input.missing')) {
    lines.push(`· ${t(locale, note.key, { ...note.values, column: columnLabel(String(note.values.column ?? ''), locale) })}`);
  }
  if (view.synthetic) lines.push(`*${t(locale, 'data.stroke.synthetic')}*`);
  lines.push(t(locale, 'bot.predict.disclaimer'));
  return lines.join('\n').slice(0, 2000);
}

/** "▲ age = 67 (+0.213)": the arrow says which way the input pushed the probability. */
function contributionLine(c: Explanation['contributions'][number], locale: Locale): string {
  const arrow = c.attribution >= 0 ? '▲' : '▼';
  const sign = c.attribution >= 0 ? '+' : '−';
  return `${arrow} ${columnLabel(c.column, locale)} = ${valueLabel(c.column, c.value, locale)} (${sign}${formatNumber(Math.abs(c.attribution), locale, 3)})`;
}

function sourceLine(source: ModelSource, locale: Locale): string {
  switch (source.kind) {
    case 'given':
      return t(locale, 'bot.predict.source.given', { modelId: source.modelId, userId: source.ownerId });
    case 'guild-latest':
      return t(locale, 'bot.predict.source.guild', { modelId: source.modelId, userId: source.ownerId });
    case 'bundled':
      return t(locale, 'bot.predict.source.bundled');
  }
}

import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, type APIActionRowComponent, type APIButtonComponent, type APIEmbed } from 'discord.js';
import { dataNotice } from '../data/index.js';
import { formatDuration, formatLoss, formatMetric, progressBar } from '../format.js';
import type { CompactSummary, Failure, TrainingProgress } from '../jobs/index.js';
import { isMessageKey, t, type Locale } from '../locales/index.js';

/**
 * What the bot says about a training job at each stage, as plain message bodies (content, embeds,
 * components) that go to Discord through whichever token still works. Pure: tested without Discord.
 */

export interface MessageBody {
  content: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
}

/** The custom id of a job's Cancel button. */
export const cancelButtonId = (jobId: string) => `cancel:${jobId}`;

function cancelRow(jobId: string, locale: Locale): APIActionRowComponent<APIButtonComponent> {
  return new ActionRowBuilder<ButtonBuilder>()
    .addComponents(new ButtonBuilder().setCustomId(cancelButtonId(jobId)).setLabel(t(locale, 'bot.cancelButton')).setStyle(ButtonStyle.Danger))
    .toJSON();
}

export function queuedMessage(jobId: string, dataset: string, position: number, locale: Locale): MessageBody {
  const content = position > 0 ? t(locale, 'bot.queued', { dataset, position }) : t(locale, 'bot.starting', { dataset });
  return { content, embeds: [], components: [cancelRow(jobId, locale)] };
}

/**
 * The live progress line, e.g.
 * "🏋️ Training on **xor**: epoch 120/300 `████████░░░░░░░░░░░░` 40% · loss 0.1234 · validation 0.1300 · ETA 12s"
 */
export function progressMessage(jobId: string, dataset: string, progress: TrainingProgress, locale: Locale): MessageBody {
  let content: string;
  if (progress.phase === 'training' && progress.epochs > 0 && progress.epoch > 0) {
    const fraction = progress.epoch / progress.epochs;
    content = t(locale, 'bot.progress', {
      dataset,
      epoch: progress.epoch,
      epochs: progress.epochs,
      bar: progressBar(fraction, 20),
      percent: Math.floor(fraction * 100),
      loss: progress.trainLoss == null ? '…' : formatLoss(progress.trainLoss),
      validation: progress.validationLoss == null ? '' : t(locale, 'bot.validationPart', { loss: formatLoss(progress.validationLoss) }),
      eta: progress.etaMs == null ? '…' : formatDuration(progress.etaMs),
    });
  } else if (progress.fold && progress.phase !== 'rendering' && progress.phase !== 'storing') {
    content = t(locale, 'bot.progressFolds', { dataset, done: progress.fold.done, of: progress.fold.of });
  } else {
    const phase = progress.phase === 'training' ? 'loading' : progress.phase;
    content = t(locale, 'bot.progressPhase', { dataset, phase: t(locale, `bot.phase.${phase}`) });
  }
  return { content, embeds: [], components: [cancelRow(jobId, locale)] };
}

/** The index of the most common class in the test rows (the always-"X" baseline's answer). */
function majorityClass(summary: CompactSummary): string {
  const totals = summary.metrics.confusion.map((row) => row.reduce((a, b) => a + b, 0));
  const best = totals.reduce((bestIndex, n, i) => (n > totals[bestIndex] ? i : bestIndex), 0);
  return summary.dataset.classes[best] ?? String(best);
}

/**
 * The final reply: one line, then an embed that leads with AUC, recall, precision and F1 and puts the
 * always-majority baseline beside accuracy (on imbalanced data that is the honest comparison).
 */
export function resultMessage(input: {
  modelId: string;
  summary: CompactSummary;
  imageNames: readonly string[];
  ttlDays: number;
  locale: Locale;
}): MessageBody {
  const { modelId, summary, locale } = input;
  const m = summary.metrics;
  const status = t(locale, `cli.train.status.${summary.training.status}`);
  const content = t(locale, 'bot.done', {
    dataset: summary.dataset.name,
    shape: summary.network.shape,
    status,
    epochs: summary.training.epochsRun,
    modelId,
    days: input.ttlDays,
  });
  const description = [t(locale, 'bot.embed.honest', { samples: m.samples })];
  if (summary.training.divergence) description.push(`⚠️ ${summary.training.divergence.message}`);
  const notice = dataNotice({ name: summary.dataset.name, synthetic: summary.dataset.synthetic } as Parameters<typeof dataNotice>[0], locale);
  if (notice) description.push(`*${notice}*`);
  const embed = new EmbedBuilder()
    .setTitle(t(locale, 'bot.embed.title', { dataset: summary.dataset.name }).slice(0, 256))
    .setDescription(description.join('\n').slice(0, 4096))
    .setColor(summary.training.status === 'diverged' ? 0xe67e22 : 0x5865f2)
    .addFields(
      { name: 'ROC AUC', value: formatMetric(m.auc), inline: true },
      { name: 'Recall', value: formatMetric(m.recall), inline: true },
      { name: 'Precision', value: formatMetric(m.precision), inline: true },
      { name: 'F1', value: formatMetric(m.f1), inline: true },
      { name: 'Accuracy', value: formatMetric(m.accuracy), inline: true },
      { name: t(locale, 'bot.embed.baseline', { majority: majorityClass(summary) }).slice(0, 256), value: formatMetric(m.baselineAccuracy), inline: true },
    )
    .setFooter({ text: t(locale, 'bot.embed.footer', { modelId, seconds: (summary.training.elapsedMs / 1000).toFixed(1) }) });
  if (m.threshold != null) embed.addFields({ name: t(locale, 'bot.embed.threshold'), value: formatMetric(m.threshold), inline: true });
  const cv = summary.crossValidation;
  if (cv) {
    const value = ['auc', 'recall', 'f1'].map((k) => `${k === 'auc' ? 'AUC' : k === 'f1' ? 'F1' : 'recall'} ${formatMetric(cv.mean[k])} ± ${formatMetric(cv.std[k])}`).join(' · ');
    embed.addFields({ name: t(locale, 'bot.embed.cv', { folds: cv.folds }), value });
  }
  const first = input.imageNames[0];
  if (first) embed.setImage(`attachment://${/\.\w+$/.test(first) ? first : `${first}.png`}`);
  return { content, embeds: [embed.toJSON()], components: [] };
}

export function failureMessage(input: { dataset: string; failure: Failure; attempts: number; jobTimeoutMs: number; locale: Locale }): MessageBody {
  const { dataset, failure, locale } = input;
  let content: string;
  switch (failure.kind) {
    case 'user':
      content = t(locale, 'bot.failed.user', { dataset, reason: localizeKey(failure.key, failure.values, locale) });
      break;
    case 'cancelled':
      content = t(locale, 'bot.failed.cancelled', { dataset, by: failure.by ? t(locale, 'bot.failed.cancelledBy', { userId: failure.by }) : '' });
      break;
    case 'timeout':
      content = t(locale, 'bot.failed.timeout', { dataset, minutes: Math.round(failure.limitMs / 60_000) || 1 });
      break;
    case 'internal':
      content = t(locale, 'bot.failed.internal', { dataset, attempts: input.attempts, id: failure.message.slice(0, 16) });
      break;
  }
  return { content, embeds: [], components: [] };
}

/** A message key that arrived as text (from a job's failure): shown through the catalog when known. */
export function localizeKey(key: string, values: Record<string, string | number>, locale: Locale): string {
  return isMessageKey(key) ? t(locale, key, values) : key;
}

/** Progress lines say when they were last updated; this is the gap between two edits of one job. */
export const PROGRESS_EDIT_INTERVAL_MS = 2_000;

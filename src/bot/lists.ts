import { ActionRowBuilder, ButtonBuilder, ButtonStyle, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import { formatMetric, progressBar } from '../format.js';
import type { JobInfo, StoredModelMeta } from '../jobs/index.js';
import { t, type Locale } from '../locales/index.js';
import { cancelButtonId } from './messages.js';

/**
 * The bodies of /jobs, /models and /leaderboard: lists that stay within one Discord message
 * (2,000 characters), with the overflow counted rather than cut mid-line. Pure: unit tested.
 */

export const MAX_CONTENT = 2000;

/** Discord renders `<t:seconds:R>` as "3 minutes ago" in each reader's own language and time zone. */
export const relativeTime = (epochMs: number) => `<t:${Math.floor(epochMs / 1000)}:R>`;

/**
 * Joins a header (none when empty), lines and a footer, keeping as many lines as fit; the rest
 * become "…and N more".
 * @example fitLines('Models', ['a', 'b'], '', 'en')
 */
export function fitLines(header: string, lines: readonly string[], footer: string, locale: Locale, limit = MAX_CONTENT): string {
  const kept: string[] = [];
  const reserve = (n: number) => (n > 0 ? t(locale, 'bot.list.more', { count: n }).length + 1 : 0);
  let length = header.length + (footer ? footer.length + 1 : 0) - (header ? 0 : 1);
  for (let i = 0; i < lines.length; i++) {
    const next = length + 1 + lines[i].length;
    if (next + reserve(lines.length - i - 1) > limit) break;
    kept.push(lines[i]);
    length = next;
  }
  const hidden = lines.length - kept.length;
  return [...(header ? [header] : []), ...kept, ...(hidden > 0 ? [t(locale, 'bot.list.more', { count: hidden })] : []), ...(footer ? [footer] : [])].join('\n');
}

// --- /jobs -----------------------------------------------------------------------------------

/** Cancel buttons under the list: Discord allows five per row. */
const MAX_CANCEL_BUTTONS = 5;

/** What one job is doing, e.g. "running: epoch 120/300 `████░░░░░░` 40%". */
export function jobStateText(job: JobInfo, locale: Locale): string {
  const p = job.progress;
  switch (job.state) {
    case 'active':
      if (p && p.phase === 'training' && p.epochs > 0 && p.epoch > 0) {
        const fraction = p.epoch / p.epochs;
        return t(locale, 'bot.jobs.training', { epoch: p.epoch, epochs: p.epochs, bar: progressBar(fraction, 10), percent: Math.floor(fraction * 100) });
      }
      if (p?.fold) return t(locale, 'bot.jobs.folds', { done: p.fold.done, of: p.fold.of });
      return t(locale, 'bot.jobs.phase', { phase: t(locale, `bot.phase.${p?.phase === 'training' || !p ? 'loading' : p.phase}`) });
    case 'waiting':
    case 'prioritized':
      return job.position ? t(locale, 'bot.jobs.queued', { position: job.position }) : t(locale, 'bot.jobs.queuedNoPosition');
    case 'delayed':
      return t(locale, 'bot.jobs.retrying', { attempt: job.attemptsMade + 1 });
    default:
      return job.state;
  }
}

export function jobsMessage(jobs: readonly JobInfo[], locale: Locale): { content: string; components: APIActionRowComponent<APIButtonComponent>[] } {
  if (jobs.length === 0) return { content: t(locale, 'bot.jobs.none'), components: [] };
  const lines = jobs.map((job, i) => `${i + 1}. \`${job.jobId}\` · **${job.dataset}** · ${jobStateText(job, locale)} · ${relativeTime(job.requestedAt)}`);
  const content = fitLines(t(locale, 'bot.jobs.header', { count: jobs.length }), lines, t(locale, 'bot.jobs.footer'), locale);
  const buttons = jobs.slice(0, MAX_CANCEL_BUTTONS).map((job, i) =>
    new ButtonBuilder()
      .setCustomId(cancelButtonId(job.jobId))
      .setLabel(t(locale, 'bot.jobs.cancelButton', { n: i + 1 }))
      .setStyle(ButtonStyle.Danger),
  );
  return { content, components: [new ActionRowBuilder<ButtonBuilder>().addComponents(...buttons).toJSON()] };
}

// --- /models ---------------------------------------------------------------------------------

/** "`k3x-1a2b` · **stroke** · AUC 0.842 · recall 0.780 · <t:…:R>" (+ the owner's mention for the guild's list). */
export function modelLine(meta: StoredModelMeta, withOwner: boolean): string {
  const m = meta.summary.metrics;
  const parts = [`\`${meta.modelId}\``, `**${meta.dataset}**`, `AUC ${formatMetric(m.auc)}`, `recall ${formatMetric(m.recall)}`, relativeTime(meta.createdAt)];
  if (withOwner) parts.push(`<@${meta.owner.userId}>`);
  return parts.join(' · ');
}

/** The user's models, then the guild's models by others (a model of both lists is shown once). */
export function modelsMessage(input: { mine: readonly StoredModelMeta[]; guild: readonly StoredModelMeta[] | null; userId: string; ttlDays: number; locale: Locale }): string {
  const { locale } = input;
  const others = (input.guild ?? []).filter((meta) => meta.owner.userId !== input.userId);
  if (input.mine.length === 0 && others.length === 0) return t(locale, 'bot.models.none', { days: input.ttlDays });
  const lines = [
    t(locale, 'bot.models.mine', { count: input.mine.length }),
    ...(input.mine.length > 0 ? input.mine.map((meta) => modelLine(meta, false)) : [t(locale, 'bot.models.noneMine')]),
  ];
  // Others' models only when there are some: an empty second list is noise.
  if (others.length > 0) {
    lines.push(t(locale, 'bot.models.guild', { count: others.length }), ...others.map((meta) => modelLine(meta, true)));
  }
  return fitLines('', lines, t(locale, 'bot.models.footer', { days: input.ttlDays }), locale);
}

// --- /leaderboard ----------------------------------------------------------------------------

/** The settings of a run, as far as they are known (older runs may lack some). */
export interface RunSettings {
  /** Neurons per hidden layer, e.g. [16, 8]; [] for none. */
  hidden: number[];
  activation?: string;
  epochsRun: number;
  /** Epochs asked for (early stopping may have ended the run sooner). */
  epochs?: number;
  optimizer?: string;
  learningRate?: number;
  balance?: string;
}

/** "hidden 16,8 tanh · epochs 23/40 · adam lr 0.003 · balance class-weights" */
export function settingsText(s: RunSettings, locale: Locale): string {
  const parts = [t(locale, 'bot.leaderboard.hidden', { hidden: s.hidden.length > 0 ? s.hidden.join(',') : t(locale, 'bot.leaderboard.noHidden') }) + (s.activation ? ` ${s.activation}` : '')];
  parts.push(t(locale, 'bot.leaderboard.epochs', { epochs: s.epochs !== undefined && s.epochs !== s.epochsRun ? `${s.epochsRun}/${s.epochs}` : s.epochsRun }));
  if (s.learningRate !== undefined) parts.push(`${s.optimizer ?? ''} lr ${s.learningRate}`.trim());
  if (s.balance !== undefined) parts.push(t(locale, 'bot.leaderboard.balance', { balance: s.balance }));
  return parts.join(' · ');
}

export interface LeaderboardRow {
  rank: number;
  auc: number;
  meta: StoredModelMeta;
  settings: RunSettings;
}

const MEDALS = ['🥇', '🥈', '🥉'];

export function leaderboardMessage(rows: readonly LeaderboardRow[], locale: Locale): string {
  if (rows.length === 0) return t(locale, 'bot.leaderboard.empty');
  const lines = rows.map((row) => {
    const m = row.meta.summary.metrics;
    const place = MEDALS[row.rank - 1] ?? `${row.rank}.`;
    return (
      `${place} **AUC ${formatMetric(row.auc)}** · recall ${formatMetric(m.recall)} · <@${row.meta.owner.userId}> · \`${row.meta.modelId}\`\n` +
      `   ${settingsText(row.settings, locale)}`
    );
  });
  const synthetic = rows.some((row) => row.meta.summary.dataset.synthetic);
  const footer = [t(locale, 'bot.leaderboard.footer'), ...(synthetic ? [`*${t(locale, 'data.stroke.synthetic')}*`] : [])].join('\n');
  return fitLines(t(locale, 'bot.leaderboard.header', { count: rows.length }), lines, footer, locale);
}

/**
 * The settings of a run, from its stored summary: hidden layers, activation, epochs asked for and
 * run, optimizer, learning rate and balance.
 */
export function runSettings(meta: StoredModelMeta): RunSettings {
  const settings = meta.summary.settings;
  return {
    hidden: settings.hidden,
    activation: settings.activation,
    epochsRun: meta.summary.training.epochsRun,
    epochs: settings.epochs,
    optimizer: settings.optimizer,
    learningRate: settings.learningRate,
    balance: settings.balance,
  };
}

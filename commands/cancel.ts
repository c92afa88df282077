import { MessageFlags, PermissionFlagsBits, SlashCommandBuilder, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { localize } from '../src/bot/localize.js';
import type { BotButton, BotCommand, BotContext } from '../src/bot/types.js';
import type { CancelOutcome } from '../src/jobs/index.js';
import { t, type Locale } from '../src/locales/index.js';

/** Cancelling is allowed to the requester and to members with Manage Server (checked by the queue). */
function actorOf(interaction: ChatInputCommandInteraction | ButtonInteraction) {
  return {
    byUserId: interaction.user.id,
    canManageGuild: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
    ...(interaction.guildId ? { guildId: interaction.guildId } : {}),
  };
}

function outcomeText(outcome: CancelOutcome, jobId: string, locale: Locale): string {
  switch (outcome.outcome) {
    case 'forbidden':
      return t(locale, 'bot.cancel.forbidden');
    case 'not-found':
      return t(locale, 'bot.cancel.notFound', { jobId });
    case 'finished':
      return t(locale, 'bot.cancel.finished', { jobId });
    case 'removed':
      return t(locale, 'bot.cancel.removed');
    case 'stopping':
      return t(locale, 'bot.cancel.stopping', { jobId });
  }
}

async function cancel(interaction: ChatInputCommandInteraction | ButtonInteraction, jobId: string, ctx: BotContext, locale: Locale): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const outcome = await ctx.queue.cancelJob(jobId, actorOf(interaction));
  await interaction.editReply({ content: outcomeText(outcome, jobId, locale) });
}

/** The Cancel button under a queued or running job ("cancel:<jobId>"). The reply itself is updated by the delivery. */
export const cancelButton: BotButton = {
  prefix: 'cancel',
  execute: (interaction, jobId, ctx, locale) => cancel(interaction, jobId, ctx, locale),
};

export const cancelCommand: BotCommand = {
  data: localize(new SlashCommandBuilder(), {
    en: { name: 'cancel', description: 'Cancel a queued or running training job' },
    'pt-BR': { name: 'cancelar', description: 'Cancela um treino na fila ou em andamento' },
  }).addStringOption((o) =>
    localize(o, { en: { name: 'job', description: 'The job id (see /jobs)' }, 'pt-BR': { name: 'treino', description: 'O id do treino (veja /jobs)' } })
      .setRequired(true)
      .setMaxLength(64),
  ),
  execute: (interaction, ctx, locale) => cancel(interaction, interaction.options.getString('job', true), ctx, locale),
};

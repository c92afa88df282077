import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { jobsMessage } from '../src/bot/lists.js';
import { localize } from '../src/bot/localize.js';
import { queueCall } from '../src/bot/queue-call.js';
import type { BotCommand } from '../src/bot/types.js';

/** /jobs -> the user's queued and running trainings (state, place in the queue, progress), privately, with Cancel buttons. */
export const jobsCommand: BotCommand = {
  data: localize(new SlashCommandBuilder(), {
    en: { name: 'jobs', description: 'Your queued and running trainings' },
    'pt-BR': { name: 'treinos', description: 'Seus treinos na fila e em andamento' },
  }),
  async execute(interaction, ctx, locale) {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const jobs = await queueCall(ctx.queue.jobsOf(interaction.user.id));
    await interaction.editReply(jobsMessage(jobs, locale));
  },
};

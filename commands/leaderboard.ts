import { SlashCommandBuilder } from 'discord.js';
import { leaderboardMessage, runSettings, type LeaderboardRow } from '../src/bot/lists.js';
import { localize } from '../src/bot/localize.js';
import { queueCall } from '../src/bot/queue-call.js';
import type { BotCommand } from '../src/bot/types.js';
import { UserError } from '../src/errors.js';

/**
 * /leaderboard -> the server's best stroke runs by test AUC, with their settings and who trained
 * them: the community demo, so the reply is public (mentions shown, nobody pinged).
 */

export const leaderboardCommand: BotCommand = {
  data: localize(new SlashCommandBuilder(), {
    en: { name: 'leaderboard', description: "This server's best stroke-prediction runs by AUC, with their settings" },
    'pt-BR': { name: 'ranking', description: 'Os melhores treinos de previsão de AVC do servidor por AUC, com as configurações' },
  }),
  async execute(interaction, ctx, locale) {
    if (!interaction.guildId) throw new UserError('bot.guildOnly');
    await interaction.deferReply();
    const guildId = interaction.guildId;
    const entries = await queueCall(ctx.store.leaderboard(guildId, { dataset: 'stroke', limit: 10 }));
    const rows: LeaderboardRow[] = entries.map((entry) => ({ ...entry, settings: runSettings(entry.meta) }));
    await interaction.editReply({ content: leaderboardMessage(rows, locale), allowedMentions: { parse: [] } });
  },
};

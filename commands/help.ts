import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { helpMessage } from '../src/bot/help.js';
import { localize } from '../src/bot/localize.js';
import type { BotCommand } from '../src/bot/types.js';

/** /help -> every command with an example, in the user's language, privately. */
export const helpCommand: BotCommand = {
  data: localize(new SlashCommandBuilder(), {
    en: { name: 'help', description: 'What this bot does, with one example per command' },
    'pt-BR': { name: 'ajuda', description: 'O que este bot faz, com um exemplo de cada comando' },
  }),
  async execute(interaction, ctx, locale) {
    await interaction.reply({ content: helpMessage(locale, { strokeCsvConfigured: Boolean(ctx.config.STROKE_CSV) }), flags: MessageFlags.Ephemeral });
  },
};

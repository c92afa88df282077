import { MessageFlags, type ButtonInteraction, type ChatInputCommandInteraction, type Interaction } from 'discord.js';
import { isUserError } from '../errors.js';
import { errorId } from '../logger.js';
import { resolveLocale, t, type Locale } from '../locales/index.js';
import type { BotButton, BotCommand, BotContext } from './types.js';

/**
 * Routes each interaction to its command or button handler and turns every error into an answer:
 * a UserError in the user's language, anything else "something went wrong (id ...)" with the
 * details only in the logs. Always ephemeral, and never a hanging "thinking...": a deferred reply
 * is replaced by the error.
 */
export function createRouter(commands: readonly BotCommand[], buttons: readonly BotButton[], ctx: BotContext) {
  const byName = new Map(commands.map((c) => [c.data.name, c]));

  async function answerError(interaction: ChatInputCommandInteraction | ButtonInteraction, error: unknown, locale: Locale): Promise<void> {
    let content: string;
    if (isUserError(error)) {
      content = error.localized(locale);
    } else {
      const id = errorId();
      ctx.log.error({ err: error instanceof Error ? { message: error.message, stack: error.stack } : String(error), id, command: interaction.isChatInputCommand() ? interaction.commandName : interaction.customId }, 'interaction failed');
      content = t(locale, 'bot.internal', { id });
    }
    await replyPrivately(interaction, content).catch((e) => ctx.log.warn({ err: (e as Error).message }, 'could not answer with the error'));
  }

  return async function route(interaction: Interaction): Promise<void> {
    if (interaction.isChatInputCommand()) {
      const locale = resolveLocale(interaction.locale);
      const command = byName.get(interaction.commandName);
      if (!command) return;
      try {
        await command.execute(interaction, ctx, locale);
      } catch (error) {
        await answerError(interaction, error, locale);
      }
    } else if (interaction.isButton()) {
      const locale = resolveLocale(interaction.locale);
      const [prefix, ...rest] = interaction.customId.split(':');
      const button = buttons.find((b) => b.prefix === prefix);
      if (!button) return;
      try {
        await button.execute(interaction, rest.join(':'), ctx, locale);
      } catch (error) {
        await answerError(interaction, error, locale);
      }
    }
  };
}

/**
 * Says something only the user sees, whatever state the interaction is in. A public deferred reply
 * ("thinking...") is deleted first, so it does not hang there forever.
 */
export async function replyPrivately(interaction: ChatInputCommandInteraction | ButtonInteraction, content: string): Promise<void> {
  if (interaction.deferred && !interaction.ephemeral) {
    await interaction.deleteReply().catch(() => undefined);
    await interaction.followUp({ content, flags: MessageFlags.Ephemeral });
  } else if (interaction.deferred) {
    await interaction.editReply({ content });
  } else if (interaction.replied) {
    await interaction.followUp({ content, flags: MessageFlags.Ephemeral });
  } else {
    await interaction.reply({ content, flags: MessageFlags.Ephemeral });
  }
}

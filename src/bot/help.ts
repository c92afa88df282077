import { TOPICS } from '../lessons/catalog.js';
import { t, type Locale, type MessageKey } from '../locales/index.js';

/**
 * The /help text: every command with one example, written with the command and option names the
 * user's Discord client shows (pt-BR clients see /treinar, not /train). Pure.
 */

/** The commands in the order a newcomer meets them; each has a `bot.help.<name>` line. */
export const HELP_COMMANDS = ['train', 'jobs', 'cancel', 'models', 'predict', 'leaderboard', 'explain', 'demo', 'help'] as const;

export function helpMessage(locale: Locale, options: { strokeCsvConfigured: boolean }): string {
  const lines = [
    t(locale, 'bot.help.intro'),
    '',
    ...HELP_COMMANDS.map((name) => `• ${t(locale, `bot.help.${name}` satisfies MessageKey, { count: TOPICS.length })}`),
    '',
    t(locale, options.strokeCsvConfigured ? 'bot.help.strokeReal' : 'bot.help.strokeSynthetic'),
    t(locale, 'bot.help.sandbox'),
  ];
  return lines.join('\n');
}

/** Every slash command and button the bot has (the deploy script registers these). */
import type { BotButton, BotCommand } from '../src/bot/types.js';
import { cancelButton, cancelCommand } from './cancel.js';
import { trainCommand } from './train.js';

export const COMMANDS: readonly BotCommand[] = [trainCommand, cancelCommand];
export const BUTTONS: readonly BotButton[] = [cancelButton];

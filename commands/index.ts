/** Every slash command and button the bot has (the deploy script registers these). */
import type { BotButton, BotCommand } from '../src/bot/types.js';
import { cancelButton, cancelCommand } from './cancel.js';
import { demoCommand } from './demo.js';
import { explainCommand } from './explain.js';
import { helpCommand } from './help.js';
import { jobsCommand } from './jobs.js';
import { leaderboardCommand } from './leaderboard.js';
import { modelsCommand } from './models.js';
import { predictCommand } from './predict.js';
import { trainCommand } from './train.js';

export const COMMANDS: readonly BotCommand[] = [
  trainCommand,
  cancelCommand,
  demoCommand,
  jobsCommand,
  modelsCommand,
  predictCommand,
  leaderboardCommand,
  explainCommand,
  helpCommand,
];
export const BUTTONS: readonly BotButton[] = [cancelButton];

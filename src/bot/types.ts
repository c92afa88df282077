import type { ButtonInteraction, ChatInputCommandInteraction, Client, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { LessonLibrary, ModelStore, TrainingQueue } from '../jobs/index.js';
import type { Locale } from '../locales/index.js';
import type { Delivery } from './delivery.js';

/** Everything a command needs besides its interaction. */
export interface BotContext {
  config: Config;
  client: Client;
  queue: TrainingQueue;
  store: ModelStore;
  delivery: Delivery;
  /** Lessons, built by the workers and cached (never built in the bot). */
  lessons: LessonLibrary;
  log: Logger;
  /** Pause between two posts of a thread the bot writes (lessons, stories); 0 in tests. */
  postPauseMs: number;
}

/** One slash command: its registration data and its handler. Thin: parse, call the core, reply. */
export interface BotCommand {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext, locale: Locale): Promise<void>;
}

/** A button handler, chosen by the prefix of the button's custom id ("cancel:<jobId>"). */
export interface BotButton {
  prefix: string;
  execute(interaction: ButtonInteraction, argument: string, ctx: BotContext, locale: Locale): Promise<void>;
}

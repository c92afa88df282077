import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { t } from '../locales/index.js';
import { buildLesson, isTopic, lessonTitle, topicSummary, TOPICS } from '../lessons/index.js';
import { EXIT, UsageError, parseCommandArgs, validateOptions, type CliCommand } from './command.js';

const OPTIONS = {
  lang: { type: 'string' as const },
  out: { type: 'string' as const },
  theme: { type: 'string' as const },
  list: { type: 'boolean' as const },
};

const optionsSchema = z.object({
  lang: z.enum(['en', 'pt-BR'], { error: 'en or pt-BR' }).optional(),
  theme: z.enum(['dark', 'light'], { error: 'dark or light' }).optional(),
});

const HELP = `Usage: npm run cli -- explain <topic> [--lang en|pt-BR] [--out DIR] [--theme dark|light]
       npm run cli -- explain --list

Prints a lesson as the numbered posts the bot sends to a Discord thread. The worked examples are
computed by the engine now (seeded, so the numbers are always the same).

  <topic>         ${TOPICS.join(', ')}
  --lang LANG     en or pt-BR (default: from LANG, else en)
  --out DIR       also write the lesson's pictures (PNG) to DIR
  --theme THEME   dark (default, like Discord) or light pictures
  --list          list the topics with a one-line summary

Example: npm run cli -- explain backprop --lang pt-BR --out lesson-pictures`;

/** Printed between posts, so a terminal reader sees where one Discord message ends. */
const POST_SEPARATOR = '\n' + '─'.repeat(60) + '\n';

export const explainCommand: CliCommand = {
  name: 'explain',
  summary: 'print a lesson (neuron, backprop, imbalance, ...) as the bot posts it',
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS, true);
    const parsed = validateOptions(optionsSchema, { lang: values.lang, theme: values.theme });
    const locale = parsed.lang ?? io.locale;
    if (values.list) {
      const width = Math.max(...TOPICS.map((topic) => topic.length));
      const lines = TOPICS.map((topic) => `  ${topic.padEnd(width)}  ${topicSummary(topic, locale)}`);
      io.stdout.write([t(locale, 'lessons.listHeader'), ...lines].join('\n') + '\n');
      return EXIT.ok;
    }
    if (positionals.length !== 1) throw new UsageError(`Name one topic: ${TOPICS.join(', ')} (or --list).`);
    const topic = positionals[0];
    if (!isTopic(topic)) throw new UsageError(t(locale, 'lessons.unknownTopic', { topic, allowed: TOPICS.join(', ') }));
    const posts = await buildLesson(topic, locale, parsed.theme ? { theme: parsed.theme } : {});
    if (values.out) await mkdir(values.out, { recursive: true });
    const blocks: string[] = [];
    for (const post of posts) {
      const lines = [post.content];
      for (const image of post.images) {
        const file = values.out ? join(values.out, image.filename) : image.filename;
        if (values.out) await writeFile(file, image.png);
        lines.push(t(locale, 'lessons.image', { file, description: image.description ?? '' }).trimEnd());
      }
      blocks.push(lines.join('\n'));
    }
    io.stdout.write(`# ${lessonTitle(topic, locale)}\n\n${blocks.join(POST_SEPARATOR)}\n`);
    if (values.out) io.stderr.write(t(locale, 'lessons.saved', { dir: values.out }) + '\n');
    return EXIT.ok;
  },
};

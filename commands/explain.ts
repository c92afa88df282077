import { Routes, SlashCommandBuilder, type RawFile } from 'discord.js';
import { choice, localize } from '../src/bot/localize.js';
import { queueCall } from '../src/bot/queue-call.js';
import type { BotCommand, BotContext } from '../src/bot/types.js';
import { UserError } from '../src/errors.js';
import { isTopic, lessonTitle, topicSummary, TOPICS, type LessonPost } from '../src/lessons/catalog.js';
import { t } from '../src/locales/index.js';

/**
 * /explain topic -> a short public reply, and the lesson as a thread on it, one post at a time.
 * Posts go through the bot token (REST), not the interaction token: a thread outlives the
 * interaction's 15 minutes, and the channel cache is not needed.
 */

const data = localize(new SlashCommandBuilder(), {
  en: { name: 'explain', description: 'A lesson about neural networks, posted as a thread with real numbers and pictures' },
  'pt-BR': { name: 'explicar', description: 'Uma lição sobre redes neurais, postada numa thread com números de verdade e imagens' },
}).addStringOption((o) =>
  localize(o, { en: { name: 'topic', description: 'What to learn about' }, 'pt-BR': { name: 'topico', description: 'O que aprender' } })
    .setRequired(true)
    // The lesson titles are at most 100 characters, Discord's limit for a choice name.
    .addChoices(...TOPICS.map((topic) => choice(topic, lessonTitle(topic, 'en'), lessonTitle(topic, 'pt-BR')))),
);

/** Discord keeps a quiet thread visible for a day. */
const THREAD_ARCHIVE_MINUTES = 1440;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function filesOf(post: LessonPost): RawFile[] {
  return post.images.map((image) => ({ name: image.filename, data: image.png, contentType: 'image/png' }));
}

/** Posts each lesson post in the thread, in order, with a pause so it reads like a thread. */
async function postLesson(ctx: BotContext, threadId: string, posts: readonly LessonPost[]): Promise<void> {
  for (const [i, post] of posts.entries()) {
    if (i > 0 && ctx.postPauseMs > 0) await sleep(ctx.postPauseMs);
    await ctx.client.rest.post(Routes.channelMessages(threadId), {
      body: { content: post.content, ...(post.images.length > 0 ? { attachments: post.images.map((image, id) => ({ id, filename: image.filename, description: image.description?.slice(0, 1024) })) } : {}) },
      files: filesOf(post),
    });
  }
}

export const explainCommand: BotCommand = {
  data,
  async execute(interaction, ctx, locale) {
    const topic = interaction.options.getString('topic', true);
    if (!isTopic(topic)) throw new UserError('lessons.unknownTopic', { topic, allowed: TOPICS.join(', ') });
    // A lesson not cached yet is built by a worker (a second or two): acknowledge first.
    await interaction.deferReply();
    const posts = await queueCall(ctx.lessons.get(topic, locale), ctx.config.LESSON_TIMEOUT_MS + 5_000);
    const title = lessonTitle(topic, locale);
    const reply = await interaction.editReply({
      content: t(locale, 'bot.explain.intro', { title, summary: topicSummary(topic, locale).replace(/[.!]\s*$/, ''), count: posts.length }),
    });
    let threadId: string | undefined;
    try {
      const thread = (await ctx.client.rest.post(Routes.threads(reply.channelId, reply.id), {
        body: { name: title, auto_archive_duration: THREAD_ARCHIVE_MINUTES },
      })) as { id: string };
      threadId = thread.id;
    } catch (error) {
      // Inside a thread or a DM no thread can start: the posts follow the reply instead.
      ctx.log.info({ err: (error as Error).message, topic }, 'explain: no thread here; posting follow-ups');
    }
    if (threadId) {
      await postLesson(ctx, threadId, posts);
      return;
    }
    for (const post of posts) {
      await interaction.followUp({ content: post.content, files: post.images.map((image) => ({ attachment: image.png, name: image.filename })) });
      if (ctx.postPauseMs > 0) await sleep(ctx.postPauseMs);
    }
  },
};

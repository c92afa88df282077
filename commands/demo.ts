import { Routes, SlashCommandBuilder, type REST } from 'discord.js';
import { choice, localize } from '../src/bot/localize.js';
import { DEMO_TRAINING, demoLessonPosts, demoText, predictionPost, readingPost, sourceLabel } from '../src/bot/demo.js';
import { queueCall } from '../src/bot/queue-call.js';
import type { BotCommand, BotContext } from '../src/bot/types.js';
import { UserError } from '../src/errors.js';
import { parseFailure, trainingPayloadSchema, trainingResultSchema, type TrainingPayloadInput, type TrainingResult } from '../src/jobs/index.js';
import { t } from '../src/locales/index.js';
import { trainRequestSchema } from '../src/training/request.js';

/**
 * /demo topic:stroke — the community demo as one guided thread:
 *
 *   reply (intro) ── thread ── 3 lesson posts
 *                           ├─ "now a live training"
 *                           ├─ the live message: progress, then results + pictures (edited by the delivery)
 *                           ├─ the story of the run, ending with its honest verdict (posted by the delivery;
 *                           │  without a story, the demo's own reading: AUC, recall, accuracy beside the baseline)
 *                           ├─ a prediction for an example patient, with the disclaimer
 *                           └─ what to try next
 *
 * The live message is a message the bot posts in the thread, not the interaction's reply, so the
 * training's payload targets it by channel and message id with the bot token only (its
 * `tokenExpiresAt` is 0): the delivery's editOriginal then skips the interaction-token path, which
 * would edit the intro reply instead. Bot-token edits also keep working past the interaction
 * token's 15 minutes, and the interaction token is not written to Redis for nothing.
 */

/** Stands in for the interaction token in the payload: the delivery never uses it (see above). */
const BOT_TOKEN_ONLY = 'unused:bot-token-edits';
/** How often the tour looks at its job while it waits (one Redis read). */
const POLL_MS = 500;
/** Longest wait for the delivery to show the result and the run's story before the tour continues below them. */
const DELIVERY_WAIT_MS = 30_000;

const data = localize(new SlashCommandBuilder(), {
  en: { name: 'demo', description: 'A guided tour in a thread: lessons, a live training on stroke data, pictures, a prediction' },
  'pt-BR': { name: 'demo', description: 'Um passeio guiado numa thread: lições, um treino ao vivo com dados de AVC, imagens, uma previsão' },
}).addStringOption((o) =>
  localize(o, { en: { name: 'topic', description: 'Which tour' }, 'pt-BR': { name: 'tema', description: 'Qual passeio' } }).addChoices(choice('stroke', 'stroke (AVC)', 'AVC (stroke)')),
);

type Outcome = { kind: 'completed'; result: TrainingResult } | { kind: 'failed' };

/**
 * Waits for the tour's job by reading its state (the bot's context has the queue, not its event
 * stream; one read every half second for one job is nothing). A job that disappeared was cancelled
 * while queued.
 */
async function waitForJob(ctx: BotContext, jobId: string, timeoutMs: number): Promise<Outcome> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const job = await ctx.queue.queue.getJob(jobId);
    if (!job) return { kind: 'failed' };
    const state = await job.getState();
    if (state === 'completed') return { kind: 'completed', result: trainingResultSchema.parse(job.returnvalue) };
    if (state === 'failed') {
      ctx.log.info({ jobId, failure: parseFailure(job.failedReason ?? '').kind }, 'demo: the training failed');
      return { kind: 'failed' };
    }
    await sleep(POLL_MS);
  }
  ctx.log.warn({ jobId }, 'demo: gave up waiting for the training');
  return { kind: 'failed' };
}

/** Posts in the thread, pausing after each post so it reads as a thread (@discordjs/rest keeps Discord's rate limits anyway). */
function poster(rest: REST, threadId: string, pauseMs: number) {
  return async (content: string): Promise<string> => {
    const message = (await rest.post(Routes.channelMessages(threadId), { body: { content } })) as { id: string };
    if (pauseMs > 0) await sleep(pauseMs);
    return message.id;
  };
}

export const demoCommand: BotCommand = {
  data,
  async execute(interaction, ctx, locale) {
    const text = demoText(locale);
    await interaction.deferReply();
    const reply = await interaction.editReply({ content: text.intro(sourceLabel(ctx.config.STROKE_CSV, locale)) });
    const rest = ctx.client.rest;
    const thread = (await rest.post(Routes.threads(interaction.channelId, reply.id), {
      body: { name: text.threadName.slice(0, 100), auto_archive_duration: 1440 },
    })) as { id: string };
    const post = poster(rest, thread.id, ctx.postPauseMs);

    for (const lesson of await queueCall(demoLessonPosts(ctx.lessons, locale), ctx.config.LESSON_TIMEOUT_MS + 5_000)) await post(lesson);
    await post(text.trainingIntro);
    const liveId = await post(t(locale, 'bot.starting', { dataset: DEMO_TRAINING.dataset }));

    const payload: TrainingPayloadInput = {
      request: trainRequestSchema.parse(DEMO_TRAINING),
      requester: { userId: interaction.user.id, ...(interaction.guildId ? { guildId: interaction.guildId } : {}), channelId: interaction.channelId, locale },
      replyTarget: { applicationId: interaction.applicationId, interactionToken: BOT_TOKEN_ONLY, channelId: thread.id, messageId: liveId, tokenExpiresAt: 0, inThread: true },
      requestedAt: Date.now(),
    };
    let jobId: string;
    try {
      jobId = (await ctx.queue.enqueueTraining(payload)).jobId;
    } catch (error) {
      // A quota or an unreachable queue: say so where the training would have been.
      const reason = error instanceof UserError ? error.localized(locale) : t(locale, 'bot.redisDown');
      await rest.patch(Routes.channelMessage(thread.id, liveId), { body: { content: text.quota(reason) } });
      if (!(error instanceof UserError)) ctx.log.error({ err: (error as Error).message }, 'demo: could not queue the training');
      return;
    }
    ctx.delivery.follow(jobId, trainingPayloadSchema.parse(payload));

    const outcome = await waitForJob(ctx, jobId, ctx.config.JOB_TIMEOUT_MS * ctx.config.JOB_ATTEMPTS + 120_000);
    if (outcome.kind === 'failed') {
      await post(text.failed);
      return;
    }
    // The delivery puts the results and pictures on the live message, then the story of the run
    // (with its honest verdict) below it in this thread: let it finish so the tour reads in order.
    await settledWithin(ctx.delivery.idle(), DELIVERY_WAIT_MS);
    const { summary, modelId } = outcome.result;
    // Without a story (pictures off, or it expired) the verdict is said here instead.
    const story = await ctx.store.story(modelId);
    if (!story || story.length === 0) await post(readingPost(summary, locale));
    const model = await ctx.store.loadModel(modelId);
    if (model) await post(predictionPost(model, summary, { modelId, userId: interaction.user.id }, locale));
    await post(text.outro);
  },
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for `promise` at most `ms`; the timer never holds the process open (a bot shutting down must not wait for it). */
function settledWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
    timer.unref();
  });
  return Promise.race([promise.then(() => undefined, () => undefined), limit]).finally(() => clearTimeout(timer));
}

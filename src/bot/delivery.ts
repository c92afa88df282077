import { DiscordAPIError, Routes, type REST, type RawFile } from 'discord.js';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { parseFailure, trainingPayloadSchema, type Failure, type StoryPost, type TrainingPayload, type TrainingProgress, type TrainingQueue, type TrainingResult, type TrainingEvents } from '../jobs/index.js';
import { t } from '../locales/index.js';
import { failureMessage, progressMessage, resultMessage, PROGRESS_EDIT_INTERVAL_MS, type MessageBody } from './messages.js';

/**
 * Delivery: everything the bot shows about a job after it was queued, driven by the queue's events.
 *
 * - Progress edits the reply at most once per PROGRESS_EDIT_INTERVAL_MS per job (the latest progress
 *   wins; nothing queues up behind a slow edit).
 * - Results and failures are delivered exactly once, even with a restarted or second bot process: a
 *   Redis marker is claimed first (SET NX).
 * - Nothing depends on the interaction object: the reply target (application id, token, channel and
 *   message ids) is in the job's payload, so a bot restarted mid-job still delivers. While the
 *   interaction token lives (15 minutes) edits go through it; after that through the bot token.
 */

export interface DeliveryDeps {
  rest: REST;
  queue: TrainingQueue;
  events: TrainingEvents;
  config: Config;
  log: Logger;
  /** The story posts stored with a model (null when there is none). */
  storyOf: (modelId: string) => Promise<StoryPost[] | null>;
  /** Pause between two posts of a thread, so it reads like a thread and stays under rate limits. */
  postPauseMs: number;
  now?: () => number;
}

interface Tracked {
  payload: TrainingPayload;
  /** When the last progress edit was answered: the next may only start PROGRESS_EDIT_INTERVAL_MS later. */
  lastEditDoneAt: number;
  /** The newest progress not shown yet (older ones are simply replaced). */
  pending: TrainingProgress | null;
  /** A progress edit is waiting in the chain. */
  flushQueued: boolean;
  /** Edits of one job run one after another, in order. */
  chain: Promise<void>;
  finished: boolean;
}

export interface Delivery {
  /** Follow a job just queued (the payload holds where to answer). */
  follow(jobId: string, payload: TrainingPayload): void;
  /** After a (re)start: follow live jobs and deliver finished ones nobody delivered yet. */
  resume(): Promise<void>;
  /** Resolves when every started delivery is done (for tests and shutdown). */
  idle(): Promise<void>;
  close(): void;
}

const DELIVERED_TTL_SECONDS = 7 * 86_400;
/** Results (with their pictures) being delivered at once; the others wait their turn. */
const RESULTS_IN_FLIGHT = 3;
/** Stop using the interaction token a little before it expires: an edit in flight must not fail. */
const TOKEN_MARGIN_MS = 30_000;

export function createDelivery(deps: DeliveryDeps): Delivery {
  const { rest, queue, events, config, log } = deps;
  const now = deps.now ?? Date.now;
  const tracked = new Map<string, Tracked>();
  const inFlight = new Set<Promise<unknown>>();
  const resultSlots = createLimiter(RESULTS_IN_FLIGHT);
  const deliveredKey = (jobId: string) => `${config.QUEUE_PREFIX}:delivered:${jobId}`;

  const remember = <T>(promise: Promise<T>): Promise<T> => {
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise)).catch(() => undefined);
    return promise;
  };

  function track(jobId: string, payload: TrainingPayload): Tracked {
    let entry = tracked.get(jobId);
    if (!entry) {
      entry = { payload, lastEditDoneAt: 0, pending: null, flushQueued: false, chain: Promise.resolve(), finished: false };
      tracked.set(jobId, entry);
    }
    return entry;
  }

  /** The job's entry, loading its payload from the queue when another bot process queued it. */
  async function entryOf(jobId: string): Promise<Tracked | null> {
    const known = tracked.get(jobId);
    if (known) return known;
    const job = await queue.queue.getJob(jobId);
    const parsed = trainingPayloadSchema.safeParse(job?.data);
    return parsed.success ? track(jobId, parsed.data) : null;
  }

  function enqueueEdit(entry: Tracked, work: () => Promise<void>): Promise<void> {
    entry.chain = entry.chain.then(work).catch((error) => log.warn({ err: describe(error) }, 'delivery: a Discord call failed'));
    return remember(entry.chain);
  }

  /** Edits the original reply: with the interaction token while it lives, else with the bot token. */
  async function editOriginal(payload: TrainingPayload, body: MessageBody, files: RawFile[] = []): Promise<string | undefined> {
    const target = payload.replyTarget;
    const data = { ...body, ...(files.length > 0 ? { attachments: files.map((f, id) => ({ id, filename: f.name })) } : {}) };
    if (now() < target.tokenExpiresAt - TOKEN_MARGIN_MS) {
      try {
        const message = (await rest.patch(Routes.webhookMessage(target.applicationId, target.interactionToken, '@original'), {
          body: data,
          files,
          auth: false,
        })) as { id: string };
        return message.id;
      } catch (error) {
        if (!isExpiredToken(error)) throw error;
        // Never try a dead token again: each refused request counts towards Discord's invalid-request ban.
        target.tokenExpiresAt = 0;
      }
    }
    if (!target.messageId) throw new Error('the interaction token expired and the reply message id is unknown');
    await rest.patch(Routes.channelMessage(target.channelId, target.messageId), { body: data, files });
    return target.messageId;
  }

  /**
   * Shows the newest progress, spacing edits by the interval measured from when the previous edit
   * was answered (not sent): a request that waited in the REST queue must not bunch up with the next.
   */
  function onProgress(jobId: string, progress: TrainingProgress): void {
    void remember(
      entryOf(jobId).then((entry) => {
        if (!entry || entry.finished) return;
        entry.pending = progress;
        if (entry.flushQueued) return;
        entry.flushQueued = true;
        void enqueueEdit(entry, async () => {
          const wait = entry.lastEditDoneAt + PROGRESS_EDIT_INTERVAL_MS - now();
          if (wait > 0) await sleep(wait);
          entry.flushQueued = false;
          const latest = entry.pending;
          entry.pending = null;
          if (!latest || entry.finished) return;
          await editOriginal(entry.payload, progressMessage(jobId, entry.payload.request.dataset, latest, entry.payload.requester.locale));
          entry.lastEditDoneAt = now();
        });
      }),
    );
  }

  /** Claims the one delivery of a finished job; false when someone else has it. */
  async function claim(jobId: string, entry: Tracked): Promise<boolean> {
    if (entry.finished) return false;
    entry.finished = true;
    entry.pending = null;
    const claimed = await queue.redis.set(deliveredKey(jobId), '1', 'EX', DELIVERED_TTL_SECONDS, 'NX');
    return claimed === 'OK';
  }

  async function deliverResult(jobId: string, result: TrainingResult): Promise<void> {
    const entry = await entryOf(jobId);
    if (!entry || !(await claim(jobId, entry))) return;
    const { payload } = entry;
    const locale = payload.requester.locale;
    // A result carries megabytes of pictures: only a few are held in memory at once, however many
    // jobs finish together (Discord's rate limits would queue the uploads anyway).
    await resultSlots.run(async () => {
      const images = await queue.store.images(result.modelId);
      const ordered = result.imageNames.map((name) => images.find((i) => i.name === name)).filter((i) => i !== undefined);
      const files = ordered.map((image) => fileOf(image.name, image.png));
      const body = resultMessage({ modelId: result.modelId, summary: result.summary, imageNames: ordered.map((i) => i.name), ttlDays: config.MODEL_TTL_DAYS, locale });
      await enqueueEdit(entry, async () => {
        const messageId = await editOriginal(payload, body, files);
        const story = await deps.storyOf(result.modelId);
        if (story && story.length > 0 && messageId) await postThread(payload, messageId, t(locale, 'bot.story.title', { dataset: payload.request.dataset }), story, result.modelId);
      });
    });
    tracked.delete(jobId);
  }

  async function postThread(payload: TrainingPayload, messageId: string, name: string, posts: StoryPost[], modelId: string): Promise<void> {
    // Already in a thread (no threads in threads on Discord): the story continues there.
    const thread = payload.replyTarget.inThread
      ? { id: payload.replyTarget.channelId }
      : ((await rest.post(Routes.threads(payload.replyTarget.channelId, messageId), {
          body: { name: name.slice(0, 100), auto_archive_duration: 1440 },
        })) as { id: string });
    for (const post of posts) {
      const files: RawFile[] = [];
      for (const imageName of post.images) {
        const png = await queue.store.image(modelId, imageName);
        if (png) files.push(fileOf(imageName, png));
      }
      await rest.post(Routes.channelMessages(thread.id), { body: { content: post.content.slice(0, 2000) }, files });
      if (deps.postPauseMs > 0) await sleep(deps.postPauseMs);
    }
  }

  async function deliverFailure(jobId: string, failure: Failure): Promise<void> {
    const entry = await entryOf(jobId);
    if (!entry || !(await claim(jobId, entry))) return;
    const job = await queue.queue.getJob(jobId);
    const body = failureMessage({
      dataset: entry.payload.request.dataset,
      failure,
      attempts: job?.attemptsMade ?? config.JOB_ATTEMPTS,
      jobTimeoutMs: config.JOB_TIMEOUT_MS,
      locale: entry.payload.requester.locale,
    });
    await enqueueEdit(entry, async () => void (await editOriginal(entry.payload, body)));
    tracked.delete(jobId);
  }

  async function deliverRemoved(jobId: string): Promise<void> {
    const entry = tracked.get(jobId);
    if (!entry || !(await claim(jobId, entry))) return;
    const body = failureMessage({ dataset: entry.payload.request.dataset, failure: { kind: 'cancelled' }, attempts: 0, jobTimeoutMs: config.JOB_TIMEOUT_MS, locale: entry.payload.requester.locale });
    await enqueueEdit(entry, async () => void (await editOriginal(entry.payload, body)));
    tracked.delete(jobId);
  }

  const unsubscribe = [
    events.onProgress(onProgress),
    events.onCompleted((jobId, result) => void remember(deliverResult(jobId, result).catch((error) => log.error({ err: describe(error), jobId }, 'delivery of a result failed')))),
    events.onFailed((jobId, failure) => void remember(deliverFailure(jobId, failure).catch((error) => log.error({ err: describe(error), jobId }, 'delivery of a failure failed')))),
    events.onRemoved((jobId) => void remember(deliverRemoved(jobId).catch((error) => log.error({ err: describe(error), jobId }, 'delivery of a cancel failed')))),
  ];

  return {
    follow(jobId, payload) {
      track(jobId, payload);
    },
    async resume() {
      const live = await queue.queue.getJobs(['active', 'waiting', 'delayed', 'prioritized'], 0, 1000);
      for (const job of live) {
        const parsed = trainingPayloadSchema.safeParse(job?.data);
        if (job?.id && parsed.success) track(job.id, parsed.data);
      }
      const finished = await queue.queue.getJobs(['completed', 'failed'], 0, 200);
      for (const job of finished) {
        if (!job?.id || (await queue.redis.exists(deliveredKey(job.id)))) continue;
        const parsed = trainingPayloadSchema.safeParse(job.data);
        if (!parsed.success) continue;
        track(job.id, parsed.data);
        if (job.finishedOn && job.returnvalue) {
          await deliverResult(job.id, job.returnvalue as TrainingResult).catch((error) => log.error({ err: describe(error) }, 'resume: result delivery failed'));
        } else if (job.failedReason) {
          await deliverFailure(job.id, parseFailure(job.failedReason)).catch((error) => log.error({ err: describe(error) }, 'resume: failure delivery failed'));
        }
      }
      log.info({ following: tracked.size }, 'delivery resumed');
    },
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    close() {
      for (const stop of unsubscribe) stop();
      tracked.clear();
    },
  };
}

/** A stored picture as an attachment: names without an extension are PNGs ("loss-curve"), others say theirs ("training.gif"). */
export function fileOf(name: string, bytes: Buffer): RawFile {
  if (/\.gif$/i.test(name)) return { name, data: bytes, contentType: 'image/gif' };
  return { name: /\.png$/i.test(name) ? name : `${name}.png`, data: bytes, contentType: 'image/png' };
}

/**
 * Runs at most `slots` tasks at a time, the others in arrival order.
 * @example const limit = createLimiter(2); await Promise.all(tasks.map((task) => limit.run(task)));
 */
export function createLimiter(slots: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (running >= slots) await new Promise<void>((resolve) => waiting.push(resolve));
      running++;
      try {
        return await task();
      } finally {
        running--;
        waiting.shift()?.();
      }
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function isExpiredToken(error: unknown): boolean {
  return error instanceof DiscordAPIError && (error.code === 50027 || error.status === 401);
}

/** An error for the logs without anything secret (a DiscordAPIError's URL holds the interaction token). */
function describe(error: unknown): string {
  if (error instanceof DiscordAPIError) return `${error.status} ${error.code} ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { loadModel, type LoadedModel, type ModelFile } from '../engine/index.js';
import { UserError } from '../errors.js';
import { keysOf } from './names.js';
import { compactSummarySchema, requesterSchema } from './schemas.js';

/**
 * The model store: everything a finished training leaves behind, in Redis with a TTL. One hash per
 * model (fields: meta, model, history, image:<name>) so one EXPIRE and one DEL cover it all, plus
 * sorted-set indexes by user, by guild, and a per-guild leaderboard. The bot's /models,
 * /leaderboard and /predict read from here; uploads wait here for their job.
 */

export const storedModelMetaSchema = z.object({
  modelId: z.string(),
  jobId: z.string(),
  owner: requesterSchema.pick({ userId: true, guildId: true, channelId: true, locale: true }),
  /** The dataset name as requested ("stroke", "xor", or an upload's name). */
  dataset: z.string(),
  /** True for a built-in dataset: only those rank on a leaderboard (uploads are not comparable). */
  builtin: z.boolean(),
  summary: compactSummarySchema,
  imageNames: z.array(z.string()),
  createdAt: z.number().int(),
  expiresAt: z.number().int(),
});
export type StoredModelMeta = z.output<typeof storedModelMetaSchema>;

/** The loss curves per epoch, kept beside the model for lessons and pictures redrawn later. */
export const storedHistorySchema = z.object({
  /** 1-based epoch of each point (all epochs, or an even thinning of them when too long to keep). */
  epochs: z.array(z.number().int()),
  trainLoss: z.array(z.number().nullable()),
  validationLoss: z.array(z.number().nullable()),
});
export type StoredHistory = z.output<typeof storedHistorySchema>;

/** One post of the story thread of a run: its text and the names of its stored pictures. */
export const storyPostSchema = z.object({ content: z.string().max(2000), images: z.array(z.string()) });
export type StoryPost = z.output<typeof storyPostSchema>;

export interface ModelToStore {
  meta: Omit<StoredModelMeta, 'createdAt' | 'expiresAt' | 'imageNames'>;
  model: ModelFile;
  history: { trainLoss: readonly number[]; validationLoss: readonly number[] };
  images: readonly { name: string; png: Buffer }[];
  /** The story of the run (posted as a thread), with its own pictures (kept beside the others, not listed in meta.imageNames). */
  story?: readonly { content: string; images: readonly { name: string; png: Buffer }[] }[];
}

export interface ModelStoreOptions {
  prefix: string;
  ttlDays: number;
  /** Largest single value written (a picture over it is skipped; a model over it is refused). */
  maxValueBytes: number;
  uploadTtlHours: number;
}

export interface LeaderboardEntry {
  rank: number;
  auc: number;
  meta: StoredModelMeta;
}

export type DeleteOutcome = 'deleted' | 'not-found' | 'forbidden';

/** Who is asking to delete: the owner, or a member with Manage Server in the model's guild. */
export interface Actor {
  userId: string;
  guildId?: string;
  canManageGuild?: boolean;
}

/** A JSON number that JSON itself cannot hold (NaN, Infinity) becomes null. */
const finiteOrNull = (n: number) => (Number.isFinite(n) ? n : null);

/**
 * The history as stored: every epoch when it fits in `maxBytes`, else an even thinning that keeps
 * the first and the last epoch (the curve looks the same; the numbers at kept epochs are exact).
 */
export function compactHistory(history: ModelToStore['history'], maxBytes: number): StoredHistory {
  const n = history.trainLoss.length;
  const build = (step: number): StoredHistory => {
    const epochs: number[] = [];
    for (let i = 0; i < n; i += step) epochs.push(i + 1);
    if (n > 0 && epochs[epochs.length - 1] !== n) epochs.push(n);
    return {
      epochs,
      trainLoss: epochs.map((e) => finiteOrNull(history.trainLoss[e - 1])),
      validationLoss: history.validationLoss.length === n ? epochs.map((e) => finiteOrNull(history.validationLoss[e - 1])) : [],
    };
  };
  let step = 1;
  let stored = build(step);
  // About 20 bytes per number and 3 numbers per point: start from a step that probably fits.
  while (Buffer.byteLength(JSON.stringify(stored)) > maxBytes && step < n) {
    step = Math.max(step * 2, Math.ceil((n * 60) / maxBytes));
    stored = build(step);
  }
  return stored;
}

export function createModelStore(redis: Redis, options: ModelStoreOptions) {
  const keys = keysOf(options.prefix);
  const ttlSeconds = options.ttlDays * 86_400;
  const fits = (value: string | Buffer) => Buffer.byteLength(value) <= options.maxValueBytes;

  async function metaOf(modelId: string): Promise<StoredModelMeta | null> {
    const json = await redis.hget(keys.model(modelId), 'meta');
    return json ? storedModelMetaSchema.parse(JSON.parse(json)) : null;
  }

  /** Metas of ids from an index, newest first; ids whose model expired are dropped from the index. */
  async function metasOf(indexKey: string, ids: string[]): Promise<StoredModelMeta[]> {
    if (ids.length === 0) return [];
    const pipeline = redis.pipeline();
    for (const id of ids) pipeline.hget(keys.model(id), 'meta');
    const replies = (await pipeline.exec()) ?? [];
    const metas: StoredModelMeta[] = [];
    const gone: string[] = [];
    replies.forEach(([, json], i) => {
      if (typeof json === 'string') metas.push(storedModelMetaSchema.parse(JSON.parse(json)));
      else gone.push(ids[i]);
    });
    if (gone.length > 0) await redis.zrem(indexKey, ...gone);
    return metas;
  }

  return {
    /**
     * Stores a trained model under `meta.modelId` (idempotent: a retried job overwrites its own
     * entry). Pictures over the size cap are skipped and not listed; the stored names are returned.
     * @throws UserError 'jobs.store.tooLarge' when the model JSON itself is over the cap
     */
    async put(entry: ModelToStore): Promise<StoredModelMeta> {
      const modelJson = JSON.stringify(entry.model);
      if (!fits(modelJson)) throw new UserError('jobs.store.tooLarge', { size: Buffer.byteLength(modelJson), limit: options.maxValueBytes });
      const history = JSON.stringify(compactHistory(entry.history, options.maxValueBytes));
      const images = entry.images.filter((image) => fits(image.png));
      const createdAt = Date.now();
      const meta: StoredModelMeta = { ...entry.meta, imageNames: images.map((i) => i.name), createdAt, expiresAt: createdAt + ttlSeconds * 1000 };
      const metaJson = JSON.stringify(meta);
      if (!fits(metaJson)) throw new UserError('jobs.store.tooLarge', { size: Buffer.byteLength(metaJson), limit: options.maxValueBytes });

      const key = keys.model(meta.modelId);
      const fields: (string | Buffer)[] = ['meta', metaJson, 'model', modelJson, 'history', history];
      for (const image of images) fields.push(`image:${image.name}`, image.png);
      if (entry.story && entry.story.length > 0) {
        const posts: StoryPost[] = entry.story.map((post) => {
          const kept = post.images.filter((image) => fits(image.png));
          for (const image of kept) fields.push(`image:${image.name}`, image.png);
          return { content: post.content, images: kept.map((image) => image.name) };
        });
        const storyJson = JSON.stringify(posts);
        if (fits(storyJson)) fields.push('story', storyJson);
      }
      const tx = redis.multi().del(key).hset(key, ...fields).expire(key, ttlSeconds);
      const indexes = [keys.userModels(meta.owner.userId), ...(meta.owner.guildId ? [keys.guildModels(meta.owner.guildId)] : [])];
      for (const index of indexes) {
        // Entries older than the TTL point at expired models: trim them while we are here.
        tx.zadd(index, createdAt, meta.modelId).zremrangebyscore(index, '-inf', createdAt - ttlSeconds * 1000).expire(index, ttlSeconds);
      }
      const auc = meta.summary.metrics.auc;
      if (meta.owner.guildId && meta.builtin && auc !== null) {
        const board = keys.leaderboard(meta.owner.guildId, meta.dataset);
        tx.zadd(board, auc, meta.modelId).expire(board, ttlSeconds);
      }
      await tx.exec();
      return meta;
    },

    meta: metaOf,

    /** The model file as stored (JSON text), or null when it expired. */
    async modelJson(modelId: string): Promise<string | null> {
      return redis.hget(keys.model(modelId), 'model');
    },

    /** The model ready to predict (network, preprocessing, metadata), or null when it expired. */
    async loadModel(modelId: string): Promise<LoadedModel | null> {
      const json = await redis.hget(keys.model(modelId), 'model');
      return json === null ? null : loadModel(json);
    },

    /** The story posts of a run, or null when it has none (or expired). */
    async story(modelId: string): Promise<StoryPost[] | null> {
      const json = await redis.hget(keys.model(modelId), 'story');
      return json === null ? null : z.array(storyPostSchema).parse(JSON.parse(json));
    },

    async history(modelId: string): Promise<StoredHistory | null> {
      const json = await redis.hget(keys.model(modelId), 'history');
      return json === null ? null : storedHistorySchema.parse(JSON.parse(json));
    },

    /** One picture's PNG bytes, or null. */
    async image(modelId: string, name: string): Promise<Buffer | null> {
      return redis.hgetBuffer(keys.model(modelId), `image:${name}`);
    },

    /** Every stored picture, in display order. */
    async images(modelId: string): Promise<{ name: string; png: Buffer }[]> {
      const meta = await metaOf(modelId);
      if (!meta) return [];
      const out: { name: string; png: Buffer }[] = [];
      for (const name of meta.imageNames) {
        const png = await redis.hgetBuffer(keys.model(modelId), `image:${name}`);
        if (png) out.push({ name, png });
      }
      return out;
    },

    /** A user's models, newest first. */
    async listByUser(userId: string, limit = 25): Promise<StoredModelMeta[]> {
      const index = keys.userModels(userId);
      return metasOf(index, await redis.zrevrange(index, 0, limit - 1));
    },

    /** A guild's models, newest first. */
    async listByGuild(guildId: string, limit = 25): Promise<StoredModelMeta[]> {
      const index = keys.guildModels(guildId);
      return metasOf(index, await redis.zrevrange(index, 0, limit - 1));
    },

    /**
     * The guild's best runs on a built-in dataset (default: stroke), by AUC on held-out test rows,
     * highest first. Expired models drop out.
     */
    async leaderboard(guildId: string, { dataset = 'stroke', limit = 10 }: { dataset?: string; limit?: number } = {}): Promise<LeaderboardEntry[]> {
      const board = keys.leaderboard(guildId, dataset);
      const ids = await redis.zrevrange(board, 0, limit - 1);
      const metas = await metasOf(board, ids);
      return metas.map((meta, i) => ({ rank: i + 1, auc: meta.summary.metrics.auc ?? Number.NaN, meta }));
    },

    /** Deletes a model and its index entries, if `actor` owns it or manages its guild. */
    async delete(modelId: string, actor: Actor): Promise<DeleteOutcome> {
      const meta = await metaOf(modelId);
      if (!meta) return 'not-found';
      const manages = actor.canManageGuild === true && meta.owner.guildId !== undefined && actor.guildId === meta.owner.guildId;
      if (meta.owner.userId !== actor.userId && !manages) return 'forbidden';
      const tx = redis.multi().del(keys.model(modelId)).zrem(keys.userModels(meta.owner.userId), modelId);
      if (meta.owner.guildId) tx.zrem(keys.guildModels(meta.owner.guildId), modelId).zrem(keys.leaderboard(meta.owner.guildId, meta.dataset), modelId);
      await tx.exec();
      return 'deleted';
    },

    /**
     * Keeps an uploaded CSV for its job (jobs carry only this key, never the bytes).
     * @throws UserError 'jobs.upload.tooLarge'
     */
    async putUpload(bytes: Uint8Array): Promise<string> {
      if (bytes.byteLength > options.maxValueBytes) throw new UserError('jobs.upload.tooLarge', { size: bytes.byteLength, limit: options.maxValueBytes });
      const key = randomBytes(12).toString('base64url');
      await redis.set(keys.upload(key), Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'EX', options.uploadTtlHours * 3600);
      return key;
    },

    /**
     * An upload's bytes.
     * @throws UserError 'jobs.upload.missing' when it expired (or never existed)
     */
    async getUpload(key: string): Promise<Buffer> {
      const bytes = await redis.getBuffer(keys.upload(key));
      if (!bytes) throw new UserError('jobs.upload.missing', { hours: options.uploadTtlHours });
      return bytes;
    },

    async deleteUpload(key: string): Promise<void> {
      await redis.del(keys.upload(key));
    },
  };
}
export type ModelStore = ReturnType<typeof createModelStore>;

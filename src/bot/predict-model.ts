import { readFile } from 'node:fs/promises';
import { parsePreprocessing, type Preprocessing } from '../data/index.js';
import { loadModel, type Network } from '../engine/index.js';
import { UserError } from '../errors.js';
import type { ModelStore, StoredModelMeta } from '../jobs/index.js';
import type { ModelSource } from './predict-message.js';
import { queueCall } from './queue-call.js';

/**
 * Which stroke model /predict uses: the one named, else the guild's latest stroke run, else the
 * bundled model (trained on generated rows, shipped with the bot).
 */

/** The id a user may type to ask for the bundled model explicitly. */
export const BUNDLED_MODEL_ID = 'bundled';

export interface PredictModel {
  network: Network;
  preprocessing: Preprocessing;
  threshold: number;
  auc: number | null;
  recall: number | null;
  synthetic: boolean;
  source: ModelSource;
}

/** Who asks: a model is visible to its owner and to members of the guild it was trained in. */
export interface Viewer {
  userId: string;
  guildId?: string;
}

export function canSeeModel(meta: Pick<StoredModelMeta, 'owner'>, viewer: Viewer): boolean {
  return meta.owner.userId === viewer.userId || (meta.owner.guildId !== undefined && meta.owner.guildId === viewer.guildId);
}

/** A run on the built-in stroke data (an upload named stroke.csv is not comparable, nor shaped alike for sure). */
export function isStrokeModel(meta: Pick<StoredModelMeta, 'dataset' | 'builtin'>): boolean {
  return meta.builtin && meta.dataset === 'stroke';
}

/** The newest stroke model of a list sorted newest first (as the store lists them). */
export function latestStrokeModel(metas: readonly StoredModelMeta[]): StoredModelMeta | undefined {
  return metas.find(isStrokeModel);
}

const numberOrNull = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

function fromModelFile(file: unknown, source: ModelSource): PredictModel {
  const loaded = loadModel(file);
  if (loaded.preprocessing === undefined) throw new UserError('engine.model.malformed', { problem: 'it has no preprocessing' });
  const metrics = (loaded.metadata.metrics ?? {}) as Record<string, unknown>;
  return {
    network: loaded.network,
    preprocessing: parsePreprocessing(loaded.preprocessing),
    threshold: numberOrNull(loaded.metadata.threshold) ?? 0.5,
    auc: numberOrNull(metrics.auc),
    recall: numberOrNull(metrics.recall),
    synthetic: loaded.metadata.synthetic === true,
    source,
  };
}

let bundled: Promise<PredictModel> | undefined;

/**
 * The bundled model: trained once on the generated stroke rows by `scripts/bundled-model.ts` and
 * shipped as a file (the bot never trains), read on first use and kept in memory.
 */
export function bundledStrokeModel(): Promise<PredictModel> {
  bundled ??= readFile(new URL('./bundled-stroke-model.json', import.meta.url), 'utf8')
    .then((text) => fromModelFile(text, { kind: 'bundled' }))
    .catch((error: unknown) => {
      bundled = undefined;
      throw error;
    });
  return bundled;
}

/**
 * The model to predict with.
 * @throws UserError 'bot.predict.unknownModel' (no such id, expired, or not visible to the viewer),
 *   'bot.predict.notStroke' (a model of another dataset), 'bot.redisDown' (the store does not answer)
 */
export async function choosePredictModel(store: ModelStore, modelId: string | null, viewer: Viewer): Promise<PredictModel> {
  if (modelId === BUNDLED_MODEL_ID) return bundledStrokeModel();
  if (modelId) {
    const meta = await queueCall(store.meta(modelId));
    // Someone else's model from another server answers like a missing one: ids are not a directory.
    if (!meta || !canSeeModel(meta, viewer)) throw new UserError('bot.predict.unknownModel', { modelId });
    if (!isStrokeModel(meta)) throw new UserError('bot.predict.notStroke', { modelId, dataset: meta.dataset });
    return storedModel(store, meta, { kind: 'given', modelId, ownerId: meta.owner.userId });
  }
  if (viewer.guildId) {
    const latest = latestStrokeModel(await queueCall(store.listByGuild(viewer.guildId, 50)));
    if (latest) return storedModel(store, latest, { kind: 'guild-latest', modelId: latest.modelId, ownerId: latest.owner.userId });
  }
  return bundledStrokeModel();
}

async function storedModel(store: ModelStore, meta: StoredModelMeta, source: ModelSource): Promise<PredictModel> {
  const json = await queueCall(store.modelJson(meta.modelId));
  if (json === null) throw new UserError('bot.predict.unknownModel', { modelId: meta.modelId });
  return fromModelFile(json, source);
}

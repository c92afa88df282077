/** Helpers the lesson generators share: formatting bound to a locale, small trainings, pictures. */
import type { Dataset } from '../../data/index.js';
import { createNetwork, targetsFromLabels, train, type Network, type NetworkSpecInput, type TrainOptions, type TrainResult } from '../../engine/index.js';
import type { Locale } from '../../locales/index.js';
import { renderDecisionBoundary, renderLossCurve, type LossHistory, type Theme } from '../../render/index.js';
import { formatCount, formatNumber, formatPercent, formatSetting } from '../format.js';
import type { LessonImage } from '../post.js';

/** Where a generator's pictures go and in which language. */
export interface RenderContext {
  locale: Locale;
  theme: Theme;
}

/** Number formatting bound to one locale, so generators read `f.n(value)`. */
export function formatters(locale: Locale) {
  return {
    n: (value: number, digits = 3) => formatNumber(value, locale, digits),
    pct: (share: number, digits = 1) => formatPercent(share, locale, digits),
    count: (value: number) => formatCount(value, locale),
    setting: (value: number) => formatSetting(value, locale),
  };
}

/** Rows of a generated 2-D set as engine training data (0/1 targets). */
export function binaryData(data: Dataset) {
  return { x: data.x, y: targetsFromLabels(data.labels, 1) };
}

/** Share of rows whose P(class 1) lands on the right side of 0.5. */
export function accuracyOf(net: Network, data: Dataset): number {
  const p = net.predict(data.x).data;
  let right = 0;
  for (let i = 0; i < data.labels.length; i++) if ((p[i] >= 0.5 ? 1 : 0) === data.labels[i]) right++;
  return right / data.labels.length;
}

/** Builds a seeded network and trains it on a binary 2-D set. */
export async function trainSmall(
  spec: NetworkSpecInput,
  data: Dataset,
  options: TrainOptions,
): Promise<{ net: Network; result: TrainResult }> {
  const net = createNetwork(spec);
  const result = await train(net, binaryData(data), options);
  return { net, result };
}

/** The decision boundary of a binary network over a 2-D set, as a lesson image. */
export async function boundaryImage(
  net: Network,
  data: Dataset,
  ctx: RenderContext,
  image: { filename: string; description: string; title?: string },
): Promise<LessonImage> {
  const png = await renderDecisionBoundary(
    {
      predict: (points, n) => net.predict({ rows: n, cols: 2, data: points }).data,
      points: { x: data.x.data, labels: data.labels },
      classNames: data.meta.classNames,
      featureNames: data.meta.featureNames,
    },
    { locale: ctx.locale, theme: ctx.theme, ...(image.title ? { title: image.title } : {}) },
  );
  return { filename: image.filename, png, description: image.description };
}

/** A loss curve as a lesson image. */
export async function lossCurveImage(history: LossHistory, ctx: RenderContext, image: { filename: string; description: string }): Promise<LessonImage> {
  const png = await renderLossCurve(history, { locale: ctx.locale, theme: ctx.theme });
  return { filename: image.filename, png, description: image.description };
}

/** A network whose weights are a copy of `net` at some earlier snapshot (for "before/after" pictures). */
export function networkAt(net: Network, params: ArrayLike<number>[]): Network {
  const copy = createNetwork(net.spec);
  copy.restore(params);
  return copy;
}

/**
 * A short animated GIF of training: the decision boundary or the weights, one frame per snapshot,
 * kept under Discord's 10 MiB attachment limit by thinning frames until it fits.
 */
import { createRequire } from 'node:module';
import { drawDecisionBoundary, resolveDomain } from './decision-boundary.js';
import { formatNumber, label } from './labels.js';
import { drawNetworkDiagram } from './network-diagram.js';
import { createPage } from './page.js';
import type { BoundaryInput, NetworkLike, RenderOptions, TrainingFrame } from './types.js';

// gifenc's ESM build exports the encoder itself as default while its CommonJS build exports an
// object of functions; requiring the CommonJS build gives one shape under Node and vitest alike.
const gifenc = createRequire(import.meta.url)('gifenc') as typeof import('gifenc');

/** Discord's limit for a bot's attachment is 10 MiB; leave room for the message around it. */
export const MAX_GIF_BYTES = 9.5 * 1024 * 1024;
const DEFAULT_MAX_FRAMES = 48;
/** Smaller than the PNGs: Discord shows a GIF at most ~550 px wide, and every pixel costs bytes in every frame. */
// Discord shows an attachment about 400-550 px wide on a phone: 480 px keeps the GIF small (it travels
// through Redis and the bot for every 2-D run) without visible loss.
const DEFAULT_GIF_WIDTH = 480;
const DESIGN_HEIGHTS = { boundary: 520, weights: 380 } as const;

export interface TrainingGifOptions extends RenderOptions {
  /** What each frame shows. 'boundary' needs `data` and frames with `predict`; 'weights' needs frames with `network`. */
  kind: 'boundary' | 'weights';
  /** Points, class names and feature names for the boundary animation. */
  data?: Omit<BoundaryInput, 'predict'>;
  featureNames?: readonly string[];
  classNames?: readonly string[];
  /** Milliseconds per frame; the last frame is held longer so the result can be read. */
  frameDelayMs?: number;
  /** Most frames kept (evenly spaced, always including the first and last snapshot). */
  maxFrames?: number;
  /** Byte budget; defaults to {@link MAX_GIF_BYTES}. */
  maxBytes?: number;
}

/** `count` evenly spaced items, including the first and the last. */
export function pickEvenly<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  if (count <= 1) return [items[items.length - 1]];
  return Array.from({ length: count }, (_, k) => items[Math.round((k * (items.length - 1)) / (count - 1))]);
}

function largestWeightOverFrames(frames: readonly TrainingFrame[]): number {
  let largest = 0;
  for (const frame of frames) {
    for (const layer of frame.network?.layers ?? []) {
      for (let i = 0; i < layer.weights.length; i++) largest = Math.max(largest, Math.abs(layer.weights[i]));
    }
  }
  return largest;
}

function frameTitle(frame: TrainingFrame, options: TrainingGifOptions): string {
  const epoch = label(options.locale, 'epochFrame', { epoch: frame.epoch });
  if (frame.loss === undefined || !Number.isFinite(frame.loss)) return epoch;
  return `${epoch} · ${label(options.locale, 'lossValue', { loss: formatNumber(options.locale, frame.loss, 3) })}`;
}

/** RGBA pixels of one frame. */
function drawFrame(frame: TrainingFrame, options: TrainingGifOptions, renderOptions: RenderOptions, weightScale: number): { rgba: Uint8ClampedArray; width: number; height: number } {
  const page = createPage(renderOptions, DESIGN_HEIGHTS[options.kind]);
  const title = frameTitle(frame, options);
  if (options.kind === 'boundary') {
    if (!frame.predict || !options.data) throw new TypeError('a boundary animation needs data and a predict function per frame');
    // A fixed domain, so the picture does not jump between frames.
    const domain = options.data.domain ?? resolveDomain(options.data);
    drawDecisionBoundary(page, { ...options.data, domain, predict: frame.predict }, { ...renderOptions, title });
  } else {
    if (!frame.network) throw new TypeError('a weights animation needs a network per frame');
    drawNetworkDiagram(page, frame.network as NetworkLike, {
      ...renderOptions,
      title,
      weightScale,
      ...(options.featureNames ? { featureNames: options.featureNames } : {}),
      ...(options.classNames ? { classNames: options.classNames } : {}),
    });
  }
  const { width, height } = page.canvas;
  const image = page.ctx.getImageData(0, 0, width, height);
  return { rgba: image.data, width, height };
}

async function encode(frames: readonly TrainingFrame[], options: TrainingGifOptions, width: number): Promise<Buffer> {
  const renderOptions: RenderOptions = { locale: options.locale, width, ...(options.theme ? { theme: options.theme } : {}) };
  const weightScale = largestWeightOverFrames(frames);
  const delay = options.frameDelayMs ?? 140;
  const gif = gifenc.GIFEncoder();
  for (const [k, frame] of frames.entries()) {
    // About 50 ms of work per frame: yield between frames so a worker keeps renewing its job lock.
    if (k > 0) await new Promise((resolve) => setImmediate(resolve));
    const { rgba, width: w, height: h } = drawFrame(frame, options, renderOptions, weightScale);
    // A palette per frame: colours shift as the boundary moves, and 256 colours suit flat pictures.
    const palette = gifenc.quantize(rgba, 256);
    const index = gifenc.applyPalette(rgba, palette);
    const last = k === frames.length - 1;
    gif.writeFrame(index, w, h, { palette, delay: last ? Math.max(delay, 2000) : delay, repeat: 0 });
  }
  gif.finish();
  return Buffer.from(gif.bytes());
}

/**
 * Animated GIF of the snapshots, in order of epoch.
 * @example await renderTrainingGif(frames, { locale: 'en', kind: 'boundary', data: { points, classNames } })
 */
export async function renderTrainingGif(frames: readonly TrainingFrame[], options: TrainingGifOptions): Promise<Buffer> {
  if (frames.length === 0) throw new RangeError('no frames to animate');
  const maxBytes = options.maxBytes ?? MAX_GIF_BYTES;
  const ordered = [...frames].sort((a, b) => a.epoch - b.epoch);
  let count = Math.max(1, options.maxFrames ?? DEFAULT_MAX_FRAMES);
  let width = options.width ?? DEFAULT_GIF_WIDTH;
  for (;;) {
    const bytes = await encode(pickEvenly(ordered, count), options, width);
    if (bytes.length <= maxBytes) return bytes;
    // Too big: fewer frames first (the story survives), then a smaller picture.
    if (count > 2) count = Math.max(2, Math.floor(count / 2));
    else if (width > 240) width = Math.round(width * 0.75);
    else throw new RangeError(`animation does not fit in ${maxBytes} bytes`);
  }
}

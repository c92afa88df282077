/**
 * Network diagram in the spirit of TensorFlow Playground: neurons as circles by layer, edges
 * coloured by the weight's sign and thickened by its magnitude, optionally neurons filled by one
 * sample's activations or by their backprop deltas ("blame").
 */
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { font, registerFonts } from './fonts.js';
import { formatNumber, label } from './labels.js';
import { createPage, drawLegendEntry, drawTitle, encodePng, fitText, fitTextMiddle, pageGeometry, TEXT, type Page } from './page.js';
import { mix, parseHex, textOn, toHex, type Palette } from './theme.js';
import type { NetworkLike, NeuronValues, RenderOptions } from './types.js';

const DESIGN_HEIGHT = 380;
/** Above this many units, a layer shows its first neurons, a gap, and its last one. */
export const DEFAULT_MAX_NEURONS = 10;
const MAX_RADIUS = 21;
/** Values are printed inside neurons only when the circle is at least this big. */
const MIN_RADIUS_FOR_VALUES = 16;
const HEADER_HEIGHT = 62;
const FOOTER_HEIGHT = 40;
const SIDE_LABEL_MAX = 120;

export type NetworkView = 'weights' | 'activations' | 'blame';

export interface NetworkDiagramOptions extends RenderOptions {
  /** One name per input, drawn left of the input neurons (default x1, x2, ...). */
  featureNames?: readonly string[];
  /** Class names: a single output is labelled P(classNames[1]); k outputs get one name each. */
  classNames?: readonly string[];
  /** What the neuron fill shows: nothing ('weights', default), one sample's activations, or its deltas. */
  view?: NetworkView;
  /** Neuron values for the 'activations' and 'blame' views. */
  sample?: NeuronValues;
  /** Most neurons drawn per layer; the rest are summarised as "+N more". */
  maxNeuronsPerLayer?: number;
  /**
   * The |weight| drawn at full thickness. Defaults to the largest |weight| in the network; an
   * animation passes one value for all frames so thickness changes mean weight changes.
   */
  weightScale?: number;
  /** Replaces the default title ("Network 2-4-1"), e.g. with an epoch number. */
  title?: string;
}

export interface NeuronPosition {
  /** Index of the unit in its layer. */
  unit: number;
  x: number;
  y: number;
}

export interface ColumnLayout {
  x: number;
  neurons: NeuronPosition[];
  /** Units not drawn, and where their "+N more" note sits. */
  hiddenCount: number;
  gapY?: number;
}

export interface NetworkLayout {
  /** Pixels per layout unit (positions below are in layout units). */
  scale: number;
  radius: number;
  /** Column 0 is the input layer, column l+1 the output of layer l. */
  columns: ColumnLayout[];
  leftLabelWidth: number;
  rightLabelWidth: number;
}

/** Which units of a layer are drawn: all of them, or the first ones and the last. */
export function visibleUnits(units: number, maxNeurons: number): number[] {
  if (units <= maxNeurons) return Array.from({ length: units }, (_, i) => i);
  const head = Array.from({ length: maxNeurons - 1 }, (_, i) => i);
  return [...head, units - 1];
}

function inputNames(network: NetworkLike, options: NetworkDiagramOptions): string[] {
  return Array.from({ length: network.inputs }, (_, i) => options.featureNames?.[i] ?? `x${i + 1}`);
}

function outputNames(network: NetworkLike, options: NetworkDiagramOptions): string[] {
  const units = network.layers[network.layers.length - 1]?.units ?? 0;
  const classes = options.classNames ?? [];
  if (units === 1) return [`P(${classes[1] ?? '1'})`];
  return Array.from({ length: units }, (_, j) => classes[j] ?? `y${j + 1}`);
}

function widestLabel(ctx: SKRSContext2D, texts: readonly string[], visible: readonly number[]): number {
  ctx.font = font(TEXT.label);
  let widest = 0;
  for (const i of visible) widest = Math.max(widest, ctx.measureText(texts[i]).width);
  return Math.min(SIDE_LABEL_MAX, widest);
}

/**
 * Where every drawn neuron goes. Pure apart from measuring label widths, so tests can find the
 * pixel of any neuron or edge.
 */
export function layoutNetwork(network: NetworkLike, options: NetworkDiagramOptions): NetworkLayout {
  registerFonts();
  const { pixelWidth, pixelHeight, scale } = pageGeometry(options, DESIGN_HEIGHT);
  const width = pixelWidth / scale;
  const height = pixelHeight / scale;
  const maxNeurons = Math.max(2, options.maxNeuronsPerLayer ?? DEFAULT_MAX_NEURONS);
  const sizes = [network.inputs, ...network.layers.map((l) => l.units)];
  const visible = sizes.map((units) => visibleUnits(units, maxNeurons));

  const measure = createCanvas(1, 1).getContext('2d');
  const leftLabelWidth = widestLabel(measure, inputNames(network, options), visible[0]);
  const rightLabelWidth = widestLabel(measure, outputNames(network, options), visible[visible.length - 1]);

  const top = HEADER_HEIGHT;
  const bottom = height - FOOTER_HEIGHT;
  // Slots per column: drawn neurons plus one for the gap note of a capped layer.
  const slots = Math.max(...sizes.map((units, c) => visible[c].length + (units > visible[c].length ? 1 : 0)));
  const rowPitch = (bottom - top) / slots;
  const left = 14 + leftLabelWidth + 10;
  const right = width - 14 - rightLabelWidth - 10;
  const columnPitch = sizes.length > 1 ? (right - left) / (sizes.length - 1) : 0;
  const radius = Math.max(4, Math.min(MAX_RADIUS, rowPitch * 0.36, columnPitch * 0.2));
  // Circle centres span [left + r, right - r], so no circle touches a side label.
  const span = right - left - 2 * radius;

  const columns = sizes.map((units, c): ColumnLayout => {
    const shown = visible[c];
    const hiddenCount = units - shown.length;
    const slotCount = shown.length + (hiddenCount > 0 ? 1 : 0);
    // Centre each column vertically so small layers sit in the middle, as in the Playground.
    const firstY = top + (bottom - top - slotCount * rowPitch) / 2 + rowPitch / 2;
    const x = left + radius + (sizes.length > 1 ? (c * span) / (sizes.length - 1) : span / 2);
    const neurons: NeuronPosition[] = [];
    let gapY: number | undefined;
    shown.forEach((unit, k) => {
      const isLastOfCapped = hiddenCount > 0 && k === shown.length - 1;
      if (isLastOfCapped) gapY = firstY + k * rowPitch;
      const slot = isLastOfCapped ? k + 1 : k;
      neurons.push({ unit, x, y: firstY + slot * rowPitch });
    });
    return { x, neurons, hiddenCount, ...(gapY === undefined ? {} : { gapY }) };
  });
  return { scale, radius, columns, leftLabelWidth, rightLabelWidth };
}

function largestWeight(network: NetworkLike): number {
  let largest = 0;
  for (const layer of network.layers) {
    for (let i = 0; i < layer.weights.length; i++) largest = Math.max(largest, Math.abs(layer.weights[i]));
  }
  return largest;
}

/** "2-4-1": inputs and the units of each layer. */
export function networkShape(network: NetworkLike): string {
  return [network.inputs, ...network.layers.map((l) => l.units)].join('-');
}

/**
 * PNG of the network.
 * @example await renderNetworkDiagram(net, { locale: 'pt-BR', featureNames: ['idade', 'glicose'], view: 'activations', sample })
 */
export function renderNetworkDiagram(network: NetworkLike, options: NetworkDiagramOptions): Promise<Buffer> {
  const page = createPage(options, DESIGN_HEIGHT);
  drawNetworkDiagram(page, network, options);
  return encodePng(page.canvas);
}

/** Draws the diagram on a page (shared with the animation, which draws many frames). */
export function drawNetworkDiagram(page: Page, network: NetworkLike, options: NetworkDiagramOptions): void {
  const layout = layoutNetwork(network, options);
  const { palette, locale } = page;
  const view = options.view ?? 'weights';

  drawTitle(page, options.title ?? label(locale, 'networkTitle', { shape: networkShape(network) }));
  let legendX = 14;
  legendX = drawLegendEntry(page, legendX, 46, palette.positive, label(locale, 'positiveWeight'));
  legendX = drawLegendEntry(page, legendX, 46, palette.negative, label(locale, 'negativeWeight'));
  if (view !== 'weights') {
    const caption = label(locale, view === 'blame' ? 'blameFill' : 'activationFill');
    drawLegendEntry(page, legendX, 46, view === 'blame' ? palette.blame : palette.mutedText, caption, 'dot');
  }

  drawEdges(page, network, layout, options.weightScale ?? largestWeight(network));
  drawNeurons(page, network, layout, options, view);
  drawSideLabels(page, network, layout, options);
  drawColumnCaptions(page, network, layout);
}

function drawEdges(page: Page, network: NetworkLike, layout: NetworkLayout, weightScale: number): void {
  const { ctx, palette } = page;
  const edges: { x1: number; y1: number; x2: number; y2: number; weight: number }[] = [];
  network.layers.forEach((layer, l) => {
    const from = layout.columns[l];
    const to = layout.columns[l + 1];
    for (const a of from.neurons) {
      for (const b of to.neurons) {
        edges.push({ x1: a.x, y1: a.y, x2: b.x, y2: b.y, weight: layer.weights[a.unit * layer.units + b.unit] });
      }
    }
  });
  // Strong edges last, so they are never hidden under a crowd of weak ones.
  edges.sort((p, q) => Math.abs(p.weight) - Math.abs(q.weight));
  ctx.save();
  ctx.lineCap = 'round';
  for (const edge of edges) {
    if (!Number.isFinite(edge.weight)) continue;
    const strength = weightScale > 0 ? Math.min(1, Math.abs(edge.weight) / weightScale) : 0;
    ctx.globalAlpha = 0.18 + 0.82 * strength;
    ctx.strokeStyle = edgeColor(palette, edge.weight);
    ctx.lineWidth = 0.6 + 5.4 * strength;
    ctx.beginPath();
    ctx.moveTo(edge.x1, edge.y1);
    ctx.lineTo(edge.x2, edge.y2);
    ctx.stroke();
  }
  ctx.restore();
}

/** Per column, the values the fill shows (undefined: plain fill), and what full colour means. */
function fillValues(network: NetworkLike, options: NetworkDiagramOptions, view: NetworkView): (ArrayLike<number> | undefined)[] {
  const columns = network.layers.length + 1;
  if (view === 'activations') return Array.from({ length: columns }, (_, c) => options.sample?.activations?.[c]);
  if (view === 'blame') return Array.from({ length: columns }, (_, c) => (c === 0 ? undefined : options.sample?.deltas?.[c - 1]));
  return new Array(columns).fill(undefined);
}

function maxAbs(values: ArrayLike<number>): number {
  let largest = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) largest = Math.max(largest, Math.abs(values[i]));
  return largest;
}

function drawNeurons(page: Page, network: NetworkLike, layout: NetworkLayout, options: NetworkDiagramOptions, view: NetworkView): void {
  const { ctx, palette } = page;
  const perColumn = fillValues(network, options, view);
  // Blame is compared across the whole network (which neuron is most to blame?); activations
  // within a layer, at least against 1, so a sigmoid output of 0.9 reads as nearly full.
  const blameScale = view === 'blame' ? Math.max(...perColumn.map((v) => (v ? maxAbs(v) : 0)), 1e-12) : 0;
  const base = parseHex(palette.neuronFill);
  const showValues = layout.radius >= MIN_RADIUS_FOR_VALUES;

  layout.columns.forEach((column, c) => {
    const values = perColumn[c];
    const activationScale = values && view === 'activations' ? Math.max(1, maxAbs(values)) : 1;
    for (const neuron of column.neurons) {
      const value = values?.[neuron.unit];
      let fill = base;
      if (value !== undefined && Number.isFinite(value)) {
        if (view === 'blame') fill = mix(base, parseHex(palette.blame), Math.abs(value) / blameScale);
        else fill = mix(base, parseHex(value >= 0 ? palette.positive : palette.negative), Math.abs(value) / activationScale);
      }
      ctx.beginPath();
      ctx.arc(neuron.x, neuron.y, layout.radius, 0, Math.PI * 2);
      ctx.fillStyle = toHex(fill);
      ctx.fill();
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = palette.neuronStroke;
      ctx.stroke();
      if (showValues && value !== undefined && Number.isFinite(value)) {
        ctx.font = font(TEXT.small - 1, 'bold');
        ctx.fillStyle = textOn(fill);
        ctx.textAlign = 'center';
        ctx.textBaseline = 'middle';
        // Values that round to zero print as 0.00, not -0.00.
        const shown = Math.abs(value) < 0.005 ? 0 : value;
        ctx.fillText(fitText(ctx, formatNumber(page.locale, shown, 2), layout.radius * 2 - 2), neuron.x, neuron.y + 0.5);
      }
    }
    if (column.hiddenCount > 0 && column.gapY !== undefined) drawHiddenNote(page, column.x, column.gapY, column.hiddenCount);
  });
}

/** "⋮ +22 more" where a capped layer's hidden units would be, on a card so edges do not cross it. */
function drawHiddenNote(page: Page, x: number, y: number, count: number): void {
  const { ctx, palette } = page;
  const text = label(page.locale, 'hiddenNeurons', { count });
  ctx.font = font(TEXT.small - 1);
  const width = ctx.measureText(text).width + 8;
  ctx.globalAlpha = 0.9;
  ctx.fillStyle = palette.background;
  ctx.beginPath();
  ctx.roundRect(x - width / 2, y - 15, width, 30, 5);
  ctx.fill();
  ctx.globalAlpha = 1;
  ctx.fillStyle = palette.mutedText;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText('⋮', x, y - 6);
  ctx.fillText(text, x, y + 7);
}

function drawSideLabels(page: Page, network: NetworkLike, layout: NetworkLayout, options: NetworkDiagramOptions): void {
  const { ctx, palette } = page;
  const inputs = inputNames(network, options);
  const outputs = outputNames(network, options);
  ctx.font = font(TEXT.label);
  ctx.fillStyle = palette.text;
  ctx.textBaseline = 'middle';
  const first = layout.columns[0];
  ctx.textAlign = 'right';
  for (const neuron of first.neurons) {
    ctx.fillText(fitTextMiddle(ctx, inputs[neuron.unit], SIDE_LABEL_MAX), neuron.x - layout.radius - 6, neuron.y);
  }
  const last = layout.columns[layout.columns.length - 1];
  ctx.textAlign = 'left';
  for (const neuron of last.neurons) {
    ctx.fillText(fitTextMiddle(ctx, outputs[neuron.unit], SIDE_LABEL_MAX), neuron.x + layout.radius + 6, neuron.y);
  }
}

/** Under each column: its role, then its size and activation function ("32 · relu"). */
function drawColumnCaptions(page: Page, network: NetworkLike, layout: NetworkLayout): void {
  const { ctx, palette, locale } = page;
  const lastColumn = layout.columns.length - 1;
  const y = page.height - FOOTER_HEIGHT + 12;
  const pitch = layout.columns.length > 1 ? layout.columns[1].x - layout.columns[0].x : page.width;
  layout.columns.forEach((column, c) => {
    const role =
      c === 0 ? label(locale, 'inputLayer') : c === lastColumn ? label(locale, 'outputLayer') : label(locale, 'hiddenLayer', { index: c });
    const units = c === 0 ? network.inputs : network.layers[c - 1].units;
    const detail = c === 0 ? String(units) : `${units} · ${network.layers[c - 1].activation}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.font = font(TEXT.small, 'bold');
    ctx.fillStyle = palette.text;
    ctx.fillText(fitText(ctx, role, pitch - 4), column.x, y);
    ctx.font = font(TEXT.small);
    ctx.fillStyle = palette.mutedText;
    ctx.fillText(fitText(ctx, detail, pitch - 4), column.x, y + 16);
  });
}

/** The colour an edge of this sign is drawn in. */
export function edgeColor(palette: Palette, weight: number): string {
  return weight >= 0 ? palette.positive : palette.negative;
}

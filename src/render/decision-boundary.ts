/**
 * Decision boundary heatmap for 2-D datasets: the plane coloured by the predicted class (paler
 * where the model is unsure), the 50% line drawn, and the data points on top.
 */
import { createCanvas } from '@napi-rs/canvas';
import { font } from './fonts.js';
import { formatNumber, label } from './labels.js';
import { createPage, drawLegendEntry, drawTitle, encodePng, fitText, pageGeometry, TEXT, type Page } from './page.js';
import { classColor, mix, parseHex, type Palette, type Rgb } from './theme.js';
import type { BoundaryInput, Domain2D, PredictProbabilities, RenderOptions } from './types.js';

const DESIGN_HEIGHT = 520;
/** Cells per side of the prediction grid: 10,000 predictions, smooth once scaled up bilinearly. */
export const GRID_SIZE = 100;
/** Beyond this, points are thinned (every k-th) so the plot does not turn into a blot. */
const MAX_POINTS_DRAWN = 1500;
/** How strongly a fully confident region takes its class colour; the points must still stand out. */
const MAX_TINT = 0.62;

export interface PlotRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface BoundaryLayout {
  /** Pixels per layout unit (the rect is in layout units). */
  scale: number;
  plot: PlotRect;
}

export function boundaryLayout(options: RenderOptions): BoundaryLayout {
  const { pixelWidth, pixelHeight, scale } = pageGeometry(options, DESIGN_HEIGHT);
  const width = pixelWidth / scale;
  const height = pixelHeight / scale;
  const left = 58;
  const top = 64;
  return { scale, plot: { left, top, width: width - left - 16, height: height - top - 48 } };
}

/** The region to colour: the given one, or the points' extent with an 8% margin on every side. */
export function resolveDomain(input: Pick<BoundaryInput, 'points' | 'domain'>): Domain2D {
  if (input.domain) return input.domain;
  const { x } = input.points;
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (let i = 0; i + 1 < x.length; i += 2) {
    if (!Number.isFinite(x[i]) || !Number.isFinite(x[i + 1])) continue;
    xMin = Math.min(xMin, x[i]);
    xMax = Math.max(xMax, x[i]);
    yMin = Math.min(yMin, x[i + 1]);
    yMax = Math.max(yMax, x[i + 1]);
  }
  if (!Number.isFinite(xMin)) return { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };
  const pad = (lo: number, hi: number): [number, number] => {
    const margin = hi > lo ? (hi - lo) * 0.08 : 1;
    return [lo - margin, hi + margin];
  };
  const [x0, x1] = pad(xMin, xMax);
  const [y0, y1] = pad(yMin, yMax);
  return { xMin: x0, xMax: x1, yMin: y0, yMax: y1 };
}

/** Probabilities on a size x size grid of cell centres, row 0 at the top (largest y). */
export interface ProbabilityGrid {
  size: number;
  classes: number;
  /** size*size rows of `classes` probabilities. */
  probabilities: Float64Array;
}

export function predictGrid(predict: PredictProbabilities, domain: Domain2D, size: number, classCount: number): ProbabilityGrid {
  const n = size * size;
  const points = new Float64Array(n * 2);
  for (let row = 0; row < size; row++) {
    const y = domain.yMax - ((row + 0.5) / size) * (domain.yMax - domain.yMin);
    for (let col = 0; col < size; col++) {
      const k = row * size + col;
      points[2 * k] = domain.xMin + ((col + 0.5) / size) * (domain.xMax - domain.xMin);
      points[2 * k + 1] = y;
    }
  }
  const raw = predict(points, n);
  if (raw.length === n) {
    // Binary: one probability of class 1 per point; expand to two columns so both cases share code.
    const probabilities = new Float64Array(n * 2);
    for (let k = 0; k < n; k++) {
      probabilities[2 * k] = 1 - raw[k];
      probabilities[2 * k + 1] = raw[k];
    }
    return { size, classes: 2, probabilities };
  }
  if (raw.length % n !== 0) throw new RangeError(`predict returned ${raw.length} values for ${n} points`);
  const classes = raw.length / n;
  if (classCount > 0 && classes !== classCount && classCount !== 2) {
    throw new RangeError(`predict returned ${classes} classes, expected ${classCount}`);
  }
  return { size, classes, probabilities: Float64Array.from(raw as ArrayLike<number>) };
}

/**
 * The cell colour: the class hues averaged by probability, faded toward the surface where the model
 * is unsure. Both parts vary continuously with the probabilities, so the upscaled grid shows no
 * cell staircase where the likeliest class changes.
 */
export function cellColor(palette: Palette, surface: Rgb, probabilities: ArrayLike<number>, offset: number, classes: number): Rgb {
  let r = 0;
  let g = 0;
  let b = 0;
  let best = 0;
  for (let c = 0; c < classes; c++) {
    const p = probabilities[offset + c];
    if (!Number.isFinite(p)) return surface;
    const [cr, cg, cb] = parseHex(classColor(palette, c));
    r += p * cr;
    g += p * cg;
    b += p * cb;
    best = Math.max(best, p);
  }
  const confidence = (best - 1 / classes) / (1 - 1 / classes);
  return mix(surface, [r, g, b], MAX_TINT * Math.sqrt(Math.max(0, confidence)));
}

/**
 * PNG of the decision boundary with the data on it.
 * @example await renderDecisionBoundary({ predict, points: { x, labels }, classNames: ['A', 'B'] }, { locale: 'en' })
 */
export function renderDecisionBoundary(input: BoundaryInput, options: RenderOptions & { title?: string }): Promise<Buffer> {
  const page = createPage(options, DESIGN_HEIGHT);
  drawDecisionBoundary(page, input, options);
  return encodePng(page.canvas);
}

/** Draws the picture on a page (shared with the animation). */
export function drawDecisionBoundary(page: Page, input: BoundaryInput, options: RenderOptions & { title?: string }): void {
  const { ctx, palette, locale } = page;
  const { plot } = boundaryLayout(options);
  const domain = resolveDomain(input);
  const grid = predictGrid(input.predict, domain, GRID_SIZE, input.classNames.length);

  drawTitle(page, options.title ?? label(locale, 'boundaryTitle'));
  let legendX = 14;
  const legendClasses = Math.max(grid.classes, input.classNames.length);
  for (let c = 0; c < legendClasses; c++) {
    legendX = drawLegendEntry(page, legendX, 46, classColor(palette, c), input.classNames[c] ?? String(c), 'dot');
  }

  drawHeatmap(page, grid, plot);
  if (grid.classes === 2) drawHalfLine(page, grid, plot);
  drawPoints(page, input, domain, plot);
  ctx.strokeStyle = palette.grid;
  ctx.lineWidth = 1;
  ctx.strokeRect(plot.left, plot.top, plot.width, plot.height);
  drawAxes(page, domain, plot, input.featureNames ?? ['x1', 'x2']);
}

function drawHeatmap(page: Page, grid: ProbabilityGrid, plot: PlotRect): void {
  const { size, classes, probabilities } = grid;
  const surface = parseHex(page.palette.surface);
  const cells = createCanvas(size, size);
  const cellCtx = cells.getContext('2d');
  const image = cellCtx.createImageData(size, size);
  for (let k = 0; k < size * size; k++) {
    const [r, g, b] = cellColor(page.palette, surface, probabilities, k * classes, classes);
    image.data[4 * k] = r;
    image.data[4 * k + 1] = g;
    image.data[4 * k + 2] = b;
    image.data[4 * k + 3] = 255;
  }
  cellCtx.putImageData(image, 0, 0);
  const { ctx } = page;
  ctx.save();
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(cells, plot.left, plot.top, plot.width, plot.height);
  ctx.restore();
}

/**
 * The p = 0.5 line by marching squares over the grid: each cell whose corners straddle 0.5 gets
 * a segment between the interpolated crossings on its edges.
 */
function drawHalfLine(page: Page, grid: ProbabilityGrid, plot: PlotRect): void {
  const { size, probabilities } = grid;
  const at = (row: number, col: number) => probabilities[(row * size + col) * 2 + 1] - 0.5;
  const cellW = plot.width / size;
  const cellH = plot.height / size;
  const px = (col: number) => plot.left + (col + 0.5) * cellW;
  const py = (row: number) => plot.top + (row + 0.5) * cellH;
  const { ctx, palette } = page;
  ctx.save();
  ctx.strokeStyle = palette.text;
  ctx.globalAlpha = 0.55;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  for (let row = 0; row + 1 < size; row++) {
    for (let col = 0; col + 1 < size; col++) {
      const corners = [at(row, col), at(row, col + 1), at(row + 1, col + 1), at(row + 1, col)];
      const cornerXY: [number, number][] = [
        [px(col), py(row)],
        [px(col + 1), py(row)],
        [px(col + 1), py(row + 1)],
        [px(col), py(row + 1)],
      ];
      const crossings: [number, number][] = [];
      for (let e = 0; e < 4; e++) {
        const a = corners[e];
        const b = corners[(e + 1) % 4];
        if (a < 0 === b < 0 || !Number.isFinite(a) || !Number.isFinite(b)) continue;
        const t = a / (a - b);
        const [x1, y1] = cornerXY[e];
        const [x2, y2] = cornerXY[(e + 1) % 4];
        crossings.push([x1 + (x2 - x1) * t, y1 + (y2 - y1) * t]);
      }
      // Two crossings: one segment. Four (a saddle): pair them in order, which is rarely visible anyway.
      for (let s = 0; s + 1 < crossings.length; s += 2) {
        ctx.moveTo(crossings[s][0], crossings[s][1]);
        ctx.lineTo(crossings[s + 1][0], crossings[s + 1][1]);
      }
    }
  }
  ctx.stroke();
  ctx.restore();
}

function drawPoints(page: Page, input: BoundaryInput, domain: Domain2D, plot: PlotRect): void {
  const { ctx, palette } = page;
  const { x, labels } = input.points;
  const count = Math.min(labels.length, Math.floor(x.length / 2));
  const stride = Math.max(1, Math.ceil(count / MAX_POINTS_DRAWN));
  const radius = count > 600 ? 2.6 : 3.4;
  ctx.save();
  ctx.beginPath();
  ctx.rect(plot.left, plot.top, plot.width, plot.height);
  ctx.clip();
  ctx.lineWidth = 1.1;
  ctx.strokeStyle = palette.background;
  for (let i = 0; i < count; i += stride) {
    const px = plot.left + ((x[2 * i] - domain.xMin) / (domain.xMax - domain.xMin)) * plot.width;
    const py = plot.top + ((domain.yMax - x[2 * i + 1]) / (domain.yMax - domain.yMin)) * plot.height;
    if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
    ctx.beginPath();
    ctx.arc(px, py, radius, 0, Math.PI * 2);
    ctx.fillStyle = classColor(palette, labels[i]);
    ctx.fill();
    ctx.stroke();
  }
  ctx.restore();
}

/** About `count` round tick values covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  const span = hi - lo;
  if (!(span > 0)) return [lo];
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return ticks;
}

function decimalsFor(ticks: number[]): number {
  if (ticks.length < 2) return 1;
  const step = Math.abs(ticks[1] - ticks[0]);
  return Math.max(0, Math.min(3, -Math.floor(Math.log10(step) + 1e-9)));
}

function drawAxes(page: Page, domain: Domain2D, plot: PlotRect, featureNames: readonly string[]): void {
  const { ctx, palette, locale } = page;
  ctx.font = font(TEXT.small);
  ctx.fillStyle = palette.mutedText;
  const xTicks = niceTicks(domain.xMin, domain.xMax);
  const xDecimals = decimalsFor(xTicks);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const value of xTicks) {
    const px = plot.left + ((value - domain.xMin) / (domain.xMax - domain.xMin)) * plot.width;
    ctx.fillText(formatNumber(locale, value, xDecimals), px, plot.top + plot.height + 5);
  }
  const yTicks = niceTicks(domain.yMin, domain.yMax);
  const yDecimals = decimalsFor(yTicks);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const value of yTicks) {
    const py = plot.top + ((domain.yMax - value) / (domain.yMax - domain.yMin)) * plot.height;
    ctx.fillText(formatNumber(locale, value, yDecimals), plot.left - 5, py);
  }
  ctx.font = font(TEXT.label);
  ctx.fillStyle = palette.text;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillText(fitText(ctx, featureNames[0] ?? 'x1', plot.width), plot.left + plot.width / 2, page.height - 6);
  ctx.save();
  ctx.translate(14, plot.top + plot.height / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'middle';
  ctx.fillText(fitText(ctx, featureNames[1] ?? 'x2', plot.height), 0, 0);
  ctx.restore();
}

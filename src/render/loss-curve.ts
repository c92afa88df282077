/**
 * Loss curve: training and validation loss per epoch, with the kept (best) epoch and the
 * early-stop point marked.
 */
import { renderChart, type ChartOverlay } from './chart.js';
import { font } from './fonts.js';
import { label } from './labels.js';
import { drawLegendEntry, drawTitle, fitText, TEXT } from './page.js';
import { paletteFor } from './theme.js';
import type { LossHistory, RenderOptions } from './types.js';

const DESIGN_HEIGHT = 320;
/** Beyond this ratio between the largest and smallest loss, a linear axis flattens the tail into a line. */
const LOG_SCALE_RATIO = 30;

/** Epoch/loss points for Chart.js; non-finite losses (a diverged run) become gaps. */
function toPoints(losses: ArrayLike<number>, logScale: boolean): { x: number; y: number }[] {
  const points: { x: number; y: number }[] = new Array(losses.length);
  for (let i = 0; i < losses.length; i++) {
    const value = losses[i];
    const drawable = Number.isFinite(value) && (!logScale || value > 0);
    points[i] = { x: i + 1, y: drawable ? value : Number.NaN };
  }
  return points;
}

/** True when the finite, positive losses span more than {@link LOG_SCALE_RATIO}. */
export function wantsLogScale(history: LossHistory): boolean {
  let min = Infinity;
  let max = -Infinity;
  for (const series of [history.trainLoss, history.validationLoss ?? []]) {
    for (let i = 0; i < series.length; i++) {
      const value = series[i];
      if (!Number.isFinite(value)) continue;
      if (value <= 0) return false;
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
  }
  return max / min > LOG_SCALE_RATIO;
}

/**
 * PNG of the loss per epoch.
 * @example await renderLossCurve({ trainLoss: [0.7, 0.5, 0.4], validationLoss: [0.72, 0.55, 0.5], bestEpoch: 3 }, { locale: 'en' })
 */
export function renderLossCurve(history: LossHistory, options: RenderOptions): Promise<Buffer> {
  const epochs = Math.max(history.trainLoss.length, history.validationLoss?.length ?? 0);
  if (epochs === 0) throw new RangeError('loss history is empty');
  const palette = paletteFor(options.theme);
  const { locale } = options;
  const logScale = wantsLogScale(history);
  // A short run would otherwise be an invisible line, or nothing at all for one epoch.
  const pointRadius = epochs <= 30 ? 2.5 : 0;
  // Long noisy runs turn a thick line into a band; thinner lines keep the two curves apart.
  const lineWidth = epochs > 400 ? 1.6 : 2.5;
  const datasets = [
    { data: toPoints(history.trainLoss, logScale), borderColor: palette.positive, backgroundColor: palette.positive },
  ];
  if (history.validationLoss?.length) {
    datasets.push({ data: toPoints(history.validationLoss, logScale), borderColor: palette.negative, backgroundColor: palette.negative });
  }

  const axisTitle = (text: string) => ({ display: true, text, color: palette.mutedText, font: { size: TEXT.small } });
  const ticks = { color: palette.mutedText, font: { size: TEXT.small }, maxTicksLimit: 6 };
  const xScale = {
    type: 'linear' as const,
    min: 1,
    max: Math.max(2, epochs),
    grid: { color: palette.grid },
    border: { color: palette.grid },
    ticks: { ...ticks, precision: 0 },
    title: axisTitle(label(locale, 'lossAxisEpoch')),
  };
  const yScale = {
    type: logScale ? ('logarithmic' as const) : ('linear' as const),
    grid: { color: palette.grid },
    border: { color: palette.grid },
    ticks,
    title: axisTitle(label(locale, logScale ? 'lossAxisLossLog' : 'lossAxisLoss')),
    ...(logScale ? {} : { beginAtZero: true }),
  };

  return renderChart(
    options,
    DESIGN_HEIGHT,
    {
      type: 'line',
      data: {
        datasets: datasets.map((d) => ({ ...d, borderWidth: lineWidth, pointRadius, pointHoverRadius: 0, tension: 0, spanGaps: false })),
      },
      options: {
        parsing: false,
        normalized: true,
        layout: { padding: { top: 58, right: 16, left: 6, bottom: 4 } },
        scales: { x: xScale, y: yScale },
        plugins: { legend: { display: false }, title: { display: false }, tooltip: { enabled: false } },
      },
    },
    (overlay) => decorateLossCurve(overlay, history, epochs),
  );
}

/** Title, legend and the best-epoch / early-stop markers. */
function decorateLossCurve(overlay: ChartOverlay, history: LossHistory, epochs: number): void {
  const { page, area } = overlay;
  const { palette, locale } = page;
  drawTitle(page, label(locale, 'lossTitle'));
  let legendX = 14;
  legendX = drawLegendEntry(page, legendX, 44, palette.positive, label(locale, 'train'));
  if (history.validationLoss?.length) drawLegendEntry(page, legendX, 44, palette.negative, label(locale, 'validation'));

  const markerRow = (row: number) => area.top + 12 + row * 20;
  const best = history.bestEpoch;
  if (best !== undefined && best >= 1 && best <= epochs) {
    const curve = history.validationLoss?.length ? history.validationLoss : history.trainLoss;
    drawMarker(overlay, best, palette.accent, label(locale, 'bestEpoch', { epoch: best }), markerRow(0), [6, 4]);
    const value = curve[best - 1];
    if (Number.isFinite(value)) {
      const { ctx } = page;
      const y = overlay.yToPixel(value);
      if (Number.isFinite(y)) {
        ctx.fillStyle = palette.accent;
        ctx.strokeStyle = palette.background;
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.arc(overlay.xToPixel(best), y, 5.5, 0, Math.PI * 2);
        ctx.fill();
        ctx.stroke();
      }
    }
  }
  const stopped = history.stoppedEpoch ?? epochs;
  if (history.earlyStopped && stopped >= 1 && stopped <= epochs) {
    drawMarker(overlay, stopped, palette.mutedText, label(locale, 'earlyStop', { epoch: stopped }), markerRow(1), [2, 3]);
  }
}

/** A vertical dashed line at `epoch` with its caption on a small card at height `captionY`. */
function drawMarker(overlay: ChartOverlay, epoch: number, color: string, caption: string, captionY: number, dash: number[]): void {
  const { page, area } = overlay;
  const { ctx, palette } = page;
  const x = overlay.xToPixel(epoch);
  ctx.save();
  ctx.strokeStyle = color;
  ctx.lineWidth = 2;
  ctx.setLineDash(dash);
  ctx.beginPath();
  ctx.moveTo(x, area.top);
  ctx.lineTo(x, area.bottom);
  ctx.stroke();
  ctx.setLineDash([]);

  // The caption sits beside the line, on whichever side has room, clamped inside the plot.
  ctx.font = font(TEXT.small, 'bold');
  const text = fitText(ctx, caption, area.right - area.left - 12);
  const textWidth = ctx.measureText(text).width;
  const pad = 4;
  const fitsRight = x + 6 + textWidth + 2 * pad <= area.right;
  let left = fitsRight ? x + 6 : x - 6 - textWidth - 2 * pad;
  left = Math.max(area.left + 2, Math.min(left, area.right - textWidth - 2 * pad));
  ctx.globalAlpha = 0.88;
  ctx.fillStyle = palette.background;
  ctx.fillRect(left, captionY - 9, textWidth + 2 * pad, 18);
  ctx.globalAlpha = 1;
  ctx.fillStyle = color;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, left + pad, captionY);
  ctx.restore();
}

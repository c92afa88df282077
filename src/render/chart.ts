/**
 * Chart.js on @napi-rs/canvas. Chart.js detects that there is no DOM and uses its BasicPlatform,
 * which only needs an object with getContext('2d'); with responsive and animation off it draws
 * synchronously in the constructor. We hand it a canvas at layout size and let devicePixelRatio
 * scale it to the output size, so Chart.js's own text sizes are in the same layout units as ours.
 */
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import {
  Chart,
  Filler,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  type ChartConfiguration,
  type Plugin,
} from 'chart.js';
import { FONT_FAMILY, registerFonts } from './fonts.js';
import { pageGeometry, type Page } from './page.js';
import { paletteFor } from './theme.js';
import type { RenderOptions } from './types.js';

let chartJsReady = false;

function ensureChartJs(): void {
  if (chartJsReady) return;
  registerFonts();
  Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Filler);
  // Chart.js draws ticks and titles in its default font unless told; ours must be the only one used.
  Chart.defaults.font.family = FONT_FAMILY;
  chartJsReady = true;
}

/** The area inside the axes, in layout units. */
export interface ChartArea {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** What a decoration callback gets after Chart.js has drawn: the page and value-to-layout mappers. */
export interface ChartOverlay {
  page: Page;
  area: ChartArea;
  xToPixel(value: number): number;
  yToPixel(value: number): number;
}

/**
 * Draws a line chart and encodes it as PNG.
 * `decorate` runs after Chart.js has drawn, for titles, legends and markers in our own style.
 */
export async function renderChart(
  options: RenderOptions,
  designHeight: number,
  config: ChartConfiguration<'line', { x: number; y: number }[]>,
  decorate: (overlay: ChartOverlay) => void,
): Promise<Buffer> {
  ensureChartJs();
  const { pixelWidth, pixelHeight, scale } = pageGeometry(options, designHeight);
  const layoutWidth = pixelWidth / scale;
  const layoutHeight = pixelHeight / scale;
  const canvas = createCanvas(Math.round(layoutWidth), Math.round(layoutHeight));
  const palette = paletteFor(options.theme);

  const background: Plugin<'line'> = {
    id: 'backpropBackground',
    beforeDraw(chart) {
      const ctx = chart.ctx as unknown as SKRSContext2D;
      ctx.save();
      ctx.fillStyle = palette.background;
      ctx.fillRect(0, 0, chart.width, chart.height);
      ctx.restore();
    },
  };
  const overlay: Plugin<'line'> = {
    id: 'backpropOverlay',
    afterDraw(chart) {
      const ctx = chart.ctx as unknown as SKRSContext2D;
      const x = chart.scales.x;
      const y = chart.scales.y;
      ctx.save();
      decorate({
        page: { canvas, ctx, scale, width: chart.width, height: chart.height, palette, locale: options.locale },
        area: { left: chart.chartArea.left, top: chart.chartArea.top, right: chart.chartArea.right, bottom: chart.chartArea.bottom },
        xToPixel: (value) => x.getPixelForValue(value),
        yToPixel: (value) => y.getPixelForValue(value),
      });
      ctx.restore();
    },
  };

  const chart = new Chart(canvas as never, {
    ...config,
    options: {
      ...config.options,
      responsive: false,
      animation: false,
      devicePixelRatio: scale,
      locale: options.locale,
      color: palette.mutedText,
    },
    plugins: [...(config.plugins ?? []), background, overlay],
  });
  try {
    return await canvas.encode('png');
  } finally {
    chart.destroy();
  }
}

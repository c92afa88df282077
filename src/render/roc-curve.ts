/** ROC curve with its AUC, against the chance diagonal. */
import { renderChart } from './chart.js';
import { font } from './fonts.js';
import { formatNumber, label } from './labels.js';
import { drawLegendEntry, drawTitle, TEXT } from './page.js';
import { paletteFor } from './theme.js';
import type { RenderOptions, RocInput } from './types.js';

const DESIGN_HEIGHT = 440;

/**
 * PNG of the ROC curve.
 * @example await renderRocCurve({ points: rocCurve(labels, scores), auc: 0.91, positiveClass: 'stroke' }, { locale: 'en' })
 */
export function renderRocCurve(input: RocInput, options: RenderOptions): Promise<Buffer> {
  const palette = paletteFor(options.theme);
  const { locale } = options;
  const curve = input.points.map((p) => ({ x: p.fpr, y: p.tpr }));
  const unitAxis = (title: string) => ({
    type: 'linear' as const,
    min: 0,
    max: 1,
    grid: { color: palette.grid },
    border: { color: palette.grid },
    ticks: {
      color: palette.mutedText,
      font: { size: TEXT.small },
      stepSize: 0.2,
      callback: (value: string | number) => formatNumber(locale, Number(value), 1),
    },
    title: { display: true, text: title, color: palette.mutedText, font: { size: TEXT.small } },
  });

  return renderChart(
    options,
    DESIGN_HEIGHT,
    {
      type: 'line',
      data: {
        datasets: [
          {
            data: curve,
            borderColor: palette.positive,
            backgroundColor: `${palette.positive}33`,
            fill: 'origin',
            borderWidth: 2.5,
            pointRadius: 0,
            tension: 0,
            // A perfect classifier runs along the top edge; unclipped, it is not half hidden there.
            clip: false,
          },
          {
            data: [
              { x: 0, y: 0 },
              { x: 1, y: 1 },
            ],
            borderColor: palette.mutedText,
            borderDash: [6, 5],
            borderWidth: 1.5,
            pointRadius: 0,
          },
        ],
      },
      options: {
        parsing: false,
        layout: { padding: { top: 66, right: 18, left: 6, bottom: 4 } },
        scales: { x: unitAxis(label(locale, 'falsePositiveRate')), y: unitAxis(label(locale, 'truePositiveRate')) },
        plugins: { legend: { display: false }, title: { display: false }, tooltip: { enabled: false } },
      },
    },
    ({ page, area }) => {
      const title = input.positiveClass ? label(locale, 'rocTitleFor', { positive: input.positiveClass }) : label(locale, 'rocTitle');
      drawTitle(page, title);
      const next = drawLegendEntry(page, 14, 44, palette.positive, `AUC = ${formatNumber(locale, input.auc, 3)}`);
      drawLegendEntry(page, next, 44, palette.mutedText, label(locale, 'chance'));
      // The AUC again, large, in the empty lower-right of the plot where a good curve never goes.
      const { ctx } = page;
      ctx.font = font(22, 'bold');
      ctx.fillStyle = palette.text;
      ctx.textAlign = 'right';
      ctx.textBaseline = 'bottom';
      ctx.fillText(`AUC ${formatNumber(locale, input.auc, 3)}`, area.right - 10, area.bottom - 10);
    },
  );
}

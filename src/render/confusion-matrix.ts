/**
 * Confusion matrix: one row per actual class, one column per predicted class. Correct cells are
 * tinted with the positive hue and mistakes with the negative one, each by its share of the row,
 * so the errors stand out even when one class dominates the counts.
 */
import { createCanvas } from '@napi-rs/canvas';
import { font, registerFonts } from './fonts.js';
import { formatNumber, label } from './labels.js';
import { createPage, drawTitle, encodePng, fitText, pageGeometry, TEXT } from './page.js';
import { mix, parseHex, textOn, toHex } from './theme.js';
import type { ConfusionInput, RenderOptions } from './types.js';

const DESIGN_HEIGHT = 420;

export interface ConfusionLayout {
  /** Pixels per layout unit (the rest is in layout units). */
  scale: number;
  gridLeft: number;
  gridTop: number;
  /** Side of one cell. */
  cell: number;
  rowLabelWidth: number;
}

function classNamesOf(input: ConfusionInput): string[] {
  return Array.from({ length: input.counts.length }, (_, c) => input.classNames[c] ?? String(c));
}

/** Where the grid goes: right of the widest row label, square, as large as the page allows. */
export function confusionLayout(input: ConfusionInput, options: RenderOptions): ConfusionLayout {
  registerFonts();
  const { pixelWidth, pixelHeight, scale } = pageGeometry(options, DESIGN_HEIGHT);
  const measure = createCanvas(1, 1).getContext('2d');
  measure.font = font(TEXT.label);
  const rowLabelWidth = Math.min(110, Math.max(...classNamesOf(input).map((n) => measure.measureText(n).width)));
  const gridLeft = 14 + 20 + rowLabelWidth + 8;
  const gridTop = 92;
  const side = Math.min(pixelWidth / scale - gridLeft - 16, pixelHeight / scale - gridTop - 14);
  return { scale, gridLeft, gridTop, cell: side / input.counts.length, rowLabelWidth };
}

/**
 * PNG of the confusion matrix.
 * @example await renderConfusionMatrix({ counts: [[50, 3], [7, 40]], classNames: ['no', 'yes'] }, { locale: 'en' })
 */
export function renderConfusionMatrix(input: ConfusionInput, options: RenderOptions): Promise<Buffer> {
  const classes = input.counts.length;
  if (classes === 0) throw new RangeError('confusion matrix is empty');
  const page = createPage(options, DESIGN_HEIGHT);
  const { ctx, palette, locale } = page;
  drawTitle(page, label(locale, 'confusionTitle'));
  const names = classNamesOf(input);
  const { gridLeft, gridTop, cell, rowLabelWidth } = confusionLayout(input, options);
  const side = cell * classes;

  // Axis captions: "predicted" over the columns, "actual" rotated beside the rows.
  ctx.fillStyle = palette.mutedText;
  ctx.font = font(TEXT.small, 'bold');
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(label(locale, 'predicted'), gridLeft + side / 2, gridTop - 36);
  ctx.save();
  // In the strip that confusionLayout reserves left of the widest row label.
  ctx.translate(gridLeft - 8 - rowLabelWidth - 14, gridTop + side / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.fillText(label(locale, 'actual'), 0, 0);
  ctx.restore();

  ctx.font = font(TEXT.label);
  ctx.fillStyle = palette.text;
  for (let c = 0; c < classes; c++) {
    ctx.textAlign = 'center';
    ctx.fillText(fitText(ctx, names[c], cell - 4), gridLeft + (c + 0.5) * cell, gridTop - 14);
    ctx.textAlign = 'right';
    ctx.fillText(fitText(ctx, names[c], rowLabelWidth), gridLeft - 8, gridTop + (c + 0.5) * cell);
  }

  const surface = parseHex(palette.surface);
  const good = parseHex(palette.positive);
  const bad = parseHex(palette.negative);
  const showShare = cell >= 48;
  const countSize = Math.max(9, Math.min(22, cell * 0.28));
  for (let actual = 0; actual < classes; actual++) {
    const row = input.counts[actual];
    let rowTotal = 0;
    for (let p = 0; p < classes; p++) rowTotal += row[p] ?? 0;
    for (let predicted = 0; predicted < classes; predicted++) {
      const count = row[predicted] ?? 0;
      const share = rowTotal > 0 ? count / rowTotal : 0;
      // Even a rare mistake gets some colour: sqrt lifts small shares off the background.
      const fill = mix(surface, actual === predicted ? good : bad, 0.12 + 0.88 * Math.sqrt(share));
      const x = gridLeft + predicted * cell;
      const y = gridTop + actual * cell;
      ctx.fillStyle = toHex(fill);
      ctx.fillRect(x + 1, y + 1, cell - 2, cell - 2);
      ctx.fillStyle = textOn(fill);
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.font = font(countSize, 'bold');
      const countY = showShare ? y + cell / 2 - countSize * 0.35 : y + cell / 2;
      ctx.fillText(fitText(ctx, count.toLocaleString(locale), cell - 6), x + cell / 2, countY);
      if (showShare) {
        ctx.font = font(TEXT.small);
        ctx.fillText(`${formatNumber(locale, share * 100, 1)}%`, x + cell / 2, countY + countSize * 0.95);
      }
    }
  }
  return encodePng(page.canvas);
}

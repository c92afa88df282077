/**
 * Shared canvas setup. Every picture is laid out on a page {@link DESIGN_WIDTH} units wide and
 * scaled to the requested pixel width, so text sizes are chosen once for the size Discord shows
 * an attachment on a phone (about 400-550 px) and stay legible at any output size.
 */
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { font, registerFonts } from './fonts.js';
import { paletteFor, type Palette } from './theme.js';
import type { Locale, RenderOptions } from './types.js';

/** Layout units across a page. 13-unit text shown 400 px wide is still about 11 px: readable. */
export const DESIGN_WIDTH = 480;
/** Default output: twice the design width, crisp on high-density phone screens. */
export const DEFAULT_PIXEL_WIDTH = DESIGN_WIDTH * 2;

/** Text sizes in layout units. */
export const TEXT = { title: 17, label: 13, small: 12 } as const;

export interface Page {
  canvas: Canvas;
  ctx: SKRSContext2D;
  /** Pixels per layout unit. */
  scale: number;
  /** Page size in layout units. */
  width: number;
  height: number;
  palette: Palette;
  locale: Locale;
}

/** Pixel size and scale for a picture whose default aspect is designHeight / DESIGN_WIDTH. */
export function pageGeometry(options: RenderOptions, designHeight: number): { pixelWidth: number; pixelHeight: number; scale: number } {
  const pixelWidth = Math.round(options.width ?? DEFAULT_PIXEL_WIDTH);
  const scale = pixelWidth / DESIGN_WIDTH;
  const pixelHeight = Math.round(options.height ?? designHeight * scale);
  if (!(pixelWidth >= 64 && pixelHeight >= 64 && pixelWidth <= 4096 && pixelHeight <= 4096)) {
    throw new RangeError(`image size ${pixelWidth}x${pixelHeight} is outside 64..4096 px`);
  }
  return { pixelWidth, pixelHeight, scale };
}

/**
 * A canvas filled with the theme's background, its context scaled to layout units.
 * The background is opaque on purpose: a transparent PNG would put dark text on Discord's dark theme.
 */
export function createPage(options: RenderOptions, designHeight: number): Page {
  registerFonts();
  const { pixelWidth, pixelHeight, scale } = pageGeometry(options, designHeight);
  const canvas = createCanvas(pixelWidth, pixelHeight);
  const ctx = canvas.getContext('2d');
  const palette = paletteFor(options.theme);
  ctx.fillStyle = palette.background;
  ctx.fillRect(0, 0, pixelWidth, pixelHeight);
  ctx.scale(scale, scale);
  return { canvas, ctx, scale, width: pixelWidth / scale, height: pixelHeight / scale, palette, locale: options.locale };
}

/** PNG bytes. Encoding runs off the main thread, so a worker keeps renewing its job lock meanwhile. */
export function encodePng(canvas: Canvas): Promise<Buffer> {
  return canvas.encode('png');
}

/** `text` cut with an ellipsis so it fits in `maxWidth` (in the context's current font). */
export function fitText(ctx: SKRSContext2D, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  let kept = text;
  while (kept.length > 1 && ctx.measureText(`${kept}…`).width > maxWidth) kept = kept.slice(0, -1);
  return `${kept.trimEnd()}…`;
}

/**
 * `text` cut in the middle so it fits: both ends survive, which keeps a one-hot feature's value
 * ("smoking_st…=smokes") readable where cutting the end would not.
 */
export function fitTextMiddle(ctx: SKRSContext2D, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  let head = Math.ceil(text.length / 2);
  let tail = text.length - head;
  while (head + tail > 2) {
    if (head >= tail) head--;
    else tail--;
    const candidate = `${text.slice(0, head)}…${text.slice(text.length - tail)}`;
    if (ctx.measureText(candidate).width <= maxWidth) return candidate;
  }
  return fitText(ctx, text, maxWidth);
}

/** The page title, top left, in bold. Returns the y below it. */
export function drawTitle(page: Page, title: string, subtitle?: string): number {
  const { ctx, palette } = page;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = palette.text;
  ctx.font = font(TEXT.title, 'bold');
  const margin = 14;
  ctx.fillText(fitText(ctx, title, page.width - 2 * margin), margin, 26);
  if (!subtitle) return 36;
  ctx.fillStyle = palette.mutedText;
  ctx.font = font(TEXT.small);
  ctx.fillText(fitText(ctx, subtitle, page.width - 2 * margin), margin, 44);
  return 54;
}

/** A small legend entry: a swatch (line or dot) and its text. Returns the x after it. */
export function drawLegendEntry(
  page: Page,
  x: number,
  y: number,
  color: string,
  text: string,
  swatch: 'line' | 'dot' = 'line',
): number {
  const { ctx, palette } = page;
  ctx.save();
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  if (swatch === 'line') {
    ctx.lineWidth = 3.5;
    ctx.lineCap = 'round';
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x + 18, y);
    ctx.stroke();
  } else {
    ctx.beginPath();
    ctx.arc(x + 6, y, 5, 0, Math.PI * 2);
    ctx.fill();
  }
  ctx.font = font(TEXT.small);
  ctx.fillStyle = palette.text;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  const textX = x + (swatch === 'line' ? 24 : 16);
  ctx.fillText(text, textX, y);
  const end = textX + ctx.measureText(text).width;
  ctx.restore();
  return end + 14;
}

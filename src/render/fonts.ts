/**
 * The one typeface every picture uses, brought by the dejavu-fonts-ttf npm package so the output is
 * the same on a developer's laptop, in CI and on the worker, whatever fonts the system has.
 */
import { createRequire } from 'node:module';
import { GlobalFonts } from '@napi-rs/canvas';

/**
 * The family name the fonts are registered under. Deliberately not "DejaVu Sans": a system copy
 * of DejaVu (or a fallback that claims the name) must never be picked instead of ours.
 */
export const FONT_FAMILY = 'BackpropBot Sans';

let registered = false;

/**
 * Registers DejaVu Sans (regular and bold) with Skia under {@link FONT_FAMILY}. Idempotent; every
 * renderer calls it, so callers only need it to measure text themselves.
 */
export function registerFonts(): void {
  if (registered) return;
  const require = createRequire(import.meta.url);
  const faces = [
    { file: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf', weight: 'normal' },
    { file: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf', weight: 'bold' },
  ] as const;
  for (const face of faces) {
    const path = require.resolve(face.file);
    if (!GlobalFonts.registerFromPath(path, FONT_FAMILY, { weight: face.weight })) {
      throw new Error(`could not register font ${path}`);
    }
  }
  registered = true;
}

/** A CSS font shorthand in our family, e.g. font(13, 'bold'). */
export function font(sizePx: number, weight: 'normal' | 'bold' = 'normal'): string {
  return `${weight} ${sizePx}px "${FONT_FAMILY}"`;
}

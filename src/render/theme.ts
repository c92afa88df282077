/**
 * Colours for both Discord themes. Positive/negative use TensorFlow Playground's blue/orange pair,
 * which stays distinguishable for the common colour-vision deficiencies; each theme gets its own
 * shade so the hue keeps contrast against its background.
 */
import type { Theme } from './types.js';

export type Rgb = readonly [number, number, number];

export interface Palette {
  /** Page background: Discord's own message background, so the image sits flush in the chat. */
  background: string;
  /** Plot areas and cards, one step off the background. */
  surface: string;
  text: string;
  mutedText: string;
  grid: string;
  /** Positive weights, class 1 of a binary task, the training curve. */
  positive: string;
  /** Negative weights, class 0 of a binary task, the validation curve. */
  negative: string;
  /** Markers (best epoch, early stop) that must stand out from both curves. */
  accent: string;
  neuronFill: string;
  neuronStroke: string;
  /** Blame (backprop delta) colour. */
  blame: string;
  /** Class colours: index 0 and 1 equal negative and positive, then more distinct hues. */
  classes: readonly string[];
}

const dark: Palette = {
  background: '#313338',
  surface: '#2b2d31',
  text: '#f2f3f5',
  mutedText: '#b5bac1',
  grid: 'rgba(255,255,255,0.13)',
  positive: '#60a5fa',
  negative: '#fb923c',
  accent: '#4ade80',
  neuronFill: '#1e1f22',
  neuronStroke: '#a0a6ae',
  blame: '#f43f5e',
  classes: ['#fb923c', '#60a5fa', '#4ade80', '#c084fc', '#f472b6', '#facc15', '#2dd4bf', '#d1d5db'],
};

const light: Palette = {
  background: '#ffffff',
  surface: '#f2f3f5',
  text: '#060607',
  mutedText: '#4e5058',
  grid: 'rgba(0,0,0,0.12)',
  positive: '#2563eb',
  negative: '#ea580c',
  accent: '#15803d',
  neuronFill: '#ffffff',
  neuronStroke: '#5c6068',
  blame: '#e11d48',
  classes: ['#ea580c', '#2563eb', '#15803d', '#7c3aed', '#db2777', '#a16207', '#0f766e', '#4b5563'],
};

export function paletteFor(theme: Theme = 'dark'): Palette {
  return theme === 'light' ? light : dark;
}

/** The colour of class `index` (cycling when there are more classes than hues). */
export function classColor(palette: Palette, index: number): string {
  return palette.classes[index % palette.classes.length];
}

/** '#rrggbb' to [r, g, b]. */
export function parseHex(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

export function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** Linear mix of two colours: t = 0 gives `from`, t = 1 gives `to`. */
export function mix(from: Rgb, to: Rgb, t: number): Rgb {
  const k = Math.min(1, Math.max(0, t));
  return [from[0] + (to[0] - from[0]) * k, from[1] + (to[1] - from[1]) * k, from[2] + (to[2] - from[2]) * k];
}

/** Relative luminance (WCAG), to pick dark or light text over a filled shape. */
export function luminance([r, g, b]: Rgb): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** Near-black or near-white, whichever reads better on `fill`. */
export function textOn(fill: Rgb): string {
  return luminance(fill) > 0.35 ? '#111214' : '#f8f9fa';
}

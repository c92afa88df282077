/** Decoding and pixel inspection for the render tests. */
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { parseHex, type Rgb } from '../../src/render/theme.js';

export interface DecodedImage {
  width: number;
  height: number;
  /** RGBA bytes, row after row. */
  data: Uint8ClampedArray;
  /** [r, g, b] at pixel (x, y), rounded to whole pixels. */
  rgb(x: number, y: number): Rgb;
}

/** Decodes a PNG (or a GIF's first frame) with Skia's own decoder. */
export async function decode(bytes: Buffer): Promise<DecodedImage> {
  const image = await loadImage(bytes);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const { data } = ctx.getImageData(0, 0, image.width, image.height);
  return {
    width: image.width,
    height: image.height,
    data,
    rgb(x, y) {
      const i = (Math.round(y) * image.width + Math.round(x)) * 4;
      return [data[i], data[i + 1], data[i + 2]];
    },
  };
}

export function distance(a: Rgb, b: Rgb): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

/** Which of `candidates` (hex colours) is nearest to `color`. */
export function nearest(color: Rgb, candidates: readonly string[]): string {
  let best = candidates[0];
  for (const candidate of candidates) if (distance(color, parseHex(candidate)) < distance(color, parseHex(best))) best = candidate;
  return best;
}

/** Share of pixels farther than `tolerance` from `background`. */
export function inkShare(image: DecodedImage, background: string, tolerance = 24): number {
  const bg = parseHex(background);
  let ink = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    if (distance([image.data[i], image.data[i + 1], image.data[i + 2]], bg) > tolerance) ink++;
  }
  return ink / (image.data.length / 4);
}

/** Number of pixels within `tolerance` of `color`. */
export function countNear(image: DecodedImage, color: string, tolerance = 40): number {
  const target = parseHex(color);
  let count = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    if (distance([image.data[i], image.data[i + 1], image.data[i + 2]], target) <= tolerance) count++;
  }
  return count;
}

export function isPng(bytes: Buffer): boolean {
  return bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
}

/**
 * Frames in a GIF, by walking its blocks (an image descriptor per frame), which a byte search
 * for 0x2c could not do reliably since LZW data may contain any byte.
 */
export function gifFrameCount(bytes: Buffer): number {
  if (bytes.subarray(0, 6).toString('latin1') !== 'GIF89a') throw new Error('not a GIF89a');
  let offset = 13;
  const flags = bytes[10];
  if (flags & 0x80) offset += 3 * 2 ** ((flags & 7) + 1);
  const skipSubBlocks = () => {
    while (bytes[offset] !== 0) offset += bytes[offset] + 1;
    offset++;
  };
  let frames = 0;
  for (;;) {
    const introducer = bytes[offset];
    if (introducer === 0x3b) return frames;
    if (introducer === 0x21) {
      offset += 2;
      skipSubBlocks();
    } else if (introducer === 0x2c) {
      frames++;
      const localFlags = bytes[offset + 9];
      offset += 10;
      if (localFlags & 0x80) offset += 3 * 2 ** ((localFlags & 7) + 1);
      offset++; // LZW minimum code size
      skipSubBlocks();
    } else {
      throw new Error(`unexpected GIF block 0x${introducer?.toString(16)} at ${offset}`);
    }
  }
}

import { beforeAll, describe, expect, it } from 'vitest';
import { loadImage } from '@napi-rs/canvas';
import { buildLesson, lessonTitle, MAX_POST_CHARS, TOPICS, topicSummary, type LessonPost, type Topic } from '../../src/lessons/index.js';
import type { Locale } from '../../src/locales/index.js';
import { decode, inkShare } from '../render/png.js';

const LOCALES: Locale[] = ['en', 'pt-BR'];
const built = new Map<string, LessonPost[]>();
const key = (topic: Topic, locale: Locale) => `${topic}/${locale}`;

beforeAll(async () => {
  for (const topic of TOPICS) for (const locale of LOCALES) built.set(key(topic, locale), await buildLesson(topic, locale));
}, 60_000);

describe('every lesson', () => {
  it.each(TOPICS)('%s has 5 to 12 posts, the same number in both languages', (topic) => {
    const counts = LOCALES.map((locale) => built.get(key(topic, locale))!.length);
    expect(counts[0]).toBeGreaterThanOrEqual(5);
    expect(counts[0]).toBeLessThanOrEqual(12);
    expect(counts[1]).toBe(counts[0]);
  });

  it.each(TOPICS)('%s: every post is numbered "k/n" and fits in one Discord message', (topic) => {
    for (const locale of LOCALES) {
      const posts = built.get(key(topic, locale))!;
      posts.forEach((post, i) => {
        expect(post.index).toBe(i + 1);
        expect(post.total).toBe(posts.length);
        expect(post.content.startsWith(`${i + 1}/${posts.length} `)).toBe(true);
        expect(post.content.length).toBeLessThanOrEqual(MAX_POST_CHARS);
        // Discord does not render tables; no template placeholders may leak.
        expect(post.content).not.toMatch(/^\s*\|.*\|\s*$/m);
        expect(post.content).not.toMatch(/\$\{|undefined|NaN|\[object/);
      });
    }
  });

  it.each(TOPICS)('%s: pt-BR posts use decimal commas, en posts decimal points', (topic) => {
    // `code` spans hold the engine's formula strings, written as code (with decimal points) in both languages.
    const prose = (locale: Locale) => built.get(key(topic, locale))!.map((p) => p.content.replace(/`[^`]*`/g, '')).join('\n');
    const pt = prose('pt-BR');
    const en = prose('en');
    // A fraction like 0.731 is "0,731" in pt-BR ("5.110" is a pt-BR thousand, so only leading zeros count).
    expect(pt).not.toMatch(/(?<![\d.,])-?0\.\d+/);
    expect(en).not.toMatch(/(?<![\d.,])-?0,\d+/);
  });

  it.each(TOPICS)('%s has a title and a summary of at most 100 characters in both languages', (topic) => {
    for (const locale of LOCALES) {
      expect(lessonTitle(topic, locale).length).toBeGreaterThan(0);
      expect(lessonTitle(topic, locale).length).toBeLessThanOrEqual(100);
      expect(topicSummary(topic, locale).length).toBeGreaterThan(0);
      expect(topicSummary(topic, locale).length).toBeLessThanOrEqual(100);
    }
    expect(lessonTitle(topic, 'pt-BR')).not.toBe(lessonTitle(topic, 'en'));
  });

  it('attaches pictures that decode to non-blank PNGs with unique names and alt text', async () => {
    let images = 0;
    for (const topic of TOPICS) {
      // One language suffices for decoding: both use the same renderers, only the labels differ.
      for (const locale of ['pt-BR'] as const) {
        const posts = built.get(key(topic, locale))!;
        const names = posts.flatMap((p) => p.images.map((i) => i.filename));
        expect(new Set(names).size).toBe(names.length);
        for (const image of posts.flatMap((p) => p.images)) {
          expect(image.filename).toMatch(/^[a-z0-9-]+\.png$/);
          expect(image.description?.length ?? 0).toBeGreaterThan(10);
          const decoded = await decode(image.png);
          expect(decoded.width).toBeGreaterThan(200);
          // Something is drawn beyond the background colour of the top-left corner.
          const [r, g, b] = decoded.rgb(2, 2);
          expect(inkShare(decoded, `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`)).toBeGreaterThan(0.02);
          images++;
        }
      }
    }
    expect(images).toBeGreaterThan(10);
    // The plain decoder agrees (no exotic encoding).
    const first = built.get(key('backprop', 'en'))!.flatMap((p) => p.images)[0];
    expect((await loadImage(first.png)).width).toBeGreaterThan(0);
  });

  it('builds the same text twice (seeded numbers)', async () => {
    const again = await buildLesson('overfitting', 'en');
    expect(again.map((p) => p.content)).toEqual(built.get(key('overfitting', 'en'))!.map((p) => p.content));
  });

  it('rejects an unknown topic with a message that names the topics', async () => {
    await expect(buildLesson('nope' as Topic, 'en')).rejects.toThrow(/Unknown topic "nope".*backprop/);
  });
});

import { describe, expect, it } from 'vitest';
import { DiscordHttpError } from '../../src/sandbox/errors.js';
import { checkFiles, checkMessage, checkThread, DEFAULT_LIMITS } from '../../src/sandbox/limits.js';

const limits = DEFAULT_LIMITS;
const failure = (run: () => void) => {
  try {
    run();
  } catch (error) {
    if (error instanceof DiscordHttpError) return { status: error.status, code: error.code, kind: error.kind, errors: error.errors };
    throw error;
  }
  return null;
};

describe('Discord message limits', () => {
  it('accepts 2,000 characters and rejects 2,001 with 50035 on the content field', () => {
    expect(failure(() => checkMessage({ content: 'x'.repeat(2_000), attachmentCount: 0 }, limits, { requireBody: true }))).toBeNull();
    expect(failure(() => checkMessage({ content: 'x'.repeat(2_001), attachmentCount: 0 }, limits, { requireBody: true }))).toMatchObject({
      status: 400,
      code: 50035,
      kind: 'content-too-long',
      errors: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } },
    });
  });

  it('rejects an empty message (50006) unless allowed', () => {
    expect(failure(() => checkMessage({ content: '', attachmentCount: 0 }, limits, { requireBody: true }))?.code).toBe(50006);
    expect(failure(() => checkMessage({ content: '', attachmentCount: 0 }, limits, { requireBody: false }))).toBeNull();
  });

  it.each([
    ['11 embeds', { embeds: Array.from({ length: 11 }, () => ({ title: 't' })) }],
    ['a 257-character title', { embeds: [{ title: 't'.repeat(257) }] }],
    ['a 4,097-character description', { embeds: [{ description: 'd'.repeat(4_097) }] }],
    ['26 fields', { embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })) }] }],
    ['a 1,025-character field value', { embeds: [{ fields: [{ name: 'n', value: 'v'.repeat(1_025) }] }] }],
    ['6,001 characters across embeds', { embeds: [{ description: 'd'.repeat(4_000) }, { description: 'd'.repeat(2_001) }] }],
  ])('rejects %s', (_label, message) => {
    expect(failure(() => checkMessage({ ...message, attachmentCount: 0 }, limits, { requireBody: true }))).toMatchObject({ code: 50035, kind: 'embed-limit' });
  });

  it('rejects a file over 10 MiB and requests over 25 MiB with 413 / 40005', () => {
    const MiB = 1024 * 1024;
    expect(failure(() => checkFiles([10 * MiB], limits))).toBeNull();
    expect(failure(() => checkFiles([10 * MiB + 1], limits))).toMatchObject({ status: 413, code: 40005, kind: 'file-too-large' });
    expect(failure(() => checkFiles([9 * MiB, 9 * MiB, 9 * MiB], limits))).toMatchObject({ status: 413, kind: 'request-too-large' });
  });

  it('accepts thread names of 1-100 characters and only the four archive durations', () => {
    expect(failure(() => checkThread('Story', 1_440, limits))).toBeNull();
    expect(failure(() => checkThread('', 1_440, limits))?.kind).toBe('thread-invalid');
    expect(failure(() => checkThread('n'.repeat(101), 60, limits))?.kind).toBe('thread-invalid');
    expect(failure(() => checkThread('Story', 120, limits))?.errors).toHaveProperty('auto_archive_duration');
  });
});

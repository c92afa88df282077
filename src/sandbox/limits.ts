import type { APIEmbed } from 'discord.js';
import { DiscordHttpError, emptyMessage, entityTooLarge, invalidForm } from './errors.js';

/** Every limit the local Discord enforces; all default to Discord's real values. */
export interface SandboxLimits {
  /** Time a bot has to send the first response to an interaction (Discord: 3 s). */
  ackDeadlineMs: number;
  /** How long an interaction token works for follow-ups and edits (Discord: 15 min). */
  interactionTokenTtlMs: number;
  /** Requests allowed per route and major parameter (channel, guild, webhook) in one window. */
  routeRequestsPerWindow: number;
  /** Length of that rate-limit window. */
  routeWindowMs: number;
  maxContentLength: number;
  maxEmbeds: number;
  maxEmbedTitle: number;
  maxEmbedDescription: number;
  maxEmbedFields: number;
  maxEmbedFieldName: number;
  maxEmbedFieldValue: number;
  maxEmbedFooter: number;
  maxEmbedAuthorName: number;
  /** Characters across all embeds of one message. */
  maxEmbedTotal: number;
  maxActionRows: number;
  maxComponentsPerRow: number;
  maxFiles: number;
  /** Per file (Discord's default upload limit; also sent as `attachment_size_limit`). */
  maxFileBytes: number;
  /** All files of one request together. */
  maxRequestFileBytes: number;
  maxThreadName: number;
}

export const DEFAULT_LIMITS: SandboxLimits = {
  ackDeadlineMs: 3_000,
  interactionTokenTtlMs: 15 * 60_000,
  routeRequestsPerWindow: 5,
  routeWindowMs: 5_000,
  maxContentLength: 2_000,
  maxEmbeds: 10,
  maxEmbedTitle: 256,
  maxEmbedDescription: 4_096,
  maxEmbedFields: 25,
  maxEmbedFieldName: 256,
  maxEmbedFieldValue: 1_024,
  maxEmbedFooter: 2_048,
  maxEmbedAuthorName: 256,
  maxEmbedTotal: 6_000,
  maxActionRows: 5,
  maxComponentsPerRow: 5,
  maxFiles: 10,
  maxFileBytes: 10 * 1024 * 1024,
  maxRequestFileBytes: 25 * 1024 * 1024,
  maxThreadName: 100,
};

/** Auto-archive durations (minutes) Discord accepts for threads. */
export const THREAD_ARCHIVE_DURATIONS = [60, 1_440, 4_320, 10_080] as const;

/** The parts of a message the limits look at (after an edit has been merged). */
export interface MessageShape {
  content?: string | null;
  embeds?: APIEmbed[] | null;
  components?: unknown[] | null;
  attachmentCount: number;
}

const tooLong = (kind: 'content-too-long' | 'embed-limit', path: (string | number)[], max: number): DiscordHttpError =>
  invalidForm(kind, path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);

/** Throws the error Discord would answer for the first breached limit of a message. */
export function checkMessage(message: MessageShape, limits: SandboxLimits, { requireBody }: { requireBody: boolean }): void {
  const content = message.content ?? '';
  if (content.length > limits.maxContentLength) throw tooLong('content-too-long', ['content'], limits.maxContentLength);
  const embeds = message.embeds ?? [];
  const components = message.components ?? [];
  if (requireBody && content.length === 0 && embeds.length === 0 && components.length === 0 && message.attachmentCount === 0) {
    throw emptyMessage();
  }
  checkEmbeds(embeds, limits);
  checkComponents(components, limits);
}

function checkEmbeds(embeds: APIEmbed[], limits: SandboxLimits): void {
  if (embeds.length > limits.maxEmbeds) throw tooLong('embed-limit', ['embeds'], limits.maxEmbeds);
  let total = 0;
  embeds.forEach((embed, i) => {
    const field = (value: string | undefined, max: number, path: (string | number)[]) => {
      const length = value?.length ?? 0;
      total += length;
      if (length > max) throw tooLong('embed-limit', ['embeds', i, ...path], max);
    };
    field(embed.title, limits.maxEmbedTitle, ['title']);
    field(embed.description, limits.maxEmbedDescription, ['description']);
    field(embed.footer?.text, limits.maxEmbedFooter, ['footer', 'text']);
    field(embed.author?.name, limits.maxEmbedAuthorName, ['author', 'name']);
    const fields = embed.fields ?? [];
    if (fields.length > limits.maxEmbedFields) throw tooLong('embed-limit', ['embeds', i, 'fields'], limits.maxEmbedFields);
    fields.forEach((f, j) => {
      field(f.name, limits.maxEmbedFieldName, ['fields', j, 'name']);
      field(f.value, limits.maxEmbedFieldValue, ['fields', j, 'value']);
    });
  });
  // Discord reports the 6,000-character total on the whole embeds array.
  if (total > limits.maxEmbedTotal) {
    throw invalidForm('embed-limit', ['embeds'], 'MAX_EMBED_SIZE_EXCEEDED', `Embed size exceeds maximum size of ${limits.maxEmbedTotal}`);
  }
}

function checkComponents(components: unknown[], limits: SandboxLimits): void {
  if (components.length > limits.maxActionRows) {
    throw invalidForm('component-limit', ['components'], 'BASE_TYPE_BAD_LENGTH', `Must be between 1 and ${limits.maxActionRows} in length.`);
  }
  components.forEach((row, i) => {
    const children = (row as { components?: unknown[] }).components ?? [];
    if (children.length > limits.maxComponentsPerRow) {
      throw invalidForm('component-limit', ['components', i, 'components'], 'BASE_TYPE_BAD_LENGTH', `Must be between 1 and ${limits.maxComponentsPerRow} in length.`);
    }
  });
}

/** Upload limits: count, size per file, size per request. */
export function checkFiles(sizes: number[], limits: SandboxLimits): void {
  if (sizes.length > limits.maxFiles) {
    throw invalidForm('file-too-large', ['files'], 'BASE_TYPE_MAX_LENGTH', `Must be ${limits.maxFiles} or fewer in length.`);
  }
  if (sizes.some((size) => size > limits.maxFileBytes)) throw entityTooLarge('file-too-large');
  if (sizes.reduce((a, b) => a + b, 0) > limits.maxRequestFileBytes) throw entityTooLarge('request-too-large');
}

/** Thread name 1-100 characters and one of the allowed auto-archive durations. */
export function checkThread(name: unknown, autoArchiveDuration: unknown, limits: SandboxLimits): void {
  if (typeof name !== 'string' || name.length < 1 || name.length > limits.maxThreadName) {
    throw invalidForm('thread-invalid', ['name'], 'BASE_TYPE_BAD_LENGTH', `Must be between 1 and ${limits.maxThreadName} in length.`);
  }
  if (!(THREAD_ARCHIVE_DURATIONS as readonly unknown[]).includes(autoArchiveDuration)) {
    throw invalidForm('thread-invalid', ['auto_archive_duration'], 'BASE_TYPE_CHOICES', `Value must be one of {${THREAD_ARCHIVE_DURATIONS.join(', ')}}.`);
  }
}

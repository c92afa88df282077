import type { APIEmbed, APIMessageTopLevelComponent, APIUser, MessageType } from 'discord.js';
import { DiscordHttpError } from './errors.js';
import { checkFiles, checkMessage } from './limits.js';
import type { UploadedFile } from './multipart.js';
import type { MessageEdit, MessageInteractionLink, RecordedAttachment, RecordedMessage, World } from './state.js';

/** The message fields a bot may send (channel message, interaction reply, webhook, edits). */
export interface MessageBody {
  content?: string | null;
  embeds?: APIEmbed[] | null;
  components?: APIMessageTopLevelComponent[] | null;
  flags?: number | null;
  /** On create: descriptions of the uploaded files. On edit: the attachments to keep plus new ones. */
  attachments?: { id: string | number; description?: string }[] | null;
}

/** Narrows an unknown JSON body to a MessageBody, rejecting wrong types as Discord does. */
export function asMessageBody(json: unknown): MessageBody {
  if (json === undefined || json === null) return {};
  if (typeof json !== 'object' || Array.isArray(json)) {
    throw new DiscordHttpError(400, 50109, 'The request body contains invalid JSON.', 'invalid-body');
  }
  const body = json as Record<string, unknown>;
  const wrong = (field: string) => new DiscordHttpError(400, 50035, `Invalid Form Body (${field})`, 'invalid-body');
  if (body.content != null && typeof body.content !== 'string') throw wrong('content');
  if (body.embeds != null && !Array.isArray(body.embeds)) throw wrong('embeds');
  if (body.components != null && !Array.isArray(body.components)) throw wrong('components');
  if (body.attachments != null && !Array.isArray(body.attachments)) throw wrong('attachments');
  return body as MessageBody;
}

/** Keeps the uploaded files (bytes included) and gives them URLs on the local server. */
function storeUploads(world: World, channelId: string, files: UploadedFile[], described: MessageBody['attachments']): RecordedAttachment[] {
  return files.map((file) => {
    const id = world.ids.next();
    const description = described?.find((a) => String(a.id) === String(file.index))?.description;
    const attachment: RecordedAttachment = {
      id,
      filename: file.filename,
      contentType: file.contentType,
      size: file.data.length,
      url: attachmentUrl(world, channelId, id, file.filename),
      data: file.data,
      ...(description === undefined ? {} : { description }),
    };
    world.attachments.set(id, attachment);
    return attachment;
  });
}

export function attachmentUrl(world: World, channelId: string, attachmentId: string, filename: string): string {
  return `${world.publicUrl}/attachments/${channelId}/${attachmentId}/${encodeURIComponent(filename)}`;
}

/** `attachment://name.png` in an embed points at an uploaded file; Discord swaps in the file's URL. */
function resolveEmbedAttachments(embeds: APIEmbed[], attachments: RecordedAttachment[]): APIEmbed[] {
  const resolve = <T extends { url: string }>(media: T | undefined): T | undefined => {
    if (!media?.url.startsWith('attachment://')) return media;
    const found = attachments.find((a) => a.filename === media.url.slice('attachment://'.length));
    return found ? { ...media, url: found.url, proxy_url: found.url } : media;
  };
  return embeds.map((embed) => {
    const copy: APIEmbed = { ...embed };
    if (embed.image) copy.image = resolve(embed.image);
    if (embed.thumbnail) copy.thumbnail = resolve(embed.thumbnail);
    return copy;
  });
}

export interface NewMessage {
  channelId: string;
  author: APIUser;
  body: MessageBody;
  files: UploadedFile[];
  type: MessageType;
  /** Flags decided by the server (e.g. Loading for a deferred reply), added to the body's flags. */
  extraFlags?: number;
  webhookId?: string;
  interaction?: MessageInteractionLink;
  /** A deferred reply starts empty, so the empty-message rule does not apply. */
  allowEmpty?: boolean;
}

/** Validates against Discord's limits (throwing Discord's error) and records the message. */
export function createMessage(world: World, spec: NewMessage): RecordedMessage {
  checkFiles(spec.files.map((f) => f.data.length), world.limits);
  checkMessage(
    { content: spec.body.content, embeds: spec.body.embeds, components: spec.body.components, attachmentCount: spec.files.length },
    world.limits,
    { requireBody: !spec.allowEmpty },
  );
  const attachments = storeUploads(world, spec.channelId, spec.files, spec.body.attachments);
  const channel = world.channelOrThread(spec.channelId);
  return world.addMessage({
    id: world.ids.next(),
    channelId: spec.channelId,
    guildId: channel?.guildId ?? world.setup.guildId,
    author: spec.author,
    content: spec.body.content ?? '',
    embeds: resolveEmbedAttachments(spec.body.embeds ?? [], attachments),
    components: spec.body.components ?? [],
    attachments,
    flags: (spec.body.flags ?? 0) | (spec.extraFlags ?? 0),
    type: spec.type,
    createdAt: Date.now(),
    editedAt: null,
    edits: [],
    deleted: false,
    ...(spec.webhookId ? { webhookId: spec.webhookId } : {}),
    ...(spec.interaction ? { interaction: spec.interaction } : {}),
  });
}

/**
 * Applies an edit with Discord's semantics: fields present replace, absent ones stay;
 * `attachments`, when present, lists the existing attachments to keep (new uploads are added).
 * The merged message is checked against the limits before anything changes.
 */
export function editMessage(
  world: World,
  message: RecordedMessage,
  body: MessageBody,
  files: UploadedFile[],
  via: MessageEdit['via'],
  clearFlags = 0,
): MessageEdit {
  checkFiles(files.map((f) => f.data.length), world.limits);
  const kept = body.attachments
    ? message.attachments.filter((a) => body.attachments!.some((keep) => String(keep.id) === a.id))
    : message.attachments;
  const content = body.content !== undefined ? (body.content ?? '') : message.content;
  const embeds = body.embeds !== undefined ? (body.embeds ?? []) : message.embeds;
  const components = body.components !== undefined ? (body.components ?? []) : message.components;
  checkMessage({ content, embeds, components, attachmentCount: kept.length + files.length }, world.limits, { requireBody: false });
  const added = storeUploads(world, message.channelId, files, body.attachments);
  return world.editMessage(message, via, (m) => {
    m.content = content;
    m.attachments = [...kept, ...added];
    m.embeds = resolveEmbedAttachments(embeds, m.attachments);
    m.components = components;
    m.flags &= ~clearFlags;
  });
}

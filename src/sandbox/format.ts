import { MessageFlags, type APIEmbed } from 'discord.js';
import { isEphemeral, type RecordedMessage } from './state.js';

/**
 * A message as plain text for the interactive sandbox terminal:
 *
 *     backprop-bot (only you can see this) · edited
 *     Training finished.
 *     ┌ Results
 *     │ accuracy 0.93
 *     │ loss: 0.21
 *     └
 *     📎 loss.png (12.3 KB)
 *     [Cancel] [Details]
 */
export function formatMessage(message: RecordedMessage): string {
  const header = [message.author.global_name ?? message.author.username];
  if (isEphemeral(message)) header.push('(only you can see this)');
  if (message.flags & MessageFlags.Loading) header.push('is thinking…');
  if (message.editedAt !== null) header.push('· edited');
  const lines = [header.join(' ')];
  if (message.content) lines.push(message.content);
  for (const embed of message.embeds) lines.push(...formatEmbed(embed));
  for (const a of message.attachments) lines.push(`📎 ${a.filename} (${formatBytes(a.size)})`);
  const buttons = collectButtons(message.components);
  if (buttons.length) lines.push(buttons.map((b) => `[${b}]`).join(' '));
  if (message.threadId) lines.push(`🧵 thread ${message.threadId}`);
  return lines.join('\n');
}

function formatEmbed(embed: APIEmbed): string[] {
  const lines = [`┌ ${embed.author?.name ? `${embed.author.name} · ` : ''}${embed.title ?? ''}`.trimEnd()];
  const body: string[] = [];
  if (embed.description) body.push(...embed.description.split('\n'));
  for (const field of embed.fields ?? []) body.push(`${field.name}: ${field.value.replaceAll('\n', ' ')}`);
  if (embed.image?.url) body.push(`🖼 ${embed.image.url.split('/').pop()}`);
  if (embed.footer?.text) body.push(`— ${embed.footer.text}`);
  lines.push(...body.map((l) => `│ ${l}`), '└');
  return lines;
}

function collectButtons(components: unknown[]): string[] {
  const labels: string[] = [];
  const visit = (node: unknown) => {
    if (typeof node !== 'object' || node === null) return;
    const c = node as { type?: number; label?: string; custom_id?: string; components?: unknown[] };
    if (c.type === 2) labels.push(c.label ?? c.custom_id ?? 'button');
    c.components?.forEach(visit);
  };
  components.forEach(visit);
  return labels;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The conversation on the local Discord as text: every new message and every edit, formatted by the
 * sandbox's formatMessage, with the channel or thread it is in, and each attachment saved to
 * `<outDir>/<message-id>-<name>` (the path printed under the message). Used by the interactive
 * terminal and by `npm run demo`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formatMessage, type LocalDiscord, type MessageEdit, type RecordedMessage, type Violation } from '../sandbox/index.js';

export interface TranscriptOptions {
  discord: LocalDiscord;
  outDir: string;
  /** Where text goes (one call per block). */
  write: (text: string) => void;
  /**
   * Progress edits of a message are many (one every 2 s per job). Each is printed as one line
   * (the new content only); the full message again only when its embeds or files changed.
   */
  compactEdits?: boolean;
}

export interface Transcript {
  /** Paths of every picture saved so far. */
  saved: string[];
  stop(): void;
}

export function attachTranscript(options: TranscriptOptions): Transcript {
  const { discord, outDir, write } = options;
  const compact = options.compactEdits ?? true;
  const savedIds = new Set<string>();
  const saved: string[] = [];
  mkdirSync(outDir, { recursive: true });

  const where = (message: RecordedMessage): string => {
    const thread = discord.threads.find((t) => t.id === message.channelId);
    if (thread) return `🧵 ${thread.name}`;
    return '#general';
  };

  /** Saves attachments not saved yet; returns the lines naming them. */
  const saveAttachments = (message: RecordedMessage): string[] => {
    const lines: string[] = [];
    for (const attachment of message.attachments) {
      if (savedIds.has(attachment.id)) continue;
      savedIds.add(attachment.id);
      const path = join(outDir, `${message.id}-${attachment.filename.replace(/[^\w.-]/g, '_')}`);
      writeFileSync(path, attachment.data);
      saved.push(path);
      lines.push(`   💾 saved ${relative(process.cwd(), path) || path}`);
    }
    return lines;
  };

  // Discord shows <@id> as the member's name; so does the transcript.
  const names = (text: string) => text.replace(/<@!?(\d+)>/g, (whole, id: string) => {
    const member = discord.world.users.get(id);
    return member ? `@${member.user.username}` : whole;
  });

  const indent = (text: string) =>
    names(text)
      .split('\n')
      .map((line) => `   ${line}`)
      .join('\n');

  const onMessage = (message: RecordedMessage) => {
    write([`── ${where(message)} ──`, indent(formatMessage(message)), ...saveAttachments(message)].join('\n'));
  };

  const onUpdate = (message: RecordedMessage, edit: MessageEdit) => {
    const lines = saveAttachments(message);
    const sameShape =
      JSON.stringify(edit.before.embeds) === JSON.stringify(edit.after.embeds) && edit.before.attachments.length === edit.after.attachments.length;
    if (compact && sameShape && edit.after.content && !edit.after.content.includes('\n')) {
      write([`   ✎ ${names(edit.after.content)}`, ...lines].join('\n'));
    } else {
      write([`── ${where(message)} · edited ──`, indent(formatMessage(message)), ...lines].join('\n'));
    }
  };

  const onDelete = (message: RecordedMessage) => write(`   🗑 a message was deleted (${message.id})`);
  const onViolation = (violation: Violation) => write(`⚠ local Discord: the bot broke a Discord rule: ${violation.kind}: ${violation.message}${violation.route ? ` (${violation.route})` : ''}`);

  discord.on('message', onMessage);
  discord.on('messageUpdate', onUpdate);
  discord.on('messageDelete', onDelete);
  discord.on('violation', onViolation);
  return {
    saved,
    stop() {
      discord.off('message', onMessage);
      discord.off('messageUpdate', onUpdate);
      discord.off('messageDelete', onDelete);
      discord.off('violation', onViolation);
    },
  };
}

/**
 * Prints what users saw in an end-to-end test (channel, threads and private replies), to read the
 * bot's text as a user would: `SHOW_CONVERSATION=1 npx vitest run test/e2e/explain.test.ts`.
 */
import { formatMessage, type LocalDiscord } from '../../src/sandbox/index.js';

export function showConversation(discord: LocalDiscord, title: string): void {
  if (!process.env.SHOW_CONVERSATION) return;
  const out: string[] = [`\n======== ${title} ========`];
  for (const message of discord.messagesIn()) {
    out.push(indent(formatMessage(message), '  '));
    const thread = message.threadId ? discord.threads.find((t) => t.id === message.threadId) : undefined;
    if (thread) {
      out.push(`  ── thread "${thread.name}"`);
      for (const post of discord.messagesIn(thread.id)) out.push(indent(formatMessage(post), '     │ '));
    }
    out.push('');
  }
  console.log(out.join('\n'));
}

const indent = (text: string, prefix: string) => text.split('\n').map((line) => prefix + line).join('\n');

/**
 * The sandbox's interactive terminal: a person types slash commands as one simulated Discord user,
 * the local Discord delivers them to the real bot, and every reply and edit is printed as text
 * (pictures saved to the out folder). See line.ts for what can be typed.
 *
 * With a terminal (TTY) it is a prompt; with piped input (`echo '/train dataset:xor' | npm start`)
 * it runs the lines, waits until the bot has finished answering, and ends.
 */
import { readFile } from 'node:fs/promises';
import { createInterface, clearLine, cursorTo } from 'node:readline';
import type { APIApplicationCommand } from 'discord.js';
import { type LocalDiscord, type RecordedMessage, type SandboxUser, type UserUpload } from '../sandbox/index.js';
import { describeOptions, parseLine, shownDescription, shownName } from './line.js';
import { attachTranscript } from './transcript.js';

export interface TerminalOptions {
  discord: LocalDiscord;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream & { isTTY?: boolean };
  outDir: string;
  username?: string;
  locale?: string;
  /** Lines printed before the first prompt. */
  banner?: string[];
  /** Longest wait for the bot to finish after piped input ends (default 120 s). */
  drainTimeoutMs?: number;
}

const CONTENT_TYPES: Record<string, string> = { csv: 'text/csv', png: 'image/png', json: 'application/json', txt: 'text/plain' };

/** Runs until :quit, Ctrl-C, Ctrl-D, or the end of piped input. */
export async function runTerminal(options: TerminalOptions): Promise<void> {
  const { discord, output } = options;
  const tty = output.isTTY === true && (options.input as { isTTY?: boolean }).isTTY === true;
  let locale = options.locale ?? 'en-US';
  const user: SandboxUser = discord.createUser({ username: options.username ?? 'you', locale });
  const rl = createInterface({ input: options.input, output, terminal: tty, prompt: 'you> ' });

  /** Prints above the prompt without mangling what the person is typing. */
  const write = (text: string) => {
    if (tty) {
      clearLine(output, 0);
      cursorTo(output, 0);
      output.write(text + '\n');
      rl.prompt(true);
    } else {
      output.write(text + '\n');
    }
  };
  const transcript = attachTranscript({ discord, outDir: options.outDir, write });
  for (const line of options.banner ?? []) output.write(line + '\n');
  const commands = (): APIApplicationCommand[] => [...discord.guildCommands(), ...discord.globalCommands];

  const handle = async (line: string): Promise<boolean> => {
    const parsed = parseLine(line, commands(), locale);
    switch (parsed.kind) {
      case 'empty':
        return true;
      case 'quit':
        return false;
      case 'error':
        write(`✗ ${parsed.message}`);
        return true;
      case 'help':
        write(helpText(commands(), locale, parsed.command, options.outDir));
        return true;
      case 'lang':
        locale = parsed.locale;
        user.locale = locale;
        write(`Now a ${locale} user: the bot answers in ${locale.startsWith('pt') ? 'Portuguese' : 'English'}; ${locale.startsWith('pt') ? 'the Portuguese names work too, e.g. /treinar dados:xor epocas:300' : 'e.g. /train dataset:xor epochs:300'}.`);
        return true;
      case 'click': {
        const found = findButton(discord.messages, parsed.target);
        if (!found) {
          write(`✗ ${parsed.target ? `No button "${parsed.target}" on any message.` : 'No message has a button.'}`);
          return true;
        }
        write(`» ${user.user.username} pressed [${found.label}]`);
        discord.clickButton({ user, message: found.message, customId: found.customId, locale });
        return true;
      }
      case 'command': {
        let attachments: UserUpload[];
        try {
          attachments = await Promise.all(
            parsed.files.map(async (file) => ({
              filename: file.filename,
              contentType: CONTENT_TYPES[file.filename.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream',
              data: await readFile(file.path),
            })),
          );
        } catch (error) {
          write(`✗ Could not read the file: ${(error as Error).message}`);
          return true;
        }
        if (!tty) write(`» ${user.user.username}: ${line.trim()}`);
        discord.sendCommand({ user, name: parsed.name, options: parsed.options, locale, attachments });
        return true;
      }
    }
  };

  await new Promise<void>((resolve) => {
    let closing = false;
    // Lines are handled one at a time, in order, even when a file read makes one slow.
    let queue = Promise.resolve();
    rl.on('line', (line) => {
      queue = queue.then(async () => {
        if (closing) return;
        if (!(await handle(line).catch((error: unknown) => (write(`✗ ${(error as Error).message}`), true)))) {
          closing = true;
          rl.close();
          return;
        }
        if (tty) rl.prompt();
      });
    });
    rl.on('SIGINT', () => rl.close());
    rl.on('close', () => {
      void queue
        .then(async () => {
          // Piped input: its end is not a request to leave mid-answer.
          if (!tty && !closing) await waitForQuiet(discord, options.drainTimeoutMs ?? 120_000);
        })
        .finally(() => {
          transcript.stop();
          resolve();
        });
    });
    if (tty) rl.prompt();
  });
}

/** A button on the newest message that has one: any (no target), else by label or custom id (or its prefix before ':'). */
export function findButton(messages: readonly RecordedMessage[], target?: string): { message: RecordedMessage; customId: string; label: string } | undefined {
  const wanted = target?.toLowerCase();
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (message.deleted) continue;
    for (const button of buttonsOf(message.components)) {
      if (button.disabled) continue;
      const id = button.custom_id.toLowerCase();
      const label = (button.label ?? '').toLowerCase();
      if (!wanted || id === wanted || label === wanted || id.split(':')[0] === wanted) {
        return { message, customId: button.custom_id, label: button.label ?? button.custom_id };
      }
    }
  }
  return undefined;
}

interface Button {
  custom_id: string;
  label?: string;
  disabled?: boolean;
}

function buttonsOf(components: unknown[]): Button[] {
  const found: Button[] = [];
  const visit = (node: unknown) => {
    if (typeof node !== 'object' || node === null) return;
    const c = node as { type?: number; custom_id?: string; components?: unknown[] };
    if (c.type === 2 && typeof c.custom_id === 'string') found.push(c as Button);
    c.components?.forEach(visit);
  };
  components.forEach(visit);
  return found;
}

/**
 * Resolves when the bot looks done: no reply still "thinking", no job with a Cancel button (still
 * queued or running), and nothing changed for a couple of seconds; or after `timeoutMs`.
 */
export async function waitForQuiet(discord: LocalDiscord, timeoutMs: number, quietMs = 2_000): Promise<void> {
  let lastChange = Date.now();
  const touch = () => (lastChange = Date.now());
  discord.on('change', touch);
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      const busy = discord.messages.some((m) => !m.deleted && ((m.flags & 128) !== 0 || buttonsOf(m.components).some((b) => b.custom_id.startsWith('cancel:'))));
      if (!busy && Date.now() - lastChange >= quietMs) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    discord.off('change', touch);
  }
}

/** :help — every command with its options, or one command in detail. */
export function helpText(commands: readonly APIApplicationCommand[], locale: string, only: string | undefined, outDir: string): string {
  const nameOf = (c: Parameters<typeof shownName>[0]) => shownName(c, locale);
  if (only) {
    const command = commands.find((c) => c.name === only || nameOf(c) === only);
    if (!command) return `✗ No command /${only}. Commands: ${commands.map((c) => `/${nameOf(c)}`).join(', ')}`;
    return [`/${nameOf(command)}: ${shownDescription(command, locale)}`, ...describeOptions(command.options ?? [], locale)].join('\n');
  }
  const lines = ['Commands (options are name:value; quote values with spaces):'];
  for (const c of commands) {
    const options = (c.options ?? []).map((o) => nameOf(o)).join(' ');
    lines.push(`  /${nameOf(c)}${options ? ` [${options}]` : ''}: ${shownDescription(c, locale)}`);
  }
  lines.push(
    locale.startsWith('pt')
      ? 'Examples: /treinar dados:xor epocas:300 ocultas:4,4 · /demo tema:stroke · /cancelar treino:ID'
      : 'Examples: /train dataset:xor epochs:300 hidden:4,4 · /demo topic:stroke · /cancel job:ID',
    'Also: :help train (one command in detail) · !click [label] (press a button of the newest message that has one) · :lang pt-BR | en-US · :quit',
    `Pictures are saved to ${outDir}.`,
  );
  return lines.join('\n');
}

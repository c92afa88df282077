/**
 * The sandbox terminal's input language, parsed against the commands registered on the local
 * Discord (so option types, choices and localized names come from the same JSON Discord has):
 *
 *     /train dataset:xor epochs:300 hidden:4,4     a slash command; name:value options
 *     /explain topic:"back prop"                   quotes for values with spaces
 *     /treinar dados:xor epocas:300                the pt-BR names work too
 *     /train dataset:upload file:./my.csv target:y an attachment option takes a local path
 *     !click                                       press the button of the newest message that has one
 *     !click cancel | !click cancel:ID             ...or the button with that label or custom id
 *     :lang pt-BR   :help   :quit
 *
 * Pure: no I/O, so every rule is tested on its own (test/start/terminal.test.ts).
 */
import { ApplicationCommandOptionType, type APIApplicationCommand, type APIApplicationCommandOption } from 'discord.js';
import type { CommandOptionInput } from '../sandbox/index.js';

export type ParsedLine =
  | { kind: 'empty' }
  | { kind: 'command'; name: string; options: CommandOptionInput[]; /** Local paths of attachment options, by filename used in `options`. */ files: { path: string; filename: string }[] }
  | { kind: 'click'; target?: string }
  | { kind: 'lang'; locale: string }
  | { kind: 'help'; /** `:help train`: one command in detail. */ command?: string }
  | { kind: 'quit' }
  | { kind: 'error'; message: string };

const LOCALES = ['en-US', 'pt-BR'];

/** Splits on spaces outside quotes; quotes (single or double) group and are removed; `\"` escapes inside double quotes. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let inToken = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"' && (text[i + 1] === '"' || text[i + 1] === '\\')) current += text[++i];
      else if (c === quote) quote = null;
      else current += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      inToken = true;
    } else if (/\s/.test(c)) {
      if (inToken) tokens.push(current);
      current = '';
      inToken = false;
    } else {
      current += c;
      inToken = true;
    }
  }
  if (quote) throw new SyntaxError(`a ${quote} quote is not closed`);
  if (inToken) tokens.push(current);
  return tokens;
}

type Localizations = Partial<Record<string, string | null>> | null | undefined;

/** The name a user of `locale` sees (Discord shows the localized name when there is one). */
export function shownName(item: { name: string; name_localizations?: Localizations }, locale: string): string {
  return item.name_localizations?.[locale] ?? item.name;
}

/** The description a user of `locale` sees. */
export function shownDescription(item: { description: string; description_localizations?: Localizations }, locale: string): string {
  return item.description_localizations?.[locale] ?? item.description;
}

/** Matches a typed name against the canonical name and every localization (case-insensitive). */
function matches(item: { name: string; name_localizations?: Localizations }, typed: string): boolean {
  const wanted = typed.toLowerCase();
  return item.name.toLowerCase() === wanted || Object.values(item.name_localizations ?? {}).some((n) => n?.toLowerCase() === wanted);
}

const TYPE_NAMES: Partial<Record<ApplicationCommandOptionType, string>> = {
  [ApplicationCommandOptionType.String]: 'text',
  [ApplicationCommandOptionType.Integer]: 'whole number',
  [ApplicationCommandOptionType.Number]: 'number',
  [ApplicationCommandOptionType.Boolean]: 'true or false',
  [ApplicationCommandOptionType.Attachment]: 'a file path',
};

/** One line of help per option: `name` (type, required) description [choices]. */
export function describeOptions(options: readonly APIApplicationCommandOption[], locale: string): string[] {
  return options.map((o) => {
    const choices = 'choices' in o && o.choices?.length ? ` [${o.choices.map((c) => c.value).join(', ')}]` : '';
    const type = TYPE_NAMES[o.type] ?? 'subcommand';
    const required = 'required' in o && o.required ? ', required' : '';
    return `  ${shownName(o, locale)}: ${type}${required}. ${shownDescription(o, locale)}${choices}`;
  });
}

/** The value typed for an option, converted to its registered type and checked against its rules. */
function convert(option: APIApplicationCommandOption, raw: string, locale: string): string | number | boolean {
  const label = `\`${shownName(option, locale)}\``;
  const fail = (allowed: string) => {
    throw new RangeError(`Invalid value for ${label}: ${allowed} (got ${JSON.stringify(raw)})`);
  };
  let value: string | number | boolean;
  switch (option.type) {
    case ApplicationCommandOptionType.String:
      value = raw;
      if (option.min_length !== undefined && raw.length < option.min_length) fail(`at least ${option.min_length} characters`);
      if (option.max_length !== undefined && raw.length > option.max_length) fail(`at most ${option.max_length} characters`);
      break;
    case ApplicationCommandOptionType.Integer:
      if (!/^[-+]?\d+$/.test(raw)) fail('a whole number');
      value = Number(raw);
      break;
    case ApplicationCommandOptionType.Number: {
      // Discord's pt-BR client accepts a decimal comma; so does the terminal.
      const text = /^[-+]?\d+,\d+$/.test(raw) ? raw.replace(',', '.') : raw;
      value = text.trim() === '' ? Number.NaN : Number(text);
      if (!Number.isFinite(value)) fail('a number');
      break;
    }
    case ApplicationCommandOptionType.Boolean: {
      const word = raw.toLowerCase();
      if (['true', 'yes', 'sim', '1', 'on'].includes(word)) value = true;
      else if (['false', 'no', 'não', 'nao', '0', 'off'].includes(word)) value = false;
      else return fail('true or false');
      break;
    }
    case ApplicationCommandOptionType.Attachment:
      value = raw;
      break;
    default:
      throw new RangeError(`${label} takes a Discord user, channel or role, which the terminal cannot give`);
  }
  if ((option.type === ApplicationCommandOptionType.Integer || option.type === ApplicationCommandOptionType.Number) && typeof value === 'number') {
    if (option.min_value !== undefined && value < option.min_value) fail(`at least ${option.min_value}`);
    if (option.max_value !== undefined && value > option.max_value) fail(`at most ${option.max_value}`);
  }
  if ('choices' in option && option.choices && option.choices.length > 0) {
    // A choice is picked by its value or by the name the user sees (any language).
    const picked = option.choices.find((c) => String(c.value).toLowerCase() === String(value).toLowerCase() || matches(c, raw));
    if (!picked) fail(`one of ${option.choices.map((c) => c.value).join(', ')}`);
    value = picked!.value;
  }
  return value;
}

/** name:value tokens against a list of options (a command's or a subcommand's). */
function parseOptions(
  tokens: string[],
  options: readonly APIApplicationCommandOption[],
  where: string,
  locale: string,
  files: { path: string; filename: string }[],
): CommandOptionInput[] {
  const subcommands = options.filter((o) => o.type === ApplicationCommandOptionType.Subcommand || o.type === ApplicationCommandOptionType.SubcommandGroup);
  if (subcommands.length > 0) {
    const [first, ...rest] = tokens;
    const names = subcommands.map((s) => shownName(s, locale)).join(', ');
    if (first === undefined) throw new RangeError(`${where} needs a subcommand: ${names}`);
    const sub = subcommands.find((s) => matches(s, first));
    if (!sub) throw new RangeError(`Unknown subcommand \`${first}\` for ${where}. Its subcommands: ${names}`);
    const nested = 'options' in sub ? (sub.options ?? []) : [];
    return [{ name: sub.name, type: sub.type, options: parseOptions(rest, nested as APIApplicationCommandOption[], `${where} ${shownName(sub, locale)}`, locale, files) }];
  }
  const allowed = () => (options.length === 0 ? 'it takes no options' : `Its options: ${options.map((o) => shownName(o, locale)).join(', ')}`);
  const given: CommandOptionInput[] = [];
  for (const token of tokens) {
    const colon = token.indexOf(':');
    if (colon <= 0) throw new RangeError(`Options are written name:value, e.g. ${options[0] ? `${shownName(options[0], locale)}:…` : 'name:value'} (got ${JSON.stringify(token)}). ${allowed()}`);
    const typed = token.slice(0, colon);
    const raw = token.slice(colon + 1);
    const option = options.find((o) => matches(o, typed));
    if (!option) throw new RangeError(`Unknown option \`${typed}\` for ${where}. ${allowed()}`);
    if (given.some((g) => g.name === option.name)) throw new RangeError(`The option \`${typed}\` is given twice`);
    if (raw === '') throw new RangeError(`The option \`${typed}\` needs a value after the colon, e.g. ${typed}:${exampleValue(option)}`);
    let value = convert(option, raw, locale);
    if (option.type === ApplicationCommandOptionType.Attachment) {
      const filename = raw.split(/[\\/]/).pop() || 'file';
      files.push({ path: raw, filename });
      value = filename;
    }
    given.push({ name: option.name, type: option.type, value });
  }
  const missing = options.filter((o) => 'required' in o && o.required && !given.some((g) => g.name === o.name));
  if (missing.length > 0) {
    throw new RangeError(`Missing ${missing.map((o) => `\`${shownName(o, locale)}\``).join(', ')} for ${where}, e.g. ${where} ${missing.map((o) => `${shownName(o, locale)}:${exampleValue(o)}`).join(' ')}`);
  }
  return given;
}

function exampleValue(option: APIApplicationCommandOption): string {
  if ('choices' in option && option.choices?.[0]) return String(option.choices[0].value);
  switch (option.type) {
    case ApplicationCommandOptionType.Integer:
      return '10';
    case ApplicationCommandOptionType.Number:
      return '0.5';
    case ApplicationCommandOptionType.Boolean:
      return 'true';
    case ApplicationCommandOptionType.Attachment:
      return './file.csv';
    default:
      return 'ID';
  }
}

/**
 * Parses one line typed in the sandbox terminal.
 * @param commands the commands registered on the local Discord
 * @param locale the simulated user's client language ("en-US", "pt-BR")
 * @example parseLine('/train dataset:xor epochs:300', commands, 'en-US')
 *   // { kind: 'command', name: 'train', options: [{ name: 'dataset', type: 3, value: 'xor' }, { name: 'epochs', type: 4, value: 300 }], files: [] }
 */
export function parseLine(line: string, commands: readonly APIApplicationCommand[], locale: string): ParsedLine {
  const text = line.trim();
  if (text === '') return { kind: 'empty' };
  let tokens: string[];
  try {
    tokens = tokenize(text);
  } catch (error) {
    return { kind: 'error', message: `Could not read that line: ${(error as Error).message}` };
  }
  const [head, ...rest] = tokens;
  if (head.startsWith(':')) return parseMeta(head.slice(1).toLowerCase(), rest);
  if (head === '!click' || head === '!press') return rest.length > 0 ? { kind: 'click', target: rest.join(' ') } : { kind: 'click' };
  if (!head.startsWith('/')) {
    return { kind: 'error', message: 'Type a slash command such as /train dataset:xor epochs:300, !click to press a button, or :help.' };
  }
  const typed = head.slice(1);
  const command = commands.find((c) => matches(c, typed));
  if (!command) {
    // The bot may have a /help of its own (then it is found above); else the terminal's.
    if (typed.toLowerCase() === 'help') return rest[0] ? { kind: 'help', command: rest[0].replace(/^\//, '') } : { kind: 'help' };
    const names = commands.map((c) => `/${shownName(c, locale)}`).join(', ');
    return { kind: 'error', message: `Unknown command /${typed}. Commands: ${names} (and :help)` };
  }
  const files: { path: string; filename: string }[] = [];
  try {
    const options = parseOptions(rest, command.options ?? [], `/${shownName(command, locale)}`, locale, files);
    return { kind: 'command', name: command.name, options, files };
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
}

function parseMeta(word: string, args: string[]): ParsedLine {
  switch (word) {
    case 'q':
    case 'quit':
    case 'exit':
      return { kind: 'quit' };
    case 'help':
    case 'h':
    case '?':
      return args[0] ? { kind: 'help', command: args[0].replace(/^\//, '') } : { kind: 'help' };
    case 'lang':
    case 'locale': {
      const wanted = args[0]?.toLowerCase();
      const locale = LOCALES.find((l) => l.toLowerCase() === wanted || l.slice(0, 2).toLowerCase() === wanted);
      if (!locale) return { kind: 'error', message: `:lang takes one of ${LOCALES.join(', ')} (got ${JSON.stringify(args[0] ?? '')})` };
      return { kind: 'lang', locale };
    }
    default:
      return { kind: 'error', message: `Unknown :${word}. Try :help, :lang pt-BR or :quit.` };
  }
}

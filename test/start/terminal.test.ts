import type { APIApplicationCommand } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import { parseLine, tokenize } from '../../src/start/line.js';
import { findButton, helpText } from '../../src/start/terminal.js';
import type { RecordedMessage } from '../../src/sandbox/index.js';

/** The commands as the local Discord holds them after deploy-commands (the builder's JSON). */
const commands = COMMANDS.map((c) => c.data.toJSON()) as unknown as APIApplicationCommand[];
const parse = (line: string, locale = 'en-US') => parseLine(line, commands, locale);

describe('tokenize', () => {
  it('splits on spaces, groups quoted text and drops the quotes', () => {
    expect(tokenize(`/explain topic:"back prop" x:'a b'  y:1`)).toEqual(['/explain', 'topic:back prop', 'x:a b', 'y:1']);
  });
  it('keeps escaped double quotes and empty quoted values', () => {
    expect(tokenize(String.raw`/train target:"say \"hi\"" hidden:""`)).toEqual(['/train', 'target:say "hi"', 'hidden:']);
  });
  it('refuses an unclosed quote', () => {
    expect(() => tokenize('/train target:"oops')).toThrow(/quote is not closed/);
    expect(parse('/train target:"oops')).toEqual({ kind: 'error', message: 'Could not read that line: a " quote is not closed' });
  });
});

describe('parseLine: slash commands', () => {
  it('types each option as registered: strings, integers, numbers', () => {
    expect(parse('/train dataset:xor epochs:300 hidden:4,4 learning-rate:0.05')).toEqual({
      kind: 'command',
      name: 'train',
      files: [],
      options: [
        { name: 'dataset', type: 3, value: 'xor' },
        { name: 'epochs', type: 4, value: 300 },
        { name: 'hidden', type: 3, value: '4,4' },
        { name: 'learning-rate', type: 10, value: 0.05 },
      ],
    });
  });

  it('takes the pt-BR names and a decimal comma, and sends the canonical names', () => {
    const parsed = parse('/treinar dados:spiral epocas:50 taxa:0,01', 'pt-BR');
    expect(parsed).toMatchObject({ kind: 'command', name: 'train', options: [{ name: 'dataset', value: 'spiral' }, { name: 'epochs', value: 50 }, { name: 'learning-rate', value: 0.01 }] });
  });

  it('picks a choice by its value or by the name users see', () => {
    expect(parse('/demo topic:stroke')).toMatchObject({ kind: 'command', name: 'demo', options: [{ name: 'topic', type: 3, value: 'stroke' }] });
    expect(parse('/demo tema:"AVC (stroke)"', 'pt-BR')).toMatchObject({ options: [{ name: 'topic', value: 'stroke' }] });
    expect(parse('/train dataset:XOR')).toMatchObject({ options: [{ name: 'dataset', value: 'xor' }] });
  });

  it('turns an attachment option into an upload of the local file', () => {
    expect(parse('/train file:./data/my.csv target:y')).toEqual({
      kind: 'command',
      name: 'train',
      files: [{ path: './data/my.csv', filename: 'my.csv' }],
      options: [
        { name: 'file', type: 11, value: 'my.csv' },
        { name: 'target', type: 3, value: 'y' },
      ],
    });
  });

  it('names the allowed options when one is unknown, in the user language', () => {
    const en = parse('/train epochz:3');
    expect(en).toEqual({ kind: 'error', message: expect.stringContaining('Unknown option `epochz` for /train. Its options: dataset, file, target, hidden') });
    const pt = parse('/treinar epochz:3', 'pt-BR');
    expect(pt).toEqual({ kind: 'error', message: expect.stringContaining('Unknown option `epochz` for /treinar. Its options: dados, arquivo, alvo, ocultas') });
  });

  it('says what a value must be', () => {
    expect(parse('/train epochs:abc')).toEqual({ kind: 'error', message: 'Invalid value for `epochs`: a whole number (got "abc")' });
    expect(parse('/train learning-rate:fast')).toEqual({ kind: 'error', message: 'Invalid value for `learning-rate`: a number (got "fast")' });
    expect(parse('/train dataset:nope')).toEqual({ kind: 'error', message: expect.stringMatching(/^Invalid value for `dataset`: one of xor, .*stroke \(got "nope"\)$/) });
  });

  it('refuses missing required options, repeated options, bare words and empty values', () => {
    expect(parse('/cancel')).toEqual({ kind: 'error', message: 'Missing `job` for /cancel, e.g. /cancel job:ID' });
    expect(parse('/train epochs:3 epochs:4')).toMatchObject({ kind: 'error', message: 'The option `epochs` is given twice' });
    expect(parse('/train xor')).toMatchObject({ kind: 'error', message: expect.stringContaining('Options are written name:value, e.g. dataset:… (got "xor")') });
    expect(parse('/train epochs:')).toMatchObject({ kind: 'error', message: 'The option `epochs` needs a value after the colon, e.g. epochs:10' });
  });

  it('keeps colons inside a value', () => {
    expect(parse('/cancel job:abc:def')).toMatchObject({ kind: 'command', options: [{ name: 'job', value: 'abc:def' }] });
  });

  it('lists the commands when one is unknown', () => {
    expect(parse('/trian')).toEqual({ kind: 'error', message: expect.stringMatching(/^Unknown command \/trian\. Commands: \/train, \/cancel, \/demo/) });
  });
});

describe('parseLine: the terminal own words', () => {
  it('reads :lang, :quit, :help and !click', () => {
    expect(parse(':lang pt')).toEqual({ kind: 'lang', locale: 'pt-BR' });
    expect(parse(':lang EN-us')).toEqual({ kind: 'lang', locale: 'en-US' });
    expect(parse(':lang fr')).toMatchObject({ kind: 'error' });
    expect(parse(':quit')).toEqual({ kind: 'quit' });
    expect(parse(':help /train')).toEqual({ kind: 'help', command: 'train' });
    expect(parse('!click')).toEqual({ kind: 'click' });
    expect(parse('!click cancel:abc')).toEqual({ kind: 'click', target: 'cancel:abc' });
    expect(parse('   ')).toEqual({ kind: 'empty' });
    expect(parse('hello')).toMatchObject({ kind: 'error', message: expect.stringContaining('Type a slash command') });
  });

  it('answers /help itself only when the bot has none', () => {
    expect(parse('/help')).toMatchObject({ kind: 'command', name: 'help' });
    expect(parseLine('/help', commands.filter((c) => c.name !== 'help'), 'en-US')).toEqual({ kind: 'help' });
  });

  it('shows every command, or one in detail, in the user language', () => {
    expect(helpText(commands, 'pt-BR', undefined, './out')).toMatch(/\/treinar \[dados arquivo alvo/);
    expect(helpText(commands, 'en-US', 'train', './out')).toMatch(/epochs: whole number\. Passes over the data/);
  });
});

describe('findButton', () => {
  const message = (id: string, buttons: { custom_id: string; label: string }[]) =>
    ({ id, deleted: false, components: [{ type: 1, components: buttons.map((b) => ({ type: 2, style: 4, ...b })) }] }) as unknown as RecordedMessage;
  const messages = [message('1', [{ custom_id: 'cancel:old', label: 'Cancel' }]), message('2', []), message('3', [{ custom_id: 'cancel:new', label: 'Cancel' }])];

  it('presses the newest button by default, or the one named by label, custom id or its prefix', () => {
    expect(findButton(messages)?.customId).toBe('cancel:new');
    expect(findButton(messages, 'cancel:old')?.customId).toBe('cancel:old');
    expect(findButton(messages, 'CANCEL')?.customId).toBe('cancel:new');
    expect(findButton(messages, 'details')).toBeUndefined();
  });
});

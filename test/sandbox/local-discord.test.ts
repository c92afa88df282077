import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  DiscordAPIError,
  EmbedBuilder,
  MessageFlags,
  REST,
  RESTEvents,
  Routes,
  SlashCommandBuilder,
  type ChatInputCommandInteraction,
  type Interaction,
} from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { startLocalDiscord, formatMessage, type LocalDiscord } from '../../src/sandbox/index.js';
import { startSandbox, TINY_PNG, type Sandbox } from './harness.js';

let open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.map((o) => o.close()));
  open = [];
});

async function sandbox(onCommand: (i: ChatInputCommandInteraction) => Promise<void>, options?: Parameters<typeof startSandbox>[1], onOther?: (i: Interaction) => Promise<void>): Promise<Sandbox> {
  const box = await startSandbox(async (i) => {
    if (i.isChatInputCommand()) await onCommand(i);
    else await onOther?.(i);
  }, options);
  open.push(box);
  return box;
}

/** Reads width and height from a PNG's IHDR chunk (the test's "decoding"). */
function pngSize(data: Buffer): { width: number; height: number } {
  expect(data.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(data.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

describe('local Discord with the real discord.js client', () => {
  it('gets the client ready at once (GUILD_CREATE sent, channel cached)', async () => {
    const started = Date.now();
    const { client, discord } = await sandbox(async () => {});
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(client.user?.id).toBe(discord.botUser.id);
    expect(client.application?.id).toBe(discord.applicationId);
    const channel = client.channels.cache.get(discord.channelId);
    expect(channel?.isTextBased()).toBe(true);
    expect(client.guilds.cache.get(discord.guildId)?.members.me?.id).toBe(discord.botUser.id);
  });

  it('records defer -> editReply (embed + PNG) -> followUp, then a thread with two posts', async () => {
    const { discord, handlerErrors } = await sandbox(async (i) => {
      await i.deferReply();
      const embed = new EmbedBuilder().setTitle('Loss').setDescription(`lr ${i.options.getNumber('lr')}`).setImage('attachment://loss.png');
      const reply = await i.editReply({ embeds: [embed], files: [{ attachment: TINY_PNG, name: 'loss.png' }] });
      await i.followUp({ content: 'done' });
      const thread = await reply.startThread({ name: 'How it learned', autoArchiveDuration: 60 });
      await thread.send('Step 1: forward pass');
      await thread.send('Step 2: backward pass');
    });
    const alice = discord.createUser({ username: 'alice' });
    const run = discord.sendCommand({ user: alice, name: 'train', options: [{ name: 'lr', type: 10, value: 0.1 }] });
    const ack = await run.waitForResponse();
    expect(ack.type).toBe(5);
    expect(ack.ackMs).toBeLessThan(discord.limits.ackDeadlineMs);

    const thread = await discord.waitFor(() => discord.threads[0]);
    await discord.waitFor(() => discord.messagesIn(thread.id).length === 2);
    expect(handlerErrors).toEqual([]);

    const reply = run.original()!;
    expect(reply.embeds[0].title).toBe('Loss');
    expect(reply.embeds[0].description).toBe('lr 0.1');
    expect(reply.embeds[0].image?.url).toBe(reply.attachments[0].url);
    expect(reply.flags & MessageFlags.Loading).toBe(0);
    expect(reply.edits).toHaveLength(1);
    expect(reply.edits[0].via).toBe('interaction-token');
    expect(pngSize(reply.attachments[0].data)).toEqual({ width: 1, height: 1 });
    expect(reply.author.id).toBe(discord.botUser.id);
    expect(run.followUps.map((m) => m.content)).toEqual(['done']);

    expect(thread).toMatchObject({ id: reply.id, name: 'How it learned', autoArchiveDuration: 60, parentId: discord.channelId });
    expect(discord.messagesIn(thread.id).map((m) => m.content)).toEqual(['Step 1: forward pass', 'Step 2: backward pass']);
    expect(formatMessage(reply)).toContain('📎 loss.png');
    expect(discord.violations).toEqual([]);
  });

  it('records an ephemeral reply, and a button click answered with update', async () => {
    const { discord } = await sandbox(
      async (i) => {
        if (i.commandName === 'secret') {
          await i.reply({ content: 'only you', flags: MessageFlags.Ephemeral });
          return;
        }
        const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('cancel').setLabel('Cancel').setStyle(ButtonStyle.Danger),
        );
        await i.reply({ content: 'queued', components: [row] });
      },
      {},
      async (i) => {
        if (i.isButton()) await i.update({ content: `cancelled by ${i.user.username}`, components: [] });
      },
    );
    const bob = discord.createUser({ username: 'bob', locale: 'pt-BR' });

    const secret = discord.sendCommand({ user: bob, name: 'secret' });
    await secret.waitForResponse();
    expect(secret.original()).toMatchObject({ content: 'only you', flags: MessageFlags.Ephemeral });

    const queued = discord.sendCommand({ user: bob, name: 'train' });
    await queued.waitForResponse();
    const message = queued.original()!;
    const click = discord.clickButton({ user: bob, message, customId: 'cancel' });
    const ack = await click.waitForResponse();
    expect(ack.type).toBe(7);
    expect(message.content).toBe('cancelled by bob');
    expect(message.components).toEqual([]);
    expect(message.edits[0].before.content).toBe('queued');
    expect(() => discord.clickButton({ user: bob, message, customId: 'cancel' })).toThrow(/no component/);
    expect(discord.violations).toEqual([]);
  });

  it('rejects editReply after the token expired (50027) while the bot token still edits the message', async () => {
    let replied: (i: ChatInputCommandInteraction) => void;
    const repliedTo = new Promise<ChatInputCommandInteraction>((resolve) => (replied = resolve));
    const { client, discord } = await sandbox(async (i) => {
      await i.reply('epoch 1');
      replied(i);
    });
    const run = discord.sendCommand({ user: discord.createUser({ username: 'carol' }), name: 'train' });
    const interaction = await repliedTo;
    discord.expireTokens();

    const error = await interaction.editReply('epoch 2').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50027);
    expect(discord.violations.map((v) => v.kind)).toEqual(['token-expired']);

    const channel = await client.channels.fetch(discord.channelId);
    if (!channel?.isTextBased()) throw new Error('expected a text channel');
    await channel.messages.edit(run.original()!.id, { content: 'epoch 2 (bot token)' });
    expect(run.original()!.content).toBe('epoch 2 (bot token)');
    expect(run.original()!.edits.map((e) => e.via)).toEqual(['bot-token']);
  });

  it('answers withResponse, fetchReply, and fills a deferred reply with the first follow-up', async () => {
    const seen: string[] = [];
    const { discord, handlerErrors } = await sandbox(async (i) => {
      seen.push(`${i.locale} ${i.memberPermissions?.has('ManageGuild')}`);
      if (i.commandName === 'now') {
        const response = await i.reply({ content: 'hello', withResponse: true });
        seen.push(response.resource?.message?.content ?? '?');
        seen.push((await i.fetchReply()).content);
        return;
      }
      await i.deferReply({ flags: MessageFlags.Ephemeral });
      await i.followUp('result');
    });
    const user = discord.createUser({ username: 'gus', permissions: ['ManageGuild'] });
    discord.sendCommand({ user, name: 'now', locale: 'pt-BR' });
    await discord.waitFor(() => seen.length === 3);
    expect(seen).toEqual(['pt-BR true', 'hello', 'hello']);

    const later = discord.sendCommand({ user, name: 'later' });
    await discord.waitFor(() => later.original()?.content === 'result');
    expect(later.original()!.flags).toBe(MessageFlags.Ephemeral);
    expect(later.followUps).toEqual([]);
    expect(handlerErrors).toEqual([]);
  });

  it('enforces thread rules: name length, one thread per message', async () => {
    const codes: number[] = [];
    const { discord } = await sandbox(async (i) => {
      const reply = await i.reply({ content: 'run', withResponse: true });
      const message = reply.resource!.message!;
      codes.push(await message.startThread({ name: 'n'.repeat(101) }).then(() => 0, (e: DiscordAPIError) => Number(e.code)));
      await message.startThread({ name: 'Story' });
      codes.push(await message.startThread({ name: 'Again' }).then(() => 0, (e: DiscordAPIError) => Number(e.code)));
    });
    discord.sendCommand({ user: discord.createUser({ username: 'hal' }), name: 'train' });
    await discord.waitFor(() => codes.length === 2);
    expect(codes).toEqual([50035, 160004]);
    expect(discord.threads.map((t) => t.name)).toEqual(['Story']);
    expect(discord.violations.map((v) => v.kind)).toEqual(['thread-invalid', 'thread-exists']);
  });

  it('rejects content over 2,000 characters and records the violation', async () => {
    const { discord } = await sandbox(async (i) => {
      await i.reply('x'.repeat(2_001)).catch(async (error: unknown) => {
        await i.reply(`failed with ${(error as DiscordAPIError).code}`);
      });
    });
    const run = discord.sendCommand({ user: discord.createUser({ username: 'dave' }), name: 'long' });
    await run.waitForResponse();
    expect(run.original()?.content).toBe('failed with 50035');
    expect(discord.violations).toMatchObject([{ kind: 'content-too-long', status: 400, code: 50035 }]);
  });

  it('records a late acknowledgement and answers it with 10062', async () => {
    let failed: (error: unknown) => void;
    const lateError = new Promise<unknown>((resolve) => (failed = resolve));
    const { discord } = await sandbox(
      async (i) => {
        await new Promise((r) => setTimeout(r, 250));
        failed(await i.deferReply().catch((e: unknown) => e));
      },
      { limits: { ackDeadlineMs: 100 } },
    );
    discord.sendCommand({ user: discord.createUser({ username: 'erin' }), name: 'slow' });
    expect(((await lateError) as DiscordAPIError).code).toBe(10062);
    expect(discord.violations.map((v) => v.kind)).toEqual(['ack-deadline', 'unknown-interaction']);
  });

  it('survives 429s: discord.js retries injected ones and queues on advertised limits', async () => {
    const { client, discord } = await sandbox(async () => {}, { limits: { routeRequestsPerWindow: 2, routeWindowMs: 300 } });
    const channel = client.channels.cache.get(discord.channelId);
    if (!channel?.isSendable()) throw new Error('expected a sendable channel');
    let tooManyRequests = 0;
    let queuedByClient = 0;
    client.rest.on(RESTEvents.Response, (_request, response) => void (response.status === 429 && tooManyRequests++));
    client.rest.on(RESTEvents.RateLimited, () => void queuedByClient++);
    discord.injectRateLimit({ times: 1, retryAfterMs: 100, routeIncludes: 'POST /channels' });
    for (let n = 1; n <= 4; n++) await channel.send(`post ${n}`);
    expect(discord.messagesIn().map((m) => m.content)).toEqual(['post 1', 'post 2', 'post 3', 'post 4']);
    expect(tooManyRequests).toBe(1);
    expect(queuedByClient).toBeGreaterThan(0);
    // The injected 429 is Discord's doing; the client never broke the advertised limit.
    expect(discord.violations).toEqual([]);
  });

  it('serves files a user attaches to a command at the URL in the interaction', async () => {
    let fetched: { text: string; name: string; size: number } | undefined;
    const { discord } = await sandbox(async (i) => {
      const file = i.options.getAttachment('data', true);
      const response = await fetch(file.url);
      fetched = { text: await response.text(), name: file.name, size: file.size };
      await i.reply('read');
    });
    const csv = Buffer.from('age,stroke\n67,1\n');
    const run = discord.sendCommand({
      user: discord.createUser({ username: 'fran' }),
      name: 'upload',
      options: [{ name: 'data', type: 11, value: 'patients.csv' }],
      attachments: [{ filename: 'patients.csv', contentType: 'text/csv', data: csv }],
    });
    await run.waitForResponse();
    expect(fetched).toEqual({ text: csv.toString(), name: 'patients.csv', size: csv.length });
  });

  it('registers global and guild commands through the REST class of discord.js', async () => {
    const discord: LocalDiscord = await startLocalDiscord();
    open.push(discord);
    const rest = new REST({ api: discord.apiUrl }).setToken('local.sandbox.token');
    const train = new SlashCommandBuilder()
      .setName('train')
      .setDescription('Train a network')
      .setNameLocalizations({ 'pt-BR': 'treinar' })
      .addNumberOption((o) => o.setName('lr').setDescription('learning rate'));
    const global = (await rest.put(Routes.applicationCommands(discord.applicationId), { body: [train.toJSON()] })) as { id: string }[];
    await rest.put(Routes.applicationGuildCommands(discord.applicationId, discord.guildId), { body: [train.toJSON()] });
    expect(discord.globalCommands).toMatchObject([{ name: 'train', name_localizations: { 'pt-BR': 'treinar' }, id: global[0].id }]);
    expect(discord.guildCommands()).toMatchObject([{ name: 'train', guild_id: discord.guildId }]);

    const again = (await rest.put(Routes.applicationCommands(discord.applicationId), { body: [train.toJSON()] })) as { id: string }[];
    expect(again[0].id).toBe(global[0].id);
    const bad = await rest.put(Routes.applicationCommands(discord.applicationId), { body: [{ name: 'Train', description: 'x' }] }).catch((e: unknown) => e);
    expect((bad as DiscordAPIError).code).toBe(50035);
    expect(discord.violations.map((v) => v.kind)).toEqual(['invalid-command']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import { deployCommands, deployOptionsFromEnv } from '../../scripts/deploy-commands.js';
import { startLocalDiscord, type LocalDiscord } from '../../src/sandbox/index.js';

let discord: LocalDiscord;
beforeAll(async () => {
  discord = await startLocalDiscord();
});
afterAll(async () => {
  await discord?.close();
});

describe('deploy-commands', () => {
  it('registers guild commands when a guild is given, global ones otherwise', async () => {
    const base = { token: 'local.sandbox.token', clientId: discord.applicationId, apiUrl: discord.apiUrl };
    const guild = await deployCommands({ ...base, guildId: discord.guildId });
    expect(guild).toEqual({ scope: 'guild', names: COMMANDS.map((c) => c.data.name) });
    expect(discord.guildCommands().map((c) => c.name)).toContain('demo');
    const demo = discord.guildCommands().find((c) => c.name === 'demo')!;
    expect(demo.name_localizations?.['pt-BR']).toBe('demo');
    expect(demo.options?.[0]).toMatchObject({ name: 'topic', choices: [{ value: 'stroke' }] });

    const global = await deployCommands(base);
    expect(global.scope).toBe('global');
    expect(discord.globalCommands).toHaveLength(COMMANDS.length);
    expect(discord.violations).toEqual([]);
  });

  it('says which settings are missing, and how to try the bot without them', () => {
    const result = deployOptionsFromEnv({ DISCORD_TOKEN: '', DISCORD_CLIENT_ID: '' });
    expect(result).toEqual({ problem: expect.stringMatching(/set DISCORD_TOKEN .* and DISCORD_CLIENT_ID .* in \.env[\s\S]*npm start/) });
    expect(deployOptionsFromEnv({ DISCORD_TOKEN: 't', DISCORD_CLIENT_ID: '42', DISCORD_GUILD_ID: '7' })).toEqual({ token: 't', clientId: '42', guildId: '7', apiUrl: 'https://discord.com/api' });
  });
});

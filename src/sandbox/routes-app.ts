import { ApplicationCommandType, type APIApplicationCommand, type APIGatewayBotInfo } from 'discord.js';
import { DiscordHttpError, invalidForm, unknownApplication, unknownGuild, unknownMember, unknownUser } from './errors.js';
import { GATEWAY_PATH } from './gateway.js';
import { buildGuild, buildMember } from './guild.js';
import type { Route, RouteContext } from './router.js';
import type { World } from './state.js';

/** Gateway discovery, the bot's own user and application, guilds and members, command registration. */
export function appRoutes(): Route[] {
  const bot = { auth: 'bot', rateLimited: true } as const;
  return [
    { ...bot, method: 'GET', path: '/gateway/bot', handle: ({ world }) => ({ status: 200, json: gatewayBot(world) }) },
    { ...bot, auth: 'none', method: 'GET', path: '/gateway', handle: ({ world }) => ({ status: 200, json: { url: gatewayUrl(world) } }) },
    { ...bot, method: 'GET', path: '/users/@me', handle: ({ world }) => ({ status: 200, json: world.setup.botUser }) },
    {
      ...bot,
      method: 'GET',
      path: '/users/:userId',
      handle: ({ world, params }) => {
        const member = world.users.get(params.userId);
        if (!member) throw unknownUser();
        return { status: 200, json: member.user };
      },
    },
    { ...bot, method: 'GET', path: '/applications/@me', handle: ({ world }) => ({ status: 200, json: application(world) }) },
    { ...bot, method: 'GET', path: '/oauth2/applications/@me', handle: ({ world }) => ({ status: 200, json: application(world) }) },
    { ...bot, method: 'GET', path: '/applications/:applicationId/commands', handle: (ctx) => ({ status: 200, json: commandsOf(ctx, null) }) },
    { ...bot, method: 'PUT', path: '/applications/:applicationId/commands', handle: (ctx) => putCommands(ctx, null) },
    {
      ...bot,
      method: 'GET',
      path: '/applications/:applicationId/guilds/:guildId/commands',
      handle: (ctx) => ({ status: 200, json: commandsOf(ctx, ctx.params.guildId) }),
    },
    { ...bot, method: 'PUT', path: '/applications/:applicationId/guilds/:guildId/commands', handle: (ctx) => putCommands(ctx, ctx.params.guildId) },
    {
      ...bot,
      method: 'GET',
      path: '/guilds/:guildId',
      handle: ({ world, params }) => {
        if (params.guildId !== world.setup.guildId) throw unknownGuild();
        return { status: 200, json: buildGuild(world) };
      },
    },
    {
      ...bot,
      method: 'GET',
      path: '/guilds/:guildId/members/:userId',
      handle: ({ world, params }) => {
        if (params.guildId !== world.setup.guildId) throw unknownGuild();
        const member = world.users.get(params.userId);
        if (!member) throw unknownMember();
        return { status: 200, json: buildMember(member) };
      },
    },
  ];
}

export function gatewayUrl(world: World): string {
  return world.publicUrl.replace(/^http/, 'ws') + GATEWAY_PATH;
}

function gatewayBot(world: World): APIGatewayBotInfo {
  return {
    url: gatewayUrl(world),
    shards: 1,
    session_start_limit: { total: 1_000, remaining: 1_000, reset_after: 14_400_000, max_concurrency: 1 },
  };
}

function application(world: World) {
  const { applicationId, botUser } = world.setup;
  return {
    id: applicationId,
    name: botUser.username,
    icon: null,
    description: 'Local Discord sandbox application',
    bot_public: true,
    bot_require_code_grant: false,
    bot: botUser,
    verify_key: '0'.repeat(64),
    flags: 0,
    team: null,
    summary: '',
    owner: botUser,
  };
}

function requireApplication(world: World, applicationId: string): void {
  if (applicationId !== world.setup.applicationId) throw unknownApplication();
}

function commandsOf({ world, params }: RouteContext, guildId: string | null): APIApplicationCommand[] {
  requireApplication(world, params.applicationId);
  if (guildId !== null && guildId !== world.setup.guildId) throw unknownGuild();
  return guildId === null ? world.globalCommands : (world.guildCommands.get(guildId) ?? []);
}

/** Command names: 1-32 characters, lowercase, letters/digits/-/_ (Discord's CHAT_INPUT rule). */
const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/**
 * Bulk overwrite, Discord's PUT: the list replaces all commands; a command keeps its id when a
 * command of the same name and type existed (so ids stay stable across deploys).
 */
function putCommands({ world, params, body }: RouteContext, guildId: string | null) {
  requireApplication(world, params.applicationId);
  if (guildId !== null && guildId !== world.setup.guildId) throw unknownGuild();
  if (!Array.isArray(body.json)) throw new DiscordHttpError(400, 50035, 'Invalid Form Body', 'invalid-command');
  if (body.json.length > 100) throw invalidForm('invalid-command', [], 'BASE_TYPE_MAX_LENGTH', 'Must be 100 or fewer in length.');
  const previous = guildId === null ? world.globalCommands : (world.guildCommands.get(guildId) ?? []);
  const commands = (body.json as Record<string, unknown>[]).map((raw, i): APIApplicationCommand => {
    const type = (raw.type as ApplicationCommandType | undefined) ?? ApplicationCommandType.ChatInput;
    const name = String(raw.name ?? '');
    if (type === ApplicationCommandType.ChatInput) {
      if (!COMMAND_NAME.test(name) || name !== name.toLowerCase()) {
        throw invalidForm('invalid-command', [i, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
      }
      const description = String(raw.description ?? '');
      if (description.length < 1 || description.length > 100) {
        throw invalidForm('invalid-command', [i, 'description'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
      }
      if (Array.isArray(raw.options) && raw.options.length > 25) {
        throw invalidForm('invalid-command', [i, 'options'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
      }
    }
    const existing = previous.find((c) => c.name === name && c.type === type);
    // The body is the builder's JSON; Discord echoes it back with server fields added.
    return {
      ...(raw as Partial<APIApplicationCommand>),
      id: existing?.id ?? world.ids.next(),
      application_id: world.setup.applicationId,
      ...(guildId === null ? {} : { guild_id: guildId }),
      name,
      description: String(raw.description ?? ''),
      type,
      version: world.ids.next(),
      default_member_permissions: (raw.default_member_permissions as string | null | undefined) ?? null,
    } as APIApplicationCommand;
  });
  world.setCommands(guildId, commands);
  return { status: 200, json: commands };
}

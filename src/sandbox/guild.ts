import {
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildVerificationLevel,
  PermissionFlagsBits,
  type ApplicationFlags,
  type GuildMemberFlags,
  type GuildSystemChannelFlags,
  type RoleFlags,
  type APIGuild,
  type APIGuildMember,
  type APIInteractionGuildMember,
  type APIRole,
  type APIUser,
  type GatewayGuildCreateDispatchData,
  type GatewayReadyDispatchData,
  type Locale,
} from 'discord.js';
import { toAPITextChannel, toAPIThread, type SandboxUser, type World } from './state.js';

/** What every member may do: enough to use slash commands and read the bot's replies. */
export const EVERYONE_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.UseApplicationCommands |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AddReactions;

/** The bot's managed role: what a training bot needs (threads, files, editing its messages). */
export const BOT_PERMISSIONS =
  EVERYONE_PERMISSIONS |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.ManageThreads |
  PermissionFlagsBits.ManageMessages;

// Flag enums have no zero member; `0 as ...Flags` means "no flags set".

/** A user, as discord-api-types describes one. */
export function makeUser(id: string, username: string, bot = false): APIUser {
  return { id, username, discriminator: '0', global_name: bot ? null : username, avatar: null, ...(bot ? { bot: true } : {}) };
}

export function makeRole(id: string, name: string, permissions: bigint, position: number, managed = false): APIRole {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    position,
    permissions: permissions.toString(),
    managed,
    mentionable: false,
    flags: 0 as RoleFlags,
  };
}

export function buildMember(member: SandboxUser): APIGuildMember {
  return {
    user: member.user,
    nick: null,
    avatar: null,
    // @everyone (id = guild id) is implied and never listed.
    roles: member.roleIds,
    joined_at: new Date(0).toISOString(),
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
}

/** The member object inside an interaction carries its computed permissions. */
export function buildInteractionMember(member: SandboxUser): APIInteractionGuildMember {
  return { ...buildMember(member), user: member.user, permissions: member.permissions.toString() };
}

export function buildGuild(world: World): APIGuild {
  const { setup } = world;
  return {
    id: setup.guildId,
    name: setup.guildName,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: setup.botUser.id,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    roles: [...world.roles.values()],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0 as GuildSystemChannelFlags,
    rules_channel_id: null,
    vanity_url_code: null,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    preferred_locale: setup.preferredLocale as Locale,
    public_updates_channel_id: null,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
  };
}

/** GUILD_CREATE: the guild with its channels, threads, roles and members (the bot included). */
export function buildGuildCreate(world: World): GatewayGuildCreateDispatchData {
  const members = [...world.users.values()].map((m) => buildMember(m));
  return {
    ...buildGuild(world),
    joined_at: new Date(0).toISOString(),
    large: false,
    unavailable: false,
    member_count: members.length,
    voice_states: [],
    members,
    channels: [...world.channels.values()].map((c) => toAPITextChannel(world, c)),
    threads: [...world.threads.values()].map((t) => toAPIThread(world, t)),
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/** READY without the session fields, which the gateway adds. */
export function buildReady(world: World): Omit<GatewayReadyDispatchData, 'session_id' | 'resume_gateway_url'> {
  return {
    v: 10,
    user: world.setup.botUser,
    // Unavailable here, then sent whole as GUILD_CREATE, as Discord does.
    guilds: [{ id: world.setup.guildId, unavailable: true }],
    application: { id: world.setup.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
  };
}

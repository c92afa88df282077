import { ApplicationIntegrationType } from 'discord.js';

/** Key of `authorizing_integration_owners` for an app installed to a guild ("0"). */
export const GUILD_INSTALL = String(ApplicationIntegrationType.GuildInstall) as `${ApplicationIntegrationType.GuildInstall}`;

import { PermissionFlagsBits, type BaseInteraction } from 'discord.js';
import type { Caller } from '../core/context.ts';
import { localeFrom } from '../core/locale.ts';

/**
 * Who is asking: the member's own Discord locale, and organizer when they may manage the server
 * or hold the configured organizer role (DOCKHAND_ORGANIZER_ROLE_ID).
 */
export function callerFrom(interaction: BaseInteraction, organizerRoleId?: string): Caller {
  return {
    id: interaction.user.id,
    name: displayName(interaction),
    locale: localeFrom(interaction.locale),
    transport: 'discord',
    ...(interaction.guildId ? { guildId: interaction.guildId } : {}),
    ...(interaction.channelId ? { channelId: interaction.channelId } : {}),
    isOrganizer:
      (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false) ||
      (organizerRoleId !== undefined && hasRole(interaction, organizerRoleId)),
  };
}

function hasRole(interaction: BaseInteraction, roleId: string): boolean {
  const roles = interaction.member?.roles;
  if (!roles) return false;
  // A cached GuildMember has a role manager; a raw API member a list of ids.
  return Array.isArray(roles) ? roles.includes(roleId) : roles.cache.has(roleId);
}

function displayName(interaction: BaseInteraction): string {
  const member = interaction.member;
  // A cached GuildMember knows its display name; a raw API member only its nickname.
  const nickname = member && ('displayName' in member ? member.displayName : member.nick);
  return nickname || interaction.user.globalName || interaction.user.username;
}

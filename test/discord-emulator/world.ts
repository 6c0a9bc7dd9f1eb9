import { snowflake } from './snowflake.ts';

/** The guild, channel and people the emulated Discord holds. */
export interface World {
  applicationId: string;
  bot: UserPayload;
  guild: { id: string; name: string };
  channel: { id: string; name: string };
  /** A role members can be notified by (e.g. from a reminder). */
  role: { id: string; name: string };
  members: Record<string, MemberSeed>;
}

export interface UserPayload {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: string | null;
  bot?: boolean;
}

export interface MemberSeed {
  user: UserPayload;
  nick: string | null;
  /** Permission bits as Discord sends them (a decimal string). */
  permissions: string;
  /** Role ids the member holds. */
  roles?: string[];
}

// VIEW_CHANNEL | SEND_MESSAGES | READ_MESSAGE_HISTORY | USE_APPLICATION_COMMANDS
const MEMBER_PERMISSIONS = ((1n << 10n) | (1n << 11n) | (1n << 16n) | (1n << 31n)).toString();
// … plus MANAGE_GUILD
const ORGANIZER_PERMISSIONS = (BigInt(MEMBER_PERMISSIONS) | (1n << 5n)).toString();

export function createWorld(applicationId: string): World {
  const user = (username: string, globalName: string): UserPayload => ({
    id: snowflake(),
    username,
    global_name: globalName,
    discriminator: '0',
    avatar: null,
  });
  const role = { id: snowflake(), name: '스터디원' };
  return {
    applicationId,
    bot: { id: applicationId, username: 'dockhand', global_name: null, discriminator: '0', avatar: null, bot: true },
    guild: { id: snowflake(), name: '도커 스터디' },
    channel: { id: snowflake(), name: '질문-답변' },
    role,
    members: {
      minji: { user: user('minji', '민지'), nick: null, permissions: MEMBER_PERMISSIONS },
      jun: { user: user('jun', '준'), nick: '준 (3장 발표)', permissions: MEMBER_PERMISSIONS },
      alex: { user: user('alex', 'Alex'), nick: null, permissions: MEMBER_PERMISSIONS },
      organizer: { user: user('sora', '소라'), nick: '소라 (운영진)', permissions: ORGANIZER_PERMISSIONS },
      // No Manage Server, but the study role (which dockhand can be told to trust as organizers).
      helper: { user: user('hana', '하나'), nick: null, permissions: MEMBER_PERMISSIONS, roles: [role.id] },
    },
  };
}

export function channelPayload(world: World) {
  return {
    id: world.channel.id,
    type: 0,
    guild_id: world.guild.id,
    name: world.channel.name,
    position: 0,
    permission_overwrites: [],
    nsfw: false,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
    parent_id: null,
    flags: 0,
  };
}

export function memberPayload(seed: MemberSeed) {
  return {
    user: seed.user,
    nick: seed.nick,
    avatar: null,
    roles: seed.roles ?? [],
    joined_at: new Date(Date.now() - 30 * 86_400_000).toISOString(),
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    permissions: seed.permissions,
  };
}

/** GUILD_CREATE as Discord sends it to a bot with the Guilds intent. */
export function guildCreatePayload(world: World) {
  return {
    id: world.guild.id,
    name: world.guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: world.members.organizer?.user.id ?? world.bot.id,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 1,
    default_message_notifications: 1,
    explicit_content_filter: 2,
    roles: [
      {
        id: world.guild.id,
        name: '@everyone',
        color: 0,
        colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
        hoist: false,
        icon: null,
        unicode_emoji: null,
        position: 0,
        permissions: MEMBER_PERMISSIONS,
        managed: false,
        mentionable: false,
        flags: 0,
      },
      {
        id: world.role.id,
        name: world.role.name,
        color: 0,
        colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
        hoist: false,
        icon: null,
        unicode_emoji: null,
        position: 1,
        permissions: '0',
        managed: false,
        mentionable: true,
        flags: 0,
      },
    ],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: world.channel.id,
    system_channel_flags: 0,
    rules_channel_id: null,
    max_members: 500000,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: 'ko',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    joined_at: new Date(Date.now() - 7 * 86_400_000).toISOString(),
    large: false,
    unavailable: false,
    member_count: Object.keys(world.members).length + 1,
    voice_states: [],
    members: [memberPayload({ user: world.bot, nick: null, permissions: MEMBER_PERMISSIONS })],
    channels: [channelPayload(world)],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

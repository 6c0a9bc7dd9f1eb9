import {
  DiscordAPIError,
  RESTJSONErrorCodes,
  Routes,
  type REST,
  type RESTPostAPIChannelMessageJSONBody,
} from 'discord.js';
import type { Localized, Locale } from '../core/locale.ts';
import { PostFailure, type ReminderPost, type ReminderPoster } from '../reminders/poster.ts';
import { renderReply } from './render/reply-message.ts';

/** Why Discord refused a post, in words an organizer can act on. */
const REFUSALS: Record<number, Localized> = {
  [RESTJSONErrorCodes.UnknownChannel]: {
    ko: '채널이 없어요 (지워졌거나 봇이 볼 수 없어요)',
    en: 'the channel does not exist (deleted, or the bot cannot see it)',
  },
  [RESTJSONErrorCodes.MissingAccess]: {
    ko: '봇이 그 채널에 들어갈 수 없어요 (채널 보기 권한)',
    en: 'the bot cannot access that channel (View Channel)',
  },
  [RESTJSONErrorCodes.MissingPermissions]: {
    ko: '봇에게 그 채널에 메시지를 보낼 권한이 없어요',
    en: 'the bot may not send messages in that channel',
  },
  [RESTJSONErrorCodes.CannotSendMessagesInNonTextChannel]: {
    ko: '메시지를 보낼 수 없는 종류의 채널이에요',
    en: 'messages cannot be sent in that kind of channel',
  },
};

/**
 * Posts reminders to their channel through the client's REST (POST /channels/{id}/messages).
 * Mentions: the message may ping the reminder's one role and nothing else (`allowed_mentions`
 * parses nothing and lists only that role); a test post lists no role, so it pings no one.
 */
export class DiscordReminderPoster implements ReminderPoster {
  constructor(
    private readonly rest: REST,
    private readonly locale: Locale,
  ) {}

  canDeliver(post: Pick<ReminderPost, 'channelId'>): boolean {
    return post.channelId !== undefined;
  }

  async post(post: ReminderPost): Promise<void> {
    const channelId = post.channelId;
    if (!channelId) throw new PostFailure({ ko: '보낼 채널이 없어요', en: 'no channel to post to' });
    const message = renderReply(post.reply, this.locale);
    const mention = post.roleId ? `<@&${post.roleId}>` : undefined;
    const content = [mention, message.content].filter(Boolean).join('\n');
    const body: RESTPostAPIChannelMessageJSONBody = {
      ...(content ? { content } : {}),
      embeds: message.embeds,
      allowed_mentions: post.roleId && !post.test ? { parse: [], roles: [post.roleId] } : { parse: [] },
      ...(message.files.length
        ? {
            attachments: message.files.map((file, id) => ({
              id,
              filename: file.name,
              ...(file.description ? { description: file.description } : {}),
            })),
          }
        : {}),
    };
    try {
      await this.rest.post(Routes.channelMessages(channelId), {
        body,
        ...(message.files.length ? { files: message.files.map((f) => ({ name: f.name, data: f.data })) } : {}),
      });
    } catch (error) {
      const refusal =
        error instanceof DiscordAPIError && typeof error.code === 'number' ? REFUSALS[error.code] : undefined;
      if (refusal) throw new PostFailure(refusal);
      throw error;
    }
  }
}

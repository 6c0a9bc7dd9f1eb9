import type { Localized } from '../core/locale.ts';
import type { Reply } from '../core/reply.ts';

/** One reminder message, ready for whichever transport is running. */
export interface ReminderPost {
  reminderId: number;
  /** The Discord channel; undefined for a reminder made in the console (it posts to the terminal). */
  channelId?: string | undefined;
  /** The one role this post may mention (and, unless it is a test, notify). */
  roleId?: string | undefined;
  /** A `/remind test` post: shown as such, and it notifies no one. */
  test: boolean;
  reply: Reply;
}

/**
 * Where reminders go: the Discord bot posts to the channel, the console prints to the terminal.
 * Implemented by each transport (src/discord/reminder-poster.ts, src/cli/reminder-poster.ts);
 * the scheduler knows nothing of either.
 */
export interface ReminderPoster {
  /** Whether this transport can deliver it (Discord needs a channel; the terminal takes every post). */
  canDeliver(post: Pick<ReminderPost, 'channelId'>): boolean;
  /** Resolves once delivered; rejects (ideally with a PostFailure) when it could not be. */
  post(post: ReminderPost): Promise<void>;
}

/** A post the transport refused, with a reason organizers can act on ("no permission to send there"). */
export class PostFailure extends Error {
  constructor(readonly reason: Localized) {
    super(reason.en);
    this.name = 'PostFailure';
  }
}

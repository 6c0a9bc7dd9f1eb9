import { DiscordAPIError, RESTJSONErrorCodes } from 'discord.js';
import type { Logger } from '../core/logger.ts';

// The interaction is gone or already answered: normal on a slow network or after a restart.
const EXPECTED = new Set<number | string>([
  RESTJSONErrorCodes.UnknownInteraction,
  RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged,
  RESTJSONErrorCodes.UnknownWebhook,
  RESTJSONErrorCodes.UnknownMessage,
  RESTJSONErrorCodes.InvalidWebhookToken,
]);

/**
 * The one place Discord-side failures end up: logged with what was being done, never rethrown,
 * so one failed reply cannot take the bot down.
 */
export function reportDiscordError(log: Logger, error: unknown, context: Record<string, unknown>): void {
  if (error instanceof DiscordAPIError) {
    const fields = {
      ...context,
      code: error.code,
      status: error.status,
      method: error.method,
      path: pathOf(error.url),
      message: error.message,
    };
    if (EXPECTED.has(error.code)) log.warn('discord: interaction could not be answered', fields);
    else log.error('discord: API error', fields);
    return;
  }
  log.error('discord: unexpected error', { ...context, error });
}

/** The request path without the interaction token, which must not reach the logs. */
function pathOf(url: string): string {
  try {
    return new URL(url).pathname.replace(/(interactions\/\d+\/|webhooks\/\d+\/)[^/]+/, '$1<token>');
  } catch {
    return '?';
  }
}

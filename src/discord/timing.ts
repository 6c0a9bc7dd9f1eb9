/**
 * Discord's clock for one interaction: the first response must arrive within 3 seconds of
 * the interaction, and its token (edits, follow-ups) lives for 15 minutes. Measured from when
 * the interaction reached us, which never depends on our clock agreeing with Discord's.
 */
export const TOKEN_LIFETIME_MS = 15 * 60_000;

export interface Timing {
  /** Defer a command that is still running after this long, well before the 3 s limit. */
  autoDeferAfterMs: number;
  /** Autocomplete not ready by then answers with no choices instead of failing. */
  autocompleteBudgetMs: number;
  /** Abort a handler still running then, leaving time to tell the member before the token dies. */
  giveUpAfterMs: number;
}

export const DISCORD_TIMING: Timing = {
  autoDeferAfterMs: 1_500,
  autocompleteBudgetMs: 2_500,
  giveUpAfterMs: TOKEN_LIFETIME_MS - 30_000,
};

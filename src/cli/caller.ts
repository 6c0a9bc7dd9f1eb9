import { userInfo } from 'node:os';
import type { Caller } from '../core/context.ts';
import type { Locale } from '../core/locale.ts';

/** The person at the terminal: on their own machine they are the organizer. */
export function consoleCaller(locale: Locale): Caller {
  let name = 'console';
  try {
    name = userInfo().username || name;
  } catch {
    // no passwd entry (some containers): keep the default
  }
  return { id: `console:${name}`, name, locale, transport: 'cli', isOrganizer: true };
}

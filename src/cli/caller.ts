import { userInfo } from 'node:os';
import type { Caller } from '../core/context.ts';
import type { Locale } from '../core/locale.ts';
import type { OutputFlags } from './args.ts';

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

/** The caller as a command line's flags set it: `--locale`, and `--user <id>` to act as that member. */
export function callerWithFlags(caller: Caller, flags: OutputFlags): Caller {
  return {
    ...caller,
    ...(flags.locale ? { locale: flags.locale } : {}),
    ...(flags.user ? { id: flags.user, name: flags.user } : {}),
  };
}

import type { Localized, Locale } from './locale.ts';

/**
 * An error the user caused or can fix (unknown name, bad option, nothing visible).
 * Adapters show its message as a clear, private reply; nothing else is shown as-is.
 */
export class UserError extends Error {
  readonly localized: Localized;
  /** Stable code for machines (CLI exit status, JSON output). */
  readonly code: string;

  constructor(code: string, message: Localized) {
    super(message.en);
    this.name = 'UserError';
    this.code = code;
    this.localized = message;
  }

  messageFor(locale: Locale): string {
    return this.localized[locale];
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

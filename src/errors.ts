import { t, type Locale, type MessageKey } from './locales/index.js';

/**
 * Errors a user can cause (a bad option, a malformed file, a learning rate that diverges).
 * They carry a message key and values, so that every surface (CLI, Discord) shows them in the
 * user's language; anything that is not a UserError is a bug and is logged with an id instead.
 */
export class UserError extends Error {
  readonly key: MessageKey;
  readonly values: Readonly<Record<string, string | number>>;

  constructor(key: MessageKey, values: Record<string, string | number> = {}) {
    super(t('en', key, values));
    this.name = 'UserError';
    this.key = key;
    this.values = values;
  }

  /** The message in the user's language. */
  localized(locale: Locale): string {
    return t(locale, this.key, this.values);
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

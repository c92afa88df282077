/**
 * Errors answered the way Discord answers them: an HTTP status plus a JSON body
 * `{ message, code, errors? }`. `kind` is our own short label for the recorded violation.
 */
export type ViolationKind =
  | 'ack-deadline'
  | 'unknown-interaction'
  | 'already-acknowledged'
  | 'content-too-long'
  | 'empty-message'
  | 'embed-limit'
  | 'component-limit'
  | 'file-too-large'
  | 'request-too-large'
  | 'thread-invalid'
  | 'thread-exists'
  | 'token-expired'
  | 'rate-limited'
  | 'unknown-route'
  | 'unauthorized'
  | 'unknown-resource'
  | 'forbidden'
  | 'invalid-command'
  | 'invalid-body';

/** Discord's nested form-error map, e.g. `{ content: { _errors: [{ code, message }] } }`. */
export interface FormErrors {
  [field: string]: FormErrors | { code: string; message: string }[];
}

export class DiscordHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly kind: ViolationKind,
    readonly errors?: FormErrors,
  ) {
    super(message);
  }

  toJSON(): { message: string; code: number; errors?: FormErrors } {
    return this.errors ? { message: this.message, code: this.code, errors: this.errors } : { message: this.message, code: this.code };
  }
}

/** 50035 Invalid Form Body for one field path, e.g. `invalidForm('content-too-long', ['content'], 'BASE_TYPE_MAX_LENGTH', ...)`. */
export function invalidForm(kind: ViolationKind, path: (string | number)[], code: string, message: string): DiscordHttpError {
  let errors: FormErrors = { _errors: [{ code, message }] };
  for (const key of [...path].reverse()) errors = { [String(key)]: errors };
  return new DiscordHttpError(400, 50035, 'Invalid Form Body', kind, errors);
}

// The codes below are Discord's JSON error codes (discord.com/developers/docs/topics/opcodes-and-status-codes).
export const unknownChannel = () => new DiscordHttpError(404, 10003, 'Unknown Channel', 'unknown-resource');
export const unknownGuild = () => new DiscordHttpError(404, 10004, 'Unknown Guild', 'unknown-resource');
export const unknownMember = () => new DiscordHttpError(404, 10007, 'Unknown Member', 'unknown-resource');
export const unknownMessage = () => new DiscordHttpError(404, 10008, 'Unknown Message', 'unknown-resource');
export const unknownUser = () => new DiscordHttpError(404, 10013, 'Unknown User', 'unknown-resource');
export const unknownWebhook = () => new DiscordHttpError(404, 10015, 'Unknown Webhook', 'unknown-resource');
export const unknownApplication = () => new DiscordHttpError(404, 10002, 'Unknown Application', 'unknown-resource');
export const unknownInteraction = () => new DiscordHttpError(404, 10062, 'Unknown interaction', 'unknown-interaction');
export const alreadyAcknowledged = () =>
  new DiscordHttpError(400, 40060, 'Interaction has already been acknowledged.', 'already-acknowledged');
export const invalidWebhookToken = () => new DiscordHttpError(401, 50027, 'Invalid Webhook Token', 'token-expired');
export const unauthorized = () => new DiscordHttpError(401, 0, '401: Unauthorized', 'unauthorized');
export const notFoundRoute = () => new DiscordHttpError(404, 0, '404: Not Found', 'unknown-route');
export const emptyMessage = () => new DiscordHttpError(400, 50006, 'Cannot send an empty message', 'empty-message');
export const entityTooLarge = (kind: 'file-too-large' | 'request-too-large') =>
  new DiscordHttpError(413, 40005, 'Request entity too large', kind);
export const cannotEditOthersMessage = () =>
  new DiscordHttpError(403, 50005, 'Cannot edit a message authored by another user', 'forbidden');
export const threadAlreadyExists = () =>
  new DiscordHttpError(400, 160004, 'A thread has already been created for this message', 'thread-exists');

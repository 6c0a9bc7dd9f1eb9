/** The kinds of secret redaction recognises (named in the secrets-in-env finding, never the values). */
export type SecretKind =
  | 'key-name'
  | 'url-credentials'
  | 'command-password'
  | 'aws-access-key'
  | 'github-token'
  | 'slack-token'
  | 'discord-token'
  | 'service-token'
  | 'webhook-url'
  | 'jwt'
  | 'bearer-token'
  | 'password-hash'
  | 'private-key';

export const REDACTED = '[REDACTED]';

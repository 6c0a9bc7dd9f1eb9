/**
 * Secret redaction for any text that may enter a Reply: environment variables, labels,
 * command lines, image history, logs, config files. Domain-neutral: knows secret
 * shapes, not Docker.
 *
 * Policy (documented in docs/docker.md):
 * - A key whose name contains a secret word (PASSWORD, SECRET, TOKEN, API_KEY, ACCESS_KEY,
 *   PRIVATE_KEY, CREDENTIALS, …) has its value replaced, unless the key names a reference
 *   to a secret rather than the secret itself (suffix _FILE, _PATH, _DIR, _URL…): so
 *   `PASSWORD_FILE=/run/secrets/db` is kept, `DB_PASSWORD=hunter2` is not.
 * - Well-known token shapes are replaced wherever they appear, whatever the key:
 *   URL credentials, AWS access key ids, GitHub, Slack and Discord tokens, JWTs,
 *   bearer tokens and PEM private keys.
 * - Empty values are not secrets and are left alone.
 */

export const REDACTED = '[REDACTED]';

export type SecretKind =
  | 'key-name'
  | 'url-credentials'
  | 'aws-access-key'
  | 'github-token'
  | 'slack-token'
  | 'discord-token'
  | 'jwt'
  | 'bearer-token'
  | 'private-key';

/** Words that make a key name secret, matched against the key's words (split at _ . - and camelCase). */
const SECRET_WORDS = new Set([
  'PASSWORD',
  'PASSWD',
  'PASS',
  'PASSPHRASE',
  'SECRET',
  'SECRETS',
  'TOKEN',
  'TOKENS',
  'APIKEY',
  'CREDENTIAL',
  'CREDENTIALS',
  'PRIVATEKEY',
  'SECRETKEY',
  'ACCESSKEY',
  'SESSIONKEY',
]);
/** Two-word secrets: `API_KEY`, `ACCESS_KEY`, `PRIVATE_KEY`… (KEY alone is too common: KEY_ID, SORT_KEY). */
const SECRET_PAIRS = new Set([
  'API KEY',
  'ACCESS KEY',
  'PRIVATE KEY',
  'SECRET KEY',
  'SIGNING KEY',
  'ENCRYPTION KEY',
  'MASTER KEY',
  'AUTH KEY',
  'SESSION KEY',
  'CLIENT KEY',
  'LICENSE KEY',
  'AUTH TOKEN',
]);
/** A last word that makes the key a reference to a secret, not the secret. */
const REFERENCE_SUFFIXES = new Set([
  'FILE',
  'PATH',
  'DIR',
  'LOCATION',
  'URL',
  'URI',
  'HOST',
  'PORT',
  'USER',
  'USERNAME',
  'NAME',
  'ID',
  'TTL',
  'EXPIRY',
  'EXPIRES',
  'LENGTH',
  'POLICY',
  'TYPE',
  'MODE',
  'ENABLED',
  'REQUIRED',
]);

/** Every secret key name contains one of these (lowercased); lines without one skip the assignment scan. */
const SECRET_WORD_HINT = /pass|secret|token|key|credential/;

function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
}

/** True when a variable, label or option named `key` holds a secret value. */
export function isSecretKey(key: string): boolean {
  const words = keyWords(key);
  if (words.length === 0) return false;
  if (REFERENCE_SUFFIXES.has(words[words.length - 1]!) && words.length > 1) return false;
  for (let i = 0; i < words.length; i++) {
    if (SECRET_WORDS.has(words[i]!)) return true;
    if (i + 1 < words.length && SECRET_PAIRS.has(`${words[i]} ${words[i + 1]}`)) return true;
  }
  return false;
}

interface TokenPattern {
  kind: SecretKind;
  /** A cheap test that must pass before the regex runs (most log lines have no secret). */
  worth: (text: string, lower: string) => boolean;
  pattern: RegExp;
  replace: (match: string, ...groups: string[]) => string;
}

const whole = () => REDACTED;

/** Token shapes recognised anywhere. Order matters: PEM blocks first, then longer shapes. */
const TOKEN_PATTERNS: TokenPattern[] = [
  {
    kind: 'private-key',
    worth: (t) => t.includes('PRIVATE KEY-----'),
    // Up to the END line, or to the end of the text when it was cut (a log tail).
    pattern:
      /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY-----[\s\S]*?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----|$(?![\s\S]))/g,
    replace: (_m, kind: string) => `-----BEGIN ${kind}PRIVATE KEY----- ${REDACTED} -----END ${kind}PRIVATE KEY-----`,
  },
  {
    kind: 'url-credentials',
    worth: (t) => t.includes('://') && t.includes('@'),
    pattern: /\b([a-z][a-z0-9+.-]{1,20}:\/\/)([^\s:@/?#'"]*):([^\s@/?#'"]+)@/gi,
    replace: (_m, scheme: string, user: string) => `${scheme}${user}:${REDACTED}@`,
  },
  {
    kind: 'jwt',
    worth: (t) => t.includes('eyJ'),
    pattern: /\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g,
    replace: whole,
  },
  {
    kind: 'github-token',
    worth: (t) => t.includes('gh') || t.includes('github_pat_'),
    pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,})\b/g,
    replace: whole,
  },
  { kind: 'slack-token', worth: (t) => t.includes('xox'), pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g, replace: whole },
  {
    kind: 'aws-access-key',
    worth: (t) => /A[KSBC][IC]A/.test(t),
    pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/g,
    replace: whole,
  },
  {
    kind: 'discord-token',
    worth: (t) => t.includes('.'),
    // The first part is a base64 user id (it starts with M, N or O), then a timestamp and an HMAC.
    pattern: /\b[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40}\b/g,
    replace: whole,
  },
  {
    kind: 'bearer-token',
    worth: (_t, lower) => lower.includes('authorization'),
    pattern: /\b(Authorization["']?\s*[:=]\s*["']?)(?:([A-Za-z]+)\s+)?([^\s"',;]+)/gi,
    replace: (_m, header: string, scheme: string | undefined) => `${header}${scheme ? `${scheme} ` : ''}${REDACTED}`,
  },
  {
    kind: 'bearer-token',
    worth: (t) => t.includes('Bearer'),
    pattern: /\bBearer(\s+)([A-Za-z0-9._~+/-]{12,}=*)/g,
    replace: (_m, space: string) => `Bearer${space}${REDACTED}`,
  },
];

/** `KEY=value`, `KEY: value`, `"key": "value"`, `--key=value`: 1 quote, 2 key, 3 separator, 4 value. */
const KEY_VALUE = /(["']?)\b([A-Za-z_][A-Za-z0-9_.-]*)\1(\s*[=:]\s*)("[^"\n]*"|'[^'\n]*'|[^\s"',;}&|]+)/g;
/** `--password hunter2`, `-token abc`: 1 space before, 2 dashes + name, 3 name, 4 space, 5 value. */
const FLAG_VALUE = /(^|\s)(--?([A-Za-z][A-Za-z0-9_.-]*))(\s+)("[^"\n]*"|'[^'\n]*'|[^\s"'-][^\s"']*)/g;

function hideValue(value: string): string | undefined {
  const bare = value.replace(/^["']|["']$/g, '');
  // Prose such as "Compose `secrets:`," has no value to hide.
  if (!/[A-Za-z0-9]/.test(bare) || bare.includes(REDACTED)) return undefined;
  const quote = /^["']/.test(value) ? value[0]! : '';
  return `${quote}${REDACTED}${quote}`;
}

function redactAssignments(text: string, found: Set<SecretKind>): string {
  const keyed = text.replace(KEY_VALUE, (match, quote: string, key: string, sep: string, value: string) => {
    const hidden = isSecretKey(key) ? hideValue(value) : undefined;
    if (hidden === undefined) return match;
    found.add('key-name');
    return `${quote}${key}${quote}${sep}${hidden}`;
  });
  return keyed.replace(
    FLAG_VALUE,
    (match, before: string, flag: string, name: string, space: string, value: string) => {
      const hidden = isSecretKey(name) ? hideValue(value) : undefined;
      if (hidden === undefined) return match;
      found.add('key-name');
      return `${before}${flag}${space}${hidden}`;
    },
  );
}

/** Replaces every secret in free text (a log line, a command, a config file). */
export function redact(text: string): string {
  return scan(text).text;
}

/** The redacted text and which kinds of secret were in it (never the values). */
export function scan(text: string): { text: string; kinds: SecretKind[] } {
  const found = new Set<SecretKind>();
  let out = text;
  const lower = text.toLowerCase();
  for (const { kind, worth, pattern, replace } of TOKEN_PATTERNS) {
    if (!worth(out, lower)) continue;
    pattern.lastIndex = 0;
    if (!pattern.test(out)) continue;
    pattern.lastIndex = 0;
    found.add(kind);
    out = out.replace(pattern, replace as (substring: string, ...args: any[]) => string);
  }
  if (SECRET_WORD_HINT.test(lower)) out = redactAssignments(out, found);
  return { text: out, kinds: [...found] };
}

/** One `KEY=value` environment entry, redacted by its key and by token shapes in its value. */
export function redactEnvEntry(entry: string): string {
  return scanEnvEntry(entry).text;
}

export function scanEnvEntry(entry: string): { key: string; text: string; kinds: SecretKind[] } {
  const eq = entry.indexOf('=');
  const key = eq < 0 ? entry : entry.slice(0, eq);
  if (eq < 0) return { key, text: entry, kinds: [] };
  const value = entry.slice(eq + 1);
  if (value !== '' && isSecretKey(key)) return { key, text: `${key}=${REDACTED}`, kinds: ['key-name'] };
  const scanned = scan(value);
  return { key, text: `${key}=${scanned.text}`, kinds: scanned.kinds };
}

/** Labels (or any key/value map) with secret values replaced. */
export function redactRecord(record: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) {
    out[key] = value !== '' && isSecretKey(key) ? REDACTED : scan(value).text;
  }
  return out;
}

/**
 * Redacts a text line by line while remembering an open PEM block, so a private key
 * split across log lines is hidden from its BEGIN line to its END line.
 */
export class LineRedactor {
  private inPrivateKey = false;

  line(text: string): string {
    if (this.inPrivateKey) {
      if (/-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----/.test(text)) this.inPrivateKey = false;
      return REDACTED;
    }
    if (
      /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/.test(text) &&
      !/-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----/.test(text)
    ) {
      this.inPrivateKey = true;
    }
    return redact(text);
  }
}

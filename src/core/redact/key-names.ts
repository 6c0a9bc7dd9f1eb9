/**
 * Which variable, label, option or JSON key names hold a secret value. The words follow
 * gitleaks' `generic-api-key` rule (passw(or)d, secret, token, key, credential, creds, auth,
 * api) and its allowlist (key ids, sizes, file paths and URLs are not secrets), applied to the
 * name's words rather than to any substring, so `PRIMARY_KEY` and `BYPASS` stay readable.
 */

/** A word equal to one of these makes the name secret: `DB_PASSWORD`, `REDIS_PASS`, `secret`. */
const SECRET_WORDS = new Set([
  'PASSWORD',
  'PASSWORDS',
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
  'CREDS',
  'PRIVATEKEY',
  'SECRETKEY',
  'ACCESSKEY',
  'SESSIONKEY',
  'AUTHORIZATION',
]);

/**
 * A word ending in one of these is secret too, for names written together: `PGPASSWORD`,
 * `DBPASSWORD`, `HTPASSWD`, `APITOKEN`, `CLIENTSECRET`, `OPENAIAPIKEY`. (PASS alone would
 * catch BYPASS and COMPASS, TOKEN as a start would catch TOKENIZERS: neither is used.)
 */
const SECRET_ENDINGS = [
  'PASSWORD',
  'PASSWD',
  'PASSPHRASE',
  'SECRET',
  'TOKEN',
  'APIKEY',
  'SECRETKEY',
  'PRIVATEKEY',
  'CREDENTIAL',
  'CREDENTIALS',
];

/**
 * Two-word secrets: `API_KEY`, `ACCESS_KEY`, `PRIVATE_KEY`… (KEY alone is too common: KEY_ID,
 * SORT_KEY). The first word may be run together with others: `OPENAIAPI_KEY`, `MYSQLACCESS_KEY`.
 */
const SECRET_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['API', 'KEY'],
  ['ACCESS', 'KEY'],
  ['PRIVATE', 'KEY'],
  ['SECRET', 'KEY'],
  ['SIGNING', 'KEY'],
  ['ENCRYPTION', 'KEY'],
  ['MASTER', 'KEY'],
  ['AUTH', 'KEY'],
  ['SESSION', 'KEY'],
  ['CLIENT', 'KEY'],
  ['LICENSE', 'KEY'],
  ['AUTH', 'TOKEN'],
];

/**
 * A last word that makes the name a reference to a secret or a setting about it, not the
 * secret: `PASSWORD_FILE`, `TOKEN_URL`, `AUTH_METHOD`, `SECRET_LENGTH`.
 */
const REFERENCE_SUFFIXES = new Set([
  'FILE',
  'PATH',
  'DIR',
  'LOCATION',
  'URL',
  'URI',
  'ENDPOINT',
  'HOST',
  'PORT',
  'USER',
  'USERNAME',
  'NAME',
  'ID',
  'TTL',
  'EXPIRY',
  'EXPIRES',
  'TIMEOUT',
  'LENGTH',
  'SIZE',
  'POLICY',
  'TYPE',
  'MODE',
  'METHOD',
  'HEADER',
  'ALGORITHM',
  'ENABLED',
  'REQUIRED',
]);

/**
 * AUTH as the name's last word holds credentials (`BASIC_AUTH=admin:pw`, docker's
 * config.json `"auth"`), and so does Traefik's `…basicauth.users`; as a first word it names
 * a setting (`AUTH_PROVIDER`), so only these positions count.
 */
function isAuthWord(word: string): boolean {
  return word.endsWith('AUTH') && word !== 'OAUTH';
}

/** The name's words in capitals, split at anything not a letter or digit and at camelCase. */
function keyWords(key: string): string[] {
  const words: string[] = [];
  let start = -1;
  let afterLowerOrDigit = false;
  for (let i = 0; i <= key.length; i++) {
    const c = i < key.length ? key.charCodeAt(i) : 0;
    const upper = c >= 65 && c <= 90;
    const alphanumeric = upper || (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    // A capital after a lower-case letter or digit starts a word: apiKey → API KEY.
    if (start >= 0 && (!alphanumeric || (upper && afterLowerOrDigit))) {
      words.push(key.slice(start, i).toUpperCase());
      start = -1;
    }
    if (alphanumeric && start < 0) start = i;
    afterLowerOrDigit = alphanumeric && !upper;
  }
  return words;
}

/** Longer than this, a run of name characters is text, not a name (and is not split into words). */
const MAX_NAME = 128;

/** True when a variable, label or option named `key` holds a secret value. */
export function isSecretKey(key: string): boolean {
  if (key.length > MAX_NAME) return false;
  let known = judged.get(key);
  if (known === undefined) {
    known = judge(key);
    // Logs repeat the same names line after line; the memory stays small.
    if (judged.size >= 1024) judged.clear();
    judged.set(key, known);
  }
  return known;
}

const judged = new Map<string, boolean>();

function judge(key: string): boolean {
  const words = keyWords(key);
  const last = words.length - 1;
  if (last < 0) return false;
  if (last > 0 && REFERENCE_SUFFIXES.has(words[last] ?? '')) return false;
  for (let i = 0; i <= last; i++) {
    const word = words[i] ?? '';
    if (SECRET_WORDS.has(word)) return true;
    // PWD alone is the working directory; MYSQL_PWD, DB_PWD are passwords.
    if (word === 'PWD' && last > 0) return true;
    if (SECRET_ENDINGS.some((ending) => word.length > ending.length && word.endsWith(ending))) return true;
    const next = words[i + 1];
    if (next !== undefined && SECRET_PAIRS.some(([first, second]) => next === second && word.endsWith(first)))
      return true;
    if (isAuthWord(word) && (i === last || (i === last - 1 && words[last] === 'USERS'))) return true;
  }
  return false;
}

/** Lower-case fragments every secret name contains: a line without one has no secret assignment. */
export const SECRET_NAME_HINTS = ['pass', 'secret', 'token', 'key', 'cred', 'auth', 'pwd'];

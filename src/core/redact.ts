/**
 * Secret redaction for any text that may enter a Reply: environment variables, labels,
 * command lines, image history, logs, config files. Domain-neutral: knows secret shapes,
 * not Docker. The rules are in src/core/redact/ (README "Safety" lists them):
 *
 * - key-names.ts: a key whose name says secret (PASSWORD, PGPASSWORD, MYSQL_PWD, API_KEY,
 *   BASIC_AUTH, …) has its value replaced, unless the name is a reference to a secret
 *   (`PASSWORD_FILE`, `TOKEN_URL`); assignments.ts finds such keys in free text
 *   (`KEY=value`, `key: value`, JSON, escaped JSON, URL queries, flags, curl -u, mysql -p).
 * - token-rules.ts: token shapes replaced wherever they appear, after gitleaks' rules
 *   (GitHub, GitLab, Slack, AWS, Google, OpenAI, Stripe, … tokens, JWTs, webhooks, hashes).
 * - url-credentials.ts: `scheme://user:password@host`; private-key.ts: PEM/PGP keys.
 * - Empty values are not secrets and are left alone.
 *
 * Every function here takes time linear in its input (test/core/redact.linear.test.ts).
 */
import type { SecretKind } from './redact/kinds.ts';
import { LineRedactor } from './redact/line-redactor.ts';
import { isSecretKey } from './redact/key-names.ts';

export { REDACTED, type SecretKind } from './redact/kinds.ts';
export { isSecretKey } from './redact/key-names.ts';
export { LineRedactor } from './redact/line-redactor.ts';

/** Replaces every secret in free text (a log line, a command, a config file). */
export function redact(text: string): string {
  return scan(text).text;
}

export interface ScanResult {
  text: string;
  /** Which kinds of secret were hidden (never the values). */
  kinds: SecretKind[];
  /** The names of secret keys whose values were hidden (`DB_PASSWORD` in `ENV DB_PASSWORD=…`). */
  names: string[];
  /** Characters examined: linear in the text's length (the linearity tests read it). */
  steps: number;
}

/** The redacted text and which kinds of secret were in it. */
export function scan(text: string): ScanResult {
  const lines = text.split('\n');
  const redactor = new LineRedactor({ keyBodies: lines.length > 1 });
  const out = lines.map((line) => redactor.line(line)).join('\n');
  return { text: out, kinds: [...redactor.kinds], names: [...redactor.names], steps: redactor.work.steps };
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
  if (value !== '' && isSecretKey(key)) return { key, text: `${key}=[REDACTED]`, kinds: ['key-name'] };
  const scanned = scan(value);
  return { key, text: `${key}=${scanned.text}`, kinds: scanned.kinds };
}

/** Labels (or any key/value map) with secret values replaced. */
export function redactRecord(record: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) {
    out[key] = value !== '' && isSecretKey(key) ? '[REDACTED]' : scan(value).text;
  }
  return out;
}

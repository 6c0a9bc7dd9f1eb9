import { readFileSync, existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { parse as parseDotEnv } from 'dotenv';
import { z } from 'zod';
import { PROJECT_ROOT } from './paths.ts';

const flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no', ''])
  .default('0')
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

const snowflake = z
  .string()
  .trim()
  .regex(/^\d{17,20}$/, 'a Discord id (17–20 digits)')
  .optional()
  .or(z.literal('').transform(() => undefined));

const ENV_SCHEMA = z.object({
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: snowflake,
  DISCORD_GUILD_ID: snowflake,
  DISCORD_API_BASE: z
    .url({ protocol: /^https?$/, error: 'an http(s) URL, e.g. https://discord.com/api' })
    .default('https://discord.com/api')
    .transform((v) => v.replace(/\/+$/, '')),
  DOCKHAND_DB: z.string().trim().min(1).default('data/dockhand.db'),
  DOCKHAND_KNOWLEDGE_DIR: z.string().trim().min(1).default('knowledge'),
  DOCKHAND_LOCALE: z.enum(['ko', 'en'], { error: 'ko or en' }).default('ko'),
  LOG_LEVEL: z
    .enum(['debug', 'info', 'warn', 'error', 'silent'], { error: 'debug, info, warn, error or silent' })
    .default('info'),
  DOCKER_HOST: optionalText.refine((v) => v === undefined || /^(unix|tcp|ssh|npipe|http|https):\/\//.test(v), {
    error: 'unix://, tcp:// or ssh:// (like the docker CLI)',
  }),
  DOCKER_TLS_VERIFY: flag,
  DOCKER_CERT_PATH: optionalText,
  DOCKHAND_DOCKER_TIMEOUT_MS: z.coerce.number({ error: 'milliseconds' }).int().min(100).max(120_000).default(5000),
  DOCKHAND_ALLOW_EXEC: flag,
  DOCKHAND_VISIBLE_LABEL: optionalText.refine((v) => v === undefined || /^[^=\s]+(=[^\s]*)?$/.test(v), {
    error: 'a label key or key=value, e.g. dockhand.visible=true',
  }),
  DOCKHAND_VISIBLE_NAMES: optionalText,
  DOCKHAND_PROBE_HOST: optionalText,
  DOCKHAND_TIMEZONE: z
    .string()
    .trim()
    .default('Asia/Seoul')
    .refine(isTimeZone, { error: 'an IANA time zone, e.g. Asia/Seoul' }),
  DOCKHAND_REMINDER_GRACE_MINUTES: z.coerce.number({ error: 'minutes' }).int().min(0).max(1440).default(15),
  DOCKHAND_ORGANIZER_ROLE_ID: snowflake,
});

export interface Config {
  discord: {
    token: string | undefined;
    applicationId: string | undefined;
    guildId: string | undefined;
    apiBase: string;
  };
  dbPath: string;
  knowledgeDir: string;
  defaultLocale: 'ko' | 'en';
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  docker: {
    host: string | undefined;
    tlsVerify: boolean;
    certPath: string | undefined;
    timeoutMs: number;
    allowExec: boolean;
    visibleLabel: string | undefined;
    visibleNames: string[];
    probeHost: string | undefined;
  };
  timezone: string;
  /** A reminder missed by up to this many minutes (dockhand was down) is still posted, marked late. */
  reminderGraceMinutes: number;
  /** Discord members with this role count as organizers too (besides Manage Server). */
  organizerRoleId: string | undefined;
}

/** A bad configuration value: the message names the variable. */
export class ConfigError extends Error {
  constructor(readonly problems: Array<{ variable: string; message: string }>) {
    super('Invalid configuration:\n' + problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n'));
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, root: string = PROJECT_ROOT): Config {
  // An empty value (as in a copied .env.example) means "use the default".
  const given = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const parsed = ENV_SCHEMA.safeParse(given);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? '?'),
        message: `${issue.message} (got ${JSON.stringify(env[String(issue.path[0])] ?? '')})`,
      })),
    );
  }
  const e = parsed.data;
  const fromRoot = (p: string) => (isAbsolute(p) || p === ':memory:' ? p : join(root, p));
  return {
    discord: {
      token: e.DISCORD_TOKEN,
      applicationId: e.DISCORD_APPLICATION_ID,
      guildId: e.DISCORD_GUILD_ID,
      apiBase: e.DISCORD_API_BASE,
    },
    dbPath: fromRoot(e.DOCKHAND_DB),
    knowledgeDir: fromRoot(e.DOCKHAND_KNOWLEDGE_DIR),
    defaultLocale: e.DOCKHAND_LOCALE,
    logLevel: e.LOG_LEVEL,
    docker: {
      host: e.DOCKER_HOST,
      tlsVerify: e.DOCKER_TLS_VERIFY,
      certPath: e.DOCKER_CERT_PATH,
      timeoutMs: e.DOCKHAND_DOCKER_TIMEOUT_MS,
      allowExec: e.DOCKHAND_ALLOW_EXEC,
      visibleLabel: e.DOCKHAND_VISIBLE_LABEL,
      visibleNames: (e.DOCKHAND_VISIBLE_NAMES ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      probeHost: e.DOCKHAND_PROBE_HOST,
    },
    timezone: e.DOCKHAND_TIMEZONE,
    reminderGraceMinutes: e.DOCKHAND_REMINDER_GRACE_MINUTES,
    organizerRoleId: e.DOCKHAND_ORGANIZER_ROLE_ID,
  };
}

/**
 * The environment with `.env` (if present) filled in underneath: real environment variables win.
 */
export function environmentWithDotEnv(
  env: NodeJS.ProcessEnv = process.env,
  file: string = join(PROJECT_ROOT, '.env'),
): NodeJS.ProcessEnv {
  if (!existsSync(file)) return env;
  const fromFile = parseDotEnv(readFileSync(file));
  return { ...fromFile, ...env };
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The configuration of this process (environment over `.env`). A bad value is printed,
 * naming the variable, and the process exits with status 2: no stack trace for a typo.
 */
export function processConfigOrExit(): Config {
  try {
    return loadConfig(environmentWithDotEnv());
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(error.message + '\n');
    process.exit(2);
  }
}

import { readFileSync, existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { parse as parseDotEnv } from 'dotenv';
import { z } from 'zod';
import { markdownFiles } from './knowledge/loader.ts';
import { PROJECT_ROOT } from './paths.ts';
import { StoreError } from './store/errors.ts';

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
    .optional(),
  DOCKER_HOST: optionalText.superRefine((value, ctx) => {
    const problem = value === undefined ? undefined : dockerHostProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  DOCKER_TLS_VERIFY: flag,
  DOCKER_CERT_PATH: optionalText,
  DOCKHAND_DOCKER_TIMEOUT_MS: z.coerce.number({ error: 'milliseconds' }).int().min(100).max(120_000).default(5000),
  DOCKHAND_DOCKER_MAX_MB: z.coerce
    .number({ error: 'megabytes, e.g. 16' })
    .int({ error: 'whole megabytes, e.g. 16' })
    .min(1, { error: 'at least 1 (megabyte)' })
    .max(1024, { error: 'at most 1024 (megabytes)' })
    .default(16),
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
  /** LOG_LEVEL was given; else the console in a terminal logs only warnings (its replies are the output). */
  logLevelGiven: boolean;
  docker: {
    host: string | undefined;
    tlsVerify: boolean;
    certPath: string | undefined;
    timeoutMs: number;
    /** The most bytes read from the engine for one call (DOCKHAND_DOCKER_MAX_MB). */
    maxResponseBytes: number;
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

/** A set-up problem the operator fixes (a bad value, a missing folder or file): the message names the variable. */
export class ConfigError extends Error {
  constructor(readonly problems: Array<{ variable: string; message: string }>) {
    super('dockhand cannot start:\n' + problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n'));
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
    logLevel: e.LOG_LEVEL ?? 'info',
    logLevelGiven: e.LOG_LEVEL !== undefined,
    docker: {
      host: e.DOCKER_HOST,
      tlsVerify: e.DOCKER_TLS_VERIFY,
      // As the docker CLI: with DOCKER_TLS_VERIFY the certificates default to ~/.docker.
      certPath: e.DOCKER_CERT_PATH ?? (e.DOCKER_TLS_VERIFY ? join(homedir(), '.docker') : undefined),
      timeoutMs: e.DOCKHAND_DOCKER_TIMEOUT_MS,
      maxResponseBytes: e.DOCKHAND_DOCKER_MAX_MB * 1024 * 1024,
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

/**
 * What is wrong with a DOCKER_HOST value, if anything: the docker CLI's schemes, and for
 * network schemes a host and a port in range (`new URL` throws on `tcp://[::1` or port 99999).
 */
export function dockerHostProblem(value: string): string | undefined {
  const scheme = /^([a-z]+):\/\//.exec(value)?.[1];
  if (!scheme || !DOCKER_HOST_SCHEMES.has(scheme)) {
    return 'unix://, tcp:// or ssh:// (like the docker CLI), e.g. tcp://192.168.0.10:2376';
  }
  if (scheme === 'unix' || scheme === 'npipe') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `not a valid ${scheme}:// address (host, then an optional :port from 1 to 65535; IPv6 in [brackets])`;
  }
  if (!url.hostname) return `${scheme}:// needs a host, e.g. ${scheme}://192.168.0.10`;
  if (url.port === '0') return 'the port must be from 1 to 65535';
  return undefined;
}

const DOCKER_HOST_SCHEMES = new Set(['unix', 'tcp', 'ssh', 'npipe', 'http', 'https']);

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The folders and files the configuration names that must exist before anything starts:
 * the knowledge folder (without it dockhand would run and answer nothing).
 */
export function checkSetup(config: Config): void {
  const problems: Array<{ variable: string; message: string }> = [];
  const knowledge = knowledgeFolderProblem(config.knowledgeDir);
  if (knowledge) problems.push({ variable: 'DOCKHAND_KNOWLEDGE_DIR', message: knowledge });
  if (problems.length > 0) throw new ConfigError(problems);
}

function knowledgeFolderProblem(dir: string): string | undefined {
  const hint = 'point it at the folder of notes, e.g. knowledge';
  try {
    if (!statSync(dir).isDirectory()) return `${dir} is not a folder; ${hint}`;
    if (markdownFiles(dir).length === 0) return `${dir} holds no notes (*.md); ${hint}`;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return code === 'ENOENT' ? `${dir} does not exist; ${hint}` : `${dir} cannot be read (${code}); ${hint}`;
  }
  return undefined;
}

/**
 * The configuration of this process (environment over `.env`), checked. A bad value is
 * printed, naming the variable, and the process exits with status 2: no stack trace for a typo.
 */
export function processConfigOrExit(): Config {
  try {
    const config = loadConfig(environmentWithDotEnv());
    checkSetup(config);
    return config;
  } catch (error) {
    exitOnSetupError(error);
    throw error;
  }
}

/**
 * For the entry points' last resort: a set-up failure found while starting (a bad value, the
 * Docker certificates, the database file) is printed without a stack, naming the variable,
 * and the process exits with status 2. Anything else is left to the caller.
 */
export function exitOnSetupError(error: unknown): void {
  const setup =
    error instanceof StoreError ? new ConfigError([{ variable: 'DOCKHAND_DB', message: error.message }]) : error;
  if (!(setup instanceof ConfigError)) return;
  process.stderr.write(setup.message + '\n');
  process.exit(2);
}

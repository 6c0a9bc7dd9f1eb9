/**
 * Secret shapes recognised anywhere in a line, whatever the key. Each follows a gitleaks rule
 * (config/gitleaks.toml, the rule ids are listed with each shape) or, where gitleaks has none,
 * is dockhand's own (`gitleaks: []`). They are written for redaction rather than detection:
 * a distinctive prefix is enough evidence, so lengths are minimums and longer bodies are
 * hidden too.
 *
 * A shape is a literal prefix followed by parts: literals, or runs of one character class.
 * Runs are matched possessively (as long as they go, then checked against min/max), which
 * with the rules below (the first part is a run without a maximum; a run is followed by a
 * character outside its class) keeps every attempt's work bounded by what it reads once.
 */
import {
  ALNUM,
  B64,
  B64URL,
  BLANK,
  type CharClass,
  charClass,
  DIGITS,
  HEX,
  LETTERS,
  TOKEN68,
  UPPER_ALNUM,
  union,
} from './char-class.ts';
import type { SecretKind } from './kinds.ts';

export interface Run {
  chars: CharClass;
  min: number;
  max?: number;
}
export type Part = string | Run;

export interface TokenRule {
  /** What to say in docs and tests. */
  name: string;
  /** The gitleaks rule ids this shape covers; empty for dockhand's own. */
  gitleaks: readonly string[];
  kind: SecretKind;
  prefixes: readonly string[];
  parts: readonly [Run, ...Part[]];
  /** The prefix stays visible: it says what was hidden without being secret (`$apr1$`, a webhook's host). */
  keepPrefix?: boolean;
  /** Parts before this index stay visible too (the spaces after `Bearer`). */
  hideFrom?: number;
  /**
   * A token at least this long (after the prefix) that runs into the end of the line before it
   * is complete was wrapped: it is hidden, and its rest at the start of the next line too.
   */
  cutMin?: number;
  /** The characters the rest of a wrapped token is made of (default: the last run's). */
  rest?: CharClass;
}

const run = (chars: CharClass, min: number, max?: number): Run =>
  max === undefined ? { chars, min } : { chars, min, max };

/** A fixed-length token body from a prefix: `ghp_` + 36. */
function prefixed(
  name: string,
  gitleaks: string[],
  kind: SecretKind,
  prefixes: string[],
  chars: CharClass,
  min: number,
): TokenRule {
  return { name, gitleaks, kind, prefixes, parts: [run(chars, min)], cutMin: Math.min(8, min) };
}

const URL_PATH = charClass('A-Za-z0-9_+/=.%-');
const CRYPT = charClass('A-Za-z0-9./$=+,-');
const PRINTABLE_TOKEN = charClass('A-Za-z0-9_=.-');

export const TOKEN_RULES: readonly TokenRule[] = [
  // GitHub
  prefixed('GitHub personal access token', ['github-pat'], 'github-token', ['ghp_'], ALNUM, 36),
  prefixed('GitHub OAuth token', ['github-oauth'], 'github-token', ['gho_'], ALNUM, 36),
  prefixed('GitHub app token', ['github-app-token'], 'github-token', ['ghu_', 'ghs_'], ALNUM, 36),
  prefixed('GitHub refresh token', ['github-refresh-token'], 'github-token', ['ghr_'], ALNUM, 36),
  prefixed(
    'GitHub fine-grained token',
    ['github-fine-grained-pat'],
    'github-token',
    ['github_pat_'],
    charClass('A-Za-z0-9_'),
    22,
  ),
  // GitLab
  prefixed(
    'GitLab personal access token',
    ['gitlab-pat', 'gitlab-pat-routable'],
    'service-token',
    ['glpat-'],
    B64URL,
    20,
  ),
  prefixed('GitLab pipeline trigger token', ['gitlab-ptt'], 'service-token', ['glptt-'], HEX, 40),
  prefixed(
    'GitLab runner token',
    ['gitlab-runner-authentication-token', 'gitlab-runner-authentication-token-routable'],
    'service-token',
    ['glrt-'],
    B64URL,
    20,
  ),
  prefixed('GitLab runner registration token', ['gitlab-rrt'], 'service-token', ['GR1348941'], B64URL, 20),
  prefixed('GitLab deploy token', ['gitlab-deploy-token'], 'service-token', ['gldt-'], B64URL, 20),
  prefixed('GitLab feed token', ['gitlab-feed-token'], 'service-token', ['glft-'], B64URL, 20),
  prefixed('GitLab incoming mail token', ['gitlab-incoming-mail-token'], 'service-token', ['glimt-'], B64URL, 25),
  prefixed('GitLab agent token', ['gitlab-kubernetes-agent-token'], 'service-token', ['glagent-'], B64URL, 50),
  prefixed('GitLab OAuth app secret', ['gitlab-oauth-app-secret'], 'service-token', ['gloas-'], B64URL, 64),
  prefixed('GitLab SCIM token', ['gitlab-scim-token'], 'service-token', ['glsoat-'], B64URL, 20),
  prefixed('GitLab CI/CD job token', ['gitlab-cicd-job-token'], 'service-token', ['glcbt-'], B64URL, 20),
  // Slack
  prefixed(
    'Slack token',
    [
      'slack-bot-token',
      'slack-user-token',
      'slack-app-token',
      'slack-legacy-token',
      'slack-legacy-bot-token',
      'slack-legacy-workspace-token',
      'slack-config-access-token',
      'slack-config-refresh-token',
    ],
    'slack-token',
    ['xoxb-', 'xoxp-', 'xoxe-', 'xoxa-', 'xoxr-', 'xoxo-', 'xoxs-', 'xapp-'],
    B64URL,
    10,
  ),
  {
    name: 'Slack webhook URL',
    gitleaks: ['slack-webhook-url'],
    kind: 'webhook-url',
    prefixes: ['hooks.slack.com/services/', 'hooks.slack.com/workflows/', 'hooks.slack.com/triggers/'],
    parts: [run(URL_PATH, 20)],
    keepPrefix: true,
    cutMin: 8,
  },
  // Discord: gitleaks' discord-* rules need a "discord" key name, which the key-name rule covers.
  {
    name: 'Discord webhook URL',
    gitleaks: [],
    kind: 'webhook-url',
    prefixes: ['discord.com/api/webhooks/', 'discordapp.com/api/webhooks/'],
    parts: [run(URL_PATH, 20)],
    keepPrefix: true,
    cutMin: 8,
  },
  {
    name: 'Discord webhook URL (versioned API)',
    gitleaks: [],
    kind: 'webhook-url',
    prefixes: ['discord.com/api/v', 'discordapp.com/api/v'],
    parts: [run(DIGITS, 1), '/webhooks/', run(URL_PATH, 20)],
    keepPrefix: true,
    hideFrom: 2,
    cutMin: 20,
  },
  {
    // A bot token: the bot's id in base64 (it starts with M, N or O), a timestamp and an HMAC.
    name: 'Discord bot token',
    gitleaks: [],
    kind: 'discord-token',
    prefixes: ['M', 'N', 'O'],
    parts: [run(B64URL, 23), '.', run(B64URL, 6, 7), '.', run(B64URL, 27)],
  },
  {
    name: 'Microsoft Teams webhook URL',
    gitleaks: ['microsoft-teams-webhook'],
    kind: 'webhook-url',
    prefixes: ['webhook.office.com/webhookb2/'],
    parts: [run(charClass('A-Za-z0-9_@/.-'), 20)],
    keepPrefix: true,
    cutMin: 8,
  },
  // Cloud and service tokens
  prefixed(
    'AWS access key id',
    ['aws-access-token'],
    'aws-access-key',
    ['AKIA', 'ASIA', 'ABIA', 'ACCA'],
    UPPER_ALNUM,
    16,
  ),
  prefixed('AWS Bedrock API key', ['aws-amazon-bedrock-api-key-long-lived'], 'service-token', ['ABSK'], B64, 100),
  prefixed('Google Cloud API key', ['gcp-api-key'], 'service-token', ['AIza'], B64URL, 35),
  prefixed(
    'OpenAI / Anthropic API key',
    ['openai-api-key', 'anthropic-api-key', 'anthropic-admin-api-key'],
    'service-token',
    ['sk-'],
    B64URL,
    32,
  ),
  prefixed(
    'Stripe secret key',
    ['stripe-access-token'],
    'service-token',
    ['sk_live_', 'sk_test_', 'sk_prod_', 'rk_live_', 'rk_test_', 'rk_prod_'],
    ALNUM,
    10,
  ),
  prefixed('npm token', ['npm-access-token'], 'service-token', ['npm_'], ALNUM, 36),
  prefixed('PyPI upload token', ['pypi-upload-token'], 'service-token', ['pypi-AgEIcHlwaS5vcmc'], B64URL, 50),
  prefixed('SendGrid API key', ['sendgrid-api-token'], 'service-token', ['SG.'], PRINTABLE_TOKEN, 66),
  prefixed('Hugging Face token', ['huggingface-access-token'], 'service-token', ['hf_'], LETTERS, 34),
  prefixed(
    'Hugging Face organization token',
    ['huggingface-organization-api-token'],
    'service-token',
    ['api_org_'],
    LETTERS,
    34,
  ),
  prefixed(
    'DigitalOcean token',
    ['digitalocean-pat', 'digitalocean-access-token', 'digitalocean-refresh-token'],
    'service-token',
    ['dop_v1_', 'doo_v1_', 'dor_v1_'],
    HEX,
    64,
  ),
  prefixed('Doppler token', ['doppler-api-token'], 'service-token', ['dp.pt.'], ALNUM, 43),
  prefixed(
    'Shopify token',
    [
      'shopify-access-token',
      'shopify-custom-access-token',
      'shopify-private-app-access-token',
      'shopify-shared-secret',
    ],
    'service-token',
    ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
    HEX,
    32,
  ),
  prefixed('age secret key', ['age-secret-key'], 'private-key', ['AGE-SECRET-KEY-1'], UPPER_ALNUM, 58),
  prefixed('Vault token', ['vault-service-token', 'vault-batch-token'], 'service-token', ['hvs.', 'hvb.'], B64URL, 90),
  prefixed(
    'Grafana token',
    ['grafana-service-account-token', 'grafana-cloud-api-token'],
    'service-token',
    ['glsa_', 'glc_'],
    charClass('A-Za-z0-9_+/='),
    32,
  ),
  prefixed(
    'Sentry token',
    ['sentry-user-token', 'sentry-org-token'],
    'service-token',
    ['sntryu_', 'sntrys_'],
    charClass('A-Za-z0-9_+/='),
    40,
  ),
  prefixed('Linear API key', ['linear-api-key'], 'service-token', ['lin_api_'], ALNUM, 40),
  prefixed('Postman API key', ['postman-api-token'], 'service-token', ['PMAK-'], charClass('a-fA-F0-9-'), 59),
  prefixed('Pulumi token', ['pulumi-api-token'], 'service-token', ['pul-'], HEX, 40),
  prefixed('Databricks token', ['databricks-api-token'], 'service-token', ['dapi'], HEX, 32),
  prefixed(
    'PlanetScale token',
    ['planetscale-api-token', 'planetscale-password', 'planetscale-oauth-token'],
    'service-token',
    ['pscale_tkn_', 'pscale_pw_', 'pscale_oauth_'],
    PRINTABLE_TOKEN,
    32,
  ),
  prefixed('RubyGems token', ['rubygems-api-token'], 'service-token', ['rubygems_'], HEX, 48),
  prefixed('Dynatrace token', ['dynatrace-api-token'], 'service-token', ['dt0c01.'], charClass('A-Za-z0-9.'), 89),
  prefixed(
    '1Password service account token',
    ['1password-service-account-token'],
    'service-token',
    ['ops_eyJ'],
    B64,
    250,
  ),
  {
    name: 'JSON Web Token',
    gitleaks: ['jwt'],
    kind: 'jwt',
    prefixes: ['eyJ'],
    parts: [run(B64URL, 5), '.', 'ey', run(B64URL, 5), '.', run(B64URL, 0)],
    cutMin: 20,
    rest: union(B64URL, charClass('.')),
  },
  {
    name: 'Bearer token',
    gitleaks: ['curl-auth-header'],
    kind: 'bearer-token',
    prefixes: ['Bearer', 'bearer'],
    parts: [run(BLANK, 1), run(TOKEN68, 12)],
    hideFrom: 1,
  },
  {
    // htpasswd, /etc/shadow and bcrypt hashes: `user:$apr1$salt$hash`, also Compose's `$$`-escaped form.
    name: 'Password hash',
    gitleaks: [],
    kind: 'password-hash',
    prefixes: [
      ...[
        '$apr1$',
        '$2a$',
        '$2b$',
        '$2x$',
        '$2y$',
        '$1$',
        '$5$',
        '$6$',
        '$y$',
        '$argon2id$',
        '$argon2i$',
        '$argon2d$',
      ].flatMap((p) => [p, p.replaceAll('$', () => '$$')]),
      '{SHA}',
      '{SSHA}',
    ],
    parts: [run(CRYPT, 8)],
    keepPrefix: true,
  },
];

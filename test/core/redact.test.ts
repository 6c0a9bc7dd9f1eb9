import { describe, expect, it } from 'vitest';
import {
  isSecretKey,
  LineRedactor,
  redact,
  redactEnvEntry,
  redactRecord,
  REDACTED,
  scan,
  scanEnvEntry,
} from '../../src/core/redact.ts';

// Test fixtures are assembled at run time so no secret-shaped literal sits in the repository.
const github = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
const githubPat = 'github_pat_' + '11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789';
const slack = 'xoxb-' + '123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx';
const awsKeyId = 'AKIA' + 'IOSFODNN7EXAMPLE';
const awsSecret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCY' + 'EXAMPLEKEY';
const discord = 'MTA4NzY1NDMyMTA5ODc2NTQzMg' + '.GhIjKl.' + 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456';
const jwt = 'eyJhbGciOiJIUzI1NiJ9' + '.eyJzdWIiOiIxMjM0NTY3ODkwIn0' + '.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
const pem = [
  '-----BEGIN RSA PRIVATE KEY-----',
  'MIIEpAIBAAKCAQEA7bq9',
  'c2VjcmV0IGtleSBib2R5',
  '-----END RSA PRIVATE KEY-----',
];

describe('isSecretKey', () => {
  it.each([
    'PASSWORD',
    'DB_PASSWORD',
    'MYSQL_ROOT_PASSWORD',
    'POSTGRES_PASSWD',
    'REDIS_PASS',
    'SECRET_KEY_BASE',
    'DJANGO_SECRET_KEY',
    'GITHUB_TOKEN',
    'discordToken',
    'API_KEY',
    'OPENAI_API_KEY',
    'apiKey',
    'AWS_ACCESS_KEY',
    'AWS_SECRET_ACCESS_KEY',
    'SSH_PRIVATE_KEY',
    'GOOGLE_APPLICATION_CREDENTIALS_JSON',
    'com.example.auth-token',
  ])('%s is secret', (key) => expect(isSecretKey(key)).toBe(true));

  it.each([
    'PATH',
    'PWD',
    'HOME',
    'HOSTNAME',
    'PASSWORD_FILE',
    'MYSQL_ROOT_PASSWORD_FILE',
    'TOKEN_URL',
    'SECRETS_DIR',
    'DB_USER',
    'PRIMARY_KEY',
    'SORT_KEY',
    'KEY_ID',
    'NGINX_VERSION',
    'PASSWORD_MIN_LENGTH',
    'BYPASS_CACHE',
  ])('%s is not secret', (key) => expect(isSecretKey(key)).toBe(false));
});

describe('redactEnvEntry', () => {
  it('hides the value of a secret key and keeps the key', () => {
    expect(redactEnvEntry('MYSQL_ROOT_PASSWORD=hunter2')).toBe(`MYSQL_ROOT_PASSWORD=${REDACTED}`);
    expect(scanEnvEntry('API_KEY=abc').kinds).toEqual(['key-name']);
  });

  it('keeps references to secrets and ordinary values (PASSWORD_FILE is a path, not a secret)', () => {
    expect(redactEnvEntry('PASSWORD_FILE=/run/secrets/db')).toBe('PASSWORD_FILE=/run/secrets/db');
    expect(redactEnvEntry('PATH=/usr/local/sbin:/usr/local/bin:/usr/bin')).toBe(
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/bin',
    );
    expect(redactEnvEntry('NGINX_VERSION=1.25.3')).toBe('NGINX_VERSION=1.25.3');
    expect(scanEnvEntry('LANG=C.UTF-8').kinds).toEqual([]);
  });

  it('keeps empty secret values (nothing to hide) and entries without =', () => {
    expect(redactEnvEntry('DB_PASSWORD=')).toBe('DB_PASSWORD=');
    expect(redactEnvEntry('DB_PASSWORD')).toBe('DB_PASSWORD');
  });

  it('redacts token shapes under innocent keys', () => {
    expect(redactEnvEntry(`DATABASE_URL=postgres://app:s3cret@db:5432/app`)).toBe(
      `DATABASE_URL=postgres://app:${REDACTED}@db:5432/app`,
    );
    expect(redactEnvEntry(`AWS_ACCESS_KEY_ID=${awsKeyId}`)).toBe(`AWS_ACCESS_KEY_ID=${REDACTED}`);
    expect(scanEnvEntry(`SOMETHING=${github}`).kinds).toEqual(['github-token']);
  });
});

describe('redact (free text)', () => {
  it('replaces every token shape', () => {
    const cases: Array<[string, string]> = [
      [github, 'github-token'],
      [githubPat, 'github-token'],
      [slack, 'slack-token'],
      [awsKeyId, 'aws-access-key'],
      [discord, 'discord-token'],
      [jwt, 'jwt'],
    ];
    for (const [secret, kind] of cases) {
      const result = scan(`before ${secret} after`);
      expect(result.text, kind).toBe(`before ${REDACTED} after`);
      expect(result.kinds).toContain(kind);
    }
  });

  it('hides URL passwords but keeps the user and host', () => {
    expect(redact('connecting to redis://default:p4ss@cache:6379/0')).toBe(
      `connecting to redis://default:${REDACTED}@cache:6379/0`,
    );
    expect(redact('git clone https://bob:tok@github.com/x/y.git')).toBe(
      `git clone https://bob:${REDACTED}@github.com/x/y.git`,
    );
    expect(redact('open http://localhost:8080/path')).toBe('open http://localhost:8080/path');
  });

  it('hides values after secret key names in assignments, YAML, JSON and flags', () => {
    expect(redact(`aws_secret_access_key = ${awsSecret}`)).toBe(`aws_secret_access_key = ${REDACTED}`);
    expect(redact('password: hunter2')).toBe(`password: ${REDACTED}`);
    expect(redact('{"token": "abc123", "user": "bob"}')).toBe(`{"token": "${REDACTED}", "user": "bob"}`);
    expect(redact('mysqld --password hunter2 --port 3306')).toBe(`mysqld --password ${REDACTED} --port 3306`);
    expect(redact('app --api-key=abc --verbose')).toBe(`app --api-key=${REDACTED} --verbose`);
    expect(redact('/bin/sh -c #(nop)  ENV API_TOKEN=abcdef')).toBe(`/bin/sh -c #(nop)  ENV API_TOKEN=${REDACTED}`);
    expect(redact('set PASSWORD=abc now')).toBe(`set PASSWORD=${REDACTED} now`);
    expect(redact('GET /callback?code=1&token=abc HTTP/1.1')).toBe(`GET /callback?code=1&token=${REDACTED} HTTP/1.1`);
  });

  it('hides Authorization headers and bearer tokens', () => {
    expect(redact('Authorization: Basic YWxhZGRpbjpvcGVuc2VzYW1l')).toBe(`Authorization: Basic ${REDACTED}`);
    expect(redact('sent Bearer abcdefghijklmnop.qrs')).toBe(`sent Bearer ${REDACTED}`);
  });

  it('hides a PEM private key, whole or cut off', () => {
    const text = ['key:', ...pem, 'done'].join('\n');
    const out = redact(text);
    expect(out).not.toContain('MIIEpAIBAAKCAQEA7bq9');
    expect(out).toContain('done');
    expect(redact(pem.slice(0, 3).join('\n'))).not.toContain('c2VjcmV0IGtleSBib2R5');
    expect(redact('-----BEGIN PUBLIC KEY-----')).toBe('-----BEGIN PUBLIC KEY-----');
  });

  it('leaves ordinary text alone', () => {
    const ordinary = [
      'Listening on http://0.0.0.0:8080',
      '2024/05/01 12:00:00 [notice] 1#1: start worker processes',
      'PASSWORD_FILE=/run/secrets/db',
      'the token was refreshed',
      'Enter password',
      'time: 12:30:01 level=info msg="request done" status=200',
      'sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945',
      '컨테이너가 종료되었습니다 (exit 0)',
      'GET /static/app.js HTTP/1.1 200',
    ];
    for (const line of ordinary) expect(redact(line)).toBe(line);
  });

  it('never leaks the value in any output', () => {
    const text = [`DB_PASSWORD=${'pw' + 'Value42'}`, `key ${awsKeyId}`, `x ${github}`, jwt].join('\n');
    const out = redact(text);
    for (const secret of ['pwValue42', awsKeyId, github, jwt]) expect(out).not.toContain(secret);
  });
});

describe('redactRecord', () => {
  it('redacts label values by key and by shape', () => {
    expect(redactRecord({ 'com.example.token': 'abc', 'com.example.url': 'https://u:p@h', maintainer: 'me' })).toEqual({
      'com.example.token': REDACTED,
      'com.example.url': `https://u:${REDACTED}@h`,
      maintainer: 'me',
    });
  });
});

describe('LineRedactor', () => {
  it('hides a private key split across log lines, then goes back to normal', () => {
    const redactor = new LineRedactor();
    const out = ['starting', ...pem, 'ready on :80'].map((l) => redactor.line(l));
    expect(out[0]).toBe('starting');
    expect(out.slice(1, 5).join('\n')).not.toMatch(/MIIE|c2Vj/);
    expect(out[5]).toBe('ready on :80');
  });
});

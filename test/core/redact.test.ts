import { Readable } from 'node:stream';
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
import { readLogTail } from '../../src/docker/log-reader.ts';
import { TOKEN_RULES } from '../../src/core/redact/token-rules.ts';
import { everyTokenSample } from './redact-samples.ts';

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
  ])('%s is secret', (key) => {
    expect(isSecretKey(key)).toBe(true);
  });

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
  ])('%s is not secret', (key) => {
    expect(isSecretKey(key)).toBe(false);
  });
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

// Issue 13: shapes that reached the channel in clear. Each case failed before the scanner.
describe('secret shapes that used to leak', () => {
  const pw = 'Zq' + '7vX2pL9w';

  it('hides secrets in URL queries and keeps the URL (the key=value rule took `https:` as the key)', () => {
    expect(redact(`GET https://api.example.com/v1/items?password=${pw}&page=2 200`)).toBe(
      `GET https://api.example.com/v1/items?password=${REDACTED}&page=2 200`,
    );
    expect(redact(`curl https://h.example/x?token=${pw}`)).toBe(`curl https://h.example/x?token=${REDACTED}`);
    expect(redact(`url=https://h.example/x?api_key=${pw}#top`)).toBe(`url=https://h.example/x?api_key=${REDACTED}`);
    expect(redact(`redirect to /cb?state=1&access_token=${pw}`)).toBe(
      `redirect to /cb?state=1&access_token=${REDACTED}`,
    );
  });

  it('hides JDBC passwords in every form', () => {
    expect(redact(`jdbc:mysql://db:3306/app?user=root&password=${pw}&ssl=true`)).toBe(
      `jdbc:mysql://db:3306/app?user=root&password=${REDACTED}&ssl=true`,
    );
    expect(redact(`jdbc:sqlserver://db:1433;databaseName=app;user=sa;password=${pw};`)).toBe(
      `jdbc:sqlserver://db:1433;databaseName=app;user=sa;password=${REDACTED};`,
    );
    expect(redact(`jdbc:oracle:thin:scott/${pw}@db:1521:orcl`)).toBe(`jdbc:oracle:thin:scott/${REDACTED}@db:1521:orcl`);
  });

  it.each(['PGPASSWORD', 'MYSQL_PWD', 'DBPASSWORD', 'APITOKEN', 'BASIC_AUTH', 'HTPASSWD', 'DB_CREDS', 'authToken'])(
    'knows %s as a secret name, in the environment and in free text',
    (name) => {
      expect(isSecretKey(name)).toBe(true);
      expect(redactEnvEntry(`${name}=${pw}`)).toBe(`${name}=${REDACTED}`);
      expect(redact(`export ${name}=${pw}; run`)).toBe(`export ${name}=${REDACTED}; run`);
    },
  );

  it('hides Slack, Discord and Teams webhook URLs past their host', () => {
    const slack = 'https://hooks.slack.com/services/' + 'T0A1B2C3D/B0A1B2C3D/' + 'aB3dE5fG7hI9jK1lM3nO5pQ7';
    const discord =
      'https://discord.com/api/webhooks/' +
      '112233445566778899/' +
      'aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5zA7bC9dE1fG3hI5jK7lM9nO1pQ3rS5tU7';
    const discordV10 = 'https://discordapp.com/api/v10/webhooks/' + '112233445566778899/' + 'aB3dE5fG7hI9jK1lM3nO5pQ7';
    expect(redact(`notify ${slack} done`)).toBe(`notify https://hooks.slack.com/services/${REDACTED} done`);
    expect(redact(`WEBHOOK=${discord}`)).toBe(`WEBHOOK=https://discord.com/api/webhooks/${REDACTED}`);
    expect(redact(discordV10)).toBe(`https://discordapp.com/api/v10/webhooks/${REDACTED}`);
    expect(scan(slack).kinds).toEqual(['webhook-url']);
  });

  it('hides basic-auth passwords on command lines: curl -u, mysql -p', () => {
    expect(redact(`curl -u admin:${pw} https://h.example`)).toBe(`curl -u admin:${REDACTED} https://h.example`);
    expect(redact(`curl -sS --user=admin:${pw} https://h.example`)).toBe(
      `curl -sS --user=admin:${REDACTED} https://h.example`,
    );
    expect(redact(`curl -uadmin:${pw} https://h.example`)).toBe(`curl -uadmin:${REDACTED} https://h.example`);
    expect(redact(`mysql -uroot -p${pw} app`)).toBe(`mysql -uroot -p${REDACTED} app`);
    expect(redact(`mysqldump -u root -p'${pw}' app`)).toBe(`mysqldump -u root -p${REDACTED} app`);
    expect(scan(`mysql -p${pw}`).kinds).toEqual(['command-password']);
  });

  it('hides htpasswd, crypt and bcrypt hashes, and Traefik basic-auth labels', () => {
    const apr1 = '$apr1$' + 'r31.....$HqJZimcKQFAMYayBlzkrA/';
    const bcrypt = '$2y$05$' + 'kV8gP6r1m0qHbN3sZ5tWeO3sJmQe1yF7xK9dL2cA4vB6nM8pR0uTa';
    expect(redact(`admin:${apr1}`)).toBe(`admin:$apr1$${REDACTED}`);
    expect(redact(`admin:${bcrypt} other`)).toBe(`admin:$2y$${REDACTED} other`);
    expect(redact(`user:{SHA}` + 'W6ph5Mm5Pz8GgiULbPgzG37mj9g=')).toBe(`user:{SHA}${REDACTED}`);
    // Compose escapes $ as $$.
    expect(redact(`admin:${apr1.replaceAll('$', () => '$$')}`)).toBe(`admin:$$apr1$$${REDACTED}`);
    const label = 'traefik.http.middlewares.auth.basicauth.users';
    expect(redactRecord({ [label]: `admin:${apr1}` })).toEqual({ [label]: REDACTED });
    expect(redact(`--label ${label}=admin:${apr1}`)).toBe(`--label ${label}=${REDACTED}`);
  });

  it('hides values in JSON inside a JSON string ({\\"password\\":\\"…\\"})', () => {
    expect(redact(`{\\"password\\":\\"${pw}\\",\\"user\\":\\"bob\\"}`)).toBe(
      `{\\"password\\":\\"${REDACTED}\\",\\"user\\":\\"bob\\"}`,
    );
    expect(redact(`"{\\\\\\"token\\\\\\": \\\\\\"${pw}\\\\\\"}"`)).not.toContain(pw);
  });

  it('hides values wrapped in ANSI colour codes (the colours are dropped)', () => {
    expect(redact(`\x1b[1mpassword\x1b[0m: ${pw}`)).toBe(`password: ${REDACTED}`);
    expect(redact(`token=\x1b[33m${pw}\x1b[0m ok`)).toBe(`token=${REDACTED} ok`);
    expect(redact(`\x1b[32mready\x1b[0m`)).toBe('ready');
    // Written out as text: JSON logs (\u001b) and shell commands (\033, \e).
    expect(redact(`{"msg":"\\u001b[1mpassword\\u001b[0m: ${pw}"}`)).toBe(`{"msg":"password: ${REDACTED}"}`);
    expect(redact(`printf '\\033[1mtoken\\033[0m: \\e[31m${pw}\\e[0m'`)).toBe(`printf 'token: ${REDACTED}'`);
  });

  it('hides URL passwords holding /, # or @ whole', () => {
    for (const password of ['p/ss' + pw, 'p#ss' + pw, 'p@ss' + pw, 'a/b#c@d' + pw]) {
      expect(redact(`postgres://app:${password}@db:5432/app`)).toBe(`postgres://app:${REDACTED}@db:5432/app`);
    }
    expect(redact(`redis://:${pw}@cache:6379`)).toBe(`redis://:${REDACTED}@cache:6379`);
  });

  const pgp = [
    '-----BEGIN PGP PRIVATE KEY BLOCK-----',
    '',
    'lQOYBF' + '0xXzkBCADJ4gXq9yGJmK2pLw8Rt7vB3nF5sD1aE6cH9jK2mN4pQ7rS0tU3vW5xY8zA',
    '=' + 'Xy7Q',
    '-----END PGP PRIVATE KEY BLOCK-----',
  ];

  it('hides a PGP private key block', () => {
    const out = redact(['gpg export:', ...pgp, 'done'].join('\n'));
    expect(out).not.toContain('lQOYBF');
    expect(out).not.toContain('Xy7Q');
    expect(out).toContain('-----END PGP PRIVATE KEY BLOCK-----');
    expect(out.split('\n').at(-1)).toBe('done');
    expect(scan(pgp.join('\n')).kinds).toEqual(['private-key']);
  });

  it('hides a token wrapped onto the next line, in a log and in a text', () => {
    const token = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
    const lines = ['export GH=' + token.slice(0, 20), token.slice(20), 'Starting server'];
    const redactor = new LineRedactor();
    const out = lines.map((l) => redactor.line(l));
    expect(out).toEqual([`export GH=${REDACTED}`, REDACTED, 'Starting server']);
    expect(redact(lines.join('\n'))).toBe(`export GH=${REDACTED}\n${REDACTED}\nStarting server`);
    const jwtHalves = ['Authorization token ' + jwt.slice(0, 30), '  ' + jwt.slice(30)];
    expect(redact(jwtHalves.join('\n'))).not.toMatch(/eyJ|dozjg/);
  });

  it('hides an assignment inside another value (found by the fuzz test)', () => {
    expect(redact(`password:  ROOT_PASSWORD: ${pw}`)).toBe(`password:  ${REDACTED} ${REDACTED}`);
    expect(redact(`MYSQLACCESS_KEY=${pw}`)).toBe(`MYSQLACCESS_KEY=${REDACTED}`);
  });

  it('hides a YAML block value under a secret key', () => {
    const yaml = ['db:', '  password: |', '    ' + pw, '    more' + pw, '  user: app'].join('\n');
    expect(redact(yaml)).toBe(['db:', '  password: |', `    ${REDACTED}`, `    ${REDACTED}`, '  user: app'].join('\n'));
  });

  // A 2048-bit key's body: full-width base64 lines, then a short last line.
  const keyBody = [
    'MIIEpAIBAAKCAQEA7bq9' + 'xY3kQ8vJ2mN5pR7tW0zB4dF6hK9lM1nO3qS5uV8wX0yZ2aC4eG6iJ8kL0mN',
    'c2VjcmV0IGtleSBib2R5' + 'IGxpbmUgdHdvIHdpdGggbW9yZSByYW5kb20gYnl0ZXMgaW4gaXQgMTIzNDU2',
    'QUJDREVGR0hJSktMTU5P' + 'UFFSU1RVVldYWVo5ODc2NTQzMjEwYWJjZGVmZ2hpamtsbW5vcA==',
  ];

  it('hides a private key body whose BEGIN line was cut off (--tail / --since)', async () => {
    const redactor = new LineRedactor();
    const out = [...keyBody, '-----END RSA PRIVATE KEY-----', 'listening on :80'].map((l) => redactor.line(l));
    expect(out).toEqual([REDACTED, REDACTED, REDACTED, '-----END RSA PRIVATE KEY-----', 'listening on :80']);

    // The log reader redacts line by line: the same through it.
    const log = [...keyBody, '-----END RSA PRIVATE KEY-----', 'ready'].join('\n') + '\n';
    const tail = await readLogTail(Readable.from([Buffer.from(log)]), {
      tty: true,
      timestamps: false,
      maxLines: 10,
      maxChars: 10_000,
    });
    const text = tail.lines.map((l) => l.text).join('\n');
    for (const line of keyBody) expect(text).not.toContain(line.slice(0, 20));
    expect(tail.lines.at(-1)?.text).toBe('ready');
  });

  it('has no token prefix that starts another (the scanner tries one rule per prefix)', () => {
    const prefixes = TOKEN_RULES.flatMap((rule) => rule.prefixes);
    for (const a of prefixes) for (const b of prefixes) if (a !== b) expect(b.startsWith(a), `${a} / ${b}`).toBe(false);
  });

  it('hides every gitleaks-derived token shape, prefix and all unless the prefix is kept', () => {
    for (const sample of everyTokenSample()) {
      const result = scan(`seen ${sample.text} here`);
      expect(result.text, sample.rule.name).not.toContain(sample.secret);
      expect(result.text, sample.rule.name).toMatch(/^seen .*\[REDACTED\] here$/);
      expect(result.kinds, sample.rule.name).toContain(sample.rule.kind);
    }
  });
});

describe('what is not a secret stays readable', () => {
  it.each([
    'docker run -d -p 8080:80 --name web nginx:1.25',
    'docker run -p3306:3306 -e MYSQL_DATABASE=app mysql:8',
    'GET http://localhost:5173/@vite/client 200',
    'Listening on http://0.0.0.0:3000, docs at https://example.com/docs?page=2&lang=ko',
    'PWD=/app',
    'OLDPWD=/',
    'TOKENIZERS_PARALLELISM=false',
    'POSTGRES_HOST_AUTH_METHOD=trust',
    'AUTH_PROVIDER=github',
    'BYPASS_CACHE=1',
    'author: Kim Minji',
    'image: registry.example.com/team/app:1.2.3',
    '/var/lib/docker/volumes/app_data/_data',
    'sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945',
    '4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945',
    '123e4567-e89b-12d3-a456-426614174000',
    'Compose `secrets:`, 또는 `*_FILE` 변수로 파일 경로만 넘기기',
    'key a.a.a.a.a',
    'curl -u admin https://h.example/ asks for the password',
    'Multiple containers restarted; Napping 5s; Oops',
    '-----END RSA PRIVATE KEY-----',
    'Bearer token required',
    'MaxConnections=100 timeout=30s',
  ])('%s', (line) => {
    expect(redact(line)).toBe(line);
    const redactor = new LineRedactor();
    expect(redactor.line(line)).toBe(line);
  });

  it('keeps dollar signs that are not a password hash', () => {
    for (const line of ["sed -E 's/(a)(b)/$1$2/'", 'price: $5$ each', 'echo $HOME']) expect(redact(line)).toBe(line);
  });

  it('keeps ordinary multi-line logs line for line', () => {
    const log = ['Starting nginx', 'Done', 'ReadyForConnections', 'AbCdEfGhIjKlMnOp'].join('\n');
    expect(redact(log)).toBe(log);
  });
});

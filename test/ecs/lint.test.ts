import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUserError } from '../../src/core/errors.ts';
import { translator } from '../../src/core/locale.ts';
import { ECS_LINT_CODES } from '../../src/diagnostics/ecs/codes.ts';
import { lintTaskDefinition, type LintResult } from '../../src/diagnostics/ecs/lint.ts';
import { parseTaskDefinition } from '../../src/diagnostics/ecs/task-definition.ts';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { member, testApp } from '../support/app.ts';
import { run } from '../support/spawn.ts';

const knowledge = KnowledgeBase.load(join(PROJECT_ROOT, 'knowledge'), PROJECT_ROOT);
const FIXTURES = join(PROJECT_ROOT, 'test/ecs/fixtures');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

function lint(taskFile: string, confFile?: string, locale: 'ko' | 'en' = 'ko'): LintResult {
  return lintTaskDefinition(
    parseTaskDefinition(fixture(taskFile)),
    confFile ? { name: confFile, text: fixture(confFile) } : undefined,
    translator(locale),
    knowledge,
  );
}
const codes = (result: LintResult) => result.findings.map((f) => f.code);

describe('reading a task definition', () => {
  it('accepts the registered form, describe-task-definition output, the containerDefinitions array and member', () => {
    expect(parseTaskDefinition(fixture('good-bridge.json'))).toMatchObject({
      family: 'larva',
      form: 'task-definition',
      networkMode: 'bridge',
      networkModeSource: 'written',
    });
    expect(parseTaskDefinition(fixture('good-fargate.json'))).toMatchObject({
      form: 'describe-output',
      networkMode: 'awsvpc',
    });
    const array = parseTaskDefinition(fixture('no-port-mapping.json'));
    expect(array).toMatchObject({ form: 'container-definitions', networkMode: 'bridge', networkModeSource: 'default' });
    const member = `"containerDefinitions": ${fixture('no-port-mapping.json')},`;
    expect(parseTaskDefinition(member).containers.map((c) => c.name)).toEqual(['nginx', 'django']);
    const single = parseTaskDefinition('{"name": "nginx", "image": "nginx:1.23"}');
    expect(single.containers).toHaveLength(1);
    const fenced = parseTaskDefinition(`보세요\n\`\`\`json\n${fixture('good-bridge.json')}\`\`\`\n`);
    expect(fenced.family).toBe('larva');
    expect(
      parseTaskDefinition(
        '{"requiresCompatibilities": ["FARGATE"], "containerDefinitions": [{"name": "a", "image": "b:1"}]}',
      ),
    ).toMatchObject({ networkMode: 'awsvpc', networkModeSource: 'fargate' });
  });

  const failure = (text: string) => {
    try {
      parseTaskDefinition(text);
    } catch (error) {
      if (isUserError(error)) return error;
      throw error;
    }
    throw new Error('no error');
  };

  it('says where invalid JSON breaks', () => {
    const error = failure(fixture('invalid-json.txt'));
    expect(error.code).toBe('taskdef-invalid-json');
    expect(error.messageFor('ko')).toContain('4번째 줄');
    expect(error.messageFor('en')).toMatch(/line 4, column \d+/);
    expect(failure('').code).toBe('taskdef-empty');
  });

  it('says what is missing when the JSON is not a task definition', () => {
    const compose = failure(fixture('compose-not-taskdef.json'));
    expect(compose.code).toBe('taskdef-invalid');
    expect(compose.messageFor('en')).toContain('containerDefinitions: missing');
    const noImage = failure('{"containerDefinitions": [{"name": "nginx"}]}');
    expect(noImage.messageFor('en')).toContain('containerDefinitions[0].image: missing');
    const badPort = failure('[{"name": "nginx", "image": "x:1", "portMappings": [{"containerPort": "80"}]}]');
    expect(badPort.messageFor('en')).toMatch(/containerDefinitions\[0\]\.portMappings\[0\]\.containerPort: .*number/);
    expect(failure('"nginx"').messageFor('en')).toContain('expected a JSON object, got string');
  });
});

describe('ecs lint', () => {
  it('a good bridge task with the socket shared, and a good Fargate task on localhost, have no findings', () => {
    expect(codes(lint('good-bridge.json', 'nginx-socket.conf'))).toEqual([]);
    expect(codes(lint('good-fargate.json', 'nginx-localhost.conf'))).toEqual([]);
  });

  it('ecs-links-unsupported and nginx-upstream-compose-host under awsvpc', () => {
    const result = lint('links-awsvpc.json', 'nginx-compose.conf');
    expect(codes(result)).toEqual(['ecs-links-unsupported', 'nginx-upstream-compose-host']);
    const links = result.findings[0];
    expect(links?.evidence).toContain('containerDefinitions[0] (nginx).links=["django"]');
    const compose = result.findings[1];
    expect(compose?.evidence[0]).toBe('nginx-compose.conf:6 proxy_pass http://django:8000;');
    expect(compose?.next).toContain('proxy_pass http://localhost:8000;');
    expect(compose?.refs[0]).toBe('troubleshooting/nginx-default-page#upstream-compose-host');
  });

  it('a compose name is fine in bridge mode when the nginx container links it', () => {
    expect(codes(lint('image-latest.json', 'nginx-compose.conf'))).not.toContain('nginx-upstream-compose-host');
    expect(codes(lint('hostport-conflict.json', 'nginx-compose.conf'))).toContain('nginx-upstream-compose-host');
  });

  it('ecs-image-latest: Docker Hub nginx is an error, an ECR :latest a warning', () => {
    const result = lint('image-latest.json');
    expect(result.findings.map((f) => [f.code, f.severity])).toEqual([
      ['ecs-image-latest', 'error'],
      ['ecs-image-latest', 'warning'],
    ]);
    expect(result.findings[0]?.title).toContain('도커 허브');
  });

  it('ecs-no-port-mapping on the web container', () => {
    const result = lint('no-port-mapping.json', undefined, 'en');
    expect(codes(result)).toEqual(['ecs-no-port-mapping']);
    expect(result.findings[0]?.next).toContain('"portMappings": [{"containerPort": 80, "protocol": "tcp"}]');
  });

  it('ecs-hostport-conflict: one static host port twice in bridge mode', () => {
    const result = lint('hostport-conflict.json');
    expect(codes(result)).toEqual(['ecs-hostport-conflict']);
    expect(result.findings[0]?.evidence).toHaveLength(3);
    expect(result.findings[0]?.next).toContain('"hostPort": 0');
  });

  it('ecs-volumesfrom-missing: a source not in the task, and the socket nginx proxies to not shared', () => {
    const result = lint('volumesfrom-missing.json', 'nginx-socket.conf');
    expect(codes(result)).toEqual(['ecs-volumesfrom-missing', 'ecs-volumesfrom-missing']);
    expect(result.findings[0]?.title).toContain('larva-django');
    expect(result.findings[1]?.evidence[0]).toBe(
      'nginx-socket.conf:3 server unix:/app/run/gunicorn.sock fail_timeout=0;',
    );
    expect(result.findings[1]?.next).toContain('"volumesFrom": [{"sourceContainer": "django"}]');
  });

  it('every lint code links a section that exists', () => {
    const all = [
      lint('links-awsvpc.json', 'nginx-compose.conf'),
      lint('image-latest.json'),
      lint('no-port-mapping.json'),
      lint('hostport-conflict.json'),
      lint('volumesfrom-missing.json', 'nginx-socket.conf'),
    ].flatMap((r) => r.findings);
    expect(new Set(all.map((f) => f.code))).toEqual(new Set(ECS_LINT_CODES));
    for (const f of all) {
      expect(f.refs.length).toBeGreaterThan(0);
      for (const ref of f.refs) expect(knowledge.section(ref), ref).toBeDefined();
    }
  });

  it('reports syntax problems of the nginx configuration', () => {
    const result = lintTaskDefinition(
      parseTaskDefinition(fixture('good-bridge.json')),
      { name: 'nginx.conf', text: 'server {\n listen 80\n' },
      translator('ko'),
      knowledge,
    );
    expect(result.confProblems.map((p) => p.line)).toEqual([1, 2]);
  });
});

describe('/ecs lint as a command', () => {
  let app: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    app = await testApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('in Discord the option is the pasted JSON (a code block), never a path on the bot’s machine', async () => {
    const pasted = await app.dispatcher.run(
      { name: 'ecs', subcommand: 'lint', options: { taskdef: `\`\`\`json\n${fixture('links-awsvpc.json')}\`\`\`` } },
      member(),
    );
    expect(pasted.error).toBeUndefined();
    expect((pasted.data as { target: string }).target).toBe('larva');
    expect(pasted.findings?.map((f) => f.code)).toEqual(['ecs-links-unsupported']);
    expect(pasted.findings?.[0]?.refTitles?.length).toBeGreaterThan(0);
    expect(pasted.actions?.[0]?.[0]?.kind).toBe('select');

    const path = await app.dispatcher.run(
      { name: 'ecs', subcommand: 'lint', options: { taskdef: join(FIXTURES, 'good-bridge.json') } },
      member({ id: 'u-101' }),
    );
    expect(path.error?.code).toBe('taskdef-invalid-json');
  });
});

describe('CLI contract', () => {
  const cli = (...args: string[]) =>
    run('npm', ['run', '-s', 'cli', '--', ...args], {
      env: { DOCKHAND_DB: ':memory:', LOG_LEVEL: 'silent', DISCORD_TOKEN: '' },
      timeoutMs: 60_000,
    });

  it('ecs lint <file> --nginx-conf FILE --json prints {target, findings}', async () => {
    const file = join(FIXTURES, 'links-awsvpc.json');
    const result = await cli('ecs', 'lint', file, '--nginx-conf', join(FIXTURES, 'nginx-compose.conf'), '--json');
    expect(result.code).toBe(0);
    const body = JSON.parse(result.stdout) as { target: string; findings: Array<Record<string, unknown>> };
    expect(Object.keys(body).sort()).toEqual(['findings', 'target']);
    expect(body.target).toBe(file);
    expect(body.findings.map((f) => f.code)).toEqual(['ecs-links-unsupported', 'nginx-upstream-compose-host']);
    for (const f of body.findings)
      expect(Object.keys(f).sort()).toEqual(['code', 'detail', 'evidence', 'next', 'refs', 'severity', 'title']);
  });

  it('a missing file or invalid JSON is a clear error with a non-zero exit', async () => {
    const missing = await cli('ecs', 'lint', join(FIXTURES, 'nope.json'), '--json');
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)).toMatchObject({ error: { code: 'file-not-found' } });
    const invalid = await cli('ecs', 'lint', join(FIXTURES, 'invalid-json.txt'));
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toContain('4번째 줄');
  });
});

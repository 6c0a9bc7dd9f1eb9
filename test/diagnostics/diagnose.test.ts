import { describe, expect, it } from 'vitest';
import { translator } from '../../src/core/locale.ts';
import { REDACTED } from '../../src/core/redact.ts';
import { whatWasChecked } from '../../src/diagnostics/checked.ts';
import { diagnose } from '../../src/diagnostics/diagnose.ts';
import { FINDING_CODES, type Finding } from '../../src/diagnostics/finding.ts';
import { resolveRefs } from '../../src/diagnostics/refs.ts';
import { defined } from '../support/defined.ts';
import { fixtureFacts, type FixtureOptions } from '../support/facts.ts';
import { FIXTURE_KNOWLEDGE, knowledgeFrom, playbook } from '../support/knowledge.ts';

const run = (options: FixtureOptions, locale: 'ko' | 'en' = 'ko') =>
  diagnose(fixtureFacts(options), translator(locale), FIXTURE_KNOWLEDGE);
const codes = (findings: Finding[]) => findings.map((f) => `${f.code}:${f.severity}`);
const find = (findings: Finding[], code: string) =>
  defined(
    findings.find((f) => f.code === code),
    `a ${code} finding`,
  );

const RESET = { outcome: 'reset' } as const;
const OK_PAGE = { outcome: 'http', status: 200, body: '<h1>My app</h1>' } as const;

describe('state checks', () => {
  it('exit 0: finished, nothing in the foreground (warning)', () => {
    const findings = run({
      state: { Running: false, Status: 'exited', ExitCode: 0, FinishedAt: '2024-05-01T11:00:00Z' },
    });
    expect(codes(findings)).toEqual(['exited:warning']);
    expect(find(findings, 'exited').refs[0]).toBe('troubleshooting/container-exits#exit-0');
    expect(find(findings, 'exited').detail).toMatch(/포그라운드/);
  });

  it('exit 3: the application’s own error, with the last log lines as evidence', () => {
    const findings = run({
      state: { Running: false, Status: 'exited', ExitCode: 3 },
      logs: ['connecting…', 'fatal: config missing'],
    });
    expect(codes(findings)).toEqual(['exited:error']);
    expect(find(findings, 'exited').evidence).toContain('log (stdout): fatal: config missing');
    expect(find(findings, 'exited').title).toMatch(/3/);
  });

  it('command not found: one start-failed (its exit code 127 is the failure, not a second error)', () => {
    const findings = run({
      state: {
        Running: false,
        Status: 'created',
        ExitCode: 127,
        Error:
          'failed to create shim task: OCI runtime create failed: runc create failed: ' +
          'unable to start container process: exec: "pyhton": executable file not found in $PATH: unknown',
      },
    });
    expect(codes(findings)).toEqual(['start-failed:error']);
    const failed = find(findings, 'start-failed');
    expect(failed.detail).toMatch(/`pyhton`/);
    expect(failed.refs[0]).toBe('troubleshooting/container-exits#exit-127');
    expect(failed.evidence).toEqual(expect.arrayContaining(['State.ExitCode=127', 'State.Status=created']));
  });

  it('OOM under a memory limit: one oom-killed error, with the exit 137 in its evidence', () => {
    const findings = run({
      state: { Running: false, Status: 'exited', ExitCode: 137, OOMKilled: true },
      hostConfig: { Memory: 16 * 1024 * 1024 },
    });
    expect(codes(findings)).toEqual(['oom-killed:error']);
    expect(find(findings, 'oom-killed').evidence).toEqual(
      expect.arrayContaining(['HostConfig.Memory=16777216 (16 MiB)', 'State.ExitCode=137', 'State.Status=exited']),
    );
    expect(find(findings, 'oom-killed').refs[0]).toBe('troubleshooting/container-exits#exit-137');
  });

  it('OOM the engine did not flag (State.OOMKilled=false) is still found from the oom event', () => {
    const state = { Running: false, Status: 'exited', ExitCode: 137, OOMKilled: false };
    const withEvent = run({
      state,
      hostConfig: { Memory: 16 * 1024 * 1024 },
      oomEvents: [new Date('2026-11-28T08:59:00Z')],
    });
    expect(codes(withEvent)).toEqual(['oom-killed:error']);
    // The moment in the group's zone (rendered per transport; --json reads it back as ISO UTC).
    expect(find(withEvent, 'oom-killed').evidence[0]).toMatch(/^engine event: oom at <t:1795856340:f\|Asia\/Seoul>/);
    // A plain SIGKILL (docker kill) without an oom event is not called an OOM.
    expect(codes(run({ state })).some((c) => c.startsWith('oom-killed'))).toBe(false);
  });

  it('restart loop: restarting now is an error; many restarts but stable for long is a warning', () => {
    const looping = run({
      state: { Running: true, Restarting: true, Status: 'restarting', ExitCode: 1 },
      restartCount: 5,
      hostConfig: { RestartPolicy: { Name: 'always' } },
    });
    expect(codes(looping)).toContain('restart-loop:error');
    const stable = run({ state: { StartedAt: '2024-05-01T10:00:00Z' }, restartCount: 4 });
    expect(codes(stable)).toEqual(['restart-loop:warning']);
    expect(run({ restartCount: 2 })).toEqual([]);
  });

  it('port already allocated: start-failed linked to its own playbook first', () => {
    const findings = run({
      state: {
        Running: false,
        Status: 'created',
        ExitCode: 128,
        Error:
          'driver failed programming external connectivity on endpoint web2 (abc): Bind for 127.0.0.1:18080 failed: ' +
          'port is already allocated',
      },
    });
    const failed = find(findings, 'start-failed');
    expect(failed.detail).toMatch(/18080/);
    expect(failed.refs[0]).toBe('troubleshooting/port-already-allocated#fix');
    expect(failed.next).toMatch(/18081/);
  });

  it('a container that never started (port already allocated) gets no exit-code error', () => {
    const findings = run({
      state: {
        Running: false,
        Status: 'created',
        ExitCode: 128,
        StartedAt: '0001-01-01T00:00:00Z',
        FinishedAt: '0001-01-01T00:00:00Z',
        Error:
          'driver failed programming external connectivity on endpoint web2 (abc): Bind for 127.0.0.1:18080 failed: port is already allocated',
      },
    });
    expect(codes(findings)).toEqual(['start-failed:error']);
    const failed = find(findings, 'start-failed');
    expect(failed.title).toMatch(/한 번도 실행되지 않았어요/);
    expect(failed.evidence).toContain('State.StartedAt=0001-01-01 (시작된 적 없음)');
    expect(JSON.stringify(findings)).not.toMatch(/종료 코드 128|exit-1\b/);
  });

  it('port already allocated: the -p to use keeps the published host address and skips taken ports', () => {
    const facts = fixtureFacts({
      state: {
        Running: false,
        Status: 'created',
        ExitCode: 128,
        StartedAt: '0001-01-01T00:00:00Z',
        Error: 'Bind for 127.0.0.1:18080 failed: port is already allocated',
      },
      hostConfig: { PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '18080' }] } },
    });
    const findings = diagnose({ ...facts, takenHostPorts: [18080, 18081] }, translator('ko'), FIXTURE_KNOWLEDGE);
    expect(find(findings, 'start-failed').next).toContain('`docker run -p 127.0.0.1:18082:80 …`');
    const everywhere = fixtureFacts({
      state: {
        Running: false,
        Status: 'created',
        ExitCode: 128,
        Error: 'Bind for 0.0.0.0:8080 failed: port is already allocated',
      },
      hostConfig: { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] } },
    });
    expect(find(diagnose(everywhere, translator('en'), FIXTURE_KNOWLEDGE), 'start-failed').next).toContain(
      '`docker run -p 8081:80 …`',
    );
  });
});

describe('port checks', () => {
  it('EXPOSE without -p: port-not-published (warning when nothing is published)', () => {
    const findings = run({ imageExposed: ['80/tcp'] });
    expect(codes(findings)).toEqual(['port-not-published:warning']);
    expect(find(findings, 'port-not-published').next).toMatch(/-p 8080:80/);
  });

  it('wrong port published: one port-mismatch (the failed probe is its evidence), keeping the host address', () => {
    const findings = run({
      imageExposed: ['80/tcp'],
      published: { '8080/tcp': '18080' },
      probes: { '8080/tcp': RESET },
    });
    expect(codes(findings)).toEqual(['port-mismatch:error']);
    const mismatch = find(findings, 'port-mismatch');
    expect(mismatch.next).toContain('`docker run -p 127.0.0.1:18080:80 …`');
    expect(mismatch.evidence.join('\n')).toMatch(/GET http:\/\/127\.0\.0\.1:18080\/ → /);
    expect(mismatch.refs[0]).toBe('troubleshooting/port-not-answering#port-mismatch');
  });

  it('no mismatch when the published port answers (the app really serves it)', () => {
    const findings = run({
      imageExposed: ['80/tcp'],
      published: { '8080/tcp': '18080' },
      probes: { '8080/tcp': OK_PAGE },
    });
    expect(codes(findings)).toEqual(['port-not-published:info']);
  });

  it('a healthy published container has no findings', () => {
    expect(run({ imageExposed: ['80/tcp'], published: { '80/tcp': '18080' }, probes: { '80/tcp': OK_PAGE } })).toEqual(
      [],
    );
  });

  it('host networking skips port checks', () => {
    expect(run({ imageExposed: ['80/tcp'], hostConfig: { NetworkMode: 'host' } })).toEqual([]);
  });
});

describe('listens-on-loopback', () => {
  const published = { '8080/tcp': '18080' };

  it('from the command line, confirmed by a reset probe', () => {
    const findings = run({ args: ['-f', '-p', '127.0.0.1:8080'], published, probes: { '8080/tcp': RESET } });
    expect(codes(findings)).toEqual(['listens-on-loopback:error']);
    expect(find(findings, 'listens-on-loopback').evidence.join('\n')).toMatch(/127\.0\.0\.1:8080/);
    expect(find(findings, 'listens-on-loopback').refs[0]).toBe('troubleshooting/port-not-answering#loopback');
  });

  it('from a log line, unless the log also shows every interface', () => {
    const opts = { path: 'node', args: ['server.js'], published, probes: { '8080/tcp': RESET } };
    expect(codes(run({ ...opts, logs: ['Server listening on http://127.0.0.1:8080'] }))).toContain(
      'listens-on-loopback:error',
    );
    expect(
      codes(run({ ...opts, logs: [' * Running on all addresses (0.0.0.0)', ' * Running on http://127.0.0.1:8080'] })),
    ).not.toContain('listens-on-loopback:error');
  });

  it('from `top` when the command is a wrapper script', () => {
    const findings = run({
      path: '/entrypoint.sh',
      args: [],
      top: ['/bin/sh /entrypoint.sh', 'python -m flask run --port 8080'],
      published,
      probes: { '8080/tcp': RESET },
    });
    expect(codes(findings)).toContain('listens-on-loopback:error');
  });

  it('dev servers that default to 127.0.0.1 (flask run, runserver) unless told otherwise', () => {
    const flask = { path: 'flask', args: ['run', '--port', '8080'], published, probes: { '8080/tcp': RESET } };
    expect(codes(run(flask))).toContain('listens-on-loopback:error');
    expect(codes(run({ ...flask, args: ['run', '--host=0.0.0.0', '--port', '8080'] }))).not.toContain(
      'listens-on-loopback:error',
    );
    const django = {
      path: 'python',
      args: ['manage.py', 'runserver', '8080'],
      published,
      probes: { '8080/tcp': RESET },
    };
    expect(codes(run(django))).toContain('listens-on-loopback:error');
    expect(codes(run({ ...django, args: ['manage.py', 'runserver', '0.0.0.0:8080'] }))).not.toContain(
      'listens-on-loopback:error',
    );
  });

  it('the socket table decides when exec is allowed', () => {
    const loopbackOnly = run({
      path: 'app',
      args: [],
      published,
      probes: { '8080/tcp': RESET },
      listeners: [{ address: '127.0.0.1', port: 8080, loopback: true, wildcard: false }],
    });
    expect(codes(loopbackOnly)).toContain('listens-on-loopback:error');
    expect(find(loopbackOnly, 'listens-on-loopback').evidence).toContain('/proc/net/tcp: 127.0.0.1:8080 LISTEN');
    const everywhere = run({
      args: ['-p', '127.0.0.1:8080'],
      published,
      probes: { '8080/tcp': RESET },
      listeners: [{ address: '0.0.0.0', port: 8080, loopback: false, wildcard: true }],
    });
    expect(codes(everywhere)).not.toContain('listens-on-loopback:error');
  });

  it('a probe that gets an answer wins over hints', () => {
    expect(run({ args: ['-p', '127.0.0.1:8080'], published, probes: { '8080/tcp': OK_PAGE } })).toEqual([]);
  });

  it('a database client flag is not a bind address', () => {
    const findings = run({
      path: 'app',
      args: ['--db-host', '127.0.0.1', '--redis', '127.0.0.1:6379'],
      published,
      probes: { '8080/tcp': RESET },
    });
    expect(codes(findings)).toEqual(['http-unreachable:error']);
  });
});

describe('http checks', () => {
  it('nginx default page: http-default-page warning linked to its playbook', () => {
    const findings = run({
      imageExposed: ['80/tcp'],
      published: { '80/tcp': '18080' },
      probes: {
        '80/tcp': {
          outcome: 'http',
          status: 200,
          server: 'nginx/1.22.1',
          body: '<html><head><title>Welcome to nginx!</title></head></html>',
        },
      },
    });
    expect(codes(findings)).toEqual(['http-default-page:warning']);
    expect(find(findings, 'http-default-page').refs[0]).toBe('troubleshooting/nginx-default-page#config-not-copied');
  });

  it('Apache "It works!"', () => {
    const findings = run({
      imageExposed: ['80/tcp'],
      published: { '80/tcp': '18080' },
      probes: { '80/tcp': { outcome: 'http', status: 200, body: '<html><body><h1>It works!</h1></body></html>' } },
    });
    expect(codes(findings)).toEqual(['http-default-page:warning']);
  });

  it('refused and timed-out probes are http-unreachable', () => {
    const findings = run({
      imageExposed: ['80/tcp'],
      published: { '80/tcp': '18080' },
      probes: { '80/tcp': { outcome: 'refused', code: 'ECONNREFUSED' } },
    });
    expect(codes(findings)).toEqual(['http-unreachable:error']);
    expect(find(findings, 'http-unreachable').evidence[0]).toMatch(/connection refused|연결 거부/);
  });
});

describe('secrets-in-env', () => {
  const password = 'hunter' + '2';
  const keyId = 'AKIA' + 'IOSFODNN7EXAMPLE';

  it('names the variables, labels and layers, never the values', () => {
    const findings = run({
      config: {
        Env: ['PATH=/bin', `DB_PASSWORD=${password}`, `CLOUD_ID=${keyId}`, 'PASSWORD_FILE=/run/secrets/db'],
        Labels: { 'com.example.deploy-token': 'tok123' },
      },
      history: ['/bin/sh -c #(nop)  CMD ["app"]', `/bin/sh -c #(nop)  ENV API_TOKEN=${password}`],
    });
    expect(codes(findings)).toEqual(['secrets-in-env:warning']);
    const secrets = find(findings, 'secrets-in-env');
    expect(secrets.evidence.join('\n')).toMatch(/DB_PASSWORD/);
    expect(secrets.evidence.join('\n')).toMatch(/CLOUD_ID \(AWS 액세스 키\)/);
    expect(secrets.evidence.join('\n')).toMatch(/com\.example\.deploy-token/);
    expect(secrets.evidence.join('\n')).toMatch(/API_TOKEN/);
    expect(secrets.evidence.join('\n')).not.toMatch(/PASSWORD_FILE/);
    const everything = JSON.stringify(findings);
    for (const value of [password, keyId, 'tok123']) expect(everything).not.toContain(value);
  });
});

describe('diagnose', () => {
  const everything: FixtureOptions = {
    state: { Running: true, Restarting: false, StartedAt: '2024-05-01T11:59:50Z' },
    restartCount: 3,
    imageExposed: ['80/tcp', '443/tcp'],
    published: { '8080/tcp': '18080' },
    probes: { '8080/tcp': RESET },
    config: { Env: ['SECRET_KEY=abc'] },
  };

  it('ranks by severity and uses only stable codes', () => {
    const findings = run(everything);
    const ranks = findings.map((f) => ['error', 'warning', 'info'].indexOf(f.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    for (const f of findings) expect(FINDING_CODES).toContain(f.code);
    expect(codes(findings)).toEqual(['restart-loop:error', 'port-mismatch:error', 'secrets-in-env:warning']);
  });

  it('speaks English to English callers', () => {
    const findings = run(everything, 'en');
    expect(find(findings, 'port-mismatch').title).toMatch(/^Host port 18080 goes to container port 8080/);
    expect(findings.every((f) => !/[가-힣]/.test(f.title + f.detail + f.next))).toBe(true);
  });

  it('its own wording survives redaction untouched', () => {
    const cases: FixtureOptions[] = [
      { state: { Running: false, Status: 'exited', ExitCode: 0 } },
      { state: { Running: false, Status: 'exited', ExitCode: 137, OOMKilled: true } },
      { imageExposed: ['80/tcp'] },
      { args: ['-p', '127.0.0.1:8080'], published: { '8080/tcp': '18080' }, probes: { '8080/tcp': RESET } },
      { config: { Env: ['API_KEY=x1'] } },
    ];
    for (const locale of ['ko', 'en'] as const) {
      for (const options of cases) {
        for (const f of run(options, locale)) expect(`${f.title}${f.detail}${f.next}`, f.code).not.toContain(REDACTED);
      }
    }
  });
});

describe('resolveRefs', () => {
  it('keeps hints that exist, falls back to the playbook’s first section, and never invents one', () => {
    expect(resolveRefs(FIXTURE_KNOWLEDGE, 'exited', ['#exit-139', '#causes'])).toEqual([
      'troubleshooting/container-exits#causes',
    ]);
    expect(resolveRefs(FIXTURE_KNOWLEDGE, 'restart-loop', ['#exit-1'])).toEqual(['troubleshooting/restarts#symptom']);
    expect(resolveRefs(FIXTURE_KNOWLEDGE, 'secrets-in-env', ['#fix'])).toEqual([]);
    const empty = knowledgeFrom({ 'troubleshooting/x': playbook('X', ['exited'], ['only']) });
    expect(resolveRefs(empty, 'exited', ['#exit-0'])).toEqual(['troubleshooting/x#only']);
  });
});

describe('one cause, one finding', () => {
  it('a port nobody answers on stays its own error when no other finding explains it', () => {
    const findings = run({
      imageExposed: ['80/tcp'],
      published: { '8080/tcp': '18080', '9000/tcp': '19000' },
      probes: { '8080/tcp': RESET, '9000/tcp': { outcome: 'timeout' } },
      listeners: [
        { address: '0.0.0.0', port: 9000, loopback: false, wildcard: true },
        { address: '0.0.0.0', port: 80, loopback: false, wildcard: true },
      ],
    });
    // 8080 is the mismatch; 9000 is served inside but times out from here: a different cause.
    expect(codes(findings)).toEqual(['port-mismatch:error', 'http-unreachable:error']);
  });

  it('a stopped container with no start error keeps its exit finding', () => {
    expect(codes(run({ state: { Running: false, Status: 'exited', ExitCode: 1 } }))).toEqual(['exited:error']);
  });
});

describe('http-unreachable links the playbook for how the container was started', () => {
  // Both playbooks list the code; the compose one sorts first, as in the group's notes.
  const knowledge = knowledgeFrom({
    'troubleshooting/compose-service-unreachable': playbook('Compose', ['http-unreachable'], ['symptom', 'check']),
    'troubleshooting/port-not-answering': playbook(
      'Ports',
      ['port-not-published', 'port-mismatch', 'listens-on-loopback', 'http-unreachable'],
      ['symptom', 'causes', 'check'],
    ),
  });
  const unreachable = { published: { '8080/tcp': '18080' }, probes: { '8080/tcp': { outcome: 'refused' } } } as const;
  const refsOf = (options: FixtureOptions) =>
    find(diagnose(fixtureFacts(options), translator('ko'), knowledge), 'http-unreachable').refs;

  it('a plain docker run: the port playbook', () => {
    expect(refsOf(unreachable)).toEqual([
      'troubleshooting/port-not-answering#check',
      'troubleshooting/port-not-answering#causes',
    ]);
  });

  it('a compose service (com.docker.compose.project label): the compose playbook too', () => {
    const compose = { ...unreachable, config: { Labels: { 'com.docker.compose.project': 'study' } } };
    expect(refsOf(compose)).toEqual([
      'troubleshooting/port-not-answering#check',
      'troubleshooting/compose-service-unreachable#check',
    ]);
  });
});

describe('a healthy container: what was checked', () => {
  it('names the probe, the port mapping, restarts, OOM and secrets', () => {
    const facts = fixtureFacts({
      imageExposed: ['80/tcp'],
      published: { '80/tcp': '18601' },
      probes: { '80/tcp': OK_PAGE },
    });
    const checked = whatWasChecked(facts, [], translator('ko'));
    expect(checked).toEqual([
      '<t:1714564740:R|Asia/Seoul> 시작',
      '127.0.0.1:18601 → HTTP 200',
      '포트 매핑 일치 (127.0.0.1:18601 → 80/tcp)',
      '재시작 0회',
      '메모리 초과(OOM) 없음',
      '환경 변수·레이블·히스토리에 비밀값 없음',
    ]);
    expect(whatWasChecked(facts, [], translator('en'))).toContain('HTTP 200 on 127.0.0.1:18601');
  });

  it('does not claim a port check that found something', () => {
    const facts = fixtureFacts({
      imageExposed: ['80/tcp', '443/tcp'],
      published: { '80/tcp': '18601' },
      probes: { '80/tcp': OK_PAGE },
    });
    const findings = diagnose(facts, translator('ko'), FIXTURE_KNOWLEDGE);
    expect(codes(findings)).toEqual(['port-not-published:info']);
    expect(whatWasChecked(facts, findings, translator('ko')).join(' · ')).not.toMatch(/포트 매핑 일치/);
  });
});

describe('Korean that reads right', () => {
  it('the exit code takes the particle of its Korean reading', () => {
    const titleFor = (code: number) =>
      find(run({ state: { Running: false, Status: 'exited', ExitCode: code } }), 'exited').title;
    expect(titleFor(1)).toBe('컨테이너가 종료 코드 1로 멈춰 있어요');
    expect(titleFor(3)).toBe('컨테이너가 종료 코드 3으로 멈춰 있어요');
    expect(titleFor(6)).toBe('컨테이너가 종료 코드 6으로 멈춰 있어요');
    expect(titleFor(0)).toBe('컨테이너가 종료 코드 0으로 멈춰 있어요');
    expect(titleFor(2)).toBe('컨테이너가 종료 코드 2로 멈춰 있어요');
    expect(titleFor(137)).toBe('컨테이너가 종료 코드 137로 멈춰 있어요');
    expect(titleFor(130)).toBe('컨테이너가 종료 코드 130으로 멈춰 있어요');
  });

  it('no finding, in either language, writes a particle both ways', () => {
    const everyKind: FixtureOptions[] = [
      ...[0, 1, 2, 3, 6, 42, 125, 126, 127, 137, 139, 143, 255].map((code) => ({
        state: { Running: false, Status: 'exited', ExitCode: code },
      })),
      {
        state: { Running: false, Status: 'exited', ExitCode: 137, OOMKilled: true },
        hostConfig: { Memory: 6 * 1024 * 1024 },
      },
      { imageExposed: ['80/tcp'], published: { '8080/tcp': '18080' }, probes: { '8080/tcp': RESET } },
      { imageExposed: ['443/tcp'] },
      { restartCount: 7, state: { Restarting: true, Status: 'restarting', ExitCode: 1 } },
      { config: { Env: ['DB_PASSWORD=x'] } },
    ];
    for (const options of everyKind) {
      for (const f of run(options)) {
        expect(`${f.title} ${f.detail} ${f.next}`, f.code).not.toMatch(
          /\((?:으|을|를|이|가|은|는|와|과)\)|을\(|이\(|은\(/,
        );
      }
    }
  });
});

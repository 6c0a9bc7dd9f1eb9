import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defined } from '../support/defined.ts';
import { run } from '../support/spawn.ts';
import { tempDir } from '../support/temp.ts';

let env: Record<string, string>;
beforeAll(() => {
  // LOG_LEVEL=debug makes sure logs exist and still stay off stdout.
  env = { DOCKHAND_DB: join(tempDir(), 'cli.db'), LOG_LEVEL: 'debug', DISCORD_TOKEN: '' };
});

/** The `{"error": …}` a failed `--json` run prints. */
const errorOf = (stdout: string) => (JSON.parse(stdout) as { error: { code: string; message: string } }).error;

const cli = (...args: string[]) => run('npm', ['run', '-s', 'cli', '--', ...args], { env });

describe('CLI contract', () => {
  it('search --json --limit N prints exactly one JSON object with whole section texts', async () => {
    const result = await cli('search', '--json', '--limit', '3', '도커 볼륨');
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const body = JSON.parse(defined(lines[0])) as { query: string; hits: Array<Record<string, unknown>> };
    expect(body.query).toBe('도커 볼륨');
    expect(body.hits.length).toBeGreaterThan(0);
    expect(body.hits.length).toBeLessThanOrEqual(3);
    for (const hit of body.hits) {
      expect(Object.keys(hit).sort()).toEqual(['id', 'score', 'source', 'text', 'title']);
      expect(hit.id).toMatch(/^[a-z0-9/-]+#[^\s]+$/);
      expect(hit.source).toMatch(/^knowledge\/.+\.md$/);
      expect(typeof hit.score).toBe('number');
    }
    expect(body.hits.some((h) => String(h.text).includes('docker volume create'))).toBe(true);
    expect(result.stderr).toMatch(/DEBUG/);
  });

  it('--batch FILE prints one JSON line per query, each with its ms', async () => {
    const file = join(tempDir(), 'queries.txt');
    writeFileSync(file, '볼륨\n\ndocker build\n-p 8080:80 의미\n');
    const result = await cli('search', '--json', '--limit', '2', '--batch', file);
    expect(result.code).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { query: string; hits: unknown[]; ms: number });
    expect(lines.map((l) => l.query)).toEqual(['볼륨', 'docker build', '-p 8080:80 의미']);
    for (const line of lines) {
      expect(line.hits.length).toBeLessThanOrEqual(2);
      expect(line.ms).toBeGreaterThanOrEqual(0);
    }
  });

  it('a mistake gives a clear error and a non-zero exit, in JSON when asked', async () => {
    const unknown = await cli('nope', '--json');
    expect(unknown.code).not.toBe(0);
    expect(JSON.parse(unknown.stdout)).toMatchObject({ error: { code: 'unknown-command' } });
    const badLimit = await cli('search', '--json', '--limit', '0', 'x');
    expect(badLimit.code).toBe(1);
    expect(errorOf(badLimit.stdout).message).toMatch(/limit/);
    const missingFile = await cli('search', '--json', '--batch', join(tempDir(), 'none.txt'));
    expect(missingFile.code).toBe(2);
    expect(errorOf(missingFile.stdout).message).toMatch(/ENOENT/);
  });

  it('ask answers from the notes in text and records the question', async () => {
    const result = await cli('ask', '볼륨');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/도커 볼륨/);
    const json = await cli('ask', '--json', '볼륨');
    const body = JSON.parse(json.stdout) as { questionId: number; confident: boolean; hits: Array<{ id: string }> };
    expect(body.confident).toBe(true);
    expect(body.questionId).toBe(2);
    expect(body.hits[0]?.id).toMatch(/#volumes/);
  });
});

describe('console (npm start without a Discord token)', () => {
  it('answers /ask 볼륨 from the notes, presses a button by number, and quits', async () => {
    const result = await run('npm', ['start', '-s'], { env, input: '/ask 볼륨\n#1\n/help\n/quit\n' });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/dockhand 콘솔/);
    expect(result.stdout).toMatch(/도커 볼륨/);
    expect(result.stdout).toMatch(/\[1\] 👍 도움이 됐어요/);
    expect(result.stdout).toMatch(/피드백 고마워요! \(👍 1 · 👎 0\)/);
    expect(result.stdout).toMatch(/`\/ask` \(질문\)/);
  });

  it('/quit ends the console while its input stays open, as in a terminal', async () => {
    const result = await run('node', ['dist/main.js'], {
      env,
      input: '/quit\n',
      keepStdinOpen: true,
      timeoutMs: 20_000,
    });
    expect(result.code).toBe(0);
    expect(result.stdout.split('dockhand> ')).toHaveLength(2);
  });

  it('takes a line that is no command as a question, apostrophes and all', async () => {
    const input = "what's a bind mount\ndocker ps 가 안 돼요\n/nope\ndocker logs 어케봐요\n/quit\n";
    const result = await run('npm', ['start', '-s'], { env, input });
    expect(result.code).toBe(0);
    const answers = result.stdout.split('dockhand> ').slice(1);
    expect(answers[0]).toMatch(/━━ .*바인드 마운트 ━━/);
    // Reads as the docker group with an unknown subcommand, so it is a question, not an error.
    expect(answers[1]).toMatch(/^━━ /);
    expect(answers[1]).not.toMatch(/명령은 없어요|subcommand/);
    // With a slash it is a command, and a wrong one says so.
    expect(answers[2]).toMatch(/`\/nope` 명령은 없어요/);
    // A command word with a value no container can be named: a question about the command.
    expect(answers[3]).toMatch(/^━━ 컨테이너 로그 보는 법 ━━/);
    expect(answers[3]).toContain('docker logs --tail');
    expect(answers[3]).not.toMatch(/컨테이너 이름이 아니에요/);
  });
});

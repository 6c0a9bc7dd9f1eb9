/**
 * The CLI contract of `review`: `npm run -s cli -- review <path> [--context <dir>] [--json]`, the
 * path read from where the member typed it, and clear errors (non-zero exit) for what is not a
 * Dockerfile. The first tests run the real process; the error table runs the same one-shot CLI code
 * in-process, with the real app.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { runOneShot } from '../../src/cli/one-shot.ts';
import { consoleCaller } from '../../src/cli/caller.ts';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { REVIEW_CODES } from '../../src/review/finding.ts';
import { testApp } from '../support/app.ts';
import { tempDir } from '../support/temp.ts';

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm --prefix <dockhand> run -s cli -- …` from `cwd`, as a member runs it from their project. */
function cliFrom(cwd: string, args: string[], env: Record<string, string>): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['--prefix', PROJECT_ROOT, 'run', '-s', 'cli', '--', ...args], {
      cwd,
      env: { ...process.env, ...env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

let env: Record<string, string>;
let project: string;
const knowledge = KnowledgeBase.load(join(PROJECT_ROOT, 'knowledge'), PROJECT_ROOT);

beforeAll(() => {
  env = { DOCKHAND_DB: join(tempDir(), 'cli.db'), DISCORD_TOKEN: '', LOG_LEVEL: 'warn' };
  project = tempDir('dockhand-project-');
  writeFileSync(
    join(project, 'Dockerfile'),
    'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\nRUN npm run build\nCMD npm start\n',
  );
  writeFileSync(join(project, 'server.js'), 'console.log("hi")\n');
});

describe('npm run -s cli -- review', () => {
  it('--json prints {target, findings} with the contract’s fields, reading the path from the member’s folder', async () => {
    const result = await cliFrom(project, ['review', 'Dockerfile', '--context', '.', '--json'], env);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const body = JSON.parse(lines[0] ?? '') as { target: string; findings: Array<Record<string, unknown>> };
    expect(Object.keys(body).sort()).toEqual(['findings', 'target']);
    expect(body.target).toBe('Dockerfile');
    for (const finding of body.findings) {
      expect(Object.keys(finding).sort()).toEqual(['code', 'detail', 'line', 'next', 'refs', 'severity', 'title']);
      expect(REVIEW_CODES).toContain(finding.code);
      expect(['error', 'warning', 'info']).toContain(finding.severity);
      expect(Number.isInteger(finding.line) && (finding.line as number) >= 1).toBe(true);
      for (const ref of finding.refs as string[]) expect(knowledge.section(ref), ref).toBeDefined();
    }
    const found = body.findings.map((f) => `${String(f.code)}:${String(f.line)}`);
    expect(found).toEqual(expect.arrayContaining(['DH001:3', 'DH003:5', 'DH004:3', 'DL3025:6']));
    // The two most valuable first.
    expect(found.slice(0, 2)).toEqual(['DH003:5', 'DH001:3']);
  });

  it('prints the review as text without --json, and a missing file is a clear error with exit 1', async () => {
    const text = await cliFrom(project, ['review', 'Dockerfile'], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('━━ Dockerfile 리뷰: Dockerfile ━━');
    expect(text.stdout).toContain(
      '3행이 빌드 컨텍스트 전체를 복사해요 — `--context <폴더>`를 주면 .dockerignore도 확인해요.',
    );
    const missing = await cliFrom(project, ['review', 'nope/Dockerfile', '--json'], env);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)).toEqual({
      error: { code: 'file-not-found', message: '파일을 찾을 수 없어요: `nope/Dockerfile`' },
    });
  });

  it('passes dockhand’s own Dockerfile with no warning or error', async () => {
    const result = await cliFrom(PROJECT_ROOT, ['review', 'Dockerfile', '--context', '.', '--json'], env);
    expect(result.code).toBe(0);
    const body = JSON.parse(result.stdout) as { findings: Array<{ code: string; severity: string }> };
    expect(body.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

describe('review errors', () => {
  let app: App;
  let dir: string;
  beforeAll(async () => {
    app = await testApp();
    dir = tempDir('dockhand-review-');
    process.env.INIT_CWD = dir;
    writeFileSync(join(dir, 'empty.Dockerfile'), '\n  \n');
    writeFileSync(
      join(dir, 'compose.yaml'),
      'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n',
    );
    writeFileSync(join(dir, 'typo.Dockerfile'), 'FROM alpine:3.20\nRNU apk add curl\nCMD ["sh"]\n');
    writeFileSync(join(dir, 'early.Dockerfile'), 'RUN echo hi\nFROM alpine:3.20\n');
    writeFileSync(join(dir, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    writeFileSync(join(dir, 'big.Dockerfile'), `FROM alpine:3.20\n${'# padding\n'.repeat(7000)}`);
    writeFileSync(
      join(dir, 'utf16.Dockerfile'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('FROM alpine:3.20\r\nCMD ["sh"]\r\n', 'utf16le')]),
    );
    mkdirSync(join(dir, 'folder'));
  });
  afterAll(async () => {
    delete process.env.INIT_CWD;
    await app.close();
  });

  let users = 0;
  async function cli(...words: string[]): Promise<{ code: number; out: string }> {
    let out = '';
    const caller = { ...consoleCaller('ko'), id: `cli-${++users}` };
    const code = await runOneShot(app, ['review', ...words], caller, { out: (t) => (out += t), color: false });
    return { code, out };
  }

  const cases: Array<[string, string[], string, RegExp]> = [
    ['an empty file', ['empty.Dockerfile'], 'dockerfile-empty', /비어 있어요/],
    ['a compose file', ['compose.yaml'], 'not-a-dockerfile', /Dockerfile로 보이지 않아요/],
    ['an unknown instruction', ['typo.Dockerfile'], 'dockerfile-syntax', /2행의 `RNU` — Dockerfile에 없는 명령이에요/],
    ['RUN before FROM', ['early.Dockerfile'], 'dockerfile-syntax', /1행의 RUN이 첫 FROM보다 앞에 있어요/],
    ['a binary file', ['logo.png'], 'attachment-not-text', /텍스트 파일이 아니에요/],
    ['a file over 64 KB', ['big.Dockerfile'], 'attachment-too-large', /너무 커요 \(69 KB\)\. 64 KB까지/],
    ['a folder', ['folder'], 'not-a-file', /폴더예요/],
    ['no path', [], 'missing-option', /`dockerfile` 옵션이 필요해요/],
    ['a context that does not exist', ['utf16.Dockerfile', '--context', 'nowhere'], 'context-not-found', /nowhere/],
  ];
  for (const [what, words, code, message] of cases) {
    it(`${what}: ${code}, exit 1, in JSON too`, async () => {
      const text = await cli(...words);
      expect(text.code).toBe(1);
      expect(text.out).toMatch(message);
      const json = await cli(...words, '--json');
      expect(json.code).toBe(1);
      expect(JSON.parse(json.out)).toMatchObject({ error: { code } });
    });
  }

  it('reads a UTF-16 file with Windows line endings (as Notepad saves it)', async () => {
    const result = await cli('utf16.Dockerfile', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toEqual({ target: 'utf16.Dockerfile', findings: [] });
  });
});

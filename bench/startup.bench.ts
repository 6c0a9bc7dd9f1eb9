/**
 * Start-up and memory of the built entry points as npm runs them (`npm start`'s node flags included),
 * beside `node -e 0` measured in the same run (the machine's own floor): the one-shot CLI `search`,
 * the console until its prompt, the bot until READY against the Discord emulator, and the bot's
 * resident memory after 1,000 `/ask`. The knowledge cache is warm after the first run, as it is
 * for members.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDist } from '../scripts/build.ts';
import { PROJECT_ROOT } from '../src/paths.ts';
import { DiscordEmulator } from '../test/discord-emulator/emulator.ts';
import {
  deployCommandsWith,
  emulatorEnv,
  npmStart,
  startedBot,
  type ScriptProcess,
} from '../test/support/bot-process.ts';
import { cycle, median } from './stats.ts';

const RUNS = 7;
const READY_RUNS = 3;
const ASKS = 1_000;
const TOKEN = 'bench.startup.token';
const QUESTIONS = [
  '볼륨이 뭐야',
  '포트 포워딩',
  'Dockerfile COPY ADD 차이',
  'compose depends_on',
  'ECS 태스크 정의',
  '컨테이너가 바로 꺼져요',
  'docker run -p 8080:80 의미',
  '이미지 레이어 캐시',
  'nginx 기본 페이지가 나와요',
  'ECR 푸시',
];

/** A child's peak resident memory (KiB), reported on fd 3 as it exits; the hook costs it ~1 ms. */
const PEAK_RSS_HOOK =
  'data:text/javascript,import { writeSync } from "node:fs";' +
  'process.on("exit", () => writeSync(3, String(process.resourceUsage().maxRSS)));';

interface Run {
  seconds: number;
  /** Peak resident memory, MiB. */
  mb: number;
}

interface Row {
  what: string;
  value: number;
  unit: 's' | 'MB';
  target: number;
}

export default async function startupBench(): Promise<void> {
  const ms = await buildDist();
  console.log(`dist/ rebuilt in ${ms.toFixed(0)} ms; ${RUNS} runs each, medians`);
  const dir = mkdtempSync(join(tmpdir(), 'dockhand-bench-startup-'));
  const env = { DOCKHAND_DB: join(dir, 'dockhand.db'), LOG_LEVEL: 'warn', DISCORD_TOKEN: '', NO_COLOR: '1' };
  try {
    const baseline = await repeat(() => timed(['-e', '0'], env));
    const search = await repeat(() => timed(['dist/cli.js', 'search', '--json', '--limit', '5', '도커 볼륨'], env));
    const start = npmStart();
    const prompt = await repeat(() =>
      timed([...start.nodeArgs, start.script], env, { until: 'dockhand> ', then: '/quit\n' }),
    );
    const bot = await botFigures(dir);
    console.log(`node -e 0 (this machine, now): ${baseline.seconds.toFixed(3)} s, ${baseline.mb.toFixed(0)} MB`);
    const rows: Row[] = [
      { what: 'one-shot CLI search', value: search.seconds, unit: 's', target: 0.5 },
      { what: 'console prompt ready', value: prompt.seconds, unit: 's', target: 0.6 },
      { what: 'bot READY (emulator)', value: bot.readySeconds, unit: 's', target: 1 },
      { what: `bot RSS after ${ASKS.toLocaleString('en')} /ask`, value: bot.rssMb, unit: 'MB', target: 120 },
    ];
    for (const row of rows) report(row, row.unit === 's' ? baseline.seconds : baseline.mb);
    console.log(
      `peak memory: search ${search.mb.toFixed(0)} MB, console ${prompt.mb.toFixed(0)} MB ` +
        `(${(search.mb / baseline.mb).toFixed(1)}× and ${(prompt.mb / baseline.mb).toFixed(1)}× node -e 0)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(row: Row, baseline: number): void {
  const ok = row.value <= row.target;
  if (!ok) process.exitCode = 1;
  const value = row.unit === 's' ? `${row.value.toFixed(3)} s` : `${row.value.toFixed(0)} MB`;
  const target = row.unit === 's' ? `${row.target.toFixed(2)} s` : `${row.target} MB`;
  console.log(
    `${row.what.padEnd(28)} ${value.padStart(9)}  ${(row.value / baseline).toFixed(1).padStart(5)}× node -e 0` +
      `   target ≤ ${target}: ${ok ? 'ok' : 'MISSED'}`,
  );
}

async function repeat(once: () => Promise<Run>): Promise<Run> {
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once());
  return { seconds: median(runs.map((r) => r.seconds)), mb: median(runs.map((r) => r.mb)) };
}

/**
 * Wall time of `node <args>` until it exits or, with `until`, until its stdout shows that text
 * (then `then` is typed and the process left to finish); its peak memory either way.
 */
function timed(args: string[], env: Record<string, string>, wait?: { until: string; then: string }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let seconds: number | undefined;
    const child = spawn(process.execPath, ['--import', PEAK_RSS_HOOK, ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let peak = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (wait && seconds === undefined && stdout.includes(wait.until)) {
        seconds = (performance.now() - started) / 1000;
        child.stdin.write(wait.then);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdio[3]?.on('data', (chunk: Buffer) => (peak += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const end = (performance.now() - started) / 1000;
      if (code !== 0) reject(new Error(`node ${args.join(' ')} exited ${code}:\n${stderr}`));
      else if (wait && seconds === undefined) reject(new Error(`no "${wait.until}" from node ${args.join(' ')}`));
      else resolve({ seconds: seconds ?? end, mb: Number(peak) / 1024 });
    });
    if (!wait) child.stdin.end();
  });
}

/** READY against the emulator (median of a few starts), then the last bot's memory after many questions. */
async function botFigures(dir: string): Promise<{ readySeconds: number; rssMb: number }> {
  const discord = await DiscordEmulator.start({ token: TOKEN });
  const env = emulatorEnv(discord, TOKEN, join(dir, 'bot.db'));
  let bot: ScriptProcess | undefined;
  try {
    await deployCommandsWith(env);
    const ready: number[] = [];
    for (let i = 0; i < READY_RUNS; i++) {
      await bot?.stop();
      const started = await startedBot(env);
      bot = started.bot;
      ready.push(started.readySeconds);
    }
    if (!bot) throw new Error('no bot started');
    for (let i = 0; i < ASKS; i++) {
      await discord.response(discord.slash('ask', { options: { query: `${cycle(QUESTIONS, i)} ${i % 7}` } }));
    }
    return { readySeconds: median(ready), rssMb: residentMb(bot.child.pid) };
  } finally {
    await bot?.stop();
    await discord.stop();
  }
}

/** VmRSS of a running process in MiB (Linux /proc); NaN elsewhere. */
function residentMb(pid: number | undefined): number {
  const status = pid === undefined ? '' : `/proc/${pid}/status`;
  if (!status || !existsSync(status)) return Number.NaN;
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(status, 'utf8'))?.[1];
  return kb === undefined ? Number.NaN : Number(kb) / 1024;
}

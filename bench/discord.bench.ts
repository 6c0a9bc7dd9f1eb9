/**
 * The Discord bot against the local emulator, started as users start it: how fast members get
 * an answer (time from the emulator dispatching the interaction to the bot's callback arriving).
 * Target: autocomplete p95 well inside Discord's 3 s (under 500 ms); every first response < 3 s.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiscordEmulator, type EmulatedInteraction } from '../test/discord-emulator/emulator.ts';
import { deployCommandsWith, emulatorEnv, startedBot, type ScriptProcess } from '../test/support/bot-process.ts';
import { cycle, percentile } from './stats.ts';

const TOKEN = 'bench.discord.token';

export default async function discordBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dockhand-bench-discord-'));
  const discord = await DiscordEmulator.start({ token: TOKEN });
  const env = emulatorEnv(discord, TOKEN, join(dir, 'dockhand.db'));
  let bot: ScriptProcess | undefined;
  try {
    await deployCommandsWith(env);
    const ready = await startedBot(env);
    bot = ready.bot;
    console.log(`start-up to READY: ${(ready.readySeconds * 1000).toFixed(0)} ms (npm start: knowledge + gateway)`);

    const prefixes = ['볼', '볼륨', '포트', 'docker', 'ㄷㅋ', 'compose', '이미지', 'ecs', 'nginx', '컨테이너'];
    const autocomplete = await measure(
      200,
      (i) => discord.autocomplete('ask', 'query', { options: { query: cycle(prefixes, i) } }),
      discord,
    );
    report('autocomplete /ask query', autocomplete, 500);

    const questions = ['볼륨', '포트 포워딩', 'Dockerfile COPY', 'compose depends_on', 'ECS 태스크 정의'];
    const asks = await measure(50, (i) => discord.slash('ask', { options: { query: cycle(questions, i) } }), discord);
    report('/ask (first response)', asks, 1_000);

    const members = Object.keys(discord.world.members);
    const defers: number[] = [];
    const edits: number[] = [];
    for (const as of members) {
      const interaction = discord.slash('docker', { subcommand: 'containers' }, { as });
      const deferred = await discord.response(interaction);
      defers.push(deferred.at - interaction.dispatchedAt);
      const edit = await discord.later(interaction, 'PATCH', 15_000).catch(() => undefined);
      if (edit) edits.push(edit.at - interaction.dispatchedAt);
    }
    report('/docker containers (defer)', defers, 1_000);
    if (edits.length) report('/docker containers (edited with the list)', edits, 5_000);
    else console.log('/docker containers: no edit (no Docker engine?)');

    const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${bot.child.pid}/status`, 'utf8'))?.[1];
    if (rss) console.log(`bot resident memory after the run: ${(Number(rss) / 1024).toFixed(0)} MB`);
  } finally {
    await bot?.stop();
    await discord.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(
  count: number,
  send: (i: number) => EmulatedInteraction,
  discord: DiscordEmulator,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const interaction = send(i);
    const call = await discord.response(interaction);
    times.push(call.at - interaction.dispatchedAt);
  }
  return times;
}

function report(what: string, times: number[], targetP95: number): void {
  const p95 = percentile(times, 0.95);
  const ok = p95 < targetP95;
  if (!ok) process.exitCode = 1;
  console.log(
    `${what}: n=${times.length} p50 ${percentile(times, 0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, ` +
      `max ${Math.max(...times).toFixed(1)} ms — target p95 < ${targetP95} ms: ${ok ? 'ok' : 'MISSED'}`,
  );
}

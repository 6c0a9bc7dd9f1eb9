/**
 * The Discord bot end to end: `deploy-commands` and `npm start`'s entry point run as child
 * processes against a local Discord API emulator, with the real discord.js client, the real
 * SQLite file and (for /docker) the real Docker engine. Assertions are on what reached "Discord".
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import Database from 'better-sqlite3';
import type Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import type { MessageBody } from '../discord-emulator/bodies.ts';
import {
  callbackOf,
  DiscordEmulator,
  messageOf,
  type EmulatedInteraction,
  type RecordedCall,
} from '../discord-emulator/emulator.ts';
import { CallbackType, MessageFlag } from '../discord-emulator/protocol.ts';
import {
  deployCommandsWith,
  emulatorEnv,
  PROJECT_DIR,
  startedBot,
  type ScriptProcess,
} from '../support/bot-process.ts';
import { defined } from '../support/defined.ts';
import { adminDocker, describeWithDocker, uniqueName } from '../support/docker.ts';
import { BUSYBOX_IMAGE, ensureBusyboxImage } from '../support/images.ts';
import { knowledgeWithLongSection, LONG_SECTION_ANCHOR, LONG_SECTION_LAST_LINE } from '../support/knowledge-fixture.ts';

const TOKEN = 'MTUwMDAwMDAwMDAwMDAwMDAw.emulated.dockhand-test-token';

let discord: DiscordEmulator;
let bot: ScriptProcess;
/** What beforeAll started, stopped in reverse order whatever point it reached. */
const started: Array<() => Promise<unknown>> = [];
let dir: string;
let dbPath: string;
let knowledgeDir: string;
let env: Record<string, string>;
let putsBeforeStart = 0;
const autocompleteLatencies: number[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dockhand-discord-'));
  started.push(() => {
    rmSync(dir, { recursive: true, force: true });
    return Promise.resolve();
  });
  dbPath = join(dir, 'dockhand.db');
  knowledgeDir = knowledgeWithLongSection(dir);
  discord = await DiscordEmulator.start({ token: TOKEN, heartbeatIntervalMs: 1_000 });
  started.push(() => discord.stop());
  env = { ...emulatorEnv(discord, TOKEN, dbPath), DOCKHAND_KNOWLEDGE_DIR: knowledgeDir };
  await deployCommandsWith(env);
  putsBeforeStart = discord.calls.filter((c) => c.method === 'PUT').length;
  ({ bot } = await startedBot(env));
  started.push(() => bot.stop('SIGKILL'));
}, 120_000);

afterAll(async () => {
  for (const stop of started.reverse()) await stop();
  const sorted = [...autocompleteLatencies].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const slowest = sorted.at(-1);
  if (median !== undefined && slowest !== undefined) {
    console.info(
      `autocomplete: ${sorted.length} answers, median ${median.toFixed(1)} ms, max ${slowest.toFixed(1)} ms ` +
        '(dispatch → callback, emulator clock)',
    );
  }
});

const embedOf = (data: MessageBody, i = 0) => defined(data.embeds?.[i], `embed ${i}`);
const rowOf = (data: MessageBody, i: number) => defined(data.components?.[i], `component row ${i}`).components;
const ephemeralOf = (data: MessageBody) => (data.flags ?? 0) & MessageFlag.Ephemeral;

function allMessageCalls(): RecordedCall[] {
  return discord.calls.filter(
    (c) =>
      c.status < 300 &&
      (c.method === 'PATCH' ||
        (c.method === 'POST' && c.path.startsWith('/webhooks/')) ||
        (c.path.endsWith('/callback') && [4, 7].includes(c.callback?.type ?? 0))),
  );
}

async function answer(interaction: EmulatedInteraction): Promise<MessageBody> {
  const call = await discord.response(interaction);
  expect(callbackOf(call).type).toBe(CallbackType.ChannelMessageWithSource);
  return messageOf(call);
}

function lowConfidenceQuery(): string {
  const knowledge = KnowledgeBase.load(knowledgeDir, PROJECT_DIR);
  const candidates = [
    '쿠버네티스 헬름 차트',
    '헬름 차트 배포',
    'kubernetes helm',
    '쿠버네티스 오토스케일링',
    '서버리스 람다',
  ];
  const query = candidates.find((q) => {
    const result = knowledge.search(q, 4);
    return !result.confident && result.hits.length > 0;
  });
  if (!query) throw new Error('no candidate query gets a low-confidence answer with hits from these notes');
  return query;
}

describe('dockhand on Discord (emulated)', () => {
  it('connects through DISCORD_API_BASE with the Guilds intent only, and registers nothing at start-up', () => {
    const gatewayBot = discord.calls.find((c) => c.method === 'GET' && c.path === '/gateway/bot');
    expect(gatewayBot?.authorization).toBe(`Bot ${TOKEN}`);
    expect(discord.gateway.identifies).toHaveLength(1);
    expect(discord.gateway.identifies[0]?.intents).toBe(1);
    expect(discord.gateway.connections[0]?.query).toContain('v=10');
    expect(discord.gateway.connections[0]?.query).toContain('encoding=json');
    expect(discord.calls.filter((c) => c.method === 'PUT')).toHaveLength(putsBeforeStart);
  });

  it('registered the Discord commands in the guild with Korean and English texts', () => {
    const commands = discord.registered.get(discord.world.guild.id) ?? [];
    const names = commands.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['ask', 'note', 'help', 'docker']));
    expect(names).not.toContain('search');
    const ask = defined(commands.find((c) => c.name === 'ask'));
    expect(ask).toMatchObject({ name_localizations: { ko: '질문' }, contexts: [0], default_member_permissions: null });
    expect(ask.description_localizations?.['en-US']).toMatch(/study notes/);
    expect(ask.options?.[0]).toMatchObject({ name: 'query', type: 3, autocomplete: true, required: true });
  });

  it('answers /ask query:볼륨 with an embed drawn from the notes and 👍/👎 buttons', async () => {
    const data = await answer(discord.slash('ask', { options: { query: '볼륨' } }));
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(ephemeralOf(data)).toBe(0);
    const embed = embedOf(data);
    expect(embed.title).toMatch(/볼륨/);
    expect(embed.description).toMatch(/볼륨|volume/i);
    expect(embed.footer).toBeUndefined(); // the source is a field, not repeated below
    const fields = Object.fromEntries((embed.fields ?? []).map((f) => [f.name, f.value]));
    expect(fields['분류']).toBe('3장');
    expect(fields['출처']).toMatch(/ch3-docker-usage\.md/);
    expect(fields['함께 보면 좋은 곳']).toBeTruthy();
    const buttons = rowOf(data, 0);
    expect(buttons.map((b) => b.emoji?.name)).toEqual(['👍', '👎', '📖']);
    expect(buttons[0]?.custom_id).toMatch(/^ask:vote:\d+:up$/);
    expect(buttons[1]?.custom_id).toMatch(/^ask:vote:\d+:down$/);
    expect(buttons[2]?.custom_id).toMatch(/^ask:full:\d+$/);
    const others = rowOf(data, 1)[0];
    expect(others).toMatchObject({ type: 3, placeholder: '다른 절 펼쳐 보기' });
    expect(others?.custom_id).toMatch(/^ask:pick:\d+$/);
  });

  it('autocompletes the query from memory, within Discord’s limits and its 3 s', async () => {
    for (const typed of ['볼', '포트', 'docker', 'ㄷㅋ', '', 'x'.repeat(100)]) {
      const interaction = discord.autocomplete('ask', 'query', { options: { query: typed } });
      const call = await discord.response(interaction, 3_500);
      autocompleteLatencies.push(call.at - interaction.dispatchedAt);
      const callback = callbackOf(call);
      expect(callback.type).toBe(CallbackType.AutocompleteResult);
      const choices = callback.data.choices ?? [];
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const choice of choices) {
        expect(choice.name.length).toBeGreaterThan(0);
        expect(choice.name.length).toBeLessThanOrEqual(100);
        expect(String(choice.value).length).toBeLessThanOrEqual(100);
      }
      if (typed === '볼') expect(choices.some((c) => c.name.includes('볼륨'))).toBe(true);
    }
  });

  it('records a 👍 press in the SQLite store and thanks the member privately', async () => {
    const asked = discord.slash('ask', { options: { query: '볼륨' } }, { as: 'minji' });
    await answer(asked);
    const up = customId(asked, /^ask:vote:\d+:up$/);
    const questionId = Number(up.split(':')[2]);

    const data = await answer(discord.click(defined(asked.original), up, { as: 'jun' }));
    expect(ephemeralOf(data)).toBe(MessageFlag.Ephemeral);
    expect(data.content).toMatch(/👍 1/);
    expect(data.allowed_mentions).toEqual({ parse: [] });

    const db = new Database(dbPath, { readonly: true, fileMustExist: true });
    try {
      const question = db.prepare('SELECT * FROM questions WHERE id = ?').get(questionId) as Record<string, unknown>;
      expect(question).toMatchObject({
        transport: 'discord',
        user_id: discord.world.members.minji?.user.id,
        guild_id: discord.world.guild.id,
        channel_id: discord.world.channel.id,
        query: '볼륨',
        locale: 'ko',
      });
      const votes = db.prepare('SELECT user_id, value FROM votes WHERE question_id = ?').all(questionId);
      expect(votes).toEqual([{ user_id: discord.world.members.jun?.user.id, value: 1 }]);
    } finally {
      db.close();
    }
  });

  it('offers “혹시 이것을 찾으셨나요?” when unsure, and opens the chosen section', async () => {
    const asked = discord.slash('ask', { options: { query: lowConfidenceQuery() } });
    const data = await answer(asked);
    const vote: unknown[] = [
      expect.stringMatching(/^ask:vote:\d+:up$/),
      expect.stringMatching(/^ask:vote:\d+:down$/),
      expect.stringMatching(/^ask:full:\d+$/),
    ];
    expect(rowOf(data, 0).map((b) => b.custom_id)).toEqual(vote);
    const select = defined(rowOf(data, 1)[0], 'the select menu');
    expect(select).toMatchObject({ type: 3, placeholder: '혹시 이것을 찾으셨나요?' });
    expect(select.custom_id).toMatch(/^ask:pick:\d+$/);
    const first = defined(select.options?.[0], 'a menu option');

    const picked = await answer(discord.choose(defined(asked.original), defined(select.custom_id), [first.value]));
    expect(ephemeralOf(picked)).toBe(MessageFlag.Ephemeral);
    // The option names the section by its last headings and chapter: "5.1 도커 컴포즈 › 설치 (5장)".
    const headings = first.label.replace(/ \((\d+장|문제 해결 가이드)\)$/, '').replace(/…$/, '');
    expect(embedOf(picked).title).toContain(headings);
    expect(embedOf(picked).description?.length).toBeGreaterThan(0);
  });

  it('answers in English for an en-US client', async () => {
    const data = await answer(discord.slash('ask', { options: { query: 'volume' } }, { as: 'alex', locale: 'en-US' }));
    const fields = (embedOf(data).fields ?? []).map((f) => f.name);
    expect(fields).toEqual(expect.arrayContaining(['Where', 'Source']));
    expect(rowOf(data, 0).map((b) => b.label)).toEqual(['Helpful', 'Not helpful', 'Whole section']);
  });

  it('keeps hide:true answers private', async () => {
    const data = await answer(discord.slash('ask', { options: { query: '볼륨', hide: true } }));
    expect(ephemeralOf(data)).toBe(MessageFlag.Ephemeral);
    expect(embedOf(data).title).toMatch(/볼륨/);
  });

  it('pings no one, whatever the question holds', async () => {
    const query = '@everyone <@&123456789012345678> <@1500000000000000000> 블록체인 스마트 컨트랙트';
    const data = await answer(discord.slash('ask', { options: { query } }));
    expect(data.allowed_mentions).toEqual({ parse: [] });
    // The question is echoed back, so the mentions really were in the message and stayed inert.
    expect(JSON.stringify(data)).toContain('@everyone <@&123456789012345678>');
  });

  it('sends an answer longer than a message as a file, with the start in the embed', async () => {
    const call = await discord.response(
      discord.slash('note', { options: { chapter: 1, section: LONG_SECTION_ANCHOR } }),
    );
    const data = messageOf(call);
    expect(embedOf(data).description?.length).toBeLessThanOrEqual(4096);
    expect(embedOf(data).description).toContain('reply.md');
    expect(call.files.map((f) => f.name)).toEqual(['reply.md']);
    expect(call.files[0]?.text).toContain(LONG_SECTION_LAST_LINE);
    expect(data.attachments).toEqual([{ id: '0' }]);
  });

  it('shows errors privately, in the member’s language', async () => {
    const unknownSub = await answer(discord.slash('docker', { subcommand: 'nonsense', unchecked: true }));
    expect(ephemeralOf(unknownSub)).toBe(MessageFlag.Ephemeral);
    expect(embedOf(unknownSub).description).toMatch(/containers/);

    const badChapter = await answer(discord.slash('note', { options: { chapter: 9 } }, { locale: 'en-US' }));
    expect(ephemeralOf(badChapter)).toBe(MessageFlag.Ephemeral);
    expect(embedOf(badChapter).description).toMatch(/chapter.*one of/i);
  });

  it('logs an expired interaction and keeps serving', async () => {
    const expired = discord.slash('help');
    discord.expire(expired);
    const refused = await discord.waitForCall(
      (c) => c.interactionId === expired.id && c.path.endsWith('/callback'),
      5_000,
    );
    expect(refused.status).toBe(404);
    await bot.waitForLog(/interaction could not be answered.*10062/, 5_000);

    const data = await answer(discord.slash('help'));
    expect(embedOf(data).title).toMatch(/dockhand/);
    expect(bot.child.exitCode).toBeNull();
  });

  it('resumes the gateway session when Discord asks it to reconnect, and answers after', async () => {
    const resumed = once(discord.gateway, 'resumed');
    discord.gateway.requestReconnect();
    await withTimeout(resumed, 10_000, 'RESUME after op 7');
    expect(discord.gateway.connections.at(-1)?.path).toBe('/gateway/resume');
    const data = await answer(discord.slash('help', {}, { locale: 'en-US' }));
    expect(embedOf(data).title).toBe('dockhand commands');
  });

  it('has acknowledged heartbeats and sent every message with allowed_mentions parsing nothing', async () => {
    // The first heartbeat comes up to one interval (1 s, with jitter) after HELLO: the tests may be quicker.
    if (discord.gateway.heartbeats === 0) await withTimeout(once(discord.gateway, 'heartbeat'), 5_000, 'a heartbeat');
    expect(discord.gateway.heartbeats).toBeGreaterThan(0);
    const sent = allMessageCalls();
    expect(sent.length).toBeGreaterThan(8);
    for (const call of sent) expect(messageOf(call).allowed_mentions).toEqual({ parse: [] });
    expect(discord.unexpectedCalls()).toEqual([]);
  });
});

await describeWithDocker('Docker commands through Discord (real engine)', () => {
  let docker: Dockerode;
  let containerName: string;

  beforeAll(async () => {
    docker = adminDocker();
    await ensureBusyboxImage(docker);
    containerName = uniqueName('discord');
    const container = await docker.createContainer({
      name: containerName,
      Image: BUSYBOX_IMAGE,
      Cmd: ['sleep', '300'],
      Labels: { 'dockhand.test': '1' },
    });
    await container.start();
  });

  afterAll(async () => {
    if (containerName)
      await docker
        .getContainer(containerName)
        .remove({ force: true })
        .catch(() => undefined);
  });

  it('defers /docker containers at once, then edits the reply with the list', async () => {
    const interaction = discord.slash('docker', { subcommand: 'containers' }, { as: 'organizer' });
    const deferred = callbackOf(await discord.response(interaction));
    expect(deferred.type).toBe(CallbackType.DeferredChannelMessageWithSource);
    expect(ephemeralOf(deferred.data)).toBe(0);

    const edit = await discord.later(interaction, 'PATCH', 15_000, '/messages/@original');
    expect(messageOf(edit).allowed_mentions).toEqual({ parse: [] });
    const shown = JSON.stringify(edit.body) + edit.files.map((f) => f.text).join('\n');
    expect(shown).toContain(containerName);
    expect(interaction.original?.loading).toBe(false);
  });

  it('applies the per-user cooldown to a second /docker call', async () => {
    const first = discord.slash('docker', { subcommand: 'containers' }, { as: 'jun' });
    await discord.later(first, 'PATCH', 15_000, '/messages/@original');
    const second = discord.slash('docker', { subcommand: 'containers' }, { as: 'jun' });
    expect(callbackOf(await discord.response(second)).type).toBe(CallbackType.DeferredChannelMessageWithSource);
    // The answer turned out private: the public "thinking…" is replaced by a private follow-up.
    const followUp = await discord.later(second, 'POST', 10_000);
    expect(ephemeralOf(messageOf(followUp))).toBe(MessageFlag.Ephemeral);
    expect(JSON.stringify(followUp.body)).toMatch(/기다려/);
    expect(second.original?.deleted).toBe(true);
  });
});

describe('shutdown', () => {
  it('finishes the reply in flight on SIGTERM, refuses new work politely, and closes the store', async () => {
    discord.delayCallbacks(1_500);
    const inFlight = discord.slash('help');
    await withTimeout(
      new Promise<void>((resolve) => {
        const onRequest = (r: { path: string }) => {
          if (r.path.includes(`/interactions/${inFlight.id}/`)) {
            discord.off('request', onRequest);
            resolve();
          }
        };
        discord.on('request', onRequest);
      }),
      5_000,
      'the in-flight callback',
    );
    bot.child.kill('SIGTERM');
    await bot.waitForLog(/shutting down/, 5_000);
    const late = discord.slash('help', {}, { as: 'jun' });

    const exit = await withTimeout(bot.exited, 20_000, 'the bot to exit');
    expect(exit).toEqual({ code: 0, signal: null });
    expect((await discord.response(inFlight, 1)).status).toBe(204);
    const refused = await discord.response(late, 1);
    expect(ephemeralOf(messageOf(refused))).toBe(MessageFlag.Ephemeral);
    expect(JSON.stringify(refused.body)).toMatch(/다시 시작/);
    expect(discord.gateway.closes.at(-1)).toBe(1000);
    // The last connection to close checkpoints the WAL into the database file.
    const wal = `${dbPath}-wal`;
    expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
  });
});

function customId(interaction: EmulatedInteraction, pattern: RegExp): string {
  const ids = (interaction.original?.components ?? []).flatMap((row) =>
    row.components.flatMap((c) => (c.custom_id ? [c.custom_id] : [])),
  );
  const id = ids.find((i) => pattern.test(i));
  if (!id) throw new Error(`no component matching ${pattern}: ${ids.join(', ')}`);
  return id;
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
    }, ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

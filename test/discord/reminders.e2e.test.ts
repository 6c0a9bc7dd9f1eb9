/**
 * Reminders end to end: the real bot (started as users start it) against the local Discord
 * emulator posts a reminder to the channel at its time, mentioning only its role; a reminder
 * due while the bot was down is posted once when it comes back — even when two bots come back
 * at once on the same SQLite file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wallClock } from '../../src/core/timestamp.ts';
import { DiscordEmulator, type EmulatedInteraction, type RecordedCall } from '../discord-emulator/emulator.ts';
import { CallbackType, MessageFlag } from '../discord-emulator/protocol.ts';
import { deployCommandsWith, emulatorEnv, ScriptProcess } from '../support/bot-process.ts';

const TOKEN = 'MTUwMDAwMDAwMDAwMDAwMDAw.emulated.dockhand-reminders-token';
const MISSING_CHANNEL = '100000000000000099';

let discord: DiscordEmulator;
/** For teardown: set once the emulator is up. */
let emulator: DiscordEmulator | undefined;
let dir: string;
let env: Record<string, string>;
const bots: ScriptProcess[] = [];

async function startBot(): Promise<ScriptProcess> {
  const bot = new ScriptProcess('src/main.ts', env);
  bots.push(bot);
  await bot.waitForLog(/reminders: running/, 45_000);
  return bot;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dockhand-reminders-'));
  discord = emulator = await DiscordEmulator.start({ token: TOKEN, heartbeatIntervalMs: 1_000 });
  env = {
    ...emulatorEnv(discord, TOKEN, join(dir, 'dockhand.db')),
    DOCKHAND_TIMEZONE: 'Asia/Seoul',
    // Members with the study role count as organizers too.
    DOCKHAND_ORGANIZER_ROLE_ID: discord.world.role.id,
  };
  await deployCommandsWith(env);
  await startBot();
}, 120_000);

afterAll(async () => {
  await Promise.all(bots.map((bot) => bot.stop('SIGKILL')));
  await emulator?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** "2026-12-02 23:41:07": `ms` from now on Seoul's wall clock (a one-off with seconds). */
function seoulIn(ms: number): { text: string; at: Date } {
  const at = new Date(Math.ceil((Date.now() + ms) / 1000) * 1000);
  const p = wallClock(at, 'Asia/Seoul');
  const pad = (n: number) => String(n).padStart(2, '0');
  return { text: `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`, at };
}

interface Embed {
  title?: string;
  description?: string;
  fields?: Array<{ name: string; value: string }>;
  footer?: { text: string };
}

/** A message body as the bot sent it (a callback's data, or a channel post). */
interface MessageBody {
  content?: string;
  embeds?: Embed[];
  flags?: number;
  allowed_mentions?: unknown;
}

const bodyOf = (call: RecordedCall) => call.body as MessageBody;
const embedOf = (body: MessageBody): Embed => body.embeds?.[0] ?? {};

async function answer(interaction: EmulatedInteraction): Promise<MessageBody> {
  const call = await discord.response(interaction);
  const body = call.body as { type: number; data?: MessageBody };
  expect(body.type).toBe(CallbackType.ChannelMessageWithSource);
  return body.data ?? {};
}

const posts = (channel = discord.world.channel.id) =>
  discord.calls.filter((c) => c.method === 'POST' && c.path === `/channels/${channel}/messages`);

function postFor(text: string, channel?: string): (call: RecordedCall) => boolean {
  return (c) =>
    c.method === 'POST' &&
    c.path === `/channels/${channel ?? discord.world.channel.id}/messages` &&
    JSON.stringify(c.body).includes(text);
}

async function addReminder(options: Record<string, string | number>): Promise<{ data: MessageBody; id: number }> {
  const data = await answer(discord.slash('remind', { subcommand: 'add', options }, { as: 'organizer' }));
  const id = Number(/#(\d+)/.exec(embedOf(data).title ?? '')?.[1]);
  return { data, id };
}

describe('/remind on Discord (emulated)', () => {
  it('registers /remind for organizers, with a channel picker and a role picker', () => {
    const remind = (discord.registered.get(discord.world.guild.id) ?? []).find((c) => c.name === 'remind');
    expect(remind).toMatchObject({ default_member_permissions: '32', name_localizations: { ko: '리마인더' } });
    const add = remind?.options?.find((o) => o.name === 'add');
    expect(add?.options?.find((o) => o.name === 'channel')).toMatchObject({ type: 7, channel_types: [0, 5] });
    expect(add?.options?.find((o) => o.name === 'role')).toMatchObject({ type: 8 });
    expect(add?.options?.find((o) => o.name === 'schedule')).toMatchObject({ type: 3, required: true });
  });

  it('refuses a member without Manage Server, privately', async () => {
    const data = await answer(
      discord.slash(
        'remind',
        { subcommand: 'add', options: { schedule: '매일 09:00', message: 'x' } },
        { as: 'minji' },
      ),
    );
    expect((data.flags ?? 0) & MessageFlag.Ephemeral).toBe(MessageFlag.Ephemeral);
    expect(data.content ?? embedOf(data).description).toMatch(/운영진/);
  });

  it('lets a member with the configured organizer role in, without Manage Server', async () => {
    const data = await answer(discord.slash('remind', { subcommand: 'list' }, { as: 'helper' }));
    expect(embedOf(data).title).toMatch(/^⏰ 리마인더 \d+개$/);
  });

  it('posts the reminder to its channel on time, mentioning only its role, with the chapter’s lab checklist', async () => {
    const soon = seoulIn(6_000);
    const role = discord.world.role.id;
    const { data, id } = await addReminder({
      schedule: soon.text,
      message: '4장 실습 시작해요! 🐳',
      channel: discord.world.channel.id,
      role,
      chapter: 4,
    });
    // The organizer's private confirmation: Discord timestamps, the zone named.
    expect((data.flags ?? 0) & MessageFlag.Ephemeral).toBe(MessageFlag.Ephemeral);
    const description = embedOf(data).description ?? '';
    expect(description).toContain(`<t:${soon.at.getTime() / 1000}:F> (<t:${soon.at.getTime() / 1000}:R>)`);
    expect(description).toContain('Asia/Seoul');
    expect(description).not.toContain('|Asia/Seoul');
    expect(data.allowed_mentions).toEqual({ parse: [] });
    // Another one to a channel that does not exist: its failure is recorded, not retried.
    await addReminder({ schedule: soon.text, message: '없는 채널', channel: MISSING_CHANNEL });

    const call = await discord.waitForCall(postFor('4장 실습 시작해요!'), 20_000, 'the reminder post');
    const postedAt = Date.now();
    expect(postedAt).toBeGreaterThanOrEqual(soon.at.getTime() - 50);
    expect(call.status).toBe(200);
    expect(call.authorization).toBe(`Bot ${TOKEN}`);
    const body = bodyOf(call);
    expect(body.content).toBe(`<@&${role}>`);
    expect(body.allowed_mentions).toEqual({ parse: [], roles: [role] });
    const embed = embedOf(body);
    expect(embed.title).toBe('⏰ 스터디 리마인더');
    expect(embed.description).toContain('4장 실습 시작해요! 🐳');
    expect(embed.description).toContain('**4장 실습 체크리스트**');
    expect((embed.fields ?? []).map((f) => f.value).join('\n')).toContain(
      '`docker build -t webapp:8.0 -f ./dockerfiles/Dockerfile .`',
    );
    expect(embed.footer?.text).toMatch(new RegExp(`^#${id} · `));

    await discord.waitForCall((c) => c.path === `/channels/${MISSING_CHANNEL}/messages`, 10_000, 'the refused post');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(posts().filter(postFor('4장 실습 시작해요!'))).toHaveLength(1);
    expect(posts(MISSING_CHANNEL)).toHaveLength(1);

    const list = await answer(discord.slash('remind', { subcommand: 'list' }, { as: 'organizer' }));
    const fields = embedOf(list).fields ?? [];
    expect(fields.find((f) => f.name.startsWith(`#${id} `))?.value).toMatch(/마지막: <t:\d+:f> 보냄/);
    expect(fields.find((f) => f.value.includes('없는 채널'))?.value).toMatch(/실패: 채널이 없어요/);
  }, 60_000);

  it('test posts now and notifies no one', async () => {
    const role = discord.world.role.id;
    const { id } = await addReminder({
      schedule: '매주 수요일 20:00',
      message: '테스트용',
      channel: discord.world.channel.id,
      role,
    });
    const reply = await answer(
      discord.slash('remind', { subcommand: 'test', options: { id: String(id) } }, { as: 'organizer' }),
    );
    expect(reply.content).toMatch(/지금 보냈어요/);
    const body = bodyOf(await discord.waitForCall(postFor('테스트용'), 5_000, 'the test post'));
    expect(body.content).toBe(`<@&${role}>`);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(embedOf(body).title).toBe('⏰ 스터디 리마인더 (테스트)');
  });

  it('a reminder due while the bot was down is posted once, late, when two bots come back at once', async () => {
    const soon = seoulIn(5_000);
    await addReminder({ schedule: soon.text, message: '재시작 중에 울릴 알림', channel: discord.world.channel.id });
    for (const bot of bots.splice(0)) await bot.stop('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, soon.at.getTime() - Date.now()) + 1_500));
    expect(posts().filter(postFor('재시작 중에 울릴 알림'))).toHaveLength(0);

    await Promise.all([startBot(), startBot()]);
    const body = bodyOf(await discord.waitForCall(postFor('재시작 중에 울릴 알림'), 10_000, 'the late post'));
    expect(embedOf(body).title).toBe('⏰ 스터디 리마인더 · 늦은 알림');
    expect(embedOf(body).description).toContain(`<t:${soon.at.getTime() / 1000}:F>`);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(posts().filter(postFor('재시작 중에 울릴 알림'))).toHaveLength(1);
  }, 120_000);
});

/**
 * /qa on Discord end to end: the real bot (started as users start it) against the local Discord
 * emulator, through the real discord.js client. A member's answer tells the asker in the channel
 * and can ping exactly that member — nobody else, whatever the answer says — the asker marks it
 * with ✅, and the next similar question gets it first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordEmulator, type EmulatedInteraction, type RecordedCall } from '../discord-emulator/emulator.ts';
import { CallbackType, MessageFlag } from '../discord-emulator/protocol.ts';
import { startEmulatedBot, type EmulatedBot } from '../support/emulated-bot.ts';
import { OFF_NOTES } from './support.ts';

const TOKEN = 'MTUwMDAwMDAwMDAwMDAwMDAw.emulated.dockhand-qa-token';

let discord: DiscordEmulator | undefined;
let started: EmulatedBot | undefined;

function emulator(): DiscordEmulator {
  if (!discord) throw new Error('the emulator did not start');
  return discord;
}

beforeAll(async () => {
  started = await startEmulatedBot(TOKEN, 'qa');
  discord = started.discord;
}, 120_000);

afterAll(async () => {
  await started?.stop();
});

interface MessageBody {
  content?: string;
  embeds?: Array<{ title?: string; description?: string; fields?: Array<{ name: string; value: string }> }>;
  components?: Array<{ components: Array<{ custom_id?: string; label?: string; disabled?: boolean }> }>;
  flags?: number;
  allowed_mentions?: { parse?: string[]; users?: string[]; roles?: string[] };
}

async function response(interaction: EmulatedInteraction): Promise<{ type: number; data: MessageBody }> {
  const call: RecordedCall = await emulator().response(interaction);
  const body = call.body as { type: number; data?: MessageBody };
  return { type: body.type, data: body.data ?? {} };
}

async function answer(interaction: EmulatedInteraction): Promise<MessageBody> {
  const { type, data } = await response(interaction);
  expect(type).toBe(CallbackType.ChannelMessageWithSource);
  return data;
}

function customIds(body: MessageBody): string[] {
  return (body.components ?? []).flatMap((row) => row.components.map((c) => c.custom_id ?? ''));
}

/**
 * Who a message notifies, by Discord's rules: only mentions in `content` count (never in embeds);
 * `@everyone`/`@here` need `everyone` parsed; `<@id>` needs `users` parsed or the id listed; `<@&id>`
 * likewise for roles. Without `allowed_mentions` Discord parses everything.
 */
function pinged(body: MessageBody): string[] {
  const content = body.content ?? '';
  const allowed = body.allowed_mentions ?? { parse: ['everyone', 'users', 'roles'] };
  const parse = new Set(allowed.parse ?? []);
  const out: string[] = [];
  if (/@(everyone|here)/.test(content) && parse.has('everyone')) out.push('@everyone');
  for (const [, id = ''] of content.matchAll(/<@!?(\d+)>/g)) {
    if (parse.has('users') || (allowed.users ?? []).includes(id)) out.push(id);
  }
  for (const [, id = ''] of content.matchAll(/<@&(\d+)>/g)) {
    if (parse.has('roles') || (allowed.roles ?? []).includes(id)) out.push(`&${id}`);
  }
  return out;
}

describe('/qa on Discord (emulated)', () => {
  it('is registered for everyone, with a member picker for history', () => {
    const qa = (emulator().registered.get(emulator().world.guild.id) ?? []).find((c) => c.name === 'qa');
    expect(qa).toMatchObject({ default_member_permissions: null, name_localizations: { ko: '질문답변' } });
    const history = qa?.options?.find((o) => o.name === 'history');
    expect(history?.options?.find((o) => o.name === 'user')).toMatchObject({ type: 6, required: false });
    expect(qa?.options?.map((o) => o.name)).toEqual(
      expect.arrayContaining(['unanswered', 'answer', 'history', 'stats', 'export', 'forget-me', 'remove-answer']),
    );
  });

  it('an answer pings only the asker — not @everyone, a role or another member named in it — and ✅ marks it', async () => {
    const d = emulator();
    const { minji, jun, alex } = d.world.members;
    if (!minji || !jun || !alex) throw new Error('emulator members missing');
    const asked = d.slash('ask', { options: { query: OFF_NOTES[0] ?? '' } }, { as: 'minji' });
    const askedBody = await answer(asked);
    const questionId = Number(/^ask:vote:(\d+):up$/.exec(customIds(askedBody)[0] ?? '')?.[1]);
    expect(questionId).toBeGreaterThan(0);
    expect(pinged(askedBody)).toEqual([]);

    const open = await answer(d.slash('qa', { subcommand: 'unanswered' }, { as: 'jun' }));
    expect(open.embeds?.[0]?.fields?.map((f) => f.name)).toContain(`#${questionId}`);
    expect(JSON.stringify(open.embeds)).not.toContain(minji.user.username);

    const text = `@everyone @here <@&${d.world.role.id}> <@${alex.user.id}> helm install 로 배포해요`;
    const answering = d.slash(
      'qa',
      { subcommand: 'answer', options: { question: String(questionId), text } },
      { as: 'jun' },
    );
    const posted = await answer(answering);
    expect((posted.flags ?? 0) & MessageFlag.Ephemeral).toBe(0);
    expect(posted.content).toBe(`<@${minji.user.id}>`);
    expect(posted.allowed_mentions).toEqual({ parse: [], users: [minji.user.id] });
    expect(pinged(posted)).toEqual([minji.user.id]);
    expect(posted.embeds?.[0]?.description).toContain('@everyone @here');
    const accept = customIds(posted).find((id) => id.startsWith('qa:accept:')) ?? '';
    expect(accept).toMatch(/^qa:accept:\d+$/);

    // Another member cannot mark it; the asker can, and the message shows it.
    const message = answering.original;
    if (!message) throw new Error('no answer message');
    const refused = await answer(d.click(message, accept, { as: 'alex' }));
    expect((refused.flags ?? 0) & MessageFlag.Ephemeral).toBe(MessageFlag.Ephemeral);
    const marked = await response(d.click(message, accept, { as: 'minji' }));
    expect(marked.type).toBe(CallbackType.UpdateMessage);
    expect(marked.data.embeds?.[0]?.title).toBe(`✅ 질문 #${questionId}의 채택된 답변`);
    expect(marked.data.components?.[0]?.components[0]).toMatchObject({ disabled: true });
    expect(pinged(marked.data)).toEqual([]);

    // The next similar question gets the accepted answer first, naming the earlier question.
    const again = await answer(d.slash('ask', { options: { query: '헬름 차트로 파드 배포하려면' } }, { as: 'alex' }));
    expect(again.embeds?.[0]?.title).toBe(`커뮤니티 답변 › ${OFF_NOTES[0] ?? ''}`);
    expect(again.embeds?.[0]?.fields?.[0]).toMatchObject({ name: `비슷한 질문 #${questionId}` });
    expect(again.embeds?.[0]?.fields?.[0]?.value).toContain('✅ 채택된 답변');
    expect(pinged(again)).toEqual([]);
  }, 60_000);

  it('export is for organizers: a private file; a member is refused privately', async () => {
    const d = emulator();
    const refused = await answer(d.slash('qa', { subcommand: 'export' }, { as: 'minji' }));
    expect((refused.flags ?? 0) & MessageFlag.Ephemeral).toBe(MessageFlag.Ephemeral);
    expect(refused.content ?? refused.embeds?.[0]?.description).toMatch(/운영진/);
    const exported = d.slash('qa', { subcommand: 'export', options: { format: 'csv' } }, { as: 'organizer' });
    const body = await answer(exported);
    expect((body.flags ?? 0) & MessageFlag.Ephemeral).toBe(MessageFlag.Ephemeral);
    const files = exported.original?.attachments.map((a) => a.filename) ?? [];
    expect(files).toHaveLength(3);
    expect(files.every((name) => name.endsWith('.csv'))).toBe(true);
    const answers = exported.original?.attachments.find((a) => a.filename.endsWith('-answers.csv'));
    expect(answers?.text).toContain('helm install 로 배포해요');
  });
});

/**
 * /ecs on Discord: the real bot (deploy-commands and `npm start`'s entry point as child processes)
 * against the local Discord emulator, with the real knowledge. The task definition is pasted in a
 * code block, as members do; the findings come back as embeds with the menu that opens the notes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordEmulator, type RecordedCall } from '../discord-emulator/emulator.ts';
import { CallbackType, MessageFlag } from '../discord-emulator/protocol.ts';
import { PROJECT_DIR } from '../support/bot-process.ts';
import { startEmulatedBot, type EmulatedBot } from '../support/emulated-bot.ts';

const TOKEN = 'MTUwMDAwMDAwMDAwMDAwMDAx.emulated.dockhand-ecs-token';
const fixture = (name: string) => readFileSync(join(PROJECT_DIR, 'test/ecs/fixtures', name), 'utf8');

let discord: DiscordEmulator;
let started: EmulatedBot | undefined;

beforeAll(async () => {
  started = await startEmulatedBot(TOKEN, 'ecs-discord');
  discord = started.discord;
}, 120_000);

afterAll(async () => {
  await started?.stop();
});

interface SentMessage {
  flags?: number;
  allowed_mentions?: unknown;
  embeds?: APIEmbed[];
  components?: Array<{ components: Array<{ type: number; placeholder?: string; options?: Array<{ value: string }> }> }>;
}

/** The message a call carried: `data` of a callback, the body of an edit or follow-up. */
function sent(call: RecordedCall): SentMessage {
  const payload = asRecord(call.body);
  return asRecord(call.path.endsWith('/callback') ? payload.data : payload);
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

interface Localized {
  name: string;
  name_localizations?: { ko?: string };
  max_length?: number;
  options?: Localized[];
}

describe('/ecs on Discord (emulated)', () => {
  it('is registered with Korean names for the command, its subcommands and options', () => {
    const ecs = (discord.registered.get(discord.world.guild.id) ?? []).find((c) => c.name === 'ecs') as
      Localized | undefined;
    expect(ecs).toMatchObject({ name_localizations: { ko: 'ecs진단' } });
    const subs = ecs?.options ?? [];
    expect(subs.map((s) => [s.name, s.name_localizations?.ko])).toEqual([
      ['check', '점검'],
      ['lint', '작업정의'],
    ]);
    const lint = subs.find((s) => s.name === 'lint');
    expect(lint?.options?.map((o) => [o.name, o.name_localizations?.ko, o.max_length])).toEqual([
      ['taskdef', '작업정의', 6000],
      ['nginx-conf', 'nginx설정', 6000],
    ]);
  });

  it('/ecs lint with a pasted code block defers, then shows each finding as an embed and the notes menu', async () => {
    const interaction = discord.slash('ecs', {
      subcommand: 'lint',
      options: {
        taskdef: `\`\`\`json\n${fixture('links-awsvpc.json')}\`\`\``,
        'nginx-conf': fixture('nginx-compose.conf'),
      },
    });
    const deferred = await discord.response(interaction);
    expect(asRecord(deferred.body).type).toBe(CallbackType.DeferredChannelMessageWithSource);
    const edit = sent(await discord.later(interaction, 'PATCH', 15_000, '/messages/@original'));
    expect(edit.allowed_mentions).toEqual({ parse: [] });
    const embeds = edit.embeds ?? [];
    const footers = embeds.map((e) => e.footer?.text);
    expect(footers).toContain('오류 · ecs-links-unsupported');
    expect(footers).toContain('오류 · nginx-upstream-compose-host');
    const compose = embeds.find((e) => e.footer?.text.endsWith('nginx-upstream-compose-host'));
    const fields = Object.fromEntries((compose?.fields ?? []).map((f) => [f.name, f.value]));
    expect(fields['근거']).toContain('nginx.conf:6 proxy_pass http://django:8000;');
    expect(fields['다음 단계']).toContain('proxy_pass http://localhost:8000;');
    expect(fields['참고 노트']).toContain('G. compose 호스트 이름이 ECS에서 안 풀림');
    const menu = edit.components?.at(-1)?.components[0];
    expect(menu).toMatchObject({ type: 3, placeholder: '고치는 법이 담긴 노트 펼쳐 보기' });
    expect(menu?.options?.map((o) => o.value)).toContain('troubleshooting/nginx-default-page#upstream-compose-host');
  });

  it('a path typed in Discord is never read as a file: it is invalid JSON, answered privately', async () => {
    const interaction = discord.slash(
      'ecs',
      { subcommand: 'lint', options: { taskdef: '/etc/passwd' } },
      { as: 'jun' },
    );
    await discord.response(interaction);
    const followUp = sent(await discord.later(interaction, 'POST', 15_000));
    expect((followUp.flags ?? 0) & MessageFlag.Ephemeral).toBe(MessageFlag.Ephemeral);
    expect(JSON.stringify(followUp)).toContain('올바른 JSON이 아니에요');
    expect(JSON.stringify(followUp)).not.toContain('root:x:0');
  });
});

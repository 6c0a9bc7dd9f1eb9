/**
 * /review in Discord end to end: `deploy-commands` and the bot run as child processes against the
 * local Discord emulator, which serves the member's upload at a CDN-style URL; assertions are on
 * what reached "Discord" and on what the bot downloaded.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordEmulator, type EmulatedInteraction, type RecordedCall } from '../discord-emulator/emulator.ts';
import { CallbackType, MessageFlag } from '../discord-emulator/protocol.ts';
import { startEmulatedBot, type EmulatedBot } from '../support/emulated-bot.ts';

const TOKEN = 'MTUwMDAwMDAwMDAwMDAwMDAw.emulated.dockhand-review-token';
const practice = readFileSync(join(import.meta.dirname, 'fixtures', 'ch4-lab-4-2.Dockerfile'), 'utf8');

let discord: DiscordEmulator;
let started: EmulatedBot | undefined;

beforeAll(async () => {
  started = await startEmulatedBot(TOKEN, 'review');
  discord = started.discord;
}, 120_000);

afterAll(async () => {
  await started?.stop();
});

interface SentEmbed {
  title?: string;
  description?: string;
  fields?: Array<{ name: string; value: string }>;
  footer?: { text: string };
}

interface SentMessage {
  embeds: SentEmbed[];
  components: Array<{ components: Array<Record<string, unknown>> }>;
  flags?: number;
  allowed_mentions?: unknown;
}

/** The message the member finally sees: the callback's, or the edit of a deferred reply. */
async function finalMessage(interaction: EmulatedInteraction): Promise<SentMessage> {
  const response = await discord.response(interaction, 5_000);
  const body = response.body as { type: number; data?: SentMessage };
  if (body.type === CallbackType.ChannelMessageWithSource && body.data) return body.data;
  expect(body.type).toBe(CallbackType.DeferredChannelMessageWithSource);
  const edit: RecordedCall = await discord.later(interaction, 'PATCH', 20_000, '/messages/@original');
  return edit.body as SentMessage;
}

const nextStep = (embed: SentEmbed | undefined) => embed?.fields?.find((f) => f.name === '다음 단계')?.value;

describe('/review on Discord (emulated)', () => {
  it('is registered with a file option (type 11) and without the CLI-only context', () => {
    const commands = discord.registered.get(discord.world.guild.id) ?? [];
    const review = commands.find((c) => c.name === 'review');
    expect(review).toMatchObject({ name_localizations: { ko: '리뷰' } });
    expect(review?.options).toEqual([
      expect.objectContaining({ name: 'dockerfile', type: 11, required: true, name_localizations: { ko: '도커파일' } }),
    ]);
  });

  it('reviews an attached Dockerfile: summary embed, one embed per finding, the notes menu, nobody pinged', async () => {
    const before = discord.downloads.length;
    const data = await finalMessage(
      discord.slash('review', {
        options: { dockerfile: { attachment: { filename: 'Dockerfile', content: practice } } },
      }),
    );
    expect(discord.downloads.length).toBe(before + 1);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect((data.flags ?? 0) & MessageFlag.Ephemeral).toBe(0);
    const [summary, ...findings] = data.embeds;
    expect(summary?.title).toBe('⚠️ Dockerfile 리뷰: Dockerfile');
    expect(summary?.description).toContain('오류 0 · 주의 2 · 참고 2');
    expect(summary?.description).toContain('1. **apt 패키지 목록이 이미지에 남아요** — 4행 `DL3009`');
    expect(summary?.fields?.[0]?.value).toContain('`ubuntu:14.04` 위에 레이어 2개 (RUN 1 · ADD 1)');
    expect(findings.map((e) => e.footer?.text)).toEqual([
      '주의 · DL3009',
      '주의 · DL3025',
      '정보 · DL3015',
      '정보 · DL3008',
    ]);
    expect(nextStep(findings[1])).toContain('`CMD ["/usr/sbin/apachectl", "-D", "FOREGROUND"]`');
    expect(data.components[0]?.components[0]).toMatchObject({
      type: 3,
      placeholder: '고치는 법이 담긴 노트 펼쳐 보기',
    });
  });

  it('answers an English member in English', async () => {
    const data = await finalMessage(
      discord.slash(
        'review',
        { options: { dockerfile: { attachment: { filename: 'Dockerfile', content: practice } } } },
        { as: 'alex', locale: 'en-US' },
      ),
    );
    expect(data.embeds[0]?.title).toBe('⚠️ Dockerfile review: Dockerfile');
    expect(data.embeds[1]?.title).toBe('🟡 Line 4 · The apt package lists stay in the image');
  });

  it('does not fetch a file announced larger than 64 KB, and says so privately', async () => {
    const before = discord.downloads.length;
    const data = await finalMessage(
      discord.slash(
        'review',
        {
          options: {
            dockerfile: { attachment: { filename: 'huge.Dockerfile', content: 'FROM alpine:3.20\n', size: 70_000 } },
          },
        },
        { as: 'jun' },
      ),
    );
    expect((data.flags ?? 0) & MessageFlag.Ephemeral).toBe(MessageFlag.Ephemeral);
    expect(JSON.stringify(data)).toContain('`huge.Dockerfile`이 너무 커요 (69 KB). 64 KB까지 받을 수 있어요.');
    expect(discord.downloads.length).toBe(before);
  });

  it('fetches nothing from an address that is not Discord’s attachment URL', async () => {
    const before = discord.downloads.length;
    const forged = `http://localhost:${discord.port}/ephemeral-attachments/${discord.applicationId}/1/Dockerfile`;
    const data = await finalMessage(
      discord.slash(
        'review',
        { options: { dockerfile: { attachment: { filename: 'Dockerfile', content: practice, url: forged } } } },
        { as: 'organizer' },
      ),
    );
    expect((data.flags ?? 0) & MessageFlag.Ephemeral).toBe(MessageFlag.Ephemeral);
    expect(JSON.stringify(data)).toContain('Discord 첨부 파일 주소가 아니라서 받지 않았어요');
    expect(discord.downloads.length).toBe(before);
  });

  it('says clearly when the upload is not a Dockerfile', async () => {
    const data = await finalMessage(
      discord.slash(
        'review',
        {
          options: {
            dockerfile: {
              attachment: { filename: 'compose.yaml', content: 'services:\n  web:\n    image: nginx:1.27\n' },
            },
          },
        },
        { as: 'minji' },
      ),
    );
    expect((data.flags ?? 0) & MessageFlag.Ephemeral).toBe(MessageFlag.Ephemeral);
    expect(JSON.stringify(data)).toContain('Dockerfile로 보이지 않아요');
  });
});

import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/diagnostics/finding.ts';
import type { Reply } from '../../src/core/reply.ts';
import { LIMITS } from '../../src/discord/limits.ts';
import { renderChoices } from '../../src/discord/render/choices.ts';
import { FULL_TEXT_FILE, renderReply, type RenderedMessage } from '../../src/discord/render/reply-message.ts';

/** Every limit Discord enforces on a message, checked on the rendered result. */
function expectWithinDiscordLimits(message: RenderedMessage): void {
  expect(message.allowedMentions).toEqual({ parse: [] });
  expect(message.content?.length ?? 0).toBeLessThanOrEqual(LIMITS.content);
  expect(message.embeds.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
  let total = 0;
  for (const embed of message.embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.footer);
    total += (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeGreaterThan(0);
      expect(field.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
      total += field.name.length + field.value.length;
    }
  }
  expect(total).toBeLessThanOrEqual(LIMITS.embedTotal);
  expect(message.components.length).toBeLessThanOrEqual(LIMITS.actionRows);
  for (const row of message.components) {
    expect(row.components.length).toBeGreaterThan(0);
    expect(row.components.length).toBeLessThanOrEqual(LIMITS.buttonsPerRow);
    for (const component of row.components) {
      if ('custom_id' in component) expect(component.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);
      if ('options' in component) {
        expect(component.options.length).toBeLessThanOrEqual(LIMITS.selectOptions);
        for (const option of component.options) {
          expect(option.label.length).toBeLessThanOrEqual(LIMITS.selectOptionText);
          expect(option.value.length).toBeLessThanOrEqual(LIMITS.selectOptionText);
          expect(option.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.selectOptionText);
        }
      }
      if ('label' in component && component.label)
        expect(component.label.length).toBeLessThanOrEqual(LIMITS.buttonLabel);
    }
  }
  expect(message.files.length).toBeLessThanOrEqual(LIMITS.filesPerMessage);
}

function file(message: RenderedMessage, name: string): string {
  const found = message.files.find((f) => f.name === name);
  if (!found) throw new Error(`no attachment ${name}; have ${message.files.map((f) => f.name).join(', ')}`);
  return found.data.toString('utf8');
}

const finding = (n: number, severity: Finding['severity']): Finding => ({
  code: 'exited',
  severity,
  title: `컨테이너 ${n}가 종료됐어요`,
  detail: 'exit code 137: 메모리 부족으로 종료된 것 같아요. '.repeat(20),
  evidence: Array.from({ length: 40 }, (_, i) => `State.ExitCode=137 line ${i} `.repeat(4)),
  next: 'docker stats 로 메모리 사용량을 확인하세요',
  refs: ['troubleshooting/container-exits#exit-137'],
});

describe('renderReply', () => {
  it('sends a short text-only answer as plain content that pings no one', () => {
    const message = renderReply({ text: '피드백 고마워요! @everyone <@&123456789012345678> <@42>' }, 'ko');
    expect(message.content).toBe('피드백 고마워요! @everyone <@&123456789012345678> <@42>');
    expect(message.embeds).toEqual([]);
    expect(message.ephemeral).toBe(false);
    expectWithinDiscordLimits(message);
  });

  it('shows errors as a private red embed', () => {
    const message = renderReply(
      {
        text: '`/docker` 다음에 하위 명령이 필요해요',
        tone: 'error',
        ephemeral: true,
        error: { code: 'x', message: 'm' },
      },
      'ko',
    );
    expect(message.ephemeral).toBe(true);
    expect(message.embeds[0]?.color).toBe(0xed4245);
    expect(message.embeds[0]?.description).toContain('하위 명령');
  });

  it('keeps a reply private when the handler asks (hide)', () => {
    expect(renderReply({ title: 't', text: 'x', ephemeral: true }, 'ko').ephemeral).toBe(true);
    expect(renderReply({ title: 't', text: 'x' }, 'ko').ephemeral).toBe(false);
  });

  it('clips a long answer and attaches the whole of it', () => {
    const text = Array.from(
      { length: 300 },
      (_, i) => `${i}. 도커 볼륨은 컨테이너 밖에 데이터를 저장하는 방법이에요.`,
    ).join('\n');
    const message = renderReply({ title: '볼륨', text, footer: 'knowledge/notes/ch3.md' }, 'ko');
    expectWithinDiscordLimits(message);
    expect(text.length).toBeGreaterThan(LIMITS.embedDescription);
    expect(message.embeds[0]?.description).toContain(`첨부 파일 \`${FULL_TEXT_FILE}\``);
    const full = file(message, FULL_TEXT_FILE);
    expect(full).toContain('299. 도커 볼륨은');
    expect(full).toContain('# 볼륨');
  });

  it('says where the full answer is in English for English callers', () => {
    const message = renderReply({ title: 'Volumes', text: 'x'.repeat(5000) }, 'en');
    expect(message.embeds[0]?.description).toContain(`The full answer is in \`${FULL_TEXT_FILE}\``);
  });

  it('fences code blocks so their content cannot close the fence', () => {
    const message = renderReply(
      { title: 'logs', code: [{ language: 'text', content: 'before ``` after\n**not bold**' }] },
      'ko',
    );
    const description = message.embeds[0]?.description ?? '';
    expect(description.startsWith('```text\n')).toBe(true);
    expect(description.match(/```/g)).toHaveLength(2);
    expect(description).toContain('before ``\u200b` after');
  });

  it('sends code too long for the message as a file named after its title', () => {
    const content = Array.from({ length: 500 }, (_, i) => `2024-05-01T10:00:${i} nginx: GET / 200`).join('\n');
    const message = renderReply(
      { title: 'web logs', text: '최근 로그', code: [{ title: 'web logs (last 500)', language: 'text', content }] },
      'ko',
    );
    expectWithinDiscordLimits(message);
    expect(file(message, 'web-logs-last-500.txt')).toBe(content);
    expect(message.embeds[0]?.description).toContain('📎 `web-logs-last-500.txt`');
  });

  it('keeps fields within 25, 256 and 1024 and the whole message within 6000', () => {
    const reply: Reply = {
      title: '가'.repeat(300),
      text: 'd'.repeat(3900),
      fields: Array.from({ length: 30 }, (_, i) => ({ name: `field ${i} `.repeat(40), value: 'v'.repeat(2000) })),
      footer: 'f'.repeat(3000),
    };
    const message = renderReply(reply, 'ko');
    expectWithinDiscordLimits(message);
    expect(file(message, FULL_TEXT_FILE)).toContain('field 29');
  });

  it('renders each finding as its own embed with severity colour, icon, evidence, next step and refs', () => {
    const message = renderReply(
      { title: '진단 결과', findings: [finding(1, 'error'), finding(2, 'warning'), finding(3, 'info')] },
      'ko',
    );
    expectWithinDiscordLimits(message);
    const [, error, warning] = message.embeds;
    expect(error?.title).toBe('🔴 컨테이너 1가 종료됐어요');
    expect(error?.color).toBe(0xed4245);
    expect(warning?.title?.startsWith('🟡')).toBe(true);
    expect(error?.fields?.map((f) => f.name)).toEqual(['근거', '다음 단계', '참고 노트']);
    expect(error?.fields?.[2]?.value).toContain('troubleshooting/container-exits#exit-137');
    expect(error?.footer?.text).toBe('오류 · exited');
  });

  it('shows moments in evidence (a code block) as the group’s time, elsewhere as Discord timestamps', () => {
    const moment = '<t:1796814000:f|Asia/Seoul>';
    const message = renderReply(
      { findings: [{ ...finding(1, 'error'), detail: `종료: ${moment}`, evidence: [`State.FinishedAt=${moment}`] }] },
      'ko',
    );
    const embed = message.embeds.find((e) => e.fields?.some((f) => f.name === '근거'));
    expect(embed?.description).toBe('종료: <t:1796814000:f>');
    expect(embed?.fields?.[0]?.value).toContain('State.FinishedAt=2026년 12월 9일 20:00 Asia/Seoul');
  });

  it('moves findings that do not fit into the attachment', () => {
    const findings = Array.from({ length: 12 }, (_, i) => finding(i, 'error'));
    const message = renderReply({ title: '진단 결과', findings }, 'ko');
    expectWithinDiscordLimits(message);
    expect(message.embeds.length).toBeLessThan(13);
    expect(file(message, FULL_TEXT_FILE)).toContain('컨테이너 11가 종료됐어요');
  });

  it('shows bare hits as fields with their source', () => {
    const message = renderReply(
      {
        hits: [
          {
            id: 'a#b',
            title: '3장 › 볼륨',
            source: 'knowledge/notes/ch3.md',
            chapter: 3,
            snippet: '**볼륨**은 …',
            score: 0.9,
          },
        ],
      },
      'ko',
    );
    expect(message.embeds[0]?.fields?.[0]).toEqual({
      name: '1. 3장 › 볼륨',
      value: '**볼륨**은 …\n📄 `knowledge/notes/ch3.md` · 3장',
    });
  });

  it('lays out buttons and select menus within the component limits', () => {
    const buttons = Array.from({ length: 7 }, (_, i) => ({
      kind: 'button' as const,
      customId: `ask:vote:${i}:up`,
      label: 'L'.repeat(120),
      emoji: '👍',
    }));
    const select = {
      kind: 'select' as const,
      customId: 'ask:pick:1',
      placeholder: 'p'.repeat(200),
      options: Array.from({ length: 30 }, (_, i) => ({
        label: `label ${i}`.repeat(20),
        value: `v${i}`,
        description: 'd'.repeat(150),
      })),
    };
    const tooLong = { kind: 'button' as const, customId: 'x'.repeat(101), label: 'dropped' };
    const message = renderReply(
      { title: 't', actions: [buttons, [select], [tooLong], [select], [select], [select]] },
      'ko',
    );
    expectWithinDiscordLimits(message);
    expect(message.components.map((r) => r.components.length)).toEqual([5, 2, 1, 1, 1]);
    expect(message.components[0]?.components[0]).toMatchObject({
      type: 2,
      style: 2,
      emoji: { name: '👍' },
      custom_id: 'ask:vote:0:up',
    });
    expect(message.components[2]?.components[0]).toMatchObject({ type: 3, custom_id: 'ask:pick:1' });
    expect(JSON.stringify(message.components)).not.toContain('dropped');
  });

  it('drops repeated or empty choices from a select menu, and a menu left with none', () => {
    const menu = (customId: string, values: string[]) => ({
      kind: 'select' as const,
      customId,
      placeholder: 'pick',
      options: values.map((value) => ({ label: '', value })),
    });
    const message = renderReply(
      { title: 't', actions: [[menu('note:toc:a', ['x', 'x', '', 'y'])], [menu('note:toc:b', [''])]] },
      'ko',
    );
    expectWithinDiscordLimits(message);
    expect(message.components).toHaveLength(1);
    expect(message.components[0]?.components[0]).toMatchObject({
      options: [
        { label: 'x', value: 'x' },
        { label: 'y', value: 'y' },
      ],
    });
  });

  it('passes handler attachments through as files', () => {
    const message = renderReply(
      { text: 'see file', attachments: [{ name: 'inspect.json', content: '{"a":1}', description: 'inspect' }] },
      'ko',
    );
    expect(message.files).toEqual([{ name: 'inspect.json', data: Buffer.from('{"a":1}'), description: 'inspect' }]);
  });
});

describe('renderChoices', () => {
  it('caps autocomplete at 25 choices of at most 100 characters', () => {
    const choices = renderChoices(
      Array.from({ length: 30 }, (_, i) => ({ name: `${i} ${'볼륨'.repeat(80)}`, value: `v${i}`.repeat(60) })),
    );
    expect(choices).toHaveLength(25);
    expect(choices.every((c) => c.name.length <= 100 && c.value.length <= 100)).toBe(true);
    expect(choices[0]?.name.startsWith('0 볼륨')).toBe(true);
  });

  it('leaves out a choice with an empty name or value', () => {
    expect(
      renderChoices([
        { name: '', value: 'a' },
        { name: 'b', value: '' },
        { name: 'c', value: 'c' },
      ]),
    ).toEqual([{ name: 'c', value: 'c' }]);
  });
});

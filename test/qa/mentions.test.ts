import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/cli/render.ts';
import type { Reply } from '../../src/core/reply.ts';
import { renderReply } from '../../src/discord/render/reply-message.ts';

const ASKER = { id: '100000000000000001', name: '민지' };

describe('Reply.mentionUsers', () => {
  it('Discord: the mention goes in the content and allowed_mentions lets exactly that user be pinged', () => {
    const reply: Reply = {
      title: '💬 답변',
      text: '@everyone <@&200000000000000000> <@100000000000000009> 보세요',
      mentionUsers: [ASKER],
    };
    const message = renderReply(reply, 'ko');
    expect(message.content).toBe(`<@${ASKER.id}>`);
    expect(message.allowedMentions).toEqual({ parse: [], users: [ASKER.id] });
    // What the member wrote stays in the embed, where nothing pings anyway.
    expect(message.embeds[0]?.description).toContain('@everyone');
  });

  it('a short text-only reply keeps the mention before its text', () => {
    const message = renderReply({ text: '답이 달렸어요 @here', mentionUsers: [ASKER] }, 'ko');
    expect(message.content).toBe(`<@${ASKER.id}>\n답이 달렸어요 @here`);
    expect(message.allowedMentions).toEqual({ parse: [], users: [ASKER.id] });
  });

  it('only Discord user ids, once each; without mentionUsers nothing may ping', () => {
    const message = renderReply(
      { title: 't', mentionUsers: [ASKER, ASKER, { id: 'console:minji', name: 'minji' }, { id: '<@1>', name: 'x' }] },
      'ko',
    );
    expect(message.allowedMentions).toEqual({ parse: [], users: [ASKER.id] });
    expect(message.content).toBe(`<@${ASKER.id}>`);
    const plain = renderReply({ title: 't', text: '@everyone' }, 'ko');
    expect(plain.allowedMentions).toEqual({ parse: [] });
    expect(plain.content).toBeUndefined();
  });

  it('the terminal names who Discord would notify', () => {
    expect(renderText({ title: '💬 답변', text: 'x', mentionUsers: [ASKER] }).split('\n\n')[0]).toBe('@민지');
  });
});

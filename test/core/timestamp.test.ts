import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/cli/render.ts';
import {
  discordTimestamps,
  formatMoment,
  isoTimestamps,
  mapReplyText,
  terminalTimestamps,
  timestamp,
} from '../../src/core/timestamp.ts';

const at = new Date('2026-12-09T11:00:00Z'); // Wednesday 20:00 in Seoul, 06:00 in New York
const now = new Date('2026-12-02T11:00:00Z');

describe('moments in replies', () => {
  it('are written with their zone and become plain Discord timestamps in Discord', () => {
    expect(timestamp(at, 'Asia/Seoul', 'F')).toBe('<t:1796814000:F|Asia/Seoul>');
    expect(discordTimestamps(`다음: ${timestamp(at, 'Asia/Seoul', 'F')} (${timestamp(at, 'Asia/Seoul', 'R')})`)).toBe(
      '다음: <t:1796814000:F> (<t:1796814000:R>)',
    );
    // Discord's own markup passes through.
    expect(discordTimestamps('<t:1796814000:R>')).toBe('<t:1796814000:R>');
  });

  it('read as the zone’s own time in the terminal, with the zone named', () => {
    const line = `${timestamp(at, 'Asia/Seoul', 'F')} (${timestamp(at, 'Asia/Seoul', 'R')})`;
    expect(terminalTimestamps(line, { locale: 'ko', now, timeZone: 'UTC' })).toBe(
      '2026년 12월 9일 (수) 20:00 Asia/Seoul (7일 후)',
    );
    expect(terminalTimestamps(line, { locale: 'en', now, timeZone: 'UTC' })).toBe(
      'Wed, Dec 9, 2026, 20:00 Asia/Seoul (in 7 days)',
    );
    expect(terminalTimestamps(timestamp(at, 'America/New_York', 't'), { locale: 'ko', now, timeZone: 'UTC' })).toBe(
      '06:00 America/New_York',
    );
    // Without a zone, the terminal's zone, named all the same.
    expect(terminalTimestamps('<t:1796814000:f>', { locale: 'ko', now, timeZone: 'UTC' })).toBe(
      '2026년 12월 9일 11:00 UTC',
    );
    expect(
      terminalTimestamps('채널 <#100000000000000002> 역할 <@&100000000000000003>', {
        locale: 'ko',
        now,
        timeZone: 'UTC',
      }),
    ).toBe('채널 #100000000000000002 역할 @&100000000000000003');
  });

  it('formats each style', () => {
    const when = { locale: 'ko' as const, now };
    expect(formatMoment(at, 'd', 'Asia/Seoul', when)).toBe('2026-12-09 Asia/Seoul');
    expect(formatMoment(at, 'D', 'Asia/Seoul', when)).toBe('2026년 12월 9일 (수) Asia/Seoul');
    expect(formatMoment(at, 'T', 'Asia/Seoul', when)).toBe('20:00:00 Asia/Seoul');
    expect(formatMoment(new Date('2026-12-02T10:58:00Z'), 'R', 'Asia/Seoul', when)).toBe('2분 전');
    expect(formatMoment(new Date('2026-12-02T11:00:00Z'), 'R', 'Asia/Seoul', { locale: 'en', now })).toBe('now');
  });

  it('are converted in every text a member reads, and nowhere else', () => {
    const token = timestamp(at, 'Asia/Seoul', 'F');
    const reply = mapReplyText(
      { title: token, text: token, fields: [{ name: token, value: token }], footer: token, data: { at: token } },
      discordTimestamps,
    );
    expect(reply).toEqual({
      title: '<t:1796814000:F>',
      text: '<t:1796814000:F>',
      fields: [{ name: '<t:1796814000:F>', value: '<t:1796814000:F>' }],
      footer: '<t:1796814000:F>',
      data: { at: token },
    });
  });

  it('in findings too; code blocks and evidence (shown verbatim on Discord) take the plain form', () => {
    const token = timestamp(at, 'Asia/Seoul', 'f');
    const plain = (text: string) => terminalTimestamps(text, { locale: 'ko', now, timeZone: 'UTC' });
    const reply = mapReplyText(
      {
        code: [{ content: `since ${token}` }],
        findings: [
          {
            code: 'exited',
            severity: 'error',
            title: token,
            detail: token,
            evidence: [`State.FinishedAt=${token}`],
            next: token,
            refs: [],
          },
        ],
      },
      discordTimestamps,
      plain,
    );
    expect(reply.code?.[0]?.content).toBe('since 2026년 12월 9일 20:00 Asia/Seoul');
    expect(reply.findings?.[0]).toMatchObject({
      title: '<t:1796814000:f>',
      detail: '<t:1796814000:f>',
      evidence: ['State.FinishedAt=2026년 12월 9일 20:00 Asia/Seoul'],
      next: '<t:1796814000:f>',
    });
  });

  it('read back as ISO 8601 UTC for --json; Discord markup a member wrote stays', () => {
    expect(isoTimestamps(`State.FinishedAt=${timestamp(at, 'Asia/Seoul', 'f')}`)).toBe(
      'State.FinishedAt=2026-12-09T11:00:00Z',
    );
    expect(isoTimestamps('<t:1796814000:R>')).toBe('<t:1796814000:R>');
    const json = renderJson({ text: 'x', data: { evidence: [`at ${timestamp(at, 'Asia/Seoul', 'R')}`] } });
    expect(JSON.parse(json)).toEqual({ evidence: ['at 2026-12-09T11:00:00Z'] });
  });
});

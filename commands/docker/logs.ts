import { defineSubcommand } from '../../src/core/command.ts';
import type { Translate } from '../../src/core/locale.ts';
import type { Reply } from '../../src/core/reply.ts';
import type { LogLine } from '../../src/docker/log-reader.ts';
import { parseSince } from '../../src/docker/since.ts';
import { lastLinesWithin } from '../../src/core/text.ts';
import { containerOption } from '../shared/docker-options.ts';
import { timestamp } from '../../src/core/timestamp.ts';

const DEFAULT_TAIL = 100;
const MAX_TAIL = 1000;
/** With --grep the engine sends this many lines from the end, and dockhand reads at most this much. */
const GREP_SCAN_LINES = 50_000;
const GREP_SCAN_BYTES = 32 * 1024 * 1024;
/** Characters kept in all (the attachment's cap). */
const MAX_CHARS = 256 * 1024;
/** Characters shown in the message itself; longer output goes into an attachment. */
const INLINE_CHARS = 1800;

export const logs = defineSubcommand({
  name: 'logs',
  nameKo: '로그',
  description: {
    ko: '컨테이너 로그의 끝부분 (stdout/stderr, 비밀값 가림)',
    en: 'The end of a container log (stdout/stderr, secrets redacted)',
  },
  options: [
    containerOption,
    {
      name: 'tail',
      nameKo: '줄수',
      type: 'integer',
      min: 1,
      max: MAX_TAIL,
      description: {
        ko: `끝에서 몇 줄 (기본 ${DEFAULT_TAIL}, 최대 ${MAX_TAIL})`,
        en: `Lines from the end (default ${DEFAULT_TAIL}, max ${MAX_TAIL})`,
      },
    },
    {
      name: 'since',
      nameKo: '부터',
      type: 'string',
      maxLength: 40,
      description: {
        ko: '이후 로그만: 10m, 2h, 1d 또는 RFC 3339 시각',
        en: 'Only since: 10m, 2h, 1d or an RFC 3339 time',
      },
    },
    {
      name: 'grep',
      nameKo: '검색',
      type: 'string',
      maxLength: 100,
      description: {
        ko: '이 글자가 든 줄만 (대소문자 무시)',
        en: 'Only lines containing this text (case-insensitive)',
      },
    },
    {
      name: 'timestamps',
      nameKo: '시각',
      type: 'boolean',
      description: { ko: '줄마다 기록 시각 표시', en: 'Show when each line was written' },
    },
  ],
  run: async ({ container: name, tail, since, grep, timestamps }, ctx): Promise<Reply> => {
    const { t } = ctx;
    const wanted = tail ?? DEFAULT_TAIL;
    const sinceAt = since ? parseSince(since, ctx.clock.now()) : undefined;
    const container = await ctx.docker.container(name, ctx.signal);
    const result = await ctx.docker.logs(
      container,
      {
        tail: grep ? GREP_SCAN_LINES : wanted,
        since: sinceAt,
        timestamps: true,
        grep,
        maxLines: wanted,
        maxChars: MAX_CHARS,
        maxScanBytes: GREP_SCAN_BYTES,
      },
      ctx.signal,
    );
    const clockFace = timestamps ? localTime(ctx.config.timezone) : undefined;
    const rendered = result.lines.map((line) => renderLine(line, clockFace));
    const { shown, omitted } = lastLinesWithin(rendered, INLINE_CHARS);
    const filters = [
      `tail ${wanted}`,
      ...(sinceAt
        ? [
            t({
              ko: `${timestamp(sinceAt, ctx.config.timezone)} 이후`,
              en: `since ${timestamp(sinceAt, ctx.config.timezone)}`,
            }),
          ]
        : []),
      ...(grep ? [`grep "${grep}"`] : []),
      container.Config.Tty ? 'TTY' : 'stdout+stderr',
    ].join(' · ');
    const { lines, matched, scanned } = result;
    const summary = t({
      ko: `${lines.length}줄 표시 / ${grep ? '일치 ' : ''}${matched}줄 (읽은 줄 ${scanned}) · ${filters}`,
      en: `${lines.length} line(s) shown of ${matched} ${grep ? 'matching' : ''} (${scanned} read) · ${filters}`,
    });
    const notes = [
      ...(result.scanCut ? [scanLimitNote(result.firstTime, clockFace ?? localTime(ctx.config.timezone), ctx.t)] : []),
      ...(omitted > 0
        ? [
            t({
              ko: `앞의 ${omitted}줄은 첨부 파일에 있어요.`,
              en: `The first ${omitted} line(s) are in the attachment.`,
            }),
          ]
        : []),
    ];

    return {
      title: t({ ko: `로그: ${container.Name}`, en: `Logs: ${container.Name}` }),
      text: [summary.replace(/\s+/g, ' '), ...notes].join('\n'),
      code: [
        { language: 'text', content: shown.length ? shown.join('\n') : t({ ko: '(로그 없음)', en: '(no lines)' }) },
      ],
      ...(omitted > 0
        ? { attachments: [{ name: `logs-${container.Name}.txt`, content: rendered.join('\n') + '\n' }] }
        : {}),
      data: {
        container: container.Name,
        tty: container.Config.Tty,
        lines: result.lines,
        scanned: result.scanned,
        matched: result.matched,
        truncated: result.dropped > 0 || result.scanCut,
      },
    };
  },
});

/** The log is read newest first: a scan limit leaves out the oldest lines, those before `firstTime`. */
function scanLimitNote(firstTime: string | undefined, clockFace: (iso: string) => string, t: Translate): string {
  return firstTime
    ? t({
        ko: `읽기 한도에 닿아 ${clockFace(firstTime)} 이후의 줄만 살펴봤어요 (최근 줄부터 읽어요). 그보다 오래된 줄은 보지 않았어요.`,
        en:
          `Reached the scan limit: only lines from ${clockFace(firstTime)} on were searched (newest first); ` +
          `older lines were not.`,
      })
    : t({ ko: '읽기 한도에 닿아 한 줄도 읽지 못했어요.', en: 'Reached the scan limit before a whole line was read.' });
}

/** `2024-05-01 18:00:00` in the study group's time zone. */
function localTime(timeZone: string): (iso: string) => string {
  const format = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  });
  return (iso) => format.format(new Date(iso));
}

function renderLine(line: LogLine, clockFace: ((iso: string) => string) | undefined): string {
  const time = clockFace && line.time ? `${clockFace(line.time)} ` : '';
  const stream = line.stream === 'stderr' ? '[err] ' : '';
  return `${time}${stream}${line.text}${line.cut ? ' …' : ''}`;
}

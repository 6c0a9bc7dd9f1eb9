import { defineSubcommand } from '../../src/core/command.ts';
import type { Translate } from '../../src/core/locale.ts';
import { timestamp } from '../../src/core/timestamp.ts';
import { exportCsv } from '../../src/qa/export.ts';
import type { ChapterCount, QaStats } from '../../src/qa/stats.ts';
import { scopeOf } from './shared.ts';

export const stats = defineSubcommand({
  name: 'stats',
  nameKo: '통계',
  description: {
    ko: '이번 주 많이 물어본 주제와 장, 답을 기다리는 질문 수, 도움이 된 비율',
    en: "This week's topics and chapters, unanswered count, helpful rate",
  },
  options: [],
  run: (_options, ctx) => {
    const s = ctx.qa.stats(scopeOf(ctx));
    const { t } = ctx;
    const share = (n: number) => (s.asked ? ` (${Math.round((n / s.asked) * 100)}%)` : '');
    const lines = [
      t({ ko: `질문 **${s.asked}**개`, en: `**${s.asked}** questions` }) +
        ' · ' +
        t({
          ko: `바로 답함 ${s.answeredAtOnce}${share(s.answeredAtOnce)}`,
          en: `answered at once ${s.answeredAtOnce}${share(s.answeredAtOnce)}`,
        }) +
        ' · ' +
        t({ ko: `나중에 멤버가 답함 ${s.answeredByMembers}`, en: `answered by members later ${s.answeredByMembers}` }),
      t({ ko: `새 커뮤니티 답변 ${s.answersWritten}개`, en: `${s.answersWritten} new community answers` }),
      t({
        ko: `답을 기다리는 질문 **${s.unanswered}**개 (전체)`,
        en: `**${s.unanswered}** questions waiting for an answer (all time)`,
      }),
      s.helpfulRate === null
        ? t({ ko: '이번 주에는 👍/👎 평가가 없어요.', en: 'No 👍/👎 votes this week.' })
        : t({
            ko: `도움이 됐어요 **${Math.round(s.helpfulRate * 100)}%** (👍 ${s.up} · 👎 ${s.down})`,
            en: `Helpful **${Math.round(s.helpfulRate * 100)}%** (👍 ${s.up} · 👎 ${s.down})`,
          }),
    ];
    return {
      title: t({ ko: '📊 이번 주 Q&A', en: '📊 Q&A this week' }),
      text: lines.join('\n'),
      fields: [
        {
          name: t({ ko: '많이 물어본 주제', en: 'Most asked topics' }),
          value: s.topics.length
            ? s.topics.map((topic, i) => `${i + 1}. ${topic.title} — ${topic.count}`).join('\n')
            : t({ ko: '아직 없어요', en: 'None yet' }),
        },
        {
          name: t({ ko: '많이 물어본 장', en: 'Most asked chapters' }),
          value: s.chapters.length
            ? s.chapters.map((c) => `${chapterLabel(c, t)} — ${c.count}`).join('\n')
            : t({ ko: '아직 없어요', en: 'None yet' }),
        },
      ],
      footer: `${timestamp(s.since, s.timeZone, 'f')} – ${timestamp(s.until, s.timeZone, 'f')}`,
      data: statsJson(s),
    };
  },
});

export const exportData = defineSubcommand({
  name: 'export',
  nameKo: '내보내기',
  description: {
    ko: '질문·답변·평가 내보내기, JSON 또는 CSV 파일 (운영진)',
    en: 'Export questions, answers, votes as JSON or CSV (organizers)',
  },
  organizerOnly: true,
  options: [
    {
      name: 'format',
      nameKo: '형식',
      type: 'string',
      choices: [
        { name: { ko: 'JSON (한 파일)', en: 'JSON (one file)' }, value: 'json' },
        { name: { ko: 'CSV (질문·답변·평가 세 파일)', en: 'CSV (questions, answers, votes)' }, value: 'csv' },
      ],
      description: { ko: 'json 또는 csv (기본 json)', en: 'json or csv (default json)' },
    },
  ] as const,
  run: ({ format }, ctx) => {
    const data = ctx.qa.export(scopeOf(ctx));
    const day = data.exportedAt.slice(0, 10);
    const answers = data.questions.reduce((n, q) => n + q.answers.length, 0);
    const votes = data.questions.reduce((n, q) => n + q.votes.length, 0);
    const attachments =
      format === 'csv'
        ? exportCsv(data).map((file) => ({ name: `dockhand-qa-${day}-${file.name}`, content: file.content }))
        : [{ name: `dockhand-qa-${day}.json`, content: JSON.stringify(data, null, 2) + '\n' }];
    return {
      text: ctx.t({
        ko: `질문 ${data.questions.length}개, 답변 ${answers}개, 평가 ${votes}개를 내보냈어요. 멤버 이름과 ID가 들어 있으니 조심히 다뤄 주세요.`,
        en: `Exported ${data.questions.length} questions, ${answers} answers and ${votes} votes. It holds member names and ids: handle with care.`,
      }),
      attachments,
      ephemeral: true,
      data,
    };
  },
});

function chapterLabel(c: ChapterCount, t: Translate): string {
  if (c.kind === 'community') return t({ ko: '커뮤니티 답변', en: 'Community answers' });
  if (c.kind === 'playbook') return t({ ko: '문제 해결 가이드', en: 'Playbooks' });
  return t({ ko: `${c.chapter ?? '?'}장`, en: `Chapter ${c.chapter ?? '?'}` });
}

function statsJson(s: QaStats) {
  return {
    since: s.since.toISOString(),
    until: s.until.toISOString(),
    timeZone: s.timeZone,
    asked: s.asked,
    answeredAtOnce: s.answeredAtOnce,
    answeredByMembers: s.answeredByMembers,
    answersWritten: s.answersWritten,
    unanswered: s.unanswered,
    up: s.up,
    down: s.down,
    helpfulRate: s.helpfulRate === null ? null : Math.round(s.helpfulRate * 1000) / 1000,
    topics: s.topics,
    chapters: s.chapters,
  };
}

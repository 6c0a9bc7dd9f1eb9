import { safeName } from '../src/core/attachment.ts';
import { defineCommand } from '../src/core/command.ts';
import type { CommandContext } from '../src/core/context.ts';
import type { Reply, ReplyFinding } from '../src/core/reply.ts';
import { fromCallerDirectory } from '../src/paths.ts';
import { inspectBuildContext } from '../src/review/context.ts';
import type { ReviewFinding } from '../src/review/finding.ts';
import { reviewDockerfile } from '../src/review/review.ts';
import { summaryLines } from '../src/review/summary.ts';
import { noteTitles } from './shared/findings-reply.ts';
import { sectionMenu } from './shared/section-menu.ts';

export default defineCommand({
  name: 'review',
  nameKo: '리뷰',
  description: {
    ko: 'Dockerfile을 4장의 조언대로 한 줄씩 검토하고 고칠 점과 노트를 알려줘요',
    en: 'Review a Dockerfile line by line with chapter 4’s advice, with fixes and notes',
  },
  options: [
    {
      name: 'dockerfile',
      nameKo: '도커파일',
      type: 'attachment',
      required: true,
      description: {
        ko: '검토할 Dockerfile (파일 첨부, 콘솔·CLI에서는 경로)',
        en: 'The Dockerfile to review (attach it; a path on the console and CLI)',
      },
    },
    {
      name: 'context',
      type: 'string',
      transports: ['cli'],
      description: {
        ko: '빌드 컨텍스트 폴더: `COPY . .`가 있으면 .dockerignore도 확인해요',
        en: 'Build context folder: with `COPY . .`, checks for a .dockerignore',
      },
    },
  ],
  run: ({ dockerfile, context }, ctx) => {
    const t = ctx.t;
    const buildContext = context
      ? inspectBuildContext(fromCallerDirectory(context), context, dockerfile.filename)
      : undefined;
    const review = reviewDockerfile(dockerfile.text.replace(/\r\n?/g, '\n'), {
      t,
      ...(buildContext ? { buildContext } : {}),
    });
    const { findings, summary } = review;
    const target = dockerfile.filename;
    const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
    const errors = count('error');
    const warnings = count('warning');
    const lines = summaryLines(summary, t);
    const text =
      findings.length === 0
        ? t({ ko: '고칠 점을 찾지 못했어요. 👍', en: 'Nothing to fix found. 👍' })
        : [
            t({
              ko: `오류 ${errors} · 주의 ${warnings} · 참고 ${findings.length - errors - warnings} — 고치면 효과가 큰 것부터 보여 줘요.`,
              en: `${errors} error(s), ${warnings} warning(s), ${findings.length - errors - warnings} note(s) — the most valuable fixes first.`,
            }),
            `**${t({ ko: '먼저 고칠 것', en: 'Fix first' })}**\n${lines.first}`,
          ].join('\n\n');
    const reply: Reply = {
      title: t({ ko: `Dockerfile 리뷰: ${safeName(target)}`, en: `Dockerfile review: ${safeName(target)}` }),
      text,
      tone: errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'success',
      fields: [{ name: t({ ko: '최종 이미지', en: 'Final image' }), value: lines.image }],
      findings: findings.map((f) => shownFinding(f, ctx)),
      actions: sectionMenu(
        ctx.knowledge,
        findings.flatMap((f) => knownRefs(f, ctx)),
        t({ ko: '고치는 법이 담긴 노트 펼쳐 보기', en: 'Open the note that explains the fix' }),
      ),
      data: {
        target,
        findings: findings.map((f) => ({
          code: f.code,
          severity: f.severity,
          line: f.line,
          title: f.title,
          detail: f.detail,
          next: f.next,
          refs: knownRefs(f, ctx),
        })),
      },
    };
    const hint = contextHint(summary.wholeContextCopy, Boolean(context), ctx);
    if (hint) reply.footer = hint;
    return reply;
  },
});

function shownFinding(f: ReviewFinding, ctx: CommandContext): ReplyFinding {
  const refs = knownRefs(f, ctx);
  return {
    code: f.code,
    severity: f.severity,
    title: `${ctx.t({ ko: `${f.line}행`, en: `Line ${f.line}` })} · ${f.title}`,
    detail: f.detail,
    evidence: f.evidence,
    next: f.next,
    refs,
    refTitles: noteTitles(ctx.knowledge, refs),
  };
}

/** The rule's notes that exist in the loaded knowledge (no dead links). */
function knownRefs(f: ReviewFinding, ctx: CommandContext): string[] {
  return f.refs.filter((id) => ctx.knowledge.section(id) !== undefined);
}

/** With `COPY . .` and no context given, say how to have the `.dockerignore` checked too. */
function contextHint(line: number | undefined, contextGiven: boolean, ctx: CommandContext): string | undefined {
  if (line === undefined || contextGiven) return undefined;
  return ctx.caller.transport === 'cli'
    ? ctx.t({
        ko: `${line}행이 빌드 컨텍스트 전체를 복사해요 — \`--context <폴더>\`를 주면 .dockerignore도 확인해요.`,
        en: `Line ${line} copies the whole build context — add \`--context <folder>\` to check its .dockerignore too.`,
      })
    : ctx.t({
        ko: `${line}행이 빌드 컨텍스트 전체를 복사해요 — 컨텍스트에 .dockerignore가 있는지도 확인해 보세요.`,
        en: `Line ${line} copies the whole build context — check that the context has a .dockerignore.`,
      });
}

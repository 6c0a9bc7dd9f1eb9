import { defineCommand } from '../src/core/command.ts';
import { diagnose } from '../src/diagnostics/diagnose.ts';
import { gatherFacts } from '../src/diagnostics/gather.ts';
import { containerOption } from './shared/docker-options.ts';
import { sectionMenu } from './shared/section-menu.ts';
import type { KnowledgeBase } from '../src/knowledge/knowledge-base.ts';
import { lastHeadings } from '../src/knowledge/views.ts';

export default defineCommand({
  name: 'diagnose',
  nameKo: '진단',
  description: {
    ko: '컨테이너가 왜 안 되는지 진단하고 고치는 법이 담긴 노트를 알려줘요',
    en: 'Diagnose why a container misbehaves, with the note that explains the fix',
  },
  slow: true,
  cooldownSeconds: 5,
  options: [containerOption],
  run: async ({ container: name }, ctx) => {
    const { t } = ctx;
    const facts = await gatherFacts(ctx.docker, name, ctx.clock, ctx.signal);
    const findings = diagnose(facts, t, ctx.knowledge);
    const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
    const errors = count('error');
    const warnings = count('warning');
    const notes = findings.length - errors - warnings;
    const target = facts.container.Name;
    const state = facts.container.State.Status;
    const summary =
      findings.length === 0
        ? t({
            ko: `\`${target}\`에서 문제를 찾지 못했어요 (${state}).`,
            en: `No problems found in \`${target}\` (${state}).`,
          })
        : t({
            ko: `오류 ${errors} · 주의 ${warnings} · 참고 ${notes} — 심각한 것부터 보여 줘요.`,
            en: `${errors} error(s), ${warnings} warning(s), ${notes} note(s) — most serious first.`,
          });
    return {
      title: t({ ko: `진단: ${target}`, en: `Diagnosis: ${target}` }),
      text: summary,
      tone: errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'success',
      findings: findings.map((f) => ({ ...f, refTitles: f.refs.flatMap((id) => noteTitle(ctx.knowledge, id)) })),
      actions: sectionMenu(
        ctx.knowledge,
        findings.flatMap((f) => f.refs),
        t({ ko: '고치는 법이 담긴 노트 펼쳐 보기', en: 'Open the note that explains the fix' }),
      ),
      data: { target, findings },
    };
  },
});

function noteTitle(knowledge: KnowledgeBase, id: string): string[] {
  const section = knowledge.section(id);
  return section ? [lastHeadings(section)] : [];
}

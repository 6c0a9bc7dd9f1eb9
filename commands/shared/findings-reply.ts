import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import type { Translate } from '../../src/core/locale.ts';
import type { Finding } from '../../src/diagnostics/finding.ts';
import type { Reply, ReplyFinding } from '../../src/core/reply.ts';
import { lastHeadings } from '../../src/knowledge/views.ts';
import { sectionMenu } from './section-menu.ts';

/**
 * Findings as /diagnose and /ecs show them: notes named by title, a menu that opens them,
 * `{target, findings}` for --json.
 */
export function findingsReply(
  target: string,
  findings: Finding[],
  knowledge: KnowledgeBase,
  t: Translate,
  parts: Pick<Reply, 'title' | 'text' | 'fields'>,
): Reply {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const shown: ReplyFinding[] = findings.map((f) => ({
    ...f,
    refTitles: noteTitles(knowledge, f.refs),
  }));
  return {
    ...parts,
    tone: errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'success',
    findings: shown,
    actions: sectionMenu(
      knowledge,
      findings.flatMap((f) => f.refs),
      t({ ko: '고치는 법이 담긴 노트 펼쳐 보기', en: 'Open the note that explains the fix' }),
    ),
    data: { target, findings },
  };
}

/** `오류 2 · 주의 1 · 참고 0 — 심각한 것부터 보여 줘요.` */
export function countLine(findings: Finding[], t: Translate): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const notes = findings.length - errors - warnings;
  return t({
    ko: `오류 ${errors} · 주의 ${warnings} · 참고 ${notes} — 심각한 것부터 보여 줘요.`,
    en: `${errors} error(s), ${warnings} warning(s), ${notes} note(s) — most serious first.`,
  });
}

/** The notes behind a finding by their titles ("3.2 도커 명령어 활용 › 도커 볼륨"); unknown ids are left out. */
export function noteTitles(knowledge: KnowledgeBase, ids: readonly string[]): string[] {
  return ids.flatMap((id) => {
    const section = knowledge.section(id);
    return section ? [lastHeadings(section)] : [];
  });
}

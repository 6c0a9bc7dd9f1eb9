import type { APIEmbed } from 'discord.js';
import type { Severity } from '../../diagnostics/finding.ts';
import type { ReplyFinding } from '../../core/reply.ts';
import type { Localized, Translate } from '../../core/locale.ts';
import { fit, LIMITS } from '../limits.ts';
import { fenced } from './code.ts';

const SEVERITY: Record<Severity, { icon: string; color: number; name: Localized }> = {
  error: { icon: '🔴', color: 0xed4245, name: { ko: '오류', en: 'Error' } },
  warning: { icon: '🟡', color: 0xfee75c, name: { ko: '주의', en: 'Warning' } },
  info: { icon: '🔵', color: 0x5865f2, name: { ko: '정보', en: 'Info' } },
};

/**
 * One diagnostic finding as its own embed: severity colour and icon, evidence, the next step, and
 * the notes that explain it.
 */
export function findingEmbed(finding: ReplyFinding, t: Translate): APIEmbed {
  const severity = SEVERITY[finding.severity];
  const fields: NonNullable<APIEmbed['fields']> = [];
  if (finding.evidence.length) {
    fields.push({
      name: t({ ko: '근거', en: 'Evidence' }),
      value: evidenceBlock(finding.evidence),
    });
  }
  if (finding.next)
    fields.push({ name: t({ ko: '다음 단계', en: 'Next step' }), value: fit(`→ ${finding.next}`, LIMITS.fieldValue) });
  const notes = finding.refTitles ?? finding.refs.map((ref) => `\`${ref}\``);
  if (notes.length) {
    fields.push({
      name: t({ ko: '참고 노트', en: 'Read more' }),
      value: fit(notes.map((note) => `📖 ${note}`).join('\n'), LIMITS.fieldValue),
    });
  }
  return {
    title: fit(`${severity.icon} ${finding.title}`, LIMITS.embedTitle),
    description: fit(finding.detail, LIMITS.embedDescription),
    color: severity.color,
    fields,
    footer: { text: `${t(severity.name)} · ${finding.code}` },
  };
}

/** Evidence lines in a code block, as many whole lines as fit in a field. */
function evidenceBlock(lines: string[]): string {
  const budget = LIMITS.fieldValue - 10;
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    const clipped = fit(line, 300);
    if (used + clipped.length + 1 > budget) {
      kept.push('…');
      break;
    }
    kept.push(clipped);
    used += clipped.length + 1;
  }
  return fenced({ content: kept.join('\n') });
}

import { defineCommand } from '../src/core/command.ts';
import { whatWasChecked } from '../src/diagnostics/checked.ts';
import { diagnose } from '../src/diagnostics/diagnose.ts';
import { gatherFacts } from '../src/diagnostics/gather.ts';
import { stateWord } from '../src/docker/container-state.ts';
import { containerOption } from './shared/docker-options.ts';
import { countLine, findingsReply } from './shared/findings-reply.ts';

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
    const facts = await gatherFacts(ctx.docker, name, ctx.clock, ctx.config.timezone, ctx.signal);
    const findings = diagnose(facts, t, ctx.knowledge);
    const target = facts.container.Name;
    const state = stateWord(facts.container.State.Status, t);
    // Nothing to fix: say what was checked, so "no problems" is not mistaken for "not looked at".
    const fine = !findings.some((f) => f.severity !== 'info');
    const checked = fine
      ? `\n${t({ ko: '확인한 것', en: 'Checked' })}: ${whatWasChecked(facts, findings, t).join(' · ')}`
      : '';
    return findingsReply(target, findings, ctx.knowledge, t, {
      title: t({ ko: `진단: ${target}`, en: `Diagnosis: ${target}` }),
      text:
        (findings.length === 0
          ? t({
              ko: `\`${target}\`에서 문제를 찾지 못했어요 (${state}).`,
              en: `No problems found in \`${target}\` (${state}).`,
            })
          : countLine(findings, t)) + checked,
    });
  },
});

import { defineSubcommand } from '../../src/core/command.ts';
import type { ReplyField } from '../../src/core/reply.ts';
import { diagnoseNginx } from '../../src/diagnostics/nginx/diagnose.ts';
import { gatherNginxFacts } from '../../src/diagnostics/nginx/gather.ts';
import type { NginxFacts } from '../../src/diagnostics/nginx/facts.ts';
import type { Translate } from '../../src/core/locale.ts';
import { containerOption } from '../shared/docker-options.ts';
import { countLine, findingsReply } from '../shared/findings-reply.ts';

const SHOWN_FILES = 8;

export const check = defineSubcommand({
  name: 'check',
  nameKo: '점검',
  description: {
    ko: '컨테이너(또는 호스트 포트)의 nginx가 왜 기본 페이지를 보여 주는지 진단',
    en: "Diagnose why a container's (or host port's) nginx shows the default page",
  },
  options: [
    {
      ...containerOption,
      description: {
        ko: '컨테이너 이름·ID, 또는 호스트 포트 (예: 8080)',
        en: 'Container name or id, or a host port (e.g. 8080)',
      },
    },
  ],
  run: async ({ container: target }, ctx) => {
    const facts = await gatherNginxFacts(ctx.docker, target, ctx.signal);
    const findings = diagnoseNginx(facts, ctx.t, ctx.knowledge);
    const name = facts.container.Name;
    const summary = !facts.conf
      ? ctx.t({
          ko: `\`${name}\`에는 /etc/nginx가 없어서 nginx 점검은 건너뛰었어요 (nginx 컨테이너가 아니에요).`,
          en: `\`${name}\` has no /etc/nginx, so the nginx checks were skipped (not an nginx container).`,
        })
      : findings.length === 0
        ? ctx.t({
            ko: `\`${name}\`의 nginx는 기본 페이지가 아니라 내 설정으로 답하고 있어요. 찾은 문제가 없어요.`,
            en: `\`${name}\`'s nginx answers with your configuration, not the default page. No problems found.`,
          })
        : countLine(findings, ctx.t);
    return findingsReply(name, findings, ctx.knowledge, ctx.t, {
      title: ctx.t({ ko: `ECS·nginx 진단: ${name}`, en: `ECS/nginx diagnosis: ${name}` }),
      text: summary,
      fields: readFields(facts, ctx.t),
    });
  },
});

/** What was read, so a member can see what the findings stand on. */
function readFields(facts: NginxFacts, t: Translate): ReplyField[] {
  const fields: ReplyField[] = [
    {
      name: t({ ko: '이미지', en: 'Image' }),
      value: `\`${facts.container.Config.Image}\` (${facts.container.Image.replace(/^sha256:/, '').slice(0, 12)})`,
      inline: true,
    },
  ];
  if (facts.conf) {
    const files = facts.conf.tree.included;
    fields.push({
      name: t({ ko: 'nginx가 읽는 설정', en: 'Configuration nginx reads' }),
      value:
        files
          .slice(0, SHOWN_FILES)
          .map((f) => `\`${f}\``)
          .join(', ') +
        (files.length > SHOWN_FILES
          ? t({ ko: ` 외 ${files.length - SHOWN_FILES}개`, en: ` and ${files.length - SHOWN_FILES} more` })
          : '') +
        (facts.conf.truncated ? t({ ko: ' (크기 제한으로 일부만 읽음)', en: ' (partly read: size cap)' }) : ''),
    });
  }
  return fields;
}

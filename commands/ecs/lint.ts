import { defineSubcommand } from '../../src/core/command.ts';
import type { Translate } from '../../src/core/locale.ts';
import type { ReplyField } from '../../src/core/reply.ts';
import { lintTaskDefinition } from '../../src/diagnostics/ecs/lint.ts';
import { parseTaskDefinition, type TaskDefinition } from '../../src/diagnostics/ecs/task-definition.ts';
import { where } from '../../src/diagnostics/nginx/conf-parser.ts';
import { textOrFile } from './input.ts';
import { countLine, findingsReply } from '../shared/findings-reply.ts';

/** Discord's cap on a string option. */
const PASTE_MAX = 6000;

export const lint = defineSubcommand({
  name: 'lint',
  nameKo: '작업정의',
  description: {
    ko: 'ECS 작업 정의 JSON 점검 (links, latest 태그, 포트 매핑, volumesFrom, nginx upstream)',
    en: 'Check an ECS task definition JSON (links, latest tags, port mappings, volumesFrom, nginx upstreams)',
  },
  options: [
    {
      name: 'taskdef',
      nameKo: '작업정의',
      type: 'string',
      required: true,
      maxLength: PASTE_MAX,
      description: {
        ko: '작업 정의 JSON (코드 블록으로 붙여 넣기; CLI에서는 파일 경로)',
        en: 'The task definition JSON (paste, code block is fine; a file path on the CLI)',
      },
    },
    {
      name: 'nginx-conf',
      nameKo: 'nginx설정',
      type: 'string',
      maxLength: PASTE_MAX,
      description: {
        ko: '웹 컨테이너의 nginx 설정 (붙여 넣기; CLI에서는 파일 경로)',
        en: "The web container's nginx configuration (paste; a file path on the CLI)",
      },
    },
  ],
  run: ({ taskdef, 'nginx-conf': nginxConf }, ctx) => {
    const input = textOrFile(taskdef, ctx);
    const task = parseTaskDefinition(input.text);
    const conf = nginxConf ? textOrFile(nginxConf, ctx) : undefined;
    const result = lintTaskDefinition(
      task,
      conf ? { name: conf.file ?? 'nginx.conf', text: conf.text } : undefined,
      ctx.t,
      ctx.knowledge,
    );
    const target = input.file ?? task.family ?? 'taskdef';
    const problems = result.confProblems.map((p) => `${where(p)} ${p.message}`);
    const summary = [
      result.findings.length === 0
        ? ctx.t({ ko: '작업 정의에서 문제를 찾지 못했어요.', en: 'No problems found in the task definition.' })
        : countLine(result.findings, ctx.t),
      ...(conf
        ? []
        : [
            ctx.t({
              ko: 'nginx 설정도 주면(`--nginx-conf`) upstream 이름과 소켓 공유까지 확인해요.',
              en: 'Give the nginx configuration too (`--nginx-conf`) to check upstream names and socket sharing.',
            }),
          ]),
      ...(problems.length
        ? [
            ctx.t({
              ko: `nginx 설정에 문법 오류가 있어요 (nginx가 시작하지 못해요): ${problems.slice(0, 3).join('; ')}`,
              en: `The nginx configuration has syntax errors (nginx would not start): ${problems.slice(0, 3).join('; ')}`,
            }),
          ]
        : []),
    ].join('\n');
    return findingsReply(target, result.findings, ctx.knowledge, ctx.t, {
      title: ctx.t({ ko: `ECS 작업 정의 점검: ${target}`, en: `ECS task definition check: ${target}` }),
      text: summary,
      fields: taskFields(task, ctx.t),
    });
  },
});

function taskFields(task: TaskDefinition, t: Translate): ReplyField[] {
  const mode =
    task.networkModeSource === 'written'
      ? task.networkMode
      : task.networkModeSource === 'fargate'
        ? t({ ko: 'awsvpc (Fargate)', en: 'awsvpc (Fargate)' })
        : t({ ko: 'bridge (적지 않음: EC2 기본값)', en: 'bridge (not set: the EC2 default)' });
  return [
    { name: t({ ko: '네트워크 모드', en: 'Network mode' }), value: mode, inline: true },
    {
      name: t({ ko: '컨테이너', en: 'Containers' }),
      value: task.containers
        .map((c) => {
          const ports = (c.portMappings ?? []).map((m) => `${m.hostPort ?? '–'}:${m.containerPort ?? '?'}`).join(', ');
          return `\`${c.name}\` — \`${c.image}\`${ports ? ` (${ports})` : ''}`;
        })
        .join('\n'),
    },
  ];
}

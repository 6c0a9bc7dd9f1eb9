import { defineSubcommand } from '../../src/core/command.ts';
import type { Translate } from '../../src/core/locale.ts';
import { describeBinding, portTable, type PortRow } from '../../src/docker/ports.ts';
import { table } from '../../src/core/text.ts';
import { containerOption } from '../shared/docker-options.ts';
import { withParticle } from '../../src/core/korean-particles.ts';
import { stateLabel } from '../../src/docker/container-state.ts';

export const ports = defineSubcommand({
  name: 'ports',
  nameKo: '포트',
  description: {
    ko: 'EXPOSE, -p 요청, 실제 바인딩을 나란히, 열어 볼 주소와 함께',
    en: 'EXPOSE, -p requests and actual bindings side by side, with the URL',
  },
  options: [containerOption],
  run: async ({ container: name }, ctx) => {
    const { t } = ctx;
    const container = await ctx.docker.container(name, ctx.signal);
    const image = await ctx.docker.imageOf(container, ctx.signal);
    const rows = portTable(container, image, ctx.docker.probeHost);
    const running = container.State.Running;

    const header = [
      t({ ko: '포트', en: 'PORT' }),
      'EXPOSE',
      t({ ko: '-p 요청', en: '-p REQUESTED' }),
      t({ ko: '현재 바인딩', en: 'BOUND NOW' }),
      t({ ko: '열 주소', en: 'OPEN' }),
    ];
    const cells = rows.map((r) => [
      r.port,
      exposeCell(r, t),
      r.requested.map(describeBinding).join(', ') || '—',
      r.actual.map(describeBinding).join(', ') || '—',
      r.urls.join(' ') || '—',
    ]);
    const notes = rows.flatMap((r) => noteFor(r, rows, running, t));

    return {
      title: t({ ko: `포트: ${container.Name}`, en: `Ports: ${container.Name}` }),
      text: [
        `${t({ ko: '상태', en: 'State' })}: ${stateLabel(container.State.Status, t, container.State.ExitCode)}`,
        ...(rows.length === 0
          ? [t({ ko: 'EXPOSE하거나 게시한 포트가 없어요.', en: 'No exposed or published ports.' })]
          : []),
        ...notes,
      ].join('\n'),
      ...(rows.length > 0 ? { code: [{ language: 'text', content: table([header, ...cells]) }] } : {}),
      data: {
        container: container.Name,
        state: container.State.Status,
        ports: rows,
      },
    };
  },
});

/**
 * The host side of the `-p` to suggest for an exposed port nothing publishes: where the image
 * does not expose a published port (`-p 127.0.0.1:8080:8080` for an app on 80), that same host
 * address and port, moved to the port the app serves; otherwise 8080 on every interface.
 */
function suggestedHost(row: PortRow, rows: PortRow[]): string {
  if (!row.exposedByImage) return '8080';
  const misplaced = rows.filter((r) => !r.exposedByImage && (r.requested[0] ?? r.actual[0]));
  const [only] = misplaced;
  const binding = misplaced.length === 1 ? (only?.requested[0] ?? only?.actual[0]) : undefined;
  return binding ? describeBinding(binding) : '8080';
}

function exposeCell(row: PortRow, t: Translate): string {
  if (row.exposedByImage) return t({ ko: '이미지', en: 'image' });
  if (row.exposedByContainer) return t({ ko: '컨테이너', en: 'container' });
  return '—';
}

function noteFor(row: PortRow, rows: PortRow[], running: boolean, t: Translate): string[] {
  const { port, containerPort } = row;
  if (row.requested.length === 0 && row.actual.length === 0) {
    const option = `-p ${suggestedHost(row, rows)}:${containerPort}`;
    return [
      t({
        ko:
          `• ${withParticle(port, '은/는')} EXPOSE만 되고 게시되지 않았어요: 다른 컨테이너만 닿아요. ` +
          `브라우저로 열려면 ${withParticle(`\`${option}\``, '으로/로')} 게시하세요.`,
        en:
          `• ${port} is exposed but not published: only other containers can reach it. ` +
          `Publish it with \`${option}\`.`,
      }),
    ];
  }
  if (row.requested.length > 0 && row.actual.length === 0) {
    return [
      running
        ? t({
            ko: `• ${withParticle(port, '은/는')} 요청됐지만 바인딩되지 않았어요.`,
            en: `• ${port} was requested but is not bound.`,
          })
        : t({
            ko: `• ${withParticle(port, '은/는')} 컨테이너가 실행 중일 때만 바인딩돼요.`,
            en: `• ${port} is bound only while the container runs.`,
          }),
    ];
  }
  if (row.actual.length > 0 && !row.exposedByImage) {
    return [
      t({
        ko:
          `• ${withParticle(port, '은/는')} 게시됐지만 이미지가 EXPOSE하지 않는 포트예요: ` +
          `앱이 컨테이너 안에서 ${containerPort}번을 듣는지 확인하세요.`,
        en:
          `• ${port} is published but the image does not EXPOSE it: ` +
          `make sure the app listens on ${containerPort} inside.`,
      }),
    ];
  }
  return [];
}

import type { Stage } from '../dockerfile.ts';
import type { ReviewFinding } from '../finding.ts';
import { code, finding, type Rule, type RuleContext } from '../rule.ts';
import { withParticle } from '../../core/korean-particles.ts';

/** A released tag to suggest, light variant first (the notes' own examples). */
const SUGGESTED_TAGS: Record<string, string> = {
  node: '20-slim',
  python: '3.12-slim',
  ubuntu: '24.04',
  debian: 'bookworm-slim',
  nginx: '1.27-alpine',
  httpd: '2.4',
  alpine: '3.20',
  golang: '1.22',
  busybox: '1.36',
  mysql: '8.0',
  postgres: '16',
  redis: '7',
  'eclipse-temurin': '21-jre',
  openjdk: '21-jdk-slim',
  php: '8.3-apache',
  ruby: '3.3-slim',
};

/** DL3006 (no tag) and DL3007 (`latest`): the base image can change under the same Dockerfile. */
export const baseImageRules: Rule = (ctx) => ctx.file.stages.flatMap((stage) => check(stage, ctx));

function check(stage: Stage, ctx: RuleContext): ReviewFinding[] {
  const { from } = stage;
  const { t } = ctx;
  if (from.resolved === undefined || from.scratch || from.stage !== undefined || from.digest || !from.name) return [];
  const at = stage.fromInstruction;
  const viaArg =
    from.written !== from.resolved
      ? t({
          ko: ` (ARG 기본값으로 풀면 ${code(from.resolved)})`,
          en: ` (with the ARG defaults: ${code(from.resolved)})`,
        })
      : '';
  const name = from.name;
  const short = name.slice(name.lastIndexOf('/') + 1);
  const example = `FROM ${name}:${SUGGESTED_TAGS[short] ?? t({ ko: '<버전>', en: '<version>' })}${stage.name ? ` AS ${stage.name}` : ''}`;
  const next = t({
    ko: `쓸 버전을 정해 태그로 적으세요. 가벼운 변형(\`-slim\`, \`-alpine\`)이 있으면 그쪽으로: ${code(example)}`,
    en: `Choose the version and write it as the tag, a light variant (\`-slim\`, \`-alpine\`) where there is one: ${code(example)}`,
  });
  if (from.tag === undefined) {
    return [
      finding('DL3006', at, {
        title: t({ ko: '베이스 이미지에 태그가 없어요', en: 'The base image has no tag' }),
        detail: t({
          ko: `${code(`FROM ${from.written}`)}${viaArg}처럼 태그를 빼면 \`latest\`를 받아요. \`latest\`는 새 버전이 나올 때마다 다른 이미지를 가리켜서, 같은 Dockerfile이 어느 날 크기도 동작도 다른 이미지가 돼요.`,
          en: `Without a tag, ${code(`FROM ${from.written}`)}${viaArg} pulls \`latest\`, which points at a new image with every release: the same Dockerfile builds an image of another size and behaviour one day.`,
        }),
        next,
      }),
    ];
  }
  if (from.tag === 'latest') {
    return [
      finding('DL3007', at, {
        title: t({ ko: '베이스 이미지를 `latest` 태그로 받아요', en: 'The base image is pulled as `latest`' }),
        detail: t({
          ko: `${withParticle(`\`latest\`${viaArg}`, '은/는')} "가장 최근"일 뿐 버전이 아니에요. 새 버전이 나오면 말없이 바뀌어서, 어제 되던 빌드가 오늘 다른 이미지를 만들어요.`,
          en: `\`latest\`${viaArg} means "most recent", not a version: it changes silently with every release, so yesterday's build makes another image today.`,
        }),
        next,
      }),
    ];
  }
  return [];
}

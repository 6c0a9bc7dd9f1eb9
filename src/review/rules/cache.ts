import type { DockerInstruction, Stage } from '../dockerfile.ts';
import type { ReviewFinding } from '../finding.ts';
import { dependencyInstall } from '../commands.ts';
import { block, code, copiesWholeContext, finding, type Rule, type RuleContext } from '../rule.ts';
import { commandText } from '../rewrite.ts';

/** DH001: the whole source copied before the dependency install, so every change reinstalls everything. */
export const cacheOrderRule: Rule = (ctx) => ctx.file.stages.flatMap((stage) => cacheOrder(stage, ctx));

function cacheOrder(stage: Stage, ctx: RuleContext): ReviewFinding[] {
  const { t } = ctx;
  const copy = stage.instructions.find(copiesWholeContext);
  if (!copy) return [];
  for (const run of stage.instructions) {
    if (run.keyword !== 'RUN' || run.line < copy.line) continue;
    const command = run.shell?.commands.find((c) => dependencyInstall(c));
    const install = command && dependencyInstall(command);
    if (!command || !install) continue;
    const destination = (copy.exec ?? copy.words).at(-1) ?? '.';
    const into = destination === '.' ? './' : destination;
    const manifests = install.tool === 'npm' ? ['package*.json'] : install.manifests;
    const installText = commandText(command);
    return [
      finding(
        'DH001',
        copy,
        {
          title: t({
            ko: '소스 전체를 복사한 뒤에 의존성을 설치해요',
            en: 'The whole source is copied before the dependency install',
          }),
          detail: t({
            ko: `${copy.line}행의 ${code(`${copy.keyword} ${copy.args}`)} 뒤에 ${run.line}행의 설치 명령(${code(installText)})이 있어요. 소스를 한 줄만 고쳐도 이 COPY부터 캐시가 무효화되어 의존성을 매번 처음부터 다시 설치해요.`,
            en: `${code(installText)} on line ${run.line} comes after ${code(`${copy.keyword} ${copy.args}`)} on line ${copy.line}: change one line of source and the cache breaks at that COPY, so every build reinstalls all dependencies.`,
          }),
          next:
            t({
              ko: '잘 안 바뀌는 의존성 목록만 먼저 복사해 설치하고, 자주 바뀌는 소스는 그 뒤에 복사하세요:',
              en: 'Copy the rarely changing dependency list first and install, then copy the often changing source:',
            }) +
            '\n' +
            block([`COPY ${manifests.join(' ')} ${into}`, `RUN ${installText}`, `COPY ${copy.args}`]),
        },
        { evidence: [copy, run] },
      ),
    ];
  }
  return [];
}

/** DH004: `COPY . .` with no `.dockerignore` in the build context (only known with `--context`). */
export const dockerignoreRule: Rule = (ctx) => {
  const facts = ctx.buildContext;
  if (!facts || facts.dockerignore) return [];
  const copy = ctx.file.instructions.find(copiesWholeContext);
  if (!copy) return [];
  return [missingDockerignore(copy, ctx)];
};

function missingDockerignore(copy: DockerInstruction, ctx: RuleContext): ReviewFinding {
  const { t } = ctx;
  return finding('DH004', copy, {
    title: t({
      ko: '`.dockerignore` 없이 컨텍스트 전체를 복사해요',
      en: 'The whole context is copied and there is no `.dockerignore`',
    }),
    detail: t({
      ko: `${code(`${copy.keyword} ${copy.args}`)}처럼 통째로 복사하면 빌드 컨텍스트의 모든 것이 이미지에 들어가요: \`.git\`, \`node_modules\`, 로그, \`.env\` 같은 비밀 파일까지. 컨텍스트 전송이 느려지고 이미지가 커지며, 비밀이 이미지로 새어요.`,
      en: `${code(`${copy.keyword} ${copy.args}`)} puts everything in the build context into the image: \`.git\`, \`node_modules\`, logs, secret files such as \`.env\`. The context transfer slows down, the image grows and secrets leak into it.`,
    }),
    next:
      t({
        ko: '컨텍스트 최상위에 `.dockerignore`를 두고 빌드에 필요 없는 것을 빼세요:',
        en: 'Put a `.dockerignore` at the top of the context, leaving out what the build does not need:',
      }) +
      '\n' +
      ['```text', '.git', 'node_modules', '__pycache__', '*.log', '.env', '```'].join('\n'),
  });
}

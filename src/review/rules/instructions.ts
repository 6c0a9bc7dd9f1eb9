import { Workdir } from 'dockerfile-ast';
import { stripQuotes, type DockerInstruction, type Stage } from '../dockerfile.ts';
import type { ReviewFinding } from '../finding.ts';
import { block, code, finding, lineage, sources, type Rule, type RuleContext } from '../rule.ts';
import { parseShell } from '../shell.ts';
import { withParticle } from '../../core/korean-particles.ts';

/** Extensions ADD unpacks (hadolint's list, with zstd): ADD is the right tool for these. */
const ARCHIVES = [
  '.tar',
  '.z',
  '.bz2',
  '.gz',
  '.lz',
  '.lzma',
  '.tz',
  '.tb2',
  '.tbz',
  '.tbz2',
  '.tgz',
  '.tlz',
  '.tpz',
  '.txz',
  '.xz',
  '.zst',
  '.tzst',
];
/** ADD options COPY does not have. */
const ADD_ONLY_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack']);

/** DL3000, DL3020, DL3025, DL4003, DL4004 and DL3002: instructions used against their grain. */
export const instructionRules: Rule = (ctx) => [
  ...ctx.file.stages.flatMap((stage) => [
    ...perInstruction(stage, ctx),
    ...repeated(stage, 'CMD', ctx),
    ...repeated(stage, 'ENTRYPOINT', ctx),
  ]),
  ...rootUser(ctx),
];

function perInstruction(stage: Stage, ctx: RuleContext): ReviewFinding[] {
  return stage.instructions.flatMap((instruction) => {
    switch (instruction.keyword) {
      case 'WORKDIR':
        return relativeWorkdir(instruction, ctx);
      case 'ADD':
        return addForPlainFiles(instruction, ctx);
      case 'CMD':
      case 'ENTRYPOINT':
        return shellForm(instruction, ctx);
      default:
        return [];
    }
  });
}

function relativeWorkdir(at: DockerInstruction, ctx: RuleContext): ReviewFinding[] {
  const path = stripQuotes(at.args.trim());
  if (!path || path.startsWith('/') || path.startsWith('$') || /^[A-Za-z]:[\\/]?/.test(path)) return [];
  const { t } = ctx;
  const absolute = at.node instanceof Workdir ? at.node.getAbsolutePath() : undefined;
  const suggestion =
    typeof absolute === 'string' && absolute.startsWith('/') ? absolute : `/app/${path.replace(/^\.\//, '')}`;
  return [
    finding('DL3000', at, {
      title: t({ ko: 'WORKDIR가 상대 경로예요', en: 'WORKDIR is a relative path' }),
      detail: t({
        ko: `상대 경로(${code(path)})는 앞선 WORKDIR에, 없으면 베이스 이미지의 작업 디렉터리에 이어 붙어요. 베이스 이미지나 앞줄이 바뀌면 파일이 엉뚱한 곳에 놓여요.`,
        en: `${code(path)} is joined to the WORKDIR before it, or the base image's working directory: change either and files land elsewhere.`,
      }),
      next: t({
        ko: `절대 경로로 적으세요: ${code(`WORKDIR ${suggestion}`)}`,
        en: `Write an absolute path: ${code(`WORKDIR ${suggestion}`)}`,
      }),
    }),
  ];
}

function addForPlainFiles(at: DockerInstruction, ctx: RuleContext): ReviewFinding[] {
  if (at.heredocs.length) return [];
  const list = sources(at);
  if (list.length === 0 || list.some((s) => isArchive(s) || isRemote(s))) return [];
  const { t } = ctx;
  const flags = at.flags
    .filter((f) => !ADD_ONLY_FLAGS.has(f.name))
    .map((f) => (f.value === null ? `--${f.name}` : `--${f.name}=${f.value}`));
  const copy = ['COPY', ...flags, at.args.trim()].join(' ');
  return [
    finding('DL3020', at, {
      title: t({ ko: 'ADD 대신 COPY로 충분해요', en: 'COPY does this; ADD is not needed' }),
      detail: t({
        ko: 'ADD는 로컬 tar 압축을 자동으로 풀고 URL도 받아 오는 특별한 명령이에요. 파일·폴더를 그대로 옮길 때는 하는 일이 분명한 COPY를 써요 (압축을 풀어 넣을 때만 ADD — 실습 4-2의 `ADD webapp.tar.gz`처럼).',
        en: 'ADD auto-extracts local tar archives and fetches URLs. To copy files and folders as they are, COPY says exactly that (ADD only to unpack an archive, like lab 4-2’s `ADD webapp.tar.gz`).',
      }),
      next: code(copy),
    }),
  ];
}

function isArchive(source: string): boolean {
  const lower = source.toLowerCase();
  return ARCHIVES.some((ext) => lower.endsWith(ext));
}

function isRemote(source: string): boolean {
  return /^(https?|git|ssh):\/\//i.test(source) || source.startsWith('git@');
}

function shellForm(at: DockerInstruction, ctx: RuleContext): ReviewFinding[] {
  const text = at.args.trim();
  if (at.exec || !text) return [];
  const { t } = ctx;
  const keyword = at.keyword;
  const script = parseShell(text);
  const [only] = script.commands;
  const simple =
    script.commands.length === 1 &&
    script.pipes === 0 &&
    only !== undefined &&
    only.assignments.length === 0 &&
    only.heredocs.length === 0 &&
    ![only.name, ...only.args].some((w) => /[$*?~]/.test(w));
  const next = simple
    ? t({ ko: 'exec 형식(JSON 배열)으로 쓰세요: ', en: 'Use the exec form (a JSON array): ' }) +
      code(`${keyword} ${JSON.stringify([only.name, ...only.args]).replace(/","/g, '", "')}`)
    : script.commands.length === 1
      ? t({
          ko: `변수를 풀어야 하면 셸을 거치되 \`exec\`으로 앱이 셸 자리를 이어받게 하세요: `,
          en: `If variables must be expanded, go through the shell but let the app take its place with \`exec\`: `,
        }) + code(`${keyword} ${JSON.stringify(['sh', '-c', `exec ${text}`]).replace(/","/g, '", "')}`)
      : t({
          ko: '명령이 여럿이면 스크립트로 옮기고 마지막 줄을 `exec <앱>`으로 끝낸 뒤 `ENTRYPOINT ["/entrypoint.sh"]`처럼 exec 형식으로 부르세요.',
          en: 'For several commands, move them into a script whose last line is `exec <app>`, and call it in exec form: `ENTRYPOINT ["/entrypoint.sh"]`.',
        });
  const entrypointNote =
    keyword === 'ENTRYPOINT'
      ? t({
          ko: ' 셸 형식 ENTRYPOINT는 CMD와 `docker run`에 준 인자도 무시해요.',
          en: ' A shell-form ENTRYPOINT also ignores CMD and the arguments given to `docker run`.',
        })
      : '';
  return [
    finding('DL3025', at, {
      title: t({
        ko: `${withParticle(`\`${keyword}\``, '이/가')} 셸 형식이에요`,
        en: `\`${keyword}\` is in shell form`,
      }),
      detail:
        t({
          ko: '셸 형식은 `/bin/sh -c`로 감싸 실행돼서 앱이 PID 1이 아니에요. `docker stop`의 SIGTERM이 앱에 닿지 않아, 10초를 기다린 뒤 강제로 종료(SIGKILL)돼요.',
          en: 'The shell form runs under `/bin/sh -c`, so the app is not PID 1: the SIGTERM of `docker stop` never reaches it, and it is killed (SIGKILL) after 10 seconds.',
        }) + entrypointNote,
      next,
    }),
  ];
}

function repeated(stage: Stage, keyword: 'CMD' | 'ENTRYPOINT', ctx: RuleContext): ReviewFinding[] {
  const all = stage.instructions.filter((i) => i.keyword === keyword);
  const { t } = ctx;
  return all.slice(1).map((later, i) => {
    const ignored = all.slice(0, i + 1).map((e) => e.line);
    const lines = ignored.join(', ');
    return finding(
      keyword === 'CMD' ? 'DL4003' : 'DL4004',
      later,
      {
        title: t({ ko: `${withParticle(keyword, '이/가')} 여러 개예요`, en: `More than one ${keyword}` }),
        detail: t({
          ko: `한 단계에서 ${withParticle(keyword, '은/는')} 마지막 것 하나만 효과가 있어서, ${lines}행의 ${withParticle(keyword, '은/는')} 무시돼요. 한 컨테이너에는 애플리케이션 하나 — 프로그램을 여럿 띄우려면 컨테이너를 나누고 Compose로 묶어요(5장).`,
          en: `Only the last ${keyword} of a stage takes effect: the one on line ${lines} is ignored. One application per container — to run several programs, split them into containers and tie them together with Compose (chapter 5).`,
        }),
        next: t({ ko: `쓸 ${keyword} 하나만 남기세요.`, en: `Keep the one ${keyword} you mean.` }),
      },
      { evidence: [...all.slice(0, i + 1), later] },
    );
  });
}

/** DL3002: the last USER of the image (the final stage, or the stage it builds on) is root. */
function rootUser(ctx: RuleContext): ReviewFinding[] {
  const { t } = ctx;
  let user: DockerInstruction | undefined;
  for (const stage of lineage(ctx.file, ctx.final)) {
    user = stage.instructions.filter((i) => i.keyword === 'USER').at(-1);
    if (user) break;
  }
  if (!user) return [];
  const name = stripQuotes(user.args.trim()).split(':')[0];
  if (name !== 'root' && name !== '0') return [];
  const base = ctx.final.from.name ?? '';
  const short = base.slice(base.lastIndexOf('/') + 1);
  const fix =
    short === 'node'
      ? block(['USER node'])
      : short === 'alpine' || (ctx.final.from.tag ?? '').includes('alpine')
        ? block(['RUN adduser -D app', 'USER app'])
        : block(['RUN useradd --system --create-home app', 'USER app']);
  return [
    finding('DL3002', user, {
      title: t({ ko: '컨테이너가 root로 실행돼요', en: 'The container runs as root' }),
      detail: t({
        ko: `마지막 USER 설정(${code(user.args.trim())})이 root라서 앱이 root 권한으로 돌아요. 앱에 구멍이 나면 공격자도 컨테이너 안에서 root가 돼요.`,
        en: `The last USER is ${code(user.args.trim())}, so the app runs with root rights: whoever breaks into the app is root in the container too.`,
      }),
      next:
        t({
          ko: 'root가 필요한 설치는 그 앞에서 끝내고, 마지막에 일반 사용자로 바꾸세요:',
          en: 'Finish what needs root first, then switch to an ordinary user:',
        }) +
        '\n' +
        fix,
    }),
  ];
}

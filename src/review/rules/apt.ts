import type { DockerInstruction } from '../dockerfile.ts';
import type { ReviewFinding } from '../finding.ts';
import {
  aptAssumesYes,
  aptCall,
  aptSkipsRecommends,
  isAptInstall,
  isAptUpdate,
  removesAptLists,
  unpinned,
  type AptCall,
} from '../commands.ts';
import { block, code, finding, type Rule, type RuleContext } from '../rule.ts';
import { commandText, runText } from '../rewrite.ts';
import type { SimpleCommand } from '../shell.ts';
import { withParticle } from '../../core/korean-particles.ts';

const LISTS = '/var/lib/apt/lists';

/** DL3008, DL3009, DL3014, DL3015 and DH005: apt in RUN, as chapter 4 and the size playbook teach it. */
export const aptRules: Rule = (ctx) => {
  const shipped = new Set(ctx.shipped.map((s) => s.index));
  const findings: ReviewFinding[] = [];
  for (const stage of ctx.file.stages) {
    for (const run of stage.instructions) {
      if (run.keyword !== 'RUN' || !run.shell) continue;
      const commands = run.shell.commands;
      const installs = commands.filter(isAptInstall);
      const updates = commands.some(isAptUpdate);
      for (const install of installs) findings.push(...installFindings(run, install, ctx));
      if (updates && installs.length === 0 && !commands.some(upgrades)) {
        findings.push(updateAlone(run, stage.instructions, ctx));
      } else if (updates && shipped.has(stage.index) && !commands.some(removesAptLists) && !cachesLists(run)) {
        findings.push(listsLeft(run, ctx));
      }
    }
  }
  return findings;
};

function upgrades(command: SimpleCommand): boolean {
  const sub = aptCall(command)?.subcommand;
  return sub === 'upgrade' || sub === 'dist-upgrade' || sub === 'full-upgrade';
}

/** `RUN --mount=type=cache,target=/var/lib/apt/lists`: the lists never reach a layer. */
function cachesLists(run: DockerInstruction): boolean {
  const targets = run.flags
    .filter((f) => f.name === 'mount' && f.value)
    .map((f) => Object.fromEntries((f.value ?? '').split(',').map((kv) => kv.split('=') as [string, string])))
    .filter((m) => m.type === 'cache' || m.type === 'tmpfs')
    .map((m) => (m.target ?? m.dst ?? m.destination ?? '').replace(/\/+$/, ''));
  return targets.includes(LISTS) || (targets.includes('/var/lib/apt') && targets.includes('/var/cache/apt'));
}

function installFindings(run: DockerInstruction, install: SimpleCommand, ctx: RuleContext): ReviewFinding[] {
  const { t } = ctx;
  const call = aptCall(install) as AptCall;
  const findings: ReviewFinding[] = [];
  const tool = install.name;
  if (!aptAssumesYes(call)) {
    findings.push(
      finding('DL3014', run, {
        title: t({ ko: `\`${tool} install\`에 \`-y\`가 없어요`, en: `\`${tool} install\` without \`-y\`` }),
        detail: t({
          ko: `설치할 패키지가 더 딸려 오면 apt는 \`Do you want to continue? [Y/n]\`라고 묻는데, 빌드 중에는 아무도 답할 수 없어서 \`Abort.\`로 빌드가 실패해요.`,
          en: `When more packages come along, apt asks \`Do you want to continue? [Y/n]\`; nobody can answer during a build, so it prints \`Abort.\` and the build fails.`,
        }),
        next: t({
          ko: `\`-y\`를 붙여 묻지 않고 설치하게 하세요: ${code(commandText(install, ['-y']))}`,
          en: `Add \`-y\` so it installs without asking: ${code(commandText(install, ['-y']))}`,
        }),
      }),
    );
  }
  if (!aptSkipsRecommends(call)) {
    findings.push(
      finding('DL3015', run, {
        title: t({ ko: '추천 패키지까지 함께 설치돼요', en: 'Recommended packages are installed too' }),
        detail: t({
          ko: `apt는 기본으로 "추천(Recommends)" 패키지까지 깔아요. 대부분 컨테이너에는 필요 없고 이미지만 수십 MB 커져요.`,
          en: `By default apt also installs "Recommends" packages. A container rarely needs them; they add tens of MB.`,
        }),
        next: t({
          ko: `${code(commandText(install, ['--no-install-recommends']))} — 정말 필요한 패키지가 빠지면 그 이름만 목록에 더하세요.`,
          en: `${code(commandText(install, ['--no-install-recommends']))} — if something you need goes missing, name just that package.`,
        }),
      }),
    );
  }
  const loose = unpinned(call.packages);
  if (loose.length > 0) {
    const first = loose[0] ?? '';
    findings.push(
      finding('DL3008', run, {
        title: t({ ko: 'apt 패키지 버전이 고정되지 않았어요', en: 'apt packages are not pinned to versions' }),
        detail: t({
          ko: `버전 없이 적은 패키지(${loose.map(code).join(', ')})는 빌드하는 날의 최신 버전으로 깔려서, 다시 빌드하면 다른 버전이 들어올 수 있어요. 다만 데비안·우분투 저장소는 옛 버전을 지우기도 해서 고정한 버전이 사라지면 빌드가 실패해요 — 실습용 이미지라면 넘어가도 돼요.`,
          en: `${loose.map(code).join(', ')} install whatever is newest on build day, so a rebuild may bring other versions. Debian and Ubuntu also drop old versions, so a pinned one can vanish and fail the build — for a practice image, fine to skip.`,
        }),
        next: t({
          ko: `같은 이미지를 다시 만들 수 있어야 한다면 ${withParticle(`\`apt-cache policy ${first}\``, '으로/로')} 버전을 보고 ${code(`${first}=<버전>`)}처럼 적으세요. 베이스 이미지 태그를 고정하는 것만으로도 많이 안정돼요.`,
          en: `If the image must be reproducible, look the version up with \`apt-cache policy ${first}\` and write ${code(`${first}=<version>`)}. Pinning the base image tag already steadies a lot.`,
        }),
      }),
    );
  }
  return findings;
}

function listsLeft(run: DockerInstruction, ctx: RuleContext): ReviewFinding {
  const { t } = ctx;
  const fixed = runText(run, ['rm -rf /var/lib/apt/lists/*']);
  return finding('DL3009', run, {
    title: t({ ko: 'apt 패키지 목록이 이미지에 남아요', en: 'The apt package lists stay in the image' }),
    detail: t({
      ko: `\`apt-get update\`가 받은 패키지 목록(${LISTS}, 수십 MB)을 같은 RUN에서 지우지 않았어요. 레이어는 쌓이기만 해서, 다음 RUN에서 지워도 이미지는 줄지 않아요.`,
      en: `The package lists \`apt-get update\` fetched (${LISTS}, tens of MB) are not removed in the same RUN. Layers only add up: deleting them in a later RUN does not shrink the image.`,
    }),
    next: fixed
      ? t({ ko: '같은 RUN 끝에서 지우세요:', en: 'Remove them at the end of the same RUN:' }) + '\n' + block(fixed)
      : t({
          ko: '같은 RUN 끝에 `&& rm -rf /var/lib/apt/lists/*`를 붙이세요.',
          en: 'End the same RUN with `&& rm -rf /var/lib/apt/lists/*`.',
        }),
  });
}

function updateAlone(run: DockerInstruction, stage: DockerInstruction[], ctx: RuleContext): ReviewFinding {
  const { t } = ctx;
  const later = stage.find((i) => i.line > run.line && i.shell?.commands.some(isAptInstall));
  const install = later?.shell?.commands.find(isAptInstall);
  const update = run.shell?.commands.find(isAptUpdate);
  const merged =
    install && update
      ? block([`RUN ${commandText(update)} \\`, ` && ${commandText(install)} \\`, ' && rm -rf /var/lib/apt/lists/*'])
      : block([
          'RUN apt-get update \\',
          ` && apt-get install -y --no-install-recommends ${t({ ko: '<패키지>', en: '<packages>' })} \\`,
          ' && rm -rf /var/lib/apt/lists/*',
        ]);
  return finding(
    'DH005',
    run,
    {
      title: t({ ko: '`apt-get update`가 혼자 RUN에 있어요', en: '`apt-get update` has a RUN of its own' }),
      detail: t({
        ko: `이 RUN은 한 번 캐시되면 다시 실행되지 않아요. 나중에 ${later ? `${later.line}행의 ` : ''}설치 목록을 바꿔도 예전에 받아 둔 목록으로 설치하다가 \`404 Not Found\`로 실패하거나 옛 버전을 받아요. 받은 목록(수십 MB)도 이 레이어에 그대로 남아요.`,
        en: `Once cached, this RUN never runs again. When the install${later ? ` on line ${later.line}` : ''} changes later, apt installs from the old lists and fails with \`404 Not Found\` or gets old versions. The lists (tens of MB) also stay in this layer.`,
      }),
      next:
        t({
          ko: '목록 받기, 설치, 목록 지우기를 한 RUN으로 합치세요:',
          en: 'Fetch the lists, install and remove the lists in one RUN:',
        }) +
        '\n' +
        merged,
    },
    { evidence: later ? [run, later] : [run] },
  );
}

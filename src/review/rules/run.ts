import { basename, type DockerInstruction, type Stage } from '../dockerfile.ts';
import type { ReviewFinding } from '../finding.ts';
import { block, code, finding, lineage, type Rule, type RuleContext } from '../rule.ts';
import { commandText } from '../rewrite.ts';
import type { SimpleCommand } from '../shell.ts';

/** DL3003 (`cd`), DL3059 (consecutive one-command RUNs), DL4006 (pipes without pipefail). */
export const runRules: Rule = (ctx) =>
  ctx.file.stages.flatMap((stage) => [...cdInRun(stage, ctx), ...consecutiveRuns(stage, ctx), ...pipefail(stage, ctx)]);

function cdInRun(stage: Stage, ctx: RuleContext): ReviewFinding[] {
  const { t } = ctx;
  return stage.instructions.flatMap((run) => {
    const cd = run.shell?.commands.find((c) => c.name === 'cd');
    if (run.keyword !== 'RUN' || !cd) return [];
    const dir = cd.args.find((a) => !a.startsWith('-'));
    const workdir = dir?.startsWith('/')
      ? `WORKDIR ${dir}`
      : t({ ko: 'WORKDIR <디렉터리>', en: 'WORKDIR <directory>' });
    return [
      finding('DL3003', run, {
        title: t({ ko: 'RUN 안에서 `cd`로 디렉터리를 옮겨요', en: 'The RUN changes directory with `cd`' }),
        detail: t({
          ko: '`cd`는 그 RUN 안에서만 효과가 있어서 뒤 명령이 어디서 실행되는지 따라가기 어려워요. 작업 디렉터리는 WORKDIR로 정하면 이후의 RUN·COPY·CMD에 모두 적용돼요.',
          en: '`cd` lasts only for that RUN, which makes it hard to follow where later commands run. WORKDIR sets the working directory for every later RUN, COPY and CMD.',
        }),
        next: t({
          ko: `RUN 앞에 WORKDIR 줄(${code(workdir)})을 두고 \`cd\`를 빼세요.`,
          en: `Put ${code(workdir)} before the RUN and drop the \`cd\`.`,
        }),
      }),
    ];
  });
}

/**
 * hadolint's DL3059: a RUN right after another RUN (comments between are fine) with the same
 * flags, both running one command only. Chained RUNs (`a && b`) count as deliberate.
 */
function consecutiveRuns(stage: Stage, ctx: RuleContext): ReviewFinding[] {
  const { t } = ctx;
  const findings: ReviewFinding[] = [];
  stage.instructions.forEach((run, i) => {
    const previous = stage.instructions[i - 1];
    if (run.keyword !== 'RUN' || previous?.keyword !== 'RUN') return;
    if (flagsKey(run) !== flagsKey(previous) || commandCount(run) !== 1 || commandCount(previous) !== 1) return;
    const first = previous.shell?.commands[0];
    const second = run.shell?.commands[0];
    const merged =
      first && second && !previous.exec && !run.exec
        ? '\n' + block([`RUN ${commandText(first)} \\`, ` && ${commandText(second)}`])
        : '';
    findings.push(
      finding(
        'DL3059',
        run,
        {
          title: t({ ko: 'RUN이 연달아 있어요', en: 'Consecutive RUN instructions' }),
          detail: t({
            ko: `RUN 하나가 레이어 하나예요. ${previous.line}행과 이 줄처럼 명령이 하나뿐인 RUN이 이어지면 \`&&\`로 묶어 레이어를 줄일 수 있어요 (4장 "레이어 최소화").`,
            en: `Each RUN is a layer. One-command RUNs in a row, like line ${previous.line} and this one, can be joined with \`&&\` into one layer (chapter 4, "few layers").`,
          }),
          next: t({ ko: '한 RUN으로 합치세요:', en: 'Join them into one RUN:' }) + merged,
        },
        { evidence: [previous, run] },
      ),
    );
  });
  return findings;
}

function flagsKey(run: DockerInstruction): string {
  return run.flags
    .map((f) => `${f.name}=${f.value ?? ''}`)
    .sort()
    .join(' ');
}

function commandCount(run: DockerInstruction): number {
  return run.shell?.commands.length ?? 0;
}

type ShellKind = 'posix' | 'pipefail' | 'other';

function pipefail(stage: Stage, ctx: RuleContext): ReviewFinding[] {
  const { t } = ctx;
  // SHELL is part of the image: a stage built FROM an earlier one starts with its shell.
  let shell: ShellKind = inheritedShell(stage, ctx);
  const findings: ReviewFinding[] = [];
  for (const instruction of stage.instructions) {
    if (instruction.keyword === 'SHELL' && instruction.exec) shell = shellKind(instruction.exec);
    if (instruction.keyword !== 'RUN' || instruction.exec || !instruction.shell || shell !== 'posix') continue;
    const { commands, pipes } = instruction.shell;
    if (pipes === 0 || setsPipefailFirst(commands)) continue;
    const alpine = isAlpine(stage, ctx);
    const shellLine = alpine
      ? 'SHELL ["/bin/ash", "-eo", "pipefail", "-c"]'
      : 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]';
    findings.push(
      finding('DL4006', instruction, {
        title: t({ ko: '파이프(`|`)가 있는 RUN에 pipefail이 없어요', en: 'A RUN with a pipe (`|`) and no pipefail' }),
        detail: t({
          ko: '`/bin/sh`에서 파이프 전체의 종료 코드는 마지막 명령의 것이에요. `curl … | tar …`에서 다운로드가 실패해도 tar가 성공하면 빌드는 그대로 지나가서, 망가진 이미지가 만들어져요.',
          en: 'Under `/bin/sh` a pipeline exits with its last command’s status: when `curl … | tar …` fails to download but tar succeeds, the build goes on and makes a broken image.',
        }),
        next: alpine
          ? t({
              ko: `이 RUN 앞에 SHELL을 두거나 RUN을 \`set -o pipefail &&\`로 시작하세요:`,
              en: `Put a SHELL before this RUN, or start the RUN with \`set -o pipefail &&\`:`,
            }) +
            '\n' +
            block([shellLine])
          : t({
              ko: '이 RUN 앞에 bash로 바꾸는 SHELL을 두세요 (데비안·우분투의 `/bin/sh`인 dash는 `set -o pipefail`을 몰라요):',
              en: 'Put a SHELL that switches to bash before this RUN (dash, the `/bin/sh` of Debian and Ubuntu, does not know `set -o pipefail`):',
            }) +
            '\n' +
            block([shellLine]),
      }),
    );
  }
  return findings;
}

function inheritedShell(stage: Stage, ctx: RuleContext): ShellKind {
  for (const ancestor of lineage(ctx.file, stage).slice(1)) {
    const last = ancestor.instructions.filter((i) => i.keyword === 'SHELL' && i.exec).at(-1);
    if (last?.exec) return shellKind(last.exec);
  }
  return 'posix';
}

/** hadolint's reading of SHELL: bash, zsh or ash with `-o pipefail` is safe; pwsh and cmd are not POSIX shells. */
function shellKind(exec: string[]): ShellKind {
  const program = exec[0] ?? '';
  if (/^(pwsh|powershell|cmd)/i.test(basename(program))) return 'other';
  const safe = ['bash', 'zsh', 'ash'].includes(basename(program)) && hasPipefail(exec.slice(1));
  return safe ? 'pipefail' : 'posix';
}

function hasPipefail(args: string[]): boolean {
  return args.some((arg, i) => arg === 'pipefail' && /^-[A-Za-z]*o$/.test(args[i - 1] ?? ''));
}

/** `set -o pipefail` (or `set -eo pipefail`…) before the first pipeline starts. */
function setsPipefailFirst(commands: SimpleCommand[]): boolean {
  const piped = commands.findIndex((c) => c.connector === '|' || c.connector === '|&');
  const set = commands.findIndex((c) => c.name === 'set' && hasPipefail(c.args));
  return set >= 0 && set < piped - 1;
}

function isAlpine(stage: Stage, ctx: RuleContext): boolean {
  return lineage(ctx.file, stage).some((s) => `${s.from.name ?? ''}:${s.from.tag ?? ''}`.includes('alpine'));
}

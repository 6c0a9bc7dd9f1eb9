import type { Localized } from '../../core/locale.ts';
import { isSecretKey, scan, scanEnvEntry } from '../../core/redact.ts';
import type { DockerInstruction } from '../dockerfile.ts';
import type { ReviewFinding } from '../finding.ts';
import { block, finding, type Rule, type RuleContext } from '../rule.ts';

/** How a kind of secret is named to members; kinds added to redaction later fall back to their id. */
const KIND_NAMES: Record<string, Localized> = {
  'key-name': { ko: '비밀 이름의 값', en: 'a secret-named value' },
  'url-credentials': { ko: 'URL 안의 비밀번호', en: 'a password in a URL' },
  'aws-access-key': { ko: 'AWS 액세스 키', en: 'an AWS access key' },
  'github-token': { ko: 'GitHub 토큰', en: 'a GitHub token' },
  'slack-token': { ko: 'Slack 토큰', en: 'a Slack token' },
  'discord-token': { ko: 'Discord 토큰', en: 'a Discord token' },
  jwt: { ko: 'JWT', en: 'a JWT' },
  'bearer-token': { ko: '인증 헤더의 토큰', en: 'an authorization token' },
  'private-key': { ko: '개인 키', en: 'a private key' },
};

interface Leak {
  /** Names of the variables holding secrets, or the kinds of secret seen (never values). */
  what: string[];
  /** A secret-named ARG without a default: the value comes with `--build-arg`. */
  argWithoutValue: boolean;
}

/** DH002: a secret-looking value in ENV, ARG, LABEL or a command line. The value itself is never shown. */
export const secretRule: Rule = (ctx) =>
  ctx.file.instructions.flatMap((instruction) => {
    const leak = leakIn(instruction, ctx);
    return leak ? [secretFinding(instruction, leak, ctx)] : [];
  });

function leakIn(instruction: DockerInstruction, ctx: RuleContext): Leak | undefined {
  const { t } = ctx;
  if (instruction.properties.length) {
    const named: string[] = [];
    let withoutValue = false;
    for (const { name, value } of instruction.properties) {
      if (value === null) {
        if (instruction.keyword === 'ARG' && isSecretKey(name)) {
          named.push(name);
          withoutValue = true;
        }
      } else if (value !== '' && scanEnvEntry(`${name}=${value}`).kinds.length) named.push(name);
    }
    return named.length ? { what: named, argWithoutValue: withoutValue && named.length === 1 } : undefined;
  }
  if (instruction.keyword === 'FROM') return undefined;
  // Commands: token shapes anywhere, and `NAME=value` words with a literal value (`$(cat /run/secrets/x)` is the fix, not a leak).
  const kinds = scan(instruction.source).kinds.filter((k) => k !== 'key-name');
  const assigned = (instruction.shell?.commands ?? []).flatMap((c) =>
    c.assignments.filter((a) => isSecretKey(a.name) && a.value !== '' && !a.value.includes('$')).map((a) => a.name),
  );
  const what = [...assigned, ...kinds.map((k) => t(KIND_NAMES[k] ?? { ko: k, en: k }))];
  return what.length ? { what: [...new Set(what)], argWithoutValue: false } : undefined;
}

function secretFinding(at: DockerInstruction, leak: Leak, ctx: RuleContext): ReviewFinding {
  const { t } = ctx;
  const names = leak.what.map((w) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(w) ? `\`${w}\`` : w)).join(', ');
  const id = (leak.what.find((w) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(w)) ?? 'secret').toLowerCase();
  const buildSecret =
    t({
      ko: '빌드 중에만 필요하면 BuildKit secret mount로 넘기세요. 그 RUN 동안만 파일로 보이고 레이어와 history에 남지 않아요:',
      en: 'If only the build needs it, pass it as a BuildKit secret mount: a file for that RUN only, never in a layer or the history:',
    }) +
    '\n' +
    block([`RUN --mount=type=secret,id=${id} ${t({ ko: '<명령>', en: '<command>' })}  # /run/secrets/${id}`]) +
    '\n' +
    t({
      ko: `빌드: \`docker build --secret id=${id},src=./${id}.txt .\` — 이미 push한 값이면 먼저 폐기·교체하세요.`,
      en: `Build with \`docker build --secret id=${id},src=./${id}.txt .\` — if the value was already pushed, revoke and rotate it first.`,
    });
  const hidden = t({ ko: ' (값은 여기 보여 주지 않아요.)', en: ' (The value is not shown here.)' });
  switch (at.keyword) {
    case 'ENV':
      return finding('DH002', at, {
        title: t({ ko: 'ENV에 비밀값이 들어 있어요', en: 'A secret in ENV' }),
        detail:
          t({
            ko: `${names}의 값이 이미지 설정에 영구히 남아요. 이미지를 push하면 pull할 수 있는 누구나 \`docker image inspect\`로 그대로 읽어요.`,
            en: `The value of ${names} stays in the image configuration for good: once pushed, anyone who can pull the image reads it with \`docker image inspect\`.`,
          }) + hidden,
        next:
          t({
            ko: '이미지에서 빼고 실행할 때 넣으세요: `docker run --env-file app.env …`, Compose의 `secrets:`(`/run/secrets/<이름>` 파일), ECS는 Secrets Manager. ',
            en: 'Leave it out of the image and give it at run time: `docker run --env-file app.env …`, Compose `secrets:` (a file in `/run/secrets/<name>`), Secrets Manager on ECS. ',
          }) + buildSecret,
      });
    case 'ARG':
      return finding(
        'DH002',
        at,
        {
          title: t({ ko: 'ARG로 비밀값을 넘겨요', en: 'A secret passed as a build ARG' }),
          detail:
            (leak.argWithoutValue
              ? t({
                  ko: `\`--build-arg\`로 받은 ${names}의 값은 그 ARG를 쓴 RUN과 함께 \`docker image history\`에 기록될 수 있고, 명령줄·CI 로그에도 남아요.`,
                  en: `The value of ${names} given with \`--build-arg\` can be recorded with the RUN that uses it in \`docker image history\`, and stays in shell history and CI logs.`,
                })
              : t({
                  ko: `${names}의 기본값이 Dockerfile에 적혀 있고, 그 ARG를 쓴 RUN과 함께 \`docker image history\`에 기록될 수 있어요.`,
                  en: `The default of ${names} is written in the Dockerfile and can be recorded with the RUN that uses it in \`docker image history\`.`,
                })) + hidden,
          next: buildSecret,
        },
        leak.argWithoutValue ? { severity: 'warning' } : {},
      );
    default:
      return finding('DH002', at, {
        title: t({ ko: `${at.keyword}에 비밀값이 적혀 있어요`, en: `A secret is written into ${at.keyword}` }),
        detail:
          t({
            ko: `다음 비밀이 보여요: ${names}. 이 줄은 \`docker image history\`와 Dockerfile을 보는 모든 사람에게 그대로 남아요.`,
            en: `It holds ${names}. This line stays readable in \`docker image history\` and to everyone who reads the Dockerfile.`,
          }) + hidden,
        next: buildSecret,
      });
  }
}

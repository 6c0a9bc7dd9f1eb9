import type { Localized } from '../core/locale.ts';
import { withParticle } from '../core/korean-particles.ts';

export type StartErrorKind =
  | 'port-allocated'
  | 'command-not-found'
  | 'permission-denied'
  | 'no-such-file'
  | 'exec-format'
  | 'mount-source'
  | 'network-missing'
  | 'other';

/** What a container's State.Error means, in words a beginner can act on. */
export interface StartErrorExplanation {
  kind: StartErrorKind;
  explain: Localized;
  next: Localized;
  /** Preferred knowledge sections (`<doc>#<anchor>` or `#<anchor>`), used only if they exist. */
  refHints: string[];
  /** For a port conflict: the host address and port that was taken. */
  hostIp?: string;
  hostPort?: number;
  /** For exec failures: the command the runtime tried to start. */
  command?: string;
}

interface Rule {
  kind: StartErrorKind;
  pattern: RegExp;
  build: (m: RegExpExecArray) => Omit<StartErrorExplanation, 'kind'>;
}

/** One case-insensitive pattern matching any of the alternatives; their groups are numbered in order. */
function anyOf(...alternatives: string[]): RegExp {
  return new RegExp(alternatives.join('|'), 'i');
}

const RULES: Rule[] = [
  {
    kind: 'port-allocated',
    pattern: anyOf(
      String.raw`Bind for \[?([0-9a-f.:]*?)\]?:(\d+) failed: port is already allocated`,
      String.raw`listen \w+ \[?([0-9a-f.:]*?)\]?:(\d+): bind: address already in use`,
      String.raw`Ports are not available:.*?\[?([0-9a-f.:]*?)\]?:(\d+)`,
    ),
    build: (m) => {
      const hostIp = m[1] ?? m[3] ?? m[5] ?? '';
      const hostPort = Number(m[2] ?? m[4] ?? m[6]);
      return {
        hostIp,
        hostPort,
        explain: {
          ko: `호스트 포트 ${withParticle(String(hostPort), '을/를')} 이미 다른 컨테이너나 프로그램이 쓰고 있어서 컨테이너를 시작하지 못했어요.`,
          en:
            `Host port ${hostPort} is already taken by another container or program, ` +
            `so the container could not start.`,
        },
        next: {
          ko:
            `다른 호스트 포트를 쓰거나 (예: \`-p ${hostPort + 1}:…\`), 그 포트를 쓰는 컨테이너를 먼저 멈추세요 (\`docker ps --filter ` +
            `publish=${hostPort}\`).`,
          en:
            `Use another host port (e.g. \`-p ${hostPort + 1}:…\`) ` +
            `or stop the container holding it (\`docker ps --filter publish=${hostPort}\`).`,
        },
        refHints: ['port-already-allocated#fix', 'port-already-allocated#causes', '#exit-125'],
      };
    },
  },
  {
    kind: 'command-not-found',
    pattern: anyOf(
      String.raw`exec: "([^"]*)": executable file not found in \$PATH`,
      String.raw`exec: "([^"]*)": stat [^:]*: no such file or directory: unknown`,
    ),
    build: (m) => {
      const command = m[1] ?? m[2] ?? '';
      return {
        command,
        explain: {
          ko: `실행할 명령 ${withParticle(`\`${command}\``, '을/를')} 이미지 안에서 찾지 못했어요 (오타, 설치되지 않은 프로그램, PATH에 없는 경로).`,
          en:
            `The command \`${command}\` was not found in the image (a typo, a program that is not installed, ` +
            `or not on PATH).`,
        },
        next: {
          ko: 'CMD/ENTRYPOINT의 철자와 경로를 확인하고, 그 프로그램이 이미지에 설치되는지 Dockerfile을 보세요.',
          en: 'Check the spelling and path in CMD/ENTRYPOINT, and that the Dockerfile installs the program.',
        },
        refHints: ['#exit-127'],
      };
    },
  },
  {
    kind: 'permission-denied',
    pattern: /exec: "([^"]*)": permission denied/i,
    build: (m) => ({
      command: m[1] ?? '',
      explain: {
        ko: `\`${m[1] ?? ''}\`에 실행 권한이 없어요.`,
        en: `\`${m[1] ?? ''}\` is not executable.`,
      },
      next: {
        ko: 'Dockerfile에서 `RUN chmod +x …` 또는 `COPY --chmod=755 …`로 실행 권한을 주세요.',
        en: 'Make it executable in the Dockerfile: `RUN chmod +x …` or `COPY --chmod=755 …`.',
      },
      refHints: ['#exit-126'],
    }),
  },
  {
    kind: 'exec-format',
    pattern: /exec format error/i,
    build: () => ({
      explain: {
        ko: '실행 파일 형식이 맞지 않아요: 다른 CPU 아키텍처용 이미지(예: arm64 이미지를 amd64 호스트에서)이거나, 스크립트 첫 줄에 `#!`가 없어요.',
        en:
          'Wrong executable format: an image for another CPU architecture (e.g. ' +
          'arm64 on amd64), or a script without a `#!` line.',
      },
      next: {
        ko: '`docker image inspect`의 Architecture를 확인하고, `--platform`으로 맞는 이미지를 빌드하세요.',
        en: 'Check Architecture in `docker image inspect`, and build for the right `--platform`.',
      },
      refHints: ['#exit-126'],
    }),
  },
  {
    kind: 'mount-source',
    pattern: /bind source path does not exist:?\s*(\S*)|invalid mount config|error while creating mount source path/i,
    build: (m) => ({
      explain: {
        ko: `${withParticle(`바인드 마운트할 호스트 경로${m[1] ? ` \`${m[1]}\`` : ''}`, '이/가')} 없거나 마운트 설정이 잘못됐어요.`,
        en: `The host path to bind-mount${m[1] ? ` \`${m[1]}\`` : ''} does not exist, or the mount is misconfigured.`,
      },
      next: {
        ko: '`-v 호스트경로:컨테이너경로`의 호스트 경로가 Docker 호스트에 실제로 있는지 확인하세요 (절대 경로).',
        en: 'Check the host side of `-v host:container` exists on the Docker host (absolute path).',
      },
      refHints: ['#exit-125'],
    }),
  },
  {
    kind: 'network-missing',
    pattern: /network (\S+) not found/i,
    build: (m) => ({
      explain: {
        ko: `연결할 네트워크 ${withParticle(`\`${m[1] ?? ''}\``, '이/가')} 없어요 (삭제됐거나 이름이 달라요).`,
        en: `The network \`${m[1]}\` does not exist (removed, or a different name).`,
      },
      next: {
        ko: '`docker network ls`로 확인하고 네트워크를 만들거나 컨테이너를 다시 만드세요.',
        en: 'Check `docker network ls`, then create the network or recreate the container.',
      },
      refHints: ['#exit-125'],
    }),
  },
  {
    kind: 'no-such-file',
    pattern: /no such file or directory/i,
    build: () => ({
      explain: {
        ko: '시작할 파일을 찾지 못했어요: 경로 오타, 또는 스크립트의 인터프리터(`#!/bin/bash` 등)가 이미지에 없거나 줄 끝이 CRLF(윈도우)예요.',
        en:
          'A file to start was not found: a wrong path, or the script’s interpreter (`#!/bin/bash`…) ' +
          'is missing from the image, or it has CRLF (Windows) line endings.',
      },
      next: {
        ko: '경로를 확인하고, 스크립트의 `#!` 줄과 줄 끝(LF)을 확인하세요.',
        en: 'Check the path, the script’s `#!` line and its line endings (LF).',
      },
      refHints: ['#exit-127'],
    }),
  },
];

export function explainStartError(error: string): StartErrorExplanation {
  for (const rule of RULES) {
    const match = rule.pattern.exec(error);
    if (match) return { kind: rule.kind, ...rule.build(match) };
  }
  return {
    kind: 'other',
    explain: {
      ko: '도커가 컨테이너를 시작하지 못했어요. 아래 메시지가 원인이에요.',
      en: 'Docker could not start the container; the message below says why.',
    },
    next: {
      ko: '메시지를 검색해 보고, `docker run` 옵션을 확인하세요.',
      en: 'Search for the message and check the `docker run` options.',
    },
    refHints: ['#exit-125'],
  };
}

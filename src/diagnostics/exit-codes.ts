import type { Localized } from '../core/locale.ts';
import type { Severity } from './finding.ts';
import { withParticle } from '../core/korean-particles.ts';

/** What an exit code says about why a container stopped. */
export interface ExitMeaning {
  code: number;
  meaning: Localized;
  next: Localized;
  severity: Severity;
  /** Playbook section anchor that explains this code, when there is one. */
  anchor?: string;
}

const KNOWN: Record<number, Omit<ExitMeaning, 'code'>> = {
  0: {
    meaning: {
      ko: '명령이 정상적으로 끝났어요. 웹 서버처럼 계속 떠 있어야 한다면 포그라운드에서 도는 프로세스가 없다는 뜻이에요 (예: 데몬 모드로 실행, 스크립트가 끝남).',
      en:
        'The command finished normally. If it should keep running (a web server), ' +
        'nothing stays in the foreground (it daemonized, or the script ended).',
    },
    next: {
      ko: '서버를 포그라운드로 실행하세요 (예: `nginx -g "daemon off;"`, `apachectl -D FOREGROUND`). 한 번 실행하고 끝나는 작업이라면 정상이에요.',
      en:
        'Run the server in the foreground (e.g. `nginx -g "daemon off;"`, `apachectl -D FOREGROUND`). ' +
        'For a one-off job this is fine.',
    },
    severity: 'warning',
    anchor: 'exit-0',
  },
  1: {
    meaning: { ko: '애플리케이션이 오류로 끝났어요 (일반 오류).', en: 'The application failed (generic error).' },
    next: {
      ko: '`docker logs`의 마지막 줄에서 오류 메시지를 찾아보세요.',
      en: 'Look for the error in the last lines of `docker logs`.',
    },
    severity: 'error',
    anchor: 'exit-1',
  },
  125: {
    meaning: {
      ko: '도커가 컨테이너를 실행하지 못했어요 (`docker run` 옵션이나 데몬 쪽 문제).',
      en: 'Docker could not run the container (a `docker run` option or a daemon problem).',
    },
    next: {
      ko: '`docker run` 옵션을 확인하고 State.Error 메시지를 읽어 보세요.',
      en: 'Check the `docker run` options and read State.Error.',
    },
    severity: 'error',
    anchor: 'exit-125',
  },
  126: {
    meaning: {
      ko: '명령을 찾았지만 실행할 수 없어요 (실행 권한 없음, 디렉터리, 잘못된 형식).',
      en: 'The command was found but cannot be run (no execute permission, a directory, wrong format).',
    },
    next: {
      ko: '스크립트에 실행 권한을 주세요 (`RUN chmod +x …` 또는 `COPY --chmod=755`).',
      en: 'Make the script executable (`RUN chmod +x …` or `COPY --chmod=755`).',
    },
    severity: 'error',
    anchor: 'exit-126',
  },
  127: {
    meaning: {
      ko: '명령을 찾을 수 없어요 (오타, 이미지에 없는 프로그램, PATH 문제).',
      en: 'Command not found (a typo, a program the image lacks, or PATH).',
    },
    next: {
      ko: 'CMD/ENTRYPOINT의 명령 이름과 경로를 확인하고, 이미지에 그 프로그램이 설치돼 있는지 보세요.',
      en: 'Check the CMD/ENTRYPOINT command name and path, and that the image installs the program.',
    },
    severity: 'error',
    anchor: 'exit-127',
  },
  137: {
    meaning: {
      ko: 'SIGKILL로 강제 종료됐어요 (128+9): 메모리 초과(OOM), `docker kill`, 또는 `docker stop`의 유예 시간 초과.',
      en: 'Killed by SIGKILL (128+9): out of memory, `docker kill`, or `docker stop` timing out.',
    },
    next: {
      ko: 'OOMKilled 값을 보세요. 메모리 초과라면 `--memory`를 늘리거나 앱의 메모리 사용을 줄이세요. 아니라면 앱이 SIGTERM을 처리하는지(exec 형식 CMD) 확인하세요.',
      en:
        'Look at OOMKilled. If out of memory, raise `--memory` or reduce usage; ' +
        'otherwise check the app handles SIGTERM (exec-form CMD).',
    },
    severity: 'warning',
    anchor: 'exit-137',
  },
  139: {
    meaning: {
      ko: '세그멘테이션 오류로 죽었어요 (128+11, SIGSEGV): 프로그램이나 라이브러리의 버그, 아키텍처/라이브러리 불일치.',
      en:
        'Segmentation fault (128+11, SIGSEGV): a bug in the program or a library, ' +
        'or an architecture/library mismatch.',
    },
    next: {
      ko: '이미지의 아키텍처와 호스트가 맞는지, 네이티브 라이브러리 버전이 맞는지 확인하세요.',
      en: 'Check the image architecture matches the host and native library versions match.',
    },
    severity: 'error',
    anchor: 'exit-139',
  },
  143: {
    meaning: {
      ko: 'SIGTERM으로 정상 중지됐어요 (128+15): 보통 `docker stop`이나 오케스트레이터의 중지 요청이에요.',
      en: 'Stopped by SIGTERM (128+15): usually `docker stop` or an orchestrator asking it to stop.',
    },
    next: {
      ko: '의도한 중지라면 괜찮아요. 다시 실행하려면 `docker start`.',
      en: 'Fine if it was meant to stop. Start it again with `docker start`.',
    },
    severity: 'info',
    anchor: 'exit-143',
  },
};

export function exitMeaning(code: number): ExitMeaning {
  const known = KNOWN[code];
  if (known) return { code, ...known };
  if (code > 128 && code < 128 + 65) {
    const signal = code - 128;
    return {
      code,
      meaning: {
        ko: `시그널 ${signal}번을 받고 종료됐어요 (128+${signal}).`,
        en: `Terminated by signal ${signal} (128+${signal}).`,
      },
      next: {
        ko: '누가 그 시그널을 보냈는지(`docker kill -s`, 호스트) 확인하세요.',
        en: 'Find what sent the signal (`docker kill -s`, the host).',
      },
      severity: 'error',
    };
  }
  return {
    code,
    meaning: {
      ko: `애플리케이션이 자체 오류 코드 ${withParticle(String(code), '으로/로')} 끝났어요.`,
      en: `The application exited with its own error code ${code}.`,
    },
    next: {
      ko: '`docker logs`의 마지막 줄과 앱 문서에서 이 코드의 뜻을 찾아보세요.',
      en: 'Look at the last lines of `docker logs` and the app’s documentation for this code.',
    },
    severity: 'error',
    anchor: 'exit-1',
  };
}

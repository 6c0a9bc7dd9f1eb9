import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/core/locale.ts';
import { blocksOf, firstSentence } from '../../src/knowledge/answer/blocks.ts';
import { composeAnswer } from '../../src/knowledge/answer/compose.ts';
import { readPlaybook } from '../../src/knowledge/answer/playbook.ts';
import { readableRefs, refsIn } from '../../src/knowledge/answer/refs.ts';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { defined } from '../support/defined.ts';

const knowledge = KnowledgeBase.load(join(PROJECT_ROOT, 'knowledge'), PROJECT_ROOT);
const ko = translator('ko');

function answer(query: string) {
  const result = knowledge.search(query, 8);
  return defined(composeAnswer(result.question, result.hits, knowledge, ko), `an answer to ${query}`);
}

/** The text between a bold part heading and the next one. */
function part(text: string, heading: RegExp): string {
  const start = text.search(heading);
  if (start < 0) return '';
  const rest = text.slice(start + 1);
  const next = rest.search(/\n\*\*(?:확인|해결|다른 원인|내 컨테이너로 확인하기)/);
  return next < 0 ? rest : rest.slice(0, next);
}

describe('a playbook answer', () => {
  it('leads with the causes, then how to check (commands as code) and the fix; the symptom is left out', () => {
    const { title, text, sectionIds } = answer('port is already allocated');
    expect(title).toBe('port is already allocated: 포트가 이미 사용 중이에요');
    const causes = text.indexOf('**가장 흔한 원인');
    const check = text.indexOf('**확인**');
    const fix = text.indexOf('**해결**');
    expect(causes).toBe(0);
    expect(check).toBeGreaterThan(causes);
    expect(fix).toBeGreaterThan(check);
    expect(part(text, /\*\*확인\*\*/)).toMatch(/```bash\ndocker ps --filter publish=8080/);
    expect(text).toContain('`-p 8081:80`');
    // The symptom restates the error the member already has.
    expect(text).not.toContain('driver failed programming external connectivity');
    expect(sectionIds).toEqual([
      'troubleshooting/port-already-allocated#causes',
      'troubleshooting/port-already-allocated#check',
      'troubleshooting/port-already-allocated#fix',
    ]);
  });

  it('ranks the causes for what the question says, commonest first when it says nothing more', () => {
    expect(answer('port is already allocated').text).toMatch(/^\*\*가장 흔한 원인: 다른 컨테이너가 이미 그 호스트 포트를 쓰고 있음\*\*/);
    const windows = answer(
      '윈도우 docker desktop 인데 아무것도 안 띄웠는데도 이래요\n' +
        'Error response from daemon: Ports are not available: exposing port TCP 0.0.0.0:3000 -> 0.0.0.0:0: listen tcp 0.0.0.0:3000: bind: ' +
        'An attempt was made to access a socket in a way forbidden by its access permissions.',
    );
    expect(windows.text).toMatch(/\*\*가장 흔한 원인: 윈도우의 예약 포트 범위\*\*\n.*excludedportrange/);
    // What was read of the paste is said first, so the member sees what the answer is about.
    expect(windows.text).toMatch(/^\*\*읽은 오류\*\*: `Ports are not available/);
    expect(answer('137?').text).toMatch(/^\*\*가장 흔한 원인: 137: SIGKILL/);
    // A cause's own aliases say how members meet it: the name conflict is exit 125's, though its text only quotes the error.
    expect(answer('같은 이름의 컨테이너가 이미 사용 중이래요').text).toMatch(/^\*\*가장 흔한 원인: 125: /);
    expect(answer('컨테이너가 바로 꺼져요').text).toMatch(/^\*\*가장 흔한 원인: 0: 정상 종료 — 포그라운드 프로세스가 없음\*\*/);
    // The words that name the symptom (시작하자마자 바로 꺼져요) do not decide among the causes; the rest (권한) does.
    expect(answer('run.sh 실행 권한이 없대요 컨테이너 시작하자마자 바로 꺼짐').text).toMatch(/^\*\*가장 흔한 원인: 126: /);
    // An exit code the member saw names the cause, whatever else the message says ("no error in the logs" is exit 0's words).
    const oom = answer(
      '배치 컨테이너가 중간에 죽어요. 로그엔 에러 한 줄 없이 그냥 끊겨요\n\n$ docker ps -a\nCONTAINER ID   IMAGE   STATUS\n5d0c2b7e91aa   job:1   Exited (137) 2 minutes ago',
    );
    expect(oom.text).toMatch(/\*\*가장 흔한 원인: 137: SIGKILL/);
  });

  it('offers the dockhand command that checks the member’s own container, named when the question names it', () => {
    const restart = answer('컨테이너가 계속 재시작돼요').text;
    expect(restart).toContain('`/diagnose <컨테이너>`');
    const nginx = answer('nginx 기본 페이지만 떠요').text;
    expect(nginx).toContain('`/ecs check <컨테이너>`');
    expect(nginx).toContain('default.conf');
    const named = answer('docker: Error response from daemon: Conflict. The container name "/web" is already in use by container "9c1d".');
    expect(named.text).toContain('`/diagnose web`');
    // A playbook with no finding codes has nothing to run.
    expect(answer('COPY failed: file not found in build context').text).not.toContain('/diagnose');
  });

  it('leads with the part search placed the question in: the commands for how to read logs', () => {
    const logs = answer('docker logs 어케봐요');
    expect(logs.title).toBe('컨테이너 로그 보는 법');
    expect(logs.text).toMatch(/^\*\*확인: docker logs 옵션\*\*\n```bash\ndocker logs <컨테이너>/);
    expect(logs.sectionIds[0]).toBe('troubleshooting/container-logs#docker-logs');
  });

  it('leads the fix with the subsection search placed a pasted error in, before the playbook’s own fix list', () => {
    const stopped = answer(
      'docker ps\nCannot connect to the Docker daemon at unix:///Users/me/.docker/run/docker.sock. Is the docker daemon running?\n맥북 재부팅하고 계속 이래요',
    );
    expect(stopped.sectionIds[0]).toBe('troubleshooting/docker-sock-permission#daemon-not-running');
    const fix = part(stopped.text, /\*\*해결\*\*/);
    // Docker Desktop (the stopped daemon on a Mac) comes before the docker group (a permission problem).
    expect(fix.indexOf('Docker Desktop')).toBeGreaterThan(-1);
    expect(fix.indexOf('Docker Desktop')).toBeLessThan(fix.indexOf('usermod'));
  });

  it('shows the fix alternative closest to the question whole, the others in a sentence', () => {
    const { text } = answer('how to reduce docker image size');
    expect(text).toMatch(/slim/);
    expect(text).toMatch(/다단계 빌드/);
    expect(text).toMatch(/alpine/);
  });
});

describe('a note answer', () => {
  it('is the passage that matched, with its code intact, lines not joined with " · ", references by title', () => {
    const { title, text, sectionIds } = answer('도커 볼륨');
    expect(title).toBe('컨테이너 서비스를 위한 도커 활용 › 3.2 도커 명령어 활용 › 도커 볼륨');
    expect(sectionIds).toEqual(['notes/ch3-docker-usage#volumes']);
    expect(text).toContain('> ```bash\n> docker volume create myvol\n> docker run -d --name web1');
    expect(text).not.toContain(' · ');
    const withRefs = answer('포트 게시 -p 8080:80').text;
    expect(refsIn(withRefs)).toEqual([]);
    expect(withRefs).toContain('‘게시한 포트로 접속이 안 돼요’');
  });

  it('keeps a tree and a table as written', () => {
    expect(answer('컴포즈 기본 네트워크').text).toContain('├── docker-compose.yml\n├── mydb\n|   └── Dockerfile');
  });
});

describe('playbooks as the composer reads them', () => {
  it('finds causes as subsections or as the items of the causes list, and nginx’s A–G as causes in detail', () => {
    const exits = defined(readPlaybook(defined(knowledge.doc('troubleshooting/container-exits'))));
    expect(exits.causeList.map((c) => c.sectionId.split('#')[1])).toEqual([
      'exit-0',
      'exit-1',
      'exit-125',
      'exit-126',
      'exit-127',
      'exit-137',
      'exit-139',
      'exit-143',
    ]);
    const port = defined(readPlaybook(defined(knowledge.doc('troubleshooting/port-already-allocated'))));
    expect(port.causeList.map((c) => c.title)).toEqual([
      '다른 컨테이너가 이미 그 호스트 포트를 쓰고 있음',
      '호스트의 다른 프로그램이 사용 중',
      'Compose에서 `ports:`를 고정한 서비스를 `--scale`로 여러 개 띄움',
      '윈도우의 예약 포트 범위',
      '', // an item with no bold lead and no clause before a colon
    ]);
    const socket = defined(readPlaybook(defined(knowledge.doc('troubleshooting/docker-sock-permission'))));
    // A colon inside parentheses is no title: `DOCKER_HOST` … (예: rootless 소켓)
    expect(socket.causeList.map((c) => c.title)).toEqual(['', '', '']);
    const nginx = defined(readPlaybook(defined(knowledge.doc('troubleshooting/nginx-default-page'))));
    expect(nginx.causeList.filter((c) => !c.detail).map((c) => c.sectionId.split('#')[1])).toEqual([
      'config-not-copied',
      'wrong-image',
      'ecs-causes',
    ]);
    expect(nginx.causeList.filter((c) => c.detail)).toHaveLength(8);
    // A playbook without a causes section is answered passage by passage.
    expect(readPlaybook(defined(knowledge.doc('troubleshooting/ecs-task-definition')))).toBeUndefined();
  });
});

describe('blocks and references', () => {
  it('splits Markdown into blocks a reply can keep whole', () => {
    const blocks = blocksOf('첫 문단\n둘째 줄\n\n- a\n  이어짐\n- b\n\n```bash\nx\n\ny\n```\n> 인용\n> ```\n> z\n> ```\n\n| a | b |\n|---|---|');
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'list', 'code', 'quote', 'table']);
    expect(blocks[1]?.items).toEqual(['a\n  이어짐', 'b']);
    expect(blocks[2]?.text).toBe('```bash\nx\n\ny\n```');
  });

  it('cuts a first sentence outside code spans and ellipses', () => {
    expect(firstSentence('다른 호스트 포트를 쓴다: `-p 8081:80`. 컨테이너 포트는 그대로 둔다.')).toBe(
      '다른 호스트 포트를 쓴다: `-p 8081:80`.',
    );
    expect(firstSentence('각각 다른 호스트 포트를 주거나(`8001`, `8002`, ... — 3장 방식) 생략한다. 끝.')).toBe(
      '각각 다른 호스트 포트를 주거나(`8001`, `8002`, ... — 3장 방식) 생략한다.',
    );
  });

  it('writes a section id as its title and a playbook id as the playbook’s title, and leaves unknown ids', () => {
    expect(readableRefs('→ troubleshooting/container-exits#exit-125', knowledge)).toBe(
      '→ ‘컨테이너가 바로 종료돼요 (종료 코드별 원인) › 125: 도커가 컨테이너를 실행하지 못함’',
    );
    expect(readableRefs('(notes/ch4-dockerfile#multi-stage)', knowledge)).toBe('(‘4.3 Dockerfile을 활용한 다양한 이미지 생성 › 다단계 빌드’)');
    expect(readableRefs('troubleshooting/restart-loop', knowledge)).toBe('‘컨테이너가 계속 재시작돼요 (재시작 루프)’');
    expect(readableRefs('notes/nope#x', knowledge)).toBe('notes/nope#x');
  });
});

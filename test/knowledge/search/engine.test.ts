import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../../src/knowledge/knowledge-base.ts';
import { confidence, confidenceInput } from '../../../src/knowledge/search/confidence.ts';
import { CONFIDENCE } from '../../../src/knowledge/search/weights.ts';
import { PROJECT_ROOT } from '../../../src/paths.ts';

let knowledge: KnowledgeBase;
beforeAll(() => {
  knowledge = KnowledgeBase.load(join(PROJECT_ROOT, 'knowledge'), PROJECT_ROOT);
});

const top = (query: string, n = 3) => knowledge.search(query, n).hits.map((h) => h.section.id.replace(/~\d+$/, ''));

describe('Korean-aware search over the notes', () => {
  it.each([
    ['volume with a particle', '볼륨이 뭐예요', 'notes/ch3-docker-usage#volumes'],
    ['typo by one jamo', '볼룸', 'notes/ch3-docker-usage#volumes'],
    ['English letters swapped', 'dokcer voluem', 'notes/ch3-docker-usage#volumes'],
    ['a difference asked in English', 'what is the difference between an image and a container', 'notes/ch3-docker-usage#layers'],
    ['a difference asked with vs', 'image vs container', 'notes/ch3-docker-usage#layers'],
    ['못함 is how it fails, not a topic', 'compose로 띄운 db에 web이 연결을 못함 ㅠㅠ', 'troubleshooting/compose-service-unreachable#symptom'],
    ['a size in 기가, slimming as diet', '이미지 빌드하면 1기가 넘음 ㅠ 다이어트 방법좀', 'troubleshooting/image-too-large#symptom'],
    ['docker start is not docker run', 'docker run vs docker start', 'notes/ch3-docker-usage#docker-run'],
    ['a size read by its unit', 'my image is 1.2GB for a tiny python api lol. any tips to shrink it?', 'troubleshooting/image-too-large#symptom'],
    ['X 말고: not what is asked', '도커 허브 말고 회사 서버에 이미지 저장소 만들고 싶어요', 'notes/ch4-dockerfile#private-registry'],
    ['getting into a container, in chat', '컨테이너 안에 들어가는법 ㄱㄱ', 'notes/ch3-docker-usage#docker-exec'],
    ['permission spelt in Hangul', 'docker.sock 퍼미션 에러남 어케함', 'troubleshooting/docker-sock-permission#symptom'],
    ['what it is, beside a playbook that mentions it', '도커 볼륨 머임?? 걍 폴더랑 뭐가 다름', 'notes/ch3-docker-usage#volumes'],
    ['typo in a long word', '쿠버내티스', 'notes/ch1-cloud-computing#kubernetes'],
    ['glued spelling', '사용자정의네트워크', 'notes/ch3-docker-usage#user-defined-networks'],
    ['초성', 'ㅂㅇㄷ ㅁㅇㅌ', 'notes/ch3-docker-usage#bind-mount'],
    ['English layout', 'ehzj qhffba', 'notes/ch3-docker-usage#volumes'],
    ['English for Korean notes', 'what is a bind mount', 'notes/ch3-docker-usage#bind-mount'],
    ['flag', 'COPY --from', 'notes/ch4-dockerfile#multi-stage'],
    ['port pair', '-p 8080:80', 'notes/ch3-docker-usage#port-publish'],
    ['docker subcommand', 'docker volume create', 'notes/ch3-docker-usage#volumes'],
    ['a noun with 나다 glued on, in chat', '포트 충돌남', 'troubleshooting/port-already-allocated#symptom'],
    ['a verb the notes write in another form (안나옴 → 나와요)', '로그 안나옴', 'troubleshooting/container-logs#symptom'],
    ['a glossary phrase typed whole, not its words apart (도커 그룹 is no security group)', '도커 그룹 추가 어케함', 'troubleshooting/docker-sock-permission#fix'],
    ['쉘 spelt as members spell it', '컨테 쉘 따는법', 'notes/ch3-docker-usage#docker-exec'],
  ])('%s: %s', (_, query, id) => {
    expect(top(query)).toContain(id);
  });

  it('corrects two syllables whose initials were swapped, though it looks like a verb form (컨테니어)', () => {
    const [hit] = knowledge.search('컨테니어 로그 보는법', 1).hits;
    expect(hit?.matched).toContain('컨테니어→컨테이너 (typo)');
    // The corrected word counts in headings and aliases as typed right would ('docker container logs').
    expect(hit?.section.id).toBe('troubleshooting/container-logs#docker-logs');
  });

  it('answers with the section one of whose aliases the question types whole, spaced or not', () => {
    // 이미지 and 저장 fit `docker image save` and a private registry too; the alias
    // "컨테이너를 이미지로 저장" names docker commit.
    expect(top('컨테이너를이미지로저장하기', 1)).toEqual(['notes/ch3-docker-usage#cp-commit']);
  });

  it('weighs the verb a member asks with (바꾸려면요) below the topic words it asks about', () => {
    const plain = knowledge.search('컨테이너를 이미지로 바꾸려면요?', 1).hits[0];
    expect(plain?.section.id).toBe('notes/ch3-docker-usage#cp-commit');
    // Without the verb, the same two topic words cover the whole question; with it, most of it.
    expect(plain?.coverage).toBeGreaterThan(0.6);
  });

  it('weighs a verb the notes write in another form (들어가면 → 들어가기) as the asking, not the topic', () => {
    const result = knowledge.search('docker run -p 8080:80 으로 띄웠는데 브라우저로 들어가면 안 떠요', 1);
    expect(result.hits[0]?.section.id).toBe('notes/ch3-docker-usage#port-publish');
    expect(result.confident).toBe(true);
  });

  it('weighs a verb the glossary does not know (차지하는지) below the topic, though a heading uses it', () => {
    // "호스트 포트를 차지함" heads a cause of the nginx playbook; the question is about image layers.
    expect(top('이미지에서 어떤 레이어가 용량을 많이 차지하는지 보고 싶어요', 1)[0]).toMatch(
      /^troubleshooting\/image-too-large#/,
    );
  });

  it('says what the best hit misses: the weightiest words it lacks make ask less sure', () => {
    // ECS 클러스터 구성 covers 클러스터 and 구성; 레디스 is the topic, and no section has it.
    const result = knowledge.search('레디스 클러스터 구성 방법', 3);
    const [best] = result.hits;
    expect(best?.missing).toBeGreaterThan(3);
    const input = best && confidenceInput(best, result.foreignShare);
    expect(input && confidence(input)).toBeLessThan(input ? confidence({ ...input, missing: 0 }) - 0.05 : 0);
    // A question whose words the hit all has misses nothing.
    expect(knowledge.search('도커 볼륨 만드는 법', 1).hits[0]?.missing).toBe(0);
  });

  it('reads question words typed as 초성 (ㅊㅇ 차이, ㅁㅇ 뭐야) as asking, not as unknown topics', () => {
    const result = knowledge.search('이미지랑 컨테이너 ㅊㅇ ㅁㅇ?', 1);
    expect(result.foreignShare).toBe(0);
    expect(result.hits[0]?.section.id).toBe('notes/ch3-docker-usage#layers');
    expect(result.confident).toBe(true);
    // 초성 a glossary term shares stays a topic: ㅂㄹ is 볼륨.
    expect(knowledge.search('tmpfs랑 ㅂㄹ ㅊㅇ ㅁㅇ', 1).hits[0]?.matched).toContain('ㅂㄹ→볼륨 (choseong)');
  });

  it('reads everyday English the notes never use (actual, pick) as asking, a product name as a topic they lack', () => {
    const asked = knowledge.search("What's the actual difference between a bind mount and a named volume?", 1);
    expect(asked.foreignShare).toBe(0);
    expect(asked.hits[0]?.section.id).toBe('notes/ch3-docker-usage#bind-mount');
    const product = knowledge.search('how to run kafka with docker', 1);
    expect(product.foreignShare).toBeGreaterThan(0.5);
    expect(product.confident).toBe(false);
  });

  it('reads names of the member’s own in a docker command line (myapp, 3000:3000) as theirs, not as topics the notes lack', () => {
    const own = knowledge.search('docker build -t myapp . 하면 COPY failed 떠요', 1);
    expect(own.foreignShare).toBe(0);
    expect(own.hits[0]?.section.id).toBe('troubleshooting/copy-failed-build-context#symptom');
    expect(own.confident).toBe(true);
    // Outside a command line an unknown name is still a topic: the next Hangul word ends the command.
    expect(knowledge.search('docker run 말고 kafka 설치 방법', 1).foreignShare).toBeGreaterThan(0.4);
  });

  it('keeps a dictionary word whole though the notes never write it (도메인 is no 도+메인)', () => {
    const matched = knowledge.search('산 도메인을 ALB에 붙이려면', 3).hits.flatMap((h) => h.matched);
    expect(matched.some((m) => m.includes('메인'))).toBe(false);
  });

  it('reads chat verb forms the notes never use (뜨자마자, 복붙해온, 안지워짐) as asking, not as topics they lack', () => {
    expect(knowledge.search('컨테이너가 뜨자마자 꺼져요', 1).foreignShare).toBe(0);
    expect(knowledge.search('복붙해온 로그인데 이미지가 안지워짐', 1).foreignShare).toBe(0);
    expect(knowledge.search('팀장님이 알려준 명령어 못씀', 1).foreignShare).toBe(0);
    // Slang: 렉걸림, 안먹힘; ㅈㄴ is an intensifier typed as initials.
    expect(knowledge.search('ㅈㄴ 렉걸림 캐시도 안먹힘', 1).foreignShare).toBe(0);
  });

  it('leads with the section that quotes a pasted error at length, not one that shares its first words', () => {
    const paste =
      '스터디원 PC에 registry:2 띄워 놓고 다 같이 거기로 이미지 올리기로 했는데 저만 push가 안 돼요\n```\n$ docker tag webapp:8.0 192.168.0.24:5000/webapp:8.0\n' +
      '$ docker push 192.168.0.24:5000/webapp:8.0\nThe push refers to repository [192.168.0.24:5000/webapp]\n' +
      'Get "https://192.168.0.24:5000/v2/": http: server gave HTTP response to HTTPS client\n```\nregistry 띄운 본인 PC에서 localhost:5000으로 하면 된대요';
    expect(knowledge.search(paste, 3).hits[0]?.section.id).toBe('notes/ch4-dockerfile#private-registry');
    // ERROR: failed to solve: begins every build error: a section quoting only that does not lead.
    const rateLimit =
      'CI 빌드가 떨어져요\nERROR: failed to solve: node:20-alpine: failed to resolve source metadata for docker.io/library/node:20-alpine: toomanyrequests: You have reached your pull rate limit.';
    expect(knowledge.search(rateLimit, 3).confident).toBe(false);
  });

  it('looks among the first five hits for the one that quotes the pasted error, not only the first three', () => {
    const stoppedTask =
      '배포하고 나서 api 작업이 몇 분마다 새로 떠요. ECS 콘솔에 이렇게 찍혀 있어요\n```\n' +
      'Stopped reason: Essential container in task exited\nContainers\n' +
      'Name   Image                                                   Last status   Exit code   Reason\n' +
      'api    111122223333.dkr.ecr.ap-northeast-2.amazonaws.com/api:v7   STOPPED   137   OutOfMemoryError: Container killed due to memory usage\n' +
      '```\n노트북에서 compose로는 잘 도는데 뭘 봐야 하나요?';
    expect(knowledge.search(stoppedTask, 5).hits[0]?.section.id).toBe('troubleshooting/container-exits#exit-137');
  });

  it('answers a question about a lab’s terminal output with the prose that reads it, not the output itself', () => {
    for (const query of [
      '실습 4-2 docker image history 결과에서 IMAGE가 <missing>으로 나오는 줄은 뭐예요?',
      'webapp:8.0 히스토리 찍으면 missing 투성이던데 빌드 망한 건가요',
    ]) {
      expect(knowledge.search(query, 3).hits[0]?.section.id, query).toBe('notes/ch4-dockerfile#lab-4-2-notes');
    }
    // The log's own heading passage (실습 4-2) is no reading of it: the note on docker build is.
    const dot = '실습 4-2에서 docker build -t webapp:8.0 -f ./dockerfiles/Dockerfile . 할 때 마지막 . 의미';
    expect(knowledge.search(dot, 3).hits[0]?.section.id).toBe('notes/ch4-dockerfile#docker-build');
  });

  it('takes an everyday English word as typed: no typo of another word, no Hangul typed on the wrong layout', () => {
    // come was read as a typo of code, them and form as Hangul typed with the English layout (코드, 로그).
    const matched = knowledge.search('how do i make my container come back up and form them', 3).hits.flatMap((h) => h.matched);
    expect(matched.filter((m) => /typo|layout/.test(m))).toEqual([]);
    // A spelling the glossary lists stays its term: talk is 통신.
    expect(knowledge.search('how do containers talk to each other in docker compose', 1).hits[0]?.matched).toContain('talk→통신 (glossary)');
  });

  it('reads standard Korean the notes never use (직무, 상관) as asking, a product spelled in Hangul as a topic they lack', () => {
    const asked = knowledge.search('데브옵스가 정확히 무슨 뜻이에요? 직무 이름인가요 문화인가요', 1);
    expect(asked.foreignShare).toBe(0);
    expect(asked.hits[0]?.section.id).toBe('notes/ch1-cloud-computing#devops');
    expect(asked.confident).toBe(true);
    expect(knowledge.search('IaC가 도커랑 무슨 상관이에요?', 1).confident).toBe(true);
    const product = knowledge.search('카프카 설치 방법', 1);
    expect(product.foreignShare).toBeGreaterThan(0.5);
    expect(product.confident).toBe(false);
  });

  it('reads verb forms of standard words and the member’s own addresses and ports as asking, not as topics the notes lack', () => {
    const plan = knowledge.search('서버 디스크가 꽉 찼길래 보니까 로그 파일이 계속 커질 것 같아요', 1);
    expect(plan.foreignShare).toBe(0);
    const own = knowledge.search('192.168.0.23:50051 로 접속하면 3306:3306 포트가 안 열려요', 1);
    expect(own.foreignShare).toBe(0);
    // A size in Korean units is read by its unit, as 1.2GB is.
    const size = knowledge.search('파이썬 이미지가 1.2기가 나옴 어케 줄임', 1);
    expect(size.foreignShare).toBe(0);
    expect(size.hits[0]?.section.id).toMatch(/^troubleshooting\/image-too-large#/);
  });

  it('reads 뭐가 다른 거예요 as asking for a difference, not as the word 다른 (other) to find', () => {
    // The nginx playbook's "다른 원인" (other causes) matched 다른 and outranked the ECS terms' note.
    const [best] = knowledge.search('ECS 서비스랑 작업은 뭐가 다른 거예요?', 3).hits;
    expect(best?.section.id).toBe('notes/ch6-aws#ecs-workshop');
    expect(best?.matched).not.toContain('다른');
  });

  it('reads a typed literal by its name part too, as the notes write it in other literals', () => {
    // The notes write http://localhost:8080/ and curl localhost:8080; the literal as typed occurs once.
    const [best] = knowledge.search('localhost:8080 접속 안돼요', 3).hits;
    expect(best?.section.id).toMatch(/^troubleshooting\/port-not-answering#/);
    expect(best?.matched).toContain('localhost');
  });

  it('keeps COPY and ADD apart: asked for their difference, the instruction reference answers', () => {
    // Tied with the playbook section on .dockerignore and COPY, the note that defines them goes first.
    expect(top('COPY랑 ADD 차이', 5)[0]).toBe('notes/ch4-dockerfile#instruction-reference');
    expect(top('ADD랑 COPY 뭐가 다름', 5)[0], 'asked in chat').toBe('notes/ch4-dockerfile#instruction-reference');
  });

  it('says why a hit matched: the corrected word in `matched`, the match in bold in the snippet', () => {
    const [hit] = knowledge.search('볼룸 만들기', 1).hits;
    expect(hit?.matched).toContain('볼룸→볼륨 (typo)');
    expect(hit?.snippet).toMatch(/\*\*볼륨\*\*/);
  });

  it('is confident about answerable questions and not about ones the notes do not cover', () => {
    const answered = knowledge.search('도커 볼륨 만드는 법');
    expect(answered.confident).toBe(true);
    expect(answered.foreignShare).toBe(0);
    const [best] = answered.hits;
    expect(best?.evidence).toBeGreaterThan(0);
    const input = best && confidenceInput(best, answered.foreignShare);
    expect(input?.coverage).toBeGreaterThan(0);
    expect(input && confidence(input)).toBeGreaterThanOrEqual(CONFIDENCE.threshold);
    const unanswered = knowledge.search('헬름 차트로 파드 배포하기');
    expect(unanswered.confident).toBe(false);
    expect(unanswered.hits.length).toBeGreaterThan(0); // still the closest sections, to offer
  });

  it('keeps scores within 0..1 and answers nothing for an empty or filler-only question', () => {
    for (const hit of knowledge.search('docker', 10).hits) {
      expect(hit.score).toBeGreaterThanOrEqual(0);
      expect(hit.score).toBeLessThanOrEqual(1);
    }
    expect(knowledge.search('   ').hits).toEqual([]);
    expect(knowledge.search('뭐야?').hits).toEqual([]);
  });
});

describe('suggest (autocomplete titles)', () => {
  const titles = (prefix: string) => knowledge.suggest(prefix).map((s) => s.title);

  it.each([
    ['a partial syllable', '도커 볼'],
    ['no space', '도커볼'],
    ['초성', 'ㄷㅋ ㅂ'],
    ['a syllable still being typed', '도커 보'],
    ['the English layout', 'ehzj qhf'],
    ['a typo', '볼룸'],
  ])('finds 도커 볼륨 from %s (%s)', (_, prefix) => {
    expect(titles(prefix).some((t) => t.endsWith('도커 볼륨'))).toBe(true);
  });

  it('reads a final consonant that is really the next initial (돜 while typing 도커)', () => {
    expect(
      titles('돜')
        .slice(0, 3)
        .every((t) => /도커/.test(t)),
    ).toBe(true);
  });

  it('offers at most 25 titles, each at most 100 characters, and some for empty input', () => {
    expect(knowledge.suggest('도', 50).length).toBeLessThanOrEqual(25);
    expect(knowledge.suggest('', 25).length).toBe(25);
    for (const s of knowledge.suggest('컨테이너', 25)) expect(s.title.length).toBeLessThanOrEqual(100);
  });

  it('answers the very section a suggestion names, though its parent shares the words', () => {
    // "3.2 도커 명령어 활용 › 도커 볼륨" once answered with "3.2 도커 명령어 활용" itself.
    const wrong: string[] = [];
    const offered = new Map(
      ['', '도커', '볼륨', '원인', '해결', 'docker', '포트', '이미지', 'ECS']
        .flatMap((p) => knowledge.suggest(p, 25))
        .map((s) => [s.title, s.id]),
    );
    const anchorOf = (id: string | undefined) => id?.replace(/~\d+$/, '');
    for (const [title, id] of offered) {
      const result = knowledge.search(title, 3);
      if (!result.confident || anchorOf(result.hits[0]?.section.id) !== anchorOf(id))
        wrong.push(`${title} → ${result.hits[0]?.section.id}`);
    }
    expect(offered.size).toBeGreaterThan(50);
    expect(wrong).toEqual([]);
  });
});

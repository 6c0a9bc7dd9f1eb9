import { describe, expect, it } from 'vitest';
import { cleanErrorLine, errorLinesOf, isOutputLine } from '../../src/knowledge/pasted-errors.ts';
import { plainQuestion, readQuestion } from '../../src/knowledge/question.ts';
import { QUERY_LIMITS } from '../../src/knowledge/search/limits.ts';

describe('plainQuestion: what a member reads, without Discord markup and mentions', () => {
  it('drops mentions of people, roles, channels, @everyone and custom emoji', () => {
    expect(plainQuestion('@everyone <@123456789012345678> <@!42> <@&987> <#555> 볼륨이 뭐예요? <:pepe:1234>')).toBe(
      '볼륨이 뭐예요?',
    );
    // An address is no mention.
    expect(plainQuestion('me@here.com 으로 보내요')).toBe('me@here.com 으로 보내요');
  });

  it('keeps the words of bold, spoilers, strikes, code spans, fences, quotes, headings and masked links', () => {
    expect(plainQuestion('**급함** ||민감한 질문|| ~~취소~~ __밑줄__ `docker run -p` 이거 뭐에요')).toBe(
      '급함 민감한 질문 취소 밑줄 docker run -p 이거 뭐에요',
    );
    expect(plainQuestion('```bash\ndocker build -t app .\n```\n> 인용\n## 제목\n[문서](https://docs.docker.com/x)')).toBe(
      'docker build -t app .\n인용\n제목\n문서 https://docs.docker.com/x',
    );
  });
});

describe('readQuestion', () => {
  it('searches a plain question as written, markup removed', () => {
    const question = readQuestion('<@123> 컨테이너가 계속 재시작돼요');
    expect(question.searchText).toBe('컨테이너가 계속 재시작돼요');
    expect(question.errors).toEqual([]);
    expect(question.cut).toBe(false);
  });

  it('of a paste, searches the member’s own lines and the error lines, not the progress output', () => {
    const paste = [
      '$ docker compose up -d',
      '[+] Running 3/4',
      ' ✔ Network myapp_default    Created      0.1s',
      ' ✔ Container myapp-mydb-1   Started      0.6s',
      'Error response from daemon: driver failed programming external connectivity on endpoint myapp-myweb-1 ' +
        '(8e2f4c6a1b3d5e7f9a0b2c4d6e8f1a3b5c7d9e0f2a4b6c8d0e1f3a5b7c9d1e2f): Bind for 0.0.0.0:80 failed: port is already allocated',
      '어제까지 잘 됐는데 갑자기 이래요 ㅠ',
    ].join('\n');
    const question = readQuestion(paste);
    expect(question.errors).toHaveLength(1);
    expect(question.errors[0]).toMatch(/^driver failed programming .* port is already allocated$/);
    expect(question.errors[0]).not.toMatch(/8e2f4c6a/);
    expect(question.searchText).toMatch(/^어제까지 잘 됐는데 갑자기 이래요 ㅠ driver failed/);
    expect(question.searchText).not.toMatch(/Running|Network|Created/);
    expect(question.container).toBe('myapp-myweb-1');
  });

  it('reads the exit code of a docker ps row, and the most telling error lines first', () => {
    const paste = [
      'CONTAINER ID   IMAGE       COMMAND                  CREATED          STATUS                       PORTS   NAMES',
      'a81c3f0e92b4   myapi:1.2   "gunicorn app.wsgi -…"   12 minutes ago   Exited (137) 2 minutes ago           api',
      'api 컨테이너가 부하 좀 주면 137로 죽어요',
    ].join('\n');
    expect(readQuestion(paste).searchText).toBe('api 컨테이너가 부하 좀 주면 137로 죽어요 Exited (137)');
  });

  it('reads a message a traceback repeats under two exception names once', () => {
    const paste = [
      'web 컨테이너만 죽어요',
      'web_1  | MySQLdb.OperationalError: (2003, "Can\'t connect to MySQL server on \'127.0.0.1:3306\' (111)")',
      'web_1  | django.db.utils.OperationalError: (2003, "Can\'t connect to MySQL server on \'127.0.0.1:3306\' (111)")',
    ].join('\n');
    expect(readQuestion(paste).errors).toEqual(['MySQLdb.OperationalError: (2003, "Can\'t connect to MySQL server on \'127.0.0.1:3306\' (111)")']);
  });

  it('names the container a paste names, for the /diagnose offer', () => {
    expect(readQuestion('docker: Error response from daemon: Conflict. The container name "/web" is already in use').container).toBe(
      'web',
    );
    expect(readQuestion('docker run -d --name shop-db mysql:8').container).toBe('shop-db');
    expect(readQuestion('볼륨이 뭐야').container).toBeUndefined();
  });

  it('tells a question that asks what something is', () => {
    for (const q of ['볼륨이 뭐예요', 'ECS 작업 정의가 뭐야', 'what is a docker volume', '이미지랑 컨테이너 차이', '볼륨이랑 바인드 마운트는 뭐가 다른 거예요', 'save vs export', 'ADD랑 COPY 뭐가 다름'])
      expect(readQuestion(q).asksWhatItIs, q).toBe(true);
    for (const q of ['포트가 이미 사용 중이래요', 'how to reduce docker image size', '다른 포트로 바꾸면 되나요', '계속 옛날꺼 돌림 ㅋㅋ 머임 재배포 어케함'])
      expect(readQuestion(q).asksWhatItIs, q).toBe(false);
  });

  it('reads up to Discord’s 6,000 characters and says when a longer question was cut', () => {
    const long = `포트 충돌 ${'가'.repeat(QUERY_LIMITS.questionChars)}`;
    expect(readQuestion(long).cut).toBe(true);
    expect(readQuestion('포트 충돌').cut).toBe(false);
  });
});

describe('pasted errors', () => {
  it('finds error lines by known Docker errors, exit codes and error words, once each', () => {
    const lines = [
      'Step 4/7 : COPY requirements.txt /app/',
      'COPY failed: file not found in build context or excluded by .dockerignore: stat requirements.txt: file does not exist',
      'myweb-1 exited with code 1',
      'everything is fine here',
      'COPY failed: file not found in build context or excluded by .dockerignore: stat requirements.txt: file does not exist',
    ];
    const found = errorLinesOf(lines);
    expect(found.map((e) => e.index)).toEqual([1, 2]);
    expect(found[0]?.weight).toBeGreaterThan(found[1]?.weight ?? Infinity);
    // A command the member ran is context, not an error, even with an error word in it.
    expect(errorLinesOf(["$ docker inspect -f '{{.State.OOMKilled}}' api"])).toEqual([]);
  });

  it("reads a Python traceback by its exception line, not its header", () => {
    const lines = [
      'web-1  | Traceback (most recent call last):',
      'web-1  |   File "/app/main.py", line 3, in <module>',
      'web-1  | redis.exceptions.ConnectionError: Error -2 connecting to redis:6379. Name or service not known.',
    ];
    expect(errorLinesOf(lines).map((e) => e.index)).toEqual([2]);
    expect(errorLinesOf(['Traceback (most recent call last):'])).toEqual([]);
  });

  it('cleans compose prefixes, nginx timestamps and pids, ids and digests off an error line', () => {
    expect(cleanErrorLine('myweb-1  | Error: connect ECONNREFUSED 127.0.0.1:3306')).toBe('Error: connect ECONNREFUSED 127.0.0.1:3306');
    expect(cleanErrorLine('2024/05/01 10:00:00 [emerg] 1#1: host not found in upstream "app"')).toBe(
      '[emerg] host not found in upstream "app"',
    );
    expect(cleanErrorLine('pulling sha256:0123456789abcdef0123 for 3f2a1b0c9d8e failed')).toBe('pulling for failed');
    expect(cleanErrorLine('WARN[0000] docker-compose.yml: the attribute `version` is obsolete')).toBe(
      'docker-compose.yml: the attribute `version` is obsolete',
    );
  });

  it('keeps a long line of the member’s own words whole, though it names an error', () => {
    const line =
      '프론트 폴더와 백엔드 폴더에 compose 파일을 따로 두고 각각 올렸는데요, 프론트 컨테이너에서 http://api:8000 으로 부르면 getaddrinfo ENOTFOUND api 가 떠요. ' +
      '예전에 파일 하나에 다 있을 때는 서비스 이름으로 잘 불렀던 것 같은데 나누고 나서부터 이러네요. 혹시 파일을 합치지 않고도 두 프로젝트가 서로 이름으로 찾게 할 수 있는 설정이 따로 있을까요? ' +
      '네트워크를 같이 쓰게 하면 된다는 얘기를 어디서 본 것 같기도 한데, 공식 문서를 찾아봐도 예제가 compose 파일 하나짜리뿐이라 정확히 어떻게 하는지 모르겠어요.';
    expect(line.length).toBeGreaterThan(300);
    const question = readQuestion(line);
    expect(question.errors).toEqual([]);
    expect(question.searchText).toContain('정확히 어떻게 하는지 모르겠어요');
    // A short one is read as the error it names.
    expect(readQuestion('compose 올리면 getaddrinfo ENOTFOUND api 가 떠요').errors).toHaveLength(1);
  });

  it('weighs a known error above a line that only says error', () => {
    const [first] = errorLinesOf(['error: build went wrong', 'write /var/lib/docker/tmp/x: no space left on device']).toSorted(
      (a, b) => b.weight - a.weight,
    );
    expect(first?.text).toMatch(/no space left on device/);
  });

  it('tells program output from the member’s own lines', () => {
    expect(isOutputLine('[+] Running 3/4')).toBe(true);
    expect(isOutputLine('    at TCPConnectWrap.afterConnect (node:net:1555:16)')).toBe(true);
    expect(isOutputLine('myweb-1  | 서버 시작')).toBe(true);
    expect(isOutputLine('$ docker ps')).toBe(true);
    expect(isOutputLine('어제까지 잘 됐는데 갑자기 이래요')).toBe(false);
    expect(isOutputLine('why does this happen?')).toBe(false);
  });
});

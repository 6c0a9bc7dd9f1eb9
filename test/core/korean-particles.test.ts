import { describe, expect, it } from 'vitest';
import { endsInBatchim, particle, withParticle, type Particle } from '../../src/core/korean-particles.ts';

describe('particles chosen by how the word is read', () => {
  const cases: Array<[string, Particle, string]> = [
    // Hangul: by its 받침, and ㄹ takes 로.
    ['컨테이너', '을/를', '를'],
    ['이미지', '이/가', '가'],
    ['볼륨', '은/는', '은'],
    ['서울', '으로/로', '로'],
    ['파일', '으로/로', '로'],
    ['값', '이에요/예요', '이에요'],
    ['포트', '와/과', '와'],
    ['네트워크', '와/과', '와'],
    ['정수', '이어야/여야', '여야'],
    ['ㄱ', '이/가', '이'],
    // Digits by their Korean reading.
    ['1', '으로/로', '로'],
    ['3', '으로/로', '으로'],
    ['6', '으로/로', '으로'],
    ['0', '으로/로', '으로'],
    ['2', '을/를', '를'],
    ['10', '을/를', '을'],
    ['80', '으로/로', '으로'],
    ['137', '이에요/예요', '이에요'],
    ['125', '이에요/예요', '예요'],
    ['8080', '을/를', '을'],
    ['18601', '을/를', '을'],
    ['100', '으로/로', '으로'],
    ['1000', '이/가', '이'],
    ['10000', '이/가', '이'],
    ['#3', '을/를', '을'],
    ['#12', '을/를', '를'],
    ['11.8', '이에요/예요', '이에요'],
    ['127.0.0.1', '으로/로', '로'],
    ['0.0.0.0', '으로/로', '으로'],
    ['nginx:1.25', '으로/로', '로'],
    ['12345678901234567890', '을/를', '을'],
    // Ports and protocols: the last token is read.
    ['80/tcp', '을/를', '를'],
    ['80/tcp', '은/는', '는'],
    ['53/udp', '이/가', '가'],
    ['127.0.0.1:8080', '으로/로', '으로'],
    ['-p 8080:80', '으로/로', '으로'],
    ['-p 127.0.0.1:18602:80', '으로/로', '으로'],
    // Latin by how Koreans say it.
    ['nginx', '이/가', '가'],
    ['nginx', '을/를', '를'],
    ['web', '이/가', '이'],
    ['web', '을/를', '을'],
    ['app', '이/가', '이'],
    ['api', '이/가', '가'],
    ['db', '을/를', '를'],
    ['redis', '이/가', '가'],
    ['python', '으로/로', '으로'],
    ['docker', '이/가', '가'],
    ['Dockerfile', '으로/로', '로'],
    ['Dockerfile', '을/를', '을'],
    ['html', '으로/로', '로'],
    ['URL', '을/를', '을'],
    ['ECR', '으로/로', '로'],
    ['ECS', '을/를', '를'],
    ['json', '으로/로', '으로'],
    ['yaml', '으로/로', '로'],
    ['compose.yml', '을/를', '을'],
    ['volume', '이/가', '이'],
    ['alpine', '을/를', '을'],
    ['busybox', '이/가', '가'],
    ['latest', '이/가', '가'],
    ['localhost', '으로/로', '로'],
    ['bot', '이/가', '이'],
    ['git', '으로/로', '으로'],
    ['root', '이/가', '가'],
    ['stack', '이/가', '이'],
    ['ping', '을/를', '을'],
    ['stop', '을/를', '을'],
    ['curl', '으로/로', '로'],
    ['npm', '으로/로', '으로'],
    ['socket', '이/가', '이'],
    ['SIGKILL', '으로/로', '로'],
    ['SIGTERM', '으로/로', '으로'],
    ['RUN', '이/가', '이'],
    ['CMD', '이/가', '가'],
    ['ENTRYPOINT', '이/가', '가'],
    ['EXPOSE', '을/를', '를'],
    ['WORKDIR', '을/를', '를'],
    ['HEALTHCHECK', '을/를', '를'],
    ['healthcheck', '을/를', '를'],
    ['readme', '을/를', '를'],
    ['webapp', '이/가', '이'],
    // Versions and names with a number are read in English.
    ['v1', '으로/로', '으로'],
    ['my-nginx:v2', '으로/로', '로'],
    ['S3', '으로/로', '로'],
    ['EC2', '으로/로', '로'],
    ['python3', '으로/로', '로'],
    ['sha256', '으로/로', '으로'],
    ['ff0540cc2e61', '으로/로', '로'],
    // Units after a number.
    ['11.8 MB', '이에요/예요', '예요'],
    ['2.0 MB', '이에요/예요', '예요'],
    ['16 MiB', '을/를', '를'],
    ['512 B', '이에요/예요', '예요'],
    ['16m', '이에요/예요', '이에요'],
    ['10m', '으로/로', '으로'],
    ['2h', '이/가', '이'],
    ['1d', '으로/로', '로'],
    ['30s', '이/가', '가'],
    ['50%', '이/가', '가'],
    // Code spans, quotes, brackets and trailing punctuation are not read.
    ['`nginx`', '이/가', '가'],
    ['`web`', '을/를', '을'],
    ['`docker start <이름>`', '으로/로', '으로'],
    ['`--context <폴더>`', '을/를', '를'],
    ['`COPY . .`', '이/가', '가'],
    ['`/var/www/html/`', '으로/로', '로'],
    ['"Welcome to nginx!"', '이/가', '가'],
    ['`web`(dockhand-test/web:1)', '이/가', '이'],
    ['컨테이너(nginx)', '을/를', '를'],
    ['(8080)', '을/를', '을'],
    ['`-p 18602:…`', '으로/로', '로'],
    ['`-p 18600:…`', '으로/로', '으로'],
    ['포트.', '이/가', '가'],
    ['`#!`', '이/가', '가'],
  ];

  it.each(cases)('%s + %s → %s', (word, pair, expected) => {
    expect(particle(word, pair)).toBe(expected);
  });

  it('withParticle appends the particle to the word as written', () => {
    expect(withParticle('`nginx`', '이/가')).toBe('`nginx`가');
    expect(withParticle('`web`', '을/를')).toBe('`web`을');
    expect(withParticle('호스트 포트 8080', '을/를')).toBe('호스트 포트 8080을');
    expect(withParticle('1', '이어야/여야')).toBe('1이어야');
    expect(withParticle('2', '이어야/여야')).toBe('2여야');
    expect(withParticle('USER', '이/가')).toBe('USER가');
  });

  it('endsInBatchim reads digits and Latin as spoken', () => {
    expect(endsInBatchim('3')).toBe(true);
    expect(endsInBatchim('false')).toBe(false);
    expect(endsInBatchim('web')).toBe(true);
    expect(endsInBatchim('nginx')).toBe(false);
    expect(endsInBatchim('')).toBe(false);
  });

  it('never answers with both forms', () => {
    for (const word of ['', ' ', '…', '🐳', '`', '()', '-', '｀x｀', 'a'.repeat(5000), '9'.repeat(400)]) {
      expect(particle(word, '을/를')).toMatch(/^(을|를)$/);
      expect(particle(word, '으로/로')).toMatch(/^(으로|로)$/);
    }
  });
});

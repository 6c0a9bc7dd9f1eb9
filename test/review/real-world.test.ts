/**
 * Dockerfiles as members write them (a Flask app, the chapter 6 Django workshop's, a Go service,
 * a Spring app, Ubuntu + nginx one step per RUN, and a good React + nginx multi-stage build),
 * and a fuzz run: whatever the text, a review ends in findings or a clear UserError, never a crash.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUserError } from '../../src/core/errors.ts';
import { translator } from '../../src/core/locale.ts';
import { reviewDockerfile } from '../../src/review/review.ts';

const REAL = join(import.meta.dirname, 'fixtures', 'real');
const ko = translator('ko');
const found = (file: string) =>
  reviewDockerfile(readFileSync(join(REAL, file), 'utf8'), { t: ko }).findings.map((f) => `${f.code}:${f.line}`);

describe('real-world Dockerfiles', () => {
  it('flask: the secret in ENV first, then the cache order, then the shell-form CMD', () => {
    expect(found('flask.Dockerfile')).toEqual(['DH002:6', 'DH001:3', 'DL3025:8']);
  });

  it('django (chapter 6 workshop): the baked AWS key before the compiler left in the image', () => {
    expect(found('django-ecs.Dockerfile')).toEqual([
      'DH002:4',
      'DH002:3',
      'DH003:8',
      'DL3009:8',
      'DL3025:13',
      'DL3015:8',
      'DL3008:8',
    ]);
  });

  it('go: the toolchain in the image, the dependency download after COPY . ., latest', () => {
    expect(found('go.Dockerfile')).toEqual(['DH003:5', 'DH001:3', 'DL3007:1', 'DL3059:5']);
  });

  it('spring: gradle build in the only stage', () => {
    expect(found('spring.Dockerfile')).toEqual(['DH003:4']);
  });

  it('ubuntu + nginx one step per RUN: the lone apt-get update, no tag, RUNs to join', () => {
    expect(found('ubuntu-nginx.Dockerfile')).toEqual([
      'DH005:2',
      'DL3006:1',
      'DL3059:3',
      'DL3059:4',
      'DL3059:5',
      'DL3015:3',
      'DL3015:4',
      'DL3008:3',
      'DL3008:4',
    ]);
  });

  it('react + nginx multi-stage, written as chapter 4 teaches: nothing to fix', () => {
    expect(found('react-nginx.Dockerfile')).toEqual([]);
  });
});

const WORDS = [
  'apt-get',
  'install',
  '-y',
  'update',
  '&&',
  '||',
  '|',
  ';',
  'cd',
  '/app',
  '.',
  '$X',
  '${A:-b}',
  '"q',
  "'",
  '\\',
  '<<EOF',
  'EOF',
  '#',
  '=',
  'pipefail',
  'set',
  '-o',
  '[',
  ']',
  '{',
  '}',
  '(',
  ')',
  '`',
];
const KEYWORDS = [
  'FROM',
  'RUN',
  'COPY',
  'ADD',
  'CMD',
  'ENTRYPOINT',
  'ENV',
  'ARG',
  'USER',
  'WORKDIR',
  'SHELL',
  'EXPOSE',
  'ONBUILD',
  'LABEL',
  'HEALTHCHECK',
  '#',
  'from',
  'RNU',
];

describe('any text', () => {
  it('reviews a line dockerfile-ast cannot read as a heredoc (found by the property below)', () => {
    const text = 'ADD  \\\n# \\! `\nFROM ';
    expect(() => reviewDockerfile(text, { t: ko })).not.toThrow(TypeError);
  });

  it('gets findings or a UserError, never a crash', () => {
    const line = fc
      .tuple(
        fc.constantFrom(...KEYWORDS),
        fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 6 })), { maxLength: 8 }),
        fc.constantFrom('', ' \\', ' `'),
      )
      .map(([keyword, words, end]) => `${keyword} ${words.join(' ')}${end}`);
    const file = fc
      .tuple(
        fc.constantFrom('', 'FROM alpine:3.20\n', '# escape=`\nFROM a:1 AS b\n', 'ARG X=1\nFROM x:${X}\n'),
        fc.array(line, { maxLength: 12 }),
      )
      .map(([head, lines]) => head + lines.join('\n'));
    fc.assert(
      fc.property(file, (text) => {
        try {
          reviewDockerfile(text, { t: ko });
        } catch (error) {
          if (!isUserError(error)) throw error;
        }
      }),
      { numRuns: 1500 },
    );
  });
});

/**
 * One fixture per rule that fires it (`# ↓ CODE` marks the instruction it must fire on) and a near
 * miss that must not fire it, in test/review/fixtures/rules/; then hadolint's edge cases inline.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/core/locale.ts';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { REVIEW_CODES, RULES, type ReviewCode } from '../../src/review/finding.ts';
import { reviewDockerfile, type ReviewOptions } from '../../src/review/review.ts';
import { inspectBuildContext } from '../../src/review/context.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'rules');
const ko = translator('ko');

function review(text: string, options: Partial<ReviewOptions> = {}) {
  return reviewDockerfile(text, { t: ko, ...options });
}

function linesOf(text: string, code: string, findings = review(text).findings): number[] {
  return findings.filter((f) => f.code === code).map((f) => f.line);
}

/** Lines of the instructions right below each `# ↓ CODE` marker. */
function markedLines(text: string, code: ReviewCode): number[] {
  const lines = text.split('\n');
  return lines.flatMap((line, i) => (line.trim() === `# ↓ ${code}` ? [i + 2] : []));
}

function contextFor(code: ReviewCode, kind: 'fires' | 'near-miss'): Partial<ReviewOptions> {
  if (code !== 'DH004') return {};
  const dir = join(FIXTURES, `${code}.${kind}.context`);
  return { buildContext: inspectBuildContext(dir, dir, 'Dockerfile') };
}

describe('every rule has a fixture that fires it and a near miss that does not', () => {
  it('has both fixtures for each code, and nothing else', () => {
    const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.Dockerfile'));
    expect(files.sort()).toEqual(
      REVIEW_CODES.flatMap((c) => [`${c}.fires.Dockerfile`, `${c}.near-miss.Dockerfile`]).sort(),
    );
  });

  for (const code of REVIEW_CODES) {
    it(`${code} fires exactly on the marked lines, and not on its near miss`, () => {
      const fires = readFileSync(join(FIXTURES, `${code}.fires.Dockerfile`), 'utf8');
      const expected = markedLines(fires, code);
      expect(expected.length).toBeGreaterThan(0);
      expect(linesOf(fires, code, review(fires, contextFor(code, 'fires')).findings).sort((a, b) => a - b)).toEqual(
        expected,
      );
      const near = readFileSync(join(FIXTURES, `${code}.near-miss.Dockerfile`), 'utf8');
      expect(review(near, contextFor(code, 'near-miss')).findings.filter((f) => f.code === code)).toEqual([]);
    });
  }
});

describe('edge cases (hadolint’s, and chapter 4’s)', () => {
  it('DL3006 and DL3007 read build ARG defaults, `${X:-default}` and `${X:+alt}`, and skip build-platform ARGs', () => {
    expect(linesOf('ARG V=20\nFROM node:${V}-slim', 'DL3006')).toEqual([]);
    expect(linesOf('ARG TAG\nFROM node:${TAG:-latest}', 'DL3007')).toEqual([2]);
    expect(linesOf('ARG TAG\nFROM node:${TAG:-20}', 'DL3007')).toEqual([]);
    expect(linesOf('ARG IMG=node\nARG FULL=${IMG}:latest\nFROM ${FULL}', 'DL3007')).toEqual([3]);
    expect(linesOf('FROM --platform=$BUILDPLATFORM golang:1.22 AS b\nFROM node:${TARGETARCH}', 'DL3006')).toEqual([]);
    expect(linesOf('FROM registry.example.com:5000/team/app', 'DL3006')).toEqual([1]);
    expect(linesOf('FROM registry.example.com:5000/team/app:1.2', 'DL3006')).toEqual([]);
  });

  it('DL3006 says what the ARG resolved to', () => {
    const [finding] = review('ARG BASE=debian\nFROM ${BASE}').findings.filter((f) => f.code === 'DL3006');
    expect(finding?.detail).toContain('ARG 기본값으로 풀면 `debian`');
    expect(finding?.next).toContain('FROM debian:bookworm-slim');
  });

  it('DL3059 follows hadolint: one-command RUNs in a row with the same flags; the third of a chain run', () => {
    expect(linesOf('FROM a:1\nRUN /foo.sh\nRUN /bar.sh', 'DL3059')).toEqual([3]);
    expect(linesOf('FROM a:1\nRUN /foo.sh\n# c\n# d\nRUN /bar.sh', 'DL3059')).toEqual([5]);
    expect(linesOf('FROM a:1\nRUN foo && bar\nRUN foobar', 'DL3059')).toEqual([]);
    expect(linesOf('FROM a:1\nRUN foo; bar\nRUN foobar', 'DL3059')).toEqual([]);
    expect(linesOf('FROM a:1\nRUN foo && bar\nRUN foo\nRUN bar', 'DL3059')).toEqual([4]);
    expect(linesOf('FROM a:1\nRUN --mount=type=secret,id=foo /a\nRUN --mount=type=secret,id=foo /b', 'DL3059')).toEqual(
      [3],
    );
    expect(linesOf('FROM a:1\nRUN --mount=type=secret,id=foo /a\nRUN --mount=type=secret,id=bar /b', 'DL3059')).toEqual(
      [],
    );
  });

  it('DL4006 follows the SHELL per stage, inherits it through FROM <stage>, and ignores non-POSIX shells', () => {
    const pipe = 'RUN wget -O - https://x | wc -l > /n';
    expect(linesOf(`FROM a:1\n${pipe}`, 'DL4006')).toEqual([2]);
    expect(linesOf(`FROM a:1\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\n${pipe}`, 'DL4006')).toEqual([]);
    expect(linesOf(`FROM a:1\nSHELL ["/usr/bin/zsh", "-o", "pipefail", "-c"]\n${pipe}`, 'DL4006')).toEqual([]);
    expect(linesOf(`FROM a:1\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\n${pipe}`, 'DL4006')).toEqual([3]);
    expect(linesOf(`FROM a:1\nSHELL ["pwsh", "-c"]\n${pipe}`, 'DL4006')).toEqual([]);
    expect(
      linesOf(
        `FROM a:1 AS one\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM one\n${pipe}\nFROM a:1\n${pipe}`,
        'DL4006',
      ),
    ).toEqual([6]);
    expect(
      linesOf(
        `FROM a:1\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n${pipe}\nSHELL ["/bin/sh", "-c"]\n${pipe}`,
        'DL4006',
      ),
    ).toEqual([5]);
    expect(linesOf(`FROM a:1\nRUN a | b && set -o pipefail`, 'DL4006')).toEqual([2]);
  });

  it('DL4006 suggests bash on Debian-like images (dash has no pipefail) and ash on Alpine', () => {
    const debian = review('FROM debian:12\nRUN curl -fsSL x | sh').findings.find((f) => f.code === 'DL4006');
    expect(debian?.next).toContain('SHELL ["/bin/bash", "-o", "pipefail", "-c"]');
    const alpine = review('FROM alpine:3.20\nRUN wget -qO- x | sh').findings.find((f) => f.code === 'DL4006');
    expect(alpine?.next).toContain('SHELL ["/bin/ash", "-eo", "pipefail", "-c"]');
  });

  it('DL3002 looks at the image’s last USER only, through the stage it builds on', () => {
    expect(linesOf('FROM a:1\nUSER 0', 'DL3002')).toEqual([2]);
    expect(linesOf('FROM a:1\nUSER 0:0', 'DL3002')).toEqual([2]);
    expect(linesOf('FROM a:1\nUSER root\nRUN x\nUSER app', 'DL3002')).toEqual([]);
    expect(linesOf('FROM a:1 AS base\nUSER root\nFROM base\nRUN x', 'DL3002')).toEqual([2]);
    expect(linesOf('FROM a:1 AS base\nUSER root\nFROM b:1\nUSER app', 'DL3002')).toEqual([]);
  });

  it('DL3008 reads apt-get’s own options, so their values are not taken for packages', () => {
    expect(linesOf('FROM a:1\nRUN apt-get install -y -t bookworm-backports pkg=1', 'DL3008')).toEqual([]);
    expect(linesOf('FROM a:1\nRUN apt-get install -y -o Dpkg::Options::=--force-confnew pkg=1', 'DL3008')).toEqual([]);
    expect(linesOf('FROM a:1\nRUN apt-get install -y ${PACKAGES}', 'DL3008')).toEqual([]);
    expect(linesOf('FROM a:1\nRUN sudo apt install -y curl', 'DL3008')).toEqual([2]);
  });

  it('DL3014 takes -q twice and -q=2 as answering yes', () => {
    expect(linesOf('FROM a:1\nRUN apt-get -q -q install x=1', 'DL3014')).toEqual([]);
    expect(linesOf('FROM a:1\nRUN apt-get -q=2 install x=1', 'DL3014')).toEqual([]);
    expect(linesOf('FROM a:1\nRUN apt-get -q install x=1', 'DL3014')).toEqual([2]);
  });

  it('DL3020 allows archives and URLs, quoted or in the JSON form, and offers the COPY line', () => {
    expect(linesOf('FROM a:1\nADD ["app.tar.gz", "/opt/"]', 'DL3020')).toEqual([]);
    expect(linesOf('FROM a:1\nADD "file.zip" /opt/', 'DL3020')).toEqual([2]);
    const [finding] = review('FROM a:1\nADD --chown=app:app --checksum=sha256:00 conf/ /etc/app/').findings;
    expect(finding?.next).toBe('`COPY --chown=app:app conf/ /etc/app/`');
  });

  it('DL3025 rewrites simple commands to the exec form and routes variables through sh -c exec', () => {
    const simple = review('FROM a:1\nCMD /usr/sbin/apachectl -D FOREGROUND').findings[0];
    expect(simple?.next).toContain('`CMD ["/usr/sbin/apachectl", "-D", "FOREGROUND"]`');
    const variable = review('FROM a:1\nCMD node server.js --port $PORT').findings[0];
    expect(variable?.next).toContain('`CMD ["sh", "-c", "exec node server.js --port $PORT"]`');
    expect(linesOf('FROM a:1\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1', 'DL3025')).toEqual([]);
  });

  it('RUN here-documents are read as scripts: their commands, pipes and apt calls count', () => {
    const text = 'FROM debian:12\nRUN <<EOF\nset -e\napt-get update\napt-get install curl\ncurl x | sh\nEOF';
    const codes = review(text).findings.map((f) => `${f.code}:${f.line}`);
    expect(codes).toEqual(expect.arrayContaining(['DL3014:2', 'DL3009:2', 'DL4006:2']));
    const python = review('FROM python:3.12\nRUN python3 <<EOF\nimport os | x\nEOF').findings;
    expect(python.filter((f) => f.code === 'DL4006')).toEqual([]);
  });

  it('comment lines inside a continued RUN are dropped as Docker drops them', () => {
    const text =
      'FROM debian:12\nRUN apt-get install -y \\\n  # the editor\n  vim=2 \\\n  && rm -rf /var/lib/apt/lists/*';
    const findings = review(text).findings;
    expect(findings.filter((f) => f.code === 'DL3008')).toEqual([]);
    expect(findings.map((f) => f.code)).toContain('DL3015');
  });

  it('DH001 suggests copying the manifest the install reads first', () => {
    const [finding] = review(
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements/prod.txt',
    ).findings.filter((f) => f.code === 'DH001');
    expect(finding?.next).toContain(
      'COPY requirements/prod.txt ./\nRUN pip install -r requirements/prod.txt\nCOPY . .',
    );
  });

  it('DH002 never shows the secret value, in any text of the finding', () => {
    const secret = 'hunter2-very-secret';
    const text = `FROM a:1\nENV DB_PASSWORD ${secret}\nARG API_KEY=${secret}\nRUN MYSQL_PASSWORD=${secret} ./init.sh`;
    const findings = review(text).findings.filter((f) => f.code === 'DH002');
    expect(findings.map((f) => f.line)).toEqual([2, 3, 4]);
    expect(JSON.stringify(review(text).findings)).not.toContain(secret);
    expect(findings[0]?.evidence).toEqual(['2 │ ENV DB_PASSWORD=[REDACTED]']);
  });

  it('DH003 proposes the multi-stage shape that fits the build step', () => {
    const go = review('FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]').findings;
    const finding = go.find((f) => f.code === 'DH003');
    expect(finding?.line).toBe(4);
    expect(finding?.next).toContain('COPY --from=build /out/app /usr/local/bin/app');
  });

  it('DH005 merges the update with the install that follows, and DL3009 does not repeat it', () => {
    const text =
      'FROM ubuntu:24.04\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends nginx=1 && rm -rf /var/lib/apt/lists/*';
    const findings = review(text).findings;
    const dh005 = findings.find((f) => f.code === 'DH005');
    expect(dh005?.next).toContain(
      'RUN apt-get update \\\n && apt-get install -y --no-install-recommends nginx=1 \\\n && rm -rf /var/lib/apt/lists/*',
    );
    expect(findings.filter((f) => f.code === 'DL3009')).toEqual([]);
  });
});

describe('the notes behind the rules', () => {
  it('every rule names sections that exist in knowledge/', () => {
    const root = join(import.meta.dirname, '..', '..');
    const knowledge = KnowledgeBase.load(join(root, 'knowledge'), root);
    for (const [code, rule] of Object.entries(RULES)) {
      expect(rule.refs.length, code).toBeGreaterThan(0);
      for (const ref of rule.refs) expect(knowledge.section(ref), `${code} → ${ref}`).toBeDefined();
    }
  });
});

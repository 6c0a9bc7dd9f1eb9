import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge, parseKnowledgeFile } from '../../src/knowledge/loader.ts';
import { PASSAGE_MAX_CHARS, slugify, splitPassages } from '../../src/knowledge/sections.ts';
import { allProblems } from '../../src/knowledge/validate.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { defined } from '../support/defined.ts';

const NOTE = `---
chapter: 3
title: 도커 활용
title_en: Using Docker
aliases: [docker usage]
---
# 3장 도커 활용

## 3.2 도커 명령어 {#commands}
<!-- aliases: 명령어, commands -->
\`docker image history\`

### 도커 볼륨 {#volumes}
<!-- aliases: 볼륨, volume -->
도커 볼륨 : 필요한 데이터에 접근하고 공유하기 위한 기능

\`\`\`bash
# this is a shell comment, not a heading
docker volume create data
\`\`\`

## 3.3 네트워크
bridge : 기본 네트워크 드라이버.
`;

describe('knowledge file parsing', () => {
  it('splits at headings with stable ids, heading paths and aliases', () => {
    const { doc, problems } = parseKnowledgeFile('notes/ch3', 'knowledge/notes/ch3.md', NOTE);
    expect(problems).toEqual([]);
    expect(doc?.sections.map((s) => s.id)).toEqual([
      'notes/ch3#commands',
      'notes/ch3#volumes',
      'notes/ch3#33-네트워크',
    ]);
    const sections = defined(doc).sections;
    const volumes = defined(sections[1]);
    expect(volumes.headingPath).toEqual(['도커 활용', '3.2 도커 명령어', '도커 볼륨']);
    expect(volumes.aliases).toEqual(['볼륨', 'volume']);
    expect(volumes.chapter).toBe(3);
    expect(volumes.text).toContain('# this is a shell comment');
    expect(volumes.text).not.toContain('aliases:');
    expect(sections[2]?.headingPath).toEqual(['도커 활용', '3.3 네트워크']);
  });

  it('reports empty sections, duplicate ids and a second H1 with their lines', () => {
    const bad = NOTE.replace('## 3.3 네트워크', '## 3.3 네트워크 {#commands}').replace(
      '### 도커 볼륨 {#volumes}\n<!-- aliases: 볼륨, volume -->\n도커 볼륨 : 필요한 데이터에 접근하고 공유하기 위한 기능',
      '### 도커 볼륨 {#volumes}\n\n### 빈 절 {#empty}\n도커 볼륨 : 설명\n\n# 두 번째 제목',
    );
    const { problems } = parseKnowledgeFile('notes/ch3', 'knowledge/notes/ch3.md', bad);
    const messages = problems.map((p) => p.message);
    expect(messages).toContain('empty section "도커 볼륨"');
    expect(messages.some((m) => m.startsWith('duplicate id notes/ch3#commands'))).toBe(true);
    expect(messages).toContain('more than one H1 (# title)');
    expect(problems.every((p) => p.file === 'knowledge/notes/ch3.md')).toBe(true);
  });

  it('rejects bad front matter, naming the field', () => {
    const missing = parseKnowledgeFile('x', 'knowledge/x.md', '# no front matter\n\n## a {#a}\ntext');
    expect(missing.problems[0]?.message).toMatch(/missing front matter/);
    const wrong = parseKnowledgeFile('x', 'knowledge/x.md', NOTE.replace('chapter: 3', 'chapter: 9'));
    expect(wrong.problems[0]?.message).toMatch(/front matter: chapter/);
    const typo = parseKnowledgeFile('x', 'knowledge/x.md', NOTE.replace('aliases:', 'alias:'));
    expect(typo.problems[0]?.message).toMatch(/alias/);
    const playbook = parseKnowledgeFile(
      'troubleshooting/x',
      'knowledge/troubleshooting/x.md',
      NOTE.replace('chapter: 3', 'kind: playbook\ncodes: [no-such-code]'),
    );
    expect(playbook.problems[0]?.message).toMatch(/codes/);
  });

  it('splits long sections into passages without cutting code blocks', () => {
    const paragraph = '가'.repeat(500);
    const code = '```\n' + 'x\n\ny\n'.repeat(50) + '```';
    const passages = splitPassages([paragraph, paragraph, code, paragraph].join('\n\n'), PASSAGE_MAX_CHARS);
    expect(passages.length).toBeGreaterThan(1);
    expect(passages.every((p) => (p.match(/```/g) ?? []).length % 2 === 0)).toBe(true);
    expect(passages.join('\n\n')).toBe([paragraph, paragraph, code, paragraph].join('\n\n'));
  });

  it('gives passages of a long section ids with ~N', () => {
    const long = NOTE.replace(
      'bridge : 기본 네트워크 드라이버.',
      Array.from({ length: 6 }, (_, i) => `${i} ${'나'.repeat(400)}`).join('\n\n'),
    );
    const { doc } = parseKnowledgeFile('notes/ch3', 'knowledge/notes/ch3.md', long);
    const ids = defined(doc).sections.filter((s) => s.anchor === '33-네트워크').map((s) => s.id);
    expect(ids[0]).toBe('notes/ch3#33-네트워크');
    expect(ids[1]).toBe('notes/ch3#33-네트워크~2');
  });

  it('slugifies Korean headings', () => {
    expect(slugify('3.2 도커 명령어 활용')).toBe('32-도커-명령어-활용');
    expect(slugify('  Docker  Compose! ')).toBe('docker-compose');
  });
});

describe('knowledge folder', () => {
  it('the project knowledge validates with no problems', () => {
    const knowledge = loadKnowledge(join(PROJECT_ROOT, 'knowledge'), PROJECT_ROOT);
    expect(allProblems(knowledge)).toEqual([]);
    expect(
      knowledge.docs
        .filter((d) => d.kind === 'note')
        .map((d) => d.chapter)
        .sort(),
    ).toEqual([1, 2, 3, 4, 5, 6]);
    expect(knowledge.glossary.length).toBeGreaterThan(50);
  });

  it('validation catches problems across files (glossary, uncovered finding codes)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dockhand-knowledge-'));
    mkdirSync(join(dir, 'notes'));
    writeFileSync(join(dir, 'notes', 'ch3.md'), NOTE);
    writeFileSync(
      join(dir, 'glossary.yaml'),
      'terms:\n  - ko: [볼륨]\n    en: [volume]\n  - ko: [볼륨]\n    en: [vol]\n',
    );
    const problems = allProblems(loadKnowledge(dir, dir)).map((p) => p.message);
    expect(problems.some((m) => m.includes('"볼륨" is in terms #1 and #2'))).toBe(true);
    expect(problems.some((m) => m.includes('finding code "oom-killed"'))).toBe(true);
    expect(problems.some((m) => m.includes('no note for chapter 1'))).toBe(true);
  });

  it('npm run validate fails with the problem on stderr', async () => {
    const { spawnSync } = await import('node:child_process');
    const dir = mkdtempSync(join(tmpdir(), 'dockhand-knowledge-'));
    writeFileSync(join(dir, 'bad.md'), '---\nchapter: 1\n---\n# t\n');
    const result = spawnSync('npx', ['tsx', 'src/knowledge/validate-cli.ts', dir], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/bad\.md:1: front matter: title/);
  });
});

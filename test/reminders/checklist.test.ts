import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { chapterChecklist } from '../../src/reminders/checklist.ts';
import { tempDir } from '../support/temp.ts';

const knowledge = KnowledgeBase.load(join(PROJECT_ROOT, 'knowledge'), PROJECT_ROOT);

const items = (chapter: number) =>
  (chapterChecklist(knowledge, chapter)?.groups ?? []).flatMap((g) => g.items.map((i) => i.text));

describe('chapter lab checklists from the notes', () => {
  it('takes chapter 4’s lab 4-2: the commands typed in the recorded session', () => {
    const checklist = chapterChecklist(knowledge, 4);
    expect(checklist?.kind).toBe('lab');
    expect(checklist?.groups.map((g) => g.anchor)).toEqual(['lab-4-2', 'lab-4-2-history']);
    expect(items(4)).toEqual([
      'docker build -t webapp:8.0 -f ./dockerfiles/Dockerfile .',
      'docker image history webapp:8.0',
      'docker run -itd -p 8008:80 --name=webapp08 webapp:8.0',
    ]);
    expect(checklist?.groups.flatMap((g) => g.items).every((i) => i.command)).toBe(true);
  });

  it('takes chapter 6’s numbered procedures, leaving out an outline that only groups descriptions', () => {
    const checklist = chapterChecklist(knowledge, 6);
    expect(checklist?.kind).toBe('steps');
    expect(checklist?.groups[0]).toMatchObject({ anchor: 'ec2-docker', title: 'EC2에 도커 설치하고 웹 서비스 띄우기' });
    expect(items(6).slice(0, 6)).toEqual([
      'EC2 인스턴스 생성 후 접속(putty)',
      '서버에 도커 설치',
      '깃 설치 후 실습용 예제 다운로드',
      'dockerfile 작성, 빌드, 실행',
      'EC2 인바운드 규칙 설정',
      '접속',
    ]);
    // "1. Admin / 2. Users" in the design section are headings of descriptions, not steps.
    expect(checklist?.groups.map((g) => g.anchor)).not.toContain('design');
    expect(items(6)).not.toContain('Admin');
  });

  it('falls back to the commands the notes list one per paragraph (chapter 2), without repeats', () => {
    const checklist = chapterChecklist(knowledge, 2);
    expect(checklist?.kind).toBe('commands');
    expect(items(2)).toEqual(['docker version', 'docker [system] info', 'docker system df', 'docker system events']);
  });

  it('says so when a chapter has no practice at all, and lists its sections to review (chapters 1 and 5)', () => {
    expect(chapterChecklist(knowledge, 1)?.kind).toBe('review');
    expect(items(1)).toEqual([
      '1.1 클라우드 컴퓨팅 개요',
      '1.2 컨테이너 기술과 도커',
      '1.3 쿠버네티스',
      '1.4 데브옵스',
    ]);
    expect(chapterChecklist(knowledge, 5)?.kind).toBe('review');
  });

  it('invents nothing: every item of every chapter is text of that chapter’s notes', () => {
    for (const chapter of [1, 2, 3, 4, 5, 6]) {
      const checklist = chapterChecklist(knowledge, chapter);
      expect(checklist, `chapter ${chapter}`).toBeDefined();
      const source = readFileSync(join(PROJECT_ROOT, checklist?.source ?? ''), 'utf8');
      expect(items(chapter).length, `chapter ${chapter}`).toBeGreaterThan(0);
      for (const item of items(chapter)) expect(source, `chapter ${chapter}`).toContain(item);
    }
  });

  it('has nothing for a chapter without notes', () => {
    expect(chapterChecklist(knowledge, 9)).toBeUndefined();
  });

  it('reads supplements (> 보충) as explanations, not steps, and a lab without steps as one item', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'notes'), { recursive: true });
    writeFileSync(join(dir, 'glossary.yaml'), '[]\n');
    writeFileSync(
      join(dir, 'notes', 'ch3-x.md'),
      [
        '---',
        'chapter: 3',
        'title: 시험 장',
        'title_en: Test chapter',
        'aliases: []',
        'tags: []',
        '---',
        '# 3장 시험 장',
        '',
        '## 로드 밸런서 실습 {#lb-lab}',
        '컨테이너 셋을 띄우고 프록시로 묶는다.',
        '',
        '> 보충: 1. 이건 보충 설명이라 단계가 아니다',
        '',
      ].join('\n'),
    );
    const fixture = KnowledgeBase.load(dir, dir);
    expect(chapterChecklist(fixture, 3)).toMatchObject({
      kind: 'lab',
      groups: [{ anchor: 'lb-lab', items: [{ text: '컨테이너 셋을 띄우고 프록시로 묶는다.', command: false }] }],
    });
  });
});

import { defineCommand } from '../src/core/command.ts';
import { UserError } from '../src/core/errors.ts';
import type { Translate } from '../src/core/locale.ts';
import type { Reply } from '../src/core/reply.ts';
import { CHAPTER_COUNT, CHAPTERS } from '../src/knowledge/chapters.ts';
import type { KnowledgeBase } from '../src/knowledge/knowledge-base.ts';
import type { KnowledgeDoc, Section } from '../src/knowledge/types.ts';
import { headingPath } from '../src/knowledge/views.ts';
import { OPEN_SECTION_ID, sectionValue } from './shared/section-menu.ts';

export default defineCommand({
  name: 'note',
  nameKo: '노트',
  description: { ko: '장별 스터디 노트를 훑어봐요', en: 'Browse the study notes by chapter' },
  options: [
    {
      name: 'chapter',
      nameKo: '장',
      type: 'integer',
      required: true,
      description: { ko: `몇 장? (1–${CHAPTER_COUNT})`, en: `Which chapter (1–${CHAPTER_COUNT})` },
      choices: CHAPTERS.map((n) => ({ name: { ko: `${n}장`, en: `Chapter ${n}` }, value: n })),
    },
    {
      name: 'section',
      nameKo: '절',
      type: 'string',
      description: { ko: '절 (비우면 목차)', en: 'Section (empty: table of contents)' },
      autocomplete: (partial, ctx, others) => {
        const doc = ctx.knowledge.chapter(Number(others.chapter));
        const sections = doc ? doc.sections : ctx.knowledge.sections.filter((s) => s.kind === 'note');
        const wanted = partial.trim().toLowerCase();
        return sections
          .filter((s) => !s.passage || s.passage === 1)
          .filter((s) => !wanted || s.heading.toLowerCase().includes(wanted) || s.anchor.includes(wanted))
          .map((s) => ({ name: { ko: s.heading, en: s.heading }, value: s.anchor }));
      },
    },
  ],
  run: ({ chapter, section }, ctx) => {
    const doc = ctx.knowledge.chapter(chapter);
    if (!doc) {
      throw new UserError('unknown-chapter', {
        ko: `${chapter}장 노트가 아직 없어요.`,
        en: `No notes for chapter ${chapter} yet.`,
      });
    }
    if (!section) return tableOfContents(doc, ctx.t);
    const found = findSection(doc, section);
    if (!found) {
      throw new UserError('unknown-section', {
        ko: `${chapter}장에 "${section}" 절이 없어요. /note chapter:${chapter} 로 목차를 보세요.`,
        en: `Chapter ${chapter} has no section "${section}". Try /note chapter:${chapter} for its contents.`,
      });
    }
    return showSection(ctx.knowledge, found);
  },
  components: {
    toc: (_args, ctx, selected) => {
      const [docId, anchor] = (selected[0] ?? '').split('#');
      const doc = docId ? ctx.knowledge.doc(docId) : undefined;
      const found = doc && anchor ? findSection(doc, anchor) : undefined;
      if (!found) {
        throw new UserError('unknown-section', { ko: '그 절을 찾을 수 없어요.', en: 'That section no longer exists.' });
      }
      return { ...showSection(ctx.knowledge, found), ephemeral: true };
    },
  },
});

function tableOfContents(doc: KnowledgeDoc, t: Translate): Reply {
  const entries = doc.sections.filter((s) => !s.passage || s.passage === 1);
  const lines = entries.map((s) => `${'  '.repeat(Math.max(0, s.level - 2))}• ${s.heading}  \`${s.anchor}\``);
  return {
    title: doc.title,
    text: t({ ko: '', en: `${doc.titleEn}\n\n` }) + lines.join('\n'),
    footer: doc.source,
    tone: 'info',
    actions: [
      [
        {
          kind: 'select',
          customId: OPEN_SECTION_ID,
          placeholder: t({ ko: '펼쳐 볼 절을 고르세요', en: 'Open a section' }),
          options: entries.map((s) => ({ label: s.heading, value: sectionValue(s) })),
        },
      ],
    ],
    data: { id: doc.id, title: doc.title, sections: entries.map((s) => ({ id: s.id, heading: s.heading })) },
  };
}

/** The section (its first passage) whose anchor or heading matches. */
function findSection(doc: KnowledgeDoc, wanted: string): Section | undefined {
  const key = wanted.trim().toLowerCase();
  return (
    doc.sections.find((s) => s.anchor === key) ??
    doc.sections.find((s) => s.heading.toLowerCase() === key) ??
    doc.sections.find((s) => s.heading.toLowerCase().includes(key))
  );
}

/** The whole section, every passage of it. */
function showSection(knowledge: KnowledgeBase, section: Section): Reply {
  const passages = knowledge.sections.filter((s) => s.docId === section.docId && s.anchor === section.anchor);
  const text = passages.map((p) => p.text).join('\n\n');
  return {
    title: headingPath(section),
    text,
    footer: section.source,
    tone: 'info',
    data: { id: section.id, text },
  };
}

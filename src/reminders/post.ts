import type { Translate } from '../core/locale.ts';
import type { ReplyField } from '../core/reply.ts';
import { timestamp } from '../core/timestamp.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { ReminderRecord } from '../store/reminders.ts';
import { chapterChecklist, type Checklist, type ChecklistGroup } from './checklist.ts';
import { describeSchedule } from './describe.ts';
import type { ReminderPost } from './poster.ts';
import { scheduleOf } from './reminder-view.ts';

/** Discord's field value limit; a checklist group longer than this is cut at an item. */
const FIELD_MAX = 1024;

export interface PostOccasion {
  /** The fire time being posted (undefined for a test post). */
  fireTime?: Date | undefined;
  /** Posted after it was due (missed while dockhand was down, or long delayed). */
  late: boolean;
  test: boolean;
}

/** The message a reminder posts: its text, the chapter's lab checklist if it has one, and its schedule. */
export function reminderPost(
  reminder: ReminderRecord,
  occasion: PostOccasion,
  knowledge: KnowledgeBase,
  t: Translate,
): ReminderPost {
  const notes: string[] = [];
  if (occasion.late && occasion.fireTime) {
    const due = timestamp(occasion.fireTime, reminder.timezone, 'F');
    notes.push(
      t({
        ko: `🕒 원래 ${due}에 보낼 알림이었는데, dockhand가 꺼져 있어서 늦게 보내요.`,
        en: `🕒 This was due ${due}; dockhand was down, so it comes late.`,
      }),
    );
  }
  if (occasion.test) {
    notes.push(
      t({
        ko: '🧪 `/remind test`로 지금 보내 보는 알림이에요. 역할 알림은 가지 않아요.',
        en: '🧪 A `/remind test` post, sent now. It notifies no role.',
      }),
    );
  }
  const checklist = reminder.chapter === undefined ? undefined : chapterChecklist(knowledge, reminder.chapter);
  const intro = reminder.chapter === undefined ? undefined : checklistIntro(reminder.chapter, checklist, t);
  const title =
    t({ ko: '⏰ 스터디 리마인더', en: '⏰ Study reminder' }) +
    (occasion.test ? t({ ko: ' (테스트)', en: ' (test)' }) : '') +
    (occasion.late ? t({ ko: ' · 늦은 알림', en: ' · late' }) : '');
  return {
    reminderId: reminder.id,
    channelId: reminder.channelId,
    roleId: reminder.roleId,
    test: occasion.test,
    reply: {
      title,
      text: [reminder.message, ...notes, ...(intro ? [intro] : [])].join('\n\n'),
      tone: 'info',
      ...(checklist ? { fields: checklistFields(checklist, t) } : {}),
      footer: `#${reminder.id} · ${reminder.scheduleInput} · ${describeSchedule(scheduleOf(reminder), t)}`,
    },
  };
}

function checklistIntro(chapter: number, checklist: Checklist | undefined, t: Translate): string {
  if (!checklist) {
    return t({
      ko: `${chapter}장 노트가 없어서 체크리스트를 붙이지 못했어요.`,
      en: `No notes for chapter ${chapter}, so no checklist.`,
    });
  }
  const from = {
    lab: { ko: '노트의 실습 절에서 모았어요.', en: 'from the lab sections of the notes.' },
    steps: { ko: '노트의 단계별 절차에서 모았어요.', en: 'from the step-by-step procedures in the notes.' },
    commands: { ko: '노트에 나온 명령을 직접 실행해 보세요.', en: 'run the commands the notes list.' },
    review: {
      ko: `${chapter}장 노트에는 실습 단계가 없어서 복습할 절을 모았어요.`,
      en: `chapter ${chapter}'s notes have no lab steps, so here are its sections to review.`,
    },
  }[checklist.kind];
  return t({
    ko: `**${chapter}장 ${checklist.kind === 'review' ? '복습' : '실습'} 체크리스트** — ${from.ko}`,
    en: `**Chapter ${chapter} ${checklist.kind === 'review' ? 'review' : 'lab'} checklist** — ${from.en}`,
  });
}

function checklistFields(checklist: Checklist, t: Translate): ReplyField[] {
  const icon = { lab: '🧪', steps: '📋', commands: '⌨️', review: '📖' }[checklist.kind];
  return checklist.groups.map((group) => ({
    name: `${icon} ${checklist.kind === 'review' ? t({ ko: '복습할 절', en: 'Sections to review' }) : group.title}`,
    value: groupValue(checklist.chapter, group, t),
  }));
}

function groupValue(chapter: number, group: ChecklistGroup, t: Translate): string {
  const open = `📖 \`/note chapter:${chapter}${group.anchor ? ` section:${group.anchor}` : ''}\``;
  const lines: string[] = [];
  let used = open.length + 1;
  for (const [index, item] of group.items.entries()) {
    const line = `☐ ${item.command ? `\`${item.text}\`` : item.text}`;
    const more = t({ ko: `…외 ${group.items.length - index}개`, en: `…and ${group.items.length - index} more` });
    if (used + line.length + 1 > FIELD_MAX - more.length - 1) {
      lines.push(more);
      break;
    }
    lines.push(line);
    used += line.length + 1;
  }
  return [...lines, open].join('\n');
}

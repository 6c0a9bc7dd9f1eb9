import { appendFileSync, cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_DIR } from './bot-process.ts';

export const LONG_SECTION_ANCHOR = 'e2e-long';
export const LONG_SECTION_LAST_LINE = '120. 마지막 줄: 긴 답은 첨부 파일로 보내요.';

/**
 * The project's notes copied to `dir`, plus one section in chapter 1 far longer than a Discord
 * message may be, so a test can rely on a long answer whatever the real notes hold.
 */
export function knowledgeWithLongSection(dir: string): string {
  const target = join(dir, 'knowledge');
  cpSync(join(PROJECT_DIR, 'knowledge'), target, { recursive: true });
  const chapterOne = readdirSync(join(target, 'notes')).find((f) => f.startsWith('ch1-'));
  if (!chapterOne) throw new Error('knowledge/notes has no chapter 1 file');
  const lines = Array.from(
    { length: 119 },
    (_, i) => `${i + 1}. 이 절은 Discord 메시지 한도를 넘는 긴 답을 시험하려고 만든 줄이에요. 줄 번호 ${i + 1}.`,
  );
  appendFileSync(
    join(target, 'notes', chapterOne),
    `\n\n## 1.9 아주 긴 절 (시험용) {#${LONG_SECTION_ANCHOR}}\n\n${lines.join('\n\n')}\n\n${LONG_SECTION_LAST_LINE}\n`,
  );
  return target;
}

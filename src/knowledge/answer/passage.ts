import type { Question } from '../question.ts';
import type { Section } from '../types.ts';
import { blocksOf, joinBlocks, type Block } from './blocks.ts';
import type { AnswerSource } from './compose.ts';
import type { ComposedBody } from './playbook-answer.ts';
import { readableRefs } from './refs.ts';

/** A passage longer than this is shown around the blocks closest to the question. */
const PASSAGE_CHARS = 1800;

/**
 * A note's answer: the passage that matched, as written — code, tables and trees intact,
 * cross-references by their titles — around the blocks closest to the question when it is long.
 */
export function composePassage(
  section: Section,
  question: Question,
  knowledge: AnswerSource,
): ComposedBody {
  const blocks = blocksOf(section.text);
  const shown = blocks.reduce((n, b) => n + b.text.length + 2, 0) <= PASSAGE_CHARS ? blocks : around(blocks, question, knowledge);
  return { text: readableRefs(joinBlocks(shown), knowledge), sectionIds: [section.id] };
}

/** The block closest to the question and its neighbours, in order, within PASSAGE_CHARS. */
function around(blocks: Block[], question: Question, knowledge: AnswerSource): Block[] {
  const relevance = knowledge.relevance(
    question.searchText,
    blocks.map((b) => b.text),
  );
  let best = 0;
  relevance.forEach((r, i) => {
    if (r > (relevance[best] ?? 0)) best = i;
  });
  let from = best;
  let to = best + 1;
  let used = blocks[best]?.text.length ?? 0;
  // Grow after the best block first (an example follows its explanation), then before it.
  for (let grew = true; grew; ) {
    grew = false;
    const next = blocks[to];
    if (next && used + next.text.length <= PASSAGE_CHARS) {
      used += next.text.length + 2;
      to++;
      grew = true;
    }
    const previous = blocks[from - 1];
    if (previous && used + previous.text.length <= PASSAGE_CHARS) {
      used += previous.text.length + 2;
      from--;
      grew = true;
    }
  }
  return blocks.slice(from, to);
}

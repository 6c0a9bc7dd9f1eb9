import { NGINX_PATH_CODES } from '../../diagnostics/nginx/codes.ts';
import { ECS_LINT_CODES } from '../../diagnostics/ecs/codes.ts';
import type { Translate } from '../../core/locale.ts';
import type { Question } from '../question.ts';
import { exitCodeOfTitle, exitCodesOf } from './exit-codes.ts';
import { blocksOf, cutOutsideCode, firstSentence, joinBlocks, type Block } from './blocks.ts';
import type { AnswerSource } from './compose.ts';
import { titled, type Cause, type Placement, type Playbook, type PlaybookPart } from './playbook.ts';
import { readableRefs } from './refs.ts';

/** How much of each part a first answer shows (characters of Markdown, lines of code, items). */
const SHOWN = {
  leadCause: 900,
  otherCauses: 2,
  otherCause: 220,
  checkLines: 10,
  checkBlocks: 2,
  fixItems: 5,
  fixItem: 200,
} as const;

export interface ComposedBody {
  text: string;
  sectionIds: string[];
}

/** One part of a playbook answer: its heading, its Markdown, the sections it came from. */
interface AnswerPart {
  heading: string;
  text: string;
  ids: string[];
}

/**
 * A playbook's first answer: the likely causes ranked for what the question says (the first in
 * full, the next ones in a sentence), how to check (the commands), the fix, and the dockhand
 * command that checks the member's own container. The symptom, which the member already knows,
 * is left out. A question that search placed in the check or fix part (how to read the logs,
 * how to make an image smaller) gets that part first.
 */
export function composePlaybook(
  playbook: Playbook,
  placement: Placement,
  question: Question,
  knowledge: AnswerSource,
  t: Translate,
): ComposedBody {
  const readable = (markdown: string) => readableRefs(markdown, knowledge);
  const causes = causesPart(playbook, question, knowledge, t);
  const check = checkPart(playbook, placement, question, knowledge, causes?.leadHasCode ?? false, t);
  const fix = fixPart(playbook, placement, question, knowledge, t);
  const order =
    placement.role === 'check' ? [check, causes, fix] : placement.role === 'fix' ? [fix, causes, check] : [causes, check, fix];
  const parts = order.filter((p): p is AnswerPart => p !== undefined && p.text !== '');
  const offer = commandOffer(playbook, question, t);
  return {
    text: [...parts.map((p) => `**${p.heading}**\n${readable(p.text)}`), ...(offer ? [offer] : [])].join('\n\n'),
    sectionIds: [...new Set(parts.flatMap((p) => p.ids))],
  };
}

/** The causes, ranked: the first in full, the next ones in a sentence each. */
function causesPart(
  playbook: Playbook,
  question: Question,
  knowledge: AnswerSource,
  t: Translate,
): (AnswerPart & { leadHasCode: boolean }) | undefined {
  const [lead, ...others] = rankCauses(playbook, question, knowledge);
  if (!lead) {
    if (!playbook.causes) return undefined;
    const text = capBlocks(blocksOf(playbook.causes.text), SHOWN.leadCause);
    return { heading: t({ ko: '원인', en: 'Causes' }), text, ids: [playbook.causes.id], leadHasCode: hasCode(text) };
  }
  // The other causes at the lead's level of detail: nginx's A–G beside A–G, its three groups beside each other.
  const shownOthers = others.filter((c) => Boolean(c.detail) === Boolean(lead.detail)).slice(0, SHOWN.otherCauses);
  const body = capBlocks(blocksOf(lead.body), SHOWN.leadCause);
  const rest = shownOthers.length
    ? `\n\n**${t({ ko: '다른 원인', en: 'Other causes' })}**\n${shownOthers.map((c) => `- ${oneLine(c)}`).join('\n')}`
    : '';
  return {
    heading: `${t({ ko: '가장 흔한 원인', en: 'Most likely cause' })}${lead.title ? `: ${lead.title}` : ''}`,
    text: body + rest,
    ids: [lead.sectionId, ...shownOthers.map((c) => c.sectionId)],
    leadHasCode: hasCode(body),
  };
}

/**
 * Causes by how much of the question each covers (its title, its own aliases and text, beside the
 * playbook's title, as search reads the question: typos, glossary, particles); ties keep the
 * playbook's order, commonest first. Which cause section search listed first says little: a
 * playbook's aliases match all its sections. A cause's own aliases do say something: they name how members meet it (exit 125's
 * 이름이 이미 사용 중), which its text may only show in an error message. An exit code the member
 * saw (`Exited (137)`) outweighs all words: it names the cause.
 */
function rankCauses(playbook: Playbook, question: Question, knowledge: AnswerSource): Cause[] {
  const causes = playbook.causeList;
  if (causes.length < 2) return causes;
  // Every cause is read with the playbook's title: the words that name the symptom (바로 꺼져요)
  // count for all of them alike, and the rest of the question decides.
  const symptom = playbook.doc.title;
  const relevance = knowledge.relevance(
    question.searchText,
    causes.map((c) => [symptom, c.title, ...ownAliases(c, knowledge), c.body].join('\n')),
  );
  const named = exitCodesOf([question.plain, ...question.errors].join('\n'));
  const seen = (cause: Cause) => {
    const code = exitCodeOfTitle(cause.title);
    return code !== undefined && named.includes(code) ? 1 : 0;
  };
  return causes
    .map((cause, order) => ({ cause, order, seen: seen(cause), score: relevance[order] ?? 0 }))
    .sort((a, b) => b.seen - a.seen || b.score - a.score || a.order - b.order)
    .map((s) => s.cause);
}

/** The aliases of a cause's own section (a subsection of the causes); none for an item of the causes list. */
function ownAliases(cause: Cause, knowledge: AnswerSource): string[] {
  const section = knowledge.section(cause.sectionId);
  return section && !cause.sectionId.endsWith('#causes') ? section.aliases : [];
}

/** The part of a playbook closest to the question: the one search placed it in, else the most relevant, else the first. */
function closestPart(
  parts: PlaybookPart[],
  placement: Placement,
  question: Question,
  knowledge: AnswerSource,
): PlaybookPart | undefined {
  const placed = parts.find((p) => p.id === placement.part);
  if (placed) return placed;
  const relevance = knowledge.relevance(
    question.searchText,
    parts.map((p) => `${p.heading}\n${p.text}`),
  );
  return parts
    .map((part, order) => ({ part, order, score: relevance[order] ?? 0 }))
    .sort((a, b) => b.score - a.score || a.order - b.order)[0]?.part;
}

/** A cause in one line: its title in bold and the first sentence of its text. */
function oneLine(cause: Cause): string {
  const plain = blocksOf(cause.body)
    .filter((b) => b.kind === 'paragraph' || b.kind === 'list')
    .map((b) => (b.kind === 'list' ? b.items.map((item) => titled(item).title || item).join(', ') : b.text));
  const sentence = firstSentence(plain.join(' '), SHOWN.otherCause);
  return cause.title ? `**${cause.title}**${sentence ? `: ${sentence}` : ''}` : sentence;
}

/** Blocks from the start while they fit in `max` characters (at least the first, cut if it must be). */
export function capBlocks(blocks: readonly Block[], max: number): string {
  const kept: Block[] = [];
  let used = 0;
  for (const block of blocks) {
    if (kept.length && used + block.text.length > max) break;
    kept.push(block);
    used += block.text.length + 2;
  }
  const [first] = kept;
  if (kept.length === 1 && first && first.text.length > max && first.kind !== 'code') {
    return first.kind === 'list' ? capList(first, max) : cutOutsideCode(first.text, max);
  }
  return joinBlocks(kept);
}

/** A long list: its items while they fit. */
function capList(list: Block, max: number): string {
  const lines: string[] = [];
  let used = 0;
  for (const line of list.text.split('\n')) {
    if (lines.length && used + line.length > max) break;
    lines.push(line);
    used += line.length + 1;
  }
  return lines.join('\n');
}

const hasCode = (markdown: string): boolean => blocksOf(markdown).some((b) => b.kind === 'code' || /```/.test(b.text));

/**
 * How to check: the commands of the check section, or of its subsection closest to the
 * question, at most SHOWN.checkLines lines; fewer when the lead cause brought its own.
 */
function checkPart(
  playbook: Playbook,
  placement: Placement,
  question: Question,
  knowledge: AnswerSource,
  leadHasCode: boolean,
  t: Translate,
): AnswerPart | undefined {
  const heading = t({ ko: '확인', en: 'How to check' });
  const withCode = playbook.checkParts.filter((p) => codeOf(p.text).length);
  const own = playbook.check && codeOf(playbook.check.text).length ? playbook.check : undefined;
  const part =
    placement.role === 'check' && placement.part
      ? withCode.find((p) => p.id === placement.part)
      : (own ?? closestPart(withCode, placement, question, knowledge) ?? playbook.check);
  if (!part) return undefined;
  const code = codeOf(part.text);
  if (!code.length) return { heading, text: capBlocks(blocksOf(part.text), SHOWN.leadCause), ids: [part.id] };
  // A check subsection the question is about is shown whole: its commands are the answer.
  if (placement.part === part.id) return { heading: `${heading}: ${part.heading}`, text: capBlocks(blocksOf(part.text), SHOWN.leadCause), ids: [part.id] };
  const lines = leadHasCode ? Math.ceil(SHOWN.checkLines / 2) : SHOWN.checkLines;
  return { heading, text: trimCode(code.slice(0, leadHasCode ? 1 : SHOWN.checkBlocks), lines), ids: [part.id] };
}

/** The code fences of a text (also those inside a quote, unquoted). */
function codeOf(markdown: string): Block[] {
  return blocksOf(markdown.replace(/^[ \t]*>[ \t]?/gm, '')).filter((b) => b.kind === 'code');
}

/** Fences with at most `lines` lines of code between them all. */
function trimCode(blocks: Block[], lines: number): string {
  const out: string[] = [];
  let left = lines;
  for (const block of blocks) {
    if (left <= 0) break;
    const rows = block.text.split('\n');
    const open = rows[0] ?? '```';
    const body = rows.slice(1, -1).filter((r) => r.trim());
    out.push([open, ...body.slice(0, left), '```'].join('\n'));
    left -= body.length;
  }
  return out.join('\n');
}

/**
 * The fix: the items of the fix section's list, a sentence each; fix subsections (alternatives
 * such as a smaller base image or a multi-stage build) with the one closest to the question in
 * full and the others in a sentence.
 */
function fixPart(
  playbook: Playbook,
  placement: Placement,
  question: Question,
  knowledge: AnswerSource,
  t: Translate,
): AnswerPart | undefined {
  const items: string[] = [];
  const ids: string[] = [];
  let expanded = '';
  if (playbook.fix) {
    const list = blocksOf(playbook.fix.text).find((b) => b.kind === 'list');
    if (list) {
      items.push(...list.items.map((item) => firstSentence(item, SHOWN.fixItem)));
      ids.push(playbook.fix.id);
    }
  }
  // The subsection search placed the question in (a stopped daemon, not the group permission) leads, in full.
  const placed = playbook.fixParts.find((p) => p.id === placement.part);
  const closest = placed ?? (items.length ? undefined : closestPart(playbook.fixParts, placement, question, knowledge));
  if (closest) {
    expanded = `**${closest.heading}**\n${capBlocks(blocksOf(closest.text), SHOWN.leadCause)}`;
    ids.unshift(closest.id);
  }
  for (const part of playbook.fixParts) {
    if (part === closest || items.length >= SHOWN.fixItems) continue;
    const first = blocksOf(part.text).find((b) => b.kind === 'list' || b.kind === 'paragraph');
    const lead = first?.kind === 'list' ? (first.items[0] ?? '') : (first?.text ?? '');
    items.push(`**${part.heading}**: ${firstSentence(lead, SHOWN.fixItem)}`);
    ids.push(part.id);
  }
  if (!items.length && !expanded && playbook.fix) {
    items.push(firstSentence(playbook.fix.text, SHOWN.fixItem));
    ids.push(playbook.fix.id);
  }
  const list = items.map((item, i) => `${i + 1}. ${item}`).join('\n');
  const text = [expanded, expanded && list ? `**${t({ ko: '다른 방법', en: 'Other ways' })}**\n${list}` : list]
    .filter(Boolean)
    .join('\n\n');
  return text ? { heading: t({ ko: '해결', en: 'Fix' }), text, ids } : undefined;
}

const NGINX = new Set<string>(NGINX_PATH_CODES);
const ECS_LINT = new Set<string>(ECS_LINT_CODES);

/**
 * The dockhand command that checks the member's own container for what this playbook explains,
 * by the finding codes the playbook lists: `/diagnose` for its codes, `/ecs check` for nginx's
 * default page, `/ecs lint` for a task definition.
 */
function commandOffer(playbook: Playbook, question: Question, t: Translate): string {
  const codes = playbook.doc.codes;
  if (!codes.length) return '';
  const target = question.container ?? t({ ko: '<컨테이너>', en: '<container>' });
  const offers: string[] = [];
  if (codes.some((c) => !NGINX.has(c) && !ECS_LINT.has(c))) {
    offers.push(
      t({
        ko: `\`/diagnose ${target}\` — 상태·종료 코드·포트·로그를 읽기만 하며 점검하고 원인을 짚어 줘요`,
        en: `\`/diagnose ${target}\` — reads its state, exit code, ports and log and names the cause`,
      }),
    );
  }
  if (codes.some((c) => NGINX.has(c))) {
    offers.push(
      t({
        ko: `\`/ecs check ${target}\` — nginx 설정·이미지·포트 주인을 읽어 기본 페이지의 원인(A–G)을 파일과 줄까지 짚어 줘요`,
        en: `\`/ecs check ${target}\` — reads nginx's configuration, the image and who holds the port, and names the cause (A–G)`,
      }),
    );
  }
  if (codes.some((c) => ECS_LINT.has(c))) {
    offers.push(
      t({
        ko: '`/ecs lint <작업 정의 JSON>` — ECS 작업 정의를 점검해요',
        en: '`/ecs lint <task definition JSON>` — checks an ECS task definition',
      }),
    );
  }
  return [`**${t({ ko: '내 컨테이너로 확인하기', en: 'Check your own container' })}**`, ...offers.map((o) => `- ${o}`)].join(
    '\n',
  );
}

import { NGINX_PATH_CODES } from '../../diagnostics/nginx/codes.ts';
import { ECS_LINT_CODES } from '../../diagnostics/ecs/codes.ts';
import type { Translate } from '../../core/locale.ts';
import type { Question } from '../question.ts';
import type { SearchHit } from '../search-engine.ts';
import { blocksOf, cutOutsideCode, firstSentence, joinBlocks, type Block } from './blocks.ts';
import type { AnswerSource } from './compose.ts';
import { titled, type Cause, type Playbook, type PlaybookPart } from './playbook.ts';
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

/**
 * A playbook's first answer: the likely causes ranked for what the question says (the first in
 * full, the next ones in a sentence), how to check (the commands), the fix, and the dockhand
 * command that checks the member's own container. The symptom, which the member already knows,
 * is left out.
 */
export function composePlaybook(
  playbook: Playbook,
  question: Question,
  hits: readonly SearchHit[],
  knowledge: AnswerSource,
  t: Translate,
): ComposedBody {
  const readable = (markdown: string) => readableRefs(markdown, knowledge);
  const causes = rankCauses(playbook.causeList, question, hits, knowledge);
  const [lead, ...others] = causes;
  const parts: string[] = [];
  const ids: string[] = [];

  if (lead) {
    parts.push(`**${t({ ko: '가장 흔한 원인', en: 'Most likely cause' })}${lead.title ? `: ${lead.title}` : ''}**`);
    parts.push(readable(leadBody(lead.body)));
    ids.push(lead.sectionId);
    const shownOthers = others.slice(0, SHOWN.otherCauses);
    if (shownOthers.length) {
      parts.push(`**${t({ ko: '다른 원인', en: 'Other causes' })}**`);
      parts.push(shownOthers.map((c) => `- ${oneLine(c, readable)}`).join('\n'));
      for (const c of shownOthers) if (!ids.includes(c.sectionId)) ids.push(c.sectionId);
    }
  } else if (playbook.causes) {
    parts.push(`**${t({ ko: '원인', en: 'Causes' })}**`);
    parts.push(readable(capBlocks(blocksOf(playbook.causes.text), SHOWN.leadCause)));
    ids.push(playbook.causes.id);
  }

  const check = checkPart(playbook, question, knowledge, Boolean(lead && hasCode(lead.body)));
  if (check) {
    parts.push(`**${t({ ko: '확인', en: 'How to check' })}**`);
    parts.push(readable(check.text));
    ids.push(check.id);
  }

  const fix = fixItems(playbook);
  if (fix.items.length) {
    parts.push(`**${t({ ko: '해결', en: 'Fix' })}**`);
    parts.push(fix.items.map((item, i) => `${i + 1}. ${readable(item)}`).join('\n'));
    ids.push(...fix.ids);
  }

  const offer = commandOffer(playbook, question, t);
  if (offer) parts.push(offer);
  return { text: parts.join('\n\n'), sectionIds: [...new Set(ids)] };
}

/**
 * Causes by how much of the question each covers (its title and text, as search reads them);
 * a cause search itself found gets ahead; ties keep the playbook's order, commonest first.
 */
function rankCauses(causes: Cause[], question: Question, hits: readonly SearchHit[], knowledge: AnswerSource): Cause[] {
  if (causes.length < 2) return causes;
  const relevance = knowledge.relevance(
    question.searchText,
    causes.map((c) => `${c.title}\n${c.body}`),
  );
  const found = new Map(hits.map((h) => [h.section.id.replace(/~\d+$/, ''), h.score]));
  const scored = causes.map((cause, order) => {
    // A cause that is a section of its own and that search found: search read the whole question.
    const ownSection = causes.filter((c) => c.sectionId === cause.sectionId).length === 1;
    const searched = ownSection ? (found.get(cause.sectionId) ?? 0) : 0;
    return { cause, order, score: (relevance[order] ?? 0) + 0.5 * searched };
  });
  return scored.sort((a, b) => b.score - a.score || a.order - b.order).map((s) => s.cause);
}

/** The lead cause in full, up to SHOWN.leadCause characters, cut between blocks. */
function leadBody(body: string): string {
  return capBlocks(blocksOf(body), SHOWN.leadCause);
}

/** A cause in one line: its title in bold and the first sentence of its text. */
function oneLine(cause: Cause, readable: (s: string) => string): string {
  const plain = blocksOf(cause.body)
    .filter((b) => b.kind === 'paragraph' || b.kind === 'list')
    .map((b) => (b.kind === 'list' ? b.items.map((item) => titled(item).title || item).join(', ') : b.text));
  const sentence = firstSentence(plain.join(' '), SHOWN.otherCause);
  const text = readable(sentence);
  return cause.title ? `**${cause.title}**${text ? `: ${text}` : ''}` : text;
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
 * How to check: the commands of the check section (or of its subsection closest to the
 * question), at most SHOWN.checkLines lines; fewer when the lead cause brought its own.
 */
function checkPart(
  playbook: Playbook,
  question: Question,
  knowledge: AnswerSource,
  leadHasCode: boolean,
): { id: string; text: string } | undefined {
  const candidates: PlaybookPart[] = [];
  if (playbook.check && codeOf(playbook.check.text).length) candidates.push(playbook.check);
  else if (playbook.checkParts.length) {
    const relevance = knowledge.relevance(
      question.searchText,
      playbook.checkParts.map((p) => `${p.heading}\n${p.text}`),
    );
    const best = playbook.checkParts
      .map((part, order) => ({ part, order, score: relevance[order] ?? 0 }))
      .filter(({ part }) => codeOf(part.text).length)
      .sort((a, b) => b.score - a.score || a.order - b.order)[0];
    if (best) candidates.push(best.part);
  } else if (playbook.check) candidates.push(playbook.check);
  const [part] = candidates;
  if (!part) return undefined;
  const code = codeOf(part.text);
  if (!code.length) return { id: part.id, text: capBlocks(blocksOf(part.text), 500) };
  const lines = leadHasCode ? Math.ceil(SHOWN.checkLines / 2) : SHOWN.checkLines;
  return { id: part.id, text: trimCode(code.slice(0, leadHasCode ? 1 : SHOWN.checkBlocks), lines) };
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

/** The fix: the items of the fix section's list, then one line per fix subsection. */
function fixItems(playbook: Playbook): { items: string[]; ids: string[] } {
  const items: string[] = [];
  const ids: string[] = [];
  if (playbook.fix) {
    const list = blocksOf(playbook.fix.text).find((b) => b.kind === 'list');
    if (list) {
      items.push(...list.items.map((item) => firstSentence(item, SHOWN.fixItem)));
      ids.push(playbook.fix.id);
    }
  }
  for (const part of playbook.fixParts) {
    if (items.length >= SHOWN.fixItems) break;
    const first = blocksOf(part.text).find((b) => b.kind === 'list' || b.kind === 'paragraph');
    const lead = first?.kind === 'list' ? (first.items[0] ?? '') : (first?.text ?? '');
    items.push(`**${part.heading}**: ${firstSentence(lead, SHOWN.fixItem)}`);
    ids.push(part.id);
  }
  if (!items.length && playbook.fix) {
    items.push(firstSentence(playbook.fix.text, SHOWN.fixItem));
    ids.push(playbook.fix.id);
  }
  return { items: items.slice(0, SHOWN.fixItems), ids };
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

import { UserError } from '../core/errors.ts';
import type { Translate } from '../core/locale.ts';
import { KEYWORDS, parseDockerfile, type ParsedDockerfile } from './dockerfile.ts';
import { byValue, type ReviewFinding } from './finding.ts';
import { lineage, type BuildContextFacts, type Rule, type RuleContext } from './rule.ts';
import { aptRules } from './rules/apt.ts';
import { baseImageRules } from './rules/base-image.ts';
import { cacheOrderRule, dockerignoreRule } from './rules/cache.ts';
import { instructionRules } from './rules/instructions.ts';
import { buildToolsRule } from './rules/multi-stage.ts';
import { runRules } from './rules/run.ts';
import { secretRule } from './rules/secrets.ts';
import { summarize, type ReviewSummary } from './summary.ts';

export interface ReviewOptions {
  t: Translate;
  /** Facts about the build context, when the member named it (`--context`). */
  buildContext?: BuildContextFacts;
}

export interface Review {
  /** Most valuable first (the summary's first two lead). */
  findings: ReviewFinding[];
  summary: ReviewSummary;
}

const RULES: Rule[] = [
  secretRule,
  baseImageRules,
  aptRules,
  instructionRules,
  runRules,
  cacheOrderRule,
  dockerignoreRule,
  buildToolsRule,
];

/**
 * Chapter 4's advice applied to one Dockerfile, line by line. Text that is not a Dockerfile, or
 * that `docker build` would reject outright, is a UserError saying where and why.
 */
export function reviewDockerfile(text: string, options: ReviewOptions): Review {
  if (text.trim() === '') {
    throw new UserError('dockerfile-empty', { ko: 'Dockerfile이 비어 있어요.', en: 'The Dockerfile is empty.' });
  }
  const file = parseDockerfile(text);
  checkShape(file);
  const final = file.stages.at(-1);
  if (!final) throw notADockerfile();
  const ctx: RuleContext = {
    file,
    t: options.t,
    final,
    shipped: lineage(file, final),
    ...(options.buildContext ? { buildContext: options.buildContext } : {}),
  };
  const findings = RULES.flatMap((rule) => rule(ctx)).sort(byValue);
  return { findings, summary: summarize(file, final, findings) };
}

/** What `docker build` refuses before running anything: unknown instructions, instructions before FROM. */
function checkShape(file: ParsedDockerfile): void {
  const unknown = file.instructions.filter((i) => !KEYWORDS.has(i.keyword));
  if (file.stages.length === 0 || unknown.length * 2 > file.instructions.length) throw notADockerfile();
  const [first] = unknown;
  if (first) {
    const word = first.source.trim().split(/\s/)[0] ?? first.keyword;
    throw new UserError('dockerfile-syntax', {
      ko: `${first.line}행의 \`${clipWord(word)}\` — Dockerfile에 없는 명령이에요. \`docker build\`도 여기서 멈춰요. 오타인지 확인해 주세요 (명령: FROM, RUN, COPY, …).`,
      en: `\`${clipWord(word)}\` on line ${first.line} is not a Dockerfile instruction — \`docker build\` stops there too. Check for a typo (instructions: FROM, RUN, COPY, …).`,
    });
  }
  const early = file.instructions.find((i) => i.stage === -1 && i.keyword !== 'ARG' && i.keyword !== 'FROM');
  if (early) {
    throw new UserError('dockerfile-syntax', {
      ko: `${early.line}행의 ${early.keyword}${KEYWORDS_WITH_BATCHIM.has(early.keyword) ? '이' : '가'} 첫 FROM보다 앞에 있어요. FROM 앞에는 ARG와 \`# syntax=\` 같은 지시어만 올 수 있어요.`,
      en: `The ${early.keyword} on line ${early.line} comes before the first FROM. Only ARG and directives such as \`# syntax=\` may come before FROM.`,
    });
  }
}

/** Instructions whose Korean reading ends in a final consonant (런, 레이블, 볼륨, 셸, 스톱시그널): 이, not 가. */
const KEYWORDS_WITH_BATCHIM = new Set(['RUN', 'LABEL', 'VOLUME', 'SHELL', 'STOPSIGNAL']);

function notADockerfile(): UserError {
  return new UserError('not-a-dockerfile', {
    ko: 'Dockerfile로 보이지 않아요: `FROM <이미지>`로 시작하는 명령 줄이 없어요. Dockerfile을 올렸는지 확인해 주세요.',
    en: 'This does not look like a Dockerfile: there is no `FROM <image>` and its instructions. Check that you gave the Dockerfile.',
  });
}

function clipWord(word: string): string {
  const clean = word.replace(/`/g, 'ˋ');
  return clean.length > 30 ? `${clean.slice(0, 29)}…` : clean;
}

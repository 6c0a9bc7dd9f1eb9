import type { Severity } from '../diagnostics/finding.ts';
import type { Translate } from '../core/locale.ts';
import { redact, scanEnvEntry } from '../core/redact.ts';
import { stripQuotes, type DockerInstruction, type ParsedDockerfile, type Stage } from './dockerfile.ts';
import { RULES, type ReviewCode, type ReviewFinding } from './finding.ts';

/** What the build context holds, when the member named it (`--context`). */
export interface BuildContextFacts {
  /** The `.dockerignore` found (context root, or `<Dockerfile>.dockerignore`); undefined when none. */
  dockerignore?: string;
}

export interface RuleContext {
  file: ParsedDockerfile;
  t: Translate;
  /** The stage that becomes the image: the last one. */
  final: Stage;
  /** Stages whose layers end up in the image: the final stage and the stages it builds FROM. */
  shipped: Stage[];
  buildContext?: BuildContextFacts;
}

export type Rule = (ctx: RuleContext) => ReviewFinding[];

export interface FindingText {
  title: string;
  detail: string;
  next: string;
}

const EVIDENCE_LINES = 8;

/** A finding about `at`, with the rule's severity and notes, and the instruction as evidence. */
export function finding(
  code: ReviewCode,
  at: DockerInstruction,
  text: FindingText,
  extra: { severity?: Severity; evidence?: DockerInstruction[] } = {},
): ReviewFinding {
  const rule = RULES[code];
  return {
    code,
    severity: extra.severity ?? rule.severity,
    line: at.line,
    ...text,
    refs: [...rule.refs],
    evidence: (extra.evidence ?? [at]).flatMap(shown),
  };
}

/**
 * An instruction as the member wrote it, for showing back: secrets redacted (ENV and ARG by
 * their names too, whatever their syntax), long ones cut.
 */
export function shown(instruction: DockerInstruction): string[] {
  let lines: string[];
  if ((instruction.keyword === 'ENV' || instruction.keyword === 'ARG') && instruction.properties.length) {
    const entries = instruction.properties.map((p) =>
      p.value === null ? p.name : scanEnvEntry(`${p.name}=${p.value}`).text,
    );
    lines = [`${instruction.keyword} ${entries.join(' ')}`];
  } else {
    lines = redact(instruction.source).split('\n');
  }
  const numbered = lines.map((line, i) => `${instruction.line + i} │ ${line}`);
  if (numbered.length <= EVIDENCE_LINES) return numbered;
  return [...numbered.slice(0, EVIDENCE_LINES - 1), `… (${instruction.endLine - instruction.line + 1})`];
}

/** Member text inside a finding's prose: redacted, as inline code that cannot be closed early. */
export function code(text: string): string {
  return '`' + redact(text).replace(/`/g, 'ˋ').replace(/\s+/g, ' ').trim() + '`';
}

/** A fenced Dockerfile snippet for a finding's fix. */
export function block(lines: string[]): string {
  return ['```dockerfile', ...lines.map((l) => l.replace(/```/g, 'ˋˋˋ')), '```'].join('\n');
}

/** The stage an instruction is in, and the stages it builds FROM, nearest first. */
export function lineage(file: ParsedDockerfile, stage: Stage): Stage[] {
  const chain: Stage[] = [];
  let current: Stage | undefined = stage;
  while (current && !chain.includes(current)) {
    chain.push(current);
    current = current.from.stage === undefined ? undefined : file.stages[current.from.stage];
  }
  return chain;
}

/** `COPY . .`, `ADD ./ /app`: the whole build context, not a part of it. */
export function copiesWholeContext(instruction: DockerInstruction): boolean {
  if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') return false;
  if (instruction.flags.some((f) => f.name === 'from') || instruction.heredocs.length) return false;
  return sources(instruction).some((s) => ['.', './', '*', './*', '/'].includes(s));
}

/** COPY/ADD sources, quotes removed (the last word is the destination). */
export function sources(instruction: DockerInstruction): string[] {
  const words = instruction.exec ?? instruction.words.map(stripQuotes);
  return words.slice(0, -1);
}

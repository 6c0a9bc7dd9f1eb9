import { ECS_LINT_CODES } from './ecs/codes.ts';
import { NGINX_PATH_CODES } from './nginx/codes.ts';

/** Stable finding codes: documented in the README, relied on by checks outside the project. */
export const FINDING_CODES = [
  'exited',
  'oom-killed',
  'restart-loop',
  'start-failed',
  'port-not-published',
  'port-mismatch',
  'listens-on-loopback',
  'http-unreachable',
  'http-default-page',
  'secrets-in-env',
  ...NGINX_PATH_CODES,
  ...ECS_LINT_CODES,
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** One line, Korean (or English for an English caller). */
  title: string;
  detail: string;
  /** What was seen: fields and values, log lines (already redacted). */
  evidence: string[];
  /** The next step to take. */
  next: string;
  /** Knowledge section ids that explain it (e.g. troubleshooting/container-exits#exit-137). */
  refs: string[];
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function bySeverity(a: Finding, b: Finding): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
}

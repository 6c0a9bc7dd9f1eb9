import type { Severity } from '../diagnostics/finding.ts';

/**
 * Stable review codes: hadolint's id where hadolint has the rule (members can look it up),
 * dockhand's own `DH` ids for chapter 4's lessons hadolint does not check. Documented in
 * docs/review.md; the CLI contract relies on them.
 */
export const REVIEW_CODES = [
  'DL3000',
  'DL3002',
  'DL3003',
  'DL3006',
  'DL3007',
  'DL3008',
  'DL3009',
  'DL3014',
  'DL3015',
  'DL3020',
  'DL3025',
  'DL3059',
  'DL4003',
  'DL4004',
  'DL4006',
  'DH001',
  'DH002',
  'DH003',
  'DH004',
  'DH005',
] as const;

export type ReviewCode = (typeof REVIEW_CODES)[number];

export interface ReviewFinding {
  code: ReviewCode;
  severity: Severity;
  /** 1-based line of the instruction's first line. */
  line: number;
  title: string;
  detail: string;
  /** The fix, with the corrected instruction as code where it helps. */
  next: string;
  /** Knowledge section ids (`notes/ch4-dockerfile#build-cache`) of the notes that teach it. */
  refs: string[];
  /** The instruction(s) it is about, as written, secrets redacted. */
  evidence: string[];
}

interface RuleInfo {
  severity: Severity;
  /** Lower is more valuable to fix: the review shows findings in this order and names the first two. */
  priority: number;
  refs: string[];
}

const NOTE = 'notes/ch4-dockerfile';
const TOO_LARGE = 'troubleshooting/image-too-large';

/** Severity, rank and the notes behind each rule. Severities follow hadolint's unless the reason is given. */
export const RULES: Record<ReviewCode, RuleInfo> = {
  // A secret baked into the image is readable by anyone who can pull it.
  DH002: {
    severity: 'error',
    priority: 1,
    refs: ['troubleshooting/secrets-in-env#causes', 'troubleshooting/secrets-in-env#build-secrets'],
  },
  // hadolint: warning. Without -y apt-get asks, gets no answer in a build and aborts it.
  DL3014: { severity: 'error', priority: 2, refs: [`${TOO_LARGE}#clean-layers`, `${NOTE}#instruction-reference`] },
  DL4004: { severity: 'error', priority: 3, refs: [`${NOTE}#instruction-reference`] },
  DH003: { severity: 'warning', priority: 10, refs: [`${NOTE}#multi-stage`, `${TOO_LARGE}#multi-stage`] },
  // hadolint: info. Chapter 4's first lesson (light images, few layers) in its most common form.
  DL3009: { severity: 'warning', priority: 11, refs: [`${TOO_LARGE}#clean-layers`, `${NOTE}#considerations`] },
  DH001: { severity: 'warning', priority: 12, refs: [`${NOTE}#build-cache`, `${NOTE}#considerations`] },
  DH005: { severity: 'warning', priority: 13, refs: [`${NOTE}#build-cache`, `${TOO_LARGE}#clean-layers`] },
  DL3025: { severity: 'warning', priority: 14, refs: [`${NOTE}#instruction-reference`] },
  DL3006: { severity: 'warning', priority: 15, refs: [`${TOO_LARGE}#base-image`, `${NOTE}#instructions-and-build`] },
  DL3007: { severity: 'warning', priority: 16, refs: [`${TOO_LARGE}#base-image`, `${NOTE}#instructions-and-build`] },
  DL3002: { severity: 'warning', priority: 17, refs: [`${NOTE}#instruction-reference`] },
  DH004: { severity: 'warning', priority: 18, refs: [`${NOTE}#dockerignore`, `${TOO_LARGE}#dockerignore`] },
  DL4006: { severity: 'warning', priority: 19, refs: [`${TOO_LARGE}#dockerignore`, `${NOTE}#instruction-reference`] },
  DL4003: { severity: 'warning', priority: 20, refs: [`${NOTE}#instruction-reference`] },
  // hadolint: error. A relative WORKDIR works; it only depends on what came before.
  DL3000: { severity: 'warning', priority: 21, refs: [`${NOTE}#instruction-reference`] },
  // hadolint: error. ADD of a plain file works; COPY says what it does.
  DL3020: { severity: 'warning', priority: 22, refs: [`${TOO_LARGE}#dockerignore`, `${NOTE}#instruction-reference`] },
  // hadolint: warning. `cd` inside one RUN is correct, WORKDIR is only clearer.
  DL3003: { severity: 'info', priority: 30, refs: [`${NOTE}#instruction-reference`] },
  DL3059: { severity: 'info', priority: 31, refs: [`${NOTE}#considerations`, `${TOO_LARGE}#clean-layers`] },
  DL3015: { severity: 'info', priority: 32, refs: [`${TOO_LARGE}#clean-layers`, `${TOO_LARGE}#causes`] },
  // hadolint: warning. Pinning Debian package versions breaks when the archive moves on; a hint, not a must.
  DL3008: { severity: 'info', priority: 33, refs: [`${TOO_LARGE}#clean-layers`, `${NOTE}#build-cache`] },
};

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Most valuable first; within one rule the more severe, then in file order. */
export function byValue(a: ReviewFinding, b: ReviewFinding): number {
  return (
    RULES[a.code].priority - RULES[b.code].priority ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    a.line - b.line
  );
}

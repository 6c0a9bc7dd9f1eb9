import type { Locale, Localized } from '../core/locale.ts';
import type { ContainerFacts } from './facts.ts';
import type { Finding } from './finding.ts';

/** Picks the caller's language: `say('한국어', 'English')`. */
export type Say = (ko: string, en: string) => string;

export function sayer(locale: Locale): Say {
  return (ko, en) => (locale === 'en' ? en : ko);
}

export function sayLocalized(say: Say, text: Localized): string {
  return say(text.ko, text.en);
}

/**
 * A finding before its knowledge references are resolved. `refHints` name the sections
 * that explain it best, as `<playbook>#<anchor>` or `#<anchor>`; only hints that exist in
 * the loaded knowledge become refs (see refs.ts).
 */
export interface DraftFinding extends Omit<Finding, 'refs'> {
  refHints: string[];
}

/** One family of checks: pure, from facts to findings. */
export type Check = (facts: ContainerFacts, say: Say) => DraftFinding[];

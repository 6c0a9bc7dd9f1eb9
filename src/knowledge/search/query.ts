import type { Bm25Index } from './bm25.ts';
import type { Glossary, TermForm } from './expand.ts';
import { hangulFromQwerty, isContractedPolite, isHangulWord, qwertyFromHangul, syllableBigrams } from './hangul.ts';
import { QUERY_LIMITS, readQuery, WORD_LIMITS, WorkBudget } from './limits.ts';
import { chatStemsOf, englishSingular, isParticle, stemsOf } from './particles.ts';
import { isEverydayEnglish } from './english.ts';
import { isStandardInflection, isStandardKorean, verbFormsOf, verbStemsOf } from './korean.ts';
import { isChatJamo, isStopword } from './stopwords.ts';
import { BIGRAM, JOIN, joinTerm, pairTerm } from './terms.ts';
import { wholeWords, type Word } from './tokens.ts';
import { splitPhrase, Vocabulary } from './vocabulary.ts';
import { ALTERNATIVE_WEIGHTS, EXTRA_WEIGHTS, IMPORTANCE } from './weights.ts';
import { countWork } from './work.ts';

/** How a query word reached an index term: shown to members as the reason for a hit. */
export type Via = 'word' | 'stem' | 'typo' | 'choseong' | 'layout' | 'glossary' | 'compound';

export interface Alternative {
  term: string;
  /** 0..1: how sure we are this is what the member meant. */
  weight: number;
  /** The spelling to look for in the text (snippet) and to show. */
  surface: string;
  via: Via;
}

/**
 * How surely a found spelling stands for the concept, for coverage and title similarity: the
 * glossary's other spellings of a term (볼륨 for volume) are the same concept; a typo
 * correction or 초성 reading stays a guess. (BM25 keeps the glossary's discount.)
 */
export function sureness(alternative: Alternative): number {
  return alternative.via === 'glossary'
    ? Math.min(1, alternative.weight / ALTERNATIVE_WEIGHTS.glossary)
    : alternative.weight;
}

/** One thing the member asked about: a query word, with every index term that may stand for it. */
export interface Concept {
  /** As typed (normalised). */
  label: string;
  /** What fuse.js compares with titles and aliases. */
  fuzzyLabel: string;
  /** The label is 초성, so compare initials rather than spellings. */
  initials: boolean;
  /** Read approximately (초성, a corrected typo): titles are compared fuzzily. */
  fuzzy: boolean;
  alternatives: Alternative[];
  /** How much finding this concept tells: the idf of its likeliest spellings, discounted for verb forms and lone syllables. */
  importance: number;
  /** A word the notes never use and that is no verb form: likely a topic they do not cover (macvlan, 레디스). */
  foreign: boolean;
  /** Typed with a verb ending (바꾸려면요, 차지하는지): unless the glossary knows the stem, it is the asking, not the topic. */
  inflected?: boolean;
  /** Typed in a docker command line: a name of the member's own (myapp, 3000:3000) when the notes never use it. */
  argument?: boolean;
  /** Said not to be the topic (도커허브 말고 우리 서버에): weighs as little as a verb form. */
  excluded?: boolean;
}

/** A size as typed: 1.2gb, 500mb, 1.2기가. */
const SIZE = /^\d+(?:\.\d+)?(gb|mb|kb|tb|기가바이트|메가바이트|기가|메가|테라)$/;

/**
 * Values of the member's own setup: an address (192.168.0.23, 0.0.0.0:3000), a port pair
 * (3306:3306), a port or id of four or more digits (50051), a request id. The notes cannot spell
 * them; they are no topic the notes lack.
 */
const OWN_VALUE = /^(?:\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?|\d{1,5}:\d{1,5}(?:\/(?:tcp|udp))?|\d{4,}|[0-9a-f]{8}(?:-[0-9a-f]{4,12}){1,4})$/;

/** 말고 after a word (도커허브 말고, 도커허브말고): not that, something else. */
const NOT_THIS = new Set(['말고', '말구', '말고요']);
const NOT_THIS_GLUED = /.(?:말고|말구)$/;

/** Words that begin a command line whose unknown arguments are the member's own names. */
const COMMAND_WORDS = new Set(['docker', 'docker-compose']);

export interface QueryPlan {
  concepts: Concept[];
  /** Share of the concepts' importance that foreign words carry (see Concept.foreign). */
  foreignShare: number;
  /** Terms that add evidence without being concepts: bigrams, word pairs, joins, literal parts. */
  extras: Alternative[];
  /** Part of the query was left unread (see QUERY_LIMITS). */
  truncated: boolean;
  /** The words read, joined without spaces: where a section's alias phrases are looked for (rerank.ts). */
  compactText: string;
  /**
   * Glossary phrases typed across several concepts (도커 그룹 → docker group, usermod): a section
   * that has the words apart, but none of the phrase's forms, covers those concepts less surely.
   */
  phrases: TypedPhrase[];
  /** What the rest of this query's optional costly steps (the fuzzy title passes) may spend. */
  budget: WorkBudget;
}

export interface TypedPhrase {
  /** Indexes of the concepts the phrase spans. */
  concepts: number[];
  /** The glossary's forms of the phrase. */
  forms: TermForm[];
}

export interface QueryContext {
  index: Bm25Index;
  vocabulary: Vocabulary;
  glossary: Glossary;
  /** Terms of headings, aliases, document titles and tags, and glossary spellings: what the notes are about. */
  topics: ReadonlySet<string>;
  /** 초성 that spell a question word (ㅁㅇ, ㅊㅇ) and no glossary term. */
  questionInitials: ReadonlySet<string>;
}

/** Unknown words that look like verb forms (띄웠는데, 보여요) say little about the topic. */
const PREDICATE_ENDING =
  /(요|고|서|면|데|죠|까|다|며|지|니|게|음|함|됨|는|은|을|던|려|여|염|욤|임|네|긴|냐|셈|삼|듯|래|대|죵|쥬|어|아|혀|져|봐|겨|워|와|쳐|될|할|볼|줄|갈|올|친|신|된|난|운|든|감|남|짐|같|찮|쓴|온|진|거나|다가|자마자|는거|던거|한거|된거|실분|하|준|씀|아보|어보|림|힘)$/;
/** Endings that only verbs take, so even a word the notes contain (쓰려면) is no topic. */
const VERB_FORM =
  /(려면|으면|우면|하면|되면|는데|은데|어요|아요|해요|나요|세요|니다|어서|아서|는지|을까|는가|었어|았어|려고|면서|지만|네요|군요|던데|거나|려는|래요|대요|거든|더라|는거|는게|을지|던가|더니|봐요|여요)$/;
/** 초성 words a concept may stand for, at most. */
const CHOSEONG_WORDS = 12;

/** One query being planned: where it looks words up, and what its costly steps may still spend. */
interface Planning extends QueryContext {
  budget: WorkBudget;
}

/** Turns a question into weighted concepts and extra evidence terms, reading at most QUERY_LIMITS of it. */
export function planQuery(query: string, context: QueryContext): QueryPlan {
  const { words, truncated: cut } = readQuery(query);
  let truncated = cut;
  const planning: Planning = { ...context, budget: new WorkBudget() };
  const concepts: Concept[] = [];
  const extras: Alternative[] = [];

  // Words after the one where the concepts ran out are not read.
  let read = words.length;
  // Inside a docker command line (docker build -t myapp .), up to the next Hangul word.
  let inCommand = false;
  for (let i = 0; i < words.length; i++) {
    if (concepts.length >= QUERY_LIMITS.concepts) {
      read = i;
      truncated = true;
      break;
    }
    const word = words[i];
    if (!word) break;
    if (word.part) {
      extras.push({ term: word.text, weight: EXTRA_WEIGHTS.part, surface: word.text, via: 'word' });
      addLiteralPart(concepts.at(-1), word);
      continue;
    }
    if (word.kind === 'choseong') {
      if (isChatJamo(word.text) || context.questionInitials.has(word.text)) continue;
      let end = i + 1;
      while (words[end]?.kind === 'choseong') end++;
      concepts.push(...choseongRunConcepts(words.slice(i, end).map((w) => w.text), planning));
      i = end - 1;
      continue;
    }
    // 뭐가 다른 거예요, 어떻게 달라요: the asking, like 차이.
    if (asksDifferenceAt(words, i)) continue;
    // X 말고 (not X, instead of X): what the member does not ask about.
    if (NOT_THIS.has(word.text)) {
      const previous = concepts.at(-1);
      if (previous) previous.excluded = true;
      inCommand = false;
      continue;
    }
    const found = conceptsOf(word, planning);
    if (word.kind === 'hangul' && NOT_THIS_GLUED.test(word.text)) for (const c of found) c.excluded = true;
    if (inCommand) for (const c of found) c.argument = true;
    concepts.push(...found);
    if (word.kind === 'hangul') inCommand = false;
    else if (COMMAND_WORDS.has(word.text)) inCommand = true;
  }
  if (concepts.length > QUERY_LIMITS.concepts) {
    concepts.length = QUERY_LIMITS.concepts;
    truncated = true;
  }
  for (const concept of concepts) expandWithGlossary(concept, context.glossary);
  const phrases = typedPhrases(concepts, context.glossary);
  extras.push(...phraseExtras(phrases, concepts));
  extras.push(...differenceExtras(words.slice(0, read)));
  extras.push(...adjacencyExtras(words.slice(0, read), concepts));
  const seen = new Set<string>();
  for (const concept of concepts) {
    // A word said twice is asked about once (컨테이너를 … 컨테이너가): it weighs nothing the second time.
    concept.importance = seen.has(concept.label) ? 0 : importanceOf(concept, context);
    seen.add(concept.label);
    concept.foreign = isForeign(concept, context.index);
  }
  const total = concepts.reduce((sum, c) => sum + c.importance, 0);
  const foreign = concepts.reduce((sum, c) => sum + (c.foreign ? c.importance : 0), 0);
  return {
    concepts,
    foreignShare: total > 0 ? foreign / total : 0,
    extras: dedupe(extras),
    truncated,
    compactText: wholeWords(words.slice(0, read)).join(''),
    phrases,
    budget: planning.budget,
  };
}

function typedPhrases(concepts: Concept[], glossary: Glossary): TypedPhrase[] {
  const phrases: TypedPhrase[] = [];
  for (let start = 0; start < concepts.length; start++) {
    for (let end = start + 2; end <= Math.min(concepts.length, start + glossary.maxWords); end++) {
      const phrase = concepts.slice(start, end).map(phraseWord).join(' ');
      const forms = glossary.formsOfNormal(phrase);
      if (forms.length) phrases.push({ concepts: range(start, end), forms });
    }
  }
  return phrases;
}

function range(start: number, end: number): number[] {
  return Array.from({ length: end - start }, (_, i) => start + i);
}

/**
 * A literal as typed (localhost:8080, 127.0.0.1:3306) is often written otherwise in the notes
 * (http://localhost:8080/, 127.0.0.1:8080): its host or name part, when the notes use it, is a
 * less sure reading of the same concept. Numbers alone are too common to stand for it.
 */
function addLiteralPart(target: Concept | undefined, part: Word): void {
  if (!target || part.kind !== 'latin' || part.text.length < 3) return;
  const literal = target.alternatives[0];
  if (!literal || literal.via !== 'word' || !literal.term.includes(part.text) || literal.term === part.text) return;
  if (target.alternatives.some((a) => a.term === part.text)) return;
  target.alternatives.push({ term: part.text, weight: ALTERNATIVE_WEIGHTS.literalPart, surface: part.text, via: 'stem' });
}

function conceptsOf(word: Word, planning: Planning): Concept[] {
  const { vocabulary, budget } = planning;
  const text = word.text;
  if (isStopword(text)) return [];
  switch (word.kind) {
    case 'literal':
    case 'number': {
      // A size (1.2gb, 500mb) is read by its unit: the number is the member's, the unit the topic.
      const unit = SIZE.exec(text)?.[1];
      if (unit) return conceptsOf({ text: unit, kind: /^[a-z]/.test(unit) ? 'latin' : 'hangul' }, planning);
      return [concept(text, [{ term: text, weight: 1, surface: text, via: 'word' }])];
    }
    case 'latin': {
      const singular = englishSingular(text);
      const direct = [text, singular].filter((w): w is string => !!w && vocabulary.has(w));
      if (direct.length) {
        return [concept(text, direct.map((w) => ({ term: w, weight: 1, surface: w, via: 'word' as const })))];
      }
      // A word of everyday English (come, watch, them) is what it says: no typo of another word and
      // no Hangul typed on the wrong layout — unless the glossary spells a term with it (talk: 통신).
      const everyday = isEverydayEnglish(text) || (singular !== undefined && isEverydayEnglish(singular));
      if (everyday && !planning.glossary.hasWord(text)) return [concept(text, [])];
      const typed = !everyday && layoutAffordable(text, budget) ? hangulFromQwerty(text) : undefined;
      if (typed) {
        const hangul = conceptsOf({ text: typed, kind: 'hangul' }, planning);
        if (hangul.some((c) => c.alternatives.length)) {
          return hangul.map((c) => ({ ...relabel(c, 'layout', ALTERNATIVE_WEIGHTS.layout), label: text }));
        }
      }
      return [concept(text, typoAlternatives(vocabulary.corrections(text, budget)))];
    }
    case 'hangul':
      return hangulConcepts(text, planning);
    default:
      return [];
  }
}

function hangulConcepts(text: string, planning: Planning): Concept[] {
  const { vocabulary, glossary, budget } = planning;
  const stems = [...stemsOf(text), ...chatStemsOf(text).filter((s) => planning.vocabulary.has(s))];
  const noun = stems[stems.length - 1] ?? text;
  if (isParticle(text) || (stems.some((s) => isStopword(s)) && !vocabulary.has(text))) return [];
  const known = [text, ...stems].filter(
    (w) => vocabulary.has(w) && (w === text || w.length >= 2 || !vocabulary.has(text)),
  );
  const knownNoun = known[known.length - 1];
  const conjugated = otherVerbForms(text, vocabulary).filter((w) => !known.includes(w));
  if (knownNoun) {
    const found = concept(knownNoun, [
      ...known.map((w) => ({ term: w, weight: 1, surface: w, via: w === text ? ('word' as const) : ('stem' as const) })),
      ...conjugated.map((w) => ({ term: w, weight: ALTERNATIVE_WEIGHTS.verbForm, surface: w, via: 'stem' as const })),
    ]);
    if (knownNoun !== text && isVerbForm(text)) found.inflected = true;
    return [found];
  }
  // A spelling the glossary knows, though the notes never write it so (도커볼륨, 멀티스테이지).
  for (const candidate of [text, ...stems]) {
    const forms = glossary.formsOfNormal(candidate);
    if (forms.length) {
      return [
        concept(
          candidate,
          forms.map((f) => ({ term: f.term, weight: 1, surface: f.surface, via: 'glossary' as const })),
        ),
      ];
    }
  }
  // A glued compound (사용자정의네트워크) or phrase (볼륨이뭐야, 포트가이미사용중이래요): split into words
  // the index or glossary knows, particles, question words and verb endings.
  // A dictionary word is one word (도메인을 is no 도+메인+을), though the notes never write it.
  const standard = [text, ...stems].some((w) => w.length >= 2 && isStandardKorean(w));
  for (const candidate of standard ? [] : [text, ...stems]) {
    if (!splitAffordable(candidate, budget)) continue;
    const pieces = splitPhrase(candidate, (p) => gluedPieceCost(p, planning));
    if (!pieces) continue;
    const content = pieces.filter((p) => !isStopword(p) && !isParticle(p) && isContentPiece(p, planning));
    if (!content.length) {
      // Question words glued together (어케봐요): nothing to look for. Not when a piece is an
      // unknown word (하이+퍼바이져+가 is a typo of 하이퍼바이저), nor when lone syllables spell it (나+가+는).
      const functionWords = pieces.every((p) => isStopword(p) || isParticle(p));
      if (functionWords && pieces.some((p) => p.length >= 2 && isStopword(p) && !isParticle(p))) return [];
      continue;
    }
    const found = content
      .flatMap((p) => hangulConcepts(p, planning))
      .map((c) => relabel(c, 'compound', ALTERNATIVE_WEIGHTS.compound));
    // The verb ending belongs to the last piece (바꾸+려면요).
    const last = found.at(-1);
    if (last && isVerbForm(text)) last.inflected = true;
    return found;
  }
  // A verb the notes write in another form (커서 → 커요, 줄이고 → 줄이기).
  if (conjugated.length) {
    const found = concept(
      text,
      conjugated.map((w) => ({ term: w, weight: ALTERNATIVE_WEIGHTS.verbForm, surface: w, via: 'stem' as const })),
    );
    found.inflected = true;
    return [found];
  }
  const prose = proseVerbForms(text, vocabulary);
  if (prose.length) {
    const found = concept(
      text,
      prose.map((w) => ({ term: w, weight: ALTERNATIVE_WEIGHTS.verbForm, surface: w, via: 'stem' as const })),
    );
    // How it went (커요, 안나와요) as much as what: weighed like the verb forms the notes know.
    found.inflected = true;
    return [found];
  }
  // A word the glossary uses (환영 of 환영 페이지) is no typo, though no note spells it alone.
  if ([text, ...stems].some((w) => glossary.hasWord(w))) return [concept(noun, [])];
  const predicate = PREDICATE_ENDING.test(text);
  for (const candidate of predicate ? stems : [text, ...stems]) {
    const fixes = vocabulary.corrections(candidate, budget);
    if (fixes.length) return [concept(candidate, typoAlternatives(fixes))];
  }
  // Shaped like a verb form, yet a known word with two syllables slipped (컨테니어 for 컨테이너).
  const slipped = predicate ? vocabulary.swapCorrections(text) : [];
  if (slipped.length) return [concept(text, typoAlternatives(slipped))];
  const english = layoutAffordable(text, budget) ? qwertyFromHangul(text) : undefined;
  if (english && vocabulary.has(english)) {
    return [concept(english, [{ term: english, weight: ALTERNATIVE_WEIGHTS.layout, surface: english, via: 'layout' }])];
  }
  return [concept(noun, [])];
}

/** A word only a verb's ending explains (바꾸려면, 바꾸려면요, 봐요). */
const isVerbForm = (word: string): boolean =>
  VERB_FORM.test(word) || VERB_FORM.test(word.replace(/요$/, '')) || isContractedPolite(word);

const isContentPiece = (piece: string, { vocabulary, glossary }: Planning): boolean =>
  (piece.length >= 2 && vocabulary.has(piece)) || glossary.hasNormal(piece);

/**
 * What a piece of a glued phrase costs: a word the notes or glossary know, a particle or a
 * question word 1; a verb form the notes do not know (이래요, 만듦) more, so known words win.
 */
function gluedPieceCost(piece: string, planning: Planning): number | undefined {
  if (isContentPiece(piece, planning) || isParticle(piece) || isStopword(piece)) return 1;
  if (piece.length >= 2 && piece.length <= 4 && PREDICATE_ENDING.test(piece)) return 3;
  return undefined;
}

/** Verb endings a question ends a word with, longest first: 줄이고, 바꾸려면, 커서. */
const QUESTION_VERB_ENDINGS = ['으려면', '려면', '는데', '어서', '아서', '어요', '아요', '고', '기', '는', '면', '서', '요', '지', '게'];
/** Endings the notes write verbs with (titles and prose): 줄이기, 커요, 만드는. */
const NOTE_VERB_ENDINGS = ['기', '는', '고', '다', '요', '면', '려면', '지', '게', '서', '을', '은', '어', '아'];

/** The same verb as the notes write it, when the question used another ending. */
function otherVerbForms(word: string, vocabulary: Vocabulary): string[] {
  const forms: string[] = [];
  for (const ending of QUESTION_VERB_ENDINGS) {
    if (word.length <= ending.length || !word.endsWith(ending)) continue;
    const stem = word.slice(0, -ending.length);
    for (const other of NOTE_VERB_ENDINGS) {
      const form = stem + other;
      if (form !== word && !forms.includes(form) && vocabulary.has(form)) forms.push(form);
    }
    break;
  }
  countWork(word.length * NOTE_VERB_ENDINGS.length);
  return forms;
}

/**
 * A verb the endings above do not cover (큼, 엶, 안나옴, 올려): the forms of its dictionary stem
 * the notes write (크기, 커요, 열기, 나와요, 올리기).
 */
function proseVerbForms(word: string, vocabulary: Vocabulary): string[] {
  const [stem] = verbStemsOf(word);
  const forms = stem ? verbFormsOf(stem) : [];
  countWork(forms.length);
  return forms.filter((form) => form !== word && !isStopword(form) && vocabulary.has(form));
}

/** Layout conversion costs about the square of the word's length (es-hangul). */
function layoutAffordable(word: string, budget: WorkBudget): boolean {
  return word.length <= WORD_LIMITS.layout && budget.spend(word.length * word.length);
}

/** Splitting tries every piece of up to 12 characters ending at each position. */
function splitAffordable(word: string, budget: WorkBudget): boolean {
  return word.length <= WORD_LIMITS.split && budget.spend(word.length * 12);
}

function typoAlternatives(fixes: ReadonlyArray<{ word: string; distance: number }>): Alternative[] {
  return fixes.map((c) => ({ term: c.word, weight: typoWeight(c.distance), surface: c.word, via: 'typo' as const }));
}

/**
 * Consecutive 초성 words (ㄷㅋ ㅋㅍㅈ): a multi-word title, alias or glossary term with these
 * initials (도커 컴포즈) becomes a concept of its own, beside each word's own candidates.
 */
function choseongRunConcepts(run: string[], planning: Planning): Concept[] {
  const { vocabulary, budget } = planning;
  const initials = run.join('');
  const phrases = vocabulary.joinsWithChoseong(initials);
  const concepts: Concept[] = [];
  if (phrases.length) {
    const { first, step, least } = ALTERNATIVE_WEIGHTS.choseongPhrase;
    const weight = Math.max(least, first - step * (phrases.length - 1));
    const alternatives = phrases.flatMap((joins) =>
      joins.map((term) => ({ term, weight, surface: term.slice(JOIN.length), via: 'choseong' as const })),
    );
    concepts.push({ ...concept(run.join(' '), alternatives), fuzzyLabel: initials, initials: true, fuzzy: true });
  }
  for (const word of run) {
    // A question word in shorthand (ㅁㅇ 뭐야, ㅊㅇ 차이) asks; the phrase above may still use it.
    if (planning.questionInitials.has(word)) continue;
    const words = vocabulary.wordsWithChoseong(word);
    if (words.length) concepts.push(choseongConcept(word, words));
    else if (!phrases.length) {
      const pieces = splitAffordable(word, budget)
        ? Vocabulary.split(word, (p) => vocabulary.wordsWithChoseong(p).length > 0)
        : undefined;
      if (pieces) concepts.push(...pieces.map((p) => choseongConcept(p, vocabulary.wordsWithChoseong(p))));
      else concepts.push({ ...concept(word, []), initials: true, fuzzy: true });
    }
  }
  return concepts;
}

function choseongConcept(initials: string, words: string[]): Concept {
  // The fewer words share these initials, the likelier each is meant.
  const { first, step, least } = ALTERNATIVE_WEIGHTS.choseongWord;
  const weight = Math.max(least, first - step * (words.length - 1));
  return {
    ...concept(
      initials,
      words.slice(0, CHOSEONG_WORDS).map((w) => ({ term: w, weight, surface: w, via: 'choseong' as const })),
    ),
    initials: true,
    fuzzy: true,
  };
}

function expandWithGlossary(target: Concept, glossary: Glossary): void {
  const have = new Set(target.alternatives.map((a) => a.term));
  for (const alternative of [...target.alternatives]) {
    for (const form of glossary.formsOfNormal(alternative.surface)) {
      if (have.has(form.term)) continue;
      have.add(form.term);
      target.alternatives.push({
        term: form.term,
        weight: alternative.weight * ALTERNATIVE_WEIGHTS.glossary,
        surface: form.surface,
        via: 'glossary',
      });
    }
  }
}

/** Multi-word glossary terms spanning adjacent concepts (bind mount, 바인드 마운트, exit code). */
function phraseExtras(phrases: TypedPhrase[], concepts: Concept[]): Alternative[] {
  const covered = new Set(concepts.flatMap((c) => c.alternatives.map((a) => a.term)));
  return phrases.flatMap(({ forms }) =>
    forms
      .filter((form) => !covered.has(form.term))
      .map((form): Alternative => ({ term: form.term, weight: EXTRA_WEIGHTS.phrase, surface: form.surface, via: 'glossary' })),
  );
}

/** The word a concept contributes to a phrase: its correction if it was mistyped, else its noun. */
function phraseWord(target: Concept): string {
  const first = target.alternatives[0];
  return first && (first.via === 'typo' || first.via === 'layout') ? first.surface : target.label;
}

/** Syllable bigrams across the Hangul of the query, pairs of Latin words, joins of Hangul nouns. */
function adjacencyExtras(words: Word[], concepts: Concept[]): Alternative[] {
  const extras: Alternative[] = [];
  const hangulRuns: string[] = [];
  let run = '';
  for (const word of words) {
    if (word.kind === 'hangul' && !isStopword(word.text)) run += word.text;
    else if (run) {
      hangulRuns.push(run);
      run = '';
    }
  }
  if (run) hangulRuns.push(run);
  for (const text of hangulRuns) {
    for (const bigram of syllableBigrams(text)) {
      extras.push({ term: BIGRAM + bigram, weight: EXTRA_WEIGHTS.bigram, surface: bigram, via: 'word' });
    }
  }
  for (let i = 0; i + 1 < concepts.length; i++) {
    const a = concepts[i]?.alternatives[0];
    const b = concepts[i + 1]?.alternatives[0];
    if (!a || !b) continue;
    if (/^[a-z]+$/.test(a.surface) && /^[a-z]+$/.test(b.surface)) {
      extras.push({
        term: pairTerm(a.surface, b.surface),
        weight: EXTRA_WEIGHTS.pair,
        surface: `${a.surface} ${b.surface}`,
        via: 'word',
      });
    }
    if (isHangulWord(a.surface) && isHangulWord(b.surface)) {
      extras.push({
        term: joinTerm(a.surface, b.surface),
        weight: EXTRA_WEIGHTS.join,
        surface: `${a.surface} ${b.surface}`,
        via: 'word',
      });
    }
  }
  return extras;
}

function importanceOf(target: Concept, { index, topics, glossary }: QueryContext): number {
  const hangul = isHangulWord(target.label);
  const present = target.alternatives.filter((a) => index.df(a.term) > 0);
  if (present.length === 0) {
    // Nothing in the notes spells it: likely a topic we don't cover — unless it is a lone
    // syllable or looks like a verb form. Unknown Latin words are mostly product names.
    if (hangul && target.label.length === 1) return 0;
    const unseen = index.idf('\u0000');
    if (hangul && PREDICATE_ENDING.test(target.label)) return unseen * IMPORTANCE.unknownPredicate;
    if (target.argument || OWN_VALUE.test(target.label)) return unseen * IMPORTANCE.ownName;
    if (isCommonWord(target.label)) return unseen * (hangul ? IMPORTANCE.standardKorean : IMPORTANCE.everydayEnglish);
    return hangul ? unseen * IMPORTANCE.unknownHangul : unseen;
  }
  // As specific as its commonest likely spelling: not inflated by a rare particle form or synonym.
  const top = Math.max(...present.map((a) => a.weight));
  const likely = present.filter((a) => a.weight >= IMPORTANCE.sameConcept * top);
  const idf = Math.min(...likely.map((a) => index.idf(a.term) * a.weight));
  // A word the notes only use in passing (회사, 매번) says less than one they are about (볼륨, 권한).
  const topical = present.some((a) => topics.has(a.term));
  const specific = topical ? idf : Math.min(idf * IMPORTANCE.proseOnly, IMPORTANCE.proseOnlyMost);
  if (hangul && target.label.length === 1) return specific * IMPORTANCE.singleSyllable;
  if (hangul && (VERB_FORM.test(target.label) || isContractedPolite(target.label))) return specific * IMPORTANCE.verbForm;
  // 바꾸려면, 차지하는지: the asking. 설치하려면, 삭제하는: a glossary term, the topic.
  if (target.inflected && !glossary.hasWord(target.label)) return specific * IMPORTANCE.verbForm;
  if (target.excluded) return specific * IMPORTANCE.verbForm;
  return specific;
}

/** Everyday English or standard Korean: how someone asks, not a product the notes lack. */
function isCommonWord(label: string): boolean {
  return isHangulWord(label) ? isStandardKorean(label) || isStandardInflection(label) : isEverydayEnglish(label);
}

/** Nothing in the notes spells it, and it is neither a lone syllable nor shaped like a verb form. */
function isForeign(target: Concept, index: Bm25Index): boolean {
  if (target.importance <= 0 || target.alternatives.some((a) => index.df(a.term) > 0)) return false;
  if (target.argument || OWN_VALUE.test(target.label)) return false;
  if (isCommonWord(target.label)) return false;
  return !(isHangulWord(target.label) && PREDICATE_ENDING.test(target.label));
}

function concept(label: string, alternatives: Alternative[]): Concept {
  // A word no vocabulary entry is near (unknown) won't be near a title word either: no fuzzy pass.
  const fuzzy = alternatives.length > 0 && alternatives.every((a) => a.via === 'typo');
  return { label, fuzzyLabel: label, initials: false, fuzzy, alternatives, importance: 0, foreign: false };
}

function relabel(target: Concept, via: Via, factor: number): Concept {
  return {
    ...target,
    alternatives: target.alternatives.map((a) => ({
      ...a,
      weight: a.weight * factor,
      via: a.via === 'word' || a.via === 'stem' ? via : a.via,
    })),
  };
}

const typoWeight = (distance: number): number =>
  distance <= 1 ? ALTERNATIVE_WEIGHTS.typo[0] : ALTERNATIVE_WEIGHTS.typo[1];

/** Words that ask for a difference (이미지랑 컨테이너 차이, image vs container): asking, not a topic. */
const DIFFERENCE_WORDS = new Set(['차이', '차이점', '차이가', '차이는', '차이를', '차이점이', '다른점', 'difference', 'differences', 'vs']);

/**
 * A question that asks for a difference is no concept the coverage counts, yet among sections
 * that have both its topics the one that discusses their difference (차이) answers it.
 */
function differenceExtras(words: readonly Word[]): Alternative[] {
  const asked = words.find((w, i) => DIFFERENCE_WORDS.has(w.text) || asksDifferenceAt(words, i));
  return asked ? [{ term: '차이', weight: EXTRA_WEIGHTS.difference, surface: asked.text, via: 'word' }] : [];
}

/** 다르다 in a form that asks how two things differ. */
const DIFFERENT = new Set(['다른', '다르', '다르게', '달라', '다를', '다른데', '달라요', '달라여', '다름', '다르냐', '다른가', '다른가요', '다른지', '다르죠']);
/** …after 뭐가, 어떻게 (뭐가 다른, 어떻게 달라요), or before 거예요, 점 (다른 거예요, 다른 점이). */
const ASKS_BEFORE = new Set(['뭐가', '머가', '무엇이', '어떻게', '어케', '뭐']);
const ASKS_AFTER = new Set(['거예요', '거에요', '거야', '건가요', '건지', '거죠', '건데', '점', '점이', '점은', '점이요', '가요', '지', '거임', '거지']);

function asksDifferenceAt(words: readonly Word[], i: number): boolean {
  const word = words[i];
  if (!word || !DIFFERENT.has(word.text)) return false;
  const before = words[i - 1]?.text;
  const after = words[i + 1]?.text;
  return (before !== undefined && ASKS_BEFORE.has(before)) || (after !== undefined && ASKS_AFTER.has(after));
}

function dedupe(alternatives: Alternative[]): Alternative[] {
  const best = new Map<string, Alternative>();
  for (const a of alternatives) {
    const current = best.get(a.term);
    if (!current || current.weight < a.weight) best.set(a.term, a);
  }
  return [...best.values()];
}

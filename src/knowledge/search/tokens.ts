import { isChoseongWord, isHangulWord } from './hangul.ts';
import { normalizeText } from './normalize.ts';
import { isParticle } from './particles.ts';

export type WordKind = 'hangul' | 'latin' | 'number' | 'choseong' | 'literal' | 'other';

/** One word of a text, in reading order. */
export interface Word {
  readonly text: string;
  readonly kind: WordKind;
  /** A piece of the literal just before it (8080 and 80 of 8080:80). */
  readonly part?: true;
}

// Whitespace and punctuation that never belong to a command token.
const SEPARATORS = /[\s`'"()[\]{}<>,;|!?…→←·、，。*#~^&\\]+/u;
const FLAG = /^(-{1,2}[a-z][a-z0-9-]*)(?:=(.*))?$/;
// Punctuation trimmed off a chunk's start and end (a trailing dash too, a leading one marks a flag).
const LEADING_PUNCTUATION = '.:/=+';
const TRAILING_PUNCTUATION = '.:/=+-';
// Letters/digits joined by : . / @ _ + - — port pairs, image:tag, paths, file names, versions.
const COMMAND_LIKE = /^[\p{L}\p{N}]+(?:[:./@_+-]+[\p{L}\p{N}]+)+$/u;
// One plain Hangul, Latin or number word: what most chunks are, and no command-line rule applies.
const PLAIN_WORD = /^(?:[가-힣]+|[a-z][a-z0-9]*|[0-9][a-z0-9]*)$/;
const SCRIPT_RUNS = /[가-힣]+|[ㄱ-ㅎㅏ-ㅣ]+|[a-z]+[a-z0-9]*|[0-9]+[a-z0-9]*|[^\s가-힣ㄱ-ㅣa-z0-9]+/g;

/**
 * Splits text into words, aware of command lines: flags (`--from`, `-p`) and command-like tokens
 * (`8080:80`, `docker-compose.yml`, `webapp:8.0`) are kept whole as `literal` words, followed by
 * their parts; mixed-script words are split where the script changes, and a particle glued to a
 * Latin word or number (`ECS가`, `8080으로`) is dropped.
 */
export function wordsOf(text: string, most = Infinity): Word[] {
  const words: Word[] = [];
  const chunks = normalizeText(text).split(SEPARATORS);
  for (const chunk of chunks) {
    // Reading stops past `most` words: the caller can tell there were more.
    if (words.length > most) break;
    for (const word of wordsOfChunk(chunk, most + 1 - words.length)) words.push(word);
  }
  return words;
}

/** The words of a short phrase (title, alias, glossary spelling), without the parts of literals. */
export function phraseWords(text: string): string[] {
  return wholeWords(wordsOf(text));
}

/** The texts of the words that are no part of a literal. */
export function wholeWords(words: readonly Word[]): string[] {
  return words.filter((w) => !w.part).map((w) => w.text);
}

// Texts repeat the same words over and over: each distinct chunk is read once, and its Word
// objects are shared by every text that contains it. Bounded in entries and in their length,
// so queries of odd long words cannot fill memory (the notes have some 4,600 distinct chunks).
const CHUNK_CACHE_SIZE = 20_000;
const CACHED_CHUNK_CHARS = 32;
const CHUNKS = new Map<string, readonly Word[]>();

/**
 * The words of one chunk between separators. A chunk too long to remember is read only until
 * it has `room` words (a short one always whole: it may be remembered).
 */
function wordsOfChunk(rawChunk: string, room: number): readonly Word[] {
  let words = CHUNKS.get(rawChunk);
  if (words) return words;
  const cached = rawChunk.length <= CACHED_CHUNK_CHARS;
  const found: Word[] = [];
  const pieces = rawChunk.includes('=') && !rawChunk.startsWith('-') ? rawChunk.split('=') : [rawChunk];
  if (PLAIN_WORD.test(rawChunk)) found.push({ text: rawChunk, kind: kindOf(rawChunk) });
  else for (const piece of pieces) if (found.length < room || cached) addChunk(piece, found, cached ? Infinity : room);
  words = found;
  if (!cached) return words;
  if (CHUNKS.size >= CHUNK_CACHE_SIZE) CHUNKS.clear();
  CHUNKS.set(rawChunk, words);
  return words;
}

/** Adds the words of `chunk` to `words`, stopping once there are `room` of them. */
function addChunk(chunk: string, words: Word[], room: number): void {
  const flag = FLAG.exec(withoutGluedParticle(chunk));
  if (flag) {
    words.push({ text: flag[1] ?? chunk, kind: 'literal' });
    if (flag[2]) addChunk(flag[2], words, room);
    return;
  }
  const trimmed = trimEdges(chunk);
  if (!trimmed) return;
  // A particle glued to a literal (8080:80으로, webapp:8.0을) is no part of it.
  const glued = /[가-힣]+$/.exec(trimmed);
  const core = glued && glued.index > 0 && isParticle(glued[0]) ? trimmed.slice(0, glued.index) : trimmed;
  const literal = COMMAND_LIKE.test(core) && core.length >= 3;
  if (literal) {
    words.push({ text: core, kind: 'literal' });
    for (const inner of innerLiterals(core)) {
      if (words.length >= room) return;
      words.push({ text: inner, kind: 'literal', part: true });
    }
  }
  let previousKind: WordKind | undefined;
  for (const [piece] of trimmed.matchAll(SCRIPT_RUNS)) {
    if (words.length >= room) return;
    const kind = kindOf(piece);
    if (kind === 'other') continue;
    if (kind === 'hangul' && previousKind !== undefined && previousKind !== 'hangul' && isParticle(piece)) continue;
    words.push(literal ? { text: piece, kind, part: true } : { text: piece, kind });
    previousKind = kind;
  }
}

/** A flag with a particle glued on (-f로, --name을, -p는) is the flag. */
function withoutGluedParticle(chunk: string): string {
  if (!chunk.startsWith('-')) return chunk;
  const glued = /[가-힣]{1,3}$/.exec(chunk);
  return glued && glued.index > 1 && isParticle(glued[0]) ? chunk.slice(0, glued.index) : chunk;
}

/** The chunk without punctuation at its edges, in linear time (a `[…]+$` pattern retries at every dash of `-----x`). */
function trimEdges(chunk: string): string {
  let start = 0;
  let end = chunk.length;
  while (start < end && LEADING_PUNCTUATION.includes(chunk.charAt(start))) start++;
  while (end > start && TRAILING_PUNCTUATION.includes(chunk.charAt(end - 1))) end--;
  return chunk.slice(start, end);
}

/**
 * Command-like pieces inside a longer one: `127.0.0.1:8080:80` → 127.0.0.1, 8080:80;
 * `/var/run/docker.sock` → docker.sock.
 */
function innerLiterals(literal: string): string[] {
  const segments = literal.split(/[:/]/).filter(Boolean);
  if (segments.length < 2) return [];
  const inner = segments.filter((s) => COMMAND_LIKE.test(s) && s.length >= 3);
  segments.forEach((segment, i) => {
    const next = segments[i + 1];
    if (next !== undefined && /^\d+$/.test(segment) && /^\d+$/.test(next)) inner.push(`${segment}:${next}`);
  });
  return inner.filter((s) => s !== literal);
}

function kindOf(piece: string): WordKind {
  if (isHangulWord(piece)) return 'hangul';
  if (isChoseongWord(piece)) return 'choseong';
  if (/^[a-z]/.test(piece)) return 'latin';
  if (/^[0-9]/.test(piece)) return 'number';
  return 'other';
}

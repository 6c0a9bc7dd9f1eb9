import { errorLinesOf, isOutputLine, type ErrorLine } from './pasted-errors.ts';
import { cutText, QUERY_LIMITS } from './search/limits.ts';
import { countWork } from './search/work.ts';

/**
 * A member's question as search reads it. Members type in Discord: they mention people
 * (`@everyone`, `<@123>`), mark words up (`**급함**`, `||spoiler||`, code spans and fences) and
 * paste whole terminal outputs with a line of their own. Search should read the words, not the
 * markup, and of a paste the error lines and the member's own words, not the progress bars.
 */
export interface Question {
  /** As typed. */
  text: string;
  /** Without Discord markup and mentions. */
  plain: string;
  /** Error lines picked out of pasted output, cleaned of ids and timestamps, most telling first. */
  errors: string[];
  /** What search reads: the plain question, or for a paste the member's own lines and the error lines. */
  searchText: string;
  /** A container the question names (`--name web`, `container name "/web"`), for a `/diagnose` offer. */
  container: string | undefined;
  /** The question was longer than QUERY_LIMITS.questionChars: only its beginning was read. */
  cut: boolean;
  /** It asks what something is (볼륨이 뭐야, what is a volume, 이미지랑 컨테이너 차이): a chapter note defines it. */
  asksWhatItIs: boolean;
}

/** Discord's markup, each pattern linear (bounded inner runs): mentions, emoji, links, emphasis, fences. */
const USER_OR_ROLE_OR_CHANNEL = /<(?:@[!&]?|#)\d{1,25}>/g;
const EVERYONE = /(^|[^\w@])@(?:everyone|here)\b/g;
const CUSTOM_EMOJI = /<a?:\w{1,40}:\d{1,25}>/g;
const MASKED_LINK = /\[([^\]\n]{0,200})\]\(<?(https?:\/\/[^)\s>]{0,500})>?\)/g;
const FENCE_LINE = /^[ \t]*```[^\n`]*$/gm;
const EMPHASIS = /\*\*|__|~~|\|\|/g;
const BACKTICKS = /`+/g;
const QUOTE_MARK = /^[ \t]*>{1,3}[ \t]?/gm;
const HEADING_MARK = /^[ \t]*(?:#{1,3}|-#)[ \t]+/gm;

/** The question without Discord markup: what a member reads in the message, mentions removed. */
export function plainQuestion(text: string): string {
  countWork(text.length);
  return text
    .replace(USER_OR_ROLE_OR_CHANNEL, ' ')
    .replace(EVERYONE, '$1 ')
    .replace(CUSTOM_EMOJI, ' ')
    .replace(MASKED_LINK, '$1 $2')
    .replace(FENCE_LINE, '')
    .replace(EMPHASIS, '')
    .replace(BACKTICKS, ' ')
    .replace(QUOTE_MARK, '')
    .replace(HEADING_MARK, '')
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** "What is X", "X의 뜻", "X와 Y의 차이": the question asks for a definition, not a fix. */
const WHAT_IS =
  /(?:뭐야|뭐예요|뭐에요|뭔가요|뭔데|뭐임|뭐지|머임|머야|머에요|머에여|뭐에여|무엇인가요|무엇|이란|란\?|뜻|의미|개념|차이|다른가요|달라요|달라여|뭐가 다르|뭐가 다른|뭐가 달라|뭐가 다름|머가 다름|머가 달라|어떻게 다르|어떻게 달라|다른 점|다른점)|\bwhat(?:'s| is| are)\b|\bdifference between\b|\bvs\.?\s|\bversus\b|\bmeaning of\b/i;

/** How to do something (어케함, 어떻게 해요, how do I): a 머임 beside it is an exclamation, not "what is". */
const HOW_TO = /어케|어캐|어떻게 (?:해|하|고치|바꾸|만들|줄이|봐|보)|어떡|하는 ?법|방법|\bhow (?:do|can|to|should)\b/i;

/** Error lines search reads of one paste, at most: the rest are usually the same error again. */
const MOST_ERROR_LINES = 3;

export function readQuestion(text: string): Question {
  const read = cutText(text, QUERY_LIMITS.questionChars);
  const cut = read.length < text.length;
  const plain = plainQuestion(read);
  const lines = plain.split('\n');
  const errors: ErrorLine[] = errorLinesOf(lines);
  const container = containerNamed(plain);
  const opening = plain.slice(0, QUERY_LIMITS.chars);
  const asksWhatItIs = WHAT_IS.test(opening) && !HOW_TO.test(opening);
  if (errors.length === 0) {
    return { text, plain, errors: [], searchText: plain.replace(/\n/g, ' '), container, cut, asksWhatItIs };
  }
  const picked = distinctMessages(errors.toSorted((a, b) => b.weight - a.weight || a.index - b.index).map((e) => e.text)).slice(
    0,
    MOST_ERROR_LINES,
  );
  const errorIndexes = new Set(errors.map((e) => e.index));
  // The member's own words: lines that are neither an error nor program output.
  const own = lines.filter((line, i) => !errorIndexes.has(i) && !isOutputLine(line));
  return {
    text,
    plain,
    errors: picked,
    searchText: [...own, ...picked].join(' '),
    container,
    cut,
    asksWhatItIs: false,
  };
}

/**
 * Error lines without repeats of one message: a traceback's last two lines often say the same
 * thing under two exception names (MySQLdb.OperationalError: (2003, …), django.db.utils.OperationalError:
 * (2003, …)), and search reads a bounded number of words.
 */
function distinctMessages(lines: string[]): string[] {
  const seen = new Set<string>();
  return lines.filter((line) => {
    const message = line.replace(/^[\w.]{1,80}:\s*/, '');
    if (seen.has(message)) return false;
    seen.add(message);
    return true;
  });
}

const CONTAINER_NAMED = [
  /--name[ =]([a-zA-Z0-9][a-zA-Z0-9_.-]{0,62})/,
  /container name "\/([a-zA-Z0-9][a-zA-Z0-9_.-]{0,62})"/,
  /on endpoint ([a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}) /,
];

function containerNamed(text: string): string | undefined {
  for (const pattern of CONTAINER_NAMED) {
    const name = pattern.exec(text)?.[1];
    if (name) return name;
  }
  return undefined;
}

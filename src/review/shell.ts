/**
 * A small reader of the POSIX shell text in a RUN instruction: enough to see which commands run,
 * with which words, joined by which operators. It is not a shell: it never expands anything.
 *
 * Handled: 'single' and "double" quotes, backslash escapes and line continuations, `$(…)`,
 * `${…}` and backticks kept inside their word, comments, the operators `&&` `||` `;` `&` `|`
 * `|&` and newlines, subshells and braces, redirections (their targets are not arguments),
 * here-documents (their bodies are data), leading `VAR=value` assignments, and the reserved
 * words of `if`/`while`/`for` so the command after `then` or `do` is seen as a command.
 */

/** What joins a command to the one before it. */
export type Connector = '' | '&&' | '||' | ';' | '&' | '|' | '|&' | '\n';

export interface Assignment {
  name: string;
  value: string;
}

export interface SimpleCommand {
  /** The program: the first word after assignments, reserved words and wrappers such as `sudo`; '' when none. */
  name: string;
  /** The words after the program, quotes removed, redirections left out. */
  args: string[];
  /** Leading `NAME=value` words. */
  assignments: Assignment[];
  /** The operator between this command and the previous one ('' for the first). */
  connector: Connector;
  /** Bodies of here-documents fed to this command. */
  heredocs: string[];
}

export interface ShellScript {
  commands: SimpleCommand[];
  /** Number of `|` / `|&` pipes. */
  pipes: number;
}

/** Words that open or close a compound command; the command proper follows them. */
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', '!', '{', '}']);
/** Programs that run the rest of their words as a command. */
const WRAPPERS = new Set(['sudo', 'env', 'exec', 'command', 'nohup', 'time', 'nice']);
/** `sudo`/`env`… options that take a value in the next word. */
const WRAPPER_OPTIONS_WITH_VALUE = new Set(['-u', '-g', '-C', '-n', '--user', '--group']);

type Token =
  | { kind: 'word'; text: string; raw: string }
  | { kind: 'op'; op: Connector | '(' | ')' }
  /** `takesWord`: the next word is the redirection's target, not an argument. `heredoc`: the body it feeds. */
  | { kind: 'redirect'; takesWord: boolean; heredoc?: string };

/** Reads a shell script into its simple commands. Never throws: unbalanced quotes run to the end. */
export function parseShell(script: string): ShellScript {
  const commands: SimpleCommand[] = [];
  let pipes = 0;
  let words: Word[] = [];
  let heredocs: string[] = [];
  // The connector of the next command: the operator that ended the one before it.
  let connector: Connector = '';
  let skipTarget = false;

  for (const token of lex(script)) {
    if (token.kind === 'redirect') {
      skipTarget = token.takesWord;
      if (token.heredoc !== undefined) heredocs.push(token.heredoc);
      continue;
    }
    if (token.kind === 'word') {
      if (skipTarget) skipTarget = false;
      else words.push(token);
      continue;
    }
    skipTarget = false;
    if (token.op === '|' || token.op === '|&') pipes++;
    const command = buildCommand(words, connector, heredocs);
    if (command) {
      commands.push(command);
      connector = token.op === ')' || token.op === '(' ? ';' : token.op;
    } else if (commands.length > 0 && token.op !== '\n' && token.op !== '(' && token.op !== ')') {
      // `( a ) | b`: the operator after a closing parenthesis joins what follows.
      connector = token.op;
    }
    // A newline after `&&` (or a parenthesis, or `fi`) keeps the operator before it.
    words = [];
    heredocs = [];
  }
  const last = buildCommand(words, connector, heredocs);
  if (last) commands.push(last);
  return { commands, pipes };
}

interface Word {
  text: string;
  raw: string;
}

/** The command the words make, or undefined when they are only reserved words (`fi`, `done`). */
function buildCommand(words: Word[], connector: Connector, heredocs: string[]): SimpleCommand | undefined {
  const assignments: Assignment[] = [];
  let i = 0;
  for (; i < words.length; i++) {
    const word = words[i] ?? { text: '', raw: '' };
    if (RESERVED.has(word.raw)) continue;
    const eq = word.raw.indexOf('=');
    const name = eq > 0 ? word.raw.slice(0, eq) : '';
    if (name && isName(name)) {
      assignments.push({ name, value: word.text.slice(word.text.indexOf('=') + 1) });
      continue;
    }
    if (WRAPPERS.has(word.text)) {
      // `sudo -u app make`, `env -i PATH=/bin make`: skip the wrapper's own options and assignments.
      while (words[i + 1]?.text.startsWith('-')) {
        i++;
        if (WRAPPER_OPTIONS_WITH_VALUE.has(words[i]?.text ?? '')) i++;
      }
      continue;
    }
    break;
  }
  const rest = words.slice(i).map((w) => w.text);
  if (rest.length === 0 && assignments.length === 0 && heredocs.length === 0) return undefined;
  return { name: rest[0] ?? '', args: rest.slice(1), assignments, connector, heredocs };
}

function isName(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
    const digit = c >= 48 && c <= 57;
    if (!letter && !(digit && i > 0)) return false;
  }
  return text.length > 0;
}

// ── lexer ─────────────────────────────────────────────────────────────────────

interface PendingHeredoc {
  token: Extract<Token, { kind: 'redirect' }>;
  delimiter: string;
  stripTabs: boolean;
}

function lex(src: string): Token[] {
  const tokens: Token[] = [];
  const pending: PendingHeredoc[] = [];
  // The word being read; an object, so the helpers below and the loop see the same state.
  const word = { text: '', raw: '', open: false };
  let i = 0;

  const endWord = () => {
    if (word.open) tokens.push({ kind: 'word', text: word.text, raw: word.raw });
    word.text = '';
    word.raw = '';
    word.open = false;
  };
  const add = (value: string, written: string = value) => {
    word.text += value;
    word.raw += written;
    word.open = true;
  };

  while (i < src.length) {
    const c = src.charAt(i);
    if (c === '\\') {
      if (src[i + 1] === '\n') {
        i += 2; // line continuation
        continue;
      }
      if (i + 1 < src.length) add(src.charAt(i + 1), src.slice(i, i + 2));
      i += 2;
      continue;
    }
    if (c === "'") {
      const end = src.indexOf("'", i + 1);
      const stop = end < 0 ? src.length : end;
      add(src.slice(i + 1, stop), src.slice(i, stop + 1));
      i = stop + 1;
      continue;
    }
    if (c === '"') {
      const { value, end } = doubleQuoted(src, i + 1);
      add(value, src.slice(i, end));
      i = end;
      continue;
    }
    if (c === '$' && (src[i + 1] === '(' || src[i + 1] === '{')) {
      const end = src[i + 1] === '(' ? closing(src, i + 2, '(', ')') : closing(src, i + 2, '{', '}');
      add(src.slice(i, end));
      i = end;
      continue;
    }
    if (c === '`') {
      const end = backtickEnd(src, i + 1);
      add(src.slice(i, end));
      i = end;
      continue;
    }
    if (c === '#' && !word.open) {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      endWord();
      i++;
      continue;
    }
    if (c === '\n') {
      endWord();
      tokens.push({ kind: 'op', op: '\n' });
      i++;
      if (pending.length) i = readHeredocBodies(src, i, pending.splice(0));
      continue;
    }
    const redirect = redirectAt(src, i, word.open ? word.text : '');
    if (redirect) {
      // Digits just before `>` (`2>&1`) name a file descriptor: they are not a word.
      if (redirect.fdWord) {
        word.text = '';
        word.raw = '';
        word.open = false;
      } else endWord();
      i = redirect.end;
      if (redirect.heredoc) {
        while (src[i] === ' ' || src[i] === '\t') i++;
        const word = heredocWord(src, i);
        // The body is read when the line ends; the token is filled in then.
        const token: PendingHeredoc['token'] = { kind: 'redirect', takesWord: false, heredoc: '' };
        tokens.push(token);
        pending.push({ token, delimiter: word.delimiter, stripTabs: redirect.heredoc.stripTabs });
        i = word.end;
      } else {
        tokens.push({ kind: 'redirect', takesWord: redirect.takesWord });
      }
      continue;
    }
    const op = operatorAt(src, i);
    if (op) {
      endWord();
      tokens.push({ kind: 'op', op: op.op });
      i += op.length;
      continue;
    }
    add(c);
    i++;
  }
  endWord();
  return tokens;
}

function operatorAt(src: string, i: number): { op: Connector | '(' | ')'; length: number } | undefined {
  const two = src.slice(i, i + 2);
  if (two === '&&' || two === '||' || two === '|&') return { op: two, length: 2 };
  if (two === ';;') return { op: ';', length: 2 };
  const c = src[i];
  if (c === ';' || c === '&' || c === '|') return { op: c, length: 1 };
  if (c === '(' || c === ')') return { op: c, length: 1 };
  return undefined;
}

interface Redirect {
  end: number;
  /** The word so far was a file descriptor number (`2>`). */
  fdWord: boolean;
  /** The next word is the target (`> file`); false for `2>&1`, whose target came with it. */
  takesWord: boolean;
  heredoc?: { stripTabs: boolean };
}

function redirectAt(src: string, i: number, wordSoFar: string): Redirect | undefined {
  const c = src[i];
  const fdWord = wordSoFar !== '' && isDigits(wordSoFar);
  // Mid-word only `<` and `>` redirect (`a>b`); `&` there is an operator.
  if (wordSoFar !== '' && !fdWord && c !== '>' && c !== '<') return undefined;
  if (c === '&' && src[i + 1] === '>') {
    return { end: src[i + 2] === '>' ? i + 3 : i + 2, fdWord: false, takesWord: true };
  }
  if (c === '<' && src[i + 1] === '<') {
    if (src[i + 2] === '<') return { end: i + 3, fdWord, takesWord: true }; // here-string
    const stripTabs = src[i + 2] === '-';
    return { end: stripTabs ? i + 3 : i + 2, fdWord, takesWord: false, heredoc: { stripTabs } };
  }
  if (c !== '>' && c !== '<') return undefined;
  let end = i + 1;
  if (src[end] === '>' || src[end] === '|') end++;
  if (src[end] === '&') {
    // `2>&1`, `>&-`: the descriptor is part of the redirection.
    let j = end + 1;
    while (j < src.length && (isDigits(src.charAt(j)) || src.charAt(j) === '-')) j++;
    if (j > end + 1) return { end: j, fdWord, takesWord: false };
    end++;
  }
  return { end, fdWord, takesWord: true };
}

function isDigits(text: string): boolean {
  for (const c of text) if (c < '0' || c > '9') return false;
  return text.length > 0;
}

function heredocWord(src: string, i: number): { delimiter: string; end: number } {
  let delimiter = '';
  let j = i;
  while (j < src.length && !' \t\n;&|<>()'.includes(src.charAt(j))) {
    const c = src.charAt(j);
    if (c === "'" || c === '"') {
      const close = src.indexOf(c, j + 1);
      const stop = close < 0 ? src.length : close;
      delimiter += src.slice(j + 1, stop);
      j = stop + 1;
    } else if (c === '\\') {
      delimiter += src[j + 1] ?? '';
      j += 2;
    } else {
      delimiter += c;
      j++;
    }
  }
  return { delimiter, end: j };
}

/** Skips the bodies of the here-documents opened on the line just ended; returns where the script goes on. */
function readHeredocBodies(src: string, start: number, heredocs: PendingHeredoc[]): number {
  let i = start;
  for (const heredoc of heredocs) {
    const lines: string[] = [];
    while (i < src.length) {
      const newline = src.indexOf('\n', i);
      const lineEnd = newline < 0 ? src.length : newline;
      let line = src.slice(i, lineEnd);
      i = lineEnd + 1;
      if (heredoc.stripTabs) line = line.replace(/^\t+/, '');
      if (line === heredoc.delimiter) break;
      lines.push(line);
    }
    heredoc.token.heredoc = lines.join('\n');
  }
  return Math.min(i, src.length);
}

function doubleQuoted(src: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start;
  while (i < src.length) {
    const c = src.charAt(i);
    if (c === '"') return { value, end: i + 1 };
    if (c === '\\') {
      const next = src[i + 1];
      if (next === '\n') {
        i += 2;
        continue;
      }
      if (next !== undefined && '"\\$`'.includes(next)) {
        value += next;
        i += 2;
        continue;
      }
      value += c;
      i++;
      continue;
    }
    if (c === '$' && (src[i + 1] === '(' || src[i + 1] === '{')) {
      const end = src[i + 1] === '(' ? closing(src, i + 2, '(', ')') : closing(src, i + 2, '{', '}');
      value += src.slice(i, end);
      i = end;
      continue;
    }
    if (c === '`') {
      const end = backtickEnd(src, i + 1);
      value += src.slice(i, end);
      i = end;
      continue;
    }
    value += c;
    i++;
  }
  return { value, end: src.length };
}

/** The index just past the bracket that closes one opened before `start`, skipping quoted text. */
function closing(src: string, start: number, open: string, close: string): number {
  let depth = 1;
  let i = start;
  while (i < src.length) {
    const c = src.charAt(i);
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === "'") {
      const end = src.indexOf("'", i + 1);
      i = end < 0 ? src.length : end + 1;
      continue;
    }
    if (c === '"') {
      i = doubleQuoted(src, i + 1).end;
      continue;
    }
    if (c === open) depth++;
    else if (c === close && --depth === 0) return i + 1;
    i++;
  }
  return src.length;
}

function backtickEnd(src: string, start: number): number {
  let i = start;
  while (i < src.length) {
    if (src[i] === '\\') i += 2;
    else if (src[i] === '`') return i + 1;
    else i++;
  }
  return src.length;
}

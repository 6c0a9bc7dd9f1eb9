/** Where a directive was written: the file (absolute path in the container) and its 1-based line. */
export interface ConfLocation {
  file: string;
  line: number;
}

/** One nginx directive: `name arg…;` or `name arg… { block }`. */
export interface Directive extends ConfLocation {
  name: string;
  /** Arguments with quotes removed and escapes resolved, as nginx sees them. */
  args: string[];
  /** The directives inside `{ … }`, or undefined for a simple directive. */
  block?: Directive[];
}

/** A syntax problem nginx would refuse to start with (`nginx -t`), with where it was seen. */
export interface ConfProblem extends ConfLocation {
  message: string;
}

export interface ParsedConf {
  file: string;
  directives: Directive[];
  problems: ConfProblem[];
}

type Token = { kind: 'word'; text: string; line: number; quoted: boolean } | { kind: ';' | '{' | '}'; line: number };

const MAX_DEPTH = 32;

/**
 * Reads nginx configuration text the way nginx's own tokenizer does: words separated by
 * blanks, `;`, `{` and `}`; `#` starts a comment only at the start of a word; single- and
 * double-quoted strings with backslash escapes; `${var}` keeps its braces inside a word.
 * Never throws: what it cannot read becomes a problem with a line, and the rest is kept.
 */
export function parseConf(text: string, file: string): ParsedConf {
  const problems: ConfProblem[] = [];
  const tokens = tokenize(text, file, problems);
  let index = 0;

  const parseBlock = (depth: number, openedAt: number | undefined): Directive[] => {
    const directives: Directive[] = [];
    let current: { name: string; args: string[]; line: number } | undefined;
    for (let token = tokens[index++]; token; token = tokens[index++]) {
      if (token.kind === 'word') {
        if (current) current.args.push(token.text);
        else current = { name: token.text, args: [], line: token.line };
        continue;
      }
      if (token.kind === ';') {
        if (current) directives.push({ ...current, file });
        else problems.push({ file, line: token.line, message: 'unexpected ";"' });
        current = undefined;
        continue;
      }
      if (token.kind === '{') {
        if (!current) {
          problems.push({ file, line: token.line, message: 'unexpected "{"' });
          current = { name: '', args: [], line: token.line };
        }
        const block = depth >= MAX_DEPTH ? skipBlock() : parseBlock(depth + 1, token.line);
        if (current.name) directives.push({ ...current, file, block });
        current = undefined;
        continue;
      }
      // '}'
      if (current) {
        problems.push({ file, line: current.line, message: `directive "${current.name}" is not terminated by ";"` });
        directives.push({ ...current, file });
      }
      if (openedAt === undefined) {
        problems.push({ file, line: token.line, message: 'unexpected "}"' });
        current = undefined;
        continue;
      }
      return directives;
    }
    if (current) {
      problems.push({ file, line: current.line, message: `directive "${current.name}" is not terminated by ";"` });
      directives.push({ ...current, file });
    }
    if (openedAt !== undefined) {
      problems.push({ file, line: openedAt, message: 'unexpected end of file, expecting "}"' });
    }
    return directives;
  };

  /** Too deep to be a real configuration: skip to the matching brace, keeping nothing. */
  const skipBlock = (): Directive[] => {
    let open = 1;
    for (let token = tokens[index++]; token && open > 0; token = open > 0 ? tokens[index++] : undefined) {
      if (token.kind === '{') open++;
      else if (token.kind === '}') open--;
    }
    return [];
  };

  const directives = parseBlock(0, undefined);
  return { file, directives, problems: problems.sort((a, b) => a.line - b.line) };
}

function tokenize(text: string, file: string, problems: ConfProblem[]): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  const length = text.length;
  while (i < length) {
    const char = text.charAt(i);
    if (char === '\n') {
      line++;
      i++;
      continue;
    }
    if (char === ' ' || char === '\t' || char === '\r') {
      i++;
      continue;
    }
    if (char === '#') {
      while (i < length && text[i] !== '\n') i++;
      continue;
    }
    if (char === ';' || char === '{' || char === '}') {
      tokens.push({ kind: char, line });
      i++;
      continue;
    }
    if (char === '"' || char === "'") {
      const startLine = line;
      let value = '';
      i++;
      let closed = false;
      while (i < length) {
        const c = text.charAt(i);
        if (c === '\\' && i + 1 < length) {
          const next = text.charAt(i + 1);
          // nginx resolves \" \' \\ and keeps other escapes (\n, \t…) for the directive to read.
          value += next === '"' || next === "'" || next === '\\' ? next : `\\${next}`;
          if (next === '\n') line++;
          i += 2;
          continue;
        }
        if (c === char) {
          closed = true;
          i++;
          break;
        }
        if (c === '\n') line++;
        value += c;
        i++;
      }
      if (!closed) problems.push({ file, line: startLine, message: 'unexpected end of file in a quoted string' });
      tokens.push({ kind: 'word', text: value, line: startLine, quoted: true });
      continue;
    }
    let word = '';
    while (i < length) {
      const c = text.charAt(i);
      if (c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === ';' || c === '}') break;
      if (c === '{') {
        if (word.endsWith('$')) {
          // `${name}`: the braces belong to the variable, not to a block.
          const close = text.indexOf('}', i);
          const end = close < 0 ? length : close + 1;
          word += text.slice(i, end);
          i = end;
          continue;
        }
        break;
      }
      if (c === '\\' && i + 1 < length) {
        word += c + text.charAt(i + 1);
        i += 2;
        continue;
      }
      word += c;
      i++;
    }
    tokens.push({ kind: 'word', text: word, line, quoted: false });
  }
  return tokens;
}

/** Every directive in a tree, depth first, in file order, with the chain of blocks it sits in. */
export function* walk(
  directives: Directive[],
  parents: Directive[] = [],
): Generator<{ directive: Directive; parents: Directive[] }> {
  for (const directive of directives) {
    yield { directive, parents };
    if (directive.block) yield* walk(directive.block, [...parents, directive]);
  }
}

/** `file:line`, as nginx prints it in its own errors. */
export function where(at: ConfLocation): string {
  return `${at.file}:${at.line}`;
}

/** The directive as written (quotes as needed), for evidence lines: `server unix:/app/run/gunicorn.sock fail_timeout=0;`. */
export function directiveText(directive: Directive): string {
  const args = directive.args.map((a) => (a === '' || /[\s;{}#"']/.test(a) ? JSON.stringify(a) : a));
  return `${[directive.name, ...args].join(' ')}${directive.block ? ' {' : ';'}`;
}

import { Add, Arg, Copy, DockerfileParser, Env, From, Run, type Instruction } from 'dockerfile-ast';
import { parseShell, type SimpleCommand, type ShellScript } from './shell.ts';

/** A position range as dockerfile-ast reports it (0-based lines). */
type Range = ReturnType<Instruction['getRange']>;

/**
 * A Dockerfile as the rules read it, built from dockerfile-ast's syntax tree: instructions with
 * their 1-based lines, flags, exec-form arguments and here-documents; stages with their base
 * image (build ARGs before the first FROM substituted) and the stage they build on; and the
 * shell commands of each shell-form RUN.
 */
export interface ParsedDockerfile {
  instructions: DockerInstruction[];
  /** ARGs before the first FROM (usable in FROM lines). */
  globalArgs: DockerInstruction[];
  stages: Stage[];
  /** Parser directives at the top: `syntax`, `escape`. */
  directives: Record<string, string>;
}

export interface DockerInstruction {
  /** Upper-case keyword: FROM, RUN, COPY… */
  keyword: string;
  /** 1-based first and last line. */
  line: number;
  endLine: number;
  /** The instruction as written, continuation lines included. */
  source: string;
  /** The arguments with continuation lines joined and comment lines dropped (no flags). */
  args: string;
  /** The arguments as separate words, quotes kept as written (no flags). */
  words: string[];
  flags: Flag[];
  /** The exec-form (JSON array) arguments, when the instruction is written that way. */
  exec?: string[];
  heredocs: string[];
  /** Index of the stage it belongs to; -1 before the first FROM. */
  stage: number;
  /** For shell-form RUN: its commands (here-document scripts included). */
  shell?: ShellScript;
  /** ENV / ARG / LABEL: the name=value pairs. */
  properties: Property[];
  /** The parsed node, for the few things only it knows. */
  node: Instruction;
}

export interface Flag {
  name: string;
  value: string | null;
}

export interface Property {
  name: string;
  /** The value, quotes removed; null when none was given (`ARG NAME`). */
  value: string | null;
}

export interface Stage {
  index: number;
  /** The `AS` name, lower-cased as Docker compares it. */
  name?: string;
  from: BaseImage;
  /** The FROM instruction. */
  fromInstruction: DockerInstruction;
  /** Instructions after the FROM, up to the next one. */
  instructions: DockerInstruction[];
}

export interface BaseImage {
  /** As written (`node:${NODE_VERSION}-slim`). */
  written: string;
  /** With build ARGs substituted by their defaults; undefined when a value is unknown. */
  resolved?: string;
  /** Name, tag and digest of the resolved reference. */
  name?: string;
  tag?: string;
  digest?: string;
  /** The earlier stage this one builds on (`FROM build`). */
  stage?: number;
  scratch: boolean;
}

/** Instructions Docker knows; anything else stops `docker build`. */
export const KEYWORDS = new Set([
  'ADD',
  'ARG',
  'CMD',
  'COPY',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'FROM',
  'HEALTHCHECK',
  'LABEL',
  'MAINTAINER',
  'ONBUILD',
  'RUN',
  'SHELL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
]);

/** Build arguments Docker defines itself; their values depend on the build machine. */
const AUTOMATIC_ARGS = new Set([
  'TARGETPLATFORM',
  'TARGETOS',
  'TARGETARCH',
  'TARGETVARIANT',
  'BUILDPLATFORM',
  'BUILDOS',
  'BUILDARCH',
  'BUILDVARIANT',
]);

export function parseDockerfile(text: string): ParsedDockerfile {
  const ast = DockerfileParser.parse(text);
  const document = new SourceText(text);
  const commentLines = new Set(ast.getComments().map((c) => c.getRange().start.line));
  const escape = ast.getEscapeCharacter();
  const instructions: DockerInstruction[] = [];
  const stages: Stage[] = [];
  const globalArgs: DockerInstruction[] = [];
  const argDefaults = new Map<string, string | null>();

  for (const node of ast.getInstructions()) {
    const instruction = readInstruction(node, document, commentLines, escape, stages.length - 1);
    instructions.push(instruction);
    if (node instanceof From) {
      const stage = readStage(node, instruction, stages, argDefaults, document);
      instruction.stage = stage.index;
      stages.push(stage);
    } else if (stages.length === 0) {
      if (node instanceof Arg) {
        globalArgs.push(instruction);
        for (const property of node.getProperties()) {
          argDefaults.set(property.getName(), argDefault(node, property.getValueRange(), document, argDefaults));
        }
      }
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  const directives: Record<string, string> = {};
  for (const directive of ast.getDirectives()) directives[directive.getName().toLowerCase()] = directive.getValue();
  return { instructions, globalArgs, stages, directives };
}

function readInstruction(
  node: Instruction,
  document: SourceText,
  commentLines: Set<number>,
  escape: string,
  stage: number,
): DockerInstruction {
  const range = node.getRange();
  const keyword = node.getKeyword();
  const hasInnerComments = [...commentLines].some((l) => l > range.start.line && l <= range.end.line);
  const heredocs = heredocBodies(node, document);
  const args =
    hasInnerComments && heredocs.length === 0 ? withoutComments(node, document, commentLines, escape) : argsOf(node);
  const instruction: DockerInstruction = {
    keyword,
    line: range.start.line + 1,
    endLine: range.end.line + 1,
    source: document.lines(range.start.line, range.end.line),
    args,
    words: node.getArguments().map((a) => a.getValue()),
    flags: flagsOf(node),
    heredocs,
    stage,
    properties: propertiesOf(node),
    node,
  };
  const exec = execForm(args);
  if (exec && ['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'COPY', 'ADD', 'VOLUME'].includes(keyword)) instruction.exec = exec;
  if (keyword === 'RUN') instruction.shell = exec ? execScript(exec) : shellScript(args);
  return instruction;
}

function argsOf(node: Instruction): string {
  return node.getArgumentsContent() ?? '';
}

/**
 * Docker drops comment lines inside a continued instruction; dockerfile-ast keeps them in the
 * argument text. The instruction is parsed again without them (the parser joins the rest).
 */
function withoutComments(node: Instruction, document: SourceText, commentLines: Set<number>, escape: string): string {
  const range = node.getRange();
  const kept: string[] = [];
  for (let line = range.start.line; line <= range.end.line; line++) {
    if (!commentLines.has(line)) kept.push(document.lines(line, line));
  }
  const header = escape === '\\' ? '' : `# escape=${escape}\n`;
  const again = DockerfileParser.parse(`${header}${kept.join('\n')}`).getInstructions()[0];
  return again?.getArgumentsContent() ?? argsOf(node);
}

function flagsOf(node: Instruction): Flag[] {
  if (!('getFlags' in node) || typeof node.getFlags !== 'function') return [];
  const flags = (
    node as Instruction & { getFlags(): Array<{ getName(): string; getValue(): string | null }> }
  ).getFlags();
  return flags.map((f) => ({ name: f.getName().toLowerCase(), value: f.getValue() }));
}

function propertiesOf(node: Instruction): Property[] {
  if (!(node instanceof Env) && !(node instanceof Arg) && node.getKeyword() !== 'LABEL') return [];
  const withProperties = node as Instruction & {
    getProperties(): Array<{ getName(): string; getValue(): string | null }>;
  };
  return withProperties.getProperties().map((p) => ({ name: p.getName(), value: p.getValue() }));
}

function heredocBodies(node: Instruction, document: SourceText): string[] {
  if (!(node instanceof Run) && !(node instanceof Copy) && !(node instanceof Add)) return [];
  const withHeredocs = node as Instruction & { getHeredocs(): Array<{ getContentRange(): Range | null }> };
  try {
    return withHeredocs.getHeredocs().map((h) => {
      const content = h.getContentRange();
      return content ? document.slice(content) : '';
    });
  } catch {
    // dockerfile-ast throws on some malformed heredoc-like lines (`ADD  \` before a comment and EOF):
    // such an instruction has no heredoc Docker would read either.
    return [];
  }
}

/** Docker's rule: arguments that parse as a JSON array of strings are the exec form. */
function execForm(args: string): string[] | undefined {
  const trimmed = args.trim();
  if (!trimmed.startsWith('[')) return undefined;
  try {
    const value: unknown = JSON.parse(trimmed);
    if (Array.isArray(value) && value.every((v): v is string => typeof v === 'string')) return value;
  } catch {
    // Not JSON: Docker runs it in the shell form.
  }
  return undefined;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);

/** The commands of a shell-form RUN; here-documents fed to a shell (or to nothing) are scripts too. */
export function shellScript(text: string): ShellScript {
  const parsed = parseShell(text);
  const commands: SimpleCommand[] = [];
  let pipes = parsed.pipes;
  for (const command of parsed.commands) {
    const runsScript = command.name === '' || (SHELLS.has(basename(command.name)) && !command.args.includes('-c'));
    if (!runsScript || command.heredocs.length === 0) {
      commands.push(command);
      continue;
    }
    if (command.name !== '') commands.push({ ...command, heredocs: [] });
    for (const body of command.heredocs) {
      if (body.startsWith('#!') && !isShellShebang(body)) continue;
      const inner = parseShell(body);
      pipes += inner.pipes;
      commands.push(...inner.commands);
    }
  }
  return { commands, pipes };
}

/** `RUN ["sh", "-c", "…"]` runs a script; any other exec form is one command. */
function execScript(exec: string[]): ShellScript {
  const [program = '', ...rest] = exec;
  const script = rest[rest.indexOf('-c') + 1];
  if (SHELLS.has(basename(program)) && rest.includes('-c') && script !== undefined) return shellScript(script);
  return {
    commands: program ? [{ name: program, args: rest, assignments: [], connector: '', heredocs: [] }] : [],
    pipes: 0,
  };
}

function isShellShebang(body: string): boolean {
  const first = body.slice(2, body.indexOf('\n') < 0 ? undefined : body.indexOf('\n')).trim();
  const words = first.split(/\s+/);
  const program = basename(words[0] ?? '') === 'env' ? (words[1] ?? '') : (words[0] ?? '');
  return SHELLS.has(basename(program));
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function readStage(
  node: From,
  instruction: DockerInstruction,
  stages: Stage[],
  argDefaults: Map<string, string | null>,
  document: SourceText,
): Stage {
  const written = node.getImage() ?? '';
  const resolved = written ? substituteRange(node, node.getImageRange(), document, argDefaults) : undefined;
  const name = node.getBuildStage()?.toLowerCase();
  const from: BaseImage = { written, scratch: false };
  if (resolved !== undefined) {
    from.resolved = resolved;
    Object.assign(from, splitReference(resolved));
    const earlier = stages.find((s) => s.name !== undefined && s.name === resolved.toLowerCase());
    if (earlier) from.stage = earlier.index;
    from.scratch = resolved.toLowerCase() === 'scratch';
  }
  return { index: stages.length, ...(name ? { name } : {}), from, fromInstruction: instruction, instructions: [] };
}

/** `registry:5000/team/app:1.2@sha256:…` → name, tag, digest. */
export function splitReference(reference: string): { name: string; tag?: string; digest?: string } {
  const at = reference.indexOf('@');
  const digest = at >= 0 ? reference.slice(at + 1) : undefined;
  const withoutDigest = at >= 0 ? reference.slice(0, at) : reference;
  const colon = withoutDigest.lastIndexOf(':');
  const hasTag = colon > withoutDigest.lastIndexOf('/');
  return {
    name: hasTag ? withoutDigest.slice(0, colon) : withoutDigest,
    ...(hasTag ? { tag: withoutDigest.slice(colon + 1) } : {}),
    ...(digest ? { digest } : {}),
  };
}

/** An ARG's default with earlier build ARGs substituted; null when it has none or it is unknown. */
function argDefault(
  node: Arg,
  range: Range | null,
  document: SourceText,
  env: Map<string, string | null>,
): string | null {
  if (!range) return null;
  const value = substituteRange(node, range, document, env);
  return value === undefined ? null : stripQuotes(value);
}

/**
 * The text in `range` with its `$NAME`, `${NAME}`, `${NAME:-default}` and `${NAME:+alternative}`
 * replaced from `env` (build ARG defaults); undefined when a value is unknown.
 */
function substituteRange(
  node: Instruction,
  range: Range | null,
  document: SourceText,
  env: Map<string, string | null>,
): string | undefined {
  if (!range || range.start.line !== range.end.line) return range ? undefined : '';
  const start = document.offset(range.start);
  const end = document.offset(range.end);
  let out = '';
  let at = start;
  const variables = node
    .getVariables()
    .map((v) => ({ variable: v, from: document.offset(v.getRange().start), to: document.offset(v.getRange().end) }))
    .filter((v) => v.from >= start && v.to <= end)
    .sort((a, b) => a.from - b.from);
  for (const { variable, from, to } of variables) {
    const name = variable.getName();
    const known = env.has(name) && !AUTOMATIC_ARGS.has(name) ? env.get(name) : undefined;
    const modifier = variable.getModifier();
    const parameter = variable.getSubstitutionParameter() ?? '';
    let value: string | undefined;
    if (modifier === '-') value = known ? known : parameter;
    else if (modifier === '+') value = known ? parameter : known === undefined ? undefined : '';
    else value = known ?? undefined;
    if (value === undefined) return undefined;
    out += document.text.slice(at, from) + value;
    at = to;
  }
  return out + document.text.slice(at, end);
}

export function stripQuotes(text: string): string {
  if (text.length >= 2 && (text[0] === '"' || text[0] === "'") && text.at(-1) === text[0]) return text.slice(1, -1);
  return text;
}

/** The Dockerfile text with positions as dockerfile-ast reports them (0-based line, UTF-16 column). */
class SourceText {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.starts.push(i + 1);
  }

  offset(position: { line: number; character: number }): number {
    return (this.starts[position.line] ?? this.text.length) + position.character;
  }

  slice(range: Range): string {
    return this.text.slice(this.offset(range.start), this.offset(range.end));
  }

  /** Lines `from`…`to` (0-based, inclusive), without their line breaks. */
  lines(from: number, to: number): string {
    const start = this.starts[from] ?? this.text.length;
    const next = this.starts[to + 1];
    return this.text
      .slice(start, next === undefined ? undefined : next - 1)
      .replace(/\r?\n$/, '')
      .replace(/\r/g, '');
  }
}

import type { DockerInstruction } from './dockerfile.ts';
import type { SimpleCommand } from './shell.ts';

/**
 * Corrected instructions for a finding's fix, rebuilt from the parsed words. Only simple shapes
 * are rebuilt (commands joined by `&&`, `;` or newlines); anything else is described instead.
 */

/** One command as a member would type it, with `insert` options placed after its subcommand. */
export function commandText(command: SimpleCommand, insert: string[] = []): string {
  const args = [...command.args];
  const missing = insert.filter((flag) => !args.includes(flag));
  if (missing.length) {
    const at = args.findIndex((a) => !a.startsWith('-'));
    args.splice(at < 0 ? args.length : at + 1, 0, ...missing);
  }
  const assignments = command.assignments.map((a) => `${a.name}=${quoteWord(a.value)}`);
  return [...assignments, command.name, ...args.map(quoteWord)].join(' ');
}

/** The RUN's commands one per line, joined with `&&`, followed by `append`; undefined when the shape is not simple. */
export function runText(run: DockerInstruction, append: string[] = []): string[] | undefined {
  const commands = run.shell?.commands ?? [];
  if (run.exec || run.heredocs.length || commands.length === 0) return undefined;
  if (!commands.every((c) => ['', '&&', ';', '\n'].includes(c.connector) && c.heredocs.length === 0)) return undefined;
  const flags = run.flags.map((f) => (f.value === null ? `--${f.name}` : `--${f.name}=${f.value}`));
  const parts = [...commands.map((c) => commandText(c)), ...append];
  return parts.map((part, i) => {
    const head =
      i === 0 ? ['RUN', ...flags, part].join(' ') : ` ${commands[i]?.connector === ';' ? ';' : '&&'} ${part}`;
    return i < parts.length - 1 ? `${head} \\` : head;
  });
}

function quoteWord(word: string): string {
  if (word === '') return "''";
  if (!/[\s"'\\|&;<>()]/.test(word)) return word;
  return word.includes("'") ? `"${word.replace(/(["\\])/g, '\\$1')}"` : `'${word}'`;
}

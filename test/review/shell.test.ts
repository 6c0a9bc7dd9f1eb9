import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseShell, type SimpleCommand } from '../../src/review/shell.ts';

const words = (c: SimpleCommand) => [c.name, ...c.args];
const commandsOf = (script: string) => parseShell(script).commands.map(words);

describe('the RUN shell reader', () => {
  it('splits commands at &&, ||, ;, &, | and newlines, and says which operator joins them', () => {
    const { commands, pipes } = parseShell('a 1 && b 2 || c ; d & e | f |& g\nh');
    expect(commands.map((c) => [c.name, c.connector])).toEqual([
      ['a', ''],
      ['b', '&&'],
      ['c', '||'],
      ['d', ';'],
      ['e', '&'],
      ['f', '|'],
      ['g', '|&'],
      ['h', '\n'],
    ]);
    expect(pipes).toBe(2);
  });

  it('keeps quoted operators inside their word and removes the quotes', () => {
    expect(commandsOf(`echo "a && b | c" 'd; e' f\\ g`)).toEqual([['echo', 'a && b | c', 'd; e', 'f g']]);
    expect(parseShell(`echo "a | b"`).pipes).toBe(0);
  });

  it('keeps $(…), ${…} and backticks whole, quotes and operators inside them included', () => {
    expect(commandsOf('echo "$(ls | wc -l)" ${A:-x y} `date +%s` && b')).toEqual([
      ['echo', '$(ls | wc -l)', '${A:-x y}', '`date +%s`'],
      ['b'],
    ]);
    expect(commandsOf('echo $(echo ")" ; echo "(") after')).toEqual([['echo', '$(echo ")" ; echo "(")', 'after']]);
  });

  it('joins backslash-newline continuations and drops comments', () => {
    expect(commandsOf('apt-get install -y \\\n  curl \\\n  vim # editor\n# a whole comment line\nnext')).toEqual([
      ['apt-get', 'install', '-y', 'curl', 'vim'],
      ['next'],
    ]);
    expect(commandsOf('echo a#b')).toEqual([['echo', 'a#b']]);
  });

  it('keeps the operator before a line break (`a &&` then b on the next line)', () => {
    expect(parseShell('a &&\n\n  b').commands.map((c) => c.connector)).toEqual(['', '&&']);
  });

  it('leaves redirections and their targets out of the arguments', () => {
    expect(commandsOf('make install >/dev/null 2>&1 && cat < in.txt > out.txt 2> err && x &> all >> log')).toEqual([
      ['make', 'install'],
      ['cat'],
      ['x'],
    ]);
    expect(commandsOf('echo 2>&1 keep')).toEqual([['echo', 'keep']]);
  });

  it('reads here-document bodies as data for their command, not as commands', () => {
    const { commands } = parseShell("cat > /etc/app.conf <<'EOF'\nlisten 80 | x && y\nEOF\necho done");
    expect(commands.map(words)).toEqual([['cat'], ['echo', 'done']]);
    expect(commands[0]?.heredocs).toEqual(['listen 80 | x && y']);
    expect(parseShell('cat <<-EOT\n\tindented\n\tEOT\nnext').commands.map(words)).toEqual([['cat'], ['next']]);
  });

  it('separates leading assignments and looks through sudo, env and the words of if/then/do', () => {
    const [install] = parseShell('DEBIAN_FRONTEND=noninteractive apt-get install -y x').commands;
    expect(install).toMatchObject({
      name: 'apt-get',
      assignments: [{ name: 'DEBIAN_FRONTEND', value: 'noninteractive' }],
    });
    expect(commandsOf('sudo -u app make && env -i PATH=/bin ls && if [ -f x ]; then cd /x; fi')).toEqual([
      ['make'],
      ['ls'],
      ['[', '-f', 'x', ']'],
      ['cd', '/x'],
    ]);
    expect(commandsOf('for f in a b; do rm "$f"; done')).toEqual([
      ['for', 'f', 'in', 'a', 'b'],
      ['rm', '$f'],
    ]);
  });

  it('reads subshells and groups as commands, and a pipe after a closing parenthesis still counts', () => {
    const { commands, pipes } = parseShell('(cd sub && make) | tee log; { a; b; }');
    expect(commands.map(words)).toEqual([['cd', 'sub'], ['make'], ['tee', 'log'], ['a'], ['b']]);
    expect(commands[2]?.connector).toBe('|');
    expect(pipes).toBe(1);
  });

  it('never throws and never loops on any input, quotes left open included', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const parsed = parseShell(text);
        expect(parsed.commands.length).toBeLessThanOrEqual(text.length + 1);
      }),
      { numRuns: 500 },
    );
    expect(commandsOf('echo "unclosed && more')).toEqual([['echo', 'unclosed && more']]);
    expect(commandsOf("echo 'unclosed")).toEqual([['echo', 'unclosed']]);
  });
});

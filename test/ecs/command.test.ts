import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/cli/args.ts';
import { tokenize } from '../../src/cli/tokenize.ts';
import { defineGroup, defineSubcommand } from '../../src/core/command.ts';
import { definitionProblems } from '../../src/core/definition-rules.ts';
import { loadCommands } from '../../src/core/registry.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';

const registry = await loadCommands(join(PROJECT_ROOT, 'commands'));
const parse = (line: string) => parseCommandLine(tokenize(line), registry).invocation;

describe('ecs on the command line', () => {
  it('ecs <container> is ecs check <container>; lint and check are named as usual', () => {
    expect(parse('ecs web')).toEqual({ name: 'ecs', subcommand: 'check', options: { container: 'web' } });
    expect(parse('ecs 8080 --json')).toEqual({ name: 'ecs', subcommand: 'check', options: { container: '8080' } });
    expect(parse('ecs check lint')).toEqual({ name: 'ecs', subcommand: 'check', options: { container: 'lint' } });
    expect(parse('ecs lint task.json --nginx-conf nginx/nginx.conf')).toEqual({
      name: 'ecs',
      subcommand: 'lint',
      options: { taskdef: 'task.json', 'nginx-conf': 'nginx/nginx.conf' },
    });
    expect(parse('ecs진단 작업정의 task.json')).toMatchObject({
      subcommand: 'lint',
      options: { taskdef: 'task.json' },
    });
    expect(() => parse('ecs')).toThrow(/subcommand|하위 명령/);
  });

  it('a default subcommand must be one of the group’s', () => {
    const sub = defineSubcommand({ name: 'a', description: { ko: '가', en: 'a' }, options: [], run: () => ({}) });
    const group = defineGroup({
      name: 'g',
      description: { ko: '가', en: 'g' },
      subcommands: [sub],
      defaultSubcommand: 'b',
    });
    expect(definitionProblems(group)).toEqual(['g: defaultSubcommand "b" is not one of its subcommands']);
  });
});

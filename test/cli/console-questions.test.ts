/** Console lines that begin with a command word but do not read as that command are questions. */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseLine } from '../../src/cli/console.ts';
import { isUserError } from '../../src/core/errors.ts';
import { coerceOptions } from '../../src/core/options.ts';
import { loadCommands, type CommandRegistry } from '../../src/core/registry.ts';
import { COMMANDS_DIR } from '../../src/paths.ts';

let registry: CommandRegistry;
beforeAll(async () => {
  registry = await loadCommands(COMMANDS_DIR);
});

const parsed = (line: string) => parseLine(line, registry).invocation;

describe('console lines that begin with a command word', () => {
  it.each([
    'docker logs 어케봐요',
    'docker history 보는법',
    'docker ports 확인',
    'docker inspect 뭐임',
    'diagnose가 뭐야',
    'diagnose 하는법',
    'docker logs 어케 봐요',
  ])('%s is a question, not an invalid name', (line) => {
    expect(parsed(line)).toEqual({ name: 'ask', options: { query: line } });
  });

  it('runs the command when the value is one it takes, even one that may not exist', () => {
    expect(parsed('docker logs web')).toMatchObject({
      name: 'docker',
      subcommand: 'logs',
      options: { container: 'web' },
    });
    expect(parsed('docker history nginx:1.25')).toMatchObject({
      subcommand: 'history',
      options: { image: 'nginx:1.25' },
    });
    expect(parsed('diagnose my-app_1')).toMatchObject({ name: 'diagnose', options: { container: 'my-app_1' } });
    // A missing container is the command's own mistake to explain, not a question.
    expect(parsed('docker logs')).toMatchObject({ name: 'docker', subcommand: 'logs' });
  });

  it('with a slash, it is always the command, and a value it cannot take says so when it runs', () => {
    const invocation = parsed('/docker logs 어케봐요');
    expect(invocation).toMatchObject({ name: 'docker', subcommand: 'logs', options: { container: '어케봐요' } });
    const target = registry.resolve(invocation.name, invocation.subcommand, 'cli');
    let error: unknown;
    try {
      coerceOptions(target.options, invocation.options);
    } catch (caught) {
      error = caught;
    }
    expect(isUserError(error) && error.code).toBe('invalid-name');
  });
});

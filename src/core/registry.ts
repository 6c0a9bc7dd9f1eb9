import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isGroup, offeredOn, type CommandDefinition, type OptionSpec, type Transport } from './command.ts';
import { definitionProblems } from './definition-rules.ts';
import { UserError } from './errors.ts';

/** A resolved invocation target: the command and, for groups, the subcommand. */
export interface Target {
  command: CommandDefinition;
  subcommand?: string;
  /** The options offered on the transport it was resolved for. */
  options: readonly OptionSpec[];
}

export class CommandRegistry {
  private readonly byName = new Map<string, CommandDefinition>();

  constructor(commands: CommandDefinition[]) {
    const problems: string[] = [];
    for (const command of commands) {
      problems.push(...definitionProblems(command));
      if (this.byName.has(command.name)) problems.push(`${command.name}: defined twice`);
      this.byName.set(command.name, command);
    }
    if (problems.length > 0) throw new Error(`invalid command definitions:\n  ${problems.join('\n  ')}`);
  }

  all(transport?: Transport): CommandDefinition[] {
    const list = [...this.byName.values()].sort((a, b) => a.name.localeCompare(b.name));
    return transport ? list.filter((c) => offeredOn(c, transport)) : list;
  }

  get(name: string): CommandDefinition | undefined {
    return this.byName.get(name);
  }

  /** The command offered on `transport` by its English or Korean name, or a UserError that lists what exists. */
  find(name: string, transport: Transport): CommandDefinition {
    const wanted = name.replace(/^\//, '').toLowerCase();
    const command = this.all(transport).find((c) => c.name === wanted || c.nameKo === wanted);
    if (command) return command;
    const names = this.all(transport)
      .map((c) => `/${c.name}`)
      .join(', ');
    throw new UserError('unknown-command', {
      ko: `\`${name}\` 명령은 없어요. 쓸 수 있는 명령: ${names}`,
      en: `There is no \`${name}\` command. Commands: ${names}`,
    });
  }

  /** The command and subcommand to run, or a UserError that lists what exists. */
  resolve(name: string, subcommand: string | undefined, transport: Transport): Target {
    const command = this.find(name, transport);
    const offered = (options: readonly OptionSpec[]) => options.filter((o) => offeredOn(o, transport));
    if (!isGroup(command)) return { command, options: offered(command.options) };
    const sub = command.subcommands.find((s) => s.name === subcommand || s.nameKo === subcommand);
    if (!sub) {
      const names = command.subcommands.map((s) => s.name).join(', ');
      throw new UserError('unknown-subcommand', {
        ko: `\`/${command.name}\` 다음에 하위 명령이 필요해요: ${names}`,
        en: `\`/${command.name}\` needs a subcommand: ${names}`,
      });
    }
    return { command, subcommand: sub.name, options: offered(sub.options) };
  }
}

/**
 * Imports every command module directly in `dir`: each file there is one command (default export).
 * Folders are not read: `commands/<name>/` holds one command's parts, `commands/shared/` helpers
 * several commands use. Runs the same on commands/*.ts (tsx) and dist/commands/*.js (the build).
 * `only` names the one command a process will run (the one-shot CLI): when a file bears that name,
 * only it is imported, so the libraries of the others are not started.
 */
export async function loadCommands(dir: string, only?: string): Promise<CommandRegistry> {
  const all = readdirSync(dir)
    .filter((f) => /\.(ts|js)$/.test(f) && !/\.(d|test)\.ts$/.test(f) && !f.startsWith('_'))
    .sort();
  const named = all.filter((f) => f.replace(/\.(ts|js)$/, '') === only);
  const files = named.length > 0 ? named : all;
  const commands: CommandDefinition[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(join(dir, file)).href)) as { default?: unknown };
    if (!isDefinition(module.default)) {
      throw new Error(`commands/${file} must default-export a command definition (defineCommand or defineGroup)`);
    }
    commands.push(module.default);
  }
  return new CommandRegistry(commands);
}

function isDefinition(value: unknown): value is CommandDefinition {
  if (!value || typeof value !== 'object') return false;
  const v = value as Partial<CommandDefinition>;
  return (
    typeof v.name === 'string' &&
    typeof v.description === 'object' &&
    (typeof v.run === 'function' || Array.isArray(v.subcommands))
  );
}

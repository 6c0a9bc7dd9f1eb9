import {
  defineCommand,
  isGroup,
  offeredOn,
  type CommandDefinition,
  type OptionSpec,
  type Transport,
} from '../src/core/command.ts';
import { UserError } from '../src/core/errors.ts';
import type { Translate } from '../src/core/locale.ts';

export default defineCommand({
  name: 'help',
  nameKo: '도움말',
  description: { ko: 'dockhand 명령 안내', en: 'What dockhand can do' },
  options: [
    {
      name: 'command',
      nameKo: '명령',
      type: 'string',
      description: { ko: '자세히 볼 명령', en: 'Command to explain' },
      autocomplete: (partial, ctx) =>
        ctx.commands
          .filter((c) => c.name.startsWith(partial.toLowerCase()) || (c.nameKo ?? '').startsWith(partial))
          .map((c) => ({
            name: { ko: `/${c.name} — ${c.description.ko}`, en: `/${c.name} — ${c.description.en}` },
            value: c.name,
          })),
    },
  ],
  run: ({ command }, ctx) => {
    const { t } = ctx;
    if (!command) {
      return {
        title: t({ ko: 'dockhand 명령', en: 'dockhand commands' }),
        text: ctx.commands
          .map((c) => `\`/${c.name}\`${c.nameKo ? ` (${c.nameKo})` : ''} — ${t(c.description)}`)
          .join('\n'),
        footer: t({ ko: '자세히: /help command:<이름>', en: 'Details: /help command:<name>' }),
        data: { commands: ctx.commands.map((c) => ({ name: c.name, description: t(c.description) })) },
      };
    }
    const found = ctx.commands.find((c) => c.name === command.replace(/^\//, '') || c.nameKo === command);
    if (!found) {
      throw new UserError('unknown-command', {
        ko: `\`${command}\` 명령은 없어요. /help 로 목록을 보세요.`,
        en: `There is no \`${command}\` command. See /help for the list.`,
      });
    }
    return { title: `/${found.name}`, text: usage(found, t, ctx.caller.transport), data: { name: found.name } };
  },
});

function usage(command: CommandDefinition, t: Translate, transport: Transport): string {
  const lines = [t(command.description)];
  const offered = (options: readonly OptionSpec[]) => options.filter((o) => offeredOn(o, transport));
  if (isGroup(command)) {
    for (const sub of command.subcommands) {
      lines.push(
        '',
        `\`/${command.name} ${sub.name}${signature(offered(sub.options))}\` — ${t(sub.description)}`,
        ...optionLines(offered(sub.options), t),
      );
    }
  } else {
    const options = offered(command.options);
    lines.push('', `\`/${command.name}${signature(options)}\``, ...optionLines(options, t));
  }
  return lines.join('\n');
}

function signature(options: readonly OptionSpec[]): string {
  return options.map((o) => (o.required ? ` <${o.name}>` : ` [--${o.name}]`)).join('');
}

function optionLines(options: readonly OptionSpec[], t: Translate): string[] {
  const optional = t({ ko: ' (선택)', en: ' (optional)' });
  return options.map((o) => `• \`${o.name}\`${o.required ? '' : optional}: ${t(o.description)}`);
}

import { randomUUID } from 'node:crypto';
import { isGroup, type Choice, type CommandDefinition, type OptionValue } from './command.ts';
import type { Caller, CommandContext, Services } from './context.ts';
import { decodeCustomId } from './custom-id.ts';
import { isUserError, UserError } from './errors.ts';
import { translator } from './locale.ts';
import { coerceOptions, settleOptions } from './options.ts';
import { defaultPreconditions, type Precondition } from './preconditions/index.ts';
import type { CommandRegistry, Target } from './registry.ts';
import type { Reply } from './reply.ts';

export interface Invocation {
  name: string;
  subcommand?: string | undefined;
  options: Record<string, unknown>;
}

/**
 * Runs commands for any transport: resolves the definition, checks preconditions
 * (src/core/preconditions: organizer-only, cooldown), coerces options, calls the handler, and turns every
 * failure into a Reply. It never throws.
 */
export class Dispatcher {
  constructor(
    readonly registry: CommandRegistry,
    readonly services: Services,
    private readonly preconditions: Precondition[] = defaultPreconditions(),
  ) {}

  /** The definition a transport needs before running (e.g. Discord defers slow commands at once). */
  target(invocation: Pick<Invocation, 'name' | 'subcommand'>, caller: Caller): Target {
    return this.registry.resolve(invocation.name, invocation.subcommand, caller.transport);
  }

  async run(
    invocation: Invocation,
    caller: Caller,
    signal: AbortSignal = new AbortController().signal,
  ): Promise<Reply> {
    const ctx = this.context(caller, signal);
    try {
      const target = this.target(invocation, caller);
      this.checkPreconditions(target.command, caller, target.subcommand);
      const options = coerceOptions(target.options, await settleOptions(invocation.options, signal));
      return await this.invoke(target, options, ctx);
    } catch (error) {
      return this.failure(error, ctx, { command: invocation.name, subcommand: invocation.subcommand });
    }
  }

  /**
   * Choices for an option being typed, in the caller's language; empty on any error (autocomplete
   * must answer fast). Each transport shows as many as it can (Discord: src/discord/render/choices.ts).
   */
  async autocomplete(
    invocation: Pick<Invocation, 'name' | 'subcommand'>,
    optionName: string,
    partial: string,
    caller: Caller,
    others: Record<string, unknown> = {},
  ): Promise<Array<{ name: string; value: string }>> {
    const ctx = this.context(caller, new AbortController().signal);
    try {
      const target = this.target(invocation, caller);
      const option = target.options.find((o) => o.name === optionName);
      if (!option || option.type !== 'string' || !option.autocomplete) return [];
      const choices: Array<Choice<string>> = await option.autocomplete(partial, ctx, others);
      return choices.map((c) => ({ name: ctx.t(c.name), value: c.value }));
    } catch (error) {
      ctx.log.warn('autocomplete failed', { command: invocation.name, optionName, error });
      return [];
    }
  }

  /** A button press or select choice, routed by its custom id `<command>:<action>:…`. */
  async component(customId: string, selected: string[], caller: Caller): Promise<Reply> {
    const ctx = this.context(caller, new AbortController().signal);
    try {
      const decoded = decodeCustomId(customId);
      const command = decoded && this.registry.get(decoded.command);
      const handler = decoded && command?.components?.[decoded.action];
      if (!decoded || !command || !handler) {
        throw new UserError('unknown-component', {
          ko: '이 버튼은 더 이상 쓸 수 없어요. 명령을 다시 실행해 주세요.',
          en: 'This button no longer works. Please run the command again.',
        });
      }
      this.checkPreconditions(command, caller);
      return await handler(decoded.args, ctx, selected);
    } catch (error) {
      return this.failure(error, ctx, { customId });
    }
  }

  private context(caller: Caller, signal: AbortSignal): CommandContext {
    return {
      ...this.services,
      caller,
      signal,
      t: translator(caller.locale),
      commands: this.registry.all(caller.transport),
    };
  }

  /** Calls the target's handler; the options were coerced against this very target's specs. */
  private invoke(target: Target, options: Record<string, OptionValue | undefined>, ctx: CommandContext) {
    const { command } = target;
    if (!isGroup(command)) return command.run(options, ctx);
    const sub = command.subcommands.find((s) => s.name === target.subcommand);
    if (!sub) throw new Error(`subcommand ${String(target.subcommand)} vanished`);
    return sub.run(options, ctx);
  }

  private checkPreconditions(command: CommandDefinition, caller: Caller, subcommand?: string): void {
    const now = this.services.clock.now();
    const sub = isGroup(command) ? command.subcommands.find((s) => s.name === subcommand) : undefined;
    for (const precondition of this.preconditions) precondition.check(command, caller, now, sub);
  }

  private failure(error: unknown, ctx: CommandContext, where: Record<string, unknown>): Reply {
    if (isUserError(error)) {
      const message = ctx.t(error.localized);
      return { text: message, tone: 'error', ephemeral: true, error: { code: error.code, message } };
    }
    const incident = randomUUID().slice(0, 8);
    ctx.log.error('command failed', { ...where, incident, user: ctx.caller.id, error });
    const message = ctx.t({
      ko: `죄송해요, 처리 중에 문제가 생겼어요 (오류 번호 ${incident}). 운영진이 로그에서 확인할 수 있어요.`,
      en: `Sorry, something went wrong on our side (incident ${incident}). The organizers can find it in the logs.`,
    });
    return { text: message, tone: 'error', ephemeral: true, error: { code: 'internal', message } };
  }
}

import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  Interaction,
  StringSelectMenuInteraction,
} from 'discord.js';
import type { Caller } from '../core/context.ts';
import { translator } from '../core/locale.ts';
import type { Dispatcher, Invocation } from '../core/dispatcher.ts';
import type { Logger } from '../core/logger.ts';
import type { Reply } from '../core/reply.ts';
import { attachmentOrigins } from './attachments.ts';
import { callerFrom } from './caller.ts';
import { reportDiscordError } from './errors.ts';
import { focusedOption, readOptions, subcommandOf } from './options.ts';
import { renderChoices } from './render/choices.ts';
import { Responder } from './responder.ts';
import { DISCORD_TIMING, type Timing } from './timing.ts';

interface Work {
  done: Promise<void>;
  abort: AbortController;
}

/**
 * Routes each interaction to the command core and answers it: slash commands to
 * `dispatcher.run`, autocomplete to `dispatcher.autocomplete`, buttons and select menus to
 * `dispatcher.component`. No command logic lives here.
 */
export class InteractionRouter {
  private readonly inFlight = new Set<Work>();
  private accepting = true;
  private origins: string[] | undefined;

  constructor(
    private readonly dispatcher: Dispatcher,
    private readonly log: Logger,
    private readonly timing: Timing = DISCORD_TIMING,
    private readonly now: () => number = Date.now,
    /** Members with this role count as organizers too (DOCKHAND_ORGANIZER_ROLE_ID). */
    private readonly organizerRoleId?: string,
  ) {}

  /** Where uploads may come from, worked out the first time a command takes a file. */
  private readonly attachmentOrigins = (): string[] =>
    (this.origins ??= attachmentOrigins(this.dispatcher.services.config.discord.apiBase));

  get pending(): number {
    return this.inFlight.size;
  }

  /** Entry point for `interactionCreate`; never throws. */
  handle(interaction: Interaction): void {
    const abort = new AbortController();
    const work: Work = { abort, done: Promise.resolve() };
    work.done = this.route(interaction, abort)
      .catch((error: unknown) => {
        reportDiscordError(this.log, error, describe(interaction));
      })
      .finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
  }

  /**
   * Stops taking new work, lets what is running finish (up to `graceMs`), then aborts the rest
   * and gives them a moment to send their last message.
   */
  async drain(graceMs: number): Promise<void> {
    this.accepting = false;
    if (this.inFlight.size === 0) return;
    this.log.info('discord: finishing in-flight interactions', { count: this.inFlight.size });
    if (!(await this.settle(graceMs))) {
      for (const work of this.inFlight) work.abort.abort(new Error('shutting down'));
      await this.settle(2_000);
    }
  }

  /** Waits until nothing is in flight, including work that arrives meanwhile (answered with "restarting"). */
  private async settle(ms: number): Promise<boolean> {
    const deadline = this.now() + ms;
    while (this.inFlight.size > 0) {
      const left = deadline - this.now();
      if (left <= 0 || !(await within(Promise.allSettled([...this.inFlight].map((w) => w.done)), left))) return false;
    }
    return true;
  }

  private async route(interaction: Interaction, abort: AbortController): Promise<void> {
    if (interaction.isAutocomplete()) return this.autocomplete(interaction);
    if (!interaction.isChatInputCommand() && !interaction.isButton() && !interaction.isStringSelectMenu()) {
      this.log.debug('discord: ignored interaction', { type: interaction.type });
      return;
    }
    const caller = callerFrom(interaction, this.organizerRoleId);
    const responder = new Responder(interaction, caller.locale);
    if (!this.accepting) {
      await responder.send(restarting(caller));
      return;
    }
    const started = this.now();
    const reply = interaction.isChatInputCommand()
      ? await this.command(interaction, caller, responder, abort)
      : await this.component(interaction, caller, responder, abort);
    await responder.send(reply);
    this.log.info('discord: answered', {
      ...describe(interaction),
      ms: this.now() - started,
      ...(reply.error ? { error: reply.error.code } : {}),
    });
  }

  private async command(
    interaction: ChatInputCommandInteraction,
    caller: Caller,
    responder: Responder,
    abort: AbortController,
  ): Promise<Reply> {
    const invocation: Invocation = {
      name: interaction.commandName,
      subcommand: subcommandOf(interaction),
      options: {},
    };
    let slow = false;
    try {
      const target = this.dispatcher.target(invocation, caller);
      invocation.options = readOptions(interaction, target.options, this.attachmentOrigins);
      slow = target.command.slow === true;
    } catch {
      // Unknown command or subcommand: dispatcher.run answers with the error at once.
    }
    if (slow) await responder.defer();
    else
      responder.deferAfter(this.timing.autoDeferAfterMs, (error) => {
        reportDiscordError(this.log, error, describe(interaction));
      });
    return this.withinTokenWindow(this.dispatcher.run(invocation, caller, abort.signal), abort, caller);
  }

  private async component(
    interaction: ButtonInteraction | StringSelectMenuInteraction,
    caller: Caller,
    responder: Responder,
    abort: AbortController,
  ): Promise<Reply> {
    responder.deferAfter(this.timing.autoDeferAfterMs, (error) => {
      reportDiscordError(this.log, error, describe(interaction));
    });
    const selected = interaction.isStringSelectMenu() ? interaction.values : [];
    return this.withinTokenWindow(this.dispatcher.component(interaction.customId, selected, caller), abort, caller);
  }

  private async autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const caller = callerFrom(interaction, this.organizerRoleId);
    const { name, partial, others } = focusedOption(interaction);
    const invocation = { name: interaction.commandName, subcommand: subcommandOf(interaction) };
    const started = this.now();
    const choices = await Promise.race([
      this.dispatcher.autocomplete(invocation, name, partial, caller, others),
      sleep(this.timing.autocompleteBudgetMs).then(() => {
        this.log.warn('discord: autocomplete too slow, answering with no choices', {
          command: invocation.name,
          option: name,
        });
        return [];
      }),
    ]);
    await interaction.respond(renderChoices(choices));
    this.log.debug('discord: autocomplete', {
      command: invocation.name,
      option: name,
      choices: choices.length,
      ms: this.now() - started,
    });
  }

  /** The handler's reply, or a "took too long" reply sent while the token can still carry it. */
  private async withinTokenWindow(work: Promise<Reply>, abort: AbortController, caller: Caller): Promise<Reply> {
    let timer: NodeJS.Timeout | undefined;
    const giveUp = new Promise<Reply>((resolve) => {
      timer = setTimeout(() => {
        abort.abort(new Error('interaction token window closing'));
        resolve(tookTooLong(caller));
      }, this.timing.giveUpAfterMs);
    });
    try {
      return await Promise.race([work, giveUp]);
    } finally {
      clearTimeout(timer);
    }
  }
}

function restarting(caller: Caller): Reply {
  const text = translator(caller.locale)({
    ko: 'dockhand가 다시 시작하는 중이에요. 잠시 뒤에 다시 시도해 주세요.',
    en: 'dockhand is restarting. Please try again in a moment.',
  });
  return { text, tone: 'warning', ephemeral: true, error: { code: 'restarting', message: text } };
}

function tookTooLong(caller: Caller): Reply {
  const text = translator(caller.locale)({
    ko: '처리가 너무 오래 걸려서 중단했어요. 다시 시도해 주세요.',
    en: 'This took too long and was stopped. Please try again.',
  });
  return { text, tone: 'error', ephemeral: true, error: { code: 'timeout', message: text } };
}

function describe(interaction: Interaction): Record<string, unknown> {
  const base = { interaction: interaction.id, user: interaction.user.id };
  if (interaction.isChatInputCommand() || interaction.isAutocomplete()) {
    const sub = interaction.options.getSubcommand(false);
    return { ...base, command: sub ? `${interaction.commandName} ${sub}` : interaction.commandName };
  }
  if (interaction.isMessageComponent()) return { ...base, component: interaction.customId };
  return base;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

async function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(resolve, ms, false);
  });
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

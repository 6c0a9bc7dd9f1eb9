import type { CommandDefinition, SubcommandDefinition } from '../command.ts';
import type { Caller } from '../context.ts';

/**
 * A check that runs before a command or one of its buttons, as Sapphire's preconditions do:
 * it refuses by throwing a UserError, which the dispatcher turns into a private reply.
 */
export interface Precondition {
  readonly name: string;
  check(command: CommandDefinition, caller: Caller, now: Date, subcommand?: SubcommandDefinition): void;
}

import { Cooldown } from './cooldown.ts';
import { organizerOnly } from './organizer-only.ts';
import type { Precondition } from './precondition.ts';

export type { Precondition } from './precondition.ts';

/** In order: who may run it, then how often (a refused organizer-only call uses no cooldown). */
export function defaultPreconditions(): Precondition[] {
  return [organizerOnly, new Cooldown()];
}

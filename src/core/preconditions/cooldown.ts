import { UserError } from '../errors.ts';
import { withParticle } from '../korean-particles.ts';
import type { Precondition } from './precondition.ts';

/** Past this many remembered callers, expired entries are dropped so the map cannot grow for ever. */
const PRUNE_AT = 1000;

/** Expensive commands (`cooldownSeconds`) run at most once per period per member and transport. */
export class Cooldown implements Precondition {
  readonly name = 'cooldown';
  private readonly until = new Map<string, number>();

  check(
    command: { name: string; cooldownSeconds?: number | undefined },
    caller: { id: string; transport: string },
    now: Date,
  ): void {
    if (!command.cooldownSeconds) return;
    const key = `${command.name}:${caller.transport}:${caller.id}`;
    const time = now.getTime();
    const until = this.until.get(key) ?? 0;
    if (time < until) {
      const seconds = Math.ceil((until - time) / 1000);
      throw new UserError('cooldown', {
        ko: `조금만 기다려 주세요: ${withParticle(`\`/${command.name}\``, '은/는')} ${seconds}초 뒤에 다시 쓸 수 있어요.`,
        en: `Please wait: \`/${command.name}\` is available again in ${seconds}s.`,
      });
    }
    if (this.until.size >= PRUNE_AT) this.prune(time);
    this.until.set(key, time + command.cooldownSeconds * 1000);
  }

  private prune(time: number): void {
    for (const [key, until] of this.until) if (until <= time) this.until.delete(key);
  }
}

/**
 * One dockhand process starting its reminder scheduler on a shared file at an agreed moment
 * (START_AT, epoch ms), its clock fixed at CLOCK. Prints the reminder ids it posted, as JSON.
 */
import { createApp } from '../../../src/app.ts';
import { loadConfig } from '../../../src/config.ts';
import { fixedClock } from '../../../src/core/clock.ts';
import { createLogger } from '../../../src/core/logger.ts';

const clock = fixedClock(process.env.CLOCK ?? '');
const app = await createApp(loadConfig(process.env), { log: createLogger('silent'), clock });
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(process.env.START_AT) - Date.now())));
const posted: number[] = [];
await app.services.scheduler.start({
  canDeliver: () => true,
  post: (post) => {
    posted.push(post.reminderId);
    return Promise.resolve();
  },
});
await app.close();
process.stdout.write(`${JSON.stringify(posted)}\n`);

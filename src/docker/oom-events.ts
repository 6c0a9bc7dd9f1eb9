import { z } from 'zod';
import { readCapped } from './capped-read.ts';
import type { EngineClient } from './engine-client.ts';
import type { ContainerInspect } from './engine-types.ts';

/** A container's events over one run are few lines; more than this is not read. */
const EVENTS_MAX_BYTES = 256 * 1024;
const OomEvent = z.object({ Action: z.string(), time: z.number().optional() });

/**
 * The times the engine reported the kernel OOM-killing a process of this container between
 * `since` and `until` (the `oom` events). Docker can lose `State.OOMKilled` when the exit is
 * handled before the OOM notice; the event log still has it.
 */
export async function readOomEvents(
  engine: EngineClient,
  container: ContainerInspect,
  window: { since: Date; until: Date },
  signal?: AbortSignal,
): Promise<Date[]> {
  const stream = await engine.stream('GET', '/events', {
    query: {
      since: Math.floor(window.since.getTime() / 1000),
      until: Math.ceil(window.until.getTime() / 1000),
      filters: JSON.stringify({ type: ['container'], container: [container.Id], event: ['oom'] }),
    },
    signal,
  });
  const { body } = await readCapped(stream, Math.min(EVENTS_MAX_BYTES, engine.limits.maxBytes));
  const times: Date[] = [];
  for (const line of body.toString('utf8').split('\n')) {
    const event = OomEvent.safeParse(parseJson(line));
    if (event.success && event.data.Action === 'oom') times.push(new Date((event.data.time ?? 0) * 1000));
  }
  return times;
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

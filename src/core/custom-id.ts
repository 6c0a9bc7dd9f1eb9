/**
 * Component custom ids carry their own state (`<command>:<action>:<arg>:…`), so a button
 * still works after a restart. Discord allows 100 characters.
 */
export const CUSTOM_ID_MAX = 100;

export function encodeCustomId(command: string, action: string, ...args: Array<string | number>): string {
  const parts = [command, action, ...args.map(String)];
  for (const part of parts) {
    if (part.includes(':')) throw new Error(`custom id part must not contain ":" (${part})`);
  }
  const id = parts.join(':');
  if (Array.from(id).length > CUSTOM_ID_MAX) throw new Error(`custom id longer than ${CUSTOM_ID_MAX}: ${id}`);
  return id;
}

export function decodeCustomId(id: string): { command: string; action: string; args: string[] } | undefined {
  const [command, action, ...args] = id.split(':');
  if (!command || !action) return undefined;
  return { command, action, args };
}

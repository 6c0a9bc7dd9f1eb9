import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every file below `dir` whose name `wanted` accepts, depth first, in name order. */
export function filesUnder(dir: string, wanted: (name: string) => boolean = () => true): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return filesUnder(path, wanted);
      return entry.isFile() && wanted(entry.name) ? [path] : [];
    });
}

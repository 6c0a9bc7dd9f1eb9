import Fuse from 'fuse.js';

const MAX_SUGGESTIONS = 3;

/**
 * The names closest to one that was not found (`web1` → `web`, `my-nginx` → `mynginx`), best
 * first, for a "did you mean" line. Only names the caller may see are ever passed in.
 */
export function similarNames(wanted: string, names: string[]): string[] {
  const unique = [...new Set(names)].filter((name) => name !== wanted);
  if (unique.length === 0) return [];
  const fuse = new Fuse(unique, { includeScore: true, threshold: 0.4, ignoreLocation: true });
  return fuse
    .search(wanted)
    .slice(0, MAX_SUGGESTIONS)
    .map((result) => result.item);
}

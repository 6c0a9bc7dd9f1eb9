import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { filesUnder } from '../core/files.ts';
import { loadKnowledge, type LoadedKnowledge } from './loader.ts';

/** Set by the build (scripts/build.ts): a hash of the sources it was built from. */
const BUILD_ID = process.env.DOCKHAND_BUILD_ID;

interface CacheFile {
  key: string;
  knowledge: LoadedKnowledge;
}

/**
 * Parsing the notes (YAML front matter, Markdown sections) and the glossary is a large part of
 * start-up, so a built dockhand keeps the result in `cacheFile`, keyed by the build and by every
 * knowledge file's path and content: an edit in knowledge/, or another build, misses and parses
 * again. Run from the sources (tsx, tests) nothing is cached, so a change to the loader shows at
 * once. A cache that cannot be read or written is only a slower start.
 */
export function loadKnowledgeCached(
  dir: string,
  projectRoot: string,
  cacheFile: string | undefined,
  build: string | undefined = BUILD_ID,
): LoadedKnowledge {
  const key = build && cacheFile ? cacheKey(build, dir, projectRoot) : undefined;
  if (!key || !cacheFile) return loadKnowledge(dir, projectRoot);
  const cached = readCache(cacheFile);
  if (cached?.key === key) return cached.knowledge;
  const knowledge = loadKnowledge(dir, projectRoot);
  writeCache(cacheFile, { key, knowledge });
  return knowledge;
}

/** The build, where the files are, and every file's path and content; undefined when the folder cannot be read. */
function cacheKey(build: string, dir: string, projectRoot: string): string | undefined {
  const hash = createHash('sha256').update(`${build}\0${dir}\0${projectRoot}\0`);
  try {
    for (const file of filesUnder(dir)) hash.update(`${relative(dir, file)}\0`).update(readFileSync(file)).update('\0');
  } catch {
    return undefined;
  }
  return hash.digest('hex');
}

/**
 * The cache as this very build wrote it (the key names the build), so its shape is trusted once
 * the envelope checks out; anything unreadable is a miss.
 */
function readCache(file: string): CacheFile | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const envelope = typeof parsed === 'object' && parsed !== null && 'key' in parsed && 'knowledge' in parsed;
    return envelope ? (parsed as CacheFile) : undefined;
  } catch {
    return undefined;
  }
}

/** Into a folder that exists (the store makes the data folder; a recursive mkdir spins under /proc). */
function writeCache(file: string, content: CacheFile): void {
  try {
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(content));
    renameSync(temporary, file);
  } catch {
    // No such or a read-only data folder: parse again next time.
  }
}

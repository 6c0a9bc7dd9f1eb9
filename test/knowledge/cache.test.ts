import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeCached } from '../../src/knowledge/cache.ts';
import { loadKnowledge } from '../../src/knowledge/loader.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { defined } from '../support/defined.ts';
import { tempDir } from '../support/temp.ts';

/** A copy of the project's knowledge to edit, and where its cache goes (the store made the data folder). */
function workspace() {
  const root = tempDir();
  const dir = join(root, 'knowledge');
  cpSync(join(PROJECT_ROOT, 'knowledge'), dir, { recursive: true });
  mkdirSync(join(root, 'data'));
  return { root, dir, cacheFile: join(root, 'data', 'knowledge-cache.json') };
}

const titleOf = (knowledge: ReturnType<typeof loadKnowledge>, id: string) =>
  knowledge.docs.find((doc) => doc.id === id)?.title;

describe('knowledge parse cache', () => {
  it('parses once, then answers from the cache file this build wrote', () => {
    const { root, dir, cacheFile } = workspace();
    const first = loadKnowledgeCached(dir, root, cacheFile, 'build-a');
    expect(first).toEqual(loadKnowledge(dir, root));
    expect(existsSync(cacheFile)).toBe(true);
    // What the second load returns comes from the file: change it there, and it shows.
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as { knowledge: typeof first };
    defined(cached.knowledge.docs[0]).title = 'from the cache';
    writeFileSync(cacheFile, JSON.stringify(cached));
    expect(loadKnowledgeCached(dir, root, cacheFile, 'build-a').docs[0]?.title).toBe('from the cache');
  });

  it('parses again after an edit in knowledge/, or for another build', () => {
    const { root, dir, cacheFile } = workspace();
    loadKnowledgeCached(dir, root, cacheFile, 'build-a');
    const note = defined(loadKnowledge(dir, root).docs.find((doc) => doc.kind === 'note'));
    appendFileSync(join(dir, `${note.id}.md`), '\n## 새 절 {#added}\n\n방금 추가한 내용.\n');
    const edited = loadKnowledgeCached(dir, root, cacheFile, 'build-a');
    expect(edited.docs.find((doc) => doc.id === note.id)?.sections.map((s) => s.anchor)).toContain('added');

    const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as { knowledge: typeof edited };
    defined(cached.knowledge.docs.find((doc) => doc.id === note.id)).title = 'stale';
    writeFileSync(cacheFile, JSON.stringify(cached));
    expect(titleOf(loadKnowledgeCached(dir, root, cacheFile, 'build-b'), note.id)).toBe(note.title);
  });

  it('caches nothing without a build (tsx, tests) or a data folder, and shrugs off a broken cache file', () => {
    const { root, dir, cacheFile } = workspace();
    loadKnowledgeCached(dir, root, cacheFile, undefined);
    expect(existsSync(cacheFile)).toBe(false);
    const nowhere = join(root, 'no-such-folder', 'knowledge-cache.json');
    expect(loadKnowledgeCached(dir, root, nowhere, 'build-a')).toEqual(loadKnowledge(dir, root));
    expect(existsSync(nowhere)).toBe(false);
    loadKnowledgeCached(dir, root, cacheFile, 'build-a');
    writeFileSync(cacheFile, '{"key": "build-a", "knowl');
    expect(loadKnowledgeCached(dir, root, cacheFile, 'build-a')).toEqual(loadKnowledge(dir, root));
  });
});

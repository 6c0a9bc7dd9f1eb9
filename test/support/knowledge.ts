import { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { parseKnowledgeFile } from '../../src/knowledge/loader.ts';
import type { KnowledgeDoc } from '../../src/knowledge/types.ts';

/** A small knowledge base from inline Markdown, so ref resolution is tested without the real notes. */
export function knowledgeFrom(files: Record<string, string>): KnowledgeBase {
  const docs: KnowledgeDoc[] = [];
  for (const [id, content] of Object.entries(files)) {
    const parsed = parseKnowledgeFile(id, `knowledge/${id}.md`, content);
    if (!parsed.doc) throw new Error(`fixture ${id}: ${parsed.problems.map((p) => p.message).join('; ')}`);
    docs.push(parsed.doc);
  }
  return new KnowledgeBase({ docs, glossary: [], problems: [] });
}

export function playbook(title: string, codes: string[], anchors: string[]): string {
  return [
    '---',
    `title: ${title}`,
    `title_en: ${title}`,
    'kind: playbook',
    `codes: [${codes.join(', ')}]`,
    '---',
    `# ${title}`,
    '',
    ...anchors.flatMap((anchor) => [`## ${anchor} {#${anchor}}`, `Text about ${anchor}.`, '']),
  ].join('\n');
}

export function note(chapter: number, anchors: string[]): string {
  return [
    '---',
    `title: Chapter ${chapter}`,
    `title_en: Chapter ${chapter}`,
    `chapter: ${chapter}`,
    '---',
    `# Chapter ${chapter}`,
    '',
    ...anchors.flatMap((anchor) => [`## ${anchor} {#${anchor}}`, `Text about ${anchor}.`, '']),
  ].join('\n');
}

/** Playbooks shaped like the group's, for the codes the checks emit. */
export const FIXTURE_KNOWLEDGE = knowledgeFrom({
  'troubleshooting/container-exits': playbook(
    'Exits',
    ['exited', 'oom-killed', 'start-failed'],
    ['symptom', 'causes', 'exit-0', 'exit-1', 'exit-127', 'exit-137', 'fix'],
  ),
  'troubleshooting/port-already-allocated': playbook('Allocated', ['start-failed'], ['symptom', 'causes', 'fix']),
  'troubleshooting/port-not-answering': playbook(
    'Ports',
    ['port-not-published', 'port-mismatch', 'listens-on-loopback', 'http-unreachable'],
    ['symptom', 'causes', 'not-published', 'port-mismatch', 'loopback', 'check'],
  ),
  'troubleshooting/nginx-default-page': playbook('Nginx', ['http-default-page'], ['symptom', 'config-not-copied']),
  'troubleshooting/restarts': playbook('Restarts', ['restart-loop'], ['symptom']),
  'notes/ch4-dockerfile': note(4, ['intro-section', 'considerations', 'dockerignore']),
});

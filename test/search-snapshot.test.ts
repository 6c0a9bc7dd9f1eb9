import { describe, expect, it } from 'vitest';
import { createSnapshotEngine, digestLine, fullLine, readCommittedSnapshot, takeSnapshot } from '../eval/snapshot.ts';

// Search and autocomplete answers for every eval question, pinned: speed-ups must not change a
// single hit, score, reason, snippet or suggestion. After an intended change to ranking, the
// knowledge or the questions: `npm run -s snapshot -- --write` (and review the full diff).
describe('search results snapshot', () => {
  it('answers every eval question exactly as eval/snapshot.jsonl records', () => {
    const lines = takeSnapshot(createSnapshotEngine());
    const committed = readCommittedSnapshot();
    const changed = lines.filter((line, i) => digestLine(line) !== committed[i]).slice(0, 5).map(fullLine);
    expect(changed).toEqual([]);
    expect(lines.length).toBe(committed.length);
  });
});

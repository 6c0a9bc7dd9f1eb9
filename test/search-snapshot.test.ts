import { describe, expect, it } from 'vitest';
import { createSnapshotEngine, digestLine, fullLine, readCommittedSnapshot, takeSnapshot } from '../eval/snapshot.ts';

const RERECORD =
  'search results differ from eval/snapshot.jsonl. A speed-up must not change them; after an intended change ' +
  '(ranking, knowledge/, eval/questions): npm run -s snapshot -- --write, and review the full diff (see eval/snapshot.ts)';

// Search and autocomplete answers for every eval question, pinned: speed-ups must not change a
// single hit, score, reason, snippet or suggestion.
describe('search results snapshot', () => {
  it('answers every eval question exactly as eval/snapshot.jsonl records', () => {
    const lines = takeSnapshot(createSnapshotEngine());
    const committed = readCommittedSnapshot();
    const changed = lines.filter((line, i) => digestLine(line) !== committed[i]).slice(0, 5).map(fullLine);
    expect(changed, RERECORD).toEqual([]);
    expect(lines.length, RERECORD).toBe(committed.length);
  });
});

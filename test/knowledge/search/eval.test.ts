import { describe, expect, it } from 'vitest';
import { readBaseline } from '../../../eval/baseline.ts';
import { evaluateAll, overall } from '../../../eval/report.ts';

// The labelled questions of eval/questions, run through the real knowledge: retrieval quality
// may not fall below the committed baseline (eval/baseline.json, `npm run eval -- --write-baseline`).
describe('search quality on the labelled questions', () => {
  const baseline = readBaseline();
  const reports = evaluateAll();

  it('has a committed baseline for every split', () => {
    expect(baseline).toBeDefined();
    expect(reports.map((r) => r.split).sort()).toEqual(Object.keys(baseline ?? {}).sort());
  });

  for (const report of reports) {
    it(`keeps overall hit@3 on ${report.split} at or above the baseline`, () => {
      const hit3 = Math.round(overall(report).hit3 * 1000) / 1000;
      expect(hit3).toBeGreaterThanOrEqual(baseline?.[report.split].hit3 ?? Infinity);
    });
  }

  it('beats plain fuse.js on every split', () => {
    for (const report of reports) {
      const fuse = report.fuse.find(([p]) => p === 'overall')?.[1];
      expect(overall(report).mrr10).toBeGreaterThan(fuse?.mrr10 ?? Infinity);
    }
  });
});

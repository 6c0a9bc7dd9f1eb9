import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateMember, memberOverall, type MemberReport } from '../../eval/member/evaluate.ts';
import { MEMBER_SPLITS } from '../../eval/member/questions.ts';
import { memberFigures, readMemberBaseline } from '../../eval/member/report.ts';
import { testApp } from '../support/app.ts';

// The member-level questions (eval/member) through the real ask command and dispatcher: what a
// member sees first may not get worse than the committed baseline (eval/member/baseline.json).
// After an improvement, re-record it: npm run eval -- --member --write-baseline.
describe('member-level evaluation: what /ask shows first', () => {
  let app: Awaited<ReturnType<typeof testApp>>;
  let reports: MemberReport[];
  const baseline = readMemberBaseline();

  beforeAll(async () => {
    app = await testApp();
    reports = await evaluateMember(MEMBER_SPLITS, app);
  });
  afterAll(() => app.close());

  it('has a committed baseline for every split', () => {
    expect(Object.keys(baseline ?? {}).sort()).toEqual([...MEMBER_SPLITS].sort());
  });

  it('asks every question as a member would, so ask records each one it accepted', () => {
    const outcomes = reports.flatMap((r) => r.outcomes);
    const accepted = outcomes.filter((o) => o.refused === undefined).length;
    expect(accepted).toBeGreaterThan(0);
    expect(app.services.store.questions.recent(10_000)).toHaveLength(accepted);
    // Refusals are the command's own (an option too long), never a crash.
    for (const o of outcomes) expect(o.refused?.code).not.toBe('internal');
  });

  for (const split of MEMBER_SPLITS) {
    it(`keeps right&sure, unanswerable left unsure and hit@3 on ${split} at or above the baseline`, () => {
      const report = reports.find((r) => r.split === split);
      const recorded = baseline?.[split];
      expect(report && recorded).toBeTruthy();
      if (!report || !recorded) return;
      const now = memberFigures(report);
      expect(now.rightAndSure).toBeGreaterThanOrEqual(recorded.rightAndSure);
      expect(now.leftUnsure).toBeGreaterThanOrEqual(recorded.leftUnsure);
      expect(now.hit3).toBeGreaterThanOrEqual(recorded.hit3);
      expect(memberOverall(report).n).toBeGreaterThan(100);
    });
  }
});

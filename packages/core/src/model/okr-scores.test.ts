import { describe, expect, it } from "vitest";
import type { Declaration } from "../ast/nodes.js";
import { parse } from "../syntax/parse.js";
import { scoreBand, scoreKeyResult, scoreObjective } from "./okr-scores.js";

function okr(krs: string): Declaration {
  const { ast, errors } = parse(`okr o "O" { owner: pmm  period: 2026-Q4\n${krs}\n}`);
  expect(errors).toEqual([]);
  return ast.declarations[0]!;
}

describe("OKR scores (docs/rules/README.md, OKR scores)", () => {
  it("scores (current - from) / (to - from) with the reading's date", () => {
    const s = scoreKeyResult(okr("kr win_rate: 20% -> 30% by 2026-Q4 { current: 26% on 2026-11-16 }").keyResults[0]!);
    expect(s.score).toBeCloseTo(0.6, 12);
    expect(s).toMatchObject({ band: "yellow", current: 26, currentOn: "2026-11-16" });
  });

  it("scores key results that go down", () => {
    const s = scoreKeyResult(okr("kr time_to_value: 21d -> 14d by 2026-Q4 { current: 17d on 2026-10-31 }").keyResults[0]!);
    expect(s.score).toBeCloseTo(4 / 7, 12);
    expect(s.band).toBe("yellow");
  });

  it("clamps to 0–1", () => {
    const o = okr("kr a: 10 -> 20 { current: 25 }\nkr b: 10 -> 20 { current: 5 }");
    expect(scoreKeyResult(o.keyResults[0]!).score).toBe(1);
    expect(scoreKeyResult(o.keyResults[1]!).score).toBe(0);
  });

  it("gives no score without a current, or when from equals to", () => {
    const o = okr("kr a: 10 -> 20\nkr b: 10 -> 10 { current: 10 on 2026-11-01 }");
    expect(scoreKeyResult(o.keyResults[0]!)).toEqual({ score: null, band: null, current: null, currentOn: null, start: 10, goal: 20, needsStart: false });
    expect(scoreKeyResult(o.keyResults[1]!)).toEqual({ score: null, band: null, current: 10, currentOn: "2026-11-01", start: 10, goal: 10, needsStart: false });
  });

  it("bands red < 0.4 <= yellow < 0.7 <= green", () => {
    expect([0, 0.39, 0.4, 0.69, 0.7, 1].map(scoreBand)).toEqual(["red", "red", "yellow", "yellow", "green", "green"]);
  });

  it("scores an objective as the mean of its scored key results", () => {
    const o = okr("kr a: 0 -> 10 { current: 10 }\nkr b: 0 -> 10 { current: 2 }\nkr c: 0 -> 10");
    expect(scoreObjective(o)).toEqual({ score: 0.6, band: "yellow" });
    expect(scoreObjective(okr("kr a: 0 -> 10\nkr b: 0 -> 10"))).toEqual({ score: null, band: null });
  });

  it("scores a target with no stated start from the metric's baseline, and says when there is none", () => {
    const kr = okr("kr customers: -> 150 by 2026-Q4 { current: 135 on 2026-11-01 }").keyResults[0]!;
    expect(kr.form).toBe("target");
    expect(scoreKeyResult(kr, 120)).toMatchObject({ score: 0.5, band: "yellow", start: 120, goal: 150, needsStart: false });
    expect(scoreKeyResult(kr)).toMatchObject({ score: null, start: null, goal: 150, needsStart: true });
  });

  it("scores a relative change (-35%) and an absolute one (+30) from the baseline", () => {
    const o = okr("kr stage4: -35% by 2026-Q4 { current: 16d on 2026-11-01 }\nkr customers: +30 by 2026-Q4 { current: 135 }");
    const [rel, abs] = o.keyResults;
    expect([rel!.form, rel!.sign, abs!.form, abs!.sign]).toEqual(["change", "-", "change", "+"]);
    const r = scoreKeyResult(rel!, 20);
    expect(r.goal).toBeCloseTo(13, 12);
    expect(r.score).toBeCloseTo(4 / 7, 12);
    expect(scoreKeyResult(abs!, 120)).toMatchObject({ goal: 150, score: 0.5 });
    expect(scoreKeyResult(abs!)).toMatchObject({ score: null, needsStart: true });
  });

  it("scores a ceiling or floor 1 while the reading holds, else 0", () => {
    const o = okr("kr lf: at most 0.61 { current: 0.6 }\nkr lf: at most 0.61 { current: 0.62 }\nkr eff: at least 1.0 { current: 1.0 }\nkr eff: at least 1.0");
    expect(o.keyResults.map((kr) => [kr.form, kr.bound])).toEqual([
      ["hold", "at_most"],
      ["hold", "at_most"],
      ["hold", "at_least"],
      ["hold", "at_least"],
    ]);
    expect(o.keyResults.map((kr) => scoreKeyResult(kr).score)).toEqual([1, 0, 1, null]);
  });

  it("scores a milestone 1 when done, 0 when pending, none without a reading", () => {
    const o = okr('kr soc2 "SOC 2 audit window started": done by 2026-Q4 { current: done on 2026-11-01 }\nkr gdpr: done { current: pending }\nkr boot_camp: done');
    expect(o.keyResults[0]!.title?.value).toBe("SOC 2 audit window started");
    expect(o.keyResults.map((kr) => scoreKeyResult(kr).score)).toEqual([1, 0, null]);
    expect(scoreObjective(o)).toEqual({ score: 0.5, band: "yellow" });
  });

  it("reads a negative start followed by an arrow as a move, not a change", () => {
    const kr = okr("kr nps: -5 -> 10 { current: 0 }").keyResults[0]!;
    expect(kr.form).toBe("move");
    expect(scoreKeyResult(kr).score).toBeCloseTo(1 / 3, 12);
  });
});

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
    expect(scoreKeyResult(o.keyResults[0]!)).toEqual({ score: null, band: null, current: null, currentOn: null });
    expect(scoreKeyResult(o.keyResults[1]!)).toEqual({ score: null, band: null, current: 10, currentOn: "2026-11-01" });
  });

  it("bands red < 0.4 <= yellow < 0.7 <= green", () => {
    expect([0, 0.39, 0.4, 0.69, 0.7, 1].map(scoreBand)).toEqual(["red", "red", "yellow", "yellow", "green", "green"]);
  });

  it("scores an objective as the mean of its scored key results", () => {
    const o = okr("kr a: 0 -> 10 { current: 10 }\nkr b: 0 -> 10 { current: 2 }\nkr c: 0 -> 10");
    expect(scoreObjective(o)).toEqual({ score: 0.6, band: "yellow" });
    expect(scoreObjective(okr("kr a: 0 -> 10\nkr b: 0 -> 10"))).toEqual({ score: null, band: null });
  });
});

import { describe, expect, it } from "vitest";
import { recommendAttribution } from "./attribution-recommendation.js";

/** Models and MTA method of a cell, in one string: `mta (position_based) + incrementality`. */
function cell(cycleDays: number, maturity: number): string {
  const r = recommendAttribution(cycleDays, maturity);
  return r.models.map((m) => (m === "mta" && r.mtaMethod ? `mta (${r.mtaMethod})` : m)).join(" + ");
}

describe("attribution decision table (docs/rules/attribution-fit.md)", () => {
  // Every cell of the table, at both edges of each cycle band and every maturity.
  const rows: Array<[string, number[], [string, string, string]]> = [
    ["≤ 30d", [1, 30], ["single_touch + incrementality", "mta (position_based) + incrementality", "mta (data_driven) + incrementality"]],
    ["31–90d", [31, 90], ["self_reported + incrementality", "mta (position_based) + incrementality", "mmm + mta + incrementality"]],
    ["91–180d", [91, 180], ["self_reported + incrementality", "mmm + mta (position_based) + incrementality", "mmm + mta + incrementality"]],
    ["> 180d", [181, 400], ["self_reported + incrementality", "mmm + incrementality", "mmm + mta + incrementality"]],
  ];
  for (const [band, cycles, [low, mid, high]] of rows) {
    for (const days of cycles) {
      it(`${band} at ${days}d: M1–2, M3, M4–5`, () => {
        expect([1, 2].map((m) => cell(days, m))).toEqual([low, low]);
        expect(cell(days, 3)).toBe(mid);
        expect([4, 5].map((m) => cell(days, m))).toEqual([high, high]);
        expect(recommendAttribution(days, 3).cycleBand).toBe(band);
      });
    }
  }

  it("names the maturity band", () => {
    expect([1, 2, 3, 4, 5].map((m) => recommendAttribution(45, m).maturityBand)).toEqual(["1–2", "1–2", "3", "4–5", "4–5"]);
  });

  it("describes incrementality at maturity 1–2 as pre/post comparisons", () => {
    expect(recommendAttribution(45, 1).note).toContain("pre/post");
  });
});

import { describe, expect, it } from "vitest";
import { checkWorkspace } from "../project/workspace.js";
import { Catalog } from "../std/catalog.js";
import { format } from "../format/format.js";
import { recommendAttribution } from "../model/attribution-recommendation.js";
import { wordsOf, wordOf } from "../workspace/values.js";
import { scaffold } from "./scaffold.js";

const TODAYS = ["2026-11-23", "2026-01-01", "2026-06-30", "2026-07-01", "2026-12-31"];
const CYCLES: ReadonlyArray<[number, string]> = [
  [10, "10d"],
  [45, "45d"],
  [120, "120d"],
  [200, "200d"],
  [42, "6w"],
];

/** One std catalog for every check in this file (each workspace would otherwise parse its own). */
const CATALOG = new Catalog();

function check(maturity: number, cycleDays: number, cycle: string, today: string) {
  const files = scaffold({ maturity, cycleDays, cycle, today });
  return {
    files,
    ...checkWorkspace(
      files.map((f) => ({ path: f.path, contents: f.text })),
      { today, rules: new Map(), vanityTerms: [] },
      { catalog: CATALOG },
    ),
  };
}

describe("scaffold", () => {
  for (const maturity of [1, 2, 3, 4, 5]) {
    for (const [days, cycle] of CYCLES) {
      it(`maturity ${maturity}, cycle ${cycle}: passes every rule with no finding at all, on several dates`, () => {
        for (const today of TODAYS) {
          const { files, diagnostics, program } = check(maturity, days, cycle, today);
          expect(diagnostics.map((d) => `${today} ${d.rule} ${d.file ?? ""} ${d.message}`)).toEqual([]);
          // stable under the formatter
          for (const f of files) expect(format(f.text)).toEqual({ text: f.text, changed: false });
          // the attribution cell of the decision table, lookback at least the cycle
          const rec = recommendAttribution(days, maturity);
          const [attr] = program.ofKind("attribution");
          expect(wordsOf(program.prop(attr!, "models"))).toEqual([...rec.models]);
          if (rec.mtaMethod) expect(wordOf(program.prop(attr!, "mta_method"))).toBe(rec.mtaMethod);
          const lookback = /lookback: (\d+)d/.exec(files.find((f) => f.path === "attribution.pmm")!.text);
          expect(Number(lookback![1])).toBeGreaterThanOrEqual(days);
          expect(files.find((f) => f.path === "blueprint.pmm")!.text).toContain(`  maturity: ${maturity}\n  # median days`);
          expect(files.find((f) => f.path === "blueprint.pmm")!.text).toContain(`  sales_cycle: ${cycle}\n`);
          // sized to the maturity
          expect(program.kpis.size).toBeLessThanOrEqual(10 * maturity);
          expect(program.ofKind("experiment").length > 0).toBe(maturity >= 2);
        }
      });
    }
  }

  it("writes the expected files, more of the constellation at higher maturity", () => {
    const paths = (m: number): string[] => scaffold({ maturity: m, cycleDays: 45, today: "2026-11-23" }).map((f) => f.path);
    const base = ["blueprint.pmm", "teams.pmm", "sources.pmm", "metrics.pmm", "workstreams.pmm", "okrs.pmm", "attribution.pmm", "cadence.pmm", "review.pmm"];
    expect(paths(1)).toEqual(base);
    expect(paths(2)).toEqual([...base, "experiments.pmm"]);
    const kpis = [1, 2, 3, 4, 5].map((m) => check(m, 45, "45d", "2026-11-23").program.kpis.size);
    expect(kpis).toEqual([8, 8, 11, 13, 13]);
    expect(check(5, 45, "45d", "2026-11-23").program.ofKind("experiment").length).toBe(2);
  });

  it("dates baselines over the last full quarter, readings today and the review at the quarter's start", () => {
    const files = scaffold({ maturity: 3, cycleDays: 45, today: "2026-02-10" });
    const text = files.map((f) => f.text).join("\n");
    expect(text).toContain("baseline: $4.2M from billing over 2025-Q4\n");
    expect(text).toContain("{ current: $4.8M on 2026-02-10 }");
    expect(text).toContain("period: 2026-H1\n");
    expect(text).toContain("last: 2026-01-01\n");
    expect(text).toContain("date: 2026-03-24\n");
  });

  it("uses `${days}d` when the cycle text is not given", () => {
    expect(scaffold({ maturity: 2, cycleDays: 30, today: "2026-11-23" })[0]!.text).toContain("sales_cycle: 30d\n");
  });
});

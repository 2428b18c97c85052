// `pmm diff`: the markdown a pull request gets, exactly.
import { describe, expect, it } from "vitest";
import { checkWorkspace } from "../index.js";
import { compileBlueprint } from "./compile.js";
import { diffBlueprints } from "./diff.js";
import type { Blueprint } from "./types.js";

function compile(text: string): Blueprint {
  const { program, diagnostics } = checkWorkspace([{ path: "a.pmm", contents: text }], { today: "2026-11-23" });
  return compileBlueprint(program, diagnostics);
}

const BASE = `
team t "T" { role: pmm }
source s "S" { kind: crm }
workstream a "A" { owner: t  kpis: [win_rate, deals, sqls] }
workstream b "B" { owner: t  kpis: [mqls, leads, visits] }
metric win_rate "Win rate" { type: input  owner: t  definition: "won / decided"  target: 30% by 2026-Q4 }
metric deals "Deals" { type: input  owner: t  formula: sqls * 2 }
metric sqls "SQLs" { type: input  owner: t }
metric mqls "MQLs" { type: input  owner: t  target: $2M by 2026 }
metric leads "Leads" { type: input  owner: t }
metric visits "Visits" { type: input  owner: t }
`;

describe("diffBlueprints", () => {
  it("says there is nothing to report for the same blueprint", () => {
    expect(diffBlueprints(compile(BASE), compile(BASE))).toBe("## pmm blueprint changes\n\nNo metric, target, KPI or rule changes.\n");
  });

  it("lists metrics added, removed and redefined, targets moved, KPIs reassigned and rules newly failing", () => {
    const after = BASE.replace('metric visits "Visits" { type: input  owner: t }', 'metric pipeline "Pipeline" { type: input  owner: t }')
      .replace('definition: "won / decided"  target: 30% by 2026-Q4', 'definition: "won / (won + lost)"  target: 32% by 2026-Q4')
      .replace("formula: sqls * 2", "formula: (sqls + leads) * 2")
      .replace("target: $2M by 2026", "target: $2.5M by 2027-H1")
      .replace("kpis: [win_rate, deals, sqls]", "kpis: [win_rate, deals]")
      .replace("kpis: [mqls, leads, visits]", "kpis: [mqls, leads, pipeline, sqls]");
    expect(diffBlueprints(compile(BASE), compile(after))).toBe(
      [
        "## pmm blueprint changes",
        "",
        "1 metric added, 1 metric removed, 2 metrics redefined, 2 targets moved, 1 KPI reassigned, 1 rule newly failing.",
        "",
        "### Metrics added",
        "",
        "- `pipeline` (Pipeline)",
        "",
        "### Metrics removed",
        "",
        "- `visits` (Visits)",
        "",
        "### Metrics redefined",
        "",
        "- `win_rate` (Win rate): definition changed",
        "- `deals` (Deals): formula `sqls * 2` → `(sqls + leads) * 2`",
        "",
        "### Targets moved",
        "",
        "- `win_rate` (Win rate): 30% by 2026-Q4 → 32% by 2026-Q4",
        "- `mqls` (MQLs): $2M by 2026 → $2.5M by 2027-H1",
        "",
        "### KPIs reassigned",
        "",
        "- `sqls` (SQLs): `a` → `b`",
        "",
        "### Rules newly failing",
        "",
        "| rule | before | after |",
        "|---|---:|---:|",
        "| `kpi-count` | 0 | 1 |",
        "",
      ].join("\n"),
    );
  });
});

// The constellation layout: crossings at the minimum of its column orders on acme, no recursion on long
// chains, collapse with counts, boxes sized to wrapped text.
import { describe, expect, it } from "vitest";
import { Catalog, checkWorkspace, type WorkspaceFile } from "../index.js";
import { compileBlueprint } from "./compile.js";
import { renderReport } from "./render.js";
import { textWidth, wrapText } from "./text-width.js";
import { countCrossings, layoutConstellation } from "./tree-layout.js";
import { filesUnder } from "../../../../test/helpers/workspace-files.js";

const ACME = new URL("../../../../examples/acme/", import.meta.url).pathname;
/** One std catalog for every check in this file (each workspace would otherwise parse its own). */
const CATALOG = new Catalog();

function blueprint(files: readonly WorkspaceFile[]) {
  const { program, diagnostics } = checkWorkspace(files, { today: "2026-11-23" }, { catalog: CATALOG });
  return compileBlueprint(program, diagnostics, { today: "2026-11-23" });
}

/** Every ordering of a list. */
function orders<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((x, i) => orders([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]));
}

describe("layoutConstellation on acme", () => {
  const bp = blueprint(filesUnder(ACME));
  const layout = layoutConstellation(bp);
  const outputs = bp.constellation.dimensions.flatMap((d) => d.outputs.map((o) => o.metric));

  it("draws every metric once, guards beside their primary, nothing collapsed", () => {
    expect(layout.nodes.map((n) => n.metric).sort()).toEqual(bp.metrics.map((m) => m.id).sort());
    expect(layout.hidden).toBe(0);
    expect(layout.guards.map((g) => `${g.primary} vs ${g.guard}`).sort()).toEqual(bp.constellation.tradeoffs.map((t) => `${t.primary} vs ${t.guard}`).sort());
    for (const g of layout.guards) {
      const p = layout.nodes.find((n) => n.metric === g.primary)!;
      expect(g.x).toBeGreaterThan(p.x + p.w);
      expect(g.x - (p.x + p.w)).toBeLessThan(12);
      expect(Math.abs(g.y - p.y)).toBeLessThan(8);
    }
  });

  it("has the fewest crossings of any order of its columns (every one of the 720 tried), keeping each dimension's columns together", () => {
    const crossingsOf = (order: string[]): number => layoutConstellation(bp, { order }).crossings!;
    const all = orders(outputs).map((o) => ({ o, c: crossingsOf(o) }));
    const minAny = Math.min(...all.map((x) => x.c));
    expect(layout.crossings).toBe(countCrossings(layout.edges));
    expect(layout.crossings).toBe(minAny);
    expect(layout.crossings).toBe(0);
    // Drawn in declaration order (retention, engagement, monetization) it would cross.
    expect(crossingsOf(outputs)).toBeGreaterThan(0);
    // The columns of a dimension are adjacent.
    const dimOf = new Map(bp.constellation.dimensions.flatMap((d) => d.outputs.map((o) => [o.metric, d.dimension] as const)));
    const heads = layout.nodes
      .filter((n) => n.depth === 0)
      .sort((x, y) => x.column - y.column)
      .map((n) => dimOf.get(n.metric));
    expect(heads.filter((d, i) => i === 0 || heads[i - 1] !== d)).toEqual([...new Set(heads)]);
  });

  it("sizes every box to its wrapped text and never cuts a label", () => {
    for (const n of layout.nodes) {
      const m = bp.metrics.find((x) => x.id === n.metric)!;
      expect(n.nameLines.join(" ").replace(/\s+/g, " ")).toBe(`${n.northStar ? "★ " : ""}${m.name}`.replace(/\s+/g, " "));
      expect(n.idLines.join("")).toBe(m.id);
      for (const l of n.nameLines) expect(textWidth(l, "bold", 12) + 24).toBeLessThanOrEqual(n.w);
    }
  });
});

describe("layoutConstellation at scale", () => {
  const chain = (n: number): WorkspaceFile[] => {
    let text = `team t "T" { role: pmm }\n`;
    for (let i = 0; i < n; i++)
      text += `metric m${i} "M ${i}" { type: ${i === 0 ? "output  dimension: retention" : "input"}  owner: t  definition: "d"${i < n - 1 ? `  inputs: [m${i + 1}]` : `  levers: ["l"]`} }\n`;
    return [{ path: "chain.pmm", contents: text }];
  };

  it("renders a 2,000-long chain (no recursion): levels beyond the limit collapse into one count", () => {
    const bp = blueprint(chain(2000));
    const layout = layoutConstellation(bp);
    expect([layout.drawn, layout.hidden, layout.collapsed.map((c) => [c.of, c.count])]).toEqual([6, 1994, [["m5", 1994]]]);
    const html = renderReport(bp);
    expect(html).toContain('data-count="1994"');
    expect(html).toContain("+1,994 more beneath");
  });
});

describe("wrapText", () => {
  it("wraps at spaces and after underscores, splits a word wider than the line, and keeps every character", () => {
    expect(wrapText("Sales-assisted pipeline created this quarter", "bold", 12, 156)).toEqual(["Sales-assisted pipeline", "created this quarter"]);
    expect(wrapText("gross_revenue_retention_rate", "mono", 10, 100)).toEqual(["gross_revenue_", "retention_rate"]);
    const long = "Supercalifragilisticexpialidocious";
    const lines = wrapText(long, "bold", 12, 80);
    expect(lines.join("")).toBe(long);
    for (const l of lines) expect(textWidth(l, "bold", 12)).toBeLessThanOrEqual(80);
  });
});

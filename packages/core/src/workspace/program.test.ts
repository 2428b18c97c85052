import { describe, expect, it } from "vitest";
import { Workspace } from "../project/workspace.js";

function program(files: Record<string, string>) {
  const ws = new Workspace();
  for (const [path, text] of Object.entries(files)) ws.set(path, text);
  return ws.program("2026-11-23");
}

describe("resolver (grammar/LANGUAGE.md section 7)", () => {
  it("resolves references across files by kind", () => {
    const p = program({
      "a.pmm": 'metric m { type: input  owner: pmm  source: crm  levers: ["x"] }',
      "b.pmm": "team pmm { role: pmm }\nsource crm { kind: crm  owner: pmm }",
    });
    expect(p.references.map((r) => [r.file.path, r.property, r.name, r.expected, r.target?.kind ?? null])).toEqual([
      ["a.pmm", "owner", "pmm", "team", "team"],
      ["a.pmm", "source", "crm", "source", "source"],
      ["b.pmm", "owner", "pmm", "team", "team"],
    ]);
    const team = p.lookup("pmm")!;
    expect(p.referencesTo(team).map((r) => r.file.path)).toEqual(["a.pmm", "b.pmm"]);
  });

  it("merges a catalog entry under the metric's own properties", () => {
    const p = program({ "a.pmm": 'metric wr "Our win rate" from std.win_rate { type: input  unit: ratio }' });
    const m = p.metric("wr")!;
    expect(m.entry?.id?.name).toBe("win_rate");
    expect(m.word("unit")).toBe("ratio");
    expect(m.word("direction")).toBe("up");
    expect(m.definition).toBeTypeOf("string");
    expect(m.displayName).toBe("Our win rate");
    expect(m.rateFlag).toBe(true);
  });

  it("keeps an inherited formula only when every name resolves in the workspace", () => {
    const partial = program({ "a.pmm": "metric ltv_to_cac from std.ltv_to_cac { type: input }" });
    expect(partial.metric("ltv_to_cac")!.formula).toBeUndefined();
    const full = program({
      "a.pmm": "metric ltv_to_cac from std.ltv_to_cac { type: input }\nmetric customer_lifetime_value { type: input }\nmetric cac { type: input }",
    });
    expect(full.metric("ltv_to_cac")!.formula?.type).toBe("binary");
  });

  it("collects KPIs from workstreams, key results and views", () => {
    const p = program({
      "a.pmm": `workstream w { kpis: [a] }
okr o { kr b: 1 -> 2 }
dashboard d { view v { metrics: [c, a] } }
metric a { type: input }
metric b { type: input }
metric c { type: input }
metric d2 { type: input }`,
    });
    expect([...p.kpis].map(([m, uses]) => [m.id, uses.map((u) => u.via)])).toEqual([
      ["a", ["workstream", "view"]],
      ["b", ["kr"]],
      ["c", ["view"]],
    ]);
  });

  it("gives an input the dimensions of the outputs it feeds", () => {
    const p = program({
      "a.pmm": `metric o1 { type: output  dimension: retention  inputs: [i] }
metric o2 { type: output  dimension: engagement  inputs: [i] }
metric i { type: input }`,
    });
    expect(p.dimensionsOf(p.metric("i")!)).toEqual(["engagement", "retention"]);
    expect(p.dimensionsOf(p.metric("o1")!)).toEqual(["retention"]);
  });

  it("treats __proto__, constructor and hasOwnProperty as ordinary ids", () => {
    const p = program({
      "a.pmm":
        'team __proto__ { role: pmm }\nteam constructor { role: pmm }\nmetric hasOwnProperty { type: input  owner: __proto__  levers: ["x"] }\nmetric toString { type: input  owner: constructor  levers: ["x"] }',
    });
    expect(p.references.map((r) => [r.name, r.target?.id?.name ?? null])).toEqual([
      ["__proto__", "__proto__"],
      ["constructor", "constructor"],
    ]);
    expect(p.metric("toString")?.id).toBe("toString");
    expect(p.metric("valueOf")).toBeUndefined();
    expect(({} as Record<string, unknown>)["role"]).toBeUndefined();
  });
});

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Program } from "../../workspace/program.js";
import { Workspace } from "../../project/workspace.js";
import { metricTable } from "./metric-table.js";

const TODAY = "2026-11-23";
const EXAMPLES = new URL("../../../../../examples/", import.meta.url).pathname;

const TEXT = `
metric a "A" { type: output  unit: count  inputs: [b, c, nowhere]  formula: b + c }
metric b "B" from std.nps { type: input  owner: pmm }
metric c "C" { type: input  unit: count  unit: percent  traces: [revenue, pipeline]  target: 10 by 2026-Q4 }
metric a "Again" { type: input }
metric d from std.win_rate { type: output }
`;

function programOf(files: ReadonlyArray<{ path: string; text: string }>): Program {
  const ws = new Workspace();
  for (const f of files) ws.set(f.path, f.text);
  return ws.program(TODAY);
}

function pmmFiles(dir: string): Array<{ path: string; text: string }> {
  const out: Array<{ path: string; text: string }> = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...pmmFiles(full));
    else if (name.endsWith(".pmm")) out.push({ path: full.slice(EXAMPLES.length), text: readFileSync(full, "utf8") });
  }
  return out;
}

/** Every column agrees with `MetricModel`, metric by metric. */
function expectSameAsModel(program: Program): void {
  const t = metricTable(program);
  const metrics = [...program.metrics.values()];
  expect(t.metrics).toEqual(metrics);
  const names = new Set(["nowhere", "formula", "inputs"]);
  for (const m of metrics) {
    for (const p of m.decl.properties) names.add(p.name.name);
    for (const p of m.entry?.properties ?? []) names.add(p.name.name);
  }
  for (const name of names) {
    const prop = t.prop(name);
    const own = t.own(name);
    const word = t.word(name);
    const words = t.words(name);
    metrics.forEach((m, i) => {
      expect(prop[i]).toBe(m.prop(name));
      expect(own[i]).toBe(m.own(name));
      expect(word[i]).toBe(m.word(name));
      expect(words[i]).toEqual(m.words(name));
    });
  }
  metrics.forEach((m, i) => {
    expect(t.slot(m)).toBe(i);
    expect(t.slotOf(m.id)).toBe(i);
    expect(t.inputs()[i]!.map((j) => metrics[j])).toEqual(m.inputs);
    expect(t.formula()[i]).toBe(m.formula);
  });
}

describe("metricTable", () => {
  it("reads what MetricModel reads: own first, then the catalog entry; the first of a name; the first declaration of an id", () => {
    const program = programOf([{ path: "a.pmm", text: TEXT }]);
    expectSameAsModel(program);
    const t = metricTable(program);
    expect(t.metrics.map((m) => m.id)).toEqual(["a", "b", "c", "d"]);
    expect(t.word("unit")).toEqual(["count", "score", "count", "percent"]);
    expect(t.own("unit")[1]).toBeUndefined();
    expect(t.words("traces")[2]).toEqual(["revenue", "pipeline"]);
    expect(t.inputs()[0]).toEqual([1, 2]);
    expect(t.slotOf("nowhere")).toBeUndefined();
  });

  it("agrees with MetricModel on the examples", () => {
    for (const example of ["acme", "anti-patterns", "starter"]) expectSameAsModel(programOf(pmmFiles(join(EXAMPLES, example))));
  });

  it("is built once per program and afresh after an edit", () => {
    const ws = new Workspace();
    ws.set("a.pmm", TEXT);
    const before = ws.program(TODAY);
    const t = metricTable(before);
    expect(metricTable(before)).toBe(t);
    ws.set("a.pmm", TEXT.replace("target: 10", "target: 12"));
    const after = ws.program(TODAY);
    expect(after).not.toBe(before);
    const u = metricTable(after);
    expect(u).not.toBe(t);
    const target = u.prop("target")[u.slotOf("c")!]!;
    expect(target.value?.type === "phrase" && target.value.expr.type === "number" ? target.value.expr.value : undefined).toBe(12);
    expectSameAsModel(after);
  });
});

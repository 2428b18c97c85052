import { describe, expect, it } from "vitest";
import { Workspace } from "../../project/workspace.js";
import { tracingMetrics } from "./traceability.js";

const TEXT = `
team pmm "PMM" { role: pmm }
metric top "Top" { type: output  dimension: retention  traces: revenue  owner: pmm  inputs: [middle] }
metric middle "Middle" { type: output  dimension: engagement  owner: pmm  inputs: [leaf] }
metric leaf "Leaf" { type: input  owner: pmm }
metric loop_a "Loop A" { type: output  dimension: retention  owner: pmm  inputs: [loop_b] }
metric loop_b "Loop B" { type: output  dimension: retention  owner: pmm  inputs: [loop_a] }
metric self "Self" { type: input  traces: pipeline  owner: pmm }
metric from_catalog from std.nps { type: input  owner: pmm }
metric fed_by_input "Fed" { type: input  owner: pmm }
`;

function ids(targets?: readonly string[]): string[] {
  const ws = new Workspace();
  ws.set("a.pmm", TEXT);
  const program = ws.program("2026-11-23");
  return [...tracingMetrics(program, targets)].map((m) => m.id).sort();
}

describe("tracingMetrics", () => {
  it("follows inputs from tracing outputs at any depth, and counts own and catalog traces", () => {
    expect(ids()).toEqual(["from_catalog", "leaf", "middle", "self", "top"]);
  });

  it("restricts to the given targets", () => {
    expect(ids(["pipeline"])).toEqual(["self"]);
    expect(ids(["revenue", "pipeline"])).toEqual(["leaf", "middle", "self", "top"]);
  });
});

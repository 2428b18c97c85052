import type { MetricModel } from "../workspace/metrics.js";
import type { Program } from "../workspace/program.js";

/** Levels of inputs indented; deeper ones keep this indent and say their level. */
const MAX_INDENT = 24;

/** Options of `metricTree`. */
export interface MetricTreeOptions {
  /** Levels of inputs shown below each output (default: all). */
  readonly depth?: number;
}

/** One metric on a line: its id, display name (when it has its own) and marks. */
function label(program: Program, m: MetricModel, guards: ReadonlyMap<string, string[]>, output: boolean): string {
  const marks: string[] = [];
  if (output) marks.push(m.word("dimension") ?? "no dimension");
  if (program.isKpi(m)) marks.push("KPI");
  const guarding = guards.get(m.id);
  if (guarding) marks.push(`guard of ${guarding.map((g) => `\`${g}\``).join(", ")}`);
  if (m.word("status") === "retired") marks.push("retired");
  const name = m.displayName !== m.id ? ` "${m.displayName}"` : "";
  return `${m.id}${name}${marks.length ? ` · ${marks.join(" · ")}` : ""}`;
}

/**
 * The metric constellation as text lines: each output metric with its
 * dimension, its input tree indented beneath it (`├─`, `└─`), KPIs and
 * tradeoff guards marked. A metric whose inputs were already shown is printed
 * once and referenced after (`see above`), which also ends cycles; input
 * metrics no output reaches come last. Iterative (a 2,000-long chain is as
 * deep as it is long) and linear in metrics and `inputs` edges.
 */
export function metricTree(program: Program, options: MetricTreeOptions = {}): string[] {
  const maxDepth = options.depth ?? Infinity;
  const guards = new Map<string, string[]>();
  for (const t of program.ofKind("tradeoff")) {
    if (!t.guard || !t.primary) continue;
    guards.set(t.guard.name, [...(guards.get(t.guard.name) ?? []), t.primary.name]);
  }
  const metrics = [...program.metrics.values()];
  const outputs = metrics.filter((m) => m.type === "output");
  const shown = new Set<MetricModel>();
  const lines: string[] = [];
  const walk = (root: MetricModel): void => {
    // frames: the metric, its depth, the prefix of its children, and the marker before it
    const stack: Array<{ m: MetricModel; depth: number; lead: string; marker: string; childLead: string }> = [{ m: root, depth: 0, lead: "", marker: "", childLead: "" }];
    while (stack.length) {
      const { m, depth, lead, marker, childLead } = stack.pop()!;
      const inputs = m.inputs;
      if (shown.has(m)) {
        lines.push(`${lead}${marker}${m.id} (see above)`);
        continue;
      }
      const cut = depth >= maxDepth && inputs.length > 0;
      lines.push(`${lead}${marker}${label(program, m, guards, m.type === "output")}${cut ? ` (${inputs.length} ${inputs.length === 1 ? "input" : "inputs"} below --depth)` : ""}`);
      if (cut) continue;
      shown.add(m);
      // past MAX_INDENT levels the indent stops growing and the level is written out: lines stay short
      const deep = depth + 1 > MAX_INDENT;
      for (let i = inputs.length - 1; i >= 0; i--) {
        const last = i === inputs.length - 1;
        const marker = `${last ? "└─ " : "├─ "}${deep ? `(level ${depth + 1}) ` : ""}`;
        stack.push({ m: inputs[i]!, depth: depth + 1, lead: childLead, marker, childLead: deep ? childLead : `${childLead}${last ? "   " : "│  "}` });
      }
    }
  };
  for (const o of outputs) walk(o);
  const orphans = metrics.filter((m) => m.type !== "output" && !shown.has(m) && program.outputsFeeding(m).length === 0);
  if (orphans.length) {
    lines.push("", "not an input of any output:");
    for (const m of orphans) if (!shown.has(m)) walk(m);
  }
  return lines;
}

// Which metrics trace to revenue, pipeline or customer value (G1, G8).
import type { MetricModel } from "../../workspace/metrics.js";
import type { Program } from "../../workspace/program.js";

/** The values of `traces` a KPI may trace to (G1). */
export const TRACE_TARGETS: readonly string[] = ["revenue", "pipeline", "customer_value"];

/**
 * The metrics that trace to one of `targets`: those whose own `traces`
 * (catalog entry merged) names one, and every metric reachable through
 * `inputs` edges, transitively, from an output metric (or an untyped one
 * with `inputs`) that does. Computed
 * once per program and target set; linear in metrics plus `inputs` edges.
 */
export function tracingMetrics(program: Program, targets: readonly string[] = TRACE_TARGETS): ReadonlySet<MetricModel> {
  return program.memo(`tracing:${[...targets].sort().join(",")}`, () => compute(program, targets));
}

function compute(program: Program, targets: readonly string[]): ReadonlySet<MetricModel> {
  const wanted = new Set(targets);
  const t = program.store;
  const traces = t.words("traces");
  const types = t.word("type");
  const inputs = t.inputs();
  const out = new Set<MetricModel>();
  const queue: number[] = [];
  for (let i = 0; i < t.metrics.length; i++) {
    if (!traces[i]!.some((w) => wanted.has(w))) continue;
    out.add(t.metrics[i]!);
    // a metric with no `type` that lists `inputs` is an output in all but name (`missing-property` says so once)
    if (types[i] === "output" || (types[i] === undefined && inputs[i]!.length > 0)) queue.push(i);
  }
  const expanded = new Uint8Array(t.metrics.length);
  while (queue.length > 0) {
    const i = queue.pop()!;
    if (expanded[i]) continue;
    expanded[i] = 1;
    for (const j of inputs[i]!) {
      out.add(t.metrics[j]!);
      if (!expanded[j]) queue.push(j);
    }
  }
  return out;
}

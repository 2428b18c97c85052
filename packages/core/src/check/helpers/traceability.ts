// Which metrics trace to revenue, pipeline or customer value (G1, G8).
import type { MetricModel, Program } from "../../workspace/program.js";

/** The values of `traces` a KPI may trace to (G1). */
export const TRACE_TARGETS: readonly string[] = ["revenue", "pipeline", "customer_value"];

const cache = new WeakMap<Program, Map<string, ReadonlySet<MetricModel>>>();

/**
 * The metrics that trace to one of `targets`: those whose own `traces`
 * (catalog entry merged) names one, and every metric reachable through
 * `inputs` edges, transitively, from an output metric that does. Computed
 * once per program and target set; linear in metrics plus `inputs` edges.
 */
export function tracingMetrics(program: Program, targets: readonly string[] = TRACE_TARGETS): ReadonlySet<MetricModel> {
  const key = [...targets].sort().join(",");
  let byKey = cache.get(program);
  if (!byKey) cache.set(program, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit) return hit;
  const wanted = new Set(targets);
  const out = new Set<MetricModel>();
  const queue: MetricModel[] = [];
  for (const m of program.metrics.values()) {
    if (!m.words("traces").some((t) => wanted.has(t))) continue;
    out.add(m);
    if (m.type === "output") queue.push(m);
  }
  const expanded = new Set<MetricModel>();
  while (queue.length > 0) {
    const m = queue.pop()!;
    if (expanded.has(m)) continue;
    expanded.add(m);
    for (const i of m.inputs) {
      out.add(i);
      if (!expanded.has(i)) queue.push(i);
    }
  }
  byKey.set(key, out);
  return out;
}

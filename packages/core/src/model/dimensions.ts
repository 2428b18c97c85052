// The three dimensions of the metric constellation and the dimensions a set of metrics shows.
import type { MetricModel } from "../workspace/metrics.js";
import type { Program } from "../workspace/program.js";

/** The constellation's dimensions, in the order the playbook names them (G2). */
export const DIMENSIONS: readonly string[] = ["retention", "engagement", "monetization"];

/** The dimensions a set of metrics shows, an input counting the dimensions of the outputs it feeds (sorted). */
export function dimensionsShown(program: Program, metrics: Iterable<MetricModel>): string[] {
  const out = new Set<string>();
  for (const m of metrics) for (const d of program.dimensionsOf(m)) out.add(d);
  return [...out].sort();
}

// Whether a metric measures the workforce rather than buyers or users
// (docs/rules/kpi-traceability.md, docs/rules/tradeoff-monitored.md).
import type { MetricModel } from "../../workspace/metrics.js";
import type { Program } from "../../workspace/program.js";
import { wordOf } from "../../workspace/values.js";

/**
 * True when the metric's `source` is a source of `kind: hr_system` (Workday and the like): headcount,
 * team-member retention, representation, pay. Such a number describes the company's own people, so
 * it cannot trace to revenue, pipeline or customer value, and no market-facing guard stands opposite it.
 */
export function isWorkforceMetric(p: Program, m: MetricModel): boolean {
  const source = wordOf(m.prop("source"));
  const decl = source ? p.lookupKind(source, "source") : undefined;
  return decl !== undefined && wordOf(p.prop(decl, "kind")) === "hr_system";
}

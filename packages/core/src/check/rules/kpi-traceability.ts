import { TRACE_TARGETS, tracingMetrics } from "../helpers/traceability.js";
import { defineRule } from "../rule.js";

/** `kpi-traceability`: every KPI traces to revenue, pipeline or customer value, itself or through the outputs it feeds (G1). */
export default defineRule({
  id: "kpi-traceability",
  meta: {
    severity: "error",
    seed: "G1",
    description: "a KPI neither `traces` revenue, pipeline or customer_value itself nor is reachable, through `inputs`, from an output metric that does",
    messages: {
      untraced:
        "KPI `{{metric}}` traces to neither revenue, pipeline nor customer value: it has no `traces`, and no output that traces lists it in `inputs` — add `traces: revenue` (or `pipeline`, `customer_value`), or list it in the `inputs` of the output it moves",
    },
  },
  check(ctx) {
    const tracing = tracingMetrics(ctx.program, TRACE_TARGETS);
    for (const m of ctx.program.kpis.keys()) {
      if (!tracing.has(m)) ctx.report({ decl: m.decl, messageId: "untraced", data: { metric: m.id } });
    }
  },
});

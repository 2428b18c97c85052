import { likelyTrace } from "../helpers/likely-trace.js";
import { wordMatcher } from "../helpers/words.js";
import { TRACE_TARGETS, tracingMetrics } from "../helpers/traceability.js";
import { isWorkforceMetric } from "../helpers/workforce.js";
import { defineRule } from "../rule.js";

const TAIL = "or list it in the `inputs` of the output it moves";

/** `kpi-traceability`: every KPI traces to revenue, pipeline or customer value, itself or through the outputs it feeds (G1). */
export default defineRule({
  id: "kpi-traceability",
  meta: {
    severity: "error",
    seed: "G1",
    description:
      "a KPI (other than one read from an HR system) neither `traces` revenue, pipeline or customer_value itself nor is reachable, through `inputs`, from an output metric that does",
    messages: {
      untraced: `KPI \`{{metric}}\` traces to neither revenue, pipeline nor customer value: it has no \`traces\`, and no output that traces lists it in \`inputs\` — add \`traces: revenue\` (or \`pipeline\`, \`customer_value\`), ${TAIL}`,
      untracedLikely: `KPI \`{{metric}}\` traces to neither revenue, pipeline nor customer value: it has no \`traces\`, and no output that traces lists it in \`inputs\` — it reads as {{why}} ("{{word}}"): add \`traces: {{trace}}\`, ${TAIL}`,
      untracedFeeds:
        "KPI `{{metric}}` traces to neither revenue, pipeline nor customer value: it feeds `{{output}}`, which has no `traces` either — add {{traces}} to `{{output}}`{{because}}, and every input it lists traces through it",
    },
  },
  check(ctx) {
    const p = ctx.program;
    const tracing = tracingMetrics(p, TRACE_TARGETS);
    const words = wordMatcher(p);
    for (const m of p.kpis.keys()) {
      // A workforce metric (read from an HR system) describes the company's own people: no trace exists to ask for.
      if (tracing.has(m) || isWorkforceMetric(p, m)) continue;
      // An output it feeds that traces to nothing: tracing that output fixes every input at once
      // (unless the KPI is an output that itself reads as revenue, pipeline or customer value).
      const own = likelyTrace(m, words);
      const output = m.type === "output" && own ? undefined : p.outputsFeeding(m).find((o) => !tracing.has(o));
      if (output) {
        const likely = likelyTrace(output, words);
        const traces = likely ? `\`traces: ${likely.trace}\`` : "`traces: revenue` (or `pipeline`, `customer_value`)";
        const data = { metric: m.id, output: output.id, traces, because: likely ? ` (it reads as ${likely.why})` : "" };
        ctx.report({ decl: m.decl, messageId: "untracedFeeds", data });
        continue;
      }
      if (own) ctx.report({ decl: m.decl, messageId: "untracedLikely", data: { metric: m.id, ...own } });
      else ctx.report({ decl: m.decl, messageId: "untraced", data: { metric: m.id } });
    }
  },
});

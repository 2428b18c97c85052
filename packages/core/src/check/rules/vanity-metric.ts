import { tracingMetrics } from "../helpers/traceability.js";
import { describeVanity, vanityAlternative, vanityReason } from "../helpers/vanity.js";
import { wordMatcher } from "../helpers/words.js";
import { defineRule } from "../rule.js";

/** `vanity-metric`: a vanity metric used as a KPI; an error when it also traces to nothing (G1, F3). */
export default defineRule({
  id: "vanity-metric",
  meta: {
    severity: "error",
    seed: "G1, F3",
    description:
      "a KPI is a vanity metric (std `vanity` flag, `cumulative: true`, or a vanity term in its display name or definition): error when it also fails traceability, else warning",
    messages: {
      orphan:
        "KPI `{{metric}}` is a vanity metric ({{reason}}) and traces to neither revenue, pipeline nor customer value; stop using it as a KPI, or replace it with {{alternative}}",
      vanity: "KPI `{{metric}}` is a vanity metric ({{reason}}): it can grow while nothing that matters does — replace it with {{alternative}}",
    },
  },
  check(ctx) {
    const tracing = tracingMetrics(ctx.program);
    const words = wordMatcher(ctx.program);
    // Catalog entries the workspace already starts metrics from: the suggestion names the metric, not the entry.
    const fromEntry = new Map<string, string>();
    for (const m of ctx.program.store.metrics) {
      const entry = m.entry?.id?.name;
      if (entry && !fromEntry.has(entry)) fromEntry.set(entry, m.id);
    }
    for (const m of ctx.program.kpis.keys()) {
      const reason = vanityReason(m, words, ctx.vanityTerms);
      if (!reason) continue;
      const alternative = vanityAlternative(reason).replace(/`std\.([a-z_]+)`/g, (whole, entry: string) => {
        const existing = fromEntry.get(entry);
        return existing && existing !== m.id ? `\`${existing}\` (already in the workspace)` : whole;
      });
      const data = { metric: m.id, reason: describeVanity(reason), alternative };
      if (tracing.has(m)) ctx.report({ decl: m.decl, messageId: "vanity", data, severity: "warning" });
      else ctx.report({ decl: m.decl, messageId: "orphan", data });
    }
  },
});

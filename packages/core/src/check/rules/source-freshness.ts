import { wordOf } from "../../workspace/values.js";
import { CADENCE_DAYS } from "../helpers/cadence.js";
import { refreshDays } from "../helpers/sources.js";
import { defineRule } from "../rule.js";

/** `source-freshness`: a metric reviewed more often than its source refreshes (G6). */
export default defineRule({
  id: "source-freshness",
  meta: {
    severity: "error",
    seed: "G6",
    description: "a metric's `cadence` is more frequent than its source's `refresh` (`manual` counts as monthly; `realtime` and `hourly` satisfy every cadence)",
    messages: {
      stale:
        "metric `{{metric}}` has `cadence: {{cadence}}` but its source `{{source}}` refreshes {{refresh}}; between refreshes the metric repeats stale numbers — refresh `{{source}}` at least {{cadence}}, or set the metric's `cadence` to match the data",
    },
    options: {
      manualAs: { type: "string", default: "monthly", description: "the cadence a source with `refresh: manual` counts as (daily, weekly, monthly or quarterly)" },
    },
  },
  check(ctx) {
    const p = ctx.program;
    const manualAs = ctx.option<string>("manualAs");
    for (const m of p.metrics.values()) {
      const cadence = m.word("cadence");
      const cadenceDays = cadence === undefined ? undefined : CADENCE_DAYS.get(cadence);
      const source = wordOf(m.prop("source"));
      const decl = source ? p.lookupKind(source, "source") : undefined;
      if (cadence === undefined || cadenceDays === undefined || !source || !decl) continue;
      const refreshProp = p.prop(decl, "refresh");
      const refresh = wordOf(refreshProp);
      // A source without `refresh` is listed as unknown in the compiled `integrations`, not reported here.
      const days = refreshDays(refresh, manualAs);
      if (!refresh || days === undefined || days <= cadenceDays) continue;
      ctx.report({
        decl: m.decl,
        messageId: "stale",
        data: { metric: m.id, cadence, source, refresh: refresh === "manual" ? `manually (counted as ${manualAs})` : refresh },
        related: [{ file: p.fileOf(decl), span: refreshProp!.span, message: `\`${source}\` refreshes ${refresh}` }],
      });
    }
  },
});

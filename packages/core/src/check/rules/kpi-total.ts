import { formatCount } from "../helpers/quantities.js";
import { defineRule } from "../rule.js";

/** `kpi-total`: the workspace has 50 or more distinct KPIs (F6). */
export default defineRule({
  id: "kpi-total",
  meta: {
    severity: "error",
    seed: "F6",
    description: "the workspace has 50 or more distinct KPIs",
    messages: {
      tooMany:
        "the workspace has {{count}} distinct KPIs; more than {{max}} creates paralysis — focus each workstream on the few KPIs it decides on, and move the rest out of workstream `kpis`, key results and dashboard views into reports",
    },
    options: {
      max: { type: "integer", default: 49, minimum: 1, description: "most distinct KPIs a workspace may have (the default reports 50 or more)" },
    },
  },
  check(ctx) {
    const max = ctx.option<number>("max");
    const count = ctx.program.kpis.size;
    if (count > max) ctx.reportWorkspace("tooMany", { count: formatCount(count), max });
  },
});

import { identsOf } from "../../workspace/values.js";
import { plural } from "../helpers/quantities.js";
import { defineRule } from "../rule.js";

/** `kpi-count`: a workstream with fewer than 3 or more than 7 KPIs (F6). */
export default defineRule({
  id: "kpi-count",
  meta: {
    severity: "error",
    seed: "F6",
    description: "a workstream has fewer than 3 or more than 7 KPIs",
    messages: {
      tooFew: "workstream `{{workstream}}` has {{count}}; a workstream needs {{min}}–{{max}} — add a KPI or merge the workstream",
      tooMany:
        "workstream `{{workstream}}` has {{count}}; a workstream needs {{min}}–{{max}}, more creates paralysis — keep the KPIs it decides on and move the rest to a report or another workstream",
    },
    options: {
      min: { type: "integer", default: 3, minimum: 0, description: "fewest KPIs a workstream may have" },
      max: { type: "integer", default: 7, minimum: 1, description: "most KPIs a workstream may have" },
    },
  },
  check(ctx) {
    const p = ctx.program;
    const min = ctx.option<number>("min");
    const max = ctx.option<number>("max");
    for (const w of p.ofKind("workstream")) {
      const kpis = p.prop(w, "kpis");
      // A workstream without `kpis` is a `missing-property` error already.
      if (!w.id || !kpis) continue;
      const n = new Set(identsOf(kpis).map((i) => i.name)).size;
      const data = { workstream: w.id.name, count: plural(n, "KPI"), min, max };
      if (n < min) ctx.report({ decl: w, messageId: "tooFew", data });
      else if (n > max) ctx.report({ decl: w, messageId: "tooMany", data });
    }
  },
});

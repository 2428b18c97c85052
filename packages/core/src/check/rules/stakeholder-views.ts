import { audienceRoles } from "../../model/audience.js";
import { joinWords } from "../helpers/quantities.js";
import { wordOf } from "../../workspace/values.js";
import { defineRule } from "../rule.js";

/** `stakeholder-views`: a dashboard without a view for exec, for the PMM team, or for another function (playbook step 6). */
export default defineRule({
  id: "stakeholder-views",
  meta: {
    severity: "error",
    seed: "step 6 (stakeholder-specific dashboard views), with cadence step 7",
    description: "a dashboard lacks a view for exec, for the PMM team, or for another function (by audience roles)",
    messages: {
      missing:
        'dashboard `{{dashboard}}` has no view for {{missing}}; add `view ID "Title" { audience: [TEAM]  metrics: [...] }` for each, with the metrics that audience decides on',
    },
  },
  check(ctx) {
    const p = ctx.program;
    // A PMM view is asked for only where the workspace has a PMM team to read it.
    const hasPmm = p.ofKind("team").some((t) => wordOf(p.prop(t, "role")) === "pmm");
    for (const dashboard of p.ofKind("dashboard")) {
      if (!dashboard.id) continue;
      let exec = false;
      let pmm = false;
      let other = false;
      for (const view of dashboard.views) {
        for (const role of audienceRoles(p, p.prop(view, "audience"))) {
          if (role === "exec") exec = true;
          else if (role === "pmm") pmm = true;
          else other = true;
        }
      }
      const missing: string[] = [];
      if (!exec) missing.push("executives (a team with `role: exec`)");
      if (!pmm && hasPmm) missing.push("the PMM team (`role: pmm`)");
      if (!other) missing.push("another function (sales, product, finance, marketing, success or other)");
      if (missing.length > 0) ctx.report({ decl: dashboard, messageId: "missing", data: { dashboard: dashboard.id.name, missing: joinWords(missing, "or") } });
    }
  },
});

import { identsOf } from "../../workspace/values.js";
import { audienceRoles } from "../../model/audience.js";
import { defineRule } from "../rule.js";

/** `exec-view-focus`: an executive dashboard view shows more than 7 metrics (F6 focus, playbook step 6). */
export default defineRule({
  id: "exec-view-focus",
  meta: {
    severity: "warning",
    seed: "F6 (focus on 3–7), step 6 (exec view)",
    description: "an exec view shows more than 7 metrics",
    messages: {
      tooMany:
        "view `{{view}}` of dashboard `{{dashboard}}` is for executives and shows {{count}} metrics; keep an exec view to {{max}} — show the outputs and their guards, and leave inputs to the team views",
    },
    options: {
      max: { type: "integer", default: 7, minimum: 1, description: "most metrics a view for executives may show" },
    },
  },
  check(ctx) {
    const p = ctx.program;
    const max = ctx.option<number>("max");
    for (const dashboard of p.ofKind("dashboard")) {
      if (!dashboard.id) continue;
      for (const view of dashboard.views) {
        if (!audienceRoles(p, p.prop(view, "audience")).has("exec")) continue;
        const count = new Set(identsOf(p.prop(view, "metrics")).map((i) => i.name)).size;
        if (count <= max) continue;
        ctx.report({
          decl: dashboard,
          messageId: "tooMany",
          data: { view: view.id.name, dashboard: dashboard.id.name, count, max },
          related: [{ file: p.fileOf(dashboard), span: view.id.span, message: `view \`${view.id.name}\` is here` }],
        });
      }
    }
  },
});

import { identsOf, literalOf } from "../../workspace/values.js";
import { formatNumber } from "../helpers/quantities.js";
import { defineRule } from "../rule.js";

/** `report-before-meeting`: a pre-read lands less than 24 hours before its forum (cadence step 7). */
export default defineRule({
  id: "report-before-meeting",
  meta: {
    severity: "error",
    seed: "cadence step 7",
    description: "a report's `lead` is under 24h: pre-reads arrive before the decision",
    messages: {
      short:
        "report `{{report}}` lands {{lead}} before {{forum}}; a pre-read must arrive at least {{min}}h before the meeting where the decision is made — set `lead: {{min}}h` or more",
    },
    options: {
      minLeadHours: { type: "number", default: 24, minimum: 0, description: "fewest hours a report must land before its forum meets" },
    },
  },
  check(ctx) {
    const p = ctx.program;
    const minHours = ctx.option<number>("minLeadHours");
    for (const report of p.ofKind("report")) {
      const lead = literalOf(p.prop(report, "lead"));
      if (!report.id || lead?.type !== "duration" || lead.days * 24 >= minHours) continue;
      const forum = identsOf(p.prop(report, "forum"))[0];
      ctx.report({
        decl: report,
        messageId: "short",
        data: { report: report.id.name, lead: lead.raw, forum: forum ? `forum \`${forum.name}\` meets` : "its forum meets", min: formatNumber(minHours) },
      });
    }
  },
});

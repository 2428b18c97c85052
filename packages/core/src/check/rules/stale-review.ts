import { daysBetween } from "../../workspace/periods.js";
import { literalOf } from "../../workspace/values.js";
import { everyOf } from "../../model/cadence.js";
import { defineRule } from "../rule.js";

/** `stale-review`: a review last held longer ago than its rhythm allows (F9). */
export default defineRule({
  id: "stale-review",
  meta: {
    severity: "warning",
    seed: "F9",
    description: "a review's `last` is older than its `every` plus 14 days",
    messages: {
      stale:
        "review `{{review}}` was last held on {{last}}, {{age}} days ago; it meets {{every}} (every {{everyDays}} days, {{graceDays}} days of grace) — hold the review and update `last`",
    },
    options: {
      graceDays: { type: "number", default: 14, minimum: 0, description: "days a review may run late beyond its rhythm before it is stale" },
    },
  },
  check(ctx) {
    const p = ctx.program;
    const grace = ctx.option<number>("graceDays");
    for (const review of p.ofKind("review")) {
      const last = literalOf(p.prop(review, "last"));
      const every = everyOf(p, review);
      if (!review.id || last?.type !== "date" || !every) continue;
      const age = daysBetween(last.iso, ctx.today);
      if (age > every.days + grace) {
        ctx.report({ decl: review, messageId: "stale", data: { review: review.id.name, last: last.iso, age, every: every.word, everyDays: every.days, graceDays: grace } });
      }
    }
  },
});

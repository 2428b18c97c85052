import { wordsOf } from "../../workspace/values.js";
import { defineRule } from "../rule.js";

/** `attribution-confidence`: multi-touch attribution without incrementality tests (attribution step 5: MTA for tactics, incrementality for confidence). */
export default defineRule({
  id: "attribution-confidence",
  meta: {
    severity: "warning",
    seed: "attribution step 5",
    description: "`mta` without `incrementality`",
    messages: {
      noIncrementality:
        "attribution `{{attribution}}` uses `mta` without `incrementality`; multi-touch credit shows correlation, not lift — add `incrementality` (holdout or geo tests) to `models`",
    },
  },
  check(ctx) {
    const p = ctx.program;
    for (const a of p.ofKind("attribution")) {
      if (!a.id) continue;
      const models = wordsOf(p.prop(a, "models"));
      if (models.includes("mta") && !models.includes("incrementality")) ctx.report({ decl: a, messageId: "noIncrementality", data: { attribution: a.id.name } });
    }
  },
});

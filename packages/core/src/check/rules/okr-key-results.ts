import { plural } from "../helpers/quantities.js";
import { defineRule } from "../rule.js";

/** `okr-key-results`: an objective has fewer than 2 or more than 5 key results (OKR). */
export default defineRule({
  id: "okr-key-results",
  meta: {
    severity: "error",
    seed: "OKR: objectives + 2–5 key results",
    description: "an objective has fewer than 2 or more than 5 key results",
    messages: {
      tooFew:
        "objective `{{okr}}` has {{count}}; an objective needs {{min}}–{{max}} — add `kr METRIC: FROM -> TO by PERIOD` lines until the result is measurable from more than one side",
      tooMany: "objective `{{okr}}` has {{count}}; an objective needs {{min}}–{{max}} — keep the ones that decide success and move the rest to a workstream's KPIs",
    },
    options: {
      min: { type: "integer", default: 2, minimum: 0, description: "fewest key results an objective may have" },
      max: { type: "integer", default: 5, minimum: 1, description: "most key results an objective may have" },
    },
  },
  check(ctx) {
    const min = ctx.option<number>("min");
    const max = ctx.option<number>("max");
    for (const okr of ctx.program.ofKind("okr")) {
      if (!okr.id) continue;
      const count = okr.keyResults.length;
      const data = { okr: okr.id.name, count: plural(count, "key result"), min, max };
      if (count < min) ctx.report({ decl: okr, messageId: "tooFew", data });
      else if (count > max) ctx.report({ decl: okr, messageId: "tooMany", data });
    }
  },
});

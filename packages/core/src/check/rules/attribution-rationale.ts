import { stringOf } from "../../workspace/values.js";
import { defineRule } from "../rule.js";

/** `attribution-rationale`: an attribution plan without a `rationale` (attribution step 5: selection with rationale). */
export default defineRule({
  id: "attribution-rationale",
  meta: {
    severity: "warning",
    seed: "attribution step 5",
    description: "an attribution declaration has no `rationale`",
    messages: {
      missing: 'attribution `{{attribution}}` has no `rationale`; say why this blend fits the sales cycle and data maturity (`rationale: "..."`)',
    },
  },
  check(ctx) {
    const p = ctx.program;
    for (const a of p.ofKind("attribution")) {
      if (!a.id) continue;
      const prop = p.prop(a, "rationale");
      // An empty or blank string explains nothing either; a non-string value is `invalid-value`'s business.
      const text = stringOf(prop);
      if (!prop || (text !== undefined && text.trim() === "")) ctx.report({ decl: a, messageId: "missing", data: { attribution: a.id.name } });
    }
  },
});

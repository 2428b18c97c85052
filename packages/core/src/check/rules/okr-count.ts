import type { Declaration } from "../../ast/nodes.js";
import { okrPeriod } from "../helpers/okr.js";
import { fiscalStartMonth } from "../../model/fiscal.js";
import { defineRule } from "../rule.js";
import { wordOf } from "../../workspace/values.js";

/** `okr-count`: one owner has more than 3 objectives in one period (F.A.C.T.S.: Focus). */
export default defineRule({
  id: "okr-count",
  meta: {
    severity: "warning",
    seed: "F.A.C.T.S.: Focus",
    description: "one owner has more than 3 objectives in one period",
    messages: {
      tooMany:
        "objective `{{okr}}` is one of {{count}} objectives team `{{owner}}` owns in {{period}}; focus on at most {{max}} per owner and period — merge objectives or move one to another period",
    },
    options: {
      max: { type: "integer", default: 3, minimum: 1, description: "most objectives one owner may have in one period" },
    },
  },
  check(ctx) {
    const max = ctx.option<number>("max");
    const fiscal = fiscalStartMonth(ctx.program);
    // Objectives by owner and period: periods that cover the same days are the same period (`FY2026` and `2026` with a January fiscal year).
    const groups = new Map<string, { owner: string; okrs: Array<{ okr: Declaration; period: string }> }>();
    for (const okr of ctx.program.ofKind("okr")) {
      const owner = wordOf(ctx.program.prop(okr, "owner"));
      const period = okrPeriod(ctx.program, okr, ctx.today, fiscal);
      if (!okr.id || owner === undefined || !period) continue;
      const key = `${owner}\u0000${period.range.start}\u0000${period.range.end}`;
      const group = groups.get(key);
      if (group) group.okrs.push({ okr, period: period.text });
      else groups.set(key, { owner, okrs: [{ okr, period: period.text }] });
    }
    for (const g of groups.values()) {
      if (g.okrs.length <= max) continue;
      for (const { okr, period } of g.okrs) {
        // A few of the others are enough to find them; listing all would grow with the square of the group.
        const related = g.okrs
          .slice(0, 11)
          .filter((o) => o.okr !== okr)
          .slice(0, 10)
          .map(({ okr: o }) => ({ file: ctx.program.fileOf(o), span: o.id!.span, message: `objective \`${o.id!.name}\` has the same owner and period` }));
        ctx.report({ decl: okr, messageId: "tooMany", data: { owner: g.owner, count: g.okrs.length, period, okr: okr.id!.name, max }, related });
      }
    }
  },
});

import { daysBetween } from "../../workspace/periods.js";
import { modifierOf, phraseOf, wordOf } from "../../workspace/values.js";
import { fiscalStartMonth } from "../../model/fiscal.js";
import { okrPeriod } from "../helpers/okr.js";
import { defineRule } from "../rule.js";

/** `okr-tracking`: a key result of a running objective has no `current` (info) or a stale one (warning) (F.A.C.T.S.: Tracking). */
export default defineRule({
  id: "okr-tracking",
  meta: {
    severity: "warning",
    seed: "F.A.C.T.S.: Tracking",
    description: "a key result of an objective whose period is running has no `current` (info), or a `current` older than 30 days (warning)",
    messages: {
      noCurrent: "key result `{{kr}}` of objective `{{okr}}` has no `current`, and {{period}} is running; add `{ current: VALUE on DATE }` with the latest reading",
      noCurrentMilestone: "milestone `{{kr}}` of objective `{{okr}}` has no `current`, and {{period}} is running; add `{ current: pending on DATE }`, or `done` once it is",
      undated: "key result `{{kr}}` of objective `{{okr}}` has a `current` without a date, and {{period}} is running; write `current: VALUE on DATE` so its age shows",
      stale: "key result `{{kr}}` of objective `{{okr}}` was last read on {{on}}, {{age}} days ago; update `current` at least every {{staleDays}} days while {{period}} runs",
    },
    options: {
      staleDays: { type: "integer", default: 30, minimum: 1, description: "days after which a key result's `current` reading is stale" },
    },
  },
  check(ctx) {
    const p = ctx.program;
    const staleDays = ctx.option<number>("staleDays");
    const fiscal = fiscalStartMonth(p);
    for (const okr of p.ofKind("okr")) {
      if (!okr.id || okr.keyResults.length === 0) continue;
      const period = okrPeriod(p, okr, ctx.today, fiscal);
      if (period?.state !== "running") continue;
      const file = p.fileOf(okr);
      for (const kr of okr.keyResults) {
        const data = { kr: kr.metric.name, okr: okr.id.name, period: period.text };
        const currentProp = p.prop(kr, "current");
        if (!currentProp) {
          ctx.report({
            decl: okr,
            messageId: kr.form === "milestone" ? "noCurrentMilestone" : "noCurrent",
            data,
            severity: "info",
            related: [{ file, span: kr.metric.span, message: "the key result is here" }],
          });
          continue;
        }
        const on = modifierOf(phraseOf(currentProp), "on");
        const related = [{ file, span: currentProp.span, message: "the latest reading is here" }];
        if (on?.type !== "date") {
          ctx.report({ decl: okr, messageId: "undated", data, severity: "info", related });
          continue;
        }
        // A milestone read `done` is finished: its reading cannot go stale.
        if (kr.form === "milestone" && wordOf(currentProp) === "done") continue;
        const age = daysBetween(on.iso, ctx.today);
        if (age > staleDays) ctx.report({ decl: okr, messageId: "stale", data: { ...data, on: on.iso, age, staleDays }, related });
      }
    }
  },
});

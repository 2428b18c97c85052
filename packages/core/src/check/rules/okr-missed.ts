import { baselineOf, scoreObjective } from "../../model/okr-scores.js";
import { wordOf } from "../../workspace/values.js";
import { fiscalStartMonth } from "../../model/fiscal.js";
import { okrPeriod } from "../helpers/okr.js";
import { formatNumber } from "../helpers/quantities.js";
import { defineRule } from "../rule.js";

/** `okr-missed`: a committed objective whose period has ended scores below 1.0 (F.A.C.T.S.: Commitment). */
export default defineRule({
  id: "okr-missed",
  meta: {
    severity: "warning",
    seed: "F.A.C.T.S.: Commitment",
    description: "a committed objective whose period has ended scores below 1.0",
    messages: {
      missed:
        "committed objective `{{okr}}` scored {{score}} when {{period}} ended; committed objectives are expected to reach {{required}} — record why it was missed and carry the gap into the next period's objectives",
      unscored:
        "committed objective `{{okr}}` has no key result with a `current`, and {{period}} has ended; record the final readings (`current: VALUE on DATE`) to show whether it reached {{required}}",
    },
    options: {
      required: { type: "number", default: 1, minimum: 0, description: "score a committed objective must reach by the end of its period" },
    },
  },
  check(ctx) {
    const p = ctx.program;
    const required = ctx.option<number>("required");
    const fiscal = fiscalStartMonth(p);
    const baselines = baselineOf(p);
    for (const okr of p.ofKind("okr")) {
      if (!okr.id || wordOf(p.prop(okr, "kind")) !== "committed" || okr.keyResults.length === 0) continue;
      const period = okrPeriod(p, okr, ctx.today, fiscal);
      if (period?.state !== "ended") continue;
      const { score } = scoreObjective(okr, baselines);
      const data = { okr: okr.id.name, period: period.text, required: Number.isInteger(required) ? required.toFixed(1) : formatNumber(required) };
      if (score === null) ctx.report({ decl: okr, messageId: "unscored", data });
      // The score is shown rounded down, so one just under the bar never reads as met.
      else if (score < required) ctx.report({ decl: okr, messageId: "missed", data: { ...data, score: (Math.floor(score * 100) / 100).toFixed(2) } });
    }
  },
});

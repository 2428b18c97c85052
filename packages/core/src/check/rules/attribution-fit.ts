import { recommendAttribution } from "../../model/attribution-recommendation.js";
import { literalOf, wordsOf } from "../../workspace/values.js";
import { maturity, salesCycle } from "../../model/blueprint.js";
import { formatNumber } from "../helpers/quantities.js";
import { defineRule } from "../rule.js";

/** `attribution-fit`: the attribution plan does not match the sales cycle (G5). */
export default defineRule({
  id: "attribution-fit",
  meta: {
    severity: "error",
    seed: "G5",
    description: "`lookback` shorter than the sales cycle; only `single_touch` on a cycle over 7 days; neither `mmm` nor `incrementality` on a cycle over 90 days",
    messages: {
      lookback:
        "attribution `{{attribution}}` looks back {{lookback}}, less than the {{cycle}}-day sales cycle; touches early in a deal fall outside it — set `lookback` to at least {{cycle}}d",
      singleTouch:
        "attribution `{{attribution}}` uses only `single_touch` on a {{cycle}}-day sales cycle; deals longer than {{maxDays}} days have several touches that matter — {{advice}}",
      notChecked:
        "attribution is not checked against the sales cycle: the blueprint has no `sales_cycle`, so lookback and model fit cannot be judged — add `sales_cycle: DURATION` (median time from opportunity to close)",
      longCycle:
        "attribution `{{attribution}}` has neither `mmm` nor `incrementality` on a {{cycle}}-day sales cycle; past {{longDays}} days touch-based credit misses most of the journey — {{advice}}",
    },
    options: {
      singleTouchMaxCycleDays: { type: "number", default: 7, minimum: 0, description: "longest sales cycle (days) that single-touch attribution alone fits" },
      longCycleDays: { type: "number", default: 90, minimum: 0, description: "sales cycle (days) beyond which `mmm` or `incrementality` is required" },
    },
  },
  check(ctx) {
    const p = ctx.program;
    const cycle = salesCycle(p);
    if (!cycle) {
      // Say the gate could not run, rather than pass in silence (a `sales_cycle` that is there but unreadable is an `invalid-value`).
      const bp = p.blueprint;
      if (bp && !p.prop(bp, "sales_cycle") && p.ofKind("attribution").some((a) => a.id)) ctx.report({ decl: bp, messageId: "notChecked", severity: "info" });
      return;
    }
    const maxDays = ctx.option<number>("singleTouchMaxCycleDays");
    const longDays = ctx.option<number>("longCycleDays");
    const m = maturity(p);
    const rec = m === undefined ? undefined : recommendAttribution(cycle.days, m);
    const recText = rec ? rec.models.map((x) => (x === "mta" && rec.mtaMethod ? `\`mta\` (${rec.mtaMethod})` : `\`${x}\``)).join(" + ") : undefined;
    const cycleText = formatNumber(cycle.days);
    const related = [{ file: p.fileOf(cycle.blueprint), span: p.prop(cycle.blueprint, "sales_cycle")!.span, message: `the sales cycle is ${cycle.raw}` }];
    for (const a of p.ofKind("attribution")) {
      if (!a.id) continue;
      const name = a.id.name;
      const lookback = literalOf(p.prop(a, "lookback"));
      if (lookback?.type === "duration" && lookback.days < cycle.days) {
        ctx.report({ decl: a, messageId: "lookback", data: { attribution: name, lookback: lookback.raw, cycle: cycleText }, related });
      }
      const models = wordsOf(p.prop(a, "models"));
      if (models.length > 0 && models.every((x) => x === "single_touch") && cycle.days > maxDays) {
        const advice = recText ? `for this cycle at maturity ${m} use ${recText}` : "add `self_reported` or `mta`, and `incrementality`";
        ctx.report({ decl: a, messageId: "singleTouch", data: { attribution: name, cycle: cycleText, maxDays: formatNumber(maxDays), advice }, related });
      }
      if (cycle.days > longDays && !models.includes("mmm") && !models.includes("incrementality")) {
        const advice = recText ? `for this cycle at maturity ${m} use ${recText}` : "add `incrementality` (holdout or geo tests), or `mmm` where spend and history allow";
        ctx.report({ decl: a, messageId: "longCycle", data: { attribution: name, cycle: cycleText, longDays: formatNumber(longDays), advice }, related });
      }
    }
  },
});

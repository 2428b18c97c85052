import { periodRange } from "../../workspace/periods.js";
import { modifierOf, phraseOf } from "../../workspace/values.js";
import { fiscalStartMonth } from "../../model/fiscal.js";
import { joinWords } from "../helpers/quantities.js";
import { defineRule } from "../rule.js";

/** `baseline-historical`: a KPI target without a baseline measured in the past, from a named source (G7). */
export default defineRule({
  id: "baseline-historical",
  meta: {
    severity: "error",
    seed: "G7",
    description: "a KPI with a `target` has no `baseline`, or a baseline without `from SOURCE over PERIOD`, or a baseline period that ends after today",
    messages: {
      noBaseline:
        "KPI `{{metric}}` has a `target` but no `baseline`; a target without a measured starting point is a guess — add `baseline: VALUE from SOURCE over PERIOD` from historical data",
      unsourced: "the baseline of KPI `{{metric}}` lacks {{missing}}; a baseline must say where and when it was measured — write `baseline: VALUE from SOURCE over PERIOD`",
      future:
        "the baseline of KPI `{{metric}}` is taken over {{period}}, which ends on {{end}}, after today ({{today}}); a baseline must come from data already collected — use a period that has ended",
      krNoStart:
        "key result `{{metric}}` of objective `{{okr}}` ({{form}}) starts from the metric's baseline, but `{{metric}}` has none, so its progress cannot be scored — write `FROM -> TO` with the measured start, or give `{{metric}}` a `baseline: VALUE from SOURCE over PERIOD`",
    },
  },
  check(ctx) {
    const p = ctx.program;
    const fiscal = fiscalStartMonth(p);
    for (const m of p.kpis.keys()) {
      if (!m.prop("target")) continue;
      const baselineProp = m.prop("baseline");
      const baseline = phraseOf(baselineProp);
      if (!baselineProp) {
        ctx.report({ decl: m.decl, messageId: "noBaseline", data: { metric: m.id } });
        continue;
      }
      if (!baseline) continue; // a list or unparsable value is an `invalid-value` finding
      const from = modifierOf(baseline, "from");
      const over = modifierOf(baseline, "over");
      const missing = [...(from ? [] : ["`from SOURCE`"]), ...(over ? [] : ["`over PERIOD`"])];
      if (missing.length > 0) {
        ctx.report({ decl: m.decl, messageId: "unsourced", data: { metric: m.id, missing: joinWords(missing) } });
        continue;
      }
      const range = periodRange(over, fiscal);
      if (!range || range.end <= ctx.today) continue;
      const file = m.own("baseline") ? m.file : p.catalogFile;
      ctx.report({
        decl: m.decl,
        messageId: "future",
        data: { metric: m.id, period: file.text.slice(over!.span.start, over!.span.end), end: range.end, today: ctx.today },
      });
    }
    // Key results that start from the metric's baseline (`-> TO`, `+15%`): say what is missing.
    for (const okr of p.ofKind("okr")) {
      if (!okr.id) continue;
      for (const kr of okr.keyResults) {
        if (kr.form !== "target" && kr.form !== "change") continue;
        const m = p.metric(kr.metric.name);
        // a KPI with a target and no baseline is already told above: one fix, one finding
        if (!m || m.prop("baseline") || m.prop("target")) continue;
        const form = kr.form === "target" ? "a target with no stated start" : "a change";
        ctx.report({ decl: okr, span: kr.metric.span, messageId: "krNoStart", data: { metric: m.id, okr: okr.id.name, form } });
      }
    }
  },
});

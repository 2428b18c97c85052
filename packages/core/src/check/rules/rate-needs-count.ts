import type { MetricModel } from "../../workspace/metrics.js";
import { identsOf } from "../../workspace/values.js";
import { divisionOf } from "../../model/formula.js";
import { metricGroups } from "../helpers/groups.js";
import { joinWords } from "../helpers/quantities.js";
import { titleOf, wordMatcher } from "../helpers/words.js";
import { defineRule } from "../rule.js";

/** `rate-needs-count`: a rate KPI without its absolute count beside it (F11). */
export default defineRule({
  id: "rate-needs-count",
  meta: {
    severity: "warning",
    seed: "F11",
    description: "a percent KPI that is a rate has no absolute-count companion that is a KPI of its workstream or shown with it in a report or view",
    messages: {
      noCount:
        "rate KPI `{{metric}}` has no absolute-count companion; a rate can improve while the count behind it shrinks — set `count: METRIC` to the count metric (`unit: count`) behind it, and list that metric wherever the rate is",
      countUnit:
        "rate KPI `{{metric}}` names `count: {{count}}`, but `{{count}}` has unit {{unit}}, not `count`; a rate can improve while the count behind it shrinks — point `count` at the absolute number behind the rate, and list it wherever the rate is",
      notShown:
        "rate KPI `{{metric}}` is never shown beside its count {{companions}}: no workstream, report or view that lists the rate lists the count too — add `{{first}}` next to `{{metric}}` in its workstream's `kpis` or in a report or view that shows it",
    },
    options: {
      rateWords: {
        type: "array",
        items: { type: "string" },
        default: ["rate", "conversion"],
        description: "words that make a percent metric a rate when its display name contains them (whole words, any case)",
      },
    },
  },
  check(ctx) {
    const p = ctx.program;
    const rateWords = ctx.option<string[]>("rateWords");
    const groups = metricGroups(p);
    const words = wordMatcher(p);
    for (const m of p.kpis.keys()) {
      if (m.word("unit") !== "percent") continue;
      const division = divisionOf(m.formula);
      // a display name starting "%" or "percent" ("% active apps") names a share too
      const title = titleOf(m);
      const shareName = title !== undefined && /^\s*(%|percent(age)?\b)/i.test(title);
      if (!division && !m.rateFlag && !shareName && !words.first(title, rateWords)) continue;
      const candidates: MetricModel[] = [];
      const countIdent = identsOf(m.prop("count"))[0];
      const count = countIdent ? p.metric(countIdent.name) : undefined;
      if (count && count.word("unit") === "count") candidates.push(count);
      const numerator = division?.numerator.type === "name" ? p.metric(division.numerator.name) : undefined;
      if (numerator && numerator !== m && !candidates.includes(numerator)) candidates.push(numerator);
      if (candidates.length === 0) {
        if (count) ctx.report({ decl: m.decl, messageId: "countUnit", data: { metric: m.id, count: count.id, unit: count.word("unit") ? `\`${count.word("unit")}\`` : "none" } });
        else ctx.report({ decl: m.decl, messageId: "noCount", data: { metric: m.id } });
        continue;
      }
      const shown = (groups.byMetric.get(m.id) ?? []).some((g) => candidates.some((c) => g.names.has(c.id)));
      if (shown) continue;
      ctx.report({
        decl: m.decl,
        messageId: "notShown",
        data: {
          metric: m.id,
          companions: joinWords(
            candidates.map((c) => `\`${c.id}\``),
            "or",
          ),
          first: candidates[0]!.id,
        },
      });
    }
  },
});

import { identsOf, wordOf } from "../../workspace/values.js";
import { joinWords } from "../helpers/quantities.js";
import { defineRule } from "../rule.js";

/** Launch levels in the order of the hierarchy (awareness → engagement → adoption → revenue). */
const LEVELS = ["awareness", "engagement", "adoption", "revenue"] as const;

/** The levels each tier must measure (docs/rules/launch-tier-kpis.md). */
const TIER_LEVELS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ["T0", LEVELS],
  ["T1", ["engagement", "adoption", "revenue"]],
  ["T2", ["adoption"]],
  ["T3", []],
]);

/** `launch-tier-kpis`: a launch lacks the KPI levels its tier needs (launch KPI hierarchy). */
export default defineRule({
  id: "launch-tier-kpis",
  meta: {
    severity: "error",
    seed: "launch KPI hierarchy",
    description: "a launch lacks the levels its tier needs: T0 all four, T1 engagement, adoption and revenue, T2 adoption, T3 none",
    messages: {
      missingLevels: "launch `{{launch}}` is {{tier}} and has no {{missing}} metrics; a {{tier}} launch measures {{needed}} — add `{{first}}: [METRIC]`, or lower the tier",
    },
  },
  check(ctx) {
    const p = ctx.program;
    for (const launch of p.ofKind("launch")) {
      const tier = wordOf(p.prop(launch, "tier"));
      const needed = tier === undefined ? undefined : TIER_LEVELS.get(tier);
      if (!launch.id || !tier || !needed || needed.length === 0) continue;
      const missing = needed.filter((level) => identsOf(p.prop(launch, level)).length === 0);
      if (missing.length === 0) continue;
      ctx.report({
        decl: launch,
        messageId: "missingLevels",
        data: { tier, launch: launch.id.name, missing: joinWords(missing, "or"), needed: joinWords(needed), first: missing[0]! },
      });
    }
  },
});

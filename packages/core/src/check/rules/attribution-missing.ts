import { recommendAttribution } from "../../model/attribution-recommendation.js";
import { maturity, salesCycle } from "../../model/blueprint.js";
import { isCommercial } from "../helpers/commercial.js";
import { defineRule } from "../rule.js";

/** `attribution-missing`: the workspace has no attribution plan, or a launch names none (G5, F5). */
export default defineRule({
  id: "attribution-missing",
  meta: {
    severity: "error",
    seed: "G5, F5",
    description: "no attribution declaration, or a launch without `attribution`",
    messages: {
      none: 'the workspace has no attribution plan; declare `attribution ID { models: [...]  lookback: ...  rationale: "..." }` matched to the sales cycle and data maturity',
      noneBlend:
        'the workspace has no attribution plan; for a {{cycle}} sales cycle at maturity {{maturity}} the recommended blend is {{blend}} ({{note}}) — declare `attribution ID { models: [{{models}}]  lookback: {{cycle}}  rationale: "..." }`',
      launch: "launch `{{launch}}` has no `attribution`; name the attribution plan it is measured with before it goes live (`attribution: ID`)",
    },
  },
  check(ctx) {
    const p = ctx.program;
    // Nothing to attribute in a function without campaigns, launches, pipeline or revenue.
    if (p.ofKind("attribution").length === 0 && isCommercial(p)) {
      const cycle = salesCycle(p);
      const level = maturity(p);
      if (cycle && level !== undefined) {
        const rec = recommendAttribution(cycle.days, level);
        const blend = rec.models.map((x) => (x === "mta" && rec.mtaMethod ? `\`mta\` (${rec.mtaMethod})` : `\`${x}\``)).join(" + ");
        ctx.reportWorkspace("noneBlend", { cycle: cycle.raw, maturity: String(level), blend, note: rec.note, models: rec.models.join(", ") });
      } else ctx.reportWorkspace("none");
    }
    for (const launch of p.ofKind("launch")) {
      if (launch.id && !p.prop(launch, "attribution")) ctx.report({ decl: launch, messageId: "launch", data: { launch: launch.id.name } });
    }
  },
});

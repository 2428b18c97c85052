import { isCommercial } from "../helpers/commercial.js";
import { DIMENSIONS } from "../../model/dimensions.js";
import { joinWords } from "../helpers/quantities.js";
import { defineRule } from "../rule.js";

const ADVICE = "add an output metric (`type: output` with `dimension: DIMENSION`) for each missing dimension, with the inputs that move it";

/** `constellation-coverage`: output metrics cover retention, engagement and monetization (G2, F1). */
export default defineRule({
  id: "constellation-coverage",
  meta: {
    severity: "error",
    seed: "G2, F1",
    description: "output metrics do not cover all of retention, engagement, monetization",
    messages: {
      missing: `the output metrics cover {{covered}} but not {{missing}}; a constellation needs outputs in retention, engagement and monetization, or problems in the missing dimensions go unseen — ${ADVICE}`,
      none: `no output metric covers {{missing}}; a constellation needs outputs in retention, engagement and monetization — ${ADVICE}`,
    },
  },
  check(ctx) {
    // Not a commercial function (no campaigns, launches, pipeline or revenue): the three dimensions are a product's, not its.
    if (!isCommercial(ctx.program)) return;
    const covered = new Set<string>();
    const t = ctx.program.store;
    const types = t.word("type");
    const dimensions = t.word("dimension");
    for (let i = 0; i < t.metrics.length; i++) {
      const d = types[i] === "output" ? dimensions[i] : undefined;
      if (d) covered.add(d);
    }
    const missing = DIMENSIONS.filter((d) => !covered.has(d)).map((d) => `\`${d}\``);
    if (missing.length === 0) return;
    const present = DIMENSIONS.filter((d) => covered.has(d)).map((d) => `\`${d}\``);
    if (present.length === 0) ctx.reportWorkspace("none", { missing: joinWords(missing, "or") });
    else ctx.reportWorkspace("missing", { covered: joinWords(present), missing: joinWords(missing, "or") });
  },
});

import { identsOf } from "../../workspace/values.js";
import { defineRule } from "../rule.js";

/** `output-has-inputs`: an output metric without input metrics (F2). */
export default defineRule({
  id: "output-has-inputs",
  meta: {
    severity: "error",
    seed: "F2",
    description: "an output metric lists no `inputs`",
    messages: {
      noInputs:
        "output metric `{{metric}}` lists no `inputs`; an output alone shows a problem only after it has happened — decompose it into the input metrics the team can move and list them in `inputs: [...]`",
    },
  },
  check(ctx) {
    const t = ctx.program.store;
    const types = t.word("type");
    const inputs = t.own("inputs");
    for (let i = 0; i < t.metrics.length; i++) {
      if (types[i] !== "output" || identsOf(inputs[i]).length > 0) continue;
      const m = t.metrics[i]!;
      ctx.report({ decl: m.decl, messageId: "noInputs", data: { metric: m.id } });
    }
  },
});

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
    for (const m of ctx.program.metrics.values()) {
      if (m.type === "output" && identsOf(m.own("inputs")).length === 0) ctx.report({ decl: m.decl, messageId: "noInputs", data: { metric: m.id } });
    }
  },
});

import { defineRule } from "../rule.js";

/** `attribution-missing`: the workspace has no attribution plan, or a launch names none (G5, F5). */
export default defineRule({
  id: "attribution-missing",
  meta: {
    severity: "error",
    seed: "G5, F5",
    description: "no attribution declaration, or a launch without `attribution`",
    messages: {
      none: "the workspace has no attribution plan; declare `attribution ID { models: [...]  lookback: ...  rationale: \"...\" }` matched to the sales cycle and data maturity",
      launch: "launch `{{launch}}` has no `attribution`; name the attribution plan it is measured with before it goes live (`attribution: ID`)",
    },
  },
  check(ctx) {
    const p = ctx.program;
    if (p.ofKind("attribution").length === 0) ctx.reportWorkspace("none");
    for (const launch of p.ofKind("launch")) {
      if (launch.id && !p.prop(launch, "attribution")) ctx.report({ decl: launch, messageId: "launch", data: { launch: launch.id.name } });
    }
  },
});

import { defineRule } from "../rule.js";

/** `missing-property`: a required property is absent (★ always, ☆ on a KPI). Its issues are found by `requiredGaps` (workspace/validate.ts, per file) and `requiredIssues` (which gaps count: KPIs, duplicates; called by workspace/program.ts); this rule reports them. */
export default defineRule({
  id: "missing-property",
  meta: {
    severity: "error",
    seed: "the property tables (grammar/LANGUAGE.md section 5)",
    description: "a required property is absent (★ always, ☆ on a KPI)",
    fixable: true,
    messages: { issue: "{{message}}" },
  },
  check(ctx) {
    for (const i of ctx.program.valueIssues) {
      if (i.rule !== "missing-property") continue;
      ctx.report({ decl: i.decl, file: i.file, span: i.span, messageId: "issue", data: { message: i.message, ...i.data } });
    }
  },
});

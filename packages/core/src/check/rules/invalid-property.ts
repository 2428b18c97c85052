import { suggestionFix } from "../../diagnostics.js";
import { prop } from "../../workspace/program.js";
import { defineRule } from "../rule.js";

/** `invalid-property`: a property the kind does not take. Its issues are found by `Validator` in workspace/validator.ts (the property tables of schema/kinds.ts); this rule reports them. */
export default defineRule({
  id: "invalid-property",
  meta: {
    severity: "error",
    seed: "the property tables (grammar/LANGUAGE.md section 5)",
    description: "a property the kind does not take",
    fixable: true,
    messages: { issue: "{{message}}" },
  },
  check(ctx) {
    for (const i of ctx.program.valueIssues) {
      if (i.rule !== "invalid-property") continue;
      // a did-you-mean property name is a safe fix unless the declaration already sets that property
      const suggestion = i.data?.["suggestion"];
      const fix = suggestion && !prop(i.decl, suggestion) ? [suggestionFix(i.file.path, i.span, suggestion)] : undefined;
      ctx.report({ decl: i.decl, file: i.file, span: i.span, messageId: "issue", data: { message: i.message, ...i.data }, ...(fix ? { fixes: fix } : {}) });
    }
  },
});

import { suggestionFix } from "../../diagnostics.js";
import { defineRule } from "../rule.js";

/** `invalid-value`: a value of the wrong type, enum word, range or modifier. Its issues are found by `Validator` in workspace/validator.ts (value types, enum words, ranges, modifiers); this rule reports them. */
export default defineRule({
  id: "invalid-value",
  meta: {
    severity: "error",
    seed: "the property tables (grammar/LANGUAGE.md section 5)",
    description: "a value of the wrong type, enum word, range or modifier",
    fixable: true,
    messages: { issue: "{{message}}" },
  },
  check(ctx) {
    for (const i of ctx.program.valueIssues) {
      if (i.rule !== "invalid-value") continue;
      // an enum word's did-you-mean is a safe fix
      const suggestion = i.data?.["suggestion"];
      ctx.report({
        decl: i.decl,
        file: i.file,
        span: i.span,
        messageId: "issue",
        data: { message: i.message, ...i.data },
        ...(suggestion ? { fixes: [suggestionFix(i.file.path, i.span, suggestion)] } : {}),
      });
    }
  },
});

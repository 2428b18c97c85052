import { defineRule } from "../rule.js";

/** `syntax`: the file does not match the grammar; recovery continues. The errors come from the lexer and parser (syntax/lexer.ts, syntax/parser.ts, kept on each SourceFile); this rule reports them. */
export default defineRule({
  id: "syntax",
  meta: {
    severity: "error",
    seed: "the .pmm grammar (grammar/LANGUAGE.md sections 1–4)",
    description: "the file does not match the grammar",
    messages: { error: "{{message}}" },
  },
  check(ctx) {
    for (const file of ctx.program.files) {
      for (const e of file.syntaxErrors) {
        const decl = file.ast.declarations.find((d) => d.span.start <= e.span.start && e.span.start < d.span.end) ?? null;
        ctx.report({ decl, file, span: e.span, messageId: "error", data: { message: e.message } });
      }
    }
  },
});

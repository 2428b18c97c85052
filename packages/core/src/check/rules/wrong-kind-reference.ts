import { defineRule } from "../rule.js";

/** `wrong-kind-reference`: a name resolves to a declaration of another kind than the property wants. */
export default defineRule({
  id: "wrong-kind-reference",
  meta: {
    severity: "error",
    seed: "name resolution (grammar/LANGUAGE.md section 7)",
    description: "a reference names a declaration of the wrong kind",
    messages: {
      wrongKind: "`{{property}}` wants a {{expected}}, but `{{name}}` is a {{actual}}; name a {{expected}} here",
    },
  },
  check(ctx) {
    for (const r of ctx.program.references) {
      if (!r.target || r.catalog || r.target.kind === r.expected) continue;
      const file = ctx.program.fileOf(r.target);
      ctx.report({
        decl: r.in,
        file: r.file,
        span: r.span,
        messageId: "wrongKind",
        data: { property: r.property, expected: r.expected, name: r.name, actual: r.target.kind },
        related: r.target.id ? [{ file, span: r.target.id.span, message: `\`${r.name}\` is declared as a ${r.target.kind} here` }] : [],
      });
    }
  },
});

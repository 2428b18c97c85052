import { defineRule } from "../rule.js";

/** `blueprint-count`: no blueprint (warning) or more than one (error). */
export default defineRule({
  id: "blueprint-count",
  meta: {
    severity: "error",
    seed: "exactly one blueprint per workspace (grammar/LANGUAGE.md section 7)",
    description: "the workspace has no blueprint, or more than one",
    messages: {
      none: 'the workspace has no blueprint; add `blueprint ID "Name" { maturity: 3  sales_cycle: 45d }`',
      several: "a second blueprint `{{id}}`; a workspace has exactly one — merge it into `{{first}}`",
    },
  },
  check(ctx) {
    const blueprints = ctx.program.ofKind("blueprint");
    if (blueprints.length === 0) {
      ctx.report({ decl: null, messageId: "none", severity: "warning" });
      return;
    }
    const first = blueprints[0]!;
    for (const b of blueprints.slice(1)) {
      ctx.report({
        decl: b,
        messageId: "several",
        data: { id: b.id?.name ?? "?", first: first.id?.name ?? "?" },
        related: first.id ? [{ file: ctx.program.fileOf(first), span: first.id.span, message: "the first blueprint is here" }] : [],
      });
    }
  },
});

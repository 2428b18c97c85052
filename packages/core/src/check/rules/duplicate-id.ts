import { defineRule } from "../rule.js";

/** `duplicate-id`: two declarations share an id; reported at both. */
export default defineRule({
  id: "duplicate-id",
  meta: {
    severity: "error",
    seed: "one namespace for all ids (grammar/LANGUAGE.md section 7)",
    description: "two declarations share an id",
    messages: { duplicate: "`{{id}}` is declared {{count}} times; ids are shared by every kind across the workspace — rename one" },
  },
  check(ctx) {
    const p = ctx.program;
    for (const [id, decls] of p.byId) {
      if (decls.length < 2) continue;
      for (const d of decls) {
        const others = decls.filter((o) => o !== d);
        ctx.report({
          decl: d,
          messageId: "duplicate",
          data: { id, count: decls.length },
          related: others.map((o) => ({ file: p.fileOf(o), span: o.id!.span, message: `\`${id}\` is also declared here (${o.kind})` })),
        });
      }
    }
  },
});

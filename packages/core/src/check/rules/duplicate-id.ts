import { defineRule } from "../rule.js";

/**
 * At most this many other declarations are listed as related locations of each
 * finding (the first ones in workspace order); the message gives the total. An
 * id declared n times then costs O(n) related locations, not O(n²).
 */
export const MAX_RELATED = 5;

/** `duplicate-id`: two declarations share an id; reported at every one. */
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
      // The first MAX_RELATED + 1 declarations hold at least MAX_RELATED others for any one of them.
      const head = decls.slice(0, MAX_RELATED + 1);
      for (const d of decls) {
        const others = head.filter((o) => o !== d).slice(0, MAX_RELATED);
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

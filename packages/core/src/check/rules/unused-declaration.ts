import { defineRule } from "../rule.js";

/** `unused-declaration`: a metric, source or team nothing refers to (the editor fades it). */
export default defineRule({
  id: "unused-declaration",
  meta: {
    severity: "hint",
    seed: "F9 (a static framework collects dead metrics)",
    description: "a metric, source or team that nothing refers to",
    fixable: false,
    messages: { unused: "{{kind}} `{{id}}` is not used anywhere; use it or remove it" },
  },
  check(ctx) {
    const p = ctx.program;
    for (const d of p.declarations) {
      if (!d.id || (d.kind !== "metric" && d.kind !== "source" && d.kind !== "team")) continue;
      if (p.byId.get(d.id.name)![0] !== d) continue;
      const used = p.referencesTo(d).some((r) => r.in !== d);
      if (!used) ctx.report({ decl: d, messageId: "unused", data: { kind: d.kind, id: d.id.name }, unnecessary: true });
    }
  },
});

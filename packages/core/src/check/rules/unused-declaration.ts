import type { Declaration } from "../../ast/nodes.js";
import { metricTable } from "../helpers/metric-table.js";
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
    const unused = (d: Declaration): boolean => !p.referencesTo(d).some((r) => r.in !== d);
    // Metrics from the metric table (the first declaration of each id, no lookup needed), then sources and teams.
    for (const m of metricTable(p).metrics) {
      if (unused(m.decl)) ctx.report({ decl: m.decl, messageId: "unused", data: { kind: "metric", id: m.id }, unnecessary: true });
    }
    for (const kind of ["source", "team"] as const) {
      for (const d of p.ofKind(kind)) {
        if (!d.id || p.byId.get(d.id.name)![0] !== d) continue;
        if (unused(d)) ctx.report({ decl: d, messageId: "unused", data: { kind, id: d.id.name }, unnecessary: true });
      }
    }
  },
});

import type { Declaration } from "../../ast/nodes.js";
import { groupLabel, metricGroups } from "../helpers/groups.js";
import { isWorkforceMetric } from "../helpers/workforce.js";
import { defineRule } from "../rule.js";

/** `tradeoff-monitored`: every output KPI has a tradeoff guard, and the guard is shown wherever its primary is (G4). */
export default defineRule({
  id: "tradeoff-monitored",
  meta: {
    severity: "error",
    seed: "G4",
    description:
      "an output KPI (other than one read from an HR system) is on neither side of any `tradeoff` pair, or a pair's guard is missing from a dashboard view or report that shows its primary",
    messages: {
      unpaired:
        'output KPI `{{metric}}` is on neither side of a `tradeoff`; pushed alone, it can improve at the expense of something else — add `tradeoff {{metric}} vs GUARD { why: "..." }` naming the metric that must not get worse',
      guardMissing:
        "{{group}} shows `{{primary}}` but not its guard `{{guard}}` (`tradeoff {{primary}} vs {{guard}}`); a primary read without its guard hides what it costs — add `{{guard}}` to its `metrics`",
      guardMissingView:
        "{{group}} shows `{{primary}}` but not its guard `{{guard}}` (`tradeoff {{primary}} vs {{guard}}`); a primary read without its guard hides what it costs — add `{{guard}}` to the view's `context` (shown as a guard, it does not become a KPI)",
    },
  },
  check(ctx) {
    const p = ctx.program;
    const paired = new Set<string>();
    const byPrimary = new Map<string, Declaration[]>();
    for (const t of p.ofKind("tradeoff")) {
      if (t.primary) paired.add(t.primary.name);
      if (t.guard) paired.add(t.guard.name);
      if (!t.primary || !t.guard) continue;
      const list = byPrimary.get(t.primary.name);
      if (list) list.push(t);
      else byPrimary.set(t.primary.name, [t]);
    }
    for (const m of p.kpis.keys()) {
      // A workforce output (read from an HR system) is not pushed against buyers or users: no guard is asked of it.
      if (m.type === "output" && !paired.has(m.id) && !isWorkforceMetric(p, m)) ctx.report({ decl: m.decl, messageId: "unpaired", data: { metric: m.id } });
    }
    for (const g of metricGroups(p).all) {
      if (g.kind === "workstream") continue;
      const reported = new Set<string>();
      for (const ident of g.idents) {
        for (const t of byPrimary.get(ident.name) ?? []) {
          const guard = t.guard!.name;
          if (g.names.has(guard) || reported.has(`${ident.name}\u0000${guard}`)) continue;
          reported.add(`${ident.name}\u0000${guard}`);
          ctx.report({
            decl: g.decl,
            messageId: g.kind === "view" ? "guardMissingView" : "guardMissing",
            data: { group: groupLabel(g), primary: ident.name, guard },
            related: [
              { file: p.fileOf(g.decl), span: ident.span, message: `\`${ident.name}\` is shown here` },
              { file: p.fileOf(t), span: t.primary!.span, message: `the tradeoff pairs \`${ident.name}\` with \`${guard}\`` },
            ],
          });
        }
      }
    }
  },
});

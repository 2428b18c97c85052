import { identsOf } from "../../workspace/values.js";
import { joinWords } from "../helpers/quantities.js";
import { defineRule } from "../rule.js";

/** `kpi-reviewed`: a KPI that no report brings to a forum (G6, cadence step 7). */
export default defineRule({
  id: "kpi-reviewed",
  meta: {
    severity: "warning",
    seed: "G6",
    description: "a KPI appears in no report",
    messages: {
      unreviewed:
        "metric `{{metric}}` is a KPI but appears in no report, so no forum decides on it; add it to the `metrics` of the report for the forum that acts on it, or stop tracking it as a KPI",
      unreviewedReports: "metric `{{metric}}` is a KPI but appears in no report, so no forum decides on it; add it to the `metrics` of {{reports}}, or stop tracking it as a KPI",
    },
  },
  check(ctx) {
    const p = ctx.program;
    const reported = new Set<string>();
    const reports: string[] = [];
    for (const report of p.ofKind("report")) {
      if (report.id) reports.push(`\`${report.id.name}\``);
      for (const i of identsOf(p.prop(report, "metrics"))) reported.add(i.name);
    }
    // The reports that exist, by name (the first three), so the fix names a place.
    const named = reports.length === 0 ? undefined : reports.length <= 3 ? joinWords(reports, "or") : `${reports.slice(0, 3).join(", ")} or another report`;
    for (const [m, uses] of p.kpis) {
      if (reported.has(m.id)) continue;
      const use = uses[0]!;
      const where =
        use.via === "workstream"
          ? `workstream \`${use.decl.id?.name ?? "?"}\``
          : use.via === "kr"
            ? `a key result of objective \`${use.decl.id?.name ?? "?"}\``
            : `view \`${use.view?.id.name ?? "?"}\` of dashboard \`${use.decl.id?.name ?? "?"}\``;
      const span = use.kr?.metric.span ?? use.view?.id.span ?? use.decl.id?.span;
      ctx.report({
        decl: m.decl,
        messageId: named ? "unreviewedReports" : "unreviewed",
        data: named ? { metric: m.id, reports: `report ${named}` } : { metric: m.id },
        ...(span ? { related: [{ file: p.fileOf(use.decl), span, message: `it is a KPI through ${where}` }] } : {}),
      });
    }
  },
});

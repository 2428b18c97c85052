import type { Declaration } from "../../ast/nodes.js";
import type { MetricModel } from "../../workspace/metrics.js";
import { identsOf } from "../../workspace/values.js";
import { CADENCE_DAYS, everyOf } from "../../model/cadence.js";
import { defineRule } from "../rule.js";

/** `cadence-matches-forum`: a forum meets more often than its report's metrics refresh, or a daily metric is only reviewed quarterly (G6). */
export default defineRule({
  id: "cadence-matches-forum",
  meta: {
    severity: "warning",
    seed: "G6",
    description: "a report's forum meets more often than a metric in it is refreshed, or a metric refreshed daily is reviewed only quarterly",
    messages: {
      tooFrequent:
        "report `{{report}}` brings `{{metric}}` to forum `{{forum}}`, which meets {{every}}, but the metric is refreshed {{cadence}}; most meetings would see no new number — review it in a forum that meets {{cadence}} or less often, or refresh it more often",
      tooRare:
        "metric `{{metric}}` is refreshed daily but reviewed only {{every}}, and no forum that sees it meets more often; add it to the report of a forum that meets at least every {{maxDays}} days, or set its `cadence` to the rhythm its decisions need",
    },
    options: {
      dailyReviewMaxDays: {
        type: "number",
        default: 31,
        minimum: 1,
        description: "longest gap (days) between reviews of a metric refreshed daily; the default flags metrics reviewed only quarterly or annually",
      },
    },
  },
  check(ctx) {
    const p = ctx.program;
    const maxDays = ctx.option<number>("dailyReviewMaxDays");
    // The most frequent forum reviewing each daily metric, found in one pass over the reports.
    const fastest = new Map<MetricModel, { days: number; word: string; report: Declaration }>();
    for (const report of p.ofKind("report")) {
      const forumRef = identsOf(p.prop(report, "forum"))[0];
      const forum = forumRef ? p.lookupKind(forumRef.name, "forum") : undefined;
      const every = forum ? everyOf(p, forum) : undefined;
      if (!report.id || !forum || !every) continue;
      const seen = new Set<MetricModel>();
      for (const ident of identsOf(p.prop(report, "metrics"))) {
        const m = p.metric(ident.name);
        if (!m || seen.has(m)) continue;
        seen.add(m);
        const cadence = m.word("cadence");
        const cadenceDays = cadence === undefined ? undefined : CADENCE_DAYS.get(cadence);
        if (cadence === undefined || cadenceDays === undefined) continue;
        if (every.days < cadenceDays) {
          const cadenceProp = m.own("cadence");
          ctx.report({
            decl: report,
            messageId: "tooFrequent",
            data: { report: report.id.name, metric: m.id, forum: forum.id!.name, every: every.word, cadence },
            related: [{ file: cadenceProp ? m.file : p.catalogFile, span: (cadenceProp ?? m.prop("cadence")!).span, message: `\`${m.id}\` is refreshed ${cadence}` }],
          });
        }
        if (cadence === "daily") {
          const best = fastest.get(m);
          if (!best || every.days < best.days) fastest.set(m, { days: every.days, word: every.word, report });
        }
      }
    }
    for (const [m, best] of fastest) {
      if (best.days <= maxDays) continue;
      ctx.report({
        decl: m.decl,
        messageId: "tooRare",
        data: { metric: m.id, every: best.word, maxDays },
        related: [{ file: p.fileOf(best.report), span: best.report.id!.span, message: `report \`${best.report.id!.name}\` shows it` }],
      });
    }
  },
});

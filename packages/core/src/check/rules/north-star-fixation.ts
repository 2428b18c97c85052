import type { MetricModel } from "../../workspace/metrics.js";
import { identsOf, wordOf } from "../../workspace/values.js";
import { audienceRoles } from "../../model/audience.js";
import { DIMENSIONS, dimensionsShown } from "../../model/dimensions.js";
import { joinWords } from "../helpers/quantities.js";
import { defineRule } from "../rule.js";

/** `north-star-fixation`: with a north star set, the exec view or the company OKRs show one dimension only (F1). */
export default defineRule({
  id: "north-star-fixation",
  meta: {
    severity: "warning",
    seed: "F1",
    description: "a `north_star` is set and an exec dashboard view, or the company-level OKRs taken together, show metrics of one dimension only",
    messages: {
      view: "view `{{view}}` of dashboard `{{dashboard}}` is for executives but shows only `{{dimension}}` metrics, beside the north star `{{northStar}}`; one dimension hides problems in the others — add metrics for {{missing}} to the view",
      okrs: "the company-level objectives measure only `{{dimension}}` metrics, beside the north star `{{northStar}}`; one dimension hides problems in the others — add key results for {{missing}} to a company objective",
    },
  },
  check(ctx) {
    const p = ctx.program;
    const bp = p.blueprint;
    const northStarProp = bp ? p.prop(bp, "north_star") : undefined;
    const northStar = wordOf(northStarProp);
    if (!bp || !northStarProp || !northStar) return;
    const related = [{ file: p.fileOf(bp), span: northStarProp.span, message: `the north star is \`${northStar}\`` }];
    const missingOf = (dimension: string): string => joinWords(DIMENSIONS.filter((d) => d !== dimension).map((d) => `\`${d}\``));
    const metricsOf = (names: Iterable<string>): MetricModel[] => {
      const out: MetricModel[] = [];
      for (const n of names) {
        const m = p.metric(n);
        if (m) out.push(m);
      }
      return out;
    };

    for (const dashboard of p.ofKind("dashboard")) {
      if (!dashboard.id) continue;
      for (const view of dashboard.views) {
        if (!audienceRoles(p, p.prop(view, "audience")).has("exec")) continue;
        const dims = dimensionsShown(p, metricsOf(identsOf(p.prop(view, "metrics")).map((i) => i.name)));
        if (dims.length !== 1) continue;
        ctx.report({
          decl: dashboard,
          messageId: "view",
          data: { view: view.id.name, dashboard: dashboard.id.name, dimension: dims[0]!, northStar, missing: missingOf(dims[0]!) },
          related: [{ file: p.fileOf(dashboard), span: view.id.span, message: `view \`${view.id.name}\` is here` }, ...related],
        });
      }
    }

    const company = p.ofKind("okr").filter((o) => o.id && wordOf(p.prop(o, "level")) === "company");
    if (company.length === 0) return;
    const dims = dimensionsShown(p, metricsOf(company.flatMap((o) => o.keyResults.map((kr) => kr.metric.name))));
    if (dims.length !== 1) return;
    ctx.report({
      decl: company[0]!,
      messageId: "okrs",
      data: { dimension: dims[0]!, northStar, missing: missingOf(dims[0]!) },
      related: [...company.slice(1).map((o) => ({ file: p.fileOf(o), span: o.id!.span, message: `objective \`${o.id!.name}\` is company-level too` })), ...related],
    });
  },
});

import { wordOf } from "../../workspace/values.js";
import { sourceOfTruth, sourcesReaching } from "../../model/sources.js";
import { defineRule } from "../rule.js";

/** `single-source-of-truth`: a KPI whose source never reaches the source of truth, or a dashboard reading around it (F10). */
export default defineRule({
  id: "single-source-of-truth",
  meta: {
    severity: "warning",
    seed: "F10",
    description: "a KPI's source neither is the blueprint's `source_of_truth` nor reaches it through `feeds`, or a dashboard reads a source other than it",
    messages: {
      kpiSource:
        "KPI `{{metric}}` comes from source `{{source}}`, which does not feed `{{truth}}`, the source of truth; its number cannot be reconciled with the rest — add `feeds: {{truth}}` to `{{source}}` (or to a source it feeds), or take the metric from a source that does",
      dashboardSource:
        "dashboard `{{dashboard}}` reads source `{{source}}`, not `{{truth}}`, the source of truth; a dashboard beside the unified copy is a siloed report — set `source: {{truth}}`",
    },
  },
  check(ctx) {
    const p = ctx.program;
    const truth = sourceOfTruth(p);
    if (!truth) return;
    const truthId = truth.id!.name;
    const reaching = sourcesReaching(p, truth);
    const bp = p.blueprint!;
    const truthProp = p.prop(bp, "source_of_truth")!;
    const related = [{ file: p.fileOf(bp), span: truthProp.span, message: `the source of truth is \`${truthId}\`` }];
    for (const m of p.kpis.keys()) {
      const source = wordOf(m.prop("source"));
      if (!source || !p.lookupKind(source, "source") || reaching.has(source)) continue;
      ctx.report({ decl: m.decl, messageId: "kpiSource", data: { metric: m.id, source, truth: truthId }, related });
    }
    for (const d of p.ofKind("dashboard")) {
      const source = wordOf(p.prop(d, "source"));
      if (!d.id || !source || source === truthId || !p.lookupKind(source, "source")) continue;
      ctx.report({ decl: d, messageId: "dashboardSource", data: { dashboard: d.id.name, source, truth: truthId }, related });
    }
  },
});

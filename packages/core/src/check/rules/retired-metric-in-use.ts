import type { Reference } from "../../workspace/program.js";
import { identsOf } from "../../workspace/values.js";
import { metricTable } from "../helpers/metric-table.js";
import { joinWords } from "../helpers/quantities.js";
import { defineRule } from "../rule.js";

/** Where a reference makes a retired metric still count: a KPI list, a key result, a report, a view. */
function useOf(ref: Reference): string | undefined {
  const id = ref.in.id?.name ?? "?";
  if (ref.property === "kpis" && ref.in.kind === "workstream") return `the KPIs of workstream \`${id}\``;
  if (ref.property === "kr" && ref.in.kind === "okr") return `a key result of objective \`${id}\``;
  if (ref.property === "metrics" && ref.in.kind === "report") return `report \`${id}\``;
  if (ref.property === "metrics" && ref.in.kind === "dashboard") {
    const view = ref.in.views.find((v) => v.span.start <= ref.span.start && ref.span.end <= v.span.end);
    return `view \`${view?.id.name ?? "?"}\` of dashboard \`${id}\``;
  }
  return undefined;
}

/** `retired-metric-in-use`: a retired metric still in use, or retired without a replacement (F9, G9: review, retire, replace). */
export default defineRule({
  id: "retired-metric-in-use",
  meta: {
    severity: "error",
    seed: "G9, F9",
    description: "a retired metric is still a KPI, in a key result, report or view; a retired metric without `replaced_by`",
    fixable: true,
    messages: {
      inUse: "retired metric `{{metric}}` is still used in {{uses}}; {{advice}}",
      noReplacement: "retired metric `{{metric}}` has no `replaced_by`; name the metric that takes its place (`replaced_by: METRIC`) so its users know where to go",
    },
  },
  check(ctx) {
    const p = ctx.program;
    const t = metricTable(p);
    const statuses = t.word("status");
    for (let i = 0; i < t.metrics.length; i++) {
      if (statuses[i] !== "retired") continue;
      const m = t.metrics[i]!;
      const replacement = identsOf(m.own("replaced_by"))[0];
      if (!replacement) ctx.report({ decl: m.decl, messageId: "noReplacement", data: { metric: m.id } });
      const uses: Array<{ ref: Reference; where: string }> = [];
      for (const ref of p.referencesTo(m.decl)) {
        const where = useOf(ref);
        if (where) uses.push({ ref, where });
      }
      if (uses.length === 0) continue;
      const replacementModel = replacement ? p.metric(replacement.name) : undefined;
      const usable = replacementModel && replacementModel !== m && replacementModel.word("status") !== "retired" ? replacementModel : undefined;
      const places = [...new Set(uses.map((u) => u.where))];
      const advice = usable ? `use \`${usable.id}\`, which replaces it, or remove it there` : "remove it there, or set `status: active` if it is still needed";
      ctx.report({
        decl: m.decl,
        messageId: "inUse",
        data: { metric: m.id, uses: joinWords(places.length > 5 ? [...places.slice(0, 5), `${places.length - 5} more`] : places), advice },
        related: uses.map((u) => ({ file: u.ref.file, span: u.ref.span, message: `\`${m.id}\` is used in ${u.where}` })),
        ...(usable ? { fixes: [{ title: `Replace \`${m.id}\` with \`${usable.id}\` where it is used`, edits: uses.map((u) => ({ file: u.ref.file.path, span: u.ref.span, newText: usable.id })), safe: true }] } : {}),
      });
    }
  },
});

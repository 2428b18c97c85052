import type { MetricModel } from "../../workspace/metrics.js";
import type { Reference } from "../../workspace/program.js";
import { identsOf } from "../../workspace/values.js";
import { joinWords } from "../helpers/quantities.js";
import { defineRule, type RuleContext } from "../rule.js";

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

/** At most this many metrics of a `replaced_by` cycle are named in the message and as related locations. */
const MAX_NAMED = 5;

/**
 * Reports each cycle of `replaced_by` among retired metrics once, on its
 * first metric in workspace order. Every metric has at most one replacement,
 * so one walk per metric that stops at the first metric already seen finds
 * every cycle in linear time.
 */
function replacementCycles(ctx: RuleContext, metrics: readonly MetricModel[], statuses: readonly (string | undefined)[]): void {
  const p = ctx.program;
  const index = new Map<MetricModel, number>();
  metrics.forEach((m, i) => index.set(m, i));
  const next = (m: MetricModel): MetricModel | undefined => {
    const i = index.get(m);
    if (i === undefined || statuses[i] !== "retired") return undefined;
    const r = identsOf(m.own("replaced_by"))[0];
    return r ? p.metric(r.name) : undefined;
  };
  // 1: on the walk under way, 2: done
  const state = new Map<MetricModel, 1 | 2>();
  for (let i = 0; i < metrics.length; i++) {
    if (statuses[i] !== "retired" || state.has(metrics[i]!)) continue;
    const path: MetricModel[] = [];
    let cur: MetricModel | undefined = metrics[i]!;
    while (cur && !state.has(cur) && index.has(cur)) {
      state.set(cur, 1);
      path.push(cur);
      cur = next(cur);
    }
    if (cur && state.get(cur) === 1) {
      const cycle = path.slice(path.indexOf(cur));
      const first = cycle.reduce((a, b) => (index.get(b)! < index.get(a)! ? b : a));
      const from = cycle.indexOf(first);
      const ordered = [...cycle.slice(from), ...cycle.slice(0, from)];
      const named = ordered.slice(0, MAX_NAMED).map((m) => `\`${m.id}\``);
      const chain = ordered.length > MAX_NAMED ? `${named.join(" → ")} → … (${ordered.length - MAX_NAMED} more) → \`${first.id}\`` : `${named.join(" → ")} → \`${first.id}\``;
      ctx.report({
        decl: first.decl,
        messageId: "replacementCycle",
        data: { cycle: chain },
        related: ordered.slice(0, MAX_NAMED).map((m, k) => {
          const r = identsOf(m.own("replaced_by"))[0]!;
          return { file: p.fileOf(m.decl), span: r.span, message: `\`${m.id}\` is replaced by \`${ordered[(k + 1) % ordered.length]!.id}\`` };
        }),
      });
    }
    for (const m of path) state.set(m, 2);
  }
}

/** `retired-metric-in-use`: a retired metric still in use, or retired without a replacement (F9, G9: review, retire, replace). */
export default defineRule({
  id: "retired-metric-in-use",
  meta: {
    severity: "error",
    seed: "G9, F9",
    description: "a retired metric is still a KPI, in a key result, report or view; a retired metric without `replaced_by`; retired metrics that replace each other in a cycle",
    fixable: true,
    messages: {
      inUse: "retired metric `{{metric}}` is still used in {{uses}}; {{advice}}",
      noReplacement: "retired metric `{{metric}}` has no `replaced_by`; name the metric that takes its place (`replaced_by: METRIC`) so its users know where to go",
      replacementCycle: "retired metrics replace each other in a cycle ({{cycle}}), so none leads to a metric in use; point `replaced_by` at an active metric",
    },
  },
  check(ctx) {
    const p = ctx.program;
    const t = p.store;
    const statuses = t.word("status");
    replacementCycles(ctx, t.metrics, statuses);
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
        ...(usable
          ? {
              fixes: [
                {
                  title: `Replace \`${m.id}\` with \`${usable.id}\` where it is used`,
                  edits: uses.map((u) => ({ file: u.ref.file.path, span: u.ref.span, newText: usable.id })),
                  safe: true,
                },
              ],
            }
          : {}),
      });
    }
  },
});

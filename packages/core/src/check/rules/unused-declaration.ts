import type { Declaration } from "../../ast/nodes.js";
import type { Program } from "../../workspace/program.js";
import { signoffTeams } from "../../model/signoff.js";
import { tracingMetrics } from "../helpers/traceability.js";
import { defineRule } from "../rule.js";

/** `unused-declaration`: a metric, source or team nothing refers to (the editor fades it). */
export default defineRule({
  id: "unused-declaration",
  meta: {
    severity: "hint",
    seed: "F9 (a static framework collects dead metrics)",
    description: "a metric, source or team that nothing refers to",
    fixable: false,
    messages: {
      unused: "{{kind}} `{{id}}` is not used anywhere; use it or remove it",
      untracked: "metric `{{id}}` has a `target` but no report, view or workstream shows it, so nobody sees it move; list it in the `metrics` of {{where}}, or drop the target",
    },
  },
  check(ctx) {
    const p = ctx.program;
    const unused = (d: Declaration): boolean => !p.referencesTo(d).some((r) => r.in !== d);
    // Metrics from the metric store (the first declaration of each id, no lookup needed), then sources and teams.
    // A metric with a target is tracked on purpose: it needs a place to be seen, not removal.
    const reports = p.ofKind("report").flatMap((r) => (r.id ? [`report \`${r.id.name}\``] : []));
    const where = reports[0] ?? "a report";
    for (const m of p.store.metrics) {
      if (!unused(m.decl)) continue;
      if (m.own("target")) ctx.report({ decl: m.decl, messageId: "untracked", data: { id: m.id, where } });
      else ctx.report({ decl: m.decl, messageId: "unused", data: { kind: "metric", id: m.id }, unnecessary: true });
    }
    // Teams whose sign-off `shared-definition` asks for (the blueprint names them in
    // `signoff`, or a KPI traces to revenue or pipeline) are used by that gate.
    const bp = p.blueprint;
    const tracing = tracingMetrics(p, ["pipeline", "revenue"]);
    const gated = (bp !== undefined && p.prop(bp, "signoff") !== undefined) || [...p.kpis.keys()].some((m) => tracing.has(m));
    const signers = new Set(gated ? signoffTeams(p) : []);
    const upstream = feedingUsedSources(p);
    for (const kind of ["source", "team"] as const) {
      for (const d of p.ofKind(kind)) {
        if (!d.id || p.byId.get(d.id.name)![0] !== d) continue;
        if (kind === "team" && signers.has(d)) continue;
        if (kind === "source" && upstream.has(d)) continue;
        if (unused(d)) ctx.report({ decl: d, messageId: "unused", data: { kind, id: d.id.name }, unnecessary: true });
      }
    }
  },
});

/**
 * Sources a non-source declaration refers to, and the sources that load into
 * one of them through `feeds` (directly or through other sources): the CRM that
 * syncs into the warehouse every metric reads is part of the pipeline, not dead.
 * Linear: each `feeds` reference is followed once, from the used sources upstream.
 */
function feedingUsedSources(p: Program): ReadonlySet<Declaration> {
  const queue: Declaration[] = [];
  for (const d of p.ofKind("source")) if (p.referencesTo(d).some((r) => r.in.kind !== "source")) queue.push(d);
  const needed = new Set<Declaration>(queue);
  while (queue.length > 0) {
    for (const r of p.referencesTo(queue.pop()!)) {
      if (r.property !== "feeds" || r.in.kind !== "source" || needed.has(r.in)) continue;
      needed.add(r.in);
      queue.push(r.in);
    }
  }
  return needed;
}

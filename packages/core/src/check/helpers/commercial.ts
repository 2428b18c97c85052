// Whether a workspace measures a commercial function (docs/rules/attribution-missing.md,
// "When it does not apply"): gates about attribution, brand balance and the
// constellation's monetization cannot apply to, say, a People or an
// Infrastructure department's KPI list.
import type { Program } from "../../workspace/program.js";
import { wordOf, wordsOf } from "../../workspace/values.js";

/**
 * The first thing that makes the workspace commercial, in words, or undefined
 * when nothing does. Commercial means any of: a `launch` or `attribution`
 * declaration; a workstream delivering `campaign` or `launch`; a metric that
 * traces to `revenue` or `pipeline` (its own `traces` or its catalog entry's)
 * or has unit `currency`; a source of kind `crm` or `ad_platform`; a team with
 * role `sales`, `marketing` or `pmm`. Linear in declarations and metrics.
 */
export function commercialEvidence(program: Program): string | undefined {
  return program.memo("commercial", () => compute(program));
}

function compute(p: Program): string | undefined {
  if (p.ofKind("launch").length > 0) return "it has launches";
  if (p.ofKind("attribution").length > 0) return "it has an attribution plan";
  for (const w of p.ofKind("workstream")) {
    const d = wordsOf(p.prop(w, "deliverables"));
    if (d.includes("campaign") || d.includes("launch")) return `workstream \`${w.id?.name ?? "?"}\` delivers campaigns or launches`;
  }
  const t = p.store;
  const traces = t.words("traces");
  const units = t.word("unit");
  for (let i = 0; i < t.metrics.length; i++) {
    if (traces[i]!.includes("revenue") || traces[i]!.includes("pipeline")) return `metric \`${t.metrics[i]!.id}\` traces to revenue or pipeline`;
    if (units[i] === "currency") return `metric \`${t.metrics[i]!.id}\` is money`;
  }
  for (const s of p.ofKind("source")) {
    const kind = wordOf(p.prop(s, "kind"));
    if (kind === "crm" || kind === "ad_platform") return `source \`${s.id?.name ?? "?"}\` is a ${kind === "crm" ? "CRM" : "an ad platform"}`;
  }
  for (const team of p.ofKind("team")) {
    const role = wordOf(p.prop(team, "role"));
    if (role === "sales" || role === "marketing" || role === "pmm") return `team \`${team.id?.name ?? "?"}\` has role ${role}`;
  }
  return undefined;
}

/** True when the workspace measures a commercial function (see `commercialEvidence`). */
export function isCommercial(program: Program): boolean {
  return commercialEvidence(program) !== undefined;
}

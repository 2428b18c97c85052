import type { Fix } from "../../diagnostics.js";
import type { MetricModel } from "../../workspace/metrics.js";
import { agreedTeams } from "../../model/agreements.js";
import { identsOf } from "../../workspace/values.js";
import { joinWords } from "../helpers/quantities.js";
import { signoffTeams } from "../../model/signoff.js";
import { tracingMetrics } from "../helpers/traceability.js";
import { defineRule } from "../rule.js";

/** A quick fix that adds the missing teams to the metric's own `agreed_by`, or writes the property; undefined when there is no place for it. */
function agreedByFix(m: MetricModel, missing: readonly string[]): Fix | undefined {
  const title = `Add ${joinWords(missing.map((t) => `\`${t}\``))} to \`agreed_by\``;
  const file = m.file;
  const edit = (start: number, end: number, newText: string): Fix => ({ title, edits: [{ file: file.path, span: { start, end }, newText }], safe: true });
  const own = m.own("agreed_by");
  const value = own?.value;
  if (value?.type === "list") {
    const last = value.items[value.items.length - 1];
    return last ? edit(last.span.end, last.span.end, missing.map((t) => `, ${t}`).join("")) : edit(value.span.start, value.span.end, `[${missing.join(", ")}]`);
  }
  if (value) return edit(value.span.start, value.span.end, `[${[file.text.slice(value.span.start, value.span.end), ...missing].join(", ")}]`);
  if (own || !m.decl.block) return undefined;
  const property = `agreed_by: [${missing.join(", ")}]`;
  const last = m.decl.members[m.decl.members.length - 1];
  if (!last) return edit(m.decl.block.start + 1, m.decl.block.start + 1, ` ${property} `);
  const line = file.lines.position(last.span.start).line;
  if (line === file.lines.position(m.decl.block.start).line) return edit(last.span.end, last.span.end, `  ${property}`);
  const indent = /^[ \t]*/.exec(file.lines.lineText(line))![0];
  return edit(last.span.end, last.span.end, `\n${indent}${property}`);
}

/** The `traces` values whose KPIs need every signoff team's agreement (G8). */
const SIGNED_TRACES: readonly string[] = ["revenue", "pipeline"];

/** `shared-definition`: a revenue or pipeline KPI not agreed by every signoff team (G8). */
export default defineRule({
  id: "shared-definition",
  meta: {
    severity: "error",
    seed: "G8",
    description: "a KPI that traces to revenue or pipeline (itself, or through the outputs it feeds) lacks `agreed_by` covering every `signoff` team",
    fixable: true,
    messages: {
      notAgreedInherited:
        "KPI `{{metric}}` traces to revenue or pipeline but its definition is not agreed by {{missing}}; its definition is inherited from `std.{{entry}}`, not written in the workspace, so nobody would be signing words they wrote — write the `definition` the teams agree, then add them to `agreed_by`",
      notAgreed:
        "KPI `{{metric}}` traces to revenue or pipeline but its definition is not agreed by {{missing}}; without one definition signed by every `signoff` team, marketing, sales and finance numbers will not reconcile — agree the definition with them and add them to `agreed_by`",
    },
  },
  check(ctx) {
    const p = ctx.program;
    const signoff = signoffTeams(p);
    if (signoff.length === 0) return;
    const tracing = tracingMetrics(p, SIGNED_TRACES);
    const table = p.store;
    const agreedBy = table.prop("agreed_by");
    for (const m of p.kpis.keys()) {
      if (!tracing.has(m)) continue;
      const agreedProp = agreedBy[m.slot];
      // its own `agreed_by`, and every review that agreed it in a group
      const agreed = new Set(
        agreedTeams(
          p,
          m.id,
          identsOf(agreedProp).map((i) => i.name),
        ),
      );
      const missing = signoff.filter((t) => !agreed.has(t.id!.name)).map((t) => t.id!.name);
      if (missing.length === 0) continue;
      const fix = agreedByFix(m, missing);
      const entry = !m.own("definition") && m.prop("definition") ? m.entry?.id?.name : undefined;
      ctx.report({
        decl: m.decl,
        messageId: entry ? "notAgreedInherited" : "notAgreed",
        data: { metric: m.id, missing: joinWords(missing.map((t) => `\`${t}\``)), teams: missing.join(","), ...(entry ? { entry } : {}) },
        ...(fix ? { fixes: [fix] } : {}),
      });
    }
  },
});

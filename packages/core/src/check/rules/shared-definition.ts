import { identsOf } from "../../workspace/values.js";
import { joinWords } from "../helpers/quantities.js";
import { signoffTeams } from "../helpers/signoff.js";
import { tracingMetrics } from "../helpers/traceability.js";
import { defineRule } from "../rule.js";

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
      notAgreed:
        "KPI `{{metric}}` traces to revenue or pipeline but its definition is not agreed by {{missing}}; without one definition signed by every `signoff` team, marketing, sales and finance numbers will not reconcile — agree the definition with them and add them to `agreed_by`",
    },
  },
  check(ctx) {
    const p = ctx.program;
    const signoff = signoffTeams(p);
    if (signoff.length === 0) return;
    const tracing = tracingMetrics(p, SIGNED_TRACES);
    for (const m of p.kpis.keys()) {
      if (!tracing.has(m)) continue;
      const agreedProp = m.prop("agreed_by");
      const agreed = new Set(identsOf(agreedProp).map((i) => i.name));
      const missing = signoff.filter((t) => !agreed.has(t.id!.name)).map((t) => t.id!.name);
      if (missing.length === 0) continue;
      const ownAgreed = m.own("agreed_by");
      const list = identsOf(ownAgreed);
      const fixes =
        ownAgreed?.value?.type === "list"
          ? [
              {
                title: `Add ${joinWords(missing.map((t) => `\`${t}\``))} to \`agreed_by\``,
                edits: [
                  list.length > 0
                    ? { file: m.file.path, span: { start: list[list.length - 1]!.span.end, end: list[list.length - 1]!.span.end }, newText: missing.map((t) => `, ${t}`).join("") }
                    : { file: m.file.path, span: ownAgreed.value.span, newText: `[${missing.join(", ")}]` },
                ],
              },
            ]
          : [];
      ctx.report({
        decl: m.decl,
        messageId: "notAgreed",
        data: { metric: m.id, missing: joinWords(missing.map((t) => `\`${t}\``)), teams: missing.join(",") },
        ...(fixes.length ? { fixes } : {}),
      });
    }
  },
});

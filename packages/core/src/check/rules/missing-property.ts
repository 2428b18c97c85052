import { isCommercial } from "../helpers/commercial.js";
import { joinWords } from "../helpers/quantities.js";
import { defineRule } from "../rule.js";

/** The gates that read a metric's `type` and skip a metric without one. */
const UNTYPED_GATES = "`input-actionable` (levers), `output-has-inputs`, `tradeoff-monitored` and `constellation-coverage`";

/** `missing-property`: a required property is absent (★ always, ☆ on a KPI). Its issues are found by `requiredGaps` (workspace/required.ts, per file) and `requiredIssues` (which gaps count: KPIs, duplicates; called by workspace/program.ts); this rule reports them. */
export default defineRule({
  id: "missing-property",
  meta: {
    severity: "error",
    seed: "the property tables (grammar/LANGUAGE.md section 5)",
    description: "a required property is absent (★ always, ☆ on a KPI)",
    fixable: true,
    messages: {
      issue: "{{message}}",
      untyped:
        "{{count}} metrics have no `type`: {{metrics}}; without it {{gates}} cannot check them — add `type: output` to the results and `type: input` to the levers that drive them",
    },
  },
  check(ctx) {
    // A function without sales (no campaigns, launches, pipeline or revenue) has no sales cycle to state.
    let commercial: boolean | undefined;
    // Metrics without `type`: one finding for them all when there are several (they switch the same gates off).
    const untyped = ctx.program.valueIssues.filter((i) => i.rule === "missing-property" && i.decl.kind === "metric" && i.data?.["property"] === "type");
    const grouped = untyped.length > 1 ? new Set(untyped) : new Set<(typeof untyped)[number]>();
    for (const i of ctx.program.valueIssues) {
      if (i.rule !== "missing-property" || grouped.has(i)) continue;
      if (i.decl.kind === "blueprint" && i.data?.["property"] === "sales_cycle" && !(commercial ??= isCommercial(ctx.program))) continue;
      ctx.report({ decl: i.decl, file: i.file, span: i.span, messageId: "issue", data: { message: i.message, ...i.data } });
    }
    if (grouped.size > 0) {
      const [first, ...rest] = untyped;
      const names = untyped.map((i) => `\`${i.decl.id?.name ?? "?"}\``);
      const shown = names.length > 8 ? `${names.slice(0, 8).join(", ")} and ${names.length - 8} more` : joinWords(names);
      ctx.report({
        decl: first!.decl,
        file: first!.file,
        span: first!.span,
        messageId: "untyped",
        data: { count: untyped.length, metrics: shown, gates: UNTYPED_GATES },
        related: rest.map((i) => ({ file: i.file, span: i.span, message: `\`${i.decl.id?.name ?? "?"}\` has no \`type\`` })),
      });
    }
  },
});

import type { MetricModel } from "../../workspace/metrics.js";
import { periodRange } from "../../workspace/periods.js";
import { identsOf, literalOf, modifierOf, phraseOf } from "../../workspace/values.js";
import { fiscalStartMonth } from "../../model/fiscal.js";
import { defineRule } from "../rule.js";

/** The launch properties that list launch metrics. */
const LEVELS = ["awareness", "engagement", "adoption", "revenue"] as const;

/** `launch-tracking-before`: a launch metric tracked only from after go-live (F5). */
export default defineRule({
  id: "launch-tracking-before",
  meta: {
    severity: "error",
    seed: "F5",
    description: "a launch metric's `since` date is after the launch `date`, or its baseline period ends after it",
    messages: {
      since:
        "metric `{{metric}}` is tracked since {{since}}, after launch `{{launch}}` went live on {{date}}; tracking added after go-live cannot prove impact — backfill it from data collected before the launch and correct `since`, or measure the launch with a metric tracked before {{date}}",
      baseline:
        "metric `{{metric}}` takes its baseline over {{period}}, which ends on {{end}}, after launch `{{launch}}` went live on {{date}}; a baseline that includes the launch cannot prove its impact — use a period that ends by {{date}}",
    },
  },
  check(ctx) {
    const p = ctx.program;
    const fiscal = fiscalStartMonth(p);
    for (const launch of p.ofKind("launch")) {
      const dateProp = p.prop(launch, "date");
      const date = literalOf(dateProp);
      if (!launch.id || date?.type !== "date") continue;
      const launchFile = p.fileOf(launch);
      const related = [{ file: launchFile, span: dateProp!.span, message: `launch \`${launch.id.name}\` goes live on ${date.iso}` }];
      const seen = new Set<MetricModel>();
      for (const level of LEVELS) {
        for (const ident of identsOf(p.prop(launch, level))) {
          const m = p.metric(ident.name);
          if (!m || seen.has(m)) continue;
          seen.add(m);
          const data = { metric: m.id, launch: launch.id.name, date: date.iso };
          const since = literalOf(m.prop("since"));
          if (since?.type === "date" && since.iso > date.iso) ctx.report({ decl: m.decl, messageId: "since", data: { ...data, since: since.iso }, related });
          const over = modifierOf(phraseOf(m.prop("baseline")), "over");
          const range = periodRange(over, fiscal);
          if (over && range && range.end > date.iso) {
            const period = p.fileOf(m.decl).text.slice(over.span.start, over.span.end);
            ctx.report({ decl: m.decl, messageId: "baseline", data: { ...data, period, end: range.end }, related });
          }
        }
      }
    }
  },
});

import { literalOf, modifierOf, phraseOf, wordOf } from "../../workspace/values.js";
import { formatNumber } from "../helpers/quantities.js";
import { defineRule } from "../rule.js";

/** `experiment-holdout`: a won or shipped test, or one on an output metric, without a long-term holdout (F12). */
export default defineRule({
  id: "experiment-holdout",
  meta: {
    severity: "warning",
    seed: "F12",
    description: "an experiment marked `won` or `shipped`, or on an output metric, has no `holdout` or one shorter than 180d",
    messages: {
      missing:
        "experiment `{{experiment}}` {{why}} and has no `holdout`; 30–40% of short-term lifts vanish at one year — keep a holdout for at least {{minDays}} days (`holdout: 5% for 12mo`)",
      short:
        "experiment `{{experiment}}` {{why}}, and its holdout lasts {{duration}}; 30–40% of short-term lifts vanish at one year — keep the holdout for at least {{minDays}} days",
      noDuration: "experiment `{{experiment}}` {{why}}, and its holdout has no duration; write how long it stays out (`holdout: {{share}} for 12mo`, at least {{minDays}} days)",
    },
    options: {
      minDays: { type: "number", default: 180, minimum: 0, description: "shortest holdout (days) for a won or shipped test, or one on an output metric" },
    },
  },
  check(ctx) {
    const p = ctx.program;
    const minDays = ctx.option<number>("minDays");
    for (const e of p.ofKind("experiment")) {
      if (!e.id) continue;
      const status = wordOf(p.prop(e, "status"));
      const metricName = wordOf(p.prop(e, "metric"));
      const metric = metricName === undefined ? undefined : p.metric(metricName);
      let why: string;
      if (status === "won" || status === "shipped") why = `is marked \`${status}\``;
      else if (metric?.type === "output") why = `moves output metric \`${metric.id}\``;
      else continue;
      const data = { experiment: e.id.name, why, minDays: formatNumber(minDays) };
      const holdoutProp = p.prop(e, "holdout");
      const holdout = phraseOf(holdoutProp);
      if (!holdoutProp) {
        ctx.report({ decl: e, messageId: "missing", data });
        continue;
      }
      if (!holdout) continue;
      const duration = modifierOf(holdout, "for");
      const share = literalOf(holdoutProp);
      if (!duration) ctx.report({ decl: e, messageId: "noDuration", data: { ...data, share: share?.raw ?? "5%" } });
      else if (duration.type === "duration" && duration.days < minDays) ctx.report({ decl: e, messageId: "short", data: { ...data, duration: duration.raw } });
    }
  },
});

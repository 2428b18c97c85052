import { experimentSampleSize, hopelessExperiment } from "../../model/experiment.js";
import { literalOf } from "../../workspace/values.js";
import { formatCount, formatNumber } from "../helpers/quantities.js";
import { defineRule } from "../rule.js";

/** `experiment-sample-size`: a test that needs more than 30 days of traffic to reach its sample size (F13). */
export default defineRule({
  id: "experiment-sample-size",
  meta: {
    severity: "warning",
    seed: "F13",
    description: "the test needs more than 30 days of traffic to reach its sample size, or can never reach it (no traffic, a lift of 0)",
    messages: {
      noTraffic:
        "experiment `{{experiment}}` has `traffic: {{raw}}`; with no traffic it can never reach significance — set the visitors a day the test gets, or compare before and after (pre/post) instead",
      noEffect: "experiment `{{experiment}}` looks for a lift of 0 (`mde: {{raw}}`); no sample can detect no change — set `mde` to the smallest lift worth detecting",
      noChange: "experiment `{{experiment}}` expects `{{raw}}`, the same as its `baseline`; no sample can detect no change — set `expect` to the value the change should reach",
      tooSlow:
        "experiment `{{experiment}}` needs {{n}} per arm ({{total}} over {{arms}} arms): {{days}} days at {{traffic}}, more than {{maxDays}}; it will not reach significance in time — test a bigger change, or compare before and after (pre/post) instead",
    },
    options: {
      maxDays: { type: "number", default: 30, minimum: 1, description: "most days of traffic a test may need to reach its sample size" },
    },
  },
  check(ctx) {
    const p = ctx.program;
    const maxDays = ctx.option<number>("maxDays");
    for (const e of p.ofKind("experiment")) {
      if (!e.id) continue;
      const hopeless = hopelessExperiment(e);
      if (hopeless) {
        const messageId = hopeless.property === "traffic" ? "noTraffic" : hopeless.property === "mde" ? "noEffect" : "noChange";
        ctx.report({ decl: e, span: hopeless.lit.span, messageId, data: { experiment: e.id.name, raw: hopeless.lit.raw } });
        continue;
      }
      const size = experimentSampleSize(e);
      if (!size || size.days <= maxDays) continue;
      const traffic = literalOf(p.prop(e, "traffic"));
      ctx.report({
        decl: e,
        messageId: "tooSlow",
        data: {
          experiment: e.id.name,
          n: formatCount(size.n),
          total: formatCount(size.n * size.arms),
          arms: size.arms,
          days: formatCount(size.days),
          traffic: traffic?.type === "rate" && Number.isInteger(traffic.amount) ? `${formatCount(traffic.amount)}/${traffic.per}` : `${formatNumber(size.perDay)}/day`,
          maxDays: formatNumber(maxDays),
        },
      });
    }
  },
});

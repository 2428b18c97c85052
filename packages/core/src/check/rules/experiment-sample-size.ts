import { experimentSampleSize } from "../../model/experiment.js";
import { literalOf } from "../../workspace/values.js";
import { formatCount, formatNumber } from "../helpers/quantities.js";
import { defineRule } from "../rule.js";

/** `experiment-sample-size`: a test that needs more than 30 days of traffic to reach its sample size (F13). */
export default defineRule({
  id: "experiment-sample-size",
  meta: {
    severity: "warning",
    seed: "F13",
    description: "the test needs more than 30 days of traffic to reach its sample size",
    messages: {
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

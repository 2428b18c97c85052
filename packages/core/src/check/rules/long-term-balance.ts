import { defineRule } from "../rule.js";

/** `long-term-balance`: no KPI looks past the short term (F8). */
export default defineRule({
  id: "long-term-balance",
  meta: {
    severity: "warning",
    seed: "F8",
    description: "no KPI has `horizon: long`",
    messages: {
      shortOnly:
        "none of the {{count}} KPIs has `horizon: long`; measuring short-term performance only misses brand and next year's pipeline — add a long-horizon KPI such as `std.share_of_search` or `std.brand_awareness` with `horizon: long`, or mark an existing one",
    },
  },
  check(ctx) {
    const kpis = [...ctx.program.kpis.keys()];
    // With no KPI at all there is nothing short-term to balance yet.
    if (kpis.length === 0 || kpis.some((m) => m.word("horizon") === "long")) return;
    ctx.reportWorkspace("shortOnly", { count: kpis.length });
  },
});

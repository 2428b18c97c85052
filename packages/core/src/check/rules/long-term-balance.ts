import type { Program } from "../../workspace/program.js";
import { isCommercial } from "../helpers/commercial.js";
import { wordMatcher } from "../helpers/words.js";
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
      shortOnlyExisting:
        "none of the {{count}} KPIs has `horizon: long`; measuring short-term performance only misses brand and next year's pipeline — the workspace already has `{{metric}}`: make it a KPI with `horizon: long`",
    },
  },
  check(ctx) {
    // Brand and next year's pipeline are a commercial function's concern.
    if (!isCommercial(ctx.program)) return;
    const kpis = [...ctx.program.kpis.keys()];
    // With no KPI at all there is nothing short-term to balance yet.
    if (kpis.length === 0 || kpis.some((m) => m.word("horizon") === "long")) return;
    const brand = brandMetric(ctx.program);
    if (brand) ctx.reportWorkspace("shortOnlyExisting", { count: kpis.length, metric: brand });
    else ctx.reportWorkspace("shortOnly", { count: kpis.length });
  },
});

const BRAND_ENTRIES: ReadonlySet<string> = new Set(["share_of_search", "brand_awareness"]);
const BRAND_WORDS: readonly string[] = ["share of search", "share of voice", "brand awareness", "brand"];

/** The first workspace metric that measures brand or share of voice: from `std.share_of_search` or `std.brand_awareness`, or so named. */
function brandMetric(program: Program): string | undefined {
  const t = program.store;
  const titles = program.store.titles();
  const words = wordMatcher(program);
  for (let i = 0; i < t.metrics.length; i++) {
    const m = t.metrics[i]!;
    const entry = m.entry?.id?.name;
    if ((entry && BRAND_ENTRIES.has(entry)) || words.first(titles[i], BRAND_WORDS)) return m.id;
  }
  return undefined;
}

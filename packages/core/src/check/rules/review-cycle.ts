import { everyOf, RHYTHM_DAYS } from "../../model/cadence.js";
import { joinWords } from "../helpers/quantities.js";
import { defineRule } from "../rule.js";

/** `review-cycle`: no review that meets quarterly or more often (G9). */
export default defineRule({
  id: "review-cycle",
  meta: {
    severity: "error",
    seed: "G9",
    description: "no `review` with `every` quarterly or more often",
    messages: {
      none: 'the workspace has no metric review; add `review ID "Name" { every: {{rhythm}}  owner: TEAM }` to refine targets and retire or replace metrics as priorities shift',
      tooRare: "no metric review meets {{often}} ({{reviews}}); set `every: {{rhythm}}` or more often so metrics are retired and replaced as priorities shift",
    },
    options: {
      maxIntervalDays: { type: "number", default: 92, minimum: 7, description: "longest gap (days) between metric reviews; 92 is quarterly" },
    },
  },
  check(ctx) {
    const p = ctx.program;
    const maxDays = ctx.option<number>("maxIntervalDays");
    // The slowest rhythm that is often enough, for the advice; weekly when even that is too slow.
    let rhythm = "weekly";
    for (const [word, days] of RHYTHM_DAYS) if (days <= maxDays) rhythm = word;
    const often = RHYTHM_DAYS.get(rhythm) === maxDays ? `${rhythm} or more often` : `at least every ${maxDays} days`;
    const reviews = p.ofKind("review");
    if (reviews.length === 0) {
      ctx.reportWorkspace("none", { rhythm });
      return;
    }
    const rhythms = reviews.map((r) => ({ r, every: everyOf(p, r) }));
    // A review whose `every` is missing or invalid is reported by the property rules; it cannot show a cycle.
    if (rhythms.some((x) => x.every !== undefined && x.every.days <= maxDays)) return;
    const described = rhythms.slice(0, 5).map((x) => `\`${x.r.id?.name ?? "?"}\` ${x.every ? `meets ${x.every.word}` : "has no `every`"}`);
    if (rhythms.length > 5) described.push(`${rhythms.length - 5} more`);
    ctx.reportWorkspace("tooRare", { often, reviews: joinWords(described), rhythm });
  },
});

import { literalOf, wordOf, wordsOf } from "../../workspace/values.js";
import { blueprintCurrency } from "../../model/blueprint.js";
import { formatCount, formatMoney, formatNumber } from "../helpers/quantities.js";
import { defineRule } from "../rule.js";

/** `attribution-data`: a data-hungry model without the data it needs (attribution step 5: match to data maturity). */
export default defineRule({
  id: "attribution-data",
  meta: {
    severity: "warning",
    seed: "attribution step 5",
    description: "data-driven MTA below 400 conversions a month; `mmm` with under 100 weeks of history or under 5M annual spend",
    messages: {
      conversions:
        "attribution `{{attribution}}` uses data-driven MTA on {{conversions}} conversions; a data-driven model needs at least {{min}}/month to be stable — use `mta_method: position_based` until volume grows",
      history:
        "attribution `{{attribution}}` runs `mmm` on {{history}} of history; a marketing-mix model needs at least {{min}} weeks — lean on `incrementality` tests until the history is long enough",
      spend:
        "attribution `{{attribution}}` runs `mmm` on {{spend}} annual spend; a marketing-mix model needs at least {{min}} a year to separate channels — lean on `mta` and `incrementality` instead",
      unknown: "attribution `{{attribution}}` uses {{model}} without `{{property}}`; declare it so its data can be checked ({{model}} needs at least {{min}})",
    },
    options: {
      minConversionsPerMonth: { type: "number", default: 400, minimum: 0, description: "fewest conversions a month for data-driven MTA" },
      minHistoryWeeks: { type: "number", default: 100, minimum: 0, description: "fewest weeks of spend history for a marketing-mix model" },
      minAnnualSpend: { type: "number", default: 5_000_000, minimum: 0, description: "least annual marketing spend, in the blueprint currency, for a marketing-mix model" },
    },
  },
  check(ctx) {
    const p = ctx.program;
    const minConversions = ctx.option<number>("minConversionsPerMonth");
    const minWeeks = ctx.option<number>("minHistoryWeeks");
    const minSpend = ctx.option<number>("minAnnualSpend");
    const currency = blueprintCurrency(p);
    for (const a of p.ofKind("attribution")) {
      if (!a.id) continue;
      const attribution = a.id.name;
      if (wordOf(p.prop(a, "mta_method")) === "data_driven") {
        const min = `${formatCount(minConversions)}/month`;
        const lit = literalOf(p.prop(a, "conversions"));
        if (!p.prop(a, "conversions")) ctx.report({ decl: a, messageId: "unknown", data: { attribution, model: "data-driven MTA", property: "conversions", min } });
        else if (lit?.type === "rate") {
          // A rate /month is per day × 30 (grammar/LANGUAGE.md section 2), so `400/month` reads back as exactly 400.
          const perMonth = lit.perDay * 30;
          if (perMonth < minConversions) {
            const conversions = lit.per === "month" ? lit.raw : `${lit.raw} (${formatNumber(perMonth)}/month)`;
            ctx.report({ decl: a, messageId: "conversions", data: { attribution, conversions, min: formatCount(minConversions) } });
          }
        }
      }
      if (!wordsOf(p.prop(a, "models")).includes("mmm")) continue;
      const history = literalOf(p.prop(a, "history"));
      if (!p.prop(a, "history")) ctx.report({ decl: a, messageId: "unknown", data: { attribution, model: "`mmm`", property: "history", min: `${formatCount(minWeeks)} weeks` } });
      else if (history?.type === "duration" && history.days < minWeeks * 7)
        ctx.report({ decl: a, messageId: "history", data: { attribution, history: history.raw, min: formatCount(minWeeks) } });
      const spend = literalOf(p.prop(a, "annual_spend"));
      const minMoney = formatMoney(minSpend, currency);
      if (!p.prop(a, "annual_spend")) ctx.report({ decl: a, messageId: "unknown", data: { attribution, model: "`mmm`", property: "annual_spend", min: `${minMoney} a year` } });
      else {
        // Money in another currency is `invalid-value`; it cannot be compared here.
        const amount =
          spend?.type === "money" ? (spend.currency === currency ? spend.value : undefined) : spend?.type === "number" && spend.unit === "none" ? spend.value : undefined;
        if (amount !== undefined && amount < minSpend)
          ctx.report({ decl: a, messageId: "spend", data: { attribution, spend: spend?.type === "money" ? spend.raw : formatMoney(amount, currency), min: minMoney } });
      }
    }
  },
});

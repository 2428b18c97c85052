// The trace a metric most likely has, read from its display name and definition (kpi-traceability's suggestion).
import type { MetricModel } from "../../workspace/metrics.js";
import { titleOf, type WordMatcher } from "./words.js";

/**
 * Words that mark each trace, tried in this order: recurring revenue first,
 * then pipeline, then customer value. A bare "pipeline" is not among them: a
 * CI pipeline is no sales pipeline ("sales pipeline" is).
 */
const LIKELY: ReadonlyArray<readonly [trace: string, why: string, words: readonly string[]]> = [
  ["revenue", "recurring revenue", ["revenue", "arr", "mrr", "acv", "iacv", "bookings", "expansion", "deal size", "recurring", "sales efficiency"]],
  [
    "pipeline",
    "pipeline",
    ["lead", "leads", "opportunity", "opportunities", "sales pipeline", "sql", "sqls", "mql", "mqls", "demo", "demos", "trial", "trials", "deal", "deals", "win rate", "quota"],
  ],
  [
    "customer_value",
    "customer value",
    [
      "satisfaction",
      "nps",
      "csat",
      "sus",
      "usability",
      "adoption",
      "active",
      "availability",
      "uptime",
      "bug",
      "bugs",
      "onboarding",
      "support",
      "ticket",
      "tickets",
      "effort",
      "time to value",
      "customer",
    ],
  ],
];

/** The likely trace of a metric and the word that suggests it (terms matched by `words`), or undefined when nothing does. */
export function likelyTrace(m: MetricModel, words: WordMatcher): { trace: string; why: string; word: string } | undefined {
  const title = titleOf(m);
  const def = m.definition;
  for (const [trace, why, terms] of LIKELY) {
    const word = words.first(title, terms) ?? words.first(def, terms);
    if (word) return { trace, why, word };
  }
  return undefined;
}

/** The likely trace read from the display name alone (what the metric counts), or undefined. */
export function titleTrace(m: MetricModel, words: WordMatcher): { trace: string; why: string; word: string } | undefined {
  const title = titleOf(m);
  for (const [trace, why, terms] of LIKELY) {
    const word = words.first(title, terms);
    if (word) return { trace, why, word };
  }
  return undefined;
}

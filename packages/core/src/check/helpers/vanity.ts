// Vanity-metric recognition (G1, F3): the std `vanity` flag, `cumulative: true`, or a vanity term in the display name or definition.
import type { MetricModel } from "../../workspace/metrics.js";
import { boolOf } from "../../workspace/values.js";
import { divisionOf } from "../../model/formula.js";
import { titleTrace } from "./likely-trace.js";
import { titleOf, type WordMatcher } from "./words.js";

/** The built-in vanity terms (docs/rules/vanity-metric.md); the config's `vanity_terms` adds more, and removes a built-in one written with a leading `-`. */
export const VANITY_TERMS: readonly string[] = [
  "hits",
  "page views",
  "pageviews",
  "visits",
  "visitors",
  "sessions",
  "followers",
  "likes",
  "impressions",
  "downloads",
  "registered users",
  "time on site",
  "pages per visit",
  "emails collected",
  "cumulative",
  "total to date",
];

/** Why a metric is a vanity metric. */
export type VanityReason =
  | { readonly kind: "flag"; readonly entry: string }
  | { readonly kind: "cumulative" }
  | { readonly kind: "name"; readonly term: string }
  | { readonly kind: "definition"; readonly term: string };

/**
 * The vanity terms in force: the built-in ones, plus each config term, minus
 * each built-in written with a leading `-` (`"-visitors"`), compared without case.
 */
export function vanityTerms(config: readonly string[]): readonly string[] {
  if (config.length === 0) return VANITY_TERMS;
  const removed = new Set(config.filter((t) => t.startsWith("-")).map((t) => t.slice(1).trim().toLowerCase()));
  const added = config.filter((t) => !t.startsWith("-"));
  return [...VANITY_TERMS.filter((t) => !removed.has(t)), ...added];
}

/** Words in a display name that make a metric a share, rate or ratio. */
const RATE_NAME_WORDS: readonly string[] = ["rate", "ratio", "conversion", "percent", "percentage", "share", "per"];
/** Words in a definition that say it divides one number by another. */
const RATE_DEFINITION_WORDS: readonly string[] = ["divided by", "share of", "percent of", "percentage of", "proportion of", "ratio of", "per"];

/**
 * True when the metric is a rate or ratio: unit percent or ratio, the catalog's
 * `rate` flag, a dividing formula, a display name with `%` or a rate word
 * ("rate", "ratio", "conversion", "share", "per", "percent"), or a definition
 * that divides (" / ", "divided by", "share of", …).
 */
export function isRateOrRatio(m: MetricModel, words: WordMatcher): boolean {
  const unit = m.word("unit");
  if (unit === "percent" || unit === "ratio" || m.rateFlag || divisionOf(m.formula)) return true;
  const title = titleOf(m);
  if (title !== undefined && (title.includes("%") || words.first(title, RATE_NAME_WORDS))) return true;
  const def = m.definition;
  return def !== undefined && (/\s\/\s/.test(def) || RATE_DEFINITION_WORDS.some((w) => words.contains(def, w)));
}

/**
 * Why a metric is a vanity metric, or undefined when it is not one. Flag first,
 * then `cumulative`, display name, definition. A rate or ratio is never vanity
 * because of a term in its definition ("leads / visitors" names the
 * denominator, not the thing counted); its display name still counts, so
 * "Pages per visit" stays vanity. Neither is a metric whose display name reads as
 * revenue, pipeline or customer value ("Product Qualified Leads" defined by return visits).
 */
export function vanityReason(m: MetricModel, words: WordMatcher, extraTerms: readonly string[] = []): VanityReason | undefined {
  if (m.vanityFlag) return { kind: "flag", entry: m.entry?.id?.name ?? m.id };
  if (boolOf(m.prop("cumulative")) === true) return { kind: "cumulative" };
  const terms = vanityTerms(extraTerms);
  const inName = words.first(titleOf(m), terms);
  if (inName) return { kind: "name", term: inName };
  if (isRateOrRatio(m, words)) return undefined;
  // A display name that counts leads, revenue or customer value ("Product Qualified Leads") says what is counted;
  // a vanity term in its definition ("return visits") is then one of its criteria.
  if (titleTrace(m, words)) return undefined;
  const inDefinition = words.first(m.definition, terms);
  if (inDefinition) return { kind: "definition", term: inDefinition };
  return undefined;
}

/** The reason in words, for a message. */
export function describeVanity(r: VanityReason): string {
  switch (r.kind) {
    case "flag":
      return `it starts from \`std.${r.entry}\`, a catalog vanity metric`;
    case "cumulative":
      return "it is `cumulative: true`, so it can only grow";
    case "name":
      return `its display name says "${r.term}"`;
    case "definition":
      return `its definition says "${r.term}"`;
  }
}

// Actionable alternatives by vanity term or catalog entry: a number that moves only when buyers or users do.
const PIPELINE_FROM_TRAFFIC = "demo requests or trial starts from that traffic (they trace to pipeline)";
const BRAND = "`std.share_of_search` or `std.brand_awareness` with `traces: pipeline` and `horizon: long`";
const ALTERNATIVES: ReadonlyMap<string, string> = new Map([
  ["hits", PIPELINE_FROM_TRAFFIC],
  ["page views", PIPELINE_FROM_TRAFFIC],
  ["pageviews", PIPELINE_FROM_TRAFFIC],
  ["page_views", PIPELINE_FROM_TRAFFIC],
  ["visits", PIPELINE_FROM_TRAFFIC],
  ["visitors", PIPELINE_FROM_TRAFFIC],
  ["unique_visitors", PIPELINE_FROM_TRAFFIC],
  ["sessions", PIPELINE_FROM_TRAFFIC],
  ["time on site", PIPELINE_FROM_TRAFFIC],
  ["time_on_site", PIPELINE_FROM_TRAFFIC],
  ["pages per visit", PIPELINE_FROM_TRAFFIC],
  ["followers", BRAND],
  ["likes", BRAND],
  ["impressions", BRAND],
  ["downloads", "activated users (people who reached the first value action after downloading)"],
  ["registered users", "`std.active_users` (people who performed a core value action in the period)"],
  ["registered_users", "`std.active_users` (people who performed a core value action in the period)"],
  ["emails collected", "`std.mqls` (leads that meet the agreed fit-and-intent criteria)"],
  ["emails_collected", "`std.mqls` (leads that meet the agreed fit-and-intent criteria)"],
  ["cumulative", "the same count per period (new in the period), so a decline shows"],
  ["total to date", "the same count per period (new in the period), so a decline shows"],
]);

/** An actionable alternative to suggest for a vanity metric. */
export function vanityAlternative(r: VanityReason): string {
  const key = r.kind === "flag" ? r.entry : r.kind === "cumulative" ? "cumulative" : r.term.toLowerCase();
  return ALTERNATIVES.get(key) ?? "a number the team moves that traces to revenue, pipeline or customer value (an activation, pipeline or retention count)";
}

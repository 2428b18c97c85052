// Vanity-metric recognition (G1, F3): the std `vanity` flag, `cumulative: true`, or a vanity term in the display name or definition.
import type { MetricModel } from "../../workspace/program.js";
import { boolOf } from "../../workspace/values.js";
import { firstWord, titleOf } from "./words.js";

/** The built-in vanity terms (docs/rules/vanity-metric.md); the config's `vanity_terms` adds more. */
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

/** Why a metric is a vanity metric, or undefined when it is not one. Flag first, then `cumulative`, display name, definition. */
export function vanityReason(m: MetricModel, extraTerms: readonly string[] = []): VanityReason | undefined {
  if (m.vanityFlag) return { kind: "flag", entry: m.entry?.id?.name ?? m.id };
  if (boolOf(m.prop("cumulative")) === true) return { kind: "cumulative" };
  const terms = extraTerms.length ? [...VANITY_TERMS, ...extraTerms] : VANITY_TERMS;
  const inName = firstWord(titleOf(m), terms);
  if (inName) return { kind: "name", term: inName };
  const inDefinition = firstWord(m.definition, terms);
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

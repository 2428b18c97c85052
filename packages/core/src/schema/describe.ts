import type { DeclKind } from "../ast/nodes.js";
import type { ValueType } from "./kinds.js";

/** "a metric", "an okr": each kind with its article, for messages. */
export const ARTICLE: Readonly<Record<DeclKind, string>> = {
  blueprint: "a blueprint",
  team: "a team",
  source: "a source",
  workstream: "a workstream",
  metric: "a metric",
  okr: "an okr",
  attribution: "an attribution",
  launch: "a launch",
  forum: "a forum",
  report: "a report",
  dashboard: "a dashboard",
  experiment: "an experiment",
  review: "a review",
};

/** What a value of a type looks like, in words (messages, hover, completion). */
export function describeType(t: ValueType): string {
  switch (t.t) {
    case "enum":
      return `one of ${t.values.join(", ")}`;
    case "ref":
      return `${ARTICLE[t.kind]} id`;
    case "int":
      return `a whole number from ${t.min} to ${t.max}`;
    case "fraction":
      return "a number between 0 and 1, e.g. 0.05";
    case "duration":
      return "a duration such as `45d`, `12w` or `6mo`";
    case "rate":
      return "a rate such as `800/day` or `650/month`";
    case "money":
      return "an amount such as `$6M`";
    case "date":
      return "a date such as `2026-09-15`";
    case "period":
      return "a period such as `2026-Q4`, `2026-H2`, `2026-09`, `FY2026`, `FY2026-Q1` or a date";
    case "month":
      return "a month such as `2026-02`";
    case "string":
      return 'a string in `"…"`';
    case "bool":
      return "`true` or `false`";
    case "currency":
      return "an ISO 4217 currency code such as `USD`";
    case "formula":
      return "an expression over metrics, e.g. `deals_won / opportunities`";
    case "quantity":
      return "a number, percentage, amount or duration";
    case "percent":
      return "a percentage such as `10%`";
  }
}

// Words shared by hover and completion: how a property's type, requirement
// and values read to a person.
import type { DeclKind, Property, PropertySpec, SourceFile, ValueType } from "@pmm/core";

const ARTICLE: Readonly<Record<DeclKind, string>> = {
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

/** What a value of a type looks like, in words. */
export function typeText(t: ValueType): string {
  switch (t.t) {
    case "enum":
      return `one of ${t.values.map((v) => `\`${v}\``).join(", ")}`;
    case "ref":
      return `${ARTICLE[t.kind]} id`;
    case "int":
      return `a whole number from ${t.min} to ${t.max}`;
    case "fraction":
      return "a number between 0 and 1, e.g. `0.05`";
    case "duration":
      return "a duration such as `45d`, `12w` or `6mo`";
    case "rate":
      return "a rate such as `800/day` or `650/month`";
    case "money":
      return "an amount such as `$6M`";
    case "date":
      return "a date such as `2026-09-15`";
    case "period":
      return "a period such as `2026-Q4`, `2026-H2`, `2026-09` or `FY2026`";
    case "month":
      return "a month such as `2026-02`";
    case "string":
      return "a string";
    case "bool":
      return "`true` or `false`";
    case "currency":
      return "an ISO 4217 currency code such as `USD`";
    case "formula":
      return "an expression over metrics";
    case "quantity":
      return "a number, percentage, amount or duration";
    case "percent":
      return "a percentage such as `10%`";
  }
}

/** A property's value description with its shape (`a list of …`). */
export function valueText(spec: PropertySpec): string {
  const one = typeText(spec.type);
  if (spec.shape === "list") return `a list of ${one.replace(/^(a|an) /, "")}${spec.type.t === "ref" ? "s" : ""}`;
  if (spec.shape === "either") return `${one}, or a list`;
  return one;
}

/** `★ required`, `☆ required on a KPI`, `★ required on output metrics`, or empty. */
export function requirementText(spec: PropertySpec): string {
  switch (spec.required) {
    case "always":
      return "★ required";
    case "kpi":
      return "☆ required on a KPI";
    case "output":
      return "★ required on output metrics";
    default:
      return "";
  }
}

/** The source text of a property's value (whitespace runs collapsed), or empty. */
export function propertyValueText(file: SourceFile, prop: Property | undefined): string {
  if (!prop?.value) return "";
  return file.text.slice(prop.value.span.start, prop.value.span.end).replace(/\s+/g, " ");
}

/** A number with at most `digits` decimals, thousands grouped (`25,580`, `0.5`). */
export function formatNumber(n: number, digits = 2): string {
  return n.toLocaleString("en-US", { maximumFractionDigits: digits });
}

// Words shared by hover and completion: how a property's type, requirement
// and values read to a person.
import { describeType, formatNumber as coreFormatNumber, type Property, type PropertySpec, type SourceFile, type ValueType } from "@pmm/core";

/** What a value of a type looks like, in words (the core's wording; enum values as code). */
export function typeText(t: ValueType): string {
  return t.t === "enum" ? `one of ${t.values.map((v) => `\`${v}\``).join(", ")}` : describeType(t);
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

/** A number with at most `digits` decimals, thousands grouped (`25,580`, `0.5`): the core's formatter (`3.9e30`, `∞`). */
export function formatNumber(n: number, digits = 2): string {
  return coreFormatNumber(n, digits);
}

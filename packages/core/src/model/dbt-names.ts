// dbt's naming rules (what MetricFlow accepts as a measure, metric or semantic-model name, and the names it
// reserves), shared by the export (compile/dbt.ts), the `dbt-export` rule and the warehouse readings.
/**
 * dbt's name rule (dbt-semantic-interfaces `UniqueAndValidNameRule.NAME_REGEX`,
 * `\A[a-z]((?!__)[a-z0-9_])*[a-z0-9]\Z`): a lowercase letter, then lowercase
 * letters, digits and single underscores, ending in a letter or digit. A loop
 * over char codes: `check` runs it on every measure.
 */
export function dbtNameShape(name: string): boolean {
  const n = name.length;
  if (n < 2) return false;
  let underscore = false;
  for (let i = 0; i < n; i++) {
    const c = name.charCodeAt(i);
    const letter = c >= 97 && c <= 122;
    if (i === 0 && !letter) return false;
    if (c === 95) {
      if (underscore || i === n - 1) return false;
      underscore = true;
    } else if (letter || (c >= 48 && c <= 57)) underscore = false;
    else return false;
  }
  return true;
}

/**
 * Names MetricFlow reserves: the time granularities (`TimeGranularity`) and
 * `MetricFlowReservedKeywords` (dbt-semantic-interfaces 0.9,
 * `type_enums/time_granularity.py`, `validations/unique_valid_name.py`).
 */
export const DBT_RESERVED_NAMES: ReadonlySet<string> = new Set([
  "nanosecond",
  "microsecond",
  "millisecond",
  "second",
  "minute",
  "hour",
  "day",
  "week",
  "month",
  "quarter",
  "year",
  "metric_time",
  "mf_internal_uuid",
]);

/** True when dbt accepts the text as a measure, metric or semantic-model name. */
export function isDbtName(name: string): boolean {
  return dbtNameShape(name) && !DBT_RESERVED_NAMES.has(name);
}

/** A dbt metric name: lowercase snake_case, starting with a letter, no double underscores (dbt's pattern). */
export function dbtName(id: string): string {
  const snake = id
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/_+/g, "_")
    .replace(/^_|_$/g, "");
  const named = /^[a-z]/.test(snake) ? snake : `m_${snake}`;
  return named.length >= 2 && !named.endsWith("_") ? named : `${named}_m`.replace(/__/g, "_");
}

/** The reason a `measure` is not a dbt name, or null when it is one. */
export function measureProblem(measure: string): string | null {
  if (DBT_RESERVED_NAMES.has(measure)) return `\`${measure}\` is a name MetricFlow reserves`;
  if (!dbtNameShape(measure)) return `\`${measure}\` is not a dbt name (lowercase letters, digits and single underscores, starting with a letter)`;
  return null;
}

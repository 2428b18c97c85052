import type { AnyDeclKind, DeclKind, ModifierKeyword } from "../ast/nodes.js";

/** The type of a property's value (grammar/LANGUAGE.md section 5). */
export type ValueType =
  | { readonly t: "enum"; readonly values: readonly string[] }
  | { readonly t: "ref"; readonly kind: DeclKind }
  | { readonly t: "int"; readonly min: number; readonly max: number }
  | { readonly t: "fraction" }
  | { readonly t: "duration" }
  | { readonly t: "rate" }
  | { readonly t: "money" }
  | { readonly t: "date" }
  | { readonly t: "period" }
  | { readonly t: "month" }
  | { readonly t: "string" }
  | { readonly t: "bool" }
  | { readonly t: "currency" }
  | { readonly t: "formula" }
  | { readonly t: "quantity" }
  | { readonly t: "percent" };

/** When a property is required. */
export type Requirement = "always" | "kpi" | "output";

/** One property of a kind. */
export interface PropertySpec {
  readonly name: string;
  readonly type: ValueType;
  /** `list`: `[...]` expected; `either`: one value or a list; `single`: one value. */
  readonly shape: "single" | "list" | "either";
  readonly required?: Requirement;
  /** Modifiers the value takes, with the type of each modifier's value. */
  readonly modifiers?: ReadonlyArray<readonly [ModifierKeyword, ValueType]>;
  /** For metric properties that belong to one type of metric only. */
  readonly variant?: "output" | "input";
  /** One line for hover and completion. */
  readonly doc: string;
}

/** The schema of one declaration kind (or member). */
export interface KindSpec {
  readonly kind: AnyDeclKind | "kr" | "view" | "catalog";
  readonly properties: ReadonlyMap<string, PropertySpec>;
  readonly doc: string;
}

const e = (...values: string[]): ValueType => ({ t: "enum", values });
const ref = (kind: DeclKind): ValueType => ({ t: "ref", kind });
const T = {
  string: { t: "string" } as ValueType,
  duration: { t: "duration" } as ValueType,
  rate: { t: "rate" } as ValueType,
  money: { t: "money" } as ValueType,
  date: { t: "date" } as ValueType,
  period: { t: "period" } as ValueType,
  bool: { t: "bool" } as ValueType,
  quantity: { t: "quantity" } as ValueType,
  percent: { t: "percent" } as ValueType,
  fraction: { t: "fraction" } as ValueType,
};

/** Team roles. */
export const ROLES = ["pmm", "sales", "product", "finance", "marketing", "exec", "success", "other"] as const;
/** Meeting rhythms of forums and reviews. */
export const RHYTHMS = ["weekly", "biweekly", "monthly", "quarterly", "annually"] as const;
/** Metric dimensions. */
export const DIMENSIONS = ["retention", "engagement", "monetization"] as const;
/** What a KPI traces to. */
export const TRACES = ["revenue", "pipeline", "customer_value"] as const;
/** Deliverable types. */
export const DELIVERABLES = ["messaging", "launch", "enablement", "competitive_intel", "campaign"] as const;
/** Metric cadences. */
export const CADENCES = ["daily", "weekly", "monthly", "quarterly"] as const;
/** Source refresh rates. */
export const REFRESHES = ["realtime", "hourly", "daily", "weekly", "monthly", "manual"] as const;

function table(kind: KindSpec["kind"], doc: string, props: PropertySpec[]): KindSpec {
  return { kind, doc, properties: new Map(props.map((p) => [p.name, p])) };
}

function p(name: string, type: ValueType, doc: string, extra: Partial<PropertySpec> = {}): PropertySpec {
  return { name, type, shape: "single", doc, ...extra };
}

function list(name: string, type: ValueType, doc: string, extra: Partial<PropertySpec> = {}): PropertySpec {
  return { name, type, shape: "list", doc, ...extra };
}

const METRIC_COMMON: PropertySpec[] = [
  p("type", e("output", "input"), "output metrics are the results; input metrics are the levers that drive them", { required: "always" }),
  p("dimension", e(...DIMENSIONS), "which output dimension the metric covers", { required: "output" }),
  { name: "traces", type: e(...TRACES), shape: "either", doc: "what the metric traces to: revenue, pipeline or customer value" },
  p("unit", e("count", "percent", "currency", "ratio", "score", "duration"), "the unit of the metric's values"),
  p("direction", e("up", "down"), "which way is better"),
  p("owner", ref("team"), "the team accountable for the metric", { required: "always" }),
  p("source", ref("source"), "the data source the metric is read from", { required: "kpi" }),
  p("definition", T.string, "how the metric is computed, in words everyone signs", { required: "kpi" }),
  p("formula", { t: "formula" }, "the metric as an expression over other metrics"),
  p(
    "measure",
    T.string,
    "the dbt semantic-layer measure that computes it, as its dbt name (`new_logo_deals_won`); `pmm export dbt` exports a metric with a `measure` or a `formula`",
  ),
  list("agreed_by", ref("team"), "the teams that signed the definition"),
  p("baseline", T.quantity, "the historical starting value: `VALUE from SOURCE over PERIOD`", {
    modifiers: [
      ["from", ref("source")],
      ["over", T.period],
    ],
  }),
  p("target", T.quantity, "where the metric should be: `VALUE by PERIOD`", { modifiers: [["by", T.period]] }),
  p("cadence", e(...CADENCES), "how often the metric is refreshed and looked at"),
  list("inputs", ref("metric"), "the input metrics that drive this output", { variant: "output" }),
  list("levers", T.string, "what the team does to move this input", { variant: "input" }),
  p("count", ref("metric"), "the absolute-count companion of a rate"),
  list("phase", e("discover", "strategize", "define", "get_set", "grow", "monthly"), "the PMM phases where the metric matters"),
  list("deliverable", e(...DELIVERABLES), "the deliverable types the metric measures"),
  p("horizon", e("short", "long"), "short-term performance or long-term health (brand, next-year pipeline)"),
  list("aliases", T.string, "other names people use for the metric"),
  p("cumulative", T.bool, "a running total that only grows"),
  p("since", T.date, "when tracking of the metric started"),
  p("status", e("active", "proposed", "retired"), "whether the metric is in use"),
  p("replaced_by", ref("metric"), "the metric that replaces a retired one"),
];

/** The property table of every kind. */
export const KIND_SPECS: ReadonlyMap<KindSpec["kind"], KindSpec> = new Map(
  [
    table("blueprint", "the measurement blueprint: one per workspace", [
      p("maturity", { t: "int", min: 1, max: 5 }, "data maturity, 1 (spreadsheets) to 5 (warehouse and experiments)", { required: "always" }),
      p("sales_cycle", T.duration, "median time from opportunity to close", { required: "always" }),
      p("currency", { t: "currency" }, "ISO 4217 code of plain amounts (default USD)"),
      p("north_star", ref("metric"), "the north-star output metric"),
      p("source_of_truth", ref("source"), "the source every KPI should reach"),
      p("fiscal_year_start", { t: "month" }, "first month of the fiscal year, e.g. `2026-02`"),
      list("signoff", ref("team"), "teams that must agree on revenue and pipeline definitions"),
    ]),
    table("team", "a team that owns metrics or attends forums", [p("role", e(...ROLES), "what the team does", { required: "always" })]),
    table("source", "a data source", [
      p(
        "kind",
        e("crm", "product_analytics", "web_analytics", "ad_platform", "survey", "finance", "pmm_tool", "warehouse", "spreadsheet", "support_desk", "hr_system", "other"),
        "what kind of system it is",
        {
          required: "always",
        },
      ),
      p("refresh", e(...REFRESHES), "how often its data is refreshed"),
      p("feeds", ref("source"), "the source it loads into"),
      p("owner", ref("team"), "the team that owns the source"),
    ]),
    table("workstream", "a PMM workstream with its KPIs", [
      p("owner", ref("team"), "the team that runs the workstream", { required: "always" }),
      list("kpis", ref("metric"), "the workstream's KPIs (3–7)", { required: "always" }),
      list("deliverables", e(...DELIVERABLES), "what the workstream delivers"),
    ]),
    table("metric", "a metric of the constellation", METRIC_COMMON),
    table("tradeoff", "a primary metric and the guard watched opposite it", [
      p("why", T.string, "what the guard protects against"),
      p("limit", T.quantity, "the value the guard must stay within"),
    ]),
    table("okr", "an objective with 2–5 key results", [
      p("level", e("company", "team"), "company or team objective"),
      p("owner", ref("team"), "the team that owns the objective", { required: "always" }),
      p("period", T.period, "the period the objective runs over", { required: "always" }),
      p("kind", e("committed", "aspirational"), "committed (expected to score 1.0) or aspirational"),
      p("aligns", ref("okr"), "the company objective this one supports"),
    ]),
    table("attribution", "how credit for pipeline and revenue is assigned", [
      list("models", e("single_touch", "self_reported", "mta", "mmm", "incrementality"), "the attribution models blended", { required: "always" }),
      p("mta_method", e("first_touch", "last_touch", "linear", "position_based", "time_decay", "data_driven"), "how multi-touch attribution splits credit"),
      p("lookback", T.duration, "how far back touches count"),
      p("conversions", T.rate, "conversions per period available to the models"),
      p("history", T.duration, "how much spend history the marketing-mix model has"),
      p("annual_spend", T.money, "yearly marketing spend"),
      p("rationale", T.string, "why this blend fits the business"),
    ]),
    table("launch", "a launch with its tier and KPI levels", [
      p("tier", e("T0", "T1", "T2", "T3"), "launch tier, T0 (biggest) to T3", { required: "always" }),
      p("date", T.date, "go-live date", { required: "always" }),
      p("attribution", ref("attribution"), "the attribution plan the launch is measured with"),
      p("owner", ref("team"), "the team that runs the launch"),
      list("awareness", ref("metric"), "awareness-level metrics"),
      list("engagement", ref("metric"), "engagement-level metrics"),
      list("adoption", ref("metric"), "adoption-level metrics"),
      list("revenue", ref("metric"), "revenue-level metrics"),
    ]),
    table("forum", "a meeting where decisions are made", [
      p("every", e(...RHYTHMS), "how often it meets", { required: "always" }),
      p("day", e("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"), "the day it meets"),
      list("audience", ref("team"), "the teams that attend"),
      p("decides", T.string, "what the forum decides"),
    ]),
    table("report", "a pre-read that lands before a forum", [
      p("forum", ref("forum"), "the forum it feeds", { required: "always" }),
      p("lead", T.duration, "how long before the meeting it lands", { required: "always" }),
      list("metrics", ref("metric"), "the metrics it shows", { required: "always" }),
      p("owner", ref("team"), "the team that writes it"),
    ]),
    table("dashboard", "a dashboard with stakeholder views", [p("source", ref("source"), "the source the dashboard reads")]),
    table("experiment", "a test with its sample size", [
      p("metric", ref("metric"), "the metric the test moves", { required: "always" }),
      p("baseline", T.quantity, "the metric's current value (a percentage for proportions, a mean with `sd`)", { required: "always" }),
      p("expect", T.quantity, "the value hoped for"),
      p("mde", T.quantity, "minimum detectable effect: `1pp` absolute or `10%` relative to the baseline"),
      p("sd", T.quantity, "standard deviation; its presence selects the formula for means"),
      p("traffic", T.rate, "eligible traffic", { required: "always" }),
      p("arms", { t: "int", min: 2, max: 100 }, "number of arms (default 2)"),
      p("alpha", T.fraction, "significance level (default 0.05)"),
      p("power", T.fraction, "statistical power (default 0.8)"),
      p("holdout", T.percent, "long-term holdout share: `10% for 12mo`", { modifiers: [["for", T.duration]] }),
      p("status", e("planned", "running", "won", "lost", "shipped"), "where the test stands"),
    ]),
    table("review", "the cycle that reviews, retires and replaces metrics", [
      p("every", e(...RHYTHMS), "how often metrics are reviewed", { required: "always" }),
      p("owner", ref("team"), "the team that runs the review", { required: "always" }),
      p("last", T.date, "when the last review happened"),
      list("agreed_by", ref("team"), "the teams that agreed the `definitions` at this review"),
      list("definitions", ref("metric"), "metric definitions agreed at this review, once for them all (with `agreed_by`)"),
    ]),
    table("kr", "a key result: `kr METRIC: FROM -> TO by PERIOD` (or `-> TO`, `+15%`, `at most VALUE`, `done`)", [
      p("current", T.quantity, "the latest reading: `VALUE on DATE` (a milestone's: `done` or `pending` `on DATE`)", { modifiers: [["on", T.date]] }),
    ]),
    table("view", "a stakeholder view of a dashboard", [
      list("audience", ref("team"), "the teams the view is for"),
      list("metrics", ref("metric"), "the metrics the view shows (its KPIs)"),
      list("context", ref("metric"), "metrics shown beside them as context or guards, which the view does not make KPIs"),
    ]),
    table("catalog", "a `std` catalog entry", [
      ...METRIC_COMMON.filter((s) => !["type", "owner", "source", "agreed_by", "inputs", "levers", "count", "baseline", "target"].includes(s.name)).map(
        (s) => ({ ...s, required: undefined }) as PropertySpec,
      ),
      p("rate", T.bool, "the metric is a rate"),
      p("vanity", T.bool, "the metric is a vanity metric"),
    ]),
  ].map((k) => [k.kind, k]),
);

/** The table of a kind. */
export function kindSpec(kind: KindSpec["kind"]): KindSpec {
  return KIND_SPECS.get(kind)!;
}

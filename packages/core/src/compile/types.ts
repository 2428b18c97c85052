// The compiled blueprint's shape (README, Compiling for dashboards); blueprint-schema.ts publishes it as JSON Schema.

/** A plain number's unit: the literal's suffix, else the metric's unit, else `number`. */
export type PlainUnit = "count" | "percent" | "pp" | "ratio" | "score" | "multiple" | "number";

/** A number with its unit: plain, money (with its currency), a duration in days, or a rate per period. */
export type Quantity =
  | { readonly value: number; readonly unit: PlainUnit }
  | { readonly value: number; readonly unit: "currency"; readonly currency: string }
  | { readonly value: number; readonly unit: "days"; readonly as_written?: string }
  | { readonly value: number; readonly unit: "per_day" | "per_week" | "per_month" | "per_year" };

/** A span of days, both ends inclusive (ISO dates). */
export interface Period {
  readonly start: string;
  readonly end: string;
}

/** A formula as an expression tree. */
export type FormulaNode =
  | { readonly type: "metric"; readonly id: string }
  | { readonly type: "number"; readonly value: Quantity }
  | { readonly type: "neg"; readonly operand: FormulaNode }
  | { readonly type: "binary"; readonly op: "+" | "-" | "*" | "/"; readonly left: FormulaNode; readonly right: FormulaNode };

/** The `blueprint` section. */
export interface BlueprintInfo {
  readonly id: string | null;
  readonly name: string | null;
  readonly doc: string | null;
  readonly maturity: number | null;
  readonly sales_cycle: Quantity | null;
  readonly currency: string;
  readonly north_star: string | null;
  readonly source_of_truth: string | null;
  readonly fiscal_year_start: number;
  readonly signoff: readonly string[];
}

/** A metric of the constellation graph. */
export interface ConstellationNode {
  readonly metric: string;
  readonly name: string;
  readonly type: "output" | "input" | null;
  /** Fewest edges from an output metric down to this one (0 for outputs); null when no output reaches it. */
  readonly depth: number | null;
}

/** An edge of the constellation graph: `from` is driven by `to`. */
export interface ConstellationEdge {
  readonly from: string;
  readonly to: string;
  /** `inputs` (listed in `from`'s `inputs`) or `formula` (named in `from`'s formula). */
  readonly via: "inputs" | "formula";
}

/** A guard watched opposite a primary metric. */
export interface Guard {
  readonly metric: string;
  readonly name: string;
  readonly why: string | null;
  readonly limit: Quantity | null;
}

/** An output metric of the constellation. */
export interface ConstellationOutput {
  readonly metric: string;
  readonly name: string;
  readonly north_star: boolean;
  /** The metrics directly under it (its edges' targets, in order). */
  readonly inputs: readonly string[];
  readonly guards: readonly Guard[];
  readonly guards_for: readonly string[];
}

/** The `constellation` section (output 1). */
export interface Constellation {
  readonly north_star: string | null;
  readonly dimensions: readonly { readonly dimension: string | null; readonly outputs: readonly ConstellationOutput[] }[];
  readonly missing_dimensions: readonly string[];
  /** Every workspace metric once, in declaration order. */
  readonly nodes: readonly ConstellationNode[];
  /** Every `inputs` and formula edge once, by id. */
  readonly edges: readonly ConstellationEdge[];
  readonly tradeoffs: readonly { readonly primary: string; readonly guard: string; readonly why: string | null; readonly limit: Quantity | null }[];
}

/** A key result. */
export interface KeyResultOut {
  readonly form: "move" | "target" | "change" | "hold" | "milestone";
  /** The metric measured; null for a milestone. */
  readonly metric: string | null;
  /** A milestone's name; null for the other forms. */
  readonly milestone: string | null;
  readonly name: string;
  readonly from: Quantity | null;
  readonly to: Quantity | null;
  readonly change: { readonly value: Quantity; readonly relative: boolean } | null;
  readonly bound: "at_most" | "at_least" | null;
  readonly start: number | null;
  readonly goal: number | null;
  readonly by: Period | null;
  readonly current: Quantity | null;
  readonly current_on: string | null;
  /** Where `current` comes from: the key result's `current`, the latest warehouse reading in its period, or nowhere. */
  readonly current_source: "declared" | "readings" | null;
  readonly done: boolean | null;
  readonly score: number | null;
  readonly band: "red" | "yellow" | "green" | null;
}

/** An objective. */
export interface Objective {
  readonly id: string;
  readonly name: string | null;
  readonly doc: string | null;
  readonly level: string | null;
  readonly owner: string | null;
  readonly period: Period | null;
  readonly kind: string | null;
  readonly aligns: string | null;
  readonly score: number | null;
  readonly band: "red" | "yellow" | "green" | null;
  readonly key_results: readonly KeyResultOut[];
}

/** A node of the alignment tree. */
export interface AlignmentNode {
  readonly objective: string;
  readonly aligned: readonly AlignmentNode[];
}

/** The `okrs` section (output 2). */
export interface Okrs {
  readonly objectives: readonly Objective[];
  readonly alignment: readonly AlignmentNode[];
}

/** A baseline: value, the source it was read from, the period it covers. */
export interface Baseline {
  readonly value: Quantity | null;
  readonly source: string | null;
  readonly period: Period | null;
}

/** A target: value and the period it is due by. */
export interface Target {
  readonly value: Quantity | null;
  readonly by: Period | null;
}

/** A workspace metric with its properties resolved (catalog entry merged). */
export interface MetricOut {
  readonly id: string;
  readonly name: string;
  readonly doc: string | null;
  readonly from: string | null;
  readonly inherited: readonly string[];
  readonly type: "output" | "input" | null;
  readonly dimension: string | null;
  readonly dimensions: readonly string[];
  readonly traces: readonly string[];
  readonly unit: string | null;
  readonly direction: string | null;
  readonly owner: string | null;
  readonly source: string | null;
  readonly definition: string | null;
  readonly formula: FormulaNode | null;
  readonly formula_text: string | null;
  readonly measure: string | null;
  readonly agreed_by: readonly string[];
  readonly baseline: Baseline | null;
  readonly target: Target | null;
  readonly cadence: string | null;
  readonly inputs: readonly string[];
  readonly feeds: readonly string[];
  readonly levers: readonly string[];
  readonly count: string | null;
  readonly phase: readonly string[];
  readonly deliverable: readonly string[];
  readonly horizon: string | null;
  readonly aliases: readonly string[];
  readonly cumulative: boolean;
  readonly since: string | null;
  readonly status: string;
  readonly replaced_by: string | null;
  readonly rate: boolean;
  readonly vanity: boolean;
  readonly kpi: boolean;
  readonly workstreams: readonly string[];
}

/** A dashboard view. */
export interface ViewOut {
  readonly id: string;
  readonly name: string | null;
  readonly audience: readonly string[];
  readonly audience_roles: readonly string[];
  readonly metrics: readonly MetricOut[];
  /** Context and guard metrics shown beside them (not KPIs), by id. */
  readonly context: readonly string[];
}

/** A dashboard (output 3). */
export interface DashboardOut {
  readonly id: string;
  readonly name: string | null;
  readonly doc: string | null;
  readonly source: string | null;
  readonly views: readonly ViewOut[];
}

/** A report, the pre-read of a forum. */
export interface ReportOut {
  readonly id: string;
  readonly name: string | null;
  readonly doc: string | null;
  readonly forum: string | null;
  readonly lead: Quantity | null;
  readonly lead_hours: number | null;
  readonly owner: string | null;
  readonly metrics: readonly string[];
  readonly kpis: readonly string[];
}

/** A forum with its reports. */
export interface ForumOut {
  readonly id: string;
  readonly name: string | null;
  readonly doc: string | null;
  readonly every: string | null;
  readonly every_days: number | null;
  readonly day: string | null;
  readonly audience: readonly string[];
  readonly decides: string | null;
  readonly reports: readonly ReportOut[];
  readonly kpis: readonly string[];
}

/** A metric review cycle. */
export interface ReviewOut {
  readonly id: string;
  readonly name: string | null;
  readonly every: string | null;
  readonly every_days: number | null;
  readonly owner: string | null;
  readonly last: string | null;
  readonly next_due: string | null;
}

/** The `cadence` section (output 4). */
export interface Cadence {
  readonly forums: readonly ForumOut[];
  readonly unscheduled_reports: readonly ReportOut[];
  readonly reviews: readonly ReviewOut[];
  readonly unreviewed_kpis: readonly string[];
}

/** A declared attribution plan. */
export interface AttributionOut {
  readonly id: string;
  readonly name: string | null;
  readonly doc: string | null;
  readonly models: readonly string[];
  readonly mta_method: string | null;
  readonly lookback: Quantity | null;
  readonly conversions: Quantity | null;
  readonly history: Quantity | null;
  readonly annual_spend: Quantity | null;
  readonly rationale: string | null;
  readonly launches: readonly string[];
  readonly mismatch: {
    readonly missing_models: readonly string[];
    readonly extra_models: readonly string[];
    readonly mta_method: { readonly declared: string | null; readonly recommended: string } | null;
  } | null;
}

/** The decision table's cell for the blueprint's cycle and maturity. */
export interface Recommendation {
  readonly cycle_band: string;
  readonly maturity_band: string;
  readonly models: readonly string[];
  readonly mta_method: string | null;
  readonly note: string;
}

/** The `attribution` section (output 5). */
export interface Attribution {
  readonly plans: readonly AttributionOut[];
  readonly recommendation: Recommendation | null;
}

/** A launch with its metrics by level. */
export interface LaunchOut {
  readonly id: string;
  readonly name: string | null;
  readonly tier: string | null;
  readonly date: string | null;
  readonly owner: string | null;
  readonly attribution: string | null;
  readonly awareness: readonly string[];
  readonly engagement: readonly string[];
  readonly adoption: readonly string[];
  readonly revenue: readonly string[];
  readonly missing_levels: readonly string[];
}

/** The `deliverables` section (output 6). */
export interface Deliverables {
  readonly by_type: readonly { readonly type: string; readonly metrics: readonly string[]; readonly workstreams: readonly string[] }[];
  readonly by_launch_tier: readonly { readonly tier: string; readonly levels: readonly string[]; readonly launches: readonly LaunchOut[] }[];
  readonly workstreams: readonly {
    readonly id: string;
    readonly name: string | null;
    readonly owner: string | null;
    readonly deliverables: readonly string[];
    readonly kpis: readonly string[];
  }[];
}

/** A KPI's baseline and target (output 7), and its latest warehouse reading. */
export interface TargetOut {
  readonly metric: string;
  readonly name: string;
  readonly owner: string | null;
  readonly direction: string | null;
  readonly workstreams: readonly string[];
  readonly baseline: Baseline | null;
  readonly target: Target | null;
  readonly latest: LatestReading | null;
}

/** A metric's latest reading: the period's first day and the value in the metric's unit. */
export interface LatestReading {
  readonly date: string;
  readonly value: Quantity;
}

/** One metric's warehouse series. */
export interface ReadingsSeries {
  readonly metric: string;
  readonly points: readonly { readonly date: string; readonly value: number }[];
}

/** The `readings` section: the warehouse values given with `--readings`. */
export interface ReadingsOut {
  readonly grain: "day" | "week" | "month" | "quarter" | null;
  readonly series: readonly ReadingsSeries[];
}

/** A metric of a launch stage and how it is tracked. */
export interface LaunchMetric {
  readonly metric: string;
  readonly name: string;
  /** The metric's `since` date, if any. */
  readonly since: string | null;
  /** `before_launch` (tracked since on or before go-live), `after_launch`, or `unknown` (no `since`). */
  readonly tracking: "before_launch" | "after_launch" | "unknown";
  readonly latest: LatestReading | null;
}

/** One stage of the launch KPI hierarchy. */
export interface LaunchStage {
  readonly stage: "awareness" | "engagement" | "adoption" | "revenue";
  /** True when the launch's tier needs a metric at this stage. */
  readonly required: boolean;
  readonly metrics: readonly LaunchMetric[];
}

/** A launch as the report shows it. */
export interface LaunchReport {
  readonly id: string;
  readonly name: string | null;
  readonly doc: string | null;
  readonly tier: string | null;
  readonly date: string | null;
  readonly owner: string | null;
  readonly attribution: string | null;
  /** `upcoming` or `live` against `today`; null when the blueprint has no `today` or the launch no date. */
  readonly status: "upcoming" | "live" | null;
  readonly stages: readonly LaunchStage[];
  /** `tracked`: every stage the tier needs has a metric and none is tracked only from after go-live; otherwise `gaps`. */
  readonly tracking: "tracked" | "gaps";
}

/** An experiment with what it needs against the traffic it has. */
export interface ExperimentOut {
  readonly id: string;
  readonly name: string | null;
  /** The `##` doc comment: the hypothesis in the team's words. */
  readonly hypothesis: string | null;
  readonly metric: string | null;
  readonly metric_name: string | null;
  readonly baseline: Quantity | null;
  readonly expect: Quantity | null;
  readonly mde: Quantity | null;
  readonly traffic: Quantity | null;
  readonly sample_size: {
    readonly kind: "proportions" | "means";
    readonly per_arm: number;
    readonly arms: number;
    readonly total: number;
    readonly days: number;
    readonly alpha: number;
    readonly power: number;
  } | null;
  readonly holdout: { readonly share: Quantity | null; readonly duration: Quantity | null } | null;
  readonly status: string | null;
}

/** A data source and what needs it (output 8). */
export interface SourceOut {
  readonly id: string;
  readonly name: string | null;
  readonly doc: string | null;
  readonly kind: string | null;
  readonly refresh: string;
  readonly feeds: string | null;
  readonly fed_by: readonly string[];
  readonly owner: string | null;
  readonly reaches_source_of_truth: boolean;
  readonly metrics: readonly string[];
  readonly dashboards: readonly string[];
  readonly freshness_gaps: readonly { readonly metric: string; readonly cadence: string; readonly refresh: string }[];
}

/** The `integrations` section (output 8). */
export interface Integrations {
  readonly source_of_truth: string | null;
  readonly sources: readonly SourceOut[];
}

/** One finding, as `pmm check --format json` gives it (lines and columns 1-based). */
export interface Finding {
  readonly rule: string;
  readonly severity: "error" | "warning" | "info" | "hint";
  readonly message: string;
  readonly file: string | null;
  readonly line: number | null;
  readonly column: number | null;
  readonly declaration: string | null;
}

/** The `diagnostics` section. */
export interface DiagnosticsOut {
  readonly counts: { readonly error: number; readonly warning: number; readonly info: number; readonly hint: number };
  readonly by_rule: Readonly<Record<string, number>>;
  readonly findings: readonly Finding[];
}

/** The compiled blueprint of a workspace. */
export interface Blueprint {
  readonly $schema: string;
  readonly version: 2;
  readonly today?: string;
  readonly blueprint: BlueprintInfo;
  readonly constellation: Constellation;
  readonly okrs: Okrs;
  readonly dashboards: readonly DashboardOut[];
  readonly cadence: Cadence;
  readonly attribution: Attribution;
  readonly deliverables: Deliverables;
  readonly launches: readonly LaunchReport[];
  readonly experiments: readonly ExperimentOut[];
  readonly targets: readonly TargetOut[];
  readonly integrations: Integrations;
  readonly metrics: readonly MetricOut[];
  readonly readings: ReadingsOut | null;
  readonly diagnostics: DiagnosticsOut;
}

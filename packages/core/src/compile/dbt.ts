// `pmm export dbt`: dbt semantic-layer (MetricFlow) YAML — `metrics:` for the metrics that say how they are
// computed, `saved_queries:` for dashboard views and reports, and optionally stub `semantic_models:`.
// What maps to what, and why, is docs/dbt.md.
import { stringify } from "yaml";
import { DBT_RESERVED_NAMES, dbtName, isDbtName, measureProblem } from "../model/dbt-names.js";
import type { DbtSource } from "./compile.js";
import type { DbtManifest } from "./dbt-manifest.js";
import { dbtDefinition } from "./dbt-manifest.js";
import type { FormulaNode, MetricOut, Quantity } from "./types.js";

export { DBT_RESERVED_NAMES, dbtName, isDbtName, measureProblem };

/** A metric left out of the export, with the reason. */
export interface DbtSkip {
  readonly metric: string;
  readonly reason: string;
}

/** Something the export changed so that dbt accepts it (a reserved name, a repeated label), or left out. */
export interface DbtNote {
  /** The pmm id of the metric, view or report. */
  readonly subject: string;
  readonly note: string;
}

/** What `exportDbt` can add. */
export interface DbtExportOptions {
  /** Write stub `semantic_models:` for the measures the manifest lacks (every measure without a manifest). */
  readonly semanticModels?: boolean;
  /** The team's semantic manifest, when known. */
  readonly manifest?: DbtManifest | null;
}

/** A MetricFlow metric as exported. */
export interface DbtMetric {
  name: string;
  label: string;
  description?: string;
  type: "simple" | "ratio" | "derived" | "cumulative";
  type_params: Record<string, unknown>;
  time_granularity?: string;
  config: { meta: { pmm: Record<string, unknown> } };
}

/** The YAML text and what went into it. */
export interface DbtExport {
  readonly yaml: string;
  /** Exported dbt metric names, in workspace order. */
  readonly exported: readonly string[];
  /** Exported metrics by pmm id. */
  readonly metrics: ReadonlyMap<string, DbtMetric>;
  readonly skipped: readonly DbtSkip[];
  readonly notes: readonly DbtNote[];
  readonly savedQueries: readonly string[];
  readonly semanticModels: readonly string[];
  /** The exported formula metrics (pmm ids), each after every formula metric it names. */
  readonly formulaOrder: readonly string[];
}

/** MetricFlow's grain for a metric `cadence` (`time_granularity`). */
const CADENCE_GRAIN: ReadonlyMap<string, string> = new Map([
  ["daily", "day"],
  ["weekly", "week"],
  ["monthly", "month"],
  ["quarterly", "quarter"],
]);

/** MetricFlow's grain for a forum rhythm (a report's time grain). */
const RHYTHM_GRAIN: ReadonlyMap<string, string> = new Map([
  ["weekly", "week"],
  ["biweekly", "week"],
  ["monthly", "month"],
  ["quarterly", "quarter"],
  ["annually", "year"],
]);

/** Grains from finest to coarsest. */
const GRAIN_ORDER = ["day", "week", "month", "quarter", "year"];

/**
 * Text dbt keeps verbatim. dbt renders metric labels and `config.meta` as
 * Jinja when it parses, and descriptions later (dbt-core 1.11,
 * `parser/schema_renderer.py`); `{{`, `{%` and `{#` start Jinja, so text with
 * them goes inside `{% raw %}…{% endraw %}`. Text that itself holds `endraw`
 * is cut at each `{%`, which is written as the expression `{{ '{%' }}`.
 */
export function jinjaVerbatim(text: string): string {
  if (!/\{[{%#]/.test(text)) return text;
  if (!text.includes("endraw")) return `{% raw %}${text}{% endraw %}`;
  return text
    .split("{%")
    .map((piece) => (piece === "" ? "" : `{% raw %}${piece}{% endraw %}`))
    .join("{{ '{%' }}");
}

/** A number without binary noise (`14.3 / 100` is 0.143, not 0.14300000000000002). */
function clean(n: number): number {
  return Number(n.toPrecision(15));
}

/** A quantity's number in the export's convention: percent and percentage points as fractions (`40%` → 0.4). */
export function dbtNumber(q: Quantity): number {
  return q.unit === "percent" || q.unit === "pp" ? clean(q.value / 100) : q.value;
}

/** The metric ids a formula names, in order, each once. Recursion is bounded by the formula's nesting. */
function metricNames(node: FormulaNode, out: string[] = []): string[] {
  switch (node.type) {
    case "metric":
      if (!out.includes(node.id)) out.push(node.id);
      break;
    case "neg":
      metricNames(node.operand, out);
      break;
    case "binary":
      metricNames(node.left, out);
      metricNames(node.right, out);
      break;
    default:
      break;
  }
  return out;
}

/** Binding strength of an operator. */
function precedence(op: "+" | "-" | "*" | "/"): number {
  return op === "+" || op === "-" ? 1 : 2;
}

/** A number as SQL text (percent literals as fractions). */
function numberText(q: Quantity): string {
  return String(dbtNumber(q));
}

/**
 * A formula as a MetricFlow `expr` over dbt metric names. A negation of
 * anything but a name or a positive number is parenthesised: `--x` would be a
 * SQL comment.
 */
function exprText(node: FormulaNode, names: ReadonlyMap<string, string>): string {
  switch (node.type) {
    case "metric":
      return names.get(node.id)!;
    case "number":
      return numberText(node.value);
    case "neg": {
      const o = node.operand;
      const bare = o.type === "metric" || (o.type === "number" && dbtNumber(o.value) >= 0);
      return bare ? `-${exprText(o, names)}` : `-(${exprText(o, names)})`;
    }
    case "binary": {
      const p = precedence(node.op);
      const l = node.left.type === "binary" && precedence(node.left.op) < p ? `(${exprText(node.left, names)})` : exprText(node.left, names);
      // `a - -b` is valid SQL, but `a - (-b)` cannot turn into a comment however it is spaced.
      const negative = node.right.type === "neg" || (node.right.type === "number" && dbtNumber(node.right.value) < 0);
      const r = negative || (node.right.type === "binary" && precedence(node.right.op) <= p) ? `(${exprText(node.right, names)})` : exprText(node.right, names);
      return `${l} ${node.op} ${r}`;
    }
  }
}

/** What the export decides per metric: its dbt name, or why it is left out. */
export interface DbtPlan {
  readonly names: ReadonlyMap<string, string>;
  readonly reasons: ReadonlyMap<string, string>;
  readonly notes: readonly DbtNote[];
  /** The exported formula metrics, each after every formula metric it names. */
  readonly formulaOrder: readonly string[];
}

/**
 * Decides each metric's dbt name. Linear in the metrics and their formulas:
 * a metric whose formula names a metric that cannot be exported is dropped
 * through a worklist over the formula edges, never by rescanning.
 */
export function planDbt(metrics: readonly MetricOut[]): DbtPlan {
  const names = new Map<string, string>();
  const owner = new Map<string, string>();
  const reasons = new Map<string, string>();
  const notes: DbtNote[] = [];
  const known = new Set(metrics.map((m) => m.id));
  for (const m of metrics) {
    const problem = m.measure === null ? null : measureProblem(m.measure);
    if (m.status === "retired") reasons.set(m.id, "it is retired");
    else if (m.measure === null && m.formula === null) reasons.set(m.id, "it has no `measure` or `formula`");
    else if (problem !== null) reasons.set(m.id, `its measure ${problem}`);
    else if (m.measure === null && metricNames(m.formula!).length === 0) reasons.set(m.id, "its formula names no metric");
    else if (m.measure === null && m.cumulative) reasons.set(m.id, "it is `cumulative` with only a `formula`: MetricFlow accumulates a measure, so give it a `measure`");
    if (reasons.has(m.id)) continue;
    let name = dbtName(m.id);
    if (DBT_RESERVED_NAMES.has(name)) {
      notes.push({ subject: m.id, note: `exported as \`${name}_metric\`: MetricFlow reserves \`${name}\`` });
      name = `${name}_metric`;
    }
    const taken = owner.get(name);
    if (taken !== undefined) {
      reasons.set(m.id, `its dbt name \`${name}\` is already taken by \`${taken}\``);
      continue;
    }
    owner.set(name, m.id);
    names.set(m.id, name);
  }
  // A formula metric needs every metric it names: drop the ones that cannot have them, following the edges once.
  const users = new Map<string, string[]>();
  const queue: string[] = [];
  const formulaOf = new Map<string, readonly string[]>();
  for (const m of metrics) {
    if (!names.has(m.id) || m.measure !== null) continue;
    const used = metricNames(m.formula!);
    formulaOf.set(m.id, used);
    for (const n of used) {
      const list = users.get(n);
      if (list) list.push(m.id);
      else users.set(n, [m.id]);
      if (!names.has(n)) queue.push(m.id);
    }
  }
  const dropped = new Set<string>();
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    if (dropped.has(id)) continue;
    dropped.add(id);
    names.delete(id);
    for (const u of users.get(id) ?? []) if (!dropped.has(u)) queue.push(u);
  }
  for (const id of dropped) {
    const missing = formulaOf.get(id)!.find((n) => !names.has(n))!;
    reasons.set(id, known.has(missing) ? `its formula uses \`${missing}\`, which cannot be exported` : `its formula uses \`${missing}\`, which is not a workspace metric`);
  }
  // The formula metrics in dependency order (Kahn's algorithm over the same edges): what is left is a cycle, which
  // dbt refuses, or depends on one. `check` reports formula cycles (`input-cycle`); only `--force` gets this far.
  const pending = new Map<string, number>();
  const order: string[] = [];
  for (const [id, used] of formulaOf) {
    if (!names.has(id)) continue;
    const waits = used.filter((n) => formulaOf.has(n)).length;
    pending.set(id, waits);
    if (waits === 0) order.push(id);
  }
  for (let i = 0; i < order.length; i++) {
    for (const u of users.get(order[i]!) ?? []) {
      const left = pending.get(u);
      if (left === undefined) continue;
      pending.set(u, left - 1);
      if (left === 1) order.push(u);
    }
  }
  if (order.length < pending.size) {
    const placed = new Set(order);
    for (const id of pending.keys()) {
      if (placed.has(id)) continue;
      names.delete(id);
      reasons.set(id, "its formula is part of a cycle of formulas, or uses one");
    }
  }
  return { names, reasons, notes, formulaOrder: order };
}

/** `config.meta.pmm` of a metric: where it comes from in pmm (only the properties it has). */
function pmmMeta(m: MetricOut): Record<string, unknown> {
  const meta: Record<string, unknown> = { id: m.id };
  for (const [key, value] of [
    ["owner", m.owner],
    ["type", m.type],
    ["dimension", m.dimension],
    ["unit", m.unit],
    ["direction", m.direction],
    ["source", m.source],
  ] as const) {
    if (value !== null) meta[key] = value;
  }
  if (m.baseline?.value) {
    meta["baseline"] = {
      ...quantityMeta(m.baseline.value),
      ...(m.baseline.source !== null ? { source: m.baseline.source } : {}),
      ...(m.baseline.period ? { start: m.baseline.period.start, end: m.baseline.period.end } : {}),
    };
  }
  if (m.target?.value) meta["target"] = { ...quantityMeta(m.target.value), ...(m.target.by ? { by: m.target.by.end } : {}) };
  return meta;
}

function quantityMeta(q: Quantity): Record<string, unknown> {
  return { value: dbtNumber(q), unit: q.unit, ...("currency" in q ? { currency: q.currency } : {}) };
}

/** One metric's MetricFlow entry. */
function dbtMetric(m: MetricOut, name: string, label: string, names: ReadonlyMap<string, string>): DbtMetric {
  const description = m.definition ?? m.doc ?? undefined;
  const grain = m.cadence === null ? undefined : CADENCE_GRAIN.get(m.cadence);
  const base = { name, label: jinjaVerbatim(label), ...(description !== undefined ? { description: jinjaVerbatim(description) } : {}) };
  const tail = { ...(grain !== undefined ? { time_granularity: grain } : {}), config: { meta: { pmm: pmmMeta(m) } } };
  if (m.measure !== null && m.cumulative) {
    return { ...base, type: "cumulative", type_params: { measure: m.measure, cumulative_type_params: { period_agg: "last" } }, ...tail };
  }
  if (m.measure !== null) return { ...base, type: "simple", type_params: { measure: m.measure }, ...tail };
  const f = m.formula!;
  if (f.type === "binary" && f.op === "/" && f.left.type === "metric" && f.right.type === "metric") {
    return { ...base, type: "ratio", type_params: { numerator: names.get(f.left.id)!, denominator: names.get(f.right.id)! }, ...tail };
  }
  return { ...base, type: "derived", type_params: { expr: exprText(f, names), metrics: metricNames(f).map((n) => ({ name: names.get(n)! })) }, ...tail };
}

/** The comparable definition of an exported metric (see `dbtDefinition`). */
export function exportedDefinition(metric: DbtMetric): string {
  const p = metric.type_params as { measure?: string; numerator?: string; denominator?: string; expr?: string };
  return dbtDefinition(metric.type, p);
}

/** A saved query as exported. */
interface DbtSavedQuery {
  name: string;
  label: string;
  description: string;
  query_params: { metrics: string[]; group_by: string[] };
  config: { meta: { pmm: Record<string, string> } };
}

/** A `group_by` item: metric time at a grain. */
function timeGroup(grain: string): string {
  return `TimeDimension('metric_time', '${grain}')`;
}

/**
 * Dashboard views and reports as saved queries: a report groups its metrics
 * by its forum's rhythm (weekly → week), a view by the coarsest `cadence` of
 * its exported metrics (month when none has one).
 */
function savedQueries(source: DbtSource, names: ReadonlyMap<string, string>, notes: DbtNote[]): DbtSavedQuery[] {
  const out: DbtSavedQuery[] = [];
  const taken = new Map<string, string>();
  const cadenceOf = new Map(source.metrics.map((m) => [m.id, m.cadence]));
  const add = (subject: string, wanted: string, label: string, description: string, metricIds: readonly string[], grain: string, meta: Record<string, string>): void => {
    const metrics = metricIds.map((id) => names.get(id)).filter((n): n is string => n !== undefined);
    if (metrics.length === 0) {
      notes.push({ subject, note: "no saved query: none of its metrics is exported" });
      return;
    }
    let name = dbtName(wanted);
    if (DBT_RESERVED_NAMES.has(name)) name = `${name}_query`;
    const other = taken.get(name);
    if (other !== undefined) {
      notes.push({ subject, note: `no saved query: its dbt name \`${name}\` is already taken by \`${other}\`` });
      return;
    }
    taken.set(name, subject);
    out.push({
      name,
      label: jinjaVerbatim(label),
      description: jinjaVerbatim(description),
      query_params: { metrics, group_by: [timeGroup(grain)] },
      config: { meta: { pmm: meta } },
    });
  };
  for (const d of source.dashboards) {
    for (const v of d.views) {
      const ids = v.metrics.map((m) => m.id);
      const grains = ids
        .filter((id) => names.has(id))
        .map((id) => cadenceOf.get(id))
        .map((c) => (c === null || c === undefined ? undefined : CADENCE_GRAIN.get(c)));
      const grain =
        grains.reduce<string | undefined>((a, g) => (g === undefined ? a : a === undefined || GRAIN_ORDER.indexOf(g) > GRAIN_ORDER.indexOf(a) ? g : a), undefined) ?? "month";
      const title = `${d.name ?? d.id}: ${v.name ?? v.id}`;
      add(`${d.id}.${v.id}`, `${d.id}_${v.id}`, title, `The \`${v.id}\` view of dashboard \`${d.id}\`, by ${grain}`, ids, grain, { dashboard: d.id, view: v.id });
    }
  }
  const reports = [...source.cadence.forums.flatMap((f) => f.reports.map((r) => ({ r, every: f.every }))), ...source.cadence.unscheduled_reports.map((r) => ({ r, every: null }))];
  for (const { r, every } of reports) {
    const grain = (every === null ? undefined : RHYTHM_GRAIN.get(every)) ?? "month";
    const forum = r.forum === null ? "" : ` for forum \`${r.forum}\``;
    add(r.id, r.id, r.name ?? r.id, `Report \`${r.id}\`${forum}, by ${grain}`, r.metrics, grain, { report: r.id, ...(r.forum !== null ? { forum: r.forum } : {}) });
  }
  return out;
}

/** A stub semantic model for measures the dbt project lacks. */
interface DbtSemanticModel {
  name: string;
  description: string;
  model: string;
  primary_entity: string;
  defaults: { agg_time_dimension: string };
  dimensions: Array<{ name: string; type: "time"; type_params: { time_granularity: "day" } }>;
  measures: Array<{ name: string; agg: string; expr: string; description?: string }>;
}

/** The aggregation a stub measure starts with: rates average, everything else sums. */
function stubAgg(m: MetricOut): string {
  return m.rate || m.unit === "percent" || m.unit === "ratio" || m.unit === "score" ? "average" : "sum";
}

/** Stub semantic models, one per pmm source, for the exported measures the manifest lacks. */
function semanticModels(source: DbtSource, names: ReadonlyMap<string, string>, manifest: DbtManifest | null): DbtSemanticModel[] {
  const bySource = new Map<string, DbtSemanticModel>();
  const seen = new Set<string>();
  for (const m of source.metrics) {
    if (!names.has(m.id) || m.measure === null || seen.has(m.measure) || manifest?.measures.has(m.measure)) continue;
    seen.add(m.measure);
    const key = m.source ?? "pmm_measures";
    let model = bySource.get(key);
    if (!model) {
      const name = dbtName(key);
      model = {
        name: DBT_RESERVED_NAMES.has(name) ? `${name}_model` : name,
        description: `Stub written by \`pmm export dbt --semantic-models\` for the measures pmm names and the dbt project lacks: point \`model\` at the dbt model that holds them, then check each \`agg\` and \`expr\``,
        model: `ref('${dbtName(key)}')`,
        primary_entity: DBT_RESERVED_NAMES.has(name) ? `${name}_model` : name,
        defaults: { agg_time_dimension: "metric_date" },
        dimensions: [{ name: "metric_date", type: "time", type_params: { time_granularity: "day" } }],
        measures: [],
      };
      bySource.set(key, model);
    }
    const description = m.definition ?? undefined;
    model.measures.push({ name: m.measure, agg: stubAgg(m), expr: m.measure, ...(description !== undefined ? { description: jinjaVerbatim(description) } : {}) });
  }
  return [...bySource.values()];
}

/**
 * Exports the workspace's metrics to MetricFlow: a `measure` gives a simple
 * metric (`cumulative` with `cumulative: true`); a formula `a / b` over two
 * metrics a ratio; any other formula a derived metric. A formula metric is
 * exported only when every metric it names is; retired metrics are left out.
 * Pure and deterministic.
 */
export function exportDbt(source: DbtSource, options: DbtExportOptions = {}): DbtExport {
  const plan = planDbt(source.metrics);
  const notes = [...plan.notes];
  const metrics: DbtMetric[] = [];
  const byId = new Map<string, DbtMetric>();
  const labels = new Map<string, string>();
  for (const m of source.metrics) {
    const name = plan.names.get(m.id);
    if (name === undefined) continue;
    // MetricFlow refuses two metrics with one label (`MetricLabelsRule`): the later one carries its name.
    let label = m.name;
    for (let n = 1; labels.has(label); n++) label = n === 1 ? `${m.name} (${name})` : `${m.name} (${name} ${n})`;
    if (label !== m.name) notes.push({ subject: m.id, note: `labelled \`${label}\`: \`${labels.get(m.name)}\` already uses the label \`${m.name}\`` });
    labels.set(label, m.id);
    const metric = dbtMetric(m, name, label, plan.names);
    metrics.push(metric);
    byId.set(m.id, metric);
  }
  const queries = savedQueries(source, plan.names, notes);
  const models = options.semanticModels ? semanticModels(source, plan.names, options.manifest ?? null) : [];
  const header = `# dbt semantic-layer metrics generated by \`pmm export dbt\`${source.blueprint.id ? ` from blueprint \`${source.blueprint.id}\`` : ""}; edit the .pmm files, not this file.\n`;
  const doc: Record<string, unknown> = { version: 2 };
  if (models.length > 0) doc["semantic_models"] = models;
  doc["metrics"] = metrics;
  if (queries.length > 0) doc["saved_queries"] = queries;
  // dbt reads YAML 1.1 (PyYAML): writing 1.1 quotes the strings it would read as dates or booleans (`2026-04-01`, `yes`).
  const yaml = header + stringify(doc, { lineWidth: 0, version: "1.1" });
  return {
    yaml,
    exported: metrics.map((m) => m.name),
    metrics: byId,
    skipped: source.metrics.filter((m) => plan.reasons.has(m.id)).map((m) => ({ metric: m.id, reason: plan.reasons.get(m.id)! })),
    notes,
    savedQueries: queries.map((q) => q.name),
    semanticModels: models.map((m) => m.name),
    formulaOrder: plan.formulaOrder,
  };
}

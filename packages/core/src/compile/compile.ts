// The blueprint builder: a resolved program and its diagnostics → the JSON blueprint (docs/blueprint.schema.json; README, Compiling for dashboards).
import type { DeclKind, Declaration, Expr, KeyResult, Literal, Property } from "../ast/nodes.js";
import { compareDiagnostics, type Diagnostic } from "../diagnostics.js";
import { DELIVERABLES } from "../schema/kinds.js";
import { recommendAttribution } from "../model/attribution-recommendation.js";
import { agreedTeams } from "../model/agreements.js";
import { experimentSampleSize } from "../model/experiment.js";
import { baselineOf, scoreKeyResult, scoreObjective, type KeyResultReading } from "../model/okr-scores.js";
import type { ReadingPoint, Readings } from "../model/readings.js";
import { audienceRoles } from "../model/audience.js";
import { blueprintCurrency, maturity, salesCycle } from "../model/blueprint.js";
import { CADENCE_DAYS, RHYTHM_DAYS } from "../model/cadence.js";
import { DIMENSIONS } from "../model/dimensions.js";
import { fiscalStartMonth } from "../model/fiscal.js";
import { signoffTeams } from "../model/signoff.js";
import { refreshDays, sourceOfTruth, sourcesReaching } from "../model/sources.js";
import { addDays, isIsoDate, periodRange } from "../workspace/periods.js";
import type { MetricModel } from "../workspace/metrics.js";
import type { Program } from "../workspace/program.js";
import { asLiteral, boolOf, identsOf, literalOf, modifierOf, namesIn, phraseOf, phrases, stringOf, wordOf, wordsOf } from "../workspace/values.js";
import { BLUEPRINT_SCHEMA_ID } from "./blueprint-schema.js";
import { formulaText } from "./formula-text.js";
import type {
  AlignmentNode,
  Attribution,
  AttributionOut,
  Baseline,
  Blueprint,
  BlueprintInfo,
  Cadence,
  Constellation,
  ConstellationOutput,
  DashboardOut,
  Deliverables,
  DiagnosticsOut,
  ExperimentOut,
  Finding,
  FormulaNode,
  ForumOut,
  Guard,
  ConstellationEdge,
  ConstellationNode,
  Integrations,
  LatestReading,
  LaunchMetric,
  LaunchOut,
  LaunchReport,
  MetricOut,
  Objective,
  Okrs,
  Period,
  Quantity,
  ReadingsOut,
  ReportOut,
  SourceOut,
  Target,
  TargetOut,
} from "./types.js";

/** Options of a compile. */
export interface CompileOptions {
  /** Written into the blueprint as `today` when given (otherwise the output carries no date). */
  readonly today?: string;
  /** Warehouse readings (`--readings`, parsed by `parseReadings`): series per metric id. */
  readonly readings?: Pick<Readings, "grain" | "series">;
}

/** The launch levels each tier needs (docs/rules/launch-tier-kpis.md). */
const TIER_LEVELS: ReadonlyMap<string, readonly string[]> = new Map([
  ["T0", ["awareness", "engagement", "adoption", "revenue"]],
  ["T1", ["engagement", "adoption", "revenue"]],
  ["T2", ["adoption"]],
  ["T3", []],
]);

/** The statuses an experiment takes (a misspelt one compiles as null under `--force`). */
const EXPERIMENT_STATUS = ["planned", "running", "won", "lost", "shipped"] as const;

/** Launch levels in hierarchy order. */
const LEVELS = ["awareness", "engagement", "adoption", "revenue"] as const;

/** Units a metric's plain numbers take from its `unit`. */
const METRIC_UNITS: ReadonlySet<string> = new Set(["count", "percent", "ratio", "score"]);

/** A number without float noise (`41.6M` → 41600000, not 41600000.00000001). */
/**
 * A date the blueprint can hold: a real calendar day from 0000-01-01 to
 * 9999-12-31, else null. `compile --force` may meet `2026-02-30` (a syntax
 * error), and a review done on 9999-12-31 would be due in year 10000.
 */
function calendarDate(s: string | null): string | null {
  return s !== null && isIsoDate(s) ? s : null;
}

function clean(n: number): number {
  return Number.isFinite(n) ? Number(n.toPrecision(12)) : 0;
}

/** A score rounded to four places. */
function roundScore(n: number | null): number | null {
  return n === null ? null : Math.round(n * 10_000) / 10_000;
}

/** Distinct strings in first-seen order. */
function distinct(items: Iterable<string>): string[] {
  return [...new Set(items)];
}

/** The compile state shared by the section builders. */
class Compiler {
  readonly currency: string;
  readonly fiscal: number;
  private readonly metricCache = new Map<MetricModel, MetricOut>();
  private readonly workstreamsOf = new Map<string, string[]>();

  constructor(
    readonly program: Program,
    readonly diagnostics: readonly Diagnostic[],
    readonly series: ReadonlyMap<string, readonly ReadingPoint[]> = new Map(),
    readonly today: string | undefined = undefined,
  ) {
    this.currency = blueprintCurrency(program);
    this.fiscal = fiscalStartMonth(program);
    for (const w of this.unique("workstream")) {
      for (const k of identsOf(program.prop(w, "kpis"))) {
        const list = this.workstreamsOf.get(k.name);
        if (list) {
          if (!list.includes(w.id!.name)) list.push(w.id!.name);
        } else this.workstreamsOf.set(k.name, [w.id!.name]);
      }
    }
  }

  /** Declarations of a kind that own their id (the first of duplicates), in file order. */
  unique(kind: Declaration["kind"]): Declaration[] {
    return this.program.ofKind(kind).filter((d) => d.id !== null && this.program.byId.get(d.id.name)?.[0] === d);
  }

  /** Names of a reference property that resolve to a declaration of the kind. */
  refs(prop: Property | undefined, kind: DeclKind): string[] {
    return distinct(
      identsOf(prop)
        .filter((i) => this.program.lookupKind(i.name, kind) !== undefined)
        .map((i) => i.name),
    );
  }

  /** The name of a single reference property when it resolves to the kind. */
  ref(prop: Property | undefined, kind: DeclKind): string | null {
    return this.refs(prop, kind)[0] ?? null;
  }

  /** Metric names of a list property that resolve to workspace metrics. */
  metricRefs(prop: Property | undefined): string[] {
    return distinct(
      identsOf(prop)
        .filter((i) => this.program.metric(i.name) !== undefined)
        .map((i) => i.name),
    );
  }

  /** The string items of a list property. */
  strings(prop: Property | undefined): string[] {
    const out: string[] = [];
    for (const ph of phrases(prop?.value)) {
      const lit = asLiteral(ph.expr);
      if (lit?.type === "string") out.push(lit.value);
    }
    return out;
  }

  /** A value with its unit; plain numbers take the metric's unit (`unit`), money the blueprint currency. */
  quantity(expr: Expr | null | undefined, unit?: string): Quantity | null {
    const lit: Literal | undefined = asLiteral(expr);
    if (!lit) return null;
    switch (lit.type) {
      case "number": {
        const value = clean(lit.value);
        if (lit.unit === "percent") return { value, unit: "percent" };
        if (lit.unit === "pp") return { value, unit: "pp" };
        if (lit.unit === "multiple") return { value, unit: "multiple" };
        if (unit === "currency") return { value, unit: "currency", currency: this.currency };
        if (unit === "duration") return { value, unit: "days" };
        if (unit !== undefined && METRIC_UNITS.has(unit)) return { value, unit: unit as "count" | "percent" | "ratio" | "score" };
        return { value, unit: "number" };
      }
      case "money":
        return { value: clean(lit.value), unit: "currency", currency: lit.currency };
      case "duration":
        return { value: clean(lit.days), unit: "days", as_written: lit.raw };
      case "rate":
        return { value: clean(lit.amount), unit: `per_${lit.per}` };
      default:
        return null;
    }
  }

  /** The days a period or date expression stands for (null when they fall outside years 0000–9999). */
  period(expr: Expr | null | undefined): Period | null {
    const r = periodRange(expr ?? undefined, this.fiscal);
    return r && calendarDate(r.start) !== null && calendarDate(r.end) !== null ? { start: r.start, end: r.end } : null;
  }

  /** The ISO date of a date literal (null for one that is not a calendar date, which `check` reports). */
  date(prop: Property | undefined): string | null {
    const lit = literalOf(prop);
    return lit?.type === "date" ? calendarDate(lit.iso) : null;
  }

  // ---------------------------------------------------------------- metrics

  /** A metric's resolved properties (built once, shared by every section that inlines it). */
  metric(m: MetricModel): MetricOut {
    const hit = this.metricCache.get(m);
    if (hit) return hit;
    const program = this.program;
    const unit = m.word("unit");
    const inherited = m.entry
      ? distinct(m.entry.properties.map((p) => p.name.name).filter((n) => n !== "rate" && n !== "vanity" && m.own(n) === undefined && (n !== "formula" || m.formula !== undefined)))
      : [];
    const formula = m.formula;
    const out: MetricOut = {
      id: m.id,
      name: m.displayName,
      doc: m.decl.doc ?? null,
      from: m.entry ? `std.${m.entry.id!.name}` : null,
      inherited,
      type: m.type ?? null,
      dimension: m.word("dimension") ?? null,
      dimensions: program.dimensionsOf(m),
      traces: [...m.words("traces")],
      unit: unit ?? null,
      direction: m.word("direction") ?? null,
      owner: this.ref(m.prop("owner"), "team"),
      source: this.ref(m.prop("source"), "source"),
      definition: m.definition ?? null,
      formula: formula ? this.formula(formula) : null,
      formula_text: formula ? formulaText(formula) : null,
      measure: stringOf(m.prop("measure")) ?? null,
      agreed_by: agreedTeams(this.program, m.id, this.refs(m.prop("agreed_by"), "team")),
      baseline: this.baseline(m),
      target: this.target(m),
      cadence: m.word("cadence") ?? null,
      inputs: m.inputs.map((i) => i.id).filter((id, i, all) => all.indexOf(id) === i),
      feeds: distinct(program.outputsFeeding(m).map((o) => o.id)),
      levers: this.strings(m.prop("levers")),
      count: this.metricRefs(m.prop("count"))[0] ?? null,
      phase: [...m.words("phase")],
      deliverable: [...m.words("deliverable")],
      horizon: m.word("horizon") ?? null,
      aliases: this.strings(m.prop("aliases")),
      cumulative: boolOf(m.prop("cumulative")) ?? false,
      since: this.date(m.prop("since")),
      status: m.word("status") ?? "active",
      replaced_by: this.metricRefs(m.prop("replaced_by"))[0] ?? null,
      rate: m.rateFlag,
      vanity: m.vanityFlag,
      kpi: program.isKpi(m),
      workstreams: this.workstreamsOf.get(m.id) ?? [],
    };
    this.metricCache.set(m, out);
    return out;
  }

  /** A formula as a tree (parentheses dropped: the tree carries the grouping). */
  formula(expr: Expr): FormulaNode {
    switch (expr.type) {
      case "name":
        return { type: "metric", id: expr.name };
      case "paren":
        return this.formula(expr.inner);
      case "neg": {
        const lit = asLiteral(expr);
        return lit ? { type: "number", value: this.quantity(lit) ?? { value: 0, unit: "number" } } : { type: "neg", operand: this.formula(expr.operand) };
      }
      case "binary":
        return { type: "binary", op: expr.op, left: this.formula(expr.left), right: this.formula(expr.right) };
      default:
        return { type: "number", value: this.quantity(expr) ?? { value: 0, unit: "number" } };
    }
  }

  baseline(m: MetricModel): Baseline | null {
    const ph = phraseOf(m.prop("baseline"));
    if (!ph) return null;
    const from = modifierOf(ph, "from");
    const source = from?.type === "name" && this.program.lookupKind(from.name, "source") ? from.name : null;
    return { value: this.quantity(ph.expr, m.word("unit")), source, period: this.period(modifierOf(ph, "over")) };
  }

  target(m: MetricModel): Target | null {
    const ph = phraseOf(m.prop("target"));
    if (!ph) return null;
    return { value: this.quantity(ph.expr, m.word("unit")), by: this.period(modifierOf(ph, "by")) };
  }

  // -------------------------------------------------------------- sections

  blueprintInfo(): BlueprintInfo {
    const bp = this.program.blueprint;
    const p = (name: string): Property | undefined => (bp ? this.program.prop(bp, name) : undefined);
    const cycle = salesCycle(this.program);
    return {
      id: bp?.id?.name ?? null,
      name: bp?.title?.value ?? null,
      doc: bp?.doc ?? null,
      maturity: maturity(this.program) ?? null,
      sales_cycle: cycle ? { value: clean(cycle.days), unit: "days", as_written: cycle.raw } : null,
      currency: this.currency,
      north_star: this.metricRefs(p("north_star"))[0] ?? null,
      source_of_truth: this.ref(p("source_of_truth"), "source"),
      fiscal_year_start: this.fiscal,
      signoff: signoffTeams(this.program).map((t) => t.id!.name),
    };
  }

  constellation(northStar: string | null): Constellation {
    const outputs = [...this.program.metrics.values()].filter((m) => m.type === "output");
    const tradeoffs = this.program
      .ofKind("tradeoff")
      .filter((t) => t.primary && t.guard && this.program.metric(t.primary.name) && this.program.metric(t.guard.name))
      .map((t) => {
        const guard = this.program.metric(t.guard!.name)!;
        const limitPh = phraseOf(this.program.prop(t, "limit"));
        return {
          primary: t.primary!.name,
          guard: t.guard!.name,
          why: stringOf(this.program.prop(t, "why")) ?? null,
          limit: limitPh ? this.quantity(limitPh.expr, guard.word("unit")) : null,
        };
      });
    const { nodes, edges, children } = this.graph();
    const group = (dimension: string | null): ConstellationOutput[] =>
      outputs
        .filter((m) => (dimension === null ? !DIMENSIONS.includes(m.word("dimension") ?? "") : m.word("dimension") === dimension))
        .map((m) => ({
          metric: m.id,
          name: m.displayName,
          north_star: m.id === northStar,
          inputs: children.get(m.id) ?? [],
          guards: tradeoffs.filter((t) => t.primary === m.id).map((t): Guard => ({ metric: t.guard, name: this.program.metric(t.guard)!.displayName, why: t.why, limit: t.limit })),
          guards_for: distinct(tradeoffs.filter((t) => t.guard === m.id).map((t) => t.primary)),
        }));
    const dimensions: Constellation["dimensions"][number][] = DIMENSIONS.map((d) => ({ dimension: d, outputs: group(d) }));
    const stray = group(null);
    if (stray.length > 0) dimensions.push({ dimension: null, outputs: stray });
    return {
      north_star: northStar,
      dimensions,
      missing_dimensions: dimensions.filter((d) => d.dimension !== null && d.outputs.length === 0).map((d) => d.dimension!),
      nodes,
      edges,
      tradeoffs,
    };
  }

  /**
   * The constellation as one graph: every metric once, every edge once (a
   * metric's `inputs`, then the metrics its formula names), and each metric's
   * depth below the nearest output by a breadth-first walk — linear in
   * metrics and edges, with no recursion, however long a chain is.
   */
  graph(): { nodes: ConstellationNode[]; edges: ConstellationEdge[]; children: Map<string, string[]> } {
    const metrics = [...this.program.metrics.values()];
    const edges: ConstellationEdge[] = [];
    const children = new Map<string, string[]>();
    for (const m of metrics) {
      const listed = new Set<string>();
      const add = (to: MetricModel, via: ConstellationEdge["via"]): void => {
        if (to.id === m.id || listed.has(to.id)) return;
        listed.add(to.id);
        edges.push({ from: m.id, to: to.id, via });
      };
      for (const i of m.inputs) add(i, "inputs");
      for (const n of namesIn(m.formula)) {
        const f = this.program.metric(n.name);
        if (f) add(f, "formula");
      }
      children.set(m.id, [...listed]);
    }
    const depth = new Map<string, number>();
    const queue: string[] = [];
    for (const m of metrics) if (m.type === "output") depth.set(m.id, 0), queue.push(m.id);
    for (let head = 0; head < queue.length; head++) {
      const id = queue[head]!;
      const d = depth.get(id)! + 1;
      for (const c of children.get(id) ?? []) if (!depth.has(c)) depth.set(c, d), queue.push(c);
    }
    const nodes = metrics.map((m): ConstellationNode => ({ metric: m.id, name: m.displayName, type: m.type ?? null, depth: depth.get(m.id) ?? null }));
    return { nodes, edges, children };
  }

  okrs(): Okrs {
    const baselines = baselineOf(this.program);
    const objectives: Objective[] = this.unique("okr").map((o) => {
      const period = this.period(phraseOf(this.program.prop(o, "period"))?.expr);
      const readingOf = (kr: KeyResult): KeyResultReading | undefined =>
        kr.form === "milestone" ? undefined : this.readingIn(kr.metric.name, this.period(kr.by?.value) ?? period);
      const score = scoreObjective(o, baselines, readingOf);
      return {
        id: o.id!.name,
        name: o.title?.value ?? null,
        doc: o.doc ?? null,
        level: wordOf(this.program.prop(o, "level")) ?? null,
        owner: this.ref(this.program.prop(o, "owner"), "team"),
        period,
        kind: wordOf(this.program.prop(o, "kind")) ?? null,
        aligns: this.ref(this.program.prop(o, "aligns"), "okr"),
        score: roundScore(score.score),
        band: score.band,
        key_results: o.keyResults.map((kr) => {
          const milestone = kr.form === "milestone";
          const m = milestone ? undefined : this.program.metric(kr.metric.name);
          const unit = m?.word("unit");
          const reading = readingOf(kr);
          const s = scoreKeyResult(kr, baselines(kr.metric.name), reading);
          const currentPh = phraseOf(kr.properties.find((p) => p.name.name === "current"));
          const declared = kr.properties.some((p) => p.name.name === "current");
          const current = milestone ? null : currentPh ? this.quantity(currentPh.expr, unit) : !declared && reading && m ? this.readingQuantity(m, reading.value) : null;
          const amount = kr.change ? this.quantity(kr.change, unit) : null;
          const changeLit = asLiteral(kr.change);
          return {
            form: kr.form,
            metric: milestone ? null : kr.metric.name,
            milestone: milestone ? kr.metric.name : null,
            name: kr.title?.value ?? m?.displayName ?? kr.metric.name,
            from: this.quantity(kr.from, unit),
            to: this.quantity(kr.to, unit),
            change: amount
              ? { value: { ...amount, value: kr.sign === "-" ? -amount.value : amount.value }, relative: changeLit?.type === "number" && changeLit.unit === "percent" }
              : null,
            bound: kr.bound,
            start: s.start === null ? null : clean(s.start),
            goal: s.goal === null ? null : clean(s.goal),
            by: this.period(kr.by?.value),
            current,
            current_on: calendarDate(s.currentOn),
            current_source: declared ? "declared" : current !== null ? "readings" : null,
            done: milestone ? (s.current === null ? null : s.current === 1) : null,
            score: roundScore(s.score),
            band: s.band,
          };
        }),
      };
    });
    const ids = new Set(objectives.map((o) => o.id));
    const children = new Map<string, string[]>();
    for (const o of objectives) {
      if (o.aligns === null || !ids.has(o.aligns) || o.aligns === o.id) continue;
      const list = children.get(o.aligns);
      if (list) list.push(o.id);
      else children.set(o.aligns, [o.id]);
    }
    const placed = new Set<string>();
    const node = (id: string): AlignmentNode => {
      placed.add(id);
      return { objective: id, aligned: (children.get(id) ?? []).filter((c) => !placed.has(c)).map(node) };
    };
    const alignment = objectives.filter((o) => o.aligns === null || !ids.has(o.aligns) || o.aligns === o.id).map((o) => node(o.id));
    // Objectives on an `aligns` cycle reach no root: list them as roots so none is lost.
    for (const o of objectives) if (!placed.has(o.id)) alignment.push(node(o.id));
    return { objectives, alignment };
  }

  dashboards(): DashboardOut[] {
    return this.unique("dashboard").map((d) => ({
      id: d.id!.name,
      name: d.title?.value ?? null,
      doc: d.doc ?? null,
      source: this.ref(this.program.prop(d, "source"), "source"),
      views: d.views.map((v) => {
        const audience = this.program.prop(v, "audience");
        return {
          id: v.id.name,
          name: v.title?.value ?? null,
          audience: this.refs(audience, "team"),
          audience_roles: [...audienceRoles(this.program, audience)].sort(),
          metrics: this.metricRefs(this.program.prop(v, "metrics")).map((id) => this.metric(this.program.metric(id)!)),
          context: this.metricRefs(this.program.prop(v, "context")),
        };
      }),
    }));
  }

  cadence(): Cadence {
    const reports: ReportOut[] = this.unique("report").map((r) => {
      const lead = literalOf(this.program.prop(r, "lead"));
      const metrics = this.metricRefs(this.program.prop(r, "metrics"));
      return {
        id: r.id!.name,
        name: r.title?.value ?? null,
        doc: r.doc ?? null,
        forum: this.ref(this.program.prop(r, "forum"), "forum"),
        lead: lead?.type === "duration" ? { value: clean(lead.days), unit: "days", as_written: lead.raw } : null,
        lead_hours: lead?.type === "duration" ? clean(lead.days * 24) : null,
        owner: this.ref(this.program.prop(r, "owner"), "team"),
        metrics,
        kpis: metrics.filter((id) => this.program.isKpi(this.program.metric(id)!)),
      };
    });
    const forums: ForumOut[] = this.unique("forum").map((f) => {
      const every = wordOf(this.program.prop(f, "every"));
      const own = reports.filter((r) => r.forum === f.id!.name);
      return {
        id: f.id!.name,
        name: f.title?.value ?? null,
        doc: f.doc ?? null,
        every: every ?? null,
        every_days: (every === undefined ? undefined : RHYTHM_DAYS.get(every)) ?? null,
        day: wordOf(this.program.prop(f, "day")) ?? null,
        audience: this.refs(this.program.prop(f, "audience"), "team"),
        decides: stringOf(this.program.prop(f, "decides")) ?? null,
        reports: own,
        kpis: distinct(own.flatMap((r) => r.kpis)),
      };
    });
    const reviewed = new Set(reports.flatMap((r) => r.metrics));
    return {
      forums,
      unscheduled_reports: reports.filter((r) => r.forum === null),
      reviews: this.unique("review").map((r) => {
        const every = wordOf(this.program.prop(r, "every"));
        const days = (every === undefined ? undefined : RHYTHM_DAYS.get(every)) ?? null;
        const last = this.date(this.program.prop(r, "last"));
        return {
          id: r.id!.name,
          name: r.title?.value ?? null,
          every: every ?? null,
          every_days: days,
          owner: this.ref(this.program.prop(r, "owner"), "team"),
          last,
          next_due: last !== null && days !== null ? calendarDate(addDays(last, days)) : null,
        };
      }),
      unreviewed_kpis: [...this.program.metrics.values()].filter((m) => this.program.isKpi(m) && !reviewed.has(m.id)).map((m) => m.id),
    };
  }

  attribution(): Attribution {
    const cycle = salesCycle(this.program);
    const mat = maturity(this.program);
    const rec = cycle && mat !== undefined ? recommendAttribution(cycle.days, mat) : null;
    const launches = this.unique("launch");
    const plans: AttributionOut[] = this.unique("attribution").map((a) => {
      const p = (name: string): Property | undefined => this.program.prop(a, name);
      const models = wordsOf(p("models"));
      const method = wordOf(p("mta_method")) ?? null;
      let mismatch: AttributionOut["mismatch"] = null;
      if (rec) {
        const missing = rec.models.filter((m) => !models.includes(m));
        const extra = models.filter((m) => !(rec.models as readonly string[]).includes(m));
        const methodOff = rec.mtaMethod !== null && models.includes("mta") && method !== rec.mtaMethod ? { declared: method, recommended: rec.mtaMethod } : null;
        if (missing.length > 0 || extra.length > 0 || methodOff) mismatch = { missing_models: missing, extra_models: extra, mta_method: methodOff };
      }
      return {
        id: a.id!.name,
        name: a.title?.value ?? null,
        doc: a.doc ?? null,
        models,
        mta_method: method,
        lookback: this.quantity(phraseOf(p("lookback"))?.expr),
        conversions: this.quantity(phraseOf(p("conversions"))?.expr),
        history: this.quantity(phraseOf(p("history"))?.expr),
        annual_spend: this.quantity(phraseOf(p("annual_spend"))?.expr, "currency"),
        rationale: stringOf(p("rationale")) ?? null,
        launches: launches.filter((l) => wordOf(this.program.prop(l, "attribution")) === a.id!.name).map((l) => l.id!.name),
        mismatch,
      };
    });
    return {
      plans,
      recommendation: rec ? { cycle_band: rec.cycleBand, maturity_band: rec.maturityBand, models: [...rec.models], mta_method: rec.mtaMethod, note: rec.note } : null,
    };
  }

  deliverables(): Deliverables {
    const metrics = [...this.program.metrics.values()];
    const workstreams = this.unique("workstream").map((w) => ({
      id: w.id!.name,
      name: w.title?.value ?? null,
      owner: this.ref(this.program.prop(w, "owner"), "team"),
      deliverables: wordsOf(this.program.prop(w, "deliverables")),
      kpis: this.metricRefs(this.program.prop(w, "kpis")),
    }));
    const launches: LaunchOut[] = this.unique("launch").map((l) => {
      const tier = wordOf(this.program.prop(l, "tier")) ?? null;
      const level = (name: string): string[] => this.metricRefs(this.program.prop(l, name));
      const levels = { awareness: level("awareness"), engagement: level("engagement"), adoption: level("adoption"), revenue: level("revenue") };
      return {
        id: l.id!.name,
        name: l.title?.value ?? null,
        tier,
        date: this.date(this.program.prop(l, "date")),
        owner: this.ref(this.program.prop(l, "owner"), "team"),
        attribution: this.ref(this.program.prop(l, "attribution"), "attribution"),
        ...levels,
        missing_levels: (TIER_LEVELS.get(tier ?? "") ?? []).filter((lv) => levels[lv as (typeof LEVELS)[number]].length === 0),
      };
    });
    return {
      by_type: DELIVERABLES.map((type) => ({
        type,
        metrics: metrics.filter((m) => m.words("deliverable").includes(type)).map((m) => m.id),
        workstreams: workstreams.filter((w) => w.deliverables.includes(type)).map((w) => w.id),
      })),
      by_launch_tier: [...TIER_LEVELS].map(([tier, levels]) => ({ tier, levels: [...levels], launches: launches.filter((l) => l.tier === tier) })),
      workstreams,
    };
  }

  targets(): TargetOut[] {
    return [...this.program.metrics.values()]
      .filter((m) => this.program.isKpi(m))
      .map((m) => {
        const out = this.metric(m);
        return {
          metric: m.id,
          name: out.name,
          owner: out.owner,
          direction: out.direction,
          workstreams: out.workstreams,
          baseline: out.baseline,
          target: out.target,
          latest: this.latest(m),
        };
      });
  }

  integrations(): Integrations {
    const sot = sourceOfTruth(this.program);
    const reaching = sot ? sourcesReaching(this.program, sot) : new Set<string>();
    const sources = this.unique("source");
    const metrics = [...this.program.metrics.values()];
    const dashboards = this.unique("dashboard");
    return {
      source_of_truth: sot?.id?.name ?? null,
      sources: sources.map((s): SourceOut => {
        const id = s.id!.name;
        const refresh = wordOf(this.program.prop(s, "refresh"));
        const refreshEvery = refreshDays(refresh);
        const feeding = metrics.filter((m) => m.word("source") === id);
        return {
          id,
          name: s.title?.value ?? null,
          doc: s.doc ?? null,
          kind: wordOf(this.program.prop(s, "kind")) ?? null,
          refresh: refresh ?? "unknown",
          feeds: this.ref(this.program.prop(s, "feeds"), "source"),
          fed_by: sources.filter((o) => wordOf(this.program.prop(o, "feeds")) === id).map((o) => o.id!.name),
          owner: this.ref(this.program.prop(s, "owner"), "team"),
          reaches_source_of_truth: reaching.has(id),
          metrics: feeding.map((m) => m.id),
          dashboards: dashboards.filter((d) => wordOf(this.program.prop(d, "source")) === id).map((d) => d.id!.name),
          freshness_gaps: feeding.flatMap((m) => {
            const cadence = m.word("cadence");
            const every = cadence === undefined ? undefined : CADENCE_DAYS.get(cadence);
            return refresh !== undefined && refreshEvery !== undefined && every !== undefined && every < refreshEvery ? [{ metric: m.id, cadence: cadence!, refresh }] : [];
          }),
        };
      }),
    };
  }

  // ------------------------------------------------------------- readings

  /** A plain reading in a metric's unit. */
  readingQuantity(m: MetricModel, value: number): Quantity {
    const unit = m.word("unit");
    if (unit === "currency") return { value: clean(value), unit: "currency", currency: this.currency };
    if (unit === "duration") return { value: clean(value), unit: "days" };
    if (unit !== undefined && METRIC_UNITS.has(unit)) return { value: clean(value), unit: unit as "count" | "percent" | "ratio" | "score" };
    return { value: clean(value), unit: "number" };
  }

  /** A metric's latest reading, or null without readings. */
  latest(m: MetricModel): LatestReading | null {
    const points = this.series.get(m.id);
    const last = points?.[points.length - 1];
    return last ? { date: last.date, value: this.readingQuantity(m, last.value) } : null;
  }

  /** The latest reading of a metric dated within a period (the whole series without one). */
  readingIn(metric: string, period: Period | null): KeyResultReading | undefined {
    const points = this.series.get(metric) ?? [];
    for (let i = points.length - 1; i >= 0; i--) {
      const p = points[i]!;
      if (period === null || (p.date >= period.start && p.date <= period.end)) return { value: p.value, on: p.date };
    }
    return undefined;
  }

  readingsSection(readings: CompileOptions["readings"]): ReadingsOut | null {
    if (!readings) return null;
    const series = [...this.program.metrics.values()]
      .filter((m) => readings.series.has(m.id))
      .map((m) => ({ metric: m.id, points: readings.series.get(m.id)!.map((p) => ({ date: p.date, value: clean(p.value) })) }));
    return { grain: readings.grain, series };
  }

  // ------------------------------------------------- launches and experiments

  launches(): LaunchReport[] {
    return this.unique("launch").map((l) => {
      const tier = wordOf(this.program.prop(l, "tier")) ?? null;
      const date = this.date(this.program.prop(l, "date"));
      const needs = TIER_LEVELS.get(tier ?? "") ?? [];
      const stages = LEVELS.map((stage) => ({
        stage,
        required: needs.includes(stage),
        metrics: this.metricRefs(this.program.prop(l, stage)).map((id): LaunchMetric => {
          const m = this.program.metric(id)!;
          const since = this.date(m.prop("since"));
          return {
            metric: id,
            name: m.displayName,
            since,
            tracking: since === null || date === null ? "unknown" : since <= date ? "before_launch" : "after_launch",
            latest: this.latest(m),
          };
        }),
      }));
      const gaps = stages.some((s) => (s.required && s.metrics.length === 0) || s.metrics.some((m) => m.tracking === "after_launch"));
      return {
        id: l.id!.name,
        name: l.title?.value ?? null,
        doc: l.doc ?? null,
        tier,
        date,
        owner: this.ref(this.program.prop(l, "owner"), "team"),
        attribution: this.ref(this.program.prop(l, "attribution"), "attribution"),
        status: this.today === undefined || date === null ? null : date > this.today ? "upcoming" : "live",
        stages,
        tracking: gaps ? "gaps" : "tracked",
      };
    });
  }

  experiments(): ExperimentOut[] {
    return this.unique("experiment").map((x) => {
      const p = (name: string): Property | undefined => this.program.prop(x, name);
      const metricId = this.metricRefs(p("metric"))[0] ?? null;
      const m = metricId === null ? undefined : this.program.metric(metricId);
      const unit = m?.word("unit");
      const size = experimentSampleSize(x);
      const holdout = phraseOf(p("holdout"));
      return {
        id: x.id!.name,
        name: x.title?.value ?? null,
        hypothesis: x.doc ?? null,
        metric: metricId,
        metric_name: m?.displayName ?? null,
        baseline: this.quantity(phraseOf(p("baseline"))?.expr, unit),
        expect: this.quantity(phraseOf(p("expect"))?.expr, unit),
        mde: this.quantity(phraseOf(p("mde"))?.expr, unit),
        traffic: this.quantity(phraseOf(p("traffic"))?.expr),
        sample_size: size ? { kind: size.kind, per_arm: size.n, arms: size.arms, total: size.n * size.arms, days: size.days, alpha: size.alpha, power: size.power } : null,
        holdout: holdout ? { share: this.quantity(holdout.expr), duration: this.quantity(modifierOf(holdout, "for")) } : null,
        status: EXPERIMENT_STATUS.find((st) => st === wordOf(p("status"))) ?? null,
      };
    });
  }

  diagnosticsSection(): DiagnosticsOut {
    const counts = { error: 0, warning: 0, info: 0, hint: 0 };
    const byRule = new Map<string, number>();
    const files = new Map(this.program.files.map((f) => [f.path, f]));
    const findings: Finding[] = [...this.diagnostics].sort(compareDiagnostics).map((d) => {
      counts[d.severity]++;
      byRule.set(d.rule, (byRule.get(d.rule) ?? 0) + 1);
      const file = d.file === null ? undefined : files.get(d.file);
      const pos = file && d.span ? file.lines.position(d.span.start) : undefined;
      return {
        rule: d.rule,
        severity: d.severity,
        message: d.message,
        file: d.file,
        line: pos ? pos.line + 1 : null,
        column: pos ? pos.character + 1 : null,
        declaration: d.declaration,
      };
    });
    const by_rule: Record<string, number> = {};
    for (const rule of [...byRule.keys()].sort()) Object.defineProperty(by_rule, rule, { value: byRule.get(rule)!, enumerable: true, writable: false });
    return { counts, by_rule, findings };
  }
}

/**
 * Compiles a checked program into the blueprint: pure and deterministic
 * (fixed key order, arrays in file order, no date unless `today` is given).
 */
export function compileBlueprint(program: Program, diagnostics: readonly Diagnostic[], options: CompileOptions = {}): Blueprint {
  const c = new Compiler(program, diagnostics, options.readings?.series, options.today);
  const info = c.blueprintInfo();
  return {
    $schema: BLUEPRINT_SCHEMA_ID,
    version: 2,
    ...(options.today !== undefined ? { today: options.today } : {}),
    blueprint: info,
    constellation: c.constellation(info.north_star),
    okrs: c.okrs(),
    dashboards: c.dashboards(),
    cadence: c.cadence(),
    attribution: c.attribution(),
    deliverables: c.deliverables(),
    launches: c.launches(),
    experiments: c.experiments(),
    targets: c.targets(),
    integrations: c.integrations(),
    metrics: [...program.metrics.values()].map((m) => c.metric(m)),
    readings: c.readingsSection(options.readings),
    diagnostics: c.diagnosticsSection(),
  };
}

/** The blueprint sections `pmm export dbt` reads: metrics, dashboards and cadence, never the constellation. */
export type DbtSource = Pick<Blueprint, "blueprint" | "metrics" | "dashboards" | "cadence">;

/**
 * Compiles only what the dbt export reads. It leaves out the constellation,
 * whose nested input trees grow with the depth of an `inputs` chain; each
 * metric is built from its own properties, so no step recurses deeper than a
 * formula's nesting.
 */
export function compileDbtSource(program: Program, diagnostics: readonly Diagnostic[] = []): DbtSource {
  const c = new Compiler(program, diagnostics);
  return { blueprint: c.blueprintInfo(), metrics: [...program.metrics.values()].map((m) => c.metric(m)), dashboards: c.dashboards(), cadence: c.cadence() };
}

/** The blueprint as the text `pmm compile` writes: two-space JSON and a final newline. */
export function blueprintText(blueprint: Blueprint): string {
  return `${JSON.stringify(blueprint, null, 2)}\n`;
}

import { compileDbtSource } from "../../compile/compile.js";
import { exportDbt, exportedDefinition } from "../../compile/dbt.js";
import type { MetricModel } from "../../workspace/metrics.js";
import { closest } from "../../util/suggest.js";
import { defineRule } from "../rule.js";

/** Aggregations that add values up: wrong for a rate. */
const ADDING: ReadonlySet<string> = new Set(["sum", "count", "count_distinct", "sum_boolean"]);
/** Aggregations a running total can accumulate. */
const ACCUMULATING: ReadonlySet<string> = new Set(["sum", "count", "count_distinct", "sum_boolean"]);

/** MetricFlow's granularities, finest first (dbt-semantic-interfaces `TimeGranularity.to_int`). */
const GRAINS = ["nanosecond", "microsecond", "millisecond", "second", "minute", "hour", "day", "week", "month", "quarter", "year"];
/** The `cadence` that exports as a grain. */
const CADENCE_OF: ReadonlyMap<string, string> = new Map([
  ["day", "daily"],
  ["week", "weekly"],
  ["month", "monthly"],
  ["quarter", "quarterly"],
]);

/** `a`, `b`, `c` and 4 more. */
function listed(ids: readonly string[], max: number): string {
  const shown = ids.slice(0, max).map((id) => `\`${id}\``);
  return ids.length > max
    ? `${shown.join(", ")} and ${ids.length - max} more`
    : shown.length > 1
      ? `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`
      : (shown[0] ?? "");
}

/** A definition as the message shows it: `simple deals_won` → `simple over \`deals_won\``. */
function shownDefinition(d: string): string {
  const [type, ...rest] = d.split(" ");
  const body = rest.join(" ").trim();
  return body === "" ? `a ${type} metric` : `a ${type} metric over \`${body}\``;
}

/** `dbt-drift`: the .pmm files against the dbt project's semantic manifest (`--dbt-manifest`, config `dbt_manifest`). */
export default defineRule({
  id: "dbt-drift",
  meta: {
    severity: "error",
    seed: "dbt",
    description:
      "with a dbt semantic manifest given: a `measure` no semantic model defines, an exported metric name dbt defines differently, a measure whose aggregation contradicts the metric, and the metrics the export leaves out",
    messages: {
      missingMeasure:
        "no semantic model in the dbt project defines measure `{{measure}}`, so dbt refuses the exported `{{metric}}`; add the measure to a semantic model, or write the name of one dbt has{{hint}}",
      nameCollision:
        "the dbt project already defines metric `{{name}}` as {{theirs}}, and `pmm export dbt` would write `{{metric}}` under that name as {{ours}}; rename one of them — dbt refuses two metrics with one name",
      sameName:
        "the dbt project already defines metric `{{name}}` ({{theirs}}) outside `pmm export dbt`, which would write `{{metric}}` as a second metric of that name; delete the hand-written one and keep the export, or rename one of them — dbt refuses two metrics with one name",
      staleExport: "the dbt project holds an older export of `{{metric}}` ({{theirs}}, now {{ours}}); run `pmm export dbt` again and commit its output",
      rateAdded:
        "`{{metric}}` is a rate, but measure `{{measure}}` aggregates with `{{agg}}`, which adds rates up across rows and periods; use an `average` measure, or make `{{metric}}` a `formula` that divides two counts",
      snapshotSummed:
        "measure `{{measure}}` is a snapshot (it has a `non_additive_dimension`), but `{{metric}}` is `cumulative`, so its running total adds the snapshots up; drop `cumulative: true`, or point `measure` at the increments",
      grainTooFine:
        "`{{metric}}` has `cadence: {{cadence}}`, exported as `time_granularity: {{grain}}`, but measure `{{measure}}` is recorded by {{measureGrain}} (its `agg_time_dimension`), and dbt refuses a metric finer than its measures; {{fix}}",
      formulaGrainTooFine:
        "`{{metric}}` has `cadence: {{cadence}}`, exported as `time_granularity: {{grain}}`, but a measure under its formula is recorded by {{measureGrain}}, and dbt refuses a metric finer than its measures; {{fix}}",
      cumulativeAgg:
        "`{{metric}}` is `cumulative`, but measure `{{measure}}` aggregates with `{{agg}}`, and a running total of `{{agg}}` values means nothing; point `measure` at a `sum` or `count` measure, or drop `cumulative: true`",
      notExported:
        "{{count}} of {{total}} metrics are left out of `pmm export dbt`: {{list}}; an exported metric needs a `measure` (the dbt measure that computes it) or a `formula` over exported metrics",
    },
  },
  check(ctx) {
    const manifest = ctx.dbtManifest;
    if (manifest === null) return;
    const p = ctx.program;
    const source = compileDbtSource(p);
    const out = exportDbt(source);
    const span = (m: MetricModel, name: string) => {
      const own = m.own(name);
      return own?.value?.span ?? own?.span;
    };
    for (const metric of source.metrics) {
      const m = p.metric(metric.id)!;
      const exported = out.metrics.get(metric.id);
      if (metric.measure !== null && exported !== undefined) {
        const measure = manifest.measures.get(metric.measure);
        if (measure === undefined) {
          const near = closest(metric.measure, manifest.measures.keys(), 1);
          ctx.report({
            decl: m.decl,
            span: span(m, "measure"),
            messageId: "missingMeasure",
            data: { metric: metric.id, measure: metric.measure, hint: near ? `; did you mean \`${near}\`?` : "" },
          });
        } else if (metric.cumulative && measure.snapshot) {
          ctx.report({ decl: m.decl, span: span(m, "measure"), messageId: "snapshotSummed", data: { metric: metric.id, measure: measure.name } });
        } else if (metric.cumulative && !ACCUMULATING.has(measure.agg)) {
          ctx.report({ decl: m.decl, span: span(m, "measure"), messageId: "cumulativeAgg", data: { metric: metric.id, measure: measure.name, agg: measure.agg } });
        } else if ((metric.rate || metric.unit === "percent" || metric.unit === "ratio" || metric.unit === "score") && ADDING.has(measure.agg)) {
          ctx.report({ decl: m.decl, span: span(m, "measure"), messageId: "rateAdded", data: { metric: metric.id, measure: measure.name, agg: measure.agg } });
        }
        const grain = exported.time_granularity;
        if (measure !== undefined && grain !== undefined && measure.grain !== null && GRAINS.indexOf(grain) < GRAINS.indexOf(measure.grain)) {
          const cadence = CADENCE_OF.get(measure.grain);
          const fix = cadence !== undefined ? `set \`cadence: ${cadence}\`, or record the measure by ${grain}` : `remove \`cadence\`, or record the measure by ${grain}`;
          ctx.report({
            decl: m.decl,
            span: span(m, "cadence"),
            messageId: "grainTooFine",
            data: { metric: metric.id, cadence: metric.cadence!, grain, measure: measure.name, measureGrain: measure.grain, fix },
          });
        }
      }
      if (exported === undefined) continue;
      const theirs = manifest.metrics.get(exported.name);
      if (theirs === undefined) continue;
      const ours = exportedDefinition(exported);
      const data = { metric: metric.id, name: exported.name, theirs: shownDefinition(theirs.definition), ours: shownDefinition(ours) };
      // pmm's own earlier export (its `config.meta.pmm.id`) is replaced by the new one; anything else is a second metric of that name.
      if (theirs.pmmId === metric.id) {
        if (theirs.definition !== ours) ctx.report({ decl: m.decl, messageId: "staleExport", severity: "warning", data });
      } else ctx.report({ decl: m.decl, messageId: theirs.definition === ours ? "sameName" : "nameCollision", data });
    }
    // A formula metric is recorded by the coarsest grain of the measures under it (`MetricTimeGranularityRule`):
    // grains flow along the formula order, each formula after the ones it names, so no step recurses.
    const grainOf = new Map<string, string>();
    for (const exported of out.metrics.values()) {
      const measure = exported.type === "simple" || exported.type === "cumulative" ? manifest.measures.get(String(exported.type_params["measure"])) : undefined;
      if (measure?.grain) grainOf.set(exported.name, measure.grain);
    }
    for (const id of out.formulaOrder) {
      const exported = out.metrics.get(id)!;
      const p2 = exported.type_params as { numerator?: string; denominator?: string; metrics?: Array<{ name: string }> };
      const inputs = exported.type === "ratio" ? [p2.numerator!, p2.denominator!] : (p2.metrics ?? []).map((x) => x.name);
      let coarsest: string | undefined;
      for (const n of inputs) {
        const g = grainOf.get(n);
        if (g !== undefined && (coarsest === undefined || GRAINS.indexOf(g) > GRAINS.indexOf(coarsest))) coarsest = g;
      }
      if (coarsest === undefined) continue;
      grainOf.set(exported.name, coarsest);
      const grain = exported.time_granularity;
      if (grain === undefined || GRAINS.indexOf(grain) >= GRAINS.indexOf(coarsest)) continue;
      const m = p.metric(id)!;
      const cadence = CADENCE_OF.get(coarsest);
      const fix = cadence !== undefined ? `set \`cadence: ${cadence}\`, or record those measures by ${grain}` : `remove \`cadence\`, or record those measures by ${grain}`;
      ctx.report({
        decl: m.decl,
        span: span(m, "cadence"),
        messageId: "formulaGrainTooFine",
        data: { metric: id, cadence: m.word("cadence")!, grain, measureGrain: coarsest, fix },
      });
    }
    const left = out.skipped.filter((s) => s.reason !== "it is retired").map((s) => s.metric);
    // One summary, not one nag per metric: most of a workspace's metrics are read off dashboards, not computed in dbt.
    if (left.length > 0)
      ctx.report({ decl: p.blueprint ?? null, messageId: "notExported", severity: "info", data: { count: left.length, total: source.metrics.length, list: listed(left, 5) } });
  },
});

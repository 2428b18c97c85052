import { DBT_RESERVED_NAMES, dbtName, measureProblem } from "../../model/dbt-names.js";
import type { MetricModel } from "../../workspace/metrics.js";
import { stringOf } from "../../workspace/values.js";
import { boolOf } from "../../workspace/values.js";
import { defineRule } from "../rule.js";

/** The longest reserved name with its separators (`mf_internal_uuid`) plus room for a camel-case id's. */
const LONGEST_RESERVED = 18;

/** Whether an id can turn into a reserved dbt name: only short ids can, so most skip `dbtName`. */
function mayBeReserved(id: string): boolean {
  return id.length <= LONGEST_RESERVED;
}

/** The span of a metric's own property value, else its id. */
function at(m: MetricModel, name: string) {
  const own = m.own(name);
  return own?.value?.span ?? own?.span;
}

/** `dbt-export`: metrics that `pmm export dbt` would write wrongly or leave out without saying why. */
export default defineRule({
  id: "dbt-export",
  meta: {
    severity: "warning",
    seed: "dbt",
    description:
      "a metric that `pmm export dbt` cannot write as dbt accepts it: a `measure` that is not a dbt name, both `measure` and `formula`, a `cumulative` formula, a name MetricFlow reserves, a label another exported metric has",
    messages: {
      measureName:
        "measure {{problem}}, so dbt cannot find it and `pmm export dbt` leaves `{{metric}}` out; write the name of the dbt measure that computes it, e.g. `{{suggestion}}`",
      measureReserved: "measure {{problem}}, so dbt refuses it and `pmm export dbt` leaves `{{metric}}` out; rename the dbt measure and write its new name here",
      measureAndFormula:
        "`{{metric}}` has both `measure` and `formula`; `pmm export dbt` exports the measure `{{measure}}` and drops the formula — keep one of them (the formula can live on in `definition`)",
      cumulativeFormula:
        "`{{metric}}` is `cumulative` but has only a `formula`; MetricFlow accumulates a measure, so `pmm export dbt` leaves it out — give it the `measure` whose running total it is",
      reservedName: "the name `{{name}}` is reserved by MetricFlow, so `pmm export dbt` writes `{{metric}}` as `{{renamed}}`; rename the metric to keep one name in pmm and dbt",
      sameLabel: "`{{metric}}` has the same name as `{{other}}`, and dbt refuses two metrics with one label, so `pmm export dbt` labels it `{{label}}`; give it a name of its own",
    },
  },
  check(ctx) {
    // Columns of the metric store: one walk of each metric's properties, shared with the other rules.
    const t = ctx.program.store;
    const measures = t.prop("measure");
    const ownFormulas = t.own("formula");
    const formulas = t.formula();
    const statuses = t.word("status");
    const titles = ctx.program.store.titles();
    const labels = new Map<string, MetricModel>();
    for (let i = 0; i < t.metrics.length; i++) {
      const measureProp = measures[i];
      const measure = measureProp === undefined ? undefined : stringOf(measureProp);
      // A catalog formula under a workspace `measure` is the generic definition, not one the export drops.
      const hasFormula = measure === undefined ? formulas[i] !== undefined : ownFormulas[i] !== undefined;
      if (measure === undefined && !hasFormula) continue;
      if (statuses[i] === "retired") continue;
      const m = t.metrics[i]!;
      const title = titles[i] ?? m.id;
      if (measure !== undefined) {
        const problem = measureProblem(measure);
        if (problem !== null) {
          const suggestion = dbtName(measure);
          const reserved = DBT_RESERVED_NAMES.has(suggestion);
          ctx.report({ decl: m.decl, span: at(m, "measure"), messageId: reserved ? "measureReserved" : "measureName", data: { metric: m.id, problem, suggestion } });
          continue;
        }
        if (hasFormula) ctx.report({ decl: m.decl, span: at(m, "formula"), messageId: "measureAndFormula", data: { metric: m.id, measure } });
      } else if (boolOf(m.prop("cumulative")) === true) {
        ctx.report({ decl: m.decl, span: at(m, "cumulative"), messageId: "cumulativeFormula", data: { metric: m.id } });
        continue;
      }
      const name = mayBeReserved(m.id) ? dbtName(m.id) : "";
      if (DBT_RESERVED_NAMES.has(name)) ctx.report({ decl: m.decl, messageId: "reservedName", severity: "info", data: { metric: m.id, name, renamed: `${name}_metric` } });
      const other = labels.get(title);
      if (other) {
        const exportedAs = name === "" ? dbtName(m.id) : DBT_RESERVED_NAMES.has(name) ? `${name}_metric` : name;
        ctx.report({ decl: m.decl, messageId: "sameLabel", severity: "info", data: { metric: m.id, other: other.id, label: `${title} (${exportedAs})` } });
      } else labels.set(title, m);
    }
  },
});

import type { Expr } from "../../ast/nodes.js";
import { asLiteral, namesIn } from "../../workspace/values.js";
import { additiveTerms, unparen } from "../../model/formula.js";
import { defineRule } from "../rule.js";
import type { MetricStore } from "../../workspace/metrics.js";

/** A term of a sum: the metric it reads (its slot in the metric store), and whether a constant factor weights it. */
interface Term {
  readonly metric: number | undefined;
  readonly name: string | undefined;
  readonly weighted: boolean;
  readonly hasMetric: boolean;
}

function isConstant(e: Expr): boolean {
  const lit = asLiteral(e);
  return lit?.type === "number";
}

/** Reads one summand: `a`, `0.4 * a`, `a * 0.4`, `a / 2`, or anything else (unknown unit). */
function termOf(table: MetricStore, e: Expr): Term {
  const t = unparen(e);
  if (t.type === "name") return { metric: table.slotOf(t.name), name: t.name, weighted: false, hasMetric: true };
  if (t.type === "binary" && (t.op === "*" || t.op === "/")) {
    const l = unparen(t.left);
    const r = unparen(t.right);
    if (l.type === "name" && isConstant(r)) return { metric: table.slotOf(l.name), name: l.name, weighted: true, hasMetric: true };
    if (t.op === "*" && r.type === "name" && isConstant(l)) return { metric: table.slotOf(r.name), name: r.name, weighted: true, hasMetric: true };
  }
  return { metric: undefined, name: undefined, weighted: false, hasMetric: namesIn(t).length > 0 };
}

/** The sums of a formula (each chain of `+`/`-` once), outermost first. */
function sums(expr: Expr, out: Expr[][] = []): Expr[][] {
  const e = unparen(expr);
  if (e.type === "binary" && (e.op === "+" || e.op === "-")) {
    const terms = additiveTerms(e);
    out.push(terms);
    for (const t of terms) visitOperands(t, out);
  } else visitOperands(e, out);
  return out;
}

function visitOperands(e: Expr, out: Expr[][]): void {
  const t = unparen(e);
  if (t.type === "binary") {
    sums(t.left, out);
    sums(t.right, out);
  } else if (t.type === "neg") sums(t.operand, out);
}

/** `composite-metric`: a formula that merges dissimilar metrics into one number (F4). */
export default defineRule({
  id: "composite-metric",
  meta: {
    severity: "warning",
    seed: "F4",
    description: "a `formula` adds or subtracts metrics of different units, or weights metrics with constant factors into one score",
    messages: {
      mixedUnits:
        "the formula of metric `{{metric}}` adds or subtracts `{{a}}` ({{unitA}}) and `{{b}}` ({{unitB}}); a sum of different units merges dissimilar actions and hides their tradeoff — track them as separate metrics, or convert them to one unit first",
      weighted:
        "the formula of metric `{{metric}}` weights {{count}} metrics with constant factors into one score; a weighted composite hides which part moved and what it cost — track the parts as separate metrics (inputs of an output), and pair them with a `tradeoff` if they pull against each other",
    },
  },
  check(ctx) {
    const p = ctx.program;
    const table = p.store;
    const formulas = table.formula();
    const ownFormulas = table.own("formula");
    const units = table.word("unit");
    for (let i = 0; i < table.metrics.length; i++) {
      const formula = formulas[i];
      if (!formula) continue;
      const m = table.metrics[i]!;
      let mixed: { a: string; unitA: string; b: string; unitB: string } | undefined;
      let weightedCount = 0;
      for (const chain of sums(formula)) {
        const terms = chain.map((e) => termOf(table, e));
        if (!mixed) {
          let first: { name: string; unit: string } | undefined;
          for (const t of terms) {
            const unit = t.metric === undefined ? undefined : units[t.metric];
            if (!t.name || !unit) continue;
            if (!first) first = { name: t.name, unit };
            else if (unit !== first.unit) {
              mixed = { a: first.name, unitA: first.unit, b: t.name, unitB: unit };
              break;
            }
          }
        }
        const withMetrics = terms.filter((t) => t.hasMetric);
        if (withMetrics.length >= 2 && withMetrics.some((t) => t.weighted)) weightedCount = Math.max(weightedCount, withMetrics.length);
      }
      // An inherited formula lives in the catalog, which has no place in the workspace to point at.
      const own = ownFormulas[i];
      const related = own ? [{ file: m.file, span: own.span, message: "the formula is here" }] : [];
      if (mixed) ctx.report({ decl: m.decl, messageId: "mixedUnits", data: { metric: m.id, ...mixed }, related });
      if (weightedCount > 0) ctx.report({ decl: m.decl, messageId: "weighted", data: { metric: m.id, count: weightedCount }, related });
    }
  },
});

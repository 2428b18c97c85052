import type { Declaration, Expr, KeyResult, Property } from "../../ast/nodes.js";
import type { Span } from "../../text/span.js";
import { periodRange, type DateRange } from "../../workspace/periods.js";
import type { MetricModel } from "../../workspace/program.js";
import { asLiteral, modifierOf, numericValue, phraseOf } from "../../workspace/values.js";
import { fiscalStartMonth } from "../helpers/fiscal.js";
import { metricTable } from "../helpers/metric-table.js";
import { okrPeriod } from "../helpers/okr.js";
import { joinWords } from "../helpers/quantities.js";
import { defineRule } from "../rule.js";

/** A value written for a metric: where, what, and its number. */
interface Written {
  readonly where: string;
  readonly raw: string;
  readonly value: number;
  readonly percent: boolean;
  readonly span: Span;
  readonly decl: Declaration;
}

function written(where: string, e: Expr | null | undefined, decl: Declaration): Written | undefined {
  const lit = asLiteral(e);
  if (!lit || lit.type !== "number" || (lit.unit !== "none" && lit.unit !== "percent")) return undefined;
  return { where, raw: lit.raw, value: lit.value, percent: lit.unit === "percent", span: lit.span, decl };
}

/** The `current` reading of a key result as written. */
function currentOf(kr: KeyResult): Expr | undefined {
  const p: Property | undefined = kr.properties.find((x) => x.name.name === "current");
  return phraseOf(p)?.expr;
}

/** `target-consistency`: the silent mistakes in a metric's own numbers (no deadline, a fraction beside percentages, two starts at once). */
export default defineRule({
  id: "target-consistency",
  meta: {
    severity: "warning",
    seed: "step 9 (baselines and targets): a target has a value and a date, in the metric's unit",
    description:
      "a `target` or key result without `by`; a metric whose own values disagree by orders of magnitude (`0.27` beside `31%`); key results of one metric in overlapping periods that start from different values",
    messages: {
      targetNoDeadline: "the target of metric `{{metric}}` has no deadline; a target without a date can never be missed — write `target: {{value}} by PERIOD`",
      targetsNoDeadline:
        "{{count}} targets have no deadline: {{metrics}}; a target without a date can never be missed — write `target: VALUE by PERIOD` on each",
      krNoDeadline:
        "key result `{{metric}}` of objective `{{okr}}` has no deadline; without one it is never due — add `by PERIOD`{{hint}}",
      fraction:
        "metric `{{metric}}` has {{where}} `{{raw}}` beside {{other}} `{{otherRaw}}`: a percent written as a fraction reads a hundred times too small — write `{{fixed}}%`",
      twoStarts:
        "key results of `{{metric}}` in objectives `{{a}}` and `{{b}}` run over overlapping periods but start from different values ({{fromA}} and {{fromB}}); one of the starting points is wrong — use the same measured start in both",
    },
  },
  check(ctx) {
    const p = ctx.program;
    const fiscal = fiscalStartMonth(p);
    const t = metricTable(p);
    const targets = t.own("target");
    const baselines = t.prop("baseline");
    const values = new Map<MetricModel, Written[]>();
    const add = (m: MetricModel | undefined, w: Written | undefined): void => {
      if (!m || !w) return;
      const list = values.get(m);
      if (list) list.push(w);
      else values.set(m, [w]);
    };
    const undated: number[] = [];
    for (let i = 0; i < t.metrics.length; i++) {
      const m = t.metrics[i]!;
      const target = phraseOf(targets[i]);
      if (target && !modifierOf(target, "by")) undated.push(i);
      add(m, written("a target", target?.expr, m.decl));
      add(m, written("a baseline", phraseOf(baselines[i])?.expr, m.decl));
    }
    // Targets without a date: one finding each for one or two, one for them all from three on (on the first, the others related).
    if (undated.length > 0 && undated.length < 3) {
      for (const i of undated) {
        const m = t.metrics[i]!;
        const target = phraseOf(targets[i])!;
        ctx.report({ decl: m.decl, span: targets[i]!.span, messageId: "targetNoDeadline", data: { metric: m.id, value: m.file.text.slice(target.expr.span.start, target.expr.span.end) } });
      }
    } else if (undated.length >= 3) {
      const names = undated.map((i) => `\`${t.metrics[i]!.id}\``);
      const first = t.metrics[undated[0]!]!;
      ctx.report({
        decl: first.decl,
        span: targets[undated[0]!]!.span,
        messageId: "targetsNoDeadline",
        data: { count: undated.length, metrics: names.length > 8 ? `${names.slice(0, 8).join(", ")} and ${names.length - 8} more` : joinWords(names) },
        related: undated.slice(1).map((i) => ({ file: t.metrics[i]!.file, span: targets[i]!.span, message: `the target of \`${t.metrics[i]!.id}\` has no \`by\`` })),
      });
    }
    // Key results: deadlines, their values, and their starts by metric (for overlaps).
    const starts = new Map<string, { okr: Declaration; kr: KeyResult; from: number; raw: string; range: DateRange }[]>();
    for (const okr of p.ofKind("okr")) {
      if (!okr.id) continue;
      const period = okrPeriod(p, okr, ctx.today, fiscal);
      for (const kr of okr.keyResults) {
        if (!kr.by) {
          const hint = period ? ` (the objective runs over ${period.text}: \`by ${period.text}\`)` : "";
          ctx.report({ decl: okr, span: kr.metric.span, messageId: "krNoDeadline", data: { metric: kr.metric.name, okr: okr.id.name, hint } });
        }
        if (kr.form === "milestone") continue;
        const m = p.metric(kr.metric.name);
        add(m, written("a key-result start", kr.from, okr));
        add(m, written(kr.form === "hold" ? "a key-result bound" : "a key-result goal", kr.to, okr));
        add(m, written("a key-result reading", currentOf(kr), okr));
        const from = numericValue(asLiteral(kr.from));
        const range = periodRange(kr.by?.value, fiscal) ?? period?.range;
        if (kr.form !== "move" || from === undefined || !range) continue;
        const raw = p.fileOf(okr).text.slice(kr.from!.span.start, kr.from!.span.end);
        const list = starts.get(kr.metric.name);
        const entry = { okr, kr, from, raw, range: period?.range ?? range };
        if (list) list.push(entry);
        else starts.set(kr.metric.name, [entry]);
      }
    }
    // A fraction (0 < v ≤ 1, no `%`) beside a percentage above 1: the percent was written as a fraction.
    for (const [m, list] of values) {
      const pct = list.find((w) => w.percent && w.value > 1);
      if (!pct) continue;
      for (const w of list) {
        if (w.percent || w.value <= 0 || w.value > 1) continue;
        const fixed = String(Math.round(w.value * 10_000) / 100);
        ctx.report({ decl: w.decl, span: w.span, messageId: "fraction", data: { metric: m.id, where: w.where, raw: w.raw, other: pct.where, otherRaw: pct.raw, fixed } });
      }
    }
    // Two objectives measuring one metric over overlapping periods from different starts.
    for (const [metric, list] of starts) {
      if (list.length < 2) continue;
      list.sort((x, y) => (x.range.start < y.range.start ? -1 : x.range.start > y.range.start ? 1 : 0));
      for (let i = 1; i < list.length; i++) {
        const a = list[i - 1]!;
        const b = list[i]!;
        if (a.okr === b.okr || b.range.start > a.range.end || a.from === b.from) continue;
        ctx.report({ decl: b.okr, span: b.kr.metric.span, messageId: "twoStarts", data: { metric, a: a.okr.id!.name, b: b.okr.id!.name, fromA: a.raw, fromB: b.raw } });
      }
    }
  },
});

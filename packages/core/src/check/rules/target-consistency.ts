import type { Declaration, Expr, KeyResult, NumberLit, Property } from "../../ast/nodes.js";
import { periodRange, type DateRange } from "../../workspace/periods.js";
import type { MetricModel } from "../../workspace/metrics.js";
import { asLiteral, modifierOf, numericValue, phraseOf } from "../../workspace/values.js";
import { fiscalStartMonth } from "../../model/fiscal.js";
import { okrPeriod } from "../helpers/okr.js";
import { joinWords } from "../helpers/quantities.js";
import { defineRule } from "../rule.js";

/** A number literal written for a metric: where, and the literal. */
interface Written {
  readonly m: MetricModel;
  readonly where: string;
  readonly lit: NumberLit;
  readonly decl: Declaration;
}

/** The number literal of a value when it is plain or a percent, else undefined (no allocation). */
function numberOf(e: Expr | null | undefined): NumberLit | undefined {
  const lit = asLiteral(e);
  return lit?.type === "number" && (lit.unit === "none" || lit.unit === "percent") ? lit : undefined;
}

/** A plain number between 0 and 1: a percent written as a fraction, when the metric's other values are percentages. */
function isFraction(lit: NumberLit | undefined): lit is NumberLit {
  return lit !== undefined && lit.unit === "none" && lit.value > 0 && lit.value <= 1;
}

/** A percentage above 1%. */
function isPercent(lit: NumberLit | undefined): lit is NumberLit {
  return lit !== undefined && lit.unit === "percent" && lit.value > 1;
}

/** The plain and percent numbers a key result writes for its metric: start, goal or bound, reading. */
function krValues(m: MetricModel, kr: KeyResult, okr: Declaration): Written[] {
  const out: Written[] = [];
  const from = numberOf(kr.from);
  if (from) out.push({ m, where: "a key-result start", lit: from, decl: okr });
  const to = numberOf(kr.to);
  if (to) out.push({ m, where: kr.form === "hold" ? "a key-result bound" : "a key-result goal", lit: to, decl: okr });
  const current = numberOf(currentOf(kr));
  if (current) out.push({ m, where: "a key-result reading", lit: current, decl: okr });
  return out;
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
      targetsNoDeadline: "{{count}} targets have no deadline: {{metrics}}; a target without a date can never be missed — write `target: VALUE by PERIOD` on each",
      krNoDeadline: "key result `{{metric}}` of objective `{{okr}}` has no deadline; without one it is never due — add `by PERIOD`{{hint}}",
      fraction: "metric `{{metric}}` has {{where}} `{{raw}}` beside {{other}} `{{otherRaw}}`: a percent written as a fraction reads a hundred times too small — write `{{fixed}}%`",
      twoStarts:
        "key results of `{{metric}}` in objectives `{{a}}` and `{{b}}` run over overlapping periods but start from different values ({{fromA}} and {{fromB}}); one of the starting points is wrong — use the same measured start in both",
    },
  },
  check(ctx) {
    const p = ctx.program;
    const fiscal = fiscalStartMonth(p);
    const t = p.store;
    const targets = t.own("target");
    const baselines = t.prop("baseline");
    // Fractions (0 < v ≤ 1, no `%`) are rare: found in one pass; percentages are looked for only beside them.
    const fractions: Written[] = [];
    const undated: number[] = [];
    for (let i = 0; i < t.metrics.length; i++) {
      const m = t.metrics[i]!;
      const target = phraseOf(targets[i]);
      if (target && !modifierOf(target, "by")) undated.push(i);
      const tl = numberOf(target?.expr);
      if (isFraction(tl)) fractions.push({ m, where: "a target", lit: tl, decl: m.decl });
      const bl = numberOf(phraseOf(baselines[i])?.expr);
      if (isFraction(bl)) fractions.push({ m, where: "a baseline", lit: bl, decl: m.decl });
    }
    // Targets without a date: one finding each for one or two, one for them all from three on (on the first, the others related).
    if (undated.length > 0 && undated.length < 3) {
      for (const i of undated) {
        const m = t.metrics[i]!;
        const target = phraseOf(targets[i])!;
        ctx.report({
          decl: m.decl,
          span: targets[i]!.span,
          messageId: "targetNoDeadline",
          data: { metric: m.id, value: m.file.text.slice(target.expr.span.start, target.expr.span.end) },
        });
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
        if (m) for (const w of krValues(m, kr, okr)) if (isFraction(w.lit)) fractions.push(w);
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
    // A fraction beside a percentage above 1: the percent was written as a fraction.
    if (fractions.length > 0) {
      const percent = new Map<MetricModel, Written | null>(fractions.map((w) => [w.m, null]));
      const note = (w: Written): void => {
        if (percent.get(w.m) === null && isPercent(w.lit)) percent.set(w.m, w);
      };
      for (const m of percent.keys()) {
        const slot = m.slot;
        const tl = numberOf(phraseOf(targets[slot])?.expr);
        if (tl) note({ m, where: "a target", lit: tl, decl: m.decl });
        const bl = numberOf(phraseOf(baselines[slot])?.expr);
        if (bl) note({ m, where: "a baseline", lit: bl, decl: m.decl });
      }
      for (const okr of p.ofKind("okr")) {
        for (const kr of okr.keyResults) {
          const m = kr.form === "milestone" ? undefined : p.metric(kr.metric.name);
          if (m && percent.has(m)) for (const w of krValues(m, kr, okr)) note(w);
        }
      }
      for (const w of fractions) {
        const pct = percent.get(w.m);
        if (!pct) continue;
        const fixed = String(Math.round(w.lit.value * 10_000) / 100);
        ctx.report({
          decl: w.decl,
          span: w.lit.span,
          messageId: "fraction",
          data: { metric: w.m.id, where: w.where, raw: w.lit.raw, other: pct.where, otherRaw: pct.lit.raw, fixed },
        });
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

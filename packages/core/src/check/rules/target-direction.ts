import type { Expr, Literal } from "../../ast/nodes.js";
import { asLiteral, phraseOf } from "../../workspace/values.js";
import { defineRule } from "../rule.js";

/** A comparable reading of a literal: numbers in the same unit, money in the same currency, durations, rates. */
function comparable(lit: Literal): { key: string; value: number } | undefined {
  switch (lit.type) {
    case "number":
      return { key: `number:${lit.unit}`, value: lit.value };
    case "money":
      return { key: `money:${lit.currency}`, value: lit.value };
    case "duration":
      return { key: "duration", value: lit.days };
    case "rate":
      return { key: "rate", value: lit.perDay };
    default:
      return undefined;
  }
}

/** How `to` moves from `from`: "up", "down", "same", or undefined when they cannot be compared. */
function movement(from: Expr | null | undefined, to: Expr | null | undefined): { move: "up" | "down" | "same"; from: string; to: string } | undefined {
  const a = asLiteral(from);
  const b = asLiteral(to);
  const ca = a ? comparable(a) : undefined;
  const cb = b ? comparable(b) : undefined;
  if (!a || !b || !ca || !cb || ca.key !== cb.key) return undefined;
  return { move: cb.value > ca.value ? "up" : cb.value < ca.value ? "down" : "same", from: a.raw, to: b.raw };
}

/** `target-direction`: a target or key result that moves against the metric's direction, or not at all. */
export default defineRule({
  id: "target-direction",
  meta: {
    severity: "error",
    seed: "step 9 (baselines and targets): a target moves the metric in its `direction`",
    description: "a target or key result moves against the metric's `direction`, or equals the baseline",
    messages: {
      targetAgainst:
        "metric `{{metric}}` has `direction: {{direction}}` but its target {{to}} is {{comparison}} its baseline {{from}}; a target must move the metric the way it improves — correct the target or the `direction`",
      targetEqual: "the target of metric `{{metric}}` equals its baseline {{from}}; a target that asks for no change measures nothing — set the value the team commits to reach",
      krAgainst:
        "key result `{{metric}}` of objective `{{okr}}` goes from {{from}} to {{to}}, against the metric's `direction: {{direction}}`; a key result must move the metric the way it improves — swap or correct the values",
      krEqual: "key result `{{metric}}` of objective `{{okr}}` goes from {{from}} to {{to}}, no change; a key result must move the metric — set the value to reach",
    },
  },
  check(ctx) {
    const p = ctx.program;
    for (const m of p.metrics.values()) {
      const target = phraseOf(m.prop("target"));
      const baseline = phraseOf(m.prop("baseline"));
      const mv = movement(baseline?.expr, target?.expr);
      if (!mv) continue;
      const direction = m.word("direction");
      if (mv.move === "same") ctx.report({ decl: m.decl, messageId: "targetEqual", data: { metric: m.id, from: mv.from } });
      else if ((direction === "up" || direction === "down") && mv.move !== direction) {
        ctx.report({ decl: m.decl, messageId: "targetAgainst", data: { metric: m.id, direction, from: mv.from, to: mv.to, comparison: mv.move === "up" ? "above" : "below" } });
      }
    }
    for (const okr of p.ofKind("okr")) {
      if (!okr.id) continue;
      for (const kr of okr.keyResults) {
        const mv = movement(kr.from, kr.to);
        if (!mv) continue;
        const direction = p.metric(kr.metric.name)?.word("direction");
        const data = { metric: kr.metric.name, okr: okr.id.name, from: mv.from, to: mv.to };
        if (mv.move === "same") ctx.report({ decl: okr, span: kr.metric.span, messageId: "krEqual", data });
        else if ((direction === "up" || direction === "down") && mv.move !== direction) ctx.report({ decl: okr, span: kr.metric.span, messageId: "krAgainst", data: { ...data, direction } });
      }
    }
  },
});

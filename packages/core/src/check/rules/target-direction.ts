import type { Expr, Literal, MoneyLit, NumberLit } from "../../ast/nodes.js";
import { asLiteral, phraseOf } from "../../workspace/values.js";
import { defineRule } from "../rule.js";

/** The magnitude of a literal on its scale (numbers, money, durations in days, rates per day), else undefined. */
function magnitude(lit: Literal): number | undefined {
  switch (lit.type) {
    case "number":
    case "money":
      return lit.value;
    case "duration":
      return lit.days;
    case "rate":
      return lit.perDay;
    default:
      return undefined;
  }
}

/** True when two literals can be compared: numbers in the same unit, money in the same currency, durations, rates. */
function sameScale(a: Literal, b: Literal): boolean {
  if (a.type !== b.type) return false;
  if (a.type === "number") return a.unit === (b as NumberLit).unit;
  if (a.type === "money") return a.currency === (b as MoneyLit).currency;
  return true;
}

/** How `to` moves from `from`: "up", "down", "same", or undefined when they cannot be compared. */
function movement(from: Expr | null | undefined, to: Expr | null | undefined): { move: "up" | "down" | "same"; from: string; to: string } | undefined {
  const a = asLiteral(from);
  const b = asLiteral(to);
  if (!a || !b || !sameScale(a, b)) return undefined;
  const va = magnitude(a);
  const vb = magnitude(b);
  if (va === undefined || vb === undefined) return undefined;
  return { move: vb > va ? "up" : vb < va ? "down" : "same", from: a.raw, to: b.raw };
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
    const t = p.store;
    const targets = t.prop("target");
    const baselines = t.prop("baseline");
    const directions = t.word("direction");
    for (let i = 0; i < t.metrics.length; i++) {
      const target = targets[i];
      const baseline = baselines[i];
      if (!target || !baseline) continue;
      const mv = movement(phraseOf(baseline)?.expr, phraseOf(target)?.expr);
      if (!mv) continue;
      const m = t.metrics[i]!;
      const direction = directions[i];
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
        const slot = t.slotOf(kr.metric.name);
        const direction = slot === undefined ? undefined : directions[slot];
        const data = { metric: kr.metric.name, okr: okr.id.name, from: mv.from, to: mv.to };
        if (mv.move === "same") ctx.report({ decl: okr, span: kr.metric.span, messageId: "krEqual", data });
        else if ((direction === "up" || direction === "down") && mv.move !== direction)
          ctx.report({ decl: okr, span: kr.metric.span, messageId: "krAgainst", data: { ...data, direction } });
      }
    }
  },
});

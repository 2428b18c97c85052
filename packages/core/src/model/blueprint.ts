// Blueprint values several rules read: sales cycle, maturity, currency.
import type { Declaration } from "../ast/nodes.js";
import type { Program } from "../workspace/program.js";
import { literalOf, wordOf } from "../workspace/values.js";

/** The blueprint's `sales_cycle` in days with the property's declaration, or undefined when absent or not a duration. */
export function salesCycle(program: Program): { days: number; blueprint: Declaration; raw: string } | undefined {
  const bp = program.blueprint;
  const lit = bp ? literalOf(program.prop(bp, "sales_cycle")) : undefined;
  // a cycle too long to hold is an `invalid-value`, not an infinite cycle to advise on
  return bp && lit?.type === "duration" && Number.isFinite(lit.days) ? { days: lit.days, blueprint: bp, raw: lit.raw } : undefined;
}

/** The blueprint's `maturity` (1–5), or undefined. */
export function maturity(program: Program): number | undefined {
  const bp = program.blueprint;
  const lit = bp ? literalOf(program.prop(bp, "maturity")) : undefined;
  return lit?.type === "number" && Number.isInteger(lit.value) && lit.value >= 1 && lit.value <= 5 ? lit.value : undefined;
}

/** The blueprint's currency code (`USD` when unset). */
export function blueprintCurrency(program: Program): string {
  const bp = program.blueprint;
  return (bp && wordOf(program.prop(bp, "currency"))) ?? "USD";
}

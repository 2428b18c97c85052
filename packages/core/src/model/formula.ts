// Reading the shape of a metric `formula`: parentheses, divisions, additive terms.
import type { Expr } from "../ast/nodes.js";

/** An expression without enclosing parentheses. */
export function unparen(expr: Expr): Expr {
  let e = expr;
  while (e.type === "paren") e = e.inner;
  return e;
}

/** The numerator and denominator when an expression is a division at its top level, else undefined. */
export function divisionOf(expr: Expr | undefined): { numerator: Expr; denominator: Expr } | undefined {
  if (!expr) return undefined;
  const e = unparen(expr);
  return e.type === "binary" && e.op === "/" ? { numerator: unparen(e.left), denominator: unparen(e.right) } : undefined;
}

/** The terms an expression adds or subtracts, flattened through parentheses and negation: `a - (b + c)` → a, b, c. */
export function additiveTerms(expr: Expr, out: Expr[] = []): Expr[] {
  const e = unparen(expr);
  if (e.type === "binary" && (e.op === "+" || e.op === "-")) {
    additiveTerms(e.left, out);
    additiveTerms(e.right, out);
  } else if (e.type === "neg") additiveTerms(e.operand, out);
  else out.push(e);
  return out;
}

export { subexpressions } from "../workspace/values.js";

// A formula written back as text, canonically: `deals_won / (deals_won + deals_lost)`.
import type { Expr } from "../ast/nodes.js";
import { unparen } from "../model/formula.js";

/** Binding strength of an operator. */
function precedence(op: "+" | "-" | "*" | "/"): number {
  return op === "+" || op === "-" ? 1 : 2;
}

/** Canonical text of a formula: single spaces around operators, parentheses only where the grouping needs them. */
export function formulaText(expr: Expr): string {
  switch (expr.type) {
    case "name":
      return expr.name;
    case "paren":
      return formulaText(expr.inner);
    case "neg": {
      const inner = expr.operand.type === "binary" ? `(${formulaText(expr.operand)})` : formulaText(expr.operand);
      return `-${inner}`;
    }
    case "binary": {
      const p = precedence(expr.op);
      const left = unparen(expr.left);
      const right = unparen(expr.right);
      const l = left.type === "binary" && precedence(left.op) < p ? `(${formulaText(left)})` : formulaText(left);
      // The right side needs parentheses at equal precedence too: a - (b - c), a / (b * c).
      const r = right.type === "binary" && precedence(right.op) <= p ? `(${formulaText(right)})` : formulaText(right);
      return `${l} ${expr.op} ${r}`;
    }
    default:
      return expr.raw;
  }
}

import type { Expr, Ident, Literal, NameExpr, Phrase, Property, Value } from "../ast/nodes.js";

/** The first property of a list by name (lists are short: a loop beats an index). No read is noted: see `prop()`. */
export function findProperty(props: readonly Property[], name: string): Property | undefined {
  for (let i = 0; i < props.length; i++) if (props[i]!.name.name === name) return props[i];
  return undefined;
}

/** The phrases of a value: the items of a list, or the value itself. */
export function phrases(value: Value | null | undefined): readonly Phrase[] {
  if (!value) return [];
  return value.type === "list" ? value.items : [value];
}

/** The bare name of a phrase without modifiers (`owner: pmm` → `pmm`), else undefined. */
export function nameOf(phrase: Phrase | undefined): NameExpr | undefined {
  if (!phrase) return undefined;
  return phrase.expr.type === "name" ? phrase.expr : undefined;
}

/** The single word of a property (`type: output` → "output"), else undefined. */
export function wordOf(prop: Property | undefined): string | undefined {
  if (!prop?.value || prop.value.type === "list") return undefined;
  return nameOf(prop.value)?.name;
}

/** The words of a property, single or list (`traces: [revenue, pipeline]`). */
export function wordsOf(prop: Property | undefined): string[] {
  const out: string[] = [];
  for (const ph of phrases(prop?.value)) {
    const n = nameOf(ph);
    if (n) out.push(n.name);
  }
  return out;
}

/** The names of a property as idents (for references). */
export function identsOf(prop: Property | undefined): Ident[] {
  const out: Ident[] = [];
  for (const ph of phrases(prop?.value)) {
    const n = nameOf(ph);
    if (n) out.push({ name: n.name, span: n.span });
  }
  return out;
}

/** The single phrase of a non-list property. */
export function phraseOf(prop: Property | undefined): Phrase | undefined {
  if (!prop?.value || prop.value.type === "list") return undefined;
  return prop.value;
}

/** The literal of a property (`lead: 24h`), else undefined. */
export function literalOf(prop: Property | undefined): Literal | undefined {
  const ph = phraseOf(prop);
  return ph ? asLiteral(ph.expr) : undefined;
}

/** An expression as a literal (a negated number counts), else undefined. */
export function asLiteral(expr: Expr | null | undefined): Literal | undefined {
  if (!expr) return undefined;
  switch (expr.type) {
    case "name":
    case "binary":
      return undefined;
    case "paren":
      return asLiteral(expr.inner);
    case "neg": {
      const inner = asLiteral(expr.operand);
      if (inner && (inner.type === "number" || inner.type === "money")) return { ...inner, value: -inner.value, raw: `-${inner.raw}`, span: expr.span };
      return undefined;
    }
    default:
      return expr;
  }
}

/** The modifier of a phrase by keyword. */
export function modifierOf(phrase: Phrase | undefined, keyword: string): Expr | undefined {
  return phrase?.modifiers.find((m) => m.keyword === keyword)?.value;
}

/** A string property's value. */
export function stringOf(prop: Property | undefined): string | undefined {
  const lit = literalOf(prop);
  return lit?.type === "string" ? lit.value : undefined;
}

/** A boolean property's value. */
export function boolOf(prop: Property | undefined): boolean | undefined {
  const lit = literalOf(prop);
  return lit?.type === "bool" ? lit.value : undefined;
}

/** Every sub-expression, the expression first, in source order: the one walk over expressions (names, formulas, validation). */
export function subexpressions(expr: Expr, out: Expr[] = []): Expr[] {
  out.push(expr);
  switch (expr.type) {
    case "binary":
      subexpressions(expr.left, out);
      subexpressions(expr.right, out);
      break;
    case "neg":
      subexpressions(expr.operand, out);
      break;
    case "paren":
      subexpressions(expr.inner, out);
      break;
    default:
      break;
  }
  return out;
}

/** Every name used in an expression, in order. */
export function namesIn(expr: Expr | null | undefined, out: NameExpr[] = []): NameExpr[] {
  if (!expr) return out;
  for (const e of subexpressions(expr)) if (e.type === "name") out.push(e);
  return out;
}

/** A numeric reading of a literal (numbers, money, durations in days, rates per day). */
export function numericValue(lit: Literal | undefined): number | undefined {
  if (!lit) return undefined;
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

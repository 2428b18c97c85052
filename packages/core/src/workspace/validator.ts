// Checks one declaration against its kind's property table (the Validator): properties, values, modifiers, key results and views.
import type { Declaration, DeclKind, Expr, Ident, KeyResult, Phrase, Property, View } from "../ast/nodes.js";
import { ARTICLE, describeType } from "../schema/describe.js";
import { KIND_SPECS, type KindSpec, type PropertySpec, type ValueType } from "../schema/kinds.js";
import type { SourceFile } from "../syntax/source.js";
import type { Span } from "../text/span.js";
import { closest } from "../util/suggest.js";
import type { LocalRef, MoneyUse, ValueIssue } from "./validate.js";
import { asLiteral, findProperty, subexpressions, wordOf } from "./values.js";

/** For each property name, the declaration kinds that take it (`a metric or a source`), for misplaced properties. */
const PROPERTY_KINDS: ReadonlyMap<string, string> = (() => {
  const kinds = new Map<string, string[]>();
  for (const spec of KIND_SPECS.values()) {
    const article = spec.kind === "kr" ? "a key result" : spec.kind === "view" ? "a view" : ARTICLE[spec.kind as DeclKind];
    if (!article) continue;
    for (const name of spec.properties.keys()) kinds.set(name, [...(kinds.get(name) ?? []), article]);
  }
  const out = new Map<string, string>();
  for (const [name, list] of kinds) out.set(name, list.length <= 2 ? list.join(" or ") : `${list.slice(0, -1).join(", ")} or ${list[list.length - 1]}`);
  return out;
})();

/** The names of a YAML-style `- a - b` list (parsed as `-a - b`), or null for any other expression. */
function dashList(e: Expr): string[] | null {
  const names: string[] = [];
  let x: Expr = e;
  while (x.type === "binary" && x.op === "-" && x.right.type === "name") {
    names.push(x.right.name);
    x = x.left;
  }
  if (x.type !== "neg" || x.operand.type !== "name") return null;
  names.push(x.operand.name);
  return names.reverse();
}

/** Where the validator puts what it finds. */
export interface FactsSink {
  readonly refs: LocalRef[];
  readonly issues: ValueIssue[];
  readonly money: MoneyUse[];
}

/** Checks one declaration's properties and members against a kind's table (the catalog test uses it). */
export function validateDeclaration(decl: Declaration, file: SourceFile, spec?: KindSpec): { refs: LocalRef[]; issues: ValueIssue[]; money: MoneyUse[] } {
  const sink: FactsSink = { refs: [], issues: [], money: [] };
  new Validator(decl, file, sink, spec).run();
  return sink;
}

/** The value type a property's modifier takes, or undefined when the property has no such modifier. */
function modifierSpec(s: PropertySpec, keyword: string): readonly [string, ValueType] | undefined {
  const list = s.modifiers;
  if (!list) return undefined;
  for (let i = 0; i < list.length; i++) if (list[i]![0] === keyword) return list[i];
  return undefined;
}

/** True when a property of the same name comes before `props[index]` (only called for names the kind knows). */
function setBefore(props: readonly Property[], index: number): boolean {
  const name = props[index]!.name.name;
  for (let i = 0; i < index; i++) if (props[i]!.name.name === name) return true;
  return false;
}

/** Checks one declaration's properties, values and members; puts its references, issues and amounts of money in a sink. */
export class Validator {
  private readonly spec: KindSpec;
  private readonly label: string;

  constructor(
    private readonly decl: Declaration,
    private readonly file: SourceFile,
    private readonly sink: FactsSink,
    spec?: KindSpec,
  ) {
    this.spec = spec ?? KIND_SPECS.get(decl.kind)!;
    this.label = decl.kind === "tradeoff" ? "this tradeoff" : `\`${decl.kind} ${decl.id?.name ?? "?"}\``;
  }

  private issue(rule: ValueIssue["rule"], span: Span, message: string, data?: Record<string, string>): void {
    this.sink.issues.push(data ? { rule, file: this.file, span, decl: this.decl, message, data } : { rule, file: this.file, span, decl: this.decl, message });
  }

  private ref(ident: Ident | { name: string; span: Span }, property: string, expected: DeclKind, catalog = false): void {
    this.sink.refs.push({ name: ident.name, span: ident.span, in: this.decl, property, expected, catalog });
  }

  run(): void {
    const d = this.decl;
    if (d.kind === "tradeoff") {
      if (d.primary) this.ref(d.primary, "tradeoff", "metric");
      if (d.guard) this.ref(d.guard, "tradeoff", "metric");
    }
    if (d.from) {
      if (d.kind !== "metric") this.issue("invalid-value", d.from.span, `only metrics start \`from\` a catalog entry; remove \`from ${d.from.text}\``);
      else if (d.from.parts.length === 2 && d.from.parts[0]!.name === "std") this.ref(d.from.parts[1]!, "from", "metric", true);
      else this.issue("invalid-value", d.from.span, `\`${d.from.text}\` is not a catalog name; write \`std.NAME\`, e.g. \`std.win_rate\``);
    }
    this.properties(d.properties, this.spec);
    for (const kr of d.keyResults) {
      if (d.kind !== "okr") {
        this.issue("invalid-property", kr.span, `\`kr\` lines belong in an \`okr\`, not in ${this.label}`);
        continue;
      }
      this.keyResult(kr);
    }
    for (const view of d.views) {
      if (d.kind !== "dashboard") {
        this.issue("invalid-property", view.span, `\`view\` blocks belong in a \`dashboard\`, not in ${this.label}`);
        continue;
      }
      this.view(view);
    }
  }

  private keyResult(kr: KeyResult): void {
    if (kr.by) this.expr(kr.by.value, { t: "period" }, "kr");
    if (kr.form === "milestone") {
      // A milestone's name is its own (no metric); its reading is `done` or `pending`.
      const current = kr.properties.find((p) => p.name.name === "current");
      const word = current?.value?.type === "phrase" && current.value.expr.type === "name" ? current.value.expr.name : undefined;
      if (current?.value && word !== "done" && word !== "pending") {
        this.issue(
          "invalid-value",
          current.value.span,
          `\`current\` of milestone \`${kr.metric.name}\` is \`done\` or \`pending\`, with \`on DATE\`: \`current: done on 2026-10-01\``,
        );
      }
      this.properties(
        kr.properties.filter((p) => p !== current),
        KIND_SPECS.get("kr")!,
      );
      return;
    }
    this.ref(kr.metric, "kr", "metric");
    for (const e of [kr.from, kr.to, kr.change]) if (e) this.expr(e, { t: "quantity" }, "kr");
    this.properties(kr.properties, KIND_SPECS.get("kr")!);
  }

  private view(view: View): void {
    this.properties(view.properties, KIND_SPECS.get("view")!);
  }

  private properties(props: readonly Property[], spec: KindSpec): void {
    const metricType = this.decl.kind === "metric" ? wordOf(findProperty(props, "type")) : undefined;
    // Duplicates: a scan of the earlier names for the usual short lists, a set for long ones.
    const seen = props.length > 16 ? new Set<string>() : undefined;
    for (let index = 0; index < props.length; index++) {
      const p = props[index]!;
      const name = p.name.name;
      const s = spec.properties.get(name);
      if (!s) {
        this.unknownProperty(p, spec);
        continue;
      }
      if (seen ? seen.has(name) : setBefore(props, index)) {
        this.issue("invalid-property", p.name.span, `\`${name}\` is set twice in ${this.label}; keep one`);
        continue;
      }
      seen?.add(name);
      if (s.variant && metricType && metricType !== s.variant) {
        const msg =
          s.variant === "output"
            ? `\`inputs\` belongs on output metrics, and ${this.label} is an input; list it in an output's \`inputs\` instead`
            : `\`levers\` belongs on input metrics, and ${this.label} is an output; put the levers on the inputs that drive it`;
        this.issue("invalid-property", p.name.span, msg);
        continue;
      }
      if (p.value) this.value(p, s);
    }
  }

  /**
   * A property the kind does not take. A key result's property written on an
   * objective, or another kind's property, says where it belongs; else the
   * closest name is suggested, else the names the kind takes are listed.
   */
  private unknownProperty(p: Property, spec: KindSpec): void {
    const name = p.name.name;
    const where = spec.kind === "kr" ? "a key result" : spec.kind === "view" ? "a view" : (ARTICLE[spec.kind as DeclKind] ?? "this block");
    const takes = [...spec.properties.keys()].map((k) => `\`${k}\``).join(", ");
    if (spec.kind === "okr" && KIND_SPECS.get("kr")!.properties.has(name)) {
      this.issue(
        "invalid-property",
        p.name.span,
        `\`${name}\` belongs on a key result, not on the objective: write it in the key result's block, \`kr METRIC: FROM -> TO by PERIOD { ${name}: … }\``,
      );
      return;
    }
    const elsewhere = PROPERTY_KINDS.get(name);
    if (elsewhere) {
      this.issue("invalid-property", p.name.span, `${where} has no property \`${name}\` (${elsewhere} takes it); move it there or remove it — ${where} takes ${takes}`);
      return;
    }
    const suggestion = closest(name, [...spec.properties.keys()]);
    this.issue(
      "invalid-property",
      p.name.span,
      suggestion ? `${where} has no property \`${name}\`; did you mean \`${suggestion}\`?` : `${where} has no property \`${name}\`; it takes ${takes}`,
      suggestion ? { suggestion } : undefined,
    );
  }

  private value(p: Property, s: PropertySpec): void {
    const value = p.value!;
    if (value.type === "list" && s.shape === "single") {
      this.issue("invalid-value", value.span, `\`${s.name}\` takes one value, not a list: ${describeType(s.type)}`);
      return;
    }
    if (value.type === "list") for (const ph of value.items) this.phrase(ph, s);
    else this.phrase(value, s);
  }

  private phrase(ph: Phrase, s: PropertySpec): void {
    // Index loops, no closures: this runs for every value of the workspace.
    const modifiers = ph.modifiers;
    const seen = modifiers.length > 1 ? new Set<string>() : undefined;
    for (let i = 0; i < modifiers.length; i++) {
      const m = modifiers[i]!;
      const allowed = modifierSpec(s, m.keyword);
      if (!allowed) {
        const takes = s.modifiers?.length ? `; it takes ${s.modifiers.map(([k]) => `\`${k}\``).join(" and ")}` : "";
        this.issue("invalid-value", m.span, `\`${m.keyword}\` does not apply to \`${s.name}\`${takes}`);
        continue;
      }
      if (seen?.has(m.keyword)) {
        this.issue("invalid-value", m.span, `\`${m.keyword}\` is given twice on \`${s.name}\`; keep one`);
        continue;
      }
      seen?.add(m.keyword);
      this.expr(m.value, allowed[1], `${s.name}`);
    }
    this.expr(ph.expr, s.type, s.name);
  }

  private expr(e: Expr, t: ValueType, property: string): void {
    if (this.outOfRange(e)) return;
    if (t.t === "formula") {
      this.formula(e, property);
      return;
    }
    if (t.t === "ref" || t.t === "enum" || t.t === "currency") {
      if (e.type !== "name") return this.bad(e, t, property);
      if (t.t === "ref") this.ref(e, property, t.kind);
      else if (t.t === "enum" && !t.values.includes(e.name)) {
        const suggestion = closest(e.name, t.values);
        this.issue(
          "invalid-value",
          e.span,
          `\`${e.name}\` is not a valid \`${property}\`; expected one of ${t.values.join(", ")}${suggestion ? ` (did you mean \`${suggestion}\`?)` : ""}`,
          suggestion ? { suggestion } : undefined,
        );
      } else if (t.t === "currency" && !/^[A-Z]{3}$/.test(e.name)) this.bad(e, t, property);
      return;
    }
    const lit = asLiteral(e);
    if (!lit) return this.bad(e, t, property);
    switch (t.t) {
      case "int":
        if (lit.type !== "number" || lit.unit !== "none" || !Number.isInteger(lit.value) || lit.value < t.min || lit.value > t.max) this.bad(e, t, property);
        return;
      case "fraction":
        if (lit.type !== "number" || (lit.unit !== "none" && lit.unit !== "percent") || !(fraction(lit.value, lit.unit) > 0 && fraction(lit.value, lit.unit) < 1))
          this.bad(e, t, property);
        return;
      case "duration":
        if (lit.type !== "duration") this.bad(e, t, property);
        return;
      case "rate":
        if (lit.type !== "rate") this.bad(e, t, property);
        return;
      case "money":
        if (lit.type === "money") this.currency(lit.currency, lit.span, lit.raw);
        else if (!(lit.type === "number" && lit.unit === "none")) this.bad(e, t, property);
        return;
      case "date":
        if (lit.type !== "date") this.bad(e, t, property);
        return;
      case "period":
        if (!(lit.type === "date" || lit.type === "period" || (lit.type === "number" && lit.yearLike))) this.bad(e, t, property);
        return;
      case "month":
        if (!(lit.type === "period" && lit.form === "month")) this.bad(e, t, property);
        return;
      case "string":
        if (lit.type !== "string") this.bad(e, t, property);
        return;
      case "bool":
        if (lit.type !== "bool") this.bad(e, t, property);
        return;
      case "percent":
        if (!(lit.type === "number" && lit.unit === "percent")) this.bad(e, t, property);
        return;
      case "quantity":
        if (lit.type === "money") this.currency(lit.currency, lit.span, lit.raw);
        else if (!(lit.type === "number" || lit.type === "duration" || lit.type === "rate")) this.bad(e, t, property);
        return;
    }
  }

  /**
   * Reports every number literal in `e` whose value is not a finite 64-bit
   * float (more than 309 digits, or pushed past the limit by `k`/`M`/`B` or a
   * duration unit); true when there was one. Rules and the blueprint would
   * otherwise read it as Infinity, or 0.
   */
  private outOfRange(e: Expr): boolean {
    switch (e.type) {
      case "binary": {
        const left = this.outOfRange(e.left);
        return this.outOfRange(e.right) || left;
      }
      case "neg":
        return this.outOfRange(e.operand);
      case "paren":
        return this.outOfRange(e.inner);
      case "number":
      case "money":
        if (Number.isFinite(e.value)) return false;
        break;
      case "duration":
        if (Number.isFinite(e.amount) && Number.isFinite(e.days)) return false;
        break;
      case "rate":
        if (Number.isFinite(e.amount) && Number.isFinite(e.perDay)) return false;
        break;
      default:
        return false;
    }
    this.issue("invalid-value", e.span, `\`${exprText(this.file.text, e)}\` is out of range; write a number between -${MAX_NUMBER} and ${MAX_NUMBER}`);
    return true;
  }

  private bad(e: Expr, t: ValueType, property: string): void {
    const found = `\`${property}\` expects ${describeType(t)}, found \`${exprText(this.file.text, e)}\``;
    const named = t.t === "ref" || t.t === "enum" || t.t === "currency";
    // `owner: "pmm"`: a name in quotes (the fix takes them off)
    if (named && e.type === "string" && !e.multiline && /^[A-Za-z_][A-Za-z0-9_]*$/.test(e.value)) {
      this.issue("invalid-value", e.span, `${found}; names take no quotes: write \`${e.value}\``, { suggestion: e.value });
      return;
    }
    // `inputs:` then `- a` and `- b` lines, as in YAML: read as `-a - b`
    const dashed = named && KIND_SPECS.get(this.decl.kind as DeclKind)?.properties.get(property)?.shape === "list" ? dashList(e) : null;
    if (dashed) {
      this.issue("invalid-value", e.span, `\`${property}\` takes a list in brackets, not \`- item\` lines: write \`[${dashed.join(", ")}]\``);
      return;
    }
    this.issue("invalid-value", e.span, found);
  }

  private currency(currency: string, span: Span, raw: string): void {
    this.sink.money.push({ decl: this.decl, currency, span, raw });
  }

  private formula(expr: Expr, property: string): void {
    for (const e of subexpressions(expr)) {
      if (e.type === "name") this.ref(e, property, "metric");
      else if (e.type !== "binary" && e.type !== "neg" && e.type !== "paren" && e.type !== "number") {
        this.issue("invalid-value", e.span, `a formula combines metrics and plain numbers; \`${e.raw}\` does not belong in it`);
      }
    }
  }
}

/** The largest number a value may hold, as messages print it (a little below Number.MAX_VALUE, 1.7976931348623157e308). */
const MAX_NUMBER = "1.797e308";

function fraction(value: number, unit: string): number {
  return unit === "percent" ? value / 100 : value;
}

function exprText(text: string, e: Expr): string {
  const s = text.slice(e.span.start, e.span.end);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

import type { Declaration, DeclKind, Expr, Ident, KeyResult, Phrase, Property, View } from "../ast/nodes.js";
import { ARTICLE, describeType } from "../schema/describe.js";
import { KIND_SPECS, type KindSpec, type PropertySpec, type ValueType } from "../schema/kinds.js";
import type { Span } from "../text/span.js";
import { closest } from "../util/suggest.js";
import type { Program } from "./program.js";
import type { SourceFile } from "./source.js";
import { asLiteral, wordOf } from "./values.js";

/** A property or value problem found while resolving (reported by the language rules). */
export interface ValueIssue {
  readonly rule: "invalid-property" | "invalid-value" | "missing-property";
  readonly file: SourceFile;
  readonly span: Span;
  readonly decl: Declaration;
  readonly message: string;
  /** For quick fixes: a suggested replacement, or the missing property's name. */
  readonly data?: Readonly<Record<string, string>>;
}

/** Receives a reference found in a declaration (the program resolves it). */
export type AddRef = (name: string, span: Span, file: SourceFile, inDecl: Declaration, property: string, expected: DeclKind, catalog: boolean) => void;
type AddIssue = (i: ValueIssue) => void;

const CURRENCY_OF_SYMBOL = new Set(["USD", "EUR", "GBP"]);

/** Checks one declaration's properties and members against its kind's table, and reports its references. */
export function validateDeclaration(decl: Declaration, file: SourceFile, program: Program, addRef: AddRef, addIssue: AddIssue, spec?: KindSpec): void {
  const v = new Validator(decl, file, program, addRef, addIssue, spec);
  v.run();
}

/** Checks the ★ and ☆ properties of a declaration (after KPIs are known). */
export function checkRequired(decl: Declaration, file: SourceFile, program: Program, addIssue: AddIssue): void {
  if (decl.kind === "tradeoff" || !decl.id) return;
  const spec = KIND_SPECS.get(decl.kind)!;
  const label = (): string => `${decl.kind} ${decl.id!.name}`;
  const metric = decl.kind === "metric" ? program.metricOf(decl) : undefined;
  for (const s of requiredOf(spec)) {
    if (metric ? metric.prop(s.name) !== undefined : hasProperty(decl.properties, s.name)) continue;
    let message: string | undefined;
    if (s.required === "always") message = `\`${label()}\` is missing \`${s.name}\` (${s.doc}); add \`${s.name}: …\``;
    else if (s.required === "output" && metric?.type === "output")
      message = `output metric \`${decl.id.name}\` has no \`${s.name}\`; outputs need one of ${(s.type.t === "enum" ? s.type.values : []).join(", ")}`;
    else if (s.required === "kpi" && metric && program.isKpi(metric))
      message = `\`${decl.id.name}\` is a KPI and has no \`${s.name}\` (${s.doc}); add \`${s.name}: …\``;
    if (message) addIssue({ rule: "missing-property", file, span: decl.id.span, decl, message, data: { property: s.name } });
  }
  if (decl.kind === "experiment" && !hasProperty(decl.properties, "expect") && !hasProperty(decl.properties, "mde")) {
    addIssue({
      rule: "missing-property",
      file,
      span: decl.id.span,
      decl,
      message: `\`${label()}\` needs \`expect\` (the value hoped for) or \`mde\` (the smallest effect worth detecting); add one`,
      data: { property: "expect" },
    });
  }
}

function hasProperty(props: readonly Property[], name: string): boolean {
  for (let i = 0; i < props.length; i++) if (props[i]!.name.name === name) return true;
  return false;
}

/** True when a property of the same name comes before `props[index]` (only called for names the kind knows). */
function setBefore(props: readonly Property[], index: number): boolean {
  const name = props[index]!.name.name;
  for (let i = 0; i < index; i++) if (props[i]!.name.name === name) return true;
  return false;
}

const REQUIRED = new WeakMap<KindSpec, PropertySpec[]>();

/** A kind's ★ and ☆ properties, in table order (computed once per kind). */
function requiredOf(spec: KindSpec): PropertySpec[] {
  let list = REQUIRED.get(spec);
  if (!list) {
    list = [...spec.properties.values()].filter((s) => s.required);
    REQUIRED.set(spec, list);
  }
  return list;
}

class Validator {
  private readonly spec: KindSpec;
  private readonly label: string;

  constructor(
    private readonly decl: Declaration,
    private readonly file: SourceFile,
    private readonly program: Program,
    private readonly addRef: AddRef,
    private readonly addIssue: AddIssue,
    spec?: KindSpec,
  ) {
    this.spec = spec ?? KIND_SPECS.get(decl.kind)!;
    this.label = decl.kind === "tradeoff" ? "this tradeoff" : `\`${decl.kind} ${decl.id?.name ?? "?"}\``;
  }

  private issue(rule: ValueIssue["rule"], span: Span, message: string, data?: Record<string, string>): void {
    this.addIssue(data ? { rule, file: this.file, span, decl: this.decl, message, data } : { rule, file: this.file, span, decl: this.decl, message });
  }

  private ref(ident: Ident | { name: string; span: Span }, property: string, expected: DeclKind, catalog = false): void {
    this.addRef(ident.name, ident.span, this.file, this.decl, property, expected, catalog);
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
    this.ref(kr.metric, "kr", "metric");
    for (const e of [kr.from, kr.to]) if (e) this.expr(e, { t: "quantity" }, "kr");
    if (kr.by) this.expr(kr.by.value, { t: "period" }, "kr");
    this.properties(kr.properties, KIND_SPECS.get("kr")!);
  }

  private view(view: View): void {
    this.properties(view.properties, KIND_SPECS.get("view")!);
  }

  private properties(props: readonly Property[], spec: KindSpec): void {
    const metricType = this.decl.kind === "metric" ? wordOf(props.find((p) => p.name.name === "type")) : undefined;
    // Duplicates: a scan of the earlier names for the usual short lists, a set for long ones.
    const seen = props.length > 16 ? new Set<string>() : undefined;
    for (let index = 0; index < props.length; index++) {
      const p = props[index]!;
      const name = p.name.name;
      const s = spec.properties.get(name);
      if (!s) {
        const suggestion = closest(name, [...spec.properties.keys()]);
        const where = spec.kind === "kr" ? "a key result" : spec.kind === "view" ? "a view" : ARTICLE[spec.kind as DeclKind] ?? "this block";
        this.issue(
          "invalid-property",
          p.name.span,
          suggestion ? `${where} has no property \`${name}\`; did you mean \`${suggestion}\`?` : `${where} has no property \`${name}\`; it takes ${[...spec.properties.keys()].map((k) => `\`${k}\``).join(", ")}`,
          suggestion ? { suggestion } : undefined,
        );
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
    const seen = ph.modifiers.length > 1 ? new Set<string>() : undefined;
    for (const m of ph.modifiers) {
      const allowed = s.modifiers?.find(([k]) => k === m.keyword);
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
        if (lit.type !== "number" || (lit.unit !== "none" && lit.unit !== "percent") || !(fraction(lit.value, lit.unit) > 0 && fraction(lit.value, lit.unit) < 1)) this.bad(e, t, property);
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

  private bad(e: Expr, t: ValueType, property: string): void {
    this.issue("invalid-value", e.span, `\`${property}\` expects ${describeType(t)}, found \`${exprText(this.file.text, e)}\``);
  }

  private currency(currency: string, span: Span, raw: string): void {
    const code = currencyCode(this.program);
    // An invalid currency code is reported on the blueprint; do not pile on.
    if (currency !== code && /^[A-Z]{3}$/.test(code)) {
      const hint = CURRENCY_OF_SYMBOL.has(code) ? `write amounts in ${code}` : `write plain numbers, which are in ${code}`;
      this.issue("invalid-value", span, `\`${raw}\` is in ${currency}, but the blueprint's currency is ${code}; ${hint}`);
    }
  }

  private formula(e: Expr, property: string): void {
    switch (e.type) {
      case "name":
        this.ref(e, property, "metric");
        return;
      case "binary":
        this.formula(e.left, property);
        this.formula(e.right, property);
        return;
      case "neg":
        this.formula(e.operand, property);
        return;
      case "paren":
        this.formula(e.inner, property);
        return;
      case "number":
        return;
      default:
        this.issue("invalid-value", e.span, `a formula combines metrics and plain numbers; \`${e.raw}\` does not belong in it`);
    }
  }
}

const CURRENCY = new WeakMap<Program, string>();

/** The blueprint's currency code (USD by default), read once per program. */
function currencyCode(program: Program): string {
  let code = CURRENCY.get(program);
  if (code === undefined) {
    const bp = program.blueprint;
    code = (bp && wordOf(bp.properties.find((p) => p.name.name === "currency"))) ?? "USD";
    CURRENCY.set(program, code);
  }
  return code;
}

function fraction(value: number, unit: string): number {
  return unit === "percent" ? value / 100 : value;
}

function exprText(text: string, e: Expr): string {
  const s = text.slice(e.span.start, e.span.end);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

import type { Span } from "../text/span.js";

/** The declaration kinds that take an id (grammar/LANGUAGE.md section 4). */
export const DECLARATION_KINDS = [
  "blueprint",
  "team",
  "source",
  "workstream",
  "metric",
  "okr",
  "attribution",
  "launch",
  "forum",
  "report",
  "dashboard",
  "experiment",
  "review",
] as const;

/** A declaration kind that has an id. */
export type DeclKind = (typeof DECLARATION_KINDS)[number];

/** Every top-level declaration kind, `tradeoff` included. */
export type AnyDeclKind = DeclKind | "tradeoff";

/** An identifier as written, with its span. */
export interface Ident {
  readonly name: string;
  readonly span: Span;
}

/** Units a plain number literal can carry from its suffix. */
export type NumberUnit = "none" | "percent" | "pp" | "multiple";

/** Currencies a money literal can carry from its symbol. */
export type Currency = "USD" | "EUR" | "GBP";

/** Duration units as written. */
export type DurationUnit = "h" | "d" | "w" | "mo" | "q" | "y";

/** Rate denominators as written. */
export type RatePer = "day" | "week" | "month" | "year";

/** Period forms (grammar/LANGUAGE.md section 2). */
export type PeriodForm = "year" | "fiscal" | "fiscal_half" | "fiscal_quarter" | "half" | "quarter" | "month";

/** A number: `42`, `1_200`, `3.5k`, `25%`, `2pp`, `3x`. `value` has the magnitude applied. */
export interface NumberLit {
  readonly type: "number";
  readonly value: number;
  readonly unit: NumberUnit;
  /** True for a bare 4-digit integer, which reads as a year where a period is expected. */
  readonly yearLike: boolean;
  readonly raw: string;
  readonly span: Span;
}

/** Money: `$6M`, `€300k`, `£1.5k`. */
export interface MoneyLit {
  readonly type: "money";
  readonly value: number;
  readonly currency: Currency;
  readonly raw: string;
  readonly span: Span;
}

/** A duration: `24h`, `45d`, `12w`, `6mo`, `2q`, `1y`. */
export interface DurationLit {
  readonly type: "duration";
  readonly amount: number;
  readonly unit: DurationUnit;
  readonly days: number;
  readonly raw: string;
  readonly span: Span;
}

/** A rate: `800/day`, `650/month`. */
export interface RateLit {
  readonly type: "rate";
  readonly amount: number;
  readonly per: RatePer;
  readonly perDay: number;
  readonly raw: string;
  readonly span: Span;
}

/** A calendar date: `2026-09-15`. */
export interface DateLit {
  readonly type: "date";
  /** ISO `YYYY-MM-DD`. */
  readonly iso: string;
  readonly raw: string;
  readonly span: Span;
}

/** A period: `FY2026`, `FY2026-Q1`, `FY2026-H2`, `2026-H2`, `2026-Q3`, `2026-09` (a bare year is a NumberLit with yearLike). */
export interface PeriodLit {
  readonly type: "period";
  readonly form: PeriodForm;
  readonly year: number;
  /** Half (1–2), quarter (1–4) or month (1–12); 0 for years. */
  readonly index: number;
  readonly raw: string;
  readonly span: Span;
}

/** A string: `"..."` or `"""..."""`, `value` with escapes applied. */
export interface StringLit {
  readonly type: "string";
  readonly value: string;
  readonly multiline: boolean;
  readonly raw: string;
  readonly span: Span;
}

/** `true` or `false`. */
export interface BoolLit {
  readonly type: "bool";
  readonly value: boolean;
  readonly raw: string;
  readonly span: Span;
}

/** Any literal value. */
export type Literal = NumberLit | MoneyLit | DurationLit | RateLit | DateLit | PeriodLit | StringLit | BoolLit;

/** A name used as a value (a reference or an enum word, decided by the property table). */
export interface NameExpr {
  readonly type: "name";
  readonly name: string;
  readonly span: Span;
}

/** `a + b`, `a - b`, `a * b`, `a / b`. */
export interface BinaryExpr {
  readonly type: "binary";
  readonly op: "+" | "-" | "*" | "/";
  readonly left: Expr;
  readonly right: Expr;
  readonly span: Span;
}

/** `-x`. */
export interface NegExpr {
  readonly type: "neg";
  readonly operand: Expr;
  readonly span: Span;
}

/** `( expr )`, kept so the formatter can reproduce the text. */
export interface ParenExpr {
  readonly type: "paren";
  readonly inner: Expr;
  readonly span: Span;
}

/** An expression. */
export type Expr = Literal | NameExpr | BinaryExpr | NegExpr | ParenExpr;

/** Modifier keywords (grammar/LANGUAGE.md section 6). */
export type ModifierKeyword = "from" | "over" | "by" | "for" | "on";

/** `from salesforce`, `over 2025-Q3`, `by 2026-Q4`, `for 12mo`, `on 2026-10-31`. */
export interface Modifier {
  readonly keyword: ModifierKeyword;
  readonly keywordSpan: Span;
  readonly value: Expr;
  readonly span: Span;
}

/** An expression with its modifiers: `102% from salesforce over 2025-Q3`. */
export interface Phrase {
  readonly type: "phrase";
  readonly expr: Expr;
  readonly modifiers: readonly Modifier[];
  readonly span: Span;
}

/** `[a, b, c]`. */
export interface ListValue {
  readonly type: "list";
  readonly items: readonly Phrase[];
  readonly span: Span;
}

/** A property value. */
export type Value = Phrase | ListValue;

/** `name: value`. */
export interface Property {
  readonly type: "property";
  readonly name: Ident;
  /** Null when the value could not be parsed (a syntax error was reported). */
  readonly value: Value | null;
  readonly span: Span;
}

/**
 * What a key result asks for (grammar/LANGUAGE.md, section 4):
 * - `move`: `FROM -> TO`, from a stated start to a value;
 * - `target`: `-> TO`, a value to reach with no stated start (the metric's `baseline` is the start);
 * - `change`: `+15%`, `-35%` (relative to the start) or `+30`, `-5d` (absolute), from the metric's `baseline`;
 * - `hold`: `at most 0.61`, `at least 1.0`, a ceiling or floor to stay within;
 * - `milestone`: `done`, done or not by the deadline (the name is the milestone's own, not a metric).
 */
export type KeyResultForm = "move" | "target" | "change" | "hold" | "milestone";

/** `kr METRIC "Title"?: (FROM -> TO | -> TO | ±CHANGE | at most|least VALUE | done) by PERIOD { current: VALUE on DATE }`. */
export interface KeyResult {
  readonly type: "kr";
  readonly form: KeyResultForm;
  /** The metric measured; for a milestone, the milestone's name (local to its objective). */
  readonly metric: Ident;
  readonly title: StringLit | null;
  /** `move` only. */
  readonly from: Expr | null;
  /** `move` and `target`: the value to reach; `hold`: the ceiling or floor. */
  readonly to: Expr | null;
  /** `change` only: the unsigned amount, with its sign in `sign` (relative when a percent). */
  readonly change: Expr | null;
  readonly sign: "+" | "-" | null;
  /** `hold` only: `at_most` (a ceiling) or `at_least` (a floor). */
  readonly bound: "at_most" | "at_least" | null;
  /** The words of the form (`at most`, `done`, the sign), for editors: start and end. */
  readonly formSpan: Span | null;
  readonly by: Modifier | null;
  readonly properties: readonly Property[];
  readonly span: Span;
}

/** `view ID "Title" { audience: [...]  metrics: [...] }` inside a dashboard. */
export interface View {
  readonly type: "view";
  readonly id: Ident;
  readonly title: StringLit | null;
  readonly properties: readonly Property[];
  readonly span: Span;
}

/** A block member. */
export type Member = Property | KeyResult | View;

/** `from std.NAME` on a metric header. */
export interface QualifiedName {
  readonly parts: readonly Ident[];
  readonly text: string;
  readonly span: Span;
}

/** A top-level declaration. */
export interface Declaration {
  readonly type: "declaration";
  readonly kind: AnyDeclKind;
  readonly kindSpan: Span;
  /** The id; null for a tradeoff (and for a header too broken to name). */
  readonly id: Ident | null;
  readonly title: StringLit | null;
  readonly from: QualifiedName | null;
  /** Tradeoff only: the primary metric and the guard after `vs`. */
  readonly primary: Ident | null;
  readonly guard: Ident | null;
  /** Members in source order. */
  readonly members: readonly Member[];
  readonly properties: readonly Property[];
  readonly keyResults: readonly KeyResult[];
  readonly views: readonly View[];
  /** Span of the `{ … }` block (to the last member when `}` is missing), null without a block. */
  readonly block: Span | null;
  /** True when the block's `}` was missing. */
  readonly unclosed: boolean;
  /** The `##` doc comment above the declaration, without the markers. */
  readonly doc: string | null;
  readonly span: Span;
}

/** A `#` comment. */
export interface Comment {
  readonly text: string;
  readonly span: Span;
  /** `##` doc comment. */
  readonly doc: boolean;
}

/** One parsed file. */
export interface FileNode {
  readonly type: "file";
  readonly declarations: readonly Declaration[];
  readonly comments: readonly Comment[];
}

// AST nodes from tokens: the constructors the grammar's embedded actions call
// (parser.ts), so the grammar file holds the grammar and its recovery only.
import { tokenMatcher, type IToken } from "chevrotain";
import type { AnyDeclKind, Declaration, Expr, Ident, KeyResult, Member, Phrase, Property, QualifiedName, StringLit, View } from "../ast/nodes.js";
import type { Span } from "../text/span.js";
import type { PmmToken } from "./lexer.js";
import * as T from "./tokens.js";

/** The expression of a name or literal token. */
export function atomExpr(t: PmmToken): Expr {
  return t.literal ? t.literal : { type: "name", name: t.image, span: tokenSpan(t) };
}

/** A value of one token (a literal, or a name that does not start a declaration), as a phrase; null for anything else. */
export function oneTokenValue(t: PmmToken): Phrase | null {
  return t.literal || (tokenMatcher(t, T.Name) && !tokenMatcher(t, T.KindWord)) ? atomPhrase(t) : null;
}

/** The phrase of a name or literal token, without modifiers. */
export function atomPhrase(t: PmmToken): Phrase {
  const expr = atomExpr(t);
  return { type: "phrase", expr, modifiers: NONE, span: expr.span };
}

/** How a name or literal is written (for hints), or null for anything else. */
export function simpleImage(e: Expr): string | null {
  if (e.type === "name") return e.name;
  return "raw" in e && typeof e.raw === "string" ? e.raw : null;
}

export function tokenSpan(t: IToken): Span {
  if (Number.isNaN(t.startOffset)) return { start: -1, end: -1 };
  return { start: t.startOffset, end: endOf(t) };
}

export function endOf(t: IToken): number {
  return (t.endOffset ?? t.startOffset) + 1;
}

export function ident(t: IToken): Ident {
  return { name: t.image, span: tokenSpan(t) };
}

/** One shared empty list: most declarations have no key results or views, most values no modifiers. */
export const NONE: readonly never[] = Object.freeze([]);

/** A declaration node from its parts. */
export function makeDecl(
  kind: AnyDeclKind,
  kw: IToken,
  id: Ident | null,
  title: StringLit | null,
  from: QualifiedName | null,
  primary: Ident | null,
  guard: Ident | null,
  members: Member[],
  block: Span | null,
  unclosed: boolean,
  last: IToken,
): Declaration {
  // members by type; the member list itself when every member is a property (the AST is read-only)
  let others = 0;
  for (const m of members) if (m.type !== "property") others++;
  let properties: readonly Property[] = members as Property[];
  let keyResults: readonly KeyResult[] = NONE;
  let views: readonly View[] = NONE;
  if (others > 0) {
    const ps: Property[] = [];
    const krs: KeyResult[] = [];
    const vs: View[] = [];
    for (const m of members) {
      if (m.type === "property") ps.push(m);
      else if (m.type === "kr") krs.push(m);
      else vs.push(m);
    }
    properties = ps;
    if (krs.length) keyResults = krs;
    if (vs.length) views = vs;
  }
  const end = block ? block.end : Math.max(endOf(kw), endOf(last));
  return {
    type: "declaration",
    kind,
    kindSpan: tokenSpan(kw),
    id,
    title,
    from,
    primary,
    guard,
    members,
    properties,
    keyResults,
    views,
    block,
    unclosed,
    doc: null,
    span: { start: kw.startOffset, end },
  };
}

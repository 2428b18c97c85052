// Semantic tokens: references coloured by the kind of what they name (a team
// as a class, a metric as a variable, …), declaration ids with the
// `declaration` modifier, property names, and enum words.
import { namesIn, phrases, wordOf, type AnyDeclKind, type Declaration, type Program, type Property, type SourceFile, type KindSpec } from "@pmm/core";
import type { SemanticTokens, SemanticTokensLegend, SemanticTokensParams } from "vscode-languageserver/node";
import { propertySpec, referencesIn } from "../locate.js";
import { toPosition } from "../positions.js";
import type { Session } from "../session.js";

const TYPES = ["namespace", "type", "class", "struct", "interface", "event", "function", "variable", "property", "enumMember"] as const;
const MODIFIERS = ["declaration", "defaultLibrary", "deprecated"] as const;

type TokenType = (typeof TYPES)[number];
type TokenModifier = (typeof MODIFIERS)[number];

/** The legend the server declares. */
export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TYPES], tokenModifiers: [...MODIFIERS] };

/** The token type of a declaration kind. */
export function tokenTypeOf(kind: AnyDeclKind): TokenType {
  switch (kind) {
    case "metric":
      return "variable";
    case "team":
      return "class";
    case "source":
      return "namespace";
    case "workstream":
      return "struct";
    case "okr":
    case "launch":
      return "event";
    case "attribution":
      return "function";
    case "forum":
    case "review":
      return "interface";
    default:
      return "type";
  }
}

interface Token {
  readonly start: number;
  readonly length: number;
  readonly type: TokenType;
  readonly modifiers: readonly TokenModifier[];
}

function retired(decl: Declaration): boolean {
  return decl.kind === "metric" && wordOf(decl.properties.find((p) => p.name.name === "status")) === "retired";
}

/** The tokens of one file, sorted. */
export function fileTokens(program: Program, file: SourceFile): Token[] {
  const tokens: Token[] = [];
  const refStarts = new Set<number>();
  for (const r of referencesIn(program, file.path)) {
    refStarts.add(r.span.start);
    if (!r.target) continue;
    const mods: TokenModifier[] = r.catalog ? ["defaultLibrary"] : retired(r.target) ? ["deprecated"] : [];
    tokens.push({ start: r.span.start, length: r.span.end - r.span.start, type: tokenTypeOf(r.target.kind), modifiers: mods });
  }
  const props = (list: readonly Property[], kind: KindSpec["kind"]): void => {
    for (const p of list) {
      tokens.push({ start: p.name.span.start, length: p.name.span.end - p.name.span.start, type: "property", modifiers: [] });
      const t = propertySpec(kind, p.name.name)?.type.t;
      if (t !== "enum" && t !== "currency") continue;
      for (const ph of phrases(p.value)) {
        for (const n of namesIn(ph.expr)) {
          if (!refStarts.has(n.span.start)) tokens.push({ start: n.span.start, length: n.span.end - n.span.start, type: "enumMember", modifiers: [] });
        }
      }
    }
  };
  for (const d of file.ast.declarations) {
    if (d.id)
      tokens.push({
        start: d.id.span.start,
        length: d.id.span.end - d.id.span.start,
        type: tokenTypeOf(d.kind),
        modifiers: retired(d) ? ["declaration", "deprecated"] : ["declaration"],
      });
    if (d.from && d.from.parts.length === 2) {
      const std = d.from.parts[0]!;
      tokens.push({ start: std.span.start, length: std.span.end - std.span.start, type: "namespace", modifiers: ["defaultLibrary"] });
    }
    props(d.properties, d.kind);
    for (const kr of d.keyResults) props(kr.properties, "kr");
    for (const v of d.views) {
      tokens.push({ start: v.id.span.start, length: v.id.span.end - v.id.span.start, type: "type", modifiers: ["declaration"] });
      props(v.properties, "view");
    }
  }
  tokens.sort((a, b) => a.start - b.start);
  const out: Token[] = [];
  let end = -1;
  for (const t of tokens) {
    if (t.start < end || t.length <= 0) continue;
    out.push(t);
    end = t.start + t.length;
  }
  return out;
}

/** Encodes tokens as LSP's relative integer array. */
function encode(file: SourceFile, tokens: readonly Token[]): number[] {
  const data: number[] = [];
  let line = 0;
  let char = 0;
  for (const t of tokens) {
    const p = toPosition(file, t.start);
    const dl = p.line - line;
    const dc = dl === 0 ? p.character - char : p.character;
    let bits = 0;
    for (const m of t.modifiers) bits |= 1 << MODIFIERS.indexOf(m);
    data.push(dl, dc, t.length, TYPES.indexOf(t.type), bits);
    line = p.line;
    char = p.character;
  }
  return data;
}

/** Answers `textDocument/semanticTokens/full`. */
export function semanticTokens(session: Session, params: SemanticTokensParams): SemanticTokens {
  const file = session.file(params?.textDocument?.uri);
  if (!file) return { data: [] };
  return { data: encode(file, fileTokens(session.program(file), file)) };
}

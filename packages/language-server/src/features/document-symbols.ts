// Document symbols: the outline, one symbol per declaration (its kind shown by
// the symbol kind and the detail), with its properties, key results and views
// as children.
import type { AnyDeclKind, Declaration, Property, SourceFile } from "@pmm/core";
import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams } from "vscode-languageserver/node";
import { propertyValueText } from "../describe.js";
import { toRange } from "../positions.js";
import type { Session } from "../session.js";

/** The symbol kind of a declaration kind. */
export function symbolKindOf(kind: AnyDeclKind): SymbolKind {
  switch (kind) {
    case "blueprint":
      return SymbolKind.Package;
    case "team":
      return SymbolKind.Class;
    case "source":
      return SymbolKind.Module;
    case "workstream":
      return SymbolKind.Struct;
    case "metric":
      return SymbolKind.Variable;
    case "tradeoff":
      return SymbolKind.Operator;
    case "okr":
      return SymbolKind.Event;
    case "attribution":
      return SymbolKind.Function;
    case "launch":
      return SymbolKind.Event;
    case "forum":
      return SymbolKind.Interface;
    case "report":
      return SymbolKind.File;
    case "dashboard":
      return SymbolKind.Namespace;
    case "experiment":
      return SymbolKind.Constant;
    case "review":
      return SymbolKind.Interface;
  }
}

const MAX_DETAIL = 60;

function shorten(s: string): string {
  return s.length > MAX_DETAIL ? `${s.slice(0, MAX_DETAIL - 1)}…` : s;
}

function propertySymbol(file: SourceFile, p: Property): DocumentSymbol {
  return { name: p.name.name, detail: shorten(propertyValueText(file, p)), kind: SymbolKind.Property, range: toRange(file, p.span), selectionRange: toRange(file, p.name.span) };
}

/** The name of a declaration in outlines: its id, or `primary vs guard` for a tradeoff. */
export function symbolName(decl: Declaration): string {
  if (decl.kind === "tradeoff") return `${decl.primary?.name ?? "?"} vs ${decl.guard?.name ?? "?"}`;
  return decl.id?.name ?? "?";
}

/** The outline of one file. */
export function fileSymbols(file: SourceFile): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const d of file.ast.declarations) {
    const children: DocumentSymbol[] = [];
    for (const m of d.members) {
      if (m.type === "property") children.push(propertySymbol(file, m));
      else if (m.type === "kr") {
        const from = m.from ? file.text.slice(m.from.span.start, m.from.span.end) : "?";
        const to = m.to ? file.text.slice(m.to.span.start, m.to.span.end) : "?";
        // the other forms as written: `-> 150`, `-35%`, `at most 0.61`, `done`
        const start = m.formSpan?.start ?? m.to?.span.start;
        const end = (m.to ?? m.change)?.span.end ?? m.formSpan?.end;
        const detail = m.form === "move" || start === undefined || end === undefined ? `${from} → ${to}` : file.text.slice(start, end);
        children.push({
          name: `kr ${m.metric.name}`,
          detail,
          kind: SymbolKind.Field,
          range: toRange(file, m.span),
          selectionRange: toRange(file, m.metric.span),
          children: m.properties.map((p) => propertySymbol(file, p)),
        });
      } else {
        children.push({
          name: m.id.name,
          detail: m.title ? `view · ${m.title.value}` : "view",
          kind: SymbolKind.Namespace,
          range: toRange(file, m.span),
          selectionRange: toRange(file, m.id.span),
          children: m.properties.map((p) => propertySymbol(file, p)),
        });
      }
    }
    const anchor = d.id ?? d.primary ?? { span: d.kindSpan };
    out.push({
      name: symbolName(d),
      detail: d.title ? `${d.kind} · ${d.title.value}` : d.kind,
      kind: symbolKindOf(d.kind),
      range: toRange(file, d.span),
      selectionRange: toRange(file, anchor.span),
      children,
    });
  }
  return out;
}

/** Answers `textDocument/documentSymbol`. */
export function documentSymbols(session: Session, params: DocumentSymbolParams): DocumentSymbol[] {
  const file = session.file(params?.textDocument?.uri);
  return file ? fileSymbols(file) : [];
}

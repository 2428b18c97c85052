// Workspace symbols: every declaration of the workspace whose id or title
// matches the query (case-insensitive, characters in order).
import type { SymbolInformation, WorkspaceSymbolParams } from "vscode-languageserver/node";
import { toRange } from "../positions.js";
import type { Session } from "../session.js";
import { symbolKindOf, symbolName } from "./document-symbols.js";

/** The most symbols one answer carries. */
export const MAX_WORKSPACE_SYMBOLS = 1000;

/** True when the query's characters appear in order in the text (case-insensitive). */
export function fuzzyMatch(query: string, text: string): boolean {
  const q = query.toLowerCase();
  const t = text.toLowerCase();
  let i = 0;
  for (let j = 0; j < t.length && i < q.length; j++) if (t[j] === q[i]) i++;
  return i === q.length;
}

/** Answers `workspace/symbol` (in file order). */
export function workspaceSymbols(session: Session, params: WorkspaceSymbolParams): SymbolInformation[] {
  const query = typeof params?.query === "string" ? params.query : "";
  const out: SymbolInformation[] = [];
  for (const file of session.files()) {
    for (const d of file.ast.declarations) {
      const name = symbolName(d);
      if (query && !fuzzyMatch(query, name) && !(d.title && fuzzyMatch(query, d.title.value))) continue;
      const anchor = d.id ?? d.primary ?? { span: d.kindSpan };
      out.push({ name, kind: symbolKindOf(d.kind), containerName: d.kind, location: { uri: file.path, range: toRange(file, anchor.span) } });
      if (out.length >= MAX_WORKSPACE_SYMBOLS) return out;
    }
  }
  return out;
}

// Find references: every place a declaration is named, across files.
import type { Location, ReferenceParams } from "vscode-languageserver/node";
import { declarationOf, locate } from "../locate.js";
import { toOffset, toRange } from "../positions.js";
import type { Session } from "../session.js";

/** Answers `textDocument/references` (sorted by file, then position). */
export function references(session: Session, params: ReferenceParams): Location[] {
  const file = session.file(params?.textDocument?.uri);
  if (!file) return [];
  const offset = toOffset(file, params.position);
  if (offset === null) return [];
  const program = session.program(file);
  const decl = declarationOf(locate(program, file, offset));
  if (!decl?.id) return [];
  const home = program.fileOf(decl);
  if (home.builtin) return [];
  const found: Array<{ path: string; start: number; location: Location }> = [];
  if (params.context?.includeDeclaration !== false) found.push({ path: home.path, start: decl.id.span.start, location: { uri: home.path, range: toRange(home, decl.id.span) } });
  for (const r of program.referencesTo(decl)) {
    if (r.catalog) continue;
    found.push({ path: r.file.path, start: r.span.start, location: { uri: r.file.path, range: toRange(r.file, r.span) } });
  }
  found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.start - b.start));
  return found.map((f) => f.location);
}

// Go to definition: from any reference (or a declaration's own id) to the
// declaration it names, across files.
import type { DefinitionParams, Location } from "vscode-languageserver/node";
import { declarationOf, locate } from "../locate.js";
import { toOffset, toRange } from "../positions.js";
import type { Session } from "../session.js";

/** Answers `textDocument/definition`. */
export function definition(session: Session, params: DefinitionParams): Location[] {
  const file = session.file(params?.textDocument?.uri);
  if (!file) return [];
  const offset = toOffset(file, params.position);
  if (offset === null) return [];
  const program = session.program(file);
  const decl = declarationOf(locate(program, file, offset));
  if (!decl?.id) return [];
  const target = program.fileOf(decl);
  if (target.builtin) return [];
  return [{ uri: target.path, range: toRange(target, decl.id.span) }];
}

// Rename: a declaration and every reference to it, workspace-wide. Refuses
// names that are not ids (`^[A-Za-z_][A-Za-z0-9_]*$`), reserved words, words
// that read as literals (`FY2026`), and names already declared.
import { lex, type Declaration, type Program, type SourceFile } from "@pmm/core";
import { LSPErrorCodes, ResponseError, type PrepareRenameParams, type Range, type RenameParams, type TextEdit, type WorkspaceEdit } from "vscode-languageserver/node";
import { declarationOf, locate } from "../locate.js";
import { toOffset, toRange } from "../positions.js";
import type { Session } from "../session.js";

/** Words that can never be ids. */
export const RESERVED_WORDS: ReadonlySet<string> = new Set(["kr", "view", "from", "over", "by", "for", "on", "vs", "true", "false", "tradeoff"]);

/** Why a new name is refused, or null when it is a valid, free id. */
export function invalidName(program: Program, name: string, current: string): string | null {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return `\`${name}\` is not a valid id; an id is a letter or \`_\` followed by letters, digits or \`_\``;
  if (RESERVED_WORDS.has(name)) return `\`${name}\` is a reserved word and cannot be an id`;
  const tokens = lex(name).tokens;
  if (tokens.length !== 1 || tokens[0]!.literal !== undefined) return `\`${name}\` reads as a value, not an id`;
  if (name !== current && program.byId.has(name)) {
    const other = program.byId.get(name)![0]!;
    return `\`${name}\` is already declared (${other.kind} \`${name}\`)`;
  }
  return null;
}

function target(session: Session, params: PrepareRenameParams): { program: Program; file: SourceFile; decl: Declaration; range: Range } | null {
  const file = session.file(params?.textDocument?.uri);
  if (!file) return null;
  const offset = toOffset(file, params.position);
  if (offset === null) return null;
  const program = session.program(file);
  const t = locate(program, file, offset);
  const decl = declarationOf(t);
  if (!t || !decl?.id || program.fileOf(decl).builtin) return null;
  return { program, file, decl, range: toRange(file, t.span) };
}

/** Answers `textDocument/prepareRename`: the range and current name, or null where nothing can be renamed. */
export function prepareRename(session: Session, params: PrepareRenameParams): { range: Range; placeholder: string } | null {
  const t = target(session, params);
  return t ? { range: t.range, placeholder: t.decl.id!.name } : null;
}

/** Answers `textDocument/rename`; a refused name is a `RequestFailed` error carrying the reason. */
export function rename(session: Session, params: RenameParams): WorkspaceEdit | null {
  const t = target(session, params);
  if (!t) return null;
  const newName = typeof params.newName === "string" ? params.newName : "";
  const current = t.decl.id!.name;
  const problem = invalidName(t.program, newName, current);
  if (problem) throw new ResponseError(LSPErrorCodes.RequestFailed, problem);
  const changes = new Map<string, Array<{ start: number; edit: TextEdit }>>();
  const add = (file: SourceFile, span: { start: number; end: number }): void => {
    const list = changes.get(file.path) ?? [];
    if (list.some((e) => e.start === span.start)) return;
    list.push({ start: span.start, edit: { range: toRange(file, span), newText: newName } });
    changes.set(file.path, list);
  };
  add(t.program.fileOf(t.decl), t.decl.id!.span);
  for (const r of t.program.referencesTo(t.decl)) if (!r.catalog) add(r.file, r.span);
  const out: Record<string, TextEdit[]> = {};
  for (const uri of [...changes.keys()].sort())
    out[uri] = changes
      .get(uri)!
      .sort((a, b) => a.start - b.start)
      .map((e) => e.edit);
  return { changes: out };
}

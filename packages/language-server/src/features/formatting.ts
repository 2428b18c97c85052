// Formatting: whole document and range, through the core formatter that
// `pmm fmt` uses. A file with syntax errors is left alone (no edits).
import { formatRange } from "@pmm/core";
import type { DocumentFormattingParams, DocumentRangeFormattingParams, TextEdit } from "vscode-languageserver/node";
import { toRange, toSpan } from "../positions.js";
import type { Session } from "../session.js";

function edits(session: Session, uri: unknown, start: number | null, end: number | null): TextEdit[] {
  const file = session.file(uri);
  if (!file) return [];
  const s = start ?? 0;
  const e = end ?? file.text.length;
  const r = formatRange(file.text, s, e);
  if ("errors" in r) return [];
  return r.edits.map((x) => ({ range: toRange(file, x.span), newText: x.newText }));
}

/** Answers `textDocument/formatting` with the smallest edit that formats the whole file. */
export function formatDocument(session: Session, params: DocumentFormattingParams): TextEdit[] {
  return edits(session, params?.textDocument?.uri, null, null);
}

/** Answers `textDocument/rangeFormatting`: the declarations the range touches. */
export function formatDocumentRange(session: Session, params: DocumentRangeFormattingParams): TextEdit[] {
  const file = session.file(params?.textDocument?.uri);
  if (!file) return [];
  const span = toSpan(file, params.range);
  if (!span) return [];
  return edits(session, params.textDocument.uri, span.start, span.end);
}

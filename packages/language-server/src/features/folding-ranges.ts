// Folding: declaration blocks, key-result and view blocks, lists over several
// lines, and runs of comment lines.
import type { FoldingRange, FoldingRangeParams } from "vscode-languageserver/node";
import { FoldingRangeKind } from "vscode-languageserver/node";
import type { SourceFile, Span, Value } from "@pmm/core";
import { lineOf } from "../positions.js";
import type { Session } from "../session.js";

/** The folding ranges of one file, sorted by start line. */
export function fileFoldingRanges(file: SourceFile): FoldingRange[] {
  const out: FoldingRange[] = [];
  const text = file.text;
  // a block folds from its first line to the line before its closing `}` (or its last line when `}` ends a line of content)
  const block = (start: number, span: Span, closed: boolean): void => {
    const first = lineOf(file, start);
    let last = lineOf(file, Math.max(span.start, span.end - 1));
    if (closed) {
      const closeLine = last;
      const before = text.slice(file.lines.lineStart(closeLine), span.end - 1);
      if (before.trim() === "") last = closeLine - 1;
    }
    if (last > first) out.push({ startLine: first, endLine: last, kind: FoldingRangeKind.Region });
  };
  const values = (v: Value | null): void => {
    if (v?.type !== "list") return;
    block(v.span.start, v.span, text[v.span.end - 1] === "]");
  };
  for (const d of file.ast.declarations) {
    if (d.block) block(d.span.start, d.block, !d.unclosed);
    for (const m of d.members) {
      if (m.type === "property") values(m.value);
      else {
        if (m.span.end > m.span.start && text[m.span.end - 1] === "}") block(m.span.start, m.span, true);
        for (const p of m.properties) values(p.value);
      }
    }
  }
  // runs of two or more comment-only lines
  let runStart = -1;
  let prevLine = -2;
  const endRun = (): void => {
    if (runStart >= 0 && prevLine > runStart) out.push({ startLine: runStart, endLine: prevLine, kind: FoldingRangeKind.Comment });
  };
  for (const c of file.ast.comments) {
    const line = lineOf(file, c.span.start);
    const alone = file.lines.lineText(line).trim().startsWith("#");
    if (!alone) continue;
    if (line === prevLine + 1 && runStart >= 0) prevLine = line;
    else {
      endRun();
      runStart = line;
      prevLine = line;
    }
  }
  endRun();
  return out.sort((a, b) => a.startLine - b.startLine || a.endLine - b.endLine);
}

/** Answers `textDocument/foldingRange`. */
export function foldingRanges(session: Session, params: FoldingRangeParams): FoldingRange[] {
  const file = session.file(params?.textDocument?.uri);
  return file ? fileFoldingRanges(file) : [];
}

import type { Diagnostic, SourceFile } from "@pmm/core";

/** What every output format gets. */
export interface ReportInput {
  readonly diagnostics: readonly Diagnostic[];
  /** Parsed files by path (for positions and code frames). */
  readonly files: ReadonlyMap<string, SourceFile>;
  readonly fileCount: number;
  readonly color: boolean;
  /** Absolute URL of the rule docs folder (for SARIF help URIs). */
  readonly docsBase: string;
}

/** A 1-based line and column (UTF-16) with the UTF-16 offset. */
export interface LineColumn {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** Start and end of a diagnostic in 1-based lines and columns, or null for a workspace finding. */
export function rangeOf(d: Diagnostic, files: ReadonlyMap<string, SourceFile>): { start: LineColumn; end: LineColumn } | null {
  if (!d.file || !d.span) return null;
  const f = files.get(d.file);
  if (!f) return null;
  const s = f.lines.position(d.span.start);
  const e = f.lines.position(d.span.end);
  return {
    start: { line: s.line + 1, column: s.character + 1, offset: d.span.start },
    end: { line: e.line + 1, column: e.character + 1, offset: d.span.end },
  };
}

/** Counts by severity. */
export function countBySeverity(diagnostics: readonly Diagnostic[]): { error: number; warning: number; info: number; hint: number } {
  const c = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const d of diagnostics) c[d.severity]++;
  return c;
}

/** An output format. */
export type Reporter = (input: ReportInput) => string;

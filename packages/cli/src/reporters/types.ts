import type { Diagnostic, Severity, SourceFile } from "@pmm/core";

/** What every output format gets. */
export interface ReportInput {
  /** The findings to show, sorted (already filtered by `--quiet` and the baseline). */
  readonly diagnostics: readonly Diagnostic[];
  /** Parsed files by path (for positions and code frames). */
  readonly files: ReadonlyMap<string, SourceFile>;
  /** Every file checked (cwd-relative, `/` separators, sorted). */
  readonly paths: readonly string[];
  readonly color: boolean;
  /** Findings left out because the baseline holds them (the pretty summary mentions them). */
  readonly baselined?: number;
  /** Pretty only: group findings of the same rule and message shape (default true; `--no-group` turns it off). */
  readonly group?: boolean;
  /** Pretty only: print only the summary table and the totals (`--statistics`). */
  readonly statistics?: boolean;
}

/** A 1-based line and column (UTF-16) with the UTF-16 offset. */
export interface LineColumn {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** A 1-based range in a file. */
export interface LineRange {
  readonly start: LineColumn;
  readonly end: LineColumn;
}

/** A span of a file in 1-based lines and columns, or null when the file is unknown. */
export function spanRange(file: string, span: { start: number; end: number }, files: ReadonlyMap<string, SourceFile>): LineRange | null {
  const f = files.get(file);
  if (!f) return null;
  const s = f.lines.position(span.start);
  const e = f.lines.position(span.end);
  return {
    start: { line: s.line + 1, column: s.character + 1, offset: span.start },
    end: { line: e.line + 1, column: e.character + 1, offset: span.end },
  };
}

/** Start and end of a diagnostic in 1-based lines and columns, or null for a workspace finding. */
export function rangeOf(d: Diagnostic, files: ReadonlyMap<string, SourceFile>): LineRange | null {
  if (!d.file || !d.span) return null;
  return spanRange(d.file, d.span, files);
}

/** Diagnostic counts by severity. */
export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
  hint: number;
}

/** Counts by severity. */
export function countBySeverity(diagnostics: readonly Diagnostic[]): SeverityCounts {
  const c: SeverityCounts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const d of diagnostics) c[d.severity]++;
  return c;
}

/** SARIF and GitHub levels: info and hint have no level of their own and map to `note`. */
export function sarifLevel(severity: Severity): "error" | "warning" | "note" {
  return severity === "error" ? "error" : severity === "warning" ? "warning" : "note";
}

/** `1 file`, `2 files`. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** An output format. */
export type Reporter = (input: ReportInput) => string;

// Diagnostics: the core's findings as LSP diagnostics, grouped by file.
import type { Diagnostic as CoreDiagnostic, Severity, SourceFile } from "@pmm/core";
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type DiagnosticRelatedInformation } from "vscode-languageserver/node";
import { toRange } from "../positions.js";

/** Where the rule docs live (the `codeDescription` of every diagnostic). */
export const RULE_DOCS_URL = "https://github.com/pmm-dev/pmm/blob/main/docs/rules";

/** The docs page of a rule. */
export function ruleDocsHref(rule: string): string {
  return `${RULE_DOCS_URL}/${rule}.md`;
}

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What the server keeps in `data` of each diagnostic, so code actions can find the finding again. */
export interface DiagnosticData {
  readonly rule: string;
  readonly declaration: string | null;
  readonly messageId?: string;
  readonly data?: Readonly<Record<string, string>>;
}

/** Looks up files by workspace key (the URI). */
export type FileLookup = (uri: string) => SourceFile | undefined;

/** One core diagnostic as an LSP diagnostic in `file` (a workspace finding without a file is placed at its start). */
export function toLspDiagnostic(d: CoreDiagnostic, file: SourceFile, lookup: FileLookup): Diagnostic {
  const range = d.span ? toRange(file, d.span) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const related: DiagnosticRelatedInformation[] = [];
  for (const r of d.related ?? []) {
    const rf = lookup(r.file);
    if (rf) related.push({ location: { uri: r.file, range: toRange(rf, r.span) }, message: r.message });
  }
  const data: DiagnosticData = {
    rule: d.rule,
    declaration: d.declaration,
    ...(d.messageId !== undefined ? { messageId: d.messageId } : {}),
    ...(d.data ? { data: d.data } : {}),
  };
  const out: Diagnostic = {
    range,
    severity: SEVERITY[d.severity],
    code: d.rule,
    codeDescription: { href: ruleDocsHref(d.rule) },
    source: "pmm",
    message: d.message,
    data,
  };
  if (related.length) out.relatedInformation = related;
  if (d.unnecessary) out.tags = [DiagnosticTag.Unnecessary];
  return out;
}

/**
 * Groups a check's diagnostics by file URI, in the check's (sorted) order.
 * Workspace findings with no file go to `fallback` (the first file), so they
 * are seen.
 */
export function groupDiagnostics(diagnostics: readonly CoreDiagnostic[], lookup: FileLookup, fallback: string | undefined): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const uri = d.file ?? fallback;
    if (uri === undefined) continue;
    const file = lookup(uri);
    if (!file) continue;
    const list = out.get(uri);
    const lsp = toLspDiagnostic(d.file ? d : { ...d, span: null }, file, lookup);
    if (list) list.push(lsp);
    else out.set(uri, [lsp]);
  }
  return out;
}

// Code actions: quick fixes for the findings under the cursor — the core's
// own fixes (did-you-mean for unknown names, `agreed_by` teams, …), did-you-mean
// replacements carried in `data.suggestion`, a missing ★ property added with a
// placeholder, and `# pmm-ignore RULE: reason` above the declaration.
import { declLabel, KIND_SPECS, type Declaration, type Diagnostic as CoreDiagnostic, type Fix, type Program, type PropertySpec, type SourceFile } from "@pmm/core";
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from "vscode-languageserver/node";
import { declarationAt } from "../locate.js";
import { toRange, toSpan } from "../positions.js";
import type { Session } from "../session.js";
import { toLspDiagnostic } from "./diagnostics.js";

/** Rules a `pmm-ignore` cannot usefully silence. */
const NOT_SUPPRESSIBLE: ReadonlySet<string> = new Set(["syntax", "invalid-suppression", "unused-suppression", "expired-suppression"]);

type Lookup = (uri: string) => SourceFile | undefined;

function workspaceEdit(lookup: Lookup, edits: ReadonlyArray<{ file: string; span: { start: number; end: number }; newText: string }>): Record<string, TextEdit[]> | null {
  const out: Record<string, TextEdit[]> = {};
  for (const e of edits) {
    const f = lookup(e.file);
    if (!f) return null;
    (out[e.file] ??= []).push({ range: toRange(f, e.span), newText: e.newText });
  }
  return out;
}

function fromFix(lookup: Lookup, fix: Fix, diagnostic: Diagnostic, preferred: boolean): CodeAction | null {
  const changes = workspaceEdit(lookup, fix.edits);
  if (!changes) return null;
  return { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: preferred, edit: { changes } };
}

/** A placeholder value for a property (a value of its type the user then edits). */
export function placeholderValue(program: Program, spec: PropertySpec, today: string): string {
  const t = spec.type;
  let one: string;
  switch (t.t) {
    case "enum":
      one = t.values[0]!;
      break;
    case "ref":
      one = program.ofKind(t.kind).find((d) => d.id)?.id?.name ?? "TODO";
      break;
    case "int":
      one = String(t.min);
      break;
    case "duration":
      one = "30d";
      break;
    case "rate":
      one = "100/day";
      break;
    case "money":
      one = "$0";
      break;
    case "date":
      one = today;
      break;
    case "period":
      one = `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
      break;
    case "month":
      one = `${today.slice(0, 4)}-01`;
      break;
    case "string":
      one = '"TODO"';
      break;
    case "bool":
      one = "false";
      break;
    case "currency":
      one = "USD";
      break;
    case "percent":
      one = "0%";
      break;
    case "fraction":
      one = "0.05";
      break;
    default:
      one = "0";
  }
  return spec.shape === "list" ? `[${one}]` : one;
}

/** The edit that adds `name: value` to a declaration's block (or gives it one). */
export function addPropertyEdit(file: SourceFile, decl: Declaration, property: string): { span: { start: number; end: number }; newText: string } {
  const lines = file.lines;
  if (!decl.block) return { span: { start: decl.span.end, end: decl.span.end }, newText: ` { ${property} }` };
  const last = decl.members[decl.members.length - 1];
  const blockLine = lines.position(decl.block.start).line;
  if (last) {
    const line = lines.position(last.span.start).line;
    if (line === blockLine) return { span: { start: last.span.end, end: last.span.end }, newText: `  ${property}` };
    const indent = /^[ \t]*/.exec(lines.lineText(line))![0];
    return { span: { start: last.span.end, end: last.span.end }, newText: `\n${indent}${property}` };
  }
  const close = decl.unclosed ? -1 : decl.block.end - 1;
  if (close > decl.block.start && lines.position(close).line === blockLine) return { span: { start: decl.block.start + 1, end: close }, newText: ` ${property} ` };
  const indent = /^[ \t]*/.exec(lines.lineText(blockLine))![0];
  return { span: { start: decl.block.start + 1, end: decl.block.start + 1 }, newText: `\n${indent}  ${property}` };
}

function missingProperty(session: Session, program: Program, file: SourceFile, d: CoreDiagnostic, diagnostic: Diagnostic): CodeAction | null {
  const name = d.data?.["property"];
  if (!name || !d.span) return null;
  const decl = declarationAt(file, d.span.start);
  if (!decl || decl.kind === "tradeoff") return null;
  const spec = KIND_SPECS.get(decl.kind)?.properties.get(name);
  if (!spec) return null;
  const property = `${name}: ${placeholderValue(program, spec, session.today(file))}`;
  const edit = addPropertyEdit(file, decl, property);
  return {
    title: `Add \`${property}\``,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: true,
    edit: { changes: { [file.path]: [{ range: toRange(file, edit.span), newText: edit.newText }] } },
  };
}

function suggestion(file: SourceFile, d: CoreDiagnostic, diagnostic: Diagnostic): CodeAction | null {
  const s = d.data?.["suggestion"];
  if (!s || !d.span || d.fixes?.length) return null;
  return {
    title: `Change to \`${s}\``,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: true,
    edit: { changes: { [file.path]: [{ range: toRange(file, d.span), newText: s }] } },
  };
}

/** The `# pmm-ignore RULE: reason` line above the declaration a finding sits in (above its comments). */
function ignore(file: SourceFile, d: CoreDiagnostic, diagnostic: Diagnostic): CodeAction | null {
  if (!d.span || NOT_SUPPRESSIBLE.has(d.rule)) return null;
  const decl = declarationAt(file, d.span.start);
  if (!decl) return null;
  const lines = file.lines;
  const declLine = lines.position(decl.span.start).line;
  // a suppression targets the first node starting on the next line: the declaration must come first on its line
  if (file.ast.declarations.some((o) => o !== decl && o.span.start < decl.span.start && lines.position(o.span.start).line === declLine)) return null;
  if (
    lines
      .lineText(declLine)
      .slice(0, decl.span.start - lines.lineStart(declLine))
      .trim() !== ""
  )
    return null;
  let line = declLine;
  while (
    line > 0 &&
    lines
      .lineText(line - 1)
      .trim()
      .startsWith("#")
  )
    line--;
  const indent = /^[ \t]*/.exec(lines.lineText(declLine))![0];
  const at = lines.lineStart(line);
  const eol = /\r\n/.test(file.text) ? "\r\n" : "\n";
  const label = declLabel(decl);
  return {
    title: `Ignore \`${d.rule}\` for \`${label}\` (add \`# pmm-ignore\` with a reason)`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [file.path]: [{ range: toRange(file, { start: at, end: at }), newText: `${indent}# pmm-ignore ${d.rule}: reason${eol}` }] } },
  };
}

function sameRange(a: Diagnostic["range"], b: Diagnostic["range"]): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** Answers `textDocument/codeAction` with quick fixes. */
export function codeActions(session: Session, params: CodeActionParams): CodeAction[] {
  const file = session.file(params?.textDocument?.uri);
  if (!file) return [];
  const only = params.context?.only;
  if (Array.isArray(only) && only.length && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${k}.`) || k === "")) return [];
  const range = toSpan(file, params.range);
  if (!range) return [];
  const lookup: Lookup = (u) => session.workspaceOf(file).get(u);
  const program = session.program(file);
  const mine = session.check(file).diagnostics.filter((d) => d.file === file.path && d.span);
  const given = Array.isArray(params.context?.diagnostics) ? params.context.diagnostics : [];
  const pairs: Array<{ d: CoreDiagnostic; lsp: Diagnostic }> = [];
  if (given.length) {
    for (const g of given) {
      if (!g || typeof g !== "object" || !g.range) continue;
      const d = mine.find((x) => x.rule === g.code && x.message === g.message && sameRange(toRange(file, x.span!), g.range));
      if (d) pairs.push({ d, lsp: g });
    }
  } else {
    for (const d of mine) if (d.span!.start <= range.end && range.start <= d.span!.end) pairs.push({ d, lsp: toLspDiagnostic(d, file, lookup) });
  }
  const out: CodeAction[] = [];
  const seen = new Set<string>();
  const push = (a: CodeAction | null): void => {
    if (!a) return;
    const key = `${a.title}\u0000${JSON.stringify(a.edit)}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(a);
  };
  for (const { d, lsp } of pairs) {
    (d.fixes ?? []).forEach((f, i) => push(fromFix(lookup, f, lsp, i === 0)));
    push(suggestion(file, d, lsp));
    if (d.rule === "missing-property") push(missingProperty(session, program, file, d, lsp));
  }
  for (const { d, lsp } of pairs) push(ignore(file, d, lsp));
  return out;
}

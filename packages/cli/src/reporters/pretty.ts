import { createColors } from "picocolors";
import { SEVERITIES, type Declaration, type Diagnostic, type Severity, type SourceFile } from "@pmm/core";
import { declIndexAt } from "../declarations.js";
import { RULE_ACTIONS } from "../rule-actions.js";
import { escapedCode, isUnsafe, visible } from "../visible.js";
import { countBySeverity, plural, rangeOf, type LineRange, type Reporter } from "./types.js";

/** The widest slice of one source line a code frame shows (a longer line is cut around the finding). */
const FRAME_WIDTH = 160;
/** How much of a cut line a frame shows before the finding's column. */
const FRAME_LEAD = 40;

type Colors = ReturnType<typeof createColors>;

/** A slice of a line as shown: escaped, with the display columns where the mark starts and ends. */
interface ShownSlice {
  readonly text: string;
  readonly markStart: number;
  readonly markEnd: number;
}

/** Characters `from`..`to` of a line (offsets `start`..`end` of the file), escaped; `mark` columns in the line. */
function showSlice(text: string, lineStart: number, lineEnd: number, from: number, to: number, mark: { start: number; end: number } | null): ShownSlice {
  let out = from > 0 ? "…" : "";
  let markStart = -1;
  let markEnd = -1;
  const last = Math.min(lineEnd, lineStart + to);
  let i = lineStart + from;
  // never start on the second half of a surrogate pair
  if (i > lineStart && (text.charCodeAt(i) & 0xfc00) === 0xdc00) i++;
  let plain = i;
  const flush = (upTo: number): void => {
    if (upTo > plain) out += text.slice(plain, upTo);
  };
  for (; i < last; i++) {
    const col = i - lineStart;
    if (mark && col === mark.start) {
      flush(i);
      plain = i;
      markStart = out.length;
    }
    if (mark && col === mark.end) {
      flush(i);
      plain = i;
      markEnd = out.length;
    }
    const code = text.charCodeAt(i);
    if (isUnsafe(code)) {
      flush(i);
      out += escapedCode(code);
      plain = i + 1;
    }
  }
  flush(last);
  if (mark && markStart < 0) markStart = out.length;
  if (mark && markEnd < 0) markEnd = out.length;
  if (last < lineEnd) out += "…";
  return { text: out, markStart, markEnd };
}

/**
 * A code frame (the line before, the finding's line, the line after) with the
 * range underlined on its first line. Reads only the lines it shows, through
 * the file's line index; a line longer than FRAME_WIDTH is cut to a window
 * around the finding. Control and bidi characters show as escapes.
 */
export function codeFrame(f: SourceFile, r: LineRange, c: Colors): string {
  const lines = f.lines;
  const at = r.start.line - 1;
  const first = Math.max(0, at - 1);
  const last = Math.min(lines.lineCount - 1, at + 1);
  const lineLength = (n: number): number => lines.lineEnd(n) - lines.lineStart(n);
  const startCol = r.start.column - 1;
  const length = lineLength(at);
  const endCol = r.end.line === r.start.line ? Math.max(r.end.column - 1, startCol + 1) : Math.max(length, startCol + 1);
  const from = length > FRAME_WIDTH ? Math.max(0, Math.min(startCol - FRAME_LEAD, length - FRAME_WIDTH)) : 0;
  const to = from + FRAME_WIDTH;
  const width = String(last + 1).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const mark = n === at ? { start: startCol, end: endCol } : null;
    const s = showSlice(f.text, lines.lineStart(n), lines.lineEnd(n), from, to, mark);
    const gutter = `${n === at ? ">" : " "} ${String(n + 1).padStart(width)} |`;
    out.push(`  ${n === at ? c.red(c.bold(">")) : " "}${gutter.slice(1)}${s.text ? ` ${s.text}` : ""}`);
    if (mark) {
      // tabs before the mark stay tabs so the carets line up
      const lead = s.text.slice(0, s.markStart).replace(/[^\t]/g, " ");
      out.push(`  ${" ".repeat(width + 3)}| ${lead}${c.red(c.bold("^".repeat(Math.max(1, s.markEnd - s.markStart))))}`);
    }
  }
  return out.join("\n");
}

/** The shape of a message: its names, quoted texts and numbers blanked, so findings that differ only in them group. */
function shapeOf(d: Diagnostic): string {
  return `${d.severity}\u0000${d.rule}\u0000${d.message
    .replace(/`[^`]*`/g, "`…`")
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\d+(?:[.,]\d+)*/g, "#")}`;
}

/** The declaration holding an offset (or the unclosed one before it); null between declarations. */
function declarationAt(decls: readonly Declaration[], offset: number): Declaration | null {
  const i = declIndexAt(decls, offset);
  if (i < 0) return null;
  const d = decls[i]!;
  return offset <= d.span.end || d.unclosed ? d : null;
}

/**
 * Findings that may follow from a syntax error: any other finding inside a
 * declaration that has a syntax error (recovery dropped or misread part of it).
 */
function consequencesOfSyntax(diagnostics: readonly Diagnostic[], files: ReadonlyMap<string, SourceFile>): Set<Diagnostic> {
  const broken = new Set<Declaration>();
  for (const d of diagnostics) {
    if (d.rule !== "syntax" || !d.file || !d.span) continue;
    const decls = files.get(d.file)?.ast.declarations ?? [];
    const decl = declarationAt(decls, d.span.start);
    if (decl) broken.add(decl);
    // `expected } to close metric a, found metric`: the error sits on the next declaration, the broken one is before it
    const i = declIndexAt(decls, d.span.start);
    if (i > 0 && decls[i - 1]!.unclosed) broken.add(decls[i - 1]!);
  }
  const held = new Set<Diagnostic>();
  if (broken.size === 0) return held;
  for (const d of diagnostics) {
    if (d.rule === "syntax" || !d.file || !d.span) continue;
    const decl = declarationAt(files.get(d.file)?.ast.declarations ?? [], d.span.start);
    if (decl && broken.has(decl)) held.add(d);
  }
  return held;
}

/** One summary row. */
interface Row {
  readonly rule: string;
  readonly severity: Severity;
  count: number;
}

/** The summary table: rule, severity, count and what to do; syntax first, then errors, then by count, then by rule. */
export function summaryTable(diagnostics: readonly Diagnostic[], c: Colors): string[] {
  const rows = new Map<string, Row>();
  for (const d of diagnostics) {
    const key = `${d.rule}\u0000${d.severity}`;
    const row = rows.get(key);
    if (row) row.count++;
    else rows.set(key, { rule: d.rule, severity: d.severity, count: 1 });
  }
  const rank = (r: Row): number => (r.rule === "syntax" ? -1 : SEVERITIES.indexOf(r.severity));
  const sorted = [...rows.values()].sort((a, b) => rank(a) - rank(b) || b.count - a.count || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  const head = { rule: "rule", severity: "severity", count: "count" };
  const w = {
    rule: Math.max(head.rule.length, ...sorted.map((r) => r.rule.length)),
    severity: Math.max(head.severity.length, ...sorted.map((r) => r.severity.length)),
    count: Math.max(head.count.length, ...sorted.map((r) => String(r.count).length)),
  };
  const paint = (s: Severity, t: string): string => (s === "error" ? c.red(t) : s === "warning" ? c.yellow(t) : s === "info" ? c.blue(t) : c.dim(t));
  const out = [c.bold(`${head.rule.padEnd(w.rule)}  ${head.severity.padEnd(w.severity)}  ${head.count.padStart(w.count)}  what to do`)];
  for (const r of sorted) {
    const action = RULE_ACTIONS.get(r.rule) ?? `see \`pmm explain ${r.rule}\``;
    out.push(`${r.rule.padEnd(w.rule)}  ${paint(r.severity, r.severity.padEnd(w.severity))}  ${String(r.count).padStart(w.count)}  ${action}`);
  }
  return out;
}

/**
 * `--format pretty`. Findings with the same rule and message shape print once:
 * the first with its code frame, then every other place it applies to (each
 * with file:line:col); `group: false` prints them one by one. Syntax errors
 * come first, and other findings in a declaration with a syntax error are held
 * back until it is fixed (marked instead when ungrouped). A summary table
 * ends the output; `statistics` prints only the table and the totals.
 */
export const pretty: Reporter = ({ diagnostics, files, paths, color, baselined = 0, group = true, statistics = false }) => {
  const fileCount = paths.length;
  const c = createColors(color);
  const paint = (d: Diagnostic, s: string): string => (d.severity === "error" ? c.red(s) : d.severity === "warning" ? c.yellow(s) : d.severity === "info" ? c.blue(s) : c.dim(s));
  const where = (d: Diagnostic, r: LineRange | null): string => (r && d.file ? `${visible(d.file)}:${r.start.line}:${r.start.column}` : "(workspace)");
  const held = consequencesOfSyntax(diagnostics, files);
  const parts: string[] = [];
  if (!statistics) {
    // syntax errors first; then every other finding in the order given (by file and offset)
    const ordered = [...diagnostics.filter((d) => d.rule === "syntax"), ...diagnostics.filter((d) => d.rule !== "syntax" && !(group && held.has(d)))];
    const groups = new Map<string, Diagnostic[]>();
    for (const d of ordered) {
      const key = group ? shapeOf(d) : String(groups.size);
      const list = groups.get(key);
      if (list) list.push(d);
      else groups.set(key, [d]);
    }
    for (const [, list] of groups) {
      const d = list[0]!;
      const r = rangeOf(d, files);
      const lines: string[] = [];
      lines.push(`${c.bold(paint(d, `${d.severity}[${d.rule}]`))}${c.bold(`: ${visible(d.message)}`)}`);
      lines.push(`  ${c.cyan("-->")} ${where(d, r)}`);
      if (r && d.file) lines.push(codeFrame(files.get(d.file)!, r, c));
      for (const rel of d.related ?? []) {
        const f = files.get(rel.file);
        const pos = f ? f.lines.position(rel.span.start) : null;
        lines.push(`  ${c.cyan("note")}: ${visible(rel.message)}${pos ? ` (${visible(rel.file)}:${pos.line + 1}:${pos.character + 1})` : ""}`);
      }
      if (!group && held.has(d)) lines.push(`  ${c.cyan("note")}: this declaration has a syntax error; this finding may go away once it is fixed`);
      if (list.length > 1) {
        lines.push(`  ${c.cyan("also")}: ${list.length - 1} more like it:`);
        for (const o of list.slice(1)) lines.push(`    ${o.declaration !== null ? `\`${visible(o.declaration)}\` ` : ""}${where(o, rangeOf(o, files))}`);
      }
      // grouped, the summary table and its footer say what to do
      if (d.help !== undefined || !group) lines.push(`  ${c.cyan("help")}: ${visible(d.help ?? `run \`pmm explain ${d.rule}\` for why this matters and how to fix it`)}`);
      parts.push(lines.join("\n"));
    }
    if (group && held.size > 0) {
      parts.push(c.dim(`${plural(held.size, "other finding")} in declarations with syntax errors held back until those are fixed (\`--no-group\` shows them)`));
    }
  }
  const n = countBySeverity(diagnostics);
  const total =
    diagnostics.length === 0
      ? c.green(`✔ no problems in ${plural(fileCount, "file")}`)
      : `${n.error ? c.red("✖") : c.yellow("⚠")} ${[plural(n.error, "error"), plural(n.warning, "warning"), ...(n.info ? [plural(n.info, "info")] : []), ...(n.hint ? [plural(n.hint, "hint")] : [])].join(", ")} in ${plural(fileCount, "file")}`;
  const baseline = baselined ? c.dim(` (${plural(baselined, "finding")} held by the baseline)`) : "";
  if (diagnostics.length > 0) parts.push([...summaryTable(diagnostics, c), c.dim("run `pmm explain RULE` for why a rule matters and how to fix its findings")].join("\n"));
  return `${parts.length ? `${parts.join("\n\n")}\n\n` : ""}${total}${baseline}\n`;
};

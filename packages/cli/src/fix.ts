// `pmm check --fix`: applies the fixes the rules mark safe (`Fix.safe`), the
// same edits the language server offers as quick fixes, in passes until
// nothing more applies; and the unified diff `--fix-dry-run` prints.
import { decodeUtf8, type CheckResult, type Declaration, type Diagnostic, type Fix, type SourceFile, type WorkspaceFile } from "@pmm/core";
import { declIndexAt } from "./declarations.js";

/** At most this many check-and-fix passes (a fix can reveal the next one; ESLint stops at 10 too). */
const MAX_PASSES = 10;

/** One fix that was applied, where its finding was. */
export interface AppliedFix {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly rule: string;
  readonly title: string;
  /** The files its edits change. */
  readonly files: readonly string[];
}

/** A file `--fix` changed: its text before and after (without a BOM; `bom` says whether it had one). */
export interface FixedFile {
  readonly path: string;
  readonly before: string;
  readonly after: string;
  readonly bom: boolean;
}

/** What the passes did: the applied fixes, the changed files and the check of the fixed texts. */
export interface FixOutcome {
  readonly applied: readonly AppliedFix[];
  readonly changed: readonly FixedFile[];
  readonly result: CheckResult;
}

/** The declaration index holding an offset, or -1 between declarations. */
function declIndex(decls: readonly Declaration[], offset: number): number {
  const i = declIndexAt(decls, offset);
  return i >= 0 && offset <= decls[i]!.span.end ? i : -1;
}

/**
 * Applies every safe fix, pass after pass, to the files' texts in memory.
 * A file with syntax errors or bytes that are not UTF-8 is never touched (nor
 * is a fix that would touch it). Within a pass, two fixes never edit the same
 * declaration: the second waits for the next pass, which checks again (so a
 * corrected name is not also added as a missing one).
 */
export function applySafeFixes(files: readonly WorkspaceFile[], check: (files: readonly WorkspaceFile[]) => CheckResult): FixOutcome {
  // Only files read as bytes that are all UTF-8 can be edited (one that could not be read has no bytes).
  const texts = new Map<string, { before: string; now: string; bom: boolean }>();
  for (const f of files) {
    if (typeof f.contents === "string") continue;
    const decoded = decodeUtf8(f.contents);
    if (decoded.errors.length > 0) continue;
    texts.set(f.path, { before: decoded.text, now: decoded.text, bom: decoded.bom });
  }
  const current = (): WorkspaceFile[] => files.map((f) => (texts.has(f.path) ? { path: f.path, contents: texts.get(f.path)!.now } : f));
  const applied: AppliedFix[] = [];
  let result = check(current());
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const byPath = new Map<string, SourceFile>(result.program.files.map((f) => [f.path, f]));
    const fixable = (path: string): boolean => texts.has(path) && (byPath.get(path)?.syntaxErrors.length ?? 1) === 0 && byPath.get(path)?.builtin !== true;
    const taken = new Set<string>();
    const edits = new Map<string, Array<{ start: number; end: number; newText: string }>>();
    for (const d of result.diagnostics) {
      const fix: Fix | undefined = d.fixes?.find((f) => f.safe === true);
      if (!fix || !fix.edits.length || !fix.edits.every((e) => fixable(e.file))) continue;
      const keys = fix.edits.map((e) => {
        const i = declIndex(byPath.get(e.file)!.ast.declarations, e.span.start);
        return `${e.file}\u0000${i < 0 ? `@${e.span.start}` : i}`;
      });
      if (keys.some((k) => taken.has(k))) continue;
      for (const k of keys) taken.add(k);
      for (const e of fix.edits) {
        const list = edits.get(e.file) ?? [];
        list.push({ start: e.span.start, end: e.span.end, newText: e.newText });
        edits.set(e.file, list);
      }
      applied.push(appliedAt(d, fix, byPath));
    }
    if (edits.size === 0) break;
    for (const [path, list] of edits) {
      const entry = texts.get(path)!;
      const eol = entry.now.includes("\r\n") ? "\r\n" : "\n";
      // in file order, in one pass (one declaration per fix means no overlaps)
      list.sort((a, b) => a.start - b.start || a.end - b.end);
      const parts: string[] = [];
      let at = 0;
      for (const e of list) {
        parts.push(entry.now.slice(at, e.start), eol === "\n" ? e.newText : e.newText.replace(/\r?\n/g, eol));
        at = e.end;
      }
      parts.push(entry.now.slice(at));
      entry.now = parts.join("");
    }
    result = check(current());
  }
  const changed: FixedFile[] = [];
  for (const [path, t] of texts) if (t.now !== t.before) changed.push({ path, before: t.before, after: t.now, bom: t.bom });
  return { applied, changed, result };
}

function appliedAt(d: Diagnostic, fix: Fix, files: ReadonlyMap<string, SourceFile>): AppliedFix {
  const file = d.file ?? fix.edits[0]!.file;
  const f = files.get(file);
  const p = f && d.span ? f.lines.position(d.span.start) : { line: 0, character: 0 };
  return { file, line: p.line + 1, column: p.character + 1, rule: d.rule, title: fix.title, files: [...new Set(fix.edits.map((e) => e.file))] };
}

/** Lines of a text, each without its line break. */
function linesOf(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** The most changed lines the line diff aligns one by one; beyond that a changed region is shown as removed then added. */
const MAX_DIFF_EDITS = 1000;

type Op = { readonly kind: " " | "-" | "+"; readonly text: string };

/** A line diff (Myers) of the middle of two texts, after their common first and last lines. */
function lineDiff(a: readonly string[], b: readonly string[]): Op[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const x = a.slice(pre, a.length - suf);
  const y = b.slice(pre, b.length - suf);
  const mid = myers(x, y) ?? [...x.map((text) => ({ kind: "-" as const, text })), ...y.map((text) => ({ kind: "+" as const, text }))];
  return [...a.slice(0, pre).map((text) => ({ kind: " " as const, text })), ...mid, ...a.slice(a.length - suf).map((text) => ({ kind: " " as const, text }))];
}

/** Myers' O((N+M)·D) diff, or null when D would pass MAX_DIFF_EDITS. */
function myers(a: readonly string[], b: readonly string[]): Op[] | null {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_DIFF_EDITS);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(a, b, trace, d, offset);
    }
  }
  return null;
}

function backtrack(a: readonly string[], b: readonly string[], trace: readonly Int32Array[], last: number, offset: number): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = last; d > 0; d--) {
    const v = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!);
    const prevK = down ? k + 1 : k - 1;
    const prevX = v[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: " ", text: a[--x]! });
      y--;
    }
    if (down) ops.push({ kind: "+", text: b[--y]! });
    else ops.push({ kind: "-", text: a[--x]! });
  }
  while (x > 0 && y > 0) {
    ops.push({ kind: " ", text: a[--x]! });
    y--;
  }
  return ops.reverse();
}

/** A unified diff (`--- a/PATH`, `+++ b/PATH`, hunks with 3 lines of context) of one file; empty when equal. */
export function unifiedDiff(path: string, before: string, after: string, show: (line: string) => string = (l) => l): string {
  if (before === after) return "";
  const ops = lineDiff(linesOf(before), linesOf(after));
  const context = 3;
  const out: string[] = [`--- a/${show(path)}`, `+++ b/${show(path)}`];
  let i = 0;
  let aLine = 0;
  let bLine = 0;
  while (i < ops.length) {
    if (ops[i]!.kind === " ") {
      i++;
      aLine++;
      bLine++;
      continue;
    }
    // a hunk: from `context` lines before this change to `context` lines after the last change within reach
    const start = Math.max(0, i - context);
    let end = i;
    let lastChange = i;
    while (end < ops.length && (ops[end]!.kind !== " " || end - lastChange <= 2 * context)) {
      if (ops[end]!.kind !== " ") lastChange = end;
      end++;
    }
    end = Math.min(ops.length, lastChange + context + 1);
    const lead = i - start;
    const aStart = aLine - lead;
    const bStart = bLine - lead;
    const body = ops.slice(start, end);
    const aCount = body.filter((o) => o.kind !== "+").length;
    const bCount = body.filter((o) => o.kind !== "-").length;
    out.push(`@@ -${aCount ? aStart + 1 : aStart},${aCount} +${bCount ? bStart + 1 : bStart},${bCount} @@`);
    for (const o of body) out.push(`${o.kind}${show(o.text)}`);
    for (let j = i; j < end; j++) {
      if (ops[j]!.kind !== "+") aLine++;
      if (ops[j]!.kind !== "-") bLine++;
    }
    i = end;
  }
  return `${out.join("\n")}\n`;
}

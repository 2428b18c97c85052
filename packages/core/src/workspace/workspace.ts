import { checkProgram, finishCheck, runRules, type CheckOptions, type Finding, type RuleRun } from "../check/run.js";
import type { Diagnostic } from "../diagnostics.js";
import type { Span } from "../text/span.js";
import { Program } from "./program.js";
import { VALUE_ISSUES_READ } from "./reads.js";
import { Parser } from "../syntax/parse.js";
import { parseSource, type FileContents, type SourceFile } from "./source.js";
import { fileFacts, refreshFacts } from "./validate.js";
import { patchInPlace, valueEdit } from "./value-edit.js";

/** One file handed to the core. */
export interface WorkspaceFile {
  readonly path: string;
  readonly contents: FileContents;
}

/** Options for a whole check. */
export interface WorkspaceCheckOptions extends CheckOptions {
  /** Today's date (ISO); time-dependent rules use it. */
  readonly today: string;
}

/** The result of checking a workspace. */
export interface CheckResult {
  readonly program: Program;
  readonly diagnostics: Diagnostic[];
}

/** How a workspace re-checks. */
export interface WorkspaceOptions {
  /**
   * Keep each rule's findings and what it read, so that after a value-only
   * edit only the rules that read a changed property run again (default true;
   * a one-shot check turns it off).
   */
  readonly incremental?: boolean;
  /** The parser for this workspace's files (default: a new one; a caller making many workspaces may share one). */
  readonly parser?: Parser;
}

/** The last check's rule runs, and what changed since. */
interface LastCheck {
  readonly key: string;
  readonly runs: ReadonlyMap<string, RuleRun>;
  /** Property names whose values changed since (plus the value-issues pseudo-name). */
  readonly changed: Set<string>;
  /** Offset maps of the value-only edits since, by file path, in order. */
  readonly moved: Map<string, Array<(offset: number) => number>>;
}

/**
 * A workspace kept in memory: files are parsed once and re-parsed only when
 * they change; the program and diagnostics are rebuilt on demand. The CLI uses
 * it once; the language server keeps one for the session.
 *
 * An edit that changes only literal values (and offsets) is applied to the
 * file's existing AST (value-edit.ts), so the program keeps its indexes, the
 * file's value issues are found again, and only the rules that read a changed
 * property run again; the other rules' findings are reused with their offsets
 * moved. Any other edit rebuilds the program and re-runs every rule.
 */
export class Workspace {
  private readonly sources = new Map<string, SourceFile>();
  /** Parses this workspace's files (one grammar and word tables for all of them). */
  private readonly parser: Parser;
  private readonly incremental: boolean;
  private cachedProgram: Program | undefined;
  private cachedToday: string | undefined;
  /** Files patched by value-only edits since the program was last brought up to date. */
  private readonly patched = new Set<string>();
  private last: LastCheck | undefined;

  constructor(options: WorkspaceOptions = {}) {
    this.incremental = options.incremental ?? true;
    this.parser = options.parser ?? new Parser();
  }

  /** Adds or replaces a file (re-parsing it). */
  set(path: string, contents: FileContents): SourceFile {
    const source = parseSource(path, contents, false, this.parser);
    const old = this.sources.get(path);
    if (this.incremental && old && this.cachedProgram && old.syntaxErrors.length === 0 && source.syntaxErrors.length === 0) {
      const edit = valueEdit(old.ast, source.ast);
      if (edit) {
        patchInPlace(old.ast, source.ast);
        const mutable = old as { -readonly [K in keyof SourceFile]: SourceFile[K] };
        mutable.text = source.text;
        mutable.lines = source.lines;
        refreshFacts(old);
        this.patched.add(path);
        if (this.last) {
          for (const name of edit.changed) this.last.changed.add(name);
          this.last.changed.add(VALUE_ISSUES_READ);
          const maps = this.last.moved.get(path);
          if (maps) maps.push(edit.map);
          else this.last.moved.set(path, [edit.map]);
        }
        return old;
      }
    }
    // Validated now, while its AST is still in the CPU's cache (validate.ts).
    fileFacts(source);
    this.sources.set(path, source);
    this.invalidate();
    return source;
  }

  /** Removes a file; true when it was there. */
  delete(path: string): boolean {
    const had = this.sources.delete(path);
    if (had) this.invalidate();
    return had;
  }

  private invalidate(): void {
    this.cachedProgram = undefined;
    this.patched.clear();
    this.last = undefined;
  }

  /** A parsed file by path. */
  get(path: string): SourceFile | undefined {
    return this.sources.get(path);
  }

  /** Every file, sorted by path (deterministic). */
  files(): SourceFile[] {
    return [...this.sources.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** The resolved program for a date. */
  program(today: string): Program {
    if (!this.cachedProgram || this.cachedToday !== today) {
      this.cachedProgram = new Program(this.files(), today);
      this.cachedToday = today;
      this.patched.clear();
      this.last = undefined;
    } else if (this.patched.size > 0) {
      this.cachedProgram = this.cachedProgram.revalidated(this.patched);
      this.patched.clear();
    }
    return this.cachedProgram;
  }

  /** Resolves and runs every rule (only those an edit concerns, when the last check can be reused). */
  check(options: WorkspaceCheckOptions): CheckResult {
    const program = this.program(options.today);
    if (!this.incremental) return { program, diagnostics: checkProgram(program, options) };
    const key = optionsKey(options);
    const last = this.last?.key === key ? this.last : undefined;
    const reuse = last
      ? (rule: { id: string }): RuleRun | undefined => {
          const prev = last.runs.get(rule.id);
          if (!prev?.reads) return undefined;
          for (const name of prev.reads) if (last.changed.has(name)) return undefined;
          return last.moved.size === 0 ? prev : { id: prev.id, reads: prev.reads, findings: prev.findings.map((f) => moveFinding(f, last.moved)) };
        }
      : undefined;
    const runs = runRules(program, options, { track: true, reuse });
    this.last = { key, runs: new Map(runs.map((r) => [r.id, r])), changed: new Set(), moved: new Map() };
    return { program, diagnostics: finishCheck(program, runs, options) };
  }
}

/** What the reuse of rule findings depends on besides the files. */
function optionsKey(options: WorkspaceCheckOptions): string {
  return JSON.stringify([options.today, options.rules ? [...options.rules] : null, options.vanityTerms ?? []]);
}

/** A reused finding with its offsets moved by the value-only edits since it was made. */
function moveFinding(f: Finding, moved: ReadonlyMap<string, ReadonlyArray<(offset: number) => number>>): Finding {
  const move = (file: string | null, span: Span): Span => {
    const maps = file === null ? undefined : moved.get(file);
    if (!maps) return span;
    let { start, end } = span;
    for (const m of maps) {
      start = m(start);
      end = m(end);
    }
    return { start, end };
  };
  const d = f.d;
  const next: Diagnostic = {
    ...d,
    span: d.span ? move(d.file, d.span) : null,
    ...(d.related ? { related: d.related.map((r) => ({ ...r, span: move(r.file, r.span) })) } : {}),
    ...(d.fixes ? { fixes: d.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, span: move(e.file, e.span) })) })) } : {}),
  };
  return { d: next, file: f.file };
}

/** Parses, resolves and checks a set of files in one call. */
export function checkWorkspace(files: readonly WorkspaceFile[], options: WorkspaceCheckOptions, parser?: Parser): CheckResult {
  const ws = new Workspace({ incremental: false, ...(parser ? { parser } : {}) });
  for (const f of files) ws.set(f.path, f.contents);
  return ws.check(options);
}
